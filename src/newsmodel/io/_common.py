"""Small helpers every reader shares: bounds, JSON, read errors.

The input guard itself (type, size, BOM, encoding sniffing, decoding) lives in
:mod:`newsmodel._input`; it is re-exported here for the readers.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from types import TracebackType
from typing import Literal
from urllib.parse import quote, unquote

from newsmodel import model as m
from newsmodel._input import (
    DEFAULT_MAX_BYTES,
    check_input,
    clean_text,
    decode_text,
    line_col,
    sniff_encoding,
)
from newsmodel._json import parse_json
from newsmodel.errors import IgnoredContentWarning, InputTooLargeError, ReadError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "GENERATED_PREFIX",
    "ID_PREFIX",
    "IGNORED_SHOWN",
    "OWN_URIS",
    "as_read_errors",
    "check_input",
    "clean_text",
    "decode_text",
    "first_article",
    "id_from_uri",
    "line_col",
    "parse_json",
    "sniff_encoding",
    "squash",
    "warn_ignored",
    "wrapped_id",
]

#: Most dropped values one IgnoredContentWarning lists by path (the rest are counted).
IGNORED_SHOWN = 20
#: An article id written where a format needs a URI (a ninjs ``uri``, an Atom ``id``)
#: and the id is none, or starts with this prefix itself: the prefix and the id escaped
#: (``story 42`` is written ``urn:newsmodel:id:story%2042``), read back as the id.
ID_PREFIX = "urn:newsmodel:id:"
#: An article without an id, written where a format needs one (a ninjs ``uri``, a G2
#: ``guid``, an Atom ``id``), gets this prefix and what tells it apart (a hash of its
#: content, its position): ``urn:newsmodel:generated:20eb7a65ab157c95b0da``, read back
#: as no id.
GENERATED_PREFIX = "urn:newsmodel:generated:"
#: The URIs newsmodel makes of ids: an id that itself starts with one is written wrapped.
OWN_URIS = (ID_PREFIX, GENERATED_PREFIX)


def wrapped_id(identifier: str) -> str:
    """``identifier`` under :data:`ID_PREFIX`, escaped: ``urn:newsmodel:id:story%2042``."""
    return ID_PREFIX + quote(identifier, safe="")


def id_from_uri(uri: str) -> str | None:
    """The id a written URI holds: what it wraps under :data:`ID_PREFIX` (``story 42``),
    none for one under :data:`GENERATED_PREFIX`, else the URI itself; ``None`` when blank."""
    if uri.startswith(GENERATED_PREFIX):
        return None
    if uri.startswith(ID_PREFIX):
        return unquote(uri[len(ID_PREFIX) :]) or None
    return uri or None


class _ReadErrors:
    """The context :func:`as_read_errors` returns (a class: readers enter one per article,
    and a generator-based context manager costs several times as much)."""

    __slots__ = ("format",)

    def __init__(self, format: str) -> None:
        self.format = format

    def __enter__(self) -> None:
        return None

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        trace: TracebackType | None,
    ) -> Literal[False]:
        if exc is None or isinstance(exc, ReadError):
            return False
        if isinstance(exc, ValueError):
            raise ReadError(str(exc), format=self.format) from None
        if isinstance(exc, RecursionError):
            raise InputTooLargeError("the input nests too deeply", format=self.format) from None
        return False


def as_read_errors(format: str) -> AbstractContextManager[None]:
    """Turn what a reader's model building raises into newsmodel's read errors.

    Values the model refuses (``ValueError``) become :class:`ReadError`;
    runaway nesting (``RecursionError``) becomes :class:`InputTooLargeError`.
    """
    return _ReadErrors(format)


def squash(value: str | None) -> str | None:
    """What an XML reader makes of a text (:func:`newsmodel.xmlsafe.element_text`): white
    space collapsed, ``None`` when blank."""
    return None if value is None else (" ".join(value.split()) or None)


def warn_ignored(format: str, ignored: Sequence[tuple[str, str]], *, stacklevel: int = 4) -> None:
    """Tell the caller which values a reader left out, as ``(JSON path, why)`` pairs.

    One :class:`IgnoredContentWarning`; paths that share a reason are listed
    together: ``jsonld: values left out: $.headline, $.name (expected text,
    got number)``. Does nothing when nothing was left out. ``stacklevel``
    defaults to the caller of :func:`newsmodel.read`.
    """
    if not ignored:
        return
    by_reason: dict[str, list[str]] = {}
    for path, why in ignored[:IGNORED_SHOWN]:
        by_reason.setdefault(why, []).append(path)
    listed = "; ".join(f"{', '.join(paths)} ({why})" for why, paths in by_reason.items())
    more = len(ignored) - IGNORED_SHOWN
    if more > 0:
        listed += f"; and {more} more"
    warnings.warn(
        IgnoredContentWarning(f"{format}: values left out: {listed}"), stacklevel=stacklevel
    )


def warn_unread(what: str, named: Sequence[str], total: int, *, stacklevel: int) -> None:
    """One :class:`IgnoredContentWarning` ``what: name, name and N more``: the parts of a
    document no article carries, ``named`` the first of them (a bounded few) and
    ``total`` how many there are. Nothing when there are none; ``stacklevel`` counts
    from the caller of this function."""
    if total <= 0:
        return
    more = total - len(named)
    listed = ", ".join(named) + (f" and {more} more" if more > 0 else "")
    warnings.warn(IgnoredContentWarning(f"{what}: {listed}"), stacklevel=stacklevel + 1)


def first_article(
    articles: Iterator[m.Article],
    *,
    format: str,
    source: str,
    empty: str,
    held: int | None = None,
    where: str | None = None,
) -> m.Article:
    """The first of ``articles``, for a many-article format's ``read``: a warning when
    the ``source`` (``"feed"``, ``"file"``) holds more; :class:`ReadError` ``empty``
    (at ``where``) when it holds none. ``held``, when the reader knows how many articles
    the source holds, says so in the warning and spares making the second one to find out."""
    first = next(articles, None)
    if first is None:
        raise ReadError(empty, format=format, where=where)
    more = held > 1 if held is not None else next(articles, None) is not None
    if more:
        count = f"{held} articles" if held is not None else "more than one article"
        warnings.warn(
            IgnoredContentWarning(
                f"{format}: the {source} holds {count}; read returns the "
                "first (newsmodel.read_many reads them all)"
            ),
            stacklevel=3,
        )
    return first
