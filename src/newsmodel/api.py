"""The public functions: read, write and convert articles in any known format."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import cast

from newsmodel._input import file_bytes
from newsmodel.errors import FormatError, WriteError
from newsmodel.model import Article
from newsmodel.quotes import with_quotes
from newsmodel.registry import (
    by_extension,
    check_options,
    detect_format,
    get_format,
    require,
    stores_quotes,
)

__all__ = [
    "convert",
    "read",
    "read_file",
    "read_file_many",
    "read_many",
    "write",
    "write_file",
    "write_file_many",
    "write_many",
]


def read(
    data: bytes | str, format: str | None = None, *, quotes: bool = True, **options: object
) -> Article:
    """Read one article from ``data`` (bytes or text).

    ``format`` is a format name (see :func:`newsmodel.formats`); ``None``
    guesses it from the content. ``quotes=True`` (the default) fills
    ``Article.quotes`` by quote extraction once the format's reader is done
    (:func:`newsmodel.quotes.with_quotes`); ``quotes=False`` skips it. A format
    that stores quotes itself (newsmodel JSON) keeps what it stores either way.
    Other keyword arguments are options of that format's reader (for example
    ``max_bytes=``).
    """
    info = get_format(format) if format is not None else detect_format(data)
    module = require(info, reading=True)
    check_options(module.read, f"the {info.name} reader", options)
    article = module.read(data, **options)
    if quotes and not stores_quotes(info, options):
        article = with_quotes(article)
    return article


def read_file(
    path: str | os.PathLike[str],
    format: str | None = None,
    *,
    quotes: bool = True,
    **options: object,
) -> Article:
    """Read one article from the file at ``path``; the format is guessed when not given.

    ``quotes`` and the other options are those of :func:`read`.
    """
    data = file_bytes(path)
    info = get_format(format) if format is not None else detect_format(data, os.fspath(path))
    return read(data, info.name, quotes=quotes, **options)


def write(article: Article, format: str = "newsmodel", **options: object) -> str:
    """Write ``article`` in ``format`` and return the text.

    ``strict=True`` raises :class:`~newsmodel.errors.LossyConversionError`
    instead of warning when the format cannot carry some of the article.
    """
    if not isinstance(article, Article):
        raise WriteError(f"expected an Article, got {type(article).__name__}")
    info = get_format(format)
    module = require(info, reading=False)
    check_options(module.write, f"the {info.name} writer", options)
    return module.write(article, **options)


def write_file(
    article: Article, path: str | os.PathLike[str], format: str | None = None, **options: object
) -> None:
    """Write ``article`` to ``path`` as UTF-8; without ``format``, the extension decides."""
    if format is None:
        found = by_extension(os.fspath(path))
        if not found:
            raise WriteError(f"cannot tell the format from the name {os.fspath(path)!r}")
        format = found[0].name
    text = write(article, format, **options)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)


def convert(
    data: bytes | str,
    from_format: str | None = None,
    to_format: str = "newsmodel",
    *,
    read_options: Mapping[str, object] | None = None,
    write_options: Mapping[str, object] | None = None,
    strict: bool = False,
) -> str:
    """Read ``data`` as ``from_format`` (guessed when ``None``) and write it as ``to_format``.

    ``read_options`` go to :func:`read`; quote extraction runs only when
    ``to_format`` written with ``write_options`` stores quotes (newsmodel JSON,
    JSON Lines of it) unless ``read_options`` says ``quotes=``. ``write_options``
    go to :func:`write`.
    """
    options = dict(read_options or {})
    # quotes are found only for a format that stores them; others would drop them
    quotes = options.pop("quotes", stores_quotes(get_format(to_format), write_options or {}))
    article = read(data, from_format, quotes=bool(quotes), **options)
    return write(article, to_format, strict=strict, **dict(write_options or {}))


# ---------------------------------------------------------------------------
# many articles: feeds, JSON Lines, and every other format as a source of one

#: What a format module that holds many articles provides besides the contract.
ReadMany = Callable[..., Iterator[Article]]
WriteMany = Callable[..., str]


def read_many(
    data: bytes | str, format: str | None = None, *, quotes: bool = True, **options: object
) -> Iterator[Article]:
    """Every article ``data`` holds, in order, as an iterator.

    Feeds (``rss``, ``atom``, ``jsonfeed``), JSON Lines (``jsonl``) and NewsML
    messages (``newsml``, ``newsml1``) give one article per item, line or story,
    made as the iterator is read (a feed or message is parsed at once, so its
    errors raise here; a JSON Lines file is read a line at a time, so a bad
    line raises when it is reached). Any other format gives
    its one article. ``format``, ``quotes`` and the other options are those of
    :func:`read`; quote extraction runs on each article as it is yielded.
    """
    info = get_format(format) if format is not None else detect_format(data)
    module = require(info, reading=True)
    many = cast("ReadMany | None", getattr(module, "read_many", None))
    if many is None:
        return iter((read(data, info.name, quotes=quotes, **options),))
    check_options(many, f"the {info.name} reader", options)
    articles = many(data, **options)
    if quotes and not stores_quotes(info, options):
        return (with_quotes(article) for article in articles)
    return articles


def read_file_many(
    path: str | os.PathLike[str],
    format: str | None = None,
    *,
    quotes: bool = True,
    **options: object,
) -> Iterator[Article]:
    """Every article of the file at ``path`` (see :func:`read_many`); the format is
    guessed from the extension, then the content, when not given."""
    data = file_bytes(path)
    info = get_format(format) if format is not None else detect_format(data, os.fspath(path))
    return read_many(data, info.name, quotes=quotes, **options)


def write_many(articles: Iterable[Article], format: str = "jsonl", **options: object) -> str:
    """Write ``articles`` as one document of a format that holds many (``rss``,
    ``atom``, ``jsonfeed``, ``jsonl``, ``newsml`` as a ``newsMessage``) and return the text.

    Raises :class:`~newsmodel.errors.FormatError` for a format that holds one
    article; ``strict=True`` raises instead of warning about losses.
    """
    info = get_format(format)
    module = require(info, reading=False)
    many = cast("WriteMany | None", getattr(module, "write_many", None))
    if many is None:
        raise FormatError(
            f"format {info.name!r} holds one article; write_many writes formats that hold "
            "many (rss, atom, jsonfeed, jsonl, newsml): write each article with newsmodel.write"
        )
    check_options(many, f"the {info.name} writer", options)
    items = list(articles)
    for item in items:
        if not isinstance(item, Article):
            raise WriteError(f"expected Articles, got {type(item).__name__}")
    return many(items, **options)


def write_file_many(
    articles: Iterable[Article],
    path: str | os.PathLike[str],
    format: str | None = None,
    **options: object,
) -> None:
    """Write ``articles`` to ``path`` as UTF-8 (see :func:`write_many`); without
    ``format``, the extension decides (``.rss``, ``.atom``, ``.jsonl``...)."""
    if format is None:
        found = [f for f in by_extension(os.fspath(path)) if f.name in _MANY_BY_EXTENSION]
        if not found:
            raise WriteError(
                f"cannot tell a format that holds many from the name {os.fspath(path)!r}"
            )
        format = found[0].name
    text = write_many(articles, format, **options)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)


#: The formats ``write_file_many`` picks by extension (``.xml`` alone is ambiguous: RSS first).
_MANY_BY_EXTENSION = ("rss", "atom", "jsonfeed", "jsonl")
