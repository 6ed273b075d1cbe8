"""``rss``: RSS feeds, many articles. Reads RSS 2.0, 0.9x and 1.0 (RDF); writes RSS 2.0.

Each ``item`` is one article: ``title``, ``link`` (relative links resolved
against the channel's link or ``url=``), ``guid``, ``pubDate``/``dc:date``,
``dc:creator``/``author``, ``description`` (the standfirst, or the body when
it holds block markup and the item has no ``content:encoded``),
``content:encoded`` (the body, read by the HTML reader's markup rules),
``category``/``dc:subject`` (topics), Media RSS and image enclosures
(photos). The channel gives the publisher, the language and the rights.

The writer emits RSS 2.0 with ``content:encoded``, ``dc:creator``,
``dcterms:modified`` and ``media:content``, and declares what it leaves out.
Mapping and losses: ``docs/formats/feeds.md``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

from lxml import etree

from newsmodel import model as m
from newsmodel.errors import ReadError
from newsmodel.io import RSS as FORMAT
from newsmodel.io._common import DEFAULT_MAX_BYTES, first_article
from newsmodel.io._feeddates import rfc822, rfc3339
from newsmodel.io._feedmedia import PHOTO_CHILDREN, holds_photos, media_photos
from newsmodel.io._feedparse import parse_feed, root_name
from newsmodel.io._feeds import (
    Channel,
    Entry,
    all_text,
    articles_of,
    channel_of,
    declare_parts,
    declare_text,
    html_escaped,
    keyword,
)
from newsmodel.io._feedwrite import Builder, FeedOptions, declare_people, feed_options, serialise
from newsmodel.losses import Losses
from newsmodel.xmlsafe import local_name

__all__ = ["FORMAT", "NO_LINK", "read", "read_many", "sniff", "write", "write_many"]

#: Namespaces whose elements items carry, by the prefix used in lookups; the
#: RSS 1.0 and 0.90 namespaces (and no namespace) are RSS's own (prefix ``""``).
NAMESPACES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://purl.org/dc/terms/": "dcterms",
    "http://www.w3.org/2005/Atom": "atom",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf",
    "http://purl.org/rss/1.0/": "",
    "http://my.netscape.com/rdf/simple/0.9/": "",
    "http://backend.userland.com/rss2": "",
    # the full text of a story as Yandex.News asks (<yandex:full-text>), read as the
    # body where there is no content:encoded; ukr.net's unprefixed <full-text> likewise
    "http://news.yandex.ru": "yandex",
}
#: Where an item's full body may stand, in order of preference.
_BODY_KEYS = ("content:encoded", "yandex:full-text", "full-text")
#: Addresses of the RSS 2.0 specification that publishers name as the default namespace
#: of ``rss`` (``<rss xmlns="https://cyber.harvard.edu/rss/rss.html">``): its elements
#: are RSS's own, read as unnamespaced ones. Compared without the scheme and a final
#: ``/``; a module under the same host (``.../rss/creativeCommonsRssModule.html``) is not one.
_RSS_SPEC_ADDRESSES = frozenset(
    (
        "backend.userland.com/rss",  # <rss xmlns="http://backend.userland.com/rss">
        "blogs.law.harvard.edu/tech/rss",  # the specification's address 2003-2008
        "cyber.law.harvard.edu/rss/rss.html",  # ... 2008-2018
        "cyber.harvard.edu/rss/rss.html",  # ... since 2018, https
        "www.rssboard.org/rss-specification",  # the RSS Advisory Board's copy
    )
)
#: Tags whose lookup keys are remembered (a feed uses a few dozen, on every item).
_KEY_CACHE = 512
_RDF_ABOUT = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about"
_RDF_RESOURCE = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}resource"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: The channel ``link`` written when neither the caller, a publisher nor any article
#: gives a URL (RSS 2.0 requires one): a name under the reserved ``.invalid`` domain
#: (RFC 2606), which never resolves; read back as no link.
NO_LINK = "https://no-link.invalid/"
#: What marks an RDF document as RSS 1.0 or 0.90 in its head.
_RSS1_MARKS = (b"purl.org/rss/1.0", b"my.netscape.com/rdf/simple")


def sniff(head: bytes) -> bool:
    """True when the root element is ``rss``, or an ``rdf:RDF`` of RSS 1.0/0.90."""
    found = root_name(head)
    if found is None:
        return False
    if found[1] == "rss":
        return True
    return found[1] == "RDF" and any(mark in head for mark in _RSS1_MARKS)


# ---------------------------------------------------------------------------
# reading


@functools.lru_cache(maxsize=_KEY_CACHE)
def _key(tag: object) -> str | None:
    """``dc:creator``, ``title``: an element's lookup key; ``None`` for other namespaces."""
    if not isinstance(tag, str):
        return None
    if tag[0] != "{":
        return tag
    namespace, local = tag[1:].split("}", 1)
    prefix = NAMESPACES.get(namespace)
    if prefix is None:
        if _is_rss_spec(namespace):
            return local
        return "media:" + local if "search.yahoo.com/mrss" in namespace else None
    return f"{prefix}:{local}" if prefix else local


