"""Reading blocks from markup: a table from tag name to the handler that reads it.

:func:`blocks_from_element` walks a container: each child whose tag starts a block
(:data:`~newsmodel.markup.dialects.BLOCK_TAGS`) is read by its handler in
:data:`HANDLERS` (a container when it has none), and the inline runs between them
become paragraphs.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from html import escape

from lxml import etree

from newsmodel import model as m
from newsmodel.markup.dialects import (
    ATTRIBUTION_TAGS,
    BLOCK_TAGS,
    DROP_TAGS,
    EMBED_CLASS,
    EMBED_FORMAT_ATTR,
    EMBED_TAGS,
    EMBED_URL_ATTR,
    FIGURE_TAGS,
    HEADING_LEVELS,
    HTML_MEDIA_TYPE,
    LIST_ITEM_TAGS,
    LIST_TAGS,
    PARAGRAPH_TAGS,
    QUOTE_SOURCE_ATTRS,
    QUOTE_TAGS,
)
from newsmodel.markup.figures import IMAGE_FILE, figure_photo, image_photo, url_file
from newsmodel.markup.inline import (
    MAX_DEPTH,
    content_into,
    inline_into,
    inline_named,
    inline_of,
)
from newsmodel.markup.parse import (
    TAG_NAMES,
    first_attr,
    parse_document,
    parsed_clean,
    tag_name,
    texts,
)
from newsmodel.markup.sanitise import safe_url, sanitise_html
from newsmodel.markup.text import WS_CHARS, clean, has_text, number, tidy
from newsmodel.model_fields import trusted_maker, validate_all

__all__ = ["HANDLERS", "blocks_from_element", "blocks_from_html"]

#: Reads one element (its tag's local name given) at a nesting depth, appending the
#: blocks it makes to the list given.
Handler = Callable[[etree._Element, str, int, list[m.Block]], None]
#: The widest table cell read: ``colspan="5000"`` reads as 1000 (HTML's own cap).
_MAX_COLSPAN = 1000
#: The tallest table cell read: ``rowspan="70000"`` reads as 65534 (HTML's own cap).
_MAX_ROWSPAN = 65534
#: The makers of the text blocks read here, valid by construction: their content is
#: :func:`~newsmodel.markup.text.tidy`'s from the inline reader's (see
#: :func:`~newsmodel.markup.inline.inline_into`). Takes ``(content)``.
_make_paragraph = trusted_maker(m.Paragraph)
#: ``(content, level)``, the level from :data:`HEADING_LEVELS`.
_make_heading = trusted_maker(m.Heading)
#: ``(photo)``: a photo is all a figure needs.
_make_figure = trusted_maker(m.Figure)


#: Each thread's walk: whether it reads an article's own body (``own_body`` of
#: :func:`blocks_from_element`), set for the walk's length (its handlers recurse).
_WALK = threading.local()


def _reads_loose_pictures() -> bool:
    return bool(getattr(_WALK, "loose_pictures", False))


def _paragraph_of(
    run: list[m.Inline], out: list[m.Block], pictured: list[etree._Element] | None = None
) -> None:
    """The loose inline ``run`` as a paragraph when it has text, then the pictures inside
    the run's elements in ``pictured`` (``<a href="…"><img src="a.jpg"></a>`` between two
    paragraphs) as figures; ``run`` and ``pictured`` emptied."""
    if run:
        content = tidy(run)
        run.clear()
        if has_text(content):
            out.append(_make_paragraph(content))
    if pictured:
        _figures_in(pictured, out, loose=True)
        pictured.clear()


def _figures_in(elements: list[etree._Element], out: list[m.Block], *, loose: bool = False) -> None:
    """A figure for each picture inside ``elements`` (read as inline content, which has
    no place for one), in document order; ``loose``: only the story's pictures of a loose
    run (see :func:`_story_picture`)."""
    for element in elements:
        for img in element.iter("{*}img"):  # (in any namespace or none)
            photo = image_photo(img)
            if photo is not None and (not loose or _story_picture(img, photo, element)):
                out.append(_make_figure(photo))


#: The largest side, in pixels, of a picture declared that small: a button or an icon.
_ICON_SIDE = 48
#: A picture file named for a button, an icon or a logo, never a story's photo
#: (``digg.gif``, ``facebook-share.png``, ``site-logo.svg``, ``favicon.ico``).
_BUTTON_FILE = re.compile(
    r"(?:^|[-_.])(?:digg|facebook|twitter|reddit|delicious|stumbleupon|linkedin|pinterest|"
    r"whatsapp|email|share|sharing|icon|logo|favicon|button|btn|badge)(?:[-_.]|$)",
    re.IGNORECASE,
)


def _story_picture(img: etree._Element, photo: m.Photo, top: etree._Element) -> bool:
    """Whether a picture in a loose inline run (inside ``top``) is the story's: a picture
    file (its address names one, or the link around it leads to one), neither declared
    icon-sized nor named for a button. A feed service's share buttons and ads
    (``<a href="…?a=1"><img src="…/~ff/x?d=1"></a>``, ``digg.gif``) are not."""
    name = url_file(photo.url or "")
    if _BUTTON_FILE.search(name):
        return False
    width, height = photo.width, photo.height
    if width is not None and height is not None and max(width, height) <= _ICON_SIDE:
        return False
    return IMAGE_FILE.search(name) is not None or _links_to_picture(img, top)


def _links_to_picture(img: etree._Element, top: etree._Element) -> bool:
    """Whether the link around ``img`` (up to ``top``) leads to a picture file."""
    node: etree._Element | None = img
    while node is not None:
        if tag_name(node) == "a":
            href = node.get("href")
            return href is not None and IMAGE_FILE.search(href) is not None
        if node is top:
            return False
        node = node.getparent()
    return False


def _blocks(
    container: etree._Element,
    depth: int,
    out: list[m.Block],
    skip: etree._Element | None = None,
) -> None:
    """Blocks inside ``container``: block children converted, loose inline runs as paragraphs."""
    run: list[m.Inline] = []
    pictured: list[etree._Element] = []  # (inline elements of the run passed over in part)
    text = container.text  # (lxml makes a new string on each read: read once)
    if text and text.strip(WS_CHARS):  # (white space alone would start a run: stripped)
        run.append(clean(text))
    depth += 1
    deep = depth > MAX_DEPTH  # (each block child then read by _block, as plain text)
    for child in container:
        if child is not skip:
            name = TAG_NAMES.get(child.tag) or tag_name(child)
            handler = _BLOCK_HANDLERS.get(name)  # (None: an inline element)
            if handler is None:
                if inline_named(child, name, depth, False, run) and _reads_loose_pictures():
                    pictured.append(child)
            else:
                if run or pictured:
                    _paragraph_of(run, out, pictured)
                (_block if deep else handler)(child, name, depth, out)
        tail = child.tail
        if tail and (run or tail.strip(WS_CHARS)):
            run.append(clean(tail))
    if run or pictured:
        _paragraph_of(run, out, pictured)


def _block(element: etree._Element, name: str, depth: int, out: list[m.Block]) -> None:
    """The blocks of ``element``, whose :func:`tag_name` is ``name``."""
    if not name or name in DROP_TAGS:
        return
    if depth > MAX_DEPTH:
        text = clean(" ".join(texts(element))).strip()
        if text:
            out.append(_make_paragraph((text,)))
        return
    HANDLERS.get(name, _container)(element, name, depth, out)


def _container(element: etree._Element, name: str, depth: int, out: list[m.Block]) -> None:
    """``div``, ``section``, NITF ``block`` and anything unknown: look inside."""
    _blocks(element, depth, out)


def _nothing(element: etree._Element, name: str, depth: int, out: list[m.Block]) -> None:
    """``hr``: a rule says nothing."""


def _paragraph(element: etree._Element, name: str, depth: int, out: list[m.Block]) -> None:
    """``<p>Text <img src="a.jpg"></p>``: the paragraph, then its images as figures."""
    if not len(element):  # text alone, the commonest paragraph
        text = clean(element.text).strip(WS_CHARS)
        if text and not text.isspace():
            out.append(_make_paragraph((text,)))
        return
    run: list[m.Inline] = []
    unread = content_into(element, depth, False, run)
    content = tidy(run)
    if has_text(content):
        out.append(_make_paragraph(content))
    if unread:  # (else no img inside)
        _figures_in([element], out)


def _heading(element: etree._Element, name: str, depth: int, out: list[m.Block]) -> None:
    """``<h3>Result</h3>``, NITF ``<hl2>Result</hl2>``."""
    content = tidy(inline_of(element, depth))
    if has_text(content):
        out.append(_make_heading(content, HEADING_LEVELS[name]))


def _pre(element: etree._Element, name: str, depth: int, out: list[m.Block]) -> None:
    """``<pre>one\\ntwo</pre>``: a paragraph, its line ends as line breaks."""
    content = tidy(inline_of(element, depth, pre=True), collapse=False)
    parts: list[m.Inline] = []
    for item in content:
        if isinstance(item, str):
            for i, line in enumerate(item.split("\n")):
                if i:
                    parts.append(m.LineBreak())
                parts.append(line)
        else:
            parts.append(item)
    if has_text(parts):
        out.append(m.Paragraph(content=tuple(parts)))


def _blockquote(element: etree._Element, name: str, depth: int, out: list[m.Block]) -> None:
    """``<blockquote cite="…"><p>…</p><footer>Ada Pell</footer></blockquote>``, NITF ``bq``
    with ``credit``: the last child, when an attribution, is not a block of the quote."""
    attribution: list[m.Inline] = []
    skip = None
    if len(element) and tag_name(element[-1]) in ATTRIBUTION_TAGS:
        skip = element[-1]
        attribution = inline_of(skip, depth + 1)
    blocks: list[m.Block] = []
    _blocks(element, depth, blocks, skip=skip)
    cite = safe_url(first_attr(element, QUOTE_SOURCE_ATTRS))
    content = tidy(attribution)
    if blocks or has_text(content):
        out.append(m.BlockQuote(blocks=tuple(blocks), cite=cite, attribution=content))


def _list(element: etree._Element, name: str, depth: int, out: list[m.Block]) -> None:
    """``<ul><li>…</li></ul>``, ``ol``, ``dl``: each item's blocks. Anything else directly
    in the list (invalid but common: ``<ul><h3>Also</h3><li>…</li></ul>``, a wrapped
    heading, a paragraph, loose text) is read as the blocks it makes, the list cut there."""
    items: list[tuple[m.Block, ...]] = []
    run: list[m.Inline] = []
    ordered = LIST_TAGS[name]

    def flush() -> None:
        if items:
            out.append(m.ListBlock(items=tuple(items), ordered=ordered))
            items.clear()
        _paragraph_of(run, out)

    if (element.text or "").strip():
        run.append(clean(element.text))
    for child in element:
        tag = tag_name(child)
        if tag in LIST_ITEM_TAGS:
            if run:
                flush()
            blocks: list[m.Block] = []
            _blocks(child, depth + 1, blocks)
            if blocks:
                items.append(tuple(blocks))
        elif tag in BLOCK_TAGS:
            flush()
            _block(child, tag, depth + 1, out)
        elif tag:
            if items:
                flush()
            inline_into(child, depth + 1, False, run)
        if (child.tail or "").strip():
            if items:
                flush()
            run.append(clean(child.tail))
    flush()


def _figure(element: etree._Element, name: str, depth: int, out: list[m.Block]) -> None:
    """``figure``, ``img``, ``picture``, NITF ``media``: a photo; a figure around
    something else (a table, an embed, a quote) is read as a container."""
    photo = figure_photo(element, name)
    if photo is not None:
        out.append(_make_figure(photo))
    elif name == "figure":
        _blocks(element, depth, out)


def _cell(cell: etree._Element, depth: int) -> m.TableCell:
    return m.TableCell(
        content=tidy(inline_of(cell, depth)),
        header=tag_name(cell) == "th",
        colspan=min(number(cell.get("colspan")) or 1, _MAX_COLSPAN),
        rowspan=min(number(cell.get("rowspan")) or 1, _MAX_ROWSPAN),
    )


def _table(element: etree._Element, name: str, depth: int, out: list[m.Block]) -> None:
    """``<table><caption>…</caption><tr><th>…</th><td>…</td></tr></table>``: its rows at
    any depth (``thead``, ``tbody``), the first caption."""
    rows: list[m.TableRow] = []
    caption: tuple[m.Inline, ...] = ()
    for child in element.iter():
        tag = tag_name(child)
        if tag == "caption" and not caption:
            caption = tidy(inline_of(child, depth))
        elif tag == "tr":
            cells = [_cell(c, depth) for c in child if tag_name(c) in ("td", "th")]
            rows.append(m.TableRow(cells=tuple(cells)))
    if rows:
        out.append(m.Table(rows=tuple(rows), caption=caption))


def _embed(element: etree._Element, name: str, depth: int, out: list[m.Block]) -> None:
    """``<iframe src="https://video.example/e/1">``: kept as sanitised HTML."""
    markup = sanitise_html(
        etree.tostring(element, method="html", encoding="unicode", with_tail=False)
    )
    if markup.strip():
        src = safe_url(first_attr(element, ("src", "data")))
        out.append(m.RawEmbed(format=HTML_MEDIA_TYPE, content=markup, url=src))


def _div(element: etree._Element, name: str, depth: int, out: list[m.Block]) -> None:
    """A container, or newsmodel's own ``<div class="nm-embed" data-format="…">``."""
    if EMBED_CLASS not in (element.get("class") or "").split():
        _blocks(element, depth, out)
        return
    fmt = (element.get(EMBED_FORMAT_ATTR) or "").strip() or HTML_MEDIA_TYPE
    if fmt == HTML_MEDIA_TYPE:
        inner = escape(element.text or "", quote=False) + "".join(
            etree.tostring(c, method="html", encoding="unicode") for c in element
        )
        raw = sanitise_html(inner)
    else:
        raw = "".join(texts(element))
    if raw.strip():
        out.append(m.RawEmbed(format=fmt, content=raw, url=safe_url(element.get(EMBED_URL_ATTR))))


