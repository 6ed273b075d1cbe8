"""The quote rules, as data: what makes words in quotation marks a quote.

For each pair of marks, :func:`~newsmodel.quotes.candidates._candidates` first
looks for a speech verb and a speaker around the quote, then walks :data:`RULES`
in order; the first rule that applies decides whether the words are a quote
(and may name the speaker). The rules, in order:

``title``
    a title in marks after "called", "on", "his"… is no quote (skip).
``term after a verb``
    a short term under discussion, even with a speech verb near (skip).
``speech verb``
    a speech verb and speaker before, after or around the quote (keep).
``same speaker``
    the next sentence of a quote whose speaker is already named (keep).
``sentence verb``
    a speech or attitude verb in the sentence; its subject speaks (keep).
``term``
    a term under discussion ("so-called", "the word") (skip).
``introduced``
    a colon or comma introduces a sentence of its own (keep).
``whole clause``
    five words or more in marks are somebody's words (keep).
``someone's words for``
    "called X “…”", "admires X as a “…”" (keep).
``one-quote paragraph``
    a paragraph that is one quotation (keep).
``spoken alone``
    a long first-person or punctuated sentence standing alone (keep).
``unattributed``
    anything else (scare quotes, names): no quote (skip).

Each rule has an example sentence that it decides; tests/test_quote_rules.py
runs them all.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

import attrs

from newsmodel.quotes.cjk import _cjk_words
from newsmodel.quotes.records import _Speaker
from newsmodel.quotes.speakers import _subject
from newsmodel.quotes.words import (
    _ATTITUDE,
    _FIRST_PERSON,
    _TERM_CUES,
    _TITLE_CASE,
    _TOKEN,
    _VERB_SET,
)

#: Words in marks from which a clause is somebody's words, not a scare quote.
_LONG_PARTIAL = 5


#: What may follow a quote that ends its paragraph (punctuation, closing marks).
_ENDS_PARAGRAPH = re.compile(r"[\s.,!?”\"]*")
#: "… as a “steady hand”" after a verb and its object (not "known as", "such as").
_CHARACTERISED = re.compile(
    r"\b(?!(?:known|such|so|same|to|referred|identified|listed|titled|well|just)\b)[A-Za-z’']+\s+as\s+"
    r"(?:an?\s+|the\s+)?$"
)
#: A colon or comma just before a quote ("Lindqvist: “…”", "The sign read, “…”").
_INTRODUCED = re.compile(r"\S[:,]\s*$")
#: How quoted words start that form a sentence of their own.
_SENTENCE_START = re.compile(r"\s*(?:\[\w|[A-Z0-9…]|\.\.\.)")


def _introduced(before: str, inner: str, words: int) -> bool:
    """Whether a colon or comma introduces the quoted words as a sentence of their own."""
    lead = _INTRODUCED.search(before)
    if lead is None or not _SENTENCE_START.match(inner):
        return False
    if before[lead.start() + 1] == ":":
        return words >= 2
    return (
        words >= 4
        and inner.rstrip(" ,")[-1:] in ".!?…"
        and not _TITLE_CASE.fullmatch(inner.strip(" .,!?"))
    )


#: A verb that names or describes ("called", "described", "referred to"), not a noun
#: ("a call").
_NAMING = re.compile(
    r"(?<!\ba )(?<!\bthe )(?<!\bhis )(?<!\bher )(?<!\btheir )"
    r"\b(?:call(?:s|ed|ing)?|describ(?:e|es|ed|ing)|label(?:s|ed|led|ing|ling)?|dubbed|termed|"
    r"brand(?:s|ed|ing)|refer(?:s|red|ring) to|hail(?:s|ed|ing))\b"
)


#: A naming word just before the marks ("a film called “The Quiet Harbour”").
_NAMED = re.compile(
    r"\b(?:called|named|titled|entitled|dubbed|nicknamed)\s+(?:(?:the|a|an)\s+)?$", re.IGNORECASE
)


#: "told Harbour FM’s “Early Tide”", "on “Harbour Watch,”": a programme or work, named.
_TITLE_BEFORE = re.compile(r"(?:\w['’]s|\b(?:[Oo]n|of|in|his|her|their|its))\s*$")


def _names_object(before: str) -> bool:
    """``Okafor called the harbour master “Admiral Late”``: someone's name for something.

    A naming verb with its object between it and the quote; ``a film called
    “The Road”`` (nothing between) is a title, not anybody's words.
    """
    found = max(_NAMING.finditer(before), key=lambda match: match.start(), default=None)
    if found is None:
        return False
    rest = before[found.end() :].split()
    if rest[:1] == ["as"]:
        return True  # "is describing as “unhinged” a tweet"
    return any(w.lower() not in ("the", "a", "an", "as") for w in rest)


#: The longest cue of :data:`_TERM_CUES` ("referred to as"), with room to spare: the
#: cue ends the text, so only its last characters are searched.
_TERM_CUE_REACH = 20


def _is_term(masked_before: str, inner: str) -> bool:
    head = masked_before.rstrip()
    return (
        _TERM_CUES.search(head, max(0, len(head) - _TERM_CUE_REACH)) is not None
        and len(inner.split()) <= 8
        and not _names_object(masked_before)
        and not _CHARACTERISED.search(masked_before)
    )


#: The words :func:`_sentence_cue` looks for.
_CUE_WORDS = _VERB_SET | _ATTITUDE


def _sentence_cue(masked: str, start: int, end: int) -> tuple[int, int] | None:
    """A speech or attitude verb outside the quotes of a sentence, as a span."""
    if _CUE_WORDS.isdisjoint(_TOKEN.findall(masked, start, end)):
        return None  # most sentences hold none: no word is looked at twice
    for token in _TOKEN.finditer(masked, start, end):
        word = token.group()
        if word in _VERB_SET or word in _ATTITUDE:
            return token.start(), token.end()
    return None


#: What a rule that keeps a quote says of its attribution: the speaker mention, the
#: span of the verb, and whether the words before the quote are only its attribution.
_Attribution = tuple[_Speaker | None, tuple[int, int] | None, bool]


class _Quoted:
    """One pair of quotation marks in a paragraph, with what the rules look at: the
    sentence around it (``s_start``/``s_end``) and the attribution found so far."""

    def __init__(
        self,
        para: str,
        masked: str,
        pair: tuple[int, int],
        sentence: tuple[int, int],
        attribution: _Attribution,
        attributed: bool,
    ) -> None:
        self.para, self.masked = para, masked
        self.open, self.close = pair
        self.s_start, self.s_end = sentence
        self.speaker, self.verb_span, self.clean = attribution
        self.attributed = attributed  # an earlier quote of the paragraph has a speaker
        self.inner = para[self.open + 1 : min(self.close, len(para))]
        self.before = masked[self.s_start : self.open]
        words = len(self.inner.split())
        # two characters make a word of Japanese or Chinese (none in plain ASCII)
        self.words = words if self.inner.isascii() else max(words, _cjk_words(self.inner))
        self.alone = not self.before.strip(" —–-:")

    @functools.cached_property
    def term(self) -> bool:
        return _is_term(self.before, self.inner)

    @functools.cached_property
    def cue(self) -> tuple[int, int] | None:
        return _sentence_cue(self.masked, self.s_start, self.s_end)

    def subject(self, limit: int) -> _Speaker | None:
        """The subject of the quote's sentence, looked for before ``limit``."""
        return _subject(self.para, self.masked, self.s_start, limit)


