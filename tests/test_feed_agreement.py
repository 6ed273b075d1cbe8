"""Feed readings where real publishers' feeds and feedparser showed us a general rule.

Every feed here is written for the test (placeholder words, example.test
addresses); each test names the class of real feed it stands for.
"""

from __future__ import annotations

import datetime
import warnings

import pytest

import newsmodel
from newsmodel.dates import parse_date
from newsmodel.errors import IgnoredContentWarning, ReadError


def _read(feed: str) -> list[newsmodel.Article]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return list(newsmodel.read_many(feed.encode("utf-8")))


def _rss(items: str, *, channel: str = "") -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>'
        "<title>The Brindle Gazette</title><link>https://brindle.example.test/</link>"
        f"{channel}{items}</channel></rss>"
    )


# ---------------------------------------------------------------------------
# well-formedness


def test_a_bare_ampersand_in_an_attribute_or_text_is_read_as_a_literal_one() -> None:
    # feed generators that build a self link by string concatenation send "&format=raw"
    feed = _rss(
        "<item><title>Ropes & pulleys</title>"
        "<link>https://brindle.example.test/story?id=4&page=2</link>"
        "<pubDate>Sun, 14 Jun 2026 22:18:31 GMT</pubDate></item>",
        channel='<atom:link href="https://brindle.example.test/feed?a=1&format=raw" rel="self"/>',
    )
    (article,) = _read(feed)
    assert article.headline == "Ropes & pulleys"
    assert article.url == "https://brindle.example.test/story?id=4&page=2"


def test_ampersands_in_cdata_and_references_are_left_as_they_are() -> None:
    feed = _rss(
        "<item><title><![CDATA[Salt & pepper]]></title>"
        "<link>https://brindle.example.test/a?x=1&amp;y=2</link>"
        "<description>Tea &#38; cake & scones</description></item>"
    )
    (article,) = _read(feed)
    assert article.headline == "Salt & pepper"
    assert article.url == "https://brindle.example.test/a?x=1&y=2"
    assert article.summary == "Tea & cake & scones"


def test_raw_html_left_open_in_a_description_does_not_swallow_later_items() -> None:
    # hand-made feeds that paste a description's HTML in raw: <br>, <img> and <p> unclosed
    feed = _rss(
        "<item><title>One</title><link>https://brindle.example.test/1</link>"
        '<description>First line<br>second &amp; last<img src="https://brindle.example.test/p.jpg">'
        "</description><pubDate>Sun, 14 Jun 2026 22:18:31 GMT</pubDate></item>"
        "<item><title>Two</title><link>https://brindle.example.test/2</link>"
        "<description><p>Open paragraph<p>and another</description></item>"
        "<item><title>Three</title><link>https://brindle.example.test/3</link></item>"
    )
    articles = _read(feed)
    assert [a.headline for a in articles] == ["One", "Two", "Three"]
    assert articles[0].published is not None
    assert articles[0].published.day == 14
    assert "second & last" in articles[0].text
    assert "and another" in articles[1].text


def test_a_cdata_section_cut_short_by_its_own_text_does_not_swallow_later_items() -> None:
    # a blog post quoting code: "]]>" in its text ends the CDATA the generator wrapped it in
    feed = _rss(
        "<item><title>One</title><link>https://brindle.example.test/1</link>"
        "<description><![CDATA[Index with a[b[0]]> 1, then<br>more]]></description>"
        "<pubDate>Sun, 14 Jun 2026 22:18:31 GMT</pubDate></item>"
        "<item><title>Two</title><link>https://brindle.example.test/2</link></item>"
    )
    articles = _read(feed)
    assert [a.headline for a in articles] == ["One", "Two"]
    assert "a[b[0]]> 1, then" in articles[0].text
    assert articles[0].published is not None


