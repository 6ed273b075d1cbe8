"""Body markup ↔ blocks: HTML, XHTML and NITF ``body.content`` in one place.

Readers turn an element tree (or an HTML string) into the model's blocks
with :func:`blocks_from_element` / :func:`blocks_from_html`; writers build
markup from blocks with :func:`blocks_to_elements` / :func:`blocks_to_html`.
Tags are matched by local name, so XHTML with or without its namespace and
NITF (``hl2``, ``bq``, ``media``, ``block``) all read the same way.

HTML that we write is always escaped, and raw embeds are sanitised: no
``script``, no ``on*`` attributes, no ``javascript:`` (or ``vbscript:``,
``data:``) URLs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from html import escape
from typing import Any

from lxml import etree, html

from newsmodel import model as m
from newsmodel.captions import split_credit
from newsmodel.errors import InputTooLargeError, ReadError

__all__ = [
    "add_text",
    "blocks_from_element",
    "blocks_from_html",
    "blocks_to_elements",
    "blocks_to_html",
    "check_html_parse",
    "element_maker",
    "html_parser",
    "inline_from_element",
    "inline_to",
    "local_name",
    "photo_from_figure",
    "photos_of_figures",
    "remove_element",
    "safe_url",
    "sanitise_html",
    "table_to",
]

#: Deeper nesting than this is read as plain text (bounded recursion).
MAX_DEPTH = 60
#: libxml2 stops reading HTML nested deeper than this (its limit with the huge_tree
#: option; 256 without it). Deeper input is refused with :class:`InputTooLargeError`,
#: never read short: what follows the limit would be lost without a word.
HTML_MAX_DEPTH = 2048
_DEPTH_MESSAGE = re.compile(r"Excessive depth in document: (\d+)")

#: HTML white space (not NO-BREAK SPACE and friends, which are content).
_WS = re.compile(r"[ \t\n\r\f]+")
_BLOCK_TAGS = frozenset(
    [
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hl2",
        "blockquote",
        "bq",
        "ul",
        "ol",
        "dl",
        "figure",
        "table",
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "aside",
        "nav",
        "body",
        "html",
        "pre",
        "hr",
        "media",
        "block",
        "iframe",
        "video",
        "audio",
        "embed",
        "object",
        "img",
        "picture",
        "center",
        "address",
        "details",
        "summary",
        "form",
        "fieldset",
        "noscript",
        "template",
        "script",
        "style",
        "dd",
        "dt",
        "li",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "td",
        "th",
        "caption",
        "figcaption",
        "hgroup",
        "fn",
        "note",
    ]
)
_DROP = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "form",
        "fieldset",
        "button",
        "input",
        "select",
        "textarea",
        "nav",
        "aside",
        "svg",
        "math",
        "head",
        "title",
        "meta",
        "link",
    ]
)
_EMBEDS = frozenset(["iframe", "video", "audio", "embed", "object"])
_INLINE_MAP: dict[str, type[m.Emphasis] | type[m.Strong]] = {
    "em": m.Emphasis,
    "i": m.Emphasis,
    "strong": m.Strong,
    "b": m.Strong,
}
_UNSAFE_URL = re.compile(r"^\s*(?:javascript|vbscript|data|livescript)\s*:", re.IGNORECASE)
_HEADING = re.compile(r"h([1-6])")


def local_name(element: Any) -> str:
    """An element's tag without namespace, lower-cased (``""`` for comments and PIs)."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].lower()


def safe_url(url: str | None) -> str | None:
    """``url`` stripped, or ``None`` when empty or a script/data URL."""
    if url is None:
        return None
    url = url.strip()
    if not url or _UNSAFE_URL.match(url) or any(ord(c) < 32 for c in url):
        return None
    return url


def html_parser() -> etree.HTMLParser:
    """An HTML parser that never touches the network and drops comments and PIs.

    ``huge_tree`` lifts libxml2's caps on nesting (256 → :data:`HTML_MAX_DEPTH`) and on
    one text node (10 MB): the HTML parser expands no entities of its own, and readers
    bound the input's size. Check the parse with :func:`check_html_parse`.
    """
    return etree.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, recover=True, huge_tree=True
    )


