"""Parsing untrusted XML: no entities, no DTD loading, no network, bounded size.

:func:`parse_xml` is the only way newsmodel's readers parse XML. Documents
that declare entities (billion laughs, quadratic blow-up, external file or
URL entities) are refused before parsing; a ``DOCTYPE`` that only names a
DTD (as old NITF files do) is accepted and never loaded.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from newsmodel.errors import InputTooLargeError, ReadError
from newsmodel.io._common import DEFAULT_MAX_BYTES

__all__ = [
    "attribute",
    "default_nsmap",
    "element_text",
    "find_all",
    "find_first",
    "indent_metadata",
    "parse_xml",
]

_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)
_DOCTYPE_SUBSET = re.compile(rb"<!DOCTYPE[^>\[]*\[", re.IGNORECASE)
_ENCODING_DECL = re.compile(
    rb"^(\s*<\?xml[^>]*?)\s+encoding\s*=\s*[\"'][^\"']*[\"']", re.IGNORECASE
)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_pis=True,
        collect_ids=False,
    )


def parse_xml(data: bytes | str, *, format: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Any:
    """The root element of ``data``, parsed safely; :class:`ReadError` for anything bad."""
    if isinstance(data, str):
        raw = data.encode("utf-8")
        raw = _ENCODING_DECL.sub(rb"\1", raw, count=1)  # the text is UTF-8 now
    elif isinstance(data, (bytes, bytearray, memoryview)):
        raw = bytes(data)
    else:
        raise ReadError(f"expected bytes or str, got {type(data).__name__}", format=format)
    if len(raw) > max_bytes:
        raise InputTooLargeError(
            f"input of {len(raw)} bytes is over the limit of {max_bytes}", format=format
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if not raw.strip():
        raise ReadError("the document is empty", format=format)
    head = raw[: raw.find(b">", raw.find(b"<!DOCTYPE")) + 1 if b"<!DOCTYPE" in raw[:4096] else 0]
    if _ENTITY_DECL.search(raw) or (head and _DOCTYPE_SUBSET.search(raw[:65536])):
        raise ReadError(
            "the document declares entities or an internal DTD subset, which are refused "
            "(no entity expansion)",
            format=format,
        )
    try:
        root = etree.fromstring(raw, parser=_parser())
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (0, 0)
        message = str(exc.msg or exc).split(", line ")[0]
        raise ReadError(
            f"not well-formed XML: {message}", format=format, where=f"line {line}, column {column}"
        ) from None
    except (ValueError, etree.LxmlError) as exc:
        raise ReadError(f"cannot parse XML: {exc}", format=format) from None
    if root is None:
        raise ReadError("the document has no root element", format=format)
    # references to entities nobody declared (e.g. &nbsp; under a DTD that is never
    # loaded) are dropped, never expanded
    for entity in [e for e in root.iter() if isinstance(e, etree._Entity)]:
        parent = entity.getparent()
        if parent is None:
            continue
        previous = entity.getprevious()
        if entity.tail:
            if previous is not None:
                previous.tail = (previous.tail or "") + entity.tail
            else:
                parent.text = (parent.text or "") + entity.tail
        parent.remove(entity)
    return root


def indent_metadata(element: Any, stop: frozenset[str], level: int = 0) -> None:
    """Indent an element tree for reading, leaving mixed content alone.

    Only elements whose content is elements alone are indented; descent stops
    at elements whose local name is in ``stop`` (bodies), so that no white
    space is ever added to text.
    """
    children = [c for c in element if isinstance(c.tag, str)]
    name = element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""
    if not children or name in stop or (element.text and element.text.strip()):
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
