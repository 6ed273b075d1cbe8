"""newsmodel.batch: many inputs, worker processes, bad input reported and the run going on."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import os
import tarfile
import zipfile
from pathlib import Path

import pytest

import newsmodel
from newsmodel import batch
from newsmodel._pool import Failure, Pool
from newsmodel.errors import FormatError, ReadError
from tests.batch_inputs import (
    crash_on_odd,
    http_response,
    page,
    warc_record,
    warc_records,
    write_warc_gz,
)
from tests.conftest import GOLDEN


def _errors(out: Path) -> list[dict[str, object]]:
    report = out / "errors.jsonl"
    if not report.exists():
        return []
    return [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]


def _files(out: Path) -> list[str]:
    return sorted(
        p.relative_to(out).as_posix()
        for p in out.rglob("*")
        if p.is_file() and p.name != "errors.jsonl"
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three pages (one in a subfolder), a JSON Lines file of two articles, and an Atom feed."""
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "a.html").write_bytes(page(1))
    (root / "b.html").write_bytes(page(2))
    (root / "sub" / "c.htm").write_bytes(page(3))
    (root / "lines.jsonl").write_bytes((GOLDEN / "indaily.jsonl").read_bytes())
    (root / "sub" / "feed.atom").write_bytes((GOLDEN / "indaily.atom.xml").read_bytes())
    return root


EXPECTED_NAMES = [
    "a.ninjs.json",
    "b.ninjs.json",
    "lines-000001.ninjs.json",
    "lines-000002.ninjs.json",
    "sub/c.ninjs.json",
    "sub/feed-000001.ninjs.json",
]


def test_folder_converts_every_article_with_stable_names(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    summary = batch.convert([folder], to="ninjs", out=out, workers=2)
    assert (summary.files, summary.articles, summary.errors) == (5, 6, 0)
    assert _files(out) == EXPECTED_NAMES
    assert summary.error_report is None and not (out / "errors.jsonl").exists()
    # each file is what the one-article API writes for the same input
    expected = newsmodel.write(newsmodel.read_file(folder / "a.html", quotes=False), "ninjs")
    assert (out / "a.ninjs.json").read_text(encoding="utf-8") == expected


def test_workers_and_in_process_runs_give_the_same_jsonl_in_input_order(
    folder: Path, tmp_path: Path
) -> None:
    batch.convert([folder], to="newsmodel", out=tmp_path / "two.jsonl", workers=2)
    batch.convert([folder], to="newsmodel", out=tmp_path / "none.jsonl", workers=0)
    two = (tmp_path / "two.jsonl").read_text(encoding="utf-8")
    assert two == (tmp_path / "none.jsonl").read_text(encoding="utf-8")
    headlines = [newsmodel.read(line, "newsmodel").headline for line in two.splitlines()]
    assert headlines[:2] == ["Placeholder headline 1", "Placeholder headline 2"]
    assert headlines[4] == "Placeholder headline 3"  # sub/c.htm after lines.jsonl, before sub/feed
    assert len(headlines) == 6


def test_iter_articles_names_every_source(folder: Path) -> None:
    sources = [source for source, _ in batch.iter_articles([folder])]
    assert [os.path.relpath(s, folder) for s in sources] == [
        "a.html",
        "b.html",
        "lines.jsonl:1",
        "lines.jsonl:2",
        "sub/c.htm",
        "sub/feed.atom[1]",
    ]


def test_skip_existing_resumes_and_redoes_only_what_is_missing(
    folder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    batch.convert([folder], to="ninjs", out=out, workers=0)
    (out / "b.ninjs.json").unlink()
    (out / "lines-000002.ninjs.json").unlink()
    summary = batch.convert([folder], to="ninjs", out=out, workers=0, skip_existing=True)
    assert (summary.articles, summary.skipped) == (2, 4)
    assert _files(out) == EXPECTED_NAMES


def test_stdout_and_options(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    batch.convert([folder / "a.html"], to="text", out="-", workers=0, options={"encoding": "utf-8"})
    assert capsys.readouterr().out.startswith("Placeholder headline 1\n")
    with pytest.raises(FormatError, match="no_such_option"):
        batch.convert([folder], to="text", out="-", workers=0, no_such_option=1)


def test_glob_compressed_and_stdin_inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "p1.html.gz").write_bytes(gzip.compress(page(1)))
    (tmp_path / "p2.html.bz2").write_bytes(bz2.compress(page(2)))
    (tmp_path / "p3.html.xz").write_bytes(lzma.compress(page(3)))
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(page(4))))
    found = dict(batch.iter_articles([str(tmp_path / "p*.html.*"), "-"]))
    assert {k.rsplit("/", 1)[-1]: v.headline for k, v in found.items()} == {
        "p1.html.gz": "Placeholder headline 1",
        "p2.html.bz2": "Placeholder headline 2",
        "p3.html.xz": "Placeholder headline 3",
        "<stdin>": "Placeholder headline 4",
    }


# ---------------------------------------------------------------------------
# bad input: reported, the rest converted, nothing written outside OUT


