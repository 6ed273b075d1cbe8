"""newsmodel.table: the flat columns, and to_dict/from_dict."""

from __future__ import annotations

import datetime
import json

import pytest

from newsmodel import model as m
from newsmodel.errors import ReadError
from newsmodel.io import newsmodel_json
from newsmodel.table import FLAT_COLUMNS, flat_row, from_dict, to_dict

ZONE = datetime.timezone(datetime.timedelta(hours=9, minutes=30))


def full_article() -> m.Article:
    return m.Article(
        id="urn:example:1",
        url="https://news.example/one",
        headline="Placeholder headline",
        summary="A short summary.",
        body=[
            m.Paragraph(content=["Alpha beta gamma."]),
            m.Paragraph(content=["Delta ", m.Emphasis(content=["epsilon"]), "."]),
        ],
        bylines=[
            m.Byline(name="Ann Example", role="reporter", affiliation="Wire Co"),
            m.Byline(name="Wire Co", kind=m.BylineKind.ORGANISATION),
        ],
        topics=[
            m.Topic(name="Sport", kind=m.TopicKind.SUBJECT, qcode="medtop:15000000"),
            m.Topic(name="Tag", kind=m.TopicKind.KEYWORD, uri="https://news.example/tag"),
        ],
        photos=[
            m.Photo(renditions=[m.Rendition(url="https://news.example/a-small.jpg")]),
            m.Photo(url="https://news.example/b.jpg"),
        ],
        quotes=[m.Quote(text="Placeholder quoted words.", speaker="Ann Example")],
        published=datetime.datetime(2024, 4, 5, 10, 30, tzinfo=ZONE),
        modified=datetime.date(2024, 4, 6),
        language="en-AU",
        publisher=m.Publisher(name="Example News", url="https://news.example"),
    )


def test_flat_row_has_every_column_with_plain_values() -> None:
    row = flat_row(full_article(), source="in/one.html", format="html")
    assert list(row) == list(FLAT_COLUMNS)
    assert row == {
        "id": "urn:example:1",
        "url": "https://news.example/one",
        "headline": "Placeholder headline",
        "summary": "A short summary.",
        "published": "2024-04-05T10:30:00+09:30",
        "modified": "2024-04-06",
        "language": "en-AU",
        "publisher": "Example News",
        "bylines": [
            {"name": "Ann Example", "kind": "person", "role": "reporter", "affiliation": "Wire Co"},
            {"name": "Wire Co", "kind": "organisation", "role": None, "affiliation": None},
        ],
        "topics": [
            {"name": "Sport", "kind": "subject", "code": "medtop:15000000"},
            {"name": "Tag", "kind": "keyword", "code": "https://news.example/tag"},
        ],
        "photo_count": 2,
        "lead_photo_url": "https://news.example/a-small.jpg",
        "quote_count": 1,
        "text": "Alpha beta gamma.\n\nDelta epsilon.",
        "word_count": 5,
        "source": "in/one.html",
        "format": "html",
    }
    # plain values: the row goes through JSON unchanged
    assert json.loads(json.dumps(row)) == row


def test_flat_row_of_an_empty_article() -> None:
    row = flat_row(m.Article())
    assert list(row) == list(FLAT_COLUMNS)
    assert row["bylines"] == [] and row["topics"] == []
    assert (row["photo_count"], row["quote_count"], row["word_count"]) == (0, 0, 0)
    assert row["text"] == ""
    for name in ("id", "headline", "published", "publisher", "lead_photo_url", "source"):
        assert row[name] is None


def test_lead_photo_url_prefers_the_photo_url() -> None:
    photo = m.Photo(url="https://news.example/x.jpg", renditions=[m.Rendition(url="https://r/y")])
    assert flat_row(m.Article(photos=[photo]))["lead_photo_url"] == "https://news.example/x.jpg"
    assert flat_row(m.Article(photos=[m.Photo(caption="no file")]))["lead_photo_url"] is None


def test_naive_datetime_stays_naive() -> None:
    row = flat_row(m.Article(published=datetime.datetime(2024, 1, 2, 3, 4)))
    assert row["published"] == "2024-01-02T03:04:00"


def test_to_dict_is_the_newsmodel_json_article_and_round_trips() -> None:
    article = full_article()
    data = to_dict(article)
    assert data == newsmodel_json.to_data(article)["article"]
    assert data["published"] == "2024-04-05T10:30:00+09:30"
    assert json.loads(json.dumps(data)) == data
    assert from_dict(data) == article
    assert from_dict(json.loads(json.dumps(data))) == article


def test_from_dict_is_strict_and_names_the_path() -> None:
    with pytest.raises(ReadError, match=r"\$\.headline") as info:
        from_dict({"headline": 5})
    assert info.value.where == "$.headline"
    with pytest.raises(ReadError, match="unknown key"):
        from_dict({"headline": "x", "no_such_field": 1})
    with pytest.raises(ReadError, match=r"\$\.bylines\[0\]"):
        from_dict({"bylines": [{"name": ""}]})
