"""The story's body.

The container holding most of the story's paragraphs is found by scoring (paragraph
text, commas, few links; article-like names and tags favoured, furniture names
penalised), widened to siblings that continue a split body, copied, pruned of page
furniture, and read into blocks, which :mod:`newsmodel.page.blocks` cleans. The page's
own JSON-LD ``articleBody`` is taken when the markup gave much less.
"""

from __future__ import annotations

from collections.abc import Iterator
from copy import deepcopy

from lxml import etree

from newsmodel import model as m
from newsmodel.markup import blocks_from_element, local_name, remove_element
from newsmodel.page.blocks import Body, clean_blocks
from newsmodel.page.elements import CONTENT_HINT, classes, furniture_named, hidden
from newsmodel.page.measure import Measures
from newsmodel.page.metadata import Metadata
from newsmodel.page.strings import norm, resolve_url
from newsmodel.page.weights import (
    ARTICLE_BONUS,
    BOILERPLATE_PENALTY,
    COMMA_WEIGHT,
    DIV_OWN_TEXT_MIN,
    GRANDPARENT_DIVISOR,
    HINTED_MIN_PARAGRAPHS,
    LD_BODY_MIN_WORDS,
    LD_BODY_SHARE,
    PARAGRAPH_MIN,
    PRUNE_KEEP_SHARE,
    SIBLING_MAX_LINKED,
    SIBLING_MIN_SHARE,
    SPLIT_CLIMB,
    WRAPPER_SLACK,
)

__all__ = ["read_body"]

#: Elements that are furniture wherever they stand inside the body.
_FURNITURE_TAGS = frozenset(
    ["nav", "aside", "form", "button", "script", "style", "noscript", "svg", "footer", "header"]
)
#: Furniture kept however large its share of the body (``nav``, ``aside``, ``form``).
_NEVER_BODY_TAGS = ("nav", "aside", "form")
#: Elements never removed for their class name alone.
_CONTENT_TAGS = ("p", "figure", "img", "h2", "h3", "blockquote", "table")
#: Containers that favour the body: ``article``, ``main`` (and ``itemprop=articleBody``).
_ARTICLE_TAGS = ("article", "main")
#: Meta tags that name authors, whose names the body's first lines may repeat.
_AUTHOR_KEYS = ("author", "parsely-author")


def read_body(
    root: etree._Element, meta: Metadata, headline: str | None, measures: Measures
) -> Body:
    """The story's blocks and what the furniture around them said (``root``: the page's
    body element)."""
    body = Body(blocks=[], signoffs=[], tags=[], shown_bylines=[])
    container = _score_containers(root, measures)
    if container is not None:
        copy = _body_copy(_with_siblings(container, measures))
        _prune(copy)
        _resolve_links(copy, meta.base)
        blocks = blocks_from_element(copy)
        ld = meta.ld
        known = {norm(b.name) for b in (ld.bylines if ld else ())}
        known |= {norm(v) for key in _AUTHOR_KEYS for v in meta.metas.get(key, [])}
        body = clean_blocks(blocks, headline, known)
    # the page's own JSON-LD articleBody, when the markup gave much less
    if meta.ld is not None and meta.ld.body:
        ld_words = len(meta.ld.text.split())
        dom_words = len(m.Article(body=tuple(body.blocks)).text.split())
        if ld_words >= LD_BODY_MIN_WORDS and dom_words < LD_BODY_SHARE * ld_words:
            body = body._replace(blocks=list(meta.ld.body))
    return body


def _score_containers(root: etree._Element, measures: Measures) -> etree._Element | None:
    """The element holding most of the article's paragraphs."""
    hinted = [
        el
        for el in root.iter()
        if isinstance(el.tag, str)
        and (el.get("itemprop") == "articleBody" or CONTENT_HINT.search(classes(el)))
        and not hidden(el)
    ]
    best_hint = max(hinted, key=measures.paragraphs, default=None)
    if best_hint is not None and measures.paragraphs(best_hint) >= HINTED_MIN_PARAGRAPHS:
        return best_hint
    scores: dict[etree._Element, float] = {}
    for p in _paragraph_like(root):
        length = measures.length(p)
        if length < PARAGRAPH_MIN:
            continue
        links = measures.linked(p)
        score = length * (1.0 - min(links / max(length, 1), 1.0))
        score += measures.commas(p) * COMMA_WEIGHT
        parent = p.getparent()
        if parent is None:
            continue
        scores[parent] = scores.get(parent, 0.0) + score
        grand = parent.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0.0) + score / GRANDPARENT_DIVISOR
    for el in list(scores):
        if furniture_named(el):
            scores[el] *= BOILERPLATE_PENALTY
        if local_name(el) in _ARTICLE_TAGS or el.get("itemprop") == "articleBody":
            scores[el] *= ARTICLE_BONUS
    if not scores:
        return best_hint
    return max(scores, key=lambda el: scores[el])


