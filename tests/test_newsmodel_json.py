"""Our own JSON: lossless round trips, schema, versions, strict errors with paths."""

from __future__ import annotations

import contextlib
import json
import warnings

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsmodel
from newsmodel import model as m
from newsmodel.io import newsmodel_json
from newsmodel.testing import articles
from tests.conftest import GOLDEN
from tests.expected import expected_article
from tests.mutation import mutated

VALIDATOR = jsonschema.Draft202012Validator(newsmodel_json.schema())


def test_schema_is_valid_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(newsmodel_json.schema())


@settings(max_examples=500)
@given(articles())
def test_round_trip_is_lossless(article: m.Article) -> None:
    text = newsmodel_json.write(article)
    VALIDATOR.validate(json.loads(text))
    assert newsmodel_json.read(text) == article
    assert newsmodel_json.read(text.encode("utf-8")) == article


@settings(max_examples=100)
@given(articles())
def test_offsets_are_written_as_given(article: m.Article) -> None:
    doc = json.loads(newsmodel_json.write(article))["article"]
    for name in ("published", "modified", "embargo"):
        value = getattr(article, name)
        if value is not None:
            assert doc[name] == value.isoformat()


def test_golden_file(update_golden: bool) -> None:
    golden = GOLDEN / "indaily.newsmodel.json"
    text = newsmodel_json.write(expected_article())
    if update_golden:
        golden.write_text(text, encoding="utf-8")
    assert golden.read_text(encoding="utf-8") == text
    assert newsmodel_json.read(golden.read_bytes()) == expected_article()
    VALIDATOR.validate(json.loads(text))


def test_day_is_written_as_a_day() -> None:
    doc = json.loads(newsmodel_json.write(expected_article()))
    assert doc["newsmodel"] == newsmodel_json.SCHEMA_VERSION
    assert doc["article"]["published"] == "2024-04-05"


@pytest.mark.parametrize(
    ("document", "where", "why"),
    [
        (
            '{"newsmodel": "1.0", "article": {"bylines": [{"name": "A", "kind": "robot"}]}}',
            "$.article.bylines[0].kind",
            "robot",
        ),
        ('{"newsmodel": "1.0", "article": {"nope": 1}}', "$.article", "unknown key(s): nope"),
        (
            '{"newsmodel": "1.0", "article": {"urgency": 12}}',
            "$.article",
            "urgency: 12 is outside 1–9",
        ),
        (
            '{"newsmodel": "1.0", "article": {"published": "5 April"}}',
            "$.article.published",
            "not YYYY-MM-DD",
        ),
        (
            '{"newsmodel": "1.0", "article": {"body": [{"type": "video"}]}}',
            "$.article.body[0]",
            "unknown block type 'video'",
        ),
        (
            '{"newsmodel": "1.0", "article": {"bylines": [{}]}}',
            "$.article.bylines[0].name",
            "required key is missing",
        ),
        ('{"newsmodel": "1.0", "article": []}', "$.article", "expected an object"),
        ('{"newsmodel": "1.0", "article": null}', "$.article", "expected an object"),
        (  # a missing required key is no value of the wrong type: still refused
            '{"newsmodel": "1.0", "article": {"bylines": [{"role": "editor"}]}}',
            "$.article.bylines[0].name",
            "required key is missing",
        ),
        (  # a value the model refuses is no value of the wrong type either
            '{"newsmodel": "1.0", "article": {"headline": "   "}}',
            "$.article",
            "headline",
        ),
        (  # beside a value of the wrong type, another problem is what the error names
            '{"newsmodel": "1.0", "article": {"headline": 5, "published": "5 April"}}',
            "$.article.published",
            "not YYYY-MM-DD",
        ),
        ('{"newsmodel": "1.0"}', "$", "'article' key is missing"),
        ('{"newsmodel": "1.0", "article": {}, "x": 1}', "$", "unknown key(s): x"),
        ('{"nope": 1}', "$", "schema version key 'newsmodel' is missing"),
        ("[1, 2]", "$", "expected a JSON object"),
        (
            '{"newsmodel": "1.0", "article": {"headline": "a", "headline": "b"}}',
            None,
            "duplicate key",
        ),
        ('{"newsmodel": "1.0", "article": {"urgency": NaN}}', None, "NaN"),
        ('{"newsmodel": "1.0", "article": {', "line 1, column 34", "not valid JSON"),
    ],
)
def test_bad_documents_name_path_and_reason(document: str, where: str | None, why: str) -> None:
    with pytest.raises(newsmodel.ReadError) as info:
        newsmodel_json.read(document)
    assert why in str(info.value)
    if where is not None:
        assert info.value.where == where
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize("version", ["2.0", "1.9999", "0.9", "1", 1.0, None])
def test_incompatible_versions_are_refused_naming_both(version: object) -> None:
    doc = json.dumps({"newsmodel": version, "article": {}})
    with pytest.raises(newsmodel.SchemaVersionError) as info:
        newsmodel_json.read(doc)
    assert repr(version) in str(info.value) or str(version) in str(info.value)
    if isinstance(version, str) and "." in version:
        assert newsmodel_json.SCHEMA_VERSION in str(info.value)


