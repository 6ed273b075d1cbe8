"""Byline parsing: a table of real-world byline shapes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel.bylines import parse_byline
from newsmodel.model import BylineKind

P = "person"
O = "organisation"  # noqa: E741

#: (byline as printed, [(name, kind, role, affiliation), ...])
CASES: list[tuple[str, list[tuple[str, str, str | None, str | None]]]] = [
    ("By Jane Doe", [("Jane Doe", P, None, None)]),
    ("BY JANE DOE", [("Jane Doe", P, None, None)]),
    ("by Jane Doe", [("Jane Doe", P, None, None)]),
    ("By: Jane Doe", [("Jane Doe", P, None, None)]),
    ("Jane Doe", [("Jane Doe", P, None, None)]),
    ("By Jane Doe and John Roe", [("Jane Doe", P, None, None), ("John Roe", P, None, None)]),
    ("By Jane Doe & John Roe", [("Jane Doe", P, None, None), ("John Roe", P, None, None)]),
    ("Jane Doe | John Roe", [("Jane Doe", P, None, None), ("John Roe", P, None, None)]),
    (
        "By Jane Doe, John Roe and Mary Major",
        [("Jane Doe", P, None, None), ("John Roe", P, None, None), ("Mary Major", P, None, None)],
    ),
    (
        "By Jane Doe and John Roe, Reuters",
        [
            ("Jane Doe", P, None, "Reuters"),
            ("John Roe", P, None, "Reuters"),
            ("Reuters", O, None, None),
        ],
    ),
    (
        "By Jane Doe, Associated Press",
        [("Jane Doe", P, None, "Associated Press"), ("Associated Press", O, None, None)],
    ),
    ("By Jane Doe, CNN", [("Jane Doe", P, None, "CNN"), ("CNN", O, None, None)]),
    (
        "By Jane Doe | The Washington Post",
        [("Jane Doe", P, None, "The Washington Post"), ("The Washington Post", O, None, None)],
    ),
    (
        "Jane Doe, The Guardian",
        [("Jane Doe", P, None, "The Guardian"), ("The Guardian", O, None, None)],
    ),
    ("By Jane Doe / AP", [("Jane Doe", P, None, "AP"), ("AP", O, None, None)]),
    ("By Jane Doe For Dailymail.com", [("Jane Doe", P, None, "Dailymail.com")]),
    (
        "By Jane Doe and John Roe of The Times",
        [("Jane Doe", P, None, "The Times"), ("John Roe", P, None, "The Times")],
    ),
    ("Doe, Jane", [("Jane Doe", P, None, None)]),
    ("By Jane Doe, Senior Reporter", [("Jane Doe", P, "senior reporter", None)]),
    ("Jane Doe, Staff Writer", [("Jane Doe", P, "staff writer", None)]),
    ("Jane Doe Political Correspondent", [("Jane Doe", P, "political correspondent", None)]),
    ("By Jane Doe - Staff Writer", [("Jane Doe", P, "staff writer", None)]),
    (
        "By Jane Doe • Chief Political Correspondent",
        [("Jane Doe", P, "chief political correspondent", None)],
    ),
    ("Jane Doe, Contributor", [("Jane Doe", P, "contributor", None)]),
    (
        "By Jane Doe, Senior Writer, and John Roe, Staff Writer",
        [("Jane Doe", P, "senior writer", None), ("John Roe", P, "staff writer", None)],
    ),
    ("Staff writer", []),
    ("Senior Reporter", []),
    ("By Staff", []),
    ("From staff reports", []),
    (
        "Reporting by Jane Doe; Editing by John Roe",
        [("Jane Doe", P, "reporter", None), ("John Roe", P, "editor", None)],
    ),
    (
        "Reporting by Jane Doe and John Roe; Editing by Mary Major",
        [
            ("Jane Doe", P, "reporter", None),
            ("John Roe", P, "reporter", None),
            ("Mary Major", P, "editor", None),
        ],
    ),
    ("Additional reporting by Jane Doe in Paris", [("Jane Doe", P, "contributor", None)]),
    (
        "Words by Jane Doe, pictures by John Roe",
        [("Jane Doe", P, None, None), ("John Roe", P, "photographer", None)],
    ),
    ("Photos by Jane Doe", [("Jane Doe", P, "photographer", None)]),
    ("Story by Jane Doe", [("Jane Doe", P, None, None)]),
    ("Written by Jane Doe", [("Jane Doe", P, None, None)]),
    ("Compiled by Jane Doe", [("Jane Doe", P, None, None)]),
    ("Opinion by Jane Doe", [("Jane Doe", P, None, None)]),
    ("Analysis by Jane Doe, CNN", [("Jane Doe", P, None, "CNN"), ("CNN", O, None, None)]),
    ("Posted by Jane Doe on April 5, 2024", [("Jane Doe", P, None, None)]),
    ("By Jane Doe Updated April 5, 2024 10:30am", [("Jane Doe", P, None, None)]),
    ("By Jane Doe April 5, 2024", [("Jane Doe", P, None, None)]),
    ("Jane Doe, 5 April 2024", [("Jane Doe", P, None, None)]),
    ("By Jane Doe | Published April 5", [("Jane Doe", P, None, None)]),
    ("By Jane Doe 2 hours ago", [("Jane Doe", P, None, None)]),
    ("By Jane Doe in London", [("Jane Doe", P, None, None)]),
    ("Jane Doe (@janedoe)", [("Jane Doe", P, None, None)]),
    ("Jane Doe is a senior reporter at CNN", [("Jane Doe", P, None, None)]),
    ("By Mary O'Brien", [("Mary O'Brien", P, None, None)]),
    ("By Frances d'Emilio", [("Frances d'Emilio", P, None, None)]),
    ("By Ludwig van Beethoven", [("Ludwig van Beethoven", P, None, None)]),
    ("By José Álvarez", [("José Álvarez", P, None, None)]),
    ("By Mary-Jane Watson-Parker", [("Mary-Jane Watson-Parker", P, None, None)]),
    (
        "Von Christian Hollmann, dpa",
        [("Christian Hollmann", P, None, "dpa"), ("dpa", O, None, None)],
    ),
    ("By The Associated Press", [("The Associated Press", O, None, None)]),
    ("By AAP", [("AAP", O, None, None)]),
    ("Associated Press", [("Associated Press", O, None, None)]),
    ("– AAP", [("AAP", O, None, None)]),
    ("(AP)", [("AP", O, None, None)]),
    ("(Reuters)", [("Reuters", O, None, None)]),
    ("WASHINGTON (Reuters) -", [("Reuters", O, None, None)]),
    ("HELSINKI (AP) —", [("AP", O, None, None)]),
    ("By Jane Doe and Agencies", [("Jane Doe", P, None, "Agencies"), ("Agencies", O, None, None)]),
    ("The Editorial Board", [("The Editorial Board", O, None, None)]),
    ("Photo: AP", []),
    ("AP Photo/Jane Doe", []),
    ("Picture: Reuters", []),
    ("Updated April 5, 2024", []),
    ("", []),
    # a person and an outlet: never a person named after the outlet's first word
    (
        "By Mike Placeholder | Example News",
        [("Mike Placeholder", P, None, "Example News"), ("Example News", O, None, None)],
    ),
    # a name in capitals with an agency glued on: the person of that agency
    (
        "By JANE ROE Associated Press",
        [("Jane Roe", P, None, "Associated Press"), ("Associated Press", O, None, None)],
    ),
    (
        "By Jane Roe and Tom Doe The Associated Press",
        [
            ("Jane Roe", P, None, "The Associated Press"),
            ("Tom Doe", P, None, "The Associated Press"),
            ("The Associated Press", O, None, None),
        ],
    ),
    # accents in any Latin script, and generational suffixes, kept
    (
        "By Łukasz Żółw and Ólöf Ñandú",
        [("Łukasz Żółw", P, None, None), ("Ólöf Ñandú", P, None, None)],
    ),
    ("By Martin Placeholder Jr.", [("Martin Placeholder Jr.", P, None, None)]),
    ("By Martin Placeholder, Jr.", [("Martin Placeholder Jr.", P, None, None)]),
    ("By Samuel Placeholder III", [("Samuel Placeholder III", P, None, None)]),
    ("By Chris E. Placeholder", [("Chris E. Placeholder", P, None, None)]),
    # a capital before the apostrophe, whatever the case after it
    ("By Kate O'connor", [("Kate O'connor", P, None, None)]),
    # "and" inside an institution's name after the person: what follows is no one
    (
        "by Dana Placeholder, National Institute of Placeholder and Example Studies",
        [("Dana Placeholder", P, None, None)],
    ),
    # a first-person story told to its writer: the writer is credited
    ("Sam Example as told to Dana Placeholder", [("Dana Placeholder", P, None, None)]),
    # a day, or a date in figures, after the name: no person
    (
        "By Dana Placeholder, Wednesday, 20 November 2019 08:05 GMT",
        [("Dana Placeholder", P, None, None)],
    ),
    ("By Dana Placeholder - Fri, 12/28/2007 - 6:41am.", [("Dana Placeholder", P, None, None)]),
    # an agency between the name and the job
    (
        "By DANA PLACEHOLDER AP Technology Writer",
        [("Dana Placeholder", P, "technology writer", "AP")],
    ),
    # a newspaper's or a company's name is no person
    (
        "by Dana Placeholder, Example Mail",
        [("Dana Placeholder", P, None, "Example Mail"), ("Example Mail", O, None, None)],
    ),
    ("By Example and Placeholder Ltd", [("Example and Placeholder Ltd", O, None, None)]),
    # "By" alone, or a site's administrator, names no one
    ("By", []),
    ("By Admin", []),
    # a word after a comma is a place or a label, never a one-word name
    ("By Dana Placeholder, Washington", [("Dana Placeholder", P, None, None)]),
    ("By Dana Placeholder | Website | Other Articles", [("Dana Placeholder", P, None, None)]),
    ("About Us", []),
    # a separator before "By"
    (" | By Dana Placeholder", [("Dana Placeholder", P, None, None)]),
    # a job title in sentence case straight after the name, as some feeds write authors
    (
        "Dana Placeholder Defence and security editor",
        [("Dana Placeholder", P, "defence and security editor", None)],
    ),
    ("Dana Placeholder Diplomatic editor", [("Dana Placeholder", P, "diplomatic editor", None)]),
    (
        "By Dana Placeholder Deputy political correspondent",
        [("Dana Placeholder", P, "deputy political correspondent", None)],
    ),
    # a company's or an institution's name is no person
    ("Example Computer Company", [("Example Computer Company", O, None, None)]),
    (
        "Dana Placeholder, Example University",
        [
            ("Dana Placeholder", P, None, "Example University"),
            ("Example University", O, None, None),
        ],
    ),
    # an agency before the sentence-case job is the affiliation, not part of the job,
    # and no word of it goes into the name
    (
        "Dana Placeholder Reuters correspondent",
        [("Dana Placeholder", P, "correspondent", "Reuters")],
    ),
    # a person writing for an institution; a subject at an institution is no institution
    (
        "By Dana Placeholder for the Example Society",
        [("Dana Placeholder", P, None, "the Example Society")],
    ),
    (
        "Dana Placeholder, Professor of History at Example University",
        [("Dana Placeholder", P, None, None)],
    ),
]


def test_there_are_enough_shapes() -> None:
    assert len(CASES) >= 60


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0] or "empty" for c in CASES])
def test_byline_shapes(text: str, expected: list[tuple[str, str, str | None, str | None]]) -> None:
    got = [(b.name, b.kind.value, b.role, b.affiliation) for b in parse_byline(text)]
    assert got == expected


def test_agencies_are_organisations() -> None:
    for text, name in (("By AAP", "AAP"), ("(AP)", "AP"), ("– AAP", "AAP"), ("Reuters", "Reuters")):
        assert [(b.name, b.kind) for b in parse_byline(text)] == [
            (name, BylineKind.ORGANISATION)
        ], text


@given(st.text(max_size=200))
def test_never_crashes(text: str) -> None:
    for byline in parse_byline(text):
        assert byline.name.strip()


def test_an_agency_of_two_words_before_a_sentence_case_job_is_not_split() -> None:
    # "Associated" is no last word of the name, "press writer" no job
    found = parse_byline("Dana Placeholder Associated Press writer")
    assert all(b.name != "Dana Placeholder Associated" for b in found)
    assert all(b.role != "press writer" for b in found)