def _own_text(element: etree._Element) -> int:
    return len((element.text or "").strip()) + sum(len((c.tail or "").strip()) for c in element)


def _paragraph_like(root: etree._Element) -> Iterator[etree._Element]:
    """``p``, ``pre`` and ``blockquote`` elements, and ``div``s that hold text themselves."""
    for el in root.iter("p", "pre", "blockquote", "div"):
        if local_name(el) != "div" or _own_text(el) >= DIV_OWN_TEXT_MIN:
            yield el


def _with_siblings(container: etree._Element, measures: Measures) -> list[etree._Element]:
    """The container, and siblings that continue the story (a split article body).

    When the container is all its parent holds, the parent's siblings are
    looked at too (a body cut into ``section``s, each wrapping a text block).
    """
    node = container
    own = measures.paragraphs(container)
    for level in range(SPLIT_CLIMB):
        # above the container, only wrappers of one named kind count ("section.outer")
        parts = _split_parts(node, measures, named=level > 0)
        if len(parts) > 1:
            return parts
        parent = node.getparent()
        if parent is None or measures.paragraphs(parent) > own * WRAPPER_SLACK:
            break
        node = parent
    return [container]


def _split_parts(
    container: etree._Element, measures: Measures, *, named: bool = False
) -> list[etree._Element]:
    """``container`` and its siblings that continue it (see :func:`_with_siblings`);
    ``named``: only siblings with the container's own (non-empty) class."""
    parent = container.getparent()
    own = measures.paragraphs(container)
    if parent is None or own == 0:
        return [container]
    parts = []
    for sibling in parent:
        if sibling is container:
            parts.append(sibling)
            continue
        if not isinstance(sibling.tag, str) or hidden(sibling):
            continue
        text = measures.paragraphs(sibling)
        links = measures.linked(sibling)
        same_kind = sibling.tag == container.tag and (sibling.get("class") or "") == (
            container.get("class") or ""
        )
        if named and not (same_kind and container.get("class")):
            continue
        if furniture_named(sibling):
            continue
        if (
            text >= SIBLING_MIN_SHARE * own
            and links < SIBLING_MAX_LINKED * max(text, 1)
            and (same_kind or text >= own)
        ):
            parts.append(sibling)
    return parts


def _body_copy(parts: list[etree._Element]) -> etree._Element:
    """A ``div`` holding copies of ``parts`` (and their tails), to be pruned."""
    holder = etree.Element("div")
    for part in parts:
        holder.append(deepcopy(part))
    return holder


def _prune(container: etree._Element) -> None:
    """Remove page furniture inside the article container (in place).

    An element that holds a good share of the container's paragraphs is never
    removed for its class name alone (class names are noisy).
    """
    # (an element's paragraphs are measured before anything in it is removed; removing
    # what precedes an element leaves its own subtree as it was)
    measures = Measures(container)
    total = max(measures.paragraphs(container), 1)
    for el in list(container.iter()):
        if el is container or not isinstance(el.tag, str) or el.getparent() is None:
            continue
        name = local_name(el)
        big = measures.paragraphs(el) > PRUNE_KEEP_SHARE * total
        if big and name not in _NEVER_BODY_TAGS and not hidden(el):
            continue
        drop = (
            name in _FURNITURE_TAGS
            or hidden(el)
            or (furniture_named(el) and name not in _CONTENT_TAGS)
        )
        if drop and el.getparent() is not None:
            remove_element(el)


def _resolve_links(copy: etree._Element, base: str | None) -> None:
    """Links and image sources in the body's copy made absolute against ``base``."""
    for el in copy.iter("a"):
        href = el.get("href")
        if href and base:
            el.set("href", resolve_url(href, base) or href)
    for el in copy.iter("img"):
        src = el.get("src")
        if src and base:
            el.set("src", resolve_url(src, base) or src)
