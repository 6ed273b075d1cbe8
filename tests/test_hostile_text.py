"""Hostile plain text: the text reader and the quote finder stay linear.

Each test times one shape of input at a size N and at 2N (the best of three
runs, in CPU time) and asserts the larger one costs less than 3.5 times the
smaller: a quadratic path costs four times as much, a cubic one eight. The
sizes are ones where the old code failed the ratio clearly.
"""

from __future__ import annotations

import gc
import re
import time
from collections.abc import Callable

import attrs
import pytest

import newsmodel
from newsmodel import model as m
from newsmodel import quotes

#: Doubling the input may cost at most this much more (linear is 2, quadratic 4).
MAX_RATIO = 3.5
#: Times below this are timer noise on a shared machine (a few milliseconds of another
#: process's work land in a small run): the ratio is taken against at least this.
NOISE_FLOOR = 0.01
#: Timings of each input; the best is kept (noise only ever adds time).
TIMINGS = 5


def _best(work: Callable[[], object]) -> float:
    times = []
    for _ in range(TIMINGS):
        gc.collect()  # a collection falling inside one timing would be noise, not cost
        gc.disable()
        try:
            start = time.process_time()
            work()
            times.append(time.process_time() - start)
        finally:
            gc.enable()
    return min(times)


def _assert_linear(make: Callable[[int], str], work: Callable[[str], object], n: int) -> None:
    small, large = make(n), make(2 * n)
    work(small)  # warm caches (compiled patterns, imports) before timing
    t_small = _best(lambda: work(small))
    t_large = _best(lambda: work(large))
    ratio = t_large / max(t_small, NOISE_FLOOR)
    assert ratio < MAX_RATIO, f"{t_small:.3f}s at n={n}, {t_large:.3f}s at n={2 * n}"


def _read(text: str) -> m.Article:
    return newsmodel.read(text, format="text")


# ---------------------------------------------------------------------------
# quotes placed back in the article's blocks


def _quoted_paragraphs(n: int) -> str:
    body = "\n\n".join(f"Jane Doe{i % 7} said: “It is over, number {i}.”" for i in range(n))
    return f"Headline\n\n{body}\n"


def test_quotes_of_many_paragraphs_keep_their_blocks_and_spans() -> None:
    article = _read(_quoted_paragraphs(300))
    assert len(article.quotes) == 300
    for i, quote in enumerate(article.quotes):
        assert quote.block == i
        block_text = m.block_text(article.body[i])
        assert quote.start is not None and quote.end is not None
        assert block_text[quote.start : quote.end] == quote.text == f"It is over, number {i}."


def _article(n: int) -> m.Article:
    return m.Article(
        headline="Headline",
        summary="A standfirst, with no quotation.",
        body=tuple(
            m.Paragraph(content=(f"Jane Doe{i % 7} said: “It is over, number {i}.”",))
            for i in range(n)
        ),
    )


def _fast_find(
    text: str, *, indirect: bool = False, language: str | None = None
) -> list[quotes.QuoteMatch]:
    """Every “…” of ``text`` as a quote: a stand-in for :func:`quotes.find` that costs
    almost nothing, so that the time measured is the placing of quotes in blocks."""
    return [
        quotes.QuoteMatch(
            match.start(1),
            match.end(1),
            match.group(1),
            m.QuoteKind.DIRECT,
            None,
            None,
            None,
            None,
            None,
            None,
        )
        for match in re.finditer("“([^”]*)”", text)
    ]


def test_quotes_are_placed_in_their_blocks_in_linear_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(quotes, "find", _fast_find)
    _assert_linear(str, lambda n: quotes.extract_article(_article(int(n))), 3_000)


def test_a_long_article_from_newsmodel_json_is_written_as_text_in_linear_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # reading finds the quotes; the writer declares them lost without searching again
    def make(n: int) -> str:
        return newsmodel.write(quotes.with_quotes(_article(n)), "newsmodel")

    def work(data: str) -> str:
        article = newsmodel.read(data, format="newsmodel")
        with pytest.warns(newsmodel.LossyConversionWarning, match="quotes"):
            return newsmodel.write(article, "text")

    monkeypatch.setattr(quotes, "find", _fast_find)
    _assert_linear(make, work, 3_000)


