"""``newsml``: IPTC NewsML-G2, read as providers send it, written as 2.35.

Reading accepts a single ``newsItem``, a ``newsMessage`` with several items,
or a ``packageItem``; with or without the G2 namespace; standard versions
2.4 onward. The text item becomes the article; picture items (linked,
packaged, or side by side in the message) become its photos; other items
(video, audio, events, concepts) are reported with
:class:`~newsmodel.errors.IgnoredContentWarning`. Bodies are read from
inline XHTML or inline NITF with their inline markup. NewsML 1.x, a
different standard, is refused with a clear message.

Writing emits a ``newsItem`` (text) with an XHTML body, or a NITF body with
``body="nitf"``; with photos, a ``newsMessage`` holding the text item and one
picture item per photo (``package=True`` adds a ``packageItem``). Output is
valid against NewsML-G2 2.35 (with NITF 3.6 for NITF bodies).

Mapping and losses: ``docs/formats/newsml.md``.
"""

from __future__ import annotations

import datetime
import re
import warnings
from collections.abc import Iterable, Iterator
from typing import TypedDict

import attrs
from lxml import etree

from newsmodel import model as m
from newsmodel._input import whole_number
from newsmodel.bylines import is_agency, parse_byline
from newsmodel.catalog import Catalog
from newsmodel.catalog import schemes_in as _schemes_in
from newsmodel.dates import parse_date
from newsmodel.errors import IgnoredContentWarning, ReadError
from newsmodel.io import NEWSML as FORMAT
from newsmodel.io._common import DEFAULT_MAX_BYTES, as_read_errors, first_article
from newsmodel.io._g2 import (
    GENERATED,
    NM_ALIAS,
    NM_SCHEME,
    NO_PROVIDER,
    NS,
    SUBJECT_TYPES,
    XHTML,
    XML_LANG,
    code,
    link_rel,
)
from newsmodel.io._g2_body import body_of, metadata_texts, without_repeated_titles
from newsmodel.io._g2_message import (
    Message,
    class_kind,
    item_class,
    items_of,
    pictures_by_story,
)
from newsmodel.io.newsml_write import message_element, to_element
from newsmodel.losses import Losses, report
from newsmodel.markup.figures import IMAGE_FILE
from newsmodel.markup.sanitise import safe_url
from newsmodel.xmlsafe import attribute as _attr
from newsmodel.xmlsafe import element_text as _text
from newsmodel.xmlsafe import find_all as _all
from newsmodel.xmlsafe import find_first as _first
from newsmodel.xmlsafe import indent_metadata, local_name, parse_xml

__all__ = [
    "FORMAT",
    "NM_ALIAS",
    "NM_SCHEME",
    "NS",
    "XHTML",
    "XML_LANG",
    "read",
    "read_many",
    "sniff",
    "to_element",
    "write",
    "write_many",
]

_SNIFF = re.compile(rb"<(?:[\w.-]+:)?(?:newsItem|newsMessage|packageItem|NewsML)[\s>]")
#: Publication statuses by their code (``stat:usable`` → ``usable``).
_STATUSES = {s.value: s for s in m.PubStatus}


def sniff(head: bytes) -> bool:
    """True when a NewsML-G2 item or message (or NewsML 1.x, to refuse it clearly) opens."""
    return _SNIFF.search(head[:4096]) is not None


# ---------------------------------------------------------------------------
# reading helpers (any namespace, or none)


def _name(element: etree._Element | None) -> str | None:
    names = _all(element, "name")
    return _text(names[0]) if names else None


def _date(element: etree._Element | None) -> m.DateValue | None:
    text = _text(element)
    return parse_date(text) if text else None


def _catalog(item: etree._Element, base: Catalog) -> Catalog:
    schemes = _schemes_in(item)
    return base.with_schemes(schemes) if schemes else base


def _topic_ids(element: etree._Element | None, catalog: Catalog) -> tuple[str | None, str | None]:
    qcode, uri = _attr(element, "qcode"), _attr(element, "uri")
    if qcode and not uri:
        uri = catalog.to_uri(qcode)
    if uri and not qcode:
        qcode = catalog.to_qcode(uri)
    return qcode, uri


