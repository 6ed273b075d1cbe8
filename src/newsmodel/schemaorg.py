"""schema.org <-> the model: the one mapping of ``NewsArticle`` and its kin.

Used both ways by the ``jsonld`` format (:mod:`newsmodel.io.jsonld`) and by
web-page reading (:mod:`newsmodel.page`, pages embed JSON-LD); the HTML writer
embeds what :func:`to_data` gives. Reading accepts a single object, an array,
or an ``@graph``; finds the article among ``NewsArticle``, ``Article``,
``ReportageNewsArticle``, ``BlogPosting`` and their kin; resolves ``@id``
references inside the document; and recovers from common damage (trailing
commas, raw control characters, several objects pasted together).
"""

from __future__ import annotations

import datetime
import html as html_lib
import json
import re
from collections.abc import Iterator
from typing import Any

from newsmodel import model as m
from newsmodel._input import clean_text, whole_number
from newsmodel._json import MAX_INT_DIGITS, check_size, recover_objects, squash_spaces
from newsmodel.bylines import is_agency, parse_byline
from newsmodel.captions import split_credit
from newsmodel.dates import parse_date
from newsmodel.errors import InputTooLargeError
from newsmodel.losses import NO_QUOTES, Losses, declare_changes
from newsmodel.markup import blocks_from_html, safe_url

__all__ = [
    "ARTICLE_TYPES",
    "MIN_YEAR",
    "article_from_data",
    "find_articles",
    "jsonld_date",
    "loads",
    "loads_lenient",
    "to_data",
]

#: schema.org types read as an article.
ARTICLE_TYPES = frozenset(
    """NewsArticle Article ReportageNewsArticle AnalysisNewsArticle OpinionNewsArticle
    BackgroundNewsArticle ReviewNewsArticle AskPublicNewsArticle BlogPosting
    LiveBlogPosting SocialMediaPosting Report TechArticle ScholarlyArticle
    SatiricalArticle""".split()
)
_ORG_TYPES = frozenset(["Organization", "NewsMediaOrganization", "Corporation", "NGO"])
#: Dates before this year are placeholders (``0001-01-01``, ``1900-01-01``), not news.
MIN_YEAR = 1990
#: How deep ``@graph``, ``mainEntity`` and ``itemListElement`` are followed for articles.
_MAX_NESTING = 20
#: The Unix epoch as a date: a zero timestamp some sites print for "no date".
_EPOCH_DAY = datetime.date(1970, 1, 1)


# ---------------------------------------------------------------------------
# reading


def loads_lenient(text: str) -> Any:
    """Parse JSON-LD as pages write it: strict first, then with common damage repaired.

    Returns ``None`` when nothing can be recovered, or when the text holds
    more values than newsmodel reads (:data:`newsmodel._json.MAX_VALUES`).
    """
    try:
        return loads(text, format="jsonld")
    except InputTooLargeError:
        return None


def _int_or_none(digits: str) -> int | None:
    """An integer, or ``null`` for one too long to be worth turning into a Python int."""
    return int(digits) if len(digits) <= MAX_INT_DIGITS else None


def loads(text: str, *, format: str) -> Any:
    """:func:`loads_lenient`, raising :class:`InputTooLargeError` (naming ``format``) for
    too many values."""
    text = text.strip().removeprefix("<!--").removesuffix("-->").strip()
    text = text.removeprefix("//<![CDATA[").removesuffix("//]]>").strip()
    if not text:
        return None
    check_size(text, format=format)
    try:
        return json.loads(text, parse_int=_int_or_none)
    except (ValueError, RecursionError):
        pass
    repaired = re.sub(r"[\x00-\x1f]", " ", text)  # raw newlines and tabs inside strings
    repaired = re.sub(r",\s*([}\]])", r"\1", repaired)  # trailing commas
    try:
        return json.loads(repaired, parse_int=_int_or_none)
    except (ValueError, RecursionError):
        pass
    # several objects pasted one after another, or one broken beyond repair
    return recover_objects(repaired, parse_int=_int_or_none) or None


def _types(node: dict[str, Any]) -> set[str]:
    value = node.get("@type")
    values = value if isinstance(value, list) else [value]
    return {v.rsplit("/", 1)[-1] for v in values if isinstance(v, str)}


