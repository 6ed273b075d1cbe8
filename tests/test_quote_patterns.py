"""The patterns quote finding is built on, at their edges: where a text starts, runs of
end marks, names next to other letters (the patterns are written for speed, so their
edges are pinned here). Every text is made up."""

from __future__ import annotations

import pytest

from newsmodel.quotes.marks import _pairs
from newsmodel.quotes.resolver import _titled
from newsmodel.quotes.sentences import _sentence_ends
from newsmodel.quotes.words import _FULL_NAME


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("”We will stay,” she said.", [(0, 14)]),  # a closing mark opens a paragraph
        ("She said ”no” twice.", []),  # but opens nothing inside one
        ("”  ", []),  # nor when no word follows it
        ("“Go,” she said.", [(0, 4)]),
        ("„Wir bleiben“, sagte sie.", [(0, 12)]),
    ],
)
def test_opening_marks(text: str, pairs: list[tuple[int, int]]) -> None:
    assert _pairs(text) == pairs


@pytest.mark.parametrize(
    ("masked", "ends"),
    [
        ("It rained. Then it stopped.", [9]),
        ("Wait... Then it stopped.", [4]),  # a run of full stops ends the sentence once
        ("Sen. Okafor spoke. He left.", [17]),  # no end after an abbreviation
        ("It is in the U.S. He said so.", [16]),  # but one before a pronoun
        ("雨が降った。晴れた。", [5, 9]),
    ],
)
def test_sentence_ends(masked: str, ends: list[int]) -> None:
    _sentence_ends.cache_clear()
    assert [last - 1 for last in _sentence_ends(masked)[0]] == ends


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Ana Okafor spoke.", ["Ana Okafor"]),  # at the very start of the text
        ("Then Hans van Berg and Éric Dupont left.", ["Then Hans van Berg", "Éric Dupont"]),
        ("xAna Okafor", []),  # no name starts inside a word
        ("Dr. Mara Lindqvist", ["Dr. Mara Lindqvist"]),
    ],
)
def test_full_names(text: str, names: list[str]) -> None:
    assert [match.group(1) for match in _FULL_NAME.finditer(text)] == names


@pytest.mark.parametrize(
    ("before", "titled"),
    [
        ("said Mayor ", True),
        ("the mayor\n", True),
        ("Sen.", True),
        ("the mayors ", False),
        ("Xmayor ", False),
    ],
)
def test_a_title_before_a_name(before: str, titled: bool) -> None:
    assert _titled(before) is titled
