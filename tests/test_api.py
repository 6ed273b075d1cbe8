"""The public API and the registry: names, guessing, options, errors."""

from __future__ import annotations

import datetime
import inspect
from pathlib import Path
from typing import Literal

import pytest

import newsmodel
from newsmodel import model as m
from newsmodel._input import DEFAULT_MAX_BYTES
from newsmodel.catalog import Catalog
from newsmodel.io import FormatInfo
from newsmodel.registry import OptionInfo, _option_infos, load, options
from tests.conftest import GOLDEN, INDAILY_TXT
from tests.expected import expected_article


def test_formats_table() -> None:
    names = [f.name for f in newsmodel.formats()]
    assert names[:2] == ["jsonl", "newsmodel"]  # a line of newsmodel JSON opens JSON Lines too
    assert names[-1] == "text"  # the fallback guess comes last
    for info in newsmodel.formats():
        assert newsmodel.get_format(info.name) is info
        for alias in info.aliases:
            assert newsmodel.get_format(alias.upper()) is info


def test_format_modules_follow_the_contract() -> None:
    for info in newsmodel.formats():
        module = load(info)
        assert module.FORMAT is info
        assert callable(module.read) and callable(module.write) and callable(module.sniff)


def test_readers_and_writers_take_one_argument_and_options_with_defaults() -> None:
    # what FormatModule says, checked at run time too: calling with no option is always right
    for info in newsmodel.formats():
        module = load(info)
        for func in (module.read, module.write):
            params = list(inspect.signature(func).parameters.values())
            assert params[0].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD, func
            assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in params[1:]), func
            assert all(p.default is not inspect.Parameter.empty for p in params[1:]), func


def test_options_list_names_types_and_defaults_from_the_signatures() -> None:
    text_reader = options(newsmodel.get_format("text"), reading=True)
    assert text_reader == (
        OptionInfo(name="max_bytes", annotation="int", types=(int,), default=DEFAULT_MAX_BYTES),
        OptionInfo(name="dayfirst", annotation="bool", types=(bool,), default=False),
    )
    ninjs_writer = {o.name: o for o in options(newsmodel.get_format("ninjs"), reading=False)}
    assert list(ninjs_writer) == ["version", "catalog", "day_time", "zone", "indent", "strict"]
    assert (
        ninjs_writer["day_time"].types == (str, type(None)) and ninjs_writer["zone"].choices == ()
    )
    assert ninjs_writer["version"] == OptionInfo(
        name="version", annotation="str", types=(str,), default="3.1"
    )
    assert ninjs_writer["indent"].annotation == "int | None"
    assert ninjs_writer["indent"].types == (int, type(None))
    assert ninjs_writer["indent"].default == 2
    assert ninjs_writer["catalog"].types == (Catalog, type(None))
    newsml_writer = {o.name: o for o in options(newsmodel.get_format("newsml"), reading=False)}
    assert newsml_writer["version_created"].types == (datetime.datetime, type(None))
    html_reader = {o.name: o for o in options(newsmodel.get_format("html"), reading=True)}
    assert html_reader["url"].types == (str, type(None)) and html_reader["url"].default is None


def test_a_literal_option_lists_its_choices_and_their_types() -> None:
    def write(article: object, /, *, body: Literal["xhtml", "nitf"] | None = "xhtml") -> str:
        return ""

    (body,) = _option_infos(write)
    assert body.choices == ("xhtml", "nitf")
    assert body.types == (str, type(None))


def test_every_format_lists_its_options_and_strict_for_every_writer() -> None:
    for info in newsmodel.formats():
        if info.can_read:
            assert "max_bytes" in [o.name for o in options(info, reading=True)], info.name
        if info.can_write:
            strict = [o for o in options(info, reading=False) if o.name == "strict"]
            assert strict == [
                OptionInfo(name="strict", annotation="bool", types=(bool,), default=False)
            ], info.name


