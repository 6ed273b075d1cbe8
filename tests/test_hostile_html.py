"""Hostile web pages: no quadratic path, no silently dropped text, no writer injection."""

from __future__ import annotations

import contextlib
import gc
import json
import re
import time
import warnings
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

import newsmodel
from newsmodel import model as m
from newsmodel.errors import (
    InputTooLargeError,
    LossyConversionError,
    LossyConversionWarning,
    NewsmodelError,
)
from newsmodel.io import html, jsonld
from newsmodel.markup import EMBED_MAX_DEPTH, HTML_MAX_DEPTH, blocks_from_html
from newsmodel.page.elements import text_of
from newsmodel.page.measure import Measures
from newsmodel.page.parse import parse
from newsmodel.page.strings import COPYRIGHT
from tests.conftest import INDAILY_HTML

SENTENCE = "The minister said, on Tuesday, that the plan would go ahead as agreed. "


def _page(body: str) -> str:
    return f"<html><head><title>A page</title></head><body>{body}</body></html>"


def _seconds(data: str) -> float:
    gc.collect()  # (another test's garbage is not this page's cost)
    start = time.perf_counter()
    with contextlib.suppress(NewsmodelError):
        html.read(data)
    return time.perf_counter() - start


#: Times as long a page of twice the size may take: linear is 2, quadratic 4.
LINEAR_RATIO = 3.5
#: Rounds of measurement: a quadratic path fails every one, a busy machine rarely two.
ROUNDS = 2


def _assert_linear(make: Callable[[int], str], n: int) -> None:
    """Reading a page of size 2n takes well under four times as long as size n (the best
    of three runs each, taken in turns so that a busy moment hits both sizes alike; a
    second round when the first is over, as other work on the machine can make it)."""
    small_page, big_page = make(n), make(2 * n)
    for _ in range(ROUNDS):
        small = big = float("inf")
        for _ in range(3):
            small = min(small, _seconds(small_page))
            big = min(big, _seconds(big_page))
        if big < LINEAR_RATIO * max(small, 0.002):
            return
    raise AssertionError(f"{small:.3f} s at size {n}, {big:.3f} s at size {2 * n}")


def _nested(tag: str, inner: str) -> Callable[[int], str]:
    def make(depth: int) -> str:
        opening = "".join(f"<{tag} class='c{i % 5}'>{inner}" for i in range(depth))
        return _page(opening + f"</{tag}>" * depth)

    return make


# depths under 256 (where libxml2 used to cut the tree) show the old quadratic paths
SHAPES = {
    "nested divs of paragraphs": _nested("div", f"<p>{SENTENCE}</p>" * 6),
    "nested date lines": _nested("div", "<span class='date'>on</span>" * 4),
    "nested linked paragraphs": _nested("div", "<p>" + "<a href='/a'>a link</a>, " * 8 + "</p>"),
    "nested figures": _nested("figure", f"<p>{SENTENCE}</p><figcaption></figcaption>"),
    "nested articles": _nested("article", f"<p>{SENTENCE}</p>" * 6),
    "nested bylines": _nested("div", "<span class='author'>x</span>" * 8),
    "nested copyright lines": _nested("div", "<span>Copyright 2024 someone</span>" * 8),
    "nested dates": _nested("span", "<time>x</time>" * 8),
}


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_nested_pages_read_in_linear_time(name: str) -> None:
    _assert_linear(SHAPES[name], 110)


def _everything(depth: int) -> str:
    """Each level: a paragraph, a date line, a byline, a link, a figure, an h1, a copyright."""
    level = (
        f"<div class='story'><p>{SENTENCE}</p><span class='date'>4 April 2024</span>"
        "<span class='author'>By Jane Doe</span><a rel='tag' href='/t'>tag</a>"
        "<figure><figcaption>x</figcaption></figure><h1>A page</h1><small>© 2024</small>"
    )
    return _page(level * depth + "</div>" * depth)


def test_deeply_nested_page_reads_in_linear_time() -> None:
    _assert_linear(_everything, 400)


def test_wide_pages_read_in_linear_time() -> None:
    def siblings(n: int) -> str:
        return _page("<article>" + f"<p>{SENTENCE}<a href='/x'>link</a></p>" * n + "</article>")

    _assert_linear(siblings, 1500)


# ---------------------------------------------------------------------------
# deep nesting: read, or refused with the limit named, never read short


def test_text_nested_up_to_the_limit_is_read() -> None:
    depth = 2000
    page = _page("".join(f"<div><p>{SENTENCE}{i}.</p>" for i in range(depth)) + "</div>" * depth)
    text = html.read(page).text
    assert f"agreed. {depth - 1}." in text  # the deepest paragraph


