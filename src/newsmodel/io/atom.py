"""``atom``: Atom 1.0 feeds, many articles, read and written.

Each ``entry`` is one article: ``title`` (``type="text"`` kept as it is,
``html`` and ``xhtml`` read as markup), the ``alternate`` link (resolved
against ``xml:base`` or the feed's link), ``id``, ``published`` and
``updated``, ``author/name`` (each one name; agencies as organisations),
``summary`` (the standfirst), ``content`` (the body, read by the HTML reader's
markup rules), ``category`` (topics), ``rights``, ``xml:lang``, and Media RSS
photos. The feed gives the publisher, the language and the rights.

Mapping and losses: ``docs/formats/feeds.md``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from lxml import etree

from newsmodel import model as m
from newsmodel.errors import ReadError
from newsmodel.io import ATOM as FORMAT
from newsmodel.io._common import (
    DEFAULT_MAX_BYTES,
    ID_PREFIX,
    OWN_URIS,
    first_article,
    id_from_uri,
    wrapped_id,
)
from newsmodel.io._feeddates import date_text, rfc3339, utc_key
from newsmodel.io._feedmedia import PHOTO_CHILDREN, holds_photos, media_photos
from newsmodel.io._feedparse import parse_feed, root_name
from newsmodel.io._feeds import (
    Channel,
    Entry,
    all_text,
    articles_of,
    channel_of,
    declare_parts,
    keyword,
    plain_text,
    resolve,
)
from newsmodel.io._feedwrite import Builder, declare_people, feed_options, serialise
from newsmodel.losses import Losses
from newsmodel.xmlsafe import local_name

__all__ = ["FORMAT", "NS", "read", "read_many", "sniff", "write", "write_many"]

NS = "http://www.w3.org/2005/Atom"
#: Atom 0.3, read the same way (``issued``/``modified`` for the dates).
NS_03 = "http://purl.org/atom/ns#"
_XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_DC = "{http://purl.org/dc/elements/1.1/}"


#: The start of an Atom feed's root tag with no namespace, and its first entry or title:
#: ``<feed version="0.3"><title>`` (some feeds leave the namespace out).
_BARE_FEED = re.compile(rb"<feed(?:\s[^<>]*)?>.*?<(?:entry|title)[\s>]", re.DOTALL)


def sniff(head: bytes) -> bool:
    """True when the root element is an Atom ``feed``, or a ``feed`` in no namespace
    with an ``entry`` or ``title`` (as the reader reads elements in no namespace)."""
    found = root_name(head)
    if found is None or found[1] != "feed":
        return False
    if b"2005/Atom" in head or b"purl.org/atom" in head:
        return True
    bare = _BARE_FEED.match(head, max(head.find(b"<feed"), 0))  # (one try: linear)
    return not found[0] and bare is not None and b"xmlns=" not in bare.group()


# ---------------------------------------------------------------------------
# reading


#: How many tags' keys are remembered (a feed uses a few dozen; a feed that invents a
#: new tag on every element cannot grow the table past this).
_KINDS_KEPT = 512
#: Each tag's ``(key, may hold a photo)`` for :func:`_own`, remembered.
_kinds: dict[object, tuple[str | None, bool]] = {}


def _kind_of(tag: object) -> tuple[str | None, bool]:
    """An Atom child's key (its local name; ``dc:name`` for Dublin Core; ``None`` for
    other namespaces and for comments), and whether it may hold a photo."""
    if not isinstance(tag, str):
        return None, False
    namespace, _, local = tag[1:].partition("}") if tag[0] == "{" else ("", "", tag)
    key = None
    if namespace in (NS, NS_03, ""):
        key = local
    elif tag.startswith(_DC):
        key = "dc:" + local
    return key, holds_photos(tag)


def _own(element: etree._Element) -> dict[str, list[etree._Element]]:
    """The Atom children of ``element`` by local name (Dublin Core ones as ``dc:name``),
    and those that may hold a photo under :data:`PHOTO_CHILDREN`, in one pass."""
    out: dict[str, list[etree._Element]] = {}
    for child in element:
        tag = child.tag
        kind = _kinds.get(tag)
        if kind is None:
            kind = _kind_of(tag)
            if len(_kinds) < _KINDS_KEPT:
                _kinds[tag] = kind
        key, photo = kind
        if key is not None:
            out.setdefault(key, []).append(child)
        if photo:
            out.setdefault(PHOTO_CHILDREN, []).append(child)
    return out


def _construct(element: etree._Element | None) -> tuple[str | None, bool]:
    """A text construct's content and whether it is markup: ``type="html"`` (escaped
    HTML), ``xhtml`` (a ``div`` of elements) or ``text`` (plain, taken as it is)."""
    if element is None:
        return None, False
    kind = (element.get("type") or "text").lower()
    if kind == "xhtml" or kind.endswith("xhtml+xml"):
        parts = [element.text or ""]
        for child in element:
            parts.append(etree.tostring(child, encoding="unicode", with_tail=True))
        return "".join(parts), True
    return all_text(element), kind in ("html", "text/html")


def _first(found: dict[str, list[etree._Element]], *names: str) -> etree._Element | None:
    for name in names:
        if found.get(name):
            return found[name][0]
    return None


def _text(found: dict[str, list[etree._Element]], *names: str) -> str | None:
    element = _first(found, *names)
    return all_text(element) if element is not None else None


#: Link relations that never name the entry's page (``enclosure``: a file attached to it;
#: ``self``: the entry's own Atom document; ``edit``: where to change it; ``replies``: its
#: comments; ``related``, ``via``: another page, one it relates to or draws on).
_NOT_PAGES = frozenset(["enclosure", "self", "edit", "edit-media", "replies", "related", "via"])


def _href(link: etree._Element) -> str | None:
    """A link's address: its ``href``, else its text (``<link>https://…</link>``, from a
    generator writing Atom links as RSS ones)."""
    return link.get("href") or (link.text or "").strip() or None


def _link(found: dict[str, list[etree._Element]]) -> str | None:
    link = _link_element(found)
    return _href(link) if link is not None else None


def _link_element(found: dict[str, list[etree._Element]]) -> etree._Element | None:
    """The ``alternate`` link (HTML preferred), else the first link with an ``href`` that
    is not a file attached to the entry (``rel="enclosure"``: a photo or a podcast)."""
    links = [
        link
        for link in found.get("link", ())
        if _href(link) and (link.get("rel") or "").lower() not in _NOT_PAGES
    ]
    alternates = [link for link in links if (link.get("rel") or "alternate") == "alternate"]
    html = [link for link in alternates if "html" in (link.get("type") or "text/html")]
    best = html or alternates or links
    return best[0] if best else None


def _people(found: dict[str, list[etree._Element]]) -> tuple[tuple[str, str | None], ...]:
    out = []
    for author in found.get("author", ()):
        parts = _own(author)
        name = _text(parts, "name") or (author.text or "").strip()
        if name and name.strip():
            out.append((name, _text(parts, "uri", "url")))
    return tuple(out)


def _topics(found: dict[str, list[etree._Element]]) -> tuple[m.Topic, ...]:
    categories = (
        keyword(c.get("label") or c.get("term"), c.get("scheme"), False)
        for c in found.get("category", ())
    )
    subjects = (keyword(s.text, None, False) for s in found.get("dc:subject", ()))
    return tuple(t for t in (*categories, *subjects) if t is not None)


def _id(found: dict[str, list[etree._Element]]) -> str | None:
    return id_from_uri((_text(found, "id") or "").strip())


def _entry(element: etree._Element, channel: Channel) -> Entry:
    found = _own(element)
    title, title_html = _construct(_first(found, "title"))
    summary, summary_html = _construct(_first(found, "summary", "tagline"))
    content_element = _first(found, "content")
    content, content_html = (
        (None, False)
        if content_element is None or content_element.get("src")
        else _construct(content_element)
    )
    base = element.get(_XML_BASE) or channel.base
    if base and channel.base and base != channel.base:
        base = resolve(base, channel.base)
    link = _link_element(found)
    entry_id = _id(found)
    return Entry(
        id=entry_id,
        url=resolve(_href(link), _base_of(link, base)) if link is not None else _web_id(entry_id),
        title=title,
        title_html=title_html,
        summary=summary,
        summary_html=summary_html,
        content_html=content if content_html else None,
        content_text=None if content_html else content,
        published=_text(found, "published", "issued", "dc:date"),
        modified=_no_date(_text(found, "updated", "modified")),
        people=_people(found),
        authors=tuple(e.text or "" for e in found.get("dc:creator", ())),
        photos=media_photos(element, base, found.get(PHOTO_CHILDREN, ())),
        topics=_topics(found),
        language=element.get(_XML_LANG) or _lang_of(found),
        rights=_text(found, "rights", "dc:rights"),
    )


#: ``http://``, ``https://``: an entry id that is a web address, as Atom ids often are.
_WEB_ID = re.compile(r"https?://", re.IGNORECASE)


def _web_id(entry_id: str | None) -> str | None:
    """The address of an entry with no link: its id when that is a web address
    (``<id>https://example.test/2020/note</id>``, as feedparser reads it too); an id such
    as ``urn:uuid:...`` or ``tag:...`` names no page."""
    return resolve(entry_id, None) if entry_id and _WEB_ID.match(entry_id) else None


def _base_of(element: etree._Element, fallback: str | None) -> str | None:
    """The base URL a reference in ``element`` (a child of an entry) resolves against:
    its own ``xml:base`` (``<link xml:base="..." href="y"/>``) made absolute against
    ``fallback``, the entry's base (its ``xml:base="2006/11/"`` under the feed's); else
    ``fallback``. (Not lxml's ``element.base``, which copies every ancestor's on each call.)"""
    own = element.get(_XML_BASE)
    return resolve(own, fallback) if own else fallback


#: The ``updated`` an entry with no date is written with (Atom requires one): read back
#: as no date, and never the time of writing, so the same articles give the same feed.
NO_DATE = "1970-01-01T00:00:00Z"


def _no_date(value: str | None) -> str | None:
    """``value``, unless it is :data:`NO_DATE` (an entry that had no date)."""
    return None if value is not None and value.strip() == NO_DATE else value


def _lang_of(found: dict[str, list[etree._Element]]) -> str | None:
    """The ``xml:lang`` of an entry's title or summary (some feeds put it there)."""
    element = _first(found, "title", "summary", "content")
    return element.get(_XML_LANG) if element is not None else None


