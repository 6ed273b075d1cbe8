"""The page the HTML writer writes: its layout, named once, and reading a page by it.

A page newsmodel wrote says so (``<meta name="generator" content="newsmodel">``) and
has a known structure: in its ``head`` one JSON-LD script, the article's
metadata; in its ``body`` one ``article`` holding a ``header``, the photos outside
the body as ``figure`` elements, the body as ``div.article-body`` (ending with a
``– Name`` line for each organisation that wrote it) and a ``footer``. Such a page
is read by that structure: the metadata from the JSON-LD, the body and figures by
the markup rules, none of the page heuristics, so the writer can declare exactly
what the reading loses. A page without the marker, or whose structure was changed
by hand, is read as any other web page.
"""

from __future__ import annotations

import attrs
from lxml import etree

from newsmodel import model as m
from newsmodel._json import JSONObject
from newsmodel.errors import NoArticleError
from newsmodel.io._common import warn_ignored
from newsmodel.markup import blocks_from_element, photos_of_figures, safe_url
from newsmodel.schemaorg import article_from_data, loads, locate_articles

__all__ = [
    "BODY_CLASS",
    "GENERATOR",
    "JSONLD_TYPE",
    "read_own_page",
    "sign_off",
]

#: The ``content`` of the ``generator`` meta the writer emits (no version, so that a
#: release changes no page): ``<meta name="generator" content="newsmodel">``.
GENERATOR = "newsmodel"
#: The class of the ``div`` that holds the body: ``<div class="article-body">``.
BODY_CLASS = "article-body"
#: The ``type`` of the script that holds the article's JSON-LD.
JSONLD_TYPE = "application/ld+json"
#: What starts the line naming an organisation that wrote the story: ``– AAP``.
_SIGN_OFF = "– "
#: The JSON-LD properties the layout reads from the page instead (the body from
#: ``div.article-body``, the photos from the figures).
_ON_THE_PAGE = ("articleBody", "image")


def sign_off(name: str) -> str:
    """The line that names an organisation that wrote the story, at the body's end."""
    return _SIGN_OFF + name


def _marked(document: etree._Element) -> bool:
    """Whether the page says newsmodel wrote it."""
    head = document.find("head")
    if head is None:
        return False
    return any(
        meta.get("name") == "generator" and (meta.get("content") or "").split()[:1] == [GENERATOR]
        for meta in head.iterchildren("meta")
    )


def _jsonld(document: etree._Element) -> str | None:
    """The text of the page's one JSON-LD script, or ``None``."""
    head = document.find("head")
    scripts = [] if head is None else head.findall("script")
    if len(scripts) != 1 or scripts[0].get("type") != JSONLD_TYPE:
        return None
    return scripts[0].text or ""


def _story(document: etree._Element) -> tuple[list[etree._Element], etree._Element] | None:
    """The figures outside the body and the body's ``div``, when the page's ``body`` holds
    one ``article`` of header, figures, body and footer, in that order; else ``None``."""
    body = document.find("body")
    if body is None or len(body) != 1 or body[0].tag != "article":
        return None
    parts = list(body[0])
    if len(parts) < 3 or parts[0].tag != "header" or parts[-1].tag != "footer":
        return None
    div, figures = parts[-2], parts[1:-2]
    if div.tag != "div" or div.get("class") != BODY_CLASS:
        return None
    if any(figure.tag != "figure" for figure in figures):
        return None
    return figures, div


def _organisations(node: JSONObject) -> list[str]:
    """The names of the organisations the JSON-LD names as authors, in order."""
    authors = node.get("author")
    listed = authors if isinstance(authors, list) else [authors]
    return [
        name
        for author in listed
        if isinstance(author, dict)
        and author.get("@type") == "Organization"
        and isinstance(name := author.get("name"), str)
    ]


def _drop_sign_offs(div: etree._Element, names: list[str]) -> None:
    """Remove the ``– Name`` lines the writer put at the body's end, one per organisation
    (all of them or none: the body's own paragraphs stay)."""
    if not names or len(div) < len(names):
        return
    lines = list(div)[-len(names) :]
    for line, name in zip(lines, names, strict=True):
        text = " ".join((line.text or "").split())
        if line.tag != "p" or len(line) or text != " ".join(sign_off(name).split()):
            return
    for line in lines:
        div.remove(line)


def read_own_page(
    document: etree._Element, url: str | None = None, *, format: str = "html"
) -> m.Article | None:
    """The article of a page the HTML writer wrote, read by its layout; ``None`` when the
    page does not say newsmodel wrote it or its structure is not the writer's.

    ``url``, the page's address, stands for the article's when the JSON-LD names none
    (the addresses on the page are the article's own, as written). A page of nothing
    raises :class:`~newsmodel.errors.NoArticleError`; errors name ``format``. A JSON-LD
    value of the wrong type is dropped with one warning naming its path, as the JSON-LD
    reader does.
    """
    if not _marked(document):
        return None
    text, story = _jsonld(document), _story(document)
    if text is None or story is None:
        return None
    articles, by_id = locate_articles(loads(text, format=format))
    if not articles:
        return None
    path, node = articles[0]
    figures, div = story
    _drop_sign_offs(div, _organisations(node))
    metadata = {key: value for key, value in node.items() if key not in _ON_THE_PAGE}
    ignored: list[tuple[str, str]] = []
    article = article_from_data(metadata, by_id, path=path, ignored=ignored)
    warn_ignored(format, ignored)
    body = blocks_from_element(div, own_body=True)
    photos = [p for p in photos_of_figures(figures) if p is not None]
    photos.extend(figure.photo for figure in m.figures(body))
    article = attrs.evolve(
        article,
        body=body,
        photos=tuple(dict.fromkeys(photos)),
        url=article.url or safe_url(url),
    )
    if article == m.Article():
        raise NoArticleError("the page holds an empty article", format=format)
    return article