def test_a_long_article_from_newsmodel_json_keeps_its_quotes() -> None:
    article = quotes.with_quotes(_article(200))
    back = newsmodel.read(newsmodel.write(article, "newsmodel"), format="newsmodel")
    assert back.quotes == article.quotes
    assert [q.block for q in back.quotes] == list(range(200))
    assert [q.speaker for q in back.quotes[:7]] == [f"Jane Doe{i}" for i in range(7)]
    with pytest.raises(newsmodel.LossyConversionError) as lost:
        newsmodel.write(back, "text", strict=True)
    assert lost.value.fields == ("quotes",)  # text has no place for quote objects
    text = newsmodel.write(attrs.evolve(back, quotes=()), "text", strict=True)
    again = _read(text).quotes  # the standfirst is read back as the first paragraph
    assert [(q.text, q.speaker) for q in again] == [(q.text, q.speaker) for q in article.quotes]


# ---------------------------------------------------------------------------
# the text reader's line recognisers


@pytest.mark.parametrize("space", [" ", "\t", "\xa0"])
def test_a_run_of_spaces_between_two_letters_is_read_in_linear_time(space: str) -> None:
    def make(n: int) -> str:
        body = "\n\n".join(f"a{space * n}b" for _ in range(10))
        return f"Headline\n\n{body}\n"

    _assert_linear(make, _read, 1_500)
    article = _read(make(100))
    assert m.block_text(article.body[0]) == f"a{space * 100}b"


def test_a_caption_line_with_spaces_before_its_credit_is_still_a_caption() -> None:
    article = _read(f"Headline\n\nBody.\n\nA view of the city{' ' * 5_000}Photo: AP\n")
    assert article.photos == (m.Photo(caption="A view of the city", credit="AP"),)


def test_a_topics_line_with_a_run_of_spaces_is_split_in_linear_time() -> None:
    def make(n: int) -> str:
        return f"Headline\n\nBody.\n\nTopics: alpha{' ' * n}beta, gamma\n"

    _assert_linear(make, _read, 8_000)
    names = [t.name for t in _read(make(3)).topics]
    assert names == ["alpha   beta", "gamma"]


def _letters(i: int) -> str:
    """``i`` written in letters (a, b, …, ba, bb): distinct captions with no digits,
    which the date recogniser would look at."""
    out = ""
    while True:
        i, digit = divmod(i, 26)
        out = "abcdefghijklmnopqrstuvwxyz"[digit] + out
        if not i:
            return out


def test_many_distinct_photo_lines_are_kept_once_each_in_linear_time() -> None:
    def make(n: int) -> str:
        captions = "\n\n".join(f"Picture {_letters(i)}. Photo: AP" for i in range(n))
        return f"Headline\n\nStandfirst.\n\nBody text.\n\n{captions}\n\nPicture a. Photo: AP\n"

    _assert_linear(make, _read, 800)
    article = _read(make(50))
    assert len(article.photos) == 50
    assert len(list(m.figures(article.body))) == 50


# ---------------------------------------------------------------------------
# the quote finder on hostile paragraphs


def test_a_long_run_of_dots_is_scanned_for_sentence_ends_in_linear_time() -> None:
    def make(n: int) -> str:
        return f"“It is over,” Jane said. Then{'.' * n}”\n"

    def work(text: str) -> object:
        quotes._sentence_ends.cache_clear()  # each run finds the sentence ends again
        return quotes.find(text)

    _assert_linear(make, work, 4_000)


def test_spaces_between_a_speech_verb_and_its_quote_are_read_in_linear_time() -> None:
    def make(n: int) -> str:
        return "\n\n".join(f"Jane said{' ' * (n // 10)}—“It is over.”" for _ in range(10)) + "\n"

    _assert_linear(make, quotes.find, 1_500)
    found = quotes.find(make(100))
    assert [q.speaker for q in found] == ["Jane"] * 10


def test_a_sentence_handing_on_its_speaker_still_does() -> None:
    # the sentence before an unattributed quote is read near its end only (the
    # quadratic case is the long name-like word below); normal sentences are unchanged
    for filler in ("", "and then, after a long pause, " * 15):
        (found,) = quotes.find(f"Jane Doe said {filler}this:\n\n“It is over.”\n")
        assert found.speaker == "Jane Doe"


def test_lines_opening_quotes_in_one_paragraph_are_counted_once() -> None:
    _assert_linear(lambda n: "“a\n" * n, quotes.find, 20_000)