def check_html_parse(parser: etree.HTMLParser, *, format: str | None = None) -> None:
    """Raise when libxml2 stopped part way through (a resource limit): the tree it left
    would silently lack the rest of the page.

    :class:`InputTooLargeError` for nesting deeper than :data:`HTML_MAX_DEPTH` or another
    of libxml2's limits; :class:`ReadError` for any other fatal error.
    """
    for entry in parser.error_log:
        if entry.level < etree.ErrorLevels.FATAL:
            continue
        where = f"line {entry.line}, column {entry.column}"
        depth = _DEPTH_MESSAGE.search(entry.message or "")
        if depth is not None:
            raise InputTooLargeError(
                f"elements nested deeper than {depth.group(1)} levels", format=format, where=where
            )
        message = " ".join((entry.message or "").split())
        if "limit" in message.lower() or entry.type_name == "ERR_RESOURCE_LIMIT":
            raise InputTooLargeError(f"over the HTML parser's limits: {message}", format=format)
        raise ReadError(f"the HTML parser stopped: {message}", format=format, where=where)


# ---------------------------------------------------------------------------
# reading


def _needs_collapse(text: str) -> bool:
    return "  " in text or "\n" in text or "\t" in text or "\r" in text or "\f" in text


def _clean(text: str | None) -> str:
    if not text:
        return ""
    return _WS.sub(" ", text) if _needs_collapse(text) else text


def _tidy(content: list[m.Inline], *, collapse: bool = True) -> tuple[m.Inline, ...]:
    """Merge adjacent text, collapse runs of white space, strip it at the block's edges."""
    items: list[m.Inline] = []
    for item in content:
        if isinstance(item, str):
            if not item:
                continue
            if items and isinstance(items[-1], str):
                items[-1] = items[-1] + item
                continue
        items.append(item)
    if collapse:
        items = [_WS.sub(" ", i) if isinstance(i, str) and _needs_collapse(i) else i for i in items]
    if items and isinstance(items[0], str):
        items[0] = items[0].lstrip(" \t\n\r\f")
    if items and isinstance(items[-1], str):
        items[-1] = items[-1].rstrip(" \t\n\r\f")
    return tuple(i for i in items if not isinstance(i, str) or i)


def _has_text(content: Iterable[m.Inline]) -> bool:
    return bool(m.inline_text(content).strip())


def inline_from_element(element: Any, depth: int = 0, *, pre: bool = False) -> list[m.Inline]:
    """The inline content inside ``element`` (its text, children and their tails)."""
    out: list[m.Inline] = []
    text = element.text if pre else _clean(element.text)
    if text:
        out.append(text)
    for child in element:
        out.extend(_inline_node(child, depth + 1, pre=pre))
        tail = child.tail if pre else _clean(child.tail)
        if tail:
            out.append(tail)
    return out


def _inline_node(element: Any, depth: int, *, pre: bool) -> list[m.Inline]:
    name = local_name(element)
    if not name or name in _DROP:
        return []
    if depth > MAX_DEPTH:
        return [_clean(" ".join(element.itertext()))]
    if name == "br":
        return [m.LineBreak()]
    content = inline_from_element(element, depth, pre=pre)
    if name == "a":
        href = safe_url(element.get("href"))
        if href and _has_text(content):
            title = _clean(element.get("title")).strip() or None
            return [m.Link(content=tuple(content), url=href, title=title)]
        return content
    if name in _INLINE_MAP:
        cls = _INLINE_MAP[name]
        if name == "em" and "strong" in (element.get("class") or "").split():
            cls = m.Strong  # NITF has no strong: newsmodel writes em class="strong"
        return [cls(content=tuple(content))] if _has_text(content) else content
    if name == "q":
        cite = safe_url(element.get("cite"))
        return [m.InlineQuote(content=tuple(content), cite=cite)] if _has_text(content) else content
    if name in ("img", "picture", "figure"):
        return []
    return content  # span, font, sup, sub, NITF chron/person/org/…: keep the text


def _srcset(value: str | None) -> list[m.Rendition]:
    out: list[m.Rendition] = []
    for part in (value or "").split(","):
        bits = part.split()
        if not bits:
            continue
        url = safe_url(bits[0])
        if url is None:
            continue
        width = None
        if len(bits) > 1 and bits[1].endswith("w") and bits[1][:-1].isdigit():
            width = int(bits[1][:-1]) or None
        out.append(m.Rendition(url=url, width=width))
    return out


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    value = value.strip().removesuffix("px")
    return int(value) if value.isdigit() and 0 < int(value) < 10**7 else None


