"""Checking documents against the schemas newsmodel ships, or an XSD the caller names.

>>> import newsmodel
>>> newsmodel.validate('{"newsmodel": "1.0", "article": {"headline": "Hi"}}')
[]
>>> newsmodel.validate('{"uri": "urn:x:1", "urgency": "high"}', "ninjs-3.1")
[Problem(where='$.urgency', why="'high' is not of type 'integer'")]

:func:`validate` picks the schema by format (guessed when not given; ninjs by
its version): NewsML-G2 2.35 (with NITF 3.6 checked inside ``<inlineXML>``),
NITF 3.6, ninjs 1.6, 2.2 or 3.1, and newsmodel's own JSON. The schemas are read
from the installed package, every import through a resolver that knows only
the packaged files: validation never opens the network or a file outside the
package. The document is parsed as safely as every reader parses it (no
entities, no DTD, bounded size and depth).

XML Schemas need only lxml. JSON Schemas (ninjs, newsmodel) need the
``jsonschema`` package, installed by the ``validate`` extra
(``pip install 'newsmodel[validate]'``); without it, checking a JSON document
raises :class:`SchemaError` saying so. newsmodel itself depends on four
packages only, and writing a JSON Schema validator of its own would be code
written twice.
"""

from __future__ import annotations

import importlib
import json
import os
import threading
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache
from importlib import resources
from typing import Any, cast

import attrs
from lxml import etree

from newsmodel._input import DEFAULT_MAX_BYTES, decode_text
from newsmodel._json import parse_json
from newsmodel.errors import FormatError, NewsmodelError, ReadError, UnknownFormatError
from newsmodel.registry import detect_format, get_format
from newsmodel.xmlsafe import parse_xml

__all__ = [
    "SCHEMAS",
    "Problem",
    "Report",
    "SchemaError",
    "SchemaInfo",
    "check",
    "schema_text",
    "validate",
    "validate_xml",
]


class SchemaError(NewsmodelError, ValueError):
    """A schema that cannot be used: unreadable, not compiling, or needing a missing package."""


@attrs.frozen
class Problem:
    """One reason a document is invalid: ``where`` it is and ``why``.

    ``where`` is ``"line 3, column 7"`` in XML and a JSON path such as
    ``"$.headlines[0].value"`` in JSON (``"$"``: the whole document).
    """

    where: str
    why: str

    def __str__(self) -> str:
        return f"{self.where}: {self.why}" if self.where else self.why


@attrs.frozen
class SchemaInfo:
    """A schema shipped in ``newsmodel/schema``: its file there and what it is."""

    name: str
    path: str
    title: str
    #: The namespace a document's root must be in (XML Schemas only): the driver
    #: schema also declares NITF's elements, which are no NewsML-G2 item.
    root: str | None = None

    @property
    def is_xsd(self) -> bool:
        return self.path.endswith(".xsd")


@attrs.frozen
class Report:
    """What :func:`check` found: the schema used and the problems (none: valid)."""

    schema: SchemaInfo
    problems: list[Problem]


#: The namespaces of NewsML-G2 and NITF 3.x.
G2_NAMESPACE = "http://iptc.org/std/nar/2006-10-01/"
NITF_NAMESPACE = "http://iptc.org/std/NITF/2006-10-18/"


def _schemas(*entries: SchemaInfo) -> Mapping[str, SchemaInfo]:
    return {entry.name: entry for entry in entries}


#: The schemas newsmodel ships, by name (what ``format=`` and ``newsmodel schema NAME`` take).
SCHEMAS: Mapping[str, SchemaInfo] = _schemas(
    SchemaInfo(
        "newsml-g2",
        "xsd/newsml-g2-with-nitf.xsd",
        "NewsML-G2 2.35 (NITF 3.6 inside)",
        root=G2_NAMESPACE,
    ),
    SchemaInfo("nitf", "xsd/nitf-3-6.xsd", "NITF 3.6", root=NITF_NAMESPACE),
    SchemaInfo("ninjs-3.1", "ninjs/ninjs-schema_3.1.json", "ninjs 3.1"),
    SchemaInfo("ninjs-2.2", "ninjs/ninjs-schema_2.2.json", "ninjs 2.2"),
    SchemaInfo("ninjs-1.6", "ninjs/ninjs-schema_1.6.json", "ninjs 1.6"),
    SchemaInfo("newsmodel", "newsmodel-1.schema.json", "newsmodel JSON 1.x"),
)

