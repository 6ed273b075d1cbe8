"""Docs and quick start stay true: every format has a page, every example on the site runs,
CI runs the README's test command."""

from __future__ import annotations

import doctest
import importlib
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

import newsmodel
from newsmodel import FormatInfo
from newsmodel.cli import main
from newsmodel.io import newsmodel_json
from tests.conftest import ROOT

REPO = ROOT.parent


def _quick_start_commands() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_readme_has_exactly_two_quick_start_commands_and_ci_runs_the_test_one() -> None:
    commands = _quick_start_commands()
    assert len(commands) == 2
    assert "pytest" in commands[1]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci.splitlines()


def test_quick_start_example_exists() -> None:
    install = _quick_start_commands()[0]
    example = re.search(r"(examples/\S+)", install)
    assert example is not None
    assert (REPO / example.group(1)).is_file()


def test_every_format_has_a_docs_page_linked_from_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for info in newsmodel.formats():
        page = REPO / "docs" / "formats" / f"{info.name}.md"
        assert page.is_file(), f"docs/formats/{info.name}.md is missing"
        assert f"docs/formats/{info.name}.md" in readme


def test_docs_links_resolve() -> None:
    for page in [REPO / "README.md", *sorted((REPO / "docs").rglob("*.md"))]:
        text = page.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)#:]+\.md)\)", text):
            assert (page.parent / target).is_file(), f"{page.name} links to missing {target}"


# ---------------------------------------------------------------------------
# the documentation site: every page in the nav, every example run

DOCS = REPO / "docs"
PAGES = sorted(DOCS.rglob("*.md"))
#: A fenced block: its language, then its text (fences start at the margin).
FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
#: Blocks that show a layout or a synopsis, not something to run.
SHOWN = frozenset({"text", "", "json"})
#: Shell lines that install rather than show newsmodel (the README's test runs those).
INSTALL = ("python3 -m venv", ".venv/bin/pip", "pip ")
#: What a shell example may say after its command: ``# exit 1: why``.
SH_LINE = re.compile(r"^(?P<command>[^#]*?)\s*(?:#\s*(?:exit (?P<status>\d+))?.*)?$")
#: Each format page says what is read, what is written, the mapping and what is lost.
FORMAT_SECTIONS = ("Reading", "[Ww]riting", "Mapping", "cannot carry")


def _blocks(page: Path) -> list[tuple[str, str, int]]:
    text = page.read_text(encoding="utf-8")
    return [
        (m.group(1), m.group(2), text.count("\n", 0, m.start()) + 2) for m in FENCE.finditer(text)
    ]


def _runnable(page: Path) -> bool:
    return any(lang not in SHOWN for lang, _, _ in _blocks(page))


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory with the repository's examples, where examples may write files."""
    shutil.copytree(REPO / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run_doctest(body: str, globs: dict[str, object], name: str, line: int) -> None:
    test = doctest.DocTestParser().get_doctest(body, globs, name, name, line)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    report: list[str] = []
    runner.run(test, out=report.append, clear_globs=False)
    assert runner.failures == 0, "".join(report)


def _run_script(body: str, sandbox: Path, name: str) -> None:
    script = sandbox / "example.py"
    script.write_text(body, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "src"), *sys.path])}
    done = subprocess.run(
        [sys.executable, str(script)], cwd=sandbox, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, f"{name}: {done.stderr}"


def _run_shell(body: str, name: str, capsys: pytest.CaptureFixture[str]) -> None:
    for line in body.splitlines():
        if not line.strip() or line.startswith(INSTALL):
            continue
        match = SH_LINE.match(line)
        assert match is not None and line.startswith("newsmodel "), f"{name}: cannot run {line!r}"
        words = shlex.split(match.group("command"))[1:]
        target = None
        if ">" in words:
            words, target = words[: words.index(">")], words[words.index(">") + 1]
        status = main(words)
        out = capsys.readouterr().out
        if target is not None:
            Path(target).write_text(out, encoding="utf-8")
        assert status == int(match.group("status") or 0), f"{name}: {line}"


@pytest.mark.parametrize("page", [p for p in PAGES if _runnable(p)], ids=lambda p: p.stem)
def test_every_example_on_the_page_runs(
    page: Path, sandbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    globs: dict[str, object] = {"__name__": "docs_example"}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", newsmodel.NewsmodelWarning)
        for lang, body, line in _blocks(page):
            name = f"{page.relative_to(REPO)}:{line}"
            if lang in ("python", "pycon") and ">>>" in body:
                _run_doctest(body, globs, name, line)
            elif lang == "python" and 'if __name__ == "__main__":' in body:
                _run_script(body, sandbox, name)
            elif lang == "python":
                exec(compile(body, name, "exec"), globs)
            elif lang == "sh":
                _run_shell(body, name, capsys)


def test_examples_are_run_on_every_page_that_shows_code() -> None:
    languages = {lang for page in PAGES for lang, _, _ in _blocks(page)}
    assert languages <= {"python", "pycon", "sh", *SHOWN}, languages
    runnable = [p.stem for p in PAGES if _runnable(p)]
    assert len(runnable) >= 12, runnable


def test_json_examples_are_valid_documents() -> None:
    for page in PAGES:
        for lang, body, _ in _blocks(page):
            if lang == "json":
                doc = json.loads(body)
                assert "newsmodel" not in doc or newsmodel.validate(body) == []


def test_every_page_is_in_the_site_nav() -> None:
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    listed = set(re.findall(r":\s+(\S+\.md)\s*$", config, re.MULTILINE))
    assert listed == {p.relative_to(DOCS).as_posix() for p in PAGES}


@pytest.mark.parametrize("info", newsmodel.formats(), ids=lambda i: i.name)
def test_every_format_page_says_what_is_read_written_mapped_and_lost(info: FormatInfo) -> None:
    headings = re.findall(
        r"^## (.+)$", (DOCS / "formats" / f"{info.name}.md").read_text("utf-8"), re.M
    )
    for section in FORMAT_SECTIONS:
        assert any(re.search(section, h) for h in headings), (info.name, section, headings)


def test_our_schema_id_is_its_address_on_the_site() -> None:
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    site_url = re.search(r"^site_url:\s*(\S+)$", config, re.MULTILINE)
    assert site_url is not None and site_url.group(1).endswith("/")
    assert newsmodel_json.schema()["$id"] == f"{site_url.group(1)}schema/newsmodel-1.schema.json"


def test_the_changelog_page_includes_the_changelog() -> None:
    page = (DOCS / "changelog.md").read_text(encoding="utf-8")
    assert '--8<-- "CHANGELOG.md"' in page
    assert (REPO / "CHANGELOG.md").is_file()


def test_docstring_examples_on_the_api_page_run() -> None:
    page = (DOCS / "api.md").read_text(encoding="utf-8")
    shown = re.findall(r"^::: (\S+)$", page, re.MULTILINE)
    modules = sorted({importlib.import_module(_module_of(name)) for name in shown}, key=str)
    examples = 0
    for module in [newsmodel, *modules]:
        finder = doctest.DocTestFinder(exclude_empty=True)
        for test in finder.find(module, module.__name__):
            runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
            report: list[str] = []
            runner.run(test, out=report.append)
            assert runner.failures == 0, "".join(report)
            examples += len(test.examples)
    assert examples >= 5


def _module_of(name: str) -> str:
    """The module an API page entry lives in (``newsmodel.io.FormatInfo`` -> ``newsmodel.io``)."""
    parts = name.split(".")
    while parts[-1][:1].isupper():
        parts.pop()
    return ".".join(parts)
