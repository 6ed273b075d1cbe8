"""Writing NewsML-G2 2.35: a text ``newsItem`` (XHTML or NITF body), one picture item
per photo outside the body, a ``packageItem`` on request.

Each part declares, where it writes a field, what a NewsML-G2 reader would not get
back as it was (:class:`~newsmodel.losses.Losses`); nothing written is read again.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence

import attrs
from lxml import etree

from newsmodel import model as m
from newsmodel._input import whole_number
from newsmodel.catalog import Catalog
from newsmodel.dates import parse_date
from newsmodel.errors import WriteError
from newsmodel.io._common import squash
from newsmodel.io._g2 import (
    GENERATED,
    KIND_TYPES,
    NM_ALIAS,
    NM_SCHEME,
    NO_PROVIDER,
    NS,
    QCODE,
    XHTML,
    XML_LANG,
    code,
    link_rel,
    qcode_or_nm,
)
from newsmodel.io.nitf import NS as NITF_NS
from newsmodel.io.nitf import nitf_body
from newsmodel.losses import NO_QUOTES, Losses, declare_changes, declare_photo_list
from newsmodel.markup import blocks_to_elements
from newsmodel.xmlsafe import default_nsmap as _nsmap

__all__ = ["message_element", "to_element"]

#: Characters most G2 strings may not hold (their pattern is ``[\S ]*``): written as spaces.
_ONE_LINE = re.compile(r"[\t\n\r]")
#: Why a text comes back changed: G2 readers collapse white space.
_SPACES = "NewsML-G2 text is read with its white space collapsed"
#: Why a code comes back changed: a QCode's alias is not part of the code read back.
_CODE = "NewsML-G2 keeps a code as a QCode: its alias is not read back"
#: Why a topic or genre comes back changed.
_CONCEPT = "NewsML-G2 concepts keep a name and a QCode or URI (completed from the catalog)"
#: Why a photo list comes back changed: picture items first, then the body's figures.
_PHOTO_LIST = "NewsML-G2 lists picture items first, then the body's figures"


class _Maker:
    """Makes G2 children: ``make(parent, "headline", "Text", role="…")``."""

    def __init__(self, namespace: str):
        self.prefix = f"{{{namespace}}}"

    def __call__(
        self, parent: etree._Element, name: str, text: str | None = None, /, **attributes: str
    ) -> etree._Element:
        element = etree.SubElement(parent, self.prefix + name, attributes)
        if text is not None:
            element.text = text if name == "description" else _ONE_LINE.sub(" ", text)
        return element


_G2 = _Maker(NS)


def _iso(value: m.DateValue) -> str:
    """ISO 8601 as G2 wants it: a day for a day (truncated types), offsets as given."""
    return value.isoformat()


def _guid(identifier: str | None, seed: str) -> str:
    if identifier:
        return identifier
    return GENERATED + hashlib.sha1(seed.encode("utf-8")).hexdigest()[:20]


def _id_back(identifier: str | None) -> str | None:
    """The id a reader takes from a GUID written for ``identifier``."""
    guid = squash(identifier)
    return None if guid is None or guid.startswith(GENERATED) else guid


def _code_back(value: str | None) -> str | None:
    """A role or type written with :func:`qcode_or_nm`, as a reader takes it back."""
    return code(squash(qcode_or_nm(value))) if value else None


def _item(guid: str, article_version: int | None, language: str | None) -> etree._Element:
    item = etree.Element(
        _G2.prefix + "newsItem",
        {"guid": guid, "standard": "NewsML-G2", "standardversion": "2.35"},
        nsmap=_nsmap(NS),
    )
    if article_version is not None:
        item.set("version", str(article_version))
    if language:
        item.set(XML_LANG, language)
    catalog = _G2(item, "catalog")
    _G2(catalog, "scheme", alias=NM_ALIAS, uri=NM_SCHEME)
    return item


def _rights(item: etree._Element, rights: m.Rights | None, losses: Losses) -> None:
    if rights is None:
        return
    info = _G2(item, "rightsInfo")
    if rights.holder:
        _G2(_G2(info, "copyrightHolder"), "name", rights.holder)
    if rights.notice:
        _G2(info, "copyrightNotice", rights.notice)
    if rights.usage_terms:
        _G2(info, "usageTerms", rights.usage_terms)
    for field in ("notice", "holder", "usage_terms"):
        value = getattr(rights, field)
        losses.unless_same(f"rights.{field}", value, squash(value), _SPACES)


def _item_meta(
    item: etree._Element,
    item_class: str,
    publisher: m.Publisher | None,
    version_created: datetime.datetime,
) -> etree._Element:
    meta = _G2(item, "itemMeta")
    _G2(meta, "itemClass", qcode=item_class)
    provider = _G2(meta, "provider")
    if publisher is not None:
        if publisher.url:
            provider.set("uri", publisher.url)
        _G2(provider, "name", publisher.name)
    else:
        provider.set("literal", NO_PROVIDER)
    _G2(meta, "versionCreated", _iso(version_created))
    return meta


#: ``versionCreated`` of an article with no date at all: a fixed time, so that writing the
#: same article twice gives the same bytes (pass ``version_created=`` for a real one).
NO_DATE = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


def _version_created(article: m.Article, given: datetime.datetime | None) -> datetime.datetime:
    """``given``, else the article's modified or published time (a day at 00:00 UTC),
    else :data:`NO_DATE`: never the time of writing."""
    if given is not None:
        return given
    for value in (article.modified, article.published):
        if isinstance(value, datetime.datetime):
            return value
    for value in (article.modified, article.published):
        if isinstance(value, datetime.date):
            return datetime.datetime.combine(value, datetime.time(), datetime.timezone.utc)
    return NO_DATE


def _date_losses(losses: Losses, path: str, value: m.DateValue | None) -> None:
    if value is not None:
        losses.unless_same(path, value, parse_date(_iso(value)), "not a date G2 readers take")


def _management(item_meta: etree._Element, article: m.Article, losses: Losses) -> None:
    """``itemMeta``: embargo, status, editorial note, related links, publisher."""
    if isinstance(article.embargo, datetime.datetime):
        _G2(item_meta, "embargoed", _iso(article.embargo))
        _date_losses(losses, "embargo", article.embargo)
    elif article.embargo is not None:
        losses.drop("embargo", "a NewsML-G2 embargo needs a time of day")
    if article.status is not None:
        _G2(item_meta, "pubStatus", qcode=f"stat:{article.status.value}")
    if article.ed_note:
        _G2(item_meta, "edNote", article.ed_note)
        losses.unless_same("ed_note", article.ed_note, squash(article.ed_note), _SPACES)
    for i, link in enumerate(article.links):
        el = _G2(item_meta, "link", href=link.url)
        if link.rel:
            el.set("rel", qcode_or_nm(link.rel))
        if link.media_type:
            el.set("contenttype", link.media_type)
        if link.title:
            _G2(el, "title", link.title)
        if link.rel and qcode_or_nm(link.rel) == f"{NM_ALIAS}:photo":
            losses.drop(f"links[{i}]", "NewsML-G2 links to picture items have this relation")
            continue
        back = m.RelatedLink(
            url=squash(link.url) or "",
            rel=link_rel(squash(qcode_or_nm(link.rel))) if link.rel else None,
            title=squash(link.title),
            media_type=squash(link.media_type),
        )
        declare_changes(losses.at(f"links[{i}]"), link, back, _SPACES)
    publisher = article.publisher
    if publisher is not None:
        back_publisher = m.Publisher(name=squash(publisher.name) or "", url=squash(publisher.url))
        declare_changes(
            losses.at("publisher"), publisher, back_publisher, "a G2 provider has a name and URI"
        )


def _parties(meta: etree._Element, article: m.Article, losses: Losses) -> None:
    """``contentMeta``: dates, place, creators, alternative ids, language."""
    if article.urgency is not None:
        _G2(meta, "urgency", str(article.urgency))
    if article.published is not None:
        _G2(meta, "contentCreated", _iso(article.published))
        _date_losses(losses, "published", article.published)
    if article.modified is not None:
        _G2(meta, "contentModified", _iso(article.modified))
        _date_losses(losses, "modified", article.modified)
    if article.dateline is not None and article.dateline.location:
        _G2(_G2(meta, "located"), "name", article.dateline.location)
    for i, byline in enumerate(article.bylines):
        organisation = byline.kind is m.BylineKind.ORGANISATION
        creator = _G2(
            meta, "creator", type="cpnat:organisation" if organisation else "cpnat:person"
        )
        if byline.role:
            creator.set("role", qcode_or_nm(byline.role))
        if byline.url:
            creator.set("uri", byline.url)
        _G2(creator, "name", byline.name)
        if byline.affiliation:
            losses.drop(f"bylines[{i}].affiliation", "a G2 creator has no affiliation")
        back = m.Byline(
            name=squash(byline.name) or "",
            kind=byline.kind,
            role=_code_back(byline.role),
            affiliation=byline.affiliation,
            url=squash(byline.url),
        )
        declare_changes(losses.at(f"bylines[{i}]"), byline, back, _CODE)
    for i, alt in enumerate(article.alt_ids):
        el = _G2(meta, "altId", alt.value)
        if alt.type:
            el.set("type", qcode_or_nm(alt.type))
        type_back = squash(qcode_or_nm(alt.type)) if alt.type else None
        if type_back and type_back.startswith(f"{NM_ALIAS}:"):
            type_back = code(type_back)
        alt_back = m.AltId(value=squash(alt.value) or "", type=type_back)
        declare_changes(losses.at(f"alt_ids[{i}]"), alt, alt_back, _CODE)
    if article.language:
        _G2(meta, "language", tag=article.language)


def _concept_ids(element: etree._Element, topic: m.Topic) -> None:
    if topic.qcode and QCODE.fullmatch(topic.qcode):
        element.set("qcode", topic.qcode)
    if topic.uri:
        element.set("uri", topic.uri)


def _concept_back(topic: m.Topic, kind: m.TopicKind, catalog: Catalog) -> m.Topic | None:
    """What a reader makes of a subject or genre written for ``topic``."""
    qcode = squash(topic.qcode) if topic.qcode and QCODE.fullmatch(topic.qcode) else None
    uri = squash(topic.uri)
    if qcode and not uri:
        uri = catalog.to_uri(qcode)
    if uri and not qcode:
        qcode = catalog.to_qcode(uri)
    name = squash(topic.name)
    if not (name or qcode or uri):
        return None
    ranked = kind is not m.TopicKind.GENRE
    return m.Topic(
        name=name,
        kind=kind,
        qcode=qcode,
        uri=uri,
        relevance=topic.relevance if ranked else None,
        confidence=topic.confidence if ranked else None,
    )


def _concepts(
    item: etree._Element, meta: etree._Element, article: m.Article, catalog: Catalog, losses: Losses
) -> None:
    """``contentMeta``: genres, subjects and keywords (read back subjects first)."""
    for i, genre in enumerate(article.genres):
        el = _G2(meta, "genre")
        _concept_ids(el, genre)
        if genre.name:
            _G2(el, "name", genre.name)
        declare_changes(
            losses.at(f"genres[{i}]"),
            genre,
            _concept_back(genre, m.TopicKind.GENRE, catalog),
            _CONCEPT,
        )
    subjects: list[tuple[int, m.Topic]] = []
    keywords: list[tuple[int, m.Topic]] = []
    for i, topic in enumerate(article.topics):
        back: m.Topic | None = None
        if topic.kind in (m.TopicKind.KEYWORD, m.TopicKind.SECTION) and topic.name:
            el = _G2(meta, "keyword", topic.name)
            if topic.kind is m.TopicKind.SECTION:
                el.set("role", f"{NM_ALIAS}:section")
            back = m.Topic(name=squash(topic.name), kind=topic.kind)
            keywords.append((i, back))
        elif topic.kind in KIND_TYPES:
            el = _G2(meta, "subject", type=KIND_TYPES[topic.kind])
            _concept_ids(el, topic)
            if topic.relevance is not None:
                el.set("relevance", str(topic.relevance))
            if topic.confidence is not None:
                el.set("confidence", str(topic.confidence))
            if topic.relevance is not None or topic.confidence is not None:
                item.set("conformance", "power")  # ranking attributes are beyond core
            if topic.name:
                _G2(el, "name", topic.name)
            back = _concept_back(topic, topic.kind, catalog)
            if back is not None:
                subjects.append((i, back))
        if back is None:
            losses.drop(f"topics[{i}]", f"NewsML-G2 keeps no {topic.kind.value} topic like it")
            continue
        declare_changes(losses.at(f"topics[{i}]"), topic, back, _CONCEPT)
    order = [i for i, _ in subjects + keywords]
    if order != sorted(order):
        losses.drop("topics: order", "NewsML-G2 readers list subjects before keywords")


def _titles(meta: etree._Element, article: m.Article, losses: Losses) -> None:
    """``contentMeta``: slugline, headlines, dateline, by-line, credit line, summary."""
    if article.slugline:
        _G2(meta, "slugline", article.slugline)
    if article.headline:
        _G2(meta, "headline", article.headline)
    if article.subheadline:
        _G2(meta, "headline", article.subheadline, role=f"{NM_ALIAS}:subheadline")
    if article.dateline is not None:
        _G2(meta, "dateline", article.dateline.text)
        location = squash(article.dateline.location)
        back = m.Dateline(text=squash(article.dateline.text) or "", location=location)
        declare_changes(losses.at("dateline"), article.dateline, back, _SPACES)
    by = ", ".join(b.name for b in article.bylines)
    if by:
        _G2(meta, "by", by)
    if article.creditline:
        _G2(meta, "creditline", article.creditline)
    if article.summary:
        _G2(meta, "description", article.summary, role="drol:summary")
    for field in ("slugline", "headline", "subheadline", "creditline", "summary"):
        value = getattr(article, field)
        losses.unless_same(field, value, squash(value), _SPACES)


def _content_set(
    item: etree._Element, article: m.Article, body: str, catalog: Catalog, losses: Losses
) -> tuple[m.Block, ...]:
    """The body, inline; return the blocks a reader gets back."""
    content_set = _G2(item, "contentSet")
    text = article.text
    inline = _G2(
        content_set, "inlineXML", wordcount=str(len(text.split())), charcount=str(len(text))
    )
    if body == "nitf":
        inline.set("contenttype", "application/nitf+xml")
        # the body alone: the item's metadata lives in contentMeta, photos in picture items
        only = m.Article(body=article.body)
        nitf, kept = nitf_body(only, namespace=NITF_NS, catalog=catalog, losses=losses)
        inline.append(nitf)
    else:
        inline.set("contenttype", "application/xhtml+xml")
        html = etree.SubElement(inline, f"{{{XHTML}}}html", nsmap=_nsmap(XHTML))
        head = etree.SubElement(html, f"{{{XHTML}}}head")
        etree.SubElement(head, f"{{{XHTML}}}title").text = article.headline or ""
        xbody = etree.SubElement(html, f"{{{XHTML}}}body")
        kept = blocks_to_elements(xbody, article.body, namespace=XHTML, losses=losses.at("body"))
    if article.url:
        _G2(content_set, "remoteContent", href=article.url, contenttype="text/html")
        losses.unless_same("url", article.url, squash(article.url), _SPACES)
    return kept


def _text_item(
    article: m.Article,
    *,
    body: str,
    catalog: Catalog,
    version_created: datetime.datetime,
    photo_guids: list[str],
    guid: str,
    losses: Losses,
) -> tuple[etree._Element, tuple[m.Block, ...]]:
    """The text item; return it and the body blocks a reader gets back."""
    item = _item(guid, article.version, article.language)
    losses.unless_same("id", article.id, _id_back(article.id), _SPACES)
    _rights(item, article.rights, losses)
    item_meta = _item_meta(item, "ninat:text", article.publisher, version_created)
    _management(item_meta, article, losses)
    for photo_guid in photo_guids:
        _G2(item_meta, "link", rel=f"{NM_ALIAS}:photo", residref=photo_guid)
    meta = _G2(item, "contentMeta")
    _parties(meta, article, losses)
    read_catalog = catalog.with_schemes({NM_ALIAS: NM_SCHEME})
    _concepts(item, meta, article, read_catalog, losses)
    _titles(meta, article, losses)
    kept = _content_set(item, article, body, catalog, losses)
    if article.publisher is not None and article.publisher.logo:
        losses.drop("publisher.logo", "a G2 provider has no logo")
    if article.quotes:
        losses.drop("quotes", NO_QUOTES)
    return item, kept


def _remotes(
    photo: m.Photo,
) -> list[tuple[str, str | None, str | None, int | None, int | None, int | None]]:
    """The photo's own file (no rendition name), then its renditions."""
    out: list[tuple[str, str | None, str | None, int | None, int | None, int | None]] = []
    if photo.url:
        out.append((photo.url, None, None, photo.width, photo.height, None))
    out.extend((r.url, r.name, r.media_type, r.width, r.height, r.size) for r in photo.renditions)
    return out


