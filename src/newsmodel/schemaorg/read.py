"""schema.org -> the model: reading ``NewsArticle`` and its kin from parsed JSON-LD.

Accepts a single object, an array, or an ``@graph``; finds the article among
``NewsArticle``, ``Article``, ``ReportageNewsArticle``, ``BlogPosting`` and
their kin; resolves ``@id`` references inside the document; and recovers
from common damage (trailing commas, raw control characters, several objects
pasted together). A value of a type the reader does not read is left out,
and told to the caller when it asks (``ignored=``).
"""

from __future__ import annotations

import datetime
import html as html_lib
import json
import re
from collections.abc import Iterator, Mapping

import attrs

from newsmodel import model as m
from newsmodel._input import clean_text, whole_number
from newsmodel._json import (
    MAX_INT_DIGITS,
    JSONObject,
    JSONValue,
    check_size,
    recover_objects,
    squash_spaces,
)
from newsmodel.bylines import is_agency, parse_byline
from newsmodel.captions import split_credit
from newsmodel.converters import json_type
from newsmodel.dates import parse_date
from newsmodel.errors import InputTooLargeError
from newsmodel.markup import blocks_from_html, blocks_from_text, safe_url

__all__ = [
    "ARTICLE_TYPES",
    "MIN_YEAR",
    "article_from_data",
    "find_articles",
    "jsonld_date",
    "loads",
    "loads_lenient",
    "locate_articles",
]

#: schema.org types read as an article.
ARTICLE_TYPES = frozenset(
    """NewsArticle Article ReportageNewsArticle AnalysisNewsArticle OpinionNewsArticle
    BackgroundNewsArticle ReviewNewsArticle AskPublicNewsArticle BlogPosting
    LiveBlogPosting SocialMediaPosting Report TechArticle ScholarlyArticle
    SatiricalArticle""".split()
)
_ORG_TYPES = frozenset(["Organization", "NewsMediaOrganization", "Corporation", "NGO"])
#: Dates before this year are placeholders (``0001-01-01``, ``1900-01-01``), not news.
MIN_YEAR = 1990
#: How deep ``@graph``, ``mainEntity`` and ``itemListElement`` are followed for articles.
_MAX_NESTING = 20
#: The Unix epoch as a date: a zero timestamp some sites print for "no date".
_EPOCH_DAY = datetime.date(1970, 1, 1)


# ---------------------------------------------------------------------------
# reading


def loads_lenient(text: str) -> JSONValue:
    """Parse JSON-LD as pages write it: strict first, then with common damage repaired.

    Returns ``None`` when nothing can be recovered, or when the text holds
    more values than newsmodel reads (:data:`newsmodel._json.MAX_VALUES`).
    """
    try:
        return loads(text, format="jsonld")
    except InputTooLargeError:
        return None


def _int_or_none(digits: str) -> int | None:
    """An integer, or ``null`` for one too long to be worth turning into a Python int."""
    return int(digits) if len(digits) <= MAX_INT_DIGITS else None


def loads(text: str, *, format: str) -> JSONValue:
    """:func:`loads_lenient`, raising :class:`InputTooLargeError` (naming ``format``) for
    too many values."""
    text = text.strip().removeprefix("<!--").removesuffix("-->").strip()
    text = text.removeprefix("//<![CDATA[").removesuffix("//]]>").strip()
    if not text:
        return None
    check_size(text, format=format)
    parsed: JSONValue
    try:
        parsed = json.loads(text, parse_int=_int_or_none)
        return parsed
    except (ValueError, RecursionError):
        pass
    repaired = re.sub(r"[\x00-\x1f]", " ", text)  # raw newlines and tabs inside strings
    repaired = re.sub(r",\s*([}\]])", r"\1", repaired)  # trailing commas
    try:
        parsed = json.loads(repaired, parse_int=_int_or_none)
        return parsed
    except (ValueError, RecursionError):
        pass
    # several objects pasted one after another, or one broken beyond repair
    return recover_objects(repaired, parse_int=_int_or_none) or None


def _types(node: JSONObject) -> set[str]:
    value = node.get("@type")
    values = value if isinstance(value, list) else [value]
    return {v.rsplit("/", 1)[-1] for v in values if isinstance(v, str)}


def _member(path: str, key: str) -> str:
    """The JSON path of ``key`` in the object at ``path``: ``$.author``, ``$['@graph']``."""
    return f"{path}.{key}" if key.isidentifier() else f"{path}[{key!r}]"


def _walk(value: JSONValue, path: str = "$", depth: int = 0) -> Iterator[tuple[str, JSONObject]]:
    if depth > _MAX_NESTING:
        return
    if isinstance(value, list):
        for i, item in enumerate(value):
            yield from _walk(item, f"{path}[{i}]", depth + 1)
    elif isinstance(value, dict):
        yield path, value
        for key in ("@graph", "mainEntity", "itemListElement"):
            if key in value:
                yield from _walk(value[key], _member(path, key), depth + 1)


