"""The date and byline helpers every reader shares."""

from __future__ import annotations

import datetime

import pytest

from newsmodel.bylines import parse_byline, parse_signoff
from newsmodel.dates import format_date, parse_date
from newsmodel.model import Byline, BylineKind

TZ = datetime.timezone
TD = datetime.timedelta


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Apr 05, 2024", datetime.date(2024, 4, 5)),
        ("2024-04-05", datetime.date(2024, 4, 5)),
        ("5 April 2024", datetime.date(2024, 4, 5)),
        (
            "2024-04-05T10:00:00+10:30",
            datetime.datetime(2024, 4, 5, 10, tzinfo=TZ(TD(hours=10, minutes=30))),
        ),
        ("  2024-04-05T10:00:00+0100 ", datetime.datetime(2024, 4, 5, 10, tzinfo=TZ(TD(hours=1)))),
        (
            "20131020T192751+1100",
            datetime.datetime(2013, 10, 20, 19, 27, 51, tzinfo=TZ(TD(hours=11))),
        ),
        ("2016-01-12 12:35:40", datetime.datetime(2016, 1, 12, 12, 35, 40)),
        (
            "April 5, 2024 10:30 am EDT",
            datetime.datetime(2024, 4, 5, 10, 30, tzinfo=TZ(TD(hours=-4))),
        ),
        ("2024-04-05T00:00:00Z", datetime.datetime(2024, 4, 5, tzinfo=TZ.utc)),
        ("April 2024", None),
        ("10:30", None),
        ("", None),
        ("not a date", None),
        ("x" * 500, None),
    ],
)
def test_parse_date(text: str, expected: object) -> None:
    assert parse_date(text) == expected
    if expected is not None:
        assert type(parse_date(text)) is type(expected)


def test_dayfirst_and_min_year() -> None:
    assert parse_date("05/04/2024", dayfirst=True) == datetime.date(2024, 4, 5)
    assert parse_date("05/04/2024") == datetime.date(2024, 5, 4)
    assert parse_date("0001-01-01", min_year=1990) is None


def test_a_day_never_shifts() -> None:
    day = parse_date("Apr 05, 2024")
    assert day == datetime.date(2024, 4, 5) and not isinstance(day, datetime.datetime)
    assert format_date(datetime.date(2024, 4, 5)) == "Apr 05, 2024"
    moment = datetime.datetime(2024, 4, 5, 0, 15, tzinfo=TZ(TD(hours=10, minutes=30)))
    assert parse_date(format_date(moment)) == moment


P = BylineKind.PERSON
ORG = BylineKind.ORGANISATION


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By Jane Doe", [("Jane Doe", P, None, None)]),
        (
            "By Jane Doe and John Roe, Reuters",
            [
                ("Jane Doe", P, None, "Reuters"),
                ("John Roe", P, None, "Reuters"),
                ("Reuters", ORG, None, None),
            ],
        ),
        ("BY JANE DOE", [("Jane Doe", P, None, None)]),
        ("Jane Doe & John Roe", [("Jane Doe", P, None, None), ("John Roe", P, None, None)]),
        ("Jane Doe | John Roe", [("Jane Doe", P, None, None), ("John Roe", P, None, None)]),
        ("Doe, Jane", [("Jane Doe", P, None, None)]),
        ("By Jane Doe, Senior Reporter", [("Jane Doe", P, "senior reporter", None)]),
        ("Staff writer", []),
        (
            "Reporting by Jane Doe; Editing by John Roe",
            [("Jane Doe", P, "reporter", None), ("John Roe", P, "editor", None)],
        ),
        ("(AP)", [("AP", ORG, None, None)]),
        ("– AAP", [("AAP", ORG, None, None)]),
        ("By Jane Doe Updated April 5, 2024 10:30am", [("Jane Doe", P, None, None)]),
        ("By Jane Doe April 5, 2024", [("Jane Doe", P, None, None)]),
        ("Ludwig van Beethoven", [("Ludwig van Beethoven", P, None, None)]),
        ("", []),
    ],
)
def test_parse_byline(
    text: str, expected: list[tuple[str, BylineKind, str | None, str | None]]
) -> None:
    assert [(b.name, b.kind, b.role, b.affiliation) for b in parse_byline(text)] == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("– AAP", Byline(name="AAP", kind=ORG)),
        ("— Reuters", Byline(name="Reuters", kind=ORG)),
        ("(AFP)", Byline(name="AFP", kind=ORG)),
        ("- Jane Doe", Byline(name="Jane Doe")),
        ("- this is a sentence that ends.", None),
        ("Prior to this period, the numbers had averaged just one person a day.", None),
    ],
)
def test_parse_signoff(line: str, expected: Byline | None) -> None:
    assert parse_signoff(line) == expected
