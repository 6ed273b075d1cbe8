"""``ninjs``: IPTC News in JSON, versions 1.x, 2.x and 3.x.

The reader detects the version from the document (or takes ``version=``),
normalises 1.x, 2.x and 3.x to one shape, and maps it to an
:class:`~newsmodel.model.Article`. The writer emits 3.1 by default, or 2.2
or 1.6, and every document it writes is valid against that version's JSON
Schema (formats included: date-times carry an offset, URIs are absolute).

What ninjs cannot carry is declared by the writer as it leaves it out (see
:mod:`newsmodel.losses`), by field path.
See ``docs/formats/ninjs.md`` for the mapping.
"""

from __future__ import annotations

import datetime
import hashlib
import itertools
import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote, unquote

from newsmodel import model as m
from newsmodel._input import whole_number
from newsmodel._json import brief, squash_spaces
from newsmodel.bylines import parse_byline
from newsmodel.catalog import Catalog
from newsmodel.converters import json_type
from newsmodel.dates import parse_date
from newsmodel.errors import FormatError, InputTooLargeError, ReadError, WriteError
from newsmodel.io import NINJS as FORMAT
from newsmodel.io._common import (
    DEFAULT_MAX_BYTES,
    as_read_errors,
    clean_text,
    declare_markup_losses,
    decode_text,
    parse_json,
)
from newsmodel.losses import NO_QUOTES, Losses, declare_changes, report
from newsmodel.markup import blocks_from_html, blocks_to_html

__all__ = ["FORMAT", "VERSIONS", "detect_version", "read", "sniff", "write"]

#: The versions the writer can emit.
VERSIONS = ("3.1", "2.2", "1.6")
MAX_DEPTH = 64

