"""Feeds (rss, atom, jsonfeed) and JSON Lines: reading, writing, many articles, hostile input.

Every feed here is written for the test (placeholder words, example.test
addresses). The third-party feeds in ../shared/ref/feeds are read when present
and the tests that use them skip otherwise.
"""

from __future__ import annotations

import datetime
import json
import warnings
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import newsmodel
from newsmodel import model as m
from newsmodel.io import atom, jsonfeed, jsonl, rss
from newsmodel.markup.text import has_text
from newsmodel.testing import articles
from tests.conftest import GOLDEN, SHARED_REF
from tests.expected import expected_unquoted

FEEDS_REF = SHARED_REF / "feeds"

RSS = """
  <?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
<channel>
  <title>The Quillby Courier</title>
  <link>https://quillby.example.test/</link>
  <description>Town news</description>
  <language>en-GB</language>
  <copyright>Copyright Quillby Courier</copyright>
  <item>
    <title>Ferry &amp;amp; bridge &lt;b&gt;reopen&lt;/b&gt;</title>
    <link>/news/ferry-bridge</link>
    <guid isPermaLink="false">qc-1</guid>
    <pubDate>Fri, 05 Apr 2024 22:30:00 EST</pubDate>
    <dc:creator>Jane Plover and Tom Wren</dc:creator>
    <dc:creator>AAP</dc:creator>
    <category domain="https://quillby.example.test/sections">Transport</category>
    <description>The ferry sails&amp;nbsp;again.</description>
    <content:encoded><![CDATA[<p>The ferry to Port Halden sails again from Monday.</p>
      <script>bad()</script><p>The bridge opens on Tuesday.</p>]]></content:encoded>
    <media:content url="https://img.example.test/ferry.jpg" medium="image" width="800" height="600">
      <media:description>The ferry at the pier.</media:description>
      <media:credit>Quillby Courier</media:credit>
    </media:content>
    <media:thumbnail url="https://img.example.test/ferry-small.jpg"/>
    <enclosure url="https://img.example.test/ferry.jpg" type="image/jpeg" length="0"/>
    <enclosure url="https://audio.example.test/ferry.mp3" type="audio/mpeg" length="0"/>
  </item>
  <item>
    <title>Second story</title>
    <author>desk@quillby.example.test (Sam Finch)</author>
    <pubDate>Sat, 06 Apr 2024 09:00:00 +1030</pubDate>
    <description>&lt;p&gt;A body in the description.&lt;/p&gt;&lt;p&gt;Two paragraphs.&lt;/p&gt;</description>
  </item>
</channel>
</rss>
"""

RDF = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://quillby.example.test/">
    <title>Quillby Weekly</title><link>https://quillby.example.test/</link>
    <description>Weekly</description><dc:language>en</dc:language>
  </channel>
  <item rdf:about="https://quillby.example.test/weekly/1">
    <title>Weekly issue one</title><link>https://quillby.example.test/weekly/1</link>
    <dc:date>2024-04-05</dc:date><dc:creator>Jane Plover</dc:creator>
  </item>
</rdf:RDF>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"
      xml:lang="en-AU" xml:base="https://quillby.example.test/">
  <id>tag:quillby.example.test,2024:feed</id>
  <title>Quillby Atom</title>
  <updated>2024-04-05T10:00:00+10:30</updated>
  <link rel="self" href="https://quillby.example.test/atom.xml"/>
  <link rel="alternate" type="text/html" href="https://quillby.example.test/"/>
  <entry>
    <id>tag:quillby.example.test,2024:1</id>
    <title type="html">Council &lt;em&gt;votes&lt;/em&gt; on rates</title>
    <link rel="alternate" type="text/html" href="news/rates"/>
    <published>2024-04-05T09:00:00+10:30</published>
    <updated>2024-04-05T10:00:00+10:30</updated>
    <author><name>Jane Plover</name><uri>https://quillby.example.test/jane</uri></author>
    <author><name>AAP</name></author>
    <category term="council" label="Council"/>
    <summary type="text">Rates rise &lt; 2%.</summary>
    <content type="html">&lt;p&gt;The council voted on Thursday.&lt;/p&gt;</content>
    <media:content url="https://img.example.test/hall.jpg" medium="image">
      <media:credit role="photographer">Tom Wren</media:credit>
    </media:content>
  </entry>
  <entry>
    <id>tag:quillby.example.test,2024:2</id>
    <title>Plain &amp; simple</title>
    <updated>2024-04-06T08:00:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Inline <b>xhtml</b>.</p></div></content>
  </entry>
