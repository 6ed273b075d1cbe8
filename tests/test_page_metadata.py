"""Dates, bylines and the standfirst a web page shows: one small synthetic page per rule
(placeholder names and made-up class names)."""

from __future__ import annotations

import datetime
import json

import pytest

import newsmodel
from newsmodel.model import Article, BylineKind

#: Enough paragraph text for the page to hold a story.
_PARAGRAPHS = "".join(
    f"<p>Placeholder sentence number {i} about the council's plan, with words, commas "
    "and a point that the story needs to make here.</p>"
    for i in range(6)
)


def _page(header: str, *, head: str = "", outside: str = "", body: str = _PARAGRAPHS) -> str:
    """A page: ``header`` after the headline inside the ``article``, ``outside`` before it."""
    return (
        f"<html><head><title>Council backs plan</title>{head}</head><body>{outside}"
        f"<article><h1>Council backs plan</h1>{header}<div class='zq-story'>{body}</div>"
        "</article></body></html>"
    )


def _read(html: str) -> Article:
    return newsmodel.read(html, format="html", quotes=False)


def _people(article: Article) -> list[str]:
    return [b.name for b in article.bylines if b.kind is BylineKind.PERSON]


def _ld(authors: object) -> str:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Council"}
    data["author"] = authors
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


# -- dates ------------------------------------------------------------------------------


def test_a_label_in_the_elements_own_text_before_its_child_marks_an_update() -> None:
    html = _page(
        "<div class='zq-meta'><h4>Last updated on <span>Dec 5, 2023</span></h4>"
        "<span class='zq-pub'>Nov 30, 2023</span></div>"
    )
    article = _read(html)
    assert article.published == datetime.date(2023, 11, 30)


def test_a_date_line_whose_label_is_the_parents_own_text() -> None:
    html = _page("<div class='zq-date'>Published <b>Mar 3, 2022</b> in Placeholder</div>")
    assert _read(html).published == datetime.date(2022, 3, 3)


@pytest.mark.parametrize(
    "line",
    [
        "Dec 5, 2023 · 4 min read",
        "Dec 5, 2023 4 min read",
        "5 December 2023 - 12 mins read",
        "Dec 5, 2023 • 3 minute read",
    ],
)
def test_a_read_time_after_the_date(line: str) -> None:
    html = _page(f"<div class='zq-info'><span class='zq-x'>{line}</span></div>")
    assert _read(html).published == datetime.date(2023, 12, 5)


@pytest.mark.parametrize("cls", ["mod-time", "zq-updated", "lastMod", "zq-date-modified"])
def test_a_class_naming_a_modified_time_marks_an_update(cls: str) -> None:
    html = _page(
        f"<time class='{cls}' datetime='2023-12-09T10:00:00+00:00'>Dec 9, 2023</time>"
        "<time class='zq-pub' datetime='2023-12-01T10:00:00+00:00'>Dec 1, 2023</time>"
    )
    article = _read(html)
    assert article.published is not None and article.modified is not None
    assert article.published.date() == datetime.date(2023, 12, 1)  # type: ignore[union-attr]
    assert article.modified.date() == datetime.date(2023, 12, 9)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "box",
    [
        "<blockquote class='zq-embed'><p>A placeholder claim.</p>"
        "<span class='zq-date'>Jan 2, 2021</span></blockquote>",
        "<div class='zq-claim-box'><p>Claim: a placeholder.</p>"
        "<span class='zq-date'>Jan 2, 2021</span></div>",
        "<div class='zqQuoteCard'><span class='zq-date'>Jan 2, 2021</span></div>",
    ],
)
def test_a_date_inside_a_quoted_claims_box_is_not_the_articles(box: str) -> None:
    html = _page(box + "<span class='zq-date'>Jun 7, 2023</span>")
    assert _read(html).published == datetime.date(2023, 6, 7)


# -- bylines ----------------------------------------------------------------------------


def test_the_visible_byline_beats_jsonld_authors_that_disagree() -> None:
    html = _page(
        "<div class='zq-byline'>By Jane Placeholder</div>", head=_ld({"name": "Tom Example"})
    )
    assert _people(_read(html)) == ["Jane Placeholder"]


