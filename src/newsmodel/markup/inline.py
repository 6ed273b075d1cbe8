"""Inline content (text, links, emphasis, strong, inline quotes, line breaks) from and
to elements."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from lxml import etree

from newsmodel import model as m
from newsmodel.markup.dialects import DROP_TAGS, HTML, INLINE_KINDS, NITF, Dialect
from newsmodel.markup.parse import add_text, local_name, texts
from newsmodel.markup.sanitise import safe_url
from newsmodel.markup.text import clean, has_text

__all__ = [
    "MAX_DEPTH",
    "Maker",
    "element_maker",
    "inline_from_element",
    "inline_node",
    "inline_to",
    "write_inline",
]

#: Deeper nesting than this is read as plain text (bounded recursion).
MAX_DEPTH = 60
#: Read as nothing inline: a picture is a block of its own (see
#: :mod:`newsmodel.markup.blocks`), ``<p>Text <img src="…"> more</p>`` reads "Text  more".
_PICTURE_TAGS = frozenset(["img", "picture", "figure"])


class Maker(Protocol):
    """Makes a child element: ``make(parent, "a", href="https://example.org/")``."""

    def __call__(self, parent: etree._Element, tag: str, /, **attributes: str) -> etree._Element:
        """Append a ``tag`` element with ``attributes`` to ``parent`` and return it."""
        ...


def element_maker(namespace: str | None) -> Maker:
    """``make(parent, tag, **attributes)`` creating children in ``namespace`` (or none)."""
    prefix = f"{{{namespace}}}" if namespace else ""

    def make(parent: etree._Element, tag: str, /, **attributes: str) -> etree._Element:
        return etree.SubElement(parent, prefix + tag, attributes)

    return make


# ---------------------------------------------------------------------------
# reading


def inline_from_element(
    element: etree._Element, depth: int = 0, *, pre: bool = False
) -> list[m.Inline]:
    """The inline content inside ``element`` (its text, children and their tails)."""
    out: list[m.Inline] = []
    text = element.text if pre else clean(element.text)
    if text:
        out.append(text)
    for child in element:
        out.extend(inline_node(child, depth + 1, pre=pre))
        tail = child.tail if pre else clean(child.tail)
        if tail:
            out.append(tail)
    return out


def _link(element: etree._Element, content: list[m.Inline]) -> list[m.Inline]:
    href = safe_url(element.get("href"))
    if href and has_text(content):
        title = clean(element.get("title")).strip() or None
        return [m.Link(content=tuple(content), url=href, title=title)]
    return content


def inline_node(element: etree._Element, depth: int, *, pre: bool) -> list[m.Inline]:
    """What ``element`` (not its tail) reads as inside a paragraph."""
    name = local_name(element, fold_case=True)
    if not name or name in DROP_TAGS:
        return []
    if depth > MAX_DEPTH:
        return [clean(" ".join(texts(element)))]
    if name == "br":
        return [m.LineBreak()]
    content = inline_from_element(element, depth, pre=pre)
    if name == "a":
        return _link(element, content)
    if name in INLINE_KINDS:
        cls = INLINE_KINDS[name]
        if name == NITF.strong and NITF.strong_class in (element.get("class") or "").split():
            cls = m.Strong  # NITF has no strong: newsmodel writes em class="strong"
        return [cls(content=tuple(content))] if has_text(content) else content
    if name == "q":
        cite = safe_url(element.get("cite"))
        return [m.InlineQuote(content=tuple(content), cite=cite)] if has_text(content) else content
    if name in _PICTURE_TAGS:
        return []
    return content  # span, font, sup, sub, NITF chron/person/org/…: keep the text


# ---------------------------------------------------------------------------
# writing


def _strong(parent: etree._Element, maker: Maker, dialect: Dialect) -> etree._Element:
    if dialect.strong_class:
        return maker(parent, dialect.strong, **{"class": dialect.strong_class})
    return maker(parent, dialect.strong)


def write_inline(
    parent: etree._Element, content: Iterable[m.Inline], maker: Maker, dialect: Dialect
) -> None:
    """Append inline content to ``parent`` as ``dialect`` writes it."""
    for item in content:
        if isinstance(item, str):
            add_text(parent, item)
        elif isinstance(item, m.LineBreak):
            maker(parent, "br")
        elif isinstance(item, m.Link):
            href = safe_url(item.url)
            if href is None:
                write_inline(parent, item.content, maker, dialect)
                continue
            el = maker(parent, "a", href=href)
            if item.title:
                el.set("title", item.title)
            write_inline(el, item.content, maker, dialect)
        elif isinstance(item, m.Emphasis):
            write_inline(maker(parent, "em"), item.content, maker, dialect)
        elif isinstance(item, m.Strong):
            write_inline(_strong(parent, maker, dialect), item.content, maker, dialect)
        elif isinstance(item, m.InlineQuote):
            el = maker(parent, "q")
            cite = safe_url(item.cite)
            if cite and dialect.quote_cite:
                el.set("cite", cite)
            write_inline(el, item.content, maker, dialect)


def inline_to(
    parent: etree._Element, content: Iterable[m.Inline], maker: Maker, *, nitf: bool = False
) -> None:
    """Append inline content to ``parent`` as HTML (or NITF: strong as ``em class="strong"``,
    ``q`` without ``cite``, which NITF does not have)."""
    write_inline(parent, content, maker, NITF if nitf else HTML)
