"""What the feed formats (``rss``, ``atom``, ``jsonfeed``) share, reading and writing.

Reading: the tolerant decoding feeds need (the declared encoding, then UTF-8,
then windows-1252; white space before the XML declaration), one
:class:`Entry` per item holding what the item says, and the one function
that turns an entry into an :class:`~newsmodel.model.Article`
(:func:`article_from_entry`): titles and summaries as text, bodies through
the markup rules of the HTML reader, dates through :mod:`newsmodel.dates`,
authors through :mod:`newsmodel.bylines`. Media RSS and image enclosures
are read by :mod:`newsmodel.io._feedmedia`.

Writing: dates in RFC 822 and RFC 3339, text escaped as feeds expect, and
the losses every feed writer declares (:func:`declare_unwritten`).
"""

from __future__ import annotations

import codecs
import datetime
import functools
import html
import html.entities
import re
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from urllib.parse import urljoin

import attrs
from lxml import etree

from newsmodel import model as m
from newsmodel._input import bom_encoding, check_input, clean_text, xml_prologue
from newsmodel.bylines import parse_byline
from newsmodel.dates import ZONE_ABBREVIATIONS, parse_date
from newsmodel.errors import IgnoredContentWarning, InputTooLargeError, ReadError
from newsmodel.io._common import as_read_errors
from newsmodel.losses import NO_QUOTES, Losses
from newsmodel.markup import blocks_from_html, blocks_from_text
from newsmodel.markup.parse import parse_document
from newsmodel.markup.sanitise import safe_url
from newsmodel.xmlsafe import parse_xml

__all__ = [
    "MEDIA_NS",
    "Channel",
    "Entry",
    "all_text",
    "article_from_entry",
    "articles_of",
    "bylines_of",
    "channel_of",
    "date_text",
    "declare_parts",
    "declare_text",
    "declare_unwritten",
    "feed_text",
    "html_escaped",
    "keyword",
    "parse_feed",
    "plain_text",
    "resolve",
    "rfc822",
    "rfc3339",
    "root_name",
    "utc_key",
]

#: The Media RSS namespace (``media:content``); some feeds drop the final slash.
MEDIA_NS = "http://search.yahoo.com/mrss/"
#: Codecs tried, in order, after the declared one: ``"utf-8"`` first, then the
#: encoding of most mislabelled Western feeds (``windows-1252``), read leniently.
_FALLBACK_CODECS = ("utf-8",)
_LAST_RESORT = "windows-1252"
#: ``<?xml version="1.0" encoding="ISO-8859-1"?>``: the declared encoding, from the head.
_DECLARED = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z][\w.:-]{0,40})["']""")
#: Declared encodings read as another, as browsers do (the WHATWG Encoding Standard):
#: ``ISO-8859-1`` and ``US-ASCII`` labels mean windows-1252 (``0x93`` is ``“``).
_READ_AS = {"iso8859-1": "cp1252", "ascii": "cp1252"}
#: UTF-16 and UTF-32 (``utf-16-le``...): their ASCII bytes read as UTF-8 too, so they
#: are never taken for mislabelled UTF-8.
_WIDE_UNICODE = ("utf-16", "utf-32")
#: Python codecs that are escapes or transforms, not character sets (``"rot13"``).
_NOT_CHARSETS = frozenset({"idna", "punycode", "raw-unicode-escape", "unicode-escape", "rot-13"})
#: A named HTML entity (``&nbsp;``, ``&auml;``) that XML does not define: feeds
#: send them without a DTD, and they are turned into character references. XML's own
#: five (``&amp;``) are left to the parser without a call per match.
_HTML_ENTITY = re.compile(r"&(?!(?:amp|lt|gt|quot|apos);)([A-Za-z][A-Za-z0-9]{1,31});")
#: Characters XML 1.0 forbids (C0 controls but tab and line ends), which CMSs copy in
#: (a vertical tab for a soft line break): each becomes a space.
_FORBIDDEN_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
#: An ``&`` that starts no reference XML knows (``?a=1&b=2``, ``Q & A``, ``&foo;``): once
#: HTML's named entities are character references, only XML's five names are left.
_BARE_AMPERSAND = re.compile(r"&(?!(?:amp|lt|gt|quot|apos|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});)")
#: Where ``&`` is literal, by how each such section opens and closes.
_LITERAL_SECTIONS = (("<![CDATA[", "]]>"), ("<!--", "-->"))
#: What makes a description the body rather than a standfirst: block markup
#: (``<p>``, ``<br>``, ``<img>``...), e.g. ``<p>One.</p><p>Two.</p>``.
_BLOCK_MARKUP = re.compile(
    r"<(?:p|br|div|img|figure|ul|ol|table|h[1-6]|blockquote|pre|iframe)[\s/>]", re.IGNORECASE
)
#: ``<b>``, ``</i>`` or ``&amp;``: text that holds markup or entities to decode.
_MARKUP_SIGN = re.compile(
    r"<[A-Za-z/!]|&(?:#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
)
#: ``jane@example.com (Jane Doe)``: the RSS ``author`` form, the name in brackets.
_EMAIL_NAME = re.compile(r"^\s*\S+@\S+\s*\((?P<name>[^()]{1,200})\)\s*$")
_EMAIL = re.compile(r"^\s*\S+@\S+\.\S+\s*$")
#: Longest byline text handed to the byline rules (longer is no byline).
_MAX_BYLINE = 500


