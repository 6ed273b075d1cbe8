"""Parsing untrusted XML: no entities, no DTD loading, no network, bounded size.

:func:`parse_xml` is the only way newsmodel's readers parse XML (with
:func:`parse_utf8`, its shortcut for UTF-8 bytes that need no decoding). The document
is decoded to text first (byte-order mark, UTF-16/32 byte pattern, or the XML
declaration's encoding), and the guard runs on that text: documents that
declare entities (billion laughs, quadratic blow-up, external file or URL
entities, parameter entities) or carry an internal DTD subset are refused,
whatever their encoding. libxml2 is then given the same text as UTF-8 and told
it is UTF-8, whatever the declaration says (even one only libxml2's recovery
reads, ``version="1.0"encoding="UTF-7"``), so that it never reads the document
differently from the guard. A ``DOCTYPE`` that only names a DTD (as old NITF
files do) is accepted and never loaded; a resolver refuses anything libxml2
would fetch all the same.
"""

from __future__ import annotations

import codecs
import re
from typing import Any

from lxml import etree

from newsmodel._input import (
    DEFAULT_MAX_BYTES,
    check_input,
    clean_text,
    decode_bytes,
    line_col,
    sniff_encoding,
)
from newsmodel.errors import InputTooLargeError, ReadError

__all__ = [
    "NOT_CHARSETS",
    "XML_ENCODING",
    "attribute",
    "default_nsmap",
    "element_text",
    "find_all",
    "find_first",
    "indent_metadata",
    "limit_error",
    "local_name",
    "parse_utf8",
    "parse_xml",
]

_ENTITY_DECL = re.compile(r"<!ENTITY", re.IGNORECASE)
# what may stand before a DOCTYPE: white space, the XML declaration, PIs, comments
_PROLOG_ITEM = re.compile(r"\s*(?:<\?.*?\?>|<!--.*?-->)", re.DOTALL)
# a DOCTYPE up to its end or to the "[" of an internal subset (quoted ids may hold either)
_DOCTYPE = re.compile(r"""\s*<!DOCTYPE(?:[^>\["']|"[^"]*"|'[^']*')*(\[)?""", re.IGNORECASE)
#: ``<?xml version="1.0" encoding="ISO-8859-1"?>``: the encoding an XML declaration names
#: (matched at the start of the bytes).
XML_ENCODING = re.compile(
    rb"""<\?xml\s[^>]{0,200}?encoding\s*=\s*["']([A-Za-z][\w.:-]{0,40})["']"""
)
_EBCDIC_START = b"\x4c\x6f\xa7\x94"  # "<?xm" in EBCDIC
#: Python codecs that are escapes or transforms, not character sets a document is in
#: (``encoding="rot13"``).
NOT_CHARSETS = frozenset({"idna", "punycode", "raw-unicode-escape", "unicode-escape", "rot-13"})
_DEPTH_LIMIT = re.compile(r"Excessive depth in document: (\d+)")
# libxml2's error code for its limits (2.14 on; older ones say XML_PARSE_HUGE in the message)
_RESOURCE_LIMIT: int = getattr(etree.ErrorTypes, "ERR_RESOURCE_LIMIT", -1)

_REFUSED = (
    "the document declares entities or an internal DTD subset, which are refused "
    "(no entity expansion)"
)


class _RefuseEverything(etree.Resolver):
    """A resolver that refuses every external DTD, entity or XInclude libxml2 asks for."""

    def __init__(self, format: str) -> None:
        super().__init__()
        self.format = format

    def resolve(self, system_url: str, public_id: str, context: object = None) -> Any:
        raise ReadError(
            f"the document refers to an external resource ({system_url!r}), which is never loaded",
            format=self.format,
        )