def test_options_of_a_direction_a_format_lacks_is_our_error() -> None:
    read_only = FormatInfo(name="plain", title="Plain", module="newsmodel.io.text", can_write=False)
    with pytest.raises(newsmodel.FormatError, match="can be read but not written"):
        options(read_only, reading=False)
    assert [o.name for o in options(read_only, reading=True)] == ["max_bytes", "dayfirst"]


def test_unknown_format_lists_known_ones() -> None:
    known = ", ".join(f.name for f in newsmodel.formats())
    with pytest.raises(newsmodel.UnknownFormatError, match=f"known formats: {known}"):
        newsmodel.read("x", format="docx")
    with pytest.raises(ValueError):
        newsmodel.write(m.Article(), format="docx")


def test_detect_format_by_content_and_extension() -> None:
    golden = (GOLDEN / "indaily.newsmodel.json").read_bytes()
    assert newsmodel.detect_format(golden).name == "newsmodel"
    assert newsmodel.detect_format(INDAILY_TXT.read_bytes()).name == "text"
    ninjs_doc = (GOLDEN / "indaily.ninjs-3.1.json").read_bytes()
    assert newsmodel.detect_format(ninjs_doc).name == "ninjs"
    assert newsmodel.detect_format(ninjs_doc, "story.json").name == "ninjs"
    assert newsmodel.detect_format(golden, "story.json").name == "newsmodel"
    assert newsmodel.detect_format(b"anything", "story.txt").name == "text"
    tried = ", ".join(f.name for f in newsmodel.formats())
    with pytest.raises(newsmodel.UnknownFormatError, match=f"tried {tried}"):
        newsmodel.detect_format(b"<summary>No format has this root</summary>")
    with pytest.raises(newsmodel.UnknownFormatError, match="it looks like binary data"):
        newsmodel.detect_format(b"\x00\x01\xff binary")


def test_read_file_write_file_and_convert(tmp_path: Path) -> None:
    article = newsmodel.read_file(INDAILY_TXT)
    assert article == expected_article()
    out = tmp_path / "story.newsmodel.json"
    newsmodel.write_file(article, out)
    assert newsmodel.read_file(out) == article
    converted = newsmodel.convert(
        INDAILY_TXT.read_bytes(), from_format="text", to_format="newsmodel"
    )
    assert newsmodel.read(converted) == article


def test_unknown_options_are_refused_naming_the_accepted_ones() -> None:
    with pytest.raises(
        newsmodel.FormatError, match=r"has no option colour .*options: max_bytes, dayfirst"
    ):
        newsmodel.read("Headline", format="text", colour="red")


def test_missing_file_is_our_error(tmp_path: Path) -> None:
    with pytest.raises(newsmodel.ReadError, match="cannot read"):
        newsmodel.read_file(tmp_path / "missing.txt")


def test_write_refuses_non_articles() -> None:
    with pytest.raises(newsmodel.WriteError):
        newsmodel.write("not an article")  # type: ignore[arg-type]


def test_errors_share_one_root_and_builtins() -> None:
    for cls in (
        newsmodel.ReadError,
        newsmodel.WriteError,
        newsmodel.UnknownFormatError,
        newsmodel.SchemaVersionError,
        newsmodel.LossyConversionError,
    ):
        assert issubclass(cls, newsmodel.NewsmodelError)
        assert issubclass(cls, ValueError)
    assert issubclass(newsmodel.LossyConversionWarning, newsmodel.NewsmodelWarning)
    assert issubclass(newsmodel.NewsmodelWarning, UserWarning)


def test_formats_are_detected_in_utf16_and_utf32() -> None:
    for name, format in (
        ("indaily.nitf.xml", "nitf"),
        ("indaily.newsml.xml", "newsml"),
        ("indaily.html", "html"),
        ("indaily.ninjs-3.1.json", "ninjs"),
    ):
        text = (GOLDEN / name).read_text("utf-8")
        for codec in ("utf-16-le", "utf-16-be", "utf-16", "utf-32"):
            assert newsmodel.detect_format(text.encode(codec)).name == format, (name, codec)