# ---------------------------------------------------------------------------
# decoding and parsing


def _declared_codec(raw: bytes) -> str | None:
    match = _DECLARED.match(raw[:400])
    if match is None:
        return None
    try:
        codec = codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None
    return None if codec in _NOT_CHARSETS else codec


def _codecs_to_try(raw: bytes) -> tuple[str | None, ...]:
    """The declared codec then UTF-8; UTF-8 first when the bytes are not ASCII and
    another encoding is declared, as a feed whose bytes all read as UTF-8 is UTF-8
    mislabelled (real text in another encoding never reads as UTF-8)."""
    label = _declared_codec(raw.lstrip())
    if label is None or label == "utf-8" or label.startswith(_WIDE_UNICODE) or raw.isascii():
        return (label, *_FALLBACK_CODECS)
    # as read (windows-1252 for a Latin-1 label), then the label itself if that fails
    return ("utf-8", _READ_AS.get(label, label), label)


def feed_text(data: object, *, format: str, max_bytes: int) -> str:
    """A feed's text: a byte-order mark, else the declared encoding, else UTF-8, else
    windows-1252 (never failing); white space before the first ``<`` taken out."""
    checked = check_input(data, format=format, max_bytes=max_bytes)
    if isinstance(checked, str):
        text = checked
    else:
        bom = bom_encoding(checked)
        codecs_tried = (bom,) if bom else _codecs_to_try(checked)
        for codec in codecs_tried:
            if codec is None:
                continue
            try:
                text = checked.decode(codec)
                break
            except (UnicodeDecodeError, LookupError):
                continue
        else:
            text = checked.decode(_LAST_RESORT, errors="replace")
    return text.lstrip("\ufeff \t\r\n")


def _entity_reference(match: re.Match[str]) -> str:
    char = html.entities.html5.get(match.group(1) + ";")
    return "".join(f"&#{ord(c)};" for c in char) if char else match.group()


def _escape_bare_ampersands(text: str) -> str:
    """``text`` with every bare ``&`` escaped, outside CDATA sections and comments
    (linear: where each kind of section next opens is looked for again only once passed)."""
    out: list[str] = []
    at = 0
    nxt = {start: text.find(start) for start, _ in _LITERAL_SECTIONS}
    while True:
        for start, _ in _LITERAL_SECTIONS:
            if 0 <= nxt[start] < at:
                nxt[start] = text.find(start, at)
        opening = [(nxt[start], start, end) for start, end in _LITERAL_SECTIONS if nxt[start] >= 0]
        if not opening:
            break
        where, start, end = min(opening)
        closed = text.find(end, where + len(start))
        out.append(_BARE_AMPERSAND.sub("&amp;", text[at:where]))
        if closed < 0:  # never closed: the rest is the section's, as the parser sees it
            out.append(text[where:])
            return "".join(out)
        at = closed + len(end)
        out.append(text[where:at])
    out.append(_BARE_AMPERSAND.sub("&amp;", text[at:]))
    return "".join(out)