_ID_PREFIX = "urn:newsmodel:id:"
_GENERATED_PREFIX = "urn:newsmodel:generated:"
_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[!#$%&'()*+,\-./0-9:;=?@A-Z\[\]_a-z~]+")
_V3_KEYS = {
    "firstcreated": "firstCreated",
    "versioncreated": "versionCreated",
    "contentcreated": "contentCreated",
    "embargoed": "embargoedUntil",
    "pubstatus": "pubStatus",
    "copyrightholder": "copyrightHolder",
    "copyrightnotice": "copyrightNotice",
    "usageterms": "usageTerms",
    "ednote": "edNote",
    "contenttype": "contentType",
    "charcount": "charCount",
    "wordcount": "wordCount",
    "infosources": "infoSources",
    "altids": "altIds",
    "sizeinbytes": "sizeInBytes",
    "representationtype": "representationType",
    "trustindicators": "trustIndicators",
    "rightsinfo": "rightsInfo",
    "digitalsourcetype": "digitalSourceType",
    "geojson": "geoJSON",
    "contactinfo": "contactInfo",
}
_V3_ONLY = re.compile(
    rb'"(?:versionCreated|firstCreated|contentCreated|embargoedUntil|pubStatus|copyright'
    rb'(?:Holder|Notice)|usageTerms|edNote|altIds|infoSources|contentType|sizeInBytes)"'
)
_V1_ONLY = re.compile(
    rb'"(?:headline|byline|body_\w+|description_\w+|headline_\w+|person|subject|place|mimetype)"\s*:'
)
_TOPIC_LISTS = (
    ("subjects", m.TopicKind.SUBJECT),
    ("people", m.TopicKind.PERSON),
    ("organisations", m.TopicKind.ORGANISATION),
    ("places", m.TopicKind.PLACE),
    ("events", m.TopicKind.EVENT),
    ("objects", m.TopicKind.OBJECT),
)
_KIND_LIST = {kind: name for name, kind in _TOPIC_LISTS}
#: Topic kinds without a list of their own travel in ``subjects`` with this ``rel``.
_REL_KINDS = {"keyword": m.TopicKind.KEYWORD, "section": m.TopicKind.SECTION}
_PICTURE_TYPES = ("picture", "graphic")
_SUB_ROLES = frozenset(["sub", "subheadline", "subtitle", "secondary"])
_SUMMARY_ROLES = frozenset(
    ["summary", "abstract", "teaser", "description", "", "text", "richtext", "html", "standfirst"]
)


def sniff(head: bytes) -> bool:
    """A JSON object with ninjs's hallmarks (a ``uri`` and version-specific keys)."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not text.startswith(b"{") or b'"uri"' not in head:
        return False
    return bool(
        _V3_ONLY.search(head)
        or _V1_ONLY.search(head)
        or re.search(rb'"(?:versioncreated|headlines|bodies|renditions|associations|type)"', head)
    )


# ---------------------------------------------------------------------------
# reading: JSON with paths


class _Doc:
    """Typed access to a JSON object, raising ReadError with the JSON path."""

    def __init__(self, data: dict[str, Any], path: str):
        self.data = data
        self.path = path

    def fail(self, key: str, why: str) -> ReadError:
        return ReadError(why, format=FORMAT.name, where=f"{self.path}.{key}")

    def text(self, key: str) -> str | None:
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.fail(key, f"expected a string, got {json_type(value)}")
        value = clean_text(value)
        return value if value.strip() else None

    def number(self, key: str, low: int, high: int | None = None) -> int | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.fail(key, f"expected a number, got {json_type(value)}")
        if isinstance(value, float) and not value.is_integer():
            raise self.fail(key, f"expected a whole number, got {value}")
        number = int(value)
        if number < low or (high is not None and number > high):
            span = f"{low}–{high}" if high is not None else f"≥ {low}"
            raise self.fail(key, f"{number} is outside {span}")
        return number

    def date(self, key: str) -> m.DateValue | None:
        text = self.text(key)
        if text is None:
            return None
        value = parse_date(text)
        if value is None:
            raise self.fail(key, f"{brief(text)} is not a date")
        return value

    def items(self, key: str) -> Iterator[_Doc]:
        value = self.data.get(key)
        if value is None:
            return
        if not isinstance(value, list):
            raise self.fail(key, f"expected an array, got {json_type(value)}")
        for i, item in enumerate(value):
            if not isinstance(item, dict):
                raise ReadError(
                    f"expected an object, got {json_type(item)}",
                    format=FORMAT.name,
                    where=f"{self.path}.{key}[{i}]",
                )
            yield _Doc(item, f"{self.path}.{key}[{i}]")


def _lower_keys(value: Any, depth: int = 0) -> Any:
    if depth > MAX_DEPTH:
        raise InputTooLargeError(f"nesting deeper than {MAX_DEPTH} levels", format=FORMAT.name)
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            low = key.lower()
            out[low] = item if low == "geojson" else _lower_keys(item, depth + 1)
        if "embargoeduntil" in out:
            out.setdefault("embargoed", out.pop("embargoeduntil"))
        return out
    if isinstance(value, list):
        return [_lower_keys(item, depth + 1) for item in value]
    return value


#: Keys only ninjs 1.x uses (2.x and 3.x made them plural or renamed them), e.g.
#: ``"infosource": [{"name": "AAP", "rel": "publisher"}]``.
_V1_ONLY_KEYS = frozenset(
    {
        "headline",
        "byline",
        "person",
        "subject",
        "place",
        "organisation",
        "event",
        "object",
        "genre",
        "infosource",
        "mimetype",
    }
)


def detect_version(doc: dict[str, Any]) -> str:
    """``"1"``, ``"2"`` or ``"3"``: the ninjs major version a document is written in."""
    standard = doc.get("standard") or doc.get("$standard")
    if isinstance(standard, dict) and isinstance(standard.get("version"), str):
        major = str(standard["version"]).strip()[:1]
        if major in ("1", "2", "3"):
            return major
    keys = set(doc)
    if keys & _V1_ONLY_KEYS:
        return "1"
    if any(k.startswith(("body_", "description_", "headline_")) for k in keys):
        return "1"
    if any(isinstance(doc.get(k), dict) for k in ("renditions", "associations", "altids")):
        return "1"
    if any(k != k.lower() for k in keys):
        return "3"
    nested = _nested_keys(doc)
    if nested & {"contentType", "sizeInBytes", "charCount"}:
        return "3"
    if keys & {"versioncreated", "firstcreated", "pubstatus", "embargoed", "altids"} or nested & {
        "contenttype",
        "sizeinbytes",
    }:
        return "2"
    return "3"


#: Objects whose keys version detection looks at: the top of a document tells its
#: version; walking (or serialising) all of a large one would cost its whole size.
_DETECT_OBJECTS = 500


def _nested_keys(doc: dict[str, Any]) -> set[str]:
    """The keys of the first :data:`_DETECT_OBJECTS` objects in ``doc``, breadth first."""
    found: set[str] = set()
    queue: list[Any] = [doc]
    for value in queue:
        children = value.values() if isinstance(value, dict) else value
        if isinstance(value, dict):
            found.update(k for k in value if isinstance(k, str))
        room = _DETECT_OBJECTS - len(queue)
        queue.extend(itertools.islice((c for c in children if isinstance(c, (dict, list))), room))
    return found


def _v1_to_common(doc: dict[str, Any]) -> dict[str, Any]:
    """Reshape a (lower-cased) ninjs 1.x document into the 2.x/3.x shape."""
    out: dict[str, Any] = {}
    headlines: list[dict[str, Any]] = []
    bodies: list[dict[str, Any]] = []
    descriptions: list[dict[str, Any]] = []
    for key, value in doc.items():
        if key == "headline":
            headlines.insert(0, {"role": "main", "value": value})
        elif key.startswith("headline_"):
            headlines.append({"role": key[9:], "value": value})
        elif key.startswith("body_"):
            role = key[5:]
            kind = "text/html" if role in ("html", "xhtml", "richtext") else "text/plain"
            bodies.append({"role": role, "contenttype": kind, "value": value})
        elif key.startswith("description_"):
            role = key[12:]
            kind = "text/html" if role in ("html", "xhtml", "richtext") else "text/plain"
            descriptions.append({"role": role, "contenttype": kind, "value": value})
        elif key == "byline":
            out["by"] = value
        elif key in ("person", "organisation", "place", "subject", "event", "object"):
            plural = {"person": "people", "organisation": "organisations"}.get(key, key + "s")
            out[plural] = (
                [_v1_concept(item) for item in value] if isinstance(value, list) else value
            )
        elif key == "genre":
            out["genres"] = [_v1_concept(i) for i in value] if isinstance(value, list) else value
        elif key == "infosource":
            out["infosources"] = value
        elif key == "renditions" and isinstance(value, dict):
            out["renditions"] = [
                {"name": name, **_v1_rendition(item)} for name, item in value.items()
            ]
        elif key == "associations" and isinstance(value, dict):
            out["associations"] = [
                {"name": name, **_v1_to_common(_lower_keys(item))}
                for name, item in value.items()
                if isinstance(item, dict)
            ]
        elif key == "altids" and isinstance(value, dict):
            out["altids"] = [{"role": k, "value": v} for k, v in value.items()]
        elif key == "$standard":
            out["standard"] = value
        else:
            out[key] = value
    if headlines:
        out["headlines"] = headlines
    if bodies:
        out["bodies"] = bodies
    if descriptions:
        out["descriptions"] = descriptions
    return out


def _v1_concept(item: Any) -> Any:
    if not isinstance(item, dict):
        return item
    out = {k: v for k, v in item.items() if k not in ("scheme", "code")}
    scheme, code = item.get("scheme"), item.get("code")
    if isinstance(scheme, str) and isinstance(code, str) and scheme and code:
        out["uri"] = scheme + code
    elif isinstance(code, str) and code:
        out["literal"] = code
    return out


def _v1_rendition(item: Any) -> dict[str, Any]:
    if not isinstance(item, dict):
        return {}
    out = dict(item)
    if "mimetype" in out:
        out["contenttype"] = out.pop("mimetype")
    return out


# ---------------------------------------------------------------------------
# reading: mapping


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
    if kind is m.TopicKind.SUBJECT and rel in _REL_KINDS:
        kind = _REL_KINDS[rel]
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
        href = entry.text("href")
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
    descriptions = _role_values(doc, "descriptions")
    caption = credit = alt = None
    for role, kind, value in descriptions:
        text = _plain(kind, value)
        if not text:
            continue
        if role in ("creditline", "credit") and credit is None:
            credit = text
        elif role in ("alt", "alttext", "alternative") and alt is None:
            alt = text
        elif role in ("caption", "text", "summary", "", "richtext", "html") and caption is None:
            caption = text
    uri = doc.text("uri")
    return m.Photo(
        url=main.url if main else None,
        caption=caption,
        credit=credit,
        alt=alt,
        photographer=doc.text("by"),
        width=main.width if main else None,
        height=main.height if main else None,
        renditions=tuple(renditions),
        id=_id_from_uri(uri),
    )


def _id_from_uri(uri: str | None) -> str | None:
    if uri is None or uri.startswith(_GENERATED_PREFIX):
        return None
    if uri.startswith(_ID_PREFIX):
        return unquote(uri[len(_ID_PREFIX) :]) or None
    return uri


def _language(doc: _Doc) -> str | None:
    value = doc.text("language")
    if value is None:
        return None
    value = value.strip().replace("_", "-")
    try:
        m.Article(language=value)
    except ValueError:
        raise doc.fail("language", f"{brief(value)} is not a BCP 47 language tag") from None
    return value


def _status(doc: _Doc) -> m.PubStatus | None:
    value = doc.text("pubstatus")
    if value is None:
        return None
    value = value.lower().removeprefix("stat:")
    try:
        return m.PubStatus(value)
    except ValueError:
        raise doc.fail("pubstatus", f"{brief(value)} is not usable, withheld or canceled") from None


def _article(doc: _Doc, catalog: Catalog) -> m.Article:
    kind = (doc.text("type") or "text").lower()
    headlines = _role_values(doc, "headlines")
    headline = subheadline = None
    for role, ctype, value in headlines:
        text = _plain(ctype, value)
        if not text:
            continue
        if role in ("main", "", "simple", "headline") and headline is None:
            headline = text
        elif role in _SUB_ROLES and subheadline is None:
            subheadline = text
    if headline is None and headlines and headlines[0][0] not in _SUB_ROLES:
        headline = _plain(headlines[0][1], headlines[0][2]) or None
    summary = creditline = None
    photos: list[m.Photo] = []
    if kind in _PICTURE_TYPES:
        photos.append(_photo(doc))
    else:
        for role, ctype, value in _role_values(doc, "descriptions"):
            text = _plain(ctype, value)
            if not text:
                continue
            if role in ("creditline", "credit") and creditline is None:
                creditline = text
            elif role in _SUMMARY_ROLES:
                summary = summary or text
    topics: list[m.Topic] = []
    for key, topic_kind in _TOPIC_LISTS:
        for entry in doc.items(key):
            topic = _topic(entry, topic_kind, catalog)
            if topic is not None:
                topics.append(topic)
    genres = [
        t
        for t in (_topic(e, m.TopicKind.GENRE, catalog) for e in doc.items("genres"))
        if t is not None
    ]
    links: list[m.RelatedLink] = []
    for entry in doc.items("associations"):
        atype = (entry.text("type") or "").lower()
        if atype in _PICTURE_TYPES:
            photos.append(_photo(entry))
        else:
            uri = entry.text("uri")
            if uri is not None:
                links.append(
                    m.RelatedLink(url=uri, rel=entry.text("name"), title=entry.text("title"))
                )
    url = None
    if kind not in _PICTURE_TYPES:
        for rendition in _renditions(doc):
            if rendition.media_type in ("text/html", "application/xhtml+xml") or rendition.name in (
                "web",
                "canonical",
                "html",
            ):
                url = rendition.url
                break
    publisher = None
    for entry in doc.items("infosources"):
        role = (entry.text("role") or entry.text("rel") or "").lower()
        name = entry.text("name")
        if name and "publisher" in role:
            publisher = m.Publisher(name=name, url=entry.text("uri"))
            break
    holder, notice, terms = (
        doc.text("copyrightholder"),
        doc.text("copyrightnotice"),
        doc.text("usageterms"),
    )
    located = doc.text("located")
    version = doc.text("version") if isinstance(doc.data.get("version"), str) else None
    alt_ids = []
    for entry in doc.items("altids"):
        alt_value = entry.text("value")
        if alt_value:
            alt_ids.append(m.AltId(value=alt_value, type=entry.text("role")))
    return m.Article(
        id=_id_from_uri(doc.text("uri")),
        url=url,
        headline=headline,
        subheadline=subheadline,
        summary=summary,
        body=_body(doc) if kind not in _PICTURE_TYPES else (),
        bylines=parse_byline(doc.text("by") or "") if kind not in _PICTURE_TYPES else (),
        photos=tuple(photos),
        topics=tuple(topics),
        published=doc.date("firstcreated") or doc.date("contentcreated"),
        modified=doc.date("versioncreated"),
        language=_language(doc),
        publisher=publisher,
        dateline=m.Dateline(text=located, location=located) if located else None,
        rights=m.Rights(notice=notice, holder=holder, usage_terms=terms)
        if (holder or notice or terms)
        else None,
        creditline=creditline,
        version=whole_number(version) or None,
        status=_status(doc),
        urgency=doc.number("urgency", 1, 9),
        embargo=doc.date("embargoed"),
        slugline=doc.text("slugline"),
        ed_note=doc.text("ednote"),
        genres=tuple(genres),
        alt_ids=tuple(alt_ids),
        links=tuple(links),
    )


def read(
    data: bytes | str,
    *,
    version: str | None = None,
    catalog: Catalog | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> m.Article:
    """Read a ninjs document (1.x, 2.x or 3.x; ``version`` forces ``"1"``, ``"2"`` or ``"3"``).

    A text item becomes the article; its picture associations become photos.
    A picture item becomes an article whose only photo it is. ``catalog``
    adds scheme aliases for turning topic URIs into QCodes. Quotes are not
    extracted here; :func:`newsmodel.read` does that.
    """
    if version is not None and not isinstance(version, str):
        raise ReadError(
            f"unknown ninjs version {version!r} (1.x, 2.x and 3.x are read)", format=FORMAT.name
        )
    if catalog is not None and not isinstance(catalog, Catalog):
        raise FormatError(
            f"the ninjs reader's catalog must be a Catalog, got {type(catalog).__name__}"
        )
    text = decode_text(data, format=FORMAT.name, max_bytes=max_bytes)
    raw = parse_json(text, format=FORMAT.name, max_depth=MAX_DEPTH)
    if not isinstance(raw, dict):
        raise ReadError(
            f"expected a JSON object, got {json_type(raw)}", format=FORMAT.name, where="$"
        )
    major = (version or detect_version(raw)).strip()[:1]
    if major not in ("1", "2", "3"):
        raise ReadError(
            f"unknown ninjs version {version!r} (1.x, 2.x and 3.x are read)", format=FORMAT.name
        )
    doc = _lower_keys(raw)
    if major == "1":
        doc = _v1_to_common(doc)
    if "uri" not in doc:
        raise ReadError("a ninjs document needs a 'uri'", format=FORMAT.name, where="$")
    with as_read_errors(FORMAT.name):
        return _article(_Doc(doc, "$"), catalog or Catalog())


# ---------------------------------------------------------------------------
# writing


def _uri(value: str | None) -> str | None:
    """``value`` when it is an absolute URI as the schema's ``uri`` format requires."""
    if value is not None and _URI.fullmatch(value):
        return value
    return None


def _item_uri(identifier: str | None, seed: str) -> str:
    if identifier is None:
        digest = hashlib.sha1(seed.encode("utf-8")).hexdigest()[:20]
        return _GENERATED_PREFIX + digest
    return _uri(identifier) or _ID_PREFIX + quote(identifier, safe="")


def _date(value: m.DateValue | None, losses: Losses, path: str) -> str | None:
    """RFC 3339 date-time; ``None`` for a day or a zoneless time, which ninjs cannot say."""
    if isinstance(value, datetime.datetime) and value.utcoffset() is not None:
        return value.isoformat()
    if value is not None:
        losses.drop(path, "ninjs dates need a time of day and a zone")
    return None


def _by(bylines: tuple[m.Byline, ...], losses: Losses) -> str | None:
    """The one ``by`` line; what the byline parser will not find in it again is declared lost."""
    people = [b.name for b in bylines if b.kind is m.BylineKind.PERSON]
    orgs = [b.name for b in bylines if b.kind is m.BylineKind.ORGANISATION]
    parts = []
    if people:
        parts.append(
            people[0] if len(people) == 1 else ", ".join(people[:-1]) + " and " + people[-1]
        )
    parts.extend(orgs)
    line = ", ".join(parts) or None
    declare_changes(losses.at("bylines"), bylines, parse_byline(line or ""), _BY_LINE)
    return line


#: Why a byline does not come back from ninjs' one ``by`` line.
_BY_LINE = "ninjs has one line of text for bylines (names only, in its order)"


def _concept(
    topic: m.Topic, catalog: Catalog, losses: Losses, *, with_rel: bool, scores: bool
) -> dict[str, Any]:
    entry: dict[str, Any] = {}
    if topic.name:
        entry["name"] = topic.name
    if with_rel and topic.kind in _REL_KINDS.values():
        entry["rel"] = topic.kind.value
    uri = _uri(topic.uri) or (_uri(catalog.to_uri(topic.qcode)) if topic.qcode else None)
    if uri != topic.uri:
        losses.drop("uri", "ninjs needs an absolute URI, and writes a known code as one")
    if uri:
        entry["uri"] = uri
        if topic.qcode and catalog.to_qcode(uri) != topic.qcode:
            losses.drop("qcode", "ninjs gives a topic a URI or a code, and this URI has no code")
    elif topic.qcode:
        entry["literal"] = topic.qcode
    if topic.scheme:
        losses.drop("scheme", "ninjs has no place for a topic's scheme name")
    for key in ("relevance", "confidence"):
        value = getattr(topic, key)
        if value is not None and scores:
            entry[key] = value
        elif value is not None:
            losses.drop(key, "ninjs scores only subjects")
    return entry


def _plain_entry(role: str, value: str) -> dict[str, Any]:
    """A ``descriptions``/``headlines`` entry of plain text."""
    return {"role": role, "contentType": "text/plain", "value": value}


def _photo_doc(photo: m.Photo, index: int, catalog: Catalog, losses: Losses) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "name": "featureimage" if index == 0 else f"picture{index + 1}",
        "uri": _item_uri(photo.id, f"photo:{photo.url}:{photo.caption}:{index}"),
        "type": "picture",
    }
    if photo.photographer:
        doc["by"] = photo.photographer
    descriptions = []
    if photo.caption:
        descriptions.append(_plain_entry("caption", photo.caption))
    if photo.credit:
        descriptions.append(_plain_entry("creditline", photo.credit))
    if photo.alt:
        descriptions.append(_plain_entry("alt", photo.alt))
    if descriptions:
        doc["descriptions"] = descriptions
    renditions = []
    if _uri(photo.url):
        main: dict[str, Any] = {"name": "default", "href": photo.url}
        if photo.width:
            main["width"] = photo.width
        if photo.height:
            main["height"] = photo.height
        renditions.append(main)
    else:
        _no_main_file(photo, losses)
    for i, rendition in enumerate(photo.renditions):
        if not _uri(rendition.url):
            losses.drop(f"renditions[{i}]", "not an absolute URI")
            continue
        entry: dict[str, Any] = {
            "name": rendition.name or f"rendition{i + 1}",
            "href": rendition.url,
        }
        if rendition.name in (None, "default"):
            losses.drop(f"renditions[{i}].name", "ninjs names every rendition, once")
        for key, value in (
            ("contentType", rendition.media_type),
            ("width", rendition.width),
            ("height", rendition.height),
            ("sizeInBytes", rendition.size),
        ):
            if value is not None:
                entry[key] = value
        renditions.append(entry)
    if renditions:
        doc["renditions"] = renditions
    return doc


