"""Reading ninjs: a document of any version, in the common shape, to an article.

A value of the wrong JSON type (``"headline": 5``, ``"subjects": "x"``) or
one that says nothing usable (``"urgency": 12``, a date that is no date) is
dropped, and one :class:`~newsmodel.errors.IgnoredContentWarning` per
document names each such value's JSON path and why. :class:`ReadError` is
for input that is no ninjs document at all: not JSON, not an object, no
``uri``, a version not read, too large or too deep.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newsmodel import model as m
from newsmodel._input import whole_number
from newsmodel._json import brief, squash_spaces
from newsmodel.bylines import parse_byline
from newsmodel.catalog import Catalog
from newsmodel.converters import json_type
from newsmodel.dates import parse_date
from newsmodel.errors import FormatError, InputTooLargeError, ReadError
from newsmodel.io._common import (
    as_read_errors,
    clean_text,
    id_from_uri,
    warn_ignored,
)
from newsmodel.io.ninjs.detect import detect_version
from newsmodel.io.ninjs.shape import (
    FORMAT,
    MAX_DEPTH,
    PICTURE_TYPES,
    REL_KINDS,
    TOPIC_LISTS,
    JSONObject,
    JSONValue,
)
from newsmodel.io.ninjs.v1 import from_v1
from newsmodel.markup import blocks_from_html, safe_url

__all__ = ["article_from_object", "check_options"]

#: Headline roles that are the subheadline: ``{"role": "sub"}``.
_SUB_ROLES = frozenset(["sub", "subheadline", "subtitle", "secondary"])
#: Headline roles that are the headline: ``{"role": "main"}``.
_MAIN_ROLES = frozenset(["main", "", "simple", "headline"])
#: Description roles that are the summary: ``{"role": "teaser"}``.
_SUMMARY_ROLES = frozenset(
    ["summary", "abstract", "teaser", "description", "", "text", "richtext", "html", "standfirst"]
)
#: Description roles that are a credit: ``{"role": "creditline"}``.
_CREDIT_ROLES = frozenset(["creditline", "credit"])
#: Description roles that are a photo's alternative text: ``{"role": "alt"}``.
_ALT_ROLES = frozenset(["alt", "alttext", "alternative"])
#: Description roles that are a photo's caption: ``{"role": "caption"}``.
_CAPTION_ROLES = frozenset(["caption", "text", "summary", "", "richtext", "html"])
#: Rendition content types and names that are the article's web page: ``{"name": "web"}``.
_PAGE_TYPES = frozenset(["text/html", "application/xhtml+xml"])
_PAGE_NAMES = frozenset(["web", "canonical", "html"])


class _Doc:
    """Typed access to a JSON object; what is not of its type is dropped, by its JSON path.

    ``dropped`` (path: why) is shared by a document and every object in it.
    """

    def __init__(self, data: JSONObject, path: str, dropped: dict[str, str]):
        self.data = data
        self.path = path
        self.dropped = dropped

    def drop(self, key: str, why: str) -> None:
        """Leave the value at ``key`` out, saying why."""
        self.dropped.setdefault(f"{self.path}.{key}", why)

    def text(self, key: str) -> str | None:
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            self.drop(key, f"expected a string, got {json_type(value)}")
            return None
        value = clean_text(value)
        return value if value.strip() else None

    def number(self, key: str, low: int, high: int | None = None) -> int | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.drop(key, f"expected a number, got {json_type(value)}")
        elif isinstance(value, float) and not value.is_integer():
            self.drop(key, f"expected a whole number, got {value}")
        elif value < low or (high is not None and value > high):
            span = f"{low}–{high}" if high is not None else f"≥ {low}"
            self.drop(key, f"{int(value)} is outside {span}")
        else:
            return int(value)
        return None

    def date(self, key: str) -> m.DateValue | None:
        text = self.text(key)
        if text is None:
            return None
        value = parse_date(text)
        if value is None:
            self.drop(key, f"{brief(text)} is not a date")
        return value

    def items(self, key: str) -> Iterator[_Doc]:
        value = self.data.get(key)
        if value is None:
            return
        if not isinstance(value, list):
            self.drop(key, f"expected an array, got {json_type(value)}")
            return
        for i, item in enumerate(value):
            if isinstance(item, dict):
                yield _Doc(item, f"{self.path}.{key}[{i}]", self.dropped)
            else:
                self.drop(f"{key}[{i}]", f"expected an object, got {json_type(item)}")


def _lower_keys(doc: JSONObject, depth: int = 0) -> JSONObject:
    """``doc`` with keys in lower case (GeoJSON kept); ``embargoedUntil`` is ``embargoed``."""
    if depth > MAX_DEPTH:
        raise InputTooLargeError(f"nesting deeper than {MAX_DEPTH} levels", format=FORMAT.name)
    out: JSONObject = {}
    for key, item in doc.items():
        low = key.lower()
        out[low] = item if low == "geojson" else _lower_value(item, depth + 1)
    if "embargoeduntil" in out:
        out.setdefault("embargoed", out.pop("embargoeduntil"))
    return out


def _lower_value(value: JSONValue, depth: int) -> JSONValue:
    if isinstance(value, dict):
        return _lower_keys(value, depth)
    if isinstance(value, list):
        if depth > MAX_DEPTH:
            raise InputTooLargeError(f"nesting deeper than {MAX_DEPTH} levels", format=FORMAT.name)
        return [_lower_value(item, depth + 1) for item in value]
    return value


# ---------------------------------------------------------------------------
# the parts of an article


def _topic(entry: _Doc, kind: m.TopicKind, catalog: Catalog) -> m.Topic | None:
    name = entry.text("name")
    uri = entry.text("uri")
    literal = entry.text("literal")
    qcode = None
    if uri is not None:
        qcode = catalog.to_qcode(uri)
    if literal is not None:
        if ":" in literal and " " not in literal and "/" not in literal:
            qcode = qcode or literal
            uri = uri or catalog.to_uri(literal)
        elif name is None:
            name = literal
    rel = entry.text("rel")
    if kind is m.TopicKind.SUBJECT and rel in REL_KINDS:
        kind = REL_KINDS[rel]
    relevance = entry.number("relevance", 0, 100) if kind is not m.TopicKind.PERSON else None
    confidence = entry.number("confidence", 0, 100)
    if name is None and qcode is None and uri is None:
        return None
    return m.Topic(
        name=name,
        kind=kind,
        qcode=qcode,
        uri=uri,
        relevance=relevance,
        confidence=confidence,
    )


def _topics(doc: _Doc, catalog: Catalog) -> tuple[list[m.Topic], list[m.Topic]]:
    """The topics of every list (in list order), and the genres."""
    topics = [
        t
        for key, kind in TOPIC_LISTS
        for t in (_topic(e, kind, catalog) for e in doc.items(key))
        if t is not None
    ]
    genres = [
        t
        for t in (_topic(e, m.TopicKind.GENRE, catalog) for e in doc.items("genres"))
        if t is not None
    ]
    return topics, genres


def _role_texts(doc: _Doc, key: str) -> list[tuple[str, str]]:
    """``(role, plain text)`` for each entry of a headlines/descriptions list that has text."""
    out = []
    for role, kind, value in _role_values(doc, key):
        text = _plain(kind, value)
        if text:
            out.append((role, text))
    return out


def _role_values(doc: _Doc, key: str) -> list[tuple[str, str, str]]:
    """``(role, contenttype, value)`` for each entry of a headlines/descriptions/bodies list."""
    out = []
    for entry in doc.items(key):
        value = entry.text("value")
        if value is None:
            continue
        role = (entry.text("role") or "").lower()
        kind = (entry.text("contenttype") or "text/plain").lower()
        out.append((role, kind, value))
    return out


def _plain(kind: str, value: str) -> str:
    if "html" in kind or "xml" in kind:
        return " ".join(m.block_text(b) for b in blocks_from_html(value)).strip()
    return value


def _headlines(doc: _Doc) -> tuple[str | None, str | None]:
    """The headline and the subheadline (the first entry when none has a main role)."""
    headlines = _role_values(doc, "headlines")
    headline = subheadline = None
    for role, kind, value in headlines:
        text = _plain(kind, value)
        if not text:
            continue
        if role in _MAIN_ROLES and headline is None:
            headline = text
        elif role in _SUB_ROLES and subheadline is None:
            subheadline = text
    if headline is None and headlines and headlines[0][0] not in _SUB_ROLES:
        headline = _plain(headlines[0][1], headlines[0][2]) or None
    return headline, subheadline


def _descriptions(doc: _Doc) -> tuple[str | None, str | None]:
    """The summary and the credit line of a text item."""
    summary = creditline = None
    for role, text in _role_texts(doc, "descriptions"):
        if role in _CREDIT_ROLES and creditline is None:
            creditline = text
        elif role in _SUMMARY_ROLES:
            summary = summary or text
    return summary, creditline


def _body(doc: _Doc) -> tuple[m.Block, ...]:
    bodies = _role_values(doc, "bodies")
    if not bodies:
        return ()
    rich = [b for b in bodies if "html" in b[1] or "xml" in b[1] or b[2].lstrip().startswith("<")]
    chosen = (rich or bodies)[0]
    value = chosen[2]
    if chosen in rich:
        return blocks_from_html(value)
    paragraphs = re.split(r"\n\s*\n", value) if "\n\n" in value else value.split("\n")
    return tuple(m.Paragraph(content=(squash_spaces(p),)) for p in paragraphs if p.strip())


def _renditions(doc: _Doc) -> list[m.Rendition]:
    out = []
    for entry in doc.items("renditions"):
        href = safe_url(entry.text("href"))  # (no javascript: or data: URL)
        if href is None:
            continue
        out.append(
            m.Rendition(
                url=href,
                name=entry.text("name"),
                media_type=entry.text("contenttype"),
                width=entry.number("width", 1),
                height=entry.number("height", 1),
                size=entry.number("sizeinbytes", 0),
            )
        )
    return out


def _photo(doc: _Doc) -> m.Photo:
    renditions = _renditions(doc)
    main = next((r for r in renditions if r.name == "default"), None)
    if main is not None:
        renditions.remove(main)
    elif renditions:
        main = renditions[0]
    caption = credit = alt = None
    for role, text in _role_texts(doc, "descriptions"):
        if role in _CREDIT_ROLES and credit is None:
            credit = text
        elif role in _ALT_ROLES and alt is None:
            alt = text
        elif role in _CAPTION_ROLES and caption is None:
            caption = text
    return m.Photo(
        url=main.url if main else None,
        caption=caption,
        credit=credit,
        alt=alt,
        photographer=doc.text("by"),
        width=main.width if main else None,
        height=main.height if main else None,
        renditions=tuple(renditions),
        id=_id_from_uri(doc.text("uri")),
    )


def _associations(doc: _Doc) -> tuple[list[m.Photo], list[m.RelatedLink]]:
    """Photos (pictures and graphics) and related links."""
    photos: list[m.Photo] = []
    links: list[m.RelatedLink] = []
    for entry in doc.items("associations"):
        if (entry.text("type") or "").lower() in PICTURE_TYPES:
            photos.append(_photo(entry))
            continue
        uri = safe_url(entry.text("uri"))
        if uri is not None:
            links.append(m.RelatedLink(url=uri, rel=entry.text("name"), title=entry.text("title")))
    return photos, links


def _page_url(doc: _Doc) -> str | None:
    """The URL of the first rendition that is a web page."""
    for rendition in _renditions(doc):
        if rendition.media_type in _PAGE_TYPES or rendition.name in _PAGE_NAMES:
            return rendition.url
    return None


def _publisher(doc: _Doc) -> m.Publisher | None:
    for entry in doc.items("infosources"):
        role = (entry.text("role") or entry.text("rel") or "").lower()
        name = entry.text("name")
        if name and "publisher" in role:
            return m.Publisher(name=name, url=entry.text("uri"))
    return None


def _rights(doc: _Doc) -> m.Rights | None:
    holder, notice = doc.text("copyrightholder"), doc.text("copyrightnotice")
    terms = doc.text("usageterms")
    if holder or notice or terms:
        return m.Rights(notice=notice, holder=holder, usage_terms=terms)
    return None


def _alt_ids(doc: _Doc) -> tuple[m.AltId, ...]:
    return tuple(
        m.AltId(value=value, type=entry.text("role"))
        for entry in doc.items("altids")
        if (value := entry.text("value"))
    )


def _id_from_uri(uri: str | None) -> str | None:
    return None if uri is None else id_from_uri(uri)


def _language(doc: _Doc) -> str | None:
    value = doc.text("language")
    if value is None:
        return None
    value = value.strip().replace("_", "-")
    try:
        m.Article(language=value)
    except ValueError:
        doc.drop("language", f"{brief(value)} is not a BCP 47 language tag")
        return None
    return value


def _status(doc: _Doc) -> m.PubStatus | None:
    value = doc.text("pubstatus")
    if value is None:
        return None
    value = value.lower().removeprefix("stat:")
    try:
        return m.PubStatus(value)
    except ValueError:
        doc.drop("pubstatus", f"{brief(value)} is not usable, withheld or canceled")
        return None


def _article(doc: _Doc, catalog: Catalog) -> m.Article:
    text_item = (doc.text("type") or "text").lower() not in PICTURE_TYPES
    headline, subheadline = _headlines(doc)
    summary, creditline = _descriptions(doc) if text_item else (None, None)
    photos, links = _associations(doc)
    if not text_item:
        photos.insert(0, _photo(doc))
    topics, genres = _topics(doc, catalog)
    located = doc.text("located")
    return m.Article(
        id=_id_from_uri(doc.text("uri")),
        url=_page_url(doc) if text_item else None,
        headline=headline,
        subheadline=subheadline,
        summary=summary,
        body=_body(doc) if text_item else (),
        bylines=parse_byline(doc.text("by") or "") if text_item else (),
        photos=tuple(photos),
        topics=tuple(topics),
        published=doc.date("firstcreated") or doc.date("contentcreated"),
        modified=doc.date("versioncreated"),
        language=_language(doc),
        publisher=_publisher(doc),
        dateline=m.Dateline(text=located, location=located) if located else None,
        rights=_rights(doc),
        creditline=creditline,
        version=whole_number(doc.text("version")) or None,
        status=_status(doc),
        urgency=doc.number("urgency", 1, 9),
        embargo=doc.date("embargoed"),
        slugline=doc.text("slugline"),
        ed_note=doc.text("ednote"),
        genres=tuple(genres),
        alt_ids=_alt_ids(doc),
        links=tuple(links),
    )


# ---------------------------------------------------------------------------
# the document


def _refuse_version(version: object) -> ReadError:
    return ReadError(
        f"unknown ninjs version {version!r} (1.x, 2.x and 3.x are read)", format=FORMAT.name
    )


def check_options(version: object, catalog: object) -> None:
    """Refuse a ``version`` that is no text and a ``catalog`` that is no :class:`Catalog`."""
    if version is not None and not isinstance(version, str):
        raise _refuse_version(version)
    if catalog is not None and not isinstance(catalog, Catalog):
        raise FormatError(
            f"the ninjs reader's catalog must be a Catalog, got {type(catalog).__name__}"
        )


def article_from_object(
    raw: JSONObject, *, version: str | None = None, catalog: Catalog | None = None, where: str = "$"
) -> m.Article:
    """The article of one parsed ninjs object (``where`` is its JSON path, for errors)."""
    major = (version or detect_version(raw)).strip()[:1]
    if major not in ("1", "2", "3"):
        raise _refuse_version(version)
    doc = _lower_keys(raw)
    if major == "1":
        doc = from_v1(doc)
    if "uri" not in doc:
        raise ReadError("a ninjs document needs a 'uri'", format=FORMAT.name, where=where)
    dropped: dict[str, str] = {}
    with as_read_errors(FORMAT.name):
        article = _article(_Doc(doc, where, dropped), catalog or Catalog())
    warn_ignored(FORMAT.name, list(dropped.items()))
    return article
