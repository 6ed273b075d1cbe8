"""``newsml1``: IPTC NewsML 1.x (1.0 to 1.2), read only.

A NewsML 1.x document (root ``NewsML``, no namespace) holds ``NewsItem``\\ s,
each a tree of ``NewsComponent``\\ s whose ``ContentItem``\\ s carry text (NITF,
XHTML, HTML, plain text) or point at files (photos, video). Every component
with story text becomes an article (:func:`read_many`); :func:`read` returns
the first and warns when there are more. A component's news lines and
metadata hold for the components inside it unless they say otherwise.

Photos are picture files in components beside the text (or in the text's
own component), grouped into one photo per picture with its other sizes as
renditions, and pictures the body points at with NITF ``media-reference
data-location="#Duid"``. A ``DOCTYPE``'s internal subset is dropped unread:
no DTD, entity or file is ever loaded.

Mapping and what is ignored: ``docs/formats/newsml1.md``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs
from lxml import etree

from newsmodel import model as m
from newsmodel._input import whole_number
from newsmodel.catalog import Catalog
from newsmodel.errors import FormatError, ReadError
from newsmodel.io import NEWSML1 as FORMAT
from newsmodel.io._common import DEFAULT_MAX_BYTES, as_read_errors, first_article, warn_unread
from newsmodel.io._feedparse import feed_text
from newsmodel.io._g2_body import without_repeated_titles
from newsmodel.io._newsml1_parts import (
    BODY_ROLES,
    CAPTION_ROLES,
    LEAD_ROLES,
    RENDITION_ROLES,
    SIDEBAR_ROLES,
    TITLE_ROLES,
    Content,
    Own,
    agency_name,
    bylines,
    canonical_tags,
    content_of,
    data_of,
    date_of,
    encoded_content,
    formal,
    media_kind,
    own_of,
    rendition_of,
)
from newsmodel.xmlsafe import attribute as _attr
from newsmodel.xmlsafe import element_text as _text
from newsmodel.xmlsafe import local_name, parse_xml

__all__ = ["FORMAT", "read", "read_many", "sniff", "write"]

#: How far into the input :func:`sniff` looks.
_SNIFF_LIMIT = 4096
#: The root ``NewsML`` start tag, past a BOM, the XML declaration, PIs, comments and a
#: DOCTYPE (with its internal subset): ``<?xml …?><!DOCTYPE NewsML …><NewsML Version="1.2">``.
#: Each part matches one way only (no backtracking into a comment or PI: linear).
_SNIFF = re.compile(
    rb"(?:\xef\xbb\xbf)?(?:\s|<\?(?:[^?]|\?(?!>))*\?>|<!--(?:[^-]|-(?!->))*-->"
    rb"|<!DOCTYPE[^\[>]*(?:\[(?:[^\]\"'<]|\"[^\"]*\"|'[^']*'|<!--(?:[^-]|-(?!->))*-->|<(?!!--))*\])?"
    rb"\s*>)*"
    rb"<NewsML(?=[\s/>])(?P<attrs>[^>]*)>"
)
_XMLNS = re.compile(rb"\bxmlns\s*=")
#: Most photos one article takes (a package of thousands of pictures beside
#: thousands of stories would otherwise give every story all of them).
MAX_PHOTOS = 200
#: Most ignored parts a warning names one by one (the rest are counted).
_MAX_LISTED = 5
#: ``Status`` values and the publishing status they mean (``Embargoed`` has none:
#: the embargo date is read instead).
_STATUS = {
    "usable": m.PubStatus.USABLE,
    "withheld": m.PubStatus.WITHHELD,
    "canceled": m.PubStatus.CANCELED,
    "cancelled": m.PubStatus.CANCELED,
}


def sniff(head: bytes) -> bool:
    """True when the document's root is ``NewsML`` with no namespace."""
    match = _SNIFF.match(head[:_SNIFF_LIMIT])
    return match is not None and _XMLNS.search(match.group("attrs")) is None


def write(article: m.Article, *, strict: bool = False) -> str:
    """NewsML 1.x is read only: always raises :class:`~newsmodel.errors.FormatError`."""
    raise FormatError("format 'newsml1' can be read but not written (write 'newsml' for NewsML-G2)")


