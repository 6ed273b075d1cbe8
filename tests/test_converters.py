"""The cattrs rules: every model type out and back, strict types, JSON paths in errors."""

from __future__ import annotations

import datetime
import json
from typing import Any

import cattrs
import pytest

from newsmodel import model as m
from newsmodel.converters import (
    BLOCK_TAGS,
    INLINE_TAGS,
    configure_converter,
    describe_error,
    json_type,
    make_converter,
    parse_date_value,
)

CONVERTER = make_converter()
#: What structuring raises: cattrs' grouped errors, or a plain one for a wrong root value.
_STRUCTURE_ERRORS = (cattrs.BaseValidationError, TypeError, ValueError)
PLUS_TEN_THIRTY = datetime.timezone(datetime.timedelta(hours=10, minutes=30))

PHOTO = m.Photo(
    url="https://example.test/ferry.jpg",
    caption="The morning ferry leaves the wharf.",
    credit="Harbour Trust",
    alt="A ferry",
    photographer="Mira Castell",
    width=1200,
    height=800,
    renditions=(
        m.Rendition(
            url="https://example.test/ferry-small.jpg",
            name="thumb",
            media_type="image/jpeg",
            width=120,
            height=80,
            size=4096,
        ),
    ),
    id="photo-1",
)

#: One instance of every model class, each with its fields set.
SAMPLES: list[Any] = [
    m.Link(content=("the timetable",), url="https://example.test/t", title="Timetable"),
    m.Emphasis(content=("soon",)),
    m.Strong(content=("now",)),
    m.InlineQuote(content=("we sail at six",), cite="https://example.test/q"),
    m.LineBreak(),
    m.Rendition(url="https://example.test/r.jpg", name="r", media_type="image/jpeg", size=0),
    PHOTO,
    m.Byline(
        name="Ilse Brandt",
        kind=m.BylineKind.PERSON,
        role="transport reporter",
        affiliation="Harbour Daily",
        url="https://example.test/ilse",
    ),
    m.Topic(
        name="Ferries",
        kind=m.TopicKind.SUBJECT,
        qcode="medtop:20000764",
        uri="http://cv.iptc.org/newscodes/mediatopic/20000764",
        scheme="medtop",
        relevance=80,
        confidence=60,
    ),
    m.Quote(
        text="We sail at six.",
        speaker="Ilse Brandt",
        mention="the skipper",
        speaker_role="skipper",
        verb="said",
        kind=m.QuoteKind.DIRECT,
        part=m.QuotePart.BODY,
        block=0,
        start=1,
        end=15,
    ),
    m.Publisher(
        name="Harbour Daily", url="https://example.test/", logo="https://example.test/l.png"
    ),
    m.Rights(notice="© Harbour Daily", holder="Harbour Daily", usage_terms="News use only"),
    m.Dateline(text="PORT ELLEN, April 5", location="Port Ellen"),
    m.AltId(value="HD-2024-0405-1", type="internal"),
    m.RelatedLink(
        url="https://example.test/older", rel="see-also", title="Earlier", media_type="text/html"
    ),
    m.Paragraph(content=("Ferries ", m.Emphasis(content=("resume",)), " today.", m.LineBreak())),
    m.Heading(content=("Timetable",), level=3),
    m.BlockQuote(
        blocks=(m.Paragraph(content=("Back on the water.",)),),
        cite="https://example.test/c",
        attribution=("the skipper",),
    ),
    m.ListBlock(
        items=((m.Paragraph(content=("six",)),), (m.Paragraph(content=("nine",)),)), ordered=True
    ),
    m.Figure(photo=PHOTO),
    m.TableCell(content=("Departs",), header=True, colspan=2, rowspan=3),
    m.TableRow(cells=(m.TableCell(content=("6:00",)),)),
    m.Table(rows=(m.TableRow(cells=(m.TableCell(content=("6:00",)),)),), caption=("Sailings",)),
    m.RawEmbed(format="html", content="<iframe></iframe>", url="https://example.test/e"),
]


