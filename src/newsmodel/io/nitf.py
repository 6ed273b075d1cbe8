"""``nitf``: the News Industry Text Format, read 3.x, write 3.6.

The reader takes NITF with or without the 2006-10-18 namespace, DTD-based
files included (the DTD is never loaded), and NITF embedded in other XML
(:func:`article_from_nitf`, used by the NewsML-G2 reader). The writer emits
NITF 3.6 that validates against the official XSD; :func:`nitf_element`
builds the same tree for embedding in NewsML-G2.

Mapping and losses: ``docs/formats/nitf.md``.
"""

from __future__ import annotations

import datetime
import re

from lxml import etree

from newsmodel import model as m
from newsmodel._input import whole_number
from newsmodel.bylines import parse_byline
from newsmodel.catalog import Catalog
from newsmodel.dates import parse_date
from newsmodel.errors import ReadError
from newsmodel.io import NITF as FORMAT
from newsmodel.io._common import DEFAULT_MAX_BYTES, as_read_errors, squash
from newsmodel.losses import NO_QUOTES, Losses, declare_changes, declare_photo_list, report
from newsmodel.markup import add_text, blocks_from_element, element_maker, local_name, safe_url
from newsmodel.markup.dialects import NITF as NITF_DIALECT
from newsmodel.markup.inline import Maker
from newsmodel.markup.parse import attributes
from newsmodel.markup.write import Writer, write_blocks
from newsmodel.markup.write_figures import write_media
from newsmodel.xmlsafe import attribute as _attr
from newsmodel.xmlsafe import default_nsmap as _nsmap
from newsmodel.xmlsafe import element_text as _text
from newsmodel.xmlsafe import find_all as _all
from newsmodel.xmlsafe import find_first as _first
from newsmodel.xmlsafe import indent_metadata, parse_xml

__all__ = [
    "FORMAT",
    "NS",
    "article_from_nitf",
    "nitf_body",
    "nitf_element",
    "read",
    "sniff",
    "write",
]

NS = "http://iptc.org/std/NITF/2006-10-18/"
_SNIFF = re.compile(rb"<(?:[\w.-]+:)?nitf[\s/>]")
_NMTOKEN = re.compile(r"[\w.:\-]+")
#: A ``tobject.subject``'s names, most specific first: a detail's code names the detail.
_SUBJECT_PARTS = ("detail", "matter", "type")
#: A date as a machine writes it, not as a dateline prints it: ``20160116T125900+0000``.
_STAMP = re.compile(r"\d{8}(?:T\d{4,6}(?:Z|[+-]\d{2}:?\d{2})?)?")
_TOPIC_ELEMENTS = {
    "person": m.TopicKind.PERSON,
    "org": m.TopicKind.ORGANISATION,
    "location": m.TopicKind.PLACE,
    "event": m.TopicKind.EVENT,
    "object.title": m.TopicKind.OBJECT,
}
_KIND_ELEMENT = {kind: name for name, kind in _TOPIC_ELEMENTS.items()}
#: Elements whose content is text (never indented when writing).
_MIXED = frozenset(
    [
        "p",
        "hl1",
        "hl2",
        "byline",
        "dateline",
        "rights",
        "distributor",
        "li",
        "td",
        "th",
        "caption",
        "credit",
        "media-caption",
        "media-producer",
        "block",
        "bq",
        "abstract",
    ]
)


def sniff(head: bytes) -> bool:
    """True when an ``nitf`` element opens the document."""
    return _SNIFF.search(head[:4096]) is not None and b"NewsML" not in head[:4096]


# ---------------------------------------------------------------------------
# reading


def _date(value: str | None) -> m.DateValue | None:
    if not value:
        return None
    return parse_date(value)


def _topic_code(value: str | None, catalog: Catalog) -> tuple[str | None, str | None]:
    """``(qcode, uri)`` from a NITF code value: a QCode, a URI, or an 8-digit subject code."""
    if not value:
        return None, None
    if re.fullmatch(r"[0-9]{8}", value):
        qcode = f"subj:{value}"
        return qcode, catalog.to_uri(qcode)
    if re.match(r"[a-z][a-z0-9+.\-]*://", value, re.I):
        return catalog.to_qcode(value), value
    if ":" in value:
        return value, catalog.to_uri(value)
    return None, None


