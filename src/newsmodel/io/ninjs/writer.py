"""Writing ninjs: an article as 3.1, then 2.2 (keys in lower case) or 1.6 (:mod:`.v1`).

What ninjs cannot carry is declared where it is left out, by field path
(:mod:`newsmodel.losses`).
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
import zoneinfo

import attrs

from newsmodel import model as m
from newsmodel.bylines import parse_byline
from newsmodel.catalog import Catalog
from newsmodel.errors import WriteError
from newsmodel.io._common import GENERATED_PREFIX, OWN_URIS, wrapped_id
from newsmodel.io.ninjs.shape import (
    FORMAT,
    REL_KINDS,
    TOPIC_LISTS,
    V3_KEYS,
    JSONObject,
    JSONValue,
    absolute_uri,
)
from newsmodel.io.ninjs.v1 import to_v1, v1_losses
from newsmodel.losses import NO_QUOTES, Losses, declare_changes, report
from newsmodel.markup import blocks_to_html

__all__ = ["VERSIONS", "DateChoice", "date_choice", "to_data", "write"]

#: The versions the writer can emit.
VERSIONS = ("3.1", "2.2", "1.6")

#: The 2.x key of each 3.x key that is not its lower case, e.g. ``"embargoed"``.
_V2_KEYS = {v3: v2 for v2, v3 in V3_KEYS.items()}
#: The list each topic kind is written in.
_KIND_LIST = {kind: name for name, kind in TOPIC_LISTS}
#: Why a byline does not come back from ninjs' one ``by`` line.
_BY_LINE = "ninjs has one line of text for bylines (names only, in its order)"
#: How much of the text goes into the hash of an article without an id.
_SEED_CHARS = 200


def _item_uri(identifier: str | None, seed: str) -> str:
    if identifier is None:
        digest = hashlib.sha1(seed.encode("utf-8")).hexdigest()[:20]
        return GENERATED_PREFIX + digest
    if identifier.startswith(OWN_URIS):  # (written as it is, it would read back otherwise)
        return wrapped_id(identifier)
    return absolute_uri(identifier) or wrapped_id(identifier)


@attrs.frozen
class DateChoice:
    """How the writer completes dates ninjs could not carry as they are (both off by default).

    ``day_time`` is the time of day a day is written at; ``zone`` the zone given to
    those days and to times without one. Without ``zone``, days take the zone of
    the article's first date that has one.
    """

    day_time: datetime.time | None = None
    zone: datetime.tzinfo | None = None


#: A time of day as ``day_time`` takes it: ``"00:00"``, ``"12:00:00"``.
_DAY_TIME = re.compile(r"([01][0-9]|2[0-3]):([0-5][0-9])(?::([0-5][0-9]))?")
#: A fixed zone as ``zone`` takes it: ``"Z"``, ``"+10:30"``, ``"-0500"`` (else an IANA name).
_OFFSET = re.compile(r"([+-])([01][0-9]|2[0-3]):?([0-5][0-9])")
#: Longest bad ``day_time`` or ``zone`` value an error message shows.
_NAME_SHOWN = 60
#: Names ``zone`` reads as UTC: ``"Z"``, ``"UTC"``.
_UTC_NAMES = frozenset({"z", "utc", "gmt"})
#: Why a day is left out, and the option that writes it.
_NO_DAY_TIME = (
    "ninjs dates need a time of day and a zone; the writer option day_time='00:00' writes "
    "a day at that time, in the article's zone or zone='…'"
)
#: Why a day is left out when ``day_time`` is given but no zone is known.
_NO_DAY_ZONE = "ninjs dates need a zone, and the article has none: give one with zone='+00:00'"
#: Why a time of day without a zone is left out, and the option that gives it one.
_NO_ZONE = "ninjs dates need a zone; the writer's zone option (e.g. zone='+00:00') gives one"


def date_choice(day_time: str | None, zone: str | None) -> DateChoice:
    """The writer's ``day_time`` and ``zone`` options, checked; :class:`WriteError` when bad.

    >>> date_choice("09:30", "+10:30").zone
    datetime.timezone(datetime.timedelta(seconds=37800))
    """
    time = None
    if day_time is not None:
        found = _DAY_TIME.fullmatch(day_time.strip())
        if found is None:
            raise WriteError(
                f"ninjs day_time {day_time[:_NAME_SHOWN]!r} is no time of day (write 'HH:MM')"
            )
        hour, minute, second = (int(part or 0) for part in found.groups())
        time = datetime.time(hour, minute, second)
    return DateChoice(day_time=time, zone=None if zone is None else _zone(zone))


def _zone(name: str) -> datetime.tzinfo:
    text = name.strip()
    if text.lower() in _UTC_NAMES:
        return datetime.timezone.utc
    offset = _OFFSET.fullmatch(text)
    if offset is not None:
        sign, hours, minutes = offset.groups()
        delta = datetime.timedelta(hours=int(hours), minutes=int(minutes))
        return datetime.timezone(-delta if sign == "-" else delta)
    try:
        return zoneinfo.ZoneInfo(text)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):  # a bad key, a directory
        raise WriteError(
            f"ninjs zone {name[:_NAME_SHOWN]!r} is no zone (write 'Z', '+10:30' or a name such as "
            "'Australia/Adelaide')"
        ) from None


def _article_zone(article: m.Article) -> datetime.tzinfo | None:
    """The zone of the article's first date that has one (published, modified, embargo)."""
    for value in (article.published, article.modified, article.embargo):
        if isinstance(value, datetime.datetime) and value.utcoffset() is not None:
            return value.tzinfo
    return None


