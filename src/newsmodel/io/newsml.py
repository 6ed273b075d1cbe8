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
import hashlib
import re
import warnings
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote, unquote

import attrs
from lxml import etree

from newsmodel import model as m
from newsmodel._input import whole_number
from newsmodel.bylines import parse_byline
from newsmodel.catalog import Catalog
from newsmodel.catalog import schemes_in as _schemes_in
from newsmodel.dates import parse_date
from newsmodel.errors import IgnoredContentWarning, ReadError, WriteError
from newsmodel.io import NEWSML as FORMAT
from newsmodel.io._common import DEFAULT_MAX_BYTES, as_read_errors, declare_read_back_losses
from newsmodel.io.nitf import NS as NITF_NS
from newsmodel.io.nitf import article_from_nitf, nitf_element
from newsmodel.losses import Losses, report
from newsmodel.markup import blocks_from_element, blocks_to_elements
from newsmodel.xmlsafe import attribute as _attr
from newsmodel.xmlsafe import default_nsmap as _nsmap
from newsmodel.xmlsafe import element_text as _text
from newsmodel.xmlsafe import find_all as _all
from newsmodel.xmlsafe import find_first as _first
from newsmodel.xmlsafe import indent_metadata, local_name, parse_xml

__all__ = ["FORMAT", "NS", "read", "sniff", "write"]

NS = "http://iptc.org/std/nar/2006-10-01/"
XHTML = "http://www.w3.org/1999/xhtml"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: Our own scheme for codes no IPTC vocabulary has (roles, rendition names).
NM_ALIAS = "nm"
NM_SCHEME = "urn:newsmodel:codes:"
_GENERATED = "urn:newsmodel:generated:"
_SNIFF = re.compile(rb"<(?:[\w.-]+:)?(?:newsItem|newsMessage|packageItem|NewsML)[\s>]")
_SUBJECT_TYPES = {
    "cpnat:abstract": m.TopicKind.SUBJECT,
    "cpnat:person": m.TopicKind.PERSON,
    "cpnat:organisation": m.TopicKind.ORGANISATION,
    "cpnat:geoArea": m.TopicKind.PLACE,
    "cpnat:poi": m.TopicKind.PLACE,
    "cpnat:event": m.TopicKind.EVENT,
    "cpnat:object": m.TopicKind.OBJECT,
}
_KIND_TYPES = {
    m.TopicKind.SUBJECT: "cpnat:abstract",
    m.TopicKind.PERSON: "cpnat:person",
    m.TopicKind.ORGANISATION: "cpnat:organisation",
    m.TopicKind.PLACE: "cpnat:geoArea",
    m.TopicKind.EVENT: "cpnat:event",
    m.TopicKind.OBJECT: "cpnat:object",
}
_PICTURE_CLASSES = ("ninat:picture", "ninat:graphic")
_ONE_LINE = re.compile(r"[\t\n\r]")


def sniff(head: bytes) -> bool:
    """True when a NewsML-G2 item or message (or NewsML 1.x, to refuse it clearly) opens."""
    return _SNIFF.search(head[:4096]) is not None


# ---------------------------------------------------------------------------
# reading helpers (any namespace, or none)


def _code(qcode: str | None) -> str | None:
    """The code part of a QCode (``crol:photographer`` → ``photographer``)."""
    if not qcode:
        return None
    alias, _, code = qcode.partition(":")
    return unquote(code) if alias == NM_ALIAS else code or None


def _name(element: Any) -> str | None:
    names = _all(element, "name")
    return _text(names[0]) if names else None


def _date(element: Any) -> m.DateValue | None:
    text = _text(element)
    return parse_date(text) if text else None


def _catalog(item: Any, base: Catalog) -> Catalog:
    schemes = _schemes_in(item)
    return base.with_schemes(schemes) if schemes else base