def _no_main_file(photo: m.Photo, losses: Losses) -> None:
    """Declare what a photo without a main file ninjs can hold loses.

    The reader takes a photo's first rendition as its main file when none is
    named ``default``, so that rendition moves from ``renditions`` to ``url``.
    """
    for key in ("url", "width", "height"):
        if getattr(photo, key) is not None:
            losses.drop(key, "a photo's main file needs an absolute URI in ninjs")
    first = next((i for i, r in enumerate(photo.renditions) if _uri(r.url)), None)
    if first is not None:
        losses.drop(f"renditions[{first}]", "ninjs reads a photo's first file as its main one")
        for key in ("url", "width", "height"):
            if getattr(photo.renditions[first], key) is not None:
                losses.drop(key, "ninjs reads a photo's first file as its main one")


def _v3(article: m.Article, catalog: Catalog, losses: Losses) -> dict[str, Any]:
    seed = f"{article.headline}|{article.published}|{article.text[:200]}"
    doc: dict[str, Any] = {"uri": _item_uri(article.id, seed), "type": "text"}
    if article.version is not None:
        doc["version"] = str(article.version)
    _put(
        doc,
        ("firstCreated", _date(article.published, losses, "published")),
        ("versionCreated", _date(article.modified, losses, "modified")),
        ("embargoedUntil", _date(article.embargo, losses, "embargo")),
        ("pubStatus", article.status.value if article.status else None),
        ("urgency", article.urgency),
    )
    if article.rights is not None:
        _put(
            doc,
            ("copyrightHolder", article.rights.holder),
            ("copyrightNotice", article.rights.notice),
            ("usageTerms", article.rights.usage_terms),
        )
    _put(doc, ("edNote", article.ed_note), ("language", article.language))
    _texts(article, doc, losses)
    _topics(article, catalog, doc, losses)
    if article.publisher is not None:
        source: dict[str, Any] = {"name": article.publisher.name, "role": "publisher"}
        if _uri(article.publisher.url):
            source["uri"] = article.publisher.url
        elif article.publisher.url:
            losses.drop("publisher.url", "not an absolute URI")
        if article.publisher.logo:
            losses.drop("publisher.logo", "ninjs has no place for a publisher's logo")
        doc["infoSources"] = [source]
    _put(doc, ("by", _by(article.bylines, losses)), ("slugline", article.slugline))
    if article.dateline is not None:
        doc["located"] = article.dateline.location or article.dateline.text
        if article.dateline.text != article.dateline.location:
            losses.drop("dateline", "ninjs keeps only the place of a dateline")
    if _uri(article.url):
        doc["renditions"] = [{"name": "web", "href": article.url, "contentType": "text/html"}]
    elif article.url:
        losses.drop("url", "not an absolute URI")
    _associations(article, catalog, doc, losses)
    alt_ids = [
        {"role": a.type, "value": a.value} if a.type else {"value": a.value}
        for a in article.alt_ids
    ]
    if alt_ids:
        doc["altIds"] = alt_ids
    _genres(article, catalog, doc, losses)
    if article.quotes:
        losses.drop("quotes", NO_QUOTES)
    return doc