# ---------------------------------------------------------------------------
# one NewsItem's tree


@attrs.frozen
class _Photo:
    """A picture of the tree: the photo, and the component that holds its files."""

    photo: m.Photo
    holder: etree._Element


@attrs.define
class _Tree:
    """One ``NewsItem``: its components in document order, each read once."""

    item: etree._Element
    catalog: Catalog
    parent: dict[etree._Element, etree._Element] = attrs.field(factory=dict)
    order: list[etree._Element] = attrs.field(factory=list)
    own: dict[etree._Element, Own] = attrs.field(factory=dict)
    texts: dict[etree._Element, list[Content]] = attrs.field(factory=dict)
    files: dict[etree._Element, list[m.Rendition]] = attrs.field(factory=dict)
    #: Photos of the components a component holds (see :meth:`_group_photos`).
    photos_below: dict[etree._Element, list[m.Photo]] = attrs.field(factory=dict)
    by_duid: dict[str, m.Photo] = attrs.field(factory=dict)
    parts: dict[etree._Element, dict[str, str]] = attrs.field(factory=dict)
    ignored: list[str] = attrs.field(factory=list)

    def build(self) -> _Tree:
        stack = [self.item]
        while stack:
            element = stack.pop()
            self.order.append(element)
            self.own[element] = own_of(element, self.catalog)
            self._read_items(element)
            children = element.findall("NewsComponent")
            for child in children:
                self.parent[child] = element
            stack.extend(reversed(children))
            self.ignored.extend(
                f"a reference to another item ({_attr(ref, 'NewsItem') or ''})"
                for ref in element.findall("NewsItemRef")
            )
        self._group_photos()
        return self

    def _read_items(self, element: etree._Element) -> None:
        texts: list[Content] = []
        files: list[m.Rendition] = []
        choose_one = _attr(element, "EquivalentsList") == "yes"
        cclass = _component_class(element)
        for item in element.findall("ContentItem"):
            kind = media_kind(item, cclass)
            data, notation = data_of(item)
            if kind == "text" and data is not None and not (choose_one and texts):
                content = self._content(data, notation)
                if content is not None and (content.body or content.nitf is not None):
                    texts.append(content)
            elif kind == "photo":
                rendition = rendition_of(item, self.own[element].role)
                if rendition is not None:
                    files.append(rendition)
                else:
                    self.ignored.append("a picture without a file reference")
            elif kind == "other":
                what = formal(item.find("MediaType")) or formal(item.find("MimeType"))
                what = what or cclass or formal(item.find("Format")) or "content"
                where = _attr(item, "Href")
                self.ignored.append(f"{what.lower()} {f'({where})' if where else '(encoded)'}")
        self.texts[element] = texts
        self.files[element] = files

    def _content(self, data: etree._Element, notation: str | None) -> Content | None:
        """The text of a ``DataContent``, decoded first when it is in an ``Encoding``; a
        text that cannot be read (markup nested past the parser's limit) is left out,
        with a warning, and the document's other stories are still read."""
        try:
            if notation is None:
                return content_of(data, self.catalog)
            content = encoded_content(data, notation, self.catalog)
        except ReadError as error:
            self.ignored.append(f"text that cannot be read ({error})")
            return None
        if content is None:
            self.ignored.append(f"text in an encoding not read ({notation or 'none named'})")
        return content

    def parts_of(self, element: etree._Element) -> dict[str, str]:
        """The text of the first title and lead components in ``element`` (worked out once)."""
        found = self.parts.get(element)
        if found is None:
            found = {}
            for kid in self.children(element):
                part = _part(self.own[kid].role)
                text = _plain_text(self.texts[kid]) if part in ("title", "lead") else None
                if text:
                    found.setdefault(part, text)
            self.parts[element] = found
        return found

    def children(self, element: etree._Element) -> list[etree._Element]:
        return element.findall("NewsComponent")

    def is_leaf(self, element: etree._Element) -> bool:
        return bool(self.files[element]) and not self.children(element)

    def _group_photos(self) -> None:
        """Photos, built bottom-up once.

        The picture files of a component and of its leaf children make its
        photos (one per main picture, other sizes as renditions); a component
        with no story text below it passes all its photos up to its parent.
        """
        has_body: dict[etree._Element, bool] = {}
        for element in reversed(self.order):
            kids = self.children(element)
            has_body[element] = any(has_body[k] for k in kids) or self._has_story(element)
            here = self._photos_at(element, kids, photo_only=not has_body[element])
            passed = [
                p
                for k in kids
                if not has_body[k] and not self.is_leaf(k)
                for p in self.photos_below[k]
            ]
            self.photos_below[element] = _capped([*here, *passed])

    def _has_story(self, element: etree._Element) -> bool:
        return bool(self.texts[element]) and _part(self.own[element].role) == "body"

    def _photos_at(
        self, element: etree._Element, kids: list[etree._Element], *, photo_only: bool
    ) -> list[m.Photo]:
        """The photos whose files are in ``element`` or its leaf children."""
        entries = [element] if self.files[element] else []
        entries += [k for k in kids if self.is_leaf(k)]
        if not entries:
            return []
        mains = [e for e in entries if self.own[e].role not in RENDITION_ROLES]
        if not mains:  # sizes only (HighDef, Quicklook, Thumbnail): the largest is the photo
            mains = [max(entries, key=lambda e: _area(self.files[e][0]))]
        files: dict[etree._Element, list[m.Rendition]] = {e: list(self.files[e]) for e in mains}
        for entry in entries:
            if entry not in files:
                euid = _attr(entry, "Euid")
                target = next((e for e in mains if euid and _attr(e, "Duid") == euid), mains[0])
                files[target].extend(self.files[entry])
        caption = self._caption(kids)
        groups = [
            (main, group)
            for main in mains
            for group in (
                [[f] for f in files[main]] if self._apart(main, files[main]) else [files[main]]
            )
        ]
        photos = []
        for i, (main, group) in enumerate(groups):
            photo = self._photo(main, group, caption if i == 0 else None)
            if photo_only:
                photo = _with_group(photo, self.own[element], _attr(element, "Duid"))
            photos.append(photo)
            for duid in {
                _attr(main, "Duid"),
                _attr(element, "Duid") if i == 0 and photo_only else None,
            }:
                if duid:
                    self.by_duid.setdefault(duid, photo)
        return photos

    def _apart(self, holder: etree._Element, files: list[m.Rendition]) -> bool:
        """True when the files of one component are pictures of their own, not sizes of
        one: several, none saying which size it is (no width, height or size name), and
        the component not an ``EquivalentsList``."""
        if len(files) < 2 or _attr(holder, "EquivalentsList") == "yes":
            return False
        role = self.own[holder].role or None
        return all(f.width is None and f.height is None and f.name == role for f in files)

    def _caption(self, kids: list[etree._Element]) -> str | None:
        for kid in kids:
            if _part(self.own[kid].role) == "caption" and self.texts[kid]:
                return _plain_text(self.texts[kid])
        return None

    def _photo(
        self, holder: etree._Element, files: list[m.Rendition], caption: str | None
    ) -> m.Photo:
        own = self.own[holder]
        # the largest of the holder's own files (the first when none gives a size): a
        # larger size in a component of its own (``HighDef``) stays a rendition of it
        own_files = {id(f) for f in self.files[holder]}
        first = max((f for f in files if id(f) in own_files), key=_area, default=files[0])
        return m.Photo(
            url=first.url,
            caption=caption,
            credit=own.lines.get("creditline"),
            photographer=own.creator,
            width=first.width,
            height=first.height,
            renditions=tuple(f for f in files if f is not first),
            id=_attr(holder, "Duid"),
        )


