"""Quotation marks: pairing opening and closing marks, masking the quoted words,
and cutting a text into paragraphs.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from newsmodel.quotes.words import _UPPER

#: An opening quotation mark (a ” opens only at the start of a paragraph), English or
#: of another language (see :data:`_CLOSERS`).
#: (One character class first, so the pattern is searched for those characters first;
#: the look-behind for two characters finds the start of the text.)
_OPEN_MARK = re.compile('[“"‘„»«「『”](?:(?<=”)(?<![\\s\\S]{2})(?=\\s*[\\w…])|(?<!”))')
#: Every character :data:`_OPEN_MARK` can match: a text without any holds no quotation
#: marks at all (``He said no.``), so no direct quote.
ANY_OPEN_MARK = re.compile('[“"‘„»«「『”]')
#: The closing marks of the other languages' opening marks: „…“ (or „…”) and »…«
#: German (»…» Scandinavian), «…» French, Spanish, Italian, Portuguese, 「…」 and 『…』
#: Japanese and Chinese. Their nested marks (‚…‘, ‹…›, “…”, 『…』) stay inside.
_CLOSERS: dict[str, re.Pattern[str]] = {
    "„": re.compile("[“”]"),
    "»": re.compile("[«»]"),
    "«": re.compile("»"),
    "「": re.compile("」"),
    "『": re.compile("』"),
}
#: A word of quoted words, masked as ``x`` for each of its characters.
_NON_SPACE = re.compile(r"\S+")


def _crossed(word: re.Match[str]) -> str:
    return "x" * (word.end() - word.start())


#: A straight " that closes a quote after punctuation ("Go," she said).
_STRAIGHT_CLOSE = re.compile(r'[.,!?]"(?=\s|$)')


def _pairs(text: str) -> list[tuple[int, int]]:
    """``(open, close)`` indexes of top-level quotation marks; ``close`` is ``len(text)``
    for a quote still open at the end of the paragraph."""
    out: list[tuple[int, int]] = []
    closes: list[int] | None = None  # closing ’ positions, found when first needed
    i, n = 0, len(text)
    while True:
        found = _OPEN_MARK.search(text, i)
        if found is None:
            break
        j = found.start()
        ch = text[j]
        if ch in "“”":  # ” opens only at the start of a paragraph (see _OPEN_MARK)
            close = text.find("”", j + 1)
            close = n if close == -1 else close
            straight = _STRAIGHT_CLOSE.search(text, j + 1, close)
            if straight is not None:  # mixed marks: “It is over," he said.
                close = straight.start() + 1
            out.append((j, close))
            i = close + 1
        elif ch in _CLOSERS:
            closing = _CLOSERS[ch].search(text, j + 1)
            close = n if closing is None else closing.start()
            out.append((j, close))
            i = close + 1
        elif ch == '"':
            close = text.find('"', j + 1)
            if close == -1:
                out.append((j, n))
                break
            out.append((j, close))
            i = close + 1
        else:  # ‘ opens a quote only at the start of a word
            single = None
            if j == 0 or not text[j - 1].isalnum():
                if closes is None:  # found once per paragraph: no rescans
                    closes = [found.start() for found in _SINGLE_CLOSE.finditer(text)]
                at = bisect.bisect_left(closes, j + 1)
                single = closes[at] if at < len(closes) else None
            if single is not None:
                out.append((j, single))
                i = single + 1
            else:
                i = j + 1
        if i >= n:
            break
    return out


#: A closing ’ (not the apostrophe of "don’t").
_SINGLE_CLOSE = re.compile(r"’(?![^\W_])")


def _mask(text: str, pairs: list[tuple[int, int]]) -> str:
    """``text`` with quoted words replaced by ``x`` (marks kept), for finding structure."""
    if not pairs:
        return text
    parts: list[str] = []
    pos = 0
    for open_, close in pairs:
        end = min(close, len(text))
        parts.append(text[pos : open_ + 1])
        inner = text[open_ + 1 : end]
        # a quote that ends its sentence keeps its full stop, so the sentence ends there
        final = inner[-1:] if end == close and inner[-1:] in ".!?" else ""
        parts.append(_NON_SPACE.sub(_crossed, inner[: len(inner) - len(final)]) + final)
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


#: Characters that end a line which ends a paragraph (a sentence or quote end).
_BREAK_AFTER = frozenset('.!?:"”’)»«“」』。！？')
#: How a line starts that begins a new paragraph after such a line.
_BREAK_BEFORE = re.compile(rf"\s*[{_UPPER}“\"‘(_„«»¿¡「『]")


def _paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """Paragraphs with their offsets: split at blank lines, and at line ends after a sentence."""
    pos = 0
    search = 0
    marks = _MarkCount(text)
    while True:
        newline = text.find("\n", search)
        if newline == -1:
            break
        end = newline
        while end > pos and text[end - 1] in " \t":
            end -= 1
        after = newline + 1
        while after < len(text) and text[after] in " \t\r":
            after += 1
        blank = after < len(text) and text[after] == "\n"
        sentence = end > pos and text[end - 1] in _BREAK_AFTER and _BREAK_BEFORE.match(text, after)
        # a line that starts a new quotation after a closed one ("… ― Jane Doe\n“…")
        quoted = (
            not blank
            and not sentence
            and text[after : after + 1] in ("“", "”")
            and marks.balanced(pos, end)
        )
        if blank or sentence or quoted:
            if end > pos:
                yield pos, text[pos:end]
            while after < len(text) and text[after] in " \t\r\n":
                after += 1
            pos = after
        search = max(after, newline + 1)
    if pos < len(text):
        yield pos, text[pos:]


class _MarkCount:
    """Whether the typographic quotation marks of ``text[pos:end]`` are balanced, for a
    growing ``end``: each line is counted once, not the whole paragraph again per line."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = self.done = self.opens = self.closes = 0

    def balanced(self, pos: int, end: int) -> bool:
        if pos != self.pos or end < self.done:  # a new paragraph: count from its start
            self.pos = self.done = pos
            self.opens = self.closes = 0
        self.opens += self.text.count("“", self.done, end)
        self.closes += self.text.count("”", self.done, end)
        self.done = end
        return self.opens + 2 * (self.text[pos] == "”") == self.closes