def test_raw_html_in_an_atom_summary_or_content_does_not_swallow_later_entries() -> None:
    feed = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Brindle notes</title><id>urn:b</id>'
        "<entry><title>One</title><id>urn:b:1</id><updated>2021-09-06T10:00:00Z</updated>"
        '<content type="html">Line<br>next<img src="https://brindle.example.test/p.jpg"></content>'
        "</entry><entry><title>Two</title><id>urn:b:2</id><updated>2021-09-07T10:00:00Z</updated>"
        "<summary>An <p>open paragraph</summary><content/></entry>"
        "<entry><title>Three</title><id>urn:b:3</id><updated>2021-09-08T10:00:00Z</updated></entry>"
        "</feed>"
    )
    articles = _read(feed)
    assert [a.headline for a in articles] == ["One", "Two", "Three"]
    assert "next" in articles[0].text


# ---------------------------------------------------------------------------
# titles


def test_a_title_naming_a_tag_keeps_it_as_text() -> None:
    # developer blogs write titles about elements: "&lt;frobnicator&gt;, and more"
    feed = _rss(
        "<item><title>Notes #4: &#060;frobnicator&gt;, ::marker() and more</title>"
        "<link>https://brindle.example.test/notes-4</link></item>"
        "<item><title>Why &lt;dialog&gt; waits</title>"
        "<link>https://brindle.example.test/dialog</link></item>"
        "<item><title>&lt;b&gt;Unclosed bold</title>"
        "<link>https://brindle.example.test/bold</link></item>"
    )
    assert [a.headline for a in _read(feed)] == [
        "Notes #4: <frobnicator>, ::marker() and more",
        "Why <dialog> waits",
        "<b>Unclosed bold",
    ]


def test_html_in_a_title_is_still_read_as_html() -> None:
    feed = _rss(
        "<item><title>&lt;b&gt;Flood&lt;/b&gt; warning &amp;amp; advice</title>"
        "<link>https://brindle.example.test/flood</link></item>"
        '<item><title><![CDATA[<img src="x.jpg"> Harbour at dawn]]></title>'
        "<link>https://brindle.example.test/dawn</link></item>"
        "<item><title>&lt;b&gt;New&lt;/b&gt; in &lt;frobnicator&gt; 4</title>"
        "<link>https://brindle.example.test/new</link></item>"
    )
    assert [a.headline for a in _read(feed)] == [
        "Flood warning & advice",
        "Harbour at dawn",
        "New in <frobnicator> 4",  # the HTML read, the tag HTML has not kept as text
    ]


# ---------------------------------------------------------------------------
# links


def _atom(entries: str, *, feed_attrs: str = "", head: str = "") -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom" {feed_attrs}>'
        f"<title>Brindle notes</title><id>urn:brindle</id>{head}"
        f"<updated>2021-09-06T10:00:00Z</updated>{entries}</feed>"
    )


def _entry(inner: str, *, attrs: str = "") -> str:
    return (
        f"<entry {attrs}><title>Placeholder</title><id>urn:brindle:1</id>"
        f"<updated>2021-09-06T10:00:00Z</updated>{inner}</entry>"
    )


def test_relative_atom_links_follow_xml_base_on_the_feed_the_entry_and_the_link() -> None:
    # a blog engine that writes every link relative, with xml:base at each level
    feed = _atom(
        _entry('<link href="first-post"/>', attrs='xml:base="2006/11/"')
        + _entry('<link xml:base="https://mirror.example.test/x/" href="second"/>')
        + _entry('<link href="../third"/>'),
        feed_attrs='xml:base="https://brindle.example.test/notes/index.atom"',
        head='<link rel="alternate" href="https://brindle.example.test/"/>',
    )
    assert [a.url for a in _read(feed)] == [
        "https://brindle.example.test/notes/2006/11/first-post",
        "https://mirror.example.test/x/second",
        "https://brindle.example.test/third",
    ]


def test_relative_atom_links_without_xml_base_resolve_against_the_home_link() -> None:
    # feedparser keeps "/news/1" relative here (it knows no base); the feed's home page is one
    feed = _atom(
        _entry('<link rel="alternate" type="text/html" href="/news/1"/>'),
        head='<link rel="alternate" type="text/html" href="https://brindle.example.test"/>',
    )
    assert [a.url for a in _read(feed)] == ["https://brindle.example.test/news/1"]


