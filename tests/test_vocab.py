"""The shared newsroom vocabulary: each list's entries work through the function that uses it."""

from __future__ import annotations

import datetime

import pytest

from newsmodel import model as m
from newsmodel import vocab
from newsmodel._input import clean_text
from newsmodel.bylines import is_agency, parse_byline, parse_signoff
from newsmodel.captions import labelled_credit, split_credit
from newsmodel.errors import ModelValidationError
from newsmodel.io import text


def _read(*lines: str) -> m.Article:
    return text.read("Headline\n\n" + "\n\n".join(lines) + "\n")


@pytest.mark.parametrize("name", vocab.NEWS_AGENCIES)
def test_news_agencies_are_agencies_in_bylines(name: str) -> None:
    assert is_agency(name)
    signoff = parse_signoff(f"– {name}")
    assert signoff == m.Byline(name=name, kind=m.BylineKind.ORGANISATION)


def test_a_news_agency_after_a_reporter_is_an_organisation() -> None:
    names = [(b.name, b.kind) for b in parse_byline("By Jane Doe, Reuters")]
    assert names[-1] == ("Reuters", m.BylineKind.ORGANISATION)


@pytest.mark.parametrize("agency", vocab.CAPTION_AGENCIES)
def test_caption_agencies_close_a_caption(agency: str) -> None:
    caption = "Leaders meet in Brussels on Thursday."
    assert split_credit(f"{caption} {agency}") == (caption, agency)
    assert split_credit(f"{caption} {agency}/Jane Doe") == (caption, f"{agency}/Jane Doe")


@pytest.mark.parametrize("agency", vocab.PICTURE_AGENCIES)
def test_picture_agencies_are_not_news_agencies(agency: str) -> None:
    assert agency in vocab.CAPTION_AGENCIES
    assert not is_agency(agency)


@pytest.mark.parametrize("source", vocab.PICTURE_SOURCES)
def test_picture_sources_are_read_in_brackets(source: str) -> None:
    assert split_credit(f"Leaders meet in Brussels ({source})") == (
        "Leaders meet in Brussels",
        source,
    )


def test_a_bracketed_word_that_is_no_source_stays_in_the_caption() -> None:
    assert split_credit("Leaders meet (left to right)") == ("Leaders meet (left to right)", None)


@pytest.mark.parametrize("label", vocab.CREDIT_LABELS)
def test_credit_labels_open_a_credit(label: str) -> None:
    for word in (label.title(), label.title() + "s", label.upper()):
        assert split_credit(f"Leaders meet. {word}: Jane Doe/AAP") == (
            "Leaders meet.",
            "Jane Doe/AAP",
        )
    assert labelled_credit(f"({label.title()}: Reuters)") == (None, "Reuters")
    assert parse_byline(f"{label.title()}: Jane Doe") == ()  # a photo credit, not a byline
    article = _read(
        f"Leaders meet in Brussels. {label.title()}: Jane Doe/AAP", "Body paragraph here."
    )
    assert [(p.caption, p.credit) for p in article.photos] == [
        ("Leaders meet in Brussels.", "Jane Doe/AAP")
    ]
    assert article.text == "Body paragraph here."


def test_credits_longer_than_the_limit_are_sentences() -> None:
    words = " ".join(["word"] * vocab.CREDIT_MAX_WORDS)
    assert split_credit(f"Leaders meet. Photo: {words}") == ("Leaders meet.", words)
    longer = f"{words} more"
    assert split_credit(f"Leaders meet. Photo: {longer}") == (
        f"Leaders meet. Photo: {longer}",
        None,
    )
    assert labelled_credit(f"Source: {longer}") is None


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "ADVERTISING",
        "Share this story",
        "Share on Facebook",
        "Skip to main content",
        "Sign up for our newsletter",
        "Subscribe now",
        "Log in",
        "Related stories",
        "More from Jane Doe",
        "Listen to this article",
        "Image 2 of 5",
        "3 min read",
        "Copy link",
    ],
)
def test_furniture_lines_stay_out_of_the_body(line: str) -> None:
    article = _read("First paragraph here.", line, "Second paragraph here.")
    assert [m.block_text(b) for b in article.body] == [
        "First paragraph here.",
        "Second paragraph here.",
    ]


def test_every_furniture_entry_is_tried() -> None:
    examples = ["advertisement", "close", "share", "3 min read", "copied!"]
    for example in examples:
        assert _read("One.", example, "Two.").text == "One.\n\nTwo."
    assert len(vocab.FURNITURE_LINES) == len(set(vocab.FURNITURE_LINES))


@pytest.mark.parametrize("label", [*vocab.DATE_LABELS, "date", "on"])
def test_date_prefixes_label_a_date_line(label: str) -> None:
    assert label in vocab.DATE_PREFIXES
    article = _read(f"{label.title()}: 5 April 2024", "Body paragraph here.")
    day = datetime.date(2024, 4, 5)
    if label in ("updated", "last updated", "modified"):
        assert (article.published, article.modified) == (None, day)
    else:
        assert (article.published, article.modified) == (day, None)
    assert article.text == "Body paragraph here."


@pytest.mark.parametrize("label", vocab.TAG_LABELS)
def test_tag_labels_open_a_topic_line(label: str) -> None:
    article = _read("Body paragraph here.", f"{label.title()}: Politics, Europe")
    assert [t.name for t in article.topics] == ["Politics", "Europe"]
    assert article.text == "Body paragraph here."


@pytest.mark.parametrize(
    "notice",
    ["Copyright 2024 InDaily", "© 2024 InDaily", "(c) 2024 InDaily", "© InDaily"],
)
def test_copyright_marks_make_a_rights_line(notice: str) -> None:
    article = _read("Body paragraph here.", notice)
    assert article.rights is not None and article.rights.notice == notice
    assert article.text == "Body paragraph here."


def test_a_bare_c_in_brackets_is_no_copyright_mark() -> None:
    article = _read("Body paragraph here.", "(c) the third item")
    assert article.rights is None


def test_not_text_is_one_rule_for_cleaning_and_for_the_model() -> None:
    assert clean_text("a\x00b\x0bc\ud800d\ufffe") == "abcd"
    assert clean_text("tab\tand\nnewline") == "tab\tand\nnewline"
    with pytest.raises(ModelValidationError):
        m.Article(headline="a\x00b")
