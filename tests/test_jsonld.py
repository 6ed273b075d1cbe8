"""The JSON-LD reader on malformed and odd input: wrong types, graph shapes, damaged JSON.

Every document here is written for these tests. Reading goes through
``newsmodel.read(..., quotes=False)`` so that only the reader is under test.
"""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest

import newsmodel
from newsmodel import model as m

ARTICLE = {"@context": "https://schema.org", "@type": "NewsArticle"}


def _read(doc: Any) -> m.Article:
    text = doc if isinstance(doc, str) else json.dumps(doc)
    return newsmodel.read(text, format="jsonld", quotes=False)


def _article(**fields: Any) -> m.Article:
    return _read(ARTICLE | fields)


# ---------------------------------------------------------------------------
# the headline in every shape


@pytest.mark.parametrize(
    ("value", "headline"),
    [
        ("Ferries resume", "Ferries resume"),
        ("  Ferries \n resume  ", "Ferries resume"),
        (["Ferries resume", "Second title"], "Ferries resume"),  # the first string
        ([5, "", "Ferries resume"], "Ferries resume"),  # the first non-blank string
        ({"@value": "Ferries resume", "@language": "en"}, "Ferries resume"),  # a value object
        ({"name": "Ferries resume"}, "Ferries resume"),
        ("", None),
        ("   ", None),
        (None, None),
        ([], None),
    ],
)
def test_headline_shapes(value: object, headline: str | None) -> None:
    assert _article(headline=value).headline == headline


@pytest.mark.parametrize("value", [5, 5.5, True, [5], {"x": 1}, [["nested"]]])
def test_a_headline_that_is_no_text_is_never_stringified(value: object) -> None:
    # Today the JSON-LD reader reads such a headline as no headline, where the
    # ninjs reader refuses `headlines[0].value: 5` with a ReadError (issue 11,
    # item 5 asks for one treatment). Either outcome is allowed here until the
    # readers agree; a headline made from the value ("5", "True", "[5]") is not.
    try:
        outcome: m.Article | newsmodel.ReadError = _article(headline=value, name="Fallback title")
    except newsmodel.ReadError as error:
        outcome = error
    if isinstance(outcome, newsmodel.ReadError):
        assert "headline" in str(outcome)
    else:
        assert outcome.headline in (None, "Fallback title")


def test_name_stands_in_for_a_missing_headline() -> None:
    assert _article(name="Ferries resume").headline == "Ferries resume"
    assert _article(headline="Headline wins", name="Name").headline == "Headline wins"


# ---------------------------------------------------------------------------
# where the article is in the document


@pytest.mark.parametrize(
    "doc",
    [
        ARTICLE | {"headline": "Found"},
        [ARTICLE | {"headline": "Found"}],
        {"@context": "https://schema.org", "@graph": [ARTICLE | {"headline": "Found"}]},
        {"@graph": ARTICLE | {"headline": "Found"}},  # a graph of one object, not an array
        {"@graph": [{"@graph": [ARTICLE | {"headline": "Found"}]}]},
        {"@type": "WebPage", "mainEntity": ARTICLE | {"headline": "Found"}},
        {"@type": "ItemList", "itemListElement": [ARTICLE | {"headline": "Found"}]},
        [{"@type": "WebSite", "name": "Site"}, {"@graph": [ARTICLE | {"headline": "Found"}]}],
    ],
)
def test_the_article_is_found_in_every_shape(doc: object) -> None:
    assert _read(doc).headline == "Found"


def test_an_array_of_articles_gives_the_first() -> None:
    doc = [ARTICLE | {"headline": "First story"}, ARTICLE | {"headline": "Second story"}]
    assert _read(doc).headline == "First story"


@pytest.mark.parametrize(
    "kind",
    [
        "Article",
        "ReportageNewsArticle",
        "BlogPosting",
        "https://schema.org/NewsArticle",
        ["Thing", "AnalysisNewsArticle"],
    ],
)
def test_article_kinds(kind: object) -> None:
    assert _read({"@type": kind, "headline": "Kind"}).headline == "Kind"