def _put(doc: dict[str, Any], *pairs: tuple[str, Any]) -> None:
    """Set each key whose value is there (not ``None``, not empty)."""
    for key, value in pairs:
        if value not in (None, ""):
            doc[key] = value


def _texts(article: m.Article, doc: dict[str, Any], losses: Losses) -> None:
    """Headlines, descriptions and the body (ninjs carries each as it is)."""
    descriptions = []
    if article.summary:
        descriptions.append(_plain_entry("summary", article.summary))
    if article.creditline:
        descriptions.append(_plain_entry("creditline", article.creditline))
    if descriptions:
        doc["descriptions"] = descriptions
    if article.body:
        text = article.text
        markup = blocks_to_html(article.body)
        doc["bodies"] = [
            {
                "role": "main",
                "contentType": "text/html",
                "charCount": len(text),
                "wordCount": len(text.split()),
                "value": markup,
            }
        ]
        declare_markup_losses(article.body, markup, losses)
    headlines = []
    if article.headline:
        headlines.append(_plain_entry("main", article.headline))
    if article.subheadline:
        headlines.append(_plain_entry("sub", article.subheadline))
    if headlines:
        doc["headlines"] = headlines


def _topics(article: m.Article, catalog: Catalog, doc: dict[str, Any], losses: Losses) -> None:
    """Topics in ninjs' lists by kind (subjects first)."""
    listed: list[int] = []
    for kind, key in _KIND_LIST.items():
        kinds = {kind, *_REL_KINDS.values()} if kind is m.TopicKind.SUBJECT else {kind}
        entries = []
        for i, topic in enumerate(article.topics):
            if topic.kind in kinds:
                here = losses.at(f"topics[{i}]")
                entry = _concept(
                    topic, catalog, here, with_rel=True, scores=kind is m.TopicKind.SUBJECT
                )
                entries.append(entry)
                listed.append(i)
        if entries:
            doc[key] = entries
    for i, topic in enumerate(article.topics):
        if i not in listed:
            losses.drop(f"topics[{i}]", f"ninjs has no list for {topic.kind.value} topics")
    if listed != sorted(listed):
        losses.drop("topics: order", "ninjs lists topics by kind")


