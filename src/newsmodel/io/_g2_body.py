"""The body of a NewsML-G2 item: its XHTML, NITF or plain text content, read into blocks.

A body that opens with its headline (and subheadline) as headings repeats them:
those headings are left out (:func:`without_repeated_titles`, the NewsML 1.x reader's
too). An XHTML body may open with a ``<header>`` that only repeats the item's metadata
for display (dpa: the publication time, the subjects as a list, the genre, the
headline as ``<h1>``). Such a header is no text of the story and is left out; a
header that says anything the metadata does not is read as the rest of the body.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator

from lxml import etree

from newsmodel import model as m
from newsmodel.catalog import Catalog
from newsmodel.io.nitf import article_from_nitf
from newsmodel.markup import blocks_from_element
from newsmodel.xmlsafe import attribute as _attr
from newsmodel.xmlsafe import element_text as _text
from newsmodel.xmlsafe import find_all as _all
from newsmodel.xmlsafe import find_first as _first
from newsmodel.xmlsafe import local_name

__all__ = ["body_of", "metadata_texts", "without_repeated_titles"]

#: ``contentMeta`` elements whose text (or ``name``) a display header may repeat:
#: ``<headline>``, ``<genre><name>DEVELOPING</name></genre>``, ``<keyword>NATO</keyword>``.
_REPEATED = ("headline", "slugline", "dateline", "creditline", "by", "keyword")
_REPEATED_NAMES = ("genre", "subject", "located", "creator", "contributor")
#: Elements of a header whose text is a time the metadata gives: ``<time>``.
_TIME_ELEMENTS = frozenset(["time"])
#: Elements that are content of their own whatever their text: a header holding one
#: (``<header><h1>…</h1><img src="lead.jpg"/></header>``) is read as the body.
_MEDIA_ELEMENTS = ("img", "picture", "figure", "video", "audio", "object", "iframe", "embed")
#: Blank lines between the paragraphs of a plain-text body (``inlineData``).
_BLANK_LINE = re.compile(r"\n\s*\n")


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def metadata_texts(meta: etree._Element | None) -> frozenset[str]:
    """What ``contentMeta`` says, as compared with a header's text (case and spaces aside)."""
    found = [_text(e) for name in _REPEATED for e in _all(meta, name)]
    for name in _REPEATED_NAMES:
        for element in _all(meta, name):
            found.extend(_text(n) for n in _all(element, "name"))
    return frozenset(_key(t) for t in found if t)


def _pieces(element: etree._Element, in_time: bool = False) -> Iterator[tuple[str, bool]]:
    """Each piece of text in ``element`` (its own text, then each child's, then the
    child's tail), with whether it stands in a ``<time>``."""
    in_time = in_time or local_name(element) in _TIME_ELEMENTS
    if element.text and element.text.strip():
        yield element.text, in_time
    for child in element:
        if isinstance(child.tag, str):
            yield from _pieces(child, in_time)
        if child.tail and child.tail.strip():
            yield child.tail, in_time


def _is_repeated_header(element: etree._Element, metadata: frozenset[str]) -> bool:
    """Whether ``element`` is a ``<header>`` all of whose text is metadata or a time."""
    if not isinstance(element.tag, str) or local_name(element) != "header":
        return False
    if any(local_name(e) in _MEDIA_ELEMENTS for e in element.iterdescendants()):
        return False
    pieces = list(_pieces(element))
    return bool(pieces) and all(in_time or _key(t) in metadata for t, in_time in pieces)


def _without_header(body: etree._Element, metadata: frozenset[str]) -> etree._Element:
    """``body``, or a copy without its display headers when they only repeat ``metadata``."""
    repeated = {n for n, c in enumerate(body) if _is_repeated_header(c, metadata)}
    if not repeated:
        return body
    trimmed = copy.deepcopy(body)  # the document's own tree is left as it is
    for n, child in enumerate(list(trimmed)):
        if n in repeated:
            trimmed.remove(child)  # (by the element: del by index walks the children)
    return trimmed


def body_of(
    content_set: etree._Element | None, catalog: Catalog, metadata: frozenset[str] = frozenset()
) -> tuple[tuple[m.Block, ...], m.Article | None]:
    """Blocks from the item's content, and the inline NITF article when the body is NITF.
    ``metadata`` is what the item's ``contentMeta`` says (:func:`metadata_texts`)."""
    if content_set is None:
        return (), None
    xhtml = nitf = plain = None
    for child in content_set:
        name = local_name(child)
        kind = (_attr(child, "contenttype") or "").lower()
        if name == "inlineXML":
            if "nitf" in kind or _first(child, "nitf") is not None:
                nitf = nitf if nitf is not None else child
            else:
                xhtml = xhtml if xhtml is not None else child
        elif name == "inlineData" and plain is None:
            plain = child
    if xhtml is not None:
        body = _first(xhtml, "html/body")
        if body is None:
            body = xhtml.find(".//{*}body")
        if body is None:
            body = xhtml
        return blocks_from_element(_without_header(body, metadata), own_body=True), None
    if nitf is not None:
        root = nitf.find(".//{*}nitf")
        if root is None:
            return (), None
        inner = article_from_nitf(root, catalog)
        return inner.body, inner
    if plain is not None and plain.text:
        parts = _BLANK_LINE.split(plain.text)
        return tuple(m.Paragraph(content=(" ".join(p.split()),)) for p in parts if p.strip()), None
    return (), None


def without_repeated_titles(body: tuple[m.Block, ...], *titles: str | None) -> tuple[m.Block, ...]:
    """The body without the headings it opens with that only repeat ``titles`` (the
    headline, the subheadline): ``<h1>Title</h1><h2>Sub</h2><p>…</p>`` under the
    headline ``Title`` and the subheadline ``Sub`` is the paragraph alone."""
    words = {tuple(t.split()) for t in titles if t}
    start = 0
    while (
        start < len(body)
        and isinstance(body[start], m.Heading)
        and tuple(m.block_text(body[start]).split()) in words
    ):
        start += 1
    return body[start:]
