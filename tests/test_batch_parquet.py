"""newsmodel.batch.convert and the CLI with a .parquet output (needs pyarrow)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsmodel import batch
from newsmodel.cli import main
from newsmodel.errors import WriteError
from newsmodel.table import flat_row
from tests.batch_inputs import page
from tests.conftest import GOLDEN

pq = pytest.importorskip("pyarrow.parquet")
arrow = pytest.importorskip("newsmodel.arrow")


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    root.mkdir()
    for n in range(3):
        (root / f"p{n}.html").write_bytes(page(n))
    (root / "broken.json").write_bytes(b'{"newsmodel": "1.0", "article": {"headline": ')
    return root


def test_convert_to_parquet_writes_one_flat_row_per_article_in_order(
    pages: Path, tmp_path: Path
) -> None:
    out = tmp_path / "all.parquet"
    summary = batch.convert([pages], out=out, workers=2, quotes=False)
    assert (summary.files, summary.articles, summary.errors) == (4, 3, 1)
    table = pq.read_table(out)
    assert table.schema == arrow.SCHEMA
    expected = [
        flat_row(article, source=source)
        for source, article in batch.iter_articles(
            [pages], quotes=False, on_error=lambda source, error: None
        )
    ]
    assert table.to_pylist() == expected
    assert [row["source"] for row in expected] == [str(pages / f"p{n}.html") for n in range(3)]
    # the format read, found by looking (no format was given)
    assert table.column("format").to_pylist() == ["html"] * 3
    report = tmp_path / "all.errors.jsonl"
    assert summary.error_report == str(report)
    assert [json.loads(line)["input"] for line in report.read_text().splitlines()] == [
        str(pages / "broken.json")
    ]
    assert not (tmp_path / "all.parquet.part").exists()


def test_a_run_stopped_by_an_error_leaves_no_parquet_file(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "stopped.parquet"

    def stop(progress: batch.Progress) -> None:
        raise KeyboardInterrupt  # the user stops the run after its first document

    with pytest.raises(KeyboardInterrupt):
        batch.convert([pages], out=out, workers=0, quotes=False, progress=stop)
    assert not out.exists()
    assert not (tmp_path / "stopped.parquet.part").exists()


def test_cli_parquet_output_and_skip_existing_refused(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "cli.parquet"
    assert (
        main(["convert", str(pages / "p1.html"), str(pages / "p2.html"), "-o", str(out), "-j", "1"])
        == 0
    )
    assert pq.read_table(out).column("headline").to_pylist() == [
        "Placeholder headline 1",
        "Placeholder headline 2",
    ]
    with pytest.raises(WriteError, match="folder"):
        batch.convert([pages], out=out, skip_existing=True)


def test_the_format_column_names_each_input_format(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.html").write_bytes(page(1))
    (root / "b.jsonl").write_bytes((GOLDEN / "indaily.jsonl").read_bytes())
    (root / "c.atom").write_bytes((GOLDEN / "indaily.atom.xml").read_bytes())
    (root / "d.xml").write_bytes((GOLDEN / "indaily.nitf.xml").read_bytes())
    out = tmp_path / "all.parquet"
    assert main(["convert", str(root), "-o", str(out), "-j", "1"]) == 0
    formats = pq.read_table(out).column("format").to_pylist()
    assert formats == ["html", "jsonl", "jsonl", "atom", "nitf"]
    table = arrow.to_table(batch.iter_articles([root], quotes=False))
    assert table.column("format").to_pylist() == formats
