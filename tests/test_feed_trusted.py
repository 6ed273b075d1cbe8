"""The feed readers make articles and photos without re-running the model's checks on the
fields their own producers guarantee (:func:`~newsmodel.model_fields.trusted_keyword_maker`).
Whatever a feed holds, what they make must be exactly what the public constructors make:
every instance passes its validators, and rebuilding it through its constructor changes
nothing. A hole in a producer's guarantee (a refused character, a blank text, a bad size)
fails here.

Every title, name and address here is written for these tests.
"""

from __future__ import annotations

import json
from typing import Any
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsmodel
from newsmodel import model as m
from newsmodel._input import clean_text
from newsmodel.errors import ModelValidationError, ReadError
from newsmodel.io._feeds import plain_text, resolve
from newsmodel.markup.sanitise import safe_url
from newsmodel.model_fields import NOT_TEXT, trusted_keyword_maker
from tests.model_checks import assert_as_constructed


def _assert_as_constructed(articles: list[m.Article]) -> None:
    for article in articles:
        assert_as_constructed(article)


#: Pieces of item text: plain words, the white space and invisible characters Python
#: and the model treat differently, markup, entities and character references that
#: decode to what the model refuses (controls, surrogates, U+FFFF).
_PIECES = [
    "Word", "other", " ", "\t", "\n", "\xa0", "\u2003", "\u2028", "\x85", "\u200b",
    "\ufeff", "&amp;", "&lt;b&gt;", "&lt;/b&gt;", "&lt;br&gt;", "&#38;#1;", "&#38;#x1F;",
    "&#38;#xD800;", "&#38;#65535;", "&#38;#x1c;", "&#38;nbsp;", "&#38;#0;", "é", "中文",
    "&lt;script&gt;x&lt;/script&gt;", "&lt;p&gt;", "&lt;dialog&gt;", "0", "640", "-3",
]  # fmt: skip
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=6).map("".join)
#: JSON strings may hold what XML cannot: controls and lone surrogates as they stand.
_JSON_TEXT = st.lists(
    st.sampled_from([*_PIECES, "&", "<b>", "\x01", "\x1c", "\x1f", "\ud800", "\uffff", "\x0b"]),
    max_size=6,
).map("".join)
#: Addresses: absolute, relative, scripted, blank, with white space and references.
_URL = st.sampled_from(
    [
        "https://example.org/a/one.jpg", "/two.png", "three.gif?w=1", " https://example.org/x ",
        "javascript:alert(1)", "data:image/png;base64,AA", "", " ", "&#38;#1;x.jpg",
        "https://example.org/\u2028y.jpg", "https://example.org/&#38;#xD800;.jpg", "//cdn.example.org/z.webp",
        "mailto:desk@example.org", "\x85https://example.org/q.jpg", "https://example.org/t.jpg  ",
        "http://example.org/\x1cz.png", "https:x.jpg",
    ]
)  # fmt: skip
_DATE = st.sampled_from(
    [
        "Fri, 05 Apr 2024 10:30:00 +1030", "Fri, 05 Apr 2024 10:30:00 GMT", "2024-04-05T10:30:00Z",
        "2024-04-05T10:30:00.123+05:45", "05/04/2024", "Fri, 05/03/2019", "0000-00-00", "",
        "Tue, 31 Feb 2023 10:00:00 +0000", "Sat, 01 Jan 9999 23:59:59 -2359", "yesterday",
        "2024-04-05T10:30:00+00:00:30",
    ]
)  # fmt: skip
_SIZE = st.sampled_from(["", "0", "640", " 480 ", "-3", "1e3", "99999999999999999999"])


