""":func:`find`: every quotation in a plain text with its speaker, paragraph by
paragraph, with what one paragraph hands on to the next.
"""

from __future__ import annotations

import warnings

import attrs

from newsmodel.errors import NewsmodelWarning
from newsmodel.quotes.candidates import _candidates
from newsmodel.quotes.handover import _CREDIT_PARAGRAPH, _handed_on
from newsmodel.quotes.indirect import _reported_speech
from newsmodel.quotes.marks import ANY_OPEN_MARK, _mask, _pairs, _paragraphs
from newsmodel.quotes.names import _split_role
from newsmodel.quotes.records import QuoteMatch, _absolute, _Speaker
from newsmodel.quotes.resolver import _Resolver

_MAX_PAIRS = 200  # quotations looked at in one paragraph
#: Quotations found in one text at most: a news story holds tens, a long
#: transcript hundreds; past this the text is no article, and stopping keeps
#: extraction under a second however the text is made (each quotation costs
#: 0.1-0.2 ms of attribution work).
MAX_QUOTES = 2000


#: The dashes of a credit after a quote (“…” ― Jane Doe), which stand for its verb.
_CREDIT_DASHES = frozenset("―—")

#: A voice: the speaker mention, the resolved name and the speech verb.
_Voice = tuple[_Speaker, str | None, str | None]


@attrs.define
class _Context:
    """What the paragraphs read so far leave for the next one."""

    resolver: _Resolver = attrs.Factory(_Resolver)
    carry: QuoteMatch | None = None  # a quote left open at the end of the last paragraph
    # the last paragraph, for a speaker it hands on ("X said:"); worked out only when needed
    lead_source: tuple[str, str, bool, int] | None = None
    last_speaker: _Voice | None = None  # the voice of the last paragraph's quotes
    language: str | None = None  # the article's language tag, when known


def find(text: str, *, indirect: bool = False, language: str | None = None) -> list[QuoteMatch]:
    """Every quotation in ``text`` with its speaker, as spans into ``text``.

    Quotes of other languages are found by their marks („…“, «…», 「…」) and speech
    verbs whatever ``language`` says; the article's language tag (``"de"``), when
    given, adds the verbs that are read only in their own language (German "so")
    to quotes in English marks.

    ``indirect=True`` adds reported speech without quotation marks (``Peskov
    said NATO was involved.``) as ``kind=indirect``, from sentences that hold
    no quotation marks, so it is never mixed with a direct quote.
    """
    if not indirect and ANY_OPEN_MARK.search(text) is None:
        return []  # no quotation mark anywhere: no paragraph has a pair to read
    ctx = _Context(language=language)
    out: list[QuoteMatch] = []
    reported: list[QuoteMatch] = []
    open_ends: list[int] = []  # quotes that run on into the next paragraph
    last_offset = -1
    for offset, para in _paragraphs(text):
        if len(out) >= MAX_QUOTES:
            warnings.warn(
                f"quote finding stopped after {MAX_QUOTES} quotations (at character {offset})",
                NewsmodelWarning,
                stacklevel=2,
            )
            break
        if out and out[-1].speaker is None and out[-1].start >= last_offset >= 0:
            out[-1] = _credited(out[-1], para, offset)
        last_offset = offset
        pairs = _pairs(para)[:_MAX_PAIRS]  # no prose paragraph holds more
        masked = _mask(para, pairs)
        previous = _paragraph_quotes(para, masked, pairs, offset, ctx, out)
        if indirect:
            reported.extend(_reported_speech(para, masked, pairs, offset, ctx.resolver))
        ctx.last_speaker = (
            previous if previous is not None else (ctx.last_speaker if not para.strip() else None)
        )
        if previous is not None and previous[2] in _CREDIT_DASHES:
            ctx.last_speaker = None  # “…” ― Jane Doe: each quote of a list signed by its own
        opened = pairs[-1] if pairs else None
        ctx.carry = (
            out[-1] if out and opened and opened[1] >= len(para) and out[-1].end > offset else None
        )
        if ctx.carry is not None:
            open_ends.append(len(out) - 1)
        ctx.lead_source = (para, masked, bool(pairs), offset)
    _close_open_ends(out, open_ends)
    if reported:
        out = sorted([*out, *reported], key=lambda match: match.start)
    return out