@pytest.mark.parametrize("value", SAMPLES, ids=lambda v: type(v).__name__)
def test_every_model_type_goes_out_and_back(value: Any) -> None:
    data = CONVERTER.unstructure(value)
    assert json.loads(json.dumps(data)) == data  # JSON-ready as it is
    assert CONVERTER.structure(data, type(value)) == value


def test_samples_cover_every_model_class() -> None:
    classes = {
        getattr(m, name)
        for name in m.__all__
        if isinstance(getattr(m, name), type) and hasattr(getattr(m, name), "__attrs_attrs__")
    }
    assert classes - {m.Article} == {type(v) for v in SAMPLES}


def test_a_full_article_goes_out_and_back() -> None:
    article = m.Article(
        id="urn:test:1",
        url="https://example.test/ferries",
        headline="Ferries resume",
        subheadline="After the storm",
        summary="Services are back.",
        body=tuple(v for v in SAMPLES if type(v) in BLOCK_TAGS),
        bylines=(m.Byline(name="Harbour Wire", kind=m.BylineKind.ORGANISATION),),
        photos=(PHOTO,),
        topics=(m.Topic(name="wharf", kind=m.TopicKind.KEYWORD),),
        quotes=(m.Quote(text="We sail at six."),),
        published=datetime.date(2024, 4, 5),
        modified=datetime.datetime(2024, 4, 5, 9, 30, tzinfo=PLUS_TEN_THIRTY),
        language="en-AU",
        publisher=m.Publisher(name="Harbour Daily"),
        dateline=m.Dateline(text="PORT ELLEN"),
        rights=m.Rights(holder="Harbour Daily"),
        creditline="Harbour Wire",
        version=2,
        status=m.PubStatus.WITHHELD,
        urgency=3,
        embargo=datetime.datetime(2024, 4, 5, 6, 0),
        slugline="FERRIES",
        ed_note="Check times",
        genres=(m.Topic(name="Current", kind=m.TopicKind.GENRE),),
        alt_ids=(m.AltId(value="x-1"),),
        links=(m.RelatedLink(url="https://example.test/older"),),
    )
    data = CONVERTER.unstructure(article)
    assert CONVERTER.structure(json.loads(json.dumps(data)), m.Article) == article


def test_tags_name_inline_and_block_nodes() -> None:
    paragraph = m.Paragraph(
        content=("a", m.Link(content=("b",), url="https://example.test/"), m.LineBreak())
    )
    assert CONVERTER.unstructure(paragraph) == {
        "type": "paragraph",
        "content": [
            "a",
            {"type": "link", "url": "https://example.test/", "content": ["b"]},
            {"type": "br"},
        ],
    }
    assert set(INLINE_TAGS.values()) == {"link", "em", "strong", "q", "br"}
    assert set(BLOCK_TAGS.values()) == {
        "paragraph", "heading", "blockquote", "list", "figure", "table", "embed"
    }  # fmt: skip


def test_defaults_are_left_out() -> None:
    assert CONVERTER.unstructure(m.Article()) == {}
    assert CONVERTER.unstructure(m.Byline(name="Ilse Brandt")) == {"name": "Ilse Brandt"}
    assert CONVERTER.unstructure(m.Heading(content=("H",))) == {"type": "heading", "content": ["H"]}


def test_enums_are_written_as_their_values() -> None:
    data = CONVERTER.unstructure(m.Byline(name="Harbour Wire", kind=m.BylineKind.ORGANISATION))
    assert json.dumps(data) == '{"name": "Harbour Wire", "kind": "organisation"}'
    byline = CONVERTER.structure({"name": "Harbour Wire", "kind": "organisation"}, m.Byline)
    assert byline.kind is m.BylineKind.ORGANISATION
    assert CONVERTER.structure({"status": "canceled"}, m.Article).status is m.PubStatus.CANCELED


# ---------------------------------------------------------------------------
# dates