def _with_group(photo: m.Photo, own: Own, duid: str | None) -> m.Photo:
    """A photo whose files sit in a picture-only component: its credit and id fill gaps."""
    return attrs.evolve(
        photo,
        credit=photo.credit or own.lines.get("creditline"),
        photographer=photo.photographer or own.creator,
        id=photo.id or duid,
    )


def _area(rendition: m.Rendition) -> int:
    """How large a file is: its area, else the one side given (0 when none is)."""
    width, height = rendition.width or 0, rendition.height or 0
    return width * height or max(width, height)


def _capped(photos: list[m.Photo]) -> list[m.Photo]:
    return list(dict.fromkeys(photos))[:MAX_PHOTOS]


def _part(role: str) -> str:
    """What a text component is to its story: ``title``, ``lead``, ``caption`` or ``body``."""
    if role in TITLE_ROLES:
        return "title"
    if role in LEAD_ROLES:
        return "lead"
    if role in CAPTION_ROLES:
        return "caption"
    return "body"


def _component_class(element: etree._Element) -> str | None:
    """Belga's ``<Property FormalName="ComponentClass" Value="Image"/>``."""
    for prop in element.findall("DescriptiveMetadata/Property"):
        if _attr(prop, "FormalName") == "ComponentClass":
            return _attr(prop, "Value")
    return None


