"""What the RSS and Atom writers share: channel options, an element builder that
knows the feed namespaces, Media RSS photos, and the losses both declare.

Every loss is declared where the writer leaves something out, under the
article's index in the feed (``[2].photos[0].renditions``); nothing written is
read back (the reading conventions a value must survive, such as a byline
name read again by the byline rules, are applied to the value alone).
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
from lxml import etree

from newsmodel import model as m
from newsmodel.io._feeds import (
    MEDIA_NS,
    Entry,
    bylines_of,
    declare_parts,
    declare_text,
    declare_unwritten,
)
from newsmodel.losses import Losses, declare_changes, report
from newsmodel.markup import blocks_to_html, safe_url

__all__ = ["NAMESPACES", "Builder", "FeedOptions", "declare_people", "feed_options", "serialise"]

#: The namespaces feed writers use, by prefix (``None``: the document's own).
NAMESPACES = {
    "atom": "http://www.w3.org/2005/Atom",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "media": MEDIA_NS,
}
#: Channel title when neither the caller nor any article's publisher names one.
DEFAULT_TITLE = "Articles"
#: What a photo carries in Media RSS (``media:content`` attributes and children).
PHOTO_PARTS = {
    "url": "url",
    "caption": "media:description",
    "credit": "media:credit",
    "photographer": 'media:credit role="photographer"',
    "width": "width",
    "height": "height",
}
#: Why a byline, topic or photo part, or a changed value, is lost.
_NO_PLACE = "the feed has no place for it"


@attrs.frozen(kw_only=True)
class FeedOptions:
    """What describes the whole feed, from the caller or from what the articles share."""

    title: str
    link: str | None = None
    description: str | None = None
    language: str | None = None
    rights: str | None = None
    logo: str | None = None
    publisher: m.Publisher | None = None


def _shared(values: Sequence[object]) -> object:
    """The value every item has, when they all have the same one; else ``None``."""
    return values[0] if values and all(v == values[0] for v in values) else None


def feed_options(
    articles: Sequence[m.Article],
    *,
    title: str | None,
    link: str | None,
    description: str | None,
    language: str | None,
) -> FeedOptions:
    """The feed's title, link and language: the caller's, else the first article's
    publisher (the link: else the first article's URL, as RSS needs a channel link),
    else what all articles share (language, rights notice)."""
    publisher = next((a.publisher for a in articles if a.publisher is not None), None)
    rights = _shared([a.rights.notice if a.rights else None for a in articles])
    shared_language = _shared([a.language for a in articles])
    return FeedOptions(
        title=" ".join((title or (publisher.name if publisher else "") or DEFAULT_TITLE).split()),
        link=link
        or (publisher.url if publisher and publisher.url else None)
        or next((a.url for a in articles if a.url), None),
        description=description,
        language=language or (shared_language if isinstance(shared_language, str) else None),
        rights=rights if isinstance(rights, str) else None,
        logo=publisher.logo if publisher else None,
        publisher=publisher,
    )


class Builder:
    """Builds a feed's elements (``dc:creator`` style names) and collects its losses."""

    def __init__(self, format: str, options: FeedOptions, *, default: str | None) -> None:
        self.format = format
        self.options = options
        self.losses = Losses()
        self._default = default
        self._nsmap: dict[str | None, str] = {p: u for p, u in NAMESPACES.items() if u != default}
        if default:
            self._nsmap.pop("atom", None)

    def _tag(self, name: str) -> str:
        if ":" in name:
            prefix, local = name.split(":", 1)
            return f"{{{NAMESPACES[prefix]}}}{local}"
        return f"{{{self._default}}}{name}" if self._default else name

    def element(self, name: str, **attributes: str) -> etree._Element:
        """The root element, declaring every feed namespace."""
        nsmap: dict[str | None, str] = dict(self._nsmap)
        if self._default:
            nsmap[None] = self._default
        return etree.Element(self._tag(name), attributes, nsmap=nsmap)  # type: ignore[arg-type]

    def sub(self, parent: etree._Element, name: str, **attributes: str) -> etree._Element:
        """A new child of ``parent``."""
        return etree.SubElement(parent, self._tag(name), attributes)

    def text(
        self, parent: etree._Element, name: str, text: str, **attributes: str
    ) -> etree._Element:
        """A new child of ``parent`` holding ``text``."""
        child = self.sub(parent, name, **attributes)
        child.text = text
        return child

    def photos(self, parent: etree._Element, photos: Sequence[m.Photo], losses: Losses) -> None:
        """One ``media:content`` per photo with a URL; the rest declared lost."""
        seen: set[str] = set()
        for i, photo in enumerate(photos):
            path = f"photos[{i}]"
            url = safe_url(photo.url)
            if url is None or url != photo.url or url in seen:
                losses.drop(
                    path,
                    "no URL, or one the feed already holds"
                    if url is None or url in seen
                    else _NO_PLACE,
                )
                continue
            seen.add(url)
            attributes = {"url": url, "medium": "image"}
            attributes |= {
                k: str(getattr(photo, k)) for k in ("width", "height") if getattr(photo, k)
            }
            content = self.sub(parent, "media:content", **attributes)
            if photo.caption:
                declare_text(photo.caption, f"{path}.caption", losses)
                self.text(content, "media:description", photo.caption, type="plain")
            if photo.credit:
                declare_text(photo.credit, f"{path}.credit", losses)
                self.text(content, "media:credit", photo.credit)
            if photo.photographer:
                declare_text(photo.photographer, f"{path}.photographer", losses)
                self.text(content, "media:credit", photo.photographer, role="photographer")
            declare_parts(photo, PHOTO_PARTS, path, losses)

    def body(self, parent: etree._Element, name: str, article: m.Article, losses: Losses) -> None:
        """The body as escaped HTML in ``name`` (``content:encoded``, Atom ``content``)."""
        if not article.body:
            return
        markup = blocks_to_html(article.body, losses=losses.at("body"))
        if name == "content":
            self.text(parent, name, markup, type="html")
        else:
            self.text(parent, name, markup)

    def common(self, article: m.Article, carried: Sequence[str], losses: Losses) -> None:
        """Declare what no element of the item holds: the fields not ``carried``, and
        parts of the publisher, rights and language the feed cannot say per item."""
        declare_unwritten(article, carried, losses)
        for name in ("headline", "summary", "id"):
            declare_text(getattr(article, name), name, losses)
        if article.url is not None and safe_url(article.url) != article.url:
            losses.drop("url", "not a safe absolute link")
        if article.modified is not None and article.modified == article.published:
            losses.drop("modified", "a modified date equal to the published one reads as none")
        if article.rights is not None:
            declare_parts(article.rights, {"notice": "rights"}, "rights", losses)
        if article.publisher is not None:
            channel = self.options.publisher
            for part in ("url", "logo"):
                if getattr(article.publisher, part) and (
                    channel is None
                    or getattr(channel, part) != getattr(article.publisher, part)
                    or channel.name != article.publisher.name
                ):
                    losses.drop(f"publisher.{part}", "feed items name their publisher only")
            declare_text(article.publisher.name, "publisher.name", losses)


def declare_people(article: m.Article, names: Sequence[str], people: bool, losses: Losses) -> None:
    """Declare the bylines' parts that the names written (and read again by the
    byline rules, or as one person each when ``people``) do not give back."""
    entry = Entry(people=tuple((n, None) for n in names)) if people else Entry(authors=tuple(names))
    again = bylines_of(entry)
    if people:
        mine = tuple(attrs.evolve(b, url=None) for b in article.bylines)
        declare_changes(
            losses.at("bylines"), mine, again, "the byline rules read the name otherwise"
        )
        return
    declare_changes(
        losses.at("bylines"), article.bylines, again, "the byline rules read the name otherwise"
    )


def serialise(root: etree._Element, builder: Builder, *, strict: bool) -> str:
    """The feed as UTF-8 XML text (declaration included), after its losses are reported."""
    report(builder.format, builder.losses, strict=strict, stacklevel=5)
    etree.indent(root, space="  ")
    text = etree.tostring(root, encoding="unicode", xml_declaration=False)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + text + "\n"
