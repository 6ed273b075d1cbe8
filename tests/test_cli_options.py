"""The command line: -O options parsed by their declared types, formats --options, and
refusing input that holds no article."""

from __future__ import annotations

import datetime
import gzip
import io
import json
import sys
from pathlib import Path
from typing import Literal

import pytest

from newsmodel.cli import USAGE, UsageError, main, parse_value, route_options
from newsmodel.io import NINJS, TEXT
from newsmodel.registry import OptionInfo, _option_infos, options
from tests.conftest import INDAILY_TXT

INDAILY_HTML = INDAILY_TXT.with_suffix(".html")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


# ---------------------------------------------------------------------------
# refusing what is not an article


@pytest.mark.parametrize(
    ("name", "data", "args", "message"),
    [
        ("empty.txt", b"", [], "text input: no article found: the text is empty"),
        ("blank.txt", b"\n  \n\t\n", [], "no article found: the text holds only white space"),
        ("furniture.txt", b"Advertisement\n\nShare this story\n", [], "holds only page furniture"),
        ("doc.pdf", b"%PDF-1.4\n1 0 obj\n<< >>\nendobj\n", ["--from", "text"], "a PDF document"),
        ("doc.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", [], "looks like a PDF document"),
        ("noise.bin", bytes(range(256)) * 8, ["--from", "text"], "binary data, not text"),
        ("noise.html", bytes(range(256)) * 8, [], "noise.html': it looks like binary data"),
        ("words.html", b"lorem ipsum dolor\n", [], "html input: no article found"),
        ("empty", b"", [], "cannot tell the format of"),
        ("item.xml", b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"/>', [], "newsml"),
        ("empty.json", b'{"newsmodel": "1.0", "article": {}}', [], "no article found"),
        ("ld.jsonld", b'{"@context": "https://schema.org", "@type": "NewsArticle"}', [], "jsonld"),
    ],
    ids=[
        "empty",
        "white-space",
        "furniture",
        "pdf-as-text",
        "pdf-guessed",
        "binary-as-text",
        "binary-named-html",
        "words-named-html",
        "empty-no-name",
        "empty-newsml-item",
        "empty-newsmodel",
        "empty-jsonld",
    ],
)
def test_what_is_no_article_is_an_error_not_an_empty_article(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    data: bytes,
    args: list[str],
    message: str,
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    for command in (["convert", str(path), "--to", "text", *args], ["inspect", str(path), *args]):
        code, out, err = run(capsys, *command)
        assert code == 1, (command, err)
        assert out == ""
        assert err.startswith("newsmodel: error: ") and err.count("\n") == 1
        assert message in err, err
        assert "Traceback" not in err


def test_an_empty_structured_item_is_refused_with_its_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "item.xml"
    path.write_bytes(b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"/>')
    code, _, err = run(capsys, "convert", str(path))
    assert code == 1
    assert (
        err
        == "newsmodel: error: newsml input: no article found: no headline, no text and no photo\n"
    )


def test_an_empty_stdin_is_refused(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, b"")
    code, out, err = run(capsys, "convert", "-", "--to", "text")
    assert code == 1 and out == ""
    assert "it has no content" in err


def test_a_gzipped_pdf_is_still_refused_as_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "doc.txt.gz"
    path.write_bytes(gzip.compress(b"%PDF-1.4\n1 0 obj\n"))
    code, _, err = run(capsys, "convert", str(path), "--from", "text")
    assert code == 1 and "this is a PDF document, not text" in err


def test_an_iptc_nitf_example_with_a_leading_comment_converts(
    capsys: pytest.CaptureFixture[str],
) -> None:
    example = sorted((INDAILY_TXT.parents[1] / "iptc" / "nitf" / "examples").glob("*.xml"))[0]
    code, out, err = run(capsys, "inspect", str(example))
    assert code == 0, err
    assert out.startswith("headline:   ") and "headline:   —" not in out


# ---------------------------------------------------------------------------
# -O KEY=VALUE


def test_writer_options_from_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    base = ["convert", str(INDAILY_TXT), "--to", "ninjs"]
    code, out, _ = run(capsys, *base, "-O", "version=2.2", "-O", "indent=none")
    assert code == 0
    assert "\n" not in out.rstrip("\n")  # indent=none: one line
    doc = json.loads(out)
    assert "firstcreated" not in doc and "headlines" in doc  # 2.2 keys are lower case
    code, out, _ = run(capsys, *base, "-O", "write.indent=4")
    assert code == 0 and out.startswith('{\n    "uri"')


def test_reader_options_and_quotes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "convert", str(INDAILY_TXT), "-O", "quotes=false")
    assert code == 0 and json.loads(out)["article"].get("quotes") is None
    code, out, _ = run(capsys, "convert", str(INDAILY_TXT))
    assert code == 0 and len(json.loads(out)["article"]["quotes"]) == 6
    code, out, _ = run(capsys, "inspect", str(INDAILY_TXT), "-O", "quotes=no")
    assert code == 0 and "quotes:     0" in out
    code, out, _ = run(capsys, "inspect", str(INDAILY_TXT), "-O", "read.dayfirst=yes")
    assert code == 0 and "published:  2024-04-05" in out
    code, _, err = run(capsys, "convert", str(INDAILY_HTML), "-O", "max_bytes=10", "--to", "text")
    assert code == 1 and "over the limit of 10" in err


def test_quotes_are_found_only_for_an_output_that_keeps_them(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(capsys, "convert", str(INDAILY_TXT), "--to", "text")
    assert code == 0 and "quotes" not in err
    code, _, err = run(capsys, "convert", str(INDAILY_TXT), "--to", "text", "-O", "quotes=yes")
    assert code == 0 and "text cannot carry: quotes" in err


def test_strict_as_an_option(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "convert", str(INDAILY_TXT), "--to", "ninjs", "-O", "strict=1")
    assert code == 1 and out == "" and "ninjs 3.1 cannot carry: published" in err


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("indent=wide", "-O indent=wide: indent takes none or a whole number"),
        ("indent=1.5", "indent takes none or a whole number"),
        ("quotes=maybe", "-O quotes=maybe: quotes takes true/false, yes/no or 1/0"),
        ("colour=red", "-O colour: no such option (the text reader takes max_bytes, dayfirst, "),
        (
            "colour=red",
            "; the ninjs writer takes version, catalog, day_time, zone, indent, strict)",
        ),
        ("catalog=mine", "-O catalog: it takes Catalog | None, which only Python gives"),
        ("read.indent=2", "-O indent: no such option (the text reader takes"),
        ("write.dayfirst=yes", "-O dayfirst: no such option (the ninjs writer takes"),
        ("no-equals-sign", "-O no-equals-sign: write KEY=VALUE"),
        ("=1", "write KEY=VALUE"),
    ],
)
def test_bad_options_are_usage_errors(
    capsys: pytest.CaptureFixture[str], option: str, message: str
) -> None:
    code, out, err = run(capsys, "convert", str(INDAILY_TXT), "--to", "ninjs", "-O", option)
    assert code == USAGE == 2
    assert out == ""
    assert err.startswith("newsmodel: error: ") and err.count("\n") == 1
    assert message in err, err


def test_a_value_the_writer_refuses_is_its_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "convert", str(INDAILY_TXT), "--to", "ninjs", "-O", "version=9")
    assert code == 1 and "ninjs version '9' cannot be written (choose 3.1, 2.2, 1.6)" in err


