""":func:`find`: every quotation in a plain text with its speaker, paragraph by
paragraph, with what one paragraph hands on to the next.
"""

from __future__ import annotations

import warnings

from newsmodel.errors import NewsmodelWarning
from newsmodel.quotes.candidates import _candidates
from newsmodel.quotes.handover import _CREDIT_PARAGRAPH, _handed_on
from newsmodel.quotes.indirect import _reported_speech
from newsmodel.quotes.marks import _mask, _pairs, _paragraphs
from newsmodel.quotes.records import QuoteMatch, _absolute, _Speaker
from newsmodel.quotes.resolver import _Resolver
from newsmodel.quotes.speakers import _split_role

_MAX_PAIRS = 200  # quotations looked at in one paragraph
#: Quotations found in one text at most: a news story holds tens, a long
#: transcript hundreds; past this the text is no article, and stopping keeps
#: extraction under a second however the text is made (each quotation costs
#: 0.1-0.2 ms of attribution work).
MAX_QUOTES = 2000


def find(text: str, *, indirect: bool = False) -> list[QuoteMatch]:
    """Every quotation in ``text`` with its speaker, as spans into ``text``.

    ``indirect=True`` adds reported speech without quotation marks (``Peskov
    said NATO was involved.``) as ``kind=indirect``, from sentences that hold
    no quotation marks, so it is never mixed with a direct quote.
    """
    resolver = _Resolver()
    out: list[QuoteMatch] = []
    reported: list[QuoteMatch] = []
    carry: QuoteMatch | None = None  # a quote left open at the end of the last paragraph
    # the last paragraph, for a speaker it hands on ("X said:"); worked out only when needed
    lead_source: tuple[str, str, bool, int] | None = None
    last_speaker: tuple[_Speaker, str | None, str | None] | None = None
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
        credit = _CREDIT_PARAGRAPH.match(para)
        if credit and out and out[-1].speaker is None and out[-1].start >= last_offset >= 0:
            # “…” then a paragraph "-Michelle Marks, Philadelphia."
            mention = credit.group(1).rstrip()
            name, role = _split_role(mention)
            at = offset + credit.start(1)
            out[-1] = out[-1]._replace(
                mention=mention,
                mention_span=(at, at + len(mention)),
                speaker=name or mention,
                speaker_role=role,
            )
        last_offset = offset
        pairs = _pairs(para)[:_MAX_PAIRS]  # no prose paragraph holds more
        masked = _mask(para, pairs)
        seen = 0
        previous: tuple[_Speaker, str | None, str | None] | None = None
        for index, cand in enumerate(_candidates(para, pairs, masked)):
            resolver.observe(masked[seen : cand.start])
            seen = cand.end
            raw = para[cand.start : cand.end]
            body = raw.strip()
            lead_ws = len(raw) - len(raw.lstrip())
            speaker = _absolute(cand.speaker, offset)
            verb = para[cand.verb_span[0] : cand.verb_span[1]] if cand.verb_span else None
            resolved = resolver.resolve(speaker) if speaker else None
            at_start = index == 0 and not masked[: cand.start - 1].strip(" —–-")
            if speaker is None:
                if previous is not None:
                    # “…,” he said, adding: “…” — his voice, its own verb
                    speaker, resolved, earlier_verb = previous
                    verb = verb or earlier_verb
                elif index == 0 and at_start and carry is not None and carry.mention:
                    speaker = _Speaker(
                        carry.mention, carry.mention_span or (0, 0), None, carry.speaker_role
                    )
                    resolved, verb = carry.speaker, carry.verb
                elif index == 0 and at_start and (lead := _handed_on(lead_source)) is not None:
                    speaker, verb = lead
                    resolved = resolver.resolve(speaker)
                elif index == 0 and at_start and last_speaker is not None:
                    speaker, resolved, verb = last_speaker
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
        if indirect:
            reported.extend(_reported_speech(para, masked, pairs, offset, resolver))
        last_speaker = (
            previous if previous is not None else (last_speaker if not para.strip() else None)
        )
        opened = pairs[-1] if pairs else None
        carry = (
            out[-1] if out and opened and opened[1] >= len(para) and out[-1].end > offset else None
        )
        if carry is not None:
            open_ends.append(len(out) - 1)
        lead_source = (para, masked, bool(pairs), offset)
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
    if reported:
        out = sorted([*out, *reported], key=lambda match: match.start)
    return out
