"""Every format present reads the InDaily story (fixture or golden file) to the expected article."""

from __future__ import annotations

import datetime
import warnings

import attrs
import pytest

import newsmodel
from tests.conftest import GOLDEN, INDAILY_HTML, INDAILY_TXT
from tests.expected import expected_article

#: The rendering of the story in each format: the fixture where the format is
#: the source, else the golden file the writer produced.
SOURCES = {
    "text": INDAILY_TXT,
    "html": INDAILY_HTML,
    "newsmodel": GOLDEN / "indaily.newsmodel.json",
    "ninjs": GOLDEN / "indaily.ninjs-3.1.json",
    "jsonld": GOLDEN / "indaily.jsonld",
    "newsml": GOLDEN / "indaily.newsml.xml",
    "newsml1": GOLDEN / "indaily.newsml1.xml",
    "nitf": GOLDEN / "indaily.nitf.xml",
    "rss": GOLDEN / "indaily.rss.xml",
    "atom": GOLDEN / "indaily.atom.xml",
    "jsonfeed": GOLDEN / "indaily.feed.json",
    "jsonl": GOLDEN / "indaily.jsonl",
}

#: Fields each format cannot carry (compared as absent).
NOT_CARRIED: dict[str, tuple[str, ...]] = {
    "text": (),
    "newsmodel": (),
    "ninjs": ("published", "modified"),  # days without a time of day
    "newsml": (),
    "newsml1": (),
    "nitf": (),
    # newsmodel JSON lines keep the quotes they store, and the golden lines were
    # written from the article before quote finding (see test_feeds)
    "jsonl": ("quotes",),
}

#: Feeds carry the story's text and metadata but not its agency fields, and
#: write a day as midnight UTC: compared field by field, the day by its date.
FEEDS = ("rss", "atom", "jsonfeed")
FEED_FIELDS = ("headline", "summary", "body")

#: Formats that carry more than the README lists (a page's URL, language, image
#: files): there the README's fields are compared one by one.
README_FIELDS = ("headline", "summary", "bylines", "quotes", "published", "modified", "rights")
RICHER = {"html": (*README_FIELDS, "body"), "jsonld": README_FIELDS}


@pytest.mark.parametrize("info", newsmodel.formats(), ids=lambda f: f.name)
def test_format_reads_indaily(info: newsmodel.FormatInfo) -> None:
    if not info.can_read:
        pytest.skip(f"{info.name} cannot be read")
    assert info.name in SOURCES, f"add the InDaily rendering of {info.name} to SOURCES"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", newsmodel.IgnoredContentWarning)  # jsonl: two lines
        article = newsmodel.read(SOURCES[info.name].read_bytes(), format=info.name)
    expected = expected_article()
    if info.name in FEEDS:
        for name in FEED_FIELDS:
            assert getattr(article, name) == getattr(expected, name), name
        assert isinstance(article.published, datetime.datetime)
        assert article.published.date() == expected.published
        return
    if info.name in RICHER:
        for name in RICHER[info.name]:
            assert getattr(article, name) == getattr(expected, name), name
        assert article.text == expected.text
        assert [t.name for t in article.topics if t.kind.value == "keyword"] == ["NATO", "russia"]
        assert [(p.caption, p.credit) for p in article.photos] == [
            (p.caption, p.credit) for p in expected.photos
        ]
        assert article.publisher is not None and article.publisher.name == "InDaily"
        return
    defaults = {
        name: attrs.fields_dict(type(expected))[name].default for name in NOT_CARRIED[info.name]
    }
    dropped = {
        name: value.factory() if isinstance(value, attrs.Factory) else value  # type: ignore[arg-type]
        for name, value in defaults.items()
    }
    assert article == attrs.evolve(expected, **dropped)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", newsmodel.IgnoredContentWarning)
        assert newsmodel.read_file(SOURCES[info.name]) == article