def test_an_atom_entry_with_no_link_is_at_its_id_when_that_is_a_web_address() -> None:
    # blog engines that give each entry its address as id and no alternate link
    feed = _atom(
        "<entry><title>One</title><id>https://brindle.example.test/2021/one</id>"
        '<updated>2021-09-06T10:00:00Z</updated><link rel="self" href="/entries/1.atom"/></entry>'
        "<entry><title>Two</title><id>urn:uuid:0c9a8d26-5b8e-4c55-9a37-2f1d6b7d4e10</id>"
        "<updated>2021-09-06T10:00:00Z</updated></entry>"
        "<entry><title>Three</title><id>https://brindle.example.test/2021/three</id>"
        "<updated>2021-09-06T10:00:00Z</updated>"
        '<link rel="alternate" href="https://brindle.example.test/three.html"/></entry>'
    )
    assert [a.url for a in _read(feed)] == [
        "https://brindle.example.test/2021/one",
        None,  # (feedparser gives the urn as the link: no page has that address)
        "https://brindle.example.test/three.html",
    ]


def test_an_atom_link_written_as_text_is_read() -> None:
    # a generator that writes Atom links the RSS way, the address as the element's text
    feed = _atom(_entry("<link>https://brindle.example.test/2021/text-link</link>"))
    assert [a.url for a in _read(feed)] == ["https://brindle.example.test/2021/text-link"]


def test_comments_related_and_via_links_are_not_the_entry_page() -> None:
    # an entry whose only links are its comments, a related story or its source
    feed = _atom(
        _entry('<link rel="replies" type="text/html" href="https://brindle.example.test/1#c"/>')
        + _entry('<link rel="related" href="https://elsewhere.example.test/story"/>')
        + _entry(
            '<link rel="via" href="https://source.example.test/"/>'
            '<link rel="alternate" href="https://brindle.example.test/3"/>'
        )
    )
    assert [a.url for a in _read(feed)] == [None, None, "https://brindle.example.test/3"]


def test_a_link_written_without_its_scheme_is_a_web_address_not_a_relative_path() -> None:
    # a CMS that stores "www.host/story" and prints it as the item's link
    feed = _rss(
        "<item><title>One</title><link>www.elsewhere.example.test/story/1</link></item>"
        "<item><title>Two</title><link>www/story/2</link></item>"
    )
    assert [a.url for a in _read(feed)] == [
        "http://www.elsewhere.example.test/story/1",
        "https://brindle.example.test/www/story/2",
    ]


def test_an_ampersand_escaped_twice_in_a_link_is_one_ampersand() -> None:
    # a CMS that escapes the URL and then wraps it in CDATA, or escapes it twice
    feed = _rss(
        "<item><title>One</title>"
        "<link><![CDATA[https://brindle.example.test/a?x=1&amp;y=2&#038;z=3]]></link></item>"
        "<item><title>Two</title><link>https://brindle.example.test/b?x=1&amp;amp;y=2</link></item>"
        "<item><title>Three</title><link>https://brindle.example.test/c?x=1&y=2</link></item>"
    )
    assert [a.url for a in _read(feed)] == [
        "https://brindle.example.test/a?x=1&y=2&z=3",
        "https://brindle.example.test/b?x=1&y=2",
        "https://brindle.example.test/c?x=1&y=2",
    ]


# ---------------------------------------------------------------------------
# dates


def _dated(value: str) -> object:
    (article,) = _read(
        _rss(
            "<item><title>Placeholder</title><link>https://brindle.example.test/a</link>"
            f"<pubDate>{value}</pubDate></item>"
        )
    )
    return article.published