def _topic_ids(element: Any, catalog: Catalog) -> tuple[str | None, str | None]:
    qcode, uri = _attr(element, "qcode"), _attr(element, "uri")
    if qcode and not uri:
        uri = catalog.to_uri(qcode)
    if uri and not qcode:
        qcode = catalog.to_qcode(uri)
    return qcode, uri


def _int100(element: Any, name: str) -> int | None:
    number = whole_number(_attr(element, name))
    return number if number is not None and number <= 100 else None


def _bylines(meta: Any) -> list[m.Byline]:
    out: list[m.Byline] = []
    for party in _all(meta, "creator") + _all(meta, "contributor"):
        name = _name(party) or _attr(party, "literal")
        if not name:
            continue
        kind = m.BylineKind.PERSON
        ptype = _attr(party, "type") or ""
        if ptype == "cpnat:organisation" or _first(party, "organisationDetails") is not None:
            kind = m.BylineKind.ORGANISATION
        role = _code(_attr(party, "role"))
        if role is None and local_name(party) == "contributor":
            role = "contributor"
        out.append(m.Byline(name=name, kind=kind, role=role, url=_attr(party, "uri")))
    if not out:
        by = _text(_first(meta, "by"))
        if by:
            out.extend(parse_byline(by))
    return out


def _body(content_set: Any, catalog: Catalog) -> tuple[tuple[m.Block, ...], m.Article | None]:
    """Blocks from the item's content, and the inline NITF article when the body is NITF."""
    if content_set is None:
        return (), None
    xhtml = nitf = plain = None
    for child in content_set:
        name = local_name(child)
        kind = (_attr(child, "contenttype") or "").lower()
        if name == "inlineXML":
            if "nitf" in kind or _first(child, "nitf") is not None:
                nitf = nitf if nitf is not None else child
            else:
                xhtml = xhtml if xhtml is not None else child
        elif name == "inlineData" and plain is None:
            plain = child
    if xhtml is not None:
        body = _first(xhtml, "html/body")
        if body is None:
            body = xhtml.find(".//{*}body")
        if body is None:
            body = xhtml
        return blocks_from_element(body), None
    if nitf is not None:
        root = nitf.find(".//{*}nitf")
        if root is None:
            return (), None
        inner = article_from_nitf(root, catalog)
        return inner.body, inner
    if plain is not None and plain.text:
        parts = re.split(r"\n\s*\n", plain.text)
        return tuple(m.Paragraph(content=(" ".join(p.split()),)) for p in parts if p.strip()), None
    return (), None


def _photo(item: Any) -> m.Photo:
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
        href = _attr(remote, "href")
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
                name=_code(rendition)
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
        id=None if guid is None or guid.startswith(_GENERATED) else guid,
    )


def _item_class(item: Any) -> str:
    return (_attr(_first(item, "itemMeta/itemClass"), "qcode") or "").strip()