def _is_rss_spec(namespace: str) -> bool:
    """Whether ``namespace`` is an RSS specification address (:data:`_RSS_SPEC_ADDRESSES`)."""
    return namespace.split("://", 1)[-1].rstrip("/") in _RSS_SPEC_ADDRESSES


#: Each tag's ``(lookup key, may hold a photo)``, remembered like :func:`_key`'s.
_kinds: dict[object, tuple[str | None, bool]] = {}


def _kind(tag: object) -> tuple[str | None, bool]:
    kind = _kinds.get(tag)
    if kind is None:
        kind = (_key(tag), holds_photos(tag))
        if len(_kinds) < _KEY_CACHE:
            _kinds[tag] = kind
    return kind


def _children(element: etree._Element) -> dict[str, list[etree._Element]]:
    """An element's children grouped by lookup key, in document order, in one pass;
    those that may hold a photo listed under :data:`PHOTO_CHILDREN` as well."""
    out: dict[str, list[etree._Element]] = {}
    for child in element:
        kind = _kinds.get(child.tag)  # (the remembered answer without a call: most are)
        key, photo = kind if kind is not None else _kind(child.tag)
        if key is not None:
            out.setdefault(key, []).append(child)
        if photo:
            out.setdefault(PHOTO_CHILDREN, []).append(child)
    return out


def _text(found: dict[str, list[etree._Element]], *keys: str) -> str | None:
    """The text of the first of ``keys`` present and not blank."""
    for key in keys:
        for element in found.get(key, ()):
            # most elements hold text alone: read it without all_text's call
            text = all_text(element) if len(element) else element.text
            if text and not text.isspace():
                return text
    return None


def _markup_text(found: dict[str, list[etree._Element]], *keys: str) -> str | None:
    """Like :func:`_text`, but an element that holds XHTML elements straight, neither
    escaped nor in CDATA (``<description>The <a href="...">notes</a></description>``),
    gives that markup as HTML (:func:`_inner_markup`), not its words alone."""
    for key in keys:
        for element in found.get(key, ()):
            if not len(element):
                text = element.text
            elif any(isinstance(child.tag, str) for child in element):
                text = _inner_markup(element)
            else:  # comments or processing instructions alone: the text around them
                text = all_text(element)
            if text and not text.isspace():
                return text
    return None


def _inner_markup(element: etree._Element) -> str:
    """What ``element`` holds, written as markup: its children as they stand, its text
    (and their tails) as :func:`_text_markup` writes it."""
    parts = [_text_markup(element.text)]
    for child in element:
        parts.append(etree.tostring(child, encoding="unicode", with_tail=False))
        parts.append(_text_markup(child.tail))
    return "".join(parts)


def _text_markup(text: str | None) -> str:
    """A text node beside XHTML elements, as markup: escaped, unless it holds a ``<``, as
    HTML that was escaped or put in CDATA does beside a raw element
    (``<description><![CDATA[<p>One.</p>]]><img src="..."/></description>``): that is
    HTML already, and escaping it showed its tags as words."""
    if not text:
        return ""
    return text if "<" in text else html_escaped(text)


def _date_text(found: dict[str, list[etree._Element]], *keys: str) -> str | None:
    """Like :func:`_text`, but a date element that holds an HTML ``<time datetime="...">``
    (``<pubDate><time datetime="2019-05-03T19:21:28Z">Fri, 05/03/2019 - 15:21</time>``,
    as Drupal writes it) gives the machine-readable ``datetime``."""
    for key in keys:
        for element in found.get(key, ()):
            if not len(element):  # (most: the text alone)
                text = element.text
                if text and not text.isspace():
                    return text
                continue
            for child in element:
                stamp = child.get("datetime") if isinstance(child.tag, str) else None
                if stamp and stamp.strip():
                    return stamp
            text = all_text(element)
            if text.strip():
                return text
    return None