@attrs.frozen
class Rule:
    """One quote rule: its ``name``, an ``example`` sentence it decides, whether the
    words it ``applies`` to are a quote (``keeps``), and for a kept quote, optionally,
    the attribution it gives (``attribute``)."""

    name: str
    example: str
    keeps: bool
    applies: Callable[[_Quoted], bool]
    attribute: Callable[[_Quoted], _Attribution] | None = None


def _is_title(q: _Quoted) -> bool:
    if not _TITLE_CASE.fullmatch(q.inner.strip()):
        return False  # the cheap test first: most quoted words are not in title case
    named = not q.clean or _NAMED.search(q.before) or _TITLE_BEFORE.search(q.before)
    return bool(named and not _names_object(q.before))


def _is_speechy(q: _Quoted) -> bool:
    if not q.alone:
        return False
    last = q.inner.rstrip()[-1:]
    speechy = q.words >= 6 and (_FIRST_PERSON.search(q.inner) or last in ".!?,…")
    return bool(speechy or (q.close == len(q.para) and q.words >= 6))


def _by_sentence_verb(q: _Quoted) -> _Attribution:
    assert q.cue is not None  # the rule applies only with a cue
    return q.subject(q.cue[0]), q.cue, False


def _by_speech_verb(q: _Quoted) -> _Attribution:
    """The speaker found around the verb; when the words there name nobody, the subject
    of the sentence, if a speech or attitude verb stands before the quote ("Okafor,
    who chairs the board, blasted the levy as “reckless” on Tuesday.")."""
    if q.speaker is None and q.cue is not None and q.cue[0] < q.open:
        return q.subject(q.cue[0]), q.verb_span, q.clean
    return q.speaker, q.verb_span, q.clean