def test_rfc822_two_digit_years_read_as_rfc_2822_says() -> None:
    utc = datetime.timezone.utc
    assert _dated("Mon, 06 Sep 21 12:17:00 GMT") == datetime.datetime(
        2021, 9, 6, 12, 17, tzinfo=utc
    )
    assert _dated("Thu, 01 Jan 98 00:00:00 GMT") == datetime.datetime(1998, 1, 1, tzinfo=utc)


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("Seg, 24 Set 2018 10:00:00 -0300", 9),  # Portuguese
        ("Lun, 03 Dic 2018 08:00:00 +0100", 12),  # Spanish
        ("Mer, 07 Ago 2019 08:00:00 +0200", 8),  # Italian
        ("Mi, 05 Mär 2025 09:30:00 +0100", 3),  # German
        ("ven., 05 avr 2024 10:30:00 +0200", 4),  # French
        ("Sáb, 05 Out 2024 10:30:00 GMT", 10),  # Portuguese, accented weekday
    ],
)
def test_rfc822_dates_with_localised_month_abbreviations(text: str, month: int) -> None:
    value = _dated(text)
    assert isinstance(value, datetime.datetime)
    assert value.month == month
    assert value.utcoffset() is not None


def test_an_rfc822_month_no_language_abbreviates_so_is_no_date() -> None:
    assert _dated("Fri, 05 Jui 2024 10:30:00 +0200") is None  # juin or juillet
    assert _dated("Fri, 05 Zog 2024 10:30:00 +0200") is None


@pytest.mark.parametrize("zone", ["+200", "0200", "Europe/Paris"])
def test_a_zone_no_rule_reads_leaves_the_date_and_time(zone: str) -> None:
    # a generator that drops the offset's sign or leading zero, or prints its zone's name
    value = _dated(f"Mon, 06 Sep 2021 23:17:00 {zone}")
    assert value == datetime.datetime(2021, 9, 6, 23, 17)


def test_a_zone_name_after_the_offset_is_allowed() -> None:
    value = _dated("Mon, 06 Sep 2021 23:17:00 +0200 CEST")
    assert isinstance(value, datetime.datetime)
    assert value.utcoffset() == datetime.timedelta(hours=2)
    assert (value.day, value.hour) == (6, 23)


def test_gmt_plus_hours_is_ahead_of_gmt() -> None:
    # "GMT+2" means two hours ahead, as people write it (POSIX zone strings invert it)
    for text in ("Mon, 06 Sep 2021 23:17:00 GMT+2", "Mon, 06 Sep 2021 23:17:00 UTC+02:00"):
        value = _dated(text)
        assert isinstance(value, datetime.datetime)
        assert value.utcoffset() == datetime.timedelta(hours=2)
    assert parse_date("2024-03-05 10:00 GMT-5") == datetime.datetime(
        2024, 3, 5, 10, tzinfo=datetime.timezone(datetime.timedelta(hours=-5))
    )


# ---------------------------------------------------------------------------
# encodings


def _item_feed(title: str, declaration: str) -> str:
    return (
        f'<?xml version="1.0" encoding="{declaration}"?>\n'
        '<rss version="2.0"><channel><title>Brindle</title>'
        "<link>https://brindle.example.test/</link>"
        f"<item><title>{title}</title><link>https://brindle.example.test/a</link></item>"
        "</channel></rss>"
    )


def _headlines(data: bytes) -> list[str | None]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return [a.headline for a in newsmodel.read_many(data)]


def test_a_feed_labelled_latin_1_whose_bytes_are_utf8_is_read_as_utf8() -> None:
    # a CMS that writes UTF-8 under a template's old ISO-8859-1 declaration
    data = _item_feed("Café crème – ‘déjà vu’", "ISO-8859-1").encode("utf-8")
    assert _headlines(data) == ["Café crème – ‘déjà vu’"]