def _article(item: Any, photos: list[m.Photo], base: Catalog) -> m.Article:
    catalog = _catalog(item, base)
    item_meta = _first(item, "itemMeta")
    meta = _first(item, "contentMeta")
    body, inner = _body(_first(item, "contentSet"), catalog)
    headline = subheadline = None
    for element in _all(meta, "headline"):
        text = _text(element)
        if not text:
            continue
        if _attr(element, "role") is None and headline is None:
            headline = text
        elif subheadline is None and _attr(element, "role") is not None:
            subheadline = text
    if headline is None and subheadline is not None and not _all(meta, "headline[@role]"):
        headline, subheadline = subheadline, None
    summary = None
    for description in _all(meta, "description"):
        role = _attr(description, "role")
        if role in (None, "drol:summary", "drol:abstract", "drol:teaser") and summary is None:
            summary = _text(description)
    topics: list[m.Topic] = []
    for subject in _all(meta, "subject"):
        qcode, uri = _topic_ids(subject, catalog)
        kind = _SUBJECT_TYPES.get(_attr(subject, "type") or "", m.TopicKind.SUBJECT)
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
    genres = []
    for genre in _all(meta, "genre"):
        qcode, uri = _topic_ids(genre, catalog)
        name = _name(genre)
        if name or qcode or uri:
            genres.append(m.Topic(name=name, kind=m.TopicKind.GENRE, qcode=qcode, uri=uri))
    links = []
    url = None
    for remote in _all(item, "contentSet/remoteContent"):
        if (_attr(remote, "contenttype") or "").startswith(("text/html", "application/xhtml")):
            url = url or _attr(remote, "href")
    for link in _all(item_meta, "link"):
        target = _attr(link, "href") or _attr(link, "residref")
        rel = _attr(link, "rel")
        if not target or rel == f"{NM_ALIAS}:photo":
            continue
        links.append(
            m.RelatedLink(
                url=target,
                rel=_code(rel) if rel and rel.startswith(f"{NM_ALIAS}:") else rel,
                title=_text(_first(link, "title")),
                media_type=_attr(link, "contenttype"),
            )
        )
    holder = _name(_first(item, "rightsInfo/copyrightHolder"))
    notice = _text(_first(item, "rightsInfo/copyrightNotice"))
    terms = _text(_first(item, "rightsInfo/usageTerms"))
    provider = _first(item_meta, "provider")
    provider_name = _name(provider)
    status_code = _code(_attr(_first(item_meta, "pubStatus"), "qcode"))
    status = {s.value: s for s in m.PubStatus}.get((status_code or "").lower())
    urgency_text = _text(_first(meta, "urgency"))
    urgency = whole_number(urgency_text)
    located = _name(_first(meta, "located"))
    dateline_text = _text(_first(meta, "dateline"))
    dateline = None
    if dateline_text or located:
        dateline = m.Dateline(text=dateline_text or located or "", location=located)
    language = _attr(item, XML_LANG) or _attr(_first(meta, "language"), "tag")
    if language:
        language = language.replace("_", "-")
    version_text = _attr(item, "version")
    guid = _attr(item, "guid")
    created = _date(_first(meta, "contentCreated")) or _date(_first(item_meta, "firstCreated"))
    # versionCreated dates the item version; it stands for the article's modification
    # only beside firstCreated, when the item gives no content dates of its own
    modified = _date(_first(meta, "contentModified"))
    if (
        modified is None
        and _first(meta, "contentCreated") is None
        and _first(item_meta, "firstCreated") is not None
    ):
        modified = _date(_first(item_meta, "versionCreated"))
    bylines = _bylines(meta)
    if not bylines and inner is not None:
        bylines = list(inner.bylines)
    alt_ids = []
    for alt in _all(meta, "altId"):
        value = _text(alt)
        if value:
            alt_type = _attr(alt, "type")
            if alt_type and alt_type.startswith(f"{NM_ALIAS}:"):
                alt_type = _code(alt_type)
            alt_ids.append(m.AltId(value=value, type=alt_type))
    return m.Article(
        id=None if guid is None or guid.startswith(_GENERATED) else guid,
        url=url,
        headline=headline or (inner.headline if inner else None),
        subheadline=subheadline or (inner.subheadline if inner else None),
        summary=summary or (inner.summary if inner else None),
        body=body,
        bylines=tuple(bylines),
        photos=_with_figures(photos, inner.photos if inner else (), body),
        topics=tuple(topics),
        published=created,
        modified=modified,
        language=language,
        publisher=m.Publisher(name=provider_name, url=_attr(provider, "uri"))
        if provider_name
        else None,
        dateline=dateline,
        rights=m.Rights(notice=notice, holder=holder, usage_terms=terms)
        if (notice or holder or terms)
        else None,
        creditline=_text(_first(meta, "creditline")),
        version=whole_number(version_text) or None,
        status=status,
        urgency=urgency if urgency and 1 <= urgency <= 9 else None,
        embargo=_date(_first(item_meta, "embargoed")),
        slugline=_text(_first(meta, "slugline")),
        ed_note=_text(_first(item_meta, "edNote")),
        genres=tuple(genres),
        alt_ids=tuple(alt_ids),
        links=tuple(links),
    )


