"""Hypothesis strategies for newsmodel values, for your tests and ours.

Needs Hypothesis (``pip install newsmodel[test]``)::

    from hypothesis import given
    from newsmodel.testing import articles

    @given(articles())
    def test_my_pipeline_keeps_headlines(article): ...

Every strategy draws only values the model accepts. The strategies are
deliberately wide: unusual Unicode, aware and naive datetimes, plain days,
nested blocks and inline markup.
"""

from __future__ import annotations

import datetime

from hypothesis import strategies as st

from newsmodel import model as m

__all__ = [
    "articles",
    "blocks",
    "bylines",
    "date_values",
    "inlines",
    "language_tags",
    "photos",
    "quotes",
    "texts",
    "topics",
]

_ALPHABET = st.characters(
    blacklist_categories=["Cs"],
    blacklist_characters="\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
    "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\ufffe\uffff",
)


def texts(max_size: int = 40) -> st.SearchStrategy[str]:
    """Non-blank strings the model accepts (no control characters)."""
    return st.text(_ALPHABET, min_size=1, max_size=max_size).filter(lambda s: bool(s.strip()))


def _opt(strategy: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.none() | strategy


def language_tags() -> st.SearchStrategy[str]:
    """BCP 47 tags such as ``en``, ``en-AU``, ``zh-Hant-TW``, ``de-CH-1996``."""
    lang = st.sampled_from(["en", "de", "fi", "ru", "zh", "fr", "sv", "ast", "es"])
    script = st.sampled_from(["", "-Latn", "-Hant", "-Cyrl"])
    region = st.sampled_from(["", "-AU", "-US", "-GB", "-419", "-TW"])
    return st.builds(lambda a, b, c: a + b + c, lang, script, region)


_OFFSETS = st.integers(min_value=-14 * 60, max_value=14 * 60).map(
    lambda minutes: datetime.timezone(datetime.timedelta(minutes=minutes))
)


def date_values() -> st.SearchStrategy[m.DateValue]:
    """Plain days, naive datetimes, and aware datetimes with any whole-minute offset."""
    days = st.dates(min_value=datetime.date(1, 1, 2), max_value=datetime.date(9999, 12, 30))
    naive = st.datetimes(
        min_value=datetime.datetime(1, 1, 2), max_value=datetime.datetime(9999, 12, 30)
    )
    aware = st.datetimes(
        min_value=datetime.datetime(1, 1, 2),
        max_value=datetime.datetime(9999, 12, 30),
        timezones=_OFFSETS,
    )
    return st.one_of(days, naive, aware)


def _urls() -> st.SearchStrategy[str]:
    path = st.text("abcdefghijklmnopqrstuvwxyz0123456789-_/", min_size=0, max_size=20)
    return st.builds(lambda p: f"https://example.com/{p}", path)


def inlines(max_leaves: int = 8) -> st.SearchStrategy[tuple[m.Inline, ...]]:
    """Inline content: text with links, emphasis, strong, inline quotes and breaks."""

    def extend(
        children: st.SearchStrategy[tuple[m.Inline, ...]],
    ) -> st.SearchStrategy[tuple[m.Inline, ...]]:
        node = st.one_of(
            st.builds(
                lambda c, u, t: m.Link(content=c, url=u, title=t), children, _urls(), _opt(texts())
            ),
            st.builds(lambda c: m.Emphasis(content=c), children),
            st.builds(lambda c: m.Strong(content=c), children),
            st.builds(lambda c, u: m.InlineQuote(content=c, cite=u), children, _opt(_urls())),
        )
        return st.lists(node | texts() | st.just(m.LineBreak()), max_size=4).map(
            lambda items: m.Paragraph(content=tuple(items)).content
        )

    leaf = st.lists(texts(), min_size=1, max_size=2).map(
        lambda xs: m.Paragraph(content=tuple(xs)).content
    )
    return st.recursive(leaf, extend, max_leaves=max_leaves)


def photos() -> st.SearchStrategy[m.Photo]:
    """Photos with captions, credits, sizes and renditions."""
    rendition = st.builds(
        m.Rendition,
        url=_urls(),
        name=_opt(texts(12)),
        media_type=_opt(st.sampled_from(["image/jpeg", "image/png", "image/webp"])),
        width=_opt(st.integers(1, 10000)),
        height=_opt(st.integers(1, 10000)),
        size=_opt(st.integers(0, 10**9)),
    )
    return st.builds(
        m.Photo,
        url=_opt(_urls()),
        caption=_opt(texts(80)),
        credit=_opt(texts(20)),
        alt=_opt(texts(40)),
        photographer=_opt(texts(20)),
        width=_opt(st.integers(1, 10000)),
        height=_opt(st.integers(1, 10000)),
        renditions=st.lists(rendition, max_size=3).map(tuple),
        id=_opt(texts(20)),
    )


def blocks(max_leaves: int = 6) -> st.SearchStrategy[m.Block]:
    """Body blocks of every kind, nested through block quotes and lists."""
    content = inlines(4)
    cell = st.builds(
        m.TableCell,
        content=content,
        header=st.booleans(),
        colspan=st.integers(1, 3),
        rowspan=st.integers(1, 3),
    )
    table = st.builds(
        m.Table,
        rows=st.lists(
            st.builds(m.TableRow, cells=st.lists(cell, max_size=3).map(tuple)), max_size=3
        ).map(tuple),
        caption=content,
    )
    leaf = st.one_of(
        st.builds(m.Paragraph, content=content),
        st.builds(m.Heading, content=content, level=st.integers(1, 6)),
        st.builds(m.Figure, photo=photos()),
        table,
        st.builds(
            m.RawEmbed,
            format=st.sampled_from(["text/html", "application/json", "twitter"]),
            content=texts(60),
            url=_opt(_urls()),
        ),
    )

    def extend(children: st.SearchStrategy[m.Block]) -> st.SearchStrategy[m.Block]:
        return st.one_of(
            st.builds(
                m.BlockQuote,
                blocks=st.lists(children, max_size=3).map(tuple),
                cite=_opt(_urls()),
                attribution=content,
            ),
            st.builds(
                m.ListBlock,
                items=st.lists(st.lists(children, max_size=2).map(tuple), max_size=3).map(tuple),
                ordered=st.booleans(),
            ),
        )

    return st.recursive(leaf, extend, max_leaves=max_leaves)


def bylines() -> st.SearchStrategy[m.Byline]:
    """People and organisations with roles, affiliations and links."""
    return st.builds(
        m.Byline,
        name=texts(30),
        kind=st.sampled_from(m.BylineKind),
        role=_opt(st.sampled_from(["reporter", "photographer", "editor"]) | texts(15)),
        affiliation=_opt(texts(20)),
        url=_opt(_urls()),
    )


def topics() -> st.SearchStrategy[m.Topic]:
    """Topics of every kind, with or without codes."""
    return st.builds(
        m.Topic,
        name=texts(30),
        kind=st.sampled_from(m.TopicKind),
        qcode=_opt(st.builds(lambda c: f"medtop:{c}", st.integers(10000000, 20001500))),
        uri=_opt(_urls()),
        scheme=_opt(texts(15)),
        relevance=_opt(st.integers(0, 100)),
        confidence=_opt(st.integers(0, 100)),
    )


@st.composite
def quotes(draw: st.DrawFn) -> m.Quote:
    """Quotes with speakers, verbs and positions."""
    part = draw(st.none() | st.sampled_from(m.QuotePart))
    start = draw(st.none() | st.integers(0, 5000))
    end = None if start is None else start + draw(st.integers(0, 500))
    return m.Quote(
        text=draw(texts(80)),
        speaker=draw(_opt(texts(30))),  # type: ignore[arg-type]
        mention=draw(_opt(texts(15))),  # type: ignore[arg-type]
        speaker_role=draw(_opt(texts(30))),  # type: ignore[arg-type]
        verb=draw(_opt(st.sampled_from(["said", "told", "according to", "wrote"]))),  # type: ignore[arg-type]
        kind=draw(st.sampled_from(m.QuoteKind)),
        part=part,
        block=draw(st.integers(0, 50))
        if part is m.QuotePart.BODY and draw(st.booleans())
        else None,
        start=start,
        end=end,
    )


def articles(max_blocks: int = 6) -> st.SearchStrategy[m.Article]:
    """Articles using every field of the model."""
    return st.builds(
        m.Article,
        id=_opt(texts(30)),
        url=_opt(_urls()),
        headline=_opt(texts(80)),
        subheadline=_opt(texts(60)),
        summary=_opt(texts(120)),
        body=st.lists(blocks(), max_size=max_blocks).map(tuple),
        bylines=st.lists(bylines(), max_size=3).map(tuple),
        photos=st.lists(photos(), max_size=3).map(tuple),
        topics=st.lists(topics(), max_size=3).map(tuple),
        quotes=st.lists(quotes(), max_size=3).map(tuple),
        published=_opt(date_values()),
        modified=_opt(date_values()),
        language=_opt(language_tags()),
        publisher=_opt(
            st.builds(m.Publisher, name=texts(20), url=_opt(_urls()), logo=_opt(_urls()))
        ),
        dateline=_opt(st.builds(m.Dateline, text=texts(30), location=_opt(texts(20)))),
        rights=_opt(
            st.builds(
                m.Rights, notice=texts(40), holder=_opt(texts(20)), usage_terms=_opt(texts(40))
            )
        ),
        creditline=_opt(texts(20)),
        version=_opt(st.integers(1, 10**6)),
        status=_opt(st.sampled_from(m.PubStatus)),
        urgency=_opt(st.integers(1, 9)),
        embargo=_opt(date_values()),
        slugline=_opt(texts(20)),
        ed_note=_opt(texts(40)),
        genres=st.lists(topics(), max_size=2).map(tuple),
        alt_ids=st.lists(st.builds(m.AltId, value=texts(20), type=_opt(texts(10))), max_size=2).map(
            tuple
        ),
        links=st.lists(
            st.builds(
                m.RelatedLink,
                url=_urls(),
                rel=_opt(texts(10)),
                title=_opt(texts(20)),
                media_type=_opt(texts(10)),
            ),
            max_size=2,
        ).map(tuple),
    )