def _by_introduction(q: _Quoted) -> _Attribution:
    head = q.before.rstrip(" :,")
    return q.subject(q.s_start + len(head)), q.verb_span, True


#: The quote rules in the order they are tried; the first that applies decides.
RULES: tuple[Rule, ...] = (
    Rule(
        "title",
        "She starred in the film “The Quiet Harbour” last year.",
        keeps=False,
        applies=_is_title,
    ),
    Rule(
        "term after a verb",
        "Okafor said the so-called “Halden rule” was unfair.",
        keeps=False,
        applies=lambda q: q.verb_span is not None and q.words <= 3 and q.term,
    ),
    Rule(
        "speech verb",
        "“We will not back down,” Jane Doe said.",
        keeps=True,
        applies=lambda q: q.verb_span is not None,
        attribute=_by_speech_verb,
    ),
    Rule(
        "same speaker",
        "“We will not back down,” Jane Doe said. “Not now, not ever.”",
        keeps=True,
        applies=lambda q: q.alone and q.attributed,
    ),
    Rule(
        "sentence verb",
        "Ana Okafor criticized the levy as a “broken system.”",
        keeps=True,
        applies=lambda q: not q.term and q.cue is not None,
        attribute=_by_sentence_verb,
    ),
    Rule(
        "term",
        "The term “Halden rule” came up at the meeting.",
        keeps=False,
        applies=lambda q: q.term,
    ),
    Rule(
        "introduced",
        "Lindqvist: “Our aim is not to delay the bridge but to finish it.”",
        keeps=True,
        applies=lambda q: _introduced(q.before, q.inner, q.words),
        attribute=_by_introduction,
    ),
    Rule(
        "whole clause",
        "Marsh, his rival, “would promise anything to keep the harbour seat.”",
        keeps=True,
        applies=lambda q: (
            q.words >= _LONG_PARTIAL and not _TITLE_CASE.fullmatch(q.inner.strip(" .,!?"))
        ),
    ),
    Rule(
        "someone's words for",
        "Reyes openly admires Brandt as a “steady hand,” comparing him to others.",
        keeps=True,
        applies=lambda q: bool(_names_object(q.before) or _CHARACTERISED.search(q.before)),
        attribute=lambda q: (q.subject(q.open), q.verb_span, q.clean),
    ),
    Rule(
        "one-quote paragraph",
        "Reyes was quick to add a condition.\n\n“Not an option.”",
        keeps=True,
        applies=lambda q: (
            q.alone and q.words >= 2 and bool(_ENDS_PARAGRAPH.fullmatch(q.para, q.close + 1))
        ),
    ),
    Rule(
        "spoken alone",
        "“We Will Never Give Up The Harbour!” rang out across the square.",
        keeps=True,
        applies=_is_speechy,
    ),
    Rule(
        "unattributed",
        "The unions want a “special session” to vote on it.",
        keeps=False,
        applies=lambda q: True,
    ),
)


def _decide(q: _Quoted) -> tuple[Rule, _Attribution]:
    """The first rule of :data:`RULES` that applies to ``q``, and the attribution of
    the quote if the rule keeps it."""
    for rule in RULES:
        if rule.applies(q):
            found = (q.speaker, q.verb_span, q.clean)
            return rule, rule.attribute(q) if rule.attribute else found
    raise AssertionError("the last rule applies to every quote")  # pragma: no cover