def _with_figures(
    attached: Iterable[m.Photo], inner: Iterable[m.Photo], body: tuple[m.Block, ...]
) -> tuple[m.Photo, ...]:
    """Attached photos, then the body's figures, each photo once."""
    found = [*attached, *inner, *(f.photo for f in m.figures(body))]
    return tuple(dict.fromkeys(found))


def _sparse(item: Any) -> m.Article:
    """Something article-shaped for items that carry no story (concepts, catalogs, packages)."""
    meta = _first(item, "contentMeta")
    concept = _first(item, "concept")
    headline = _text(_first(meta, "headline")) or _name(concept) or _text(_first(item, "title"))
    summary = _text(_first(concept, "definition")) if concept is not None else None
    guid = _attr(item, "guid")
    links = []
    for ref in item.iter("{*}itemRef"):
        target = _attr(ref, "residref") or _attr(ref, "href")
        if target:
            links.append(
                m.RelatedLink(url=target, rel="itemRef", title=_text(_first(ref, "title")))
            )
    return m.Article(
        id=None if guid is None or guid.startswith(_GENERATED) else guid,
        headline=headline,
        summary=summary,
        links=tuple(links),
    )


def _items(root: Any) -> list[Any]:
    name = local_name(root)
    if name == "newsMessage":
        item_set = _first(root, "itemSet")
        return [c for c in item_set if local_name(c)] if item_set is not None else []
    return [root]