def test_jsonld_authors_fill_in_the_co_authors_a_visible_line_leaves_out() -> None:
    head = _ld([{"name": "Jane Placeholder"}, {"name": "Tom Example"}])
    html = _page("<div class='zq-byline'>By Jane Placeholder</div>", head=head)
    assert _people(_read(html)) == ["Jane Placeholder", "Tom Example"]


def test_a_visible_line_running_on_past_the_jsonld_name_takes_the_jsonld_name() -> None:
    head = _ld({"name": "Jane Placeholder"})
    html = _page("<div class='zq-byline'>Jane Placeholder Example</div>", head=head)
    assert _people(_read(html)) == ["Jane Placeholder"]


@pytest.mark.parametrize(
    "byline",
    [
        "<div class='zq-byline'>By Jane Placeholder and Tom Example</div>",
        "<p class='zq-top'><span class='zq-author'><a href='/author/jp'>Jane Placeholder</a>"
        "</span> and <span class='zq-author'><a href='/author/te'>Tom Example</a></span></p>",
        "<div class='zq-byline'>By <a href='/author/jp'>Jane Placeholder</a> and Tom Example</div>",
    ],
)
def test_every_co_author(byline: str) -> None:
    assert _people(_read(_page(byline))) == ["Jane Placeholder", "Tom Example"]


@pytest.mark.parametrize(
    "cls", ["authName", "css-1x2y3 zqByline", "zq-4f7a9 zq-writerLine", "jsx-3imgx2 zq-byline"]
)
def test_byline_class_words_split_from_camel_case_and_hashes(cls: str) -> None:
    html = _page(f"<div class='{cls}'>By Jane Placeholder</div>")
    assert _people(_read(html)) == ["Jane Placeholder"]


def test_a_byline_just_outside_the_article_root() -> None:
    html = (
        "<html><head><title>Council backs plan</title></head><body><div class='zq-main'>"
        "<header class='zq-head'><h1>Council backs plan</h1>"
        "<div class='zq-byline'>By Jane Placeholder</div></header>"
        f"<article class='zq-text'>{_PARAGRAPHS}</article></div></body></html>"
    )
    assert _people(_read(html)) == ["Jane Placeholder"]


def test_a_person_and_an_outlet() -> None:
    article = _read(_page("<div class='zq-byline'>By Mike Placeholder | Example News</div>"))
    assert _people(article) == ["Mike Placeholder"]
    assert article.bylines[0].affiliation == "Example News"


def test_a_name_in_capitals_of_an_agency() -> None:
    article = _read(_page("<div class='zq-byline'>By JANE ROE Associated Press</div>"))
    assert _people(article) == ["Jane Roe"]
    assert article.bylines[0].affiliation == "Associated Press"


def test_a_picture_credit_marked_author_is_no_author() -> None:
    figure = (
        "<div class='zq-lead-pic'><img src='/a.jpg' alt=''>"
        "<span class='zq-picCredit' itemprop='author'>Sam Example</span></div>"
    )
    assert _people(_read(_page(figure))) == []
    html = _page(figure + "<div class='zq-byline'>By Jane Placeholder</div>")
    assert _people(_read(html)) == ["Jane Placeholder"]


def test_a_name_in_the_site_s_name_is_no_author() -> None:
    head = "<meta property='og:site_name' content='Example Gazette'>"
    html = _page("<div class='zq-byline'>Example Gazette Editorial Standards</div>", head=head)
    assert _people(_read(html)) == []


def test_jsonld_person_and_organisation_with_a_personal_name_is_a_person() -> None:
    head = _ld({"@type": ["Person", "Organization"], "name": "Jane Placeholder"})
    article = _read(_page("", head=head))
    assert [(b.name, b.kind) for b in article.bylines] == [("Jane Placeholder", BylineKind.PERSON)]
    head = _ld({"@type": ["Person", "Organization"], "name": "Example News Service"})
    article = _read(_page("", head=head))
    assert [b.kind for b in article.bylines] == [BylineKind.ORGANISATION]


