"""Losses declared where they happen, checked by reading back here (never in a writer).

The markup writer says what a reader of its markup gets back, block by block; the
format writers declare every field that comes back changed. Every sentence here is
written for these tests.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import newsmodel
from newsmodel import model as m
from newsmodel.io import html, newsml, ninjs, nitf
from newsmodel.losses import Losses, changed_paths
from newsmodel.markup import blocks_from_element, blocks_from_html, element_maker
from newsmodel.markup.dialects import HTML, NITF, Dialect
from newsmodel.markup.sanitise import sanitise_html
from newsmodel.markup.write import Writer, blocks_to_elements, write_blocks
from newsmodel.testing import articles, blocks
from tests.expected import expected_article
from tests.test_losses import WHEN, _write, covered

XHTML = "http://www.w3.org/1999/xhtml"

#: Bodies of up to four blocks of every kind.
BODIES = st.lists(blocks(), max_size=4).map(tuple)


def _check_body(
    body: tuple[m.Block, ...], kept: tuple[m.Block, ...], back: object, losses: Losses
) -> None:
    assert back == kept
    missing = [p for p in changed_paths(body, back, "body") if not covered(p, losses.paths)]
    assert not missing, (missing, losses.paths)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(BODIES)
def test_html_markup_reads_back_as_its_writer_says(body: tuple[m.Block, ...]) -> None:
    root = etree.Element("div")
    losses = Losses()
    kept = blocks_to_elements(root, body, losses=losses.at("body"))
    markup = "".join(etree.tostring(c, method="html", encoding="unicode") for c in root)
    _check_body(body, kept, blocks_from_html(markup), losses)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(BODIES)
def test_xhtml_markup_reads_back_as_its_writer_says(body: tuple[m.Block, ...]) -> None:
    root = etree.Element(f"{{{XHTML}}}body", nsmap={None: XHTML})
    losses = Losses()
    kept = blocks_to_elements(root, body, namespace=XHTML, losses=losses.at("body"))
    back = blocks_from_element(etree.fromstring(etree.tostring(root)))
    _check_body(body, kept, back, losses)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(BODIES)
def test_nitf_markup_reads_back_as_its_writer_says(body: tuple[m.Block, ...]) -> None:
    root = etree.Element("body.content")
    losses = Losses()
    kept = write_blocks(root, body, Writer(element_maker(None), NITF), losses.at("body"))
    back = blocks_from_element(etree.fromstring(etree.tostring(root)))
    _check_body(body, kept, back, losses)


#: A body with a loss in each block: spaces, a level NITF lacks, an embed with a handler,
#: a list whose only item has no text.
_LOSSY_BODY = (
    m.Paragraph(content=("Tide  tables\nfor the week",)),
    m.Heading(content=("Harbour notes",), level=4),
    m.RawEmbed(format="text/html", content="<p onclick='x()'>Gull count</p>"),
    m.ListBlock(items=((m.Paragraph(content=(m.Emphasis(content=()),)),),)),
)
#: What both dialects declare for the list (its item and paragraph go with it).
_EMPTY_LIST = {
    "body[3]",
    "body[3].items[0]",
    "body[3].items[0][0]",
    "body[3].items[0][0].content",
}


@pytest.mark.parametrize(
    ("dialect", "expected"),
    [
        (NITF, {"body[0].content[0]", "body[1].level", "body[2]", *_EMPTY_LIST}),
        (HTML, {"body[0].content[0]", "body[2].content", *_EMPTY_LIST}),
    ],
)
def test_markup_declares_the_part_it_loses(dialect: Dialect, expected: set[str]) -> None:
    losses = Losses()
    write_blocks(
        etree.Element("c"), _LOSSY_BODY, Writer(element_maker(None), dialect), losses.at("body")
    )
    assert set(losses.paths) == expected


Write = Callable[[m.Article], str]

#: Each writer under test and the format ``newsmodel.read`` reads its output as.
WRITERS: dict[str, tuple[Write, str]] = {
    "newsml xhtml": (lambda a: newsml.write(a, version_created=WHEN), "newsml"),
    "newsml nitf": (lambda a: newsml.write(a, body="nitf", version_created=WHEN), "newsml"),
    "nitf": (nitf.write, "nitf"),
    "html": (html.write, "html"),
    "ninjs": (lambda a: ninjs.write(a, version="3.1"), "ninjs"),
}


@pytest.mark.parametrize("name", list(WRITERS))
@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(article=articles(max_blocks=4))
def test_every_path_that_changes_is_write(name: str, article: m.Article) -> None:
    write, fmt = WRITERS[name]
    out, declared = _write(write, article)
    try:
        back = newsmodel.read(out, fmt, quotes=False)
    except newsmodel.NoArticleError:  # a page of nothing: all of the article is lost
        back = m.Article()
    missing = [p for p in changed_paths(article, back) if not covered(p, declared)]
    assert not missing, f"{name} lost {missing} without declaring it (declared {declared})"


#: A rendition with a name and a file size.
_NAMED = m.Rendition(url="https://example.com/pier-wide.jpg", name="wide", width=1600, size=9000)
#: What each format declares of it: HTML's srcset keeps a URL and a width, NITF's media
#: reference has no size, NewsML-G2 keeps it all.
_RENDITION_LOSSES = {
    "html": {"photos[0].renditions[0].name", "photos[0].renditions[0].size"},
    "nitf": {"photos[0].renditions[0].size"},
    "newsml xhtml": set(),
}


@pytest.mark.parametrize("name", list(_RENDITION_LOSSES))
def test_a_lost_rendition_part_is_declared_as_itself(name: str) -> None:
    article = expected_article()
    photo = attrs.evolve(
        article.photos[0], url="https://example.com/pier.jpg", renditions=(_NAMED,)
    )
    article = attrs.evolve(article, photos=(photo,), quotes=())
    _, declared = _write(WRITERS[name][0], article)
    assert {p for p in declared if p.startswith("photos")} == _RENDITION_LOSSES[name]


def test_an_embed_attribute_without_a_value_has_one_form_written_and_read() -> None:
    for markup in ("<A", '<iframe allowfullscreen src="https://plover.example/v"></iframe>'):
        body = (m.RawEmbed(format="text/html", content=markup),)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            page = newsmodel.write(m.Article(headline="Tides", body=body), "html")
            back = newsmodel.read(page, "html", quotes=False)
        (embed,) = [b for b in back.body if isinstance(b, m.RawEmbed)]
        assert embed.content == sanitise_html(markup)