def parse_feed(data: object, *, format: str, max_bytes: int) -> etree._Element:
    """The feed's root element, parsed by :func:`newsmodel.xmlsafe.parse_xml` (no
    entities, no network) after tolerant decoding; HTML's named entities become
    character references first.

    A feed that is not well-formed is read as feed readers read it: again with
    each bare ``&`` escaped (``?a=1&b=2``) and the control characters XML forbids
    taken out; failing that, with libxml2's recovery (a stray ``<``, an unclosed
    tag, a cut-off end), with an :class:`~newsmodel.errors.IgnoredContentWarning`.
    """
    text = feed_text(data, format=format, max_bytes=max_bytes)
    if "&" in text:
        text = _HTML_ENTITY.sub(_entity_reference, text)
    limit = max(max_bytes, len(text))
    try:
        return parse_xml(text, format=format, max_bytes=limit)
    except InputTooLargeError:
        raise
    except ReadError as error:
        first = error
    repaired = _escape_bare_ampersands(text) if "&" in text else text
    repaired = _FORBIDDEN_CHARS.sub(" ", repaired)
    if repaired != text:
        try:
            return parse_xml(repaired, format=format, max_bytes=limit)
        except InputTooLargeError:
            raise
        except ReadError:
            pass
    try:
        root = parse_xml(repaired, format=format, max_bytes=limit, recover=True)
    except ReadError:
        raise first from None
    warnings.warn(
        IgnoredContentWarning(f"{format}: not well-formed XML ({first}); read what could be"),
        stacklevel=3,
    )
    return root


def root_name(head: bytes) -> tuple[str, str] | None:
    """``(prefix, local name)`` of the first element in ``head`` (past the XML
    declaration, comments, processing instructions and a DOCTYPE); ``None`` if none."""
    _, at = xml_prologue(head)
    match = _ELEMENT.match(head, at)
    if match is None:
        return None
    prefix = (match.group(1) or b"").decode("ascii", "replace")
    return prefix, match.group(2).decode("ascii", "replace")


#: The first element's (prefix, local name), where the prologue ends.
_ELEMENT = re.compile(rb"<(?:([\w.-]{1,40}):)?([\w.-]{1,40})[\s>/]")


# ---------------------------------------------------------------------------
# text


def all_text(element: etree._Element) -> str:
    """Every piece of text inside ``element`` (CDATA included), as it stands."""
    if not len(element):  # no child: the text alone (most feed elements)
        return element.text or ""
    return etree.tostring(element, method="text", encoding="unicode", with_tail=False)


def plain_text(value: str | None, *, markup: bool = True) -> str | None:
    """``value`` as plain text, white space collapsed: HTML tags and entities
    decoded when ``markup`` (``Q&amp;A <b>now</b>`` → ``Q&A now``); ``None`` when blank."""
    if not value:
        return None
    if markup and _MARKUP_SIGN.search(value):
        if "<" in value:
            document = parse_document(value, check=False)
            for bad in document.iter("script", "style"):
                bad.text = None
            value = all_text(document)
        else:
            value = html.unescape(value)
    text = " ".join(clean_text(value).split())
    return text or None


#: The elements of HTML (and the old presentational ones feeds still send): a title's
#: ``<b>`` is markup, its ``<geolocation>`` (``What's new: <geolocation>``) is text.
_HTML_ELEMENTS = frozenset(
    "a abbr acronym address area article aside audio b base bdi bdo big blockquote body br "
    "button canvas caption center cite code col colgroup data datalist dd del details dfn "
    "dialog dir div dl dt em embed fieldset figcaption figure font footer form frame frameset "
    "h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li "
    "link main map mark menu meta meter nav noscript object ol optgroup option output p param "
    "picture pre progress q rp rt ruby s samp script section select small source span strike "
    "strong style sub summary sup table tbody td template textarea tfoot th thead time title "
    "tr track tt u ul var video wbr".split()
)
#: Elements that never close (``Line<br>break``): markup even with no end tag.
_VOID_ELEMENTS = frozenset(["area", "br", "col", "embed", "hr", "img", "source", "track", "wbr"])
#: ``<b``, ``</b``: a tag and its name (group 1 the slash of an end tag).
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]{0,31})")


def _title_markup(title: str) -> bool:
    """Whether a title's ``<...>`` are HTML: every tag names an HTML element, and an
    end tag closes one or every tag is a void one (``<b>Breaking</b>``, ``A<br>B``);
    ``In <dialog> now`` or ``<b>Bold`` alone are a literal mention of a tag."""
    tags = _TAG.findall(title)
    names = {name.lower() for _, name in tags}
    if not names or not names <= _HTML_ELEMENTS:
        return False
    return any(slash for slash, _ in tags) or names <= _VOID_ELEMENTS


