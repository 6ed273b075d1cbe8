"""The article model: immutable, typed, format-neutral.

Everything here is an ``attrs`` frozen class with keyword-only fields and
tuples instead of lists. Edit a value with :func:`attrs.evolve`.

This is the model's public module: :class:`Article` is defined here, the enums
and value classes in :mod:`newsmodel.model_parts`, the inline nodes and blocks in
:mod:`newsmodel.model_blocks`, the field rules in :mod:`newsmodel.model_fields`;
every class is re-exported here, and named ``newsmodel.model.X`` (its
``__module__``), so pickles, cattrs hooks and the JSON schema see one model.
Together they import nothing but ``attrs``, the standard library and
``newsmodel.errors`` (which imports nothing): the model knows no format, no
converter and no parser. Validators raise
:class:`~newsmodel.errors.ModelValidationError` (a :class:`ValueError`) naming
the field; readers wrap those errors in :class:`~newsmodel.errors.ReadError` and
add where in the input they happened.

Dates
-----
A date field holds either a :class:`datetime.datetime` (a point in time, with
the offset the source gave, or naive when the source gave none) or a plain
:class:`datetime.date` (a day: the source gave no time of day). A day never
turns into midnight, and so never shifts to the day before through a UTC
conversion.
"""

from __future__ import annotations

import datetime
from typing import Any, TypeAlias, Union

import attrs

from newsmodel.model_blocks import (
    Block,
    BlockQuote,
    Emphasis,
    Figure,
    Heading,
    Inline,
    InlineQuote,
    LineBreak,
    Link,
    ListBlock,
    Paragraph,
    RawEmbed,
    Strong,
    Table,
    TableCell,
    TableRow,
    block_text,
    blocks_field,
    figures,
    inline_text,
)
from newsmodel.model_fields import (
    NOT_TEXT,
    as_tuple,
    enum_of,
    instances,
    opt_date,
    opt_int,
    opt_language,
    opt_text_field,
)
from newsmodel.model_parts import (
    AltId,
    Byline,
    BylineKind,
    Dateline,
    Photo,
    Publisher,
    PubStatus,
    Quote,
    QuoteKind,
    QuotePart,
    RelatedLink,
    Rendition,
    Rights,
    Topic,
    TopicKind,
)

__all__ = [
    "NOT_TEXT",
    "AltId",
    "Article",
    "Block",
    "BlockQuote",
    "Byline",
    "BylineKind",
    "DateValue",
    "Dateline",
    "Emphasis",
    "Figure",
    "Heading",
    "Inline",
    "InlineQuote",
    "LineBreak",
    "Link",
    "ListBlock",
    "Paragraph",
    "Photo",
    "PubStatus",
    "Publisher",
    "Quote",
    "QuoteKind",
    "QuotePart",
    "RawEmbed",
    "RelatedLink",
    "Rendition",
    "Rights",
    "Strong",
    "Table",
    "TableCell",
    "TableRow",
    "Topic",
    "TopicKind",
    "block_text",
    "figures",
    "inline_text",
]

# --------------------------------------------------------------------------
# the article


DateValue: TypeAlias = Union[datetime.datetime, datetime.date]


def _date_field() -> Any:
    return attrs.field(default=None, validator=opt_date)


def _tuple_of(*types: type) -> Any:
    return attrs.field(
        factory=tuple,
        converter=as_tuple,
        validator=instances(*types),
    )


@attrs.frozen(kw_only=True)
class Article:
    """A news article: its metadata, its body as blocks, and what was found in it.

    Dates (``published``, ``modified``, ``embargo``) are aware datetimes when the
    source gives a zone, naive datetimes when it gives a time but no zone, and
    plain dates when it gives only the day.
    """

    id: str | None = opt_text_field()
    url: str | None = opt_text_field()
    headline: str | None = opt_text_field()
    subheadline: str | None = opt_text_field()
    summary: str | None = opt_text_field()
    body: tuple[Block, ...] = blocks_field()
    bylines: tuple[Byline, ...] = _tuple_of(Byline)
    photos: tuple[Photo, ...] = _tuple_of(Photo)
    topics: tuple[Topic, ...] = _tuple_of(Topic)
    quotes: tuple[Quote, ...] = _tuple_of(Quote)
    published: DateValue | None = _date_field()
    modified: DateValue | None = _date_field()
    language: str | None = attrs.field(default=None, validator=opt_language)
    publisher: Publisher | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Publisher))
    )
    dateline: Dateline | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Dateline))
    )
    rights: Rights | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Rights))
    )
    creditline: str | None = opt_text_field()
    # news-agency fields (NewsML-G2, NITF, ninjs)
    version: int | None = attrs.field(default=None, validator=opt_int(1))
    status: PubStatus | None = attrs.field(
        default=None,
        converter=attrs.converters.optional(PubStatus),
        validator=enum_of(PubStatus),
    )
    urgency: int | None = attrs.field(default=None, validator=opt_int(1, 9))
    embargo: DateValue | None = _date_field()
    slugline: str | None = opt_text_field()
    ed_note: str | None = opt_text_field()
    genres: tuple[Topic, ...] = _tuple_of(Topic)
    alt_ids: tuple[AltId, ...] = _tuple_of(AltId)
    links: tuple[RelatedLink, ...] = _tuple_of(RelatedLink)

    @property
    def text(self) -> str:
        """The body as plain text: one block after another, separated by a blank line."""
        return "\n\n".join(t for t in (block_text(b) for b in self.body) if t)


#: Every model class, each named as this module's (the classes' one public home).
_CLASSES: tuple[type, ...] = (
    Link, Emphasis, Strong, InlineQuote, LineBreak, Rendition, Photo, Byline, Topic, Quote,
    Publisher, Rights, Dateline, AltId, RelatedLink, Paragraph, Heading, BlockQuote,
    ListBlock, Figure, TableCell, TableRow, Table, RawEmbed, Article,
    BylineKind, QuoteKind, QuotePart, TopicKind, PubStatus,
)  # fmt: skip
for _cls in _CLASSES:
    _cls.__module__ = __name__
    if attrs.has(_cls):
        attrs.resolve_types(_cls, globals())
del _cls
