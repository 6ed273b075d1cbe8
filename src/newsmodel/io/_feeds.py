"""What the feed formats (``rss``, ``atom``, ``jsonfeed``) share, reading and writing.

Reading (after :mod:`newsmodel.io._feedparse` has decoded and parsed the
feed): one :class:`Entry` per item holding what the item says, and the one function
that turns an entry into an :class:`~newsmodel.model.Article`
(:func:`article_from_entry`): titles and summaries as text, bodies through
the markup rules of the HTML reader, dates through :mod:`newsmodel.dates`,
authors through :mod:`newsmodel.bylines`. Media RSS and image enclosures
are read by :mod:`newsmodel.io._feedmedia`.

Trust boundary: articles (and photos) are made without re-running the model's
validators on the fields whose values come from this package's own producers,
which guarantee what those validators check (:data:`_make_article`):
:func:`plain_text` gives ``None`` or non-blank text without a refused character,
:func:`resolve` ``None`` or a non-blank safe URL without one, :func:`_language` a tag
the model took; bylines, photos, topics, publisher and rights are model instances
their own constructors checked. Values made elsewhere (the body and summary, the
dates) are checked as the constructor would. ``tests/test_feed_trusted.py`` reads
generated feeds and rebuilds every article through the public constructors.

Writing: dates in RFC 822 and RFC 3339, text escaped as feeds expect, and
the losses every feed writer declares (:func:`declare_unwritten`).
"""

from __future__ import annotations

import datetime
import functools
import html
import html.entities
import re
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TypeVar
from urllib.parse import urljoin

import attrs
from lxml import etree

from newsmodel import model as m
from newsmodel._input import clean_text
from newsmodel.bylines import parse_byline
from newsmodel.dates import ZONE_ABBREVIATIONS, parse_date
from newsmodel.errors import IgnoredContentWarning
from newsmodel.io._common import as_read_errors
from newsmodel.losses import NO_QUOTES, Losses
from newsmodel.markup import blocks_from_html, blocks_from_text
from newsmodel.markup.parse import parse_document
from newsmodel.markup.sanitise import safe_url
from newsmodel.model_fields import trusted_keyword_maker

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
    "html_escaped",
    "keyword",
    "plain_text",
    "resolve",
    "rfc822",
    "rfc3339",
    "utc_key",
]

#: The Media RSS namespace (``media:content``); some feeds drop the final slash.
MEDIA_NS = "http://search.yahoo.com/mrss/"
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
    if markup and ("<" in value or "&" in value) and _MARKUP_SIGN.search(value):
        if "<" in value:
            document = parse_document(value, check=False)
            for bad in document.iter("script", "style"):
                bad.text = None
            value = all_text(document)
        else:
            value = html.unescape(value)
    if value.isprintable():  # (printable text holds nothing clean_text drops)
        # nor white space but the space: none at an end nor doubled is collapsed already
        if value and value[0] != " " and value[-1] != " " and "  " not in value:
            return value
    else:
        value = clean_text(value)
    text = " ".join(value.split())
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
    """Whether a title's ``<...>`` include HTML: of the tags that name an HTML element,
    an end tag closes one or every one is a void one (``<b>Breaking</b>``, ``A<br>B``);
    ``In <dialog> now`` or ``<b>Bold`` alone are a literal mention of a tag."""
    html_tags = [(slash, name) for slash, name in _TAG.findall(title) if _is_html(name)]
    if not html_tags:
        return False
    return any(slash for slash, _ in html_tags) or all(
        name.lower() in _VOID_ELEMENTS for _, name in html_tags
    )


def _is_html(name: str) -> bool:
    return name.lower() in _HTML_ELEMENTS


def _other_tags_as_text(match: re.Match[str]) -> str:
    """A tag that names no HTML element escaped, to stay text once the title is read
    as HTML (``<b>New</b> <geolocation>`` → ``New <geolocation>``)."""
    return match.group() if _is_html(match.group(2)) else "&lt;" + match.group()[1:]


def headline_text(title: str | None, *, markup: bool = True) -> str | None:
    """A title as plain text (:func:`plain_text`), except that ``<...>`` in it is read
    as HTML only when it looks like HTML (:func:`_title_markup`), and then only the
    tags that name HTML elements; otherwise it stays as written, entities decoded
    (``&lt;dialog&gt;`` → ``<dialog>``)."""
    if markup and title and "<" in title:
        if not _title_markup(title):
            return plain_text(html.unescape(title), markup=False)
        title = _TAG.sub(_other_tags_as_text, title)
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


@attrs.define(kw_only=True)
class Entry:
    """What one item of a feed says, as read, before any rule runs.

    Made once per item and read, never changed: it is not frozen only because a frozen
    class's ``__init__`` sets each of its many fields through ``object.__setattr__``,
    several times the cost of plain slots.
    """

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
#: Longer author texts (all of an item's together) are not remembered as they stand.
_BYLINES_CACHED_CHARS = 300


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