def read(
    data: bytes | str,
    *,
    catalog: Catalog | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> m.Article:
    """Read a NewsML-G2 ``newsItem``, ``newsMessage`` or ``packageItem``.

    ``catalog`` adds provider schemes (see :meth:`Catalog.from_file`) to the
    built-in table and the document's own ``catalog`` elements.
    Quotes are not extracted here; :func:`newsmodel.read` does that.
    """
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
    known = (
        "newsMessage",
        "newsItem",
        "packageItem",
        "conceptItem",
        "knowledgeItem",
        "catalogItem",
        "planningItem",
    )
    if name not in known:
        raise ReadError(f"expected a NewsML-G2 item or message, found {name!r}", format=FORMAT.name)
    base = _catalog(root, catalog or Catalog())
    with as_read_errors(FORMAT.name):
        return _read_items(_items(root), base)


def _read_items(items: list[Any], base: Catalog) -> m.Article:
    news = [i for i in items if local_name(i) == "newsItem"]
    texts = [i for i in news if _item_class(i) in ("ninat:text", "ninat:composite", "")]
    pictures = [i for i in news if _item_class(i) in _PICTURE_CLASSES]
    others = [i for i in items if i not in texts and i not in pictures]
    if not texts and len(pictures) == 1 and not others:
        photo = _photo(pictures[0])
        article = _article(pictures[0], [], base)
        return attrs.evolve(article, photos=(photo,), summary=None)
    photos = [_photo(p) for p in pictures]
    if texts:
        ignored = [
            i for i in items if i not in (texts[0], *pictures) and local_name(i) != "packageItem"
        ]
        if ignored:
            kinds = ", ".join(
                f"{local_name(i)} {_attr(i, 'guid') or ''} ({_item_class(i) or 'no class'})"
                for i in ignored
            )
            warnings.warn(
                IgnoredContentWarning(f"newsml: not read into the article: {kinds}"), stacklevel=3
            )
        return _article(texts[0], photos, base)
    first = items[0] if items else None
    if first is None:
        raise ReadError("the message holds no items", format=FORMAT.name)
    if local_name(first) != "packageItem":
        warnings.warn(
            IgnoredContentWarning(
                f"newsml: a {local_name(first)} ({_item_class(first) or 'no class'}) "
                "is not a story; only its identity and title are read"
            ),
            stacklevel=3,
        )
    article = _sparse(first)
    return attrs.evolve(article, photos=tuple(photos)) if photos else article


# ---------------------------------------------------------------------------
# writing


class _Maker:
    def __init__(self, namespace: str):
        self.prefix = f"{{{namespace}}}"

    def __call__(
        self, parent: Any, name: str, text: str | None = None, /, **attributes: str
    ) -> Any:
        element = etree.SubElement(parent, self.prefix + name, attributes)
        if text is not None:
            # most G2 strings may not hold tabs or line breaks (pattern [\S ]*)
            element.text = text if name == "description" else _ONE_LINE.sub(" ", text)
        return element


_G2 = _Maker(NS)


def _iso(value: m.DateValue) -> str:
    """ISO 8601 as G2 wants it: a day for a day (truncated types), offsets as given."""
    return value.isoformat()


def _nm(code: str) -> str:
    return f"{NM_ALIAS}:{quote(code, safe='')}"


def _qcode_or_nm(value: str) -> str:
    return value if re.fullmatch(r"[^\s:]+:[^\s]+", value) and "://" not in value else _nm(value)


def _guid(identifier: str | None, seed: str) -> str:
    if identifier:
        return identifier
    return _GENERATED + hashlib.sha1(seed.encode("utf-8")).hexdigest()[:20]


def _item(guid: str, article_version: int | None, language: str | None) -> Any:
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


def _rights(item: Any, rights: m.Rights | None) -> None:
    if rights is None:
        return
    info = _G2(item, "rightsInfo")
    if rights.holder:
        _G2(_G2(info, "copyrightHolder"), "name", rights.holder)
    if rights.notice:
        _G2(info, "copyrightNotice", rights.notice)
    if rights.usage_terms:
        _G2(info, "usageTerms", rights.usage_terms)


def _item_meta(
    item: Any,
    item_class: str,
    publisher: m.Publisher | None,
    version_created: datetime.datetime,
) -> Any:
    meta = _G2(item, "itemMeta")
    _G2(meta, "itemClass", qcode=item_class)
    provider = _G2(meta, "provider")
    if publisher is not None:
        if publisher.url:
            provider.set("uri", publisher.url)
        _G2(provider, "name", publisher.name)
    else:
        provider.set("literal", "unknown")
    _G2(meta, "versionCreated", _iso(version_created))
    return meta


def _version_created(article: m.Article, given: datetime.datetime | None) -> datetime.datetime:
    if given is not None:
        return given
    for value in (article.modified, article.published):
        if isinstance(value, datetime.datetime):
            return value
    return datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)


def _by(bylines: Iterable[m.Byline]) -> str | None:
    names = [b.name for b in bylines]
    return ", ".join(names) or None


