"""Articles as an Arrow table and a Parquet file (extra ``newsmodel[arrow]``: pyarrow).

One row per article, in the stable flat columns of
:data:`newsmodel.table.FLAT_COLUMNS`, typed by :data:`SCHEMA`::

    from newsmodel import arrow, batch

    table = arrow.to_table(batch.iter_articles(["pages/"]))  # (source, article) pairs
    arrow.write_parquet(batch.iter_articles(["crawl.warc.gz"]), "crawl.parquet")

Both take articles or the ``(source, article)`` pairs of
:func:`newsmodel.batch.iter_articles` (the pairs fill the ``source`` column),
and build the table a batch of :data:`BATCH_ROWS` rows at a time:
:func:`write_parquet` writes each batch as it is made, so its memory stays
that of one batch however many articles go through.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import Final, Union

from newsmodel._json import JSONValue
from newsmodel.model import Article
from newsmodel.table import FLAT_COLUMNS, flat_row

try:
    import pyarrow as pa
    import pyarrow.parquet as pq
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError("newsmodel.arrow needs pyarrow: pip install 'newsmodel[arrow]'") from exc

__all__ = ["BATCH_ROWS", "SCHEMA", "RowWriter", "to_table", "write_parquet"]

#: Rows turned into one Arrow record batch at a time (and one Parquet write).
BATCH_ROWS: Final = 1024

_BYLINE = pa.struct(
    [
        pa.field("name", pa.string()),
        pa.field("kind", pa.string()),
        pa.field("role", pa.string()),
        pa.field("affiliation", pa.string()),
    ]
)
_TOPIC = pa.struct(
    [pa.field("name", pa.string()), pa.field("kind", pa.string()), pa.field("code", pa.string())]
)

#: The Arrow schema of the flat columns (same names and order as ``FLAT_COLUMNS``);
#: dates stay ISO 8601 strings, as the source gave them (a day is no midnight).
SCHEMA: Final = pa.schema(
    [
        pa.field("id", pa.string()),
        pa.field("url", pa.string()),
        pa.field("headline", pa.string()),
        pa.field("summary", pa.string()),
        pa.field("published", pa.string()),
        pa.field("modified", pa.string()),
        pa.field("language", pa.string()),
        pa.field("publisher", pa.string()),
        pa.field("bylines", pa.list_(_BYLINE), nullable=False),
        pa.field("topics", pa.list_(_TOPIC), nullable=False),
        pa.field("photo_count", pa.int32(), nullable=False),
        pa.field("lead_photo_url", pa.string()),
        pa.field("quote_count", pa.int32(), nullable=False),
        pa.field("text", pa.large_string(), nullable=False),
        pa.field("word_count", pa.int64(), nullable=False),
        pa.field("source", pa.string()),
        pa.field("format", pa.string()),
    ]
)
assert SCHEMA.names == list(FLAT_COLUMNS)  # one schema, two spellings

#: An article, or a ``(source, article)`` pair as batch.iter_articles gives.
ArticleOrPair = Union[Article, tuple[str, Article]]


def _rows(articles: Iterable[ArticleOrPair], format: str | None) -> Iterator[dict[str, JSONValue]]:
    for item in articles:
        if isinstance(item, Article):
            yield flat_row(item, format=format)
        else:
            source, article = item
            yield flat_row(article, source=source, format=format)


def _batches(rows: Iterable[dict[str, JSONValue]]) -> Iterator[pa.RecordBatch]:
    chunk: list[dict[str, JSONValue]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= BATCH_ROWS:
            yield pa.RecordBatch.from_pylist(chunk, schema=SCHEMA)
            chunk = []
    if chunk:
        yield pa.RecordBatch.from_pylist(chunk, schema=SCHEMA)


def to_table(articles: Iterable[ArticleOrPair], *, format: str | None = None) -> pa.Table:
    """A :class:`pyarrow.Table` of ``articles``, one row each, with :data:`SCHEMA`.

    The ``format`` column holds the format each article was read from, as the
    sources of :func:`newsmodel.batch.iter_articles`'s pairs say; ``format``
    gives one for every row instead (the articles themselves do not say).
    """
    return pa.Table.from_batches(list(_batches(_rows(articles, format))), schema=SCHEMA)


class RowWriter:
    """Flat rows into a Parquet file, a batch of :data:`BATCH_ROWS` at a time.

    The rows go to ``PATH.part``; :meth:`close` renames it to ``path``,
    :meth:`abort` removes it, so the file appears whole or not at all.
    """

    def __init__(self, path: str | os.PathLike[str], *, compression: str = "zstd") -> None:
        self.path = os.fspath(path)
        self.temporary = f"{self.path}.part"
        self.rows = 0
        self._pending: list[dict[str, JSONValue]] = []
        self._writer = pq.ParquetWriter(self.temporary, SCHEMA, compression=compression)

    def write(self, rows: Iterable[dict[str, JSONValue]]) -> None:
        """Add ``rows`` (dicts of the flat columns); each full batch is written at once."""
        for row in rows:
            self._pending.append(row)
            if len(self._pending) >= BATCH_ROWS:
                self._flush()

    def _flush(self) -> None:
        if self._pending:
            self._writer.write_batch(pa.RecordBatch.from_pylist(self._pending, schema=SCHEMA))
            self.rows += len(self._pending)
            self._pending = []

    def close(self) -> None:
        """Write what is left and put the file in place."""
        self._flush()
        self._writer.close()
        os.replace(self.temporary, self.path)

    def abort(self) -> None:
        """Stop, leaving no file."""
        self._writer.close()
        if os.path.exists(self.temporary):
            os.remove(self.temporary)


def write_parquet(
    articles: Iterable[ArticleOrPair],
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    compression: str = "zstd",
) -> int:
    """Write ``articles`` to the Parquet file ``path``, a batch at a time; returns the rows.

    The file is written whole under a temporary name and then renamed, so a
    run that fails leaves no half file behind.
    """
    writer = RowWriter(path, compression=compression)
    try:
        writer.write(_rows(articles, format))
    except BaseException:
        writer.abort()
        raise
    writer.close()
    return writer.rows
