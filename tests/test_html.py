"""Web pages: the InDaily page, the HTML writer, JSON-LD, hostile pages."""

from __future__ import annotations

import contextlib
import json
import re
import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsmodel
from newsmodel import model as m
from newsmodel.errors import NoArticleError
from newsmodel.io import html, jsonld
from newsmodel.testing import articles
from tests.conftest import GOLDEN, INDAILY_HTML, ROOT
from tests.expected import CAPTION, expected_article, expected_unquoted
from tests.mutation import mutated

#: The README's fields; the page carries more (url, language, photo files, section).
README_FIELDS = (
    "headline",
    "summary",
    "body",
    "bylines",
    "quotes",
    "published",
    "modified",
    "rights",
)


def test_fixture_is_the_shared_page_byte_for_byte() -> None:
    shared = ROOT.parent.parent / "shared" / "fixtures" / INDAILY_HTML.name
    if not shared.exists():
        pytest.skip("../shared/fixtures not present")
    assert INDAILY_HTML.read_bytes() == shared.read_bytes()


def test_indaily_page_reads_to_the_expected_article() -> None:
    article = newsmodel.read(INDAILY_HTML.read_bytes(), format="html")
    expected = expected_article()
    for name in README_FIELDS:
        assert getattr(article, name) == getattr(expected, name), name
    keywords = [t for t in article.topics if t.kind is m.TopicKind.KEYWORD]
    assert keywords == list(expected.topics)
    assert [t.name for t in article.topics if t.kind is m.TopicKind.SECTION] == ["World"]
    assert len(article.photos) == 1
    photo = article.photos[0]
    assert (photo.caption, photo.credit) == (CAPTION, "AP")
    assert photo.url is not None and photo.url.endswith("example-nato-ukraine-council-brussels.jpg")
    assert (photo.width, photo.height) == (1200, 800) and len(photo.renditions) == 3
    assert article.publisher is not None and article.publisher.name == "InDaily"
    assert article.language == "en-AU"
    assert (
        article.url
        == "https://www.indaily.com.au/news/world/2024/04/05/russia-in-direct-confrontation-with-nato"
    )


def test_indaily_metadata_traps() -> None:
    article = html.read(INDAILY_HTML.read_bytes())
    # the JSON-LD names the publisher as a Person author: not a byline
    assert all(b.name != "InDaily" for b in article.bylines)
    assert article.bylines == (m.Byline(name="AAP", kind=m.BylineKind.ORGANISATION),)
    # the day stays a day
    assert type(article.published).__name__ == "date"
    for junk in ("Advertisement", "Share", "Local News Matters", "Topics:", "– AAP", "Photo: AP"):
        assert junk not in article.text


@pytest.mark.parametrize("name", ["indaily.html", "indaily.jsonld"])
def test_golden_files(name: str, update_golden: bool) -> None:
    fmt = html if name.endswith(".html") else jsonld
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the InDaily article loses nothing in either
        text = fmt.write(expected_unquoted())
    golden = GOLDEN / name
    if update_golden:
        golden.write_text(text, encoding="utf-8")
    assert golden.read_text(encoding="utf-8") == text
    assert fmt.read(golden.read_bytes()) == expected_unquoted()


