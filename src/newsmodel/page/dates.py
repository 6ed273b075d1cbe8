"""When the story was published and modified.

Machine dates (JSON-LD, ``time`` and ``itemprop`` elements, meta tags, a date in the
address) are combined, a later source refining the first on the same day; the date
line the page shows under its headline wins over a machine date on another day (which
is usually UTC or stale).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from typing import NamedTuple

from lxml import etree

from newsmodel import model as m
from newsmodel.dates import MONTH_PATTERN, parse_date
from newsmodel.markup import local_name
from newsmodel.page.elements import classes, elements_after, hidden
from newsmodel.page.headline import headline_element
from newsmodel.page.measure import Measures
from newsmodel.page.metadata import Metadata
from newsmodel.page.strings import class_words
from newsmodel.page.weights import (
    DATE_LINE_MAX,
    DATE_LINE_MIN,
    DATE_TEXT_MAX,
    ELSEWHERE_DEPTH,
    HEADER_MIN_CHILDREN,
    NEAR_HEADLINE,
    SAME_MOMENT,
)
from newsmodel.schemaorg import MIN_YEAR, jsonld_date
from newsmodel.vocab import DATE_LABELS, DATE_PREFIXES, alternation

__all__ = ["Dates", "elsewhere", "is_date_line", "read_dates"]

#: Meta tags that give the publication date, most reliable first.
_PUBLISHED_KEYS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date",
    "dc.date.issued",
    "date",
)
#: Meta tags that give the modification date, most reliable first.
_MODIFIED_KEYS = ("article:modified_time", "og:updated_time", "datemodified", "last-modified")
#: A day in the page's address: ``/2024/03/05/``.
_URL_DATE = re.compile(r"/(20\d{2}|19\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|$|-)")
#: Class, id or itemprop words that name a date line.
_DATE_HINT = re.compile(r"date|time|publish|posted|timestamp|byline|meta|dateline", re.I)
#: A date line's label: "Published: ", "Updated on ".
_DATE_PREFIX = re.compile(rf"^(?:{alternation(DATE_PREFIXES)})\s*(?:on|:)?\s*", re.I)
#: A body line's label before its date: "Published ", "Last updated: ".
_LINE_LABEL = re.compile(rf"^(?:{alternation(DATE_LABELS)})\s*:?\s*", re.I)
#: Where a second (update) date starts in a body line.
_LINE_UPDATE = re.compile(r",?\s*(?:updated|modified)\b", re.I)
_MONTH = MONTH_PATTERN
#: A line that is nothing but a date (and maybe a time and zone): a page's date line.
_DATE_ONLY = re.compile(
    rf"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}})"
    r"(?:,?\s*(?:at\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[a-z]{1,5})?)?\.?",
    re.I,
)
#: Where a date line splits into parts: "By Jane Doe • May 5, 2024 | Updated …".
_PARTS = re.compile(r"\s*[|·•]\s*|,?\s+(?=(?:last )?(?:updated|modified)\b)", re.I)
_UPDATED = re.compile(r"\s*(?:last )?(?:updated|modified)\b", re.I)
_HAS_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
#: Containers whose dates belong to other stories or to the site, not to this article.
_OTHER_DATES = re.compile(
    r"(?:^|[\s_-])(?:related|cards?|teasers?|recirc|promo|more-stories|most-popular|trending|"
    r"sidebar|widget|latest|listing|feed|carousel|rail|topbar|top-bar|masthead|site-header|"
    r"ticker)(?:$|[\s_-])",
    re.I,
)
#: ... and class words (camelCase split) of boxes holding someone else's words, whose
#: dates are theirs: a quoted claim, an embedded post ("zqQuoteCard", "claim-box").
_QUOTED_BOX_WORDS = frozenset(["quote", "quotes", "blockquote", "claim", "claims", "tweet"])
#: Elements whose dates belong to the site or other stories (or to someone quoted).
_ELSEWHERE_TAGS = ("aside", "nav", "footer", "header", "blockquote", "q")
#: Class words that name a modification time: "mod-time", "lastMod", "date-modified".
_MODIFIED_WORDS = frozenset(["mod", "modified", "modif", "updated", "update", "lastmod", "edited"])
#: A reading time after a date: "Dec 5, 2023 · 4 min read".
_READ_TIME = re.compile(
    r"\s*[-–—·•|,]?\s*\d{1,3}\s*(?:-\s*)?(?:min|mins|minutes?)\.?\s+read\b.*$", re.I
)
#: A label at the end of the text just before a date: "Last updated on <span>…".
_UPDATE_BEFORE = re.compile(r"\b(?:updated|modified)\b\s*(?:on|at)?\s*:?\s*$", re.I)
#: ``itemprop`` values that mark a date.
_DATE_PROPS = ("datePublished", "dateModified")


class Dates(NamedTuple):
    """When the story was published and last modified."""

    published: m.DateValue | None
    modified: m.DateValue | None


def read_dates(
    root: etree._Element,
    article_root: etree._Element,
    meta: Metadata,
    headline: str | None,
    measures: Measures,
) -> Dates:
    """The story's dates (``root``: the page's body; ``article_root``: the story's own)."""
    time_pub, time_mod = _time_dates(article_root, measures)
    ld = meta.ld
    published = _prefer_day_consistent(
        [
            ld.published if ld else None,
            time_pub,
            _date_of(meta.first(*_PUBLISHED_KEYS)),
            _url_day(meta.url),
        ]
    )
    shown = _visible_date(root, headline, measures)
    if shown is not None:
        if published is None:
            published = shown
        elif _day(published) != _day(shown):
            # what the page shows wins; a machine date on another day is usually UTC or stale
            published = shown
    modified = _prefer_day_consistent(
        [ld.modified if ld else None, time_mod, _date_of(meta.first(*_MODIFIED_KEYS))]
    )
    return Dates(published=published, modified=modified)