def test_inspect_takes_reader_options_only(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "inspect", str(INDAILY_TXT), "-O", "indent=2")
    assert code == 2 and "-O indent: no such option (the text reader takes" in err
    code, _, err = run(capsys, "inspect", str(INDAILY_TXT), "-O", "write.indent=2")
    assert code == 2 and "this command only reads" in err


def test_an_option_both_sides_take_needs_its_side(capsys: pytest.CaptureFixture[str]) -> None:
    reading, writing = route_options(["write.version=2.2", "read.version=3"], NINJS, NINJS)
    assert reading == {"version": "3"} and writing == {"version": "2.2"}
    with pytest.raises(UsageError, match="both the ninjs reader and the ninjs writer take it"):
        route_options(["version=2.2"], NINJS, NINJS)


def _option(annotation: object, default: object = None) -> OptionInfo:
    """The OptionInfo the registry makes of one keyword option with ``annotation``."""

    def reader(data: bytes | str, /, *, option: object = default) -> None:
        return None

    reader.__annotations__["option"] = annotation  # the type itself, as a module declares it
    return _option_infos(reader)[0]


@pytest.mark.parametrize(
    ("annotation", "text", "value"),
    [
        (bool, "TRUE", True),
        (bool, "yes", True),
        (bool, "1", True),
        (bool, "No", False),
        (bool, "0", False),
        (int, "42", 42),
        (int, "-3", -3),
        (int | None, "none", None),
        (int | None, "7", 7),
        (str | None, "None", None),
        (str | None, "story", "story"),
        (str, "none", "none"),  # no None allowed: the word is text
        (float, "0.5", 0.5),
        (
            datetime.datetime | None,
            "2024-04-05T09:30:00+10:30",
            datetime.datetime(
                2024,
                4,
                5,
                9,
                30,
                tzinfo=datetime.timezone(datetime.timedelta(hours=10, minutes=30)),
            ),
        ),
        (Literal["xhtml", "nitf"], "nitf", "nitf"),
        (Literal["xhtml", "nitf"] | None, "none", None),
    ],
)
def test_values_are_parsed_by_the_declared_type(
    annotation: object, text: str, value: object
) -> None:
    parsed = parse_value(_option(annotation), text)
    assert parsed == value and type(parsed) is type(value)


