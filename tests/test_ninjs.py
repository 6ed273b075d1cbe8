"""ninjs 1.x, 2.x, 3.x: IPTC examples, schema-valid output, losses, bad input."""

from __future__ import annotations

import contextlib
import datetime
import json
import warnings

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsmodel
from newsmodel import model as m
from newsmodel.catalog import Catalog
from newsmodel.io import ninjs
from newsmodel.io.ninjs.v1 import RULES, Rule, from_v1, to_v1
from newsmodel.losses import changed_paths
from newsmodel.testing import articles
from tests.conftest import GOLDEN
from tests.expected import expected_unquoted
from tests.schemas import NINJS, assert_ninjs_valid, ninjs_validator
from tests.test_losses import covered

EXAMPLES = sorted(NINJS.glob("examples/*/*.json"))
SHOULD_FAIL = sorted(NINJS.glob("examples/*/should_fail/*.json"))


def _quiet_write(article: m.Article, version: str) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", newsmodel.LossyConversionWarning)
        return ninjs.write(article, version=version)


@pytest.mark.parametrize("version", ninjs.VERSIONS)
def test_golden_indaily(version: str, update_golden: bool) -> None:
    golden = GOLDEN / f"indaily.ninjs-{version}.json"
    with pytest.warns(newsmodel.LossyConversionWarning, match="published") as record:
        text = ninjs.write(expected_unquoted(), version=version)
    assert record[0].message.fields == ("published", "modified")  # type: ignore[union-attr]
    if update_golden:
        golden.write_text(text, encoding="utf-8")
    assert golden.read_text(encoding="utf-8") == text
    # the InDaily article survives with every field ninjs can carry
    back = ninjs.read(golden.read_bytes())
    assert back == attrs.evolve(expected_unquoted(), published=None, modified=None)
    assert_ninjs_valid(text, version)


def test_indaily_keeps_what_matters_in_3_1() -> None:
    doc = json.loads((GOLDEN / "indaily.ninjs-3.1.json").read_text("utf-8"))
    assert doc["headlines"][0] == {
        "role": "main",
        "contentType": "text/plain",
        "value": "Russia in ‘direct confrontation’ with NATO",
    }
    assert doc["by"] == "AAP"
    assert doc["associations"][0]["descriptions"][1]["value"] == "AP"
    assert [s["name"] for s in doc["subjects"]] == ["NATO", "russia"]
    assert doc["bodies"][0]["value"].count("<p>") == 22


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_iptc_examples_read_and_round_trip(path: object) -> None:
    article = ninjs.read(path.read_bytes())  # type: ignore[attr-defined]
    for version in ninjs.VERSIONS:
        text = _quiet_write(article, version)
        assert_ninjs_valid(text, version)
        again = ninjs.read(text)
        assert ninjs.read(_quiet_write(again, version)) == again
    text = _quiet_write(article, "3.1")
    assert ninjs.read(text) == _without_ninjs_gaps(article)


def _without_ninjs_gaps(article: m.Article) -> m.Article:
    """What 3.1 cannot say: days and zoneless times (the examples have neither)."""

    def keep(value: m.DateValue | None) -> m.DateValue | None:
        if isinstance(value, datetime.datetime) and value.utcoffset() is not None:
            return value
        return None

    return attrs.evolve(
        article,
        published=keep(article.published),
        modified=keep(article.modified),
        embargo=keep(article.embargo),
    )


def test_examples_are_present() -> None:
    assert len(EXAMPLES) >= 29
    assert len(SHOULD_FAIL) >= 9


