"""Every reader, fed damaged documents: an article or newsmodel's own error, nothing else.

The sources are each format's golden files (and, for the page and text
readers, the fixtures they were made from); the damages and the hostile
pieces spliced in are those of ``tests/mutation.py``, shared with the long
fuzzing run (``benchmarks/fuzz.py``).
"""

from __future__ import annotations

import contextlib
import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsmodel
from tests.conftest import FIXTURES, GOLDEN
from tests.mutation import HOSTILE_JUNK, mutated
from tests.test_page_body import synthetic_pages

#: Each reader's own documents, the ones it is most likely to get nearly right.
SOURCES: dict[str, tuple[str, ...]] = {
    "html": ("indaily.html", "../fixtures/indaily-russia-nato-2024-04-05.html"),
    "jsonld": ("indaily.jsonld",),
    "newsmodel": ("indaily.newsmodel.json",),
    "ninjs": ("indaily.ninjs-1.6.json", "indaily.ninjs-2.2.json", "indaily.ninjs-3.1.json"),
    "newsml": ("indaily.newsml.xml", "indaily.newsml-nitf-body.xml", "indaily.newsml-package.xml"),
    "newsml1": ("indaily.newsml1.xml", "../fixtures/newsml1/package.xml"),
    "nitf": ("indaily.nitf.xml",),
    "text": ("indaily.txt", "../fixtures/indaily-russia-nato-2024-04-05.txt"),
    "rss": ("indaily.rss.xml",),
    "atom": ("indaily.atom.xml",),
    "jsonfeed": ("indaily.feed.json",),
    "jsonl": ("indaily.jsonl",),
}


def _sources(format: str) -> list[bytes]:
    own = [(GOLDEN / name).read_bytes() for name in SOURCES[format]]
    if format == "html":  # the body's synthetic pages, one of each shape
        own += [page.encode("utf-8") for page in synthetic_pages()]
    # one document of another format: readers meet those too
    other = (FIXTURES / "indaily-russia-nato-2024-04-05.txt").read_bytes()
    if format == "text":
        other = (GOLDEN / "indaily.nitf.xml").read_bytes()
    return [*own, other]


def _read_or_our_error(data: bytes | str, format: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", newsmodel.NewsmodelWarning)
        try:
            article = newsmodel.read(data, format=format)
        except newsmodel.NewsmodelError:
            return
    assert isinstance(article, newsmodel.Article)


@pytest.mark.parametrize("format", sorted(SOURCES))
def test_mutated_documents_give_an_article_or_our_error(format: str) -> None:
    @settings(max_examples=60)
    @given(mutated(_sources(format), HOSTILE_JUNK, edits=4, max_delete=300))
    def check(data: bytes) -> None:
        _read_or_our_error(data, format)

    check()


@pytest.mark.parametrize("format", sorted(SOURCES))
def test_decoded_mutations_give_an_article_or_our_error(format: str) -> None:
    """The same damages given as text (what a caller holding a ``str`` passes)."""

    @settings(max_examples=30)
    @given(mutated(_sources(format), HOSTILE_JUNK, edits=3, max_delete=300))
    def check(data: bytes) -> None:
        text = data.decode("utf-8", "surrogateescape")  # bad bytes become lone surrogates
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", newsmodel.NewsmodelWarning)
            with contextlib.suppress(newsmodel.NewsmodelError):
                assert isinstance(newsmodel.read(text, format=format), newsmodel.Article)

    check()


@pytest.mark.parametrize("format", sorted(SOURCES))
@pytest.mark.parametrize("value", [5, None, 1.5, ["<p>x</p>"], {"headline": "x"}, object()])
def test_wrong_types_are_our_error(format: str, value: object) -> None:
    with pytest.raises(newsmodel.ReadError, match="expected bytes or str"):
        newsmodel.read(value, format=format)  # type: ignore[arg-type]


@given(st.sampled_from(sorted(SOURCES)), st.binary(max_size=400) | st.text(max_size=400))
@settings(max_examples=150)
def test_random_input_gives_an_article_or_our_error(format: str, data: bytes | str) -> None:
    _read_or_our_error(data, format)


def test_whole_numbers_are_ascii_digits_only() -> None:
    from newsmodel._input import whole_number

    assert [whole_number(t) for t in (" 640 ", "0", "007")] == [640, 0, 7]
    for text in ("²", "١٢", "-3", "1e3", "3.5", "", "9" * 19, None):
        assert whole_number(text) is None, text


def test_a_number_in_other_digits_does_not_sink_a_read() -> None:
    # "²".isdigit() is true but int("²") fails: such sizes are dropped, not fatal
    page = (
        '<html><head><title>Ferry back</title><meta property="og:image" content="https://x.test/a.jpg">'
        '<meta property="og:image:width" content="²"></head><body><article><h1>Ferry back</h1>'
        + "<p>The ferry to Port Halden sails again from Monday, the council said.</p>" * 5
        + "</article></body></html>"
    )
    article = newsmodel.read(page, format="html")
    assert article.headline == "Ferry back" and article.photos[0].width is None
    doc = (
        '{"@type": "NewsArticle", "headline": "Ferry back", "image": '
        '{"@type": "ImageObject", "url": "https://x.test/a.jpg", "width": "²", "height": "9"}}'
    )
    article = newsmodel.read(doc, format="jsonld")
    assert (article.photos[0].width, article.photos[0].height) == (None, 9)
    nitf = (GOLDEN / "indaily.nitf.xml").read_text("utf-8")
    odd = nitf.replace("<docdata>", '<docdata><urgency ed-urg="²"/>', 1)
    assert odd != nitf
    assert newsmodel.read(odd, format="nitf").urgency is None
    assert newsmodel.read(odd.replace("²", "3"), format="nitf").urgency == 3
