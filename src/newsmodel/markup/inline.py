"""Inline content (text, links, emphasis, strong, inline quotes, line breaks) from and
to elements."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Protocol

from lxml import etree

from newsmodel import model as m
from newsmodel.markup.dialects import DROP_TAGS, HTML, INLINE_KINDS, NITF, Dialect
from newsmodel.markup.parse import TAG_NAMES, add_text, parsed_clean, tag_name, texts
from newsmodel.markup.sanitise import safe_url
from newsmodel.markup.text import clean, has_text
from newsmodel.model_blocks import inline_tuple
from newsmodel.model_fields import trusted_maker, validate_all

__all__ = [
    "MAX_DEPTH",
    "Held",
    "Maker",
    "content_into",
    "element_maker",
    "inline_from_element",
    "inline_into",
    "inline_named",
    "inline_of",
    "inline_to",
    "write_inline",
]

#: Deeper nesting than this is read as plain text (bounded recursion).
MAX_DEPTH = 60
#: Read as nothing inline: a picture is a block of its own (see
#: :mod:`newsmodel.markup.blocks`), ``<p>Text <img src="…"> more</p>`` reads "Text  more".
_PICTURE_TAGS = frozenset(["img", "picture", "figure"])
#: The inline tags that make a node of their own (a link, emphasis, strong, a quote);
#: any other (``span``, ``font``, NITF ``chron``…) reads as its content, in its place.
_NODE_TAGS = frozenset(["a", "q", *INLINE_KINDS])
#: Read as nothing inline, their content included: the dropped tags and the pictures.
_NO_CONTENT_TAGS = DROP_TAGS | _PICTURE_TAGS
#: A line break holds nothing: one instance serves every ``br``.
_LINE_BREAK = m.LineBreak()
#: The makers of the nodes read here, whose values are valid by construction (see
#: :func:`inline_into`); each takes its fields in order: ``(content, url, title)``.
_make_link = trusted_maker(m.Link)
#: ``(content, cite)``.
_make_quote = trusted_maker(m.InlineQuote)
#: ``(content)``, for each kind.
_MAKE_KIND: dict[type[m.Emphasis] | type[m.Strong], Callable[[tuple[m.Inline, ...]], m.Inline]] = {
    kind: trusted_maker(kind) for kind in (m.Emphasis, m.Strong)
}


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
    """The inline content inside ``element`` (its text, children and their tails); that
    of a tree :func:`~newsmodel.markup.parse.parse_html` did not make is checked as the
    model's constructors would (:class:`~newsmodel.errors.ModelValidationError`)."""
    out = inline_of(element, depth, pre=pre)
    if not parsed_clean(element):
        validate_all(tuple(out))
    return out


def inline_of(element: etree._Element, depth: int = 0, *, pre: bool = False) -> list[m.Inline]:
    """:func:`inline_from_element` unchecked, for the block reader (which checks the
    blocks of a tree it cannot vouch for itself)."""
    out: list[m.Inline] = []
    content_into(element, depth, pre, out)
    return out


def content_into(element: etree._Element, depth: int, pre: bool, out: list[m.Inline]) -> bool:
    """Append the inline content inside ``element`` to ``out`` (:func:`inline_of`, its text
    as it is with ``pre``); say whether an element inside was passed over unread (a
    picture, a dropped element, one nested too deep): only then can a picture be inside
    (``<p>Text <img src="a.jpg"></p>``)."""
    text = element.text  # (lxml makes a new string on each read: read once)
    if text:
        out.append(text if pre else clean(text))
    depth += 1
    unread = False
    deep = depth > MAX_DEPTH
    for child in element:
        name = TAG_NAMES.get(child.tag) or tag_name(child)
        if (_too_deep if deep else _READERS.get(name, _contents))(child, name, depth, pre, out):
            unread = True
        tail = child.tail
        if tail:
            out.append(tail if pre else clean(tail))
    return unread


def _normal(content: list[m.Inline]) -> tuple[m.Inline, ...]:
    """``content`` (from :func:`content_into`: no empty text) in the model's normal form."""
    return (content[0],) if len(content) == 1 else inline_tuple(content)