def _date(value: m.DateValue | None, losses: Losses, path: str, choice: DateChoice) -> str | None:
    """RFC 3339 date-time; ``None`` for a day or a zoneless time ``choice`` does not complete."""
    if isinstance(value, datetime.datetime):
        if value.utcoffset() is not None:
            return value.isoformat()
        if choice.zone is not None:
            return value.replace(tzinfo=choice.zone).isoformat()
        losses.drop(path, _NO_ZONE)
        return None
    if value is None:
        return None
    if choice.day_time is None:
        losses.drop(path, _NO_DAY_TIME)
        return None
    if choice.zone is None:
        losses.drop(path, _NO_DAY_ZONE)
        return None
    when = datetime.datetime.combine(value, choice.day_time, tzinfo=choice.zone)
    return when.isoformat()


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


def _concept(
    topic: m.Topic, catalog: Catalog, losses: Losses, *, with_rel: bool, scores: bool
) -> JSONObject:
    entry: JSONObject = {}
    if topic.name:
        entry["name"] = topic.name
    if with_rel and topic.kind in REL_KINDS.values():
        entry["rel"] = topic.kind.value
    uri = absolute_uri(topic.uri) or (
        absolute_uri(catalog.to_uri(topic.qcode)) if topic.qcode else None
    )
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
    for key, value in (("relevance", topic.relevance), ("confidence", topic.confidence)):
        if value is not None and scores:
            entry[key] = value
        elif value is not None:
            losses.drop(key, "ninjs scores only subjects")
    return entry


def _plain_entry(role: str, value: str) -> JSONObject:
    """A ``descriptions``/``headlines`` entry of plain text."""
    return {"role": role, "contentType": "text/plain", "value": value}


def _put(doc: JSONObject, *pairs: tuple[str, JSONValue]) -> None:
    """Set each key whose value is there (not ``None``, not empty)."""
    for key, value in pairs:
        if value not in (None, ""):
            doc[key] = value


# ---------------------------------------------------------------------------
# photos


def _photo_doc(photo: m.Photo, index: int, losses: Losses) -> JSONObject:
    doc: JSONObject = {
        "name": "featureimage" if index == 0 else f"picture{index + 1}",
        "uri": _item_uri(photo.id, f"photo:{photo.url}:{photo.caption}:{index}"),
        "type": "picture",
    }
    if photo.photographer:
        doc["by"] = photo.photographer
    descriptions: list[JSONValue] = [
        _plain_entry(role, text)
        for role, text in (
            ("caption", photo.caption),
            ("creditline", photo.credit),
            ("alt", photo.alt),
        )
        if text
    ]
    if descriptions:
        doc["descriptions"] = descriptions
    renditions: list[JSONValue] = []
    if absolute_uri(photo.url):
        main: JSONObject = {"name": "default", "href": photo.url}
        _put(main, ("width", photo.width or None), ("height", photo.height or None))
        renditions.append(main)
    else:
        _no_main_file(photo, losses)
    for i, rendition in enumerate(photo.renditions):
        entry = _rendition(rendition, i, losses.at(f"renditions[{i}]"))
        if entry is not None:
            renditions.append(entry)
    if renditions:
        doc["renditions"] = renditions
    return doc


def _rendition(rendition: m.Rendition, index: int, losses: Losses) -> JSONObject | None:
    if not absolute_uri(rendition.url):
        losses.drop("", "not an absolute URI")
        return None
    entry: JSONObject = {"name": rendition.name or f"rendition{index + 1}", "href": rendition.url}
    if rendition.name in (None, "default"):
        losses.drop("name", "ninjs names every rendition, once")
    for key, value in (
        ("contentType", rendition.media_type),
        ("width", rendition.width),
        ("height", rendition.height),
        ("sizeInBytes", rendition.size),
    ):
        if value is not None:
            entry[key] = value
    return entry