def test_older_minor_versions_are_read() -> None:
    assert newsmodel_json.read('{"newsmodel": "1.0", "article": {"headline": "H"}}').headline == "H"


def test_deep_nesting_and_huge_input_are_refused() -> None:
    deep = '{"newsmodel": "1.0", "article": ' + "[" * 100_000 + "]" * 100_000 + "}"
    with pytest.raises(newsmodel.InputTooLargeError):
        newsmodel_json.read(deep)
    with pytest.raises(newsmodel.InputTooLargeError):
        newsmodel_json.read(b"{" + b" " * 2000, max_bytes=1000)


def test_deep_but_allowed_blockquotes_round_trip() -> None:
    block: m.Block = m.Paragraph(content=["core"])
    for _ in range(40):
        block = m.BlockQuote(blocks=[block])
    article = m.Article(body=[block])
    assert newsmodel_json.read(newsmodel_json.write(article)) == article


def test_huge_numbers_and_non_utf8() -> None:
    with pytest.raises(newsmodel.ReadError):
        newsmodel_json.read('{"newsmodel": "1.0", "article": {"urgency": ' + "9" * 5000 + "}}")
    with pytest.warns(newsmodel.IgnoredContentWarning, match=r"urgency \(expected an integer"):
        article = newsmodel_json.read('{"newsmodel": "1.0", "article": {"urgency": 1e999}}')
    assert article.urgency is None
    with pytest.raises(newsmodel.ReadError, match="not valid utf-8"):
        newsmodel_json.read(b'{"newsmodel": "1.0", "article": {"headline": "\xff"}}')


@settings(max_examples=300)
@given(st.binary(max_size=300) | st.text(max_size=300))
def test_random_input_raises_only_our_errors(data: bytes | str) -> None:
    with contextlib.suppress(newsmodel.NewsmodelError):
        newsmodel_json.read(data)


def _mutations() -> st.SearchStrategy[bytes]:
    golden = newsmodel_json.write(expected_article()).encode("utf-8")
    junk = [b'"', b"{", b"}", b"[", b"]", b",", b":", b"1", b"null", b"true", b"-", b"\\"]
    return mutated(
        [golden], [*junk, "\u00e9".encode(), b'""', b"1e400", b"[[[["], edits=4, max_delete=20
    )


@settings(max_examples=300)
@given(_mutations())
def test_mutated_documents_raise_only_our_errors(data: bytes) -> None:
    try:
        article = newsmodel_json.read(data)
    except newsmodel.NewsmodelError:
        return
    assert isinstance(article, m.Article)