def _text_item(
    article: m.Article,
    *,
    body: str,
    catalog: Catalog,
    version_created: datetime.datetime,
    photo_guids: list[str],
    guid: str,
    text: str,
) -> Any:
    item = _item(guid, article.version, article.language)
    _rights(item, article.rights)
    item_meta = _item_meta(item, "ninat:text", article.publisher, version_created)
    if article.embargo is not None and isinstance(article.embargo, datetime.datetime):
        _G2(item_meta, "embargoed", _iso(article.embargo))
    if article.status is not None:
        _G2(item_meta, "pubStatus", qcode=f"stat:{article.status.value}")
    if article.ed_note:
        _G2(item_meta, "edNote", article.ed_note)
    for link in article.links:
        el = _G2(item_meta, "link", href=link.url)
        if link.rel:
            el.set("rel", _qcode_or_nm(link.rel))
        if link.media_type:
            el.set("contenttype", link.media_type)
        if link.title:
            _G2(el, "title", link.title)
    for guid in photo_guids:
        _G2(item_meta, "link", rel=f"{NM_ALIAS}:photo", residref=guid)

    meta = _G2(item, "contentMeta")
    if article.urgency is not None:
        _G2(meta, "urgency", str(article.urgency))
    if article.published is not None:
        _G2(meta, "contentCreated", _iso(article.published))
    if article.modified is not None:
        _G2(meta, "contentModified", _iso(article.modified))
    if article.dateline is not None and article.dateline.location:
        _G2(_G2(meta, "located"), "name", article.dateline.location)
    for byline in article.bylines:
        creator = _G2(meta, "creator")
        creator.set(
            "type",
            "cpnat:organisation" if byline.kind is m.BylineKind.ORGANISATION else "cpnat:person",
        )
        if byline.role:
            creator.set("role", _qcode_or_nm(byline.role))
        if byline.url:
            creator.set("uri", byline.url)
        _G2(creator, "name", byline.name)
    for alt in article.alt_ids:
        el = _G2(meta, "altId", alt.value)
        if alt.type:
            el.set("type", _qcode_or_nm(alt.type))
    if article.language:
        _G2(meta, "language", tag=article.language)
    for genre in article.genres:
        el = _G2(meta, "genre")
        _concept_ids(el, genre)
        if genre.name:
            _G2(el, "name", genre.name)
    for topic in article.topics:
        if topic.kind in (m.TopicKind.KEYWORD, m.TopicKind.SECTION) and topic.name:
            el = _G2(meta, "keyword", topic.name)
            if topic.kind is m.TopicKind.SECTION:
                el.set("role", f"{NM_ALIAS}:section")
        elif topic.kind in _KIND_TYPES:
            el = _G2(meta, "subject", type=_KIND_TYPES[topic.kind])
            _concept_ids(el, topic)
            if topic.relevance is not None:
                el.set("relevance", str(topic.relevance))
            if topic.confidence is not None:
                el.set("confidence", str(topic.confidence))
            if topic.relevance is not None or topic.confidence is not None:
                item.set("conformance", "power")  # ranking attributes are beyond core
            if topic.name:
                _G2(el, "name", topic.name)
    if article.slugline:
        _G2(meta, "slugline", article.slugline)
    if article.headline:
        _G2(meta, "headline", article.headline)
    if article.subheadline:
        _G2(meta, "headline", article.subheadline, role=f"{NM_ALIAS}:subheadline")
    if article.dateline is not None:
        _G2(meta, "dateline", article.dateline.text)
    by = _by(article.bylines)
    if by:
        _G2(meta, "by", by)
    if article.creditline:
        _G2(meta, "creditline", article.creditline)
    if article.summary:
        _G2(meta, "description", article.summary, role="drol:summary")

    content_set = _G2(item, "contentSet")
    inline = _G2(
        content_set,
        "inlineXML",
        wordcount=str(len(text.split())),
        charcount=str(len(text)),
    )
    if body == "nitf":
        inline.set("contenttype", "application/nitf+xml")
        # the body alone: the item's metadata lives in contentMeta, photos in picture items
        body_only = m.Article(body=article.body)
        inline.append(nitf_element(body_only, namespace=NITF_NS, catalog=catalog))
    else:
        inline.set("contenttype", "application/xhtml+xml")
        html = etree.SubElement(inline, f"{{{XHTML}}}html", nsmap=_nsmap(XHTML))
        head = etree.SubElement(html, f"{{{XHTML}}}head")
        etree.SubElement(head, f"{{{XHTML}}}title").text = article.headline or ""
        xbody = etree.SubElement(html, f"{{{XHTML}}}body")
        blocks_to_elements(xbody, article.body, namespace=XHTML)
    if article.url:
        _G2(content_set, "remoteContent", href=article.url, contenttype="text/html")
    return item


def _concept_ids(element: Any, topic: m.Topic) -> None:
    if topic.qcode and re.fullmatch(r"[^\s:]+:[^\s]+", topic.qcode):
        element.set("qcode", topic.qcode)
    if topic.uri:
        element.set("uri", topic.uri)


