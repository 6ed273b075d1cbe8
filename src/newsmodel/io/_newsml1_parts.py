"""The parts of a NewsML 1.x document, read one element at a time.

:mod:`newsmodel.io.newsml1` walks the ``NewsItem``/``NewsComponent`` tree and
puts articles together; this module reads what one component says of itself
(:class:`Own`: its news lines, metadata, role), the body of one
``ContentItem`` and the files of a photo. Element names are made canonical
first (:func:`canonical_tags`), so the rest reads exact names.
"""

from __future__ import annotations

import base64
import binascii
import copy
import re
from collections.abc import Iterator
from itertools import pairwise

import attrs
from lxml import etree

from newsmodel import model as m
from newsmodel._input import whole_number
from newsmodel.bylines import NAME_PARTICLES, parse_byline
from newsmodel.catalog import Catalog
from newsmodel.dates import parse_date
from newsmodel.errors import ReadError
from newsmodel.io._feedparse import feed_text
from newsmodel.io.nitf import article_from_nitf
from newsmodel.markup import blocks_from_element, blocks_from_html, blocks_from_text, safe_url
from newsmodel.markup.figures import IMAGE_FILE
from newsmodel.vocab import NEWS_AGENCIES
from newsmodel.xmlsafe import attribute as _attr
from newsmodel.xmlsafe import element_text as _text
from newsmodel.xmlsafe import local_name, parse_xml

__all__ = [
    "Content",
    "Own",
    "canonical_tags",
    "content_of",
    "data_of",
    "date_of",
    "encoded_content",
    "own_of",
    "rendition_of",
    "subject_topics",
]

#: The NewsML 1.x element names this reader knows (the DTD's spelling).
KNOWN_NAMES: tuple[str, ...] = (
    "NewsML", "NewsEnvelope", "NewsItem", "NewsComponent", "ContentItem", "DataContent",
    "Encoding", "NewsLines", "HeadLine", "SubHeadLine", "ByLine", "ByLineTitle", "DateLine",
    "CreditLine", "CopyrightLine", "SlugLine", "KeywordLine", "NameLabel",
    "DescriptiveMetadata", "AdministrativeMetadata", "RightsMetadata", "Copyright",
    "CopyrightHolder", "Language", "SubjectCode", "Subject", "SubjectMatter", "SubjectDetail",
    "Location", "Property", "Genre", "Provider", "Creator", "Party", "NewsManagement",
    "FirstCreated", "ThisRevisionCreated", "Status", "Urgency", "StatusWillChange",
    "FutureStatus", "DateAndTime", "Priority", "Identification", "NewsIdentifier", "ProviderId",
    "DateId", "NewsItemId", "RevisionId", "PublicIdentifier", "Role", "MediaType", "Format",
    "MimeType", "Characteristics", "SizeInBytes", "NewsItemRef", "Update", "NewsLine",
    "NewsLineType", "NewsLineText", "SentFrom",
)  # fmt: skip
_BY_LOWER = {name.lower(): name for name in KNOWN_NAMES}
#: A misspelt name is the known name it starts when it is at least this long …
_TRUNCATED_MIN = 10
#: … and misses at most this many characters: ``DescriptiveMetada`` → ``DescriptiveMetadata``.
_TRUNCATED_MAX_MISSING = 3

