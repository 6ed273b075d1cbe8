"""The article model: immutable, typed, format-neutral.

Everything here is an ``attrs`` frozen class with keyword-only fields and
tuples instead of lists. Edit a value with :func:`attrs.evolve`.

This module imports nothing but ``attrs``, the standard library and
``newsmodel.errors`` (which imports nothing): it knows no format, no converter
and no parser. Validators raise :class:`~newsmodel.errors.ModelValidationError` (a
:class:`ValueError`) naming the field; readers wrap those errors in
:class:`~newsmodel.errors.ReadError` and add where in the input they happened.

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
import enum
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeAlias, Union

import attrs

from newsmodel.errors import ModelValidationError

__all__ = [
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
# enums


class _Choice(str, enum.Enum):
    """An enum built from its value; an unknown value is the model's own error."""

    @classmethod
    def _missing_(cls, value: object) -> Any:
        raise ModelValidationError(f"{value!r} is not a valid {cls.__name__}")


class BylineKind(_Choice):
    """Who a byline names: a person, or an organisation such as a news agency."""

    PERSON = "person"
    ORGANISATION = "organisation"


class QuoteKind(_Choice):
    """How a quote is given: whole sentence(s), a fragment, or reported speech."""

    DIRECT = "direct"
    PARTIAL = "partial"
    INDIRECT = "indirect"


class QuotePart(_Choice):
    """Which part of an article a quote sits in."""

    HEADLINE = "headline"
    SUMMARY = "summary"
    BODY = "body"
    TEXT = "text"  # plain text given to :func:`newsmodel.quotes.extract` directly


class TopicKind(_Choice):
    """What a topic is (IPTC concept natures plus the web's tags and sections)."""

    SUBJECT = "subject"
    KEYWORD = "keyword"
    SECTION = "section"
    PERSON = "person"
    ORGANISATION = "organisation"
    PLACE = "place"
    EVENT = "event"
    OBJECT = "object"
    GENRE = "genre"


class PubStatus(_Choice):
    """Publishing status (IPTC ``stat:`` codes, ninjs ``pubStatus``)."""

    USABLE = "usable"
    WITHHELD = "withheld"
    CANCELED = "canceled"


# --------------------------------------------------------------------------
# validators

_Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

#: Characters the model refuses in text (and readers drop): controls other than tab and
#: newlines, lone surrogates, U+FFFE and U+FFFF. "a\x00b" holds one.
NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# BCP 47 language tag, a practical subset: language (2-3 letters with up to three
# extensions, or 4-8 letters), script, region, variants, extensions, private use;
# or a private-use tag on its own.
_LANGUAGE_TAG = re.compile(
    r"(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})"
    r"(?:-[A-Za-z]{4})?"
    r"(?:-(?:[A-Za-z]{2}|[0-9]{3}))?"
    r"(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"
    r"(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*"
    r"(?:-[xX](?:-[A-Za-z0-9]{1,8})+)?"
    r"|[xX](?:-[A-Za-z0-9]{1,8})+"
)


def _check_chars(name: str, value: str) -> None:
    bad = NOT_TEXT.search(value)
    if bad is not None:
        raise ModelValidationError(
            f"character U+{ord(bad.group()):04X} at offset {bad.start()} is not allowed in text",
            field=name,
        )


