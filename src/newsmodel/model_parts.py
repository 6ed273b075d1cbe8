"""The model's parts: the enums and the value classes an article holds (photos,
bylines, topics, quotes, publisher, rights, dateline, ids, links).

Re-exported by :mod:`newsmodel.model`, their public home.
"""

from __future__ import annotations

import enum
from typing import Any

import attrs

from newsmodel.errors import ModelValidationError
from newsmodel.model_fields import (
    as_tuple,
    enum_of,
    instances,
    opt_int,
    opt_text_field,
    required_text,
)

__all__ = [
    "AltId",
    "Byline",
    "BylineKind",
    "Dateline",
    "Photo",
    "PubStatus",
    "Publisher",
    "Quote",
    "QuoteKind",
    "QuotePart",
    "RelatedLink",
    "Rendition",
    "Rights",
    "Topic",
    "TopicKind",
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
# value types


@attrs.frozen(kw_only=True)
class Rendition:
    """One file of a photo (a size, a crop, a format)."""

    url: str = attrs.field(validator=required_text)
    name: str | None = opt_text_field()
    media_type: str | None = opt_text_field()
    width: int | None = attrs.field(default=None, validator=opt_int(1))
    height: int | None = attrs.field(default=None, validator=opt_int(1))
    size: int | None = attrs.field(default=None, validator=opt_int(0))


@attrs.frozen(kw_only=True)
class Photo:
    """A picture that goes with an article, or sits in its body as a figure.

    ``credit`` is who is credited (``AP``); ``photographer`` is the person who
    took it, where known. The caption never includes the credit.
    """

    url: str | None = opt_text_field()
    caption: str | None = opt_text_field()
    credit: str | None = opt_text_field()
    alt: str | None = opt_text_field()
    photographer: str | None = opt_text_field()
    width: int | None = attrs.field(default=None, validator=opt_int(1))
    height: int | None = attrs.field(default=None, validator=opt_int(1))
    renditions: tuple[Rendition, ...] = attrs.field(
        factory=tuple,
        converter=as_tuple,
        validator=instances(Rendition),
    )
    id: str | None = opt_text_field()


@attrs.frozen(kw_only=True)
class Byline:
    """A person or organisation credited with the article.

    ``role`` is what they did (``reporter``, ``photographer``, ``editor``);
    ``affiliation`` is who they work for, when given beside the name.
    """

    name: str = attrs.field(validator=required_text)
    kind: BylineKind = attrs.field(
        default=BylineKind.PERSON,
        converter=BylineKind,
        validator=enum_of(BylineKind),
    )
    role: str | None = opt_text_field()
    affiliation: str | None = opt_text_field()
    url: str | None = opt_text_field()


@attrs.frozen(kw_only=True)
class Topic:
    """A subject, tag, section, or named entity the article is about.

    ``name`` is the label as the source gives it. ``qcode`` (``medtop:20000764``)
    and ``uri`` (``http://cv.iptc.org/newscodes/mediatopic/20000764``) are both
    kept where known; ``scheme`` names the vocabulary when neither is given.
    """

    name: str | None = opt_text_field()
    kind: TopicKind = attrs.field(
        default=TopicKind.SUBJECT,
        converter=TopicKind,
        validator=enum_of(TopicKind),
    )
    qcode: str | None = opt_text_field()
    uri: str | None = opt_text_field()
    scheme: str | None = opt_text_field()
    relevance: int | None = attrs.field(default=None, validator=opt_int(0, 100))
    confidence: int | None = attrs.field(default=None, validator=opt_int(0, 100))

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

    text: str = attrs.field(validator=required_text)
    speaker: str | None = opt_text_field()
    mention: str | None = opt_text_field()
    speaker_role: str | None = opt_text_field()
    verb: str | None = opt_text_field()
    kind: QuoteKind = attrs.field(
        default=QuoteKind.DIRECT,
        converter=QuoteKind,
        validator=enum_of(QuoteKind),
    )
    part: QuotePart | None = attrs.field(
        default=None,
        converter=attrs.converters.optional(QuotePart),
        validator=enum_of(QuotePart),
    )
    block: int | None = attrs.field(default=None, validator=opt_int(0))
    start: int | None = attrs.field(default=None, validator=opt_int(0))
    end: int | None = attrs.field(default=None, validator=opt_int(0))

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

    name: str = attrs.field(validator=required_text)
    url: str | None = opt_text_field()
    logo: str | None = opt_text_field()


@attrs.frozen(kw_only=True)
class Rights:
    """Copyright and usage: the notice as written, and its parts where known."""

    notice: str | None = opt_text_field()
    holder: str | None = opt_text_field()
    usage_terms: str | None = opt_text_field()

    def __attrs_post_init__(self) -> None:
        if self.notice is None and self.holder is None and self.usage_terms is None:
            raise ModelValidationError(
                "Rights: needs at least one of notice, holder or usage_terms"
            )


@attrs.frozen(kw_only=True)
class Dateline:
    """Where (and when) the story was filed, as the article opens it."""

    text: str = attrs.field(validator=required_text)
    location: str | None = opt_text_field()


@attrs.frozen(kw_only=True)
class AltId:
    """Another identifier of the same article (``type`` names the system)."""

    value: str = attrs.field(validator=required_text)
    type: str | None = opt_text_field()


@attrs.frozen(kw_only=True)
class RelatedLink:
    """A link from the article to a related resource (IPTC ``link``, ninjs ``associations``)."""

    url: str = attrs.field(validator=required_text)
    rel: str | None = opt_text_field()
    title: str | None = opt_text_field()
    media_type: str | None = opt_text_field()