#: The schema each format is checked against (ninjs: by major version, below).
_FORMAT_SCHEMA = {"newsml": "newsml-g2", "nitf": "nitf", "newsmodel": "newsmodel"}
#: XML the format sniffers cannot tell (an IPTC item other than a news item): the
#: root's namespace names the schema, e.g. a G2 ``<catalogItem>``.
_XML_ROOT_SCHEMA = {G2_NAMESPACE: "newsml-g2", NITF_NAMESPACE: "nitf"}
#: ninjs major version (as ``newsmodel.io.ninjs.detect_version`` gives it) -> schema.
_NINJS_SCHEMA = {"1": "ninjs-1.6", "2": "ninjs-2.2", "3": "ninjs-3.1"}
#: Schemas other schemas ``$ref`` by URL, with the packaged file for each.
_JSON_REFERENCED = {"https://geojson.org/schema/GeoJSON.json": "ninjs/GeoJSON-schema.json"}
#: Problems listed at most; past it, one more problem says how many were left out.
MAX_PROBLEMS = 200
#: Longest reason a problem gives; JSON Schema messages quote whole values.
_WHY_LIMIT = 300
#: Base URL of packaged XSDs, so that their relative imports come to our resolver.
_XSD_BASE = "newsmodel-schema:/xsd/"

#: One XSD validation at a time: lxml keeps the error log on the shared, cached schema.
_XSD_LOCK = threading.Lock()


def _package_file(path: str) -> bytes:
    return resources.files("newsmodel.schema").joinpath(path).read_bytes()


def schema_text(name: str = "newsmodel") -> str:
    """The text of the shipped schema ``name`` (a key of :data:`SCHEMAS`)."""
    info = SCHEMAS.get(name)
    if info is None:
        raise SchemaError(f"no schema {name!r} (schemas: {', '.join(SCHEMAS)})")
    return _package_file(info.path).decode("utf-8")


# ---------------------------------------------------------------------------
# XML Schemas


class _PackagedImports(etree.Resolver):
    """Serves every ``xs:import`` and ``xs:include`` from the package's ``xsd/`` folder only."""

    def resolve(self, system_url: str, public_id: str, context: object = None) -> Any:
        name = system_url.rsplit("/", 1)[-1]
        if not system_url.startswith(_XSD_BASE) or "/" in system_url[len(_XSD_BASE) :]:
            raise SchemaError(f"a packaged schema refers to {system_url!r}, which is not shipped")
        try:
            data = _package_file(f"xsd/{name}")
        except OSError:
            raise SchemaError(f"a packaged schema imports {name!r}, which is missing") from None
        return self.resolve_string(data, context, base_url=_XSD_BASE + name)


@cache
def _packaged_xsd(path: str) -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)
    parser.resolvers.add(_PackagedImports())
    name = path.rsplit("/", 1)[-1]
    try:
        doc = etree.fromstring(_package_file(path), parser, base_url=_XSD_BASE + name)
        return etree.XMLSchema(doc)
    except (OSError, etree.XMLSchemaParseError, etree.XMLSyntaxError) as exc:
        raise SchemaError(f"cannot load the packaged schema {path!r}: {exc}") from None


@lru_cache(maxsize=8)
def _file_xsd(path: str, mtime: float) -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)
    try:
        return etree.XMLSchema(etree.parse(path, parser=parser))
    except OSError as exc:
        raise SchemaError(f"cannot read schema {path!r}: {exc}") from None
    except (etree.XMLSchemaParseError, etree.XMLSyntaxError) as exc:
        raise SchemaError(f"cannot compile schema {path!r}: {exc}") from None


def _limited(problems: Iterable[Problem]) -> list[Problem]:
    """The first :data:`MAX_PROBLEMS` problems, and one that counts the rest."""
    shown: list[Problem] = []
    more = 0
    for problem in problems:
        if len(shown) < MAX_PROBLEMS:
            shown.append(problem)
        else:
            more += 1
    if more:
        shown.append(Problem("", f"{more} more problem(s) not listed"))
    return shown


def _cut(text: str) -> str:
    return text if len(text) <= _WHY_LIMIT else text[: _WHY_LIMIT - 1] + "…"


def _xml_problems(
    data: bytes | str,
    schema: etree.XMLSchema,
    format: str,
    max_bytes: int,
    namespace: str | None = None,
) -> list[Problem]:
    root = parse_xml(data, format=format, max_bytes=max_bytes)
    found = etree.QName(root).namespace
    if namespace is not None and found != namespace:
        where = f"line {root.sourceline}, column 0"
        return [Problem(where, f"the root element {root.tag!r} is not in {namespace}")]
    with _XSD_LOCK:
        if schema.validate(root.getroottree()):
            return []
        # lxml-stubs declare no iteration on error logs; lxml's iterate over _LogEntry
        errors = list(cast("Iterable[Any]", schema.error_log))
    return _limited(Problem(f"line {e.line}, column {e.column}", _cut(e.message)) for e in errors)


def validate_xml(data: bytes | str, schema: str | os.PathLike[str]) -> list[str]:
    """Problems of ``data`` against the XSD file at ``schema`` (``[]`` when valid).

    Each problem reads ``line L, column C: message``. The schema's own imports
    are read from beside it. Raises :class:`~newsmodel.errors.ReadError` when
    ``data`` is not well-formed XML and :class:`SchemaError` when the schema
    cannot be used. :func:`validate` checks against the shipped schemas instead.
    """
    path = os.fspath(schema)
    try:
        mtime = os.path.getmtime(path)
    except OSError as exc:
        raise SchemaError(f"cannot read schema {path!r}: {exc.strerror}") from None
    compiled = _file_xsd(os.path.abspath(path), mtime)
    return [str(p) for p in _xml_problems(data, compiled, "xml", DEFAULT_MAX_BYTES)]