def _image_photo(img: Any) -> m.Photo | None:
    url = None
    for attr in ("src", "data-src", "data-lazy-src", "data-original"):
        url = safe_url(img.get(attr))
        if url and not url.startswith("data:"):
            break
    renditions = _srcset(img.get("srcset") or img.get("data-srcset"))
    if url is None and renditions:
        url = renditions[0].url
    if url is None:
        return None
    alt = _clean(img.get("alt")).strip() or None
    return m.Photo(
        url=url,
        alt=alt,
        width=_int(img.get("width")),
        height=_int(img.get("height")),
        renditions=tuple(renditions),
        id=(img.get("data-photo-id") or "").strip() or None,
    )


def _caption_parts(figcaption: Any) -> tuple[str | None, str | None, str | None]:
    """``(caption, credit, photographer)`` from a figcaption-like element."""
    credit = photographer = None
    rest: list[str] = []
    if figcaption.text:
        rest.append(figcaption.text)
    for child in figcaption:
        classes = (child.get("class") or "").lower()
        text = _clean(" ".join(child.itertext())).strip()
        if "photographer" in classes:
            photographer = text or None
        elif any(k in classes for k in ("credit", "copyright", "source")) or local_name(child) in (
            "cite",
            "small",
        ):
            credit = text or None
        else:
            rest.append(" ".join(child.itertext()))
        if child.tail:
            rest.append(child.tail)
    caption: str | None = _clean(" ".join(rest)).strip() or None
    if credit is not None:
        credit = re.sub(r"^(?:photo(?:graph)?|picture|image|credit)\s*:\s*", "", credit, flags=re.I)
        credit = credit.strip("() ") or None
    elif caption:
        caption, credit = split_credit(caption)
    return caption, credit, photographer


_CaptionParts = tuple[str | None, str | None, str | None]
#: What a figure's elements say, in document order: its first photo, the first caption
#: that names a caption or credit, else the last (empty) one.
_FigureScan = tuple[m.Photo | None, _CaptionParts | None, _CaptionParts | None]


def _scan_figure(figure: Any, done: dict[Any, _FigureScan]) -> _FigureScan:
    """What ``figure``'s elements say; figures inside it already in ``done`` are not walked
    again (see :func:`photos_of_figures`)."""
    photo: m.Photo | None = None
    closing: _CaptionParts | None = None  # a caption or credit: later figcaptions are ignored
    last: _CaptionParts | None = None
    stack = [figure]
    # lxml frees an element's Python proxy by walking up to the nearest ancestor that has
    # one: keeping the walked elements alive keeps that walk short in a deep tree
    walked = []
    while stack:
        element = stack.pop()
        walked.append(element)
        inner = done.get(element) if element is not figure else None
        if inner is not None:
            if photo is None:
                photo = inner[0]
            if closing is None:
                closing = inner[1]
                last = inner[2] or last
            continue
        tag = local_name(element)
        if tag == "img" and photo is None:
            photo = _image_photo(element)
        elif tag == "source" and photo is None and element.get("srcset"):
            renditions = _srcset(element.get("srcset"))
            if renditions:
                photo = m.Photo(url=renditions[0].url, renditions=tuple(renditions))
        elif tag == "figcaption" and closing is None:
            parts = _caption_parts(element)
            if parts[0] is not None or parts[1] is not None:
                closing = parts
            else:
                last = parts
        stack.extend(reversed(element))
    return photo, closing, last


def _figure_photo(figure: Any, scan: _FigureScan) -> m.Photo | None:
    photo, closing, last = scan
    caption, credit, photographer = closing or last or (None, None, None)
    if photo is None:
        if caption is None and credit is None and photographer is None:
            return None
        return m.Photo(caption=caption, credit=credit, photographer=photographer)
    return m.Photo(
        url=photo.url,
        caption=caption,
        credit=credit,
        alt=photo.alt,
        photographer=photographer,
        width=photo.width,
        height=photo.height,
        renditions=photo.renditions,
        id=photo.id or ((figure.get("data-photo-id") or "").strip() or None),
    )


