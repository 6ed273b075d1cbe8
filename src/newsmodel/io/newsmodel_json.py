"""``newsmodel``: the project's own JSON, lossless, strict and versioned.

A document is an object with two keys::

    {"newsmodel": "1.0", "article": {...}}

``newsmodel`` is the schema version (``MAJOR.MINOR``), separate from the
package version. A reader accepts documents of its own major version whose
minor version is not newer than its own; anything else is refused with a
message that names both versions. The JSON Schema (2020-12) ships in the
package as ``newsmodel/schema/newsmodel-1.schema.json`` (see
:func:`schema`).

Every article the model can hold survives ``read(write(article))``.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

import cattrs

from newsmodel._json import brief
from newsmodel.converters import describe_error, json_type, make_converter
from newsmodel.errors import InputTooLargeError, ReadError, SchemaVersionError
from newsmodel.io import NEWSMODEL as FORMAT
from newsmodel.io._common import DEFAULT_MAX_BYTES, decode_text, parse_json
from newsmodel.model import Article

__all__ = ["FORMAT", "SCHEMA_VERSION", "read", "schema", "sniff", "write"]

#: The schema version this package writes (and the newest it reads).
SCHEMA_VERSION = "1.0"
_MAJOR, _MINOR = (int(x) for x in SCHEMA_VERSION.split("."))
_VERSION = re.compile(r"([0-9]{1,4})\.([0-9]{1,4})")
_SNIFF = re.compile(rb'^\s*\{\s*"newsmodel"\s*:')

#: Deepest nesting of arrays and objects a document may have.
MAX_DEPTH = 200
#: Longest reason an error message gives (the model's own messages may quote
#: a whole value); longer ones are cut.
_REASON_LIMIT = 500
#: Unknown keys an error message lists by name.
_KEYS_SHOWN = 5


@cache
def _converter() -> cattrs.Converter:
    return make_converter()


def schema() -> dict[str, Any]:
    """The JSON Schema (2020-12) of the current document version."""
    text = resources.files("newsmodel.schema").joinpath("newsmodel-1.schema.json").read_text()
    result: dict[str, Any] = json.loads(text)
    return result


def sniff(head: bytes) -> bool:
    """True when ``head`` starts a newsmodel JSON document."""
    return _SNIFF.match(head.lstrip(b"\xef\xbb\xbf")) is not None


def _shown(value: object) -> str:
    """A JSON value as an error message shows it: strings quoted and cut, containers named."""
    if isinstance(value, str):
        return brief(value)
    return json_type(value) if isinstance(value, (dict, list)) else repr(value)


def _keys(keys: list[str], *, quote: bool) -> str:
    """Some keys for an error message, cut, with how many more there are."""
    shown = ", ".join((brief(k) if quote else _reason(k[:100])) for k in keys[:_KEYS_SHOWN])
    return shown + (f" (and {len(keys) - _KEYS_SHOWN} more)" if len(keys) > _KEYS_SHOWN else "")


def _reason(text: str) -> str:
    """A reason from the model or cattrs, safe to print: cut short, lone surrogates escaped."""
    if len(text) > _REASON_LIMIT:
        text = text[:_REASON_LIMIT] + "…"
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _check_version(version: object) -> None:
    if not isinstance(version, str) or not (match := _VERSION.fullmatch(version)):
        raise SchemaVersionError(
            f"schema version must be a string like {SCHEMA_VERSION!r}, got {_shown(version)}",
            format=FORMAT.name,
            where="$.newsmodel",
        )
    major, minor = int(match.group(1)), int(match.group(2))
    if major != _MAJOR or minor > _MINOR:
        raise SchemaVersionError(
            f"document schema version {version} cannot be read by this newsmodel, "
            f"which reads schema {_MAJOR}.0–{SCHEMA_VERSION}",
            format=FORMAT.name,
            where="$.newsmodel",
        )


def read(data: bytes | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read a newsmodel JSON document.

    Raises :class:`~newsmodel.errors.ReadError` (with a line and column, or a
    JSON path) for anything that is not a valid document of a supported
    schema version.
    """
    text = decode_text(data, format=FORMAT.name, max_bytes=max_bytes)
    doc = parse_json(text, format=FORMAT.name, max_depth=MAX_DEPTH)
    if not isinstance(doc, dict):
        raise ReadError(
            f"expected a JSON object, got {type(doc).__name__}", format=FORMAT.name, where="$"
        )
    if "newsmodel" not in doc:
        found = _keys(sorted(doc), quote=True) or "none"
        raise ReadError(
            "not a newsmodel document: the schema version key 'newsmodel' is missing "
            f"(keys found: {found})",
            format=FORMAT.name,
            where="$",
        )
    _check_version(doc["newsmodel"])
    extra = sorted(set(doc) - {"newsmodel", "article"})
    if extra:
        raise ReadError(
            f"unknown key(s): {_keys(extra, quote=False)}", format=FORMAT.name, where="$"
        )
    if "article" not in doc:
        raise ReadError("the 'article' key is missing", format=FORMAT.name, where="$")
    try:
        article: Article = _converter().structure(doc["article"], Article)
    except (cattrs.BaseValidationError, ValueError, TypeError) as exc:
        problems = describe_error(exc, path="$.article")
        where, reason = problems[0] if problems else ("$.article", str(exc))
        if len(problems) > 1:
            reason += f" (and {len(problems) - 1} more problem(s))"
        raise ReadError(_reason(reason), format=FORMAT.name, where=_reason(where)) from None
    except RecursionError:
        raise InputTooLargeError("document nests too deeply", format=FORMAT.name) from None
    return article


def to_data(article: Article) -> dict[str, Any]:
    """The JSON-ready document (a dict) for ``article``."""
    return {"newsmodel": SCHEMA_VERSION, "article": _converter().unstructure(article)}


def write(article: Article, *, indent: int | None = 2, strict: bool = False) -> str:
    """Write ``article`` as a newsmodel JSON document (UTF-8 text, newline at the end).

    Nothing is ever lost, so ``strict`` changes nothing; it is accepted so that
    every writer takes the same options.
    """
    del strict
    return json.dumps(to_data(article), ensure_ascii=False, indent=indent) + "\n"