def _walk(value: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > _MAX_NESTING:
        return
    if isinstance(value, list):
        for item in value:
            yield from _walk(item, depth + 1)
    elif isinstance(value, dict):
        yield value
        for key in ("@graph", "mainEntity", "itemListElement"):
            if key in value:
                yield from _walk(value[key], depth + 1)


def find_articles(data: Any) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """The article nodes in a JSON-LD document, and every node by its ``@id``."""
    nodes = list(_walk(data))
    by_id = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str)}
    articles = [n for n in nodes if _types(n) & ARTICLE_TYPES]
    return articles, by_id


def _resolve(value: Any, by_id: dict[str, dict[str, Any]]) -> Any:
    if isinstance(value, dict) and set(value) <= {"@id", "@type"} and value.get("@id") in by_id:
        return by_id[value["@id"]]
    return value


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    if not isinstance(value, str):
        return None
    value = squash_spaces(clean_text(value))
    return value or None


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def jsonld_date(value: Any) -> m.DateValue | None:
    """A date from JSON-LD, placeholders (before 1990, the epoch) refused."""
    text = _text(value)
    if text is None:
        return None
    parsed = parse_date(text, min_year=MIN_YEAR)
    if parsed is None:
        return None
    if isinstance(parsed, datetime.datetime) and parsed.date() == _EPOCH_DAY:
        return None
    return parsed


def _person(node: Any, by_id: dict[str, dict[str, Any]], publisher: str | None) -> m.Byline | None:
    node = _resolve(node, by_id)
    if isinstance(node, str):
        node = {"name": node}
    if not isinstance(node, dict):
        return None
    name = _text(node.get("name"))
    if name is None:
        return None
    url = node.get("url") if isinstance(node.get("url"), str) else None
    job = _text(node.get("jobTitle"))
    types = _types(node)
    # typed both ways ("Person" and "Organization"): a personal name makes it a person
    org = bool(types & _ORG_TYPES) and not ("Person" in types and _personal_name(name))
    return _byline(name, org, safe_url(url), job, publisher)


def _personal_name(name: str) -> bool:
    """Whether ``name`` reads as one person's name (``Jane Doe``, not ``Example News``)."""
    parsed = parse_byline(name)
    return len(parsed) == 1 and parsed[0].kind is m.BylineKind.PERSON


def _byline(
    name: str, org: bool, url: str | None, job: str | None, publisher: str | None
) -> m.Byline | None:
    """The byline an author named ``name`` gives (``org`` when typed as an organisation)."""
    if publisher and name.casefold() == publisher.casefold():
        return None  # the publisher given as an author is no byline
    if org or is_agency(name):
        return m.Byline(name=name, kind=m.BylineKind.ORGANISATION, url=url)
    parsed = parse_byline(name)
    if len(parsed) == 1 and parsed[0].kind is m.BylineKind.PERSON:
        return m.Byline(name=parsed[0].name, role=job.lower() if job else None, url=url)
    return None


def _image(node: Any, by_id: dict[str, dict[str, Any]]) -> m.Photo | None:
    node = _resolve(node, by_id)
    if isinstance(node, str):
        url = safe_url(node)
        return m.Photo(url=url) if url else None
    if not isinstance(node, dict):
        return None
    author = node.get("author") or node.get("creator")

    def size(key: str) -> int | None:
        value = node.get(key)
        if isinstance(value, dict):
            value = value.get("value")
        if isinstance(value, str):
            value = whole_number(value)
        return (
            value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None
        )

    return _photo(
        url=safe_url(_text(node.get("url")) or _text(node.get("contentUrl"))),
        caption=_text(node.get("caption")) or _text(node.get("description")),
        credit=_text(node.get("creditText")) or _text(node.get("copyrightHolder")),
        photographer=_text(_resolve(author, by_id)) if author else None,
        width=size("width"),
        height=size("height"),
    )


def _photo(
    *,
    url: str | None,
    caption: str | None,
    credit: str | None,
    photographer: str | None,
    width: int | None,
    height: int | None,
) -> m.Photo | None:
    """The photo an image's parts give: a credit split off a caption, nothing without both."""
    if caption and credit is None:
        caption, credit = split_credit(caption)
    if url is None and caption is None:
        return None
    return m.Photo(
        url=url,
        caption=caption,
        credit=credit,
        photographer=photographer,
        width=width,
        height=height,
    )


def _keywords(value: Any) -> list[str]:
    out: list[str] = []
    for item in _as_list(value):
        text = _text(item)
        if text:
            out.extend(k.strip() for k in text.split(",") if k.strip())
    return out


