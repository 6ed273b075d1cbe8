"""newsmodel.dask: a bag of articles, one partition per file, on a real LocalCluster."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from newsmodel import batch
from newsmodel.errors import ReadError
from newsmodel.table import FLAT_COLUMNS, flat_row
from tests.batch_inputs import page, warc_records, write_warc_gz
from tests.conftest import GOLDEN

dask = pytest.importorskip("dask")
pytest.importorskip("dask.bag")
pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
nd = pytest.importorskip("newsmodel.dask")

PAGES = 3
WARC_PAGES = 4
#: The WARC record made corrupt: the third page's response (records are request, response).
DAMAGED_RECORD = 6


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Three pages (one in a subfolder), a JSON Lines file of two articles, a WARC of four
    pages with a fifth damaged (a corrupt gzip member), and a file no reader takes."""
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    for n in range(PAGES):
        (root / ("sub" if n == 2 else ".") / f"p{n}.html").write_bytes(page(n))
    (root / "lines.jsonl").write_bytes((GOLDEN / "indaily.jsonl").read_bytes())
    records = warc_records(WARC_PAGES + 1)
    damaged = gzip.compress(records[DAMAGED_RECORD - 1])
    damaged = damaged[:20] + b"\xff" * 30 + damaged[50:]
    write_warc_gz(root / "crawl.warc.gz", records[: DAMAGED_RECORD - 1])
    with (root / "crawl.warc.gz").open("ab") as handle:
        handle.write(damaged + b"".join(gzip.compress(r) for r in records[DAMAGED_RECORD:]))
    (root / "bad.xml").write_bytes(b"<nothing/>")
    return root


def _keep(source: str, error: str) -> None:
    """Errors are left to the tests' own checks."""


def _DAMAGED(corpus: Path, block_size: int | None) -> str:
    """How the damaged WARC record is named: by number, or by offset when read by block."""
    path = corpus / "crawl.warc.gz"
    if block_size is None:
        return f"{path}#{DAMAGED_RECORD}"
    offset = sum(len(gzip.compress(r)) for r in warc_records(WARC_PAGES + 1)[: DAMAGED_RECORD - 1])
    return f"{path}@{offset}"


def test_files_are_listed_in_name_order(corpus: Path) -> None:
    assert nd._walked(corpus)[0] == [
        str(corpus / "bad.xml"),
        str(corpus / "crawl.warc.gz"),
        str(corpus / "lines.jsonl"),
        str(corpus / "p0.html"),
        str(corpus / "p1.html"),
        str(corpus / "sub" / "p2.html"),
    ]
    assert nd._walked(str(corpus / "**" / "*.html"))[0] == [
        str(corpus / "p0.html"),
        str(corpus / "p1.html"),
        str(corpus / "sub" / "p2.html"),
    ]


@pytest.mark.parametrize("block_size", [300, 5000, None])
def test_blocks_read_every_record_and_line_once(corpus: Path, block_size: int | None) -> None:
    expected = [
        article for _, article in batch.iter_articles([corpus], quotes=False, on_error=_keep)
    ]
    found = nd.read_bags(corpus, block_size=block_size, with_source=True, quotes=False)
    got, errors = dask.compute(found.articles, found.errors, scheduler="sync")
    assert [article for _, article in got] == expected
    assert [error["input"] for error in errors] == [
        str(corpus / "bad.xml"),
        _DAMAGED(corpus, block_size),
    ]
    if block_size == 300:  # many partitions per big file, each record named by its offset
        assert found.articles.npartitions > 20
        assert all("@" in source for source, _ in got if ".warc" in source or ".jsonl" in source)


def test_no_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no file"):
        nd.read_bag(str(tmp_path / "*.warc.gz"))


def test_bag_on_a_local_cluster_holds_every_article_the_batch_path_reads(corpus: Path) -> None:
    errors: list[str] = []
    expected = list(
        batch.iter_articles([corpus], quotes=False, on_error=lambda s, e: errors.append(s))
    )
    assert len(expected) == PAGES + 2 + WARC_PAGES
    assert errors == [str(corpus / "bad.xml"), f"{corpus / 'crawl.warc.gz'}#{DAMAGED_RECORD}"]
    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        whole = nd.read_bags(corpus, with_source=True, block_size=None, quotes=False)
        assert whole.articles.npartitions == 6  # one per file
        got, reported = client.compute([whole.articles, whole.errors], sync=True)
        frame = client.compute(nd.to_dataframe(whole.articles)).result()
        # in blocks: the WARC and the JSON Lines file in several partitions each
        blocks = nd.read_bags(corpus, block_size=700, quotes=False)
        assert blocks.articles.npartitions > 6
        in_blocks = client.compute(blocks.articles).result()
        with pytest.raises(ReadError, match="could not be read"):
            client.compute(nd.read_bag(corpus, block_size=700, quotes=False)).result()
        ignored = client.compute(nd.read_bag(corpus, errors="ignore", quotes=False)).result()
    assert got == expected
    assert [error["input"] for error in reported] == errors
    assert "damaged WARC record" in reported[1]["error"]
    assert in_blocks == ignored == [article for _, article in expected]
    assert list(frame.columns) == list(FLAT_COLUMNS)
    assert str(frame["word_count"].dtype) == "int64"
    rows = frame.to_dict("records")
    assert rows == [flat_row(article, source=source) for source, article in expected]
    assert {row["format"] for row in rows} == {"html", "jsonl"}
