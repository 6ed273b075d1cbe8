"""The InDaily article as ../shared/fixtures/README.md describes it, built field by field.

This is the article every reader of every format must give back (for the
fields that format can carry). Quotes are added by the quote extractor.
"""

from __future__ import annotations

import datetime

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


def expected_article() -> m.Article:
    """The expected InDaily article (without quotes)."""
    return m.Article(
        headline=HEADLINE,
        summary=SUMMARY,
        body=tuple(m.Paragraph(content=(p,)) for p in body_paragraphs()),
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
    )