def _bylines(body_head: etree._Element | None) -> list[m.Byline]:
    out: list[m.Byline] = []
    if body_head is None:
        return out
    for byline in _all(body_head, "byline"):
        people = _all(byline, "person")
        if not people:
            out.extend(parse_byline(_text(byline) or ""))
            continue
        titles = [_text(t) for t in _all(byline, "byttl")]
        for i, person in enumerate(people):
            name = _text(person)
            if not name:
                continue
            role = titles[i] if i < len(titles) else (titles[-1] if titles else None)
            out.append(m.Byline(name=name, role=role.lower() if role else None))
    return out


def _photos_outside_flow(content: etree._Element | None) -> list[m.Photo]:
    from newsmodel.markup import photo_from_figure

    photos = []
    for media in _all(content, "media") if content is not None else []:
        if "nm-photo" in (media.get("class") or "").split():
            photo = photo_from_figure(media)
            if photo is not None:
                photos.append(photo)
    return photos


def _flow_blocks(content: etree._Element | None) -> tuple[m.Block, ...]:
    """The body blocks in ``body.content`` (photos outside the flow left out)."""
    if content is None:
        return ()
    flow = [c for c in content if "nm-photo" not in (c.get("class") or "").split()]
    shell = etree.Element("div")
    for child in flow:
        shell.append(_clone(child))
    return blocks_from_element(shell, own_body=True)


def _photos(content: etree._Element | None, body: tuple[m.Block, ...]) -> tuple[m.Photo, ...]:
    """The photos outside the flow, then those of the body's figures, each once."""
    photos = _photos_outside_flow(content)
    photos.extend(b.photo for b in m.figures(body))
    return tuple(dict.fromkeys(photos))


def _titles(
    head: etree._Element | None, body_head: etree._Element | None
) -> tuple[str | None, str | None, str | None]:
    """The headline (``hl1``, else the ``title``), the subheadline and the abstract."""
    headline = _text(_first(body_head, "hedline/hl1")) or _text(_first(head, "title"))
    subheadline = _text(_first(body_head, "hedline/hl2"))
    return headline, subheadline, _text(_first(body_head, "abstract"))


def _tobject_topics(
    head: etree._Element | None, catalog: Catalog
) -> tuple[list[m.Topic], list[m.Topic]]:
    """The ``tobject``'s subjects, and its properties as genres."""
    topics: list[m.Topic] = []
    for subject in _all(head, "tobject/tobject.subject"):
        qcode, uri = _topic_code(_attr(subject, "tobject.subject.refnum"), catalog)
        names = (_attr(subject, f"tobject.subject.{part}") for part in _SUBJECT_PARTS)
        name = next((n for n in names if n), None)
        if name or qcode or uri:
            topics.append(m.Topic(name=name, qcode=qcode, uri=uri))
    genres = [
        m.Topic(name=name, kind=m.TopicKind.GENRE)
        for prop in _all(head, "tobject/tobject.property")
        if (name := _attr(prop, "tobject.property.type"))
    ]
    return topics, genres


def _docdata_topics(docdata: etree._Element | None, catalog: Catalog) -> list[m.Topic]:
    """The people, organisations, places, events and objects ``identified-content``
    names, then the keywords of the ``key-list``."""
    topics: list[m.Topic] = []
    for ident in _all(docdata, "identified-content"):
        for child in ident:
            kind = _TOPIC_ELEMENTS.get(local_name(child))
            if kind is None:
                continue
            qcode, uri = _topic_code(
                _attr(child, "value") or _attr(child, "location-code"), catalog
            )
            name = _text(child)
            if name or qcode or uri:
                topics.append(m.Topic(name=name, kind=kind, qcode=qcode, uri=uri))
    for keyword in _all(docdata, "key-list/keyword"):
        key = _attr(keyword, "key")
        if key:
            topics.append(m.Topic(name=key, kind=m.TopicKind.KEYWORD))
    return topics