@pytest.mark.parametrize("declared", [True, False])
def test_a_utf8_feed_with_a_stray_windows_1252_byte_keeps_its_utf8_text(declared: bool) -> None:
    # one item pasted from a word processor into an otherwise UTF-8 feed
    feed = _item_feed("Café crème – ‘déjà vu’", "UTF-8")
    feed = feed if declared else feed.split("\n", 1)[1]  # (with no XML declaration)
    data = feed.encode("utf-8").replace(
        b"</channel>", b"<item><title>Don\x92t stop</title></item></channel>"
    )
    assert _headlines(data) == ["Café crème – ‘déjà vu’", "Don’t stop"]


def test_a_latin_1_label_is_read_as_windows_1252_as_browsers_do() -> None:
    data = _item_feed("“Quoted” – café", "iso-8859-1").encode("cp1252")
    assert _headlines(data) == ["“Quoted” – café"]


def test_text_in_its_declared_8_bit_encoding_is_still_read_in_it() -> None:
    cyrillic = _item_feed("Новости области", "windows-1251").encode("cp1251")
    greek = _item_feed("Πορτραίτα καραντίνας", "iso-8859-7").encode("iso-8859-7")
    assert _headlines(cyrillic) == ["Новости области"]
    assert _headlines(greek) == ["Πορτραίτα καραντίνας"]


@pytest.mark.parametrize(
    ("language", "title", "codec"),
    [
        ("ru", "Новости области", "cp1251"),
        ("uk-UA", "Новини дня", "cp1251"),
        ("pl", "Wiadomości dnia", "cp1250"),
        ("el", "Ειδήσεις της ημέρας", "cp1253"),
        ("ja", "今日のニュース", "cp932"),
        ("zh-TW", "今日新聞", "big5"),
        ("zh-Hant", "今日新聞", "big5"),
        ("sr-Latn", "Vesti dana: čđž", "cp1250"),
        ("zh-CN", "今日新闻", "gb18030"),
        ("fr", "Les nouvelles de l'été", "cp1252"),
    ],
)
@pytest.mark.parametrize("declared", ["", "UTF-8"])
def test_text_in_its_language_s_legacy_encoding_is_read_in_it_when_none_other_is_declared(
    language: str, title: str, codec: str, declared: str
) -> None:
    # an old CMS sends windows-1251 (Shift_JIS, Big5...) with no declaration, or under
    # a template's UTF-8 one: the channel's language says which legacy encoding it is
    head = f'<?xml version="1.0" encoding="{declared}"?>\n' if declared else ""
    rss = (
        f'{head}<rss version="2.0"><channel><title>Placeholder</title>'
        f"<language>{language}</language><item><title>{title}</title></item></channel></rss>"
    )
    atom = (
        f'{head}<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{language}">'
        f"<title>Placeholder</title><entry><title>{title}</title>"
        "<id>urn:example:1</id></entry></feed>"
    )
    assert _headlines(rss.encode(codec)) == [title]
    assert _headlines(atom.encode(codec)) == [title]


def test_a_language_does_not_override_utf8_with_a_stray_byte() -> None:
    feed = _item_feed("Новости области", "UTF-8").replace(
        "<channel>", "<channel><language>ru</language>"
    )
    data = feed.encode("utf-8").replace(
        b"</channel>", b"<item><title>Don\x92t stop</title></item></channel>"
    )
    assert _headlines(data) == ["Новости области", "Don’t stop"]


def _dated_in(value: str, language: str) -> object:
    (article,) = _read(
        _rss(
            "<item><title>Placeholder</title><link>https://brindle.example.test/a</link>"
            f"<pubDate>{value}</pubDate></item>",
            channel=f"<language>{language}</language>",
        )
    )
    return article.published


def test_a_date_in_digits_is_read_in_the_order_the_feed_language_writes() -> None:
    # council and school feeds send "08/02/2013 12:00:00": 8 February in Britain
    assert _dated_in("08/02/2013 12:00:00", "en-GB") == datetime.datetime(2013, 2, 8, 12)
    assert _dated_in("08/02/2013 12:00:00", "en-US") == datetime.datetime(2013, 8, 2, 12)
    assert _dated_in("05.03.2019 10:00", "de") == datetime.datetime(2019, 3, 5, 10)
    # "en" alone does not say which: no date rather than a wrong one
    assert _dated_in("08/02/2013 12:00:00", "en") is None
    # a day past 12 says it itself
    assert _dated_in("25/12/2020", "en") == datetime.date(2020, 12, 25)