def headline_text(title: str | None, *, markup: bool = True) -> str | None:
    """A title as plain text (:func:`plain_text`), except that ``<...>`` in it is read
    as HTML only when it looks like HTML (:func:`_title_markup`); otherwise it stays
    as written, entities decoded (``&lt;dialog&gt;`` → ``<dialog>``)."""
    if markup and title and "<" in title and not _title_markup(title):
        return plain_text(html.unescape(title), markup=False)
    return plain_text(title, markup=markup)


def html_escaped(text: str) -> str:
    """``text`` as HTML text (``&``, ``<`` and ``>`` escaped): what a feed element
    that holds HTML, such as an RSS ``title`` or ``description``, carries."""
    return html.escape(text, quote=False)


# ---------------------------------------------------------------------------
# what an item says


@attrs.frozen(kw_only=True)
class Channel:
    """What a feed says about all its items: publisher, language, rights, base URL."""

    publisher: m.Publisher | None = None
    language: str | None = None
    rights: str | None = None
    base: str | None = None


@attrs.frozen(kw_only=True)
class Entry:
    """What one item of a feed says, as read, before any rule runs."""

    id: str | None = None
    url: str | None = None
    #: the title, and whether it holds HTML (RSS, Atom ``type="html"``) or plain text
    title: str | None = None
    title_html: bool = True
    #: description or summary (HTML when ``summary_html``), and the full body
    summary: str | None = None
    summary_html: bool = True
    content_html: str | None = None
    content_text: str | None = None
    published: str | None = None
    modified: str | None = None
    authors: tuple[str, ...] = ()
    #: authors that are known to be one name each, with their URLs (Atom, JSON Feed)
    people: tuple[tuple[str, str | None], ...] = ()
    photos: tuple[m.Photo, ...] = ()
    topics: tuple[m.Topic, ...] = ()
    language: str | None = None
    rights: str | None = None
    publisher: str | None = None


#: Bylines read from a text, remembered: a feed names the same few authors on every
#: item (the readings are immutable tuples, so sharing them is safe).
_BYLINE_CACHE = 1024
_byline = functools.lru_cache(maxsize=_BYLINE_CACHE)(parse_byline)


#: Keyword topics made from a category's text, remembered: a feed files most of its
#: items under the same few categories (topics are immutable, so sharing them is safe).
_TOPIC_CACHE = 1024
#: Longer category texts are not remembered (a category is a few words; the cache
#: must not hold a hostile feed's megabytes).
_TOPIC_CACHED_CHARS = 300


def keyword(text: str | None, scheme: str | None, markup: bool) -> m.Topic | None:
    """The keyword topic a category names (``text`` as plain text, HTML decoded when
    ``markup``; ``scheme`` stripped), or ``None`` when it names nothing."""
    if len(text or "") + len(scheme or "") > _TOPIC_CACHED_CHARS:
        return _keyword.__wrapped__(text, scheme, markup)
    return _keyword(text, scheme, markup)


@functools.lru_cache(maxsize=_TOPIC_CACHE)
def _keyword(text: str | None, scheme: str | None, markup: bool) -> m.Topic | None:
    name = plain_text(text, markup=markup)
    if not name:
        return None
    return m.Topic(name=name, kind=m.TopicKind.KEYWORD, scheme=(scheme or "").strip() or None)


def bylines_of(entry: Entry) -> tuple[m.Byline, ...]:
    """Authors by the byline rules (agencies as organisations), each name once."""
    out: dict[str, m.Byline] = {}
    for raw in entry.authors:
        text = plain_text(raw) or ""
        named = _EMAIL_NAME.match(text)
        if named:
            text = named.group("name").strip()
        if not text or len(text) > _MAX_BYLINE:
            continue
        found = () if _EMAIL.match(text) else _byline(text)
        for byline in found or (m.Byline(name=text),):
            out.setdefault(byline.name.lower(), byline)
    for name, url in entry.people:
        one = plain_text(name, markup=False)
        if one:
            read = _byline(one)[:1]
            byline = read[0] if len(read) == 1 and read[0].name == one else m.Byline(name=one)
            out.setdefault(one.lower(), attrs.evolve(byline, url=safe_url(url)))
    return tuple(out.values())


