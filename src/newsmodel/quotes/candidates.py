"""The quotes of one paragraph: for each pair of quotation marks, the sentence
around it and the speech verb and speaker found there, then the first rule of
:data:`~newsmodel.quotes.rules.RULES` that applies, then the kind of quote.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from newsmodel import model as m
from newsmodel.quotes.cjk import _cjk_attribution, _has_cjk
from newsmodel.quotes.marks import _OPEN_MARK, _mask, _pairs, _paragraphs
from newsmodel.quotes.records import _Speaker
from newsmodel.quotes.rules import _decide, _Quoted
from newsmodel.quotes.sentences import _WINDOW, _sentence_bounds
from newsmodel.quotes.speakers import _attribution_after, _attribution_before
from newsmodel.quotes.words import _CONTEXT_VERBS, _MARK_LANGUAGES, _PARTIAL_FULL, _verbs


class _Candidate(NamedTuple):
    start: int
    end: int
    speaker: _Speaker | None
    verb_span: tuple[int, int] | None
    kind: m.QuoteKind


@functools.lru_cache(maxsize=64)  # a handful of marks and language tags
def _context_verbs(mark: str, language: str | None) -> frozenset[str]:
    """The verbs read only in a quote of their language (German "so"): the language of
    the quotation mark, else the article's language."""
    tags = _MARK_LANGUAGES.get(mark) or (
        frozenset({language.split("-")[0].lower()}) if language else frozenset()
    )
    return frozenset(word for tag in tags for word in _CONTEXT_VERBS.get(tag, ()))


#: The most words of a sentence after a quote that is read as its attribution whole
#: (“Would the fare go up?” Brandt pressed.).
_SHORT_TAIL = 8
#: The words a longer sentence after a quote must open with a verb in, to be read as
#: its attribution (“…?” Reyes said of the plan on Monday, …).
_TAIL_HEAD = 3


def _sentence_of(
    masked: str, open_: int, close: int, para_len: int, extra: frozenset[str] = frozenset()
) -> tuple[int, int]:
    """The sentence around the quote ``open_``..``close``, as ``(start, end)``: near the
    quote only when no end is in sight, and running on into the next sentence when
    that is a short attribution (“Would the fare go up?” Brandt pressed.)."""
    inner_end = min(close, para_len)
    s_start, _ = _sentence_bounds(masked, open_)
    _, s_end = _sentence_bounds(masked, max(inner_end, open_ + 1))
    s_start, s_end = max(s_start, open_ - _WINDOW), min(s_end, inner_end + _WINDOW)
    # (only for a quote that opens its sentence: after “…” in "Japan called it “…”." the
    # next sentence is somebody else's)
    if s_end <= close < para_len and not masked[s_start:open_].strip(" —–-:"):
        next_start, next_end = _sentence_bounds(masked, close + 2)
        mark = _OPEN_MARK.search(masked, close + 1, next_end)
        if mark and masked[close + 1 : mark.start()].rstrip()[-1:] in (".", "!", "?"):
            next_end = mark.start()  # “…?” he asked, shaking his head no. “…”
        tail = masked[close + 1 : next_end]
        words = tail.split()
        # a short sentence with a verb, or a long one that opens with its speaker and verb
        # (“…?” Reyes said of the plan on Monday, when …)
        short = " ".join(words if len(words) <= _SHORT_TAIL else words[:_TAIL_HEAD])
        if next_start <= close + 2 and _verbs(short, extra):
            s_end = next_end
    return s_start, s_end


#: Nothing but a comma, colon or dash before a quote (its attribution comes after it).
_LEAD_PUNCTUATION = re.compile(r"\s*[,:—–-]?\s*")


#: A conjunction that opens a new clause, right before the speaker or verb after a quote
#: ("…“wrong” when he said", "…“a mistake” to sell it, but she denied").
_NEW_CLAUSE = re.compile(
    r"(?:^|\b)(?:and|but|though|although|when|while|as|because|before|after|since|until|"
    r"if|so|yet|whereas)[\s,]*$"
)


def _new_clause(
    masked: str, close: int, speaker: _Speaker | None, verb_span: tuple[int, int]
) -> bool:
    """Whether the attribution after a quote belongs to a new clause (its speaker, or its
    verb when the speaker follows it, comes right after a conjunction)."""
    lead_end = (
        speaker.span[0] if speaker is not None and speaker.span[0] < verb_span[0] else verb_span[0]
    )
    return _NEW_CLAUSE.search(masked[close + 1 : lead_end]) is not None


