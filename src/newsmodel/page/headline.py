"""The headline and the standfirst, as the page shows them.

An ``h1`` that metadata confirms wins; else metadata's title with the site's name cut
off. A visible standfirst (an element named like one) wins over metadata's description.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from typing import NamedTuple

from lxml import etree

from newsmodel.markup import local_name
from newsmodel.page.elements import BOILERPLATE, classes, line_of, text_of
from newsmodel.page.measure import Measures
from newsmodel.page.metadata import Metadata
from newsmodel.page.strings import class_words, norm, unescape
from newsmodel.page.weights import (
    HEADLINE_LABEL_WORDS,
    HEADLINE_MAX_WORDS,
    HEADLINE_MIN_WORDS,
    HEADLINE_SHARED_WORDS,
    SMALL_ELEMENTS,
    STANDFIRST_ANCESTORS,
    STANDFIRST_MAX,
    STANDFIRST_MIN,
)

__all__ = ["Titles", "headline_element", "read_titles"]

#: Separators between a headline and the site's name in a title ("Headline | Site").
_SEPARATORS = re.compile(r"\s+[|–—:·•»-]\s+")
#: Class and id words that name a standfirst.
_STANDFIRST = re.compile(
    r"excerpt|standfirst|stand-first|dek|subtitle|sub-title|subhead|summary|lede|"
    r"intro|description|strapline|teaser|deck",
    re.I,
)
#: Class words (camelCase split) of boxes around a standfirst-named element that make it
#: no standfirst: a newsletter promo, an author's bio ("zq-author-bio", "signupBox").
_NOT_STANDFIRST = frozenset(
    """newsletter newsletters subscribe subscription signup promo bio author authors
    byline profile contributor""".split()
)
#: Text that sells a newsletter: "Sign up for …", "… in your inbox".
_PROMO_TEXT = re.compile(r"\b(?:newsletters?|in your inbox|subscribe|sign up)\b", re.I)
#: Style-sheet text: "selector { property: value }".
_CSS_TEXT = re.compile(r"[\w\]-]\s*\{[^{}]*:[^{}]*[;}]")
#: Elements that may hold a standfirst.
_STANDFIRST_TAGS = ("p", "div", "h2", "span")
#: Separators that only a title of parts uses (a headline may hold a dash or a colon).
_PARTS = re.compile(r"\s[|•»·]\s")
#: Furniture run into a headline's line: a count of comments, a date line's label.
_TITLE_FURNITURE = re.compile(
    r"\b\d+\s+comments?\b|\b(?:posted|updated|published)\s+(?:on\b|at\b|:)", re.I
)
#: A short tag in brackets after a headline: "… Finale [Watch]", "… (Video)".
_BRACKET_TAG = re.compile(r"\s*[\[(][^\[\]()]{1,30}[\])]\s*$")
#: Elements whose own words may show the headline when no ``h1`` does.
_HEADLINE_TAGS = ("h2", "h3", "div", "span", "p", "a")


class Titles(NamedTuple):
    """The headline and standfirst the page shows."""

    #: an ``h1`` metadata confirms, else metadata's title (site name cut), else an ``h1``
    headline: str | None
    #: a visible standfirst, else metadata's description; never the headline again
    summary: str | None


def read_titles(
    document: etree._Element,
    article_root: etree._Element,
    root: etree._Element,
    meta: Metadata,
    measures: Measures,
) -> Titles:
    """The headline and standfirst (``article_root``: the story's own container)."""
    headline = _headline(document, article_root, root, meta, measures)
    summary = _standfirst(article_root, measures)
    if summary is None:
        summary = unescape(
            (meta.ld.summary if meta.ld else None)
            or meta.first("og:description", "description", "twitter:description")
        )
    if not (summary and norm(summary) != norm(headline or "")):
        summary = None
    return Titles(headline=headline, summary=summary)


def _headline(
    document: etree._Element,
    article_root: etree._Element,
    root: etree._Element,
    meta: Metadata,
    measures: Measures,
) -> str | None:
    h1s = _h1s(article_root, measures) or _h1s(root, measures)
    title_tag = unescape(text_of(document.find(".//title")))
    meta_titles = [
        t
        for t in (
            unescape(meta.ld.headline if meta.ld else None),
            unescape(meta.first("og:title", "twitter:title")),
            title_tag,
        )
        if t
    ]
    clean_titles = [_strip_site(t, meta.site_names) for t in meta_titles]
    for h1, line in h1s:
        unlabelled = _without_label(h1, line, clean_titles)
        if unlabelled is not None:
            return unescape(unlabelled)
        if any(norm(line) == norm(t) or norm(line) in norm(t) for t in clean_titles) or any(
            norm(line) == norm(t) for t in meta_titles
        ):
            return unescape(line)
    # the page's one h1 rewording the search title for readers, or running on past it
    if len(h1s) == 1 and clean_titles and _rewords(*h1s[0], clean_titles[0]):
        return unescape(h1s[0][1])
    return clean_titles[0] if clean_titles else (h1s[0][1] if h1s else None)


def _h1s(root: etree._Element, measures: Measures) -> list[tuple[etree._Element, str]]:
    """Each ``h1`` with its text (:func:`line_of`). A large ``h1`` inside another large
    one (markup gone wrong) is not read again."""
    found = []
    inside_large: set[etree._Element] = set()
    for h1 in root.iter("h1"):
        if measures.size(h1) > SMALL_ELEMENTS:
            if h1 in inside_large:
                continue
            inside_large.update(h1.iter("h1"))
        line = line_of(h1)
        if line:
            found.append((h1, line))
    return found


def _without_label(h1: etree._Element, line: str, titles: list[str]) -> str | None:
    """The headline an ``h1`` shows beside a label, when what is left is a metadata title:
    a kicker in its own element before it (``<h1><span>Opinion</span> Headline</h1>``) or
    a tag in brackets after it (``Headline [Watch]``); else ``None``."""
    wanted = {norm(t) for t in titles}
    tag = _BRACKET_TAG.search(line)
    if tag is not None and len(tag.group().split()) <= HEADLINE_LABEL_WORDS:
        rest = line[: tag.start()]
        if norm(rest) in wanted:
            return rest
    first = next(iter(h1), None)  # the kicker is the h1's first child, before any text
    if first is not None and isinstance(first.tag, str) and not (h1.text or "").strip():
        label = line_of(first)
        if 0 < len(label.split()) <= HEADLINE_LABEL_WORDS and line.startswith(label):
            rest = line[len(label) :].strip()
            if norm(rest) in wanted:
                return rest
    return None


def _rewords(h1: etree._Element, line: str, title: str) -> bool:
    """Whether ``line`` (the text of ``h1``) is the story's headline although no metadata
    title says it: a headline's length, showing most of the words of ``title`` (the search
    title); not itself a title of parts ("Opinion | Headline | Editorial"), a link (the
    site's name over its home page), a line of lower-case search words or a headline with
    furniture ("… 12 Comments")."""
    words, title_words = set(norm(line).split()), set(norm(title).split())
    if not HEADLINE_MIN_WORDS <= len(norm(line).split()) <= HEADLINE_MAX_WORDS:
        return False
    if not title_words or _PARTS.search(line) or _TITLE_FURNITURE.search(line):
        return False
    if line[:1].islower():
        return False  # a line of search words ("garden tools, trellis, …"), no headline
    if next(h1.iter("a"), None) is not None or any(up.tag == "a" for up in h1.iterancestors()):
        return False
    return len(words & title_words) >= HEADLINE_SHARED_WORDS * len(title_words)


def _strip_site(title: str, sites: Iterable[str]) -> str:
    """``Headline | Site`` → ``Headline``; also ``Site - Headline``, ``Head - Part - Site``."""
    names = {norm(s) for s in sites if s}
    parts = _SEPARATORS.split(title)
    if len(parts) == 1:
        return title
    kept = [p for p in parts if norm(p) not in names]
    if len(kept) < len(parts) and kept:
        return max(kept, key=len) if len(kept) > 1 and len(kept[-1].split()) <= 3 else kept[0]
    longest = max(parts, key=len)
    if len(longest.split()) >= 4 and all(len(p.split()) <= 4 for p in parts if p is not longest):
        return longest
    return title


def _standfirst(article_root: etree._Element, measures: Measures) -> str | None:
    """The first element named like a standfirst that holds one's worth of text (never
    style-sheet text, a newsletter promo or an author's bio)."""
    for el in article_root.iter():
        if not isinstance(el.tag, str) or local_name(el) not in _STANDFIRST_TAGS:
            continue
        if (
            _STANDFIRST.search(classes(el))
            and not BOILERPLATE.search(classes(el).replace("description", ""))
            and STANDFIRST_MIN <= measures.length(el) <= STANDFIRST_MAX
        ):
            text = measures.text(el)
            if _CSS_TEXT.search(text) or _PROMO_TEXT.search(text) or _in_promo_or_bio(el):
                continue
            return text
    return None


def _in_promo_or_bio(el: etree._Element) -> bool:
    """Whether ``el`` or a near ancestor is named a promo or an author's bio."""
    boxes = [el, *itertools.islice(el.iterancestors(), STANDFIRST_ANCESTORS)]
    return any(_NOT_STANDFIRST.intersection(class_words(classes(box))) for box in boxes)


def headline_element(root: etree._Element, headline: str | None) -> etree._Element | None:
    """The element showing the headline: an ``h1`` that says it, another element that says
    it when no ``h1`` does, else the first ``h1``; ``None`` when the page has none of these."""
    first_h1 = next(root.iter("h1"), None)
    if not headline:
        return first_h1
    wanted = norm(headline)
    if not wanted:
        return first_h1
    inner: set[etree._Element] = set()
    for h1 in root.iter("h1"):
        # an h1 inside another says nothing its outer one does not (and is read with it)
        if h1 in inner:
            continue
        if wanted in norm(text_of(h1)):
            return h1
        inner.update(h1.iter("h1"))
    for el in root.iter(*_HEADLINE_TAGS):
        if el.text and norm(el.text) == wanted:  # its own words only: no subtree walks
            return el
    return first_h1