def _author_texts(found: dict[str, list[etree._Element]]) -> tuple[str, ...]:
    """``dc:creator`` and ``author`` texts; an author written as a structure
    (``<author><name>Jo Doe</name><department>Lab</department></author>``, as Atom
    writes one) gives its ``name`` alone, not every word it holds."""
    texts = []
    for element in (*found.get("dc:creator", ()), *found.get("author", ())):
        name = next((c for c in element if local_name(c) == "name"), None)
        text = all_text(element if name is None else name)
        if text.strip():
            texts.append(text)
    return tuple(texts)


def _atom_link(found: dict[str, list[etree._Element]]) -> str | None:
    for link in found.get("atom:link", ()):
        if (link.get("rel") or "alternate") == "alternate" and link.get("href"):
            return link.get("href")
    return None


def _link(found: dict[str, list[etree._Element]], item: etree._Element) -> str | None:
    """``link``, else an Atom alternate link, else a permalink ``guid``, else ``rdf:about``."""
    link = _text(found, "link") or _atom_link(found)
    if link:
        return link.strip()
    for guid in found.get("guid", ()):
        text = (guid.text or "").strip()
        if (guid.get("isPermaLink") or "true").lower() != "false" and text.startswith("http"):
            return text
    return item.get(_RDF_ABOUT)


def _topics(found: dict[str, list[etree._Element]]) -> tuple[m.Topic, ...]:
    topics = []
    for element in (*found.get("category", ()), *found.get("dc:subject", ())):
        topic = keyword(all_text(element), element.get("domain"), True)
        if topic is not None:
            topics.append(topic)
    return tuple(topics)


def _entry(item: etree._Element, base: str | None) -> Entry:
    found = _children(item)
    return Entry(
        id=_text(found, "guid", "dc:identifier") or item.get(_RDF_ABOUT),
        url=_link(found, item),
        title=_text(found, "title", "dc:title"),
        summary=_markup_text(found, "description", "dc:description"),
        content_html=_markup_text(found, *_BODY_KEYS),
        published=_date_text(found, "pubDate", "dc:date", "dcterms:issued", "atom:published"),
        modified=_date_text(found, "dcterms:modified", "atom:updated"),
        authors=_author_texts(found),
        photos=media_photos(item, base, found.get(PHOTO_CHILDREN, ())),
        topics=_topics(found),
        language=_text(found, "dc:language") or item.get(_XML_LANG),
        rights=_text(found, "dc:rights", "dcterms:rights"),
        publisher=_text(found, "dc:publisher"),
    )


def _channel(root: etree._Element, channel: etree._Element | None, url: str | None) -> Channel:
    found = _children(channel) if channel is not None else {}
    image = found.get("image", [None])[0]
    logo = None
    if image is not None:
        logo = _text(_children(image), "url") or image.get(_RDF_RESOURCE)
    link = _text(found, "link") or _atom_link(found)
    return channel_of(
        name=_text(found, "title", "dc:title"),
        url=None if link is not None and link.strip() == NO_LINK else link,
        logo=logo,
        language=_text(found, "language", "dc:language")
        or (channel.get(_XML_LANG) if channel is not None else None)
        or root.get(_XML_LANG),
        rights=_text(found, "copyright", "dc:rights"),
        base=url,
    )