def locate_articles(
    data: JSONValue,
) -> tuple[list[tuple[str, JSONObject]], dict[str, JSONObject]]:
    """The article nodes in a JSON-LD document with their JSON paths, and every node by its
    ``@id``."""
    nodes = list(_walk(data))
    by_id = {key: n for _, n in nodes if isinstance(key := n.get("@id"), str)}
    articles = [(path, n) for path, n in nodes if _types(n) & ARTICLE_TYPES]
    return articles, by_id


def find_articles(data: JSONValue) -> tuple[list[JSONObject], dict[str, JSONObject]]:
    """The article nodes in a JSON-LD document, and every node by its ``@id``."""
    articles, by_id = locate_articles(data)
    return [node for _, node in articles], by_id


def _text(value: JSONValue) -> str | None:
    """The text a value holds: a string, the first string of an array, or a value object's."""
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    if not isinstance(value, str):
        return None
    value = squash_spaces(clean_text(value))
    return value or None


def _not_text(value: JSONValue) -> str | None:
    """Why ``value`` is of no type :func:`_text` reads; ``None`` for text, and for absence
    (``null``, a blank string, an empty array, a value object with a blank string)."""
    if value is None or isinstance(value, str):
        return None
    if isinstance(value, list):
        if not value or any(isinstance(v, str) for v in value):
            return None
        return "expected text, got an array without a string"
    if isinstance(value, dict):
        if any(isinstance(value.get(k), str) for k in ("@value", "name")):
            return None
        return "expected text, got an object without a string @value or name"
    return f"expected text, got {json_type(value)}"


def _split_keywords(text: str | None) -> list[str]:
    """The names in a comma-separated schema.org list (``"ferries, wharf"``)."""
    return [k.strip() for k in text.split(",") if k.strip()] if text else []


def jsonld_date(value: JSONValue) -> m.DateValue | None:
    """A date from JSON-LD, placeholders (before 1990, the epoch) refused."""
    text = _text(value)
    if text is None:
        return None
    parsed = parse_date(text, min_year=MIN_YEAR)
    if parsed is None:
        return None
    if isinstance(parsed, datetime.datetime) and parsed.date() == _EPOCH_DAY:
        return None
    return parsed


#: Where a value may be a node or a name: what the reader takes, for the warning.
_PERSON = "a person, an organisation or a name"
_IMAGE_NODE = "an image object or a URL"


@attrs.frozen
class _Reading:
    """One document being read: its nodes by ``@id``, and where dropped values are told.

    ``ignored`` collects ``(JSON path, why)`` for each value of a type the
    reader does not read (``None``: nobody asks, as for the JSON-LD in web
    pages). A value reached through an ``@id`` reference is reported at the
    reference.
    """

    by_id: Mapping[str, JSONObject]
    ignored: list[tuple[str, str]] | None

    def drop(self, path: str, why: str) -> None:
        if self.ignored is not None:
            self.ignored.append((path, why))

    def resolve(self, value: JSONValue) -> JSONValue:
        """The node an ``{"@id": ...}`` reference names, or ``value`` itself."""
        if isinstance(value, dict) and set(value) <= {"@id", "@type"}:
            ref = value.get("@id")
            if isinstance(ref, str) and ref in self.by_id:
                return self.by_id[ref]
        return value

    def text(self, value: JSONValue, path: str) -> str | None:
        """The text ``value`` (at ``path``) holds; a value of another type is dropped, told."""
        found = _text(value)
        if found is None and (why := _not_text(value)):
            self.drop(path, why)
        return found

    def field(self, node: JSONObject, key: str, path: str) -> str | None:
        """The text of ``node[key]`` (``node`` at ``path``)."""
        return self.text(node.get(key), _member(path, key))

    def items(
        self, node: JSONObject, key: str, path: str, *, resolve: bool = True
    ) -> Iterator[tuple[JSONValue, str]]:
        """The values of ``node[key]`` (one, or an array's) with their paths; references
        resolved unless ``resolve`` is false."""
        value = node.get(key)
        where = _member(path, key)
        if isinstance(value, list):
            pairs: Iterator[tuple[JSONValue, str]] = (
                (item, f"{where}[{i}]") for i, item in enumerate(value)
            )
        else:
            pairs = iter([] if value is None else [(value, where)])
        for item, at in pairs:
            yield (self.resolve(item) if resolve else item), at

    def keywords(self, node: JSONObject, key: str, path: str) -> list[str]:
        """The names in ``node[key]``: comma-separated text, or an array of such."""
        names: list[str] = []
        for item, where in self.items(node, key, path, resolve=False):
            names.extend(_split_keywords(self.text(item, where)))
        return names

    def date(self, node: JSONObject, key: str, path: str) -> m.DateValue | None:
        value = node.get(key)
        self.text(value, _member(path, key))  # a value of the wrong type is told
        return jsonld_date(value)

    def url(self, node: JSONObject, key: str, path: str) -> str | None:
        return safe_url(self.field(node, key, path))

    def wrong(self, value: JSONValue, path: str, expected: str) -> None:
        self.drop(path, f"expected {expected}, got {json_type(value)}")