def _text(_inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A non-blank string without control characters."""
    if not isinstance(value, str):
        raise ModelValidationError(
            f"expected a string, got {type(value).__name__}", field=attribute.name
        )
    if not value.strip():
        raise ModelValidationError("must not be empty or blank (use None)", field=attribute.name)
    _check_chars(attribute.name, value)


def _opt_text(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        _text(inst, attribute, value)


def _opt_int(low: int, high: int | None = None) -> _Validator:
    def check(_inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None:
            return
        if isinstance(value, bool) or not isinstance(value, int):
            raise ModelValidationError(f"expected an integer, got {value!r}", field=attribute.name)
        if value < low or (high is not None and value > high):
            span = f"{low}–{high}" if high is not None else f"≥ {low}"
            raise ModelValidationError(f"{value} is outside {span}", field=attribute.name)

    return check


def _opt_date(_inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    if not isinstance(value, datetime.date):
        raise ModelValidationError(
            f"expected a date or datetime, got {type(value).__name__}", field=attribute.name
        )
    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        offset = value.utcoffset()
        if offset is not None and offset.microseconds:
            raise ModelValidationError(
                f"UTC offset {offset} is not whole seconds", field=attribute.name
            )


def _opt_language(_inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    if not isinstance(value, str) or _LANGUAGE_TAG.fullmatch(value) is None:
        raise ModelValidationError(f"{value!r} is not a BCP 47 language tag", field=attribute.name)


def _instances(*types: type) -> _Validator:
    names = " or ".join(t.__name__ for t in types)

    def check(_inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        for i, item in enumerate(value):
            if not isinstance(item, types):
                raise ModelValidationError(
                    f"expected {names}, got {type(item).__name__}", field=f"{attribute.name}[{i}]"
                )

    return check


def _enum(cls: type[enum.Enum]) -> _Validator:
    def check(_inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None and not isinstance(value, cls):
            raise ModelValidationError(
                f"expected {cls.__name__}, got {value!r}", field=attribute.name
            )

    return check


def _as_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    if isinstance(value, (str, bytes)):
        raise ModelValidationError("expected a sequence, got a string")
    try:
        return tuple(value)
    except TypeError:
        raise ModelValidationError(f"expected a sequence, got {type(value).__name__}") from None


def _opt_text_field() -> Any:
    return attrs.field(default=None, validator=_opt_text)


# --------------------------------------------------------------------------
# inline nodes


def _inlines(value: Iterable[Inline]) -> tuple[Inline, ...]:
    """Normalise inline content: a tuple, adjacent strings merged, empty ones dropped.

    Two inline sequences that render the same text compare equal.
    """
    if isinstance(value, str):
        value = (value,)
    out: list[Inline] = []
    for item in _as_tuple(value):
        if isinstance(item, str):
            if not item:
                continue
            if out and isinstance(out[-1], str):
                out[-1] = out[-1] + item
                continue
        out.append(item)
    return tuple(out)


def _inline_check(_inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    for i, item in enumerate(value):
        if isinstance(item, str):
            _check_chars(f"{attribute.name}[{i}]", item)
        elif not isinstance(item, _INLINE_TYPES):
            raise ModelValidationError(
                f"{type(item).__name__} is not an inline node", field=f"{attribute.name}[{i}]"
            )


def _content_field() -> Any:
    return attrs.field(factory=tuple, converter=_inlines, validator=_inline_check)


@attrs.frozen(kw_only=True)
class Link:
    """A hyperlink around inline content."""

    content: tuple[Inline, ...] = _content_field()
    url: str = attrs.field(validator=_text)
    title: str | None = _opt_text_field()


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
    cite: str | None = _opt_text_field()


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
# value types


@attrs.frozen(kw_only=True)
class Rendition:
    """One file of a photo (a size, a crop, a format)."""

    url: str = attrs.field(validator=_text)
    name: str | None = _opt_text_field()
    media_type: str | None = _opt_text_field()
    width: int | None = attrs.field(default=None, validator=_opt_int(1))
    height: int | None = attrs.field(default=None, validator=_opt_int(1))
    size: int | None = attrs.field(default=None, validator=_opt_int(0))


@attrs.frozen(kw_only=True)
class Photo:
    """A picture that goes with an article, or sits in its body as a figure.

    ``credit`` is who is credited (``AP``); ``photographer`` is the person who
    took it, where known. The caption never includes the credit.
    """

    url: str | None = _opt_text_field()
    caption: str | None = _opt_text_field()
    credit: str | None = _opt_text_field()
    alt: str | None = _opt_text_field()
    photographer: str | None = _opt_text_field()
    width: int | None = attrs.field(default=None, validator=_opt_int(1))
    height: int | None = attrs.field(default=None, validator=_opt_int(1))
    renditions: tuple[Rendition, ...] = attrs.field(
        factory=tuple,
        converter=_as_tuple,
        validator=_instances(Rendition),
    )
    id: str | None = _opt_text_field()


@attrs.frozen(kw_only=True)
class Byline:
    """A person or organisation credited with the article.

    ``role`` is what they did (``reporter``, ``photographer``, ``editor``);
    ``affiliation`` is who they work for, when given beside the name.
    """

    name: str = attrs.field(validator=_text)
    kind: BylineKind = attrs.field(
        default=BylineKind.PERSON,
        converter=BylineKind,
        validator=_enum(BylineKind),
    )
    role: str | None = _opt_text_field()
    affiliation: str | None = _opt_text_field()
    url: str | None = _opt_text_field()


@attrs.frozen(kw_only=True)
class Topic:
    """A subject, tag, section, or named entity the article is about.

    ``name`` is the label as the source gives it. ``qcode`` (``medtop:20000764``)
    and ``uri`` (``http://cv.iptc.org/newscodes/mediatopic/20000764``) are both
    kept where known; ``scheme`` names the vocabulary when neither is given.
    """

    name: str | None = _opt_text_field()
    kind: TopicKind = attrs.field(
        default=TopicKind.SUBJECT,
        converter=TopicKind,
        validator=_enum(TopicKind),
    )
    qcode: str | None = _opt_text_field()
    uri: str | None = _opt_text_field()
    scheme: str | None = _opt_text_field()
    relevance: int | None = attrs.field(default=None, validator=_opt_int(0, 100))
    confidence: int | None = attrs.field(default=None, validator=_opt_int(0, 100))

    def __attrs_post_init__(self) -> None:
        if self.name is None and self.qcode is None and self.uri is None:
            raise ModelValidationError("Topic: needs at least one of name, qcode or uri")


@attrs.frozen(kw_only=True)
class Quote:
    """A quotation and who said it.

    ``speaker`` is the resolved name (``Dmitry Peskov``); ``mention`` is how the
    text names the speaker at that point (``he``); ``speaker_role`` is the role
    the text gives (``Kremlin spokesman``); ``verb`` is the speech verb
    (``told``). ``part``, ``block`` and ``start``/``end`` say where the quoted
    words sit: the part of the article, the index of the body block (for the
    body), and the character span inside that block's plain text (or inside
    the plain text given to the extractor).
    """

    text: str = attrs.field(validator=_text)
    speaker: str | None = _opt_text_field()
    mention: str | None = _opt_text_field()
    speaker_role: str | None = _opt_text_field()
    verb: str | None = _opt_text_field()
    kind: QuoteKind = attrs.field(
        default=QuoteKind.DIRECT,
        converter=QuoteKind,
        validator=_enum(QuoteKind),
    )
    part: QuotePart | None = attrs.field(
        default=None,
        converter=attrs.converters.optional(QuotePart),
        validator=_enum(QuotePart),
    )
    block: int | None = attrs.field(default=None, validator=_opt_int(0))
    start: int | None = attrs.field(default=None, validator=_opt_int(0))
    end: int | None = attrs.field(default=None, validator=_opt_int(0))

    def __attrs_post_init__(self) -> None:
        if (self.start is None) != (self.end is None):
            raise ModelValidationError("Quote: start and end are given together or not at all")
        if self.start is not None and self.end is not None and self.start > self.end:
            raise ModelValidationError(f"Quote: start {self.start} is after end {self.end}")
        if self.block is not None and self.part is not QuotePart.BODY:
            raise ModelValidationError("Quote: block is only meaningful for part='body'")


@attrs.frozen(kw_only=True)
class Publisher:
    """The organisation that publishes the article (a site, a paper, an agency)."""

    name: str = attrs.field(validator=_text)
    url: str | None = _opt_text_field()
    logo: str | None = _opt_text_field()


@attrs.frozen(kw_only=True)
class Rights:
    """Copyright and usage: the notice as written, and its parts where known."""

    notice: str | None = _opt_text_field()
    holder: str | None = _opt_text_field()
    usage_terms: str | None = _opt_text_field()

    def __attrs_post_init__(self) -> None:
        if self.notice is None and self.holder is None and self.usage_terms is None:
            raise ModelValidationError(
                "Rights: needs at least one of notice, holder or usage_terms"
            )


@attrs.frozen(kw_only=True)
class Dateline:
    """Where (and when) the story was filed, as the article opens it."""

    text: str = attrs.field(validator=_text)
    location: str | None = _opt_text_field()


@attrs.frozen(kw_only=True)
class AltId:
    """Another identifier of the same article (``type`` names the system)."""

    value: str = attrs.field(validator=_text)
    type: str | None = _opt_text_field()


@attrs.frozen(kw_only=True)
class RelatedLink:
    """A link from the article to a related resource (IPTC ``link``, ninjs ``associations``)."""

    url: str = attrs.field(validator=_text)
    rel: str | None = _opt_text_field()
    title: str | None = _opt_text_field()
    media_type: str | None = _opt_text_field()


# --------------------------------------------------------------------------
# blocks


def _blocks(value: Iterable[Block]) -> tuple[Block, ...]:
    return _as_tuple(value)


def _block_check(_inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    for i, item in enumerate(value):
        if not isinstance(item, _BLOCK_TYPES):
            raise ModelValidationError(
                f"{type(item).__name__} is not a block", field=f"{attribute.name}[{i}]"
            )


def _blocks_field() -> Any:
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

    blocks: tuple[Block, ...] = _blocks_field()
    cite: str | None = _opt_text_field()
    attribution: tuple[Inline, ...] = _content_field()


def _items(value: Iterable[Iterable[Block]]) -> tuple[tuple[Block, ...], ...]:
    return tuple(_as_tuple(item) for item in _as_tuple(value))


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
    colspan: int = attrs.field(default=1, validator=_opt_int(1, 1000))
    rowspan: int = attrs.field(default=1, validator=_opt_int(1, 65534))


@attrs.frozen(kw_only=True)
class TableRow:
    """One table row."""

    cells: tuple[TableCell, ...] = attrs.field(
        factory=tuple,
        converter=_as_tuple,
        validator=_instances(TableCell),
    )


@attrs.frozen(kw_only=True)
class Table:
    """A data table."""

    rows: tuple[TableRow, ...] = attrs.field(
        factory=tuple,
        converter=_as_tuple,
        validator=_instances(TableRow),
    )
    caption: tuple[Inline, ...] = _content_field()


@attrs.frozen(kw_only=True)
class RawEmbed:
    """Content kept as it came (an embedded post, a widget), tagged with its format.

    ``format`` is a media type such as ``text/html``. HTML writers sanitise it
    before writing it out.
    """

    format: str = attrs.field(validator=_text)
    content: str = attrs.field(validator=_text)
    url: str | None = _opt_text_field()


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


# --------------------------------------------------------------------------
# the article

DateValue: TypeAlias = Union[datetime.datetime, datetime.date]


def _date_field() -> Any:
    return attrs.field(default=None, validator=_opt_date)


def _tuple_of(*types: type) -> Any:
    return attrs.field(
        factory=tuple,
        converter=_as_tuple,
        validator=_instances(*types),
    )


@attrs.frozen(kw_only=True)
class Article:
    """A news article: its metadata, its body as blocks, and what was found in it.

    Dates (``published``, ``modified``, ``embargo``) are aware datetimes when the
    source gives a zone, naive datetimes when it gives a time but no zone, and
    plain dates when it gives only the day.
    """

    id: str | None = _opt_text_field()
    url: str | None = _opt_text_field()
    headline: str | None = _opt_text_field()
    subheadline: str | None = _opt_text_field()
    summary: str | None = _opt_text_field()
    body: tuple[Block, ...] = _blocks_field()
    bylines: tuple[Byline, ...] = _tuple_of(Byline)
    photos: tuple[Photo, ...] = _tuple_of(Photo)
    topics: tuple[Topic, ...] = _tuple_of(Topic)
    quotes: tuple[Quote, ...] = _tuple_of(Quote)
    published: DateValue | None = _date_field()
    modified: DateValue | None = _date_field()
    language: str | None = attrs.field(default=None, validator=_opt_language)
    publisher: Publisher | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Publisher))
    )
    dateline: Dateline | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Dateline))
    )
    rights: Rights | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Rights))
    )
    creditline: str | None = _opt_text_field()
    # news-agency fields (NewsML-G2, NITF, ninjs)
    version: int | None = attrs.field(default=None, validator=_opt_int(1))
    status: PubStatus | None = attrs.field(
        default=None,
        converter=attrs.converters.optional(PubStatus),
        validator=_enum(PubStatus),
    )
    urgency: int | None = attrs.field(default=None, validator=_opt_int(1, 9))
    embargo: DateValue | None = _date_field()
    slugline: str | None = _opt_text_field()
    ed_note: str | None = _opt_text_field()
    genres: tuple[Topic, ...] = _tuple_of(Topic)
    alt_ids: tuple[AltId, ...] = _tuple_of(AltId)
    links: tuple[RelatedLink, ...] = _tuple_of(RelatedLink)

    @property
    def text(self) -> str:
        """The body as plain text: one block after another, separated by a blank line."""
        return "\n\n".join(t for t in (block_text(b) for b in self.body) if t)


for _cls in (
    Link, Emphasis, Strong, InlineQuote, LineBreak, Rendition, Photo, Byline, Topic, Quote,
    Publisher, Rights, Dateline, AltId, RelatedLink, Paragraph, Heading, BlockQuote,
    ListBlock, Figure, TableCell, TableRow, Table, RawEmbed, Article,
):  # fmt: skip
    attrs.resolve_types(_cls, globals())
del _cls