def _blocks(contents: list[Content]) -> tuple[m.Block, ...]:
    return tuple(b for c in contents for b in (c.nitf.body if c.nitf is not None else c.body))


def _plain_text(contents: list[Content]) -> str | None:
    text = " ".join(t for t in (m.block_text(b) for b in _blocks(contents)) if t)
    return " ".join(text.split()) or None


# ---------------------------------------------------------------------------
# articles


@attrs.frozen
class _Item:
    """What the ``NewsItem`` and the envelope say for every article of the item."""

    id: str | None
    version: int | None
    published: m.DateValue | None
    modified: m.DateValue | None
    status: m.PubStatus | None
    embargo: m.DateValue | None
    urgency: int | None
    provider: str | None
    #: The envelope's ``SentFrom Party``: who sent the document (``Business Wire``).
    sender: str | None
    slugline: str | None


def _item_facts(item: etree._Element, envelope: etree._Element | None) -> _Item:
    ident = item.find("Identification/NewsIdentifier")
    management = item.find("NewsManagement")
    status = (formal(_find(management, "Status")) or "").lower()
    urgency = whole_number(formal(_find(management, "Urgency")))
    if urgency is None:
        urgency = whole_number(formal(_find(envelope, "Priority")))
    first = date_of(_find(management, "FirstCreated"))
    return _Item(
        id=_text(_find(ident, "PublicIdentifier")) or _text(_find(ident, "NewsItemId")),
        version=whole_number(_text(_find(ident, "RevisionId"))) or None,
        published=first or date_of(_find(envelope, "DateAndTime")),
        modified=date_of(_find(management, "ThisRevisionCreated")),
        status=_STATUS.get(status),
        embargo=date_of(_find(management, "StatusWillChange/DateAndTime"))
        if status == "embargoed"
        else None,
        urgency=urgency if urgency is not None and 1 <= urgency <= 9 else None,
        provider=_text(_find(ident, "ProviderId")),
        sender=_attr(_find(envelope, "SentFrom/Party"), "FormalName") or None,
        slugline=_text(item.find("Identification/NameLabel")),
    )


def _find(element: etree._Element | None, path: str) -> etree._Element | None:
    return element.find(path) if element is not None else None


def _stories(tree: _Tree) -> list[etree._Element]:
    """The components that give articles: those with story text, else those with only
    a lead (a short item), else those with a caption (a picture item), else the one
    holding a title, else the item's first component (its text is elsewhere).

    Text beside a component whose role names it the body (``Body``, ``Main``) and
    with a role of its own (``Contact``, ``TweetText``) belongs to that story: it is
    no story itself (and is not read). Of the components of an ``EquivalentsList``
    (one story in several forms), only the first with text is read."""
    unchosen = _unchosen_alternatives(tree)
    with_text = [e for e in tree.order if tree.texts[e] and e not in unchosen]
    named_body = {
        tree.parent[e] for e in with_text if e in tree.parent and tree.own[e].role in BODY_ROLES
    }
    for part in ("body", "lead", "caption"):
        found = [e for e in with_text if _part(tree.own[e].role) == part]
        if part == "body":
            extras = {e: None for e in found if _is_extra(tree, e, named_body)}
            tree.ignored.extend(f"a {tree.own[e].role!r} text beside the story" for e in extras)
            found = [e for e in found if e not in extras] if len(extras) < len(found) else found
        if found:
            return found
    title = next((e for e in with_text if _part(tree.own[e].role) == "title"), None)
    if title is not None and title in tree.parent:
        return [tree.parent[title]]
    first = tree.item.find("NewsComponent")
    return [first if first is not None else tree.item]


