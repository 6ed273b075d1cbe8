"""Hostile and odd feeds a review of the tolerant feed readers found: what the strict
parse refuses must not reach libxml2's recovery in a form the entity guard never saw,
and every reader raises only newsmodel's errors."""

from __future__ import annotations

import base64
import datetime
import re
import warnings

import pytest

import newsmodel
from newsmodel.dates import parse_date
from newsmodel.errors import NewsmodelError
from newsmodel.io import rss
from newsmodel.xmlsafe import parse_xml


def _utf7_hidden(text: str) -> str:
    """``text`` in UTF-7 with every run of punctuation base64-coded (``<`` is ``+ADw-``),
    so that the text itself shows no ``<!ENTITY``."""

    def coded(match: re.Match[str]) -> str:
        return "+" + base64.b64encode(match.group().encode("utf-16-be")).decode().rstrip("=") + "-"

    return re.sub(r"[^A-Za-z0-9 ]+", coded, text)


#: An XML declaration the strict parser refuses (no blank before ``encoding``) but
#: libxml2's recovery obeys.
_SLOPPY_UTF7 = '<?xml version="1.0"encoding="UTF-7"?>'
_ENTITIES = (
    '<!DOCTYPE r [<!ENTITY a "wobble"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>'
)


def test_recovery_never_obeys_a_declared_encoding_the_guard_did_not_read() -> None:
    document = _SLOPPY_UTF7 + _utf7_hidden(_ENTITIES + '<r a="&c;">x</r>')
    try:
        root = parse_xml(document, format="test", recover=True)
    except NewsmodelError:
        return  # refused: as good as read safely
    assert "wobble" not in (root.get("a") or "")
    assert root.getroottree().docinfo.internalDTD is None