@pytest.mark.parametrize(
    ("text", "language", "day"),
    [
        ("Fri, 05/03/2019 - 15:21", None, (5, 3)),  # 3 May 2019 was a Friday
        ("Fri, 05/03/2019 - 15:21", "en-GB", (5, 3)),  # the weekday outweighs the region
        ("Tuesday 05/03/2019 15:21", "en-US", (3, 5)),  # 5 March 2019 was a Tuesday
        ("Wed, 05/03/2019 15:21", "en-GB", (3, 5)),  # neither reading is a Wednesday
    ],
)
def test_a_named_weekday_decides_an_ambiguous_digit_date(
    text: str, language: str | None, day: tuple[int, int]
) -> None:
    channel = f"<language>{language}</language>" if language else ""
    feed = _rss(
        f"<item><title>Pier</title><link>https://brindle.example.test/p</link>"
        f"<pubDate>{text}</pubDate></item>",
        channel=channel,
    )
    (article,) = _read(feed)
    assert article.published is not None
    assert (article.published.month, article.published.day) == day


def test_a_date_element_holding_an_html_time_gives_its_datetime() -> None:
    # Drupal's RSS writes <pubDate><time datetime="...">a local rendering</time></pubDate>
    value = _dated('<time datetime="2019-05-03T19:21:28Z">Fri, 05/03/2019 - 15:21</time>')
    assert value == datetime.datetime(2019, 5, 3, 19, 21, 28, tzinfo=datetime.timezone.utc)


def test_a_feed_that_is_not_well_formed_is_read_with_a_warning() -> None:
    # a stray "<" in a title, a control character from a word processor, a cut-off end
    good = "<item><title>Kept</title><link>https://brindle.example.test/k</link></item>"
    feed = _rss(
        good
        + "<item><title>Rota &lt; 3 &amp; I <3 it</title>"
        + "<link>https://brindle.example.test/s</link></item>"
        + "<item><title>Soft\x0bbreak</title><link>https://brindle.example.test/v</link></item>"
        + good
    )
    cut = feed[: feed.rindex("</channel>")]
    with pytest.warns(IgnoredContentWarning, match="not well-formed"):
        articles = list(newsmodel.read_many(cut.encode("utf-8")))
    assert [a.headline for a in articles] == ["Kept", "Rota < 3 & I 3 it", "Soft break", "Kept"]
    assert [a.url for a in articles][1:3] == [
        "https://brindle.example.test/s",
        "https://brindle.example.test/v",
    ]


def test_recovery_still_refuses_entities_and_declarations() -> None:
    feed = (
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY boom "x">]>'
        "<rss><channel><item><title>&boom; <b></title></item></channel></rss>"
    )
    with pytest.raises(ReadError):
        list(newsmodel.read_many(feed.encode("utf-8"), format="rss"))


def test_a_reference_to_an_entity_nobody_defines_is_kept_as_text() -> None:
    feed = _rss(
        "<item><title>Ask &mdash; &zorble; answers</title>"
        "<link>https://brindle.example.test/q</link></item>"
    )
    (article,) = _read(feed)
    assert article.headline == "Ask — &zorble; answers"


def test_text_a_server_printed_before_the_declaration_is_left_out_with_a_warning() -> None:
    feed = (
        "<br />\n<b>Notice</b>: output started at <b>/srv/site/plugin.php</b> on line "
        '<b>3</b><br />\n<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0"><channel><title>Plover Post</title><link>https://plover.example/</link>'
        "<item><title>Dunes move east</title><link>/dunes</link></item></channel></rss>"
    )
    assert newsmodel.detect_format(feed).name == "rss"
    with pytest.warns(IgnoredContentWarning, match="before the XML declaration left out"):
        (article,) = newsmodel.read_many(feed, quotes=False)
    assert (article.headline, article.url) == ("Dunes move east", "https://plover.example/dunes")


