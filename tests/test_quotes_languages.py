"""Quotes in the marks and speech verbs of other languages (invented names and words)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel import model as m
from newsmodel.quotes import extract, extract_article, find
from newsmodel.vocab import QUOTE_LANGUAGES


def _said(text: str, *, language: str | None = None) -> list[tuple[str, str | None, str | None]]:
    return [(q.text, q.speaker, q.verb) for q in extract(text, language=language)]


@pytest.mark.parametrize("language", QUOTE_LANGUAGES, ids=lambda language: language.tag)
def test_each_language_finds_the_quote_and_speaker_of_its_example(language: object) -> None:
    assert isinstance(language, tuple)
    (quote,) = extract(language.example)  # type: ignore[attr-defined]
    assert quote.speaker and quote.verb
    assert quote.speaker in language.example  # type: ignore[attr-defined]


def test_german() -> None:
    assert _said("„Die Fähre fährt ab Montag wieder“, sagte Bürgermeisterin Greta Holmfeld.") == [
        ("Die Fähre fährt ab Montag wieder", "Greta Holmfeld", "sagte")
    ]
    (quote,) = extract("„Die Fähre fährt ab Montag wieder“, sagte Bürgermeisterin Greta Holmfeld.")
    assert quote.speaker_role == "Bürgermeisterin"
    assert _said("Jonas Wielander erklärte: „Der Hafen bleibt offen.“") == [
        ("Der Hafen bleibt offen.", "Jonas Wielander", "erklärte")
    ]
    assert _said("»Der Hafen bleibt offen«, betonte Jonas Wielander.") == [
        ("Der Hafen bleibt offen", "Jonas Wielander", "betonte")
    ]
    assert _said("„Der Hafen bleibt offen“, so Jonas Wielander.") == [
        ("Der Hafen bleibt offen", "Jonas Wielander", "so")
    ]
    assert _said("Laut Jonas Wielander ist der Plan „noch lange nicht fertig“.") == [
        ("noch lange nicht fertig", "Jonas Wielander", "Laut")
    ]
    # nested marks stay inside the outer quote
    nested = _said("„Er nannte es ‚eine Zumutung‘, und das stimmt“, sagte Greta Holmfeld.")
    assert nested == [("Er nannte es ‚eine Zumutung‘, und das stimmt", "Greta Holmfeld", "sagte")]


def test_german_pronoun_resolves_to_the_last_speaker() -> None:
    text = "„Wir sind bereit“, sagte Greta Holmfeld. „Der Plan steht“, sagte sie."
    quotes = extract(text)
    assert [(q.mention, q.speaker) for q in quotes] == [
        ("Greta Holmfeld", "Greta Holmfeld"),
        ("sie", "Greta Holmfeld"),
    ]


def test_french() -> None:
    assert _said("« Nous rouvrirons le quai en mai », a déclaré la maire Odile Marchetti.") == [
        ("Nous rouvrirons le quai en mai", "Odile Marchetti", "a déclaré")
    ]
    assert _said("Odile Marchetti a affirmé : « Le quai rouvrira en mai. »") == [
        ("Le quai rouvrira en mai.", "Odile Marchetti", "a affirmé")
    ]
    assert _said("Selon Odile Marchetti, « le quai rouvrira en mai ».") == [
        ("le quai rouvrira en mai", "Odile Marchetti", "Selon")
    ]
    assert _said("« Le quai rouvrira en mai », a dit Éloi Brunquell.") == [
        ("Le quai rouvrira en mai", "Éloi Brunquell", "a dit")
    ]


def test_spanish() -> None:
    assert _said("«Reabriremos el muelle en mayo», dijo la alcaldesa Lucía Ferrandis.") == [
        ("Reabriremos el muelle en mayo", "Lucía Ferrandis", "dijo")
    ]
    assert _said("Lucía Ferrandis afirmó: «El muelle abrirá en mayo.»") == [
        ("El muelle abrirá en mayo.", "Lucía Ferrandis", "afirmó")
    ]
    assert _said("«El muelle abrirá en mayo», según Lucía Ferrandis.") == [
        ("El muelle abrirá en mayo", "Lucía Ferrandis", "según")
    ]


def test_portuguese() -> None:
    assert _said("«Vamos reabrir o cais em maio», disse o prefeito Tiago Albernaz.") == [
        ("Vamos reabrir o cais em maio", "Tiago Albernaz", "disse")
    ]
    assert _said("Segundo Tiago Albernaz, «o cais reabre em maio».") == [
        ("o cais reabre em maio", "Tiago Albernaz", "Segundo")
    ]


def test_italian() -> None:
    assert _said("«Riapriremo il molo a maggio», ha detto il sindaco Marco Vettorello.") == [
        ("Riapriremo il molo a maggio", "Marco Vettorello", "ha detto")
    ]
    assert _said("Il sindaco Marco Vettorello ha dichiarato: «Il molo riapre a maggio».") == [
        ("Il molo riapre a maggio", "Marco Vettorello", "ha dichiarato")
    ]
    assert _said("Secondo Marco Vettorello, «il molo riapre a maggio».") == [
        ("il molo riapre a maggio", "Marco Vettorello", "Secondo")
    ]


def test_japanese_and_chinese() -> None:
    (quote,) = extract("山田市長は「港は五月に再開する」と述べた。")
    assert (quote.text, quote.speaker, quote.speaker_role) == ("港は五月に再開する", "山田", "市長")
    (quote,) = extract("市长王明说：「码头将在五月重新开放。」")
    assert (quote.text, quote.speaker, quote.speaker_role) == (
        "码头将在五月重新开放。",
        "王明",
        "市长",
    )
    # a nested quote stays inside the outer one
    (quote,) = extract("田中氏は「彼は『無理だ』と言ったが、港は開く」と語った。")
    assert quote.text == "彼は『無理だ』と言ったが、港は開く" and quote.speaker == "田中"


def test_a_quote_of_another_language_in_an_english_article_is_found() -> None:
    article = m.Article(
        headline="Ferry news",
        language="en",
        body=(
            m.Paragraph(content=("Across the border, the mayor was blunt.",)),
            m.Paragraph(content=("„Die Fähre fährt ab Montag“, sagte Greta Holmfeld.",)),
        ),
    )
    (quote,) = extract_article(article)
    assert (quote.text, quote.speaker, quote.block) == (
        "Die Fähre fährt ab Montag",
        "Greta Holmfeld",
        1,
    )


def test_the_article_language_adds_the_verbs_read_only_in_that_language() -> None:
    text = "“Der Hafen bleibt heute ganz offen”, so Jonas Wielander."
    assert _said(text, language="de-AT") == [
        ("Der Hafen bleibt heute ganz offen", "Jonas Wielander", "so")
    ]
    # in English "so" is no speech verb: the words are kept, nobody is named
    assert [(q.speaker, q.verb) for q in extract(text)] == [(None, None)]
    english = "“The harbour stays open all night,” so Jonas Wielander went home."
    assert [q.verb for q in extract(english)] == [None]


def test_english_quotes_are_unchanged_by_the_new_marks() -> None:
    assert _said("“We will reopen the pier in May,” said Éloi Brunquell, the harbour master.") == [
        ("We will reopen the pier in May,", "Éloi Brunquell", "said")
    ]


_PIECES = [
    *"ab “”„“»«「」『』‚‘,.:。\n",
    " sagte ",
    " a déclaré ",
    " dijo ",
    " selon ",
    " so ",
    "と述べた",
    "说：",
    " Greta Holmfeld ",
    "\n\n",
]


@given(
    st.lists(st.sampled_from(_PIECES), max_size=120).map("".join),
    st.sampled_from([None, "de", "fr"]),
)
def test_random_text_in_many_marks_never_crashes(text: str, language: str | None) -> None:
    for match in find(text, indirect=True, language=language):
        assert text[match.start : match.end] == match.text
        if match.mention_span is not None:
            assert text[slice(*match.mention_span)] == match.mention
