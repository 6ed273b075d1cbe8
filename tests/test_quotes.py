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
            '"We will not back down," the ministry said in a short note.',
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
    quote = one("Lindqvist called the plan “reckless.”")
    assert (quote.kind, quote.speaker, quote.verb) == (m.QuoteKind.PARTIAL, "Lindqvist", "called")
    quote = one("The minister said the deal was “a betrayal of voters”, adding she would fight it.")
    assert quote.kind is m.QuoteKind.PARTIAL and quote.speaker == "The minister"


def test_not_quotes() -> None:
    assert extract("Russia in ‘direct confrontation’ with NATO") == ()
    assert extract("By “instrumentalised,” he was referring to the steering of migrants.") == ()
    assert extract("She starred in the film “The Quiet Harbour” last year.") == ()
    assert extract("The so-called “Halden rule” was debated.") == ()
    assert extract("He reads the “Daily Planet” every morning before work.") == ()
    assert extract('Okafor told Harbour FM\'s "Early Tide" that the vote would go her way.') == ()
    assert extract("On “Harbour Watch,” the councillor spoke about the budget.") == ()


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
            "“The levy will be scrapped,” Council leader Mara Lindqvist, D-Ore., said Tuesday.",
            "Mara Lindqvist",
            "said",
            "Council leader",
        ),
        ("“They never ask us first,” Tomas Reyes, 41, said.", "Tomas Reyes", "said", "41"),
        # an inverted verb with a speaker described in lower case
        (
            "“The summer gave him a lift,” said former Lindqvist aide Petra Novak.",
            "Petra Novak",
            "said",
            "former Lindqvist aide",
        ),
        # a name right before the verb after an opening phrase without a comma
        (
            "In a Courier interview Okafor declared “The ferry may be obsolete.”",
            "Okafor",
            "declared",
            None,
        ),
        # a question ends its sentence; the attribution still follows
        ("“Would the fare go up?” Brandt pressed.", "Brandt", "pressed", None),
        # mixed typographic and straight marks
        ('“If the survey is right, the bridge is a failure," he said.', None, "said", None),
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
    quotes = extract(
        '"This will be a hard winter" for Lindqvist, said Marsh. "She cannot hold on."'
    )
    assert [(q.speaker, q.verb) for q in quotes] == [("Marsh", "said"), ("Marsh", "said")]
    quotes = extract("“We will wait,” he said, adding: “I don’t think the timetable is fair.”")
    assert [(q.mention, q.verb) for q in quotes] == [("he", "said"), ("he", "adding")]
    quotes = extract(
        '"Should the operator be fined?" Okafor asked, tapping the table. "I think it should."'
    )
    assert [q.speaker for q in quotes] == ["Okafor", "Okafor"]


def test_speakers_in_other_places() -> None:
    quote = one("Said Novak: “I never got the feeling he cared much about the rail strike.”")
    assert (quote.speaker, quote.verb) == ("Novak", "Said")
    quote = one("Speaking again, he\xa0went on to read a letter, saying: “Keep the lights on.”")
    assert quote.mention == "he"
    quote = one("Reyes talks to the unions, Marsh said. “The other question is who pays for it.”")
    assert (quote.speaker, quote.verb) == ("Marsh", "said")
    quotes = extract(
        "“The bus timetable is something we argue about every week.”\n\n-Ingrid Sole, Port Halden."
    )
    assert [q.speaker for q in quotes] == ["Ingrid Sole"]
    quote = one(
        "PORT HALDEN, Ore., Mar. 9 (HNS) — Ana Okafor criticized the levy as a “broken system.”"
    )
    assert quote.speaker == "Ana Okafor"


def test_sentence_and_subject_edges() -> None:
    quote = one("Tomas Reyes spoke about delays in the U.K. He says riders need no “lectures.”")
    assert quote.mention == "He"
    quote = one(
        "At a market hall in Eastby, North Halden, Okafor went after Marsh, calling him “a spoiler.”"
    )
    assert quote.speaker == "Okafor"
    quote = one("Rantanen, the minister, went on to call the plan “a disgrace to all of us.”")
    assert quote.speaker == "Rantanen"


def test_words_that_are_not_speakers() -> None:
    quote = one("Wait, it gets better:\n\n“By law, the council sets the fare every year.”")
    assert quote.speaker is None
    quote = one(
        "Thirty-one years ago, a Courier article hailed Okafor as “The Harbour Kid” for it."
    )
    assert quote.mention == "a Courier"
    quote = one("Jeers rang out when Lindqvist called the levy “a disaster” for the port.")
    assert quote.speaker == "Lindqvist"
    # clause openers are never speakers
    quote = one("Following Monday’s debate: “We lost the argument on fares.”")
    assert quote.mention is None
    quote = one("When asked, “We are not closing the pier,” Reyes said.")
    assert (quote.speaker, quote.verb) == ("Reyes", "said")


