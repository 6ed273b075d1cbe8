"""Articles on a Dask cluster (extra ``newsmodel[dask]``: dask[bag,dataframe], distributed).

:func:`read_bag` makes a :class:`dask.bag.Bag` of the articles of many files,
one partition per file, read where the partition runs (the client only lists
the files); :func:`to_dataframe` turns a bag of articles into a Dask
DataFrame of the flat columns of :data:`newsmodel.table.FLAT_COLUMNS`::

    from distributed import Client
    from newsmodel import dask as nd

    client = Client("scheduler:8786")  # or LocalCluster(); the workers need newsmodel
    bag = nd.read_bag("crawl/*.warc.gz", with_source=True)
    frame = nd.to_dataframe(bag)
    frame.to_parquet("articles/")

Each partition reads its file with :func:`newsmodel.batch.iter_articles`, so
every input :mod:`newsmodel.batch` reads works here (WARC, JSON Lines, feeds,
archives, compressed files); the paths must be readable from every worker (a
shared or network file system).
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Sequence
from typing import Any, Final, Union

import dask.bag as db

from newsmodel import batch
from newsmodel._json import JSONValue
from newsmodel.errors import ReadError
from newsmodel.model import Article
from newsmodel.table import FLAT_COLUMNS, flat_row

__all__ = ["read_bag", "to_dataframe"]

#: The pandas dtypes of the flat columns: counts are integers, the rest Python objects
#: (strings, ``None`` and the lists of bylines and topics).
_COUNTS: Final = ("photo_count", "quote_count", "word_count")
DTYPES: Final[dict[str, str]] = {
    name: ("int64" if name in _COUNTS else "object") for name in FLAT_COLUMNS
}

Paths = Union[str, "os.PathLike[str]", Sequence[Union[str, "os.PathLike[str]"]]]


def _files(paths: Paths) -> list[str]:
    """The files ``paths`` names: each file itself, a glob's matches and every file under
    a folder, in name order (symlinked folders are not followed)."""
    given = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    files: list[str] = []
    for path in (os.fspath(p) for p in given):
        if not os.path.lexists(path) and glob.has_magic(path):
            files.extend(p for p in sorted(glob.glob(path, recursive=True)) if os.path.isfile(p))
        elif os.path.isdir(path):
            for root, folders, names in os.walk(path):
                folders.sort()
                files.extend(os.path.join(root, name) for name in sorted(names))
        else:
            files.append(path)
    return files


def _read_partition(
    paths: Iterable[str], format: str | None, with_source: bool, options: dict[str, Any]
) -> list[Article | tuple[str, Article]]:
    """Every article of ``paths`` (runs on a worker)."""
    found = batch.iter_articles(paths, format, **options)
    if with_source:
        return list(found)
    return [article for _, article in found]


def read_bag(
    paths: Paths, format: str | None = None, *, with_source: bool = False, **options: object
) -> db.Bag:
    """A bag of the articles of ``paths``: files, folders or globs, one partition per file.

    ``format`` forces the input format (guessed per document by default) and
    ``options`` go to the readers, as in :func:`newsmodel.batch.iter_articles`.
    With ``with_source`` the items are ``(source, article)`` pairs (the source
    naming the file, archive member, WARC record or line). A file that cannot
    be read fails its partition with its :class:`~newsmodel.errors.ReadError`.
    Raises :class:`~newsmodel.errors.ReadError` when ``paths`` names no file.
    """
    files = _files(paths)
    if not files:
        raise ReadError(f"no file to read in {paths!r}")
    return db.from_sequence(files, npartitions=len(files)).map_partitions(
        _read_partition, format, with_source, dict(options)
    )


def _row(item: Article | tuple[str, Article]) -> dict[str, JSONValue]:
    if isinstance(item, Article):
        return flat_row(item)
    source, article = item
    return flat_row(article, source=source)


def to_dataframe(bag: db.Bag) -> Any:
    """A Dask DataFrame of the flat columns of a bag of articles (or ``(source, article)``
    pairs, which fill ``source``): counts as ``int64``, everything else as objects."""
    return bag.map(_row).to_dataframe(meta=DTYPES)
