"""Reading a news web page, as named stages run in order.

1. :mod:`~newsmodel.page.parse`: the text parsed, hostile markup refused.
2. :mod:`~newsmodel.page.metadata`: what the page says about itself (JSON-LD,
   meta tags, the canonical link).
3. :mod:`~newsmodel.page.measure`: every element's text sizes, once, and the
   story's own container.
4. :mod:`~newsmodel.page.headline`: the headline and standfirst the page shows.
5. :mod:`~newsmodel.page.body`: the body's container found, widened, pruned;
   :mod:`~newsmodel.page.blocks` cleans its blocks.
6. :mod:`~newsmodel.page.dates`: published and modified.
7. :mod:`~newsmodel.page.bylines`: who wrote it.
8. :mod:`~newsmodel.page.photos`, :mod:`~newsmodel.page.topics`,
   :mod:`~newsmodel.page.rights`, and the language and publisher
   (:mod:`~newsmodel.page.metadata`).

Each stage returns a typed result; every threshold and weight is named in
:mod:`~newsmodel.page.weights`. What the page shows wins over what its metadata
says, which confirms it, fills gaps, and drops what metadata gets wrong (the
publisher named as an author). Nothing is fetched.
"""

from __future__ import annotations

from lxml import etree

from newsmodel import model as m
from newsmodel.errors import NoArticleError
from newsmodel.page.body import read_body
from newsmodel.page.bylines import read_bylines
from newsmodel.page.dates import read_dates
from newsmodel.page.headline import read_titles
from newsmodel.page.measure import measure_page
from newsmodel.page.metadata import Metadata, language, publisher, read_metadata
from newsmodel.page.parse import parse
from newsmodel.page.photos import read_photos
from newsmodel.page.rights import read_rights
from newsmodel.page.topics import read_topics

__all__ = ["parse", "read_document", "read_page"]


def read_page(text: str, url: str | None = None, *, format: str = "html") -> m.Article:
    """The article on a page (``text``, decoded); ``url``: its address, for relative links.
    Errors name ``format``."""
    return read_document(parse(text, format=format), url, format=format)


def read_document(
    document: etree._Element, url: str | None = None, *, format: str = "html"
) -> m.Article:
    """The article on a parsed page (:func:`parse`). A page that holds no article raises
    :class:`~newsmodel.errors.NoArticleError` naming ``format``."""
    meta = read_metadata(document, url)
    layout = measure_page(document)
    root, article_root, measures = layout
    titles = read_titles(document, article_root, root, meta, measures)
    body = read_body(root, meta, titles.headline, measures)
    dates = read_dates(root, article_root, meta, titles.headline, measures)
    bylines = read_bylines(root, article_root, meta, titles.headline, body, measures)
    if not (body.blocks or bylines or dates.published or _headed(root, meta, titles.headline)):
        raise NoArticleError(
            "no article found: the page shows no headline, no text, no byline and no date",
            format=format,
        )
    site = publisher(meta)
    rights = read_rights(root, meta, measures)
    return m.Article(
        url=meta.url,
        headline=titles.headline,
        summary=titles.summary,
        body=tuple(body.blocks),
        bylines=tuple(bylines),
        photos=tuple(read_photos(article_root, meta, body.blocks)),
        topics=tuple(read_topics(article_root, meta, body.tags, measures)),
        published=dates.published,
        modified=dates.modified,
        language=language(document, meta),
        publisher=site,
        rights=rights,
        subheadline=meta.ld.subheadline if meta.ld else None,
        genres=meta.ld.genres if meta.ld else (),
    )


def _headed(root: etree._Element, meta: Metadata, headline: str | None) -> bool:
    """Whether a page without body text still heads an article: a headline shown in an
    ``h1``, or declared by an article's JSON-LD or OpenGraph title (a ``<title>`` alone
    over navigation is no article)."""
    if headline is None:
        return False
    shown = next(root.iter("h1"), None) is not None
    return shown or meta.ld is not None or meta.first("og:title", "twitter:title") is not None