def photo_from_figure(figure: Any) -> m.Photo | None:
    """The photo of a ``figure`` (HTML) or ``media`` (NITF) element, or ``None``."""
    name = local_name(figure)
    if name == "media":
        return _nitf_media(figure)
    if name == "img":
        return _image_photo(figure)
    return _figure_photo(figure, _scan_figure(figure, {}))


def photos_of_figures(figures: list[Any]) -> list[m.Photo | None]:
    """:func:`photo_from_figure` of each HTML ``figure`` in ``figures`` (in document order),
    in linear time: a figure inside another is walked once, and what it says reused."""
    done: dict[Any, _FigureScan] = {}
    for figure in reversed(figures):  # inner figures before the ones around them
        done[figure] = _scan_figure(figure, done)
    return [_figure_photo(figure, done[figure]) for figure in figures]


def _nitf_media(media: Any) -> m.Photo | None:
    if (media.get("media-type") or "image").strip().lower() not in ("image", "photo", "graphic"):
        return None
    renditions = []
    alt = None
    for ref in media:
        if local_name(ref) != "media-reference":
            continue
        url = safe_url(ref.get("source"))
        alt = alt or (_clean(ref.get("alternate-text")).strip() or None)
        if url:
            renditions.append(
                m.Rendition(
                    url=url,
                    name=(ref.get("name") or "").strip() or None,
                    media_type=(ref.get("mime-type") or "").strip() or None,
                    width=_int(ref.get("width")),
                    height=_int(ref.get("height")),
                )
            )
    caption = credit = None
    for child in media:
        tag = local_name(child)
        if tag == "media-caption":
            caption = _clean(" ".join(child.itertext())).strip() or None
        elif tag == "media-producer":
            credit = _clean(" ".join(child.itertext())).strip() or None
    if caption and not credit:
        caption, credit = split_credit(caption)
    if not renditions and not caption and not credit and not alt:
        return None
    first = renditions[0] if renditions else None
    return m.Photo(
        url=first.url if first else None,
        caption=caption,
        credit=credit,
        alt=alt,
        width=first.width if first else None,
        height=first.height if first else None,
        renditions=tuple(renditions[1:]) if len(renditions) > 1 else (),
    )


def _table(element: Any, depth: int) -> m.Table:
    rows: list[m.TableRow] = []
    caption: tuple[m.Inline, ...] = ()
    for child in element.iter():
        tag = local_name(child)
        if tag == "caption" and not caption:
            caption = _tidy(inline_from_element(child, depth))
        elif tag == "tr":
            cells = []
            for cell in child:
                ctag = local_name(cell)
                if ctag not in ("td", "th"):
                    continue
                cells.append(
                    m.TableCell(
                        content=_tidy(inline_from_element(cell, depth)),
                        header=ctag == "th",
                        colspan=min(_int(cell.get("colspan")) or 1, 1000),
                        rowspan=min(_int(cell.get("rowspan")) or 1, 65534),
                    )
                )
            rows.append(m.TableRow(cells=tuple(cells)))
    return m.Table(rows=tuple(rows), caption=caption)


def _embed(element: Any) -> m.RawEmbed | None:
    markup = sanitise_html(
        etree.tostring(element, method="html", encoding="unicode", with_tail=False)
    )
    if not markup.strip():
        return None
    src = safe_url(element.get("src") or element.get("data"))
    return m.RawEmbed(format="text/html", content=markup, url=src)


def _blocks(container: Any, depth: int, skip: Any = None) -> Iterator[m.Block]:
    """Blocks inside ``container``: block children converted, loose inline runs as paragraphs."""
    run: list[m.Inline] = []

    def flush() -> Iterator[m.Block]:
        content = _tidy(run)
        run.clear()
        if _has_text(content):
            yield m.Paragraph(content=content)

    text = _clean(container.text)
    if text:
        run.append(text)
    for child in container:
        name = local_name(child)
        if child is skip:
            pass
        elif name in _BLOCK_TAGS or name == "img":
            yield from flush()
            yield from _block(child, depth + 1)
        else:
            run.extend(_inline_node(child, depth + 1, pre=False))
        tail = _clean(child.tail)
        if tail:
            run.append(tail)
    yield from flush()