def _picture_back(photo: m.Photo, guid: str, named: list[str | None]) -> m.Photo:
    """What a reader makes of the picture item written for ``photo`` (``named``: the
    rendition attribute written on each file, ``None`` for the photo's own)."""
    url = width = height = None
    renditions = []
    for (href, _, media_type, w, h, size), rendition in zip(_remotes(photo), named, strict=True):
        href_back = squash(href)
        if href_back is None:
            continue
        if url is None and (rendition is None or rendition == f"{NM_ALIAS}:default"):
            url, width, height = href_back, w, h
            continue
        name = squash(rendition)
        renditions.append(
            m.Rendition(
                url=href_back,
                name=code(name) if name and name.startswith(f"{NM_ALIAS}:") else name,
                media_type=squash(media_type),
                width=w,
                height=h,
                size=whole_number(str(size)) if size is not None else None,
            )
        )
    if url is None and renditions:
        main = max(renditions, key=lambda r: (r.width or 0) * (r.height or 0))
        url, width, height = main.url, main.width, main.height
    return m.Photo(
        url=url,
        caption=squash(photo.caption),
        credit=squash(photo.credit),
        alt=squash(photo.alt),
        photographer=squash(photo.photographer),
        width=width,
        height=height,
        renditions=tuple(renditions),
        id=_id_back(guid),
    )


