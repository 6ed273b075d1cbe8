"""``jsonfeed``: JSON Feed 1.1 (1.0 read too), many articles, read and written.

Each of ``items`` is one article: ``id``, ``url`` (else ``external_url``),
``title``, ``content_html`` (the body, read by the HTML reader's markup rules)
or ``content_text``, ``summary``, ``image`` and image ``attachments``
(photos), ``date_published``/``date_modified``, ``authors`` (1.1) or
``author`` (1.0), ``tags`` (topics), ``language``. The feed's ``title``,
``home_page_url`` and ``icon`` give the publisher, its ``language`` the
language. Values of the wrong type are ignored.

Mapping and losses: ``docs/formats/feeds.md``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from newsmodel import model as m
from newsmodel.errors import ReadError
from newsmodel.io import JSONFEED as FORMAT
from newsmodel.io._common import DEFAULT_MAX_BYTES, decode_text, first_article, parse_json
from newsmodel.io._feeddates import rfc3339
from newsmodel.io._feeds import (
    Channel,
    Entry,
    articles_of,
    channel_of,
    declare_parts,
    declare_text,
    declare_unwritten,
    keyword,
    resolve,
)
from newsmodel.io._feedwrite import declare_people, feed_options
from newsmodel.losses import Losses, report
from newsmodel.markup import blocks_to_html, safe_url

__all__ = ["FORMAT", "VERSION", "read", "read_many", "sniff", "write", "write_many"]

#: The version this writer declares.
VERSION = "https://jsonfeed.org/version/1.1"
#: ``"version": "https://jsonfeed.org/version/1"``: what marks a JSON Feed in its head.
_SNIFF = re.compile(rb'"version"\s*:\s*"https?:(?:\\?/){2}jsonfeed\.org(?:\\?/)version(?:\\?/)1')
#: Deepest nesting of arrays and objects a feed may have.
MAX_DEPTH = 64


def sniff(head: bytes) -> bool:
    """A JSON object whose ``version`` is a JSON Feed version URL."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return text[:1] == b"{" and _SNIFF.search(head) is not None


# ---------------------------------------------------------------------------
# reading


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _photos(item: dict[str, Any], base: str | None) -> tuple[m.Photo, ...]:
    urls = [_str(item.get("image")), _str(item.get("banner_image"))]
    attachments = item.get("attachments")
    for attachment in attachments if isinstance(attachments, list) else ():
        if isinstance(attachment, dict) and str(attachment.get("mime_type", "")).startswith(
            "image/"
        ):
            urls.append(_str(attachment.get("url")))
    resolved = (resolve(u, base) for u in urls if u)
    return tuple(m.Photo(url=u) for u in dict.fromkeys(resolved) if u)


def _people(item: dict[str, Any]) -> tuple[tuple[str, str | None], ...]:
    authors = item.get("authors")
    if not isinstance(authors, list):
        authors = [item.get("author")]
    return tuple(
        (name, _str(a.get("url")))
        for a in authors
        if isinstance(a, dict) and (name := _str(a.get("name")))
    )


def _entry(item: object, base: str | None) -> Entry:
    if not isinstance(item, dict):
        return Entry()
    tags = item.get("tags")
    topics = tuple(
        topic
        for t in (tags if isinstance(tags, list) else ())
        if _str(t) and (topic := keyword(t, None, False)) is not None
    )
    item_id = item.get("id")
    return Entry(
        id=str(item_id)
        if isinstance(item_id, (str, int)) and not isinstance(item_id, bool)
        else None,
        url=_str(item.get("url")) or _str(item.get("external_url")),
        title=_str(item.get("title")),
        title_html=False,
        summary=_str(item.get("summary")),
        summary_html=False,
        content_html=_str(item.get("content_html")),
        content_text=_str(item.get("content_text")),
        published=_str(item.get("date_published")),
        modified=_str(item.get("date_modified")),
        people=_people(item),
        photos=_photos(item, base),
        topics=topics,
        language=_str(item.get("language")),
    )


def _feed(data: bytes | str, max_bytes: int) -> dict[str, Any]:
    text = decode_text(data, format=FORMAT.name, max_bytes=max_bytes)
    feed = parse_json(text, format=FORMAT.name, max_depth=MAX_DEPTH)
    if not isinstance(feed, dict) or not isinstance(feed.get("items"), list):
        raise ReadError(
            "a JSON Feed is an object with an 'items' array", format=FORMAT.name, where="$"
        )
    version = feed.get("version")
    if not isinstance(version, str) or "jsonfeed.org/version/1" not in version:
        raise ReadError(
            f"not a JSON Feed version: {str(version)[:80]!r}", format=FORMAT.name, where="$.version"
        )
    return feed


def read_many(
    data: bytes | str, *, url: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[m.Article]:
    """Every item of a JSON Feed as an article, in feed order.

    The feed is parsed at once (errors in it raise here); articles are made one
    at a time as the iterator is read. ``url`` resolves relative links when the
    feed gives no ``home_page_url``.
    """
    feed = _feed(data, max_bytes)
    channel: Channel = channel_of(
        name=_str(feed.get("title")),
        url=_str(feed.get("home_page_url")),
        logo=_str(feed.get("icon")) or _str(feed.get("favicon")),
        language=_str(feed.get("language")),
        rights=None,
        base=url,
    )
    items: list[object] = feed["items"]
    return articles_of(items, lambda i: _entry(i, channel.base), channel, format=FORMAT.name)


def read(
    data: bytes | str, *, url: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> m.Article:
    """The first item of a JSON Feed (a warning when there are more; see :func:`read_many`)."""
    return first_article(
        read_many(data, url=url, max_bytes=max_bytes),
        format=FORMAT.name,
        source="feed",
        empty="the feed holds no item",
    )


# ---------------------------------------------------------------------------
# writing

#: The article fields a JSON Feed item holds (``image`` holds the first photo's URL).
CARRIED = (
    "id", "url", "headline", "summary", "body", "bylines", "photos", "topics",
    "published", "modified", "language", "publisher",
)  # fmt: skip


def _item(
    article: m.Article, index: int, options_language: str | None, losses: Losses
) -> dict[str, Any]:
    item: dict[str, Any] = {"id": article.id or article.url or str(index + 1)}
    for key, value in (
        ("url", article.url),
        ("title", article.headline),
        ("summary", article.summary),
    ):
        if value:
            item[key] = value
    for name in ("headline", "summary", "id"):
        declare_text(getattr(article, name), name, losses)
    if article.body:
        item["content_html"] = blocks_to_html(article.body, losses=losses.at("body"))
    for i, photo in enumerate(article.photos):
        if i == 0 and photo.url and safe_url(photo.url) == photo.url:
            item["image"] = photo.url
            declare_parts(photo, {"url": "image"}, "photos[0]", losses)
        else:
            losses.drop(f"photos[{i}]", "a JSON Feed item has one image")
    if article.published is not None:
        item["date_published"] = rfc3339(article.published, "published", losses)
    if article.modified is not None:
        item["date_modified"] = rfc3339(article.modified, "modified", losses)
        if article.modified == article.published:
            losses.drop("modified", "a modified date equal to the published one reads as none")
    if article.bylines:
        item["authors"] = [
            {"name": b.name} | ({"url": b.url} if b.url else {}) for b in article.bylines
        ]
        declare_people(article, [b.name for b in article.bylines], True, losses)
    named = [t for t in article.topics if t.name]
    if named:
        item["tags"] = [t.name for t in named]
    for i, topic in enumerate(article.topics):
        declare_parts(topic, {"name": "tags", "kind": "keyword, always"}, f"topics[{i}]", losses)
        if topic.kind is not m.TopicKind.KEYWORD or not topic.name:
            losses.drop(
                f"topics[{i}]" if not topic.name else f"topics[{i}].kind", "tags are names only"
            )
    if article.language and article.language != options_language:
        item["language"] = article.language
    return item


def write_many(
    articles: Iterable[m.Article],
    *,
    title: str | None = None,
    home_page_url: str | None = None,
    language: str | None = None,
    indent: int | None = 2,
    strict: bool = False,
) -> str:
    """A JSON Feed 1.1 document of ``articles``.

    ``title``, ``home_page_url`` and ``language`` describe the feed; by default
    they come from the first article's publisher and what all articles share.
    An item without an id gets its URL, else its position, as its id.
    """
    items = list(articles)
    options = feed_options(
        items, title=title, link=home_page_url, description=None, language=language
    )
    losses = Losses()
    feed: dict[str, Any] = {"version": VERSION, "title": options.title}
    if options.link:
        feed["home_page_url"] = options.link
    if options.logo:
        feed["icon"] = options.logo
    if options.language:
        feed["language"] = options.language
    feed["items"] = []
    for index, article in enumerate(items):
        at = losses.at(f"[{index}]")
        feed["items"].append(_item(article, index, options.language, at))
        declare_unwritten(article, CARRIED, at)
        if article.publisher is not None and article.publisher != options.publisher:
            at.drop("publisher", "a JSON Feed names one publisher, the feed's")
    report(FORMAT.name, losses, strict=strict)
    return json.dumps(feed, ensure_ascii=False, indent=indent) + "\n"


def write(
    article: m.Article,
    *,
    title: str | None = None,
    home_page_url: str | None = None,
    language: str | None = None,
    indent: int | None = 2,
    strict: bool = False,
) -> str:
    """A JSON Feed of one item (the options are those of :func:`write_many`)."""
    return write_many(
        [article],
        title=title,
        home_page_url=home_page_url,
        language=language,
        indent=indent,
        strict=strict,
    )