</feed>
"""

JSON_FEED = json.dumps(
    {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Quillby JSON",
        "home_page_url": "https://quillby.example.test/",
        "language": "en",
        "items": [
            {
                "id": "j1",
                "url": "https://quillby.example.test/j1",
                "title": "Market day moves",
                "content_html": "<p>Market day moves to Friday.</p>",
                "summary": "Moves to Friday.",
                "date_published": "2024-04-05T08:00:00-05:00",
                "authors": [{"name": "Jane Plover", "url": "https://quillby.example.test/jane"}],
                "tags": ["markets"],
                "image": "https://img.example.test/market.jpg",
            },
            {"id": 2, "content_text": "Plain text body.\n\nSecond paragraph.", "title": 5},
        ],
    }
)


def _quiet_many(data: str | bytes, **options: object) -> list[m.Article]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", newsmodel.NewsmodelWarning)
        return list(newsmodel.read_many(data, **options))  # type: ignore[arg-type]


# ---------------------------------------------------------------------------
# reading


def test_rss_items_read_with_the_channel() -> None:
    first, second = _quiet_many(RSS.encode(), quotes=False)
    assert first.headline == "Ferry & bridge reopen"
    assert first.url == "https://quillby.example.test/news/ferry-bridge"
    assert first.id == "qc-1"
    assert first.published == datetime.datetime(
        2024, 4, 5, 22, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=-5))
    )
    assert first.published.utcoffset() == datetime.timedelta(hours=-5)  # the zone is kept
    assert [(b.name, b.kind.value) for b in first.bylines] == [
        ("Jane Plover", "person"),
        ("Tom Wren", "person"),
        ("AAP", "organisation"),
    ]
    assert first.summary == "The ferry sails again."  # &nbsp; read, white space collapsed
    assert [b.content for b in first.body] == [
        ("The ferry to Port Halden sails again from Monday.",),
        ("The bridge opens on Tuesday.",),
    ]
    photo = first.photos[0]
    assert (photo.url, photo.caption, photo.credit, photo.width) == (
        "https://img.example.test/ferry.jpg",
        "The ferry at the pier.",
        "Quillby Courier",
        800,
    )
    assert len(first.photos) == 1  # the enclosure repeats it; audio is no photo
    assert photo.renditions[0].url == "https://img.example.test/ferry-small.jpg"
    assert first.topics == (
        m.Topic(
            name="Transport",
            kind=m.TopicKind.KEYWORD,
            scheme="https://quillby.example.test/sections",
        ),
    )
    assert first.language == "en-GB"
    assert first.publisher == m.Publisher(
        name="The Quillby Courier", url="https://quillby.example.test/"
    )
    assert first.rights == m.Rights(notice="Copyright Quillby Courier")
    assert second.bylines == (m.Byline(name="Sam Finch"),)
    assert second.summary is None and len(second.body) == 2  # a description with markup is the body


def test_rdf_feed() -> None:
    (article,) = _quiet_many(RDF, quotes=False)
    assert newsmodel.detect_format(RDF).name == "rss"
    assert article.headline == "Weekly issue one"
    assert article.published == datetime.date(2024, 4, 5)
    assert article.language == "en"
    assert article.id == "https://quillby.example.test/weekly/1"


def test_an_atom_enclosure_link_to_an_image_is_a_photo_and_never_the_url() -> None:
    feed = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour news</title><id>urn:x:feed</id>
<updated>2024-04-05T10:00:00Z</updated>
<entry><title>Pilots add a night shift</title><id>urn:x:1</id><updated>2024-04-05T10:00:00Z</updated>
<link rel="enclosure" type="image/jpeg" length="1234" href="/pier.jpg"/>
<link rel="enclosure" type="audio/mpeg" length="1234" href="https://example.com/pod.mp3"/>
<link rel="alternate" type="text/html" href="https://example.com/pilots"/>
<summary>The pilots will guide ferries after dark.</summary></entry></feed>"""
    (article,) = newsmodel.read_many(feed, "atom", quotes=False, url="https://example.com/")
    assert article.url == "https://example.com/pilots"
    assert [photo.url for photo in article.photos] == ["https://example.com/pier.jpg"]