@pytest.mark.parametrize("tag", ["div", "span", "b", "section"])
def test_text_nested_too_deep_is_refused_not_dropped(tag: str) -> None:
    depth = 100_000
    page = _page(f"<{tag}>x " * depth + "the last words" + f"</{tag}>" * depth + "<p>after</p>")
    with pytest.raises(InputTooLargeError, match=str(HTML_MAX_DEPTH)) as caught:
        html.read(page)
    assert caught.value.format == "html"


def _deep(depth: int) -> str:
    return "<div>" * depth + "the last words" + "</div>" * depth


def test_deep_fragments_are_refused_or_flattened() -> None:
    with pytest.raises(InputTooLargeError):
        blocks_from_html(_deep(100_000))
    # a raw embed is sanitised: what is nested deeper than EMBED_MAX_DEPTH becomes text,
    # so the page written reads back (no recursion on the way)
    article = m.Article(
        headline="A page", body=(m.RawEmbed(format="text/html", content=_deep(1500)),)
    )
    with pytest.warns(LossyConversionWarning, match="body"):  # the embed's markup changed
        page = html.write(article)
    assert "the last words" in page
    tree = lxml_html.document_fromstring(page)
    assert max(len(list(e.iterancestors())) for e in tree.iter()) < EMBED_MAX_DEPTH + 20
    # markup libxml2 cannot read at all is reported lost, not dropped without a word
    too_deep = m.Article(
        headline="A page", body=(m.RawEmbed(format="text/html", content=_deep(100_000)),)
    )
    with pytest.raises(LossyConversionError, match="body"):
        html.write(too_deep, strict=True)


def test_a_text_node_over_ten_megabytes_is_read() -> None:
    words = "word " * 2_100_000  # without huge_tree, libxml2 drops the whole page
    (paragraph,) = blocks_from_html(f"<p>{words}</p>")
    assert len(m.block_text(paragraph)) > 10_000_000


def _attributes(count: int, tag: str = "div") -> str:
    names = " ".join(f"a{i}=1" for i in range(count))
    return f"<{tag} {names} title='>' >{SENTENCE}</{tag}>"


@pytest.mark.parametrize("tag", ["div", "script", "p"])
def test_a_tag_with_tens_of_thousands_of_attributes_is_refused(tag: str) -> None:
    # libxml2 takes seconds over such a tag; a quoted ">" does not end it
    page = _page(f"<article><p>{SENTENCE}</p>{_attributes(20_000, tag)}</article>")
    with pytest.raises(InputTooLargeError, match="more than 1000 attributes"):
        html.read(page)


def test_a_tag_with_hundreds_of_attributes_is_read() -> None:
    page = _page(f"<article>{_attributes(500, 'p')}</article>")
    assert SENTENCE.strip() in html.read(page).text


# ---------------------------------------------------------------------------
# the writer: the article's text never becomes markup

HOSTILE = [
    "__JSONLD__",
    '"><script>alert(1)</script>',
    'x" onerror="alert(1)',
    "x onerror=alert(1)",
    "</script><script>alert(2)</script>",
    "<!-- __JSONLD__ -->",
    "a & b < c > d \u2028 \u2029",
]


def _hostile_article(text: str) -> m.Article:
    return m.Article(
        headline=f"Headline {text}",
        summary=f"Summary {text}",
        url="https://example.com/a?q=" + text.replace(" ", "+"),
        publisher=m.Publisher(name=f"Publisher {text}"),
        bylines=(m.Byline(name=f"Jane {text}", url="https://example.com/jane"),),
        body=(
            m.Paragraph(content=(f"{SENTENCE}Body {text}",)),
            m.Figure(photo=m.Photo(url="https://example.com/p.jpg", caption=f"Caption {text}")),
        ),
        topics=(m.Topic(name=f"Tag {text}", kind=m.TopicKind.KEYWORD),),
    )


def _assert_safe_page(page: str, article: m.Article) -> None:
    tree = lxml_html.document_fromstring(page)
    scripts = list(tree.iter("script"))
    assert len(scripts) == 1 and scripts[0].get("type") == "application/ld+json"
    for element in tree.iter():
        if isinstance(element.tag, str):
            assert not [a for a in element.attrib if a.lower().startswith("on")], element.attrib
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert json.loads(scripts[0].text) == json.loads(jsonld.write(article))
    assert not re.search(r"[<>&\u2028\u2029]", scripts[0].text)


@pytest.mark.parametrize("text", HOSTILE)
def test_writer_keeps_hostile_text_out_of_the_markup(text: str) -> None:
    article = _hostile_article(text)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        page = html.write(article)
    _assert_safe_page(page, article)
    back = html.read(page)

    def words(value: str | None) -> str:
        return " ".join((value or "").split())

    assert back.headline == words(article.headline)
    assert back.summary == words(article.summary)
    assert back.publisher is not None and article.publisher is not None
    assert back.publisher.name == words(article.publisher.name)
    assert words(f"Body {text}") in back.text
    byline = lxml_html.document_fromstring(page).find(".//p[@class='byline']")
    assert byline is not None and words(byline.text_content()) == words(f"By Jane {text}")