def _pubdata(
    head: etree._Element | None,
) -> tuple[list[m.Topic], m.Publisher | None, str | None]:
    """From the ``pubdata`` elements: the sections, the first publisher, the first URL."""
    sections: list[m.Topic] = []
    publisher = url = None
    for pubdata in _all(head, "pubdata"):
        section = _attr(pubdata, "position.section")
        if section:
            sections.append(m.Topic(name=section, kind=m.TopicKind.SECTION))
        name = _attr(pubdata, "name")
        if name and publisher is None:
            publisher = m.Publisher(name=name)
        url = url or safe_url(_attr(pubdata, "ex-ref"))
    return sections, publisher, url


def _rights(body_head: etree._Element | None, docdata: etree._Element | None) -> m.Rights | None:
    """The notice (``body.head/rights``), holder (``doc.copyright``) and usage terms."""
    notice = _text(_first(body_head, "rights"))
    holder = _attr(_first(docdata, "doc.copyright"), "holder")
    terms = _attr(_first(docdata, "doc.rights"), "limitations")
    if notice or holder or terms:
        return m.Rights(notice=notice, holder=holder, usage_terms=terms)
    return None


def _read_dateline(body_head: etree._Element | None) -> m.Dateline | None:
    """The dateline as printed (no ``story.date`` timestamp), its ``location`` when marked."""
    element = _first(body_head, "dateline")
    stamps = {d for d in _all(element, "story.date") if _STAMP.fullmatch((d.text or "").strip())}
    pieces = element.xpath(".//text()") if element is not None else []
    text = " ".join("".join(t for t in pieces if t.getparent() not in stamps or t.is_tail).split())
    return m.Dateline(text=text, location=_text(_first(element, "location"))) if text else None


def _modified(head: etree._Element | None) -> m.DateValue | None:
    """The date of the last ``revision-history`` entry whose comment is "modified"."""
    modified = None
    for revision in _all(head, "revision-history"):
        if (_attr(revision, "comment") or "").lower() == "modified":
            modified = _date(_attr(revision, "norm"))
    return modified


def _urgency(docdata: etree._Element | None) -> int | None:
    """``urgency/@ed-urg``, when it is 1 to 9."""
    urgency = whole_number(_attr(_first(docdata, "urgency"), "ed-urg"))
    return urgency if urgency and 1 <= urgency <= 9 else None


def article_from_nitf(root: etree._Element, catalog: Catalog | None = None) -> m.Article:
    """The article in an ``nitf`` element (any namespace, or none)."""
    catalog = catalog or Catalog()
    head = _first(root, "head")
    body = _first(root, "body")
    body_head = _first(body, "body.head")
    content = _first(body, "body.content")
    docdata = _first(head, "docdata")
    headline, subheadline, summary = _titles(head, body_head)
    body_blocks = _flow_blocks(content)
    topics, genres = _tobject_topics(head, catalog)
    topics += _docdata_topics(docdata, catalog)
    sections, publisher, url = _pubdata(head)
    du_key = _first(docdata, "du-key")
    status_text = (_attr(docdata, "management-status") or "").lower()
    language = _attr(root, "baselang")
    return m.Article(
        id=_attr(_first(docdata, "doc-id"), "id-string"),
        url=url,
        headline=headline,
        subheadline=subheadline,
        summary=summary,
        body=body_blocks,
        bylines=tuple(_bylines(body_head)),
        photos=_photos(content, body_blocks),
        topics=tuple(topics + sections),
        published=_date(_attr(_first(docdata, "date.issue"), "norm")),
        modified=_modified(head),
        language=language.replace("_", "-") if language else None,
        publisher=publisher,
        dateline=_read_dateline(body_head),
        rights=_rights(body_head, docdata),
        creditline=_text(_first(body_head, "distributor")),
        version=whole_number(_attr(du_key, "version")) or None,
        status={s.value: s for s in m.PubStatus}.get(status_text),
        urgency=_urgency(docdata),
        embargo=_date(_attr(_first(docdata, "date.release"), "norm")),
        slugline=_attr(du_key, "key"),
        ed_note=_attr(_first(docdata, "ed-msg"), "info"),
        genres=tuple(genres),
    )