@pytest.mark.parametrize(
    "doc",
    [
        {"headline": "No type at all"},
        {"@type": "Recipe", "name": "Fish soup"},
        {"@type": 5, "headline": "A number for a type"},
        {"@type": ["Thing"], "headline": "Only a thing"},
        {"@graph": []},
        [],
        [1, 2],
        5,
        '"a string"',  # JSON text: a string at the top
        True,
    ],
)
def test_no_article_is_our_error_at_the_root(doc: object) -> None:
    with pytest.raises(newsmodel.ReadError, match=r"no schema\.org article") as info:
        _read(doc)
    assert info.value.where == "$"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "null",
        '{"@type": "NewsArticle", "headline": "Cut off',
        '{"@type": "NewsArticle", "headline": "Cut"',
        "<html><body>not json</body></html>",
        "{{{{",
    ],
)
def test_nothing_recoverable_is_our_error(text: str) -> None:
    with pytest.raises(newsmodel.ReadError, match="not JSON-LD"):
        _read(text)


def test_truncated_json_with_no_whole_article_is_our_error() -> None:
    # a whole author object survives the cut, but it is no article
    text = '{"@type": "NewsArticle", "author": {"name": "Ilse Brandt"}, "headline": "Cut'
    with pytest.raises(newsmodel.ReadError, match=r"no schema\.org article"):
        _read(text)


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        ('{"@type": "NewsArticle", "headline": "Repaired",}', "Repaired"),  # a trailing comma
        # raw control characters inside a string
        ('{"@type": "NewsArticle", "headline": "Repaired\tby\nspaces"}', "Repaired by spaces"),
        # an HTML comment or a CDATA section around it
        ('<!-- {"@type": "NewsArticle", "headline": "Repaired"} -->', "Repaired"),
        ('//<![CDATA[\n{"@type": "NewsArticle", "headline": "Repaired"}\n//]]>', "Repaired"),
        # several objects pasted together
        (
            '{"@type": "WebSite", "name": "S"}{"@type": "NewsArticle", "headline": "Pasted"}',
            "Pasted",
        ),
    ],
)
def test_common_damage_is_repaired(text: str, headline: str) -> None:
    assert _read(text).headline == headline


def test_deep_nesting_is_our_error() -> None:
    with pytest.raises(newsmodel.ReadError):
        _read("[" * 5000 + "]" * 5000)


# ---------------------------------------------------------------------------
# authors


@pytest.mark.parametrize(
    ("author", "bylines"),
    [
        (
            {"@type": "Person", "name": "Ilse Brandt", "jobTitle": "Transport Reporter"},
            (m.Byline(name="Ilse Brandt", role="transport reporter"),),
        ),
        ({"@type": "Person", "name": {"@value": "Ilse Brandt"}}, (m.Byline(name="Ilse Brandt"),)),
        ("Ilse Brandt", (m.Byline(name="Ilse Brandt"),)),
        (
            [
                {"@type": "Person", "name": "Ilse Brandt"},
                {"@type": "Organization", "name": "Harbour Wire"},
            ],
            (
                m.Byline(name="Ilse Brandt"),
                m.Byline(name="Harbour Wire", kind=m.BylineKind.ORGANISATION),
            ),
        ),
        (  # a known agency is an organisation whatever its @type says
            {"@type": "Person", "name": "Reuters"},
            (m.Byline(name="Reuters", kind=m.BylineKind.ORGANISATION),),
        ),
        (  # the same person twice is one byline
            [{"@type": "Person", "name": "Ilse Brandt"}, "Ilse Brandt"],
            (m.Byline(name="Ilse Brandt"),),
        ),
        (  # an unsafe URL is dropped, the name kept
            {"@type": "Person", "name": "Ilse Brandt", "url": "javascript:alert(1)"},
            (m.Byline(name="Ilse Brandt"),),
        ),
        (
            {"@type": "Person", "name": "Ilse Brandt", "url": "https://example.test/ilse"},
            (m.Byline(name="Ilse Brandt", url="https://example.test/ilse"),),
        ),
        ({"@type": "Person"}, ()),  # no name
        ({"@type": "Person", "name": 5}, ()),
        ({"@type": "Person", "name": ""}, ()),
        (5, ()),
        (None, ()),
        ([[{"name": "Nested Too Deep"}]], ()),  # an array in an array is not an author
        ({"@id": "#nobody"}, ()),  # a reference to nothing
    ],
)
def test_author_shapes(author: object, bylines: tuple[m.Byline, ...]) -> None:
    assert _article(author=author).bylines == bylines


def test_author_references_are_resolved_in_the_graph() -> None:
    doc = {
        "@graph": [
            {"@type": "Person", "@id": "#ilse", "name": "Ilse Brandt", "jobTitle": "Editor"},
            ARTICLE | {"headline": "H", "author": {"@id": "#ilse"}},
        ]
    }
    assert _read(doc).bylines == (m.Byline(name="Ilse Brandt", role="editor"),)


