"""Body markup ↔ blocks, directly: each tag kind, inline nodes both ways, tables,
figures, the embed sanitiser's promises, safe URLs and the NITF dialect.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from lxml import etree

from newsmodel import markup
from newsmodel import model as m
from newsmodel.io.nitf import nitf_element
from newsmodel.markup import (
    EMBED_MAX_DEPTH,
    blocks_from_element,
    blocks_from_html,
    blocks_to_elements,
    blocks_to_html,
    element_maker,
    inline_from_element,
    inline_to,
    photo_from_figure,
    photos_of_figures,
    remove_element,
    safe_url,
    sanitise_html,
    table_to,
)
from newsmodel.markup.blocks import HANDLERS
from newsmodel.markup.dialects import BLOCK_TAGS, DROP_TAGS

XHTML = "http://www.w3.org/1999/xhtml"


def _p(*content: m.Inline) -> m.Paragraph:
    return m.Paragraph(content=content)


def _fragment(markup: str) -> etree._Element:
    """``markup`` parsed as the children of one ``div``."""
    return etree.fromstring(f"<div>{markup}</div>")


def _round_trip(blocks: tuple[m.Block, ...]) -> tuple[m.Block, ...]:
    return blocks_from_html(blocks_to_html(blocks))


# ---------------------------------------------------------------------------
# blocks, read


def test_paragraphs_and_loose_text() -> None:
    blocks = blocks_from_html("Loose words <p>The ferry  ran\n late.</p> trailing words")
    assert blocks == (_p("Loose words"), _p("The ferry ran late."), _p("trailing words"))


def _figure_urls(blocks: tuple[m.Block, ...]) -> list[str | None]:
    return [b.photo.url for b in blocks if isinstance(b, m.Figure)]


def test_a_linked_picture_between_paragraphs_of_a_fragment_is_a_figure() -> None:
    # a feed's body often opens with its photo, linked to the larger file or the story
    body = (
        '<a href="https://e.test/big.jpg"><img src="https://e.test/thumb?id=3" alt="A"></a>'
        "<p>First.</p>"
        '<span><img src="https://e.test/b.png"></span>'
        'Loose <a href="https://e.test/story"><img src="https://e.test/c.jpg"></a> text'
    )
    blocks = blocks_from_html(body)
    assert _figure_urls(blocks) == [
        "https://e.test/thumb?id=3",
        "https://e.test/b.png",
        "https://e.test/c.jpg",
    ]
    assert [b for b in blocks if isinstance(b, m.Paragraph)] == [_p("First."), _p("Loose text")]


def test_share_buttons_and_ads_of_a_fragment_are_no_figures() -> None:
    # a feed service's footer: ads and share buttons linking elsewhere, icons
    body = (
        "<p>Story.</p>"
        '<a href="https://ads.e.test/r?a=1"><img src="https://ads.e.test/i?d=1"></a>'
        '<a href="https://e.test/share"><img src="https://e.test/img/digg.gif"></a>'
        '<a href="https://e.test/"><img src="https://e.test/site-logo.png"></a>'
        '<span><img src="https://e.test/small.png" width="16" height="16"></span>'
    )
    assert _figure_urls(blocks_from_html(body)) == []


def test_a_linked_picture_in_a_page_region_is_left_to_the_page_reader() -> None:
    # in a web page's region such a picture is an avatar or another story's thumbnail
    region = _fragment('<a href="https://e.test/x"><img src="https://e.test/a.jpg"/></a><p>T</p>')
    assert _figure_urls(blocks_from_element(region)) == []


@pytest.mark.parametrize("level", [1, 2, 3, 4, 5, 6])
def test_headings_keep_their_level(level: int) -> None:
    blocks = blocks_from_html(f"<h{level}>Harbour works</h{level}><p>Text.</p>")
    assert blocks == (m.Heading(content=("Harbour works",), level=level), _p("Text."))


def test_nitf_hl2_is_a_level_two_heading() -> None:
    element = _fragment("<hl2>Council vote</hl2>")
    assert blocks_from_element(element) == (m.Heading(content=("Council vote",), level=2),)


def test_blockquote_with_footer_attribution_and_cite() -> None:
    blocks = blocks_from_html(
        '<blockquote cite="https://example.org/speech"><p>We will rebuild the pier.</p>'
        "<footer>Mara Quill</footer></blockquote>"
    )
    assert blocks == (
        m.BlockQuote(
            blocks=(_p("We will rebuild the pier."),),
            cite="https://example.org/speech",
            attribution=("Mara Quill",),
        ),
    )


def test_nitf_bq_with_credit_and_quote_source() -> None:
    element = _fragment(
        '<bq quote-source="https://example.org/q"><block><p>Fares stay the same.</p></block>'
        "<credit>Transit office</credit></bq>"
    )
    assert blocks_from_element(element) == (
        m.BlockQuote(
            blocks=(_p("Fares stay the same."),),
            cite="https://example.org/q",
            attribution=("Transit office",),
        ),
    )


def test_lists_ordered_unordered_and_nested() -> None:
    blocks = blocks_from_html(
        "<ol><li>Buy rope<ul><li>blue</li><li>green</li></ul></li><li>Tie knots</li></ol>"
    )
    inner = m.ListBlock(items=((_p("blue"),), (_p("green"),)), ordered=False)
    assert blocks == (
        m.ListBlock(items=((_p("Buy rope"), inner), (_p("Tie knots"),)), ordered=True),
    )


def test_definition_list_items() -> None:
    blocks = blocks_from_html("<dl><dt>Tide</dt><dd>Twice a day.</dd></dl>")
    assert blocks == (m.ListBlock(items=((_p("Tide"),), (_p("Twice a day."),)), ordered=False),)


def test_heading_directly_inside_a_list_is_kept_next_to_it() -> None:
    blocks = blocks_from_html(
        "<ul><h3>Northern stops</h3><li>Quarry Lane</li><li>Mill Road</li>"
        "<h3>Southern stops</h3><li>Salt Flats</li></ul>"
    )
    assert blocks == (
        m.Heading(content=("Northern stops",), level=3),
        m.ListBlock(items=((_p("Quarry Lane"),), (_p("Mill Road"),)), ordered=False),
        m.Heading(content=("Southern stops",), level=3),
        m.ListBlock(items=((_p("Salt Flats"),),), ordered=False),
    )


def test_pre_keeps_line_ends_as_breaks() -> None:
    blocks = blocks_from_html("<pre>first  line\nsecond line</pre>")
    assert blocks == (_p("first  line", m.LineBreak(), "second line"),)


def test_hr_and_dropped_tags_say_nothing() -> None:
    blocks = blocks_from_html(
        "<p>Before.</p><hr><script>var x = 1;</script><nav>Home</nav><style>p{}</style>"
        "<p>After.</p>"
    )
    assert blocks == (_p("Before."), _p("After."))


def test_a_dropped_block_ends_the_run_a_dropped_inline_does_not() -> None:
    assert blocks_from_html("left <form>field</form> right") == (_p("left"), _p("right"))
    assert blocks_from_html("left <button>press</button> right") == (_p("left right"),)


def test_containers_are_read_through() -> None:
    blocks = blocks_from_html("<section><div><article><p>Deep text.</p></article></div></section>")
    assert blocks == (_p("Deep text."),)


def test_every_handled_tag_starts_a_block_and_none_is_dropped() -> None:
    assert set(HANDLERS) <= BLOCK_TAGS
    assert not set(HANDLERS) & DROP_TAGS


def test_xhtml_namespace_reads_the_same() -> None:
    element = etree.fromstring(
        f'<body xmlns="{XHTML}"><h2>Rain</h2><p>Light <em>showers</em>.</p></body>'
    )
    assert blocks_from_element(element) == (
        m.Heading(content=("Rain",), level=2),
        _p("Light ", m.Emphasis(content=("showers",)), "."),
    )


def test_image_inside_a_paragraph_becomes_a_figure_after_it() -> None:
    blocks = blocks_from_html('<p>The new bridge <img src="https://img.example/b.jpg"> opens.</p>')
    assert blocks == (
        _p("The new bridge opens."),
        m.Figure(photo=m.Photo(url="https://img.example/b.jpg")),
    )


def test_embed_is_kept_sanitised() -> None:
    blocks = blocks_from_html(
        '<iframe src="https://video.example/e/7" onload="steal()" width="640"></iframe>'
    )
    assert blocks == (
        m.RawEmbed(
            format="text/html",
            content='<iframe src="https://video.example/e/7" width="640"></iframe>',
            url="https://video.example/e/7",
        ),
    )


# ---------------------------------------------------------------------------
# inline, both directions


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        (
            '<a href="https://example.org/a" title="More">the report</a>',
            m.Link(content=("the report",), url="https://example.org/a", title="More"),
        ),
        ("<em>slowly</em>", m.Emphasis(content=("slowly",))),
        ("<i>slowly</i>", m.Emphasis(content=("slowly",))),
        ("<strong>closed</strong>", m.Strong(content=("closed",))),
        ("<b>closed</b>", m.Strong(content=("closed",))),
        ('<em class="strong">closed</em>', m.Strong(content=("closed",))),
        (
            '<q cite="https://example.org/c">not today</q>',
            m.InlineQuote(content=("not today",), cite="https://example.org/c"),
        ),
    ],
)
def test_inline_kinds_read(markup: str, expected: m.Inline) -> None:
    element = _fragment(f"<p>Say {markup} now</p>")[0]
    assert inline_from_element(element) == ["Say ", expected, " now"]


def test_line_break_and_plain_inline_tags() -> None:
    element = _fragment("<p>one<br/>two <span>three</span></p>")[0]
    assert inline_from_element(element) == ["one", m.LineBreak(), "two ", "three"]


def test_link_with_script_url_keeps_only_its_text() -> None:
    element = _fragment('<p><a href="javascript:run()">click</a></p>')[0]
    assert inline_from_element(element) == ["click"]


def test_empty_emphasis_is_not_a_node() -> None:
    element = _fragment("<p>a<em> </em>b</p>")[0]
    assert inline_from_element(element) == ["a", " ", "b"]


INLINE = (
    "Ferry ",
    m.Link(content=("times",), url="https://example.org/t", title="Timetable"),
    " are ",
    m.Emphasis(content=("late",)),
    ", ",
    m.Strong(content=("again",)),
    ": ",
    m.InlineQuote(content=("we apologise",), cite="https://example.org/s"),
    m.LineBreak(),
    "Next week.",
)


def test_inline_written_as_html() -> None:
    root = etree.Element("p")
    inline_to(root, INLINE, element_maker(None))
    assert etree.tostring(root, encoding="unicode") == (
        '<p>Ferry <a href="https://example.org/t" title="Timetable">times</a> are '
        "<em>late</em>, <strong>again</strong>: "
        '<q cite="https://example.org/s">we apologise</q><br/>Next week.</p>'
    )
    assert tuple(inline_from_element(root)) == INLINE


def test_inline_written_as_nitf() -> None:
    root = etree.Element("p")
    inline_to(root, INLINE, element_maker(None), nitf=True)
    written = etree.tostring(root, encoding="unicode")
    assert '<em class="strong">again</em>' in written
    assert "<q>we apologise</q>" in written  # NITF q has no cite
    back = tuple(inline_from_element(root))
    assert back[5] == m.Strong(content=("again",))
    assert back[7] == m.InlineQuote(content=("we apologise",))


def test_link_with_unsafe_url_is_written_as_its_text() -> None:
    root = etree.Element("p")
    inline_to(root, [m.Link(content=("here",), url="javascript:run()")], element_maker(None))
    assert etree.tostring(root, encoding="unicode") == "<p>here</p>"


def test_inline_in_a_namespace() -> None:
    root = etree.Element(f"{{{XHTML}}}p")
    inline_to(root, [m.Emphasis(content=("x",))], element_maker(XHTML))
    assert root[0].tag == f"{{{XHTML}}}em"


# ---------------------------------------------------------------------------
# tables


def test_table_read_with_caption_headers_and_spans() -> None:
    blocks = blocks_from_html(
        "<table><caption>Rainfall</caption><thead><tr><th>Town</th><th>mm</th></tr></thead>"
        '<tbody><tr><td>Ashby</td><td rowspan="2">12</td></tr>'
        '<tr><td colspan="5000">Bexley</td></tr></tbody></table>'
    )
    assert blocks == (
        m.Table(
            caption=("Rainfall",),
            rows=(
                m.TableRow(
                    cells=(
                        m.TableCell(content=("Town",), header=True),
                        m.TableCell(content=("mm",), header=True),
                    )
                ),
                m.TableRow(
                    cells=(m.TableCell(content=("Ashby",)), m.TableCell(content=("12",), rowspan=2))
                ),
                m.TableRow(cells=(m.TableCell(content=("Bexley",), colspan=1000),)),
            ),
        ),
    )


def test_table_without_rows_is_nothing() -> None:
    assert blocks_from_html("<table><caption>Empty</caption></table>") == ()


TABLE = m.Table(
    caption=("Scores",),
    rows=(
        m.TableRow(cells=(m.TableCell(content=("Team",), header=True),)),
        m.TableRow(cells=()),
        m.TableRow(cells=(m.TableCell(content=("Gulls ", m.Strong(content=("4",))), colspan=2),)),
    ),
)


def test_table_html_round_trip_keeps_empty_rows() -> None:
    assert _round_trip((TABLE,)) == (TABLE,)


def test_table_nitf_leaves_out_empty_rows() -> None:
    root = etree.Element("body.content")
    table_to(root, TABLE, element_maker(None), nitf=True)
    assert len(root.findall("table/tr")) == 2
    assert root.find("table/tr/td/em").get("class") == "strong"


# ---------------------------------------------------------------------------
# figures


def test_figure_with_caption_credit_and_photographer() -> None:
    figure = _fragment(
        '<figure data-photo-id="ph-9"><img src="https://img.example/dock.jpg" alt="The dock" '
        'width="800" height="600px" srcset="https://img.example/s.jpg 400w, '
        'https://img.example/l.jpg 1600w"/><figcaption>Boats at dawn. '
        '<span class="photographer">Ida Roe</span> <small class="credit">Photo: Gull Press'
        "</small></figcaption></figure>"
    )[0]
    assert photo_from_figure(figure) == m.Photo(
        url="https://img.example/dock.jpg",
        alt="The dock",
        width=800,
        height=600,
        caption="Boats at dawn.",
        credit="Gull Press",
        photographer="Ida Roe",
        id="ph-9",
        renditions=(
            m.Rendition(url="https://img.example/s.jpg", width=400),
            m.Rendition(url="https://img.example/l.jpg", width=1600),
        ),
    )


def test_srcset_widths_that_are_no_number_read_as_none() -> None:
    # "²" is a digit to str.isdigit but not to int(); 5,000 digits are past int()'s limit
    widths = ["640w", "0w", "\u00b2w", "9" * 5000 + "w", "x"]
    srcset = ", ".join(f"https://img.example/{i}.jpg {w}" for i, w in enumerate(widths))
    blocks = blocks_from_html(f'<img src="https://img.example/a.jpg" srcset="{srcset}">')
    assert isinstance(blocks[0], m.Figure)
    assert [r.width for r in blocks[0].photo.renditions] == [640, None, None, None, None]


def test_figure_credit_in_cite_and_lazy_image() -> None:
    figure = _fragment(
        '<figure><img data-src="https://img.example/lazy.jpg"/>'
        "<figcaption>Market day <cite>Town archive</cite></figcaption></figure>"
    )[0]
    photo = photo_from_figure(figure)
    assert photo is not None
    assert (photo.url, photo.caption, photo.credit) == (
        "https://img.example/lazy.jpg",
        "Market day",
        "Town archive",
    )


def test_figure_picture_source_and_caption_only() -> None:
    picture = _fragment(
        '<figure><picture><source srcset="https://img.example/p.webp 900w"/></picture></figure>'
    )[0]
    assert photo_from_figure(picture) == m.Photo(
        url="https://img.example/p.webp",
        renditions=(m.Rendition(url="https://img.example/p.webp", width=900),),
    )
    caption_only = _fragment("<figure><figcaption>A map of the bay.</figcaption></figure>")[0]
    assert photo_from_figure(caption_only) == m.Photo(caption="A map of the bay.")
    assert photo_from_figure(_fragment("<figure></figure>")[0]) is None


def test_figure_around_a_table_reads_the_table() -> None:
    blocks = blocks_from_html("<figure><table><tr><td>7</td></tr></table></figure>")
    assert blocks == (m.Table(rows=(m.TableRow(cells=(m.TableCell(content=("7",)),)),)),)


def test_nitf_media_photo() -> None:
    media = _fragment(
        '<media media-type="image"><media-reference source="https://img.example/m.jpg" '
        'alternate-text="A crane" width="1200" height="800" mime-type="image/jpeg"/>'
        '<media-reference source="https://img.example/m-small.jpg" name="thumb"/>'
        "<media-caption>The crane arrives.</media-caption>"
        "<media-producer>Port office</media-producer></media>"
    )[0]
    assert photo_from_figure(media) == m.Photo(
        url="https://img.example/m.jpg",
        alt="A crane",
        width=1200,
        height=800,
        caption="The crane arrives.",
        credit="Port office",
        renditions=(m.Rendition(url="https://img.example/m-small.jpg", name="thumb"),),
    )
    video = _fragment('<media media-type="video"><media-caption>x</media-caption></media>')[0]
    assert photo_from_figure(video) is None


def test_photos_of_nested_figures_match_one_by_one() -> None:
    root = _fragment(
        '<figure><img src="https://img.example/outer.jpg"/>'
        '<figure><img src="https://img.example/inner.jpg"/>'
        "<figcaption>Inner view.</figcaption></figure></figure>"
    )
    figures = list(root.iter("figure"))
    assert photos_of_figures(figures) == [photo_from_figure(f) for f in figures]
    inner = photos_of_figures(figures)[1]
    assert inner is not None
    assert inner.caption == "Inner view."


FIGURE = m.Figure(
    photo=m.Photo(
        url="https://img.example/f.jpg",
        alt="Nets drying",
        caption="Nets on the quay.",
        credit="Gull Press",
        photographer="Ida Roe",
        width=640,
        height=480,
        id="ph-2",
        renditions=(m.Rendition(url="https://img.example/f-2x.jpg", width=1280),),
    )
)


def test_figure_round_trip() -> None:
    assert _round_trip((FIGURE,)) == (FIGURE,)


# ---------------------------------------------------------------------------
# round trips


BODY: tuple[m.Block, ...] = (
    m.Heading(content=("Storm",), level=3),
    _p("Winds of ", m.Strong(content=("90 km/h",)), " hit the ", m.Emphasis(content=("coast",))),
    m.BlockQuote(
        blocks=(_p("Stay indoors."),), cite="https://example.org/w", attribution=("Weather desk",)
    ),
    m.ListBlock(
        items=((_p("Close shutters"),), (_p("Charge phones"), m.ListBlock(items=((_p("all"),),)))),
        ordered=True,
    ),
    m.RawEmbed(format="text/plain", content="raw <text>", url="https://example.org/e"),
)


def test_html_round_trip() -> None:
    embed = m.RawEmbed(format="text/html", content='<p class="post">A <b>post</b></p>')
    assert _round_trip((*BODY, embed)) == (*BODY, embed)


def test_xhtml_round_trip() -> None:
    root = etree.Element(f"{{{XHTML}}}body")
    blocks_to_elements(root, BODY, namespace=XHTML)
    assert all(e.tag.startswith(f"{{{XHTML}}}") for e in root.iter())
    assert blocks_from_element(root) == BODY


def test_written_text_is_escaped() -> None:
    written = blocks_to_html((_p("<script>alert(1)</script> & co"),))
    assert written == "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</p>"


def test_written_embed_is_sanitised() -> None:
    written = blocks_to_html(
        (m.RawEmbed(format="text/html", content='<p onclick="x()">Hi<script>bad()</script></p>'),)
    )
    assert written == '<div class="nm-embed" data-format="text/html"><p>Hi</p></div>'


def test_nitf_round_trip_of_blocks() -> None:
    figure = m.Figure(
        photo=m.Photo(url="https://img.example/n.jpg", caption="Low tide.", credit="Gull Press")
    )
    body = (
        _p("The ", m.Strong(content=("pier",)), " reopens."),
        m.Heading(content=("Costs",), level=2),
        m.BlockQuote(blocks=(_p("It was worth it."),), attribution=("Mayor's office",)),
        m.ListBlock(items=((_p("Paint"),), (_p("Rails"),)), ordered=False),
        m.Table(rows=(m.TableRow(cells=(m.TableCell(content=("9",)),)),)),
        figure,
    )
    article = m.Article(headline="Pier reopens", body=body)
    content = nitf_element(article, namespace=None).find("body/body.content")
    assert content is not None
    assert blocks_from_element(content) == body


# ---------------------------------------------------------------------------
# the sanitiser: one test per promise in its docstring


@pytest.mark.parametrize(
    "tag", ["script", "style", "noscript", "template", "object", "embed", "applet"]
)
def test_sanitiser_removes_dangerous_elements_keeping_what_follows(tag: str) -> None:
    assert sanitise_html(f"<p>Before<{tag}>inside</{tag}> after</p>") == "<p>Before after</p>"


@pytest.mark.parametrize(
    "markup", ['<base href="https://other.example/">', '<frame src="https://other.example/">']
)
def test_sanitiser_removes_base_and_frame(markup: str) -> None:
    assert sanitise_html(f"<p>Before{markup} after</p>") == "<p>Before after</p>"


def test_sanitiser_removes_svg_and_math_with_their_scripts() -> None:
    out = sanitise_html(
        "<p>Chart<svg><script>alert(1)</script><text>9</text></svg><math><mi>x</mi></math> end</p>"
    )
    assert out == "<p>Chart end</p>"


def test_sanitiser_removes_nested_forms_and_fields() -> None:
    out = sanitise_html(
        "<div>Ask<form><fieldset><input name=q><form><button>Go</button></form></fieldset>"
        "</form> us</div>"
    )
    assert "form" not in out and "input" not in out and "button" not in out
    assert out.startswith("<div>Ask") and out.endswith(" us</div>")


def test_sanitiser_turns_unknown_elements_into_spans() -> None:
    assert sanitise_html("<blink>Now</blink><marquee>on</marquee>") == (
        "<span>Now</span><span>on</span>"
    )


def test_sanitiser_removes_event_handlers_styles_srcdoc_and_prefixed_attributes() -> None:
    out = sanitise_html(
        '<iframe src="https://video.example/e/1" onload="a()" OnError="b()" style="top:0" '
        'srcdoc="<b>x</b>" xlink:href="https://example.org/" allowfullscreen></iframe>'
        '<button formaction="https://example.org/">x</button>'
    )
    assert out == '<iframe src="https://video.example/e/1" allowfullscreen=""></iframe>'


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "vbscript:msgbox(1)",
        "livescript:x",
        "data:text/html,<script>alert(1)</script>",
        "https://exa\tmple.org/",
    ],
)
def test_sanitiser_removes_refused_urls(url: str) -> None:
    out = sanitise_html(
        f'<iframe src="{url}"></iframe><a href="{url}">link</a><img src="{url}">'
        f'<video poster="{url}"></video><blockquote cite="{url}">q</blockquote>'
    )
    assert out == "<iframe></iframe><a>link</a><img><video></video><blockquote>q</blockquote>"


def test_sanitiser_removes_attributes_no_xml_writer_accepts() -> None:
    markup = (
        '<iframe src="https://video.example/e/3" "?"="" a"b="1" {{slot}}="2" data-ok="1"></iframe>'
    )
    clean = '<iframe src="https://video.example/e/3" data-ok="1"></iframe>'
    assert sanitise_html(markup) == clean
    embed = m.RawEmbed(format="text/html", content=markup)
    assert (
        blocks_to_html((embed,)) == f'<div class="nm-embed" data-format="text/html">{clean}</div>'
    )


def test_sanitiser_keeps_safe_urls() -> None:
    markup = '<a href="https://example.org/x?a=1&amp;b=2">link</a>'
    assert sanitise_html(markup) == markup


def test_sanitiser_srcset_goes_when_any_url_is_refused() -> None:
    bad = sanitise_html('<img srcset="https://img.example/a.jpg 1x, javascript:x 2x">')
    good = sanitise_html(
        '<img srcset="https://img.example/a.jpg 1x, https://img.example/b.jpg 2x">'
    )
    assert bad == "<img>"
    assert good == '<img srcset="https://img.example/a.jpg 1x, https://img.example/b.jpg 2x">'


def test_sanitiser_flattens_below_the_depth_limit() -> None:
    depth = EMBED_MAX_DEPTH + 20
    out = sanitise_html("<span>" * depth + "deep words" + "</span>" * depth)
    assert "deep words" in out
    assert out.count("<span>") == EMBED_MAX_DEPTH


def test_sanitiser_escapes_leading_text_and_drops_empty_input() -> None:
    assert sanitise_html("a < b <p>c</p>") == "a &lt; b <p>c</p>"
    assert sanitise_html("   ") == ""


# ---------------------------------------------------------------------------
# safe URLs and tree helpers


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("  https://example.org/a  ", "https://example.org/a"),
        ("/relative/path", "/relative/path"),
        ("mailto:desk@example.org", "mailto:desk@example.org"),
        ("javascript:alert(1)", None),
        ("JAVASCRIPT :alert(1)", None),
        ("  vbscript:x", None),
        ("livescript:x", None),
        ("data:image/png;base64,AAAA", None),
        ("https://example.org/\x00x", None),
        ("https://example.org/\nx", None),
        ("", None),
        ("   ", None),
        (None, None),
    ],
)
def test_safe_url(url: str | None, expected: str | None) -> None:
    assert safe_url(url) == expected


def test_remove_element_keeps_the_text_after_it() -> None:
    root = _fragment("<b>one</b><i>two</i> three<u>four</u>")
    remove_element(root[1])
    assert etree.tostring(root, encoding="unicode") == "<div><b>one</b> three<u>four</u></div>"
    remove_element(root[0])
    assert etree.tostring(root, encoding="unicode") == "<div> three<u>four</u></div>"


def test_markup_imports_no_format_module() -> None:
    """Formats use markup, never the other way round."""
    package = Path(markup.__file__).parent
    for path in package.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = [
            node.module
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module is not None
        ]
        imported += [
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        ]
        assert not [name for name in imported if name.startswith("newsmodel.io")], path.name


def test_tag_name_is_local_name_folded_and_remembered() -> None:
    from newsmodel.markup.parse import tag_name

    root = etree.fromstring(
        "<root xmlns:x='urn:placeholder'><x:P/><Blockquote/><!-- note --><?pi x?></root>"
    )
    names = [tag_name(child) for child in root]
    assert names == ["p", "blockquote", "", ""]
    assert [tag_name(child) for child in root] == names  # the second answer, remembered
    assert names == [markup.local_name(c, fold_case=True) for c in root]


def test_tidy_merges_adjacent_text_however_many_pieces() -> None:
    from newsmodel.markup.text import tidy

    link = m.Link(content=("x",), url="https://example.org/")
    assert tidy(["a", "", "b", link, "", " c ", "d  "]) == ("ab", link, " c d")
    # a paragraph of many small spans: one string, in order
    pieces = [f"w{n} " for n in range(50_000)]
    assert tidy(pieces) == ("".join(pieces).strip(),)


def test_a_credit_of_white_space_alone_credits_no_one() -> None:
    # (it made a Photo the model refuses: the reader failed with ModelValidationError)
    (figure,) = blocks_from_html(
        '<figure><img src="https://example.org/f.jpg"><figcaption>A harbour at dusk. '
        '<span class="credit">( &#x2003; )</span></figcaption></figure>'
    )
    assert isinstance(figure, m.Figure)
    assert figure.photo.caption == "A harbour at dusk."
    assert figure.photo.credit is None