def _channel(
    root: etree._Element, found: dict[str, list[etree._Element]], url: str | None
) -> Channel:
    """The feed's channel; ``found`` is the root's children by key (:func:`_own`)."""
    name, html = _construct(_first(found, "title"))
    return channel_of(
        name=name if html else (plain_text(name, markup=False) or None),
        url=_link(found),
        logo=_text(found, "logo", "icon"),
        language=root.get(_XML_LANG),
        rights=_text(found, "rights", "copyright"),
        base=url,
        xml_base=root.get(_XML_BASE),
    )


def read_many(
    data: bytes | str, *, url: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[m.Article]:
    """Every entry of an Atom feed as an article, in feed order.

    The feed is parsed at once (errors in it raise here); articles are made
    one at a time as the iterator is read. ``url`` is the feed's address, for
    resolving relative links when the feed gives no ``xml:base`` or link.
    Entries do not inherit the feed's ``author`` (as feedparser reads them).
    """
    root = parse_feed(data, format=FORMAT.name, max_bytes=max_bytes)
    if local_name(root) != "feed":
        raise ReadError(f"the root element is {root.tag!r}, not an Atom feed", format=FORMAT.name)
    found = _own(root)  # (once: a feed's children are mostly its entries)
    channel = _channel(root, found, url)
    entries = found.get("entry", [])
    return articles_of(entries, lambda e: _entry(e, channel), channel, format=FORMAT.name)  # type: ignore[arg-type]


def read(
    data: bytes | str, *, url: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> m.Article:
    """The first entry of an Atom feed (a warning when there are more; see :func:`read_many`)."""
    return first_article(
        read_many(data, url=url, max_bytes=max_bytes),
        format=FORMAT.name,
        source="feed",
        empty="the feed holds no item",
    )


# ---------------------------------------------------------------------------
# writing

#: The article fields an Atom entry holds.
CARRIED = (
    "id", "url", "headline", "summary", "body", "bylines", "photos", "topics",
    "published", "modified", "language", "rights",
)  # fmt: skip
#: What a topic keeps in a ``category`` (``term`` and ``scheme``).
TOPIC_PARTS = {"name": "term", "scheme": "scheme", "kind": "keyword, always"}


def _entry_id(article: m.Article, index: int) -> str:
    """The entry's ``id``: the article's id when it is an IRI, else under ``ID_PREFIX``;
    without an id, its URL, else its position under ``ID_PREFIX``."""
    if article.id:
        value = article.id
        if (
            ":" in value
            and value.split(":", 1)[0].isalpha()
            and " " not in value
            and value.isascii()
            and not value.startswith(OWN_URIS)  # (it would read back otherwise)
        ):
            return value
        return wrapped_id(value)
    # (read back as the id "1": an entry of nothing else still reads back as an article)
    return article.url or f"{ID_PREFIX}{index + 1}"


def _write_entry(
    article: m.Article, index: int, builder: Builder, losses: Losses
) -> etree._Element:
    entry = builder.element("entry")
    builder.text(entry, "id", _entry_id(article, index))
    builder.text(entry, "title", article.headline or "", type="text")
    if article.url:
        builder.sub(entry, "link", rel="alternate", type="text/html", href=article.url)
    updated = article.modified or article.published
    if updated is not None:
        builder.text(
            entry,
            "updated",
            rfc3339(updated, "modified" if article.modified else "published", losses),
        )
    else:  # Atom needs one; the reader takes this value for "no date"
        builder.text(entry, "updated", NO_DATE)
    if article.published is not None:
        builder.text(entry, "published", rfc3339(article.published, "published", losses))
    for byline in article.bylines:
        author = builder.sub(entry, "author")
        builder.text(author, "name", byline.name)
        if byline.url:
            builder.text(author, "uri", byline.url)
    declare_people(article, [b.name for b in article.bylines], True, losses)
    for i, topic in enumerate(article.topics):
        if not topic.name:
            losses.drop(f"topics[{i}]", "a category needs a term")
            continue
        builder.sub(
            entry, "category", term=topic.name, **({"scheme": topic.scheme} if topic.scheme else {})
        )
        declare_parts(topic, TOPIC_PARTS, f"topics[{i}]", losses)
        if topic.kind is not m.TopicKind.KEYWORD:
            losses.drop(f"topics[{i}].kind", "categories read back as keywords")
    if article.summary:
        builder.text(entry, "summary", article.summary, type="text")
    builder.body(entry, "content", article, losses)
    if article.rights and article.rights.notice and article.rights.notice != builder.options.rights:
        builder.text(entry, "rights", article.rights.notice, type="text")
    if article.language and article.language != builder.options.language:
        entry.set(_XML_LANG, article.language)
    builder.photos(entry, article.photos, losses)
    builder.common(article, (*CARRIED, "publisher"), losses)
    if article.publisher and article.publisher != builder.options.publisher:
        losses.drop("publisher", "an Atom entry names no publisher of its own")
    return entry


def write_many(
    articles: Iterable[m.Article],
    *,
    title: str | None = None,
    link: str | None = None,
    id: str | None = None,
    language: str | None = None,
    strict: bool = False,
) -> str:
    """An Atom 1.0 feed of ``articles``.

    ``title``, ``link``, ``id`` and ``language`` describe the feed; by default
    they come from the first article's publisher and from what all articles
    share. The feed's ``updated`` is the latest date of its entries, and its
    ``author`` the feed's title (Atom needs one where entries have none).
    """
    items = list(articles)
    options = feed_options(items, title=title, link=link, description=None, language=language)
    builder = Builder(FORMAT.name, options, default=NS)
    feed = builder.element("feed")
    if options.language:
        feed.set(_XML_LANG, options.language)
    builder.text(feed, "id", id or options.link or ID_PREFIX + "feed")
    builder.text(feed, "title", options.title, type="text")
    dates = [d for a in items for d in (a.modified, a.published) if d is not None]
    newest = date_text(max(dates, key=utc_key)) if dates else None
    builder.text(feed, "updated", newest or NO_DATE)
    if options.link:
        builder.sub(feed, "link", rel="alternate", type="text/html", href=options.link)
    author = builder.sub(feed, "author")
    builder.text(author, "name", options.title)
    if options.rights:
        builder.text(feed, "rights", options.rights, type="text")
    if options.logo:
        builder.text(feed, "logo", options.logo)
    for index, article in enumerate(items):
        feed.append(_write_entry(article, index, builder, builder.losses.at(f"[{index}]")))
    return serialise(feed, builder, strict=strict)


def write(
    article: m.Article,
    *,
    title: str | None = None,
    link: str | None = None,
    id: str | None = None,
    language: str | None = None,
    strict: bool = False,
) -> str:
    """An Atom feed of one entry (the options are those of :func:`write_many`)."""
    return write_many([article], title=title, link=link, id=id, language=language, strict=strict)
