"""The model -> schema.org: writing an article as a ``NewsArticle``, each loss declared.

What a reader gets back is worked out with the reader's own rules
(:mod:`newsmodel.schemaorg.read`), never by reading the output again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from newsmodel import model as m
from newsmodel._json import JSONObject, JSONValue, squash_spaces
from newsmodel.losses import NO_QUOTES, Losses, declare_changes
from newsmodel.markup import safe_url
from newsmodel.schemaorg.read import (
    _MARKUP,
    _body,
    _byline,
    _photo,
    _split_keywords,
    _text,
    jsonld_date,
)

__all__ = ["to_data"]

#: An item of one of the article's lists (a byline, a photo).
_Item = TypeVar("_Item", m.Byline, m.Photo)


#: Why a text comes back changed: schema.org readers squash its spacing.
_SPACING = "schema.org text is read with its spacing squashed"
#: Why a URL does not come back: readers refuse script and data URLs.
_UNSAFE = "not a URL a schema.org reader accepts"
#: Why a date does not come back as it is.
_DATE = "schema.org dates before 1990 (or on the epoch day) read as placeholders"
#: Article fields ``NewsArticle`` has no property for here, each with why.
_UNWRITTEN = {
    "quotes": NO_QUOTES,
    "creditline": "no schema.org property for a credit line",
    "version": "no schema.org property for a version number",
    "status": "no schema.org property for a publication status",
    "urgency": "no schema.org property for urgency",
    "embargo": "no schema.org property for an embargo",
    "slugline": "no schema.org property for a slugline",
    "ed_note": "no schema.org property for an editor's note",
    "alt_ids": "no schema.org property for alternative ids",
    "links": "no schema.org property for related links",
}
#: The article's texts and URL, in the order written: property and field.
_TEXTS = (
    ("identifier", "id"),
    ("url", "url"),
    ("headline", "headline"),
    ("alternativeHeadline", "subheadline"),
    ("description", "summary"),
)
#: The topic kinds ``NewsArticle`` holds: the property, and whether names are comma lists.
_TOPIC_PROPERTIES = {
    m.TopicKind.KEYWORD: ("keywords", True),
    m.TopicKind.SUBJECT: ("about", False),
    m.TopicKind.SECTION: ("articleSection", True),
}
#: The order the topic properties are written in (readers take them in the order above).
_TOPIC_KEY_ORDER = (m.TopicKind.KEYWORD, m.TopicKind.SECTION, m.TopicKind.SUBJECT)


def _date_out(
    value: m.DateValue | None, losses: Losses | None = None, path: str = ""
) -> str | None:
    if value is None:
        return None
    out = value.isoformat()
    if losses is not None and jsonld_date(out) != value:
        losses.drop(path, _DATE)
    return out


def to_data(article: m.Article, losses: Losses | None = None) -> JSONObject:
    """The schema.org ``NewsArticle`` for ``article``, as a dict; its losses go to ``losses``."""
    losses = Losses() if losses is None else losses
    node: JSONObject = {"@context": "https://schema.org", "@type": "NewsArticle"}

    def put(key: str, value: JSONValue) -> None:
        if value not in (None, [], ""):
            node[key] = value

    for key, path in _TEXTS:
        put(key, getattr(article, path))
        if key == "url":
            losses.unless_same("url", article.url, safe_url(_text(article.url)), _UNSAFE)
            continue
        losses.unless_same(path, getattr(article, path), _text(getattr(article, path)), _SPACING)
    put("datePublished", _date_out(article.published, losses, "published"))
    put("dateModified", _date_out(article.modified, losses, "modified"))
    put("inLanguage", article.language)
    if article.dateline:
        put("dateline", article.dateline.text)
        losses.unless_same(
            "dateline.text", article.dateline.text, _text(article.dateline.text), _SPACING
        )
        if article.dateline.location:
            losses.drop("dateline.location", "schema.org has a dateline's text only")
    publisher = _publisher_out(article.publisher, losses.at("publisher"))
    put("author", _authors_out(article.bylines, publisher, losses))
    if publisher:
        node["publisher"] = publisher
    put("image", _images_out(article.photos, losses))
    _topics_out(article.topics, node, losses)
    put("genre", _genres_out(article.genres, losses))
    if article.rights:
        put("copyrightNotice", article.rights.notice)
        if article.rights.holder:
            node["copyrightHolder"] = {"@type": "Organization", "name": article.rights.holder}
        _rights_losses(article.rights, losses)
    text = article.text
    put("articleBody", text)
    if not _plain_paragraphs(article.body) or _MARKUP.search(text):
        declare_changes(losses.at("body"), article.body, _body(text), _FLAT_BODY)
    for field, reason in _UNWRITTEN.items():
        if getattr(article, field) not in (None, ()):
            losses.drop(field, reason)
    return node


def _plain_paragraphs(body: tuple[m.Block, ...]) -> bool:
    """Whether ``body`` is paragraphs of one squashed string each (``articleBody`` holds them)."""
    return all(
        type(b) is m.Paragraph
        and len(b.content) == 1
        and isinstance(b.content[0], str)
        and squash_spaces(b.content[0]) == b.content[0]
        for b in body
    )


#: Why the body's structure is lost: ``articleBody`` is plain text.
_FLAT_BODY = "articleBody is plain text, read back paragraph by paragraph"


def _publisher_out(publisher: m.Publisher | None, losses: Losses) -> JSONObject | None:
    if publisher is None:
        return None
    node: JSONObject = {"@type": "Organization", "name": publisher.name}
    losses.unless_same("name", publisher.name, _text(publisher.name), _SPACING)
    if publisher.url:
        node["url"] = publisher.url
        losses.unless_same("url", publisher.url, safe_url(_text(publisher.url)), _UNSAFE)
    if publisher.logo:
        node["logo"] = {"@type": "ImageObject", "url": publisher.logo}
        losses.unless_same("logo", publisher.logo, safe_url(_text(publisher.logo)), _UNSAFE)
    return node


def _listed_out(
    items: Sequence[_Item],
    field: str,
    losses: Losses,
    rule: tuple[Callable[[_Item], JSONObject], Callable[[_Item], _Item | None], str, str],
) -> list[JSONValue]:
    """The nodes for a list of the article's (bylines, photos), each item's losses declared.

    ``rule`` is the list's: the node for an item; what a reader gets back from
    it (``None``: nothing); why an item does not come back (nothing, or a
    repeat of an earlier one); why the parts of one that does come back
    changed.
    """
    to_node, back_of, gone, changed = rule
    nodes: list[JSONValue] = []
    seen: set[_Item] = set()
    for i, item in enumerate(items):
        nodes.append(to_node(item))
        back = back_of(item)
        if back is None or back in seen:
            losses.drop(f"{field}[{i}]", gone)
            continue
        seen.add(back)
        declare_changes(losses.at(f"{field}[{i}]"), item, back, changed)
    return nodes


def _authors_out(
    bylines: tuple[m.Byline, ...], publisher: JSONObject | None, losses: Losses
) -> list[JSONValue]:
    publisher_name = _text(publisher.get("name")) if publisher else None

    def back(byline: m.Byline) -> m.Byline | None:
        org = byline.kind is m.BylineKind.ORGANISATION
        name = _text(byline.name)
        job = None if org else _text(byline.role)
        return _byline(name, org, safe_url(byline.url), job, publisher_name) if name else None

    return _listed_out(bylines, "bylines", losses, (_author_node, back, _NO_AUTHOR, _AUTHOR))


def _author_node(byline: m.Byline) -> JSONObject:
    org = byline.kind is m.BylineKind.ORGANISATION
    person: JSONObject = {"@type": "Organization" if org else "Person", "name": byline.name}
    if byline.url:
        person["url"] = byline.url
    if byline.role and not org:
        person["jobTitle"] = byline.role
    return person


#: Why a byline does not come back: its name is the publisher's, an earlier one's, or several.
_NO_AUTHOR = "schema.org readers take this author as the publisher, a repeat, or several names"
#: Why parts of a byline are lost.
_AUTHOR = "a schema.org author has a name, a URL, and a person's job title (lower-cased) only"


def _images_out(photos: tuple[m.Photo, ...], losses: Losses) -> list[JSONValue]:
    return _listed_out(photos, "photos", losses, (_image_node, _image_back, _NO_IMAGE, _IMAGE))


#: The photo's fields an ``ImageObject`` holds as they are: property and field.
_IMAGE_PROPERTIES = (
    ("url", "url"),
    ("caption", "caption"),
    ("creditText", "credit"),
    ("width", "width"),
    ("height", "height"),
)


def _image_node(photo: m.Photo) -> JSONObject:
    image: JSONObject = {"@type": "ImageObject"}
    for key, field in _IMAGE_PROPERTIES:
        value = getattr(photo, field)
        if value is not None:
            image[key] = value
    if photo.photographer:
        image["author"] = {"@type": "Person", "name": photo.photographer}
    return image


def _image_back(photo: m.Photo) -> m.Photo | None:
    return _photo(
        url=safe_url(_text(photo.url)),
        caption=_text(photo.caption),
        credit=_text(photo.credit),
        photographer=_text(photo.photographer),
        width=photo.width,
        height=photo.height,
    )


#: Why a photo does not come back: no URL and no caption, or a repeat.
_NO_IMAGE = "a schema.org image needs a URL or a caption, once"
#: Why parts of a photo are lost.
_IMAGE = "an ImageObject here has a URL, caption, credit, author and size only"


def _topics_out(topics: tuple[m.Topic, ...], node: JSONObject, losses: Losses) -> None:
    for kind in _TOPIC_KEY_ORDER:
        key, listed = _TOPIC_PROPERTIES[kind]
        names: list[JSONValue] = [t.name for t in topics if t.kind is kind and t.name]
        if names:
            node[key] = names if listed else [{"@type": "Thing", "name": n} for n in names]
    kept: dict[m.Topic, int] = {}
    for kind, (_key, listed) in _TOPIC_PROPERTIES.items():
        for i, topic in enumerate(topics):
            if topic.kind is kind:
                _topic_back(topic, kind, listed, losses, ("topics", i), kept)
    dropped = [i for i, t in enumerate(topics) if i not in kept.values()]
    for i in dropped:
        if topics[i].kind not in _TOPIC_PROPERTIES:
            losses.drop(f"topics[{i}]", f"schema.org has no list for {topics[i].kind.value} topics")
    if list(kept.values()) != sorted(kept.values()):
        losses.drop("topics: order", "schema.org lists keywords, then subjects, then sections")


def _genres_out(genres: tuple[m.Topic, ...], losses: Losses) -> list[JSONValue]:
    kept: dict[m.Topic, int] = {}
    for i, genre in enumerate(genres):
        _topic_back(genre, m.TopicKind.GENRE, True, losses, ("genres", i), kept)
    return [g.name for g in genres if g.name]


def _topic_back(
    topic: m.Topic,
    kind: m.TopicKind,
    listed: bool,
    losses: Losses,
    where: tuple[str, int],
    kept: dict[m.Topic, int],
) -> None:
    """Declare what of ``topic`` (``where``: its list and index) a reader does not get back.

    What it gets goes to ``kept``.
    """
    field, index = where
    here = losses.at(f"{field}[{index}]")
    names = _split_keywords(_text(topic.name)) if listed else [n for n in [_text(topic.name)] if n]
    if not names:
        here.drop("", "a schema.org topic needs a name")
        return
    if len(names) > 1:
        here.drop("", "schema.org lists are comma-separated: the name reads as several")
        losses.drop(f"{field}: order", "a name read as several moves those after it")
        return
    back = m.Topic(name=names[0], kind=kind)
    if back in kept:
        here.drop("", "schema.org lists a name once")
        return
    kept[back] = index
    declare_changes(here, topic, back, "schema.org keeps a topic's name only")


def _rights_losses(rights: m.Rights, losses: Losses) -> None:
    notice, holder = _text(rights.notice), _text(rights.holder)
    back = m.Rights(notice=notice, holder=holder) if notice or holder else None
    declare_changes(losses.at("rights"), rights, back, "schema.org has a notice and a holder only")