def _int100(element: etree._Element | None, name: str) -> int | None:
    number = whole_number(_attr(element, name))
    return number if number is not None and number <= 100 else None


def _bylines(meta: etree._Element | None) -> list[m.Byline]:
    out: list[m.Byline] = []
    creators: set[str] = set()
    for party in _all(meta, "creator") + _all(meta, "contributor"):
        name = _name(party) or _attr(party, "literal")
        is_creator = local_name(party) == "creator"
        if not name or (not is_creator and name.casefold() in creators):
            continue  # a contributor who is also a creator (dpa names the writer twice)
        if is_creator:
            creators.add(name.casefold())
        kind = m.BylineKind.PERSON
        ptype = _attr(party, "type")
        if (
            ptype == "cpnat:organisation"
            or _first(party, "organisationDetails") is not None
            or (ptype is None and is_agency(name))  # Reuters' <creator literal="Reuters"/>
        ):
            kind = m.BylineKind.ORGANISATION
        role = code(_attr(party, "role"))
        if role is None and not is_creator:
            role = "contributor"
        out.append(m.Byline(name=name, kind=kind, role=role, url=safe_url(_attr(party, "uri"))))
    if not out:
        by = _text(_first(meta, "by"))
        if by:
            out.extend(parse_byline(by))
    return out


def _photo(item: etree._Element) -> m.Photo:
    meta = _first(item, "contentMeta")
    caption = alt = None
    for description in _all(meta, "description"):
        role = _attr(description, "role") or ""
        text = _text(description)
        if not text:
            continue
        if role.endswith(":alt") or "alternative" in role.lower():
            alt = alt or text
        elif caption is None:
            caption = text
    photographer = None
    for creator in _all(meta, "creator"):
        photographer = _name(creator) or _attr(creator, "literal")
        if photographer:
            break
    url = width = height = None
    renditions = []
    for remote in _all(item, "contentSet/remoteContent"):
        href = safe_url(_attr(remote, "href"))  # (a script or data URL is no file)
        if not href:
            continue
        w, h = _attr(remote, "width"), _attr(remote, "height")
        wi = whole_number(w) or None
        hi = whole_number(h) or None
        rendition = _attr(remote, "rendition")
        if url is None and (rendition is None or rendition == f"{NM_ALIAS}:default"):
            url, width, height = href, wi, hi
            continue
        size = _attr(remote, "size")
        renditions.append(
            m.Rendition(
                url=href,
                name=code(rendition)
                if rendition and rendition.startswith(f"{NM_ALIAS}:")
                else rendition,
                media_type=_attr(remote, "contenttype"),
                width=wi,
                height=hi,
                size=whole_number(size),
            )
        )
    if url is None and renditions:
        # no main file named: the largest rendition stands for the photo, all are kept
        main = max(renditions, key=lambda r: (r.width or 0) * (r.height or 0))
        url, width, height = main.url, main.width, main.height
    guid = _attr(item, "guid")
    return m.Photo(
        url=url,
        caption=caption,
        credit=_text(_first(meta, "creditline")),
        alt=alt,
        photographer=photographer,
        width=width,
        height=height,
        renditions=tuple(renditions),
        id=None if guid is None or guid.startswith(GENERATED) else guid,
    )


def _titles(meta: etree._Element | None) -> tuple[str | None, str | None, str | None]:
    """Headline, subheadline (a headline with a role) and summary."""
    headline = subheadline = second = language = None
    for element in _all(meta, "headline"):
        text = _text(element)
        if not text:
            continue
        if _attr(element, "role") is None and headline is None:
            headline, language = text, _attr(element, XML_LANG)
        elif subheadline is None and _attr(element, "role") is not None:
            subheadline = text
        elif (
            second is None
            and _attr(element, "role") is None
            and _attr(element, XML_LANG) == language  # (else the headline translated)
        ):
            second = text  # APA's second <headline> without a role: the subheadline
    if headline is None and subheadline is not None and not _all(meta, "headline[@role]"):
        headline, subheadline = subheadline, None
    subheadline = subheadline or second
    summary = None
    for description in _all(meta, "description"):
        role = _attr(description, "role")
        if role in (None, "drol:summary", "drol:abstract", "drol:teaser") and summary is None:
            summary = _text(description)
    return headline, subheadline, summary