@st.composite
def _rss_item(draw: st.DrawFn) -> str:
    parts = [
        f"<title>{draw(_TEXT)}</title>",
        f"<link>{escape(draw(_URL))}</link>",
        f"<guid>{draw(_TEXT)}</guid>",
        f"<description>{draw(_TEXT)}</description>",
        f"<pubDate>{draw(_DATE)}</pubDate>",
        f"<dc:date>{draw(_DATE)}</dc:date>",
        f"<dc:creator>{draw(_TEXT)}</dc:creator>",
        f"<author>{draw(_TEXT)}</author>",
        f"<category domain='{draw(_TEXT)}'>{draw(_TEXT)}</category>",
        f"<dc:language>{draw(st.sampled_from(['en-GB', 'x', ' de ', '', 'en_US']))}</dc:language>",
        f"<dc:rights>{draw(_TEXT)}</dc:rights><dc:publisher>{draw(_TEXT)}</dc:publisher>",
        f"<enclosure url='{escape(draw(_URL))}' type='image/jpeg' length='1'/>",
        f"<media:content url='{escape(draw(_URL))}' medium='image' width='{draw(_SIZE)}' "
        f"height='{draw(_SIZE)}'><media:description>{draw(_TEXT)}</media:description>"
        f"<media:credit role='photographer'>{draw(_TEXT)}</media:credit></media:content>",
        f"<media:group><media:content url='{escape(draw(_URL))}'/>"
        f"<media:credit>{draw(_TEXT)}</media:credit></media:group>",
        f"<media:thumbnail url='{escape(draw(_URL))}' width='{draw(_SIZE)}'/>",
    ]
    chosen = draw(st.lists(st.sampled_from(parts), max_size=len(parts)))
    return "<item>" + "".join(chosen) + "</item>"


@st.composite
def _rss(draw: st.DrawFn) -> str:
    items = draw(st.lists(_rss_item(), min_size=1, max_size=4))
    return (
        '<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:media="http://search.yahoo.com/mrss/"><channel>'
        f"<title>{draw(_TEXT)}</title><link>{escape(draw(_URL))}</link>"
        f"<language>{draw(st.sampled_from(['en', 'fr-FR', '', 'nope!']))}</language>"
        f"<copyright>{draw(_TEXT)}</copyright>" + "".join(items) + "</channel></rss>"
    )


@st.composite
def _atom(draw: st.DrawFn) -> str:
    entries = []
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["text", "html"]))
        entries.append(
            f"<entry><title type='{kind}'>{draw(_TEXT)}</title>"
            f"<link rel='alternate' href='{escape(draw(_URL))}'/>"
            f"<link rel='enclosure' type='image/png' href='{escape(draw(_URL))}'/>"
            f"<id>{draw(_TEXT)}</id><published>{draw(_DATE)}</published>"
            f"<updated>{draw(_DATE)}</updated><summary type='{kind}'>{draw(_TEXT)}</summary>"
            f"<author><name>{draw(_TEXT)}</name><uri>{escape(draw(_URL))}</uri></author>"
            f"<category term='{draw(_TEXT)}' label='{draw(_TEXT)}'/>"
            f"<rights>{draw(_TEXT)}</rights>"
            f"<media:thumbnail url='{escape(draw(_URL))}' height='{draw(_SIZE)}'/></entry>"
        )
    return (
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"'
        ' xmlns:media="http://search.yahoo.com/mrss/">'
        f"<title>{draw(_TEXT)}</title><link href='{escape(draw(_URL))}'/>"
        + "".join(entries)
        + "</feed>"
    )


def _read(data: str) -> list[m.Article]:
    try:
        return list(newsmodel.read_many(data.encode(), quotes=False))
    except ReadError:
        return []  # a refused feed makes nothing to check (and any other error fails)


@pytest.mark.filterwarnings("ignore")
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_rss())
def test_rss_articles_are_as_constructed(feed: str) -> None:
    _assert_as_constructed(_read(feed))


@pytest.mark.filterwarnings("ignore")
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_atom())
def test_atom_articles_are_as_constructed(feed: str) -> None:
    _assert_as_constructed(_read(feed))