def test_rss_reader_does_not_expand_entities_hidden_in_utf7() -> None:
    feed = (
        '<rss version="2.0"><channel><title>T</title><item>'
        "<title>x</title><link>https://a.example.test/</link>"
        '<enclosure url="https://a.example.test/&c;.jpg" type="image/jpeg" length="1"/>'
        "</item></channel></rss>"
    )
    data = _SLOPPY_UTF7 + _utf7_hidden(_ENTITIES + feed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            articles = list(rss.read_many(data))
        except NewsmodelError:
            return
    assert all("wobble" not in repr(a) for a in articles)


@pytest.mark.parametrize("declaration", ['<?xml version="1.0" encoding="UTF-7"?>', _SLOPPY_UTF7])
def test_utf7_bytes_in_a_sloppy_declaration_are_read_as_the_guard_read_them(
    declaration: str,
) -> None:
    root = parse_xml(declaration + "<r>+ADw-b+AD4-</r>", format="test", recover=True)
    assert root.text == "+ADw-b+AD4-"


@pytest.mark.parametrize(
    "when",
    ["Mon, 06 Sep 2021 10:00:00 GMT+25", "2021-09-06 10:00 GMT+24", "2021-09-06 10:00 UTC+23:99"],
)
def test_an_offset_of_a_day_or_more_is_no_date_not_a_crash(when: str) -> None:
    assert parse_date(when) is None
    feed = (
        '<rss version="2.0"><channel><title>T</title><item><title>x</title>'
        f"<link>https://a.example.test/</link><pubDate>{when}</pubDate></item></channel></rss>"
    )
    (article,) = rss.read_many(feed.encode())
    assert article.published is None


_UTF16_FEED = (
    '<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel><title>T</title>'
    "<item><title>Grommet</title><link>https://a.example.test/</link></item></channel></rss>"
)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-16", "utf-32-le"])
def test_a_utf16_feed_without_a_byte_order_mark_is_read(codec: str) -> None:
    (article,) = rss.read_many(_UTF16_FEED.encode(codec))
    assert article.headline == "Grommet"


def test_entities_in_a_utf16_feed_without_a_byte_order_mark_are_refused() -> None:
    # the guard must read the UTF-16 text libxml2 reads, not UTF-8 with a NUL between
    feed = _UTF16_FEED.replace("<rss", _ENTITIES.replace("DOCTYPE r", "DOCTYPE rss") + "<rss")
    feed = feed.replace(
        "<link>", '<enclosure url="https://a.example.test/&c;.jpg" type="image/jpeg"/><link>'
    )
    with pytest.raises(NewsmodelError, match="entities"):
        list(rss.read_many(feed.encode("utf-16-le")))


@pytest.mark.parametrize("refused", ["&#1;", "&#xFFFE;", "&#x1F;"])
def test_recovery_drops_an_unknown_entity_beside_a_refused_character(refused: str) -> None:
    # libxml2's recovery keeps the character; joining the text around the entity must not fail
    document = f'<!DOCTYPE r SYSTEM "r.dtd"><r><t>{refused}a &zorble; b<</t></r>'
    root = parse_xml(document, format="test", recover=True)
    assert "".join(root.itertext()).endswith("a  b")
    feed = (
        '<!DOCTYPE rss SYSTEM "r.dtd"><rss version="2.0"><channel><title>T</title><item>'
        f"<title>{refused}a &zorble; b</title><link>https://a.example.test/</link></item>"
        "</channel></rss"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        articles = list(rss.read_many(feed.encode()))
    assert [a.url for a in articles] == ["https://a.example.test/"]


@pytest.mark.parametrize(
    ("when", "hours", "minutes"),
    [("UTC+2", 2, 0), ("UTC+0230", 2, 30), ("UTC+2:30", 2, 30), ("GMT-05:00", -5, 0)],
)
def test_a_named_offset_reads_as_hours_and_minutes(when: str, hours: int, minutes: int) -> None:
    value = parse_date(f"2021-09-06 10:00 {when}")
    assert isinstance(value, datetime.datetime)
    sign = -1 if hours < 0 else 1
    assert value.utcoffset() == sign * datetime.timedelta(hours=abs(hours), minutes=minutes)


def test_three_digits_after_a_zone_name_are_no_offset() -> None:
    # "+123" is neither hours nor hours and minutes: not read as +01:23
    value = parse_date("2021-09-06 10:00 UTC+123")
    assert not isinstance(value, datetime.datetime) or value.utcoffset() != datetime.timedelta(
        hours=1, minutes=23
    )


def test_a_declared_transform_codec_is_no_text_encoding() -> None:
    # one list of Python codecs that are no character set, for every XML reader
    with pytest.raises(NewsmodelError, match="not a text encoding"):
        parse_xml(b'<?xml version="1.0" encoding="rot13"?><r>x</r>', format="test")
    feed = b'<?xml version="1.0" encoding="rot13"?><rss><channel><item><title>x\xc3\xa9</title>'
    feed += b"<link>https://a.example.test/</link></item></channel></rss>"
    (article,) = rss.read_many(feed)  # a feed reader falls back to UTF-8
    assert article.headline == "x\u00e9"


@pytest.mark.parametrize("fmt", ["atom", "rss"])
def test_a_base_too_long_to_copy_into_every_link_leaves_links_as_written(fmt: str) -> None:
    """A megabyte base (Atom ``xml:base``, an RSS channel link) would be copied into every
    item's resolved links, reading growing with items × base: past 4,096 characters it
    resolves nothing. A short one still does, a link's own ``xml:base`` included."""

    def feed(base: str) -> str:
        if fmt == "atom":
            entries = "".join(
                f"<entry><title>T{i}</title><link href='p{i}'/><id>urn:x:{i}</id></entry>"
                for i in range(3)
            )
            entries += (
                "<entry><title>M</title><id>urn:x:m</id>"
                "<link xml:base='https://mirror.example.test/x/' href='m'/></entry>"
            )
            return f'<feed xmlns="http://www.w3.org/2005/Atom" xml:base="{base}"><title>F</title>{entries}</feed>'
        items = "".join(f"<item><title>T{i}</title><link>p{i}</link></item>" for i in range(3))
        return f'<rss version="2.0"><channel><title>F</title><link>{base}</link>{items}</channel></rss>'

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        short = list(newsmodel.read_many(feed("https://e.test/d/"), quotes=False))
        long = list(newsmodel.read_many(feed("https://e.test/" + "d" * 5000 + "/"), quotes=False))
    assert [a.url for a in short][:3] == [f"https://e.test/d/p{i}" for i in range(3)]
    assert [a.url for a in long][:3] == ["p0", "p1", "p2"]
    if fmt == "atom":
        assert short[3].url == long[3].url == "https://mirror.example.test/x/m"
