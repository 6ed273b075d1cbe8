"""The newsmodel command."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsmodel.cli import main
from tests.conftest import GOLDEN, INDAILY_TXT


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_convert_text_to_newsmodel_prints_the_golden_json(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "convert", str(INDAILY_TXT), "--from", "text", "--to", "newsmodel")
    assert code == 0, err
    assert out == (GOLDEN / "indaily.newsmodel.json").read_text(encoding="utf-8")
    assert err == ""


def test_convert_to_text_and_to_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "convert", str(INDAILY_TXT), "--to", "text")
    assert code == 0
    assert out == (GOLDEN / "indaily.txt").read_text(encoding="utf-8")
    target = tmp_path / "out.json"
    code, out, _ = run(capsys, "convert", str(INDAILY_TXT), "-o", str(target))
    assert code == 0 and out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["newsmodel"] == "1.0"


def test_bad_json_from_stdin_is_a_one_line_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b'{"nope": 1}')))
    code, out, err = run(capsys, "convert", "--from", "newsmodel", "--to", "text")
    assert code != 0
    assert out == ""
    assert err.count("\n") == 1 and "newsmodel" in err and "nope" in err
    assert "Traceback" not in err


def test_lossy_conversion_warns_on_stderr_and_strict_fails(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    src = tmp_path / "a.newsmodel.json"
    src.write_text(
        '{"newsmodel": "1.0", "article": {"headline": "H", "url": "https://x.test/"}}',
        encoding="utf-8",
    )
    code, out, err = run(capsys, "convert", str(src), "--to", "text")
    assert code == 0 and out.startswith("H")
    assert "warning: text cannot carry: url" in err
    code, out, err = run(capsys, "convert", str(src), "--to", "text", "--strict")
    assert code == 1 and "cannot carry: url" in err and out == ""


def test_formats_and_inspect(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "formats")
    assert code == 0 and "newsmodel" in out and "text" in out
    code, out, _ = run(capsys, "inspect", str(INDAILY_TXT))
    assert code == 0
    assert "Russia in ‘direct confrontation’ with NATO" in out
    assert "22 paragraphs" in out and "photos:     1" in out and "topics:     2" in out


def test_missing_input_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "convert", "/nonexistent/story.txt")
    assert code == 1 and err.startswith("newsmodel: error: cannot read")


def test_debug_shows_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(Exception, match="cannot read"):
        main(["--debug", "convert", "/nonexistent/story.txt"])


def test_python_dash_m(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newsmodel", "convert", str(INDAILY_TXT), "--to", "text"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Russia in ‘direct confrontation’ with NATO\n")


@pytest.mark.parametrize(("inner", "found"), [(None, True), ("ninjs", False)])
def test_quotes_are_found_when_the_json_lines_written_keep_them(
    capsys: pytest.CaptureFixture[str], inner: str | None, found: bool
) -> None:
    extra = ["-O", f"write.inner={inner}"] if inner else []
    code, out, _ = run(capsys, "convert", str(INDAILY_TXT), "--to", "jsonl", *extra)
    assert code == 0
    line = json.loads(out)
    article = line["article"] if inner is None else line  # newsmodel JSON wraps its article
    assert bool(article.get("quotes")) is found
