"""Writing blocks as HTML or XHTML elements, one small writer per kind of block.

NITF ``body.content`` is written by :mod:`newsmodel.io.nitf` with :func:`inline_to` and
:func:`table_to` in the :data:`~newsmodel.markup.dialects.NITF` dialect.
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from newsmodel import model as m
from newsmodel.markup.dialects import (
    CREDIT_CLASS,
    EMBED_CLASS,
    EMBED_FORMAT_ATTR,
    EMBED_URL_ATTR,
    HTML,
    HTML_MEDIA_TYPE,
    NITF,
    PHOTO_ID_ATTR,
    PHOTOGRAPHER_CLASS,
    Dialect,
)
from newsmodel.markup.inline import Maker, element_maker, write_inline
from newsmodel.markup.parse import add_text, attributes, local_name
from newsmodel.markup.sanitise import safe_url, sanitised_fragment

__all__ = ["blocks_to_elements", "blocks_to_html", "table_to", "write_table"]


def write_table(parent: etree._Element, block: m.Table, maker: Maker, dialect: Dialect) -> None:
    """Append a table as ``dialect`` writes it."""
    table = maker(parent, "table")
    if block.caption:
        write_inline(maker(table, "caption"), block.caption, maker, dialect)
    for row in block.rows:
        if not row.cells and not dialect.empty_rows:
            continue
        tr = maker(table, "tr")
        for cell in row.cells:
            td = maker(tr, "th" if cell.header else "td")
            if cell.colspan != 1:
                td.set("colspan", str(cell.colspan))
            if cell.rowspan != 1:
                td.set("rowspan", str(cell.rowspan))
            write_inline(td, cell.content, maker, dialect)


def table_to(parent: etree._Element, block: m.Table, maker: Maker, *, nitf: bool = False) -> None:
    """Append a table (NITF needs at least one cell in a row: empty rows are left out)."""
    write_table(parent, block, maker, NITF if nitf else HTML)


def _img(figure: etree._Element, photo: m.Photo, src: str, maker: Maker) -> None:
    img = maker(figure, "img", src=src, alt=photo.alt or "")
    if photo.width:
        img.set("width", str(photo.width))
    if photo.height:
        img.set("height", str(photo.height))
    srcset = [
        f"{r.url} {r.width}w" if r.width else r.url
        for r in photo.renditions
        if safe_url(r.url) and "," not in r.url and " " not in r.url
    ]
    if srcset:
        img.set("srcset", ", ".join(srcset))


def _figcaption(figure: etree._Element, photo: m.Photo, maker: Maker) -> None:
    figcaption = maker(figure, "figcaption")
    if photo.caption:
        add_text(figcaption, photo.caption)
    if photo.photographer:
        if photo.caption:
            add_text(figcaption, " ")
        maker(figcaption, "span", **{"class": PHOTOGRAPHER_CLASS}).text = photo.photographer
    if photo.credit:
        if photo.caption or photo.photographer:
            add_text(figcaption, " ")
        maker(figcaption, "small", **{"class": CREDIT_CLASS}).text = photo.credit


def _figure(parent: etree._Element, block: m.Figure, maker: Maker) -> None:
    photo = block.photo
    figure = maker(parent, "figure")
    if photo.id:
        figure.set(PHOTO_ID_ATTR, photo.id)
    src = safe_url(photo.url)
    if src:
        _img(figure, photo, src, maker)
    if photo.caption or photo.credit or photo.photographer:
        _figcaption(figure, photo, maker)


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


def _embed(parent: etree._Element, block: m.RawEmbed, maker: Maker) -> None:
    div = maker(parent, "div", **{"class": EMBED_CLASS, EMBED_FORMAT_ATTR: block.format})
    url = safe_url(block.url)
    if url:
        div.set(EMBED_URL_ATTR, url)
    if block.format != HTML_MEDIA_TYPE:
        div.text = block.content
        return
    holder = sanitised_fragment(block.content)
    if holder is None:
        return
    if holder.text:
        add_text(div, holder.text)
    _copy_into(div, holder, maker)


def _paragraph(parent: etree._Element, block: m.Paragraph, maker: Maker) -> None:
    write_inline(maker(parent, "p"), block.content, maker, HTML)


def _heading(parent: etree._Element, block: m.Heading, maker: Maker) -> None:
    write_inline(maker(parent, HTML.headings[block.level - 1]), block.content, maker, HTML)


def _blockquote(parent: etree._Element, block: m.BlockQuote, maker: Maker) -> None:
    quote = maker(parent, "blockquote")
    cite = safe_url(block.cite)
    if cite:
        quote.set("cite", cite)
    for inner in block.blocks:
        _block_to(quote, inner, maker)
    if block.attribution:
        write_inline(maker(quote, "footer"), block.attribution, maker, HTML)


def _list(parent: etree._Element, block: m.ListBlock, maker: Maker) -> None:
    lst = maker(parent, "ol" if block.ordered else "ul")
    for item in block.items:
        li = maker(lst, "li")
        for inner in item:
            _block_to(li, inner, maker)


def _block_to(parent: etree._Element, block: m.Block, maker: Maker) -> None:
    if isinstance(block, m.Paragraph):
        _paragraph(parent, block, maker)
    elif isinstance(block, m.Heading):
        _heading(parent, block, maker)
    elif isinstance(block, m.BlockQuote):
        _blockquote(parent, block, maker)
    elif isinstance(block, m.ListBlock):
        _list(parent, block, maker)
    elif isinstance(block, m.Figure):
        _figure(parent, block, maker)
    elif isinstance(block, m.Table):
        write_table(parent, block, maker, HTML)
    elif isinstance(block, m.RawEmbed):
        _embed(parent, block, maker)


def blocks_to_elements(
    parent: etree._Element, blocks: Iterable[m.Block], *, namespace: str | None = None
) -> None:
    """Append HTML elements for ``blocks`` to ``parent`` (XHTML when ``namespace`` is given)."""
    maker = element_maker(namespace)
    for block in blocks:
        _block_to(parent, block, maker)


def blocks_to_html(blocks: Iterable[m.Block], *, xhtml: bool = False) -> str:
    """An HTML (or XHTML) fragment for ``blocks``; all text escaped, embeds sanitised."""
    root = etree.Element("div")
    blocks_to_elements(root, blocks)
    method = "xml" if xhtml else "html"
    return "".join(etree.tostring(child, method=method, encoding="unicode") for child in root)