def _author_bylines(authors: tuple[str, ...]) -> dict[str, m.Byline]:
    """The bylines of an item's author texts, by lower-cased name, each name once."""
    out: dict[str, m.Byline] = {}
    for raw in authors:
        text = plain_text(raw) or ""
        named = _EMAIL_NAME.match(text)
        if named:
            text = named.group("name").strip()
        if not text or len(text) > _MAX_BYLINE:
            continue
        found = () if _EMAIL.match(text) else _byline(text)
        for byline in found or (m.Byline(name=text),):
            out.setdefault(byline.name.lower(), byline)
    return out


@functools.lru_cache(maxsize=_BYLINE_CACHE)
def _remembered_bylines(authors: tuple[str, ...]) -> tuple[tuple[str, m.Byline], ...]:
    return tuple(_author_bylines(authors).items())


def bylines_of(entry: Entry) -> tuple[m.Byline, ...]:
    """Authors by the byline rules (agencies as organisations), each name once."""
    authors = entry.authors
    if not authors:
        out: dict[str, m.Byline] = {}
    elif sum(map(len, authors)) <= _BYLINES_CACHED_CHARS:  # (a feed's few authors, again)
        out = dict(_remembered_bylines(authors))
    else:
        out = _author_bylines(authors)
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
#: (``05 Apr 24``) and a zone name after the offset (``+0000 GMT``, ``+0000 (UTC)``); a
#: zone no rule reads (``+200``, ``0200`` without its sign, ``Europe/Paris``) leaves the
#: date and time, with no zone.
_RFC822 = re.compile(
    r"\s*(?:[^\W\d_]{2,4}\.?,?\s+)?([0-9]{1,2})\s+([^\W\d_]{3})\s+([0-9]{4}|[0-9]{2})\s+"
    r"([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?\s+"
    r"(?:([+-])([0-9]{2}):?([0-9]{2})(?:\s+\(?[A-Za-z]{1,5}\)?)?|([A-Za-z]{1,5})"
    r"|([+-]?[0-9]{3}|[0-9]{4}|[A-Za-z]{2,20}/[A-Za-z_/]{2,30}))\s*"
)
#: Two-digit years (RFC 2822, 4.3): below this one they are 20xx, from it on 19xx.
_CENTURY_PIVOT = 50
_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
#: Months as a localised ``strftime`` abbreviates them in RFC 822-shaped dates, by
#: month number: ``Seg, 24 Set 2018 10:00:00 -0300`` (Portuguese), ``Lun, 03 Dic 2018``
#: (Spanish), ``Mi, 05 Mär 2025`` (German). Each abbreviation names one month in every
#: language listed (French ``jui`` would be June or July, so it is not here).
_LOCAL_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("ene", "gen"),  # es, it
            ("fev", "fév"),  # pt, fr
            ("mär", "mrt"),  # de, nl
            ("abr", "avr"),  # es/pt, fr
            ("mai", "mag", "mei"),  # de/fr/pt, it, nl
            ("giu",),  # it
            ("lug",),  # it
            ("ago", "aoû"),  # es/it/pt, fr
            ("set",),  # it/pt
            ("okt", "out", "ott"),  # de/nl, pt, it
            (),
            ("dez", "dic", "déc"),  # de/pt, es/it, fr
        ),
        1,
    )
    for name in names
}
_MONTHS.update(_LOCAL_MONTHS)


#: Zone names by their abbreviation (``EST``), as the date rules know them.
_ZONES: dict[str, datetime.tzinfo] = dict(ZONE_ABBREVIATIONS)


#: Zones by their offset in minutes, remembered (a feed gives every item the same one).
_ZONE_CACHE = 64


@functools.lru_cache(maxsize=_ZONE_CACHE)
def _offset_zone(minutes: int) -> datetime.timezone:
    return datetime.timezone(datetime.timedelta(minutes=minutes))


def _rfc822(match: re.Match[str]) -> m.DateValue | None:
    """The date of an RFC 822 match; ``None`` when its fields name no date (year 0)."""
    day, month, year, hour, minute, second, sign, zh, zm, zone, unread = match.groups()
    tz: datetime.tzinfo | None = None
    if unread is not None:
        pass  # a zone no rule reads: the date and time, with no zone
    elif zone is not None:
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
    r"\s*(?:([A-Za-z]{2,9}),?\s*)?([0-9]{1,2})[/.-]([0-9]{1,2})[/.-][0-9]{4}\b"
)
#: English weekday names and their first three letters (Monday is 0, as in
#: ``date.weekday()``): ``Fri, 05/03/2019`` is 3 May (a Friday), not 5 March (a Tuesday).
_WEEKDAYS = {
    name: number
    for number, full in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
    for name in (full[:3], full)
}
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
    if numeric is None:
        return parse_date(text)
    word, first, second = numeric.groups()
    if first == second or max(int(first), int(second)) > 12:
        return parse_date(text)
    by_weekday = _by_weekday(text, word)
    if by_weekday is not None:
        return by_weekday
    day_first = _day_first(language)
    return None if day_first is None else parse_date(text, dayfirst=day_first)


