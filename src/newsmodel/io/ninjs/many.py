"""Many ninjs items in one document: an array of items, or an API envelope.

``[{...}, {...}]`` and ``{"total": 2, "items": [{...}, {...}]}`` (or ``"item"``,
``"data"``) are read by :func:`read_many` as one article per item; a single
item gives one. Items that are not objects are skipped with an
:class:`~newsmodel.errors.IgnoredContentWarning`.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator

from newsmodel import model as m
from newsmodel.catalog import Catalog
from newsmodel.converters import json_type
from newsmodel.errors import IgnoredContentWarning, ReadError
from newsmodel.io._common import DEFAULT_MAX_BYTES, decode_text, parse_json
from newsmodel.io.ninjs.reader import article_from_object
from newsmodel.io.ninjs.shape import FORMAT, MAX_DEPTH, JSONValue

__all__ = ["ENVELOPE_KEYS", "items_of", "read_many"]

#: Keys of an API envelope that hold the items, in the order looked at:
#: ``{"total": 2, "items": [...]}``.
ENVELOPE_KEYS = ("items", "item", "data")


def items_of(doc: JSONValue) -> tuple[str, list[JSONValue]]:
    """``(JSON path of the array, items)`` of an array, an envelope, or one item."""
    if isinstance(doc, list):
        return "$", doc
    if isinstance(doc, dict) and "uri" not in doc:
        for key in ENVELOPE_KEYS:
            found = doc.get(key)
            if isinstance(found, list):
                return f"$.{key}", found
    if isinstance(doc, dict):
        return "", [doc]
    raise ReadError(
        f"expected a JSON object or array, got {json_type(doc)}", format=FORMAT.name, where="$"
    )


def _articles(
    path: str, items: list[JSONValue], version: str | None, catalog: Catalog | None
) -> Iterator[m.Article]:
    for index, item in enumerate(items):
        where = f"{path}[{index}]" if path else "$"
        if not isinstance(item, dict):
            warnings.warn(
                IgnoredContentWarning(f"ninjs: {where} is {json_type(item)}, not an item; skipped"),
                stacklevel=2,
            )
            continue
        yield article_from_object(item, version=version, catalog=catalog, where=where)


def read_many(
    data: bytes | str,
    *,
    version: str | None = None,
    catalog: Catalog | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[m.Article]:
    """Every ninjs item of ``data`` (an array, an envelope, or one item), in order.

    The document is parsed at once; articles are made as the iterator is read.
    ``version`` and ``catalog`` are those of :func:`~newsmodel.io.ninjs.read`.
    """
    text = decode_text(data, format=FORMAT.name, max_bytes=max_bytes)
    path, items = items_of(parse_json(text, format=FORMAT.name, max_depth=MAX_DEPTH))
    return _articles(path, items, version, catalog)