#: ``Fri, 05 Apr 2024 10:30:00 +1030``, ``... +10:30`` or ``... GMT``: the RFC 822 form
#: nearly every RSS feed sends, read directly (other forms go to
#: :func:`newsmodel.dates.parse_date`); also with RFC 822's two-digit year
#: (``05 Apr 24``) and a zone name after the offset (``+0000 GMT``, ``+0000 (UTC)``).
_RFC822 = re.compile(
    r"\s*(?:[A-Za-z]{3},?\s+)?([0-9]{1,2})\s+([A-Za-z]{3})\s+([0-9]{4}|[0-9]{2})\s+"
    r"([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?\s+"
    r"(?:([+-])([0-9]{2}):?([0-9]{2})(?:\s+\(?[A-Za-z]{1,5}\)?)?|([A-Za-z]{1,5}))\s*"
)
#: Two-digit years (RFC 2822, 4.3): below this one they are 20xx, from it on 19xx.
_CENTURY_PIVOT = 50
_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}


#: Zone names by their abbreviation (``EST``), as the date rules know them.
_ZONES: dict[str, datetime.tzinfo] = dict(ZONE_ABBREVIATIONS)


#: Zones by their offset in minutes, remembered (a feed gives every item the same one).
_ZONE_CACHE = 64


@functools.lru_cache(maxsize=_ZONE_CACHE)
def _offset_zone(minutes: int) -> datetime.timezone:
    return datetime.timezone(datetime.timedelta(minutes=minutes))


def _rfc822(match: re.Match[str]) -> m.DateValue | None:
    """The date of an RFC 822 match; ``None`` when its fields name no date (year 0)."""
    day, month, year, hour, minute, second, sign, zh, zm, zone = match.groups()
    if zone is not None:
        tz = _ZONES.get(zone.upper())
        if tz is None:  # a zone name we do not know: the general rules decide
            return parse_date(match.group())
    else:
        minutes = int(zh) * 60 + int(zm)
        if minutes >= 24 * 60:
            return None
        tz = _offset_zone(-minutes if sign == "-" else minutes)
    month_number = _MONTHS.get(month.lower())
    full_year = int(year)
    if len(year) == 2:
        full_year += 2000 if full_year < _CENTURY_PIVOT else 1900
    try:
        return datetime.datetime(
            full_year,
            month_number or 0,
            int(day),
            int(hour),
            int(minute),
            int(second or 0),
            tzinfo=tz,
        )
    except ValueError:
        return None


#: ``08/02/2013 12:00``, ``Fri, 05.03.2019``: a date in digits, day and month in an
#: order only the writer's conventions tell.
_NUMERIC_DATE = re.compile(
    r"\s*(?:[A-Za-z]{2,9},?\s*)?([0-9]{1,2})[/.-]([0-9]{1,2})[/.-][0-9]{4}\b"
)
#: The one region that writes the month first (``en-US``: 08/02 is 2 August); other
#: English regions and other languages write the day first (8 February).
_MONTH_FIRST_REGION = "us"


def _day_first(language: str | None) -> bool | None:
    """Whether ``language`` (a feed's, ``en-GB``) writes numeric dates day first;
    ``None`` when it does not say (no language, or ``en`` alone)."""
    parts = (language or "").lower().replace("_", "-").split("-")
    if not parts[0]:
        return None
    if len(parts) > 1 and parts[-1] == _MONTH_FIRST_REGION:
        return False
    return None if parts == ["en"] else True


def _date(text: str | None, language: str | None = None) -> m.DateValue | None:
    """A feed's date: RFC 822 read directly, other forms by :func:`parse_date`; a date in
    digits whose day and month could be either (``08/02/2013``) is read in the order the
    feed's language writes them, and not at all when the language does not say."""
    if not text:
        return None
    match = _RFC822.fullmatch(text)
    if match:
        return _rfc822(match)
    numeric = _NUMERIC_DATE.match(text)
    if numeric and numeric.group(1) != numeric.group(2) and max(map(int, numeric.groups())) <= 12:
        day_first = _day_first(language)
        return None if day_first is None else parse_date(text, dayfirst=day_first)
    return parse_date(text)


@functools.lru_cache(maxsize=256)
def _is_language_tag(tag: str) -> bool:
    try:
        m.Article(language=tag)
    except ValueError:
        return False
    return True


