"""``html``: news web pages in, a clean semantic page out.

The reader combines what a page says about itself (schema.org JSON-LD,
OpenGraph, ``article:*`` and common meta names, ``<time>``, ``rel=author``)
with what it shows a reader (the headline, the standfirst, the byline, the
date line, figures, tag lists, the copyright line), preferring what the page
shows when the two disagree. The body is found by paragraph density inside
the most article-like container, with page furniture (navigation, ads and
their labels, share bars, promos, related lists, comments, author boxes,
bylines, date lines) removed. Nothing is fetched. The reading itself is
:mod:`newsmodel.page`, a sequence of named stages; this module is the format's
contract (decoding, the input guard, errors) and the writer.

The writer emits a standalone HTML5 page (``article``, ``h1``, ``time``,
``figure``, byline, tag list) with the article's JSON-LD embedded; all text
is escaped and raw embeds are sanitised. The page says newsmodel wrote it, and
the reader reads such a page by its known layout (:mod:`newsmodel.io._html_layout`),
so the writer declares each loss where it writes, by the rules of that reading.
"""

from __future__ import annotations

import json
import re

from lxml import etree

from newsmodel import model as m
from newsmodel._input import xml_prologue
from newsmodel._json import JSONObject
from newsmodel.dates import format_date
from newsmodel.io import HTML as FORMAT
from newsmodel.io._common import (
    DEFAULT_MAX_BYTES,
    as_read_errors,
    check_input,
    sniff_encoding,
)
from newsmodel.io._html_layout import (
    BODY_CLASS,
    GENERATOR,
    JSONLD_TYPE,
    read_own_page,
    sign_off,
)
from newsmodel.losses import Losses, declare_photo_list, report
from newsmodel.markup import blocks_to_elements, safe_url
from newsmodel.markup.inline import element_maker
from newsmodel.markup.write_figures import write_figure
from newsmodel.page import parse, read_document
from newsmodel.page.strings import norm as _norm
from newsmodel.schemaorg import to_data

__all__ = ["FORMAT", "decode_html", "read", "sniff", "write"]

_SNIFF = re.compile(rb"<(?:!doctype html|html|head|body|meta|title|article|div|p)[\s>]", re.I)
#: The root element of an XHTML document, after its XML declaration and DOCTYPE.
_XHTML_ROOT = re.compile(rb"<(?:[\w.-]+:)?html[\s/>]", re.I)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)


def sniff(head: bytes) -> bool:
    """Markup that looks like an HTML page; an XML document only when its root is ``html``
    (XHTML), so that HTML in an XML format's text is never taken for a page.

    >>> sniff(b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body>')
    True
    >>> sniff(b'<?xml version="1.0"?><rss><channel><description>&lt;p&gt;')
    False
    """
    if b"<?xml" in head[:100]:
        return _XHTML_ROOT.match(head, xml_prologue(head)[1]) is not None
    return _SNIFF.search(head[:4096]) is not None


# ---------------------------------------------------------------------------
# reading


def decode_html(data: bytes | str, encoding: str | None = None) -> str:
    """Text of a page: what the bytes show (BOM, UTF-16/32 pattern), then ``encoding``,
    then the meta charset, then UTF-8, then cp1252."""
    if isinstance(data, str):
        return data[1:] if data.startswith("\ufeff") else data
    shown = sniff_encoding(data)
    if shown:
        return data.decode(shown, "replace")
    candidates = [encoding] if encoding else []
    declared = _CHARSET.search(data[:4096])
    if declared:
        candidates.append(declared.group(1).decode("ascii", "replace"))
    candidates += ["utf-8", "cp1252"]
    for name in candidates:
        try:
            return data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("utf-8", "replace")