# ---------------------------------------------------------------------------
# JSON Schemas


def _optional(module: str) -> Any:
    """An optional dependency's module (untyped: it may be absent), else our error."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise SchemaError(
            f"checking JSON documents needs the {module!r} package: "
            "pip install 'newsmodel[validate]'"
        ) from None


def _json_file(path: str) -> Any:
    return json.loads(_package_file(path).decode("utf-8"))


@cache
def _json_validator(path: str) -> Any:
    """A format-checking validator for the packaged JSON Schema at ``path``, offline."""
    jsonschema = _optional("jsonschema")
    referencing = _optional("referencing")
    schema = _json_file(path)
    # an explicit registry of the packaged schemas: jsonschema never fetches a $ref
    registry = referencing.Registry().with_resources(
        (url, referencing.Resource.from_contents(_json_file(file)))
        for url, file in _JSON_REFERENCED.items()
    )
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, registry=registry, format_checker=cls.FORMAT_CHECKER)


def _json_path(parts: Iterable[object]) -> str:
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in parts)


def _json_why(error: Any, best_match: Any) -> str:
    """The error's message, and for a failed ``oneOf``/``anyOf`` the closest alternative's."""
    why = _cut(error.message)
    if error.context:
        closest = best_match(error.context)
        why += f" (closest: {_cut(closest.message)} at {_json_path(closest.absolute_path)})"
    return why


def _json_problems(doc: Any, path: str) -> list[Problem]:
    validator = _json_validator(path)
    best_match = _optional("jsonschema.exceptions").best_match
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(map(str, e.absolute_path)))
    return _limited(Problem(_json_path(e.absolute_path), _json_why(e, best_match)) for e in errors)


def _ninjs_schema(doc: Any) -> str:
    # imported here: the ninjs reader loads only when a ninjs document is checked
    from newsmodel.io.ninjs import detect_version

    return _NINJS_SCHEMA[detect_version(doc)] if isinstance(doc, dict) else "ninjs-3.1"


# ---------------------------------------------------------------------------
# the entry points


def _root_namespace(data: bytes | str) -> str:
    """The namespace of an XML document's root (``""``: no namespace, or not XML)."""
    try:
        return etree.QName(parse_xml(data, format="xml")).namespace or ""
    except ReadError:
        return ""


def _schema_name(format: str | None, data: bytes | str, filename: str | None) -> str:
    """The name of the schema for ``format`` (or the detected format); ``"ninjs"`` stays open."""
    if format is not None and format in SCHEMAS:
        return format
    if format is not None:
        info = get_format(format)
    else:
        try:
            info = detect_format(data, filename)
        except UnknownFormatError:
            by_root = _XML_ROOT_SCHEMA.get(_root_namespace(data))
            if by_root is None:
                raise
            return by_root
    if info.name == "ninjs":
        return "ninjs"
    name = _FORMAT_SCHEMA.get(info.name)
    if name is None:
        raise FormatError(
            f"no schema to check {info.name} against (schemas: newsml, nitf, ninjs, newsmodel)"
        )
    return name


def check(
    data: bytes | str,
    format: str | None = None,
    *,
    filename: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Report:
    """Check ``data`` against the shipped schema for its format; :func:`validate` in full.

    The :class:`Report` also names the schema used. ``filename`` helps to
    guess the format by its extension.
    """
    name = _schema_name(format, data, filename)
    if name in SCHEMAS and SCHEMAS[name].is_xsd:
        info = SCHEMAS[name]
        compiled = _packaged_xsd(info.path)
        return Report(info, _xml_problems(data, compiled, name, max_bytes, info.root))
    text = decode_text(data, format=name, max_bytes=max_bytes)
    doc = parse_json(text, format=name)
    info = SCHEMAS[_ninjs_schema(doc) if name == "ninjs" else name]
    return Report(info, _json_problems(doc, info.path))


def validate(
    data: bytes | str,
    format: str | None = None,
    *,
    filename: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> list[Problem]:
    """The problems of ``data`` against the schema for its format (``[]``: valid).

    ``format`` is a format name (``newsml``, ``nitf``, ``ninjs``, ``newsmodel``
    or an alias), a schema name of :data:`SCHEMAS` (``"ninjs-2.2"`` checks
    against that version), or ``None`` to guess it from the content (and
    ``filename``'s extension). A ninjs document is checked against the newest
    schema of its major version (1.6, 2.2 or 3.1).

    Raises :class:`~newsmodel.errors.ReadError` when ``data`` is not
    well-formed XML or JSON (or is larger than ``max_bytes``),
    :class:`~newsmodel.errors.FormatError` when the format has no schema or
    cannot be told, and :class:`SchemaError` when a JSON document is given
    without the ``validate`` extra installed.
    """
    return check(data, format, filename=filename, max_bytes=max_bytes).problems