def test_an_atom_feed_without_its_namespace_is_read() -> None:
    feed = (
        '<?xml version="1.0"?><feed version="0.3"><title>Plover Post</title>'
        '<entry><title>Tides</title><link rel="alternate" href="https://plover.example/t"/>'
        "<issued>2004-01-02T10:00:00Z</issued></entry></feed>"
    )
    assert newsmodel.detect_format(feed).name == "atom"
    (article,) = _read(feed)
    assert (article.headline, article.url) == ("Tides", "https://plover.example/t")
    assert article.published == datetime.datetime(2004, 1, 2, 10, tzinfo=datetime.timezone.utc)
    # a feed root of another namespace is no Atom feed
    with pytest.raises(newsmodel.UnknownFormatError):
        newsmodel.detect_format('<?xml version="1.0"?><feed xmlns="urn:x:other"><data/></feed>')


def test_one_stray_nul_byte_is_no_binary_file() -> None:
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Plover\x00 Post</title>'
        "<link>https://plover.example/</link><item><title>Gulls</title></item></channel></rss>"
    )
    assert newsmodel.detect_format(feed.encode()).name == "rss"
    (article,) = _read(feed)
    assert article.headline == "Gulls"
    with pytest.raises(newsmodel.UnknownFormatError, match="binary data"):
        newsmodel.detect_format(feed.replace("\x00", "\x00\x00").encode())


@pytest.mark.parametrize("tail", ["", "<item><title>Terns <b></title></item>"])
def test_a_reference_to_a_character_xml_forbids_is_taken_out_not_a_crash(tail: str) -> None:
    """``&#xD800;`` (a surrogate) or ``&#1;`` is no XML character: the feed is read as
    HTML reads them (U+FFFD; a control character a space, as a literal one), before and
    in recovery, and the same inside CDATA."""
    feed = _rss(
        "<item><title>Gulls&#xD800;fly&#1;low&#xe9;</title>"
        "<link>https://brindle.example.test/g&#xDFFF;</link>"
        f"<description><![CDATA[kept &#xD800; as written]]></description></item>{tail}"
    )
    article = _read(feed)[0]
    assert article.headline == "Gulls\ufffdfly lowé"
    assert article.url == "https://brindle.example.test/g\ufffd"
    assert article.summary == "kept \ufffd as written"


def test_a_forbidden_reference_after_a_cdata_opening_never_closed_is_no_crash() -> None:
    """The recovery reads past a ``<![CDATA[`` left open in an attribute: a reference to
    a surrogate after it is taken out there too."""
    feed = _rss(
        "<item><title>Gulls</title><category domain='a<![CDATA[b'>c</category>"
        "<dc:creator>one&#xD800;two <b></dc:creator></item>"
    )
    (article,) = _read(feed)
    assert article.headline == "Gulls"


def test_an_xml_declaration_inside_a_feed_without_one_is_its_text_not_its_start() -> None:
    """``<?xml `` in a CDATA section (a code sample) of a feed that has no declaration
    of its own: the feed is read whole, nothing before it left out."""
    feed = (
        '<rss version="2.0"><channel><title>Plover Post</title><link>https://plover.example/</link>'
        "<item><title>Markup notes</title><link>/notes</link><description><![CDATA[<p>Open "
        '<code><?xml version="1.0"?></code> first.</p>]]></description></item>'
        "<item><title>Gulls</title><link>/gulls</link></item></channel></rss>"
    )
    assert newsmodel.detect_format(feed.encode()).name == "rss"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        articles = list(newsmodel.read_many(feed, quotes=False))
    assert [a.headline for a in articles] == ["Markup notes", "Gulls"]
    assert articles[0].publisher is not None and articles[0].publisher.name == "Plover Post"
