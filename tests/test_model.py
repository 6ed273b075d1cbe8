"""The model: validation, immutability, dates, derived text."""

from __future__ import annotations

import datetime

import attrs
import pytest

from newsmodel import model as m


def test_frozen_and_keyword_only() -> None:
    article = m.Article(headline="A")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        article.headline = "B"  # type: ignore[misc]
    with pytest.raises(TypeError):
        m.Byline("Jane Doe")  # type: ignore[misc]
    assert attrs.evolve(article, headline="B").headline == "B"


def test_sequences_become_tuples() -> None:
    article = m.Article(bylines=[m.Byline(name="A")], body=[m.Paragraph(content=["x"])])
    assert isinstance(article.bylines, tuple)
    assert isinstance(article.body, tuple)
    assert hash(article) == hash(
        m.Article(bylines=(m.Byline(name="A"),), body=(m.Paragraph(content=("x",)),))
    )


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: m.Article(urgency=0), "urgency: 0 is outside 1–9"),
        (lambda: m.Article(urgency=10), "urgency"),
        (lambda: m.Article(urgency=True), "urgency"),
        (lambda: m.Byline(name=""), "name: must not be empty"),
        (lambda: m.Byline(name="   "), "name"),
        (lambda: m.Byline(name="A", kind="robot"), "robot"),
        (lambda: m.Article(language="en_AU"), "not a BCP 47 language tag"),
        (lambda: m.Article(language="english language"), "BCP 47"),
        (lambda: m.Article(headline="bad\x00char"), r"U\+0000"),
        (lambda: m.Article(version=0), "version"),
        (lambda: m.Photo(width=0), "width"),
        (lambda: m.Heading(level=7), "heading level"),
        (lambda: m.Topic(kind=m.TopicKind.PLACE), "at least one of name, qcode or uri"),
        (lambda: m.Topic(name="x", relevance=101), "relevance"),
        (lambda: m.Quote(text="q", start=5, end=2), "after end"),
        (lambda: m.Quote(text="q", start=5), "together"),
        (lambda: m.Quote(text="q", part=m.QuotePart.SUMMARY, block=1), "block"),
        (lambda: m.Rights(), "at least one"),
        (lambda: m.Article(published="2024-04-05"), "expected a date"),
        (lambda: m.Article(body=["text"]), "not a block"),
        (lambda: m.Paragraph(content=[m.Paragraph()]), "not an inline node"),
        (lambda: m.Article(bylines=["Jane"]), "expected Byline"),
    ],
)
def test_validators_refuse_nonsense(build: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        build()  # type: ignore[operator]


@pytest.mark.parametrize(
    "tag", ["en", "en-AU", "zh-Hant-TW", "de-CH-1996", "es-419", "x-private", "sr-Latn-RS"]
)
def test_language_tags_accepted(tag: str) -> None:
    assert m.Article(language=tag).language == tag


def test_inline_content_is_normalised() -> None:
    para = m.Paragraph(content=["a", "", "b", m.Emphasis(content=["c", "d"]), "e"])
    assert para.content == ("ab", m.Emphasis(content=("cd",)), "e")
    assert m.Paragraph(content="plain").content == ("plain",)


def test_day_stays_a_day_and_offsets_survive() -> None:
    day = datetime.date(2024, 4, 5)
    adelaide = datetime.timezone(datetime.timedelta(hours=10, minutes=30))
    moment = datetime.datetime(2024, 4, 5, 0, 15, tzinfo=adelaide)
    article = m.Article(published=day, modified=moment)
    assert type(article.published) is datetime.date
    assert article.modified is not None and article.modified.utcoffset() == datetime.timedelta(
        hours=10, minutes=30
    )


def test_text_joins_blocks_with_blank_lines() -> None:
    article = m.Article(
        body=[
            m.Paragraph(content=["One ", m.Link(content=["link"], url="https://x.test/"), "."]),
            m.Figure(photo=m.Photo(caption="Not body text")),
            m.Heading(content=["Crosshead"], level=2),
            m.ListBlock(items=[[m.Paragraph(content=["a"])], [m.Paragraph(content=["b"])]]),
            m.BlockQuote(blocks=[m.Paragraph(content=["Quoted."])], attribution=["Someone"]),
            m.Paragraph(content=["Line", m.LineBreak(), "break"]),
        ]
    )
    assert article.text == "One link.\n\nCrosshead\n\na\nb\n\nQuoted.\n\nSomeone\n\nLine\nbreak"


def _imports(path: str) -> set[str]:
    import ast
    import sys
    from pathlib import Path

    imported = set()
    for node in ast.walk(ast.parse(Path(path).read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
    return {n for n in imported if n.split(".")[0] not in sys.stdlib_module_names} - {"__future__"}


def test_model_imports_only_attrs_stdlib_and_errors() -> None:
    from newsmodel import errors, model_blocks, model_fields, model_parts

    # the model's modules import attrs, errors and each other, downwards only
    assert _imports(model_fields.__file__) == {"attrs", "newsmodel.errors"}
    assert _imports(model_parts.__file__) == {"attrs", "newsmodel.errors", "newsmodel.model_fields"}
    assert _imports(model_blocks.__file__) == {
        "attrs",
        "newsmodel.errors",
        "newsmodel.model_fields",
        "newsmodel.model_parts",
    }
    assert _imports(m.__file__) == {
        "attrs",
        "newsmodel.model_blocks",
        "newsmodel.model_fields",
        "newsmodel.model_parts",
    }
    assert _imports(errors.__file__) == set()  # errors.py depends on nothing


def test_every_model_class_is_named_as_the_model_modules() -> None:
    public = [getattr(m, name) for name in m.__all__]
    classes = [c for c in public if isinstance(c, type)]
    assert len(classes) >= 30
    assert {c.__module__ for c in classes} == {"newsmodel.model"}


def test_inline_content_in_many_pieces_is_one_string() -> None:
    link = m.Link(content=("x",), url="https://example.org/")
    assert m.Paragraph(content=("a", "", "b", link, "", "c")).content == ("ab", link, "c")
    # a paragraph written as many small strings (a hostile newsmodel JSON): one string
    pieces = tuple(f"w{n} " for n in range(50_000))
    assert m.Paragraph(content=pieces).content == ("".join(pieces),)