def _topics(meta: etree._Element | None, catalog: Catalog) -> tuple[m.Topic, ...]:
    """Subjects (with their ranking), then keywords and sections."""
    topics: list[m.Topic] = []
    for subject in _all(meta, "subject"):
        qcode, uri = _topic_ids(subject, catalog)
        kind = SUBJECT_TYPES.get(_attr(subject, "type") or "", m.TopicKind.SUBJECT)
        name = _name(subject)
        if name or qcode or uri:
            topics.append(
                m.Topic(
                    name=name,
                    kind=kind,
                    qcode=qcode,
                    uri=uri,
                    relevance=_int100(subject, "relevance"),
                    confidence=_int100(subject, "confidence"),
                )
            )
    for keyword in _all(meta, "keyword"):
        name = _text(keyword)
        if name:
            is_section = _attr(keyword, "role") == f"{NM_ALIAS}:section"
            topics.append(
                m.Topic(name=name, kind=m.TopicKind.SECTION if is_section else m.TopicKind.KEYWORD)
            )
    return tuple(topics)


def _genres(meta: etree._Element | None, catalog: Catalog) -> tuple[m.Topic, ...]:
    genres = []
    for genre in _all(meta, "genre"):
        qcode, uri = _topic_ids(genre, catalog)
        name = _name(genre)
        if name or qcode or uri:
            genres.append(m.Topic(name=name, kind=m.TopicKind.GENRE, qcode=qcode, uri=uri))
    return tuple(genres)


def _linked_picture(link: etree._Element) -> m.Photo | None:
    """The photo a ``link`` names when it links a picture item by its file (dpa:
    ``<link residref="urn:…" href="https://…/pic.jpeg"><itemClass qcode="ninat:picture"/>``);
    the picture item itself need not be in the message. A link to the picture item's own
    document (``contenttype="application/vnd.iptc.g2.newsitem+xml"``, ``…/items/1.xml``)
    is no photo: the target is an image by its ``contenttype``, else by its file's name."""
    klass = item_class(link, "itemClass")
    url = safe_url(_attr(link, "href"))
    if not url or class_kind(klass) != "picture":
        return None
    kind = _attr(link, "contenttype")
    if not (kind.lower().startswith("image/") if kind else IMAGE_FILE.search(url)):
        return None
    return m.Photo(url=url, id=_attr(link, "residref"))


def _url_and_links(
    item: etree._Element, item_meta: etree._Element | None
) -> tuple[str | None, tuple[m.RelatedLink, ...]]:
    """The story's web address (an HTML ``remoteContent``) and its related links
    (links to picture items are read as photos instead)."""
    url = None
    for remote in _all(item, "contentSet/remoteContent"):
        if (_attr(remote, "contenttype") or "").startswith(("text/html", "application/xhtml")):
            url = url or safe_url(_attr(remote, "href"))
    links = []
    for link in _all(item_meta, "link"):
        target = safe_url(_attr(link, "href") or _attr(link, "residref"))
        rel = _attr(link, "rel")
        if not target or rel == f"{NM_ALIAS}:photo" or _linked_picture(link) is not None:
            continue
        links.append(
            m.RelatedLink(
                url=target,
                rel=link_rel(rel),
                title=_text(_first(link, "title")),
                media_type=_attr(link, "contenttype"),
            )
        )
    return url, tuple(links)


def _written_here(item: etree._Element) -> bool:
    """Whether newsmodel wrote ``item``: it declares newsmodel's own scheme."""
    return any(_attr(s, "uri") == NM_SCHEME for s in _all(item, "catalog/scheme"))