def test_writer_escapes_and_sanitises() -> None:
    evil = m.Article(
        headline="<script>alert(1)</script> & more",
        body=[
            m.Paragraph(content=["x ", m.Link(content=["click"], url="javascript:alert(1)")]),
            m.RawEmbed(
                format="text/html",
                content='<div onclick="steal()"><script>bad()</script><iframe src="https://ok.test/e"></iframe><a href="javascript:x()">a</a></div>',
            ),
        ],
        summary="</script><script>alert(2)</script>",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        page = html.write(evil)
    lowered = page.lower()
    assert lowered.count("<script") == 1  # only the JSON-LD block
    assert "javascript:" not in lowered and "onclick" not in lowered
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert html.read(page).headline == evil.headline


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(articles(max_blocks=4))
def test_every_carried_field_round_trips_or_is_reported(article: m.Article) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        page = html.write(article)
    lost: set[str] = set()
    for warning in caught:
        if isinstance(warning.message, newsmodel.LossyConversionWarning):
            lost |= {re.split(r"[.\[:]", path)[0] for path in warning.message.fields}
    try:
        back = html.read(page)
    except NoArticleError:
        # nothing on the page reads back (fields no page holds, a placeholder year):
        # the writer must have reported every field as lost
        back = m.Article()
    for name in (
        "headline",
        "summary",
        "body",
        "bylines",
        "published",
        "modified",
        "language",
        "rights",
        "url",
        "quotes",
    ):
        assert getattr(back, name) == getattr(article, name) or name in lost, name
    assert page.lower().count("<script") == 1


#: An article of made-up words, with fields only the page's JSON-LD holds (its id,
#: its dateline) and an organisation that wrote it.
_OWN = m.Article(
    id="urn:example:harbour-7",
    headline="Harbour pilots add a night shift",
    dateline=m.Dateline(text="PORT HALDEN"),
    body=(
        m.Paragraph(content=("The pilots will guide ferries after dark from May.",)),
        m.Paragraph(content=("– Coastal Wire",)),
    ),
    bylines=(m.Byline(name="Coastal Wire", kind=m.BylineKind.ORGANISATION),),
    photos=(m.Photo(url="https://example.com/pier.jpg", caption="The east pier at dusk."),),
)


def test_a_page_newsmodel_wrote_is_read_by_its_layout() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing of this article is lost
        page = html.write(_OWN)
    assert '<meta name="generator" content="newsmodel">' in page
    # the body's own last line stays: only the writer's sign-off line goes
    assert html.read(page) == _OWN


def test_a_wrongly_typed_value_in_our_own_page_is_dropped_with_a_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        page = html.write(_OWN)
    edited = re.sub(r'"dateline": "[^"]*"', '"dateline": 7', page)
    assert edited != page
    with pytest.warns(newsmodel.IgnoredContentWarning, match=r"\$\.dateline"):
        back = html.read(edited)
    assert back.dateline is None and back.headline == _OWN.headline


def test_a_page_without_the_marker_or_the_layout_is_read_by_the_heuristics() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        page = html.write(_OWN)
    unmarked = page.replace('<meta name="generator" content="newsmodel">', "")
    edited = page.replace("<footer>", "<nav><a href='/'>Home</a></nav><footer>")
    for other in (unmarked, edited):
        back = html.read(other)
        assert back.headline == _OWN.headline
        assert back.id is None and back.dateline is None  # the page heuristics read neither


def test_a_newsmodel_page_of_nothing_holds_no_article_and_of_a_summary_holds_it() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        empty = html.write(m.Article())
        summary = html.write(m.Article(summary="Tide tables for the week."))
    with pytest.raises(NoArticleError):
        html.read(empty)
    assert html.read(summary) == m.Article(summary="Tide tables for the week.")


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   ",
        b"\x00\x01\x02\xff" * 100,
        b"<html><body>" + b"<div>" * 10000 + b"deep" + b"</div>" * 10000 + b"</body></html>",
        b'<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": </script></head><body><p>x</p></body></html>',
        b"<html><body><ul><li>menu</li></ul></body></html>",
        "<html><body><p>caf\u00e9</p></body></html>".encode("cp1252"),
    ],
)
def test_bad_pages(data: bytes) -> None:
    try:
        article = html.read(data)
    except newsmodel.NewsmodelError:
        return
    assert isinstance(article, m.Article)


def test_big_page_is_read_or_refused_clearly() -> None:
    paragraph = (
        b"<p>" + b"The ferry left Port Halden at dawn with nine crates aboard. " * 20 + b"</p>"
    )
    page = b"<html><body><article>" + paragraph * 4000 + b"</article></body></html>"
    assert len(html.read(page).body) == 4000
    with pytest.raises(newsmodel.InputTooLargeError):
        html.read(page, max_bytes=1000)