def _picture_item(
    photo: m.Photo, guid: str, version_created: datetime.datetime, losses: Losses
) -> tuple[etree._Element, m.Photo]:
    """A picture item for ``photo``; return it and the photo a reader gets back."""
    item = _item(guid, None, None)
    _item_meta(item, "ninat:picture", None, version_created)
    meta = _G2(item, "contentMeta")
    if photo.photographer:
        creator = _G2(meta, "creator", type="cpnat:person", role=f"{NM_ALIAS}:photographer")
        _G2(creator, "name", photo.photographer)
    if photo.credit:
        _G2(meta, "creditline", photo.credit)
    if photo.caption:
        _G2(meta, "description", photo.caption, role="drol:caption")
    if photo.alt:
        _G2(meta, "description", photo.alt, role=f"{NM_ALIAS}:alt")
    named: list[str | None] = []
    remotes = _remotes(photo)
    content_set = _G2(item, "contentSet") if remotes else None
    for i, (url, name, media_type, width, height, size) in enumerate(remotes):
        remote = _G2(content_set, "remoteContent", href=url)  # type: ignore[arg-type]
        rendition = qcode_or_nm(name) if name and (i > 0 or not photo.url) else None
        if rendition:
            remote.set("rendition", rendition)
        named.append(rendition)
        if media_type:
            remote.set("contenttype", media_type)
        if size is not None:
            remote.set("size", str(size))
        if width:
            remote.set("width", str(width))
        if height:
            remote.set("height", str(height))
    back = _picture_back(photo, guid, named)
    declare_changes(losses, photo, back, _PICTURE)
    return item, back