#: What each IPTC should-fail example must give. ``dropped``: the value at the JSON
#: path given is of the wrong type, so the reader drops it with an
#: IgnoredContentWarning naming that path (and the test checks that the value is gone
#: from the article). ``lenient``: the example is invalid only in a part the reader does not
#: carry (events, planned coverage, extra properties, GeoJSON, digital source type);
#: the reader reads the rest, and the test then checks that the input fails the
#: schema at the path given, that the named part is dropped, and that the article
#: written back is schema-valid in every version.
SHOULD_FAIL_OUTCOMES: dict[str, tuple[str, str, str, str]] = {
    # name: (outcome, where it is invalid, why, what is dropped (lenient) or the message)
    "suite30_001_bad_geojson.json": ("lenient", "places/0", "'geojson' was unexpected", "geojson"),
    "suite30_001_bad_toplevel.json": ("lenient", "", "'random' was unexpected", "random"),
    "suite30_002_bad_association.json": (
        "lenient",
        "associations/0",
        "'name' is a required property",
        "i_can_put_anything",
    ),
    "suite30_003_event_with_conflicting_start.json": (
        "lenient",
        "eventDetails/dates",
        "is not valid under any of the given schemas",
        "expectedStartDate",
    ),
    "suite30_004_event_with_renditions.json": (
        "lenient",
        "eventDetails/dates",
        "is not valid under any of the given schemas",
        "expectedStartDate",
    ),
    "suite30_004_invalid_truncated_date.json": (
        "lenient",
        "eventDetails/dates/expectedStartDate",
        "'February 29th 2024' does not match",
        "February 29th",
    ),
    "suite30_005_planned_coverage_bad_urgency.json": (
        "lenient",
        "plannedCoverage/0/urgency",
        "11 is greater than the maximum of 9",
        "plannedCoverage",
    ),
    "suite30_006_bad_urgency.json": (
        "dropped",
        "urgency",
        "0.1 is not of type 'integer'",
        "$.urgency",
    ),
    "suite31_001_bad_digital_source.json": (
        "lenient",
        "digitalSourceType",
        "'bad' is not of type 'object'",
        "digitalSourceType",
    ),
}


def test_every_should_fail_example_has_a_decided_outcome() -> None:
    assert sorted(p.name for p in SHOULD_FAIL) == sorted(SHOULD_FAIL_OUTCOMES)


@pytest.mark.parametrize("name", sorted(SHOULD_FAIL_OUTCOMES))
def test_should_fail_examples_fail(name: str) -> None:
    path = next(p for p in SHOULD_FAIL if p.name == name)
    outcome, where, why, detail = SHOULD_FAIL_OUTCOMES[name]
    data = path.read_bytes()
    # the example is invalid where IPTC says it is
    problems = [
        ("/".join(str(k) for k in e.absolute_path), e.message)
        for e in ninjs_validator("3.1").iter_errors(json.loads(data))
    ]
    assert any(at == where and why in message for at, message in problems), problems
    if outcome == "dropped":
        with pytest.warns(newsmodel.IgnoredContentWarning) as record:
            article = ninjs.read(data)
        assert f"{detail} (expected a whole number, got 0.1)" in str(record[0].message)
        assert article.urgency is None and article.id is not None
        return
    article = ninjs.read(data)
    for version in ninjs.VERSIONS:
        text = _quiet_write(article, version)
        assert_ninjs_valid(text, version)
        assert detail not in text


def test_versions_are_detected() -> None:
    v1 = '{"uri": "urn:x:1", "headline": "H1", "byline": "Jane Doe", "body_text": "One.\\n\\nTwo."}'
    v2 = '{"uri": "urn:x:2", "versioncreated": "2024-04-05T10:00:00+10:30", "headlines": [{"value": "H2"}]}'
    v3 = '{"uri": "urn:x:3", "versionCreated": "2024-04-05T10:00:00Z", "headlines": [{"role": "main", "value": "H3"}]}'
    a1, a2, a3 = ninjs.read(v1), ninjs.read(v2), ninjs.read(v3)
    assert (a1.headline, a2.headline, a3.headline) == ("H1", "H2", "H3")
    assert a1.text == "One.\n\nTwo." and a1.bylines == (m.Byline(name="Jane Doe"),)
    assert a2.modified == datetime.datetime(
        2024, 4, 5, 10, tzinfo=datetime.timezone(datetime.timedelta(hours=10, minutes=30))
    )
    assert ninjs.detect_version(json.loads(v1)) == "1"
    assert ninjs.detect_version(json.loads(v2)) == "2"
    assert ninjs.detect_version(json.loads(v3)) == "3"


