"""Checking XML documents against an XML Schema (XSD) given by the caller.

``validate_xml(data, "newsml-g2-2.35-with-nitf-3.6.xsd")`` returns readable
problems, one per line, empty when the document is valid. The document is
parsed as safely as every reader parses (no entities, no DTD, no network);
the schema's own imports are read from beside the schema file.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

from lxml import etree

from newsmodel.errors import NewsmodelError
from newsmodel.xmlsafe import parse_xml

__all__ = ["SchemaError", "validate_xml"]


class SchemaError(NewsmodelError, ValueError):
    """A schema file that cannot be read or compiled."""


@lru_cache(maxsize=8)
def _schema(path: str, mtime: float) -> Any:
    parser = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)
    try:
        return etree.XMLSchema(etree.parse(path, parser=parser))
    except OSError as exc:
        raise SchemaError(f"cannot read schema {path!r}: {exc}") from None
    except (etree.XMLSchemaParseError, etree.XMLSyntaxError) as exc:
        raise SchemaError(f"cannot compile schema {path!r}: {exc}") from None


def validate_xml(data: bytes | str, schema: str | os.PathLike[str]) -> list[str]:
    """Problems of ``data`` against the XSD at ``schema`` (``[]`` when valid).

    Each problem reads ``line L, column C: message``. Raises
    :class:`~newsmodel.errors.ReadError` when ``data`` is not well-formed XML
    and :class:`SchemaError` when the schema cannot be used.
    """
    path = os.fspath(schema)
    try:
        mtime = os.path.getmtime(path)
    except OSError as exc:
        raise SchemaError(f"cannot read schema {path!r}: {exc.strerror}") from None
    compiled = _schema(os.path.abspath(path), mtime)
    root = parse_xml(data, format="xml")
    if compiled.validate(root.getroottree()):
        return []
    return [f"line {e.line}, column {e.column}: {e.message}" for e in compiled.error_log]
