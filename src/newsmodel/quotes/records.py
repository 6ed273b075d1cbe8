"""The records passed between the quote-finding modules: :class:`QuoteMatch`
(public, what :func:`~newsmodel.quotes.find` returns) and the speaker mention.
"""

from __future__ import annotations

from typing import NamedTuple

from newsmodel import model as m


class QuoteMatch(NamedTuple):
    """One quotation found in a text, with character spans into that text."""

    start: int
    end: int
    text: str
    kind: m.QuoteKind
    mention: str | None
    mention_span: tuple[int, int] | None
    speaker: str | None
    speaker_role: str | None
    verb: str | None
    verb_span: tuple[int, int] | None


class _Speaker(NamedTuple):
    mention: str
    span: tuple[int, int]
    name: str | None
    role: str | None


def _absolute(speaker: _Speaker | None, offset: int) -> _Speaker | None:
    if speaker is None:
        return None
    return speaker._replace(span=(speaker.span[0] + offset, speaker.span[1] + offset))