def test_jsonld_lenient_and_graph() -> None:
    doc = '{"@context": "https://schema.org", "@graph": [{"@type": "Organization", "@id": "#o", "name": "Paper"}, {"@type": ["NewsArticle"], "headline": "H", "author": [{"@type": "Person", "name": "Jane Doe"}, "Paper"], "publisher": {"@id": "#o"}, "datePublished": "0001-01-01", "keywords": "a, b",}]}'
    article = jsonld.read(doc)
    assert article.headline == "H"
    assert article.bylines == (m.Byline(name="Jane Doe"),)
    assert article.publisher == m.Publisher(name="Paper")
    assert article.published is None  # a placeholder date
    assert [t.name for t in article.topics] == ["a", "b"]
    with pytest.raises(newsmodel.ReadError):
        jsonld.read('{"@type": "Recipe", "name": "soup"}')


def test_a_body_split_into_wrapped_sections() -> None:
    def section(words: str, count: int) -> str:
        paragraphs = "".join(
            f"<p>{words} {i}, as the council said on Monday.</p>" for i in range(count)
        )
        wrapped = f'<div class="wrap"><div class="text">{paragraphs}</div></div>'
        return f'<section class="outer">{wrapped}</section>'

    cookies = " ".join(["We store cookies on your browser to collect information."] * 4)
    page = (
        "<html><head><title>Split</title></head><body><article><h1>Split</h1>"
        f"<div class='sections'>{section('Alpha part', 6)}<aside><img src='a.jpg'></aside>"
        f"{section('Beta part', 12)}{section('Gamma part', 5)}</div></article>"
        # a sibling without a name next to the wrappers is not a part of the story
        f"<div><p>{cookies}</p></div></body></html>"
    )
    text = newsmodel.read(page, format="html", quotes=False).text
    for word in ("Alpha part 0", "Beta part 11", "Gamma part 4"):
        assert word in text
    assert "cookies" not in text
    # no split: the wrappers are looked through, but an unnamed neighbour is not taken
    story = "".join(f"<p>Part {i}, as the council said on Monday.</p>" for i in range(8))
    page = (
        "<html><body><div><div class='wrap'><div class='text'><h1>One</h1>"
        f"{story}</div></div></div><div><p>{cookies}</p></div></body></html>"
    )
    text = newsmodel.read(page, format="html", quotes=False).text
    assert "Part 7" in text and "cookies" not in text


def test_jsonld_body_holding_html() -> None:
    for body in (
        "<p>First <em>point</em>.</p><h2>Next</h2><p>Second point.</p>",
        "&lt;p&gt;First &lt;em&gt;point&lt;/em&gt;.&lt;/p&gt;&lt;h2&gt;Next&lt;/h2&gt;"
        "&lt;p&gt;Second point.&lt;/p&gt;",
    ):
        doc = json.dumps({"@type": "NewsArticle", "headline": "H", "articleBody": body})
        article = newsmodel.read(doc, format="jsonld", quotes=False)
        assert [type(b).__name__ for b in article.body] == ["Paragraph", "Heading", "Paragraph"]
        assert article.text == "First point.\n\nNext\n\nSecond point."
        assert article.body[0].content[1] == m.Emphasis(content=("point",))  # type: ignore[union-attr]
    # plain text stays plain text, "<" and all
    doc = json.dumps({"@type": "NewsArticle", "articleBody": "Prices < 5 dollars.\n\nMore."})
    assert newsmodel.read(doc, format="jsonld").text == "Prices < 5 dollars.\n\nMore."


def _mutated() -> st.SearchStrategy[bytes]:
    junk = [
        b"<",
        b">",
        b"</div>",
        b"<div>",
        b"<p>",
        b"&",
        b"\xff",
        b'"',
        b"<script>",
        b"{",
        b"\x00",
    ]
    return mutated([INDAILY_HTML.read_bytes()], [*junk, b"<article>"], max_delete=400)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(_mutated())