#: Roles of a text component that give the story's headline: ``<Role FormalName="Title"/>``.
TITLE_ROLES = frozenset(["title", "headline", "head", "hl1"])
#: Roles that name a text component the story's body: ``<Role FormalName="Body"/>``
#: (text beside it with another role, ``Contact`` or ``TweetText``, is no story).
BODY_ROLES = frozenset(["body", "main", "text", "story", "article", "bodytext", "fulltext"])
#: Roles of text beside a body that is a story of its own, not a part of that body:
#: IPTC's ``Supporting`` and ``Supplementary``, a ``Sidebar``.
SIDEBAR_ROLES = frozenset(["supporting", "supplementary", "sidebar", "related", "factbox"])
#: Roles of a text component that give the story's summary: ``<Role FormalName="Lead"/>``.
LEAD_ROLES = frozenset(["lead", "lede", "abstract", "summary", "intro", "teaser", "standfirst"])
#: Roles of a text component that caption the photo beside it: ``Caption``.
CAPTION_ROLES = frozenset(["caption", "photocaption", "description"])
#: Roles of a photo file that is another size of the main picture: ``Thumbnail``.
RENDITION_ROLES = frozenset(
    ["thumbnail", "preview", "quicklook", "highdef", "hires", "lowres", "web", "icon", "small"]
)
#: ``MediaType`` values of files that are pictures: ``<MediaType FormalName="Photo"/>``.
PHOTO_MEDIA = frozenset(["photo", "graphic", "image", "picture"])
#: ``MediaType`` values of files this reader does not read: ``Video``.
OTHER_MEDIA = frozenset(["video", "audio", "animation", "sound"])
#: ``MimeType`` or ``Format`` values of a ``DataContent`` that is no text to read but
#: styles or scripts it: Business Wire's ``<MimeType FormalName="text/css"/>``.
NOT_TEXT = frozenset(["text/css", "css", "text/javascript", "application/javascript"])
#: What a ``ContentItem`` holds besides its data: ``MediaType``, ``Characteristics``.
ITEM_METADATA = frozenset(
    ["Comment", "Catalog", "Encoding", "MediaType", "Format", "MimeType", "Notation",
     "Characteristics", "DataContent"]
)  # fmt: skip
#: ``Encoding Notation`` values this reader decodes: ``<Encoding Notation="base64">``.
BASE64_NOTATIONS = frozenset(["base64", "base-64", "b64"])
#: Most ``Encoding`` elements nested in one another that are followed to the data.
_MAX_ENCODINGS = 8
#: ``Creator Party`` topics of someone who wrote the text (Belga's ``Topic="AUTHOR"``);
#: a party with no topic counts too, one with another (``EDITOR``) does not.
AUTHOR_TOPICS = ("author", "writer", "reporter", "journalist")
#: ``Format`` values of picture files, with their media type: ``JPEG`` → ``image/jpeg``.
PHOTO_FORMATS = {
    "jpeg": "image/jpeg", "jpg": "image/jpeg", "png": "image/png", "gif": "image/gif",
    "tiff": "image/tiff", "tif": "image/tiff", "webp": "image/webp",
}  # fmt: skip
#: ``Characteristics`` properties giving a picture's size in pixels, and which size of
#: the picture a file is: ``<Property FormalName="PixelWidth" Value="480"/>``,
#: Business Wire's ``<Property FormalName="ImageUse" Value="Thumbnail"/>``.
WIDTH_PROPERTIES = ("width", "pixelwidth", "imagewidth")
HEIGHT_PROPERTIES = ("height", "pixelheight", "imageheight")
USE_PROPERTIES = ("imageuse", "rendition", "use")
#: Attributes giving a component's language: ``xml:lang``, and the same written by a
#: writer that bound a prefix to the namespace ``"xml"`` (Belga's
#: ``xmlns:wstxns1="xml" wstxns1:lang="nl"``).
LANG_ATTRIBUTES = ("{http://www.w3.org/XML/1998/namespace}lang", "{xml}lang")
#: Country codes sent where a language belongs, with the language they mean:
#: ``<Language FormalName="GB"/>`` over English text.
COUNTRY_AS_LANGUAGE = {"gb": "en-GB", "us": "en-US"}
#: ISO 3166 codes left to users, which name no place: ``ZZZ`` (unknown), ``XX``.
_USER_ASSIGNED = re.compile(r"(?:AA|Q[M-Z]|X[A-Z]|ZZ)[A-Z]?")
_COUNTRY_CODE = re.compile(r"[A-Z]{2,3}")
#: An IPTC subject code: ``04007005``.
_SUBJECT_CODE = re.compile(r"[0-9]{8}")
#: Text that holds HTML, as escaped markup or CDATA: ``Steven <b>Van Geel</b>``.
_HTML = re.compile(
    r"<(?:p|br|b|i|u|em|strong|a|div|span|ul|ol|li|h[1-6]|blockquote|table|img|sup|sub)\b[^<>]*>",
    re.IGNORECASE,
)
#: Hard-wrapped wire text (Belga's archive: no blank line, lines broken at a fixed width
#: of this many characters at least and at most), read as paragraphs: so
#: ``GENT 15/06 (belga) = De correctionele⏎rechtbank van Gent …`` is one paragraph.
WRAP_MIN = 50
WRAP_WIDTH = 80
_SENTENCE_END = re.compile(r"[.!?:;\"'»”)\]…]$")
#: A line indented by a tab or spaces starts a paragraph (IPTC 7901 wire text).
_INDENTED = re.compile(r"(?:\t| {2,})\S")
#: A line opening with a list's mark starts a paragraph: ``- Plim``, ``• Plim``, ``2. Plim``.
_LIST_ITEM = re.compile(r"\s*(?:[-–—*•·]|\d{1,3}[.)])\s")
#: A gap between columns inside a line (a tab, or two spaces not after a sentence's
#: end): ``1. Plim      30  20``. Such a line is a table's row and runs on into no other.
_COLUMN_GAP = re.compile(r"[^\s.!?:;](?:\t| {2,})\S")
#: A NITF document given as text (escaped, or in CDATA): ``<nitf>``, ``<body.content>``.
_NITF_TEXT = re.compile(r"<(?:[\w-]+:)?(?:nitf|body\.content)[\s>/]")
#: A tag of any vocabulary: ``<Hteam>`` in a data record sent as text.
_ANY_TAG = re.compile(r"</?[A-Za-z_][^<>]*>")  # one run to the ">": linear
#: A line holding only tags (and its line break): ``<NewsComponentRef idref="DS1"/>⏎``.
_TAG_LINE = re.compile(r"^[ \t]*(?:</?[A-Za-z_][^<>\n]*>[ \t]*)+(?:\n|$)", re.MULTILINE)