def _language(*tags: str | None) -> str | None:
    """The first of ``tags`` that is a language tag the model takes (``en-US``)."""
    for tag in tags:
        tag = (tag or "").strip()
        if tag and _is_language_tag(tag):
            return tag
    return None


#: ``https:``, ``mailto:``: a URL that names its scheme is absolute already.
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def resolve(url: str | None, base: str | None) -> str | None:
    """``url`` made absolute against ``base`` (the feed's own link); unsafe ones dropped."""
    url = (url or "").strip()
    if not url:
        return None
    if base and not _SCHEME.match(url):
        try:
            url = urljoin(base, url)
        except ValueError:
            return None
    return safe_url(clean_text(url)) or None


def _body_and_summary(entry: Entry, format: str) -> tuple[tuple[m.Block, ...], str | None]:
    """The body (from the full content, else from a description with block markup)
    and the standfirst (the description as text, unless it became the body)."""
    if entry.content_html and entry.content_html.strip():
        body = blocks_from_html(entry.content_html, format=format)
    elif entry.content_text and entry.content_text.strip():
        body = blocks_from_text(entry.content_text)
    elif entry.summary and entry.summary_html and _BLOCK_MARKUP.search(entry.summary):
        return blocks_from_html(entry.summary, format=format), None  # (read once, as the body)
    else:
        body = ()
    return body, plain_text(entry.summary, markup=entry.summary_html)


def article_from_entry(entry: Entry, channel: Channel, *, format: str) -> m.Article:
    """The article one feed item holds (raises :class:`ReadError` for values the model refuses)."""
    body, summary = _body_and_summary(entry, format)
    language = _language(entry.language, channel.language)
    published, modified = _date(entry.published, language), _date(entry.modified, language)
    if modified == published:
        modified = None  # "updated" repeating "published": never modified
    rights = plain_text(entry.rights) or channel.rights
    publisher = channel.publisher
    name = plain_text(entry.publisher)
    if name and (publisher is None or publisher.name != name):
        publisher = m.Publisher(name=name)
    with as_read_errors(format):
        return m.Article(
            id=plain_text(entry.id, markup=False),
            url=resolve(entry.url, channel.base),
            headline=headline_text(entry.title, markup=entry.title_html),
            summary=summary,
            body=body,
            bylines=bylines_of(entry),
            photos=tuple(dict.fromkeys(entry.photos)),
            topics=tuple(dict.fromkeys(entry.topics)),
            published=published,
            modified=modified,
            language=language,
            publisher=publisher,
            rights=m.Rights(notice=rights) if rights else None,
        )


def channel_of(
    *, name: str | None, url: str | None, logo: str | None, language: str | None,
    rights: str | None, base: str | None,
) -> Channel:  # fmt: skip
    """The :class:`Channel` for a feed's title, link, image, language and rights."""
    title = plain_text(name)
    home = resolve(url, base)
    publisher = (
        m.Publisher(name=title, url=home, logo=resolve(logo, home or base)) if title else None
    )
    return Channel(
        publisher=publisher,
        language=_language(language),
        rights=plain_text(rights),
        base=home or (base.strip() if base else None),
    )


def articles_of(
    items: Iterable[object], make: Callable[[object], Entry], channel: Channel, *, format: str
) -> Iterator[m.Article]:
    """The article of each item, lazily; an item that says nothing at all is skipped
    with an :class:`~newsmodel.errors.IgnoredContentWarning`."""
    for number, item in enumerate(items, 1):
        article = article_from_entry(make(item), channel, format=format)
        if _says_nothing(article):
            warnings.warn(
                IgnoredContentWarning(f"{format}: item {number} holds no article, skipped"),
                stacklevel=2,
            )
            continue
        yield article


#: Article fields a feed item may leave empty and still say nothing (the channel's).
_FROM_CHANNEL = frozenset({"publisher", "language", "rights"})
#: The other fields, each with its empty value, to test an article against.
_EMPTY = tuple(
    (name, value)
    for name, value in attrs.asdict(m.Article(), recurse=False).items()
    if name not in _FROM_CHANNEL
)


def _says_nothing(article: m.Article) -> bool:
    """Whether ``article`` holds nothing but what the channel gives every item."""
    return all(getattr(article, name) == empty for name, empty in _EMPTY)


# ---------------------------------------------------------------------------
# writing


