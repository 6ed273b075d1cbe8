"""The story's body.

The container holding most of the story's paragraphs is found by scoring (paragraph
text, commas, few links; article-like names and tags favoured, furniture names
penalised), widened to siblings that continue a split body, copied, pruned of page
furniture, and read into blocks, which :mod:`newsmodel.page.blocks` cleans. The page's
own JSON-LD ``articleBody`` is taken when the markup gave much less.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from copy import deepcopy

from lxml import etree

from newsmodel import model as m
from newsmodel.markup import blocks_from_element, local_name, remove_element
from newsmodel.page.blocks import Body, clean_blocks
from newsmodel.page.elements import (
    classes,
    comment_sections,
    content_hinted,
    furniture_named,
    hidden,
)
from newsmodel.page.ldbody import LdGuide, ld_guide
from newsmodel.page.measure import Measures
from newsmodel.page.metadata import Metadata
from newsmodel.page.strings import norm, resolve_url
from newsmodel.page.weights import (
    ARTICLE_BONUS,
    BOILERPLATE_PENALTY,
    CAPTION_MAX,
    COMMA_WEIGHT,
    CONTAINER_LEVELS,
    DENSE_TEXT,
    FALLBACK_GAIN,
    FALLBACK_WORDS,
    GRANDPARENT_DIVISOR,
    GROUP_KEEP_SHARE,
    HIDDEN_STORY_SHARE,
    HINT_NEARLY_ALL,
    HINTED_MIN_PARAGRAPHS,
    LD_BODY_MIN_WORDS,
    LD_BODY_SHARE,
    LD_COVER_MIN,
    LINK_LIST_SHARE,
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
#: Furniture removed however large its share of the body (``nav``, ``aside``).
_NEVER_BODY_TAGS = ("nav", "aside")
#: Elements never removed for their class name alone.
_CONTENT_TAGS = ("p", "figure", "img", "h2", "h3", "blockquote", "table")
#: Image elements: a short block just after one is its caption.
_IMAGE_TAGS = ("img", "picture", "figure", "video")
#: Subheadings: a chunk holding only one continues a split story (``h1`` is the headline).
_SUBHEADINGS = ("h2", "h3", "h4", "h5", "h6")
#: Elements that can be a caption standing beside an image (never a paragraph, a
#: heading, a table cell or a list item).
_CAPTION_TAGS = ("div", "span", "small", "figcaption", "cite", "font")
#: Containers that favour the body: ``article``, ``main`` (and ``itemprop=articleBody``).
_ARTICLE_TAGS = ("article", "main")
#: Meta tags that name authors, whose names the body's first lines may repeat.
_AUTHOR_KEYS = ("author", "parsely-author")
#: Elements never taken as the densest block: inline ones, and the page's wrappers.
_NO_BLOCKS = frozenset(["html", "body", "a", "span", "em", "strong", "b", "i", "font", "p", "li"])
#: Class words of an image's holder or placeholder (``lazyload-wrapper``, ``photo-box``).
_PICTURE_NAMED = re.compile(r"image|img|photo|picture|lazy|thumb", re.I)
#: Blocks that, inside a ``p``, make it a container (``<p><span><p>…</p></span></p>``).
_NESTED_BLOCKS = ("p", "div", "table", "ul", "ol", "blockquote", "h2", "h3", "h4", "pre")
#: ... and the elements that then read as a ``div``: the ``p``, and inline wrappers.
_BLOCK_HOLDERS = frozenset(["p", "span", "font", "small", "b", "i", "em", "strong", "u"])
#: Digits in a class name: numbered chunks (``part-1``, ``part-2``) are of one kind.
_DIGITS = re.compile(r"\d+")


def read_body(
    root: etree._Element, meta: Metadata, headline: str | None, measures: Measures
) -> Body:
    """The story's blocks and what the furniture around them said (``root``: the page's
    body element)."""
    ld = meta.ld
    known = {norm(b.name) for b in (ld.bylines if ld else ())}
    known |= {norm(v) for key in _AUTHOR_KEYS for v in meta.metas.get(key, [])}

    def read(container: etree._Element) -> Body:
        parts = _with_siblings(container, measures)
        copy = _body_copy(_with_lead(parts, measures, headline))
        _prune(copy)
        _resolve_links(copy, meta.base)
        return clean_blocks(blocks_from_element(copy), headline, known)

    body = Body(blocks=[], signoffs=[], tags=[], shown_bylines=[])
    container = _score_containers(root, measures)
    if container is not None:
        body = read(container)
    guide = ld_guide(ld)
    if guide is not None:
        body = _guided(body, guide, root, measures, read)
    # an empty or tiny result: the densest block of text instead
    if _words(body.blocks) < FALLBACK_WORDS:
        dense = _densest(root, measures)
        if dense is not None and dense is not container:
            other = read(dense)
            if _words(other.blocks) > FALLBACK_GAIN * _words(body.blocks):
                body = other
    # the page's own JSON-LD articleBody, when the markup gave much less
    if ld is not None and ld.body:
        ld_words = len(ld.text.split())
        if ld_words >= LD_BODY_MIN_WORDS and _words(body.blocks) < LD_BODY_SHARE * ld_words:
            body = body._replace(blocks=list(ld.body))
    return body


def _guided(
    body: Body,
    guide: LdGuide,
    root: etree._Element,
    measures: Measures,
    read: Callable[[etree._Element], Body],
) -> Body:
    """``body`` checked against the page's JSON-LD ``articleBody``: read from the element
    holding most of its paragraphs when ``body`` holds little of it, then filtered by it."""
    covered = guide.covered(body.blocks)
    if covered < LD_COVER_MIN:
        scores: dict[etree._Element, int] = {}
        for el in root.iter():
            parent = el.getparent()
            if (
                parent is not None
                and measures.is_paragraph(el)
                and measures.length(el) >= PARAGRAPH_MIN
                and guide.matches(measures.text(el))
            ):
                scores[parent] = scores.get(parent, 0) + measures.length(el)
        if scores:
            other = read(max(scores, key=lambda el: scores[el]))
            if guide.covered(other.blocks) > covered:
                body, covered = other, guide.covered(other.blocks)
    if covered >= LD_COVER_MIN:
        body = body._replace(blocks=guide.filter(body.blocks))
    return body


def _words(blocks: list[m.Block]) -> int:
    return sum(len(m.block_text(block).split()) for block in blocks)


def _densest(root: etree._Element, measures: Measures) -> etree._Element | None:
    """The block with the most text outside links, weighed by its density (text per
    element: a page's wrapper holds every menu too)."""
    best, best_score = None, 0.0
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in _NO_BLOCKS or _is_furniture(el):
            continue
        unlinked = measures.length(el) - measures.linked(el)
        if unlinked < PARAGRAPH_MIN:
            continue
        density = unlinked / measures.size(el)
        score = unlinked * min(1.0, density / DENSE_TEXT)
        if score > best_score:
            best, best_score = el, score
    return best


def _score_containers(root: etree._Element, measures: Measures) -> etree._Element | None:
    """The element holding most of the article's paragraphs."""
    hinted = [
        el
        for el in root.iter()
        if isinstance(el.tag, str)
        and (el.get("itemprop") == "articleBody" or content_hinted(el))
        and not hidden(el)
    ]
    best_hint = _deepest_hint(hinted, measures)
    if best_hint is not None and measures.paragraphs(best_hint) >= HINTED_MIN_PARAGRAPHS:
        return best_hint
    comments = comment_sections(root)
    scores = _paragraph_scores(root, measures, comments)
    # (a hidden element is no container: a paywall's hidden part has its preview beside it)
    shown = [el for el in scores if not hidden(el)]
    if not shown:
        return best_hint
    best = max(shown, key=lambda el: scores[el])
    # a short story in a named body beats furniture (a sidebar's widget, the comments)
    if (
        (furniture_named(best) or best in comments)
        and best_hint is not None
        and measures.paragraphs(best_hint) >= PARAGRAPH_MIN
        and best_hint not in comments
    ):
        return best_hint
    return best


def _paragraph_scores(
    root: etree._Element, measures: Measures, comments: set[etree._Element]
) -> dict[etree._Element, float]:
    """Each paragraph's score (its text and commas outside links) given to its parent and,
    divided again at each level, to the ancestors above; from an element named as
    furniture up, the score counts for ``BOILERPLATE_PENALTY`` (a sidebar's widget does
    not make the sidebar's column a container)."""
    scores: dict[etree._Element, float] = {}
    for p in _paragraph_like(root, measures):
        length = measures.length(p)
        if length < PARAGRAPH_MIN:
            continue
        # a paragraph mostly of links (commas between linked names) is a list, no prose
        linked = measures.linked(p) / max(length, 1)
        if linked > LINK_LIST_SHARE:
            continue
        score = (length + measures.commas(p) * COMMA_WEIGHT) * (1.0 - linked)
        if p in comments:
            score *= BOILERPLATE_PENALTY  # readers' comments are no part of the story
        ancestor = p.getparent()
        for level in range(CONTAINER_LEVELS):
            if ancestor is None:
                break
            if furniture_named(ancestor):
                score *= BOILERPLATE_PENALTY
            bonus = local_name(ancestor) in _ARTICLE_TAGS or ancestor.get("itemprop") == (
                "articleBody"
            )
            share = score / GRANDPARENT_DIVISOR**level * (ARTICLE_BONUS if bonus else 1.0)
            scores[ancestor] = scores.get(ancestor, 0.0) + share
            ancestor = ancestor.getparent()
    return scores


def _deepest_hint(hinted: list[etree._Element], measures: Measures) -> etree._Element | None:
    """The deepest hinted element holding nearly all the paragraph text of the largest
    (``main.main-content`` ⊃ ``article`` ⊃ ``div.article-body``: the last, without the
    author's bio and the "most read" list beside it)."""
    best = max(hinted, key=measures.paragraphs, default=None)
    if best is None:
        return None
    enough = HINT_NEARLY_ALL * measures.paragraphs(best)
    inside = {id(el) for el in best.iter()}
    # (hinted elements come in document order: an inner one comes after the outer)
    for el in hinted:
        if id(el) in inside and measures.paragraphs(el) >= enough:
            best = el
    return best


def _paragraph_like(root: etree._Element, measures: Measures) -> Iterator[etree._Element]:
    """Paragraphs (``p``, and blocks holding only inline text), ``pre`` and ``blockquote``
    elements, and ``div``s that hold text themselves."""
    for el in root.iter():
        if measures.is_paragraph(el) or el.tag in ("pre", "blockquote") or measures.holds_text(el):
            yield el


def _with_siblings(container: etree._Element, measures: Measures) -> list[etree._Element]:
    """The container, and the parts that continue the story (a body split into chunks).

    At each level, from the container up through the wrappers that hold nothing else,
    the siblings with the same signature (:func:`_signature`) join, however small
    (a chunk holding only a subheading too); inside a sibling of another kind, the
    elements of the container's own kind join (the same chunks in another column or
    section). Climbing goes on after a join while the parent holds only what was joined.
    """
    kind = _kind(container)
    parts = [container]
    node = container
    own = measures.paragraphs(container)
    for level in range(SPLIT_CLIMB):
        parent = node.getparent()
        if parent is None:
            break
        if own > 0:
            parts = _join_siblings(node, parts, kind, measures, own, first=level == 0)
        covered = sum(measures.paragraphs(part) for part in parts)
        if measures.paragraphs(parent) > covered * WRAPPER_SLACK:
            break
        node = parent
    return parts


def _join_siblings(
    node: etree._Element,
    parts: list[etree._Element],
    kind: tuple[str, str],
    measures: Measures,
    own: int,
    *,
    first: bool,
) -> list[etree._Element]:
    """``parts`` (all inside ``node``) with what ``node``'s siblings add, in page order."""
    parent = node.getparent()
    assert parent is not None
    signature = _signature(node)
    out: list[etree._Element] = []
    for sibling in parent:
        if sibling is node:
            out.extend(parts)
            continue
        if not isinstance(sibling.tag, str) or _is_furniture(sibling):
            continue
        if _alike(_signature(sibling), signature) and _continues(sibling, signature, measures, own):
            inner = _same_kind_inside(sibling, kind, measures) if not first else []
            out.extend(inner or [sibling])
        elif first and sibling.tag == node.tag and _bigger_sibling(sibling, measures, own):
            out.append(sibling)  # a larger block of prose beside the container
        elif kind[1]:
            out.extend(_same_kind_inside(sibling, kind, measures))
    return out


def _kind(element: etree._Element) -> tuple[str, str]:
    """An element's tag and class words without digits (``content html_2`` is
    ``content html``): numbered chunks of one body are of one kind."""
    words = _DIGITS.sub("", element.get("class") or "").split()
    return str(element.tag), " ".join(sorted({w.strip("_-") for w in words} - {""}))


def _signature(element: etree._Element) -> tuple[tuple[str, ...], str]:
    """The tags looked through (class-less wrappers with one child and no text of their
    own) and the kind of the element they lead to."""
    tags = []
    node = element
    for _ in range(SPLIT_CLIMB):
        children = [c for c in node if isinstance(c.tag, str)]
        if node.get("class") or len(children) != 1 or _has_own_text(node):
            break
        tags.append(str(node.tag))
        node = children[0]
    tag, name = _kind(node)
    return (*tags, tag), name


def _alike(one: tuple[tuple[str, ...], str], other: tuple[tuple[str, ...], str]) -> bool:
    """Whether two signatures are of one kind: the same, or leading through different
    class-less wrappers to the same named kind (``span > span > div.step`` beside
    ``div.step``)."""
    return one == other or (bool(one[1]) and one[1] == other[1] and one[0][-1] == other[0][-1])


def _has_own_text(element: etree._Element) -> bool:
    return bool((element.text or "").strip()) or any((c.tail or "").strip() for c in element)


def _is_furniture(element: etree._Element) -> bool:
    return hidden(element) or local_name(element) in _FURNITURE_TAGS or furniture_named(element)


def _mostly_links(element: etree._Element, measures: Measures) -> bool:
    return measures.linked(element) > SIBLING_MAX_LINKED * max(measures.length(element), 1)


def _continues(
    sibling: etree._Element, signature: tuple[tuple[str, ...], str], measures: Measures, own: int
) -> bool:
    """Whether a sibling of the same signature continues the story: any paragraph or
    subheading when the kind is named (a small chunk, a subheading's chunk), a share of
    the container's paragraphs when it is not (class-less wrappers are everywhere)."""
    if measures.length(sibling) == 0 or _mostly_links(sibling, measures):
        return False
    if not signature[1]:
        return _prose(sibling, measures) >= SIBLING_MIN_SHARE * own
    return _prose(sibling, measures) > 0 or any(True for _ in sibling.iter(*_SUBHEADINGS))


def _bigger_sibling(sibling: etree._Element, measures: Measures, own: int) -> bool:
    text = _prose(sibling, measures)
    return text >= own and measures.linked(sibling) < SIBLING_MAX_LINKED * max(text, 1)


def _prose(element: etree._Element, measures: Measures) -> int:
    """``element``'s paragraph text outside readers' comments."""
    return measures.paragraphs(element) - measures.commented(element)


def _same_kind_inside(
    element: etree._Element, kind: tuple[str, str], measures: Measures
) -> list[etree._Element]:
    """The outermost elements of ``kind`` inside ``element`` that hold text, not links
    (none inside furniture)."""
    found: list[etree._Element] = []
    stack = [c for c in reversed(element) if isinstance(c.tag, str)]
    while stack:
        el = stack.pop()
        if _is_furniture(el):
            continue
        if _kind(el) == kind:
            if measures.length(el) and not _mostly_links(el, measures):
                found.append(el)
            continue
        stack.extend(c for c in reversed(el) if isinstance(c.tag, str))
    return found


def _with_lead(
    parts: list[etree._Element], measures: Measures, headline: str | None
) -> list[etree._Element]:
    """``parts`` with the paragraph just before the first of them (a lead paragraph,
    ``p.lead``, standing outside the body's container)."""
    before = parts[0].getprevious()
    while before is not None and not isinstance(before.tag, str):
        before = before.getprevious()
    if (
        before is None
        or before.tag != "p"
        or measures.length(before) < PARAGRAPH_MIN
        or measures.linked(before) * 2 > measures.length(before)
        or _is_furniture(before)
        or (headline is not None and norm(measures.text(before)) == norm(headline))
    ):
        return parts
    return [before, *parts]


def _body_copy(parts: list[etree._Element]) -> etree._Element:
    """A ``div`` holding copies of ``parts`` (and their tails), to be pruned."""
    holder = etree.Element("div")
    for part in parts:
        holder.append(deepcopy(part))
    _unnest_paragraphs(holder)
    return holder


def _unnest_paragraphs(holder: etree._Element) -> None:
    """A ``p`` or an inline element holding blocks (``<p><a>…</a><span><p>…</p><p>…</p>
    </span></p>``, which an HTML parser keeps as written) read as the ``div`` it stands
    for, or the paragraphs inside would be lost (each ancestor looked at once)."""
    seen: set[etree._Element] = set()
    for el in holder.iter(*_NESTED_BLOCKS):
        parent = el.getparent()
        while parent is not None and parent is not holder and parent not in seen:
            seen.add(parent)
            if parent.tag in _BLOCK_HOLDERS:
                parent.tag = "div"
            parent = parent.getparent()


def _prune(container: etree._Element) -> None:
    """Remove page furniture inside the article container (in place).

    An element that holds a good share of the container's paragraphs is never
    removed for its class name alone (class names are noisy).
    """
    # (an element's paragraphs are measured before anything in it is removed; removing
    # what precedes an element leaves its own subtree as it was)
    measures = Measures(container)
    total = max(measures.paragraphs(container), 1)
    grouped = _large_groups(container, measures, total)
    shown_later = _hidden_story(container, measures, total)
    # an inline element inside a paragraph is never furniture ("Lawyers for <a
    # class="auto-tag">Acme</a> said"): removing it would cut words from a sentence
    inside = {d for p in container.iter() if measures.is_paragraph(p) for d in p.iterdescendants()}
    for el in list(container.iter()):
        if el is container or not isinstance(el.tag, str) or el.getparent() is None:
            continue
        name = local_name(el)
        if el in inside:
            if name in _FURNITURE_TAGS or hidden(el):
                remove_element(el)
            continue
        big = measures.paragraphs(el) > PRUNE_KEEP_SHARE * total or el in grouped
        if big and name not in _NEVER_BODY_TAGS and (shown_later or not hidden(el)):
            if name == "form":
                el.tag = "div"  # a page wrapped in one form (a server framework's)
            continue
        drop = (
            name in _FURNITURE_TAGS
            or hidden(el)
            or (furniture_named(el) and name not in _CONTENT_TAGS)
            or _beside_image(el, measures)
        )
        if drop and el.getparent() is not None:
            remove_element(el)


def _hidden_story(container: etree._Element, measures: Measures, total: int) -> bool:
    """Whether hidden elements hold most of the body's paragraph text: the story behind a
    paywall, shown by a script to subscribers (beside a visible preview). Hidden text no
    larger than the visible is a copy of it (a hidden microdata copy of the article)."""
    hidden_text = 0
    stack = [c for c in container if isinstance(c.tag, str)]
    while stack:
        el = stack.pop()
        if hidden(el):
            hidden_text += measures.paragraphs(el)
        else:
            stack.extend(c for c in el if isinstance(c.tag, str))
    return hidden_text > HIDDEN_STORY_SHARE * total


def _beside_image(element: etree._Element, measures: Measures) -> bool:
    """Whether ``element`` is a caption: a short ``div`` or ``span`` just after an image,
    an element holding only an image, or an empty one named for a picture (a lazy-loading
    image's placeholder); a short ``p`` too when it is all the text of a block holding
    the image (a figure written as a ``div``: ``div > a > img`` and ``p``)."""
    length = measures.length(element)
    if not 0 < length <= CAPTION_MAX:
        return False
    if element.tag == "p":
        parent = element.getparent()
        if (
            parent is None
            or parent.tag != "div"
            or parent.getparent() is None
            or measures.length(parent) != length
        ):
            return False
    elif element.tag not in _CAPTION_TAGS:
        return False
    before = element.getprevious()
    while before is not None and not isinstance(before.tag, str):
        before = before.getprevious()
    if before is None or (before.tail or "").strip():
        return False
    if before.tag in _IMAGE_TAGS:
        return True
    # an element holding only an image, or a picture's empty placeholder (loaded later)
    return measures.length(before) == 0 and (
        _PICTURE_NAMED.search(classes(before)) is not None
        or any(True for _ in before.iter(*_IMAGE_TAGS))
    )


def _large_groups(container: etree._Element, measures: Measures, total: int) -> set[etree._Element]:
    """Elements of one kind (:func:`_kind`), anywhere in the body, that together hold more
    than ``GROUP_KEEP_SHARE`` of its paragraph text: repeated blocks that are the story (a
    list of products, each in a ``promo``-named card; each picture's text in a
    ``caption``-named block beside it). One inside another of its kind counts once."""
    members: dict[tuple[str, str], list[etree._Element]] = {}
    shares: dict[tuple[str, str], int] = {}
    kinds: dict[etree._Element, tuple[str, str]] = {}
    open_kinds: dict[tuple[str, str], int] = {}  # the kinds of the elements walked into
    for event, el in etree.iterwalk(container, events=("start", "end")):
        if not isinstance(el.tag, str) or not el.get("class") or not measures.paragraphs(el):
            continue
        if event == "end":
            open_kinds[kinds[el]] -= 1
            continue
        kind = kinds[el] = _kind(el)
        members.setdefault(kind, []).append(el)
        if not open_kinds.get(kind):
            shares[kind] = shares.get(kind, 0) + measures.paragraphs(el)
        open_kinds[kind] = open_kinds.get(kind, 0) + 1
    grouped: set[etree._Element] = set()
    for kind, found in members.items():
        if len(found) > 1 and shares[kind] > GROUP_KEEP_SHARE * total:
            grouped.update(found)
    return grouped


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