def test_topics_keep_uri_and_qcode_and_kind() -> None:
    doc = {
        "uri": "urn:x:t",
        "subjects": [
            {
                "name": "politics",
                "uri": "http://cv.iptc.org/newscodes/mediatopic/11000000",
                "relevance": 90,
            },
            {"name": "tag", "rel": "keyword"},
            {"name": "code only", "literal": "acme:42"},
        ],
        "people": [{"name": "Dmitry Peskov", "uri": "http://www.wikidata.org/entity/Q312807"}],
        "places": [{"name": "Finland"}],
    }
    article = ninjs.read(json.dumps(doc))
    assert article.topics[0] == m.Topic(
        name="politics",
        kind=m.TopicKind.SUBJECT,
        qcode="medtop:11000000",
        uri="http://cv.iptc.org/newscodes/mediatopic/11000000",
        relevance=90,
    )
    assert article.topics[1].kind is m.TopicKind.KEYWORD
    assert article.topics[2].qcode == "acme:42" and article.topics[2].uri is None
    assert (
        article.topics[3].kind is m.TopicKind.PERSON
        and article.topics[3].qcode == "wikidata:Q312807"
    )
    assert article.topics[4].kind is m.TopicKind.PLACE
    again = ninjs.read(_quiet_write(article, "3.1"))
    assert again.topics == article.topics