def _no_main_file(photo: m.Photo, losses: Losses) -> None:
    """Declare what a photo without a main file ninjs can hold loses.

    The reader takes a photo's first rendition as its main file when none is
    named ``default``, so that rendition moves from ``renditions`` to ``url``.
    """
    for key in ("url", "width", "height"):
        if getattr(photo, key) is not None:
            losses.drop(key, "a photo's main file needs an absolute URI in ninjs")
    first = next((i for i, r in enumerate(photo.renditions) if absolute_uri(r.url)), None)
    if first is not None:
        losses.drop(f"renditions[{first}]", "ninjs reads a photo's first file as its main one")
        for key in ("url", "width", "height"):
            if getattr(photo.renditions[first], key) is not None:
                losses.drop(key, "ninjs reads a photo's first file as its main one")


# ---------------------------------------------------------------------------
# the article


def _v3(article: m.Article, catalog: Catalog, losses: Losses, dates: DateChoice) -> JSONObject:
    seed = f"{article.headline}|{article.published}|{article.text[:_SEED_CHARS]}"
    doc: JSONObject = {"uri": _item_uri(article.id, seed), "type": "text"}
    if dates.day_time is not None and dates.zone is None:
        dates = attrs.evolve(dates, zone=_article_zone(article))
    _put(
        doc,
        ("version", str(article.version) if article.version is not None else None),
        ("firstCreated", _date(article.published, losses, "published", dates)),
        ("versionCreated", _date(article.modified, losses, "modified", dates)),
        ("embargoedUntil", _date(article.embargo, losses, "embargo", dates)),
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
    _publisher(article.publisher, doc, losses)
    _put(doc, ("by", _by(article.bylines, losses)), ("slugline", article.slugline))
    if article.dateline is not None:
        doc["located"] = article.dateline.location or article.dateline.text
        if article.dateline.text != article.dateline.location:
            losses.drop("dateline", "ninjs keeps only the place of a dateline")
    if absolute_uri(article.url):
        doc["renditions"] = [{"name": "web", "href": article.url, "contentType": "text/html"}]
    elif article.url:
        losses.drop("url", "not an absolute URI")
    _associations(article, doc, losses)
    alt_ids: list[JSONValue] = [
        {"role": a.type, "value": a.value} if a.type else {"value": a.value}
        for a in article.alt_ids
    ]
    if alt_ids:
        doc["altIds"] = alt_ids
    _genres(article, catalog, doc, losses)
    if article.quotes:
        losses.drop("quotes", NO_QUOTES)
    return doc


def _publisher(publisher: m.Publisher | None, doc: JSONObject, losses: Losses) -> None:
    if publisher is None:
        return
    source: JSONObject = {"name": publisher.name, "role": "publisher"}
    if absolute_uri(publisher.url):
        source["uri"] = publisher.url
    elif publisher.url:
        losses.drop("publisher.url", "not an absolute URI")
    if publisher.logo:
        losses.drop("publisher.logo", "ninjs has no place for a publisher's logo")
    doc["infoSources"] = [source]


def _texts(article: m.Article, doc: JSONObject, losses: Losses) -> None:
    """Headlines, descriptions and the body (ninjs carries each as it is)."""
    descriptions: list[JSONValue] = [
        _plain_entry(role, text)
        for role, text in (("summary", article.summary), ("creditline", article.creditline))
        if text
    ]
    if descriptions:
        doc["descriptions"] = descriptions
    if article.body:
        text = article.text
        markup = blocks_to_html(article.body, losses=losses.at("body"))
        doc["bodies"] = [
            {
                "role": "main",
                "contentType": "text/html",
                "charCount": len(text),
                "wordCount": len(text.split()),
                "value": markup,
            }
        ]
    headlines: list[JSONValue] = [
        _plain_entry(role, text)
        for role, text in (("main", article.headline), ("sub", article.subheadline))
        if text
    ]
    if headlines:
        doc["headlines"] = headlines


def _topics(article: m.Article, catalog: Catalog, doc: JSONObject, losses: Losses) -> None:
    """Topics in ninjs' lists by kind (subjects first)."""
    listed: list[int] = []
    for kind, key in _KIND_LIST.items():
        kinds = {kind, *REL_KINDS.values()} if kind is m.TopicKind.SUBJECT else {kind}
        entries: list[JSONValue] = []
        for i, topic in enumerate(article.topics):
            if topic.kind in kinds:
                here = losses.at(f"topics[{i}]")
                scores = kind is m.TopicKind.SUBJECT
                entries.append(_concept(topic, catalog, here, with_rel=True, scores=scores))
                listed.append(i)
        if entries:
            doc[key] = entries
    for i, topic in enumerate(article.topics):
        if i not in listed:
            losses.drop(f"topics[{i}]", f"ninjs has no list for {topic.kind.value} topics")
    if listed != sorted(listed):
        losses.drop("topics: order", "ninjs lists topics by kind")


def _genres(article: m.Article, catalog: Catalog, doc: JSONObject, losses: Losses) -> None:
    genres: list[JSONValue] = []
    for i, genre in enumerate(article.genres):
        here = losses.at(f"genres[{i}]")
        genres.append(_concept(genre, catalog, here, with_rel=False, scores=False))
        if genre.kind is not m.TopicKind.GENRE:
            here.drop("kind", "a ninjs genre is a genre")
    if genres:
        doc["genres"] = genres


def _associations(article: m.Article, doc: JSONObject, losses: Losses) -> None:
    """Photos, then related links, as associations."""
    associations: list[JSONValue] = [
        _photo_doc(p, i, losses.at(f"photos[{i}]")) for i, p in enumerate(article.photos)
    ]
    for i, link in enumerate(article.links):
        if not absolute_uri(link.url):
            losses.drop(f"links[{i}]", "not an absolute URI")
            continue
        entry: JSONObject = {"name": link.rel or "related", "uri": link.url}
        if link.rel is None:
            losses.drop(f"links[{i}].rel", "ninjs names every association")
        if link.media_type:
            losses.drop(f"links[{i}].media_type", "ninjs has no media type for a link")
        if link.title:
            entry["title"] = link.title
        associations.append(entry)
    if associations:
        doc["associations"] = associations


# ---------------------------------------------------------------------------
# versions


def _to_v2(value: JSONValue) -> JSONValue:
    if isinstance(value, dict):
        return _to_v2_object(value)
    if isinstance(value, list):
        return [_to_v2(v) for v in value]
    return value


def _to_v2_object(doc: JSONObject) -> JSONObject:
    """``doc`` with 2.x keys: the 3.x camelCase ones in lower case."""
    return {_V2_KEYS.get(k, k): _to_v2(v) for k, v in doc.items()}


def to_data(
    article: m.Article,
    *,
    version: str = "3.1",
    catalog: Catalog | None = None,
    losses: Losses | None = None,
    dates: DateChoice | None = None,
) -> JSONObject:
    """The ninjs document for ``article`` as a dict; what it drops goes to ``losses``.

    ``dates`` completes days and zoneless times (see :func:`write`'s ``day_time``, ``zone``)."""
    catalog = catalog or Catalog()
    losses = Losses() if losses is None else losses
    if version not in VERSIONS:
        raise WriteError(
            f"ninjs version {version!r} cannot be written (choose {', '.join(VERSIONS)})"
        )
    doc = _v3(article, catalog, losses, dates or DateChoice())
    if version == "3.1":
        return doc
    v2 = _to_v2_object(doc)
    if version == "2.2":
        return v2
    v1_losses(article, catalog, losses)
    return to_v1(v2, catalog)


def write(
    article: m.Article,
    *,
    version: str = "3.1",
    catalog: Catalog | None = None,
    day_time: str | None = None,
    zone: str | None = None,
    indent: int | None = 2,
    strict: bool = False,
) -> str:
    """Write ``article`` as ninjs ``version`` (``"3.1"``, ``"2.2"`` or ``"1.6"``).

    ninjs dates need a time of day and a zone. By default a day (a date without a
    time) or a time without a zone is left out and reported. ``day_time="00:00"``
    writes days at that time of day, in ``zone`` or else the zone of the article's
    first date that has one; ``zone`` (``"Z"``, ``"+10:30"``, ``"Australia/Adelaide"``)
    also completes times without a zone. Completed dates read back as those times: a
    choice made here, not reported as a loss.

    Fields the version cannot carry are reported
    (:class:`~newsmodel.errors.LossyConversionWarning`, or
    :class:`~newsmodel.errors.LossyConversionError` with ``strict=True``).
    """
    losses = Losses()
    dates = date_choice(day_time, zone)
    doc = to_data(article, version=version, catalog=catalog, losses=losses, dates=dates)
    report(f"{FORMAT.name} {version}", losses, strict=strict)
    return json.dumps(doc, ensure_ascii=False, indent=indent) + "\n"