def article_from_data(
    node: dict[str, Any], by_id: dict[str, dict[str, Any]] | None = None
) -> m.Article:
    """The article an article node describes (references resolved through ``by_id``)."""
    by_id = by_id or {}
    publisher_node = _resolve(node.get("publisher"), by_id)
    publisher = None
    if isinstance(publisher_node, dict) and _text(publisher_node.get("name")):
        logo = _resolve(publisher_node.get("logo"), by_id)
        logo_url = _text(logo.get("url")) if isinstance(logo, dict) else _text(logo)
        publisher = m.Publisher(
            name=_text(publisher_node.get("name")) or "",
            url=safe_url(_text(publisher_node.get("url"))),
            logo=safe_url(logo_url),
        )
    elif _text(publisher_node):
        publisher = m.Publisher(name=_text(publisher_node) or "")
    bylines = []
    for author in _as_list(node.get("author")):
        byline = _person(author, by_id, publisher.name if publisher else None)
        if byline is not None and byline not in bylines:
            bylines.append(byline)
    photos = [p for p in (_image(i, by_id) for i in _as_list(node.get("image"))) if p]
    topics = [m.Topic(name=k, kind=m.TopicKind.KEYWORD) for k in _keywords(node.get("keywords"))]
    for about in _as_list(node.get("about")):
        about = _resolve(about, by_id)
        name = _text(about)
        if name:
            topics.append(m.Topic(name=name, kind=m.TopicKind.SUBJECT))
    for section in _keywords(node.get("articleSection")):
        topics.append(m.Topic(name=section, kind=m.TopicKind.SECTION))
    body = _body(node.get("articleBody"))
    language = _text(node.get("inLanguage"))
    if language:
        language = language.replace("_", "-")
        try:
            m.Article(language=language)
        except ValueError:
            language = None
    url = safe_url(_text(node.get("url")))
    main = _resolve(node.get("mainEntityOfPage"), by_id)
    if url is None and isinstance(main, dict):
        url = safe_url(_text(main.get("@id")) or _text(main.get("url")))
    notice = _text(node.get("copyrightNotice"))
    holder_node = _resolve(node.get("copyrightHolder"), by_id)
    holder = _text(holder_node)
    genres = [m.Topic(name=g, kind=m.TopicKind.GENRE) for g in _keywords(node.get("genre"))]
    identifier = _text(node.get("identifier"))
    dateline = _text(node.get("dateline"))
    return m.Article(
        id=identifier,
        url=url,
        headline=_text(node.get("headline")) or _text(node.get("name")),
        subheadline=_text(node.get("alternativeHeadline")),
        summary=_text(node.get("description")) or _text(node.get("abstract")),
        body=body,
        bylines=tuple(bylines),
        photos=tuple(dict.fromkeys(photos)),
        topics=tuple(dict.fromkeys(topics)),
        published=jsonld_date(node.get("datePublished")) or jsonld_date(node.get("dateCreated")),
        modified=jsonld_date(node.get("dateModified")),
        language=language,
        publisher=publisher,
        dateline=m.Dateline(text=dateline) if dateline else None,
        rights=m.Rights(notice=notice, holder=holder) if (notice or holder) else None,
        genres=tuple(dict.fromkeys(genres)),
    )


#: Markup in an ``articleBody`` (some publishers put the HTML there, raw or escaped).
_TAGS = r"(?:p|div|br|h[1-6]|ul|ol|li|blockquote|figure|img|table)\b"
_MARKUP = re.compile("<" + _TAGS, re.I)
_ESCAPED_MARKUP = re.compile("&lt;" + _TAGS, re.I)


def _body(value: Any) -> tuple[m.Block, ...]:
    """The blocks of an ``articleBody``: plain text by paragraph, or its HTML read as such."""
    if not isinstance(value, str):
        return ()
    if _ESCAPED_MARKUP.search(value) and not _MARKUP.search(value):
        value = html_lib.unescape(value)
    if _MARKUP.search(value):
        return blocks_from_html(value)
    return tuple(m.Paragraph(content=(p,)) for p in _text_block(value))


def _text_block(value: Any) -> list[str]:
    if not isinstance(value, str):
        return []
    text = clean_text(value)
    parts = re.split(r"\n\s*\n", text) if "\n\n" in text else text.split("\n")
    return [squash_spaces(p) for p in parts if p.strip()]