def _unchosen_alternatives(tree: _Tree) -> set[etree._Element]:
    """The components inside an ``EquivalentsList="yes"`` component that are not its
    first child with text below it, and everything inside them (one pass each way)."""
    text_below: dict[etree._Element, bool] = {}
    for element in reversed(tree.order):
        kids = tree.children(element)
        text_below[element] = bool(tree.texts[element]) or any(text_below[k] for k in kids)
    chosen = {
        element: next(k for k in tree.children(element) if text_below[k])
        for element in tree.order
        if _attr(element, "EquivalentsList") == "yes"
        and not tree.texts[element]
        and text_below[element]
    }
    unchosen: set[etree._Element] = set()
    for element in tree.order:  # parents before children
        parent = tree.parent.get(element)
        if parent in unchosen or (parent in chosen and element is not chosen[parent]):
            unchosen.add(element)
    return unchosen


def _is_extra(tree: _Tree, element: etree._Element, named_body: set[etree._Element]) -> bool:
    """True for text with a role that is not a body's (nor a sidebar's), beside text
    whose role is."""
    role = tree.own[element].role
    if not role or role in BODY_ROLES or role in SIDEBAR_ROLES:
        return False
    return tree.parent.get(element) in named_body


def _chain(tree: _Tree, element: etree._Element) -> list[Own]:
    """What ``element`` and each component around it say, nearest first."""
    chain = [tree.own[element]]
    while element in tree.parent:
        element = tree.parent[element]
        chain.append(tree.own[element])
    return chain


def _line(chain: list[Own], key: str) -> str | None:
    return next((own.lines[key] for own in chain if key in own.lines), None)


def _parts(tree: _Tree, story: etree._Element) -> dict[str, str]:
    """The title and lead components beside ``story`` or in it: ``{"title": …, "lead": …}``."""
    inside = tree.parts_of(story)
    if story not in tree.parent:
        return inside
    return {**inside, **tree.parts_of(tree.parent[story])}


def _photos(tree: _Tree, story: etree._Element, nitf: m.Article) -> tuple[m.Photo, ...]:
    photos = list(nitf.photos)
    element: etree._Element | None = story
    while element is not None:
        photos.extend(tree.photos_below[element])
        element = tree.parent.get(element)
    for content in tree.texts[story]:
        photos.extend(tree.by_duid[r[1:]] for r in content.references if r[1:] in tree.by_duid)
    return tuple(_capped(photos))


def _article(tree: _Tree, story: etree._Element, facts: _Item, article_id: str | None) -> m.Article:
    chain = _chain(tree, story)
    contents = tree.texts[story]
    nitf = next((c.nitf for c in contents if c.nitf is not None), m.Article())
    parts = _parts(tree, story)
    own_headline = chain[0].lines.get("headline")
    headline = own_headline or parts.get("title") or _line(chain, "headline") or nitf.headline
    is_lead = _part(chain[0].role) == "lead"  # a story that is only a lead: it is the body
    dateline_text = _line(chain, "dateline")
    city = next((own.city for own in chain if own.city), None)
    copyright_ = _line(chain, "copyright")
    holder = next((own.holder for own in chain if own.holder), None)
    provider = next((own.provider for own in chain if own.provider), None)
    provider = provider or facts.sender or facts.provider
    keywords = next((own.keywords for own in chain if own.keywords), ())
    topics = [t for own in chain for t in own.topics]
    topics += [m.Topic(name=k, kind=m.TopicKind.KEYWORD) for k in keywords]
    return m.Article(
        id=article_id or nitf.id,
        url=nitf.url,
        headline=headline,
        subheadline=_line(chain, "subheadline") or nitf.subheadline,
        summary=(None if is_lead else parts.get("lead")) or nitf.summary,
        body=without_repeated_titles(_blocks(contents), headline),
        bylines=bylines(_line(chain, "byline"), _line(chain, "byline_title"))
        or nitf.bylines
        or next((own.authors for own in chain if own.authors), ()),
        photos=_photos(tree, story, nitf),
        topics=_merged_topics([*topics, *nitf.topics]),
        published=facts.published or nitf.published,
        modified=facts.modified or nitf.modified,
        language=next((own.language for own in chain if own.language), None) or nitf.language,
        publisher=m.Publisher(name=agency_name(provider)) if provider else nitf.publisher,
        dateline=_dateline(dateline_text, city) or nitf.dateline,
        rights=m.Rights(notice=copyright_, holder=holder) if copyright_ or holder else nitf.rights,
        creditline=_line(chain, "creditline") or nitf.creditline,
        version=facts.version or nitf.version,
        status=facts.status or nitf.status,
        urgency=facts.urgency or nitf.urgency,
        embargo=facts.embargo or nitf.embargo,
        slugline=_line(chain, "slugline") or facts.slugline or nitf.slugline,
        ed_note=_line(chain, "ednote") or nitf.ed_note,
        genres=tuple(dict.fromkeys([*(g for own in chain for g in own.genres), *nitf.genres])),
        alt_ids=nitf.alt_ids,
        links=nitf.links,
    )