@pytest.mark.parametrize(
    ("annotation", "text", "message"),
    [
        (bool, "maybe", "takes true/false, yes/no or 1/0"),
        (int, "4x", "takes a whole number"),
        (int, "9" * 19, "takes a whole number"),
        (float, "nan", "takes a number"),
        (datetime.datetime | None, "yesterday", "takes none or an ISO 8601 date-time"),
        (Literal["xhtml", "nitf"], "html", "choose one of xhtml, nitf"),
        (bytes, "x", "which only Python gives"),
    ],
)
def test_bad_values_name_what_the_option_takes(annotation: object, text: str, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        parse_value(_option(annotation), text)


def test_formats_options_lists_each_option_with_type_and_default(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "formats", "--options")
    assert code == 0
    sections = out.split("\n\n")[0]
    assert "ninjs\n" in sections and "text\n" in sections
    assert "  write  version: str = '3.1'\n" in out
    assert "  write  day_time: str | None = None\n" in out
    assert "  read   dayfirst: bool = False\n" in out
    assert "  read   quotes: bool = True\n" in out
    assert "  read   catalog: Catalog | None = None  (Python only)\n" in out
    assert "-O KEY=VALUE" in out
    for option in options(TEXT, reading=True):
        assert f"  read   {option.name}: " in out


def test_the_text_reader_itself_refuses_no_text_and_no_article() -> None:
    from newsmodel.errors import NoArticleError, ReadError
    from newsmodel.io import text

    for empty in (b"", "", "\n \n", b"\xef\xbb\xbf", "Advertisement\n\nPrint\n"):
        with pytest.raises(NoArticleError, match="text input: no article found"):
            text.read(empty)
    for binary, kind in (
        (b"%PDF-1.7\n1 0 obj\n", "a PDF document"),
        (b"PK\x03\x04\x14\x00", "a ZIP archive"),
        ("Headline\x00\x00\x00\x00 body", "binary data"),
        (gzip.compress(b"\x89PNG\r\n\x1a\n"), "a PNG image"),
    ):
        with pytest.raises(ReadError, match=f"text input: this is {kind}") as caught:
            text.read(binary)
        assert not isinstance(caught.value, NoArticleError)
    assert text.read("Headline\n\nOne paragraph.\n").headline == "Headline"
    assert text.read("Headline\f\n\nA form feed is no binary.\n").headline == "Headline"
