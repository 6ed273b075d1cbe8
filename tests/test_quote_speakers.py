"""Who said a quote when the words around it could name somebody else: the class
rules that keep a speaker from being picked where the text does not give it.

Every sentence here is made up (placeholder names and places).
"""

from __future__ import annotations

import pytest

from newsmodel import model as m
from newsmodel.quotes import extract


def by_text(text: str) -> dict[str, m.Quote]:
    return {q.text.rstrip(".,!?"): q for q in extract(text)}


def test_the_next_sentence_of_a_partial_quote_is_not_its_attribution() -> None:
    # the quote ends a sentence that has its own verb; the next sentence is another voice
    text = (
        "Eastland branded Westmark an “outlaw harbour in the bay.” Northby insisted that "
        "Westmark “stop its games.”"
    )
    quotes = by_text(text)
    assert quotes["outlaw harbour in the bay"].mention == "Eastland"
    assert quotes["stop its games"].mention == "Northby"


def test_a_short_sentence_after_a_quote_that_opens_its_sentence_still_attributes_it() -> None:
    quotes = by_text("“Would the fare go up?” Brandt pressed. Nobody answered.")
    assert quotes["Would the fare go up"].speaker == "Brandt"


def test_a_long_sentence_that_opens_with_speaker_and_verb_attributes_the_quote() -> None:
    text = (
        "Mara Lindqvist spoke first.\n\n"
        "“Who do they think they are?” Tomas Reyes said of the ferry board on Monday, "
        "when the board turned down the plan for the third time."
    )
    quote = by_text(text)["Who do they think they are"]
    assert quote.speaker == "Tomas Reyes"
    assert quote.verb == "said"


@pytest.mark.parametrize(
    ("text", "quoted", "speaker"),
    [
        (
            "Retired Col. Ana Okafor said the mayor was “absolutely right” when he said "
            "the pier would close.",
            "absolutely right",
            "Ana Okafor",
        ),
        (
            "Council leader Jeno Vark said it was “a mistake” to sell the pier, but she "
            "denied that the vote was rushed.",
            "a mistake",
            "Jeno Vark",
        ),
        (
            "Dana Quill said the board would take “robust steps” in reply, and he urged the "
            "port to reopen talks.",
            "robust steps",
            "Dana Quill",
        ),
    ],
)
def test_a_new_clause_after_a_quote_does_not_take_it_from_the_speaker_before(
    text: str, quoted: str, speaker: str
) -> None:
    quote = by_text(text)[quoted]
    assert quote.speaker == speaker
    assert quote.verb == "said"


def test_a_new_clause_does_not_stop_an_attribution_when_nothing_came_before() -> None:
    quote = by_text("“We will not back down,” and Jane Doe said it twice.")["We will not back down"]
    assert quote.speaker == "Jane Doe"


def test_a_quote_with_its_own_verb_takes_no_speaker_from_the_paragraph_before() -> None:
    text = (
        "“The levy is unfair,” Jane Doe said.\n\n"
        "“Better watch the harbour board this winter,” tweeted another."
    )
    quotes = by_text(text)
    assert quotes["The levy is unfair"].speaker == "Jane Doe"
    later = quotes["Better watch the harbour board this winter"]
    assert later.verb == "tweeted"
    assert later.speaker is None and later.mention is None


def test_a_quote_without_a_verb_still_takes_the_voice_of_the_paragraph_before() -> None:
    text = (
        "“The levy is unfair,” Jane Doe said.\n\n"
        "“And the board knows it. Everyone in Port Halden knows it.”"
    )
    quotes = by_text(text)
    assert quotes["And the board knows it. Everyone in Port Halden knows it"].speaker == "Jane Doe"


def test_a_signed_quote_does_not_sign_the_next_one() -> None:
    text = (
        "“The ferry is late every single morning of the week.” ― Ana Lima\n"
        "“Nobody at the harbour office ever answers the phone when we call.”"
    )
    quotes = by_text(text)
    assert quotes["The ferry is late every single morning of the week"].speaker == "Ana Lima"
    assert (
        quotes["Nobody at the harbour office ever answers the phone when we call"].speaker is None
    )


def test_an_abbreviated_title_with_its_full_stop_is_a_role() -> None:
    quote = by_text("Retired Col. Ana Okafor said: “The pier stays open all winter.”")[
        "The pier stays open all winter"
    ]
    assert (quote.speaker, quote.speaker_role) == ("Ana Okafor", "Retired Col.")


@pytest.mark.parametrize(
    ("text", "quoted", "speaker"),
    [
        ("“Go home,” Jane Doe said as the heckler yelled: “You lost!”", "You lost", "the heckler"),
        (
            "The board voted after Tomas Reyes warned: “This will fail.”",
            "This will fail",
            "Tomas Reyes",
        ),
        (
            "Nobody moved until the harbour master shouted: “Clear the pier now!”",
            "Clear the pier now",
            "the harbour master",
        ),
    ],
)
def test_the_speaker_of_a_verb_in_a_clause_is_the_clause_subject(
    text: str, quoted: str, speaker: str
) -> None:
    assert by_text(text)[quoted].speaker == speaker
