"""newsmodel.dask: a bag of articles, one partition per file, on a real LocalCluster."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsmodel import batch
from newsmodel.errors import ReadError
from newsmodel.table import FLAT_COLUMNS, flat_row
from tests.batch_inputs import page, warc_records, write_warc_gz
from tests.conftest import GOLDEN

pytest.importorskip("dask.bag")
pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
nd = pytest.importorskip("newsmodel.dask")

PAGES = 3
WARC_PAGES = 4


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Three pages (one in a subfolder), a JSON Lines file of two articles, a WARC of four."""
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    for n in range(PAGES):
        (root / ("sub" if n == 2 else ".") / f"p{n}.html").write_bytes(page(n))
    (root / "lines.jsonl").write_bytes((GOLDEN / "indaily.jsonl").read_bytes())
    write_warc_gz(root / "crawl.warc.gz", warc_records(WARC_PAGES))
    return root


def test_files_are_listed_in_name_order(corpus: Path) -> None:
    assert nd._files(corpus) == [
        str(corpus / "crawl.warc.gz"),
        str(corpus / "lines.jsonl"),
        str(corpus / "p0.html"),
        str(corpus / "p1.html"),
        str(corpus / "sub" / "p2.html"),
    ]
    assert nd._files(str(corpus / "**" / "*.html")) == [
        str(corpus / "p0.html"),
        str(corpus / "p1.html"),
        str(corpus / "sub" / "p2.html"),
    ]


def test_no_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no file"):
        nd.read_bag(str(tmp_path / "*.warc.gz"))


def test_bag_on_a_local_cluster_holds_every_article_the_batch_path_reads(corpus: Path) -> None:
    expected = list(batch.iter_articles([corpus], quotes=False))
    assert len(expected) == PAGES + 2 + WARC_PAGES
    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        bag = nd.read_bag(corpus, with_source=True, quotes=False)
        assert bag.npartitions == 5  # one per file
        got = client.compute(bag).result()
        frame = client.compute(nd.to_dataframe(bag)).result()
        plain = client.compute(nd.read_bag(corpus, quotes=False)).result()
    assert sorted(got, key=lambda pair: pair[0]) == sorted(expected, key=lambda pair: pair[0])
    assert plain == [article for _, article in got]
    assert list(frame.columns) == list(FLAT_COLUMNS)
    assert str(frame["word_count"].dtype) == "int64"
    rows = frame.to_dict("records")
    assert sorted(rows, key=lambda row: str(row["source"])) == sorted(
        (flat_row(article, source=source) for source, article in expected),
        key=lambda row: str(row["source"]),
    )