def _block(element: Any, depth: int) -> Iterator[m.Block]:
    name = local_name(element)
    if not name or name in _DROP:
        return
    if depth > MAX_DEPTH:
        text = _clean(" ".join(element.itertext())).strip()
        if text:
            yield m.Paragraph(content=(text,))
        return
    heading = _HEADING.fullmatch(name)
    if name == "p" or name in ("fn", "note", "summary", "caption", "figcaption", "dt"):
        content = _tidy(inline_from_element(element, depth))
        if _has_text(content):
            yield m.Paragraph(content=content)
        if len(element):  # images inside a paragraph become figures after it
            for img in element.iter("img", "{*}img"):
                photo = _image_photo(img)
                if photo is not None:
                    yield m.Figure(photo=photo)
    elif heading or name == "hl2":
        content = _tidy(inline_from_element(element, depth))
        if _has_text(content):
            yield m.Heading(content=content, level=int(heading.group(1)) if heading else 2)
    elif name == "pre":
        content = _tidy(inline_from_element(element, depth, pre=True), collapse=False)
        parts: list[m.Inline] = []
        for item in content:
            if isinstance(item, str):
                lines = item.split("\n")
                for i, line in enumerate(lines):
                    if i:
                        parts.append(m.LineBreak())
                    parts.append(line)
            else:
                parts.append(item)
        if _has_text(parts):
            yield m.Paragraph(content=tuple(parts))
    elif name in ("blockquote", "bq"):
        yield from _blockquote(element, depth)
    elif name in ("ul", "ol", "dl"):
        items = []
        for child in element:
            if local_name(child) in ("li", "dd", "dt"):
                blocks = tuple(_blocks(child, depth + 1))
                if blocks:
                    items.append(blocks)
        if items:
            yield m.ListBlock(items=tuple(items), ordered=name == "ol")
    elif name in ("figure", "media", "img", "picture"):
        photo = photo_from_figure(element)
        if photo is not None:
            yield m.Figure(photo=photo)
        elif name == "figure":
            # a figure around something else (a table, an embed, a quote)
            yield from _blocks(element, depth)
    elif name == "table":
        table = _table(element, depth)
        if table.rows:
            yield table
    elif name in _EMBEDS:
        embed = _embed(element)
        if embed is not None:
            yield embed
    elif name == "div" and "nm-embed" in (element.get("class") or "").split():
        fmt = (element.get("data-format") or "").strip() or "text/html"
        if fmt == "text/html":
            inner = escape(element.text or "", quote=False) + "".join(
                etree.tostring(c, method="html", encoding="unicode") for c in element
            )
            raw = sanitise_html(inner)
        else:
            raw = "".join(element.itertext())
        if raw.strip():
            yield m.RawEmbed(format=fmt, content=raw, url=safe_url(element.get("data-url")))
    elif name == "hr":
        return
    else:  # containers and anything unknown: look inside
        yield from _blocks(element, depth)


def _blockquote(element: Any, depth: int) -> Iterator[m.Block]:
    attribution: list[m.Inline] = []
    skip = None
    children = list(element)
    if children and local_name(children[-1]) in ("footer", "credit", "cite"):
        skip = children[-1]
        attribution = inline_from_element(skip, depth + 1)
    blocks = tuple(_blocks(element, depth, skip=skip))
    cite = safe_url(element.get("cite") or element.get("quote-source"))
    content = _tidy(attribution)
    if blocks or _has_text(content):
        yield m.BlockQuote(blocks=blocks, cite=cite, attribution=content)


def blocks_from_element(element: Any) -> tuple[m.Block, ...]:
    """The blocks inside ``element`` (an HTML/XHTML ``body``, a NITF ``body.content``, a div)."""
    return tuple(_blocks(element, 0))


def blocks_from_html(markup: str, *, format: str | None = None) -> tuple[m.Block, ...]:
    """The blocks of an HTML fragment such as a ninjs or JSON-LD body (``format`` names
    the input in errors: see :func:`check_html_parse`)."""
    if not markup or not markup.strip():
        return ()
    parser = html_parser()
    document = html.document_fromstring(f"<html><body>{markup}</body></html>", parser=parser)
    check_html_parse(parser, format=format)
    body = document.find("body")
    return blocks_from_element(body if body is not None else document)


