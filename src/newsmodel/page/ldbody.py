"""The page's own JSON-LD ``articleBody`` as a guide to the body read from the markup.

When a page carries the whole story in its JSON-LD, that text tells which of the
markup's paragraphs are the story: it helps choose the container (when the one found
holds little of it) and filters the paragraphs read (a promo, a caption, a bio in the
container is not in it), while the markup keeps its structure (headings, links,
lists, figures). A truncated ``articleBody`` (an ellipsis at its end, one much shorter
than what the markup gave, or one whose last words end none of its paragraphs) only
helps choose, never filters.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from newsmodel import model as m
from newsmodel.page.strings import norm
from newsmodel.page.weights import (
    LD_BODY_MIN_WORDS,
    LD_COMPLETE_SHARE,
    LD_MATCH_SHARE,
    LD_SHINGLE,
)

__all__ = ["LdGuide", "ld_guide"]

#: How a truncated ``articleBody`` ends: "…", "...", "[…]", "[...]".
_TRUNCATED_ENDS = ("…", "...", "[…]", "[...]", "…]")


class LdGuide:
    """The words of a JSON-LD ``articleBody``, as shingles to match paragraphs against."""

    def __init__(self, text: str) -> None:
        text = html.unescape(text)  # (some pages escape it twice: "it&#039;s")
        words = norm(text).split()
        self.words = len(words)
        self.truncated = text.rstrip().endswith(_TRUNCATED_ENDS)
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
        """``blocks`` without the paragraphs the ``articleBody`` does not hold, when it is
        complete: not marked as cut, nearly as long as what was read, and its last words
        end one of the paragraphs."""
        told = sum(len(m.block_text(b).split()) for b in blocks)
        if (
            self.truncated
            or self.words < LD_COMPLETE_SHARE * told
            or not any(isinstance(b, m.Paragraph) and self._ends(m.block_text(b)) for b in blocks)
        ):
            return blocks
        return [
            b for b in blocks if not isinstance(b, m.Paragraph) or self.matches(m.block_text(b))
        ]

    def _ends(self, text: str) -> bool:
        """Whether the paragraph ``text`` ends with the ``articleBody``'s last words."""
        words = norm(text).split()
        return len(words) >= LD_SHINGLE and self._joined.endswith(" ".join(words[-LD_SHINGLE:]))


def ld_guide(ld: m.Article | None) -> LdGuide | None:
    """A guide from the page's JSON-LD article, when it carries a body of some length."""
    if ld is None or not ld.body:
        return None
    guide = LdGuide(ld.text)
    return guide if guide.words >= LD_BODY_MIN_WORDS else None
