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
from newsmodel.formats._common import DEFAULT_MAX_BYTES

__all__ = ["parse_xml"]

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
    for element in root.iter():
        if isinstance(element, etree._Entity):
            raise ReadError("the document uses undeclared entities", format=format)
    return root
