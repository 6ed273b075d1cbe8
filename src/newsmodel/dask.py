"""Articles on a Dask cluster (extra ``newsmodel[dask]``: dask[bag,dataframe], distributed).

:func:`read_bags` makes a :class:`dask.bag.Bag` of the articles of many
files and a companion bag of the errors met; :func:`read_bag` the articles
alone; :func:`to_dataframe` turns a bag of articles into a Dask DataFrame of
the flat columns of :data:`newsmodel.table.FLAT_COLUMNS`::

    import dask
    from distributed import Client
    from newsmodel import dask as nd

    client = Client("scheduler:8786")  # or LocalCluster(); the workers need newsmodel
    found = nd.read_bags("crawl/*.warc.gz", with_source=True)
    frame = nd.to_dataframe(found.articles)
    written, errors = dask.compute(frame.to_parquet("articles/", compute=False), found.errors)

The client only lists the files (:func:`newsmodel.sources.walk`, the folder
walk of the batch path); each partition is read where it runs, with the
readers of :mod:`newsmodel.batch`, so every input it reads works here (WARC,
JSON Lines, feeds, archives, compressed files). A WARC file or a plain JSON
Lines file is read in blocks of ``block_size`` bytes, one partition each, cut
at record and line starts (:func:`newsmodel.sources.block`): every record or
line is read once, and its source names it by byte offset
(``crawl.warc.gz@5123``, ``big.jsonl@1048576``). Other files are one
partition each, named as :func:`newsmodel.batch.iter_articles` names them.
The paths must be readable from every worker (a shared or network file system).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from typing import Any, Final, Literal, NamedTuple, Union

import attrs
import dask.bag as db

from newsmodel import batch
from newsmodel._json import JSONValue
from newsmodel.errors import ReadError
from newsmodel.model import Article
from newsmodel.sources import File, Item, Problem, block, expand, splittable, walk
from newsmodel.table import FLAT_COLUMNS, Source, flat_row

__all__ = ["BLOCK_SIZE", "ArticleBags", "read_bag", "read_bags", "to_dataframe"]

#: Bytes of a WARC or JSON Lines file read by one partition (64 MiB); ``None`` reads
#: every file whole.
BLOCK_SIZE: Final = 64 * 1024 * 1024
#: The pandas dtypes of the flat columns: counts are integers, the rest Python objects
#: (strings, ``None`` and the lists of bylines and topics).
_COUNTS: Final = ("photo_count", "quote_count", "word_count")
DTYPES: Final[dict[str, str]] = {
    name: ("int64" if name in _COUNTS else "object") for name in FLAT_COLUMNS
}

Paths = Union[str, "os.PathLike[str]", Sequence[Union[str, "os.PathLike[str]"]]]


class ArticleBags(NamedTuple):
    """The bags :func:`read_bags` gives: the articles, and the errors met reading them
    (``{"input": source, "error": message}`` each). Compute them together
    (``dask.compute(bags.articles, bags.errors)``) to read every partition once."""

    articles: db.Bag
    errors: db.Bag


@attrs.frozen
class _Part:
    """What one partition reads: a whole file (``end`` ``None``) or bytes [start, end)."""

    path: str
    start: int = 0
    end: int | None = None


@attrs.frozen
class _Error:
    """An input (or item) that could not be read, kept in the partition's output."""

    input: str
    error: str


def _parts(files: list[str], block_size: int | None) -> list[_Part]:
    parts: list[_Part] = []
    for path in files:
        size = os.path.getsize(path) if block_size and splittable(path) else None
        if size is None or block_size is None:
            parts.append(_Part(path))
            continue
        assert block_size > 0
        starts = range(0, max(size, 1), block_size)
        parts.extend(_Part(path, start, min(start + block_size, size)) for start in starts)
    return parts


def _items(part: _Part, max_bytes: int) -> Iterator[Item]:
    if part.end is None:
        return expand([part.path], max_bytes=max_bytes)
    return block(part.path, part.start, part.end, max_bytes=max_bytes)


def _read_part(
    parts: Sequence[_Part], format: str | None, with_source: bool, options: dict[str, Any]
) -> list[Article | tuple[Source, Article] | _Error]:
    """Every article of ``parts``, and an :class:`_Error` for each failure (runs on a worker)."""
    out: list[Article | tuple[Source, Article] | _Error] = []

    def failed(source: str, error: str) -> None:
        out.append(_Error(source, error))

    for part in parts:
        items = _items(part, batch.size_limit(options))
        found = batch.read_items(items, format, on_error=failed, **options)
        for source, article in found:
            out.append((source, article) if with_source else article)
    return out


