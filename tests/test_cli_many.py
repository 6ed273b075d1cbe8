"""``newsmodel convert`` and ``inspect`` of one input that holds many articles
(newsmodel.cli_many), and a batch run written as one feed (``-o all.atom``)."""

from __future__ import annotations

import json
import os
import stat
import threading
import warnings
from pathlib import Path

import pytest

import newsmodel
from newsmodel.cli import main
from newsmodel.errors import LossyConversionWarning, report_loss
from tests.conftest import ROOT

FEED = ROOT.parent / "examples" / "example-newsroom-feed.rss"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _headlines() -> list[str | None]:
    return [a.headline for a in newsmodel.read_many(FEED.read_bytes(), quotes=False)]


def test_a_feed_to_stdout_is_json_lines_of_every_article(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "convert", str(FEED))
    assert code == 0, err
    lines = out.splitlines()
    assert [json.loads(line)["article"]["headline"] for line in lines] == _headlines()
    assert "returns the first" not in err


def test_a_feed_to_a_format_that_holds_many_is_one_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, fmt in (("all.atom", "atom"), ("wire.xml", "newsml")):
        target = tmp_path / name
        code, _, err = run(capsys, "convert", str(FEED), "--to", fmt, "-o", str(target))
        assert code == 0, err
        back = list(newsmodel.read_many(target.read_bytes(), fmt, quotes=False))
        assert [a.headline for a in back] == _headlines()


def test_a_feed_to_a_format_of_one_article_writes_one_file_each_into_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    code, _, err = run(capsys, "convert", str(FEED), "--to", "nitf", "-o", str(out))
    assert code == 0, err
    names = sorted(p.name for p in out.iterdir())
    assert names == [f"example-newsroom-feed-{n:06d}.nitf.xml" for n in (1, 2, 3)]
    read = [newsmodel.read_file(out / name, quotes=False).headline for name in names]
    assert read == _headlines()
    # what NITF cannot carry is said once for the run, the articles named by position
    assert err.count("nitf cannot carry") == 1
    assert "[0-2].publisher.url" in err