def _by_weekday(text: str, word: str | None) -> m.DateValue | None:
    """The one reading of an ambiguous digit date (month or day first) that falls on the
    weekday the text names (``Fri, 05/03/2019``); ``None`` when no weekday decides."""
    weekday = _WEEKDAYS.get((word or "").lower())
    if weekday is None:
        return None
    fits = [
        value
        for value in (parse_date(text, dayfirst=False), parse_date(text, dayfirst=True))
        if value is not None and value.weekday() == weekday
    ]
    return fits[0] if len(fits) == 1 else None


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


#: A photo or a topic of an item.
_Part = TypeVar("_Part", m.Photo, m.Topic)

#: How most feed URLs start: absolute, and safe by :func:`safe_url`'s rules.
_WEB = ("https:", "http:")
#: ``https:``, ``mailto:``: a URL that names its scheme is absolute already.
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")

#: An ampersand escaped twice in a link's text (``&amp;amp;`` in the XML, ``&amp;`` or
#: ``&#038;`` inside CDATA): ``?a=1&amp;b=2`` is ``?a=1&b=2``, as no web address names
#: an "amp;" parameter.
_ESCAPED_AMPERSAND = re.compile(r"&(?:amp|#0*38|#x0*26);", re.IGNORECASE)

#: ``www.example.test/story``: a web address written without its scheme (no relative path
#: starts with a host name), read as ``http://www.example.test/story``, not resolved
#: against the feed's own address.
_SCHEMELESS_HOST = re.compile(r"www[0-9]?\.[A-Za-z0-9-]+\.[A-Za-z]", re.IGNORECASE)


def resolve(url: str | None, base: str | None) -> str | None:
    """``url`` made absolute against ``base`` (the feed's own link); unsafe ones dropped."""
    if url is not None and url.startswith(_WEB) and url.isprintable() and url[-1] != " ":
        # (most: nothing to strip, join, clean or find unsafe by safe_url's rules)
        return url
    url = (url or "").strip()
    if not url:
        return None
    if "&" in url:
        url = _ESCAPED_AMPERSAND.sub("&", url)
    if _SCHEMELESS_HOST.match(url):
        url = "http://" + url
    elif base and not _SCHEME.match(url):
        try:
            url = urljoin(base, url)
        except ValueError:
            return None
    return safe_url(url if url.isprintable() else clean_text(url)) or None


def _body_and_summary(entry: Entry, format: str) -> tuple[tuple[m.Block, ...], str | None]:
    """The body (from the full content, else from a description with block markup)
    and the standfirst (the description as text, unless it became the body)."""
    # (isspace, not strip: a body is long, and strip would copy it to say it is not blank)
    if entry.content_html and not entry.content_html.isspace():
        body = blocks_from_html(entry.content_html, format=format)
    elif entry.content_text and not entry.content_text.isspace():
        body = blocks_from_text(entry.content_text)
    elif entry.summary and entry.summary_html and _BLOCK_MARKUP.search(entry.summary):
        return blocks_from_html(entry.summary, format=format), None  # (read once, as the body)
    else:
        body = ()
    return body, plain_text(entry.summary, markup=entry.summary_html)


def _once(values: tuple[_Part, ...]) -> tuple[_Part, ...]:
    """``values`` with each one once, in order (most items have one photo, or none)."""
    return values if len(values) < 2 else tuple(dict.fromkeys(values))


#: Makes a feed item's article, checking only the fields this module's producers do not
#: vouch for (the trust boundary is the module docstring's).
_make_article = trusted_keyword_maker(
    m.Article, checked=("summary", "body", "published", "modified")
)


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
        return _make_article(
            id=plain_text(entry.id, markup=False),
            url=resolve(entry.url, channel.base),
            headline=headline_text(entry.title, markup=entry.title_html),
            summary=summary,
            body=body,
            bylines=bylines_of(entry),
            photos=_once(entry.photos),
            topics=_once(entry.topics),
            published=published,
            modified=modified,
            language=language,
            publisher=publisher,
            rights=m.Rights(notice=rights) if rights else None,
        )


def channel_of(
    *, name: str | None, url: str | None, logo: str | None, language: str | None,
    rights: str | None, base: str | None, xml_base: str | None = None,
) -> Channel:  # fmt: skip
    """The :class:`Channel` for a feed's title, link, image, language and rights.

    Its items' references resolve against the feed's own ``xml_base`` (made absolute
    against ``base``, the address the feed was read from), else its home link, else
    ``base``."""
    title = plain_text(name)
    own = resolve(xml_base, base) if xml_base else None
    home = resolve(url, xml_base or base)
    publisher = (
        m.Publisher(name=title, url=home, logo=resolve(logo, home or xml_base or base))
        if title
        else None
    )
    return Channel(
        publisher=publisher,
        language=_language(language),
        rights=plain_text(rights),
        base=own or home or (base.strip() if base else None),
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