def _parser(format: str, recover: bool = False) -> etree.XMLParser:
    # collect_ids stays on: lxml's collect_ids=False sets libxml2's loadsubset flag,
    # which makes libxml2 load the external DTD subset and parameter entities
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        attribute_defaults=False,
        huge_tree=False,
        remove_pis=True,
        recover=recover,
        # the bytes are always the guard's text in UTF-8: an encoding declaration is
        # never obeyed (libxml2's recovery obeys one the strict parser refuses)
        encoding="utf-8",
    )
    parser.resolvers.add(_RefuseEverything(format))
    return parser


def _declared_encoding(raw: bytes, format: str) -> str | None:
    """The codec the XML declaration of an ASCII-compatible document names, checked."""
    if raw.startswith(_EBCDIC_START):
        raise ReadError("EBCDIC documents are not supported", format=format)
    match = XML_ENCODING.match(raw)
    if match is None:
        return None
    name = match.group(1).decode("ascii")
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        raise ReadError(f"unknown text encoding {name!r}", format=format) from None
    if codec in NOT_CHARSETS:
        raise ReadError(f"{name!r} is not a text encoding", format=format)
    try:  # read as ASCII, the declaration must read the same in the codec it names
        same = match.group().decode(codec) == match.group().decode("ascii")
    except (UnicodeDecodeError, LookupError):
        same = False
    if not same:
        raise ReadError(
            f"the XML declaration names {name}, which does not match the document's bytes",
            format=format,
        )
    return codec


def _xml_text(data: object, format: str, max_bytes: int) -> str:
    """The document as text, decoded the one way the guard and the parser both see."""
    data = check_input(data, format=format, max_bytes=max_bytes)
    if isinstance(data, str):
        return data[1:] if data.startswith("\ufeff") else data
    codec = sniff_encoding(data) or _declared_encoding(data, format) or "utf-8"
    return decode_bytes(data, codec, format=format)


def _refuse_declarations(text: str, format: str) -> None:
    """Refuse entity declarations anywhere, and a DOCTYPE with an internal subset."""
    if _ENTITY_DECL.search(text):
        raise ReadError(_REFUSED, format=format)
    pos = 0
    while (item := _PROLOG_ITEM.match(text, pos)) is not None:
        pos = item.end()
    doctype = _DOCTYPE.match(text, pos)
    if doctype is not None and doctype.group(1):
        raise ReadError(_REFUSED, format=format)


#: One item of a DOCTYPE's internal subset: white space, a parameter entity reference,
#: a comment, a PI, or a declaration with its quoted literals
#: (``<!ENTITY % nitf SYSTEM "nitf-3-0.dtd">``, ``%nitf;``, ``<!ELEMENT p (#PCDATA)>``).
_SUBSET_ITEM = re.compile(
    r"""\s+|%[^\s;%<>"']{1,200};|<!--.*?-->|<\?.*?\?>|<!(?:[^>"'<]|"[^"]*"|'[^']*')*>""",
    re.DOTALL,
)
#: A general (not parameter) entity declaration: ``<!ENTITY lol "lol">``.
_GENERAL_ENTITY = re.compile(r"<!ENTITY\s+(?!%)", re.IGNORECASE)
_SUBSET_END = re.compile(r"\]\s*>")


def _without_internal_subset(text: str, format: str) -> str:
    """``text`` with its DOCTYPE's internal subset taken out, its external id kept.

    Element and attribute declarations and parameter entities (``<!ENTITY %
    nitf SYSTEM "nitf-3-0.dtd"> %nitf;``) go unread and never fetched; a
    general entity declaration is refused as anywhere else.
    """
    pos = 0
    while (item := _PROLOG_ITEM.match(text, pos)) is not None:
        pos = item.end()
    doctype = _DOCTYPE.match(text, pos)
    if doctype is None or not doctype.group(1):
        return text
    pos = doctype.end()
    while (end := _SUBSET_END.match(text, pos)) is None:
        item = _SUBSET_ITEM.match(text, pos)
        if item is None:
            raise ReadError("the DOCTYPE's internal subset is not well-formed", format=format)
        if _GENERAL_ENTITY.match(item.group()):
            raise ReadError(_REFUSED, format=format)
        pos = item.end()
    return text[: doctype.end() - 1] + ">" + text[end.end() :]