def test_atom_entries() -> None:
    assert newsmodel.detect_format(ATOM).name == "atom"
    first, second = _quiet_many(ATOM, quotes=False)
    assert first.headline == "Council votes on rates"
    assert first.url == "https://quillby.example.test/news/rates"
    assert first.summary == "Rates rise < 2%."
    assert first.modified is not None and first.published is not None
    assert first.bylines[0] == m.Byline(name="Jane Plover", url="https://quillby.example.test/jane")
    assert first.bylines[1].kind is m.BylineKind.ORGANISATION
    assert first.photos[0].photographer == "Tom Wren"
    assert first.topics[0].name == "Council"
    assert first.language == "en-AU"
    assert second.headline == "Plain & simple"
    assert second.published is None and second.modified is not None
    assert second.text == "Inline xhtml."


def test_json_feed() -> None:
    assert newsmodel.detect_format(JSON_FEED).name == "jsonfeed"
    first, second = _quiet_many(JSON_FEED, quotes=False)
    assert (first.headline, first.summary, first.text) == (
        "Market day moves",
        "Moves to Friday.",
        "Market day moves to Friday.",
    )
    assert first.photos == (m.Photo(url="https://img.example.test/market.jpg"),)
    assert first.publisher is not None and first.publisher.name == "Quillby JSON"
    assert second.id == "2" and second.headline is None  # a title that is no string is ignored
    assert second.text == "Plain text body.\n\nSecond paragraph."


def test_json_feed_spec_example_when_present() -> None:
    path = FEEDS_REF / "jsonfeed-spec-jsonfeed.json"
    if not path.is_file():
        pytest.skip("../shared/ref/feeds is not present")
    items = _quiet_many(path.read_bytes(), quotes=False)
    assert [a.url for a in items] == [
        "https://example.org/second-item",
        "https://example.org/initial-post",
    ]


def test_read_gives_the_first_and_warns() -> None:
    with pytest.warns(newsmodel.IgnoredContentWarning, match="more than one"):
        article = newsmodel.read(RSS, quotes=False)
    assert article.id == "qc-1"


def test_read_many_runs_quote_extraction_unless_told_not_to() -> None:
    feed = RSS.replace(
        "The bridge opens on Tuesday.", "“The bridge opens on Tuesday,” the mayor said."
    )
    with_quotes = _quiet_many(feed)[0]
    assert [q.text for q in with_quotes.quotes] == ["The bridge opens on Tuesday,"]
    assert _quiet_many(feed, quotes=False)[0].quotes == ()


def test_single_article_formats_and_write_many() -> None:
    golden = (GOLDEN / "indaily.nitf.xml").read_bytes()
    assert len(_quiet_many(golden)) == 1
    with pytest.raises(newsmodel.FormatError, match="holds one article"):
        newsmodel.write_many([m.Article(headline="x")], format="nitf")
    with pytest.raises(newsmodel.FormatError, match="no option"):
        newsmodel.write_many([m.Article(headline="x")], format="rss", colour="red")


def test_encodings_and_leading_white_space() -> None:
    body = RSS.replace('encoding="utf-8"', 'encoding="windows-1252"').replace("Ferry", "Ferry café")
    as_1252 = body.encode("cp1252")
    assert _quiet_many(as_1252, quotes=False)[0].headline.startswith("Ferry café")
    # declared UTF-8 but windows-1252 bytes: UTF-8 fails, windows-1252 reads it
    mislabelled = RSS.replace("Ferry", "Ferry café").encode("cp1252")
    assert _quiet_many(mislabelled, quotes=False)[0].headline.startswith("Ferry café")
    no_declaration = RSS.split("?>", 1)[1].replace("Ferry", "Ferry café").encode("utf-8")
    assert _quiet_many(no_declaration, quotes=False)[0].headline.startswith("Ferry café")