def test_the_publisher_named_as_author_is_no_byline() -> None:
    article = _article(
        author={"@type": "Organization", "name": "Harbour Daily"},
        publisher={"@type": "Organization", "name": "Harbour Daily"},
    )
    assert article.bylines == ()
    assert article.publisher == m.Publisher(name="Harbour Daily")


# ---------------------------------------------------------------------------
# dates


@pytest.mark.parametrize(
    ("value", "published"),
    [
        ("2024-04-05", datetime.date(2024, 4, 5)),
        (
            "2024-04-05T10:00:00+10:30",
            datetime.datetime(
                2024, 4, 5, 10, tzinfo=datetime.timezone(datetime.timedelta(hours=10, minutes=30))
            ),
        ),
        (["2024-04-05"], datetime.date(2024, 4, 5)),
        ({"@value": "2024-04-05", "@type": "Date"}, datetime.date(2024, 4, 5)),
        # placeholders and nonsense are no date
        ("yesterday", None),
        ("2024-13-45", None),
        ("1969-07-20", None),  # before 1990: a placeholder
        ("0001-01-01", None),
        ("1970-01-01T00:00:00Z", None),  # the epoch
        (20240405, None),
        (True, None),
        ({"year": 2024}, None),
    ],
)
def test_published_dates(value: object, published: object) -> None:
    article = _article(datePublished=value)
    assert article.published == published
    assert type(article.published) is type(published)


def test_date_created_stands_in_for_date_published() -> None:
    assert _article(dateCreated="2024-04-05").published == datetime.date(2024, 4, 5)
    assert _article(datePublished="bad", dateCreated="2024-04-05").published == datetime.date(
        2024, 4, 5
    )
    assert _article(dateModified="not a date").modified is None


# ---------------------------------------------------------------------------
# the body


def test_html_in_the_body_is_read_as_markup_and_sanitised() -> None:
    body = (
        "<p>The council met.<script>alert(1)</script></p>"
        '<p onclick="steal()">The vote <a href="javascript:alert(2)">passed</a>.</p>'
        '<p>See <a href="https://example.test/minutes">the minutes</a>.</p>'
        "<style>p { color: red }</style>"
    )
    article = _article(articleBody=body)
    assert article.body == (
        m.Paragraph(content=("The council met.",)),
        m.Paragraph(content=("The vote passed.",)),
        m.Paragraph(
            content=(
                "See ",
                m.Link(content=("the minutes",), url="https://example.test/minutes"),
                ".",
            )
        ),
    )
    assert "alert" not in article.text and "color" not in article.text


def test_unclosed_and_escaped_markup_in_the_body() -> None:
    assert _article(articleBody="<p>Left <em>open").body == (
        m.Paragraph(content=("Left ", m.Emphasis(content=("open",)))),
    )
    assert _article(articleBody="&lt;p&gt;Escaped&lt;/p&gt;").body == (
        m.Paragraph(content=("Escaped",)),
    )


@pytest.mark.parametrize(
    ("body", "paragraphs"),
    [
        ("One paragraph.\n\nAnother one.", ["One paragraph.", "Another one."]),
        ("Line one.\nLine two.", ["Line one.", "Line two."]),
        ("Prices < 5 dollars & rising.", ["Prices < 5 dollars & rising."]),
        ("", []),
        (5, []),
        (["<p>In an array</p>"], []),
        ({"text": "In an object"}, []),
    ],
)
def test_body_shapes(body: object, paragraphs: list[str]) -> None:
    article = _article(articleBody=body)
    assert [m.block_text(b) for b in article.body] == paragraphs


# ---------------------------------------------------------------------------
# other fields given the wrong type


def test_images_of_every_shape() -> None:
    article = _article(
        image=[
            5,
            {"url": "javascript:alert(1)"},
            "https://example.test/a.jpg",
            {
                "url": "https://example.test/b.jpg",
                "caption": "The ferry leaves. Photo: Mira Castell",
                "width": "640",
                "height": -1,
            },
        ]
    )
    assert article.photos == (
        m.Photo(url="https://example.test/a.jpg"),
        m.Photo(
            url="https://example.test/b.jpg",
            caption="The ferry leaves.",
            credit="Mira Castell",
            width=640,
        ),
    )


def test_keywords_language_and_sections_of_the_wrong_type() -> None:
    article = _article(
        keywords=["ferries, wharf", 5, {"name": "harbour"}],
        articleSection=7,
        inLanguage="not a language!",
    )
    assert [t.name for t in article.topics] == ["ferries", "wharf", "harbour"]
    assert article.language is None
    assert _article(inLanguage="en_AU").language == "en-AU"
