"""What the feed formats (``rss``, ``atom``, ``jsonfeed``) share, reading and writing.

Reading (after :mod:`newsmodel.io._feedparse` has decoded and parsed the
feed): one :class:`Entry` per item holding what the item says, and the one function
that turns an entry into an :class:`~newsmodel.model.Article`
(:func:`article_from_entry`): titles and summaries as text, bodies through
the markup rules of the HTML reader, dates through
:mod:`newsmodel.io._feeddates` (which also writes them), authors through
:mod:`newsmodel.bylines`. Media RSS and image enclosures
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

Writing: text escaped as feeds expect, and the losses every feed writer
declares (:func:`declare_unwritten`).
"""

from __future__ import annotations

import functools
import html
import html.entities
import re
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TypeVar, cast
from urllib.parse import urljoin, urlsplit

import attrs
from lxml import etree

from newsmodel import model as m
from newsmodel._input import clean_text
from newsmodel.bylines import parse_byline
from newsmodel.errors import IgnoredContentWarning
from newsmodel.io._common import as_read_errors
from newsmodel.io._feeddates import feed_date
from newsmodel.losses import NO_QUOTES, Losses
from newsmodel.markup import blocks_from_html, blocks_from_text
from newsmodel.markup.figures import url_file
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
    "declare_parts",
    "declare_text",
    "declare_unwritten",
    "html_escaped",
    "keyword",
    "plain_text",
    "resolve",
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
            _space_blocks(document)
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


#: Elements that begin and end a block or a line of text: a space at each side keeps
#: the words before and after apart once the markup is read as text
#: (``<p>One.</p><p>Two.</p>`` → ``One. Two.``, ``a<br>b`` → ``a b``); inline ones
#: (``Bal<b>last</b>``) add none.
_TEXT_BREAKS = tuple(
    "address article aside blockquote br caption dd div dl dt figcaption figure footer "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table td th tr ul".split()
)


def _space_blocks(document: etree._Element) -> None:
    """A space put at the start and the end of every :data:`_TEXT_BREAKS` element."""
    for element in document.iter(*_TEXT_BREAKS):
        element.text = " " + element.text if element.text else " "
        element.tail = " " + element.tail if element.tail else " "


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
            # (resolve, not safe_url alone: a JSON string may hold what the model refuses)
            out.setdefault(one.lower(), attrs.evolve(byline, url=resolve(url, None)))
    return tuple(out.values())


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

#: The longest base a reference is resolved against; past it, references stay as written.
#: Each item's links copy the base, so a hostile feed's megabyte ``xml:base`` or channel
#: link would make reading grow with items × base (real bases are a few dozen characters).
_MAX_BASE_CHARS = 4096

#: ``www.example.test/story``: a web address written without its scheme (no relative path
#: starts with a host name), read as ``http://www.example.test/story``, not resolved
#: against the feed's own address.
_SCHEMELESS_HOST = re.compile(r"www[0-9]?\.[A-Za-z0-9-]+\.[A-Za-z]", re.IGNORECASE)


def resolve(url: str | None, base: str | None) -> str | None:
    """``url`` made absolute against ``base`` (the feed's own link); unsafe ones dropped."""
    if url and "&" in url:
        url = _ESCAPED_AMPERSAND.sub("&", url)
    if url is not None and url.startswith(_WEB) and url.isprintable() and url[-1] != " ":
        # (most: nothing to strip, join, clean or find unsafe by safe_url's rules)
        return url
    url = (url or "").strip()
    if not url:
        return None
    if _SCHEMELESS_HOST.match(url):
        url = "http://" + url
    elif base and len(base) <= _MAX_BASE_CHARS and not _SCHEME.match(url):
        try:
            url = urljoin(base, url)
        except ValueError:
            return None
    return safe_url(url if url.isprintable() else clean_text(url)) or None


#: The largest side, in pixels, of a counting image: feed services and publishers put
#: a 1×1 image at the end of each item to count readers (``<img src="…/~4/x1y2"
#: width="1" height="1"/>``), which is no photo of the story.
_PIXEL_SIDE = 1


def _without_pixels(body: tuple[m.Block, ...]) -> tuple[m.Block, ...]:
    """``body`` without the figures of counting images: both sides declared and at most
    :data:`_PIXEL_SIDE`, or no size, no words and a file named as one (:data:`_PIXEL_FILE`)."""
    kept = tuple(block for block in body if not _is_pixel(block))
    return kept if len(kept) != len(body) else body


#: The file name of a counting image sent without a size, alt text or caption: a GIF or
#: PNG named for what it is (``…/rss-pixel.png``, ``spacer.gif``, ``1x1.gif``, ``tracker.png``).
_PIXEL_FILE = re.compile(
    r"(?:^|[-_.])(?:pixel|spacer|tracker|tracking|beacon|blank|transparent|clear|1x1)"
    r"\.(?:gif|png)$",
    re.IGNORECASE,
)


