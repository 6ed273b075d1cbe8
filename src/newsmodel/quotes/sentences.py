"""Sentence bounds inside a (masked) paragraph, aware of abbreviations
(``Sen. Okafor``) and of the window around a quote that can hold its attribution.
"""

from __future__ import annotations

import bisect
import functools
import re

from newsmodel.quotes.words import _SENTENCE_END

#: Abbreviations after which a full stop ends no sentence ("Sen. Okafor",
#: "the U.S. port").
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr sen rep gov gen lt col st jr sr prof rev sgt capt maj adm vs no
    jan feb mar apr aug sept sep oct nov dec u.s u.k d.c a.m p.m inc corp co ltd""".split()
)


#: A pronoun opening the next sentence, which ends one even after an abbreviation
#: ("… in the U.S. He said …").
_PRONOUN_NEXT = re.compile(r"(?:He|She|They|We|It|I)\s")


#: The word (with its dots) that ends a stretch of text ("Sen." in "… said Sen.").
_LAST_WORD = re.compile(r"([\w.]+)$")


@functools.lru_cache(maxsize=16)
def _sentence_ends(masked: str) -> tuple[list[int], list[int]]:
    """Where the sentences of a (masked) paragraph end: the positions of their last
    punctuation and where the next sentence starts, found once per paragraph."""
    lasts: list[int] = []
    nexts: list[int] = []
    for match in _SENTENCE_END.finditer(masked):
        word = _LAST_WORD.search(masked[max(0, match.start() - 12) : match.start()])
        if (
            word
            and (word.group(1).lower().rstrip(".") in _ABBREVIATIONS or len(word.group(1)) == 1)
            and not _PRONOUN_NEXT.match(masked, match.end())
        ):
            continue  # "Mr. Barrett", "John F. Kennedy": no sentence ends here (but "U.S. He")
        lasts.append(match.start() + 1)
        nexts.append(match.end())
    return lasts, nexts


def _sentence_bounds(masked: str, pos: int) -> tuple[int, int]:
    """``(start, end)`` of the sentence of ``masked`` that holds ``pos``."""
    lasts, nexts = _sentence_ends(masked)
    at = bisect.bisect_right(nexts, pos)
    start = nexts[at - 1] if at else 0
    return start, lasts[at] if at < len(lasts) else len(masked)


_WINDOW = 600  # characters around a quote that can hold its attribution