def _attribution(
    para: str,
    masked: str,
    pair: tuple[int, int],
    sentence: tuple[int, int],
    extra: frozenset[str] = frozenset(),
) -> tuple[_Speaker | None, tuple[int, int] | None, bool]:
    """The speaker, speech verb and whether the words before the quote are only its
    attribution: before the quote, or after it when that is better (Japanese and
    Chinese by their own rules; ``extra``: verbs of the quote's language only)."""
    open_, close = pair
    s_start, s_end = sentence
    around = para[max(0, open_ - 2) : close + 3]
    if not around.isascii() and _has_cjk(around):
        found = _cjk_attribution(para, open_, close)
        if found is not None:
            return found[0], found[1], True
    speaker, verb_span, clean = _attribution_before(para, masked, s_start, open_, extra)
    # the words after the quote are read only when they could do better: not after a
    # speaker named cleanly before it ("Okafor said: “…”")
    if close < len(para) and (speaker is None or not clean):
        after_speaker, after_verb = _attribution_after(para, masked, close + 1, s_end, extra)
        if (
            after_verb is not None
            and (speaker is None or (not clean and after_speaker is not None))
            # "Okafor said it was “wrong” when he said …": a new clause after the quote is
            # another act of speech, not this quote's attribution
            and not (
                verb_span is not None and _new_clause(masked, close, after_speaker, after_verb)
            )
        ):
            speaker, verb_span = after_speaker, after_verb
            clean = bool(_LEAD_PUNCTUATION.fullmatch(masked, s_start, open_))
    return speaker, verb_span, clean


def _kind(q: _Quoted, verb_span: tuple[int, int] | None, clean: bool) -> m.QuoteKind:
    """Partial (a few words, or words inside a sentence of the writer's) or direct."""
    verb_word = q.para[verb_span[0] : verb_span[1]] if verb_span else ""
    if _PARTIAL_FULL.fullmatch(verb_word):
        return m.QuoteKind.PARTIAL  # "Lindqvist called the plan “reckless.”"
    if (q.before.strip() and not clean) or (
        q.words <= 3 and not q.inner.rstrip().endswith((".", "!", "?"))
    ):
        return m.QuoteKind.PARTIAL
    return m.QuoteKind.DIRECT


def _candidates(
    para: str,
    pairs: list[tuple[int, int]],
    masked: str,
    decided: list[tuple[str, str]] | None = None,
    language: str | None = None,
) -> list[_Candidate]:
    """The quotes of one paragraph, with the attribution found around each; the name of
    the rule that decided each pair of marks is added to ``decided`` when given;
    ``language`` is the article's language tag, if known."""
    found: list[_Candidate] = []
    attributed = False
    for pair in pairs:
        open_, close = pair
        if not para[open_ + 1 : min(close, len(para))].strip():
            continue  # empty marks
        extra = _context_verbs(para[open_], language)
        sentence = _sentence_of(masked, open_, close, len(para), extra)
        attribution = _attribution(para, masked, pair, sentence, extra)
        q = _Quoted(para, masked, pair, sentence, attribution, attributed)
        rule, (speaker, verb_span, clean) = _decide(q)
        if decided is not None:
            decided.append((q.inner.strip(), rule.name))
        if not rule.keeps:
            continue
        if speaker is None and verb_span is None and q.alone and not attributed and q.s_start > 1:
            # "…, Marsh said. “The other question is …”": the sentence before names the voice
            speaker, verb_span = _closing_attribution(para, masked, q.s_start)
        kind = _kind(q, verb_span, clean)
        start, end = open_ + 1, min(close, len(para))
        found.append(_Candidate(start, end, speaker, verb_span, kind))
        attributed = attributed or speaker is not None
    return found


def _closing_attribution(
    para: str, masked: str, end: int
) -> tuple[_Speaker | None, tuple[int, int] | None]:
    """The speaker of a sentence ending at ``end`` in ``… Marsh said.`` (the verb among
    its last words), for a quotation that follows it unattributed."""
    start = max(_sentence_bounds(masked, end - 2)[0], end - _WINDOW)
    stripped = end
    while stripped > start and masked[stripped - 1].isspace():
        stripped -= 1
    tail_from = max(start, stripped - 40)
    if not _verbs(masked[tail_from:end]):
        return None, None
    speaker, verb_span, _clean = _attribution_before(para, masked, start, end)
    if speaker is None or verb_span is None or verb_span[0] < tail_from:
        return None, None
    return speaker, verb_span


def _decisions(text: str) -> list[tuple[str, str]]:
    """``(quoted words, rule name)`` for every pair of quotation marks in ``text``: the
    rule that decided whether it is a quote (for tests and debugging)."""
    decided: list[tuple[str, str]] = []
    for _offset, para in _paragraphs(text):
        pairs = _pairs(para)
        _candidates(para, pairs, _mask(para, pairs), decided)
    return decided
