"""Small element helpers every stage of page reading shares: text, classes, visibility."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from lxml import etree

__all__ = [
    "BOILERPLATE",
    "COMMENTS",
    "CONTENT_HINT",
    "NO_TEXT_TAGS",
    "classes",
    "comment_named",
    "comment_sections",
    "content_hinted",
    "elements_after",
    "furniture_named",
    "hidden",
    "line_of",
    "text_of",
]

#: Class and id words that name page furniture (navigation, ads, share bars, promos,
#: related lists, comments, author boxes, bylines, date lines, captions and their
#: abbreviations, video players); camelCase names are split into words first.
BOILERPLATE = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|footer|sidebar|side-bar|share|"
    r"sharing|social|related|recommended|recommend|promo|promotion|newsletter|subscribe|"
    r"subscription|signup|sign-up|cookie|consent|comments?|disqus|advert|advertisement|ads?|"
    r"ad-slot|adslot|dfp|gpt|sponsor|sponsored|outbrain|taboola|popup|modal|overlay|banner|"
    r"author-bio|author-box|authorbox|bio|tags?|tag-list|topics|paywall|more-stories|"
    r"read-more|readmore|most-popular|trending|widget|toolbar|skip-link|screen-reader-text|"
    r"print|byline|dateline|entry-meta|post-meta|article-meta|meta|timestamp|caption-credit|"
    r"caption|credit|photo-credit|image-credit|wp-caption-text|disclosure|disclaimer|"
    r"copyright|cptn|capt|crdt|(?:video|vid|media|audio)-?player|player-(?:container|wrapper)|vjs|"
    r"jw-?player|subtitles?)"
    r"(?:$|[\s_-])",
    re.I,
)
#: Class and id words that name the article's body ("article-body", "entry-content").
CONTENT_HINT = re.compile(
    r"article-?body|articlebody|article__body|entry-content|post-content|post-body|"
    r"story-?body|story__body|article-content|article-text|body-text|content-body|"
    r"field-body|rich-text|richtext|story-content|main-content|article__content|"
    r"c-article-body|paywall-content",
    re.I,
)

#: Class and id words that name readers' comments, also run together with the word after
#: them (``comments``, ``commentbody``, ``comment_list``, ``dsq-comment``, WordPress's
#: ``respond``); never commentary or a commentator, nor a state (``comments-open``).
COMMENTS = re.compile(
    r"(?:^|[\s_-])(?:comment(?!ar|at)[a-z]*|disqus|dsq|respond)(?![-_](?:open|closed))(?=$|[\s_-])",
    re.I,
)


#: Elements whose text is never text a reader sees: style sheets and scripts.
NO_TEXT_TAGS = frozenset(["style", "script"])


def text_of(element: etree._Element | None) -> str:
    """The text of ``element`` and its descendants, pieces joined by single spaces."""
    if element is None:
        return ""
    return " ".join(" ".join(_pieces(element)).split())


def line_of(element: etree._Element | None) -> str:
    """The text of an inline run (a headline): pieces joined as they stand."""
    return " ".join("".join(_pieces(element)).split()) if element is not None else ""


def _pieces(element: etree._Element) -> Iterator[str]:
    """``element.itertext()`` without the text of style sheets and scripts."""
    if element.tag in NO_TEXT_TAGS:
        return
    # (node, True): the node's own text and children; (node, False): its tail
    stack: list[tuple[etree._Element, bool]] = [(element, True)]
    while stack:
        node, opening = stack.pop()
        if not opening:
            if node.tail:
                yield node.tail
            continue
        if node.text and isinstance(node.tag, str):
            yield node.text
        for child in reversed(node):
            stack.append((child, False))
            if isinstance(child.tag, str) and child.tag not in NO_TEXT_TAGS:
                stack.append((child, True))


def classes(element: etree._Element) -> str:
    """``element``'s class and id, as one string."""
    return f"{element.get('class') or ''} {element.get('id') or ''}".strip()


#: A class word that negates what follows it: ``not-a-paywall``, ``no-ads``, ``non-promo``.
_NEGATED = re.compile(r"(?:^|(?<=\s))(?:not|no|non|without)[-_]\S*", re.I)


#: Where a camelCase class name joins two words: ``imageEmbedCaption``.
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def furniture_named(element: etree._Element) -> bool:
    """Whether ``element``'s class or id names page furniture and not the body (a negated
    word, ``not-a-paywall``, names nothing)."""
    names = classes(element)
    return bool(names) and _names_furniture(names)


def content_hinted(element: etree._Element) -> bool:
    """Whether ``element``'s class or id names the article's body ("article-body")."""
    names = classes(element)
    return bool(names) and _names_content(names)


#: Class strings remembered (a page repeats few of them many times).
_NAMES_CACHE = 4096


@lru_cache(maxsize=_NAMES_CACHE)
def _names_furniture(names: str) -> bool:
    kept = _NEGATED.sub(" ", names)
    words = _CAMEL.sub("-", kept)  # "imageEmbedCaption": "image-Embed-Caption"
    named = BOILERPLATE.search(words) is not None or COMMENTS.search(words) is not None
    return named and CONTENT_HINT.search(kept) is None


@lru_cache(maxsize=_NAMES_CACHE)
def _names_comments(names: str) -> bool:
    kept = _NEGATED.sub(" ", names)
    return COMMENTS.search(_CAMEL.sub("-", kept)) is not None and CONTENT_HINT.search(kept) is None


def comment_named(element: etree._Element) -> bool:
    """Whether ``element``'s class or id names readers' comments (``div#comments``,
    ``commentbody``): what an article reader leaves out."""
    names = classes(element)
    return bool(names) and _names_comments(names)


def comment_sections(root: etree._Element) -> set[etree._Element]:
    """The elements inside (or being) a part of the page named for readers' comments."""
    inside: set[etree._Element] = set()
    for el in root.iter():
        if el not in inside and isinstance(el.tag, str) and comment_named(el):
            inside.update(el.iter())
    return inside


@lru_cache(maxsize=_NAMES_CACHE)
def _names_content(names: str) -> bool:
    return CONTENT_HINT.search(names) is not None


def hidden(element: etree._Element) -> bool:
    """Whether ``element`` is hidden from a reader (``hidden``, ``aria-hidden``, style,
    the class ``hidden``)."""
    style = (element.get("style") or "").replace(" ", "").lower()
    return (
        element.get("hidden") is not None
        or _hidden_class(element.get("class"))
        or element.get("aria-hidden") == "true"
        or "display:none" in style
        or "visibility:hidden" in style
    )


@lru_cache(maxsize=_NAMES_CACHE)
def _hidden_class(names: str | None) -> bool:
    """Whether a class string hides its element: the word ``hidden`` (a style sheet's
    ``.hidden{display:none}``), unless another class shows it at some screen width
    (``hidden md:block``)."""
    if not names:
        return False
    words = names.split()
    return "hidden" in words and not any(":" in w for w in words)


def elements_after(root: etree._Element, start: etree._Element) -> Iterator[etree._Element]:
    """Elements after ``start`` (and its descendants) in document order."""
    seen = False
    inside = set(start.iter())
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el is start:
            seen = True
            continue
        if seen and el not in inside:
            yield el