@settings(max_examples=200)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=5),
        lambda c: (
            st.lists(c, max_size=3)
            | st.dictionaries(
                st.sampled_from(
                    [
                        "headline",
                        "body",
                        "type",
                        "content",
                        "bylines",
                        "name",
                        "kind",
                        "photo",
                        "items",
                        "published",
                        "x",
                    ]
                ),
                c,
                max_size=4,
            )
        ),
        max_leaves=20,
    )
)
def test_wrong_types_raise_only_our_errors(value: object) -> None:
    doc = json.dumps({"newsmodel": "1.0", "article": value})
    with contextlib.suppress(newsmodel.NewsmodelError), warnings.catch_warnings():
        warnings.simplefilter("ignore", newsmodel.IgnoredContentWarning)
        assert isinstance(newsmodel_json.read(doc), m.Article)


# ---------------------------------------------------------------------------
# the library's one policy: a value of the wrong JSON type is left out, told


def _read_told(article: object) -> tuple[m.Article, list[str]]:
    """The article, and the messages of the IgnoredContentWarnings reading it gave."""
    doc = json.dumps({"newsmodel": "1.0", "article": article})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        read = newsmodel_json.read(doc)
    return read, [str(w.message) for w in caught if w.category is newsmodel.IgnoredContentWarning]


@pytest.mark.parametrize(
    ("article", "expected", "told"),
    [
        (
            {"headline": 5, "summary": "Kept"},
            m.Article(summary="Kept"),
            "$.article.headline (expected a string, got number)",
        ),
        (
            {"urgency": True, "headline": "H"},
            m.Article(headline="H"),
            "$.article.urgency (expected an integer, got boolean)",
        ),
        (
            {"urgency": 2.5, "headline": "H"},
            m.Article(headline="H"),
            "$.article.urgency (expected an integer, got number)",
        ),
        (
            {"bylines": "Jane", "headline": "H"},
            m.Article(headline="H"),
            "$.article.bylines (expected an array, got string)",
        ),
        (
            {"published": 20240405, "headline": "H"},
            m.Article(headline="H"),
            "$.article.published (expected a date string, got number)",
        ),
        (
            {"body": [{"type": "paragraph", "content": [7, "Kept text"]}]},
            m.Article(body=(m.Paragraph(content=("Kept text",)),)),
            "$.article.body[0].content[0] (expected inline as a string or an object, got number)",
        ),
        (  # a byline cannot do without its name: the byline goes too, and is named
            {"bylines": [{"name": "Ilse Brandt"}, {"name": 5}, {"name": "Mira Castell"}]},
            m.Article(bylines=(m.Byline(name="Ilse Brandt"), m.Byline(name="Mira Castell"))),
            "$.article.bylines[1].name (expected a string, got number); "
            "$.article.bylines[1] (needs name, left out)",
        ),
        (  # indices are the input's, after earlier items went
            {"bylines": [{"name": 1}, {"name": "Kept"}, {"name": "Also", "kind": 3}]},
            m.Article(bylines=(m.Byline(name="Kept"), m.Byline(name="Also"))),
            "$.article.bylines[0].name, $.article.bylines[2].kind (expected a string, got number)"
            "; $.article.bylines[0] (needs name, left out)",
        ),
        (  # an optional object goes with its required text
            {"headline": "H", "dateline": {"text": ["x"], "location": "Port Ellen"}},
            m.Article(headline="H"),
            "$.article.dateline.text (expected a string, got array); "
            "$.article.dateline (needs text, left out)",
        ),
    ],
)
def test_a_value_of_the_wrong_type_is_left_out_with_its_path(
    article: dict[str, object], expected: m.Article, told: str
) -> None:
    read, messages = _read_told(article)
    assert read == expected
    assert messages == [f"newsmodel: values left out: {told}"]


def test_a_well_typed_document_tells_nothing() -> None:
    read, messages = _read_told(json.loads(newsmodel_json.write(expected_article()))["article"])
    assert read == expected_article()
    assert messages == []