def is_date_line(text: str) -> bool:
    """Whether a body line is a date line ("Published 5 May 2024, updated …")."""
    if len(text) > DATE_LINE_MAX:
        return False
    stripped = _LINE_LABEL.sub("", text)
    head = _LINE_UPDATE.split(stripped, maxsplit=1)[0]
    return parse_date(head.strip(" ,|"), min_year=MIN_YEAR) is not None


def _date_of(text: str | None) -> m.DateValue | None:
    if not text:
        return None
    return jsonld_date(text)


def _url_day(url: str | None) -> datetime.date | None:
    match = _URL_DATE.search(url or "")
    if match:
        try:
            return datetime.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            return None
    return None


def _day(value: m.DateValue) -> datetime.date:
    return value.date() if isinstance(value, datetime.datetime) else value


def _prefer_day_consistent(values: list[m.DateValue | None]) -> m.DateValue | None:
    """The first date; a later one on the same day with a time and zone refines it.

    A UTC time is replaced by the same moment in a local offset when another
    source gives it (the publisher's day is the local one).
    """
    found = [v for v in values if v is not None]
    if not found:
        return None
    first = found[0]
    if isinstance(first, datetime.datetime) and first.utcoffset() == datetime.timedelta(0):
        for other in found[1:]:
            if (
                isinstance(other, datetime.datetime)
                and other.utcoffset()
                and abs(other - first) <= SAME_MOMENT
            ):
                return other
    if not isinstance(first, datetime.datetime):
        for other in found[1:]:
            if (
                isinstance(other, datetime.datetime)
                and other.utcoffset() is not None
                and other.date() == first
            ):
                return other
    return first


def _time_dates(
    root: etree._Element, measures: Measures
) -> tuple[m.DateValue | None, m.DateValue | None]:
    """Dates from ``time`` elements, then from ``itemprop`` date elements."""
    published = modified = None
    for el in root.iter("time"):
        value = el.get("datetime") or _date_text(el, measures)
        date = _date_of(value)
        if date is None:
            continue
        if _in_quoted_box(el):
            continue  # someone else's post or claim, with its own date
        if _names_update(el):
            modified = modified or date
        elif published is None:
            published = date
    for el in root.iter():
        if not isinstance(el.tag, str) or el.get("itemprop") not in _DATE_PROPS:
            continue
        date = _date_of(el.get("content") or el.get("datetime") or _date_text(el, measures))
        if date is not None and el.get("itemprop") == "datePublished":
            published = published or date
        elif date is not None:
            modified = modified or date
    return published, modified


def _names_update(el: etree._Element) -> bool:
    """Whether ``el``'s class, id or itemprop names a modification time."""
    names = classes(el) + " " + (el.get("itemprop") or "")
    return bool(_MODIFIED_WORDS.intersection(class_words(names)))


def _in_quoted_box(el: etree._Element) -> bool:
    """Whether ``el`` sits in a box of someone else's words (a quotation, a claim)."""
    for depth, parent in enumerate(el.iterancestors()):
        if depth >= ELSEWHERE_DEPTH:
            break
        if local_name(parent) in ("blockquote", "q") or _QUOTED_BOX_WORDS.intersection(
            class_words(classes(parent))
        ):
            return True
    return False


def _date_text(el: etree._Element, measures: Measures) -> str:
    """``el``'s text, or nothing when it is too long to be a date."""
    return measures.text(el) if measures.length(el) <= DATE_TEXT_MAX else ""


