"""Writing blocks as HTML, XHTML or NITF ``body.content``, one small writer per kind of
block, each saying what its markup holds.

Every block writer appends its markup, returns the blocks a reader of that markup gets
back, and declares in the :class:`~newsmodel.losses.Losses` view it is given (the
block's own path, ``body[3]``) every part that a reader would not get back as it was:
``body[3].items[1]``, ``body[0].photo.renditions[1].name``. Nothing written is read
again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

from newsmodel import model as m
from newsmodel.losses import Losses, declare_changes
from newsmodel.markup.dialects import (
    EMBED_CLASS,
    EMBED_FORMAT_ATTR,
    EMBED_URL_ATTR,
    HEADING_LEVELS,
    HTML,
    HTML_MEDIA_TYPE,
    NITF,
    Dialect,
)
from newsmodel.markup.inline import Maker, element_maker, write_inline
from newsmodel.markup.parse import add_text, attributes, local_name
from newsmodel.markup.sanitise import fragment_html, safe_url, sanitised_fragment
from newsmodel.markup.text import has_text, tidy
from newsmodel.markup.write_figures import write_figure, write_media

__all__ = [
    "Writer",
    "blocks_to_elements",
    "blocks_to_html",
    "table_to",
    "write_blocks",
    "write_table",
]

#: Why text comes back changed: readers collapse white space, merge text runs, and
#: keep no link, emphasis or quote without text (nor a link without a URL they accept,
#: nor a link inside a link).
_TEXT = "markup text is read with its white space collapsed, and no empty inline element"
#: Why a URL does not come back: readers refuse script and data URLs, and trim the rest.
_URL = "not a URL a markup reader accepts"


@dataclass(frozen=True)
class Writer:
    """How a body is written: the element maker (its namespace) and the dialect."""

    maker: Maker
    dialect: Dialect = HTML


def _content(
    element: etree._Element, content: tuple[m.Inline, ...], out: Writer, losses: Losses
) -> tuple[m.Inline, ...]:
    """Write a block's inline ``content`` into ``element``; declare and return what a
    reader gets back."""
    back = tidy(write_inline(element, content, out.maker, out.dialect))
    if back == content:
        return content
    declare_changes(losses, content, back, _TEXT)
    return back


def _paragraph_in(
    element: etree._Element, block: m.Paragraph, out: Writer, losses: Losses
) -> tuple[m.Block, ...]:
    content = _content(element, block.content, out, losses.at("content"))
    if not has_text(content):
        losses.drop("", "a paragraph without text is not kept")
        return ()
    return (block if content is block.content else m.Paragraph(content=content),)


def _paragraph(
    parent: etree._Element, block: m.Paragraph, out: Writer, losses: Losses
) -> tuple[m.Block, ...]:
    return _paragraph_in(out.maker(parent, "p"), block, out, losses)


def _heading(
    parent: etree._Element, block: m.Heading, out: Writer, losses: Losses
) -> tuple[m.Block, ...]:
    tag = out.dialect.headings[block.level - 1]
    content = _content(out.maker(parent, tag), block.content, out, losses.at("content"))
    if not has_text(content):
        losses.drop("", "a heading without text is not kept")
        return ()
    level = HEADING_LEVELS[tag]
    if level != block.level:
        losses.drop("level", f"{out.dialect.name} has one heading level, {level}")
    return (m.Heading(content=content, level=level),)


def _blockquote(
    parent: etree._Element, block: m.BlockQuote, out: Writer, losses: Losses
) -> tuple[m.Block, ...]:
    tag, source, holder, credit = out.dialect.quote
    quote = out.maker(parent, tag)
    cite = safe_url(block.cite)
    if cite:
        quote.set(source, cite)
    if cite != block.cite:
        losses.drop("cite", _URL)
    inner = out.maker(quote, holder) if holder else quote
    blocks = write_blocks(inner, block.blocks, out, losses.at("blocks"))
    attribution: tuple[m.Inline, ...] = ()
    if block.attribution:
        element = out.maker(quote, credit)
        attribution = _content(element, block.attribution, out, losses.at("attribution"))
    if not blocks and not has_text(attribution):
        losses.drop("", "a block quote without text is not kept")
        return ()
    return (m.BlockQuote(blocks=blocks, cite=cite, attribution=attribution),)


def _list(
    parent: etree._Element, block: m.ListBlock, out: Writer, losses: Losses
) -> tuple[m.Block, ...]:
    if not any(block.items) and not out.dialect.empty_lists:
        losses.drop("", f"a {out.dialect.name} list needs an item")
        return ()
    lst = out.maker(parent, "ol" if block.ordered else "ul")
    items: list[tuple[m.Block, ...]] = []
    for i, item in enumerate(block.items):
        li = out.maker(lst, "li")
        at = losses.at(f"items[{i}]")
        if out.dialect.inline_items and len(item) == 1 and isinstance(item[0], m.Paragraph):
            kept = _paragraph_in(li, item[0], out, at.at("[0]"))
        else:
            kept = write_blocks(li, item, out, at)
        if kept:
            items.append(kept)
        else:
            at.drop("", "a list item without text is not kept")
    if not items:
        losses.drop("", "a list without text is not kept")
        return ()
    return (m.ListBlock(items=tuple(items), ordered=block.ordered),)


def _figure(
    parent: etree._Element, block: m.Figure, out: Writer, losses: Losses
) -> tuple[m.Block, ...]:
    write = write_media if out.dialect.figure == "media" else write_figure
    photo = write(parent, block.photo, out.maker, losses.at("photo"))
    if photo is None:
        losses.drop("", "a figure that shows nothing is not kept")
        return ()
    return (m.Figure(photo=photo),)


def write_table(
    parent: etree._Element, block: m.Table, out: Writer, losses: Losses
) -> tuple[m.Block, ...]:
    """Append a table as the dialect writes it; return what a reader gets back."""
    if not any(row.cells for row in block.rows) and not out.dialect.empty_rows:
        losses.drop("", f"a {out.dialect.name} table needs a cell")
        return ()
    table = out.maker(parent, "table")
    caption: tuple[m.Inline, ...] = ()
    if block.caption:
        caption = _content(out.maker(table, "caption"), block.caption, out, losses.at("caption"))
    rows = []
    for i, row in enumerate(block.rows):
        if not row.cells and not out.dialect.empty_rows:
            losses.drop(f"rows[{i}]", f"a {out.dialect.name} table row needs a cell")
            continue
        tr = out.maker(table, "tr")
        cells = []
        for j, cell in enumerate(row.cells):
            td = out.maker(tr, "th" if cell.header else "td")
            if cell.colspan != 1:
                td.set("colspan", str(cell.colspan))
            if cell.rowspan != 1:
                td.set("rowspan", str(cell.rowspan))
            content = _content(td, cell.content, out, losses.at(f"rows[{i}].cells[{j}].content"))
            cells.append(_cell_back(cell, content))
        rows.append(m.TableRow(cells=tuple(cells)))
    if not rows:
        losses.drop("", "a table without rows is not kept")
        return ()
    return (m.Table(rows=tuple(rows), caption=caption),)


def _cell_back(cell: m.TableCell, content: tuple[m.Inline, ...]) -> m.TableCell:
    """``cell`` with the content a reader gets back."""
    return m.TableCell(
        content=content, header=cell.header, colspan=cell.colspan, rowspan=cell.rowspan
    )


def table_to(parent: etree._Element, block: m.Table, maker: Maker, *, nitf: bool = False) -> None:
    """Append a table (NITF needs at least one cell in a row: empty rows are left out)."""
    write_table(parent, block, Writer(maker, NITF if nitf else HTML), Losses())


def _copy_into(parent: etree._Element, source: etree._Element, maker: Maker) -> None:
    """Copies of ``source``'s elements appended to ``parent`` (in document order, no
    recursion)."""
    copies: dict[etree._Element | None, etree._Element] = {source: parent}
    for child in source.iter():
        name = local_name(child, fold_case=True)
        target = copies.get(child.getparent())
        if child is source or not name or target is None:
            continue
        kept = {k: v for k, v in attributes(child).items() if ":" not in k and "{" not in k}
        copy = maker(target, name, **kept)
        copy.text = child.text
        copy.tail = child.tail
        copies[child] = copy


def _embed(
    parent: etree._Element, block: m.RawEmbed, out: Writer, losses: Losses
) -> tuple[m.Block, ...]:
    if not out.dialect.embeds:
        losses.drop("", f"{out.dialect.name} has no place for embedded content")
        return ()
    maker = out.maker
    div = maker(parent, "div", **{"class": EMBED_CLASS, EMBED_FORMAT_ATTR: block.format})
    url = safe_url(block.url)
    if url:
        div.set(EMBED_URL_ATTR, url)
    if url != block.url:
        losses.drop("url", _URL)
    fmt = block.format.strip()
    if block.format != HTML_MEDIA_TYPE:
        div.text = block.content
        content = block.content
    else:
        holder = sanitised_fragment(block.content)
        content = "" if holder is None else fragment_html(holder)
        if holder is not None:
            if holder.text:
                add_text(div, holder.text)
            _copy_into(div, holder, maker)
    if fmt != block.format:
        losses.drop("format", "markup readers trim an embed's media type")
    if (fmt == HTML_MEDIA_TYPE and block.format != HTML_MEDIA_TYPE) or not content.strip():
        losses.drop("", "an embed without content, or with a padded media type, is not kept")
        return ()
    if content != block.content:
        losses.drop("content", "embedded HTML is sanitised (no scripts, handlers or styles)")
    return (m.RawEmbed(format=fmt, content=content, url=url),)


def _block(
    parent: etree._Element, block: m.Block, out: Writer, losses: Losses
) -> tuple[m.Block, ...]:
    if isinstance(block, m.Paragraph):
        return _paragraph(parent, block, out, losses)
    if isinstance(block, m.Heading):
        return _heading(parent, block, out, losses)
    if isinstance(block, m.BlockQuote):
        return _blockquote(parent, block, out, losses)
    if isinstance(block, m.ListBlock):
        return _list(parent, block, out, losses)
    if isinstance(block, m.Figure):
        return _figure(parent, block, out, losses)
    if isinstance(block, m.Table):
        return write_table(parent, block, out, losses)
    return _embed(parent, block, out, losses)


def write_blocks(
    parent: etree._Element, blocks: Iterable[m.Block], out: Writer, losses: Losses
) -> tuple[m.Block, ...]:
    """Append ``blocks`` to ``parent`` as ``out`` writes them, declaring in ``losses`` (a
    view at the blocks' path, such as ``body``) what their markup cannot hold; return the
    blocks a reader of the markup gets back."""
    kept: list[m.Block] = []
    for i, block in enumerate(blocks):
        kept.extend(_block(parent, block, out, losses.at(f"[{i}]")))
    return tuple(kept)


def blocks_to_elements(
    parent: etree._Element,
    blocks: Iterable[m.Block],
    *,
    namespace: str | None = None,
    losses: Losses | None = None,
) -> tuple[m.Block, ...]:
    """Append HTML elements for ``blocks`` to ``parent`` (XHTML when ``namespace`` is
    given); declare what they cannot hold in ``losses`` (a view at ``body``); return the
    blocks a reader gets back."""
    out = Writer(element_maker(namespace))
    return write_blocks(parent, blocks, out, Losses() if losses is None else losses)


def blocks_to_html(
    blocks: Iterable[m.Block], *, xhtml: bool = False, losses: Losses | None = None
) -> str:
    """An HTML (or XHTML) fragment for ``blocks``; all text escaped, embeds sanitised. What
    the fragment cannot hold goes to ``losses`` (a view at ``body``)."""
    root = etree.Element("div")
    blocks_to_elements(root, blocks, losses=losses)
    method = "xml" if xhtml else "html"
    return "".join(etree.tostring(child, method=method, encoding="unicode") for child in root)
