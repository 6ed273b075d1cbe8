"""Every element's text sizes, measured once, children before parents, and the
story's own container."""

from __future__ import annotations

import re
from typing import NamedTuple

from lxml import etree

from newsmodel.markup.dialects import BLOCK_TAGS
from newsmodel.page.elements import NO_TEXT_TAGS, comment_named, text_of
from newsmodel.page.weights import (
    ARTICLE_MIN_PARAGRAPHS,
    DIV_OWN_TEXT_MIN,
    INLINE_PARAGRAPH_MIN,
    SMALL_ELEMENTS,
)

__all__ = ["Layout", "Measures", "measure_page"]

#: A piece of text that could open a copyright notice.
_COPYRIGHT_MARK = re.compile(r"copyright|©|\(c\)", re.I)

# What is counted per element (the index in its list of counts): non-space characters,
# words, commas, paragraph text, link text, elements, pieces of text with a copyright mark,
# paragraph text inside readers' comments.
_CHARS, _WORDS, _COMMAS, _PARAGRAPHS, _LINKED, _SIZE, _MARKED, _COMMENTED = range(8)
_COUNTS = 8
#: Blocks that read as a paragraph when they hold only inline content (``div > span``).
_INLINE_PARAGRAPH_TAGS = frozenset(["div", "section", "td", "dd", "li", "center"])