#: The handler for each tag; a tag not here that starts a block is a container.
HANDLERS: dict[str, Handler] = {
    **dict.fromkeys(PARAGRAPH_TAGS, _paragraph),
    **dict.fromkeys(HEADING_LEVELS, _heading),
    **dict.fromkeys(QUOTE_TAGS, _blockquote),
    **dict.fromkeys(LIST_TAGS, _list),
    **dict.fromkeys(FIGURE_TAGS, _figure),
    **dict.fromkeys(EMBED_TAGS, _embed),
    "pre": _pre,
    "table": _table,
    "div": _div,
    "hr": _nothing,
}
#: What :func:`_block` makes read each tag that starts a block, for the walk to call at
#: once: its handler, a container's for one without, nothing for a dropped one (``<nav>``).
_BLOCK_HANDLERS: dict[str, Handler] = {
    name: HANDLERS.get(name, _nothing if name in DROP_TAGS else _container) for name in BLOCK_TAGS
}


def _read(element: etree._Element, own_body: bool) -> tuple[m.Block, ...]:
    out: list[m.Block] = []
    before = _reads_loose_pictures()
    _WALK.loose_pictures = own_body
    try:
        _blocks(element, 0, out)
    finally:
        _WALK.loose_pictures = before
    return tuple(out)