def _clone(element: etree._Element) -> etree._Element:
    copy = etree.Element(element.tag, attributes(element))
    copy.text = element.text
    for child in element:
        if isinstance(child.tag, str):
            copy.append(_clone(child))
    copy.tail = element.tail
    return copy


def read(
    data: bytes | str,
    *,
    catalog: Catalog | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> m.Article:
    """Read an NITF 3.x document (namespaced or not; a DOCTYPE is never loaded).

    Quotes are not extracted here; :func:`newsmodel.read` does that.
    """
    root = parse_xml(data, format=FORMAT.name, max_bytes=max_bytes)
    if local_name(root) != "nitf":
        found = root.find(".//{*}nitf")
        if found is None:
            raise ReadError(
                f"expected an nitf element, found {local_name(root)!r}", format=FORMAT.name
            )
        root = found
    with as_read_errors(FORMAT.name):
        return article_from_nitf(root, catalog)


# ---------------------------------------------------------------------------
# writing


def _norm(value: m.DateValue, losses: Losses, path: str) -> str:
    """NITF's ISO 8601 basic form: ``20240405`` or ``20240405T103000+1030``."""
    text = _basic(value)
    losses.unless_same(
        path, value, _date(text), "NITF dates keep whole seconds and minutes of offset"
    )
    return text


def _basic(value: m.DateValue) -> str:
    if not isinstance(value, datetime.datetime):
        return f"{value.year:04d}{value.month:02d}{value.day:02d}"
    text = f"{value.year:04d}{value.month:02d}{value.day:02d}T{value:%H%M%S}"
    offset = value.utcoffset()
    if offset is not None:
        total = int(offset.total_seconds())
        sign = "-" if total < 0 else "+"
        hours, minutes = divmod(abs(total) // 60, 60)
        text += f"{sign}{hours:02d}{minutes:02d}"
    return text


def _topic_value(topic: m.Topic, catalog: Catalog) -> str | None:
    if topic.qcode:
        return topic.qcode
    return topic.uri


def nitf_element(
    article: m.Article,
    *,
    namespace: str | None = NS,
    catalog: Catalog | None = None,
    losses: Losses | None = None,
) -> etree._Element:
    """The ``nitf`` element for ``article`` (NITF 3.6); what it drops goes to ``losses``."""
    losses = Losses() if losses is None else losses
    root, body, photos = _nitf(article, namespace, catalog or Catalog(), losses)
    photos.extend(f.photo for f in m.figures(body))
    declare_photo_list(article.photos, tuple(dict.fromkeys(photos)), losses, _PHOTO_LIST)
    return root


def nitf_body(
    article: m.Article, *, namespace: str | None, catalog: Catalog, losses: Losses
) -> tuple[etree._Element, tuple[m.Block, ...]]:
    """:func:`nitf_element` for a format that lists the photos itself (NewsML-G2): the
    element and the body blocks a reader gets back; the photo list is not checked."""
    root, body, _ = _nitf(article, namespace, catalog, losses)
    return root, body


def _nitf(
    article: m.Article, namespace: str | None, catalog: Catalog, losses: Losses
) -> tuple[etree._Element, tuple[m.Block, ...], list[m.Photo]]:
    """The ``nitf`` element, the body a reader gets back and the photos outside it."""
    make = element_maker(namespace)
    root = etree.Element(
        f"{{{namespace}}}nitf" if namespace else "nitf",
        {"version": "-//IPTC//DTD NITF 3.6//EN"},
        nsmap=_nsmap(namespace) if namespace else None,
    )
    if article.language:
        root.set("baselang", article.language)
    head = make(root, "head")
    if article.headline:
        make(head, "title").text = article.headline
    _tobject(head, article, catalog, make, losses)
    _docdata(head, article, catalog, make, losses)
    sections = [t for t in article.topics if t.kind is m.TopicKind.SECTION and t.name]
    if article.publisher or article.url or sections:
        pubdata = make(head, "pubdata", type="web")
        if article.publisher:
            pubdata.set("name", article.publisher.name)
            _publisher_losses(article.publisher, losses.at("publisher"))
        if article.url:
            pubdata.set("ex-ref", article.url)
            losses.unless_same("url", article.url, safe_url(squash(article.url)), _UNSAFE)
        if sections:
            pubdata.set("position.section", sections[0].name or "")
    if article.modified is not None:
        norm = _norm(article.modified, losses, "modified")
        make(head, "revision-history", norm=norm, comment="modified")
    _topic_losses(article.topics, catalog, losses)
    _body_head(root, article, make, losses)
    body, photos = _body_content(root, article, make, losses)
    for field, reason in _UNWRITTEN.items():
        if getattr(article, field):
            losses.drop(field, reason)
    return root, body, photos


#: Article fields NITF has no place for here, each with why.
_UNWRITTEN = {
    "quotes": NO_QUOTES,
    "alt_ids": "NITF has one document id",
    "links": "no NITF element for related links here",
}
#: Why a text comes back changed: NITF readers collapse white space.
_SPACES = "NITF text is read with its white space collapsed"
#: Why a URL does not come back: readers refuse script and data URLs.
_UNSAFE = "not a URL an NITF reader accepts"


def _tobject(
    head: etree._Element, article: m.Article, catalog: Catalog, make: Maker, losses: Losses
) -> None:
    subjects = [t for t in article.topics if t.kind is m.TopicKind.SUBJECT]
    if not (subjects or article.genres):
        return
    tobject = make(head, "tobject", **{"tobject.type": "news"})
    for genre in article.genres:
        if genre.name:
            make(tobject, "tobject.property", **{"tobject.property.type": genre.name})
    for topic in subjects:
        value = _topic_value(topic, catalog)
        if value is None or not _NMTOKEN.fullmatch(value):
            continue
        el = make(tobject, "tobject.subject", **{"tobject.subject.refnum": value})
        if topic.name:
            el.set("tobject.subject.matter", topic.name)
    for i, genre in enumerate(article.genres):
        name = squash(genre.name)
        back = m.Topic(name=name, kind=m.TopicKind.GENRE) if name else None
        declare_changes(losses.at(f"genres[{i}]"), genre, back, _GENRE)


def _docdata(
    head: etree._Element, article: m.Article, catalog: Catalog, make: Maker, losses: Losses
) -> None:
    docdata = make(head, "docdata")
    if article.status is not None:
        docdata.set("management-status", article.status.value)
    if article.id:
        make(docdata, "doc-id", **{"id-string": article.id})
        losses.unless_same("id", article.id, squash(article.id), _SPACES)
    if article.urgency is not None:
        make(docdata, "urgency", **{"ed-urg": str(article.urgency)})
    if article.published is not None:
        make(docdata, "date.issue", norm=_norm(article.published, losses, "published"))
    if article.embargo is not None:
        make(docdata, "date.release", norm=_norm(article.embargo, losses, "embargo"))
    if article.ed_note:
        make(docdata, "ed-msg", info=article.ed_note)
        losses.unless_same("ed_note", article.ed_note, squash(article.ed_note), _SPACES)
    if article.slugline or article.version is not None:
        du_key = make(docdata, "du-key")
        if article.slugline:
            du_key.set("key", article.slugline)
            losses.unless_same("slugline", article.slugline, squash(article.slugline), _SPACES)
        if article.version is not None:
            du_key.set("version", str(article.version))
    if article.rights and article.rights.holder:
        make(docdata, "doc.copyright", holder=article.rights.holder)
    if article.rights and article.rights.usage_terms:
        make(docdata, "doc.rights", limitations=article.rights.usage_terms)
    keywords = [t for t in article.topics if t.kind is m.TopicKind.KEYWORD and t.name]
    if keywords:
        key_list = make(docdata, "key-list")
        for topic in keywords:
            make(key_list, "keyword", key=topic.name or "")
    entities = [t for t in article.topics if t.kind in _KIND_ELEMENT]
    if entities:
        ident = make(docdata, "identified-content")
        for topic in entities:
            el = make(ident, _KIND_ELEMENT[topic.kind])
            value = _topic_value(topic, catalog)
            if value:
                el.set("location-code" if topic.kind is m.TopicKind.PLACE else "value", value)
            if topic.name:
                el.text = topic.name
    if len(docdata) == 0 and not docdata.attrib:
        head.remove(docdata)


#: Why a genre changes: NITF keeps its name as a ``tobject.property`` type.
_GENRE = "NITF keeps a genre's name only"
#: Why a topic changes: NITF keeps a name and one code.
_TOPIC = "NITF keeps a topic's name and one code (read back with the catalog's URI)"
#: The order NITF readers list topic kinds in (subjects, entities, keywords, one section).
_TOPIC_GROUP = {
    m.TopicKind.SUBJECT: 0,
    **dict.fromkeys(_KIND_ELEMENT, 1),
    m.TopicKind.KEYWORD: 2,
    m.TopicKind.SECTION: 3,
}


def _topic_back(topic: m.Topic, catalog: Catalog, first_section: bool) -> m.Topic | str:
    """The topic an NITF reader gets back for ``topic``, or why it gets none."""
    name = squash(topic.name)
    if topic.kind is m.TopicKind.KEYWORD:
        return m.Topic(name=name, kind=topic.kind) if name else "a keyword needs a name"
    if topic.kind is m.TopicKind.SECTION:
        if not name or not first_section:
            return "NITF has one named section"
        return m.Topic(name=name, kind=topic.kind)
    if topic.kind not in _TOPIC_GROUP:
        return f"NITF has no place for {topic.kind.value} topics"
    value = _topic_value(topic, catalog)
    if topic.kind is m.TopicKind.SUBJECT and (value is None or not _NMTOKEN.fullmatch(value)):
        return "an NITF subject needs a code that is an NMTOKEN"
    qcode, uri = _topic_code(squash(value), catalog)
    if not (name or qcode or uri):
        return "NITF keeps no topic without a name or a code"
    return m.Topic(name=name, kind=topic.kind, qcode=qcode, uri=uri)


def _topic_losses(topics: tuple[m.Topic, ...], catalog: Catalog, losses: Losses) -> None:
    kept: list[tuple[int, int]] = []
    first_section = True
    for i, topic in enumerate(topics):
        back = _topic_back(topic, catalog, first_section)
        if topic.kind is m.TopicKind.SECTION and topic.name:
            first_section = False
        if isinstance(back, str):
            losses.drop(f"topics[{i}]", back)
            continue
        declare_changes(losses.at(f"topics[{i}]"), topic, back, _TOPIC)
        kept.append((_TOPIC_GROUP[topic.kind], i))
    if kept != sorted(kept):
        losses.drop("topics: order", "NITF lists subjects, entities, keywords, then the section")


def _publisher_losses(publisher: m.Publisher, losses: Losses) -> None:
    losses.unless_same("name", publisher.name, squash(publisher.name), _SPACES)
    if publisher.url:
        losses.drop("url", "NITF's pubdata names the publisher only")
    if publisher.logo:
        losses.drop("logo", "NITF's pubdata names the publisher only")


def _body_head(root: etree._Element, article: m.Article, make: Maker, losses: Losses) -> None:
    body = make(root, "body")
    body_head = make(body, "body.head")
    if article.headline:
        hedline = make(body_head, "hedline")
        make(hedline, "hl1").text = article.headline
        if article.subheadline:
            make(hedline, "hl2").text = article.subheadline
    losses.unless_same("headline", article.headline, squash(article.headline), _SPACES)
    sub = squash(article.subheadline) if article.headline else None
    losses.unless_same(
        "subheadline", article.subheadline, sub, "NITF has a subheadline under a headline"
    )
    if article.rights:
        if article.rights.notice:
            make(body_head, "rights").text = article.rights.notice
        _rights_losses(article.rights, losses)
    for i, byline in enumerate(article.bylines):
        el = make(body_head, "byline")
        if byline.kind is m.BylineKind.PERSON:
            make(el, "person").text = byline.name
            if byline.role:
                add_text(el, ", ")
                make(el, "byttl").text = byline.role
        else:
            el.text = byline.name
        _byline_losses(byline, losses.at(f"bylines[{i}]"))
    if article.creditline:
        make(body_head, "distributor").text = article.creditline
        losses.unless_same("creditline", article.creditline, squash(article.creditline), _SPACES)
    if article.dateline is not None:
        _dateline(body_head, article.dateline, make, losses.at("dateline"))
    if article.summary:
        make(make(body_head, "abstract"), "p").text = article.summary
        losses.unless_same("summary", article.summary, squash(article.summary), _SPACES)
    if len(body_head) == 0:
        body.remove(body_head)


def _rights_losses(rights: m.Rights, losses: Losses) -> None:
    notice, holder = squash(rights.notice), squash(rights.holder)
    terms = squash(rights.usage_terms)
    back = (
        m.Rights(notice=notice, holder=holder, usage_terms=terms)
        if notice or holder or terms
        else None
    )
    declare_changes(losses.at("rights"), rights, back, _SPACES)


def _byline_losses(byline: m.Byline, losses: Losses) -> None:
    """Declare what of ``byline`` an NITF reader does not get back."""
    if byline.kind is m.BylineKind.PERSON:
        role = squash(byline.role)
        back: tuple[m.Byline, ...] = (
            m.Byline(name=squash(byline.name) or "", role=role.lower() if role else None),
        )
        reason = "an NITF byline has a person's name and title (lower-cased) only"
    else:
        back = parse_byline(squash(byline.name) or "")
        reason = "an NITF byline without a person is read as a byline line"
    if len(back) != 1:
        losses.drop("", reason)
    else:
        declare_changes(losses, byline, back[0], reason)


def _dateline(body_head: etree._Element, dateline: m.Dateline, make: Maker, losses: Losses) -> None:
    el = make(body_head, "dateline")
    text, location = dateline.text, dateline.location
    if location and location in text:
        before, _, after = text.partition(location)
        el.text = before
        make(el, "location").text = location
        add_text(el, after)
    else:
        el.text = text
        if location:
            make(el, "location").text = location
            text += location  # read back as the dateline's text
    back = m.Dateline(text=squash(text) or "", location=squash(location))
    declare_changes(losses, dateline, back, "an NITF dateline's location is part of its text")


def _body_content(
    root: etree._Element, article: m.Article, make: Maker, losses: Losses
) -> tuple[tuple[m.Block, ...], list[m.Photo]]:
    """Write the photos outside the body, then the body, declaring what their markup drops;
    return the body and the photos outside it as a reader gets them back."""
    content = make(root[-1], "body.content")
    in_flow = {b.photo for b in m.figures(article.body)}
    photos: list[m.Photo] = []
    for i, photo in enumerate(article.photos):
        if photo not in in_flow:
            back = write_media(content, photo, make, losses.at(f"photos[{i}]"), outside_flow=True)
            if back is not None:
                photos.append(back)
    body = write_blocks(content, article.body, Writer(make, NITF_DIALECT), losses.at("body"))
    return body, photos


#: Why the photo list changes: a reader lists the photos outside the body first, then
#: the body's figures (each once, whether or not the article lists it).
_PHOTO_LIST = "NITF lists photos outside the body first, then the body's figures"


def write(article: m.Article, *, catalog: Catalog | None = None, strict: bool = False) -> str:
    """Write ``article`` as an NITF 3.6 document valid against the official XSD.

    Fields NITF cannot carry are reported
    (:class:`~newsmodel.errors.LossyConversionWarning`, or an error with
    ``strict=True``).
    """
    losses = Losses()
    root = nitf_element(article, catalog=catalog, losses=losses)
    indent_metadata(root, _MIXED)
    text = etree.tostring(root, encoding="unicode") + "\n"
    document = '<?xml version="1.0" encoding="UTF-8"?>\n' + text
    report(FORMAT.name, losses, strict=strict)
    return document
