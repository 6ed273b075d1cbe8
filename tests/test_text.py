"""The plain-text format: the InDaily text as a browser shows it, and our own rendering."""

from __future__ import annotations

import contextlib
import datetime
import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsmodel
from newsmodel import model as m
from newsmodel.errors import NoArticleError
from newsmodel.io import text
from newsmodel.testing import articles
from tests.conftest import GOLDEN, INDAILY_TXT
from tests.expected import expected_article, expected_unquoted
from tests.mutation import mutated


def test_fixture_is_the_shared_text_byte_for_byte() -> None:
    from tests.conftest import ROOT

    shared = ROOT.parent.parent / "shared" / "fixtures" / INDAILY_TXT.name
    if not shared.exists():
        pytest.skip("../shared/fixtures not present")
    assert INDAILY_TXT.read_bytes() == shared.read_bytes()


def test_indaily_text_reads_to_the_expected_article() -> None:
    article = text.read(INDAILY_TXT.read_bytes())
    assert article == expected_unquoted()
    assert newsmodel.read(INDAILY_TXT.read_bytes(), format="text") == expected_article()


def test_indaily_details() -> None:
    article = text.read(INDAILY_TXT.read_bytes())
    assert len(article.body) == 22
    assert all(isinstance(b, m.Paragraph) for b in article.body)
    for junk in (
        "Advertisement",
        "Apr 05, 2024",
        "Photo: AP",
        "– AAP",
        "Topics:",
        "Local News Matters",
        "Copyright",
    ):
        assert junk not in article.text
    assert article.photos[0].caption is not None and "Photo:" not in article.photos[0].caption
    assert article.bylines == (m.Byline(name="AAP", kind=m.BylineKind.ORGANISATION),)
    assert type(article.published) is datetime.date


def test_golden_text(update_golden: bool) -> None:
    golden = GOLDEN / "indaily.txt"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        rendered = text.write(expected_unquoted())
    if update_golden:
        golden.write_text(rendered, encoding="utf-8")
    assert golden.read_text(encoding="utf-8") == rendered
    assert text.read(rendered) == expected_unquoted()


def test_writer_reports_losses_and_strict_raises() -> None:
    article = m.Article(headline="H", url="https://x.test/a", urgency=3)
    with pytest.warns(newsmodel.LossyConversionWarning, match="url, urgency"):
        text.write(article)
    with pytest.raises(newsmodel.LossyConversionError) as info:
        text.write(article, strict=True)
    assert info.value.fields == ("url", "urgency")


def test_people_dates_and_lists_survive_a_round_trip() -> None:
    zone = datetime.timezone(datetime.timedelta(hours=-4))
    article = m.Article(
        headline="Council votes",
        summary="A short standfirst.",
        bylines=[
            m.Byline(name="Jane Doe"),
            m.Byline(name="John Roe"),
            m.Byline(name="Reuters", kind="organisation"),
        ],
        published=datetime.datetime(2024, 4, 5, 9, 30, tzinfo=zone),
        modified=datetime.datetime(2024, 4, 5, 11, 0),
        body=[
            m.Paragraph(content=["First paragraph."]),
            m.ListBlock(
                items=[[m.Paragraph(content=["one"])], [m.Paragraph(content=["two"])]], ordered=True
            ),
            m.Paragraph(content=["Last paragraph."]),
        ],
    )
    again = text.read(text.write(article))
    assert again == article
    assert again.published is not None and again.published.utcoffset() == datetime.timedelta(
        hours=-4
    )