def test_losses_are_reported_and_strict_raises() -> None:
    article = m.Article(
        headline="H",
        quotes=[m.Quote(text="q")],
        dateline=m.Dateline(text="HELSINKI, April 5", location="Helsinki"),
        published=datetime.datetime(2024, 4, 5, 10, 0),
    )
    with pytest.warns(newsmodel.LossyConversionWarning) as record:
        ninjs.write(article)
    fields = record[0].message.fields  # type: ignore[union-attr]
    assert "quotes" in fields and "dateline" in fields
    assert any(f.startswith("published") for f in fields)
    with pytest.raises(newsmodel.LossyConversionError):
        ninjs.write(article, strict=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ninjs.write(m.Article(headline="nothing lost", id="urn:x:1"))


def test_unknown_version_is_refused() -> None:
    with pytest.raises(newsmodel.WriteError, match=r"choose 3\.1, 2\.2, 1\.6"):
        ninjs.write(m.Article(), version="4.0")
    with pytest.raises(newsmodel.ReadError, match="unknown ninjs version"):
        ninjs.read('{"uri": "urn:x"}', version="9")


@pytest.mark.parametrize(
    ("doc", "where", "why"),
    [
        ('{"headlines": []}', "$", "needs a 'uri'"),
        ("[]", "$", "no ninjs item in the array"),
        ('"uri"', "$", "expected a JSON object or array, got string"),
    ],
)
def test_what_is_no_ninjs_document_is_a_read_error(doc: str, where: str, why: str) -> None:
    with pytest.raises(newsmodel.ReadError) as info:
        ninjs.read(doc)
    assert info.value.where == where
    assert why in str(info.value)


#: Values a ninjs reader cannot use: (the document's members, the path, why, the field
#: that stays empty). The document also has a headline, which must survive.
BAD_VALUES = [
    ('"urgency": "high"', "$.urgency", "expected a number, got string", "urgency"),
    ('"urgency": 12', "$.urgency", "12 is outside 1–9", "urgency"),
    ('"urgency": 2.5', "$.urgency", "expected a whole number, got 2.5", "urgency"),
    ('"urgency": true', "$.urgency", "expected a number, got boolean", "urgency"),
    ('"subjects": "ferries"', "$.subjects", "expected an array, got string", "topics"),
    ('"subjects": [1]', "$.subjects[0]", "expected an object, got number", "topics"),
    ('"subjects": [{"name": 7}]', "$.subjects[0].name", "expected a string, got number", "topics"),
    ('"slugline": ["ferry"]', "$.slugline", "expected a string, got array", "slugline"),
    ('"versionCreated": "yesterday"', "$.versioncreated", "'yesterday' is not a date", "modified"),
    (
        '"language": "english please"',
        "$.language",
        "'english please' is not a BCP 47 language tag",
        "language",
    ),
    (
        '"pubStatus": "maybe"',
        "$.pubstatus",
        "'maybe' is not usable, withheld or canceled",
        "status",
    ),
    ('"by": {"name": "Jo Roe"}', "$.by", "expected a string, got object", "bylines"),
    ('"version": 3', "$.version", "expected a string, got number", "version"),
]


@pytest.mark.parametrize(("members", "where", "why", "field"), BAD_VALUES)
def test_a_value_of_the_wrong_type_is_dropped_with_its_path(
    members: str, where: str, why: str, field: str
) -> None:
    doc = '{"uri": "urn:x:1", "headlines": [{"role": "main", "value": "Ferries resume"}], '
    with pytest.warns(newsmodel.IgnoredContentWarning) as record:
        article = ninjs.read(doc + members + "}")
    assert len(record) == 1
    assert str(record[0].message) == f"ninjs: values left out: {where} ({why})"
    assert getattr(article, field) in (None, ())
    assert article.headline == "Ferries resume" and article.id == "urn:x:1"


def test_a_1_6_headline_that_is_no_string_is_dropped() -> None:
    doc = '{"uri": "urn:x:1", "headline": 5, "byline": "Jo Roe", "body_text": "It sails."}'
    with pytest.warns(newsmodel.IgnoredContentWarning, match=r"headlines\[0\]\.value"):
        article = ninjs.read(doc)
    assert article.headline is None
    assert article.bylines == (m.Byline(name="Jo Roe"),) and article.text == "It sails."


def test_every_dropped_value_is_in_one_warning() -> None:
    items = ", ".join(["5"] * 25)
    doc = f'{{"uri": "u", "subjects": [{{"name": 1}}], "people": [{items}], "urgency": "9"}}'
    with pytest.warns(newsmodel.IgnoredContentWarning) as record:
        ninjs.read(doc)
    assert len(record) == 1
    message = str(record[0].message)
    # 27 values dropped: the first 20 are named, in the order read, the rest counted
    assert message.startswith("ninjs: values left out: $.subjects[0].name (expected a ")
    assert "$.people[18] (expected an object, got number)" in message
    assert "$.people[19]" not in message and "urgency" not in message
    assert message.endswith("; and 7 more")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a good document warns of nothing
        ninjs.read((GOLDEN / "indaily.ninjs-3.1.json").read_bytes())


def test_huge_and_deep_documents() -> None:
    with pytest.raises(newsmodel.InputTooLargeError):
        ninjs.read('{"uri": "u", "x": ' + "[" * 5000 + "]" * 5000 + "}")
    with pytest.raises(newsmodel.InputTooLargeError):
        ninjs.read(b'{"uri": "u"}' + b" " * 100, max_bytes=50)


@settings(max_examples=150)
@given(articles(max_blocks=4), st.sampled_from(ninjs.VERSIONS))
def test_every_written_document_is_valid(article: m.Article, version: str) -> None:
    text = _quiet_write(article, version)
    assert_ninjs_valid(text, version)
    back = ninjs.read(text)
    # a second trip changes nothing the writer does not declare (the one `by` line
    # is not always read back as written: "A, AA" reads as the person "AA A")
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always", newsmodel.LossyConversionWarning)
        again = ninjs.read(ninjs.write(back, version=version))
    declared = tuple(f for w in record for f in getattr(w.message, "fields", ()))
    changed = changed_paths(back, again)
    assert [p for p in changed if not covered(p, declared)] == []


def test_a_byline_line_read_back_otherwise_is_declared() -> None:
    # a person with an affiliation and that organisation: the line "A, AA" reads
    # back as one person, "AA A" ("Doe, Jane"), and the writer says so
    back = m.Article(
        id="urn:x:1",
        bylines=(
            m.Byline(name="A", affiliation="AA"),
            m.Byline(name="AA", kind=m.BylineKind.ORGANISATION),
        ),
    )
    with pytest.warns(newsmodel.LossyConversionWarning) as record:
        text = ninjs.write(back)
    assert json.loads(text)["by"] == "A, AA"
    assert record[0].message.fields == ("bylines",)  # type: ignore[union-attr]
    assert ninjs.read(text).bylines == (m.Byline(name="AA A"),)


@settings(max_examples=150)
@given(articles(max_blocks=4))
def test_carried_fields_survive_3_1(article: m.Article) -> None:
    back = ninjs.read(_quiet_write(article, "3.1"))
    assert back.headline == article.headline
    assert back.summary == article.summary
    assert back.status == article.status and back.urgency == article.urgency
    assert back.language == article.language and back.slugline == article.slugline
    assert back.alt_ids == article.alt_ids


@settings(max_examples=200)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
        lambda c: (
            st.lists(c, max_size=3)
            | st.dictionaries(
                st.sampled_from(
                    [
                        "uri",
                        "type",
                        "headlines",
                        "bodies",
                        "value",
                        "role",
                        "subjects",
                        "name",
                        "associations",
                        "renditions",
                        "href",
                        "urgency",
                        "by",
                        "versionCreated",
                        "altIds",
                        "headline",
                        "body_html",
                    ]
                ),
                c,
                max_size=5,
            )
        ),
        max_leaves=25,
    )
)
def test_random_documents_raise_only_our_errors(value: object) -> None:
    doc = {"uri": "urn:x"} | value if isinstance(value, dict) else value
    with warnings.catch_warnings(), contextlib.suppress(newsmodel.NewsmodelError):
        warnings.simplefilter("ignore", newsmodel.IgnoredContentWarning)
        ninjs.read(json.dumps(doc))


