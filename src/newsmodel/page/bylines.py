"""Who wrote the story.

JSON-LD's people first (the site itself never counts as an author), then the byline
the page shows (author links preferred to the line's text), then "By" lines at the top
of the body, then meta tags; an agency's sign-off at the end of the body is added.
"""

from __future__ import annotations

import re

from lxml import etree

from newsmodel import model as m
from newsmodel.bylines import parse_byline
from newsmodel.page.blocks import Body
from newsmodel.page.elements import classes, hidden
from newsmodel.page.measure import Measures
from newsmodel.page.metadata import Metadata
from newsmodel.page.strings import norm
from newsmodel.page.weights import BYLINE_MAX

__all__ = ["read_bylines"]

#: Class, id, rel or itemprop words that name a byline.
_BYLINE_HINT = re.compile(r"byline|author|writer|reporter|contributor|by-line", re.I)
#: ... and words that name something about the author that is no byline (a bio, a photo).
_NOT_BYLINE = re.compile(r"bio|box|avatar|image|img|photo|more|list|social|twitter", re.I)
#: Link addresses of an author's page.
_AUTHOR_HREF = re.compile(r"author|/people/|/staff/|/profile|/by/|/reporters?/|/writers?/")
#: Meta tags that name authors, most reliable first.
_AUTHOR_KEYS = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator")


def read_bylines(
    article_root: etree._Element, meta: Metadata, body: Body, measures: Measures
) -> list[m.Byline]:
    """The story's bylines (``article_root``: the story's own container)."""
    sites = meta.sites
    ld_people = [b for b in (meta.ld.bylines if meta.ld else ()) if norm(b.name) not in sites]
    visible = _visible_bylines(article_root, sites, measures)
    bylines = ld_people or visible or [b for b in body.shown_bylines if norm(b.name) not in sites]
    if not bylines:
        bylines = _meta_bylines(meta)
    for signoff in body.signoffs:
        if signoff not in bylines:
            bylines.append(signoff)
    return bylines


def _meta_bylines(meta: Metadata) -> list[m.Byline]:
    """Bylines from the first author meta tag that names someone other than the site."""
    bylines: list[m.Byline] = []
    for key in _AUTHOR_KEYS:
        for value in meta.metas.get(key, []):
            if value.startswith("http"):
                continue
            for byline in parse_byline(value):
                if norm(byline.name) not in meta.sites and byline not in bylines:
                    bylines.append(byline)
        if bylines:
            break
    return bylines


def _visible_bylines(root: etree._Element, sites: set[str], measures: Measures) -> list[m.Byline]:
    """The bylines of the first short element named like a byline that gives any."""
    found: list[m.Byline] = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        hint = classes(el) + " " + (el.get("rel") or "") + " " + (el.get("itemprop") or "")
        if not _BYLINE_HINT.search(hint) or hidden(el):
            continue
        if _NOT_BYLINE.search(hint):
            continue
        if not measures.small(el, BYLINE_MAX):
            continue
        text = measures.text(el)
        linked = [
            measures.text(a)
            for a in el.iter("a")
            if _AUTHOR_HREF.search(a.get("href") or "") or "author" in (a.get("rel") or "")
        ]
        candidates = [b for n in linked for b in parse_byline(n, known=False)] if linked else []
        for byline in candidates or parse_byline(text, known=False):
            if norm(byline.name) in sites:
                continue
            if byline not in found:
                found.append(byline)
        if found:
            break
    return found
