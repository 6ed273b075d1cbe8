"""The InDaily article as ../shared/fixtures/README.md describes it, built field by field.

This is the article every reader of every format must give back (for the
fields that format can carry), quotes included.
"""

from __future__ import annotations

import datetime

import attrs

from newsmodel import model as m

HEADLINE = "Russia in ‘direct confrontation’ with NATO"
SUMMARY = (
    "The Kremlin says NATO and its military infrastructure is moving towards Russian "
    "borders as the US-led alliance marks its 75th anniversary."
)
CAPTION = (
    "NATO Secretary General Jens Stoltenberg, center, speaks with Ukraine's Foreign "
    "Minister Dmytro Kuleba, center left, during a meeting of the NATO-Ukraine Council "
    "at NATO headquarters in Brussels on Thursday."
)
FIRST_PARAGRAPH_START = "NATO’s successive waves of eastern enlargement"
LAST_PARAGRAPH = "Prior to this period, the numbers had averaged just one person a day."
RIGHTS = "Copyright © 2024 InDaily. All rights reserved."
DAY = datetime.date(2024, 4, 5)


def body_paragraphs() -> list[str]:
    """The 22 body paragraphs, taken from the fixture text between its markers."""
    from tests.conftest import INDAILY_TXT

    text = INDAILY_TXT.read_text(encoding="utf-8")
    start = text.index(FIRST_PARAGRAPH_START)
    end = text.index(LAST_PARAGRAPH) + len(LAST_PARAGRAPH)
    return [p.strip() for p in text[start:end].split("\n\n")]


#: The quotes of the README: (block, quoted words, speaker, mention, role, verb, kind).
QUOTES = (
    (2, "In fact, relations have now slipped to the level of direct confrontation.",
     "Dmitry Peskov", "Kremlin spokesman Dmitry Peskov", "Kremlin spokesman", "told", "direct"),
    (3, "already involved in the conflict surrounding Ukraine (and) continues to move towards "
     "our borders and expand its military infrastructure towards our borders",
     "Dmitry Peskov", "he", None, "said", "partial"),
    (10, "Finnish authorities see this as a long-term situation. We have not seen anything this "
     "spring that would lead us to conclude that the situation has changed meaningfully,",
     "Mari Rantanen", "Interior Minister Mari Rantanen", "Interior Minister", "said", "direct"),
    (15, "There are hundreds and possibly thousands of people close to Finland’s border on the "
     "Russian side that could be instrumentalised against Finland,",
     "Mari Rantanen", "Rantanen", None, "said", "direct"),
    # optional in the README: the one-word partial quote inside what the government said
    (18, "instrumentalised", "The government", "The government", None, "said", "partial"),
    (19, "This would be dangerous to people seeking to enter Finland and would burden maritime "
     "search and rescue (operations),",
     "the ministry", "the ministry", None, "said", "direct"),
)  # fmt: skip


def expected_quotes(paragraphs: list[str]) -> tuple[m.Quote, ...]:
    """The README's quotes, placed where their words stand in the body."""
    out = []
    for block, text, speaker, mention, role, verb, kind in QUOTES:
        start = paragraphs[block].index(text)
        out.append(
            m.Quote(
                text=text,
                speaker=speaker,
                mention=mention,
                speaker_role=role,
                verb=verb,
                kind=m.QuoteKind(kind),
                part=m.QuotePart.BODY,
                block=block,
                start=start,
                end=start + len(text),
            )
        )
    return tuple(out)


def expected_article() -> m.Article:
    """The expected InDaily article, quotes included."""
    paragraphs = body_paragraphs()
    return m.Article(
        headline=HEADLINE,
        summary=SUMMARY,
        body=tuple(m.Paragraph(content=(p,)) for p in paragraphs),
        bylines=(m.Byline(name="AAP", kind=m.BylineKind.ORGANISATION),),
        photos=(m.Photo(caption=CAPTION, credit="AP"),),
        topics=(
            m.Topic(name="NATO", kind=m.TopicKind.KEYWORD),
            m.Topic(name="russia", kind=m.TopicKind.KEYWORD),
        ),
        published=DAY,
        modified=DAY,
        publisher=m.Publisher(name="InDaily"),
        rights=m.Rights(notice=RIGHTS),
        quotes=expected_quotes(paragraphs),
    )


def expected_unquoted() -> m.Article:
    """The expected InDaily article as a format module's reader gives it: no quotes.

    Quote extraction runs in :func:`newsmodel.read`, not in the readers.
    """
    return attrs.evolve(expected_article(), quotes=())