#: Why a photo comes back changed from its picture item.
_PICTURE = (
    "a G2 picture item keeps text with white space collapsed, renditions as files "
    "(the largest standing for a photo without its own URL), rendition names as codes"
)


#: What a GUID written in a message stands for: ``None`` for a text item, else the
#: photo of a picture item and the photo a reader gets back from it.
_Taken = tuple[m.Photo, m.Photo] | None


@attrs.frozen
class _Written:
    """The items written for one article: its text item, its new picture items, the
    package (on request), and the ``versionCreated`` they carry."""

    text: etree._Element
    pictures: list[etree._Element]
    package: etree._Element | None
    when: datetime.datetime


def _check(body: str, version_created: datetime.datetime | None) -> None:
    if body not in ("xhtml", "nitf"):
        raise WriteError(f"body must be 'xhtml' or 'nitf', not {body!r}")
    if version_created is not None and version_created.utcoffset() is None:
        raise WriteError("version_created needs a time zone")


def _unique(guid: str, identifier: str | None, seed: str, taken: Mapping[str, object]) -> str:
    """``guid``, or, when a GUID we made up is taken in the message, another one."""
    if identifier or guid not in taken:
        return guid
    return _guid(None, f"{seed}|{len(taken)}")


def _written(
    article: m.Article,
    *,
    body: str,
    package: bool,
    catalog: Catalog,
    version_created: datetime.datetime | None,
    losses: Losses,
    taken: dict[str, _Taken],
    index: int = 0,
) -> _Written:
    """Every item for ``article``; ``taken`` (the GUIDs in the message so far, with the
    photo of each picture item) gains this article's. A picture item already in the
    message is linked to, not written again. ``index``: the article's place in the message."""
    when = _version_created(article, version_created)
    in_body = {f.photo for f in m.figures(article.body)}
    attached = [(i, p) for i, p in enumerate(article.photos) if p not in in_body]
    text = article.text  # once: the GUID and the word count both need it
    seed = f"{article.headline}|{article.published}|{text[:200]}"
    base_guid = _unique(_guid(article.id, seed), article.id, seed, taken)
    taken[base_guid] = None
    guids, new = [], []
    for n, (i, photo) in enumerate(attached):
        photo_seed = f"{base_guid}|photo|{n}|{photo.url}|{photo.caption}"
        guid = _unique(_guid(photo.id, photo_seed), photo.id, photo_seed, taken)
        guids.append(guid)
        earlier = taken.get(guid)
        if earlier is None:  # no picture item has this GUID yet
            taken[guid] = (photo, photo)  # the photo a reader gets back is set below
            new.append((i, photo, guid))
        elif earlier[0] != photo:
            losses.drop(f"photos[{i}]", "another item with this id is in the message")
    text_item, kept = _text_item(
        article,
        body=body,
        catalog=catalog,
        version_created=when,
        photo_guids=guids,
        guid=base_guid,
        losses=losses,
    )
    pictures = []
    for i, photo, guid in new:
        item, back = _picture_item(photo, guid, when, losses.at(f"photos[{i}]"))
        taken[guid] = (photo, back)
        pictures.append(item)
    backs = [pair[1] for pair in map(taken.get, guids) if pair]
    photos = [*backs, *(f.photo for f in m.figures(kept))]
    declare_photo_list(article.photos, tuple(dict.fromkeys(photos)), losses, _PHOTO_LIST)
    return _Written(
        text=text_item,
        pictures=pictures,
        package=_package(article, base_guid, guids, when, f"G{index + 1}") if package else None,
        when=when,
    )