def _as_utf8(text: str, format: str, utf8: bytes | None = None) -> bytes:
    """``text`` as UTF-8 for libxml2; ``utf8``, when given, is ``text`` in UTF-8 already."""
    if utf8 is not None:
        return utf8
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ReadError(
            f"character U+{ord(text[exc.start]):04X} (a lone surrogate) cannot be encoded",
            format=format,
            where=line_col(text, exc.start),
        ) from None


def limit_error(
    message: str, code: int, *, format: str | None, where: str | None = None
) -> InputTooLargeError | None:
    """Our error for a libxml2 error about one of its limits (nesting depth, huge text)."""
    depth = _DEPTH_LIMIT.search(message)
    if depth is not None:
        return InputTooLargeError(
            f"elements nest deeper than {depth.group(1)} levels, the parser's limit",
            format=format,
            where=where,
        )
    if code == _RESOURCE_LIMIT or "XML_PARSE_HUGE" in message:
        return InputTooLargeError(
            f"over the parser's limits: {message.strip()}", format=format, where=where
        )
    return None


def _parse(raw: bytes, format: str, recover: bool = False) -> etree._Element:
    try:
        root = etree.fromstring(raw, parser=_parser(format, recover))
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (0, 0)
        message = str(exc.msg or exc).split(", line ")[0]
        where = f"line {line}, column {column}"
        too_large = limit_error(message, getattr(exc, "code", -1), format=format, where=where)
        if too_large is not None:
            raise too_large from None
        raise ReadError(f"not well-formed XML: {message}", format=format, where=where) from None
    except (ValueError, etree.LxmlError) as exc:
        raise ReadError(f"cannot parse XML: {exc}", format=format) from None
    if root is None:
        raise ReadError("the document has no root element", format=format)
    return root


def _drop_entity_references(root: etree._Element) -> None:
    """References to entities nobody declared (``&nbsp;`` under a DTD that is never
    loaded) are dropped, never expanded. The text joined around one is cleaned of what
    XML forbids, which libxml2's recovery lets in (``&#1;``) and lxml will not set."""
    for entity in list(root.iter(etree.Entity)):
        parent = entity.getparent()
        if parent is None:
            continue
        previous = entity.getprevious()
        if entity.tail:
            if previous is not None:
                previous.tail = clean_text((previous.tail or "") + entity.tail)
            else:
                parent.text = clean_text((parent.text or "") + entity.tail)
        parent.remove(entity)


def parse_xml(
    data: bytes | str,
    *,
    format: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    drop_internal_subset: bool = False,
    utf8: bytes | None = None,
    recover: bool = False,
) -> etree._Element:
    """The root element of ``data``, parsed safely; :class:`ReadError` for anything bad.

    ``drop_internal_subset=True`` reads a document whose DOCTYPE has an
    internal subset without it (as NewsML 1.x agencies send them) instead of
    refusing it; entity declarations are refused all the same. ``utf8`` is
    the text ``data`` in UTF-8, when the caller decoded it from those bytes:
    they are parsed as they are, not encoded again (the caller may have put character
    references for named ones in them, ``&#160;`` for ``&nbsp;``, as the feed reader
    does: what the guard looks for, entity declarations and a DTD's internal subset,
    reads the same with either). ``recover=True`` reads what
    libxml2 can of a document that is not well-formed (a stray ``<``, an
    unclosed tag, a cut-off end), with the same refusals (no entities, no DTD,
    no network).
    """
    text = _xml_text(data, format, max_bytes)
    if not text or text.isspace():
        raise ReadError("the document is empty", format=format)
    if not isinstance(data, str) or len(text) != len(data):  # (a byte-order mark taken off)
        utf8 = None  # not the text the bytes given are
    if drop_internal_subset:
        without = _without_internal_subset(text, format)
        utf8 = utf8 if without is text else None
        text = without
    _refuse_declarations(text, format)
    root = _parse(_as_utf8(text, format, utf8), format, recover)
    _drop_entity_references(root)
    return root