def _dates(
    item: etree._Element, item_meta: etree._Element | None, meta: etree._Element | None
) -> tuple[m.DateValue | None, m.DateValue | None]:
    """Published (content created, else first created) and modified.

    ``versionCreated`` dates the item's version. When the item gives no content dates
    of its own, it stands for the modification beside ``firstCreated``; with no other
    date at all (dpa sends only it) it dates the story: the publication of a first
    version, the modification of a later one; but not in an item newsmodel wrote (it
    declares newsmodel's own scheme), whose dates are all in ``contentMeta``."""
    created = _date(_first(meta, "contentCreated")) or _date(_first(item_meta, "firstCreated"))
    modified = _date(_first(meta, "contentModified"))
    if modified is not None or _first(meta, "contentCreated") is not None:
        return created, modified
    if _written_here(item):
        return created, modified
    version_created = _date(_first(item_meta, "versionCreated"))
    if _first(item_meta, "firstCreated") is not None:
        return created, version_created
    if created is None and (whole_number(_attr(item, "version")) or 1) == 1:
        return version_created, None
    return created, version_created


def _alt_ids(meta: etree._Element | None) -> tuple[m.AltId, ...]:
    alt_ids = []
    for alt in _all(meta, "altId"):
        value = _text(alt)
        if value:
            alt_type = _attr(alt, "type")
            if alt_type and alt_type.startswith(f"{NM_ALIAS}:"):
                alt_type = code(alt_type)
            alt_ids.append(m.AltId(value=value, type=alt_type))
    return tuple(alt_ids)


class _Owner(TypedDict):
    publisher: m.Publisher | None
    rights: m.Rights | None
    status: m.PubStatus | None
    embargo: m.DateValue | None
    ed_note: str | None


class _Desk(TypedDict):
    urgency: int | None
    dateline: m.Dateline | None
    language: str | None
    version: int | None
    slugline: str | None
    creditline: str | None


def _owner(item: etree._Element, item_meta: etree._Element | None) -> _Owner:
    """Who sends the item and on what terms: publisher, rights, status (Article fields)."""
    holder_element = _first(item, "rightsInfo/copyrightHolder")
    holder = _name(holder_element) or _attr(holder_element, "literal")
    notice = _text(_first(item, "rightsInfo/copyrightNotice"))
    terms = _text(_first(item, "rightsInfo/usageTerms"))
    provider = _first(item_meta, "provider")
    literal = _attr(provider, "literal")
    provider_name = _name(provider) or (literal if literal != NO_PROVIDER else None)
    status_code = code(_attr(_first(item_meta, "pubStatus"), "qcode"))
    return {
        "publisher": m.Publisher(name=provider_name, url=safe_url(_attr(provider, "uri")))
        if provider_name
        else None,
        "rights": m.Rights(notice=notice, holder=holder, usage_terms=terms)
        if (notice or holder or terms)
        else None,
        "status": _STATUSES.get((status_code or "").lower()),
        "embargo": _date(_first(item_meta, "embargoed")),
        "ed_note": _text(_first(item_meta, "edNote")),
    }


def _desk(item: etree._Element, meta: etree._Element | None) -> _Desk:
    """What the desk sets: urgency, dateline, language, version, slugline, credit line."""
    urgency = whole_number(_text(_first(meta, "urgency")))
    located = _name(_first(meta, "located"))
    dateline_text = _text(_first(meta, "dateline"))
    language = _attr(item, XML_LANG) or _attr(_first(meta, "language"), "tag")
    return {
        "urgency": urgency if urgency and 1 <= urgency <= 9 else None,
        "dateline": m.Dateline(text=dateline_text or located or "", location=located)
        if (dateline_text or located)
        else None,
        "language": language.replace("_", "-") if language else None,
        "version": whole_number(_attr(item, "version")) or None,
        "slugline": _text(_first(meta, "slugline")),
        "creditline": _text(_first(meta, "creditline")),
    }