@pytest.mark.parametrize(
    ("line", "published", "modified"),
    [
        (
            "Apr 05, 2024, updated Apr 05, 2024",
            datetime.date(2024, 4, 5),
            datetime.date(2024, 4, 5),
        ),
        ("Published 5 April 2024", datetime.date(2024, 4, 5), None),
        ("Updated: April 6, 2024", None, datetime.date(2024, 4, 6)),
        (
            "April 5, 2024 10:30 ACDT",
            datetime.datetime(
                2024,
                4,
                5,
                10,
                30,
                tzinfo=datetime.timezone(datetime.timedelta(hours=10, minutes=30)),
            ),
            None,
        ),
    ],
)
def test_date_lines(line: str, published: object, modified: object) -> None:
    article = text.read(f"Headline\n\n{line}\n\nBody paragraph here.\n")
    assert article.published == published
    assert article.modified == modified
    assert article.text == "Body paragraph here."


def test_plain_paragraphs_without_furniture() -> None:
    article = text.read("Title\n\nOne.\nstill one.\n\nTwo.\n")
    assert article.headline == "Title"
    assert article.summary is None
    assert [m.block_text(b) for b in article.body] == ["One. still one.", "Two."]


@settings(max_examples=300)
@given(articles(max_blocks=4))
def test_writer_output_always_reads_back(article: m.Article) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        rendered = text.write(article)
    lost = " ".join(str(w.message) for w in caught)
    headline_lost = "headline" in lost
    try:
        again = text.read(rendered)
    except NoArticleError:  # an article without headline and body reads as none
        assert article.headline is None or headline_lost, rendered
        body_text = "".join(m.block_text(b) for b in article.body).strip()
        assert not body_text or "body" in lost, rendered
        return
    assert isinstance(again, m.Article)
    if article.headline and not headline_lost:
        assert again.headline == " ".join(article.headline.split())


@pytest.mark.parametrize(
    ("headline", "body", "kept"),
    [
        ("Advertisement", True, False),  # furniture: the reader skips it
        ("© 2024 Example Press", False, False),  # alone, a copyright line is the footer
        ("© 2024 Example Press", True, True),  # before a body it is the headline
        ("Topics: harbour", False, False),
        ("Harbour reopens", False, True),
    ],
)
def test_writer_declares_a_headline_the_reader_would_not_find(
    headline: str, body: bool, kept: bool
) -> None:
    article = m.Article(
        headline=headline, body=(m.Paragraph(content=("The pier opened.",)),) if body else ()
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        rendered = text.write(article)
    declared = any("headline" in str(w.message) for w in caught)
    assert declared is not kept
    if kept:
        assert text.read(rendered).headline == headline


@pytest.mark.parametrize(
    ("last", "kept"),
    [("© 2024 Example Press", False), ("Advertisement", False), ("The pier opened.", True)],
)
def test_writer_declares_body_text_the_reader_would_not_find(last: str, kept: bool) -> None:
    article = m.Article(body=(m.Paragraph(content=(last,)),))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        text.write(article)
    assert any("body" in str(w.message) for w in caught) is not kept


@settings(max_examples=300)
@given(st.binary(max_size=400) | st.text(max_size=400))
def test_random_input_raises_only_our_errors(data: bytes | str) -> None:
    with contextlib.suppress(newsmodel.NewsmodelError):
        text.read(data)


def _mutated() -> st.SearchStrategy[bytes]:
    junk = [b"\n", b"\n\n", b"\xff", b"\x00", b"\xe2\x80", b"Photo:", b"Topics:", b"By "]
    return mutated([INDAILY_TXT.read_bytes()], [*junk, b"\xc2\xa9", b"- ", b"2024"])


@settings(max_examples=300)
@given(_mutated())
def test_mutated_text_raises_only_our_errors(data: bytes) -> None:
    try:
        article = text.read(data)
    except newsmodel.NewsmodelError:
        return
    assert isinstance(article, m.Article)


def test_non_utf8_is_a_clear_error() -> None:
    with pytest.raises(newsmodel.ReadError, match="byte offset 2"):
        text.read(b"ab\xffcd")


def test_bom_is_accepted() -> None:
    assert text.read(b"\xef\xbb\xbfHeadline\n\nBody.\n").headline == "Headline"