def read_many(
    data: bytes | str, *, url: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[m.Article]:
    """Every item of an RSS feed as an article, in feed order.

    The feed is parsed at once (so errors in it raise here); articles are made
    one at a time as the iterator is read. ``url`` is the feed's address, for
    resolving relative links when the channel gives no link of its own.
    """
    root = parse_feed(data, format=FORMAT.name, max_bytes=max_bytes)
    if local_name(root) not in ("rss", "RDF"):
        raise ReadError(f"the root element is {root.tag!r}, not rss or rdf:RDF", format=FORMAT.name)
    channels = [c for c in root if _key(c.tag) == "channel"]
    channel = channels[0] if channels else None
    info = _channel(root, channel, url)
    holders = [root] if channel is None else [channel, root]  # RSS 1.0 items sit beside the channel
    items = [c for holder in holders for c in holder if _key(c.tag) == "item"]
    return articles_of(items, lambda i: _entry(i, info.base), info, format=FORMAT.name)  # type: ignore[arg-type]


def read(
    data: bytes | str, *, url: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> m.Article:
    """The first item of an RSS feed (a warning when there are more; see :func:`read_many`)."""
    return first_article(
        read_many(data, url=url, max_bytes=max_bytes),
        format=FORMAT.name,
        source="feed",
        empty="the feed holds no item",
    )


# ---------------------------------------------------------------------------
# writing

#: The article fields an RSS 2.0 item holds (``dcterms:modified`` for ``modified``).
CARRIED = (
    "id", "url", "headline", "summary", "body", "bylines", "photos", "topics",
    "published", "modified", "language", "publisher", "rights",
)  # fmt: skip
#: What a topic keeps in a ``category`` (its ``domain`` holds the scheme).
TOPIC_PARTS = {"name": "category", "scheme": "domain", "kind": "keyword, always"}


def _channel_element(options: FeedOptions, builder: Builder) -> etree._Element:
    rss = builder.element("rss", version="2.0")
    channel = builder.sub(rss, "channel")
    builder.text(channel, "title", options.title)
    builder.text(channel, "link", options.link or NO_LINK)
    builder.text(channel, "description", options.description or options.title)
    if options.language:
        builder.text(channel, "language", options.language)
    if options.rights:
        builder.text(channel, "copyright", options.rights)
    if options.logo and options.link:
        image = builder.sub(channel, "image")
        builder.text(image, "url", options.logo)
        builder.text(image, "title", options.title)
        builder.text(image, "link", options.link)
    return channel


def _write_topics(
    item: etree._Element, article: m.Article, builder: Builder, losses: Losses
) -> None:
    for i, topic in enumerate(article.topics):
        if not topic.name:
            losses.drop(f"topics[{i}]", "a category needs a name")
            continue
        scheme = {"domain": topic.scheme} if topic.scheme else {}
        builder.text(item, "category", html_escaped(topic.name), **scheme)
        declare_text(topic.name, f"topics[{i}].name", losses)
        declare_parts(topic, TOPIC_PARTS, f"topics[{i}]", losses)
        if topic.kind is not m.TopicKind.KEYWORD:
            losses.drop(f"topics[{i}].kind", "categories read back as keywords")


def _item(article: m.Article, builder: Builder, losses: Losses) -> etree._Element:
    item = etree.Element("item")
    options = builder.options
    if article.headline:
        builder.text(item, "title", html_escaped(article.headline))
    if article.url:
        builder.text(item, "link", article.url)
    if article.summary:
        builder.text(item, "description", html_escaped(article.summary))
    builder.body(item, "content:encoded", article, losses)
    names = [b.name for b in article.bylines]
    for name in names:
        builder.text(item, "dc:creator", name)
    declare_people(article, names, False, losses)
    _write_topics(item, article, builder, losses)
    if article.id:
        builder.text(
            item, "guid", article.id, isPermaLink="true" if article.id == article.url else "false"
        )
    if article.published is not None:
        builder.text(item, "pubDate", rfc822(article.published, "published", losses))
    if article.modified is not None:
        builder.text(item, "dcterms:modified", rfc3339(article.modified, "modified", losses))
    if article.language and article.language != options.language:
        builder.text(item, "dc:language", article.language)
    if article.rights and article.rights.notice and article.rights.notice != options.rights:
        builder.text(item, "dc:rights", html_escaped(article.rights.notice))
    if article.publisher and (options.publisher is None or article.publisher.name != options.title):
        builder.text(item, "dc:publisher", html_escaped(article.publisher.name))
    builder.photos(item, article.photos, losses)
    builder.common(article, CARRIED, losses)
    return item


def write_many(
    articles: Iterable[m.Article],
    *,
    title: str | None = None,
    link: str | None = None,
    description: str | None = None,
    language: str | None = None,
    strict: bool = False,
) -> str:
    """An RSS 2.0 feed of ``articles``.

    ``title``, ``link``, ``description`` and ``language`` describe the channel;
    by default they come from the first article's publisher and from the
    language and rights notice all articles share. Losses are declared per
    article, under its index (``[2].photos[0].alt``).
    """
    items = list(articles)
    options = feed_options(
        items, title=title, link=link, description=description, language=language
    )
    builder = Builder(FORMAT.name, options, default=None)
    channel = _channel_element(options, builder)
    for index, article in enumerate(items):
        channel.append(_item(article, builder, builder.losses.at(f"[{index}]")))
    return serialise(channel.getroottree().getroot(), builder, strict=strict)


def write(
    article: m.Article,
    *,
    title: str | None = None,
    link: str | None = None,
    description: str | None = None,
    language: str | None = None,
    strict: bool = False,
) -> str:
    """An RSS 2.0 feed of one item (the options are those of :func:`write_many`)."""
    return write_many(
        [article], title=title, link=link, description=description, language=language, strict=strict
    )