def _genres(article: m.Article, catalog: Catalog, doc: dict[str, Any], losses: Losses) -> None:
    genres = []
    for i, genre in enumerate(article.genres):
        here = losses.at(f"genres[{i}]")
        genres.append(_concept(genre, catalog, here, with_rel=False, scores=False))
        if genre.kind is not m.TopicKind.GENRE:
            here.drop("kind", "a ninjs genre is a genre")
    if genres:
        doc["genres"] = genres


def _associations(
    article: m.Article, catalog: Catalog, doc: dict[str, Any], losses: Losses
) -> None:
    """Photos, then related links, as associations."""
    associations = [
        _photo_doc(p, i, catalog, losses.at(f"photos[{i}]")) for i, p in enumerate(article.photos)
    ]
    for i, link in enumerate(article.links):
        if not _uri(link.url):
            losses.drop(f"links[{i}]", "not an absolute URI")
            continue
        entry = {"name": link.rel or "related", "uri": link.url}
        if link.rel is None:
            losses.drop(f"links[{i}].rel", "ninjs names every association")
        if link.media_type:
            losses.drop(f"links[{i}].media_type", "ninjs has no media type for a link")
        if link.title:
            entry["title"] = link.title
        associations.append(entry)
    if associations:
        doc["associations"] = associations