def _utc_offset(value: datetime.datetime, path: str, losses: Losses) -> datetime.datetime:
    """An aware ``value``; a naive one is written as UTC, its zone declared lost."""
    if value.tzinfo is None or value.utcoffset() is None:
        losses.drop(f"{path}: time zone", "feed dates need a zone; written as UTC")
        return value.replace(tzinfo=datetime.timezone.utc)
    offset = value.utcoffset()
    if offset is not None and offset.seconds % 60:
        losses.drop(f"{path}: seconds of the UTC offset", "feed offsets are whole minutes")
    return value


def _moment(value: m.DateValue, path: str, losses: Losses) -> datetime.datetime:
    if not isinstance(value, datetime.datetime):
        losses.drop(
            f"{path}: a day without a time", "feed dates have a time; written as midnight UTC"
        )
        return datetime.datetime(value.year, value.month, value.day, tzinfo=datetime.timezone.utc)
    if value.microsecond:
        losses.drop(f"{path}: microseconds", "feed dates are whole seconds")
        value = value.replace(microsecond=0)
    return _utc_offset(value, path, losses)


def _offset_text(value: datetime.datetime, sep: str) -> str:
    offset = value.utcoffset() or datetime.timedelta(0)
    total = int(offset.total_seconds()) // 60
    sign = "-" if total < 0 else "+"
    hours, minutes = divmod(abs(total), 60)
    return f"{sign}{hours:02d}{sep}{minutes:02d}"


def rfc822(value: m.DateValue, path: str, losses: Losses) -> str:
    """``Fri, 05 Apr 2024 10:30:00 +1030``: an RSS date, the value's own offset kept."""
    moment = _moment(value, path, losses)
    day = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")[moment.weekday()]
    month = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    return (
        f"{day}, {moment.day:02d} {month[moment.month - 1]} {moment.year:04d} "
        f"{moment:%H:%M:%S} {_offset_text(moment, '')}"
    )


def rfc3339(value: m.DateValue, path: str, losses: Losses) -> str:
    """``2024-04-05T10:30:00+10:30``: an Atom and JSON Feed date, the offset kept."""
    moment = _moment(value, path, losses)
    return f"{moment.year:04d}-{moment:%m-%dT%H:%M:%S}{_offset_text(moment, ':')}"


def utc_key(value: m.DateValue) -> datetime.datetime:
    """A value to order dates by: a day as its midnight, a naive time as UTC."""
    if not isinstance(value, datetime.datetime):
        value = datetime.datetime(value.year, value.month, value.day)
    if value.tzinfo is None or value.utcoffset() is None:
        value = value.replace(tzinfo=datetime.timezone.utc)
    return value.astimezone(datetime.timezone.utc) if value.year > 1 else value


def date_text(value: m.DateValue | None) -> str | None:
    """A date as RFC 3339 for a feed's own ``updated`` (losses are the items' to declare)."""
    return None if value is None else rfc3339(value, "", Losses())


def declare_unwritten(article: m.Article, carried: Iterable[str], losses: Losses) -> None:
    """Declare every field of ``article`` that is set and that the feed has no place
    for (not in ``carried``); quotes always (see :data:`~newsmodel.losses.NO_QUOTES`)."""
    keep = set(carried)
    for field in attrs.fields(m.Article):
        value = getattr(article, field.name)
        if field.name in keep or value in (None, ()):
            continue
        losses.drop(
            field.name, NO_QUOTES if field.name == "quotes" else "the feed has no place for it"
        )


def declare_parts(
    value: m.Byline | m.Photo | m.Topic | m.Rights,
    carried: Mapping[str, str],
    path: str,
    losses: Losses,
) -> None:
    """Declare the set attributes of ``value`` (a byline, photo, topic) that are not in
    ``carried`` (attribute → how it is written), e.g. a byline's ``role``."""
    for field in attrs.fields(type(value)):
        if field.name in carried:
            continue
        current = getattr(value, field.name)
        if current not in (None, (), field.default):
            losses.drop(f"{path}.{field.name}", "the feed has no place for it")


def declare_text(value: str | None, path: str, losses: Losses) -> None:
    """Declare the white space of ``value`` lost when feeds' readers would collapse it."""
    if value is not None and " ".join(value.split()) != value:
        losses.drop(f"{path}: white space", "feed readers collapse white space")
