"""ninjs dates need a time of day and a zone: day_time and zone complete them, on request."""

from __future__ import annotations

import datetime
import json
import warnings

import attrs
import pytest

import newsmodel
from newsmodel import model as m
from newsmodel.cli import main
from newsmodel.errors import LossyConversionError, LossyConversionWarning, WriteError
from newsmodel.io import ninjs
from tests.conftest import INDAILY_TXT

ADELAIDE = datetime.timezone(datetime.timedelta(hours=10, minutes=30))
#: A day-only article (the placeholder words are made up).
DAY = m.Article(
    headline="Placeholder headline",
    body=(m.Paragraph(content=("Lorem ipsum dolor.",)),),
    published=datetime.date(2024, 4, 5),
    modified=datetime.date(2024, 4, 6),
)


def _write(article: m.Article, **options: object) -> tuple[dict[str, object], list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        text = ninjs.write(article, **options)  # type: ignore[arg-type]
    lost = [
        path
        for w in caught
        if isinstance(w.message, LossyConversionWarning)
        for path in w.message.fields
    ]
    return json.loads(text), lost


def test_by_default_a_day_is_left_out_and_the_warning_names_the_option() -> None:
    with pytest.warns(LossyConversionWarning) as caught:
        doc = json.loads(ninjs.write(DAY))
    assert "firstCreated" not in doc and "versionCreated" not in doc
    message = str(caught[0].message)
    assert "published, modified (ninjs dates need a time of day and a zone;" in message
    assert "day_time='00:00'" in message


def test_day_time_with_a_zone_writes_the_day_at_that_time() -> None:
    doc, lost = _write(DAY, day_time="00:00", zone="+10:30")
    assert doc["firstCreated"] == "2024-04-05T00:00:00+10:30"
    assert doc["versionCreated"] == "2024-04-06T00:00:00+10:30"
    assert lost == []
    back = ninjs.read(json.dumps(doc))
    assert back.published == datetime.datetime(2024, 4, 5, tzinfo=ADELAIDE)


def test_a_named_zone_gives_the_offset_of_that_day() -> None:
    summer = attrs.evolve(DAY, published=datetime.date(2024, 1, 10), modified=None)
    winter = attrs.evolve(DAY, published=datetime.date(2024, 7, 10), modified=None)
    assert _write(summer, day_time="12:00", zone="Australia/Adelaide")[0]["firstCreated"] == (
        "2024-01-10T12:00:00+10:30"
    )
    assert _write(winter, day_time="12:00", zone="Australia/Adelaide")[0]["firstCreated"] == (
        "2024-07-10T12:00:00+09:30"
    )


def test_without_zone_a_day_takes_the_zone_of_the_articles_other_dates() -> None:
    article = attrs.evolve(DAY, modified=datetime.datetime(2024, 4, 6, 9, 15, tzinfo=ADELAIDE))
    doc, lost = _write(article, day_time="06:00")
    assert doc["firstCreated"] == "2024-04-05T06:00:00+10:30"
    assert doc["versionCreated"] == "2024-04-06T09:15:00+10:30"
    assert lost == []


def test_day_time_without_any_zone_still_leaves_the_day_out_and_says_why() -> None:
    with pytest.warns(LossyConversionWarning, match="the article has none: give one with zone="):
        doc = json.loads(ninjs.write(DAY, day_time="00:00"))
    assert "firstCreated" not in doc


def test_zone_completes_a_time_without_one_and_days_stay_out_without_day_time() -> None:
    article = attrs.evolve(DAY, published=datetime.datetime(2024, 4, 5, 14, 30))
    doc, lost = _write(article)
    assert "firstCreated" not in doc and "published" in lost
    doc, lost = _write(article, zone="Z")
    assert doc["firstCreated"] == "2024-04-05T14:30:00+00:00"
    assert lost == ["modified"]  # a day, and no day_time


def test_strict_passes_once_the_dates_are_completed() -> None:
    with pytest.raises(LossyConversionError):
        ninjs.write(DAY, strict=True)
    doc = json.loads(ninjs.write(DAY, day_time="00:00", zone="UTC", strict=True))
    assert doc["firstCreated"] == "2024-04-05T00:00:00+00:00"


@pytest.mark.parametrize("version", ["3.1", "2.2", "1.6"])
def test_completed_dates_validate_in_every_version(version: str) -> None:
    article = newsmodel.read_file(INDAILY_TXT, quotes=False)
    text = newsmodel.write(article, "ninjs", version=version, day_time="00:00", zone="+09:30")
    assert newsmodel.validate(text) == []
    assert newsmodel.read(text).published == datetime.datetime(
        2024, 4, 5, tzinfo=datetime.timezone(datetime.timedelta(hours=9, minutes=30))
    )


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"day_time": "24:00"}, "ninjs day_time '24:00' is no time of day"),
        ({"day_time": "7am"}, "is no time of day \\(write 'HH:MM'\\)"),
        (
            {"day_time": "00:00", "zone": "Nowhere/Placeholder"},
            "ninjs zone 'Nowhere/Placeholder' is no zone",
        ),
        ({"zone": "+25:00"}, "is no zone"),
        ({"zone": "../../etc/passwd"}, "is no zone"),
        ({"zone": "x" * 500}, "is no zone"),
    ],
)
def test_bad_day_time_or_zone_is_a_write_error(options: dict[str, str], message: str) -> None:
    with pytest.raises(WriteError, match=message):
        ninjs.write(DAY, **options)  # type: ignore[arg-type]


def test_day_time_from_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["convert", str(INDAILY_TXT), "--to", "ninjs", "-O", "day_time=00:00"]
    assert main([*argv, "-O", "zone=Australia/Adelaide", "--strict"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["firstCreated"] == "2024-04-05T00:00:00+10:30"
    assert main(["convert", str(INDAILY_TXT), "--to", "ninjs"]) == 0
    assert "day_time='00:00'" in capsys.readouterr().err