def test_a_long_name_like_word_before_a_verb_is_read_in_linear_time() -> None:
    # a sentence that hands its speaker on to the next paragraph
    def make(n: int) -> str:
        return f"By {'A-' * n} x said:\n\n“It is over, and we know it.”\n"

    _assert_linear(make, quotes.find, 4_000)


def test_a_dash_before_a_run_of_capitals_is_no_catastrophe() -> None:
    # a paragraph after a quote may credit it ("-Jane Doe, Adelaide."): its words are
    # no longer cut every possible way when the line turns out not to be a credit
    def make(n: int) -> str:
        return "\n\n".join(f"“It is over.”\n\n-{'A-' * n} x" for _ in range(10)) + "\n"

    _assert_linear(make, quotes.find, 20)
    found = quotes.find("“It is over.”\n\n-Jane Doe, Adelaide.\n")
    assert [(q.speaker, q.mention) for q in found] == [("Jane Doe", "Jane Doe")]


def test_a_copyright_line_with_a_run_of_tabs_still_names_its_publisher() -> None:
    def make(n: int) -> str:
        return f"Headline\n\nBody.\n\nCopyrigh{chr(9) * n}t © 2024 InDaily.\n"

    _assert_linear(make, _read, 20)
    publisher = _read(make(150)).publisher
    assert publisher is not None and publisher.name == "InDaily"


def test_spaces_after_a_credit_label_are_read_once() -> None:
    def make(n: int) -> str:
        lines = "\n\n".join(f"A view (Photo:{' ' * n}{'x' * 100}" for _ in range(5))
        return f"Headline\n\nBody.\n\nMore body.\n\n{lines}\n"

    _assert_linear(make, _read, 200)
    article = _read(f"Headline\n\nBody.\n\nA view (Photo:{' ' * 1_000}Jane Doe)\n")
    assert article.photos == (m.Photo(caption="A view", credit="Jane Doe"),)


def test_reported_speech_with_no_name_after_according_to_is_no_error() -> None:
    found = quotes.find("Aa. According to \t\t, the plan will fail badly.\n", indirect=True)
    assert found == []


def test_quote_finding_stops_at_its_bound_and_says_so() -> None:
    text = "\n\n".join(['"Yes," Ada Brook said.'] * (quotes.MAX_QUOTES + 300))
    with pytest.warns(newsmodel.NewsmodelWarning, match=f"after {quotes.MAX_QUOTES} quotations"):
        found = quotes.find(text)
    assert len(found) == quotes.MAX_QUOTES
    assert {q.speaker for q in found} == {"Ada Brook"}


# the marks of other languages: every opening mark is paired once, attribution is read
# within bounded windows around it


@pytest.mark.parametrize("opening", ["„", "»", "«", "「", "『"])
def test_unclosed_marks_of_other_languages_are_read_in_linear_time(opening: str) -> None:
    _assert_linear(lambda n: f"{opening}a, sagte Jane. " * n + "\n", quotes.find, 2_000)


def test_closed_marks_of_other_languages_are_read_in_linear_time() -> None:
    def make(n: int) -> str:
        return "".join(f"„Ja {i}“, sagte Greta Holmfeld. «Sí», dijo Lucía. " for i in range(n))

    _assert_linear(make, quotes.find, 500)
    found = quotes.find(make(3))
    assert [q.speaker for q in found] == ["Greta Holmfeld", "Lucía"] * 3


def test_a_long_run_of_ideographs_before_a_japanese_quote_is_read_in_linear_time() -> None:
    def make(n: int) -> str:
        return "\n\n".join(f"{'港' * (n // 10)}は「再開する」と述べた。" for _ in range(10)) + "\n"

    _assert_linear(make, quotes.find, 20_000)
    assert [q.text for q in quotes.find(make(100))] == ["再開する"] * 10


def test_a_paragraph_of_many_guillemets_stops_at_the_bound() -> None:
    text = "\n\n".join(["« Oui », a dit Odile Marchetti."] * (quotes.MAX_QUOTES + 50))
    with pytest.warns(newsmodel.NewsmodelWarning, match=f"after {quotes.MAX_QUOTES} quotations"):
        found = quotes.find(text)
    assert len(found) == quotes.MAX_QUOTES
    assert {q.speaker for q in found} == {"Odile Marchetti"}