def _canonical(name: str) -> str:
    if name in _BY_LOWER.values():
        return name
    known = _BY_LOWER.get(name.lower())
    if known is not None or len(name) < _TRUNCATED_MIN:
        return known or name
    lower = name.lower()
    starts = [k for k in KNOWN_NAMES if k.lower().startswith(lower)]
    if len(starts) == 1 and len(starts[0]) - len(name) <= _TRUNCATED_MAX_MISSING:
        return starts[0]
    return name


def canonical_tags(root: etree._Element) -> None:
    """Give every element outside ``DataContent`` its canonical name, namespace dropped.

    ``Headline`` becomes ``HeadLine``, a misspelt ``DescriptiveMetada``
    ``DescriptiveMetadata``; bodies inside ``DataContent`` are left as they are.
    """
    stack = [root]
    while stack:
        element = stack.pop()
        name = local_name(element)
        if not name:
            continue
        canonical = _canonical(name)
        if element.tag != canonical:
            element.tag = canonical
        if canonical != "DataContent":
            stack.extend(element)


def formal(element: etree._Element | None) -> str | None:
    """An element's ``FormalName`` (or, leniently, its text: ``<Urgency>2</Urgency>``)."""
    if element is None:
        return None
    return _attr(element, "FormalName") or _text(element)


def date_of(element: etree._Element | None) -> m.DateValue | None:
    """The date of an element such as ``<FirstCreated>20231126T075825Z</FirstCreated>``."""
    text = _text(element)
    return parse_date(text) if text else None