_V2_KEYS = {v3: v2 for v2, v3 in _V3_KEYS.items()}


def _to_v2(value: Any) -> Any:
    if isinstance(value, dict):
        return {_V2_KEYS.get(k, k): _to_v2(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_to_v2(v) for v in value]
    return value


def _to_v1(doc: dict[str, Any], catalog: Catalog) -> dict[str, Any]:
    """The 1.6 shape of a 2.x-shaped document."""
    out: dict[str, Any] = {}
    for key, value in doc.items():
        if key == "headlines":
            for entry in value:
                out["headline" if entry["role"] == "main" else f"headline_{entry['role']}"] = entry[
                    "value"
                ]
        elif key == "descriptions":
            for entry in value:
                out[f"description_{entry['role']}"] = entry["value"]
        elif key == "bodies":
            for entry in value:
                out["body_html"] = entry["value"]
                out["charcount"] = entry["charcount"]
                out["wordcount"] = entry["wordcount"]
        elif key == "by":
            out["byline"] = value
        elif key in (
            "people",
            "organisations",
            "places",
            "subjects",
            "events",
            "objects",
            "genres",
        ):
            single = {"people": "person", "organisations": "organisation", "genres": "genre"}.get(
                key, key[:-1]
            )
            out[single] = [_v1_out_concept(e, catalog, genre=key == "genres") for e in value]
        elif key == "infosources":
            out["infosource"] = [
                {k: v for k, v in e.items() if k in ("name",)}
                | ({"rel": e["role"]} if "role" in e else {})
                for e in value
            ]
        elif key == "renditions":
            out["renditions"] = {_v1_key(e["name"]): _v1_out_rendition(e) for e in value}
        elif key == "associations":
            out["associations"] = {
                _v1_key(e["name"]): _to_v1(
                    {k: v for k, v in e.items() if k not in ("name", "rel")}, catalog
                )
                for e in value
                if "type" in e
            }
        elif key == "altids":
            out["altids"] = {e.get("role", "id"): e["value"] for e in value}
        else:
            out[key] = value
    return out


def _v1_out_concept(entry: dict[str, Any], catalog: Catalog, *, genre: bool) -> dict[str, Any]:
    out = {k: v for k, v in entry.items() if k in ("name", "rel", "relevance", "confidence")}
    if genre:
        out.pop("rel", None)
        out.pop("relevance", None)
        out.pop("confidence", None)
    uri = entry.get("uri")
    if uri:
        qcode = catalog.to_qcode(uri)
        if qcode:
            alias, _, code = qcode.partition(":")
            out["scheme"] = catalog.schemes[alias]
            out["code"] = code
        else:
            split = _v1_split(uri)
            if split:
                out["scheme"], out["code"] = split
    elif entry.get("literal"):
        out["code"] = entry["literal"]
    return out


def _v1_out_rendition(entry: dict[str, Any]) -> dict[str, Any]:
    out = {
        k: v for k, v in entry.items() if k in ("href", "title", "width", "height", "sizeinbytes")
    }
    if "contenttype" in entry:
        out["mimetype"] = entry["contenttype"]
    return out


def to_data(
    article: m.Article,
    *,
    version: str = "3.1",
    catalog: Catalog | None = None,
    losses: Losses | None = None,
) -> dict[str, Any]:
    """The ninjs document for ``article`` as a dict; what it drops goes to ``losses``."""
    catalog = catalog or Catalog()
    losses = Losses() if losses is None else losses
    if version not in VERSIONS:
        raise WriteError(
            f"ninjs version {version!r} cannot be written (choose {', '.join(VERSIONS)})"
        )
    doc = _v3(article, catalog, losses)
    if version == "3.1":
        return doc
    v2: dict[str, Any] = _to_v2(doc)
    if version == "2.2":
        return v2
    _v1_losses(article, catalog, losses)
    return _to_v1(v2, catalog)


def _v1_losses(article: m.Article, catalog: Catalog, losses: Losses) -> None:
    """What 1.6 drops beyond 3.1: literal codes, links, rendition and id roles."""
    for i in range(len(article.links)):
        losses.drop(f"links[{i}]", "ninjs 1.6 associations are pictures only")
    roles = [(a.type or "id").lower() for a in article.alt_ids]
    for i, (alt, role) in enumerate(zip(article.alt_ids, roles, strict=True)):
        if roles.count(role) > 1:
            losses.drop(f"alt_ids[{i}]", "ninjs 1.6 keeps one alternative id per role")
        elif alt.type != role:
            losses.drop(f"alt_ids[{i}].type", "ninjs 1.6 roles are lower-case keys")
    for field in ("topics", "genres"):
        for i, topic in enumerate(getattr(article, field)):
            uri = _uri(topic.uri) or (_uri(catalog.to_uri(topic.qcode)) if topic.qcode else None)
            if topic.qcode and not uri:
                losses.drop(f"{field}[{i}].qcode", "ninjs 1.6 has no literal codes")
            if uri and not catalog.to_qcode(uri) and not _v1_split(uri):
                losses.drop(f"{field}[{i}].uri", "ninjs 1.6 needs a scheme and a code")
    if article.publisher is not None and _uri(article.publisher.url):
        losses.drop("publisher.url", "a ninjs 1.6 info source has a name only")
    for i, photo in enumerate(article.photos):
        keys = {"default"} if _uri(photo.url) else set()
        for j, rendition in enumerate(photo.renditions):
            if not _uri(rendition.url):
                continue
            key = _v1_key(rendition.name or f"rendition{j + 1}")
            if key in keys:
                losses.drop(f"photos[{i}].renditions[{j}]", "ninjs 1.6 names renditions once")
            elif rendition.name is not None and key != rendition.name:
                losses.drop(f"photos[{i}].renditions[{j}].name", "ninjs 1.6 names are keys")
            keys.add(key)


def _v1_key(name: str) -> str:
    """A name as a ninjs 1.6 key (and as the reader lower-cases it)."""
    return re.sub(r"[^a-zA-Z0-9_]", "_", name).lower()


def _v1_split(uri: str) -> tuple[str, str] | None:
    """A URI as a ninjs 1.6 ``scheme`` and ``code`` (at its last slash), if it splits."""
    base, _, code = uri.rpartition("/")
    return (base + "/", code) if base and code and _uri(base + "/") else None


def write(
    article: m.Article,
    *,
    version: str = "3.1",
    catalog: Catalog | None = None,
    indent: int | None = 2,
    strict: bool = False,
) -> str:
    """Write ``article`` as ninjs ``version`` (``"3.1"``, ``"2.2"`` or ``"1.6"``).

    Fields the version cannot carry are reported
    (:class:`~newsmodel.errors.LossyConversionWarning`, or
    :class:`~newsmodel.errors.LossyConversionError` with ``strict=True``).
    """
    losses = Losses()
    doc = to_data(article, version=version, catalog=catalog, losses=losses)
    report(f"{FORMAT.name} {version}", losses, strict=strict)
    return json.dumps(doc, ensure_ascii=False, indent=indent) + "\n"
