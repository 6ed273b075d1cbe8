"""The public functions: read, write and convert articles in any known format."""

from __future__ import annotations

import os
from collections.abc import Mapping

from newsmodel.errors import ReadError, WriteError
from newsmodel.model import Article
from newsmodel.quotes import with_quotes
from newsmodel.registry import by_extension, check_options, detect_format, get_format, require

__all__ = ["convert", "read", "read_file", "write", "write_file"]


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
    if quotes and not info.stores_quotes:
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
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise ReadError(f"cannot read {os.fspath(path)!r}: {exc.strerror or exc}") from None
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
    ``to_format`` stores quotes (newsmodel JSON) unless ``read_options`` says
    ``quotes=``. ``write_options`` go to :func:`write`.
    """
    options = dict(read_options or {})
    # quotes are found only for a format that stores them; others would drop them
    quotes = options.pop("quotes", get_format(to_format).stores_quotes)
    article = read(data, from_format, quotes=bool(quotes), **options)
    return write(article, to_format, strict=strict, **dict(write_options or {}))