def test_bad_files_in_a_folder_are_each_named(folder: Path, tmp_path: Path) -> None:
    (folder / "loop").symlink_to(folder)  # a symlink loop
    (folder / "self").symlink_to(folder / "self")  # a link to itself
    (folder / "cut.html.gz").write_bytes(gzip.compress(page(9))[:60])  # truncated
    (folder / "noise.xml").write_bytes(b"\x00\x01 not a document")
    unreadable = folder / "locked.html"
    unreadable.write_bytes(page(8))
    unreadable.chmod(0)
    out = tmp_path / "out"
    summary = batch.convert([folder], to="ninjs", out=out, workers=2)
    errors = {os.path.relpath(str(e["input"]), folder): str(e["error"]) for e in _errors(out)}
    assert "symlink loop" in errors["loop"]
    assert "cannot read" in errors["self"]
    assert "cut off" in errors["cut.html.gz"]
    assert "cannot tell the format" in errors["noise.xml"]
    expected_errors = 4
    if os.geteuid() != 0:  # root reads any file
        assert "cannot read" in errors["locked.html"]
        expected_errors += 1
    assert summary.errors == len(errors) == expected_errors
    assert set(EXPECTED_NAMES) <= set(_files(out))


def test_jsonl_with_a_bad_line_names_the_line(tmp_path: Path) -> None:
    good = (GOLDEN / "indaily.jsonl").read_bytes().splitlines()
    (tmp_path / "in.jsonl").write_bytes(b"\n".join([good[0], b'{"newsmodel": "1.0"}', good[1]]))
    out = tmp_path / "out"
    summary = batch.convert([tmp_path / "in.jsonl"], to="newsmodel", out=out, workers=0)
    assert _files(out) == ["in-000001.newsmodel.json", "in-000003.newsmodel.json"]
    [error] = _errors(out)
    assert error["item"] == 2 and str(error["input"]).endswith("in.jsonl:2")
    assert summary.errors == 1


def test_tar_and_zip_members_leaving_the_folder_are_refused(tmp_path: Path) -> None:
    with tarfile.open(tmp_path / "pages.tar.gz", "w:gz") as archive:
        for name, data in [
            ("ok/one.html", page(1)),
            ("../evil.html", page(2)),
            ("/abs.html", page(3)),
        ]:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    with zipfile.ZipFile(tmp_path / "pages.zip", "w") as archive:
        archive.writestr("two.html", page(4))
        archive.writestr("../../up.html", page(5))
    out = tmp_path / "deep" / "out"
    summary = batch.convert(
        [tmp_path / "pages.tar.gz", tmp_path / "pages.zip"], to="text", out=out, workers=0
    )
    assert _files(out) == ["pages/ok/one.txt", "pages/two.txt"]
    refused = sorted(str(e["input"]).rsplit("!", 1)[1] for e in _errors(out))
    assert refused == ["../../up.html", "../evil.html", "/abs.html"]
    assert summary.errors == 3
    assert sorted(p.name for p in (tmp_path / "deep").iterdir()) == ["out"]
    assert not list(tmp_path.glob("*.txt"))


def test_warc_pages_become_articles_with_url_and_date(tmp_path: Path) -> None:
    write_warc_gz(tmp_path / "crawl.warc.gz", warc_records(3))
    out = tmp_path / "out"
    summary = batch.convert([tmp_path / "crawl.warc.gz"], to="newsmodel", out=out, workers=2)
    assert _files(out) == [f"crawl/00000{n}.newsmodel.json" for n in (2, 4, 6)]
    article = newsmodel.read_file(out / "crawl" / "000004.newsmodel.json")
    assert article.url == "https://example.org/news/1"
    assert (
        article.published is not None
        and article.published.isoformat() == "2022-03-04T05:06:07+00:00"
    )
    # three requests and an image: not pages, counted
    assert (summary.articles, summary.ignored, summary.errors) == (3, 4, 0)


@pytest.mark.parametrize("compressed", [True, False])
def test_a_corrupt_warc_record_in_the_middle_is_reported_and_skipped(
    tmp_path: Path, compressed: bool
) -> None:
    records = warc_records(3)
    if compressed:
        members = [gzip.compress(r) for r in records]
        members[3] = members[3][:20] + b"\xff" * 30 + members[3][50:]  # the second response
        (tmp_path / "crawl.warc.gz").write_bytes(b"".join(members))
        path = tmp_path / "crawl.warc.gz"
    else:
        records[3] = records[3].replace(b"Content-Length: ", b"Content-Length: 9", 1)
        (tmp_path / "crawl.warc").write_bytes(b"".join(records))
        path = tmp_path / "crawl.warc"
    out = tmp_path / "out"
    summary = batch.convert([path], to="newsmodel", out=out, workers=0)
    assert _files(out) == ["crawl/000002.newsmodel.json", "crawl/000006.newsmodel.json"]
    [error] = _errors(out)
    assert str(error["input"]).endswith("#4") and "damaged WARC record" in str(error["error"])
    assert summary.errors == 1