def elsewhere(element: etree._Element, headline_box: set[etree._Element]) -> bool:
    """Whether ``element`` sits in another story's card, a sidebar or the site's own header
    (``headline_box``: the headline element's ancestors, this article's own containers)."""
    parent = element.getparent()
    depth = 0
    while parent is not None and depth < ELSEWHERE_DEPTH:
        if parent in headline_box:
            return False
        names = classes(parent)
        if local_name(parent) in _ELSEWHERE_TAGS or _OTHER_DATES.search(names):
            return True
        if _QUOTED_BOX_WORDS.intersection(class_words(names)):
            return True
        parent = parent.getparent()
        depth += 1
    return False


def _date_shown(
    el: etree._Element, near: bool, headline_box: set[etree._Element], measures: Measures
) -> tuple[m.DateValue, bool] | None:
    """``(date, labelled an update)`` when ``el`` is a date line, else ``None``."""
    hint = classes(el) + " " + (el.get("itemprop") or "")
    hinted = local_name(el) == "time" or bool(_DATE_HINT.search(hint))
    if not hinted and not (near and len(el) == 0):
        return None  # (cheap tests first: a page may hold many thousands of elements)
    if not DATE_LINE_MIN <= measures.length(el) <= DATE_LINE_MAX:
        return None
    text = _READ_TIME.sub("", measures.text(el))
    if not (hinted or _DATE_ONLY.fullmatch(text)):
        return None
    if hidden(el) or elsewhere(el, headline_box):
        return None
    parts = _PARTS.split(text)
    # "By Ryan Sparks • December 20, 2023": the part that holds the date, and whether
    # it is labelled an update ("By Jane Doe Updated Nov 13, 2019")
    cleaned = next((p for p in parts if _HAS_YEAR.search(p)), parts[0])
    updated = bool(_UPDATED.match(cleaned)) or _names_update(el) or _update_label(el)
    cleaned = _DATE_PREFIX.sub("", cleaned)
    value = _parse_shown(cleaned)
    return None if value is None else (value, updated)


def _update_label(el: etree._Element) -> bool:
    """Whether the text just before ``el`` labels it an update: its parent's own text
    before it, or its previous sibling's tail (``<h4>Last updated on <span>…``)."""
    before = el.getprevious()
    if before is not None:
        label = before.tail or ""
    else:
        parent = el.getparent()
        label = (parent.text or "") if parent is not None else ""
    return bool(_UPDATE_BEFORE.search(label[-DATE_LINE_MAX:]))


def _parse_shown(cleaned: str) -> m.DateValue | None:
    """The date in a date line's part, whole or inside a longer line."""
    value = parse_date(cleaned.strip(" ,"), min_year=MIN_YEAR)
    if value is None:
        # a date inside a longer line: "Jane Doe, Editor, Dec 19, 2023, 05:30 PM"
        inside = _DATE_ONLY.search(cleaned)
        if inside is not None:
            value = parse_date(inside.group().strip(" ,."), min_year=MIN_YEAR)
        else:
            value = parse_date(cleaned.strip(" ,"), min_year=MIN_YEAR, fuzzy=True)
        if value is None or str(value.year) not in cleaned:
            return None
    return value


def _visible_date(
    root: etree._Element, headline: str | None, measures: Measures
) -> m.DateValue | None:
    """The date the page shows a reader for its story.

    The first date after the headline in a ``time`` element, an element whose
    class or itemprop names a date, or a line that holds nothing but a date
    (close to the headline); else such a date just above the headline in the
    same header. Dates in other stories' cards, sidebars and the site's own
    header do not count. A publication date near the headline wins over an
    "Updated …" line; a page that shows only the update is dated by it.
    """
    title = headline_element(root, headline)
    box: set[etree._Element] = set(title.iterancestors()) if title is not None else set()
    elements: Iterable[etree._Element]
    if title is None:
        elements = root.iter()
    else:
        elements = elements_after(root, title)
    update: m.DateValue | None = None
    for after, el in enumerate(elements):
        if update is not None and after > NEAR_HEADLINE:
            return update
        found = _date_shown(el, after <= NEAR_HEADLINE, box, measures)
        if found is not None and not found[1]:
            return found[0]  # a publication date
        if found is not None and update is None:
            update = found[0]  # "Updated …": a publication date may still follow near by
    if update is not None:
        return update
    if title is not None:
        return _date_above(title, box, measures)
    return None


def _date_above(
    title: etree._Element, box: set[etree._Element], measures: Measures
) -> m.DateValue | None:
    """A date line just above the headline, in the same header."""
    header = title.getparent()
    header = (
        header.getparent() if header is not None and len(header) < HEADER_MIN_CHILDREN else header
    )
    if header is not None and header.getparent() is not None:
        before = []
        for el in header.iter():
            if el is title:
                break
            if isinstance(el.tag, str):
                before.append(el)
        for el in reversed(before[-NEAR_HEADLINE:]):
            found = _date_shown(el, True, box, measures)
            if found is not None:
                return found[0]
    return None