@pytest.mark.parametrize("target", [None, "story.nitf.xml"])
def test_many_articles_into_one_document_of_one_article_is_refused(
    target: str | None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    where = ["-o", str(tmp_path / target)] if target else []
    code, out, err = run(capsys, "convert", str(FEED), "--to", "nitf", *where)
    assert code == 1
    assert "holds many articles" in err and "-o FOLDER" in err
    assert out == "" and list(tmp_path.iterdir()) == []


def test_a_json_format_into_a_jsonl_file_is_one_line_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "all.jsonl"
    code, _, err = run(capsys, "convert", str(FEED), "--to", "ninjs", "-o", str(target))
    assert code == 0, err
    back = newsmodel.read_many(target.read_bytes(), "jsonl", inner="ninjs", quotes=False)
    assert [a.headline for a in back] == _headlines()


def test_strict_stops_at_the_first_loss(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code, _, err = run(capsys, "convert", str(FEED), "--to", "nitf", "-o", str(out), "--strict")
    assert code == 1 and "nitf cannot carry" in err


def test_an_item_that_shows_nothing_is_skipped_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = FEED.read_text(encoding="utf-8").replace(
        "<item>", "<item><guid>only-an-id</guid><pubDate>Fri, 05 Apr 2024 08:00:00 GMT</pubDate>"
        "</item><item>", 1,
    )  # fmt: skip
    source = tmp_path / "feed.rss"
    source.write_text(feed, encoding="utf-8")
    code, out, err = run(capsys, "convert", str(source), "--to", "jsonl")
    assert code == 0, err
    assert len(out.splitlines()) == 3
    assert "items with no headline, text or photo skipped: 1\n" in err


def test_inspect_summarises_each_article_of_a_feed(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "inspect", str(FEED))
    assert code == 0, err
    assert [line for line in out.splitlines() if line.startswith("article ")] == [
        "article 1",
        "article 2",
        "article 3",
    ]
    assert out.count("headline:") == 3


def test_a_batch_run_into_one_feed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "in").mkdir()
    for n in range(2):
        (tmp_path / "in" / f"f{n}.rss").write_bytes(FEED.read_bytes())
    (tmp_path / "in" / "broken.rss").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    target = tmp_path / "all.atom"
    code, _, err = run(capsys, "convert", str(tmp_path / "in"), "-o", str(target), "-j", "0")
    assert code == 1 and "3 files, 6 articles, 1 errors" in err  # the others are written
    back = list(newsmodel.read_many(target.read_bytes(), "atom", quotes=False))
    assert [a.headline for a in back] == _headlines() * 2
    report = (tmp_path / "all.errors.jsonl").read_text(encoding="utf-8")
    assert "broken.rss" in report


def test_loss_messages_name_many_articles_once() -> None:
    fields = [f"[{n}].publisher.url" for n in range(4, 9)] + ["[1].x", "[3].x", "[9].x", "[12].x"]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        report_loss("rss", [*fields, "photos"], strict=False)
    (found,) = [w.message for w in caught]
    assert isinstance(found, LossyConversionWarning)
    assert str(found) == "rss cannot carry: [4-8].publisher.url, [1, 3, 9, … 4 articles].x, photos"
    assert found.fields == (*fields, "photos")  # every path, for programs


@pytest.mark.parametrize("where", ["a-file", "a-file/below"])
def test_a_folder_that_cannot_be_made_is_an_error_not_a_traceback(
    where: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a-file").write_text("taken", encoding="utf-8")
    target = tmp_path / where
    code, _, err = run(capsys, "convert", str(FEED), "--to", "nitf", "-o", str(target))
    assert code == 1
    assert err.count("newsmodel: error: cannot write") == 1, err
    assert (tmp_path / "a-file").read_text(encoding="utf-8") == "taken"


def test_a_batch_folder_that_cannot_be_made_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a-file").write_text("taken", encoding="utf-8")
    target = tmp_path / "a-file"
    code, _, err = run(capsys, "convert", str(FEED), str(FEED), "--to", "nitf", "-o", str(target))
    assert code == 1
    assert "newsmodel: error: cannot write" in err


def test_one_article_into_a_jsonl_file_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "one.ninjs.json"
    source.write_text('{"uri": "urn:example:1", "headline": "Only one"}', encoding="utf-8")
    target = tmp_path / "one.jsonl"
    code, _, err = run(capsys, "convert", str(source), "--to", "ninjs", "-o", str(target))
    assert code == 0, err
    assert len(target.read_text(encoding="utf-8").splitlines()) == 1
    back = newsmodel.read_many(target.read_bytes(), "jsonl", inner="ninjs", quotes=False)
    assert [a.headline for a in back] == ["Only one"]


@pytest.mark.parametrize("fmt", ["nitf", "newsml", "html"])
def test_a_jsonl_file_of_a_format_that_is_no_json_is_refused(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "all.jsonl"
    code, _, err = run(capsys, "convert", str(FEED), "--to", fmt, "-o", str(target))
    assert code == 1
    assert "a .jsonl output holds JSON documents" in err
    assert list(tmp_path.iterdir()) == []


def test_dash_as_the_output_is_standard_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "convert", str(FEED), "--to", "atom", "-o", "-")
    assert code == 0, err
    assert [a.headline for a in newsmodel.read_many(out, "atom", quotes=False)] == _headlines()
    code, out, err = run(capsys, "convert", str(FEED), "--to", "nitf", "-o", "-")
    assert code == 1 and "standard output" in err
    assert list(tmp_path.iterdir()) == []  # no file or folder named "-"


def test_one_article_into_a_jsonl_file_of_json_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "one.ninjs.json"
    source.write_text('{"uri": "urn:example:1", "headline": "Only one"}', encoding="utf-8")
    target = tmp_path / "one.jsonl"
    code, _, err = run(capsys, "convert", str(source), "-o", str(target))
    assert code == 0, err
    assert [a.headline for a in newsmodel.read_many(target.read_bytes(), "jsonl")] == ["Only one"]


def test_a_file_that_cannot_be_finished_leaves_the_one_there_before(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "story.atom"
    target.write_text("the file there before", encoding="utf-8")

    def cut_short(source: str, destination: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", cut_short)  # the write fails before it is whole
    code, _, err = run(capsys, "convert", str(FEED), "-o", str(target))
    assert code == 1 and "No space left on device" in err
    assert target.read_text(encoding="utf-8") == "the file there before"
    assert [p.name for p in tmp_path.iterdir()] == ["story.atom"]  # no .part left


def test_a_named_pipe_as_the_output_is_written_to(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(pipe.read_bytes()), daemon=True)
    reader.start()
    code, _, err = run(capsys, "convert", str(FEED), "--to", "atom", "-o", str(pipe))
    assert code == 0, err
    reader.join(timeout=30)
    assert stat.S_ISFIFO(pipe.stat().st_mode)  # still the pipe, not replaced by a file
    assert [a.headline for a in newsmodel.read_many(got[0], "atom", quotes=False)] == _headlines()


@pytest.mark.parametrize("name", ["all.rss", "all.jsonl"])
def test_a_run_into_a_file_inside_its_input_folder_does_not_read_that_file(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.rss").write_bytes(FEED.read_bytes())
    (tmp_path / "broken.rss").write_bytes(b"%PDF-1.4\n")  # an error report beside OUT too
    target = tmp_path / name
    for _ in range(2):  # the second run finds the first one's output and report there
        code, _, err = run(capsys, "convert", str(tmp_path), "-o", str(target), "-j", "0")
        assert code == 1 and "2 files, 3 articles, 1 errors" in err, err
    fmt = "rss" if name.endswith(".rss") else "jsonl"
    assert len(list(newsmodel.read_many(target.read_bytes(), fmt, quotes=False))) == 3
