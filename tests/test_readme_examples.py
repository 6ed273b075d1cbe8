"""The README stays true: its Python example runs as shown, and every figure in its
"Why newsmodel" table is one measured in docs/benchmarks.md."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import warnings
from pathlib import Path

import pytest

import newsmodel
from tests.conftest import ROOT

REPO = ROOT.parent
README = (REPO / "README.md").read_text(encoding="utf-8")
#: A figure in a table cell: ``0.968``, ``1,434–1,852``, ``34.4``.
FIGURE = re.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?(?:–[0-9][0-9,]*(?:\.[0-9]+)?)?")


def _section(title: str) -> str:
    return README.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_the_python_example_is_ten_lines_and_prints_what_its_comments_say(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = re.search(r"```python\n(.+?)```", _section("Use it from Python"), re.DOTALL)
    assert found is not None
    code = found.group(1)
    assert len(code.splitlines()) <= 11  # ten lines and the blank one after the import
    shutil.copytree(REPO / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    with warnings.catch_warnings(), contextlib.redirect_stdout(out):
        warnings.simplefilter("ignore", newsmodel.NewsmodelWarning)
        exec(compile(code, "README.md", "exec"), {"__name__": "readme"})
    printed = out.getvalue().splitlines()
    expected = [
        line.split("# ", 1)[1].split(" (", 1)[0]
        for line in code.splitlines()
        if line.startswith("print(")
    ]
    assert printed == expected


def test_every_figure_in_the_why_table_is_measured_in_the_benchmarks() -> None:
    benchmarks = (REPO / "docs" / "benchmarks.md").read_text(encoding="utf-8")
    rows = [line for line in _section("Why newsmodel").splitlines() if line.startswith("| ")]
    assert rows[0].split("|")[2:6] == [
        " newsmodel ",
        " trafilatura ",
        " newspaper4k ",
        " python-newsmlg2 ",
    ]
    figures = 0
    for row in rows[2:]:
        for cell in row.split("|")[2:-1]:
            cell = cell.strip()
            if cell == "not measured":
                continue
            for figure in cell.split(" / "):
                assert FIGURE.fullmatch(figure), (row, cell)
                assert figure in benchmarks, f"{figure} is not in docs/benchmarks.md"
                figures += 1
    assert figures >= 10


def test_the_folder_conversion_the_readme_shows_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from newsmodel.cli import main

    (line,) = [
        cmd for cmd in re.findall(r"^newsmodel convert .+$", README, re.MULTILINE) if " -j " in cmd
    ]
    shutil.copytree(REPO / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    assert main(line.split()[1:]) == 0
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    # the two stories, and the three items of the example feed
    assert len(written) == 5 and all(name.endswith(".ninjs.json") for name in written)
    assert capsys.readouterr().err.startswith("newsmodel: 3 files, 5 articles, 0 errors")