def test_accents_and_suffixes_are_kept() -> None:
    html = _page("<div class='zq-byline'>By Łukasz Núñez Jr. and Ólöf Example</div>")
    assert _people(_read(html)) == ["Łukasz Núñez Jr.", "Ólöf Example"]


# -- standfirst -------------------------------------------------------------------------

_STANDFIRST = "A placeholder standfirst that sums up the council's plan in one sentence."


@pytest.mark.parametrize(
    "noise",
    [
        "<div class='zq-dek'><style>.zq-dek{color:red;margin:0 auto;padding:4px}</style></div>",
        "<div class='zq-dek'>.zq-dek{color:red;margin:0 auto;padding:4px;font-size:12px}</div>",
        "<p class='zq-intro'>Sign up for our placeholder newsletter to get the news first.</p>",
        "<div class='zq-newsletter'><p class='zq-description'>Get placeholder news in your "
        "inbox every morning.</p></div>",
        "<div class='zq-author-bio'><p class='zq-summary'>Jane Placeholder is a reporter who "
        "covers the council.</p></div>",
    ],
)
def test_the_standfirst_is_never_css_a_promo_or_a_bio(noise: str) -> None:
    head = f'<meta name="description" content="{_STANDFIRST}">'
    assert _read(_page(noise, head=head)).summary == _STANDFIRST
    shown = f"<p class='zq-dek'>{_STANDFIRST}</p>"
    assert _read(_page(noise + shown)).summary == _STANDFIRST


# -- bylines no class names, just under the headline ------------------------------------


@pytest.mark.parametrize(
    "header",
    [
        "<p>By <a href='/author/jplaceholder'>Jane Placeholder</a></p>",
        "<div class='zq-by'>By <a href='/people/jane'>Jane Placeholder</a> • May 5, 2023</div>",
        "<small>posted on <time datetime='2023-05-05'>May 5</time></small> by Jane Placeholder",
        "<p class='zq-when'><a href='/author/jane-placeholder/'>Jane Placeholder</a> - May 5,"
        " 2023</p>",
        "<span>By</span><div><a href='/author/janeplaceholder'>Jane Placeholder</a></div>",
    ],
)
def test_a_by_line_or_an_author_link_just_under_the_headline(header: str) -> None:
    assert _people(_read(_page(header))) == ["Jane Placeholder"]


def test_a_one_word_name_straight_after_the_headline() -> None:
    assert _people(_read(_page(" by ZedPlaceholder, <small>May 5, 2023</small>"))) == [
        "ZedPlaceholder"
    ]


@pytest.mark.parametrize(
    "header",
    [
        "<p>By Harbour Street the council will vote on the plan again.</p>",
        "<p><strong>News alerts</strong> by Email</p>",
        "<p>By</p>",
        # an author page's address that names no word of the link's text: the site's own
        "<p><a href='/author/xqzw/'>Example Motors</a> - May 5, 2023</p>",
        # a picture's credit
        "<figure><img src='a.jpg'><figcaption>By Jane Placeholder</figcaption></figure>",
        # someone credited for other work than the writing
        "<p>Medically reviewed by <a href='/author/jane-placeholder'>Jane Placeholder</a></p>",
    ],
)
def test_no_byline_under_the_headline(header: str) -> None:
    assert _people(_read(_page(header))) == []


def test_a_by_line_after_the_body_has_begun_is_another_storys() -> None:
    cards = "<div class='zq-more'><h3>Other plan</h3><p>By Tom Example</p></div>"
    html = _page("", body=_PARAGRAPHS + cards)
    assert _people(_read(html)) == []


def test_a_job_title_inside_the_byline_element_is_no_part_of_the_name() -> None:
    html = _page(
        "<span class='zq-byline'>By <a href='/author/jane'>Jane Placeholder"
        "<span class='zq-authorTitle'>Metro Columnist</span></a></span>"
    )
    assert _people(_read(html)) == ["Jane Placeholder"]


def test_a_shown_name_running_on_past_the_meta_tags_name_takes_the_meta_name() -> None:
    head = "<meta name='author' content='Jane Placeholder'>"
    html = _page("<div class='zq-byline'>By Jane Placeholder Metro</div>", head=head)
    assert _people(_read(html)) == ["Jane Placeholder"]