def test_a_day_stays_a_day() -> None:
    article = CONVERTER.structure({"published": "2024-04-05"}, m.Article)
    assert type(article.published) is datetime.date
    assert CONVERTER.unstructure(article) == {"published": "2024-04-05"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2024-04-05", datetime.date(2024, 4, 5)),
        ("2024-04-05T00:00", datetime.datetime(2024, 4, 5)),  # midnight, a time: not a day
        ("2024-04-05T09:30:15", datetime.datetime(2024, 4, 5, 9, 30, 15)),
        ("2024-04-05T09:30:15.25", datetime.datetime(2024, 4, 5, 9, 30, 15, 250000)),
        ("2024-04-05T09:30Z", datetime.datetime(2024, 4, 5, 9, 30, tzinfo=datetime.timezone.utc)),
        ("2024-04-05T09:30+10:30", datetime.datetime(2024, 4, 5, 9, 30, tzinfo=PLUS_TEN_THIRTY)),
    ],
)
def test_dates_read_as_written(text: str, value: datetime.date) -> None:
    parsed = parse_date_value(text)
    assert type(parsed) is type(value)
    assert parsed.isoformat() == value.isoformat()  # the same value and the same offset


def test_offsets_are_written_as_given() -> None:
    when = datetime.datetime(
        2024, 4, 5, 23, 30, tzinfo=datetime.timezone(-datetime.timedelta(hours=5))
    )
    assert CONVERTER.unstructure(m.Article(modified=when)) == {
        "modified": "2024-04-05T23:30:00-05:00"
    }
    assert CONVERTER.unstructure(m.Article(embargo=datetime.datetime(2024, 4, 5, 6))) == {
        "embargo": "2024-04-05T06:00:00"
    }


@pytest.mark.parametrize(
    "text",
    [
        "5 April 2024",
        "2024-04-05 09:30",
        "20240405",
        "2024-4-5",
        "2024-04-05T",
        "",
        "2024-04-05T09:30+1030",
    ],
)
def test_other_date_forms_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="not YYYY-MM-DD"):
        parse_date_value(text)


# ---------------------------------------------------------------------------
# errors, each at its JSON path


def _failures(data: Any, kind: Any = m.Article) -> list[tuple[str, str]]:
    with pytest.raises(_STRUCTURE_ERRORS) as info:
        CONVERTER.structure(data, kind)
    return describe_error(info.value)


@pytest.mark.parametrize(
    ("data", "where", "why"),
    [
        ({"nope": 1}, "$", "unknown key(s): nope"),
        ({"bylines": [{"name": "A"}, {"name": "B", "x": 1}]}, "$.bylines[1]", "unknown key(s): x"),
        (
            {"body": [{"type": "paragraph", "content": ["x"], "bogus": 1}]},
            "$.body[0]",
            "unknown key(s): bogus",
        ),
        (
            {"body": [{"type": "list", "items": [[{"type": "paragraph", "content": [{"type": "em", "content": ["x"], "zz": 2}]}]]}]},
            "$.body[0].items[0][0].content[0]",
            "unknown key(s): zz",
        ),
        ({"photos": [{"renditions": [{"url": "u", "dpi": 300}]}]}, "$.photos[0].renditions[0]", "unknown key(s): dpi"),
        ({"headline": 5}, "$.headline", "expected a string, got number"),
        ({"headline": ["H"]}, "$.headline", "expected a string, got array"),
        ({"headline": {"value": "H"}}, "$.headline", "expected a string, got object"),
        ({"bylines": [{"name": None}]}, "$.bylines[0].name", "expected a string, got null"),
        ({"urgency": True}, "$.urgency", "expected an integer, got boolean"),
        ({"urgency": 1.0}, "$.urgency", "expected an integer, got number"),
        ({"urgency": "3"}, "$.urgency", "expected an integer, got string"),
        ({"body": [{"type": "list", "items": [], "ordered": 1}]}, "$.body[0].ordered", "expected a boolean, got number"),
        ({"published": 20240405}, "$.published", "expected a date string, got number"),
        ({"published": "5 April"}, "$.published", "not YYYY-MM-DD"),
        ({"status": "USABLE"}, "$.status", "'USABLE' is not one of 'usable', 'withheld', 'canceled'"),
        ({"status": 1}, "$.status", "expected a string, got number"),
        ({"bylines": [{"name": "A", "kind": "robot"}]}, "$.bylines[0].kind", "'robot' is not one of"),
        ({"bylines": "Jane"}, "$.bylines", "expected an array, got string"),
        ({"bylines": [{}]}, "$.bylines[0].name", "required key is missing"),
        ({"bylines": ["Jane"]}, "$.bylines[0]", "expected an object, got string"),
        ({"body": [{"type": "video"}]}, "$.body[0]", "unknown block type 'video' (known: blockquote, embed, figure, heading, list, paragraph, table)"),
        ({"body": ["text"]}, "$.body[0]", "expected block as an object, got string"),
        ({"body": [{"type": "paragraph", "content": [{"type": "blink"}]}]}, "$.body[0].content[0]", "unknown inline type 'blink' (known: br, em, link, q, strong)"),
        ({"body": [{"type": "paragraph", "content": [7]}]}, "$.body[0].content[0]", "expected inline as a string or an object, got number"),
        ({"body": [{"type": "paragraph", "content": "text"}]}, "$.body[0].content", "expected an array, got string"),
        ({"urgency": 0}, "$", "urgency: 0 is outside 1–9"),  # the model's own check
    ],
)  # fmt: skip
def test_failures_name_the_json_path(data: Any, where: str, why: str) -> None:
    failures = _failures(data)
    assert len(failures) == 1, failures
    assert failures[0][0] == where
    assert why in failures[0][1]