def _person(
    node: JSONValue, where: str, reading: _Reading, publisher: str | None
) -> m.Byline | None:
    if isinstance(node, str):
        node = {"name": node}
    if not isinstance(node, dict):
        reading.wrong(node, where, _PERSON)
        return None
    name = reading.field(node, "name", where)
    if name is None:
        return None
    url = node.get("url")
    if url is not None and not isinstance(url, str):
        reading.wrong(url, _member(where, "url"), "a URL")
    url = url if isinstance(url, str) else None
    job = reading.field(node, "jobTitle", where)
    types = _types(node)
    # typed both ways ("Person" and "Organization"): a personal name makes it a person
    org = bool(types & _ORG_TYPES) and not ("Person" in types and _personal_name(name))
    return _byline(name, org, safe_url(url), job, publisher)


def _personal_name(name: str) -> bool:
    """Whether ``name`` reads as one person's name (``Jane Doe``, not ``Example News``)."""
    parsed = parse_byline(name)
    return len(parsed) == 1 and parsed[0].kind is m.BylineKind.PERSON


def _byline(
    name: str, org: bool, url: str | None, job: str | None, publisher: str | None
) -> m.Byline | None:
    """The byline an author named ``name`` gives (``org`` when typed as an organisation)."""
    if publisher and name.casefold() == publisher.casefold():
        return None  # the publisher given as an author is no byline
    if org or is_agency(name):
        return m.Byline(name=name, kind=m.BylineKind.ORGANISATION, url=url)
    parsed = parse_byline(name)
    if len(parsed) == 1 and parsed[0].kind is m.BylineKind.PERSON:
        return m.Byline(name=parsed[0].name, role=job.lower() if job else None, url=url)
    return None


def _size(node: JSONObject, key: str, where: str, reading: _Reading) -> int | None:
    """An image's width or height: a number, a string of digits, or ``{"value": ...}``."""
    value = node.get(key)
    if isinstance(value, dict):
        value = value.get("value")
    if isinstance(value, str):
        return _positive(whole_number(value))
    if isinstance(value, int) and not isinstance(value, bool):
        return _positive(value)
    if value is not None and not isinstance(value, float):  # a fraction is no size, silently
        reading.wrong(value, _member(where, key), "a number")
    return None


def _positive(value: int | None) -> int | None:
    return value if value is not None and value > 0 else None


def _image(node: JSONValue, where: str, reading: _Reading) -> m.Photo | None:
    if isinstance(node, str):
        url = safe_url(node)
        return m.Photo(url=url) if url else None
    if not isinstance(node, dict):
        reading.wrong(node, where, _IMAGE_NODE)
        return None
    author_key = "author" if node.get("author") else "creator"
    author = node.get(author_key)
    return _photo(
        url=safe_url(reading.field(node, "url", where) or reading.field(node, "contentUrl", where)),
        caption=reading.field(node, "caption", where) or reading.field(node, "description", where),
        credit=reading.field(node, "creditText", where)
        or reading.field(node, "copyrightHolder", where),
        photographer=reading.text(reading.resolve(author), _member(where, author_key))
        if author
        else None,
        width=_size(node, "width", where, reading),
        height=_size(node, "height", where, reading),
    )


def _photo(
    *,
    url: str | None,
    caption: str | None,
    credit: str | None,
    photographer: str | None,
    width: int | None,
    height: int | None,
) -> m.Photo | None:
    """The photo an image's parts give: a credit split off a caption, nothing without both."""
    if caption and credit is None:
        caption, credit = split_credit(caption)
    if url is None and caption is None:
        return None
    return m.Photo(
        url=url,
        caption=caption,
        credit=credit,
        photographer=photographer,
        width=width,
        height=height,
    )