def read(
    data: bytes | str,
    *,
    url: str | None = None,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> m.Article:
    """Read the article on a news page. ``url`` is the page's address (for relative links).

    A page this module wrote (it says so, and keeps the writer's structure) is read
    by that structure (:mod:`newsmodel.io._html_layout`); any other page by the page
    heuristics (:mod:`newsmodel.page`). Quotes are not extracted here;
    :func:`newsmodel.read` does that.
    """
    data = check_input(data, format=FORMAT.name, max_bytes=max_bytes)
    text = decode_html(data, encoding)
    with as_read_errors(FORMAT.name):
        document = parse(text, format=FORMAT.name)
        own = read_own_page(document, url, format=FORMAT.name)
        return own if own is not None else read_document(document, url, format=FORMAT.name)


# ---------------------------------------------------------------------------
# writing


def _el(
    parent: etree._Element, tag: str, text: str | None = None, **attributes: str
) -> etree._Element:
    element = etree.SubElement(
        parent, tag, {k.rstrip("_").replace("_", "-"): v for k, v in attributes.items()}
    )
    if text is not None:
        element.text = text
    return element


def _time(parent: etree._Element, value: m.DateValue, kind: str) -> None:
    _el(parent, "time", format_date(value), datetime=value.isoformat(), **{"class": kind})


#: Characters escaped inside the embedded JSON-LD: nothing in it can end the script
#: ("</script>"), open a comment ("<!--") or be read as markup, and no JavaScript
#: parser sees a raw line separator.
_SCRIPT_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_SCRIPT_UNSAFE = re.compile("[<>&\u2028\u2029]")


def _script_json(data: JSONObject) -> str:
    """``data`` as JSON safe to stand as the text of a ``script`` element."""
    text = json.dumps(data, ensure_ascii=False)
    return _SCRIPT_UNSAFE.sub(lambda match: _SCRIPT_ESCAPES[match.group()], text)


#: Paths the page itself holds (its body, its figures), not its JSON-LD.
_ON_THE_PAGE = ("body", "photos")
#: Makes the page's figures (HTML, no namespace).
_MAKER = element_maker(None)
#: Why the photo list changes: a reader lists the figures outside the body first, then
#: the body's, each photo once.
_PHOTO_LIST = "a page lists the figures outside the body first, then the body's, each once"


def _metadata(article: m.Article, losses: Losses) -> JSONObject:
    """The page's JSON-LD, declaring the metadata it cannot hold (the body and the photos
    are the page's own, declared as they are written)."""
    found = Losses()
    data = to_data(article, found)
    for path, reason in found.reasons().items():
        if not path.startswith(_ON_THE_PAGE):
            losses.drop(path, reason)
    return data


def _head(page: etree._Element, article: m.Article, losses: Losses) -> None:
    """The page's ``head``: the generator marker, title, description, canonical link,
    site name and the article's JSON-LD (its metadata's losses declared)."""
    head = _el(page, "head")
    _el(head, "meta", charset="utf-8")
    _el(head, "meta", name="generator", content=GENERATOR)
    _el(head, "title", article.headline or "")
    if article.summary:
        _el(head, "meta", name="description", content=article.summary)
    if article.url and safe_url(article.url):
        _el(head, "link", rel="canonical", href=article.url)
    if article.publisher:
        _el(head, "meta", property="og:site_name", content=article.publisher.name)
    # the JSON-LD goes into the tree, never into the serialised page by searching it for a
    # marker (which the article's own text could hold); a script's text is written raw
    _el(head, "script", _script_json(_metadata(article, losses)), type=JSONLD_TYPE)


def _byline(header: etree._Element, people: list[m.Byline]) -> None:
    """The "By" line: each person's name, linked (``rel=author``) when a URL is safe."""
    byline = _el(header, "p", "By ", **{"class": "byline"})
    for i, person in enumerate(people):
        if i:
            byline[-1].tail = " and " if i == len(people) - 1 else ", "
        url = safe_url(person.url) if person.url else None
        link = _el(byline, "a" if url else "span", person.name, rel="author")
        if url:
            link.set("href", person.url or "")


def _header(art: etree._Element, article: m.Article) -> None:
    """The story's ``header``: headline, subheadline, standfirst, byline, dates."""
    header = _el(art, "header")
    if article.headline:
        _el(header, "h1", article.headline)
    if article.subheadline:
        _el(header, "p", article.subheadline, **{"class": "subheadline"})
    if article.summary:
        _el(header, "p", article.summary, **{"class": "standfirst"})
    people = [b for b in article.bylines if b.kind is m.BylineKind.PERSON]
    if people:
        _byline(header, people)
    if article.published or article.modified:
        dates = _el(header, "p", **{"class": "dates"})
        if article.published:
            _time(dates, article.published, "published")
        if article.modified:
            if article.published:
                dates[-1].tail = ", updated "
            _time(dates, article.modified, "updated")


def _story(art: etree._Element, article: m.Article, losses: Losses) -> None:
    """The figures outside the body, the body and its sign-offs; declares what their
    markup drops and how the photo list comes back."""
    in_body = {f.photo for f in m.figures(article.body)}
    photos: list[m.Photo] = []
    for i, photo in enumerate(article.photos):
        if photo not in in_body:
            back = write_figure(art, photo, _MAKER, losses.at(f"photos[{i}]"))
            photos += [back] if back is not None else []
    content = _el(art, "div", **{"class": BODY_CLASS})
    body_back = blocks_to_elements(content, article.body, losses=losses.at("body"))
    photos.extend(f.photo for f in m.figures(body_back))
    declare_photo_list(article.photos, tuple(dict.fromkeys(photos)), losses, _PHOTO_LIST)
    for org in article.bylines:
        if org.kind is m.BylineKind.ORGANISATION:
            _el(content, "p", sign_off(org.name))


def _footer(art: etree._Element, article: m.Article) -> None:
    """The story's ``footer``: the keyword tag list and the copyright line."""
    footer = _el(art, "footer")
    keywords = [t for t in article.topics if t.kind is m.TopicKind.KEYWORD and t.name]
    if keywords:
        tags = _el(footer, "ul", **{"class": "tags"})
        for topic in keywords:
            anchor = f"#tag-{_norm(topic.name or '').replace(' ', '-')}"
            _el(_el(tags, "li"), "a", topic.name, rel="tag", href=anchor)
    if article.rights and article.rights.notice:
        _el(footer, "p", article.rights.notice, **{"class": "copyright"})


def write(article: m.Article, *, strict: bool = False) -> str:
    """A standalone HTML5 page for ``article``, with its JSON-LD embedded."""
    losses = Losses()
    page = etree.Element("html")
    if article.language:
        page.set("lang", article.language)
    _head(page, article, losses)
    art = _el(_el(page, "body"), "article")
    _header(art, article)
    _story(art, article, losses)
    _footer(art, article)
    text = etree.tostring(page, method="html", encoding="unicode")
    report(FORMAT.name, losses, strict=strict)
    return "<!DOCTYPE html>\n" + text + "\n"
