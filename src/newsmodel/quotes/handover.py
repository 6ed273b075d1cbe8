"""What one paragraph hands on to the next: the speaker of ``He said:`` or of a
closing sentence that reports speech, for a quote that opens the next paragraph
unattributed, and a credit paragraph (``-Ingrid Sole, Port Halden.``).
"""

from __future__ import annotations

import re

from newsmodel.quotes.records import _Speaker
from newsmodel.quotes.sentences import _WINDOW, _sentence_bounds
from newsmodel.quotes.speakers import _attribution_before, _subject
from newsmodel.quotes.words import _PRONOUNS, _verbs


def _lead_in(para: str, masked: str, quoted: bool) -> _Speaker | None:
    """The speaker a paragraph hands on to an unattributed quote opening the next one:
    ``He said:``, or the last sentence of a paragraph without quotes that reports
    speech (``Reyes said that 4,000 would be hired.``)."""
    end = len(masked.rstrip())
    if end == 0 or (quoted and masked[end - 1] != ":"):
        return None
    s_start = max(_sentence_bounds(masked, end - 1)[0], end - _WINDOW)
    speaker, verb_span, _clean = _attribution_before(para, masked, s_start, end)
    if verb_span is None and masked[end - 1] == ":":
        # "On May 2, Okafor made the following remark:" (not "Wait, it gets better:")
        subject = _subject(para, masked, s_start, end - 1)
        if subject is not None and subject.mention.lower() in _PRONOUNS:
            return None
        return subject
    return speaker


# up to six words, each ended by a space but the last: with the space optional between
# them, a run of capitals and hyphens could be cut into words every way (hangs at 1,000)
_CREDIT_PARAGRAPH = re.compile(
    r"[-—―–]\s*((?:[A-Z][\w.’'-]*\s){0,5}[A-Z][\w.’'-]*\s?)(?=[,.]|\s*$)"
)


def _handed_on(source: tuple[str, str, bool, int] | None) -> tuple[_Speaker, str | None] | None:
    """The speaker (and verb) that the previous paragraph hands on, if any."""
    if source is None:
        return None
    para, masked, quoted, offset = source
    found = _lead_in(para, masked, quoted)
    if found is None:
        return None
    moved = found._replace(span=(found.span[0] + offset, found.span[1] + offset))
    return moved, _verb_of(para, masked)


def _verb_of(para: str, masked: str) -> str | None:
    s_start, _ = _sentence_bounds(masked, max(len(masked.rstrip()) - 1, 0))
    found = None
    for verb in _verbs(masked[s_start:]):
        found = verb
    return found.group("verb") if found else None