def test_reference_feeds_when_present() -> None:
    if not FEEDS_REF.is_dir():
        pytest.skip("../shared/ref/feeds is not present")
    counts = {"telegraph-rss2.xml": 100, "debian-news-rdf.xml": 1, "9to5linux-atom.xml": 10}
    for path in sorted(FEEDS_REF.iterdir()):
        if path.suffix not in (".xml", ".json"):
            continue
        items = _quiet_many(path.read_bytes(), quotes=False)
        assert items, path.name
        assert all(a.headline or a.url for a in items), path.name
        if path.name in counts:
            assert len(items) == counts[path.name]


# ---------------------------------------------------------------------------
# writing and round trips


def _day(value: m.DateValue | None) -> datetime.date | None:
    return value.date() if isinstance(value, datetime.datetime) else value


def _holds_something(block: m.Block) -> bool:
    """Whether a body block reads back as anything (a list of no items does not, nor a
    paragraph or heading of no text: ``Paragraph(content=())``)."""
    if isinstance(block, m.ListBlock):
        return any(_holds_something(b) for item in block.items for b in item)
    if isinstance(block, (m.Paragraph, m.Heading)):
        return has_text(block.content)
    return True


def _rss_item_says_something(article: m.Article) -> bool:
    """Whether an RSS item of ``article`` holds anything of its own to read back."""
    channel = ("publisher", "language", "rights")
    own = [f for f in rss.CARRIED if f not in channel and f != "body"]
    if any(getattr(article, f) not in (None, ()) for f in own if f not in ("photos", "topics")):
        return True
    if any(_holds_something(b) for b in article.body):
        return True
    return any(p.url for p in article.photos) or any(t.name for t in article.topics)


@pytest.mark.parametrize("format", ["rss", "atom", "jsonfeed"])
def test_round_trip_keeps_headline_url_and_day(format: str) -> None:
    @settings(max_examples=25)
    @given(st.lists(articles(max_blocks=2), min_size=1, max_size=3))
    def check(items: list[m.Article]) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", newsmodel.LossyConversionWarning)
            text = newsmodel.write_many(items, format=format)
        back = _quiet_many(text, format=format, quotes=False)
        # an RSS item of nothing is skipped (an article with nothing an item carries but
        # the channel's fields); Atom and JSON Feed items always have an id
        keep = [a for a in items if format != "rss" or _rss_item_says_something(a)]
        assert len(back) == len(keep)
        for mine, theirs in zip(keep, back, strict=True):
            assert theirs.headline == (" ".join(mine.headline.split()) if mine.headline else None)
            assert theirs.url == mine.url
            assert _day(theirs.published) == _day(mine.published)

    check()