def test_a_minimal_1_6_document_is_read_as_1_x() -> None:
    # found by Hypothesis: a 1.6 document holding only its publisher was read as 3.x
    doc = '{"uri": "u", "type": "text", "infosource": [{"name": "0", "rel": "publisher"}]}'
    assert ninjs.read(doc).publisher == m.Publisher(name="0")
    doc = '{"uri": "u", "type": "text", "genre": [{"name": "Analysis"}]}'
    assert ninjs.detect_version(json.loads(doc)) == "1"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.v1)
def test_each_1_6_rule_maps_its_example_both_ways(rule: Rule) -> None:
    v1, common = rule.example
    assert from_v1(v1) == common
    assert to_v1(common, Catalog()) == v1
    # and the whole document reads as its common shape does
    assert ninjs.read(json.dumps({"uri": "urn:x:1", **v1}), version="1") == ninjs.read(
        json.dumps({"uri": "urn:x:1", **common}), version="2"
    )


def test_1_6_keys_no_rule_names_are_the_same_in_both_shapes() -> None:
    doc = {"uri": "urn:x:1", "type": "text", "slugline": "ferry", "urgency": 3}
    assert from_v1(doc) == doc and to_v1(doc, Catalog()) == doc
    # a 1.6 headline comes first among the headlines, whatever the key order
    assert from_v1({"headline_sub": "S", "headline": "H"})["headlines"] == [
        {"role": "main", "value": "H"},
        {"role": "sub", "value": "S"},
    ]


@pytest.mark.parametrize(
    "identifier",
    ["urn:newsmodel:id:", "urn:newsmodel:id:x%20y", "urn:newsmodel:generated:ab12", "story 42"],
)
@pytest.mark.parametrize("fmt", ["ninjs", "atom"])
def test_an_id_that_looks_like_a_wrapped_one_comes_back_as_it_was(
    identifier: str, fmt: str
) -> None:
    article = m.Article(id=identifier, headline="Tides turn", url="https://plover.example/t")
    text = newsmodel.write(article, fmt) if fmt == "ninjs" else newsmodel.write_many([article], fmt)
    (back,) = newsmodel.read_many(text, fmt, quotes=False)
    assert back.id == identifier