def test_mutated_pages_raise_only_our_errors(data: bytes) -> None:
    with contextlib.suppress(newsmodel.NewsmodelError):
        html.read(data)


def test_embedded_jsonld_is_safe_json() -> None:
    page = (GOLDEN / "indaily.html").read_text("utf-8")
    start = page.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">'
    )
    data = json.loads(page[start : page.index("</script>", start)])
    assert data["@type"] == "NewsArticle"


def _dated_page(header: str, after: str = "", meta: str = "") -> m.Article:
    body = "<p>" + " ".join(["The council met on Monday to vote on the plan."] * 8) + "</p>"
    page = (
        f"<html><head><title>Council backs plan</title>{meta}</head><body>"
        '<header class="site-header"><span class="header-date">Sunday, December 24, 2023</span>'
        "</header>"
        f"<article><header>{header}</header><div class='article-body'>{body}</div>{after}"
        "</article></body></html>"
    )
    return newsmodel.read(page, format="html", quotes=False)


def test_the_date_the_page_shows_under_its_headline() -> None:
    import datetime as dt

    published = '<meta property="article:published_time" content="2023-12-21T03:30:00Z">'
    # the site's "today" line and other stories' cards do not date this article
    article = _dated_page(
        "<h1>Council backs plan</h1><p>By Jane Doe</p>",
        after='<div class="related"><p class="card-time">December 22, 2023</p></div>',
        meta=published,
    )
    assert article.published == dt.datetime(2023, 12, 21, 3, 30, tzinfo=dt.timezone.utc)
    # a bare date line under the headline is the publisher's local day
    article = _dated_page(
        "<h1>Council backs plan</h1><div>Dec 20, 2023 7:30 pm</div>", meta=published
    )
    assert article.published == dt.datetime(2023, 12, 20, 19, 30)
    # a date line just above the headline, in the same header
    article = _dated_page("<div><time>Dec 20, 2023</time></div><h1>Council backs plan</h1>")
    assert article.published == dt.date(2023, 12, 20)
    # a date inside a longer byline line is read as a whole date, not guessed at
    article = _dated_page(
        '<h1>Council backs plan</h1><div class="article-meta">Jane Doe, Editor, F1 '
        "Dec 19, 2023, 05:30 PM</div>"
    )
    assert article.published == dt.datetime(2023, 12, 19, 17, 30)
    # a page that shows only an update is dated by it; one that shows both, by publication
    old = '<meta property="article:published_time" content="2022-10-24T19:16:43-04:00">'
    article = _dated_page(
        '<h1>Council backs plan</h1><div class="byline-date">Updated on December 14, 2023</div>',
        meta=old,
    )
    assert article.published == dt.date(2023, 12, 14)
    article = _dated_page(
        '<h1>Council backs plan</h1><div class="byline-date">Updated on December 14, 2023</div>'
        '<div class="byline-date">Published October 24, 2022</div>',
        meta=old,
    )
    assert article.published == dt.datetime(
        2022, 10, 24, 19, 16, 43, tzinfo=dt.timezone(dt.timedelta(hours=-4))
    )


def test_update_labels_on_wrappers() -> None:
    import datetime as dt

    article = _dated_page(
        "<h1>Council backs plan</h1><p class='byline'>"
        "<span>Updated <time>Nov 13, 2019</time></span> "
        "<span>Published <time>Nov 8, 2019</time></span></p>"
    )
    assert article.published == dt.date(2019, 11, 8)
    article = _dated_page(
        "<h1>Council backs plan</h1><div class='c-byline'>By Jane Doe Updated Nov 13, 2019</div>"
    )
    assert article.published == dt.date(2019, 11, 13)  # the only date the page shows


def test_headline_without_h1_still_anchors_the_date() -> None:
    import datetime as dt

    article = _dated_page(
        '<h2 class="title">Council backs plan</h2><div class="entry-meta">By Ryan Sparks '
        "• December 20, 2023 7:00 am</div>"
    )
    assert article.published == dt.datetime(2023, 12, 20, 7, 0)