def test_feedparser_reads_our_feeds_without_bozo() -> None:
    feedparser = pytest.importorskip("feedparser")
    article = expected_unquoted()
    for format in ("rss", "atom"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", newsmodel.LossyConversionWarning)
            text = newsmodel.write_many([article, article], format=format)
        parsed = feedparser.parse(text.encode("utf-8"))
        assert not parsed.bozo, (format, parsed.get("bozo_exception"))
        assert [e.title for e in parsed.entries] == [article.headline] * 2


def test_rss_channel_without_any_link_gets_the_documented_one() -> None:
    feedparser = pytest.importorskip("feedparser")
    text = newsmodel.write_many([m.Article(headline="No address anywhere")], format="rss")
    channel = etree.fromstring(text.encode("utf-8")).find("channel")
    assert channel is not None and channel.findtext("link") == rss.NO_LINK
    parsed = feedparser.parse(text.encode("utf-8"))
    assert not parsed.bozo and parsed.feed.link == rss.NO_LINK
    (back,) = _quiet_many(text, quotes=False)
    assert back.headline == "No address anywhere"
    assert back.publisher is not None and back.publisher.url is None  # read back as no link
    given = newsmodel.write_many([m.Article(headline="x")], format="rss", link="https://a.test/")
    assert rss.NO_LINK not in given


def test_writers_declare_what_they_drop() -> None:
    article = attrs.evolve(expected_unquoted(), subheadline="A subheading", urgency=3)
    for format in ("rss", "atom", "jsonfeed"):
        with pytest.warns(newsmodel.LossyConversionWarning) as caught:
            newsmodel.write_many([m.Article(headline="plain"), article], format=format)
        fields = [f for w in caught for f in getattr(w.message, "fields", ())]
        assert "[1].subheadline" in fields and "[1].urgency" in fields
        assert not any(f.startswith("[0]") for f in fields), format
        with pytest.raises(newsmodel.LossyConversionError):
            newsmodel.write_many([article], format=format, strict=True)


GOLDEN_FILES = {
    "rss": "indaily.rss.xml",
    "atom": "indaily.atom.xml",
    "jsonfeed": "indaily.feed.json",
    "jsonl": "indaily.jsonl",
}


@pytest.mark.parametrize("format", sorted(GOLDEN_FILES))
def test_golden_files(format: str, update_golden: bool) -> None:
    article = expected_unquoted()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", newsmodel.LossyConversionWarning)
        # JSON Lines of one line is a newsmodel document: the golden file has two
        text = newsmodel.write_many([article] * (2 if format == "jsonl" else 1), format=format)
    golden = GOLDEN / GOLDEN_FILES[format]
    if update_golden:
        golden.write_text(text, encoding="utf-8")
    assert golden.read_text(encoding="utf-8") == text
    assert newsmodel.detect_format(golden.read_bytes()).name == format
    back = _quiet_many(golden.read_bytes(), quotes=False)[0]
    assert (back.headline, back.summary, back.text) == (
        article.headline,
        article.summary,
        article.text,
    )


# ---------------------------------------------------------------------------
# JSON Lines


@settings(max_examples=30)
@given(st.lists(articles(max_blocks=3), max_size=4))
def test_jsonl_round_trip_is_exact(items: list[m.Article]) -> None:
    text = newsmodel.write_many(items, format="jsonl")
    assert text.count("\n") == len(items)
    assert list(newsmodel.read_many(text, format="jsonl", quotes=False)) == items
    # newsmodel JSON lines store quotes: reading with the default keeps them as stored
    assert list(newsmodel.read_many(text, format="jsonl")) == items


def _lines() -> str:
    good = newsmodel.write(m.Article(headline="One"), "newsmodel", indent=None)
    other = newsmodel.write(m.Article(headline="Three"), "newsmodel", indent=None)
    return good + "\n" + '{"newsmodel": "1.0", "article": {"headline": 5}\n' + other


def test_jsonl_bad_line_names_its_number_and_can_be_skipped() -> None:
    articles_read = newsmodel.read_many(_lines(), format="jsonl", quotes=False)
    assert next(articles_read).headline == "One"  # lazy: the bad line is not read yet
    with pytest.raises(newsmodel.ReadError, match="line 3"):
        next(articles_read)
    with pytest.warns(newsmodel.IgnoredContentWarning, match="line 3 skipped"):
        kept = list(newsmodel.read_many(_lines(), format="jsonl", errors="skip", quotes=False))
    assert [a.headline for a in kept] == ["One", "Three"]
    with pytest.raises(newsmodel.FormatError):
        list(newsmodel.read_many(_lines(), format="jsonl", errors="ignore"))


def test_jsonl_inner_formats_and_detection() -> None:
    article = expected_unquoted()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", newsmodel.LossyConversionWarning)
        text = newsmodel.write_many([article, article], format="jsonl", inner="ninjs")
    assert newsmodel.detect_format(text).name == "jsonl"
    back = list(newsmodel.read_many(text, format="jsonl", inner="ninjs", quotes=False))
    assert [a.headline for a in back] == [article.headline] * 2
    assert (
        newsmodel.detect_format(newsmodel.write_many([article], format="jsonl")).name == "newsmodel"
    )


def test_jsonl_keeps_stored_quotes_and_finds_them_for_inner_formats_that_store_none() -> None:
    said = m.Paragraph(content=("“The quay reopens in spring,” the harbour master said.",))
    stored = m.Quote(text="Placeholder words only.", speaker="Ida Roe")
    article = m.Article(headline="Quay", body=(said,), quotes=(stored,))
    lines = newsmodel.write_many([article, article], format="jsonl")
    # newsmodel JSON lines store quotes: read and read_many keep them, finding none
    assert [a.quotes for a in newsmodel.read_many(lines, format="jsonl")] == [(stored,)] * 2
    with pytest.warns(newsmodel.IgnoredContentWarning):
        assert newsmodel.read(lines, format="jsonl").quotes == (stored,)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", newsmodel.LossyConversionWarning)
        ninjs_lines = newsmodel.write_many([article], format="jsonl", inner="ninjs")
    (found,) = newsmodel.read_many(ninjs_lines, format="jsonl", inner="ninjs")
    assert [q.text for q in found.quotes] == ["The quay reopens in spring,"]
    # converting to JSON Lines finds quotes when its lines store them
    html = "<html><body><article><p>“The quay reopens in spring,” Ida Roe said.</p></article></body></html>"
    line = json.loads(newsmodel.convert(html, "html", "jsonl"))
    assert [q["text"] for q in line["article"]["quotes"]] == ["The quay reopens in spring,"]
    # the per-format hook the API asks, by the options the lines are read with
    jsonl_info = newsmodel.registry.get_format("jsonl")
    assert newsmodel.registry.stores_quotes(jsonl_info, {}) is True
    assert newsmodel.registry.stores_quotes(jsonl_info, {"inner": "ninjs"}) is False
    assert newsmodel.registry.stores_quotes(newsmodel.registry.get_format("rss"), {}) is False


def test_plain_text_content_follows_the_one_plain_text_rule() -> None:
    text = "First line  of the notice.\nSecond line.\r\nThird \x01line."
    feed = json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "T",
                       "items": [{"id": "p1", "content_text": text}]})  # fmt: skip
    (article,) = _quiet_many(feed, quotes=False)
    assert article.body == newsmodel.markup.blocks_from_text(text)
    assert [m.block_text(b) for b in article.body] == [
        "First line of the notice.",
        "Second line.",
        "Third line.",
    ]