def _picture_item(photo: m.Photo, guid: str, version_created: datetime.datetime) -> Any:
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
    remotes: list[tuple[str, str | None, str | None, int | None, int | None, int | None]] = []
    if photo.url:
        remotes.append((photo.url, None, None, photo.width, photo.height, None))
    remotes.extend(
        (r.url, r.name, r.media_type, r.width, r.height, r.size) for r in photo.renditions
    )
    if remotes:
        content_set = _G2(item, "contentSet")
        for i, (url, name, media_type, width, height, size) in enumerate(remotes):
            remote = _G2(content_set, "remoteContent", href=url)
            if name and (i > 0 or not photo.url):
                remote.set("rendition", _qcode_or_nm(name))
            if media_type:
                remote.set("contenttype", media_type)
            if size is not None:
                remote.set("size", str(size))
            if width:
                remote.set("width", str(width))
            if height:
                remote.set("height", str(height))
    return item


def to_element(
    article: m.Article,
    *,
    body: str = "xhtml",
    package: bool = False,
    catalog: Catalog | None = None,
    version_created: datetime.datetime | None = None,
) -> Any:
    """The NewsML-G2 root element for ``article`` (no loss report)."""
    if body not in ("xhtml", "nitf"):
        raise WriteError(f"body must be 'xhtml' or 'nitf', not {body!r}")
    if version_created is not None and version_created.utcoffset() is None:
        raise WriteError("version_created needs a time zone")
    catalog = catalog or Catalog()
    when = _version_created(article, version_created)
    in_body = {f.photo for f in m.figures(article.body)}
    attached = [p for p in article.photos if p not in in_body]
    text = article.text  # once: the GUID and the word count both need it
    base_guid = _guid(article.id, f"{article.headline}|{article.published}|{text[:200]}")
    guids = [
        _guid(p.id, f"{base_guid}|photo|{i}|{p.url}|{p.caption}") for i, p in enumerate(attached)
    ]
    text_item = _text_item(
        article,
        body=body,
        catalog=catalog,
        version_created=when,
        photo_guids=guids,
        guid=base_guid,
        text=text,
    )
    if not attached and not package:
        return text_item
    message = etree.Element(_G2.prefix + "newsMessage", nsmap=_nsmap(NS))
    header = _G2(message, "header")
    _G2(header, "sent", _iso(when))
    item_set = _G2(message, "itemSet")
    if package:
        item_set.append(_package(article, base_guid, guids, when))
    item_set.append(text_item)
    for photo, guid in zip(attached, guids):
        item_set.append(_picture_item(photo, guid, when))
    return message


def _package(
    article: m.Article, text_guid: str, photo_guids: list[str], when: datetime.datetime
) -> Any:
    package = etree.Element(
        _G2.prefix + "packageItem",
        {"guid": text_guid + ":package", "standard": "NewsML-G2", "standardversion": "2.35"},
        nsmap=_nsmap(NS),
    )
    _item_meta(package, "ninat:composite", article.publisher, when)
    group_set = _G2(package, "groupSet", root="G1")
    group = _G2(group_set, "group", id="G1", role="grpRole:main")
    _G2(group, "itemRef", residref=text_guid)
    for guid in photo_guids:
        _G2(group, "itemRef", residref=guid)
    return package


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
    modified or published time, else the time of writing.
    """
    root = to_element(
        article, body=body, package=package, catalog=catalog, version_created=version_created
    )
    indent_metadata(root, frozenset(["inlineXML"]))
    text = etree.tostring(root, encoding="unicode") + "\n"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", IgnoredContentWarning)
        back = _read_items(_items(root), catalog or Catalog())
    losses = Losses()
    declare_read_back_losses(article, back, losses)
    report(FORMAT.name, losses, strict=strict)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text