#: ``<!D``, ``<!e``: how a DOCTYPE or a declaration opens (in any case) in UTF-8 bytes.
#: Bytes that hold none pass :func:`parse_xml`'s guard, which looks in their text for
#: ``<!ENTITY`` and ``<!DOCTYPE`` in any case (no character but ``e``, ``d`` and their
#: capitals reads as their first letter, when case is ignored).
_MAY_DECLARE = re.compile(rb"<![DdEe]")


def parse_utf8(raw: bytes, *, format: str) -> etree._Element | None:
    """The root element of ``raw``, as :func:`parse_xml` reads the text ``raw`` is in
    UTF-8, when that is sure without decoding them: no ``<!D`` nor ``<!E`` in them (in
    any case; so no DOCTYPE and no declaration for the guard to refuse), and libxml2,
    told they are UTF-8, reads them whole (it refuses bytes that are not UTF-8, as
    Python's decoder does); ``None`` otherwise, for the caller to read them through
    :func:`parse_xml`, which refuses, repairs or names what is wrong. Linear: one search
    and one parse, with :func:`parse_xml`'s parser.
    """
    if _MAY_DECLARE.search(raw) is not None:
        return None
    try:
        root = _parse(raw, format)
    except ReadError:
        return None
    _drop_entity_references(root)
    return root


def indent_metadata(element: Any, stop: frozenset[str], level: int = 0) -> None:
    """Indent an element tree for reading, leaving mixed content alone.

    Only elements whose content is elements alone are indented; descent stops
    at elements whose local name is in ``stop`` (bodies), so that no white
    space is ever added to text.
    """
    children = [c for c in element if isinstance(c.tag, str)]
    if not children or local_name(element) in stop or (element.text and element.text.strip()):
        return
    if any(c.tail and c.tail.strip() for c in children):
        return
    pad = "\n" + "  " * (level + 1)
    element.text = pad
    for child in children:
        indent_metadata(child, stop, level + 1)
        child.tail = pad
    children[-1].tail = "\n" + "  " * level


# ---------------------------------------------------------------------------
# reading helpers that ignore namespaces (feeds send them with, without or wrong)


def local_name(element: etree._Element, *, fold_case: bool = False) -> str:
    """An element's tag without its namespace; ``""`` for comments, PIs and entities.

    The one rule for every reader: XML names are case-sensitive, so the case
    is kept (``{http://iptc.org/std/nar/2006-10-01/}newsItem`` gives
    ``newsItem``: NewsML-G2 names are camelCase). ``fold_case=True``
    lower-cases it for HTML vocabularies, whose names are not case-sensitive:
    the markup reader reads HTML, XHTML and NITF bodies alike, and gives
    ``<P>`` in an XML-parsed body the meaning of ``<p>`` (an HTML parser
    lower-cases every tag itself).
    """
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    name = tag.rsplit("}", 1)[-1]
    return name.lower() if fold_case else name


def default_nsmap(namespace: str) -> Any:
    """An nsmap making ``namespace`` the default (typed loosely for lxml's stubs)."""
    return {None: namespace}


def find_first(element: Any, path: str) -> Any:
    """The first element at ``path`` (``a/b/c``, any namespace or none); ``None`` if absent."""
    if element is None:
        return None
    return element.find("/".join(f"{{*}}{part}" for part in path.split("/")))


def find_all(element: Any, path: str) -> list[Any]:
    """Every element at ``path`` (any namespace or none)."""
    if element is None:
        return []
    found: list[Any] = element.findall("/".join(f"{{*}}{part}" for part in path.split("/")))
    return found


def element_text(element: Any) -> str | None:
    """All text inside ``element``, white space collapsed; ``None`` when empty."""
    if element is None:
        return None
    text = " ".join("".join(element.itertext()).split())
    return text or None


def attribute(element: Any, name: str) -> str | None:
    """An attribute's value, white space collapsed; ``None`` when absent or empty."""
    if element is None:
        return None
    value = element.get(name)
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None
