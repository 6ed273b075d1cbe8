"""Quote extraction on hand-written texts (shapes of real news writing)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsmodel
from newsmodel import model as m
from newsmodel.quotes import extract, extract_article, find
from tests.conftest import INDAILY_TXT
from tests.expected import expected_article


def one(text: str) -> m.Quote:
    quotes = extract(text)
    assert len(quotes) == 1, quotes
    return quotes[0]


def test_indaily_quotes() -> None:
    article = newsmodel.read_file(INDAILY_TXT)
    assert article.quotes == expected_article().quotes
    speakers = [(q.speaker, q.verb, q.kind.value) for q in article.quotes]
    assert speakers[0] == ("Dmitry Peskov", "told", "direct")
    assert speakers[1] == ("Dmitry Peskov", "said", "partial")  # "he"
    assert article.quotes[1].mention == "he"
    assert article.quotes[3].mention == "Rantanen" and article.quotes[3].speaker == "Mari Rantanen"
    assert all("direct confrontation’" not in q.text for q in article.quotes)
    assert not any(q.text.startswith("instrumentalised,") for q in article.quotes)


def test_spans_point_at_the_words() -> None:
    article = expected_article()
    for quote in article.quotes:
        assert quote.block is not None and quote.start is not None and quote.end is not None
        assert m.block_text(article.body[quote.block])[quote.start : quote.end] == quote.text
    text = 'Intro.\n\n"We will win," she said.'
    quote = one(text)
    assert quote.start is not None and text[quote.start : quote.end] == "We will win,"
    assert quote.part is m.QuotePart.TEXT


@pytest.mark.parametrize(
    ("text", "speaker", "verb", "role"),
    [
        ("“We will not back down,” Jane Doe said.", "Jane Doe", "said", None),
        (
            "“We will not back down,” said Jane Doe, a spokeswoman for the union.",
            "Jane Doe",
            "said",
            "a spokeswoman for the union",
        ),
        ("Jane Doe told reporters: “We will not back down.”", "Jane Doe", "told", None),
        (
            "Foreign Minister Jane Doe said: “We will not back down.”",
            "Jane Doe",
            "said",
            "Foreign Minister",
        ),
        (
            '"We will not back down," the ministry said in a statement.',
            "the ministry",
            "said",
            None,
        ),
        (
            "“We will not back down,” Doe, the union leader, said.",
            "Doe",
            "said",
            "the union leader",
        ),
        ("“We will not back down,” according to Jane Doe.", "Jane Doe", "according to", None),
        ("“We will not back down,” Jane Doe added.", "Jane Doe", "added", None),
        ("“We will not back down,” Jane Doe wrote on Twitter.", "Jane Doe", "wrote", None),
    ],
)
def test_speaker_and_verb(text: str, speaker: str, verb: str, role: str | None) -> None:
    quote = one(text)
    assert (quote.speaker, quote.verb, quote.speaker_role) == (speaker, verb, role)
    assert quote.kind is m.QuoteKind.DIRECT


def test_speaker_between_two_parts() -> None:
    quotes = extract("“We will not back down,” Jane Doe said. “Not now, not ever.”")
    assert [q.text for q in quotes] == ["We will not back down,", "Not now, not ever."]
    assert [q.speaker for q in quotes] == ["Jane Doe", "Jane Doe"]


def test_partial_quotes() -> None:
    quote = one("Trump called the plan “unhinged.”")
    assert (quote.kind, quote.speaker, quote.verb) == (m.QuoteKind.PARTIAL, "Trump", "called")
    quote = one("The minister said the deal was “a betrayal of voters”, adding she would fight it.")
    assert quote.kind is m.QuoteKind.PARTIAL and quote.speaker == "The minister"


def test_not_quotes() -> None:
    assert extract("Russia in ‘direct confrontation’ with NATO") == ()
    assert extract("By “instrumentalised,” he was referring to the steering of migrants.") == ()
    assert extract("She starred in the film “The Long Road Home” last year.") == ()
    assert extract("The so-called “Ferguson effect” was debated.") == ()
    assert extract("He reads the “Daily Planet” every morning before work.") == ()
    assert extract('Sanders told MSNBC\'s "Morning Joe" that nobody would question her.') == ()
    assert extract("On “Face the Nation,” the senator spoke about the budget.") == ()


def test_surnames_and_pronouns_resolve() -> None:
    text = (
        "Interior Minister Mari Rantanen spoke on Friday.\n\n"
        "“The border stays closed,” Rantanen said.\n\n"
        "Kremlin spokesman Dmitry Peskov disagreed.\n\n"
        "“This is a mistake,” he said."
    )
    quotes = extract(text)
    assert [(q.mention, q.speaker) for q in quotes] == [
        ("Rantanen", "Mari Rantanen"),
        ("he", "Dmitry Peskov"),
    ]


def test_quote_over_several_paragraphs() -> None:
    text = (
        "“We have worked for years on this plan. It will change the city for the better.\n\n"
        "“Nobody should doubt that we will deliver it,” the mayor said."
    )
    quotes = extract(text)
    assert len(quotes) == 2
    assert {q.speaker for q in quotes} == {"the mayor"}


def test_quote_after_a_colon_paragraph() -> None:
    quotes = extract("The senator said:\n\n“This bill is a disgrace and I will vote against it.”")
    assert quotes and quotes[0].speaker == "The senator"


@pytest.mark.parametrize(
    ("text", "speaker", "verb", "role"),
    [
        # appositives between the quote and the verb
        (
            "“The veto will be overridden,” Senate leader Mitch McConnell, R-Ky., said Tuesday.",
            "Mitch McConnell",
            "said",
            "Senate leader",
        ),
        ("“They want us to shut up,” Quina Jones, 25, said.", "Quina Jones", "said", "25"),
        # an inverted verb with a speaker described in lower case
        (
            "“October gave her a lift,” said former Obama adviser David Axelrod.",
            "David Axelrod",
            "said",
            "former Obama adviser",
        ),
        # a name right before the verb after an opening phrase without a comma
        (
            "In a Bloomberg interview Trump declared “NATO may be obsolete.”",
            "Trump",
            "declared",
            None,
        ),
        # a question ends its sentence; the attribution still follows
        ("“Would it be negotiable?” Hannity pressed.", "Hannity", "pressed", None),
        # mixed typographic and straight marks
        ('“If this test is confirmed, it is a failure," he said.', None, "said", None),
    ],
)
def test_more_attribution_shapes(
    text: str, speaker: str | None, verb: str, role: str | None
) -> None:
    quote = one(text)
    assert (quote.speaker, quote.verb, quote.speaker_role) == (speaker, verb, role)
    if speaker is None:
        assert quote.mention == "he"


def test_attribution_after_a_phrase_and_second_verbs() -> None:
    quotes = extract('"This will be a challenge" for Clinton, said Kunin. "She cannot win."')
    assert [(q.speaker, q.verb) for q in quotes] == [("Kunin", "said"), ("Kunin", "said")]
    quotes = extract("“We will see,” he said, adding: “I don’t think it’s fair.”")
    assert [(q.mention, q.verb) for q in quotes] == [("he", "said"), ("he", "adding")]
    quotes = extract(
        '"Should the dealer be sued?" Sanders asked, shaking his head no. "But I do think so."'
    )
    assert [q.speaker for q in quotes] == ["Sanders", "Sanders"]


def test_speakers_in_other_places() -> None:
    quote = one("Said Ellis: “I don’t get the sense she’s interested in tax reform.”")
    assert (quote.speaker, quote.verb) == ("Ellis", "Said")
    quote = one("Speaking again, he\xa0went on to recite a passage, saying: “This know also.”")
    assert quote.mention == "he"
    quote = one("Kerry talks to Russia, Schiff said. “The other factor is the timing of it all.”")
    assert (quote.speaker, quote.verb) == ("Schiff", "said")
    quotes = extract(
        "“The whole idea is something we hear about all the time.”\n\n-Michelle Marks, Philadelphia."
    )
    assert [q.speaker for q in quotes] == ["Michelle Marks"]
    quote = one("FLINT, Mich., Oct. 4 (UPI) — Bill Clinton criticized the law as a “crazy system.”")
    assert quote.speaker == "Bill Clinton"


def test_sentence_and_subject_edges() -> None:
    quote = one("Chris Cox spoke about attacks in the U.S. He says people need no “lectures.”")
    assert quote.mention == "He"
    quote = one(
        "At a town hall in Salem, New Hampshire, Trump went after Bush, calling him “a stiff.”"
    )
    assert quote.speaker == "Trump"
    quote = one("Rantanen, the minister, went on to call the plan “a disgrace to all of us.”")
    assert quote.speaker == "Rantanen"


def test_words_that_are_not_speakers() -> None:
    quote = one("Wait, it gets better:\n\n“By law, the president sets the number every year.”")
    assert quote.speaker is None
    quote = one("Twenty-two years ago, a Times article hailed Trump as “The Comeback Kid” for it.")
    assert quote.mention == "a Times"
    quote = one("Boos rained down when Trump called the plan “a disaster” for the state.")
    assert quote.speaker == "Trump"


def test_introduced_and_standalone_quotes() -> None:
    quote = one("Clinton: “Our goal is not to contain ISIS but to defeat it.”")
    assert (quote.kind, quote.speaker) == (m.QuoteKind.DIRECT, "Clinton")
    quote = one("According to the campaign, “The speech will be delivered on Monday.”")
    assert quote.speaker == "the campaign"
    quotes = extract("Trump was quick to add a condition.\n\n“Building it? Not negotiable.”")
    assert [q.text for q in quotes] == ["Building it? Not negotiable."]
    # a long clause in marks is somebody's words even without a speech verb
    quote = one("Crist, his rival, “would say or do anything to win an election.”")
    assert quote.kind is m.QuoteKind.PARTIAL and quote.speaker is None


def test_credit_lines_and_paragraph_opening_closing_mark() -> None:
    text = (
        "”He does not listen to us.” ― Jane Doe\n"
        "“He has never been to our town.”\xa0― John Roe\n"
        "“We will vote.” ― Ana Lima"
    )
    assert [(q.text, q.speaker) for q in extract(text)] == [
        ("He does not listen to us.", "Jane Doe"),
        ("He has never been to our town.", "John Roe"),
        ("We will vote.", "Ana Lima"),
    ]


def test_names_people_give() -> None:
    quotes = extract("Trump called the pageant winner “Miss Piggy” and “Miss Housekeeping.”")
    assert [(q.text, q.speaker, q.kind) for q in quotes] == [
        ("Miss Piggy", "Trump", m.QuoteKind.PARTIAL),
        ("Miss Housekeeping.", "Trump", m.QuoteKind.PARTIAL),
    ]
    quote = one("Trump openly admires Putin as a “strong leader,” comparing him to others.")
    assert quote.speaker == "Trump" and quote.kind is m.QuoteKind.PARTIAL
    quote = one("Clinton is describing as “unhinged” a tweet about a former pageant winner.")
    assert quote.text == "unhinged"
    # a name, not anybody's words
    assert extract("The bill, known as the “Justice Against Sponsors of Terror Act”, passed.") == ()
    assert extract("It ran a film called “The Long Road Home” last year.") == ()
    assert extract("The groups want a “special meeting” to vote on a call for “reform”.") == ()


def test_nested_and_unbalanced_marks_do_not_crash() -> None:
    quotes = extract("“He told me ‘never again’ and I believed him,” Jane Doe said.")
    assert quotes[0].text == "He told me ‘never again’ and I believed him,"
    for text in (
        "“Unclosed quote and more",
        "Closing only” here",
        '"',
        "“”",
        "‘’’‘",
        "x “ y ” z “",
    ):
        extract(text)


def test_a_paragraph_of_thousands_of_quotes_is_cut_short() -> None:
    # not prose: only the first 200 quotations of one paragraph are looked at
    matches = find("“We will,” he said. " * 3000)
    assert len(matches) == 200
    assert all(match.verb == "said" for match in matches)
    # many paragraphs are prose, each looked at
    assert len(find("“We will,” Jane Doe said.\n\n" * 300)) == 300


def test_reported_speech_on_request() -> None:
    text = (
        "Kremlin spokesman Dmitry Peskov told reporters on Friday that NATO was already "
        "involved in the conflict.\n\n"
        "The plan will fail within a year, Jane Doe said.\n\n"
        "According to the ministry, the border will stay closed until March.\n\n"
        "“We will not back down,” Doe said. She said the union would strike on Monday.\n\n"
        "Doe said the strike was “the only way” and more."
    )
    assert all(q.kind is not m.QuoteKind.INDIRECT for q in extract(text))
    found = [(q.kind, q.text, q.speaker, q.verb) for q in extract(text, indirect=True)]
    indirect = m.QuoteKind.INDIRECT
    assert found == [
        (indirect, "NATO was already involved in the conflict", "Dmitry Peskov", "told"),
        (indirect, "The plan will fail within a year", "Jane Doe", "said"),
        (indirect, "the border will stay closed until March", "the ministry", "According to"),
        (m.QuoteKind.DIRECT, "We will not back down,", "Jane Doe", "said"),
        (indirect, "the union would strike on Monday", "Jane Doe", "said"),
        # a sentence with quotation marks gives its quote only, never reported speech too
        (m.QuoteKind.PARTIAL, "the only way", "Jane Doe", "said"),
    ]
    for quote in extract(text, indirect=True):
        assert quote.start is not None and text[quote.start : quote.end] == quote.text
    # not reported speech: no speech verb, or nothing reported after it
    assert extract("The council met on Monday and voted for the plan.", indirect=True) == ()
    assert extract("Jane Doe said nothing.", indirect=True) == ()


def test_straight_quotes() -> None:
    quote = one('"It is over," Jane Doe said.')
    assert quote.text == "It is over," and quote.speaker == "Jane Doe"


def test_marked_up_quotes() -> None:
    article = m.Article(
        body=[
            m.BlockQuote(
                blocks=[m.Paragraph(content=["Ask not what your country can do."])],
                attribution=["John F. Kennedy"],
            ),
            m.Paragraph(
                content=["He repeated ", m.InlineQuote(content=["never again"]), " twice."]
            ),
        ]
    )
    quotes = extract_article(article)
    assert quotes[0] == m.Quote(
        text="Ask not what your country can do.",
        speaker="John F. Kennedy",
        mention="John F. Kennedy",
        part=m.QuotePart.BODY,
        block=0,
    )
    assert quotes[1].text == "never again" and quotes[1].block == 1 and quotes[1].start == 12


def test_summary_quotes() -> None:
    article = m.Article(summary="“We are ready,” the coach said before the final.")
    quote = extract_article(article)[0]
    assert (
        quote.part is m.QuotePart.SUMMARY and quote.block is None and quote.speaker == "the coach"
    )


def test_readers_extract_by_default_and_can_skip() -> None:
    data = INDAILY_TXT.read_bytes()
    assert len(newsmodel.read(data, format="text").quotes) == 6
    assert newsmodel.read(data, format="text", quotes=False).quotes == ()


def test_find_gives_mention_and_verb_spans() -> None:
    text = "“Go,” Jane Doe said."
    match = find(text)[0]
    assert match.mention_span is not None and text[slice(*match.mention_span)] == "Jane Doe"
    assert match.verb_span is not None and text[slice(*match.verb_span)] == "said"


@given(
    st.lists(
        st.sampled_from([*"ab “”‘’\"',.:\n", " said ", " he ", " Jane Doe ", " that ", "\n\n"]),
        max_size=120,
    ).map("".join)
)
def test_random_text_never_crashes(text: str) -> None:
    for quote in extract(text, indirect=True):
        assert quote.start is not None and quote.end is not None
        assert text[quote.start : quote.end] == quote.text