_FIELD_TEXT = st.lists(
    st.sampled_from([*"<>\"'=/&; _-onerrorscript", "__JSONLD__", "\u2028", "</script>"]),
    min_size=1,
    max_size=30,
).map("".join)


@settings(max_examples=60, deadline=None)
@given(_FIELD_TEXT)
def test_random_field_text_never_becomes_markup(text: str) -> None:
    article = _hostile_article(text)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        page = html.write(article)
    _assert_safe_page(page, article)


# ---------------------------------------------------------------------------
# the measures agree with reading each element's text afresh

_TREE_PIECE = st.sampled_from(
    ["", " ", "word", "two  words ", ", comma,", "\n\t", "Copyright", "©", "(c) 2024", "a\u00a0b"]
)


@st.composite
def _markup(draw: st.DrawFn, depth: int = 0) -> str:
    parts = [draw(_TREE_PIECE)]
    for _ in range(draw(st.integers(0, 3 if depth < 4 else 0))):
        tag = draw(st.sampled_from(["p", "a", "div", "span", "h1", "time"]))
        parts.append(f"<{tag}>{draw(_markup(depth + 1))}</{tag}>{draw(_TREE_PIECE)}")
    return "".join(parts)


def _paragraph(el: Any) -> bool:
    """A ``p``, or a block of inline content only, long enough and not a link."""
    from newsmodel.markup.dialects import BLOCK_TAGS
    from newsmodel.page.weights import INLINE_PARAGRAPH_MIN

    if el.tag == "p":
        return True
    if el.tag not in ("div", "section", "td", "dd", "li", "center"):
        return False
    if any(c.tag in BLOCK_TAGS and c.tag not in ("script", "style") for c in el):
        return False
    length = len(text_of(el))
    linked = sum(len(text_of(a)) for a in el.iter("a"))
    return length >= INLINE_PARAGRAPH_MIN and linked * 2 < length


def _paragraph_text(el: Any) -> int:
    """The paragraph text ``el`` itself adds: all of a paragraph's, or a ``div``'s own text
    between its blocks when there is a paragraph's worth of it (``<br>``-separated lines)."""
    from newsmodel.page.weights import DIV_OWN_TEXT_MIN

    if not isinstance(el.tag, str):
        return 0
    if _paragraph(el):
        return len(text_of(el))
    if el.tag != "div":
        return 0
    own = len((el.text or "").strip()) + sum(len((c.tail or "").strip()) for c in el)
    return own if own >= DIV_OWN_TEXT_MIN else 0


def _check_measures(document: Any) -> None:
    measures = Measures(document)
    for el in document.iter():
        if not isinstance(el.tag, str):
            continue
        text = text_of(el)
        assert measures.length(el) == len(text)
        assert measures.text(el) == text
        assert measures.commas(el) == text.count(",")
        assert measures.paragraphs(el) == sum(_paragraph_text(p) for p in el.iter())
        assert measures.linked(el) == sum(len(text_of(a)) for a in el.iter("a"))
        assert measures.size(el) == sum(1 for e in el.iter() if isinstance(e.tag, str))
        if COPYRIGHT.match(text):
            assert measures.marked(el)


def test_measures_agree_on_the_indaily_page() -> None:
    _check_measures(parse(html.decode_html(INDAILY_HTML.read_bytes())))


@settings(max_examples=80, deadline=None)
@given(_markup())
def test_measures_agree_on_random_markup(markup: str) -> None:
    _check_measures(parse(f"<html><body><div>{markup}x</div></body></html>"))


@pytest.mark.parametrize("reference", ["&#1;", "&#x1F;", "&#0011", "&#xFFFF;", "&#65534;"])
def test_references_to_characters_the_model_refuses_are_dropped(reference: str) -> None:
    page = (
        f"<html><head><title>Lorem</title></head><body><article><h1>Lorem{reference} ipsum</h1>"
        f"<p>The ferry{reference} pilots of Port Halden will guide the boats after dark "
        "from May, the harbour board said on Tuesday.</p></article></body></html>"
    )
    article = newsmodel.read(page, quotes=False)
    assert "The ferry pilots of Port Halden" in newsmodel.write(article, "text")


def test_a_feed_body_with_a_refused_character_reference_still_reads_every_item() -> None:
    feed = (
        '<?xml version="1.0"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>'
        "<link>https://example.com/</link>"
        "<item><title>One</title><link>https://example.com/1</link><content:encoded>"
        "&lt;p&gt;Lorem &amp;#1;ipsum&lt;/p&gt;</content:encoded></item>"
        "<item><title>Two</title><link>https://example.com/2</link></item></channel></rss>"
    )
    articles = list(newsmodel.read_many(feed, quotes=False))
    assert [a.headline for a in articles] == ["One", "Two"]
    assert articles[0].body == (m.Paragraph(content=("Lorem ipsum",)),)