def language(value: str | None) -> str | None:
    """A BCP 47 tag from a NewsML language code: ``FR`` → ``fr``, ``nl-nl`` → ``nl-NL``."""
    if not value:
        return None
    value = value.replace("_", "-").strip()
    if value.lower() in COUNTRY_AS_LANGUAGE:
        return COUNTRY_AS_LANGUAGE[value.lower()]
    first, _, rest = value.partition("-")
    parts = [first.lower(), *(p.upper() if len(p) == 2 else p for p in rest.split("-") if p)]
    return "-".join(parts)


def _squeezed(name: str) -> str:
    return re.sub(r"[\W_]+", "", name.lower())


#: News agencies by their names squeezed (lower case, letters and digits only).
_AGENCIES = {_squeezed(agency): agency for agency in reversed(NEWS_AGENCIES)}


def agency_name(name: str) -> str:
    """A provider's name as agencies are known, when it is one: ``afp.com`` → ``AFP``,
    ``belga.be`` → ``Belga``, ``KYODONEWS`` → ``Kyodo News``."""
    key = name.lower().removeprefix("www.")
    label = key.rsplit(".", 1)[0] if "." in key else key
    return _AGENCIES.get(_squeezed(key)) or _AGENCIES.get(_squeezed(label)) or name


def subject_topics(code: etree._Element, catalog: Catalog) -> Iterator[m.Topic]:
    """The topics of a ``SubjectCode``: IPTC subject codes as ``subj:`` QCodes, others by name."""
    for child in code.iterchildren("*"):
        if local_name(child) not in ("Subject", "SubjectMatter", "SubjectDetail"):
            continue
        value = _attr(child, "FormalName")
        if not value:
            continue
        if _SUBJECT_CODE.fullmatch(value):
            qcode = f"subj:{value}"
            yield m.Topic(qcode=qcode, uri=catalog.to_uri(qcode))
        else:
            yield m.Topic(name=value, scheme=_attr(child, "Vocabulary") or _attr(child, "Scheme"))


def _properties(location: etree._Element) -> dict[str, str]:
    """``FormalName`` → ``Value`` of a location's properties (the first of each name)."""
    out: dict[str, str] = {}
    for prop in location.findall("Property"):
        name, value = _attr(prop, "FormalName"), _attr(prop, "Value")
        if name and value:
            out.setdefault(name.lower(), value)
    return out


def places(metadata: etree._Element, catalog: Catalog) -> tuple[list[m.Topic], str | None]:
    """The place topics of a ``DescriptiveMetadata`` and its first city.

    ``Location`` elements, AFP's ``<Property FormalName="Location">`` and the
    metadata's own ``City``/``Country`` properties (ANA-MPA's) all count; a
    country given as an ISO 3166 code becomes an ``iso3166-1a2``/``a3`` QCode
    (``MAR`` → ``iso3166-1a3:MAR``).
    """
    topics: list[m.Topic] = []
    city = None
    wrapped = [p for p in metadata.findall("Property") if _attr(p, "FormalName") == "Location"]
    for location in [*metadata.findall("Location"), *wrapped, metadata]:
        props = _properties(location)
        city = city or props.get("city")
        for key in ("city", "area", "countryarea", "worldregion"):
            if key in props:
                topics.append(m.Topic(name=props[key], kind=m.TopicKind.PLACE))
        country = props.get("country") or props.get("countrycode")
        if country and _COUNTRY_CODE.fullmatch(country):
            if not _USER_ASSIGNED.fullmatch(country):
                qcode = f"iso3166-1a{len(country)}:{country}"
                topics.append(
                    m.Topic(qcode=qcode, uri=catalog.to_uri(qcode), kind=m.TopicKind.PLACE)
                )
        elif country:
            topics.append(m.Topic(name=country, kind=m.TopicKind.PLACE))
    return topics, city