def _article(item: etree._Element, photos: list[m.Photo], base: Catalog) -> m.Article:
    catalog = _catalog(item, base)
    item_meta = _first(item, "itemMeta")
    meta = _first(item, "contentMeta")
    body, inner = body_of(_first(item, "contentSet"), catalog, metadata_texts(meta))
    headline, subheadline, summary = _titles(meta)
    if inner is not None:
        headline = headline or inner.headline
        subheadline = subheadline or inner.subheadline
        summary = summary or inner.summary
    if not _written_here(item):  # (newsmodel writes a body as it is given)
        body = without_repeated_titles(body, headline, subheadline)
    url, links = _url_and_links(item, item_meta)
    published, modified = _dates(item, item_meta, meta)
    bylines = _bylines(meta)
    if not bylines and inner is not None:
        bylines = list(inner.bylines)
    known = {p.id for p in photos if p.id}  # (the picture item itself may be attached)
    for link in _all(item_meta, "link"):
        linked = _linked_picture(link)
        if linked is not None and linked.id not in known:
            photos = [*photos, linked]
    guid = _attr(item, "guid")
    return m.Article(
        id=None if guid is None or guid.startswith(GENERATED) else guid,
        url=url,
        headline=headline,
        subheadline=subheadline,
        summary=summary,
        body=body,
        bylines=tuple(bylines),
        photos=_with_figures(photos, inner.photos if inner else (), body),
        topics=_topics(meta, catalog),
        published=published,
        modified=modified,
        genres=_genres(meta, catalog),
        alt_ids=_alt_ids(meta),
        links=links,
        **_owner(item, item_meta),
        **_desk(item, meta),
    )


def _with_figures(
    attached: Iterable[m.Photo], inner: Iterable[m.Photo], body: tuple[m.Block, ...]
) -> tuple[m.Photo, ...]:
    """Attached photos, then the body's figures, each photo once."""
    found = [*attached, *inner, *(f.photo for f in m.figures(body))]
    return tuple(dict.fromkeys(found))


def _sparse(item: etree._Element) -> m.Article:
    """Something article-shaped for items that carry no story (concepts, catalogs, packages)."""
    meta = _first(item, "contentMeta")
    concept = _first(item, "concept")
    headline = _text(_first(meta, "headline")) or _name(concept) or _text(_first(item, "title"))
    summary = _text(_first(concept, "definition")) if concept is not None else None
    guid = _attr(item, "guid")
    links = []
    for ref in item.iter("{*}itemRef"):
        target = safe_url(_attr(ref, "residref") or _attr(ref, "href"))
        if target:
            links.append(
                m.RelatedLink(url=target, rel="itemRef", title=_text(_first(ref, "title")))
            )
    return m.Article(
        id=None if guid is None or guid.startswith(GENERATED) else guid,
        headline=headline,
        summary=summary,
        links=tuple(links),
    )


#: The roots read: items, and the message that carries them.
_ROOTS = (
    "newsMessage",
    "newsItem",
    "packageItem",
    "conceptItem",
    "knowledgeItem",
    "catalogItem",
    "planningItem",
)


def _root(data: bytes | str, max_bytes: int) -> etree._Element:
    """The parsed document, refused unless its root is a G2 item or message."""
    root = parse_xml(data, format=FORMAT.name, max_bytes=max_bytes)
    name = local_name(root)
    if name == "NewsML" or (
        name == "newsMessage"
        and _first(root, "itemSet") is None
        and _first(root, "NewsItem") is not None
    ):
        raise ReadError(
            "this is NewsML 1.x, a different standard from NewsML-G2; it is not read",
            format=FORMAT.name,
        )
    if name not in _ROOTS:
        raise ReadError(f"expected a NewsML-G2 item or message, found {name!r}", format=FORMAT.name)
    return root


def _stories(message: Message, base: Catalog) -> Iterator[m.Article]:
    """One article per story, each with its pictures (:mod:`newsmodel.io._g2_groups`)."""
    photos: dict[int, m.Photo] = {}
    for text, chosen in zip(
        message.texts,
        pictures_by_story(message.items, message.texts, message.pictures),
        strict=True,
    ):
        with as_read_errors(FORMAT.name):
            for n in chosen:
                if n not in photos:
                    photos[n] = _photo(message.pictures[n])
            yield _article(text, [photos[n] for n in chosen], base)


def _no_story(message: Message, base: Catalog) -> m.Article:
    """The article of a message without a text item: a lone picture, or a sparse
    article for a package or another item (its photos the message's pictures)."""
    if len(message.pictures) == 1 and not message.others:
        only = message.pictures[0]
        article = _article(only, [], base)
        return attrs.evolve(article, photos=(_photo(only),), summary=None)
    photos = tuple(_photo(p) for p in message.pictures)
    first = message.items[0] if message.items else None
    if first is None:
        raise ReadError("the message holds no items", format=FORMAT.name)
    if local_name(first) != "packageItem":
        warnings.warn(
            IgnoredContentWarning(
                f"newsml: a {local_name(first)} ({item_class(first) or 'no class'}) "
                "is not a story; only its identity and title are read"
            ),
            stacklevel=4,
        )
    article = _sparse(first)
    return attrs.evolve(article, photos=photos) if photos else article


