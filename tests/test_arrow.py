"""newsmodel.arrow: the flat columns as an Arrow table and a Parquet file (needs pyarrow)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsmodel import batch
from newsmodel import model as m
from newsmodel.table import FLAT_COLUMNS, flat_row
from tests.batch_inputs import page
from tests.test_table import full_article

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
arrow = pytest.importorskip("newsmodel.arrow")


def test_to_table_has_the_schema_and_the_flat_rows() -> None:
    articles = [full_article(), m.Article(headline="Second")]
    table = arrow.to_table(articles, format="newsmodel")
    assert table.schema == arrow.SCHEMA
    assert table.column_names == list(FLAT_COLUMNS)
    assert table.num_rows == 2
    assert table.to_pylist() == [flat_row(a, format="newsmodel") for a in articles]
    assert table.schema.field("bylines").type == pa.list_(
        pa.struct([(name, pa.string()) for name in ("name", "kind", "role", "affiliation")])
    )


def test_to_table_of_nothing_is_an_empty_table_with_the_schema() -> None:
    table = arrow.to_table([])
    assert table.num_rows == 0 and table.schema == arrow.SCHEMA


def test_pairs_fill_the_source_column(tmp_path: Path) -> None:
    for n in (1, 2):
        (tmp_path / f"p{n}.html").write_bytes(page(n))
    table = arrow.to_table(batch.iter_articles([tmp_path], quotes=False))
    assert table.column("source").to_pylist() == [
        str(tmp_path / "p1.html"),
        str(tmp_path / "p2.html"),
    ]
    assert all(count > 0 for count in table.column("word_count").to_pylist())


def test_write_parquet_in_batches_reads_back_every_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(arrow, "BATCH_ROWS", 2)  # five rows: three batches
    articles = [m.Article(headline=f"Headline {n}", language="en") for n in range(5)]
    target = tmp_path / "out.parquet"
    assert arrow.write_parquet(iter(articles), target) == 5
    read = pq.read_table(target)
    assert read.schema == arrow.SCHEMA
    assert read.column("headline").to_pylist() == [f"Headline {n}" for n in range(5)]
    assert pq.ParquetFile(target).metadata.num_row_groups == 3  # written a batch at a time
    assert not (tmp_path / "out.parquet.part").exists()


def test_write_parquet_that_fails_leaves_no_file(tmp_path: Path) -> None:
    def articles():  # type: ignore[no-untyped-def]
        yield m.Article(headline="one")
        raise RuntimeError("the source broke")

    target = tmp_path / "out.parquet"
    with pytest.raises(RuntimeError, match="the source broke"):
        arrow.write_parquet(articles(), target)
    assert list(tmp_path.iterdir()) == []