def test_files_many(tmp_path: Path) -> None:
    items = [m.Article(headline="One", url="https://x.example.test/1"), m.Article(headline="Two")]
    newsmodel.write_file_many(items, tmp_path / "out.jsonl")
    assert list(newsmodel.read_file_many(tmp_path / "out.jsonl")) == items
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", newsmodel.LossyConversionWarning)
        newsmodel.write_file_many(items, tmp_path / "out.atom")
    assert [a.headline for a in newsmodel.read_file_many(tmp_path / "out.atom")] == ["One", "Two"]


# ---------------------------------------------------------------------------
# hostile input


def test_entity_declarations_are_refused() -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
        "<rss><channel><item><title>&b;</title></item></channel></rss>"
    )
    external = (
        '<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY x SYSTEM "http://evil.example.test/x">]>'
        '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>&x;</title></entry></feed>'
    )
    for data, format in ((laughs, "rss"), (external, "atom")):
        with pytest.raises(newsmodel.ReadError, match="entities"):
            list(newsmodel.read_many(data, format=format))


def test_many_items_and_items_without_title_or_link() -> None:
    items = "".join(f"<item><title>t{i}</title></item>" for i in range(100_000))
    feed = f"<rss version='2.0'><channel><title>c</title>{items}</channel></rss>"
    count = sum(1 for _ in newsmodel.read_many(feed, format="rss", quotes=False))
    assert count == 100_000
    odd = (
        "<rss version='2.0'><channel><title>c</title>"
        "<item><description>Only a description.</description></item>"
        "<item></item><item><link>https://x.example.test/a</link></item></channel></rss>"
    )
    with pytest.warns(newsmodel.IgnoredContentWarning, match="item 2 holds no article"):
        found = list(newsmodel.read_many(odd, format="rss", quotes=False))
    assert [(a.headline, a.summary, a.url) for a in found] == [
        (None, "Only a description.", None),
        (None, None, "https://x.example.test/a"),
    ]


