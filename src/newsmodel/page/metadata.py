"""What the page says about itself (JSON-LD, OpenGraph and other meta tags,
the canonical link), and the language and publisher it names.

Metadata confirms and fills in what the page shows; where the two disagree the
later stages prefer what the page shows (see :mod:`newsmodel.page`).
"""

from __future__ import annotations

from typing import NamedTuple

from lxml import etree

from newsmodel import model as m
from newsmodel._input import clean_text
from newsmodel.markup import safe_url
from newsmodel.page.strings import norm, resolve_url
from newsmodel.schemaorg import article_from_data, find_articles, loads_lenient

__all__ = ["Metadata", "language", "publisher", "read_metadata"]

#: JSON-LD types whose ``name`` is the site's (never a byline, cut from titles).
_SITE_TYPES = ("WebSite", "Organization", "NewsMediaOrganization")
#: Meta tags that name the language, most reliable first (after ``lang`` and JSON-LD).
_LANGUAGE_KEYS = ("og:locale", "content-language", "language", "dc.language")


class Metadata(NamedTuple):
    """What the page's head and JSON-LD say."""

    #: meta tags' contents by lowercased ``property``, ``name`` or ``itemprop``
    metas: dict[str, list[str]]
    #: the article the page's JSON-LD describes (the first one that reads)
    ld: m.Article | None
    #: names of the JSON-LD's ``WebSite`` and ``Organization`` nodes
    ld_sites: list[str]
    #: the page's address: canonical link, ``og:url``, JSON-LD, then the one given
    url: str | None
    #: what relative links resolve against (the address given, else the page's own)
    base: str | None
    #: site and publisher names, normalised (:func:`~newsmodel.page.strings.norm`)
    sites: set[str]
    #: site names as written (JSON-LD, then ``og:site_name``)
    site_names: list[str]

    def first(self, *keys: str) -> str | None:
        """The first meta tag's content among ``keys``, in the order given."""
        return first(self.metas, *keys)


def read_metadata(document: etree._Element, given_url: str | None) -> Metadata:
    """The page's metadata; ``given_url`` is the address the caller gave."""
    metas = _metas(document)
    ld, ld_sites = _jsonld(document)
    canonical = None
    for link in document.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            canonical = link.get("href")
            break
    page_url = (
        resolve_url(canonical, given_url)
        or resolve_url(first(metas, "og:url"), given_url)
        or (ld.url if ld else None)
        or safe_url(given_url)
    )
    sites = {
        norm(s)
        for s in [
            *ld_sites,
            *(metas.get("og:site_name", [])),
            *(metas.get("application-name", [])),
            ld.publisher.name if ld and ld.publisher else "",
        ]
        if s and norm(s)
    }
    return Metadata(
        metas=metas,
        ld=ld,
        ld_sites=ld_sites,
        url=page_url,
        base=given_url or page_url,
        sites=sites,
        site_names=[*ld_sites, *metas.get("og:site_name", [])],
    )


def _metas(document: etree._Element) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for meta in document.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip()
        content = meta.get("content")
        if key and content and content.strip():
            out.setdefault(key.lower(), []).append(" ".join(clean_text(content).split()))
    return out


def first(metas: dict[str, list[str]], *keys: str) -> str | None:
    """The first content among ``keys``, in the order given."""
    for key in keys:
        values = metas.get(key)
        if values:
            return values[0]
    return None


def _jsonld(document: etree._Element) -> tuple[m.Article | None, list[str]]:
    """The first article the page's JSON-LD scripts describe, and the site names they give
    (from the scripts read up to that one)."""
    sites: list[str] = []
    for script in document.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        data = loads_lenient(script.text or "")
        if data is None:
            continue
        articles, by_id = find_articles(data)
        for node in by_id.values():
            kinds = node.get("@type")
            kind_list = kinds if isinstance(kinds, list) else [kinds]
            if any(k in _SITE_TYPES for k in kind_list):
                name = node.get("name")
                if isinstance(name, str) and name.strip():
                    sites.append(name.strip())
        if articles:
            try:
                return article_from_data(articles[0], by_id), sites
            except ValueError:
                continue
    return None, sites


def language(document: etree._Element, meta: Metadata) -> str | None:
    """The page's language: ``lang``, ``xml:lang``, JSON-LD, then meta tags."""
    for value in (
        document.get("lang"),
        document.get("{http://www.w3.org/XML/1998/namespace}lang"),
        meta.ld.language if meta.ld else None,
        meta.first(*_LANGUAGE_KEYS),
    ):
        if not value:
            continue
        value = value.strip().replace("_", "-").split(",")[0].strip()
        try:
            return m.Article(language=value).language
        except ValueError:
            continue
    return None


def publisher(meta: Metadata) -> m.Publisher | None:
    """The JSON-LD's publisher, else the first site name as one."""
    if meta.ld and meta.ld.publisher:
        return meta.ld.publisher
    if meta.site_names:
        return m.Publisher(name=meta.site_names[0])
    return None