def _message(written: Sequence[_Written]) -> etree._Element:
    """A ``newsMessage`` of every item written, each article's package first."""
    message = etree.Element(_G2.prefix + "newsMessage", nsmap=_nsmap(NS))
    header = _G2(message, "header")
    sent = max((w.when for w in written), default=None) or _version_created(m.Article(), None)
    _G2(header, "sent", _iso(sent))
    item_set = _G2(message, "itemSet")
    for one in written:
        if one.package is not None:
            item_set.append(one.package)
        item_set.append(one.text)
        item_set.extend(one.pictures)
    return message


def to_element(
    article: m.Article,
    *,
    body: str = "xhtml",
    package: bool = False,
    catalog: Catalog | None = None,
    version_created: datetime.datetime | None = None,
    losses: Losses | None = None,
) -> etree._Element:
    """The NewsML-G2 root element for ``article``; what it drops goes to ``losses``."""
    _check(body, version_created)
    written = _written(
        article,
        body=body,
        package=package,
        catalog=catalog or Catalog(),
        version_created=version_created,
        losses=Losses() if losses is None else losses,
        taken={},
    )
    if not written.pictures and not package:
        return written.text
    return _message([written])


def message_element(
    articles: Iterable[m.Article],
    *,
    body: str = "xhtml",
    package: bool = False,
    catalog: Catalog | None = None,
    version_created: datetime.datetime | None = None,
    losses: Losses | None = None,
) -> etree._Element:
    """A ``newsMessage`` holding every article's items; what each article loses goes
    to ``losses`` under its index (``[2].photos[0].alt``)."""
    _check(body, version_created)
    losses = Losses() if losses is None else losses
    articles = list(articles)
    if not articles:
        raise WriteError("a NewsML-G2 message holds at least one item: no articles were given")
    taken: dict[str, _Taken] = {}
    written = [
        _written(
            article,
            body=body,
            package=package,
            catalog=catalog or Catalog(),
            version_created=version_created,
            losses=losses.at(f"[{n}]"),
            taken=taken,
            index=n,
        )
        for n, article in enumerate(articles)
    ]
    return _message(written)


def _package(
    article: m.Article,
    text_guid: str,
    photo_guids: Iterable[str],
    when: datetime.datetime,
    group_id: str,
) -> etree._Element:
    """A package of one group (``group_id``, unique in the message) holding the story and
    its photos."""
    package = etree.Element(
        _G2.prefix + "packageItem",
        {"guid": text_guid + ":package", "standard": "NewsML-G2", "standardversion": "2.35"},
        nsmap=_nsmap(NS),
    )
    _item_meta(package, "ninat:composite", article.publisher, when)
    group_set = _G2(package, "groupSet", root=group_id)
    group = _G2(group_set, "group", id=group_id, role="grpRole:main")
    _G2(group, "itemRef", residref=text_guid)
    for guid in photo_guids:
        _G2(group, "itemRef", residref=guid)
    return package