def test_every_failure_is_reported_not_only_the_first() -> None:
    failures = _failures({"headline": 5, "urgency": "x", "nope": 1})
    assert sorted(failures) == [
        ("$", "unknown key(s): nope"),
        ("$.headline", "expected a string, got number"),
        ("$.urgency", "expected an integer, got string"),
    ]


def test_a_tagged_class_refuses_another_tag() -> None:
    assert _failures({"type": "heading", "content": ["x"]}, m.Paragraph) == [
        ("$", "expected type 'paragraph', got 'heading'")
    ]
    # the tag may be left out when the class is known
    assert CONVERTER.structure({"content": ["x"]}, m.Paragraph) == m.Paragraph(content=("x",))


def test_a_non_object_for_a_class_is_refused() -> None:
    assert _failures("Ferries resume") == [("$", "expected an object, got string")]
    assert _failures([], m.Byline) == [("$", "expected an object, got array")]


def test_describe_error_takes_a_root_path() -> None:
    with pytest.raises(_STRUCTURE_ERRORS) as info:
        CONVERTER.structure({"headline": 5}, m.Article)
    assert describe_error(info.value, path="$.article") == [
        ("$.article.headline", "expected a string, got number")
    ]


@pytest.mark.parametrize(
    ("value", "name"),
    [
        (None, "null"),
        (True, "boolean"),
        (0, "number"),
        (1.5, "number"),
        ("", "string"),
        ([], "array"),
        ((), "array"),
        ({}, "object"),
        (b"", "bytes"),
    ],
)
def test_json_type_names(value: object, name: str) -> None:
    assert json_type(value) == name


# ---------------------------------------------------------------------------
# converters you own


def test_configure_converter_installs_the_rules_on_your_own_converter() -> None:
    mine = cattrs.Converter(forbid_extra_keys=True, omit_if_default=True)
    configure_converter(mine)
    assert mine.structure({"published": "2024-04-05"}, m.Article).published == datetime.date(
        2024, 4, 5
    )
    with pytest.raises(_STRUCTURE_ERRORS) as info:
        mine.structure({"headline": 5}, m.Article)
    assert describe_error(info.value) == [("$.headline", "expected a string, got number")]


def test_make_converter_returns_a_new_converter_each_time() -> None:
    first, second = make_converter(), make_converter()
    assert first is not second
    # the options can be changed for one's own converter
    loose = make_converter(forbid_extra_keys=False)
    assert loose.structure({"headline": "H", "nope": 1}, m.Article) == m.Article(headline="H")
    with pytest.raises(cattrs.ClassValidationError):
        first.structure({"headline": "H", "nope": 1}, m.Article)


def test_the_global_converter_is_left_alone() -> None:
    make_converter()
    # cattrs' own converter still has its own, lenient rules: "5" stays a str for str
    assert cattrs.structure(5, str) == "5"