def inline_into(element: etree._Element, depth: int, pre: bool, out: list[m.Inline]) -> None:
    """Append what ``element`` (not its tail) reads as inside a paragraph to ``out``.

    The nodes are made without the model's checks (:func:`~newsmodel.model_fields.trusted_maker`):
    their content is merged into normal form here, and their text is the tree's, which
    the callers take from markup cleaned of the characters the model refuses.
    """
    inline_named(element, tag_name(element), depth, pre, out)


def inline_named(
    element: etree._Element, name: str, depth: int, pre: bool, out: list[m.Inline]
) -> bool:
    """:func:`inline_into` for an ``element`` whose :func:`tag_name` is ``name``; whether
    it, or an element inside it, was passed over unread (see :func:`content_into`)."""
    reader = _too_deep if depth > MAX_DEPTH else _READERS.get(name, _contents)
    return reader(element, name, depth, pre, out)


def _too_deep(
    element: etree._Element, name: str, depth: int, pre: bool, out: list[m.Inline]
) -> bool:
    """Any element nested deeper than :data:`MAX_DEPTH`: its text, plain (a dropped
    one's not even that)."""
    if name and name not in DROP_TAGS:
        out.append(clean(" ".join(texts(element))))
    return True


def _contents(
    element: etree._Element, name: str, depth: int, pre: bool, out: list[m.Inline]
) -> bool:
    """``span``, ``font``, ``sup``, NITF ``chron``/``person``…: the content in its place."""
    return content_into(element, depth, pre, out)


def _line_break(
    element: etree._Element, name: str, depth: int, pre: bool, out: list[m.Inline]
) -> bool:
    """``br``."""
    out.append(_LINE_BREAK)
    return False


def _passed_over(
    element: etree._Element, name: str, depth: int, pre: bool, out: list[m.Inline]
) -> bool:
    """A picture or a dropped element (or one of no name): nothing inline."""
    return True


def _node(element: etree._Element, name: str, depth: int, pre: bool, out: list[m.Inline]) -> bool:
    """A link, emphasis, strong or quote around ``element``'s content, or, when the content
    has no text, the content in its place (a node needs text); whether an element inside
    was passed over unread."""
    content: Sequence[m.Inline]
    unread = False
    if len(element):
        read: list[m.Inline] = []
        unread = content_into(element, depth, pre, read)
        if not has_text(read):
            out.extend(read)
            return unread
        content = read
        inner = _normal(read)
    else:  # text alone, the commonest link or emphasis
        text = element.text
        if not text:
            return False
        if not pre:
            text = clean(text)  # (white space stays white space)
        if text.isspace():
            out.append(text)
            return False
        content = inner = (text,)
    if name == "a":
        href = safe_url(element.get("href"))
        if href:  # (else the content alone: its URL is missing or unsafe)
            title = element.get("title")
            title = (clean(title).strip() or None) if title else None
            out.append(_make_link(inner, href, title))
        else:
            out.extend(content)
    elif name in INLINE_KINDS:
        cls = INLINE_KINDS[name]
        if name == NITF.strong and NITF.strong_class in (element.get("class") or "").split():
            cls = m.Strong  # NITF has no strong: newsmodel writes em class="strong"
        out.append(_MAKE_KIND[cls](inner))
    else:  # q
        out.append(_make_quote(inner, safe_url(element.get("cite"))))
    return unread


#: How each inline tag is read (:func:`_contents` for one not here): a function of
#: ``(element, name, depth, pre, out)`` that appends what it reads as to ``out`` and says
#: whether an element inside was passed over unread.
_READERS: dict[str, Callable[[etree._Element, str, int, bool, list[m.Inline]], bool]] = {
    **dict.fromkeys(_NODE_TAGS, _node),
    "br": _line_break,
    **dict.fromkeys(_NO_CONTENT_TAGS, _passed_over),
    "": _passed_over,
}


# ---------------------------------------------------------------------------
# writing: each writer also says what a reader of its markup gets back


