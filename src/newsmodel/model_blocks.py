"""The model's content: inline nodes and the body's blocks, and their plain text.

Re-exported by :mod:`newsmodel.model`, their public home.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeAlias, Union

import attrs

from newsmodel.errors import ModelValidationError
from newsmodel.model_fields import (
    NOT_TEXT,
    as_tuple,
    check_chars,
    instances,
    opt_int,
    opt_text_field,
    required_text,
)
from newsmodel.model_parts import Photo

__all__ = [
    "Block",
    "BlockQuote",
    "Emphasis",
    "Figure",
    "Heading",
    "Inline",
    "InlineQuote",
    "LineBreak",
    "Link",
    "ListBlock",
    "Paragraph",
    "RawEmbed",
    "Strong",
    "Table",
    "TableCell",
    "TableRow",
    "block_text",
    "blocks_field",
    "figures",
    "inline_text",
    "inline_tuple",
    "join_text",
]


# --------------------------------------------------------------------------
# inline nodes


def inline_tuple(value: Iterable[Inline]) -> tuple[Inline, ...]:
    """Normalise inline content: a tuple, adjacent strings merged, empty ones dropped.

    Two inline sequences that render the same text compare equal.
    """
    if isinstance(value, str):
        value = (value,)
    items = as_tuple(value)
    after_text = False
    for item in items:  # most content is normal already: no empty or adjacent strings
        if isinstance(item, str):
            if not item or after_text:
                break
            after_text = True
        else:
            after_text = False
    else:
        return items
    return tuple(join_text(items))


def join_text(items: Iterable[Inline], joined: Callable[[str], str] | None = None) -> list[Inline]:
    """``items`` with each run of adjacent strings joined once (not copied again for each
    piece, which is quadratic in a long run) and empty strings dropped; ``joined``, when
    given, is applied to each string made of several.

    >>> join_text(["a", "", "b", LineBreak(), "c"])
    ['ab', LineBreak(), 'c']
    """
    out: list[Inline] = []
    run: list[str] = []
    for item in items:
        if isinstance(item, str):
            if item:
                run.append(item)
            continue
        if run:
            out.append(_joined(run, joined))
            run = []
        out.append(item)
    if run:
        out.append(_joined(run, joined))
    return out


def _joined(run: list[str], joined: Callable[[str], str] | None) -> str:
    if len(run) == 1:
        return run[0]
    text = "".join(run)
    return joined(text) if joined is not None else text


def _inline_check(_inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    for i, item in enumerate(value):
        if isinstance(item, str):
            if NOT_TEXT.search(item) is not None:
                check_chars(f"{attribute.name}[{i}]", item)
        elif not isinstance(item, _INLINE_TYPES):
            raise ModelValidationError(
                f"{type(item).__name__} is not an inline node", field=f"{attribute.name}[{i}]"
            )


def _content_field() -> Any:
    return attrs.field(factory=tuple, converter=inline_tuple, validator=_inline_check)


@attrs.frozen(kw_only=True)
class Link:
    """A hyperlink around inline content."""

    content: tuple[Inline, ...] = _content_field()
    url: str = attrs.field(validator=required_text)
    title: str | None = opt_text_field()


@attrs.frozen(kw_only=True)
class Emphasis:
    """Emphasised text (HTML ``em``/``i``, NITF ``em``)."""

    content: tuple[Inline, ...] = _content_field()


@attrs.frozen(kw_only=True)
class Strong:
    """Strongly emphasised text (HTML ``strong``/``b``)."""

    content: tuple[Inline, ...] = _content_field()


@attrs.frozen(kw_only=True)
class InlineQuote:
    """A quotation marked up as such inline (HTML ``q``, NITF ``q``)."""

    content: tuple[Inline, ...] = _content_field()
    cite: str | None = opt_text_field()


@attrs.frozen(kw_only=True)
class LineBreak:
    """A hard line break inside a block."""


Inline: TypeAlias = Union[str, Link, Emphasis, Strong, InlineQuote, LineBreak]
_INLINE_TYPES = (Link, Emphasis, Strong, InlineQuote, LineBreak)


def inline_text(content: Iterable[Inline]) -> str:
    """The plain text of inline content (line breaks become newlines)."""
    parts: list[str] = []
    for item in content:
        if isinstance(item, str):
            parts.append(item)
        elif isinstance(item, LineBreak):
            parts.append("\n")
        else:
            parts.append(inline_text(item.content))
    return "".join(parts)


# --------------------------------------------------------------------------
# blocks


def _blocks(value: Iterable[Block]) -> tuple[Block, ...]:
    return as_tuple(value)


def _block_check(_inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    for i, item in enumerate(value):
        if not isinstance(item, _BLOCK_TYPES):
            raise ModelValidationError(
                f"{type(item).__name__} is not a block", field=f"{attribute.name}[{i}]"
            )


def blocks_field() -> Any:
    return attrs.field(factory=tuple, converter=_blocks, validator=_block_check)


@attrs.frozen(kw_only=True)
class Paragraph:
    """A paragraph of running text."""

    content: tuple[Inline, ...] = _content_field()


def _level(_inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 6:
        raise ModelValidationError(
            f"heading level must be 1–6, got {value!r}", field=attribute.name
        )


@attrs.frozen(kw_only=True)
class Heading:
    """A heading inside the body (crosshead); level 1–6 as in HTML."""

    content: tuple[Inline, ...] = _content_field()
    level: int = attrs.field(default=2, validator=_level)


@attrs.frozen(kw_only=True)
class BlockQuote:
    """A quotation set off as a block, with its source where given."""

    blocks: tuple[Block, ...] = blocks_field()
    cite: str | None = opt_text_field()
    attribution: tuple[Inline, ...] = _content_field()


def _items(value: Iterable[Iterable[Block]]) -> tuple[tuple[Block, ...], ...]:
    return tuple(as_tuple(item) for item in as_tuple(value))


def _items_check(_inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    for i, item in enumerate(value):
        for j, block in enumerate(item):
            if not isinstance(block, _BLOCK_TYPES):
                raise ModelValidationError(
                    f"{type(block).__name__} is not a block", field=f"{attribute.name}[{i}][{j}]"
                )


@attrs.frozen(kw_only=True)
class ListBlock:
    """A bulleted or numbered list; each item is a sequence of blocks."""

    items: tuple[tuple[Block, ...], ...] = attrs.field(
        factory=tuple, converter=_items, validator=_items_check
    )
    ordered: bool = False


@attrs.frozen(kw_only=True)
class Figure:
    """A picture in its place in the body."""

    photo: Photo = attrs.field(validator=attrs.validators.instance_of(Photo))


@attrs.frozen(kw_only=True)
class TableCell:
    """One table cell; ``header`` for ``th`` cells."""

    content: tuple[Inline, ...] = _content_field()
    header: bool = False
    colspan: int = attrs.field(default=1, validator=opt_int(1, 1000))
    rowspan: int = attrs.field(default=1, validator=opt_int(1, 65534))


@attrs.frozen(kw_only=True)
class TableRow:
    """One table row."""

    cells: tuple[TableCell, ...] = attrs.field(
        factory=tuple,
        converter=as_tuple,
        validator=instances(TableCell),
    )


@attrs.frozen(kw_only=True)
class Table:
    """A data table."""

    rows: tuple[TableRow, ...] = attrs.field(
        factory=tuple,
        converter=as_tuple,
        validator=instances(TableRow),
    )
    caption: tuple[Inline, ...] = _content_field()


@attrs.frozen(kw_only=True)
class RawEmbed:
    """Content kept as it came (an embedded post, a widget), tagged with its format.

    ``format`` is a media type such as ``text/html``. HTML writers sanitise it
    before writing it out.
    """

    format: str = attrs.field(validator=required_text)
    content: str = attrs.field(validator=required_text)
    url: str | None = opt_text_field()


Block: TypeAlias = Union[Paragraph, Heading, BlockQuote, ListBlock, Figure, Table, RawEmbed]
_BLOCK_TYPES = (Paragraph, Heading, BlockQuote, ListBlock, Figure, Table, RawEmbed)


def block_text(block: Block) -> str:
    """The plain text of one block as a reader would read it.

    Figures and raw embeds have no body text (captions are not body text).
    List items are one per line; table rows one per line, cells tab-separated.
    """
    if isinstance(block, (Paragraph, Heading)):
        return inline_text(block.content)
    if isinstance(block, BlockQuote):
        inner = "\n\n".join(t for t in (block_text(b) for b in block.blocks) if t)
        who = inline_text(block.attribution)
        return f"{inner}\n\n{who}" if who and inner else inner or who
    if isinstance(block, ListBlock):
        return "\n".join(
            " ".join(t for t in (block_text(b) for b in item) if t) for item in block.items
        )
    if isinstance(block, Table):
        return "\n".join(
            "\t".join(inline_text(cell.content) for cell in row.cells) for row in block.rows
        )
    return ""


def figures(blocks: Iterable[Block]) -> Iterator[Figure]:
    """Every figure in ``blocks``, those inside quotes and lists included, in order."""
    for block in blocks:
        if isinstance(block, Figure):
            yield block
        elif isinstance(block, BlockQuote):
            yield from figures(block.blocks)
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield from figures(item)