# ---------------------------------------------------------------------------
# writing


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


def to_data(article: m.Article, losses: Losses | None = None) -> dict[str, Any]:
    """The schema.org ``NewsArticle`` for ``article``, as a dict; its losses go to ``losses``."""
    losses = Losses() if losses is None else losses
    node: dict[str, Any] = {"@context": "https://schema.org", "@type": "NewsArticle"}

    def put(key: str, value: Any) -> None:
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


def _publisher_out(publisher: m.Publisher | None, losses: Losses) -> dict[str, Any] | None:
    if publisher is None:
        return None
    node: dict[str, Any] = {"@type": "Organization", "name": publisher.name}
    losses.unless_same("name", publisher.name, _text(publisher.name), _SPACING)
    if publisher.url:
        node["url"] = publisher.url
        losses.unless_same("url", publisher.url, safe_url(_text(publisher.url)), _UNSAFE)
    if publisher.logo:
        node["logo"] = {"@type": "ImageObject", "url": publisher.logo}
        losses.unless_same("logo", publisher.logo, safe_url(_text(publisher.logo)), _UNSAFE)
    return node


def _authors_out(
    bylines: tuple[m.Byline, ...], publisher: dict[str, Any] | None, losses: Losses
) -> list[dict[str, Any]]:
    authors = []
    seen: list[m.Byline] = []
    publisher_name = _text(publisher["name"]) if publisher else None
    for i, byline in enumerate(bylines):
        org = byline.kind is m.BylineKind.ORGANISATION
        person: dict[str, Any] = {"@type": "Organization" if org else "Person", "name": byline.name}
        if byline.url:
            person["url"] = byline.url
        if byline.role and not org:
            person["jobTitle"] = byline.role
        authors.append(person)
        name = _text(byline.name)
        job = None if org else _text(byline.role)
        back = name and _byline(name, org, safe_url(byline.url), job, publisher_name)
        if not back or back in seen:
            losses.drop(f"bylines[{i}]", _NO_AUTHOR)
            continue
        seen.append(back)
        declare_changes(losses.at(f"bylines[{i}]"), byline, back, _AUTHOR)
    return authors


#: Why a byline does not come back: its name is the publisher's, an earlier one's, or several.
_NO_AUTHOR = "schema.org readers take this author as the publisher, a repeat, or several names"
#: Why parts of a byline are lost.
_AUTHOR = "a schema.org author has a name, a URL, and a person's job title (lower-cased) only"


def _images_out(photos: tuple[m.Photo, ...], losses: Losses) -> list[dict[str, Any]]:
    images = []
    seen: set[m.Photo] = set()
    for i, photo in enumerate(photos):
        image: dict[str, Any] = {"@type": "ImageObject"}
        for key, value in (
            ("url", photo.url),
            ("caption", photo.caption),
            ("creditText", photo.credit),
            ("width", photo.width),
            ("height", photo.height),
        ):
            if value is not None:
                image[key] = value
        if photo.photographer:
            image["author"] = {"@type": "Person", "name": photo.photographer}
        images.append(image)
        back = _photo(
            url=safe_url(_text(photo.url)),
            caption=_text(photo.caption),
            credit=_text(photo.credit),
            photographer=_text(photo.photographer),
            width=photo.width,
            height=photo.height,
        )
        if back is None or back in seen:
            losses.drop(f"photos[{i}]", _NO_IMAGE)
            continue
        seen.add(back)
        declare_changes(losses.at(f"photos[{i}]"), photo, back, _IMAGE)
    return images


#: Why a photo does not come back: no URL and no caption, or a repeat.
_NO_IMAGE = "a schema.org image needs a URL or a caption, once"
#: Why parts of a photo are lost.
_IMAGE = "an ImageObject here has a URL, caption, credit, author and size only"


def _topics_out(topics: tuple[m.Topic, ...], node: dict[str, Any], losses: Losses) -> None:
    for kind in _TOPIC_KEY_ORDER:
        key, listed = _TOPIC_PROPERTIES[kind]
        names = [t.name for t in topics if t.kind is kind and t.name]
        if names:
            node[key] = [{"@type": "Thing", "name": n} for n in names] if not listed else names
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


def _genres_out(genres: tuple[m.Topic, ...], losses: Losses) -> list[str]:
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
    names = _keywords(topic.name) if listed else [n for n in [_text(topic.name)] if n]
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