class Held:
    """What a reader makes of inline content as it is written: each text node is read
    with its white space collapsed (:func:`~newsmodel.markup.text.clean`), and an element
    without text gives its content in its place."""

    __slots__ = ("_pending", "items")

    def __init__(self) -> None:
        self.items: list[m.Inline] = []
        self._pending: list[str] = []

    def text(self, value: str) -> None:
        """Text written into the current text node."""
        self._pending.append(value)

    def element(self, read: Iterable[m.Inline]) -> None:
        """An element written: the text node before it ends, ``read`` is what it reads as."""
        self._flush()
        self.items.extend(read)

    def done(self) -> list[m.Inline]:
        """Everything held, the last text node included."""
        self._flush()
        return self.items

    def _flush(self) -> None:
        if self._pending:
            text = clean("".join(self._pending))
            self._pending.clear()
            if text:
                self.items.append(text)


def _strong(parent: etree._Element, maker: Maker, dialect: Dialect) -> etree._Element:
    if dialect.strong_class:
        return maker(parent, dialect.strong, **{"class": dialect.strong_class})
    return maker(parent, dialect.strong)


def _kind(content: list[m.Inline], make: type[m.Emphasis] | type[m.Strong]) -> list[m.Inline]:
    """What an ``em``/``strong`` holding ``content`` reads as: itself, or its content
    when it has no text."""
    return [make(content=tuple(content))] if has_text(content) else content


def _write_item(
    parent: etree._Element,
    item: m.Inline,
    maker: Maker,
    dialect: Dialect,
    held: Held,
    in_link: bool,
) -> None:
    if isinstance(item, str):
        add_text(parent, item)
        held.text(item)
    elif isinstance(item, m.LineBreak):
        maker(parent, "br")
        held.element([m.LineBreak()])
    elif isinstance(item, m.Link):
        href = None if in_link else safe_url(item.url)
        if href is None:  # the text stays, the link goes (markup has no link in a link)
            for inner in item.content:
                _write_item(parent, inner, maker, dialect, held, in_link)
            return
        el = maker(parent, "a", href=href)
        if item.title:
            el.set("title", item.title)
        content = write_inline(el, item.content, maker, dialect, in_link=True)
        title = clean(item.title).strip() or None
        held.element(
            [m.Link(content=tuple(content), url=href, title=title)]
            if has_text(content)
            else content
        )
    elif isinstance(item, m.Emphasis):
        el = maker(parent, "em")
        held.element(
            _kind(write_inline(el, item.content, maker, dialect, in_link=in_link), m.Emphasis)
        )
    elif isinstance(item, m.Strong):
        el = _strong(parent, maker, dialect)
        held.element(
            _kind(write_inline(el, item.content, maker, dialect, in_link=in_link), m.Strong)
        )
    elif isinstance(item, m.InlineQuote):
        el = maker(parent, "q")
        cite = safe_url(item.cite) if dialect.quote_cite else None
        if cite:
            el.set("cite", cite)
        content = write_inline(el, item.content, maker, dialect, in_link=in_link)
        held.element(
            [m.InlineQuote(content=tuple(content), cite=cite)] if has_text(content) else content
        )


def write_inline(
    parent: etree._Element,
    content: Iterable[m.Inline],
    maker: Maker,
    dialect: Dialect,
    *,
    in_link: bool = False,
) -> list[m.Inline]:
    """Append inline content to ``parent`` as ``dialect`` writes it; return what a reader
    of the markup gets back (before a block's own :func:`~newsmodel.markup.text.tidy`).
    Inside a link (``in_link``) a link is written as its content."""
    held = Held()
    for item in content:
        _write_item(parent, item, maker, dialect, held, in_link)
    return held.done()


def inline_to(
    parent: etree._Element, content: Iterable[m.Inline], maker: Maker, *, nitf: bool = False
) -> list[m.Inline]:
    """Append inline content to ``parent`` as HTML (or NITF: strong as ``em class="strong"``,
    ``q`` without ``cite``, which NITF does not have); return what a reader gets back."""
    return write_inline(parent, content, maker, NITF if nitf else HTML)