@pytest.mark.filterwarnings("ignore")
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "id": _JSON_TEXT,
                "url": _URL | _JSON_TEXT,
                "title": _JSON_TEXT,
                "summary": _JSON_TEXT,
                "content_text": _JSON_TEXT,
                "date_published": _DATE,
                "image": _URL | _JSON_TEXT,
                "tags": st.lists(_JSON_TEXT, max_size=2),
                "authors": st.lists(
                    st.fixed_dictionaries({"name": _JSON_TEXT, "url": _URL | _JSON_TEXT}),
                    max_size=2,
                ),
            }
        ),
        min_size=1,
        max_size=3,
    )
)
def test_json_feed_articles_are_as_constructed(items: list[dict[str, Any]]) -> None:
    feed = {"version": "https://jsonfeed.org/version/1.1", "title": "Desk", "items": items}
    _assert_as_constructed(_read(json.dumps(feed)))


def test_a_feed_with_every_hard_value_reads_to_valid_articles() -> None:
    """One item of each kind of value the producers must clean, read for certain."""
    feed = (
        '<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel>'
        "<title>Desk</title><link>https://example.org/</link><item>"
        "<title>&#38;#1;Head&#38;#xD800;\u2028line\x85</title><link> /a\u2028b </link>"
        "<guid>\xa0g\u2003</guid><description>&#38;#x1c;</description>"
        "<media:content url='x.jpg' medium='image' width='0' height=' 480 '>"
        "<media:description>&#38;#65535;\u200b</media:description></media:content>"
        "</item></channel></rss>"
    )
    (article,) = _read(feed)
    _assert_as_constructed([article])
    assert article.headline == "Head\ufffd line"
    assert article.summary is None
    assert article.photos[0].width is None and article.photos[0].height == 480


def test_the_keyword_maker_checks_the_fields_it_is_told_to() -> None:
    make = trusted_keyword_maker(m.Article, checked=("published", "body"))
    assert make(headline="Kept") == m.Article(headline="Kept")
    with pytest.raises(ModelValidationError):
        make(published="2024-04-05")
    assert make(body=[m.Paragraph(content=("One",))]).body == (m.Paragraph(content=("One",)),)
    with pytest.raises(TypeError):
        make(nonsense=1)
    with pytest.raises(TypeError):
        trusted_keyword_maker(m.Article, checked=("nonsense",))


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet=" aé")
    | st.text(alphabet=st.sampled_from([" ", "\t", "\n", "\xa0", "\u2003", "\x1c", "a", "é"]))
)
def test_plain_text_collapses_white_space_as_split_and_join_would(text: str) -> None:
    """Plain text returned as it stands must be what collapsing its white space gives."""
    expected = " ".join((text if text.isprintable() else clean_text(text)).split()) or None
    assert plain_text(text, markup=False) == expected


@settings(max_examples=300, deadline=None)
@given(_URL, st.sampled_from([None, "https://example.org/feed/", "/relative/"]))
def test_resolve_takes_web_addresses_as_safe_url_would(url: str, base: str | None) -> None:
    """An address returned as it stands must be what the full rules give."""
    got = resolve(url, base)
    if got is not None:
        assert got == safe_url(got)
        assert got == got.strip() and not NOT_TEXT.search(got)


def test_json_feed_tags_are_cleaned_like_every_other_text() -> None:
    """A tag holding a control character is a keyword without it, not a refused feed."""
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Desk",
        "items": [{"id": "1", "title": "Kept", "tags": ["one\x01word", " two  words ", "\x02"]}],
    }
    (article,) = _read(json.dumps(feed))
    assert [t.name for t in article.topics] == ["oneword", "two words"]


@pytest.mark.parametrize("bad", ["\ud800", "\uffff", "\x0b"])
def test_an_author_address_holding_what_the_model_refuses_is_cleaned_not_a_refused_feed(
    bad: str,
) -> None:
    """A JSON Feed author's ``url`` is a JSON string, which may hold a lone surrogate:
    cleaned as every other address is, the feed's other items still read."""
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Desk",
        "items": [
            {
                "id": "1",
                "title": "One",
                "authors": [{"name": "Pat Lee", "url": f"https://e.test/{bad}p"}],
            },
            {"id": "2", "title": "Two"},
        ],
    }
    articles = _read(json.dumps(feed))
    assert [a.headline for a in articles] == ["One", "Two"]
    assert articles[0].bylines[0].url == "https://e.test/p"
    _assert_as_constructed(articles)