def _is_error(item: object) -> bool:
    return isinstance(item, _Error)


def _is_article(item: object) -> bool:
    return not isinstance(item, _Error)


def _error_record(item: _Error) -> dict[str, str]:
    return {"input": item.input, "error": item.error}


def _walked(paths: Paths) -> tuple[list[str], list[_Error]]:
    given = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    files: list[str] = []
    problems: list[_Error] = []
    for found in walk([os.fspath(p) for p in given]):
        if isinstance(found, File):
            files.append(found.path)
        elif isinstance(found, Problem):
            problems.append(_Error(found.source, found.error))
    return files, problems


def _read(
    paths: Paths,
    format: str | None,
    with_source: bool,
    block_size: int | None,
    options: dict[str, Any],
) -> tuple[db.Bag, list[_Error]]:
    """The bag of every partition's articles and errors, and the walk's problems."""
    if block_size is not None and block_size <= 0:
        raise ValueError(f"block_size must be positive or None, not {block_size}")
    files, problems = _walked(paths)
    if not files:
        raise ReadError(f"no file to read in {paths!r}")
    parts = _parts(files, block_size)
    read = db.from_sequence(parts, npartitions=len(parts)).map_partitions(
        _read_part, format, with_source, options
    )
    return read, problems


def read_bags(
    paths: Paths,
    format: str | None = None,
    *,
    with_source: bool = False,
    block_size: int | None = BLOCK_SIZE,
    **options: object,
) -> ArticleBags:
    """The articles of ``paths`` (files, folders or globs) and the errors met reading them.

    ``format`` forces the input format (guessed per document by default) and
    ``options`` go to the readers, as in :func:`newsmodel.batch.iter_articles`.
    With ``with_source`` the articles are ``(source, article)`` pairs (the
    source, a :class:`~newsmodel.table.Source`, names the file, archive member,
    WARC record or line, and the format read). WARC and plain JSON Lines files
    are read in blocks of ``block_size`` bytes (``None``: whole). An input that
    cannot be read does not fail its partition: it is an item of ``errors``, as
    is a folder that cannot be walked. Raises
    :class:`~newsmodel.errors.ReadError` when ``paths`` names no file.
    """
    read, problems = _read(paths, format, with_source, block_size, dict(options))
    errors = read.filter(_is_error)
    if problems:
        errors = db.concat([db.from_sequence(problems, npartitions=1), errors])
    return ArticleBags(read.filter(_is_article), errors.map(_error_record))


def _checked(items: list[Article | tuple[Source, Article] | _Error]) -> list[Any]:
    errors = [item for item in items if isinstance(item, _Error)]
    if errors:
        named = "; ".join(f"{e.input}: {e.error}" for e in errors[:5])
        more = f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""
        raise ReadError(f"{len(errors)} input(s) could not be read: {named}{more}")
    return items


def read_bag(
    paths: Paths,
    format: str | None = None,
    *,
    with_source: bool = False,
    block_size: int | None = BLOCK_SIZE,
    errors: Literal["raise", "ignore"] = "raise",
    **options: object,
) -> db.Bag:
    """The articles of ``paths``, as :func:`read_bags` reads them, without the errors bag.

    ``errors`` says what becomes of inputs that cannot be read: ``"raise"``
    (a partition reads all its inputs, then fails with a
    :class:`~newsmodel.errors.ReadError` naming those that failed; a folder
    that cannot be walked raises here), or ``"ignore"`` (they are left out:
    use :func:`read_bags` to keep them).
    """
    if errors not in ("raise", "ignore"):
        raise ValueError(f"errors must be 'raise' or 'ignore', not {errors!r}")
    if errors == "ignore":
        return read_bags(
            paths, format, with_source=with_source, block_size=block_size, **options
        ).articles
    read, problems = _read(paths, format, with_source, block_size, dict(options))
    _checked(list(problems))
    return read.map_partitions(_checked)


def _row(item: Article | tuple[str, Article]) -> dict[str, JSONValue]:
    if isinstance(item, Article):
        return flat_row(item)
    source, article = item
    return flat_row(article, source=source)


def to_dataframe(bag: db.Bag) -> Any:
    """A Dask DataFrame of the flat columns of a bag of articles (or ``(source, article)``
    pairs, which fill ``source`` and ``format``): counts as ``int64``, the rest objects."""
    return bag.map(_row).to_dataframe(meta=DTYPES)