def test_introduced_and_standalone_quotes() -> None:
    quote = one("Lindqvist: “Our aim is not to delay the bridge but to finish it.”")
    assert (quote.kind, quote.speaker) == (m.QuoteKind.DIRECT, "Lindqvist")
    quote = one("According to the council, “The budget will be published on Thursday.”")
    assert quote.speaker == "the council"
    quote = one("The sign read, “Save the ferry.”")
    assert (quote.speaker, quote.verb) == ("The sign", "read")
    quotes = extract("Reyes was quick to add a condition.\n\n“Closing it? Not an option.”")
    assert [q.text for q in quotes] == ["Closing it? Not an option."]
    # a long clause in marks is somebody's words even without a speech verb
    quote = one("Marsh, his rival, “would promise anything to keep the harbour seat.”")
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
    quotes = extract("Lindqvist called the ferry captain “Admiral Late” and “Admiral Nowhere.”")
    assert [(q.text, q.speaker, q.kind) for q in quotes] == [
        ("Admiral Late", "Lindqvist", m.QuoteKind.PARTIAL),
        ("Admiral Nowhere.", "Lindqvist", m.QuoteKind.PARTIAL),
    ]
    quote = one("Reyes openly admires Brandt as a “steady hand,” comparing him to others.")
    assert quote.speaker == "Reyes" and quote.kind is m.QuoteKind.PARTIAL
    quote = one("She refers to the mayor as “Tom” in every speech.")
    assert (quote.text, quote.mention, quote.verb) == ("Tom", "She", "refers to")
    quote = one("Lindqvist is describing as “reckless” a post about a former harbour master.")
    assert quote.text == "reckless"
    # a name, not anybody's words
    assert extract("The bill, known as the “Harbour Bridge Funding Act”, passed.") == ()
    assert extract("It ran a film called “The Quiet Harbour” last year.") == ()
    assert extract("The unions want a “special session” to vote on a call for “action”.") == ()


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


@pytest.mark.parametrize(
    ("text", "mention", "speaker", "role"),
    [
        # a phrase of place or time after the name is no part of it
        (
            "Harbor Lines CEO Maren Tolvik in a press briefing said: “We are ready to sail.”",
            "Harbor Lines CEO Maren Tolvik",
            "Maren Tolvik",
            "Harbor Lines CEO",
        ),
        (
            "Trust president Ilse Marrow on Monday told reporters: “The ferry is never late.”",
            "Trust president Ilse Marrow",
            "Ilse Marrow",
            "Trust president",
        ),
        # a clause after the name
        (
            "Deputy Mayor Ilse Marrow condemned what she called “a betrayal of the town.”",
            "Deputy Mayor Ilse Marrow",
            "Ilse Marrow",
            "Deputy Mayor",
        ),
        # an adverb after the name
        (
            "Dana Quill gingerly said she was “not sure about the timing at all.”",
            "Dana Quill",
            "Dana Quill",
            None,
        ),
        # a home town after the name
        ("“Bring the ferry back,” said Jeno Vark of Eastby.", "Jeno Vark", "Jeno Vark", None),
        # a party and state in brackets, before the verb and after it
        (
            "“Bring the ferry back,” Rep. Dana Quill (D-Ore.) said.",
            "Rep. Dana Quill",
            "Dana Quill",
            "Rep.",
        ),
        (
            "“Bring the ferry back,” said Rep. Dana Quill (D-Ore.), a member of the panel.",
            "Rep. Dana Quill",
            "Dana Quill",
            "Rep.",
        ),
        (
            "“Bring the ferry back,” Rep. Dana Quill (D-Ore.), a member of the panel, said.",
            "Rep. Dana Quill",
            "Dana Quill",
            "Rep.",
        ),
        # a role in lower case, and an office with "of"
        (
            "“Bring the ferry back,” said conservative activist Tomas Brell.",
            "conservative activist Tomas Brell",
            "Tomas Brell",
            "conservative activist",
        ),
        (
            "“Bring the ferry back,” said Former Secretary of State Ilse Marrow.",
            "Former Secretary of State Ilse Marrow",
            "Ilse Marrow",
            "Former Secretary of State",
        ),
        # initials whose full stops end no sentence
        (
            "“Bring the ferry back,” said Rep. J.K. Holloway.",
            "Rep. J.K. Holloway",
            "J.K. Holloway",
            "Rep.",
        ),
    ],
)
def test_a_speaker_is_a_name_like_phrase(
    text: str, mention: str, speaker: str, role: str | None
) -> None:
    quote = one(text)
    assert (quote.mention, quote.speaker, quote.speaker_role) == (mention, speaker, role)


def test_a_noun_that_never_speaks_is_no_speaker() -> None:
    for text in (
        "A decision said the pier was “beyond repair.”",
        "A decision expected on Friday promised “a new pier by spring.”",
        "The evidence suggests the pier was “beyond repair.”",
    ):
        quote = one(text)
        assert quote.verb is not None and quote.speaker is None, text
    # a description of a person or body still speaks
    assert one("“The pier stays shut,” the council said.").speaker == "the council"


def test_a_second_verb_of_the_subject_names_the_speaker() -> None:
    quote = one("Okafor praised the crew’s “steady hands” and said the pier would reopen.")
    assert quote.speaker == "Okafor"