@attrs.frozen
class Own:
    """What one ``NewsComponent`` (or ``NewsItem``) says of itself, before inheritance."""

    lines: dict[str, str] = attrs.field(factory=dict)
    keywords: tuple[str, ...] = ()
    language: str | None = None
    topics: tuple[m.Topic, ...] = ()
    genres: tuple[m.Topic, ...] = ()
    city: str | None = None
    provider: str | None = None
    creator: str | None = None
    #: The people a ``Creator Party`` names as the text's authors (a byline when
    #: there is no ``ByLine``).
    authors: tuple[m.Byline, ...] = ()
    holder: str | None = None
    role: str = ""


#: News lines read as text, by element: ``<HeadLine>`` → ``headline``.
LINE_FIELDS = {
    "HeadLine": "headline",
    "SubHeadLine": "subheadline",
    "ByLine": "byline",
    "ByLineTitle": "byline_title",
    "DateLine": "dateline",
    "CreditLine": "creditline",
    "CopyrightLine": "copyright",
    "SlugLine": "slugline",
}
#: Lines whose text is a number, no words: AFP sends a picture's number as its
#: ``<HeadLine>569697231</HeadLine>``. Such a headline or subheadline is no title.
TITLE_LINES = frozenset(["headline", "subheadline"])
_NUMBER_ONLY = re.compile(r"[\d\s./_#-]+")
#: The run of digits such a number holds at least (``2-0`` and ``1984`` stay titles);
#: looked for apart, as one pattern around it backtracks quadratically on long digits.
_LONG_NUMBER = re.compile(r"\d{5}")
#: ``NewsLine`` elements read by their ``NewsLineType``, with the line they give:
#: ``<NewsLineType FormalName="AdvisoryLine"/>`` is a note to editors.
NEWS_LINE_TYPES = {"advisoryline": "ednote", "editorialnote": "ednote", "ednote": "ednote"}


def keyword_list(text: str) -> list[str]:
    """The keywords of a ``KeywordLine``: split at ``;`` (ANP's ``ECO;ECO-POST``), else at
    ``,`` (``alpha, beta``)."""
    separator = ";" if ";" in text else ","
    return [k.strip() for k in text.split(separator) if k.strip()]


def _line_children(news_lines: etree._Element) -> Iterator[etree._Element]:
    """The lines of a ``NewsLines``, and (leniently) a line put inside a ``NewsLine``:
    ``<NewsLine><HeadLine>…</HeadLine></NewsLine>``."""
    for child in news_lines.iterchildren("*"):
        if local_name(child) == "NewsLine":
            yield from (c for c in child.iterchildren("*") if local_name(c) in LINE_FIELDS)
        yield child


def _typed_line(line: etree._Element) -> tuple[str, str] | None:
    """A ``NewsLine`` of a type this reader maps: ``AdvisoryLine`` → ``ednote``."""
    kind = (_attr(line.find("NewsLineType"), "FormalName") or "").lower()
    text = _text(line.find("NewsLineText"))
    return (NEWS_LINE_TYPES[kind], text) if kind in NEWS_LINE_TYPES and text else None


def _lines(element: etree._Element) -> tuple[dict[str, str], tuple[str, ...]]:
    lines: dict[str, str] = {}
    keywords: list[str] = []
    for news_lines in element.findall("NewsLines"):
        for child in _line_children(news_lines):
            name = local_name(child)
            typed = _typed_line(child) if name == "NewsLine" else None
            if typed is not None:
                lines.setdefault(*typed)
            text = _text(child)
            if not text:
                continue
            field = LINE_FIELDS.get(name)
            if field in TITLE_LINES and _NUMBER_ONLY.fullmatch(text) and _LONG_NUMBER.search(text):
                continue
            if field is not None:
                lines.setdefault(field, text)
            elif name == "KeywordLine":
                keywords.extend(keyword_list(text))
    return lines, tuple(keywords)


