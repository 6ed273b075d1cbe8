"""The page's own JSON-LD ``articleBody`` as a guide to the body read from the markup.

When a page carries the whole story in its JSON-LD, that text tells which of the
markup's paragraphs are the story: it helps choose the container (when the one found
holds little of it) and filters the paragraphs read (a promo, a caption, a bio in the
container is not in it), while the markup keeps its structure (headings, links,
lists, figures). A truncated ``articleBody`` (an ellipsis at its end, or one that ends
in the middle of a sentence) only helps choose, never filters.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from newsmodel import model as m
from newsmodel.page.strings import norm
from newsmodel.page.weights import (
    LD_BODY_MIN_WORDS,
    LD_LEFT_OUT_WORDS,
    LD_MATCH_SHARE,
    LD_SHINGLE,
)

__all__ = ["LdGuide", "ld_guide"]

#: How a truncated ``articleBody`` ends: "…", "...", "[…]", "[...]" ...
_TRUNCATED_ENDS = ("…", "...", "[…]", "[...]", "…]")
#: ... or anything but the end of a sentence (one cut at a word).
_SENTENCE_ENDS = (".", "!", "?", '"', "”", "’", "'", ")", "»")


class LdGuide:
    """The words of a JSON-LD ``articleBody``, as shingles to match paragraphs against."""

    def __init__(self, text: str) -> None:
        text = html.unescape(text)  # (some pages escape it twice: "it&#039;s")
        words = norm(text).split()
        self.words = len(words)
        end = text.rstrip()
        self.truncated = end.endswith(_TRUNCATED_ENDS) or not end.endswith(_SENTENCE_ENDS)
        self._joined = " ".join(words)
        self._shingles = {
            hash(tuple(words[i : i + LD_SHINGLE])) for i in range(len(words) - LD_SHINGLE + 1)
        }

    def matches(self, text: str) -> bool:
        """Whether the paragraph ``text`` is part of the ``articleBody``."""
        words = norm(text).split()
        if len(words) < LD_SHINGLE:
            return bool(words) and f" {' '.join(words)} " in f" {self._joined} "
        shingles = [tuple(words[i : i + LD_SHINGLE]) for i in range(len(words) - LD_SHINGLE + 1)]
        found = sum(hash(s) in self._shingles for s in shingles)
        return found >= LD_MATCH_SHARE * len(shingles)

    def covered(self, blocks: Iterable[m.Block]) -> float:
        """The share of the ``articleBody``'s words that ``blocks``' matching paragraphs hold."""
        words = sum(
            len(m.block_text(b).split())
            for b in blocks
            if isinstance(b, m.Paragraph) and self.matches(m.block_text(b))
        )
        return words / max(self.words, 1)

    def filter(self, blocks: list[m.Block]) -> list[m.Block]:
        """``blocks`` cut to the ``articleBody``'s span (from the first paragraph it holds
        to the last; figures stay wherever they are), and without the short paragraphs
        inside the span that it does not hold (prose it leaves out stays), when it is
        complete: it ends a sentence, with no ellipsis."""
        held = [isinstance(b, m.Paragraph) and self.matches(m.block_text(b)) for b in blocks]
        if self.truncated or not any(held):
            return blocks
        first = held.index(True)
        last = len(held) - 1 - held[::-1].index(True)
        out: list[m.Block] = []
        for index, (block, holds) in enumerate(zip(blocks, held, strict=True)):
            inside = first <= index <= last
            # a figure anywhere, a paragraph it holds; inside its span, other blocks and
            # prose it leaves out
            if (
                isinstance(block, m.Figure)
                or holds
                or (inside and not isinstance(block, m.Paragraph))
                or (inside and len(m.block_text(block).split()) >= LD_LEFT_OUT_WORDS)
            ):
                out.append(block)
        return out


def ld_guide(ld: m.Article | None) -> LdGuide | None:
    """A guide from the page's JSON-LD article, when it carries a body of some length."""
    if ld is None or not ld.body:
        return None
    guide = LdGuide(ld.text)
    return guide if guide.words >= LD_BODY_MIN_WORDS else None
