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

Bad values get the library's one treatment: a value of the wrong JSON type
(``"headline": 5``, a string where an array belongs) is left out with an
:class:`~newsmodel.errors.IgnoredContentWarning` naming its JSON path and
why; when the model cannot do without it (a byline's name), the object that
holds it goes too, and is named. Everything else stays strict, as a
versioned format should: no JSON, a root that is no object, a missing or
newer schema version, unknown keys, a value the model refuses (a blank
string, an unknown enum value, a date that is no date) are a
:class:`~newsmodel.errors.ReadError`.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

import cattrs

from newsmodel._json import JSONObject, JSONValue, brief
from newsmodel.converters import describe_error, json_type, make_converter
from newsmodel.errors import InputTooLargeError, ReadError, SchemaVersionError
from newsmodel.io import NEWSMODEL as FORMAT
from newsmodel.io._common import DEFAULT_MAX_BYTES, decode_text, parse_json, warn_ignored
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
#: How the converters' hooks word a value of the wrong JSON type: "expected a string, got number".
_WRONG_TYPE = re.compile(r"expected .+, got (?:null|boolean|number|string|array|object)")
#: How cattrs words a required key that is absent (here: one left out for its type).
_REQUIRED = "required key is missing"
#: Rounds of leaving values out: a left-out value the model needs takes its object with it,
#: one level of nesting a round (no chain of required fields in the model is this long).
_MAX_ROUNDS = 8
#: One step of a JSON path the converters give: ``.name`` or ``[3]``.
_STEP = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[([0-9]+)\]")


@cache
def _converter() -> cattrs.Converter:
    return make_converter()


def schema() -> JSONObject:
    """The JSON Schema (2020-12) of the current document version."""
    text = resources.files("newsmodel.schema").joinpath("newsmodel-1.schema.json").read_text()
    result: JSONObject = json.loads(text)
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
    ignored: list[tuple[str, str]] = []
    article = _structure(doc, ignored)
    warn_ignored(FORMAT.name, ignored)
    return article


def _structure(doc: JSONObject, ignored: list[tuple[str, str]]) -> Article:
    """The article ``doc["article"]`` holds, leaving out values of the wrong JSON type.

    Each round structures the whole article; the values cattrs names as of
    the wrong type, and the objects that lost a value they need, are removed
    and added to ``ignored`` (with the paths the input had). Any other problem
    is a :class:`ReadError`.
    """
    removal = _Removal(doc)
    for _ in range(_MAX_ROUNDS):
        try:
            article: Article = _converter().structure(doc["article"], Article)
        except (cattrs.BaseValidationError, ValueError, TypeError) as exc:
            problems = describe_error(exc, path="$.article")
            drops, others = removal.plan(problems)
            if others or not drops:
                _refuse(exc, others or problems)
            removal.remove(drops, ignored)
        except RecursionError:
            raise InputTooLargeError("document nests too deeply", format=FORMAT.name) from None
        else:
            return article
    raise ReadError("values of the wrong type nested too deeply to leave out", format=FORMAT.name)


def _refuse(exc: BaseException, problems: list[tuple[str, str]]) -> None:
    where, reason = problems[0] if problems else ("$.article", str(exc))
    if len(problems) > 1:
        reason += f" (and {len(problems) - 1} more problem(s))"
    raise ReadError(_reason(reason), format=FORMAT.name, where=_reason(where)) from None


class _Removal:
    """Values removed from a parsed document, round by round, told with the input's paths.

    Arrays that lost items are thinned, so later rounds' paths count the
    items left; each thinned array's original indices are kept to say where
    a value was in the input.
    """

    def __init__(self, doc: JSONObject) -> None:
        self.doc = doc
        self.indices: dict[int, list[int]] = {}  # id of a thinned array: its items' old indices
        self.removed: set[str] = set()  # the input's paths of what was removed

    def plan(
        self, problems: list[tuple[str, str]]
    ) -> tuple[dict[str, tuple[str, str]], list[tuple[str, str]]]:
        """What to remove (path now: path in the input, why) for ``problems``, and the
        problems removing cannot solve."""
        drops: dict[str, tuple[str, str]] = {}
        others: list[tuple[str, str]] = []
        for where, why in problems:
            told = self.told(where)
            if told not in (None, "$.article") and _WRONG_TYPE.fullmatch(why):
                drops.setdefault(where, (told, why))
                continue
            holder, _, key = where.rpartition(".")
            if told in self.removed and why == _REQUIRED and holder != "$.article":
                # the model needs what was left out: the object holding it goes too
                drops.setdefault(holder, (self.told(holder) or holder, f"needs {key}, left out"))
            else:
                others.append((where, why))
        return drops, others

    def told(self, path: str) -> str | None:
        """``path`` (counting the items left now) as the input had it; ``None`` when it
        leads nowhere."""
        steps = _steps(path)
        if not steps:
            return None
        value: JSONValue = self.doc
        told = "$"
        for i, step in enumerate(steps):
            if isinstance(step, int) and isinstance(value, list) and step < len(value):
                told += f"[{self._old(value, step)}]"
                value = value[step]
            elif isinstance(step, str) and isinstance(value, dict):
                told += f".{step}"
                value = value.get(step)  # the last key may be absent (required, missing)
                if value is None and i < len(steps) - 1:
                    return None
            else:
                return None
        return told

    def remove(self, drops: dict[str, tuple[str, str]], ignored: list[tuple[str, str]]) -> None:
        """Remove the value at each path of ``drops``; tell each in ``ignored``."""
        thinned: dict[int, tuple[list[JSONValue], set[int]]] = {}
        for where, (told, why) in drops.items():
            steps = _steps(where) or []
            holder = self._at(steps[:-1])
            last = steps[-1]
            if isinstance(holder, dict):
                holder.pop(str(last), None)
            elif isinstance(holder, list) and isinstance(last, int):
                thinned.setdefault(id(holder), (holder, set()))[1].add(last)
            ignored.append((told, why))
            self.removed.add(told)
        for items, gone in thinned.values():
            old = [self._old(items, i) for i in range(len(items)) if i not in gone]
            items[:] = [item for i, item in enumerate(items) if i not in gone]
            self.indices[id(items)] = old

    def _at(self, steps: list[str | int]) -> JSONValue:
        """The value ``steps`` lead to (``None`` where they lead nowhere)."""
        value: JSONValue = self.doc
        for step in steps:
            if isinstance(step, int) and isinstance(value, list) and step < len(value):
                value = value[step]
            elif isinstance(step, str) and isinstance(value, dict):
                value = value.get(step)
            else:
                return None
        return value

    def _old(self, items: list[JSONValue], index: int) -> int:
        known = self.indices.get(id(items))
        return known[index] if known is not None else index


def _steps(path: str) -> list[str | int] | None:
    """``$.article.bylines[0].name`` as ``["article", "bylines", 0, "name"]``; ``None`` if
    it is no such path."""
    if not path.startswith("$"):
        return None
    steps: list[str | int] = []
    end = 1
    for match in _STEP.finditer(path, 1):
        if match.start() != end:
            return None
        key, index = match.groups()
        steps.append(key if key is not None else int(index))
        end = match.end()
    return steps if end == len(path) else None


def to_data(article: Article) -> JSONObject:
    """The JSON-ready document (a dict) for ``article``."""
    return {"newsmodel": SCHEMA_VERSION, "article": _converter().unstructure(article)}


def write(article: Article, *, indent: int | None = 2, strict: bool = False) -> str:
    """Write ``article`` as a newsmodel JSON document (UTF-8 text, newline at the end).

    Nothing is ever lost, so ``strict`` changes nothing; it is accepted so that
    every writer takes the same options.
    """
    del strict
    return json.dumps(to_data(article), ensure_ascii=False, indent=indent) + "\n"
