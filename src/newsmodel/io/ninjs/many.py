"""Many ninjs items in one document: an array of items, or an API envelope.

``[{...}, {...}]`` and ``{"total": 2, "items": [{...}, {...}]}`` (or ``"item"``,
``"_items"``, ``"data"``, ``"results"``, nested up to :data:`ENVELOPE_DEPTH`:
``{"data": {"items": [...]}}``) are read by :func:`read_many` as one article
per item; an entry that wraps its item beside data about it
(``{"meta": {...}, "item": {"uri": ...}}``) gives that item; a single item
gives one. Entries that are not objects are skipped with an
:class:`~newsmodel.errors.IgnoredContentWarning`.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator

from newsmodel import model as m
from newsmodel.catalog import Catalog
from newsmodel.converters import json_type
from newsmodel.errors import IgnoredContentWarning, ReadError
from newsmodel.io._common import (
    DEFAULT_MAX_BYTES,
    IGNORED_SHOWN,
    decode_text,
    first_article,
    parse_json,
)
from newsmodel.io.ninjs.reader import article_from_object, check_options
from newsmodel.io.ninjs.shape import FORMAT, MAX_DEPTH, JSONObject, JSONValue

__all__ = [
    "ENVELOPE_DEPTH",
    "ENVELOPE_KEYS",
    "WRAPPER_KEY",
    "items_of",
    "read",
    "read_many",
]

#: Keys of an API envelope that hold the items, in the order looked at:
#: ``{"total": 2, "items": [...]}``; ``_items`` as Eve-based APIs (Superdesk's content
#: API) write it, ``{"_items": [...], "_meta": {"total": 2}}``.
ENVELOPE_KEYS = ("items", "item", "_items", "data", "results")
#: How many envelopes may hold one another: ``{"data": {"items": [...]}}`` is two.
ENVELOPE_DEPTH = 2
#: The key under which an entry of an envelope holds its item, beside data about the
#: entry: ``{"meta": {"score": 1.5}, "item": {"uri": "urn:x:1", ...}}``.
WRAPPER_KEY = "item"


def items_of(doc: JSONValue) -> tuple[str, list[JSONValue]]:
    """``(JSON path of the array, items)`` of an array, an envelope, or one item."""
    if isinstance(doc, list):
        return "$", doc
    if isinstance(doc, dict):
        return _envelope(doc, "$", ENVELOPE_DEPTH) or ("", [doc])
    raise ReadError(
        f"expected a JSON object or array, got {json_type(doc)}", format=FORMAT.name, where="$"
    )


def _envelope(doc: JSONObject, path: str, depth: int) -> tuple[str, list[JSONValue]] | None:
    """The items of ``doc`` when it is an envelope (no ``uri`` of its own): the first
    array under one of :data:`ENVELOPE_KEYS`, or the one item an envelope holds."""
    if "uri" in doc or depth <= 0:
        return None
    for key in ENVELOPE_KEYS:
        found = doc.get(key)
        if isinstance(found, list):
            return f"{path}.{key}", found
        if isinstance(found, dict):
            if "uri" in found:
                return f"{path}.{key}", [found]
            inner = _envelope(found, f"{path}.{key}", depth - 1)
            if inner is not None:
                return inner
    return None


def _unwrapped(item: JSONObject, where: str) -> tuple[JSONObject, str]:
    """An entry's item: itself, or the item it wraps under :data:`WRAPPER_KEY`."""
    inner = item.get(WRAPPER_KEY)
    if "uri" not in item and isinstance(inner, dict) and "uri" in inner:
        return inner, f"{where}.{WRAPPER_KEY}"
    return item, where


def _articles(
    path: str, items: list[JSONValue], version: str | None, catalog: Catalog | None
) -> Iterator[m.Article]:
    skipped = 0
    for index, item in enumerate(items):
        where = f"{path}[{index}]" if path else "$"
        if not isinstance(item, dict):
            skipped += 1
            if skipped <= IGNORED_SHOWN:  # (then counted: an array of 100,000 numbers)
                warnings.warn(
                    IgnoredContentWarning(
                        f"ninjs: {where} is {json_type(item)}, not an item; skipped"
                    ),
                    stacklevel=2,
                )
            continue
        item, where = _unwrapped(item, where)
        yield article_from_object(item, version=version, catalog=catalog, where=where)
    if skipped > IGNORED_SHOWN:
        warnings.warn(
            IgnoredContentWarning(
                f"ninjs: {skipped - IGNORED_SHOWN} more entries of {path} that are not items "
                "skipped"
            ),
            stacklevel=2,
        )


def _items(data: bytes | str, max_bytes: int) -> tuple[str, list[JSONValue]]:
    text = decode_text(data, format=FORMAT.name, max_bytes=max_bytes)
    return items_of(parse_json(text, format=FORMAT.name, max_depth=MAX_DEPTH))


def read_many(
    data: bytes | str,
    *,
    version: str | None = None,
    catalog: Catalog | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[m.Article]:
    """Every ninjs item of ``data`` (an array, an envelope, or one item), in order.

    The document is parsed at once; articles are made as the iterator is read.
    ``version`` and ``catalog`` are those of :func:`read`.
    """
    check_options(version, catalog)
    return _articles(*_items(data, max_bytes), version, catalog)


def read(
    data: bytes | str,
    *,
    version: str | None = None,
    catalog: Catalog | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> m.Article:
    """Read a ninjs document (1.x, 2.x or 3.x; ``version`` forces ``"1"``, ``"2"`` or ``"3"``).

    A text item becomes the article; its picture associations become photos.
    A picture item becomes an article whose only photo it is. ``catalog``
    adds scheme aliases for turning topic URIs into QCodes. Values of the
    wrong type are dropped with an
    :class:`~newsmodel.errors.IgnoredContentWarning` naming their JSON paths.
    An array of items or an API envelope gives its first item, with a warning
    (:func:`read_many` reads them all).
    Quotes are not extracted here; :func:`newsmodel.read` does that.
    """
    check_options(version, catalog)
    path, items = _items(data, max_bytes)
    if not path:  # one item
        (item,) = items
        assert isinstance(item, dict)  # (items_of gives a lone item only when it is an object)
        return article_from_object(item, version=version, catalog=catalog)
    return first_article(
        _articles(path, items, version, catalog),
        format=FORMAT.name,
        source="document",
        empty="no ninjs item in the array",
        where=path,
    )