def test_dates_at_the_ends_of_the_calendar() -> None:
    feed = (
        "<rss version='2.0'><channel><title>c</title>"
        "<item><title>a</title><pubDate>Mon, 01 Jan 0000 00:00:00 GMT</pubDate></item>"
        "<item><title>b</title><pubDate>Fri, 31 Dec 9999 23:59:59 +1400</pubDate></item>"
        "<item><title>c</title><pubDate>0000-00-00T00:00:00Z</pubDate></item>"
        "</channel></rss>"
    )
    a, b, c = _quiet_many(feed, format="rss", quotes=False)
    assert a.published is None and c.published is None
    assert b.published is not None and b.published.year == 9999
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", newsmodel.LossyConversionWarning)
        for format in ("rss", "atom", "jsonfeed"):
            text = newsmodel.write_many([b], format=format)
            assert _day(_quiet_many(text, format=format, quotes=False)[0].published) == _day(
                b.published
            )


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("Thu, 02 Jul 2015 09:00:19 +01:00", 60),  # the colon some publishers put in
        ("Thu, 02 Jul 2015 09:00:19 +0100", 60),
        ("2 Jul 2015 09:00 -05:30", -330),
        ("Thu, 02 Jul 2015 09:00:19 EST", -300),
    ],
)
def test_rfc822_dates_keep_the_feeds_own_zone(text: str, minutes: int) -> None:
    feed = f"<rss version='2.0'><channel><item><title>t</title><pubDate>{text}</pubDate></item></channel></rss>"
    (article,) = _quiet_many(feed, format="rss", quotes=False)
    published = article.published
    assert isinstance(published, datetime.datetime) and published.utcoffset() is not None
    assert published.utcoffset() == datetime.timedelta(minutes=minutes)
    assert (published.day, published.hour) == (2, 9)


@pytest.mark.parametrize("module", [rss, atom, jsonfeed, jsonl])
def test_not_a_feed_is_our_error(module: object) -> None:
    for data in (b"", b"<html><body>x</body></html>", b'{"items": 3}', b"\xff\xfe\x00"):
        with pytest.raises(newsmodel.NewsmodelError):
            module.read(data)  # type: ignore[attr-defined]


def test_an_atom_entry_without_a_date_is_still_valid_atom_and_reads_back_without_one() -> None:
    # Atom needs <updated> on the feed and every entry: a fixed value, never the clock,
    # which the reader takes for "no date"
    article = m.Article(headline="Undated", url="https://x.example.test/u")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", newsmodel.LossyConversionWarning)
        text = newsmodel.write_many([article], format="atom")
    root = etree.fromstring(text.encode("utf-8"))
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert root.find("a:updated", ns) is not None
    assert root.find("a:entry/a:updated", ns) is not None
    back = _quiet_many(text, format="atom", quotes=False)
    assert [(a.headline, a.published, a.modified) for a in back] == [("Undated", None, None)]


def test_an_rss_channel_always_has_a_link_when_an_article_has_one() -> None:
    items = [m.Article(headline="One"), m.Article(headline="Two", url="https://x.example.test/2")]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", newsmodel.LossyConversionWarning)
        text = newsmodel.write_many(items, format="rss")
    channel = etree.fromstring(text.encode("utf-8")).find("channel")
    assert channel is not None and channel.findtext("link") == "https://x.example.test/2"


def test_an_atom_enclosure_link_is_not_the_entry_page() -> None:
    feed = b"""<feed xmlns="http://www.w3.org/2005/Atom"><id>urn:x</id><title>T</title>
    <updated>2024-04-05T10:00:00Z</updated><entry><id>urn:x:1</id><title>Pier works</title>
    <updated>2024-04-05T10:00:00Z</updated>
    <link rel="enclosure" type="image/jpeg" href="https://x.example.test/pier.jpg"/>
    </entry></feed>"""
    (article,) = _quiet_many(feed, format="atom", quotes=False)
    assert article.headline == "Pier works" and article.url is None
