"""The body of a web page: synthetic pages for each kind of page that lost or gained text.

Every page here is made up: placeholder sentences (:func:`sentence`), invented class
names. Each test names the shape it stands for; the rule it checks is general.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterable

import pytest

import newsmodel

#: Words the placeholder sentences are made of (each sentence a different mix).
_WORDS = (
    "amber",
    "birch",
    "cobalt",
    "delta",
    "ember",
    "fjord",
    "garnet",
    "harbor",
    "indigo",
    "juniper",
    "kestrel",
    "lumen",
    "marsh",
    "nectar",
    "onyx",
    "pylon",
    "quartz",
    "russet",
    "sierra",
    "tundra",
)


def sentence(n: int) -> str:
    """Placeholder prose, different for every ``n`` (no five words in a row shared by two)."""
    state = n * 7919 + 17
    picked = []
    for _ in range(16):
        state = (state * 1103515245 + 12345) % 2**31
        picked.append(_WORDS[state % len(_WORDS)])
    return (
        f"Placeholder line {n} tells how the {' '.join(picked[:5])} panel met, and how "
        f"{' '.join(picked[5:11])} agreed, while {' '.join(picked[11:])} waited for item {n}."
    )


def paragraphs(numbers: Iterable[int], tag: str = "p") -> str:
    return "".join(f"<{tag}>{sentence(n)}</{tag}>" for n in numbers)


def page(body: str, head: str = "") -> str:
    """A page around ``body``: a headline, site navigation and a footer."""
    return (
        f"<html><head><title>Sample headline</title>{head}</head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/s'>Section</a></nav></header>"
        f"<h1>Sample headline</h1>{body}"
        "<footer><p>Footer of the sample site, with its street address and phone.</p></footer>"
        "</body></html>"
    )


def read(html: str) -> newsmodel.Article:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", newsmodel.NewsmodelWarning)
        return newsmodel.read(html, format="html", quotes=False)


def missing(text: str, numbers: Iterable[int]) -> list[int]:
    """The placeholder sentences not in ``text``."""
    return [n for n in numbers if sentence(n) not in text]


# -- 1. a story split into chunks -----------------------------------------------------

SPLIT_PAGES = {
    "class-less wrappers": "<div class='story-wrap'><div><div>"
    + paragraphs(range(5))
    + "</div></div><div class='ad-slot'>Advertisement</div><div><div>"
    + paragraphs(range(5, 8))
    + "</div></div><div><div>"
    + paragraphs(range(8, 10))
    + "</div></div></div><aside>"
    + paragraphs([90])
    + "</aside>",
    "numbered classes": "<div class='main-col'><div class='copy html_0'>"
    + paragraphs(range(6))
    + "</div><div class='copy html_2'>"
    + paragraphs(range(6, 8))
    + "</div><div class='copy html_4'>"
    + paragraphs(range(8, 10))
    + "</div></div>",
    "differently named sections": "<div class='page'><section class='lede-zone'>"
    "<div class='copy-block'>"
    + paragraphs(range(6))
    + "</div></section><div class='ad'>x</div><section class='rest-zone'>"
    "<div class='copy-block'>" + paragraphs(range(6, 10)) + "</div></section></div>",
    "small and heading-only chunks": "<div class='page'><div class='txt-unit'>"
    + paragraphs(range(6))
    + "</div><div class='txt-unit'><h2>Midway subheading</h2></div><div class='txt-unit'>"
    + paragraphs([6])
    + "</div><div class='txt-unit'>"
    + paragraphs(range(7, 10))
    + "</div></div>",
    "columns": "<div class='grid'><div class='col-a'><div class='body-chunk'>"
    + paragraphs(range(5))
    + "</div><div class='body-chunk'>"
    + paragraphs(range(5, 7))
    + "</div></div><div class='col-b'><div class='body-chunk'>"
    + paragraphs(range(7, 10))
    + "</div></div></div>",
}


@pytest.mark.parametrize("shape", sorted(SPLIT_PAGES))
def test_a_story_split_into_chunks_is_read_whole(shape: str) -> None:
    text = read(page(SPLIT_PAGES[shape])).text
    assert missing(text, range(10)) == []
    assert sentence(90) not in text  # the aside stays out


def test_a_heading_only_chunk_stays_in_its_place() -> None:
    blocks = read(page(SPLIT_PAGES["small and heading-only chunks"])).body
    texts = [newsmodel.model.block_text(b) for b in blocks]
    assert texts.index("Midway subheading") == 6


# -- 2. no <p> at all -----------------------------------------------------------------


def test_paragraphs_without_p_beat_a_teaser_paragraph() -> None:
    spans = "<style>.x-run{margin:0}</style>".join(
        f"<div class='x-run'><span class='x-txt'>{sentence(n)}</span></div>" for n in range(8)
    )
    html = page(
        "<div class='teaser-card'><p>"
        + sentence(80)
        + " "
        + sentence(81)
        + "</p></div><div class='x-story'>"
        + spans
        + "</div>"
    )
    text = read(html).text
    assert missing(text, range(8)) == []
    assert "margin" not in text and sentence(80) not in text


def test_style_and_script_text_is_never_text() -> None:
    from lxml import html as lxml_html

    from newsmodel.page.elements import text_of
    from newsmodel.page.measure import Measures

    element = lxml_html.fromstring(
        "<div>one <b>two</b><style>.a{color:red}</style> three<script>var x=1;</script></div>"
    )
    assert text_of(element) == "one two three"
    measures = Measures(element)
    assert measures.text(element) == "one two three"
    assert measures.length(element) == len("one two three")


# -- 3. class-name pruning deletes content --------------------------------------------


def test_a_negated_furniture_word_names_no_furniture() -> None:
    html = page(
        "<div class='story-copy'>"
        + paragraphs(range(6))
        + "<div class='not-a-paywall'>"
        + paragraphs(range(6, 8))
        + "</div>"
        + paragraphs(range(8, 10))
        + "<div class='paywall'>Subscribe now to keep reading every placeholder story</div></div>"
    )
    text = read(html).text
    assert missing(text, range(10)) == []
    assert "Subscribe now" not in text


def test_repeated_blocks_that_are_the_story_are_kept() -> None:
    cards = "".join(
        f"<div class='promo-card'><h3>Item {n}</h3><p>{sentence(n)}</p><p>{sentence(n + 50)}</p>"
        "</div>"
        for n in range(1, 6)
    )
    text = read(page("<div class='story-copy'><p>" + sentence(0) + "</p>" + cards + "</div>")).text
    assert missing(text, [0, 1, 2, 3, 4, 5, 51, 52, 53, 54, 55]) == []


# -- 4. clean-up drops content ----------------------------------------------------------


def test_link_lists_that_are_most_of_the_story_are_kept() -> None:
    lists = "".join(
        f"<h2>Gadget {n}</h2><ul><li><a href='/b{n}'>Buy gadget {n} at the placeholder shop "
        f"for twelve units</a></li><li><a href='/c{n}'>Compare gadget {n} prices at another "
        "placeholder shop</a></li></ul>"
        for n in range(6)
    )
    text = read(
        page("<article class='post'><p>" + sentence(0) + "</p>" + lists + "</article>")
    ).text
    assert missing(text, [0]) == []
    assert "Gadget 4" in text and "Buy gadget 3 at the placeholder shop" in text


def test_a_label_part_way_down_goes_alone_when_prose_follows() -> None:
    html = page(
        "<article class='post'>"
        + paragraphs(range(6))
        + "<p><strong>More coverage</strong></p><ul><li><a href='/r1'>Another headline about "
        "harbour fees</a></li><li><a href='/r2'>A second headline about ferries</a></li></ul>"
        + paragraphs(range(6, 9))
        + "</article>"
    )
    text = read(html).text
    assert missing(text, range(9)) == []
    assert "More coverage" not in text and "Another headline" not in text


def test_a_late_label_with_only_links_after_it_ends_the_story() -> None:
    html = page(
        "<article class='post'>"
        + paragraphs(range(8))
        + "<h3>Keep reading about ferries</h3><p>Harbour fees rise again.</p><ul><li><a href='/r1'>Another"
        " headline about harbour fees</a></li></ul></article>"
    )
    text = read(html).text
    assert missing(text, range(8)) == []
    assert "Keep reading" not in text and "Harbour fees rise" not in text


# -- 5. container too wide ------------------------------------------------------------


def test_the_deepest_hinted_container_holding_the_story_is_taken() -> None:
    html = page(
        "<main class='main-content'><article class='article-content'><div class='article-body'>"
        + paragraphs(range(10))
        + "</div><div class='writer-note'><p>"
        + sentence(70)
        + "</p></div><div class='hot-list'><p>"
        + sentence(71)
        + "</p></div></article></main>"
    )
    text = read(html).text
    assert missing(text, range(10)) == []
    assert sentence(70) not in text and sentence(71) not in text


# -- 6. furniture kept in the body -------------------------------------------------------

FURNITURE_PAGE = page(
    "<article class='post'><div class='pic'><img src='a.jpg' alt=''>"
    "<div class='imageEmbedCaption'>A caption under the picture of the panel</div></div><p>"
    + sentence(0)
    + "</p><img src='b.jpg' alt=''><span class='pic_cptn'>Another caption of the second "
    "picture</span>"
    + paragraphs(range(1, 6))
    + "<div class='vid-player'><p>Watch now</p><ul><li>Subtitles off</li><li>English</li></ul>"
    "</div><div><img src='c.jpg' alt=''></div><div class='shot-note'>Third picture, by a "
    "placeholder photographer</div>" + paragraphs(range(6, 8)) + "</article>"
)


def test_captions_credits_and_players_are_not_body() -> None:
    text = read(FURNITURE_PAGE).text
    assert missing(text, range(8)) == []
    for furniture in ("A caption under", "Another caption", "Watch now", "Subtitles", "Third"):
        assert furniture not in text, furniture


def test_a_lead_caption_repeating_the_first_paragraph_goes() -> None:
    opening = " ".join(sentence(0).split()[:9])
    html = page(
        "<article class='post'><img src='a.jpg' alt=''><p class='lead-pic-text'>"
        + opening
        + "</p>"
        + paragraphs(range(8))
        + "</article>"
    )
    text = read(html).text
    assert missing(text, range(8)) == []
    assert text.count(opening) == 1


# -- 9. linked words deleted from sentences --------------------------------------------

TAGGED_LINKS = (
    "<p>Lawyers for <a id='auto-tag_1' class='auto-tag' href='/t/x'>Placeholder Media</a>, "
    "the outlet founded by <a class='tag-link' href='/t/y'>Jane Sample</a>, allege harm "
    "<span class='share-word'>widely</span>, in a filing the court received on Monday from both "
    "parties.</p>"
)


def test_linked_words_stay_in_their_sentence() -> None:
    html = page("<article class='post'>" + paragraphs(range(5)) + TAGGED_LINKS + "</article>")
    text = read(html).text
    assert (
        "Lawyers for Placeholder Media, the outlet founded by Jane Sample, allege harm widely, in a"
        in text
    )


# -- 7. a lead paragraph just before the body's container -------------------------------


def test_a_lead_paragraph_before_the_container_is_kept() -> None:
    html = page(
        "<div class='wrapper'><p class='lead'>"
        + sentence(0)
        + "</p><div class='article-body'>"
        + paragraphs(range(1, 8))
        + "</div></div>"
    )
    blocks = read(html).body
    assert newsmodel.model.block_text(blocks[0]) == sentence(0)
    assert missing(read(html).text, range(8)) == []


# -- 8. a heading directly inside a list ------------------------------------------------


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<ul><h3>Head</h3><li>one</li></ul>", ["Heading:Head", "ListBlock:one"]),
        ("<ul><div><h3>Head</h3></div><li>one</li></ul>", ["Heading:Head", "ListBlock:one"]),
        ("<ol><h3>Head</h3><p>Loose text</p></ol>", ["Heading:Head", "Paragraph:Loose text"]),
        ("<ul><li>one</li><span>loose</span> text</ul>", ["ListBlock:one", "Paragraph:loose text"]),
    ],
)
def test_what_stands_directly_in_a_list_is_read(markup: str, expected: list[str]) -> None:
    from newsmodel.markup import blocks_from_html

    blocks = blocks_from_html(markup)
    assert [f"{type(b).__name__}:{newsmodel.model.block_text(b)}" for b in blocks] == expected


def test_a_heading_inside_a_list_stays_in_the_body() -> None:
    html = page(
        "<article class='post'>"
        + paragraphs(range(5))
        + "<ul><div class='list-head'><h3>Listed heading</h3></div><li>"
        + sentence(5)
        + "</li><li>"
        + sentence(6)
        + "</li></ul>"
        + paragraphs(range(7, 9))
        + "</article>"
    )
    text = read(html).text
    assert "Listed heading" in text and missing(text, range(9)) == []


def synthetic_pages() -> list[str]:
    """Every kind of page above, for the word-loss check and the mutation test."""
    lists = "".join(
        f"<h2>Item {n}</h2><ul><li><a href='/{n}'>{sentence(n)}</a></li></ul>" for n in range(4)
    )
    return [
        *(page(body) for body in SPLIT_PAGES.values()),
        FURNITURE_PAGE,
        page("<article class='post'>" + paragraphs(range(5)) + TAGGED_LINKS + "</article>"),
        page("<div class='x-story'>" + paragraphs(range(6), "div") + "<style>.a{}</style></div>"),
        page("<article class='post'><p>" + sentence(0) + "</p>" + lists + "</article>"),
        page(
            "<form><p class='lead'>"
            + sentence(9)
            + "</p><div class='article-body'>"
            + paragraphs(range(6))
            + "<ul><h3>Listed</h3><li>x</li></ul></div></form>",
            head=_ld("\n\n".join(sentence(n) for n in range(6))),
        ),
    ]


def test_no_paragraph_loses_words_between_its_source_and_the_body() -> None:
    """Every source ``p`` of which any eight words in a row reached the body reached it
    whole."""
    from lxml import html as lxml_html

    from newsmodel.page.elements import line_of
    from tests.conftest import INDAILY_HTML

    pages = [*synthetic_pages(), INDAILY_HTML.read_text("utf-8")]
    checked = 0
    for html in pages:
        body = " ".join(read(html).text.split())
        for p in lxml_html.document_fromstring(html).iter("p"):
            words = line_of(p).split()
            shingles = (" ".join(words[i : i + 8]) for i in range(len(words) - 7))
            if any(shingle in body for shingle in shingles):
                assert " ".join(words) in body
                checked += 1
    assert checked > 40


# -- 11. empty results --------------------------------------------------------------------


def test_a_page_of_text_without_paragraphs_is_read() -> None:
    lines = "<br><br>".join(sentence(n) for n in range(6))
    html = page(
        "<table><tr><td class='menu-cell'><a href='/a'>One</a><br><a href='/b'>Two</a></td>"
        f"<td><font size='2'>{lines}</font></td></tr></table>"
    )
    text = read(html).text
    assert missing(text, range(6)) == []
    assert "One" not in text.split()


def test_a_page_wrapped_in_a_form_is_read() -> None:
    html = page(
        "<form action='/post' method='post'><input type='hidden' name='state' value='x'>"
        + paragraphs(range(6))
        + "</form>"
    )
    assert missing(read(html).text, range(6)) == []


def test_a_container_that_cleans_to_nothing_falls_back_to_the_densest_text() -> None:
    links = "".join(
        f"<p><a href='/{n}'>Headline {n} of one list, another list, and more</a></p>"
        for n in range(4)
    )
    cell = "<table><tr><td>1</td></tr></table>".join(sentence(n) for n in range(5))
    html = page(f"<div class='link-box'>{links}</div><table><tr><td>{cell}</td></tr></table>")
    text = read(html).text
    assert missing(text, range(5)) == []
    assert "Headline 2" not in text


# -- 10. the page's own JSON-LD articleBody ---------------------------------------------


def _ld(body: str) -> str:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Sample"}
    data["articleBody"] = body
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


def test_a_complete_articlebody_filters_the_paragraphs_read() -> None:
    story = [sentence(n) for n in range(8)]
    html = page(
        "<article class='post'>"
        + paragraphs(range(4))
        + "<p>A view of the placeholder pier from the water, early in spring</p>"
        + paragraphs(range(4, 8))
        + f"</article><div class='more-box'><p>{sentence(60)}</p></div>",
        head=_ld("\n\n".join(story)),
    )
    text = read(html).text
    assert missing(text, range(8)) == []
    assert "placeholder pier" not in text and sentence(60) not in text


@pytest.mark.parametrize("end", [" …", "cut"])
def test_a_truncated_articlebody_filters_nothing(end: str) -> None:
    cut = " ".join(sentence(5).split()[:9]) if end == "cut" else end
    html = page(
        "<article class='post'>" + paragraphs(range(8)) + f"<p>{sentence(60)}</p></article>",
        head=_ld("\n\n".join(sentence(n) for n in range(5)) + "\n\n" + cut),
    )
    assert missing(read(html).text, [*range(8), 60]) == []


def test_the_articlebody_chooses_the_container_holding_it() -> None:
    teasers = "".join(f"<p>{sentence(n)} {sentence(n + 1)}</p>" for n in range(40, 50, 2))
    html = page(
        f"<section class='feed'>{teasers}</section><div class='story'>"
        + paragraphs(range(6))
        + "</div>",
        head=_ld("\n\n".join(sentence(n) for n in range(6))),
    )
    text = read(html).text
    assert missing(text, range(6)) == [] and sentence(40) not in text


def test_an_escaped_articlebody_still_matches_its_paragraphs() -> None:
    story = [sentence(n).replace("tells how", "tell's how") for n in range(8)]
    escaped = "\n\n".join(s.replace("'", "&#039;") for s in story)
    html = page(
        "<article class='post'>"
        + "".join(f"<p>{s}</p>" for s in story)
        + f"<p>{sentence(60)}</p></article>",
        head=_ld(escaped),
    )
    text = read(html).text
    assert all(s in text for s in story) and sentence(60) not in text


# -- broader web pages: blogs, comment sections, link lists ------------------------------


def test_commas_between_linked_names_are_no_prose() -> None:
    names = ", ".join(f"<a href='/u/{n}'>reader{n}</a>" for n in range(600))
    html = page(
        "<div class='work-text'>"
        + paragraphs(range(6))
        + f"</div><div class='fan-box'><p class='fans'>{names}</p></div>"
    )
    text = read(html).text
    assert missing(text, range(6)) == []
    assert "reader7" not in text


def _comment(n: int) -> str:
    return f"<div class='commentbody by-reader{n}'>" + paragraphs(range(n, n + 3)) + "</div>"


def test_readers_comments_are_not_the_story() -> None:
    """A short post under a long comment section (and its reply form): the post."""
    form = (
        "<div id='respond'><form id='replyform'><p class='form-note'>Your address stays "
        "private, and the fields marked with a star, name and address, are required "
        "before any reply is shown.</p><textarea name='reply'></textarea></form></div>"
    )
    html = page(
        "<div class='post-text'>"
        + paragraphs(range(2))
        + "</div><div class='reader-zone'>"
        + "".join(_comment(n) for n in (10, 20, 30, 40))
        + form
        + "</div>"
    )
    text = read(html).text
    assert missing(text, range(2)) == []
    assert missing(text, [10, 21, 32, 40]) == [10, 21, 32, 40]
    assert "private" not in text


def test_a_named_body_of_text_between_line_breaks_is_read() -> None:
    """A blog post's text between ``<br>``s and a picture's ``div``, beside a longer
    profile blurb in the sidebar."""
    lines = "<br><br>".join(sentence(n) for n in range(3))
    blurb = " ".join(sentence(n) for n in range(80, 85))
    html = page(
        "<div class='post-outer'><h3>Post title</h3><div class='post-body entry-content'>"
        f"{lines}<div class='pic-sep'><a href='/i'><img src='i.jpg' alt=''></a></div>"
        f"{sentence(3)}<br>{sentence(4)}</div><div class='post-foot'>Labels: one</div></div>"
        f"<div class='side-col'><div class='profile-blurb'><p>{blurb}</p></div></div>"
    )
    text = read(html).text
    assert missing(text, range(5)) == []
    assert sentence(80) not in text


def test_a_short_named_body_beats_a_sidebar_widget() -> None:
    archive = "".join(f"<p>{sentence(n)}</p>" for n in range(50, 56))
    html = page(
        f"<div class='post-outer'><div class='entry-content'><p>{sentence(0)}</p></div></div>"
        f"<div class='side-col'><div class='widget text-box'>{archive}</div></div>"
    )
    text = read(html).text
    assert sentence(0) in text
    assert missing(text, range(50, 56)) == list(range(50, 56))


def test_chunks_behind_different_class_less_wrappers_join() -> None:
    """The first chunk stands alone, the next ones each sit in class-less wrappers."""

    def chunk(numbers: Iterable[int], extra: str = "") -> str:
        return (
            f"<div class='step-box'><div class='step-inner'><div class='step-text{extra}'>"
            + paragraphs(numbers)
            + "</div></div></div>"
        )

    wrapped = "".join(f"<span><span>{chunk([n])}</span></span>" for n in range(3, 8))
    html = page(
        "<article>" + chunk(range(3), " lead-text") + wrapped + "</article>"
        "<div class='side-col'><p>" + sentence(90) + "</p></div>"
    )
    text = read(html).text
    assert missing(text, range(8)) == []
    assert sentence(90) not in text


# -- hidden text --------------------------------------------------------------------------


def test_a_story_hidden_behind_a_paywall_script_is_read() -> None:
    html = page(
        "<div class='story-copy'><div class='teaser-part'>"
        + paragraphs(range(2))
        + "</div><div class='member-part' style='display:none'>"
        + paragraphs(range(2, 12))
        + "</div></div>"
    )
    assert missing(read(html).text, range(12)) == []


def test_a_hidden_copy_of_the_story_is_not_read_twice() -> None:
    html = page(
        "<div class='story-copy'><div class='shown-part'>"
        + paragraphs(range(8))
        + "</div><div style='display:none'>"
        + paragraphs(range(8))
        + "</div><div style='display:none'>"
        + paragraphs(range(8))
        + "</div></div>"
    )
    text = read(html).text
    assert missing(text, range(8)) == []
    assert text.count(sentence(3)) == 1


def test_a_label_followed_by_a_subheading_and_prose_does_not_end_the_story() -> None:
    html = page(
        "<article class='post'>"
        + paragraphs(range(8))
        + "<h3>Most read placeholder stories</h3><h3>Team Amber (7-7)</h3>"
        "<p>Next: Sunday, at Birch.</p>" + paragraphs(range(8, 10)) + "</article>"
    )
    text = read(html).text
    assert missing(text, range(10)) == []
    assert "Team Amber (7-7)" in text and "Most read" not in text


def test_text_in_caption_named_blocks_beside_each_picture_is_kept_when_it_is_the_story() -> None:
    parts = "".join(
        f"<div class='pic-wrap'><div class='caption-pic'><img src='/i{n}.jpg' alt=''>"
        f"<div class='pic-text'>{paragraphs([n])}</div></div></div>"
        for n in range(1, 7)
    )
    html = page("<div class='entry-body-x'>" + paragraphs([0]) + parts + "</div>")
    assert missing(read(html).text, range(7)) == []


def test_a_short_line_after_a_lazy_pictures_placeholder_is_its_caption() -> None:
    html = page(
        "<div class='story-copy'>"
        + paragraphs(range(3))
        + "<div class='pic-slot'><div class='lazyload-box'><div style='height:300px'></div></div>"
        "<div class='xq1'>A drawn map of the placeholder valley. Credit: Sample Agency.</div></div>"
        + paragraphs(range(3, 6))
        + "</div>"
    )
    text = read(html).text
    assert missing(text, range(6)) == []
    assert "drawn map" not in text


def test_paragraphs_inside_a_paragraph_are_read() -> None:
    html = page(
        "<table><tr><td><p><a href='/x'>Send this placeholder story</a><br>"
        "<a href='/y'>Print this placeholder story</a><span class='copy-zone'>"
        + paragraphs(range(6))
        + "</span></p></td></tr></table>"
    )
    blocks = [newsmodel.model.block_text(b) for b in read(html).body]
    assert [n for n in range(6) if sentence(n) not in blocks] == []


def test_a_short_paragraph_that_is_all_the_text_of_a_picture_block_is_its_caption() -> None:
    html = page(
        "<div class='story-copy'>"
        + paragraphs(range(3))
        + "<div class='attach-box'><a href='/big.jpg'><img src='/small.jpg' alt=''></a>"
        "<p class='q7'>SAMPLE PHOTO A placeholder team stands on the placeholder podium.</p>"
        "</div>" + paragraphs(range(3, 6)) + "</div>"
    )
    text = read(html).text
    assert missing(text, range(6)) == []
    assert "SAMPLE PHOTO" not in text


@pytest.mark.parametrize(
    ("names", "shown"), [("box-x hidden", False), ("box-x hidden md:block", True)]
)
def test_a_box_hidden_by_its_class_is_not_read(names: str, shown: bool) -> None:
    html = page(
        "<div class='story-copy'>"
        + paragraphs(range(6))
        + f"<div class='{names}'><p>{sentence(40)}</p></div>"
        + paragraphs(range(6, 8))
        + "</div>"
    )
    text = read(html).text
    assert missing(text, range(8)) == []
    assert (sentence(40) in text) is shown


def test_linked_subheadings_over_their_own_prose_stay() -> None:
    parts = "".join(
        f"<h2><a href='/place{n}'>Placeholder Hall {n}</a></h2><h3>{n} Sample Street</h3>"
        f"<p>{sentence(n)}</p>"
        for n in range(1, 5)
    )
    html = page("<div class='story-copy'>" + paragraphs([0]) + parts + "</div>")
    text = read(html).text
    assert missing(text, range(5)) == []
    assert "Placeholder Hall 3" in text


def test_a_lone_linked_promo_heading_goes() -> None:
    html = page(
        "<div class='story-copy'>"
        + paragraphs(range(4))
        + "<h3><a href='/other'>READ MORE: Another placeholder headline</a></h3>"
        + paragraphs(range(4, 7))
        + "</div>"
    )
    text = read(html).text
    assert missing(text, range(7)) == []
    assert "READ MORE" not in text
