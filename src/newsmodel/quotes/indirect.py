"""Reported speech without quotation marks (``Peskov said NATO was involved.``),
found when :func:`~newsmodel.quotes.find` is given ``indirect=True``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newsmodel import model as m
from newsmodel.quotes.names import _split_role
from newsmodel.quotes.records import QuoteMatch, _Speaker
from newsmodel.quotes.resolver import _Resolver
from newsmodel.quotes.sentences import _WINDOW, _sentence_ends
from newsmodel.quotes.speakers import _plausible_speaker, _speaker_before_verb
from newsmodel.quotes.words import _MARKS, _REPORTING, _TOLD, _verbs

#: What may stand between a reporting verb and the reported clause: whom it was told
#: to (after "told", "warned"), when or where, and "that".
_TOLD_WHOM = re.compile(
    r"\s+(?:(?:reporters|journalists|[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*|him|her|them|us|me|"
    r"the\s+\w+|an?\s+\w+)(?=\s))"
)
#: When or where between the verb and the reported clause, and "that" ("said on
#: Monday that …").
_REPORT_GAP = re.compile(
    r"(?:\s+(?:on|in|at|during|after|before|last|this|late|early)\s+[^,]{1,40}?(?=\s+that\b|,))?"
    r",?\s*(?:that\s+)?"
)
#: "According to Jane Doe, " opening a sentence.
_ACCORDING_LEAD = re.compile(r"\s*According to ([^,]{2,80}),\s*")
#: The first letter of a reported clause.
_CLAUSE_START = re.compile(r"[A-Za-z]")
#: Reported speech with the attribution at the end ("The plan will fail, Jane Doe
#: said.").
_INVERTED_END = re.compile(
    r",\s*((?:[A-Z][\w’'.-]*\s+){0,4}[A-Z][\w’'.-]*|he|she|they|it)\s+(?:also\s+)?"
    r"(said|says|added|argued|claimed|wrote|noted|warned|insisted|told\s+\w+)\s*[.!]?$"
)


def _reported_speech(
    para: str, masked: str, pairs: list[tuple[int, int]], offset: int, resolver: _Resolver
) -> Iterator[QuoteMatch]:
    """Reported speech in the sentences of one paragraph that hold no quotation marks."""
    lasts, nexts = _sentence_ends(masked)
    starts = [0, *nexts]
    ends = [*lasts, len(masked)]
    quoted = [(open_, close) for open_, close in pairs]
    for s_start, s_end in zip(starts, ends):
        if s_end - s_start > _WINDOW or any(o < s_end and c >= s_start for o, c in quoted):
            continue
        sentence = para[s_start:s_end]
        if not sentence.strip() or any(mark in _MARKS for mark in sentence):
            continue
        found = _report_in(para, masked, s_start, s_end)
        if found is None:
            continue
        speaker, verb_span, content = found
        body = para[content[0] : content[1]].strip(" ,.;:")
        if len(body.split()) < 3:
            continue
        start = content[0] + para[content[0] : content[1]].find(body)
        resolved = resolver.resolve(speaker)
        yield QuoteMatch(
            start=offset + start,
            end=offset + start + len(body),
            text=body,
            kind=m.QuoteKind.INDIRECT,
            mention=speaker.mention,
            mention_span=(offset + speaker.span[0], offset + speaker.span[1]),
            speaker=resolved,
            speaker_role=speaker.role,
            verb=para[verb_span[0] : verb_span[1]],
            verb_span=(offset + verb_span[0], offset + verb_span[1]),
        )


def _report_in(
    para: str, masked: str, s_start: int, s_end: int
) -> tuple[_Speaker, tuple[int, int], tuple[int, int]] | None:
    """``(speaker, verb span, reported clause span)`` of one sentence, if it reports speech."""
    segment = masked[s_start:s_end]
    # "According to Jane Doe, the plan will fail."
    according = _ACCORDING_LEAD.match(segment)
    if according is not None:
        mention = according.group(1).strip()
        if _plausible_speaker(mention):
            at = s_start + according.start(1)
            name, role = _split_role(mention)
            speaker = _Speaker(mention, (at, at + len(mention)), name, role)
            opener = s_start + segment.index("According")
            return (
                speaker,
                (opener, opener + len("According to")),
                (s_start + according.end(), s_end),
            )
    # "The plan will fail, Jane Doe said."
    inverted = _INVERTED_END.search(segment)
    if inverted is not None and _plausible_speaker(inverted.group(1)):
        at = s_start + inverted.start(1)
        mention = inverted.group(1)
        name, role = _split_role(mention)
        speaker = _Speaker(mention, (at, at + len(mention)), name, role)
        verb_word = inverted.group(2).split()[0]
        verb_at = s_start + inverted.start(2)
        return speaker, (verb_at, verb_at + len(verb_word)), (s_start, s_start + inverted.start())
    # "Jane Doe told reporters on Monday that the plan will fail."
    for reporting in _verbs(segment):
        if reporting.word.lower() not in _REPORTING:
            continue
        verb_span = (s_start + reporting.begin, s_start + reporting.finish)
        reporter = _speaker_before_verb(masked, para, verb_span[0], s_start)
        if reporter is None:
            return None
        clause_at = verb_span[1]
        told = reporting.word in _TOLD
        whom = _TOLD_WHOM.match(masked, clause_at, s_end) if told else None
        clause_at = whom.end() if whom else clause_at
        gap = _REPORT_GAP.match(masked, clause_at, s_end)
        clause_at = gap.end() if gap else clause_at
        if not _CLAUSE_START.match(masked, clause_at, s_end):
            return None
        return reporter, verb_span, (clause_at, s_end)
    return None