def _articles(message: Message, base: Catalog) -> Iterator[m.Article]:
    if not message.texts:
        with as_read_errors(FORMAT.name):
            yield _no_story(message, base)
        return
    message.warn_others()
    yield from _stories(message, base)


def _message(data: bytes | str, catalog: Catalog | None, max_bytes: int) -> tuple[Message, Catalog]:
    root = _root(data, max_bytes)
    return Message.of(items_of(root)), _catalog(root, catalog or Catalog())


def read_many(
    data: bytes | str,
    *,
    catalog: Catalog | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[m.Article]:
    """Every story of a NewsML-G2 message (or single item) as an article, in message order.

    Each text ``newsItem`` is one article, with the picture items that go with it:
    linked from it, shown in its body, grouped with it in a ``packageItem``, or
    else following it in the message. A message without a text item gives one
    article, as :func:`read` does. The document is parsed (and refused) at once;
    articles are made as the iterator is read. ``catalog`` is as in :func:`read`.
    """
    message, base = _message(data, catalog, max_bytes)
    return _articles(message, base)


def read(
    data: bytes | str,
    *,
    catalog: Catalog | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> m.Article:
    """Read a NewsML-G2 ``newsItem``, ``newsMessage`` or ``packageItem``: its first story
    (a warning says when the message holds more; :func:`read_many` gives them all).

    ``catalog`` adds provider schemes (see :meth:`Catalog.from_file`) to the
    built-in table and the document's own ``catalog`` elements.
    Quotes are not extracted here; :func:`newsmodel.read` does that.
    """
    message, base = _message(data, catalog, max_bytes)
    return first_article(
        _articles(message, base),
        format=FORMAT.name,
        source="message",
        empty="the message holds no item",
        held=len(message.texts),
    )


# ---------------------------------------------------------------------------
# writing (the parts: :mod:`newsmodel.io.newsml_write`)


def write(
    article: m.Article,
    *,
    body: str = "xhtml",
    package: bool = False,
    catalog: Catalog | None = None,
    version_created: datetime.datetime | None = None,
    strict: bool = False,
) -> str:
    """Write ``article`` as NewsML-G2 2.35.

    ``body`` is ``"xhtml"`` (default) or ``"nitf"``. With photos outside the
    body (or ``package=True``) the result is a ``newsMessage``. The required
    ``versionCreated`` is ``version_created`` when given, else the article's
    modified or published time, else the time of writing. Fields NewsML-G2
    cannot carry are reported (:class:`~newsmodel.errors.LossyConversionWarning`,
    or an error with ``strict=True``).
    """
    losses = Losses()
    root = to_element(
        article,
        body=body,
        package=package,
        catalog=catalog,
        version_created=version_created,
        losses=losses,
    )
    return _serialise(root, losses, strict)


def _serialise(root: etree._Element, losses: Losses, strict: bool) -> str:
    indent_metadata(root, frozenset(["inlineXML"]))
    text = etree.tostring(root, encoding="unicode") + "\n"
    report(FORMAT.name, losses, strict=strict, stacklevel=5)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text


def write_many(
    articles: Iterable[m.Article],
    *,
    body: str = "xhtml",
    package: bool = False,
    catalog: Catalog | None = None,
    version_created: datetime.datetime | None = None,
    strict: bool = False,
) -> str:
    """Write ``articles`` as one NewsML-G2 2.35 ``newsMessage``: each article's text
    item followed by its picture items (and preceded by its ``packageItem`` with
    ``package=True``). :func:`read_many` gives the articles back, each with its photos.

    The options are those of :func:`write`; losses are reported per article, under
    its index (``[2].photos[0].alt``).
    """
    losses = Losses()
    root = message_element(
        articles,
        body=body,
        package=package,
        catalog=catalog,
        version_created=version_created,
        losses=losses,
    )
    return _serialise(root, losses, strict)