def _party(element: etree._Element, path: str, photographer: bool = False) -> str | None:
    """The first named ``Party`` at ``path``; with ``photographer``, only one with no
    ``Topic`` or a photographer's (Belga's ``Topic="AUTHOR"`` writes the text)."""
    for party in element.findall(path):
        topic = (_attr(party, "Topic") or "").lower()
        if photographer and topic and "photo" not in topic:
            continue
        name = _attr(party, "FormalName")
        if name:
            return name
    return None


def _authors(element: etree._Element) -> tuple[m.Byline, ...]:
    """The people the first ``Creator Party`` that names any names as authors:
    ``<Party FormalName="Jane Doe"/>``, not desk initials (``DWM``) or an agency."""
    for party in element.findall("AdministrativeMetadata/Creator/Party"):
        topic = (_attr(party, "Topic") or "").lower()
        if topic and not any(word in topic for word in AUTHOR_TOPICS):
            continue
        found = parse_byline(_attr(party, "FormalName") or "", known=False)
        people = tuple(b for b in found if b.kind is m.BylineKind.PERSON)
        if people:
            return people
    return ()


def own_of(element: etree._Element, catalog: Catalog) -> Own:
    """What ``element`` (a ``NewsComponent``) says of itself."""
    lines, keywords = _lines(element)
    lang = None
    topics: list[m.Topic] = []
    genres: list[m.Topic] = []
    city = None
    kw = list(keywords)
    for meta in element.findall("DescriptiveMetadata"):
        lang = lang or language(_attr(meta.find("Language"), "FormalName"))
        for code in meta.findall("SubjectCode"):
            topics.extend(subject_topics(code, catalog))
        for genre in meta.findall("Genre"):
            name = _attr(genre, "FormalName")
            if name:
                genres.append(m.Topic(name=name, kind=m.TopicKind.GENRE))
        found, first_city = places(meta, catalog)
        topics.extend(found)
        city = city or first_city
        for prop in meta.findall("Property"):
            if (_attr(prop, "FormalName") or "").lower() == "keyword":
                kw.extend(keyword_list(_attr(prop, "Value") or ""))
    for name in LANG_ATTRIBUTES:
        lang = lang or language(_attr(element, name))
    holder = _text(element.find("RightsMetadata/Copyright/CopyrightHolder"))
    return Own(
        lines=lines,
        keywords=tuple(kw),
        language=lang,
        topics=tuple(topics),
        genres=tuple(genres),
        city=city,
        provider=_party(element, "AdministrativeMetadata/Provider/Party"),
        creator=_party(element, "AdministrativeMetadata/Creator/Party", photographer=True),
        authors=_authors(element),
        holder=holder,
        role=(_attr(element.find("Role"), "FormalName") or "").lower(),
    )


def bylines(text: str | None, title: str | None) -> tuple[m.Byline, ...]:
    """The bylines of a ``ByLine`` (with its ``ByLineTitle`` as the role of a lone person)."""
    if not text:
        return ()
    found = parse_byline(text)
    if title and len(found) == 1 and found[0].role is None:
        return (attrs.evolve(found[0], role=title.lower()),)
    return found


# ---------------------------------------------------------------------------
# content


@attrs.frozen
class Content:
    """What a ``ContentItem``'s ``DataContent`` holds: body blocks, or a whole NITF article."""

    body: tuple[m.Block, ...] = ()
    nitf: m.Article | None = None
    #: ``#photo0`` references of NITF ``media-reference data-location`` in the body.
    references: tuple[str, ...] = ()