def test_a_labelled_writer_in_the_meta_tags() -> None:
    head = (
        "<meta name='twitter:label1' content='Written by'>"
        "<meta name='twitter:data1' content='Jane Placeholder'>"
        "<meta name='twitter:label2' content='Est. reading time'>"
        "<meta name='twitter:data2' content='3 minutes'>"
    )
    assert _people(_read(_page("", head=head))) == ["Jane Placeholder"]


# -- the headline -------------------------------------------------------------------------


def _titled(h1: str, titles: str) -> str | None:
    html = (
        f"<html><head>{titles}</head><body><article><h1>{h1}</h1>"
        f"<div class='zq-story'>{_PARAGRAPHS}</div></article></body></html>"
    )
    return _read(html).headline


def test_a_kicker_in_its_own_element_in_the_h1_is_no_part_of_the_headline() -> None:
    titles = "<meta property='og:title' content='Opinion | Council backs the harbour plan'>"
    h1 = "<span class='zq-kicker'>Opinion</span> Council backs the harbour plan"
    assert _titled(h1, titles) == "Council backs the harbour plan"


def test_a_bracketed_tag_after_the_h1_is_no_part_of_the_headline() -> None:
    data = {"@type": "NewsArticle", "headline": "WATCH: Council backs the harbour plan"}
    titles = (
        f"<script type='application/ld+json'>{json.dumps(data)}</script>"
        "<meta property='og:title' content='Council backs the harbour plan'>"
    )
    assert _titled("Council backs the harbour plan [Watch]", titles) == (
        "Council backs the harbour plan"
    )


@pytest.mark.parametrize(
    "h1",
    [
        # the search title cut short of what the page shows
        "Council backs the harbour plan: ‘We listened’",
        # the same story's headline worded for readers
        "Harbour plan wins the council's backing after a long night",
    ],
)
def test_the_h1_the_reader_sees_over_a_search_title(h1: str) -> None:
    titles = "<meta property='og:title' content='Council backs the harbour plan'>"
    assert _titled(h1, titles) == h1


@pytest.mark.parametrize(
    "h1",
    [
        "<a href='/'>Example Harbour Council News</a>",
        "Council backs the harbour plan <span>12 Comments</span>",
        "Tidal tables for the coming week",
    ],
)
def test_an_h1_no_metadata_title_confirms_that_is_no_headline(h1: str) -> None:
    titles = "<meta property='og:title' content='Council backs the harbour plan'>"
    assert _titled(h1, titles) == "Council backs the harbour plan"


# -- names that are someone else's --------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "after"),
    [
        # a reader's name in the comments under the story
        (
            "",
            "<div class='zq-comments'><div class='comment'><span class='comment-author'>"
            "Jane Placeholder</span><p>I think the plan is a good one for us all.</p></div></div>",
        ),
        # another story's card, before or after the story
        (
            "<div class='zq-related'><h3><a href='/x'>Other plan</a></h3>"
            "<span class='byline'>By Tom Example</span></div>",
            "",
        ),
        (
            "",
            "<div class='zq-more'><div class='zq-card'><h3>Other plan</h3>"
            "<span class='zq-author'>Tom Example</span></div></div>",
        ),
        (
            "<aside><ul><li><a href='/x'>Other plan</a> <span class='author'>Tom Example</span>"
            "</li></ul></aside>",
            "",
        ),
    ],
)
def test_a_name_in_comments_or_another_storys_card_is_no_author(header: str, after: str) -> None:
    html = _page(header, body=_PARAGRAPHS + after)
    assert _people(_read(html)) == []


def test_an_aside_named_for_the_storys_details_holds_its_byline() -> None:
    html = _page(
        "<aside class='zq-post-meta'><ul><li class='zq-author'>Jane Placeholder</li></ul></aside>"
    )
    assert _people(_read(html)) == ["Jane Placeholder"]


def test_a_jsonld_name_cut_at_an_apostrophe_is_no_start_of_the_shown_name() -> None:
    html = _page("<div class='zq-byline'>By Jane O'Placeholder</div>", head=_ld({"name": "Jane O"}))
    assert _people(_read(html)) == ["Jane O'Placeholder"]
