"""``newsmodel convert`` over many inputs (newsmodel.cli_batch)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsmodel.cli import main
from tests.batch_inputs import page


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_folder_to_folder_with_jobs_and_a_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "in").mkdir()
    for n in range(3):
        (tmp_path / "in" / f"p{n}.html").write_bytes(page(n))
    out = tmp_path / "out"
    code, _, err = run(
        capsys, "convert", str(tmp_path / "in"), "--to", "ninjs", "-o", str(out), "-j", "2"
    )
    assert code == 0, err
    assert sorted(p.name for p in out.iterdir()) == [f"p{n}.ninjs.json" for n in range(3)]
    assert err.startswith("newsmodel: 3 files, 3 articles, 0 errors, 0 skipped")
    assert err.count("\n") == 1


def test_many_files_to_jsonl_and_a_failing_input_exits_non_zero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.html").write_bytes(page(1))
    (tmp_path / "b.xml").write_bytes(b"<unknown/>")
    out = tmp_path / "all.jsonl"
    code, _, err = run(
        capsys, "convert", str(tmp_path / "a.html"), str(tmp_path / "b.xml"), "-o", str(out)
    )
    assert code == 1
    [line] = out.read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["article"]["headline"] == "Placeholder headline 1"
    [error] = (tmp_path / "all.errors.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(error)["input"] == str(tmp_path / "b.xml")
    assert "1 errors" in err and "all.errors.jsonl" in err


def test_skip_existing_resumes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "in").mkdir()
    for n in range(2):
        (tmp_path / "in" / f"p{n}.html").write_bytes(page(n))
    out = str(tmp_path / "out")
    assert run(capsys, "convert", str(tmp_path / "in"), "-o", out, "--to", "text")[0] == 0
    (tmp_path / "out" / "p1.txt").unlink()
    code, _, err = run(
        capsys, "convert", str(tmp_path / "in"), "-o", out, "--to", "text", "--skip-existing"
    )
    assert code == 0
    assert "1 articles" in err and "1 skipped" in err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["p0.txt", "p1.txt"]


def test_one_file_keeps_the_one_article_conversion(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.html").write_bytes(page(1))
    code, out, err = run(capsys, "convert", str(tmp_path / "a.html"), "--to", "text")
    assert code == 0
    assert "files," not in err  # no batch summary
    assert out.startswith("Placeholder headline 1\n")


def test_batch_needs_an_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "convert", str(tmp_path), "--to", "text")
    assert code == 1 and "needs -o OUT" in err


def test_options_reach_every_input_of_a_batch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "in").mkdir()
    for n in range(2):
        (tmp_path / "in" / f"p{n}.html").write_bytes(page(n))
    out = tmp_path / "out"
    # a writer option, parsed by its declared type, goes to every article written
    code, _, err = run(
        capsys,
        "convert",
        str(tmp_path / "in"),
        "--to",
        "ninjs",
        "-o",
        str(out),
        "-j",
        "0",
        "-O",
        "version=1.6",
    )
    assert code == 0, err
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(out.iterdir())]
    assert len(docs) == 2 and all("headline" in doc for doc in docs)  # ninjs 1.6 keys
    # an option nobody takes is a usage error naming the options there are
    code, _, err = run(
        capsys, "convert", str(tmp_path / "in"), "-o", str(tmp_path / "o2"), "-O", "nosuch=1"
    )
    assert code == 2
    assert "nosuch" in err and "version" in err


def test_progress_counts_inputs_and_gives_a_time_left(tmp_path: Path) -> None:
    from newsmodel import batch
    from newsmodel.cli_batch import progress_line
    from tests.batch_inputs import warc_records, write_warc_gz

    (tmp_path / "in").mkdir()
    for n in range(3):
        (tmp_path / "in" / f"p{n}.html").write_bytes(page(n))
    write_warc_gz(tmp_path / "in" / "w.warc.gz", warc_records(2))  # one input, two pages
    seen: list[batch.Progress] = []
    summary = batch.convert(
        [tmp_path / "in"], out=tmp_path / "out", workers=0, progress=seen.append
    )
    assert summary.files == 5 and len(seen) == 5
    assert {p.inputs_total for p in seen} == {4}
    assert [p.inputs for p in seen] == [1, 2, 3, 3, 4]  # the WARC is done with its last page
    assert seen[-1].eta == 0.0 and seen[0].eta is not None
    line = progress_line(
        batch.Progress(files=9, articles=8, errors=1, seconds=200.0, inputs=4, inputs_total=10)
    )
    assert line == (
        "4/10 inputs, 9 files, 8 articles, 1 errors, 0.0 articles/s, 3 min 20 s, "
        "about 5 min 00 s left"
    )
    unknown = batch.Progress(files=1, articles=1, errors=0, seconds=2.0, inputs=1)
    assert progress_line(unknown).endswith("0.5 articles/s, 2 s") and unknown.eta is None


@pytest.mark.parametrize("compressed", [True, False])
def test_a_warc_on_standard_input(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    compressed: bool,
) -> None:
    import gzip
    import io
    import sys

    from tests.batch_inputs import warc_records

    records = warc_records(2)
    data = b"".join(gzip.compress(r) for r in records) if compressed else b"".join(records)

    class Stdin:
        buffer = io.BufferedReader(io.BytesIO(data))  # type: ignore[arg-type]

    monkeypatch.setattr(sys, "stdin", Stdin())
    out = tmp_path / "out"
    code, _, err = run(capsys, "convert", "-", "-o", str(out))
    assert code == 0, err
    names = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json"))
    assert names == ["stdin/000002.newsmodel.json", "stdin/000004.newsmodel.json"]
    assert err.startswith("newsmodel: 2 files, 2 articles, 0 errors, 0 skipped, 3 ignored")


def test_an_option_goes_to_the_readers_that_take_it_each_parsed_by_its_own_type(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from newsmodel.cli import UsageError, batch_options
    from tests.conftest import GOLDEN

    # dayfirst: only the plain-text reader takes it; the HTML and NITF inputs are read without
    chosen = batch_options(["dayfirst=yes", "write.indent=4"], None, "ninjs")
    assert chosen.read == {"text": {"dayfirst": True}} and chosen.write == {"indent": 4}
    # version: str | None for the ninjs reader, str for its writer: "none" is None only there
    chosen = batch_options(["version=none"], None, "ninjs")
    assert chosen.read == {"ninjs": {"version": None}} and chosen.write == {"version": "none"}
    assert batch_options(["read.version=none"], None, "ninjs").write == {}
    with pytest.raises(UsageError, match="indent"):
        batch_options(["write.indent=wide"], None, "ninjs")
    with pytest.raises(UsageError, match="no writer takes it"):
        batch_options(["write.dayfirst=yes"], None, "ninjs")

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.html").write_bytes(page(1))
    (tmp_path / "in" / "b.xml").write_bytes((GOLDEN / "indaily.nitf.xml").read_bytes())
    (tmp_path / "in" / "c.txt").write_bytes((GOLDEN / "indaily.txt").read_bytes())
    out = tmp_path / "out"
    code, _, err = run(
        capsys, "convert", str(tmp_path / "in"), "-o", str(out), "-j", "0", "-O", "dayfirst=yes"
    )
    assert code == 0, err
    assert sorted(p.name for p in out.iterdir()) == [
        "a.newsmodel.json",
        "b.newsmodel.json",
        "c.newsmodel.json",
    ]