# ---------------------------------------------------------------------------
# writing


def add_text(parent: Any, text: str) -> None:
    """Append ``text`` where it reads next in ``parent`` (its text, or its last child's tail)."""
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def inline_to(parent: Any, content: Iterable[m.Inline], maker: Any, *, nitf: bool = False) -> None:
    """Append inline content to ``parent`` as HTML (or NITF: strong as ``em class="strong"``,
    ``q`` without ``cite``, which NITF does not have)."""
    for item in content:
        if isinstance(item, str):
            add_text(parent, item)
        elif isinstance(item, m.LineBreak):
            maker(parent, "br")
        elif isinstance(item, m.Link):
            href = safe_url(item.url)
            if href is None:
                inline_to(parent, item.content, maker, nitf=nitf)
                continue
            el = maker(parent, "a", href=href)
            if item.title:
                el.set("title", item.title)
            inline_to(el, item.content, maker, nitf=nitf)
        elif isinstance(item, m.Emphasis):
            inline_to(maker(parent, "em"), item.content, maker, nitf=nitf)
        elif isinstance(item, m.Strong):
            strong = maker(parent, "em", **{"class": "strong"}) if nitf else maker(parent, "strong")
            inline_to(strong, item.content, maker, nitf=nitf)
        elif isinstance(item, m.InlineQuote):
            el = maker(parent, "q")
            cite = safe_url(item.cite)
            if cite and not nitf:
                el.set("cite", cite)
            inline_to(el, item.content, maker, nitf=nitf)


def table_to(parent: Any, block: m.Table, maker: Any, *, nitf: bool = False) -> None:
    """Append a table (NITF needs at least one cell in a row: empty rows are left out)."""
    table = maker(parent, "table")
    if block.caption:
        inline_to(maker(table, "caption"), block.caption, maker, nitf=nitf)
    for row in block.rows:
        if nitf and not row.cells:
            continue
        tr = maker(table, "tr")
        for cell in row.cells:
            td = maker(tr, "th" if cell.header else "td")
            if cell.colspan != 1:
                td.set("colspan", str(cell.colspan))
            if cell.rowspan != 1:
                td.set("rowspan", str(cell.rowspan))
            inline_to(td, cell.content, maker, nitf=nitf)


def _figure_to(parent: Any, photo: m.Photo, maker: Any) -> None:
    figure = maker(parent, "figure")
    if photo.id:
        figure.set("data-photo-id", photo.id)
    src = safe_url(photo.url)
    if src:
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
    if photo.caption or photo.credit or photo.photographer:
        figcaption = maker(figure, "figcaption")
        if photo.caption:
            add_text(figcaption, photo.caption)
        if photo.photographer:
            if photo.caption:
                add_text(figcaption, " ")
            el = maker(figcaption, "span", **{"class": "photographer"})
            el.text = photo.photographer
        if photo.credit:
            if photo.caption or photo.photographer:
                add_text(figcaption, " ")
            el = maker(figcaption, "small", **{"class": "credit"})
            el.text = photo.credit


def _block_to(parent: Any, block: m.Block, maker: Any) -> None:
    if isinstance(block, m.Paragraph):
        inline_to(maker(parent, "p"), block.content, maker)
    elif isinstance(block, m.Heading):
        inline_to(maker(parent, f"h{block.level}"), block.content, maker)
    elif isinstance(block, m.BlockQuote):
        quote = maker(parent, "blockquote")
        cite = safe_url(block.cite)
        if cite:
            quote.set("cite", cite)
        for inner in block.blocks:
            _block_to(quote, inner, maker)
        if block.attribution:
            inline_to(maker(quote, "footer"), block.attribution, maker)
    elif isinstance(block, m.ListBlock):
        lst = maker(parent, "ol" if block.ordered else "ul")
        for item in block.items:
            li = maker(lst, "li")
            for inner in item:
                _block_to(li, inner, maker)
    elif isinstance(block, m.Figure):
        _figure_to(parent, block.photo, maker)
    elif isinstance(block, m.Table):
        table_to(parent, block, maker)
    elif isinstance(block, m.RawEmbed):
        div = maker(parent, "div", **{"class": "nm-embed", "data-format": block.format})
        url = safe_url(block.url)
        if url:
            div.set("data-url", url)
        if block.format == "text/html":
            _sanitised_into(div, block.content, maker)
        else:
            div.text = block.content