def article_from_data(
    node: JSONObject,
    by_id: Mapping[str, JSONObject] | None = None,
    *,
    path: str = "$",
    ignored: list[tuple[str, str]] | None = None,
) -> m.Article:
    """The article an article node (at ``path``) describes, references resolved through
    ``by_id``.

    Values of a type the reader does not read (``"headline": 5``) are left out;
    each is added to ``ignored``, when given, as ``(JSON path, why)``.
    """
    reading = _Reading(by_id or {}, ignored)
    publisher = _publisher(node, path, reading)
    bylines: list[m.Byline] = []
    for author, where in reading.items(node, "author", path):
        byline = _person(author, where, reading, publisher.name if publisher else None)
        if byline is not None and byline not in bylines:
            bylines.append(byline)
    photos = [_image(image, where, reading) for image, where in reading.items(node, "image", path)]
    dateline = reading.field(node, "dateline", path)
    return m.Article(
        id=reading.field(node, "identifier", path),
        url=_url(node, path, reading),
        headline=reading.field(node, "headline", path) or reading.field(node, "name", path),
        subheadline=reading.field(node, "alternativeHeadline", path),
        summary=reading.field(node, "description", path) or reading.field(node, "abstract", path),
        body=_body(node.get("articleBody"), _member(path, "articleBody"), reading),
        bylines=tuple(bylines),
        photos=tuple(dict.fromkeys(p for p in photos if p)),
        topics=tuple(dict.fromkeys(_topics(node, path, reading))),
        published=reading.date(node, "datePublished", path)
        or reading.date(node, "dateCreated", path),
        modified=reading.date(node, "dateModified", path),
        language=_language(node, path, reading),
        publisher=publisher,
        dateline=m.Dateline(text=dateline) if dateline else None,
        rights=_rights(node, path, reading),
        genres=tuple(
            dict.fromkeys(
                m.Topic(name=g, kind=m.TopicKind.GENRE)
                for g in reading.keywords(node, "genre", path)
            )
        ),
    )


def _publisher(node: JSONObject, path: str, reading: _Reading) -> m.Publisher | None:
    where = _member(path, "publisher")
    found = reading.resolve(node.get("publisher"))
    if isinstance(found, dict) and (name := reading.field(found, "name", where)):
        logo = reading.resolve(found.get("logo"))
        logo_where = _member(where, "logo")
        logo_url = (
            reading.field(logo, "url", logo_where)
            if isinstance(logo, dict)
            else reading.text(logo, logo_where)
        )
        return m.Publisher(name=name, url=reading.url(found, "url", where), logo=safe_url(logo_url))
    # a name, or an object whose name is missing (a value object still gives one)
    plain = _text(found) if isinstance(found, dict) else reading.text(found, where)
    return m.Publisher(name=plain) if plain else None


def _topics(node: JSONObject, path: str, reading: _Reading) -> Iterator[m.Topic]:
    for name in reading.keywords(node, "keywords", path):
        yield m.Topic(name=name, kind=m.TopicKind.KEYWORD)
    for about, where in reading.items(node, "about", path):
        subject = reading.text(about, where)
        if subject:
            yield m.Topic(name=subject, kind=m.TopicKind.SUBJECT)
    for section in reading.keywords(node, "articleSection", path):
        yield m.Topic(name=section, kind=m.TopicKind.SECTION)


def _language(node: JSONObject, path: str, reading: _Reading) -> str | None:
    language = reading.field(node, "inLanguage", path)
    if not language:
        return None
    language = language.replace("_", "-")
    try:
        m.Article(language=language)
    except ValueError:
        return None
    return language


def _url(node: JSONObject, path: str, reading: _Reading) -> str | None:
    url = reading.url(node, "url", path)
    main = reading.resolve(node.get("mainEntityOfPage"))
    if url is None and isinstance(main, dict):
        where = _member(path, "mainEntityOfPage")
        url = safe_url(reading.field(main, "@id", where) or reading.field(main, "url", where))
    return url


def _rights(node: JSONObject, path: str, reading: _Reading) -> m.Rights | None:
    notice = reading.field(node, "copyrightNotice", path)
    holder = reading.text(
        reading.resolve(node.get("copyrightHolder")), _member(path, "copyrightHolder")
    )
    return m.Rights(notice=notice, holder=holder) if (notice or holder) else None


#: Markup in an ``articleBody`` (some publishers put the HTML there, raw or escaped).
_TAGS = r"(?:p|div|br|h[1-6]|ul|ol|li|blockquote|figure|img|table)\b"
_MARKUP = re.compile("<" + _TAGS, re.I)
_ESCAPED_MARKUP = re.compile("&lt;" + _TAGS, re.I)


def _body(
    value: JSONValue, where: str = "", reading: _Reading | None = None
) -> tuple[m.Block, ...]:
    """The blocks of an ``articleBody``: plain text by paragraph, or its HTML read as such."""
    if not isinstance(value, str):
        if value is not None and reading is not None:
            reading.wrong(value, where, "text")
        return ()
    if _ESCAPED_MARKUP.search(value) and not _MARKUP.search(value):
        value = html_lib.unescape(value)
    if _MARKUP.search(value):
        return blocks_from_html(value)
    return blocks_from_text(value)