def _is_pixel(block: m.Block) -> bool:
    if not isinstance(block, m.Figure):
        return False
    width, height = block.photo.width, block.photo.height
    if width is not None and height is not None:
        return max(width, height) <= _PIXEL_SIDE
    photo = block.photo  # (one that says something of itself is shown: a logo-transparent.png)
    if photo.alt or photo.caption or photo.credit or photo.photographer:
        return False
    return _PIXEL_FILE.search(url_file(photo.url or "")) is not None  # ("" when unsplittable)


#: ``="/about"``, ``='pic.png'``, ``=//cdn.example.test/x``: an attribute value in the
#: body's HTML with no scheme (relative or protocol-relative); a ``#fragment`` is left.
#: (Found by its ``=`` and the name checked after: a regex led by ``href|src`` tries
#: every character of a long body, several times slower.)
_RELATIVE_VALUE = re.compile(r"""=\s*["']?(?![A-Za-z][A-Za-z0-9+.-]{0,31}:|#|["'\s>])""")
#: The attributes whose relative value is a reference (``href="/about"``, ``src='x.png'``,
#: a lazy loader's ``data-src``/``data-original``, ``srcset="x-640.png 640w"``).
_REFERENCE_ATTRIBUTES = ("href", "src", "srcset", "original")


def _has_relative_reference(markup: str) -> bool:
    """Whether ``markup`` holds a reference (:data:`_REFERENCE_ATTRIBUTES`) with a
    relative address."""
    for found in _RELATIVE_VALUE.finditer(markup):
        start = found.start()
        if markup[max(0, start - 12) : start].rstrip().lower().endswith(_REFERENCE_ATTRIBUTES):
            return True
    return False


#: The model fields that hold an address (a link's, a photo's, a rendition's, an embed's).
_URL_FIELDS = frozenset(["url"])


def _absolute_body(
    body: tuple[m.Block, ...], entry: Entry, url: str | None, site: str | None
) -> tuple[m.Block, ...]:
    """``body`` with its links' and images' relative addresses made absolute against
    the item's own address (``url``) when on the feed's ``site``, else ``site``:
    ``<img src="/img/a.png">`` in an item of ``https://example.test/news/x`` is
    ``https://example.test/img/a.png``.
    Looked for in the item's HTML first, so a body of absolute addresses is not walked."""
    markup = entry.content_html or entry.summary
    if not body or not markup or not _has_relative_reference(markup):
        return body
    base = _content_base(url, site)
    return tuple(_absolute(block, base) for block in body) if base else body


def _content_base(url: str | None, site: str | None) -> str | None:
    """The address an item's body resolves against: the item's own (``url``) when it is
    on the feed's ``site`` (a ``www.`` or a subdomain apart counts as the same), else
    ``site``: a link blog's item links to another site (and a FeedBurner item to its
    redirector), while its commentary's ``<img src="/assets/x.png">`` is the blog's own."""
    if not url or not site:
        return url or site
    own, home = _host(url), _host(site)
    if not home or own == home or own.endswith("." + home) or home.endswith("." + own):
        return url
    return site


def _host(url: str) -> str:
    """``url``'s host, lower-cased, without a leading ``www.`` ('' when it has none)."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:  # (a malformed port or bracketed host)
        return ""
    return host.removeprefix("www.")


_Node = TypeVar("_Node")


def _absolute(value: _Node, base: str) -> _Node:
    """``value`` (a block, an inline, a photo, or a tuple of them) with every address
    field made absolute against ``base`` (a ``#fragment`` stays, pointing into the body);
    the value itself when none changed."""
    if isinstance(value, tuple):
        parts = tuple(_absolute(part, base) for part in value)
        same = all(a is b for a, b in zip(parts, value, strict=True))
        return value if same else cast("_Node", parts)
    if not attrs.has(type(value)):
        return value
    changes: dict[str, object] = {}
    for field in attrs.fields(cast("type[attrs.AttrsInstance]", type(value))):
        old = getattr(value, field.name)
        if field.name in _URL_FIELDS and isinstance(old, str) and old[:1] != "#":
            new: object = resolve(old, base) or old
        elif isinstance(old, tuple) or attrs.has(type(old)):
            new = _absolute(old, base)
        else:
            continue
        if new is not old and new != old:
            changes[field.name] = new
    # (the attrs plugin cannot see that a value attrs.has() passed is an attrs instance)
    return attrs.evolve(value, **changes) if changes else value  # type: ignore[misc]


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
    url = resolve(entry.url, channel.base)
    body = _absolute_body(_without_pixels(body), entry, url, channel.base)
    language = _language(entry.language, channel.language)
    published = feed_date(entry.published, language)
    modified = feed_date(entry.modified, language)
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
            url=url,
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
