"""Photo captions: the credit split from the caption, and what is never split.

Every caption here is written for these tests.
"""

from __future__ import annotations

import pytest

from newsmodel.captions import split_credit

CAPTION = "Ferries wait at the wharf on Tuesday."


@pytest.mark.parametrize(
    ("text", "caption", "credit"),
    [
        # a label and a colon
        (f"{CAPTION} Photo: Mira Castell", CAPTION, "Mira Castell"),
        (f"{CAPTION} Picture: Harbour Trust", CAPTION, "Harbour Trust"),
        (f"{CAPTION} Image: Supplied", CAPTION, "Supplied"),
        (f"{CAPTION} Pic: Mira Castell", CAPTION, "Mira Castell"),
        (f"{CAPTION} Credit: Mira Castell", CAPTION, "Mira Castell"),
        (f"{CAPTION} Source: Harbour Trust", CAPTION, "Harbour Trust"),
        (f"{CAPTION} Photograph: Mira Castell", CAPTION, "Mira Castell"),
        (f"{CAPTION} Photos: Mira Castell", CAPTION, "Mira Castell"),
        (f"{CAPTION} Photo credit: Mira Castell", CAPTION, "Mira Castell"),
        (f"{CAPTION} photo: Mira Castell", CAPTION, "Mira Castell"),
        (f"{CAPTION} Foto: Mira Castell", CAPTION, "Mira Castell"),
        (f"{CAPTION} Bild: Mira Castell", CAPTION, "Mira Castell"),
        (f"{CAPTION} Photo\uff1aMira Castell", CAPTION, "Mira Castell"),  # full-width colon
        (f"{CAPTION} Photo: Mira Castell.", CAPTION, "Mira Castell"),
        (
            "Ferries wait at the wharf - Photo: Mira Castell",
            "Ferries wait at the wharf",
            "Mira Castell",
        ),
        # a label inside brackets
        (
            "Ferries wait at the wharf (Photo: Mira Castell)",
            "Ferries wait at the wharf",
            "Mira Castell",
        ),
        (
            "Ferries wait at the wharf [Picture: Ilse Brandt]",
            "Ferries wait at the wharf",
            "Ilse Brandt",
        ),
        # an agency in brackets, alone or with a name
        (f"{CAPTION} (AAP Image/Ilse Brandt)", CAPTION, "AAP Image/Ilse Brandt"),
        (
            "Ferries wait at the wharf (AP Photo/Ilse Brandt)",
            "Ferries wait at the wharf",
            "AP Photo/Ilse Brandt",
        ),
        (
            "Ferries wait at the wharf (EPA/Ilse Brandt)",
            "Ferries wait at the wharf",
            "EPA/Ilse Brandt",
        ),
        ("Ferries wait at the wharf (Getty Images)", "Ferries wait at the wharf", "Getty Images"),
        ("Ferries wait at the wharf (Supplied)", "Ferries wait at the wharf", "Supplied"),
        ("Ferries wait at the wharf (File)", "Ferries wait at the wharf", "File"),
        ("Ferries wait at the wharf (PA)", "Ferries wait at the wharf", "PA"),
        # a bare agency after a sentence
        (f"{CAPTION} Getty Images", CAPTION, "Getty Images"),
        (f"{CAPTION} Reuters", CAPTION, "Reuters"),
        ("Ferries wait at the wharf! EPA", "Ferries wait at the wharf!", "EPA"),
        (
            "\u201cWe will sail,\u201d the skipper said. AP",
            "\u201cWe will sail,\u201d the skipper said.",
            "AP",
        ),
        (f"{CAPTION} Ilse Brandt Getty Images", CAPTION, "Ilse Brandt Getty Images"),
        # a credit with no caption
        ("Photo: Mira Castell", None, "Mira Castell"),
        ("Photo credit: Mira Castell", None, "Mira Castell"),
    ],
)
def test_credit_is_split_from_the_caption(text: str, caption: str | None, credit: str) -> None:
    assert split_credit(text) == (caption, credit)


@pytest.mark.parametrize(
    "text",
    [
        CAPTION,
        "Ferries wait at the wharf",
        # brackets that hold no credit
        "Ferries wait (in the rain) at the wharf",
        "Ferries wait at the old wharf (APA)",  # not PA
        # agencies named inside the sentence
        "Ferries run past the AP office",
        "Officials from AAP attend the launch",
        "Ferries wait at the wharf as Reuters reports",
        # a lower-case agency is a word, not a credit
        "The skipper spoke to reuters",
        # a colon that is no label
        "A ratio of 3:2 at the wharf",
        # a "credit" too long to be one (over ten words)
        CAPTION + " Photo: one two three four five six seven eight nine ten eleven",
        # a label followed by more than a credit: the whole stays the caption
        "Ferries wait at the wharf, where the ferry Image: Seven stays moored for the"
        " winter while crews repair its hull",
        # a name and a bracketed organisation after the label
        f"{CAPTION} Photo: Mira Castell (Harbour Trust)",
        # a byline in prose
        f"{CAPTION} Photographed by Mira Castell",
    ],
)
def test_what_is_not_split(text: str) -> None:
    assert split_credit(text) == (text, None)


def test_ten_words_is_the_longest_credit() -> None:
    ten = " ".join(["Word"] * 10)
    assert split_credit(f"{CAPTION} Photo: {ten}") == (CAPTION, ten)
    assert split_credit(f"{CAPTION} Photo: {ten} Word")[1] is None


def test_white_space_is_collapsed_first() -> None:
    text = "  Ferries   wait\n at the\twharf.  Photo:  Mira \n Castell  "
    assert split_credit(text) == ("Ferries wait at the wharf.", "Mira Castell")
    assert split_credit("  Ferries\n\nwait  ") == ("Ferries wait", None)


@pytest.mark.parametrize("text", ["", "   ", "\n\t "])
def test_empty_caption_is_nothing(text: str) -> None:
    assert split_credit(text) == (None, None)


def test_a_long_caption_keeps_every_word() -> None:
    sentences = [
        f"Crew member {i} checks the mooring lines before the evening run across the bay."
        for i in range(40)
    ]
    long_caption = " ".join(sentences)
    assert split_credit(long_caption) == (long_caption, None)
    assert split_credit(long_caption + " Picture: Harbour Trust") == (
        long_caption,
        "Harbour Trust",
    )
    assert split_credit(long_caption + " (Getty Images)") == (long_caption, "Getty Images")


def test_the_longest_labelled_credit_keeps_its_bracket_out_of_the_caption() -> None:
    """A labelled credit of the longest form (bracket, longest label with "s credit",
    spaced colon, an 80-character credit, bracket and full stop) is found whole."""
    credit = "Q" * 80
    text = f"Ferries wait [ photographs credit : {credit} ] ."
    assert split_credit(text) == ("Ferries wait", credit)
