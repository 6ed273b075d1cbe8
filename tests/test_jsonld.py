"""The JSON-LD reader on malformed and odd input: wrong types, graph shapes, damaged JSON.

Every document here is written for these tests. Reading goes through
``newsmodel.read(..., quotes=False)`` so that only the reader is under test.
"""

from __future__ import annotations

import copy
import datetime
import json
import re
import warnings
from typing import Any

import pytest

import newsmodel
from newsmodel import model as m

ARTICLE = {"@context": "https://schema.org", "@type": "NewsArticle"}


def _read(doc: Any) -> m.Article:
    text = doc if isinstance(doc, str) else json.dumps(doc)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", newsmodel.IgnoredContentWarning)
        return newsmodel.read(text, format="jsonld", quotes=False)


def _ignored(doc: Any) -> tuple[m.Article, list[tuple[str, str]]]:
    """The article, and the (path, why) pairs its IgnoredContentWarning lists."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        article = newsmodel.read(json.dumps(doc), format="jsonld", quotes=False)
    messages = [str(w.message) for w in caught if w.category is newsmodel.IgnoredContentWarning]
    assert len(messages) <= 1, messages
    pairs: list[tuple[str, str]] = []
    listed = messages[0].removeprefix("jsonld: values left out: ") if messages else ""
    for group in listed.split("; ") if listed else []:
        if re.fullmatch(r"and \d+ more", group):
            continue
        paths, _, why = group.partition(" (")
        pairs.extend((path, why.removesuffix(")")) for path in paths.split(", "))
    return article, pairs


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


@pytest.mark.parametrize(
    ("value", "why"),
    [
        (5, "expected text, got number"),
        (5.5, "expected text, got number"),
        (True, "expected text, got boolean"),
        ([5], "expected text, got an array without a string"),
        ([["nested"]], "expected text, got an array without a string"),
        ({"x": 1}, "expected text, got an object without a string @value or name"),
        ({"@value": 5}, "expected text, got an object without a string @value or name"),
    ],
)
def test_a_headline_that_is_no_text_is_left_out_with_a_warning(value: object, why: str) -> None:
    # the library's policy: a value of the wrong JSON type is dropped, told by path and why;
    # never stringified ("5", "True"), never a ReadError
    with pytest.warns(newsmodel.IgnoredContentWarning) as caught:
        article = newsmodel.read(
            json.dumps(ARTICLE | {"headline": value, "name": "Fallback title"}),
            format="jsonld",
            quotes=False,
        )
    assert article.headline == "Fallback title"
    assert [str(w.message) for w in caught] == [f"jsonld: values left out: $.headline ({why})"]


@pytest.mark.parametrize("value", ["", "   ", None, [], ["", "  "], {"@value": ""}])
def test_an_absent_or_blank_headline_is_no_warning(value: object) -> None:
    article, ignored = _ignored(ARTICLE | {"headline": value})
    assert article.headline is None
    assert ignored == []


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


# ---------------------------------------------------------------------------
# one policy: a value of the wrong type is left out, its path and why told


@pytest.mark.parametrize(
    ("fields", "ignored"),
    [
        ({"author": 5}, [("$.author", "expected a person, an organisation or a name, got number")]),
        (
            {"author": ["Ilse Brandt", None, [{"name": "Nested"}]]},
            [
                ("$.author[1]", "expected a person, an organisation or a name, got null"),
                ("$.author[2]", "expected a person, an organisation or a name, got array"),
            ],
        ),
        (
            {"author": {"name": 5, "url": ["https://example.test"]}},
            [("$.author.name", "expected text, got number")],
        ),
        (
            {"author": {"name": "Ilse Brandt", "url": 7, "jobTitle": True}},
            [
                ("$.author.url", "expected a URL, got number"),
                ("$.author.jobTitle", "expected text, got boolean"),
            ],
        ),
        ({"image": 5}, [("$.image", "expected an image object or a URL, got number")]),
        (
            {"image": {"url": "https://example.test/a.jpg", "width": True, "height": [1]}},
            [
                ("$.image.width", "expected a number, got boolean"),
                ("$.image.height", "expected a number, got array"),
            ],
        ),
        (
            {"image": {"url": 5, "caption": {"x": 1}}},
            [
                ("$.image.url", "expected text, got number"),
                ("$.image.caption", "expected text, got an object without a string @value or name"),
            ],
        ),
        ({"datePublished": 20240405}, [("$.datePublished", "expected text, got number")]),
        (
            {"dateModified": {"year": 2024}},
            [("$.dateModified", "expected text, got an object without a string @value or name")],
        ),
        ({"articleBody": ["<p>In an array</p>"]}, [("$.articleBody", "expected text, got array")]),
        ({"articleBody": 5}, [("$.articleBody", "expected text, got number")]),
        (
            {"keywords": ["ferries", 5, "wharf"], "articleSection": 7, "genre": False},
            [
                ("$.keywords[1]", "expected text, got number"),
                ("$.articleSection", "expected text, got number"),
                ("$.genre", "expected text, got boolean"),
            ],
        ),
        (
            {"about": [{"name": 5}]},
            [("$.about[0]", "expected text, got an object without a string @value or name")],
        ),
        (
            {"inLanguage": 5, "identifier": [1], "url": 3},
            [
                ("$.url", "expected text, got number"),
                ("$.identifier", "expected text, got an array without a string"),
                ("$.inLanguage", "expected text, got number"),
            ],
        ),
        (
            {"publisher": {"name": "Harbour Daily", "logo": 5, "url": False}},
            [
                ("$.publisher.logo", "expected text, got number"),
                ("$.publisher.url", "expected text, got boolean"),
            ],
        ),
        ({"publisher": 5}, [("$.publisher", "expected text, got number")]),
        (
            {"copyrightHolder": 5, "copyrightNotice": [2]},
            [
                ("$.copyrightNotice", "expected text, got an array without a string"),
                ("$.copyrightHolder", "expected text, got number"),
            ],
        ),
    ],
)
def test_every_value_of_the_wrong_type_is_left_out_and_told(
    fields: dict[str, object], ignored: list[tuple[str, str]]
) -> None:
    article, told = _ignored(ARTICLE | {"headline": "Kept"} | fields)
    assert sorted(told) == sorted(ignored)
    assert article.headline == "Kept"
    # what was told is what is missing: the same document without those values reads the same
    doc = copy.deepcopy(ARTICLE | {"headline": "Kept"} | fields)
    for path, _ in told:
        _blank(doc, path)
    assert article == _read(doc)


def _blank(doc: dict[str, Any], path: str) -> None:
    """Set the value at a simple JSON path (``$.author[1].name``) to null."""
    steps: list[str | int] = [
        key or int(index) for key, index in re.findall(r"\.(\w+)|\[(\d+)\]", path)
    ]
    parent: Any = doc
    for step in steps[:-1]:
        parent = parent[step]
    parent[steps[-1]] = None


def test_right_values_beside_wrong_ones_are_kept() -> None:
    article, told = _ignored(
        ARTICLE
        | {
            "headline": "Kept",
            "author": ["Ilse Brandt", 5],
            "keywords": ["ferries", 5],
            "image": [True, "https://example.test/a.jpg"],
        }
    )
    assert article.bylines == (m.Byline(name="Ilse Brandt"),)
    assert [t.name for t in article.topics] == ["ferries"]
    assert article.photos == (m.Photo(url="https://example.test/a.jpg"),)
    assert [path for path, _ in told] == ["$.author[1]", "$.image[0]", "$.keywords[1]"]


def test_paths_start_where_the_article_is_in_the_document() -> None:
    doc = {"@graph": [{"@type": "WebSite", "name": "S"}, ARTICLE | {"headline": 5, "name": "N"}]}
    _, told = _ignored(doc)
    assert told == [("$['@graph'][1].headline", "expected text, got number")]
    _, told = _ignored({"@type": "WebPage", "mainEntity": ARTICLE | {"author": 5}})
    assert [path for path, _ in told] == ["$.mainEntity.author"]


def test_a_referenced_value_of_the_wrong_type_is_told_at_the_reference() -> None:
    doc = {
        "@graph": [
            {"@type": "Person", "@id": "#ilse", "name": 5},
            ARTICLE | {"headline": "H", "author": {"@id": "#ilse"}},
        ]
    }
    article, told = _ignored(doc)
    assert article.bylines == ()
    assert told == [("$['@graph'][1].author.name", "expected text, got number")]


def test_an_id_of_the_wrong_type_is_no_crash() -> None:
    # an array as @id raised a bare TypeError (unhashable) in both readers before
    doc = ARTICLE | {"headline": "H", "author": {"@id": ["#x"]}}
    article, told = _ignored(doc)
    assert article.bylines == () and told == []
    page = (
        f'<html><head><script type="application/ld+json">{json.dumps(doc)}</script></head>'
        "<body><h1>H</h1><p>Placeholder words for a body.</p></body></html>"
    )
    assert newsmodel.read(page, format="html", quotes=False).bylines == ()


def test_values_that_are_absent_blank_or_of_the_right_type_are_not_told() -> None:
    # right type, nothing usable: silent as before (only the wrong JSON type is told)
    _, told = _ignored(
        ARTICLE
        | {
            "headline": "H",
            "author": [{"@type": "Person"}, {"@id": "#nobody"}, ""],
            "datePublished": "not a date",
            "dateModified": "1970-01-01T00:00:00Z",
            "inLanguage": "not a language!",
            "image": {"url": "javascript:alert(1)", "width": 640.5},
            "keywords": [],
            "about": None,
            "articleBody": "",
        }
    )
    assert told == []


def test_many_wrong_values_make_one_warning_listing_twenty() -> None:
    _, told = _ignored(ARTICLE | {"headline": "H", "keywords": list(range(30))})
    assert [path for path, _ in told][:2] == ["$.keywords[0]", "$.keywords[1]"]
    assert len(told) == 20
    with pytest.warns(newsmodel.IgnoredContentWarning, match=r"; and 10 more$"):
        newsmodel.read(
            json.dumps(ARTICLE | {"keywords": list(range(30))}), format="jsonld", quotes=False
        )


def test_web_pages_read_their_json_ld_without_telling() -> None:
    # the page's own markup is the first source; its JSON-LD fills in, silently
    script = json.dumps(ARTICLE | {"headline": 5, "author": 7, "name": "Ferries resume"})
    page = (
        f'<html><head><script type="application/ld+json">{script}</script></head>'
        "<body><article><h1>Ferries resume</h1><p>The ferries run again from the wharf "
        "after a week of storms kept them in port.</p></article></body></html>"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", newsmodel.IgnoredContentWarning)
        article = newsmodel.read(page, format="html", quotes=False)
    assert article.headline == "Ferries resume"
