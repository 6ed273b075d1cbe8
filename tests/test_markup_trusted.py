"""The markup reader makes its paragraphs, headings and inline nodes without the model's
checks (:func:`~newsmodel.model_fields.trusted_maker`). Whatever markup it reads, what it
makes must be exactly what the public constructors make: every instance passes its
validators, and rebuilding it through its constructor changes nothing.

Every sentence and name here is written for these tests.
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from newsmodel import model as m
from newsmodel._input import clean_markup, clean_markup_utf8
from newsmodel.errors import ModelValidationError, NewsmodelError
from newsmodel.markup import (
    blocks_from_element,
    blocks_from_html,
    html_parser,
    inline_from_element,
    photo_from_figure,
    photos_of_figures,
)
from newsmodel.markup.parse import parse_document, parse_html, parsed_clean
from newsmodel.markup.text import clean
from newsmodel.model_fields import (
    NOT_TEXT,
    holds_refused,
    trusted_maker,
    utf8_holds_refused,
    validate_all,
)
from tests.model_checks import assert_as_constructed


def _validate_each(value: Any) -> None:
    """``attrs.validate`` on every attrs instance in ``value``, however deep."""
    if isinstance(value, tuple):
        for item in value:
            _validate_each(item)
    elif attrs.has(type(value)):
        attrs.validate(value)
        for field in attrs.fields(type(value)):
            _validate_each(getattr(value, field.name))


def _assert_as_constructed(blocks: tuple[m.Block, ...]) -> None:
    _validate_each(blocks)  # (attrs' own check, beside validate_all's)
    assert_as_constructed(blocks)


#: Fragments covering the shapes the reader builds its nodes from without checks.
_FRAGMENTS = [
    "<p>Plain words.</p>",
    "<p>  \n Edges\t of  white\r\n space \f </p>",
    "<p>\xa0Held\xa0</p><p>\u2003</p><p>\xa0</p>",
    '<p>Before <a href="https://example.org/a">inside <span>split</span> text</a> after</p>',
    '<p><a href="https://example.org/b" title="  ">  </a></p>',
    '<p><a href="javascript:void(0)">kept as text</a> and <a href=" ">blank</a></p>',
    '<p><a href="https://example.org/c" title="\xa0A\u2003title ">x</a></p>',
    "<p><em>one</em><em> </em><strong><b>two</b></strong><i>\xa0</i></p>",
    '<p><q cite="https://example.org/q">A said thing</q><q> </q><q cite="data:x">y</q></p>',
    '<nitf-like><em class="strong">strong in NITF</em></nitf-like>',
    "<p>a<br>b<br/><br></p><p><br></p>",
    "<h2>  Head  <em>ing</em> </h2><h3> </h3><h6>Six</h6>",
    "<pre>  line one\n\tline two  \n</pre><pre><b>bold</b>\n</pre>",
    "Loose <em>text</em> <div>in a <p>block</p> tail</div> end",
    "<ul><li>one</li><li><p>two</p> loose</li><h3>cut</h3>text<li>three</li></ul>",
    "<ol><li></li></ol><dl><dt>Term</dt><dd>Meaning</dd></dl>",
    "<blockquote><p>Quoted words.</p><footer>A Person</footer></blockquote>",
    '<blockquote cite="https://example.org/z">Loose quote<cite>Someone</cite></blockquote>',
    "<table><caption>Cap</caption><tr><th>H</th><td colspan=3>c <a href='/r'>l</a></td></tr></table>",
    '<figure><img src="https://example.org/p.jpg" alt="Alt"><figcaption>Caption. '
    '<span class="credit">Photo: Some Agency</span></figcaption></figure>',
    '<p>Text <img src="https://example.org/i.jpg"> more</p>',
    '<iframe src="https://video.example/e/1"></iframe>',
    '<div class="nm-embed" data-format="text/x-test">raw &lt;stuff&gt;</div>',
    "<script>no</script><p>yes<script>no</script></p><form><p>gone</p></form>",
    "a &#1;b&#x1F; c&#xFFFE;d&#65535; e\x01f\x0bg",
    '<p title="x\x02y"><a href="https://example.org/\x03" title="t\x04">z&#2;</a></p>',
    "<p>a&#&#1;1;b &#x&#1;b;c &#&#&#x1;1;1;</p>",
    "<p>" + "<span>" * 80 + "deep words" + "</span>" * 80 + "</p>",
    "<div>" * 90 + "<p>deep <a href='https://example.org/d'>block</a></p>" + "</div>" * 90,
]


@pytest.mark.parametrize("markup", _FRAGMENTS)
def test_what_the_reader_makes_is_what_the_constructors_make(markup: str) -> None:
    _assert_as_constructed(blocks_from_html(markup))


def _foreign_body(markup: str) -> etree._Element:
    """``markup`` parsed by a plain lxml HTML parser, as a caller of the library might."""
    document = etree.fromstring(f"<html><body>{markup}</body></html>", etree.HTMLParser())
    body = document.find("body")
    assert body is not None
    return body


@pytest.mark.parametrize("markup", _FRAGMENTS)
def test_a_foreign_tree_of_cleaned_markup_reads_the_same(markup: str) -> None:
    body = _foreign_body(clean_markup(markup))
    assert not parsed_clean(body)
    assert blocks_from_element(body) == blocks_from_html(markup)


def test_a_foreign_tree_holding_refused_characters_is_refused() -> None:
    # a plain HTML parser keeps what the model refuses: the blocks are checked, not trusted
    body = _foreign_body("<p>one\x01two</p>")
    with pytest.raises(ModelValidationError, match="U\\+0001"):
        blocks_from_element(body)
    link = _foreign_body('<p><a href="https://example.org/" title="a&#xFFFE;b">w</a></p>')
    with pytest.raises(ModelValidationError, match="title"):
        blocks_from_element(link)


def test_the_photos_of_a_foreign_tree_are_checked() -> None:
    # an img's photo is made unchecked: a tree of another parser has its photos checked
    markup = '<figure><img src="https://example.org/p.jpg" alt="a&#1;b"></figure><img alt="c">'
    body = _foreign_body(markup)
    with pytest.raises(ModelValidationError, match="alt"):
        blocks_from_element(body)
    figure = body.find("figure")
    assert figure is not None
    with pytest.raises(ModelValidationError, match="alt"):
        photo_from_figure(figure)
    with pytest.raises(ModelValidationError, match="alt"):
        photos_of_figures([figure])
    clean_figure = parse_document(markup).find("body/figure")
    assert clean_figure is not None
    expected = m.Photo(url="https://example.org/p.jpg", alt="ab")
    assert photo_from_figure(clean_figure) == expected
    assert photos_of_figures([clean_figure]) == [expected]


def test_trees_of_the_clean_parse_are_trusted_and_others_are_not() -> None:
    assert parsed_clean(parse_html("<p>w</p>"))
    assert parsed_clean(parse_document("<p>w</p>"))
    assert not parsed_clean(etree.fromstring("<p>w</p>", html_parser()))
    assert not parsed_clean(etree.fromstring("<div><p>w</p></div>"))
    assert not parsed_clean(etree.Element("div"))


def test_a_callers_tree_from_the_public_html_parser_is_checked() -> None:
    # html_parser() is for a caller's own markup, which nobody cleaned
    document = etree.fromstring("<html><body><p>a&#1;b</p></body></html>", html_parser())
    body = document.find("body")
    assert body is not None
    with pytest.raises(ModelValidationError, match="U\\+0001"):
        blocks_from_element(body)


def test_inline_content_of_a_foreign_tree_is_checked() -> None:
    body = _foreign_body(
        '<p><em>a&#1;b</em><a href="https://example.org/" title="t&#xb;">x</a></p>'
    )
    paragraph = body.find("p")
    assert paragraph is not None
    with pytest.raises(ModelValidationError):
        inline_from_element(paragraph)
    clean = parse_document("<p><em>a&#1;b</em></p>").find("body/p")
    assert clean is not None
    assert inline_from_element(clean) == [m.Emphasis(content=("ab",))]


# ---------------------------------------------------------------------------
# Hypothesis: markup of the tags and attributes the reader treats apart

_TAGS = [
    "p", "a", "em", "i", "strong", "b", "span", "q", "br", "img", "figure", "figcaption",
    "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "footer", "cite", "h2", "h5", "pre",
    "table", "caption", "tr", "td", "th", "div", "section", "script", "hr", "iframe",
    "small", "picture", "source", "sub",
]  # fmt: skip
_ATTRIBUTES = [
    ("href", "https://example.org/page"),
    ("href", "/relative/path"),
    ("href", "javascript:alert(1)"),
    ("href", "  "),
    ("href", "https://example.org/&#1;x"),
    ("title", "A title"),
    ("title", " \xa0 "),
    ("title", "t&#xFFFF;"),
    ("cite", "https://example.org/source"),
    ("src", "https://example.org/pic.jpg"),
    ("srcset", "https://example.org/a.jpg 640w, https://example.org/b.jpg 1280w"),
    ("alt", "Alt words"),
    ("alt", "\u2003"),
    ("class", "credit"),
    ("class", "photographer"),
    ("class", "strong"),
    ("class", "nm-embed"),
    ("colspan", "2"),
    ("rowspan", "999999"),
    ("width", "640px"),
]
_TEXT = st.lists(
    st.sampled_from(
        ["w", "Word", " ", "  ", "\n", "\t", "\r", "\f", "\xa0", "\u2003", ".", "(", ")",
         "Photo: ", "&amp;", "&#1;", "&#xFFFE;", "&#65535", "\x01", "\x0b", "\ufffe", "é", "“",
         "&#", "&#x", "1;", "b;"]
    ),
    max_size=8,
).map("".join)  # fmt: skip


def _element(tag: str, attributes: list[tuple[str, str]], children: list[str]) -> str:
    attrs_text = "".join(f' {name}="{value}"' for name, value in attributes)
    return f"<{tag}{attrs_text}>{''.join(children)}</{tag}>"


_MARKUP = st.recursive(
    _TEXT,
    lambda inner: st.builds(
        _element,
        st.sampled_from(_TAGS),
        st.lists(st.sampled_from(_ATTRIBUTES), max_size=3),
        st.lists(inner, max_size=4),
    ),
    max_leaves=24,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_MARKUP, max_size=5).map("".join))
def test_generated_markup_reads_to_what_the_constructors_make(markup: str) -> None:
    try:
        blocks = blocks_from_html(markup)
    except ModelValidationError:  # the model's refusal would be the reader's failure
        raise
    except NewsmodelError:  # our own errors only (too deep, ...)
        return
    _assert_as_constructed(blocks)
    assert blocks_from_element(_foreign_body(clean_markup(markup)), own_body=True) == blocks


# ---------------------------------------------------------------------------
# the pieces: white space, refused characters, the makers


@given(st.text(alphabet=st.sampled_from([" ", "\t", "\n", "\r", "\f", "\xa0", "a", "\u2003"])))
def test_clean_makes_each_run_of_html_white_space_one_space(text: str) -> None:
    expected = "".join(" " if c in " \t\n\r\f" else c for c in text)
    while "  " in expected:
        expected = expected.replace("  ", " ")
    assert clean(text) == expected


@pytest.mark.parametrize("length", [0, 10, 255, 256, 5000])
def test_holds_refused_says_what_not_text_says(length: int) -> None:
    samples = [*range(0x30), 0x7F, 0x85, 0xA0, 0xD7FF, 0xD800, 0xDBFF, 0xDC00, 0xDFFF]
    samples += [0xE000, 0xFFFD, 0xFFFE, 0xFFFF, 0x10000, 0x1FFFE, 0x10FFFF]
    for code in samples:
        for text in ("é" * length + chr(code), chr(code) + "a" * length):
            assert holds_refused(text) == (NOT_TEXT.search(text) is not None), (code, length)


@pytest.mark.parametrize("length", [0, 10, 255, 256, 5000])
def test_the_utf8_scans_say_what_the_text_scans_say(length: int) -> None:
    samples = [*range(0x30), 0x7F, 0x85, 0xA0, 0xD7FF, 0xD800, 0xDFFF, 0xE000, 0xFEFF]
    samples += [0xFFFD, 0xFFFE, 0xFFFF, 0x10000, 0x1FFFE, 0x10FFFF]
    for code in samples:
        for filler in ("a", "é", "Ѐ", "😀"):
            for text in (filler * length + chr(code), chr(code) + filler * length):
                expected = clean_markup(text).encode("utf-8", "surrogatepass")
                assert clean_markup_utf8(text) == expected, (code, length, filler)
                if 0xD800 <= code <= 0xDFFF:
                    continue  # (no UTF-8 to give utf8_holds_refused)
                data = text.encode("utf-8")
                assert utf8_holds_refused(text, data) == holds_refused(text), (code, length)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["&#", "&#x", "1;", "b;", "\x01", "\ufffe", "\ud800", "é", "\u0400", "a" * 300]
        ),
        max_size=8,
    ).map("".join)
)
def test_markup_as_utf8_is_the_cleaned_markup_encoded(text: str) -> None:
    assert clean_markup_utf8(text) == clean_markup(text).encode("utf-8")


def test_a_trusted_maker_makes_what_the_constructor_makes() -> None:
    make = trusted_maker(m.InlineQuote)
    assert make(("Said.",), None) == m.InlineQuote(content=("Said.",))
    assert make(("Said.",), "https://example.org/") == m.InlineQuote(
        content=("Said.",), cite="https://example.org/"
    )
    with pytest.raises(TypeError):
        make(("Said.",))  # every field is given
    make_photo = trusted_maker(m.Photo)  # nine fields, set in a loop
    url = "https://example.org/p.jpg"
    photo = make_photo(url, None, None, "Alt", None, 640, None, (), "p1")
    assert photo == m.Photo(url=url, alt="Alt", width=640, id="p1")
    with pytest.raises(TypeError, match="takes 9 values"):
        make_photo(url)


def test_validate_all_finds_a_bad_value_however_deep() -> None:
    bad = trusted_maker(m.Link)(("w",), "https://example.org/", " ")
    inner = trusted_maker(m.Paragraph)((bad,))
    quote = m.BlockQuote(blocks=(m.Paragraph(content=("fine",)), inner))
    with pytest.raises(ModelValidationError, match="title"):
        validate_all((m.ListBlock(items=((quote,),)),))


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["&#", "&#x", "&#0", "&", "#", "x", "0", "1", "b", "F", ";", "&#1;", "&#xb;", "w"]
        ),
        max_size=12,
    ).map("".join)
)
def test_clean_markup_leaves_no_reference_to_a_refused_character(text: str) -> None:
    # taking a reference out must not join what stood around it into another ("&#&#1;1;")
    body = etree.fromstring(
        f"<html><body><p>{clean_markup(text)}</p></body></html>", etree.HTMLParser()
    )
    assert not holds_refused("".join(body.itertext()))
