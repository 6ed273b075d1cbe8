"""Finding quotations and who said them, with rules (no models, no downloads).

Two levels:

* :func:`find` works on plain text (paragraphs separated by blank lines) and
  returns :class:`QuoteMatch` records with character spans for the quote,
  the speaker mention and the speech verb.
* :func:`extract` / :func:`extract_article` give model
  :class:`~newsmodel.model.Quote` values, for plain text or for an article's
  standfirst and body (every reader that produces a body calls
  :func:`extract_article` unless told ``quotes=False``).

What counts: words in quotation marks (straight or typographic, double, or
typographic single, and the marks of other languages: „…“ »…« «…» 「…」) that
the text attributes to someone (a speech verb and a speaker before, after or
between the parts of the quote, a credit line, the
sentence or paragraph before), sentences introduced by a colon, paragraphs
that are one quotation, whole clauses in marks, the words people use about
someone (``called X “…”``, ``as a “…”``), quotes that run over several
paragraphs, and quotes already marked up (``InlineQuote``, ``BlockQuote``).
Words in marks that nobody is said to have said (scare quotes, titles, a
term under discussion) are not quotes. Surnames and pronouns are resolved to
the full name mentioned earlier. docs/quotes-and-bylines.md lists the rules;
:data:`newsmodel.quotes.rules.RULES` holds them, in order, each with an example.

The package: :mod:`~newsmodel.quotes.words` (vocabulary), ``marks`` (quotation
marks, paragraphs), ``sentences``, ``speakers`` (mentions, roles, attribution
around a verb), ``resolver`` (surnames and pronouns), ``rules`` (the rule
table), ``candidates`` (the quotes of one paragraph), ``handover`` (what a
paragraph hands on to the next), ``indirect`` (reported speech), ``finding``
(:func:`find`); this module turns matches into model quotes.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Iterator

import attrs

from newsmodel import model as m
from newsmodel.quotes.finding import MAX_QUOTES as MAX_QUOTES
from newsmodel.quotes.finding import find
from newsmodel.quotes.records import QuoteMatch

# the sentence ends of a paragraph are cached; tests clear the cache to time the work
from newsmodel.quotes.sentences import _sentence_ends as _sentence_ends
from newsmodel.quotes.words import SPEECH_VERBS

__all__ = ["SPEECH_VERBS", "QuoteMatch", "extract", "extract_article", "find", "with_quotes"]


# ---------------------------------------------------------------------------
# model quotes


def _quote(match: QuoteMatch, part: m.QuotePart, block: int | None, base: int) -> m.Quote:
    return m.Quote(
        text=match.text,
        speaker=match.speaker,
        mention=match.mention,
        speaker_role=match.speaker_role,
        verb=match.verb,
        kind=match.kind,
        part=part,
        block=block,
        start=match.start - base,
        end=match.end - base,
    )


def extract(
    text: str, *, indirect: bool = False, language: str | None = None
) -> tuple[m.Quote, ...]:
    """Quotes in plain text, each with its span in ``text`` (``part=text``);
    ``indirect=True`` adds reported speech, ``language`` is the text's language tag
    if known (see :func:`find`)."""
    found = find(text, indirect=indirect, language=language)
    return tuple(_quote(q, m.QuotePart.TEXT, None, 0) for q in found)


def _inline_quotes(content: Iterable[m.Inline]) -> Iterator[str]:
    for item in content:
        if isinstance(item, m.InlineQuote):
            yield m.inline_text(item.content)
        elif isinstance(item, (m.Link, m.Emphasis, m.Strong)):
            yield from _inline_quotes(item.content)


def extract_article(article: m.Article, *, indirect: bool = False) -> tuple[m.Quote, ...]:
    """Quotes in an article's standfirst and body, with block indexes and spans
    (``indirect=True`` adds reported speech, see :func:`find`).

    The standfirst and the body are read as one text, so that names in the
    standfirst resolve pronouns in the body. The article's language, when it has one,
    is passed on to :func:`find`. Quotes marked up in the source
    (``InlineQuote``, ``BlockQuote``) are found from that markup.
    """
    pieces: list[tuple[m.QuotePart, int | None, str]] = []
    if article.summary:
        pieces.append((m.QuotePart.SUMMARY, None, article.summary))
    plain: dict[int, str] = {}  # each paragraph's text, worked out once
    for index, block in enumerate(article.body):
        if isinstance(block, (m.Paragraph, m.Heading)):
            plain[index] = m.block_text(block)
            pieces.append((m.QuotePart.BODY, index, plain[index]))
    # one text, and where each piece starts in it: a quote is placed by bisection
    chunks = [piece.replace("\n\n", "\n") + "\n\n" for _, _, piece in pieces]
    starts = list(itertools.accumulate((len(chunk) for chunk in chunks), initial=0))
    quotes: list[m.Quote] = []
    for match in find("".join(chunks), indirect=indirect, language=article.language):
        at = bisect.bisect_right(starts, match.start, hi=len(chunks)) - 1
        if at >= 0 and match.start < starts[at] + len(chunks[at]) - 2:
            part, where, _ = pieces[at]
            quotes.append(_quote(match, part, where, starts[at]))
    # quotes marked up in the source, when the marks themselves are not in the text
    seen = {q.text for q in quotes}
    for index, block in enumerate(article.body):
        if isinstance(block, m.BlockQuote):
            said = " ".join(m.inline_text(block.attribution).split()).strip(" —–-") or None
            inner = "\n\n".join(m.block_text(b) for b in block.blocks).strip()
            if inner and inner not in seen:
                quotes.append(
                    m.Quote(
                        text=inner, speaker=said, mention=said, part=m.QuotePart.BODY, block=index
                    )
                )
        elif isinstance(block, (m.Paragraph, m.Heading)):
            text = plain[index]
            for quoted in _inline_quotes(block.content):
                quoted = quoted.strip()
                if quoted and quoted not in seen and quoted in text:
                    start = text.index(quoted)
                    quotes.append(
                        m.Quote(
                            text=quoted,
                            part=m.QuotePart.BODY,
                            block=index,
                            start=start,
                            end=start + len(quoted),
                        )
                    )
    return tuple(quotes)


def with_quotes(article: m.Article, *, indirect: bool = False) -> m.Article:
    """``article`` with its ``quotes`` found by :func:`extract_article`."""
    quotes = extract_article(article, indirect=indirect)
    if not quotes and not article.quotes:
        return article  # nothing to change: no new article to build and check
    return attrs.evolve(article, quotes=quotes)