class Measures:
    """Sizes of every element's text in a tree, measured once, children before parents.

    ``length(el)`` is ``len(text_of(el))``; ``paragraphs(el)`` the sum of ``length(p)``
    over ``el.iter("p")`` (and over blocks holding only inline text, and the own text of
    ``div``s holding text between blocks), the paragraph text the body search weighs;
    ``linked(el)`` the same over ``el.iter("a")``; ``commas(el)`` the commas in its text;
    ``size(el)`` its elements. ``text(el)`` is ``text_of(el)``, built from its children's texts and
    remembered: ask it only of elements whose ``length`` is bounded (a byline, a date
    line), or nested elements would copy the same long text again at every level. Nothing
    here walks an element's subtree once for each of its ancestors. The tree must not
    change while the measures are in use (removing elements that precede the ones asked
    about is fine).
    """

    def __init__(self, root: etree._Element) -> None:
        self._stats: dict[etree._Element, list[int]] = {}
        self._texts: dict[etree._Element, str] = {}
        self._inline: set[etree._Element] = set()
        self._own_text: set[etree._Element] = set()
        for el in reversed(list(root.iter())):  # every element after its descendants
            if not isinstance(el.tag, str):
                continue
            stats = [0, 0, 0, 0, 0, 1, 0, 0]
            self._stats[el] = stats
            if el.tag in NO_TEXT_TAGS:
                continue  # a style sheet or a script is never text (its tail is its parent's)
            _count_piece(stats, el.text)
            inline = True
            own = len(el.text.strip()) if el.text else 0
            for child in el:
                _count_piece(stats, child.tail)
                if child.tail:
                    own += len(child.tail.strip())
                below = self._stats.get(child)
                if below is not None:
                    for i in range(_COUNTS):
                        stats[i] += below[i]
                    inline = inline and (child.tag not in BLOCK_TAGS or child.tag in NO_TEXT_TAGS)
            length = stats[_CHARS] + stats[_WORDS] - 1 if stats[_WORDS] else 0
            if el.tag == "p":
                stats[_PARAGRAPHS] += length
            elif el.tag == "a":
                stats[_LINKED] += length
            elif (
                inline
                and el.tag in _INLINE_PARAGRAPH_TAGS
                and length >= INLINE_PARAGRAPH_MIN
                and stats[_LINKED] * 2 < length
            ):
                stats[_PARAGRAPHS] += length  # a paragraph without a ``p``: inline content only
                self._inline.add(el)
            elif el.tag == "div" and own >= DIV_OWN_TEXT_MIN:
                stats[_PARAGRAPHS] += own  # text between blocks (``<br>``-separated lines)
                self._own_text.add(el)
            if stats[_PARAGRAPHS] and comment_named(el):
                stats[_COMMENTED] = stats[_PARAGRAPHS]

    def is_paragraph(self, el: etree._Element) -> bool:
        """Whether ``el`` is a ``p`` or a block holding only inline text (a ``div`` of
        ``span``s) long enough to be a paragraph, not a link."""
        return el.tag == "p" or el in self._inline

    def holds_text(self, el: etree._Element) -> bool:
        """Whether ``el`` is a ``div`` with a paragraph's worth of text of its own, between
        its blocks (``<br>``-separated lines around a picture's ``div``)."""
        return el in self._own_text

    def _get(self, el: etree._Element) -> list[int]:
        stats = self._stats.get(el)
        return stats if stats is not None else [0] * _COUNTS

    def length(self, el: etree._Element) -> int:
        stats = self._get(el)
        return stats[_CHARS] + stats[_WORDS] - 1 if stats[_WORDS] else 0

    def commas(self, el: etree._Element) -> int:
        return self._get(el)[_COMMAS]

    def paragraphs(self, el: etree._Element) -> int:
        return self._get(el)[_PARAGRAPHS]

    def commented(self, el: etree._Element) -> int:
        """The part of ``paragraphs(el)`` inside readers' comments (``div#comments``)."""
        return self._get(el)[_COMMENTED]

    def linked(self, el: etree._Element) -> int:
        return self._get(el)[_LINKED]

    def size(self, el: etree._Element) -> int:
        return self._get(el)[_SIZE]

    def marked(self, el: etree._Element) -> bool:
        """Whether ``el``'s text could open with a copyright notice (no piece of text is
        cut inside "copyright", "©" or "(c)": the pieces are joined with spaces)."""
        return self._get(el)[_MARKED] > 0

    def small(self, el: etree._Element, chars: int) -> bool:
        """Whether ``el`` holds text (at most ``chars`` of it) in few elements."""
        return 0 < self.length(el) <= chars and self.size(el) <= SMALL_ELEMENTS

    def text(self, el: etree._Element | None) -> str:
        """``text_of(el)``; each element's text is built once, from its children's."""
        if el is None or not isinstance(el.tag, str) or el not in self._stats:
            return text_of(el)
        stack: list[tuple[etree._Element, bool]] = [(el, False)]
        while stack:
            node, ready = stack.pop()
            if node in self._texts:
                continue
            if not ready:
                stack.append((node, True))
                stack.extend(
                    (c, False) for c in node if isinstance(c.tag, str) and c not in self._texts
                )
                continue
            words = [] if node.tag in NO_TEXT_TAGS else (node.text or "").split()
            for child in node:
                if isinstance(child.tag, str) and node.tag not in NO_TEXT_TAGS:
                    words.append(self._texts[child])
                words.extend((child.tail or "").split())
            self._texts[node] = " ".join(w for w in words if w)
        return self._texts[el]


def _count_piece(stats: list[int], piece: str | None) -> None:
    if piece and not piece.isspace():
        words = piece.split()
        stats[_CHARS] += sum(map(len, words))
        stats[_WORDS] += len(words)
        stats[_COMMAS] += piece.count(",")
        if _COPYRIGHT_MARK.search(piece):
            stats[_MARKED] += 1


class Layout(NamedTuple):
    """Where the story sits in the page, and the page's measures."""

    #: the page's ``body`` element (the document when it has none)
    root: etree._Element
    #: the largest ``article`` element that holds a story's worth of paragraphs, else ``root``
    article_root: etree._Element
    #: every element's text sizes (:class:`Measures`)
    measures: Measures


def measure_page(document: etree._Element) -> Layout:
    """The page measured, and the story's own container found."""
    measures = Measures(document)
    body_el = document.find("body")
    root = body_el if body_el is not None else document
    articles = [a for a in root.iter("article") if measures.paragraphs(a) > ARTICLE_MIN_PARAGRAPHS]
    article_root = max(articles, key=measures.paragraphs) if articles else root
    return Layout(root=root, article_root=article_root, measures=measures)
