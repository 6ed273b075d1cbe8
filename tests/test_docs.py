"""Docs and quick start stay true: every format has a page, CI runs the README's test command."""

from __future__ import annotations

import re

import newsmodel
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