def element_maker(namespace: str | None) -> Any:
    """``make(parent, tag, **attributes)`` creating children in ``namespace`` (or none)."""
    prefix = f"{{{namespace}}}" if namespace else ""

    def make(parent: Any, tag: str, **attributes: str) -> Any:
        return etree.SubElement(parent, prefix + tag, attributes)

    return make


def blocks_to_elements(
    parent: Any, blocks: Iterable[m.Block], *, namespace: str | None = None
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


# ---------------------------------------------------------------------------
# sanitising

_ALLOWED_EMBED_TAGS = frozenset(
    [
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "caption",
        "cite",
        "code",
        "div",
        "em",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "i",
        "iframe",
        "img",
        "li",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "u",
        "ul",
        "video",
        "audio",
        "source",
        "picture",
        "time",
    ]
)
_URL_ATTRS = frozenset(
    ["href", "src", "cite", "poster", "data", "action", "formaction", "srcset", "background"]
)


def remove_element(element: Any) -> None:
    """Remove ``element`` but keep the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    previous = element.getprevious()
    parent.remove(element)
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


#: Embedded markup nested deeper than this is kept as the text of its deepest allowed
#: element: a page written with it stays well inside :data:`HTML_MAX_DEPTH`.
EMBED_MAX_DEPTH = 200


def _sanitise_tree(root: Any) -> None:
    depths = {root: 0}
    for element in list(root.iter()):
        if element is root:
            continue
        parent = element.getparent()
        depth = depths.get(parent, EMBED_MAX_DEPTH) + 1
        if depth > EMBED_MAX_DEPTH:
            continue  # inside an element flattened below, or removed
        depths[element] = depth
        if depth == EMBED_MAX_DEPTH and len(element):
            text = "".join(element.itertext())
            for child in list(element):
                element.remove(child)  # (their tails are in the text)
            element.text = text
        name = local_name(element)
        if not name or name in _DROP or name in ("object", "embed", "applet", "base", "frame"):
            remove_element(element)
            continue
        if name not in _ALLOWED_EMBED_TAGS:
            element.tag = "span"
        for attr in list(element.attrib):
            low = attr.lower()
            value = element.get(attr) or ""
            if low.startswith("on") or low in ("style", "srcdoc", "formaction") or ":" in low:
                del element.attrib[attr]
            elif low == "srcset":
                if any(safe_url(p.split()[0]) is None for p in value.split(",") if p.split()):
                    del element.attrib[attr]
            elif low in _URL_ATTRS and safe_url(value) is None:
                del element.attrib[attr]


def _parse_fragment(markup: str) -> Any:
    document = html.document_fromstring(
        f"<html><body><div>{markup}</div></body></html>", parser=html_parser()
    )
    return document.find(".//body/div")


def sanitise_html(markup: str) -> str:
    """``markup`` without scripts, event handlers, styles or script/data URLs."""
    if not markup or not markup.strip():
        return ""
    holder = _parse_fragment(markup)
    if holder is None:
        return ""
    _sanitise_tree(holder)
    parts = [escape(holder.text or "", quote=False)]
    parts.extend(etree.tostring(c, method="html", encoding="unicode") for c in holder)
    return "".join(parts).strip()


def _copy_into(parent: Any, source: Any, maker: Any) -> None:
    """Copies of ``source``'s elements appended to ``parent`` (in document order, no
    recursion)."""
    copies = {source: parent}
    for child in source.iter():
        name = local_name(child)
        target = copies.get(child.getparent())
        if child is source or not name or target is None:
            continue
        attributes = {k: v for k, v in child.attrib.items() if ":" not in k and "{" not in k}
        copy = maker(target, name, **attributes)
        copy.text = child.text
        copy.tail = child.tail
        copies[child] = copy


def _sanitised_into(parent: Any, markup: str, maker: Any) -> None:
    holder = _parse_fragment(markup)
    if holder is None:
        return
    _sanitise_tree(holder)
    if holder.text:
        add_text(parent, holder.text)
    _copy_into(parent, holder, maker)