def test_a_file_that_cannot_be_put_in_place_leaves_no_part_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsmodel import _outputs

    (tmp_path / "a.html").write_bytes(page(1))
    out = tmp_path / "out"

    def refuse(source: str, target: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(_outputs.os, "replace", refuse)
    summary = batch.convert([tmp_path / "a.html"], to="newsmodel", out=out, workers=0)
    assert summary.errors == 1
    assert "No space left on device" in str(_errors(out)[0]["error"])
    assert _files(out) == []  # neither the article nor its a.newsmodel.json.part


def test_a_warc_on_stdin_is_copied_up_to_a_bound_and_the_rest_reported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from newsmodel import sources

    members = [gzip.compress(r) for r in warc_records(2)]  # request, page, request, page, image
    bound = len(b"".join(members[:2])) + 10  # two records and a piece of the third

    class Stdin:
        buffer = io.BufferedReader(io.BytesIO(b"".join(members)))  # type: ignore[arg-type]

    monkeypatch.setattr("sys.stdin", Stdin())
    monkeypatch.setattr(sources, "MAX_STDIN_WARC_BYTES", bound)
    items = list(sources.expand(["-"]))
    kinds = [type(item).__name__ for item in items]
    assert kinds == ["Ignored", "Task", "Problem", "Problem"]
    assert "damaged WARC record" in items[2].error  # type: ignore[union-attr]
    assert f"more than {bound} bytes" in items[3].error  # type: ignore[union-attr]


def test_a_hanging_input_is_killed_after_the_timeout_and_the_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_bytes(page(1))
    os.mkfifo(tmp_path / "b.html")  # opening it for reading blocks: no writer ever comes
    (tmp_path / "c.html").write_bytes(page(3))
    out = tmp_path / "out"
    inputs = [tmp_path / "a.html", tmp_path / "b.html", tmp_path / "c.html"]
    summary = batch.convert(inputs, to="text", out=out, workers=1, timeout=3)
    assert _files(out) == ["a.txt", "c.txt"]
    [error] = _errors(out)
    assert str(error["input"]).endswith("b.html") and "timed out" in str(error["error"])
    assert (summary.files, summary.articles, summary.errors) == (3, 2, 1)


def test_a_crashing_worker_is_replaced_and_results_keep_their_order() -> None:
    with Pool(crash_on_odd, None, workers=2, timeout=60) as pool:
        results = list(pool.map(range(7)))
    assert [task for task, _ in results] == list(range(7))
    for task, result in results:
        if task % 2:
            assert isinstance(result, Failure) and "exit code 3" in result.reason
        else:
            assert result == task * 10


def test_iter_articles_raises_or_reports(tmp_path: Path) -> None:
    (tmp_path / "bad.xml").write_bytes(b"<nothing/>")
    with pytest.raises(ReadError, match=r"bad\.xml"):
        list(batch.iter_articles([tmp_path / "bad.xml"]))
    seen: list[str] = []
    assert (
        list(batch.iter_articles([tmp_path / "bad.xml"], on_error=lambda s, e: seen.append(s)))
        == []
    )
    assert seen == [str(tmp_path / "bad.xml")]


def test_the_readers_size_limit_bounds_archive_members_too(tmp_path: Path) -> None:
    data = page(1)
    with tarfile.open(tmp_path / "pages.tar", "w") as archive:
        info = tarfile.TarInfo("p.html")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    assert len(list(batch.iter_articles([tmp_path / "pages.tar"]))) == 1
    seen: list[str] = []
    small = batch.iter_articles(
        [tmp_path / "pages.tar"], on_error=lambda s, e: seen.append(e), max_bytes=len(data) // 2
    )
    assert list(small) == []
    # refused as it is taken out of the archive, before it is read into memory whole
    assert len(seen) == 1 and seen[0].startswith("member larger than the limit")


def test_warc_reader_on_a_plain_record_stream() -> None:
    from newsmodel.warc import Record, html_page, records

    data = warc_record("response", "https://example.org/x", http_response(page(5)))
    [record] = list(records(io.BytesIO(data)))
    assert isinstance(record, Record) and record.type == "response"
    found = html_page(record)
    assert not isinstance(found, str) and found.url == "https://example.org/x"
    assert found.body == page(5)


def test_files_that_differ_only_in_their_extension_keep_it(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "story.html").write_bytes(page(1))
    (tmp_path / "in" / "story.htm").write_bytes(page(2))
    (tmp_path / "in" / "other.html").write_bytes(page(3))
    out = tmp_path / "out"
    summary = batch.convert([tmp_path / "in"], to="text", out=out, workers=0)
    assert _files(out) == ["other.txt", "story.htm.txt", "story.html.txt"]
    assert summary.errors == 0


def test_two_inputs_writing_the_same_name_is_an_error_not_a_silent_overwrite(
    tmp_path: Path,
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "story.html").write_bytes(page(1))
    (tmp_path / "b" / "story.html").write_bytes(page(2))
    out = tmp_path / "out"
    summary = batch.convert([tmp_path / "a", tmp_path / "b"], to="text", out=out, workers=0)
    assert (out / "story.txt").read_text(encoding="utf-8").startswith("Placeholder headline 1")
    [error] = _errors(out)
    assert "already written by another input" in str(error["error"])
    assert summary.errors == 1