def blocks_from_element(element: etree._Element, *, own_body: bool = False) -> tuple[m.Block, ...]:
    """The blocks inside ``element`` (an HTML/XHTML ``body``, a NITF ``body.content``, a div).

    ``own_body``: ``element`` holds an article's own body and nothing else (a feed's or a
    ninjs body), so a story's picture in a loose inline run is a figure (``<a
    href="big.jpg"><img src="a.jpg"></a><p>Text</p>``); in a region of a web page such a
    picture is an author's avatar, another story's thumbnail or a share button, and left.

    The paragraphs, headings and inline nodes are made without the model's checks
    (see :func:`~newsmodel.markup.inline.inline_into`): a tree made from cleaned markup
    (:func:`~newsmodel.markup.parse.parsed_clean`) cannot make them invalid; those of any
    other tree are checked after, raising
    :class:`~newsmodel.errors.ModelValidationError` as the model's constructors would.
    """
    blocks = _read(element, own_body)
    if not parsed_clean(element):
        validate_all(blocks)
    return blocks


def blocks_from_html(markup: str, *, format: str | None = None) -> tuple[m.Block, ...]:
    """The blocks of an HTML fragment such as a ninjs or JSON-LD body (``format`` names
    the input in errors: see :func:`~newsmodel.markup.parse.check_html_parse`): an
    article's own body (see :func:`blocks_from_element`'s ``own_body``)."""
    if not markup or markup.isspace():
        return ()
    document = parse_document(markup, format=format)  # (cleaned: its blocks need no check)
    body = next((c for c in document if c.tag == "body"), document)  # (a child of the root)
    return _read(body, True)