def _unwrapped(text: str) -> str:
    """Plain text with no blank line whose lines are broken at a fixed width, its
    paragraphs set apart by blank lines; any other text is returned as it is.

    A line runs on into the next when it was broken there (the next line goes on in
    lower case, or its first word would not have fitted within the text's width, a
    wire's: :data:`WRAP_MIN` to :data:`WRAP_WIDTH`) and it ends no sentence, is no
    heading in capitals, and the next line is not indented nor a list's item. A list
    of short lines (results, an address, names written surname first) and a table's
    rows (columns set apart by spaces) stay a line a paragraph."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").strip().split("\n")
    if len(lines) < 2 or not all(line.strip() for line in lines):
        return text
    width = max(len(line.strip()) for line in lines)
    if width > WRAP_WIDTH:
        return text
    out = [lines[0]]
    for before, line in pairwise(lines):
        last, word = before.strip(), line.split()[0]
        # (a list written surname first opens lines with a particle: `van Plim Jan 4:12:33`)
        lower = word[:1].islower() and word not in NAME_PARTICLES
        broken = lower or (width >= WRAP_MIN and len(last) + 1 + len(word) > width)
        runs_on = (
            broken
            and not _SENTENCE_END.search(last)
            and last != last.upper()  # a heading in capitals stands alone
            and not _INDENTED.match(line)  # an indented line starts a paragraph
            and not _LIST_ITEM.match(line)
            and not _COLUMN_GAP.search(before)  # a table's rows stand apart
            and not _COLUMN_GAP.search(line)
        )
        out.append(" " if runs_on else "\n\n")
        out.append(line)
    return "".join(out)


def _text_body(text: str) -> tuple[m.Block, ...]:
    """A ``DataContent`` holding only text: HTML (escaped or CDATA), a record, or plain text."""
    if _HTML.search(text):
        return blocks_from_html(text)
    if _ANY_TAG.search(text):
        # a record of another vocabulary: its words (a line of tags alone, such as
        # Belga's <NewsComponentRef idref="…"/> between paragraphs, is left out)
        lines = text.replace("\r\n", "\n").replace("\r", "\n")
        text = _ANY_TAG.sub(" ", _TAG_LINE.sub("", lines))
    return blocks_from_text(_unwrapped(text))


def data_of(item: etree._Element) -> tuple[etree._Element | None, str | None]:
    """A ``ContentItem``'s ``DataContent`` and the ``Encoding Notation`` it is in, if any:
    ``<Encoding Notation="base64"><DataContent>PHA+…</DataContent></Encoding>``."""
    data = item.find("DataContent")
    if data is not None:
        return data, None
    if item.get("Href") is None and any(
        local_name(c) not in ITEM_METADATA for c in item.iterchildren("*")
    ):
        return _loose_markup(item), None  # leniently, markup put in the ContentItem itself
    encoding = item.find("Encoding")
    notation = _attr(encoding, "Notation") if encoding is not None else None
    for _ in range(_MAX_ENCODINGS):
        if encoding is None:
            return None, None
        data = encoding.find("DataContent")
        if data is not None:
            return data, (notation or "").lower()
        encoding = encoding.find("Encoding")
    return None, None


def _loose_markup(item: etree._Element) -> etree._Element:
    """A copy of the markup put in a ``ContentItem`` itself (``<p>…</p>``), without the
    item's metadata (a ``Comment`` to the desk is no text of the story)."""
    wrapper = etree.Element("DataContent")
    wrapper.text = item.text
    for child in item.iterchildren("*"):
        if local_name(child) not in ITEM_METADATA:
            wrapper.append(copy.deepcopy(child))
    return wrapper


def _decoded(data: etree._Element, notation: str) -> str | None:
    """The text of base64 data, in the encoding it shows (a byte-order mark, an XML
    declaration's), else UTF-8, else windows-1252; ``None`` for another notation or
    bytes that are no text (gzip data, say, is not unpacked: it would be no body)."""
    if notation not in BASE64_NOTATIONS:
        return None
    try:
        raw = base64.b64decode("".join((data.text or "").split()))
        return feed_text(raw, format="newsml1", max_bytes=len(raw))
    except (binascii.Error, ValueError, ReadError):
        return None


def encoded_content(data: etree._Element, notation: str, catalog: Catalog) -> Content | None:
    """The body of an encoded ``DataContent``, read as a plain one is; ``None`` when it
    cannot be decoded. Decoded XML (a NITF document) is parsed as safely as the document."""
    text = _decoded(data, notation)
    return None if text is None else _content_of_text(text, catalog, markup=True)


