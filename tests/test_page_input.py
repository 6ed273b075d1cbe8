"""Web-page input: gzip-compressed pages, pages that hold no article, and damaged
versions of small synthetic pages."""

from __future__ import annotations

import gzip
import io
import sys
import warnings
import zlib

import pytest
from hypothesis import given, settings

import newsmodel
from newsmodel.cli import main
from newsmodel.errors import InputTooLargeError, NoArticleError, ReadError
from tests.mutation import HOSTILE_JUNK, mutated

_STORY = "".join(
    f"<p>Placeholder sentence {i} about the ferry timetable, with words, commas and "
    "a point the story makes.</p>"
    for i in range(5)
)
#: Small synthetic pages, one per shape the metadata rules read.
PAGES: tuple[str, ...] = (
    "<html><head><title>Ferry back</title></head><body><article><h1>Ferry back</h1>"
    "<div class='zq-byline'>By Jane Placeholder and Tom Example</div>"
    f"<time class='zq-pub' datetime='2023-12-01T10:00:00+00:00'>Dec 1, 2023</time>{_STORY}"
    "</article></body></html>",
    "<html><body><div class='zq-main'><header><h1>Ferry back</h1>"
    "<div class='authName'>By JANE ROE Associated Press</div>"
    "<h4>Last updated on <span>Dec 5, 2023</span></h4></header>"
    f"<article>{_STORY}</article></div></body></html>",
    "<html><head><title>Ferry back</title></head><body><h1>Ferry back</h1>"
    "<div class='zq-dek'><style>.zq-dek{color:red}</style></div>"
    f"<blockquote><span class='zq-date'>Jan 2, 2021</span></blockquote>{_STORY}</body></html>",
)

_NAVIGATION = (
    "<html><head><title>Example site</title></head><body><nav><ul>"
    + "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(12))
    + "</ul></nav><footer><a href='/about'>About</a></footer></body></html>"
)


def _read(data: bytes | str, format: str | None = "html", **options: object) -> newsmodel.Article:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", newsmodel.NewsmodelWarning)
        return newsmodel.read(data, format, quotes=False, **options)


# -- gzip -------------------------------------------------------------------------------


def test_a_gzip_compressed_page_is_read_as_the_page_it_holds() -> None:
    page = PAGES[0].encode("utf-8")
    plain = _read(page)
    assert _read(gzip.compress(page)) == plain
    assert plain.headline == "Ferry back"


def test_format_detection_looks_inside_gzip() -> None:
    assert _read(gzip.compress(PAGES[0].encode("utf-8")), None).headline == "Ferry back"


def test_several_gzip_members_are_one_page() -> None:
    page = PAGES[0].encode("utf-8")
    half = len(page) // 2
    joined = gzip.compress(page[:half]) + gzip.compress(page[half:])
    assert _read(joined) == _read(page)


def test_a_gzip_bomb_is_too_large() -> None:
    bomb = gzip.compress(b"<p>" + b" " * 5_000_000)
    with pytest.raises(InputTooLargeError, match="gzip"):
        _read(bomb, max_bytes=1_000_000)
    # the limit bounds what is made, not only what was given
    assert len(bomb) < 1_000_000


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # cut off
        lambda data: data[:12] + b"\x00" * 20 + data[32:],  # corrupt inside
        lambda data: b"\x1f\x8b",  # nothing but the magic
    ],
)
def test_corrupt_gzip_is_a_read_error(damage: object) -> None:
    data = gzip.compress(PAGES[0].encode("utf-8"))
    with pytest.raises(ReadError, match="gzip") as caught:
        _read(damage(data))  # type: ignore[operator]
    assert not isinstance(caught.value, InputTooLargeError)


def test_zlib_without_the_gzip_wrapper_is_not_taken_for_gzip() -> None:
    with pytest.raises(ReadError):
        _read(zlib.compress(PAGES[0].encode("utf-8")))


# -- no article -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        _NAVIGATION,
        "<html><body><div><span>   </span></div></body></html>",
        "<div>\x00\x01 ### ~~~ ;;; </div>",
        b"\x89PNG\r\n\x1a\n" + bytes(range(40)) * 3,
    ],
)
def test_a_page_with_no_article_is_our_error(data: bytes | str) -> None:
    with pytest.raises(NoArticleError, match="no article found"):
        _read(data)


def test_no_article_is_a_read_error() -> None:
    assert issubclass(NoArticleError, ReadError)


def test_a_headline_alone_is_still_an_article() -> None:
    page = "<html><body><h1>Ferry back</h1></body></html>"
    assert _read(page).headline == "Ferry back"


def test_the_cli_exits_non_zero_on_a_page_with_no_article(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(_NAVIGATION.encode())))
    code = main(["convert", "--from", "html", "--to", "text"])
    out, err = capsys.readouterr()
    assert code != 0
    assert out == ""
    assert "no article found" in err and "Traceback" not in err


# -- damaged synthetic pages ------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(mutated([p.encode("utf-8") for p in PAGES], HOSTILE_JUNK, edits=4, max_delete=120))
def test_damaged_synthetic_pages_give_an_article_or_our_error(data: bytes) -> None:
    for given_data in (data, gzip.compress(data)):
        try:
            article = _read(given_data)
        except newsmodel.NewsmodelError:
            continue
        assert isinstance(article, newsmodel.Article)
        assert article.headline or article.body or article.bylines or article.published
