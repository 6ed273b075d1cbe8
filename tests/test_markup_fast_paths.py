"""The markup reader's short paths read what its general ones read: pictures inside a
paragraph are found wherever they sit, content whose pieces stand apart keeps them,
sizes written as plain digits read as the general rule reads them, a figure's photo
takes what its img says and its caption, a sanitised embed keeps only its holder.

Every sentence, name and address here is written for these tests.
"""

from __future__ import annotations

import pytest

from newsmodel import model as m
from newsmodel._input import whole_number
from newsmodel.errors import ReadError
from newsmodel.markup import blocks_from_html
from newsmodel.markup.figures import image_photo
from newsmodel.markup.parse import parse_document, parse_html
from newsmodel.markup.sanitise import sanitise_html
from newsmodel.markup.text import MAX_NUMBER, number, tidy

_PHOTO = m.Figure(photo=m.Photo(url="https://img.example/a.jpg"))


@pytest.mark.parametrize(
    "inner",
    [
        '<span>Words <img src="https://img.example/a.jpg"> here</span>',
        '<a href="https://site.example/">Words <img src="https://img.example/a.jpg"></a> here',
        '<em><b>Words</b> <picture><img src="https://img.example/a.jpg"></picture></em> here',
        '<noscript><img src="https://img.example/a.jpg"></noscript>Words here',
        'Words here<button><img src="https://img.example/a.jpg"></button>',
    ],
)
def test_a_picture_anywhere_in_a_paragraph_follows_it(inner: str) -> None:
    blocks = blocks_from_html(f"<p>{inner}</p>")
    assert blocks[-1] == _PHOTO
    assert m.inline_text(blocks[0].content).split() == ["Words", "here"]  # type: ignore[union-attr]


def test_a_picture_nested_too_deep_for_the_inline_reader_is_still_found() -> None:
    markup = "<p>Deep " + "<span>" * 70 + '<img src="https://img.example/a.jpg">' + "</span>" * 70
    blocks = blocks_from_html(markup + "</p>")
    assert blocks[-1] == _PHOTO


def test_a_paragraph_without_a_picture_makes_no_figure() -> None:
    blocks = blocks_from_html(
        '<p>One <a href="https://site.example/">two</a> <em>three</em><br>four</p>'
    )
    assert len(blocks) == 1
    assert isinstance(blocks[0], m.Paragraph)


def test_tidy_keeps_pieces_that_stand_apart_and_strips_the_edges() -> None:
    link = m.Link(content=("mid",), url="https://site.example/")
    assert tidy(["  lead ", link, " tail \n"]) == ("lead ", link, " tail")
    assert tidy([" ", link, " "]) == (link,)
    assert tidy([m.LineBreak(), "end  "]) == (m.LineBreak(), "end")


def test_tidy_joins_adjacent_text_and_drops_empty_pieces() -> None:
    link = m.Link(content=("mid",), url="https://site.example/")
    assert tidy(["one ", " two", link, "", "three"]) == ("one two", link, "three")
    assert tidy(["", link]) == (link,)
    assert tidy(["a\n", "\nb"], collapse=False) == ("a\n\nb",)


@pytest.mark.parametrize(
    "value",
    ["640", "0", "007", " 640 ", "640px", "1e3", "²", "-3", "99999999999", str(MAX_NUMBER)],
)
def test_number_reads_plain_digits_as_the_general_rule(value: str) -> None:
    general = whole_number(value.strip().removesuffix("px"))
    expected = general if general is not None and 0 < general < MAX_NUMBER else None
    assert number(value) == expected


def test_an_img_among_many_attributes_gives_its_photo() -> None:
    img = parse_document(
        '<img class="wide" data-one="1" data-two="2" loading="lazy" decoding="async" '
        'data-src="https://img.example/lazy.jpg" alt=" A  view " width="640" height="480px" '
        'data-srcset="https://img.example/s.jpg 320w" data-photo-id=" p7 ">'
    ).find(".//img")
    assert img is not None
    assert image_photo(img) == m.Photo(
        url="https://img.example/lazy.jpg",
        alt="A view",
        width=640,
        height=480,
        renditions=(m.Rendition(url="https://img.example/s.jpg", width=320),),
        id="p7",
    )


def test_an_img_with_only_a_script_url_gives_no_photo() -> None:
    img = parse_document('<img src="javascript:void(0)" data-src=" data:x,1">').find(".//img")
    assert img is not None
    assert image_photo(img) is None


def test_a_captioned_figure_has_its_pictures_fields_and_its_caption() -> None:
    (figure,) = blocks_from_html(
        '<figure data-photo-id="f1"><img src="https://img.example/a.jpg" alt="Alt" '
        'width="300"><figcaption>A quiet street. Photo: Ida Roe</figcaption></figure>'
    )
    assert figure == m.Figure(
        photo=m.Photo(
            url="https://img.example/a.jpg",
            alt="Alt",
            width=300,
            caption="A quiet street.",
            credit="Ida Roe",
            id="f1",
        )
    )


def test_an_uncaptioned_figure_of_a_source_is_that_sources_photo() -> None:
    (figure,) = blocks_from_html(
        '<figure><picture><source srcset="https://img.example/w.webp 800w"></picture></figure>'
    )
    assert figure == m.Figure(
        photo=m.Photo(
            url="https://img.example/w.webp",
            renditions=(m.Rendition(url="https://img.example/w.webp", width=800),),
        )
    )


@pytest.mark.parametrize("markup", ["", "  \n", "<!-- only a note -->"])
def test_markup_without_an_element_is_no_page(markup: str) -> None:
    with pytest.raises(ReadError, match="Document is empty"):
        parse_html(markup)


def test_a_whole_document_as_a_body_reads_its_body() -> None:
    blocks = blocks_from_html("<html><head><title>T</title></head><body><p>Inside.</p></body>")
    assert blocks == (m.Paragraph(content=("Inside.",)),)


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ('</div><script>alert(1)</script><iframe src="https://v.example/1">', ""),
        ('<iframe src="https://v.example/1" onload="x()"></iframe>', "https://v.example/1"),
        ("<body><div onclick='x()'>Kept</div></body>", "Kept"),
    ],
)
def test_the_sanitiser_keeps_only_what_its_holder_holds(markup: str, expected: str) -> None:
    clean = sanitise_html(markup)
    assert "script" not in clean and "onload" not in clean and "onclick" not in clean
    assert expected in clean