def _content_of_text(text: str, catalog: Catalog, *, markup: bool) -> Content:
    """The body of ``DataContent`` given as text. XML in it (any, with ``markup``; else a
    NITF document, escaped or in CDATA) is parsed as safely as the document and read as
    the same markup would be; text that does not parse is read as HTML or plain text."""
    if text.lstrip().startswith("<") and (markup or _NITF_TEXT.search(text)):
        try:
            root = parse_xml(text, format="newsml1", drop_internal_subset=True)
        except ReadError:
            root = None
        if root is not None:
            wrapper = etree.Element("DataContent")
            wrapper.append(root)
            return content_of(wrapper, catalog)
    return Content(body=_text_body(text))


def content_of(data: etree._Element, catalog: Catalog) -> Content:
    """The body in a ``DataContent``: NITF, ``body.content``, XHTML, HTML or plain text."""
    references = tuple(
        ref.get("data-location") or ""
        for ref in data.iter("{*}media-reference", "media-reference")
        if (ref.get("data-location") or "").startswith("#")
    )
    children = [c for c in data if isinstance(c.tag, str)]
    if not children:
        return _content_of_text(data.text or "", catalog, markup=False)
    nitf = next(data.iter("{*}nitf", "nitf"), None)
    if nitf is not None:
        return Content(nitf=article_from_nitf(nitf, catalog), references=references)
    inner = next(data.iter("{*}body.content", "body.content"), None)
    if inner is None:
        inner = next(data.iter("{*}body"), None)  # XHTML
    return Content(
        body=blocks_from_element(inner if inner is not None else data, own_body=True),
        references=references,
    )


def _property(element: etree._Element | None, *names: str) -> str | None:
    """The ``Value`` of the first ``Property`` with one of ``names`` (in lower case)."""
    if element is None:
        return None
    for prop in element.findall("Property"):
        if (_attr(prop, "FormalName") or "").lower() in names:
            return _attr(prop, "Value")
    return None


def media_kind(item: etree._Element, component_class: str | None = None) -> str:
    """What a ``ContentItem`` holds: ``photo``, ``text``, ``other`` (video, audio, a
    file by reference) or ``""`` (nothing)."""
    media = (formal(item.find("MediaType")) or component_class or "").lower()
    mime = (formal(item.find("MimeType")) or "").lower()
    fmt = (formal(item.find("Format")) or "").lower()
    href = safe_url(item.get("Href"))
    if media in PHOTO_MEDIA or mime.startswith("image/") or fmt in PHOTO_FORMATS:
        return "photo"
    if media in OTHER_MEDIA or mime.startswith(("video/", "audio/")):
        return "other"
    if mime in NOT_TEXT or fmt in NOT_TEXT:
        return ""
    if data_of(item)[0] is not None:
        return "text"
    if href and IMAGE_FILE.search(href):
        return "photo"
    return "other" if href or item.find("Encoding") is not None else ""


def rendition_of(item: etree._Element, role: str) -> m.Rendition | None:
    """The file of a picture ``ContentItem``: its ``Href``, size and media type."""
    url = safe_url(item.get("Href"))
    if not url:
        return None
    traits = item.find("Characteristics")
    fmt = (formal(item.find("Format")) or "").lower()
    mime = formal(item.find("MimeType"))
    size = whole_number(_text(traits.find("SizeInBytes"))) if traits is not None else None
    return m.Rendition(
        url=url,
        name=(_property(traits, *USE_PROPERTIES) or role or "").lower() or None,
        media_type=mime if mime and "/" in mime else PHOTO_FORMATS.get(fmt),
        width=whole_number(_property(traits, *WIDTH_PROPERTIES)) or None,
        height=whole_number(_property(traits, *HEIGHT_PROPERTIES)) or None,
        size=size,
    )