def _credited(last: QuoteMatch, para: str, offset: int) -> QuoteMatch:
    """``last`` (a quote with no speaker) credited by a paragraph such as
    ``-Michelle Marks, Philadelphia.`` that follows it, if ``para`` is one."""
    credit = _CREDIT_PARAGRAPH.match(para)
    if credit is None:
        return last
    mention = credit.group(1).rstrip()
    name, role = _split_role(mention)
    at = offset + credit.start(1)
    return last._replace(
        mention=mention,
        mention_span=(at, at + len(mention)),
        speaker=name or mention,
        speaker_role=role,
    )


def _paragraph_quotes(
    para: str,
    masked: str,
    pairs: list[tuple[int, int]],
    offset: int,
    ctx: _Context,
    out: list[QuoteMatch],
) -> _Voice | None:
    """Add the quotes of one paragraph to ``out``; the voice of its last attributed quote."""
    resolver = ctx.resolver
    if not pairs:  # no quotation marks: only names to remember
        resolver.observe(masked)
        return None
    seen = 0
    previous: _Voice | None = None
    for index, cand in enumerate(_candidates(para, pairs, masked, language=ctx.language)):
        resolver.observe(masked[seen : cand.start])
        seen = cand.end
        raw = para[cand.start : cand.end]
        body = raw.strip()
        lead_ws = len(raw) - len(raw.lstrip())
        speaker = _absolute(cand.speaker, offset)
        verb = para[cand.verb_span[0] : cand.verb_span[1]] if cand.verb_span else None
        resolved = resolver.resolve(speaker) if speaker else None
        if speaker is None:
            first = index == 0 and not masked[: cand.start - 1].strip(" —–-")
            earlier = _earlier_voice(first, verb, previous, ctx)
            if earlier is not None:
                speaker, resolved, verb = earlier
        if speaker is not None and resolved is not None:
            resolver.spoke(resolved, speaker)
        out.append(
            QuoteMatch(
                start=offset + cand.start + lead_ws,
                end=offset + cand.start + lead_ws + len(body),
                text=body,
                kind=cand.kind,
                mention=speaker.mention if speaker and speaker.mention else None,
                mention_span=speaker.span if speaker and speaker.span != (0, 0) else None,
                speaker=resolved,
                speaker_role=speaker.role if speaker else None,
                verb=verb,
                verb_span=(offset + cand.verb_span[0], offset + cand.verb_span[1])
                if cand.verb_span
                else None,
            )
        )
        if speaker is not None:
            previous = (speaker, resolved, verb)
    resolver.observe(masked[seen:])
    return previous


def _earlier_voice(
    first: bool, verb: str | None, previous: _Voice | None, ctx: _Context
) -> _Voice | None:
    """The voice of a quote that names no speaker: the quote before it in the paragraph
    (“…,” he said, adding: “…”), or for the paragraph's first quote without a verb of
    its own, a quote left open, the speaker the last paragraph hands on (``He said:``)
    or its last voice."""
    if previous is not None:
        speaker, resolved, earlier_verb = previous
        return speaker, resolved, verb or earlier_verb
    if not first or verb is not None:
        # a later quote, or one with a verb of its own whose speaker was not understood
        # (“…,” wrote another): no voice from an earlier paragraph
        return None
    carry = ctx.carry
    if carry is not None and carry.mention:
        speaker = _Speaker(carry.mention, carry.mention_span or (0, 0), None, carry.speaker_role)
        return speaker, carry.speaker, carry.verb
    lead = _handed_on(ctx.lead_source)
    if lead is not None:
        lead_speaker, lead_verb = lead
        return lead_speaker, ctx.resolver.resolve(lead_speaker), lead_verb
    return ctx.last_speaker


def _close_open_ends(out: list[QuoteMatch], open_ends: list[int]) -> None:
    """A quote that runs on into the next paragraph takes the speaker of the quote after
    it, when it has none of its own."""
    for i in reversed(open_ends):
        if i + 1 < len(out) and out[i].speaker is None and out[i + 1].speaker is not None:
            nxt = out[i + 1]
            out[i] = out[i]._replace(
                mention=nxt.mention,
                mention_span=nxt.mention_span,
                speaker=nxt.speaker,
                speaker_role=nxt.speaker_role,
                verb=nxt.verb,
            )