def _merged_topics(topics: list[m.Topic]) -> tuple[m.Topic, ...]:
    """Each topic once: one code given twice (EFE sends a subject in the metadata without
    a name and in the NITF head with one) is one topic, with the name either gives."""
    merged: dict[object, m.Topic] = {}
    for topic in topics:
        key = (topic.kind, topic.qcode) if topic.qcode else topic
        found = merged.get(key)
        if found is None:
            merged[key] = topic
        elif found.name is None and topic.name is not None:
            merged[key] = attrs.evolve(found, name=topic.name)
    return tuple(merged.values())


def _dateline(text: str | None, city: str | None) -> m.Dateline | None:
    """The ``DateLine``, its location the ``Location`` city when the text names it."""
    if not text:
        return None
    location = city if city and city.lower() in text.lower() else None
    return m.Dateline(text=text, location=location)


def _item_articles(
    item: etree._Element, envelope: etree._Element | None, catalog: Catalog
) -> Iterator[m.Article]:
    tree = _Tree(item=item, catalog=catalog).build()
    facts = _item_facts(item, envelope)
    stories = _stories(tree)
    what = f"newsml1: not read into the articles of {facts.id or 'a NewsItem'}"
    named = list(dict.fromkeys(tree.ignored[:_MAX_LISTED]))
    warn_unread(what, named, len(tree.ignored), stacklevel=3)
    for n, story in enumerate(stories, 1):
        article_id = facts.id
        if article_id and len(stories) > 1:
            article_id = f"{article_id}#{_attr(story, 'Duid') or n}"
        yield _article(tree, story, facts, article_id)


def _root(data: bytes | str, max_bytes: int) -> etree._Element:
    # the declared encoding, else UTF-8 (bytes that are all UTF-8 are UTF-8 whatever
    # the label says: AFP labels UTF-8 files ISO-8859-1), else windows-1252
    text = feed_text(data, format=FORMAT.name, max_bytes=max_bytes)
    root = parse_xml(text, format=FORMAT.name, max_bytes=max_bytes, drop_internal_subset=True)
    if local_name(root) not in ("NewsML", "NewsItem"):
        raise ReadError(
            f"expected a NewsML 1.x document (root NewsML), found {local_name(root)!r}",
            format=FORMAT.name,
        )
    canonical_tags(root)
    return root


def _articles(root: etree._Element, catalog: Catalog) -> Iterator[m.Article]:
    envelope = root.find("NewsEnvelope")
    items = [root] if root.tag == "NewsItem" else root.findall("NewsItem")
    for item in items:
        with as_read_errors(FORMAT.name):
            yield from _item_articles(item, envelope, catalog)


def read_many(
    data: bytes | str,
    *,
    catalog: Catalog | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[m.Article]:
    """Every article of a NewsML 1.x document, one per component with story text.

    The document is parsed (and refused with :class:`ReadError`) at once; the
    articles are built one item at a time as they are asked for. Quotes are
    not extracted here.
    """
    return _articles(_root(data, max_bytes), catalog or Catalog())


def read(
    data: bytes | str,
    *,
    catalog: Catalog | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> m.Article:
    """The first article of a NewsML 1.x document (a warning says when it holds more).

    Quotes are not extracted here; :func:`newsmodel.read` does that.
    """
    articles = read_many(data, catalog=catalog, max_bytes=max_bytes)
    return first_article(
        articles, format=FORMAT.name, source="document", empty="the document holds no NewsItem"
    )
