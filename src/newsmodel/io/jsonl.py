"""``jsonl``: JSON Lines, one JSON article document per line.

Each non-blank line is one document in a JSON format (``inner=``): newsmodel
JSON by default, or ``ninjs`` or ``jsonld``. Reading is lazy: lines are read
one at a time as the iterator is consumed, and no article is kept after it is
yielded. A line that is not a valid document raises
:class:`~newsmodel.errors.ReadError` naming its line number; with
``errors="skip"`` it is skipped with an
:class:`~newsmodel.errors.IgnoredContentWarning` that names it instead.
Writing puts each article on one line, in the inner format without indentation.

Details: ``docs/formats/jsonl.md``.
"""

from __future__ import annotations

import importlib
import re
import warnings
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Protocol, cast

from newsmodel import model as m
from newsmodel.errors import (
    FormatError,
    IgnoredContentWarning,
    InputTooLargeError,
    ReadError,
    WriteError,
)
from newsmodel.io import JSONL as FORMAT
from newsmodel.io import JSONLD, NEWSMODEL, NINJS, FormatInfo
from newsmodel.io._common import DEFAULT_MAX_BYTES, check_input, first_article

__all__ = [
    "FORMAT",
    "INNER",
    "read",
    "read_many",
    "sniff",
    "stores_quotes",
    "write",
    "write_many",
]

#: The formats a line may be in, by name (one JSON document each).
INNER: dict[str, FormatInfo] = {info.name: info for info in (NEWSMODEL, NINJS, JSONLD)}
#: What ``errors=`` takes: stop at a bad line, or skip it with a warning.
ERRORS = ("raise", "skip")
#: ``{...}\n{``: a complete object on the first line, and another object after it.
_SNIFF = re.compile(rb"\A(?:\xef\xbb\xbf)?[ \t]*\{[^\n]*\}[ \t]*\r?\n(?:[ \t]*\r?\n)*[ \t]*\{")


class _Inner(Protocol):
    def read(self, data: bytes | str, **options: Any) -> m.Article: ...

    def write(self, article: m.Article, **options: Any) -> str: ...


def sniff(head: bytes) -> bool:
    """Two or more lines that each hold a JSON object (the first one whole in ``head``)."""
    return _SNIFF.match(head) is not None


def stores_quotes(options: Mapping[str, object]) -> bool:
    """Whether lines read with ``options`` keep quotes of their own: when their
    ``inner`` format stores them (newsmodel JSON, the default, does)."""
    name = options.get("inner", "newsmodel")
    info = INNER.get(name.strip().lower()) if isinstance(name, str) else None
    return info is not None and info.stores_quotes


def _inner(name: str) -> tuple[FormatInfo, _Inner]:
    info = INNER.get(name.strip().lower()) if isinstance(name, str) else None
    if info is None:
        raise FormatError(f"jsonl lines can be {', '.join(INNER)}, not {name!r}")
    return info, cast(_Inner, importlib.import_module(info.module))


def _lines(data: bytes | str) -> Iterator[tuple[int, bytes | str]]:
    """``(line number, line)`` for each non-blank line, found one at a time."""
    newline: Any = "\n" if isinstance(data, str) else b"\n"
    start, number = 0, 0
    while start < len(data):
        end = data.find(newline, start)
        end = len(data) if end < 0 else end
        number += 1
        line = data[start:end]
        start = end + 1
        if line.strip():
            yield number, line


def read_many(
    data: bytes | str,
    *,
    inner: str = "newsmodel",
    errors: str = "raise",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[m.Article]:
    """The article of every line, lazily, in file order.

    ``inner`` names the format of the lines (``newsmodel``, ``ninjs``,
    ``jsonld``). ``errors="raise"`` (the default) stops at the first bad line
    with a :class:`ReadError` naming it; ``errors="skip"`` skips it with an
    :class:`IgnoredContentWarning`. ``max_bytes`` bounds the whole input.
    """
    if errors not in ERRORS:
        raise FormatError(f"jsonl errors= takes {' or '.join(map(repr, ERRORS))}, not {errors!r}")
    info, module = _inner(inner)
    checked = check_input(data, format=FORMAT.name, max_bytes=max_bytes)
    if isinstance(checked, bytes) and checked.startswith(b"\xef\xbb\xbf"):
        checked = checked[3:]
    elif isinstance(checked, str) and checked.startswith("\ufeff"):
        checked = checked[1:]
    return _articles(checked, info, module, errors == "skip")


def _articles(
    data: bytes | str, info: FormatInfo, module: _Inner, skip: bool
) -> Iterator[m.Article]:
    for number, line in _lines(data):
        try:
            yield module.read(line)
        except InputTooLargeError:
            raise
        except ReadError as exc:
            where = f"line {number}" + (f", {exc.where}" if exc.where else "")
            if not skip:
                raise ReadError(
                    f"{info.name}: {exc.reason}", format=FORMAT.name, where=where
                ) from None
            warnings.warn(
                IgnoredContentWarning(f"jsonl: line {number} skipped ({info.name}: {exc.reason})"),
                stacklevel=2,
            )


def read(
    data: bytes | str,
    *,
    inner: str = "newsmodel",
    errors: str = "raise",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> m.Article:
    """The first line's article (a warning when there are more; see :func:`read_many`)."""
    articles = read_many(data, inner=inner, errors=errors, max_bytes=max_bytes)
    return first_article(
        articles, format=FORMAT.name, source="file", empty="no line holds an article"
    )


def write_many(
    articles: Iterable[m.Article], *, inner: str = "newsmodel", strict: bool = False
) -> str:
    """One line per article in the ``inner`` format; each line's losses are the inner
    writer's (newsmodel JSON loses nothing)."""
    _, module = _inner(inner)
    lines = []
    for article in articles:
        if not isinstance(article, m.Article):
            raise WriteError(f"expected an Article, got {type(article).__name__}")
        lines.append(module.write(article, indent=None, strict=strict).strip("\n"))
    return "".join(line + "\n" for line in lines)


def write(article: m.Article, *, inner: str = "newsmodel", strict: bool = False) -> str:
    """One line: ``article`` in the ``inner`` format."""
    return write_many([article], inner=inner, strict=strict)
