"""newsmodel.validate and the schemas shipped in the package: offline, by format, with IPTC's verdicts."""

from __future__ import annotations

import hashlib
import json
import socket
import sys
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsmodel
from newsmodel import model as m
from newsmodel import validation
from newsmodel.cli import main
from newsmodel.io import newsmodel_json, ninjs
from newsmodel.testing import articles
from tests.conftest import GOLDEN
from tests.schemas import G2, NINJS, NITF, PACKAGED

#: sha256 of each third-party file as IPTC and the W3C publish it: the NITF licence
#: forbids modifying its files, and every notice must stay as it is.
UNCHANGED = {
    "xsd/NewsML-G2_2.35-spec-All-Power.xsd": "06ef1c5076a32f25",
    "xsd/LICENSE-NewsML-G2.txt": "a7227ca01152bfda",
    "xsd/nitf-3-6.xsd": "78f4931e19ae7c1b",
    "xsd/nitf-3-6-ruby-include.xsd": "cd24abf32fbf76d8",
    "xsd/xml.xsd": "61960fb3131e3802",
    "ninjs/ninjs-schema_3.1.json": "404f578a299bf34e",
    "ninjs/ninjs-schema_2.2.json": "88c84fa87382c5a7",
    "ninjs/ninjs-schema_1.6.json": "ae8deb3991f10368",
    "ninjs/GeoJSON-schema.json": "e52886cce1429941",
    "ninjs/LICENSE-ninjs.txt": "185b0ac4053bd3b4",
}

#: Which schema each golden file is checked against when the format is guessed.
GOLDEN_SCHEMAS = {
    "indaily.newsml.xml": "newsml-g2",
    "indaily.newsml-nitf-body.xml": "newsml-g2",
    "indaily.newsml-package.xml": "newsml-g2",
    "indaily.nitf.xml": "nitf",
    "indaily.ninjs-3.1.json": "ninjs-3.1",
    "indaily.ninjs-2.2.json": "ninjs-2.2",
    "indaily.ninjs-1.6.json": "ninjs-1.6",
    "indaily.newsmodel.json": "newsmodel",
}

#: IPTC's own user-guide examples that fail their schema's ``uri`` format check.
IPTC_EXAMPLES_INVALID = {
    "doc22_002_renditions_example.json": ("$.uri", "'renditions-example' is not a 'uri'"),
    "doc31_002_renditions_example.json": ("$.uri", "'renditions-example' is not a 'uri'"),
}


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


@pytest.mark.parametrize("name", sorted(UNCHANGED))
def test_third_party_schemas_ship_unchanged(name: str) -> None:
    assert _sha(PACKAGED / name) == UNCHANGED[name]


def test_every_shipped_file_is_named_with_its_licence() -> None:
    notice = (PACKAGED / "NOTICE.md").read_text("utf-8")
    shipped = [p for p in PACKAGED.rglob("*") if p.suffix in (".xsd", ".json", ".txt")]
    assert len(shipped) == 12
    for path in shipped:
        assert f"`{path.relative_to(PACKAGED).as_posix()}`" in notice
    assert "Creative Commons Attribution 4.0" in (
        PACKAGED / "xsd" / "LICENSE-NewsML-G2.txt"
    ).read_text("utf-8")
    nitf_xsd = (PACKAGED / "xsd" / "nitf-3-6.xsd").read_text("utf-8")
    assert "Non-Exclusive License Agreement for International Press" in nitf_xsd
    for version in ("3.1", "2.2", "1.6"):
        schema = json.loads(
            (PACKAGED / "ninjs" / f"ninjs-schema_{version}.json").read_text("utf-8")
        )
        assert "Creative Commons Attribution 4.0" in schema["description"]


def test_our_schema_has_a_stable_url_and_is_what_the_cli_prints(
    capsys: pytest.CaptureFixture[str],
) -> None:
    schema = newsmodel_json.schema()
    assert schema["$id"] == "https://newsmodel.readthedocs.io/schema/newsmodel-1.schema.json"
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == schema
    assert main(["schema", "ninjs-2.2"]) == 0
    assert json.loads(capsys.readouterr().out)["title"].endswith("version 2.2")
    with pytest.raises(SystemExit):
        main(["schema", "nosuch"])


@pytest.mark.parametrize("name", sorted(GOLDEN_SCHEMAS))
def test_what_newsmodel_writes_is_valid_against_the_schema_it_picks(name: str) -> None:
    report = validation.check((GOLDEN / name).read_bytes(), filename=name)
    assert report.schema.name == GOLDEN_SCHEMAS[name]
    assert report.problems == []


@pytest.mark.parametrize(
    "path", sorted(G2.glob("examples/should_fail/*.xml")), ids=lambda p: p.name
)
def test_iptc_g2_should_fail_examples_fail(path: Path) -> None:
    report = validation.check(path.read_bytes(), filename=path.name)
    assert report.schema.name == "newsml-g2"
    assert report.problems and all(p.where.startswith("line ") for p in report.problems)


@pytest.mark.parametrize(
    "path", sorted(NINJS.glob("examples/*/should_fail/*.json")), ids=lambda p: p.name
)
def test_iptc_ninjs_should_fail_examples_fail(path: Path) -> None:
    data = path.read_bytes()
    assert newsmodel.validate(data, "ninjs-3.1")  # IPTC's verdict, against 3.1
    assert newsmodel.validate(data, "ninjs")  # and against the version the document looks like


def test_should_fail_sets_are_complete() -> None:
    assert len(list(G2.glob("examples/should_fail/*.xml"))) == 5
    assert len(list(NINJS.glob("examples/*/should_fail/*.json"))) == 9


@pytest.mark.parametrize(
    "path",
    sorted(
        [*G2.glob("examples/*.xml"), *NITF.glob("examples/*.xml"), *NINJS.glob("examples/*/*.json")]
    ),
    ids=lambda p: p.name,
)
def test_iptc_examples_are_valid_against_the_schema_picked(path: Path) -> None:
    report = validation.check(path.read_bytes(), filename=path.name)
    expected = {
        "examples": "newsml-g2" if path.is_relative_to(G2) else "nitf",
        "1.x": "ninjs-1.6",
        "2.x": "ninjs-2.2",
        "3.x": "ninjs-3.1",
    }[path.parent.name]
    assert report.schema.name == expected
    found = [(p.where, p.why) for p in report.problems]
    assert found == (
        [IPTC_EXAMPLES_INVALID[path.name]] if path.name in IPTC_EXAMPLES_INVALID else []
    )


def test_problems_say_where_and_why() -> None:
    problems = newsmodel.validate('{"newsmodel": "1.0", "article": {"headline": "", "x": 1}}')
    assert [str(p) for p in problems] == [
        "$.article: Additional properties are not allowed ('x' was unexpected)",
        "$.article.headline: '' should be non-empty",
        "$.article.headline: '' does not match '\\\\S'",
    ]
    xml = '<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><nosuch/></body></nitf>'
    (problem,) = newsmodel.validate(xml)
    assert problem.where == "line 1, column 0" and "nosuch" in problem.why


def test_a_failed_alternative_names_the_closest_one() -> None:
    doc = {"uri": "urn:x:1", "places": [{"name": "X", "geoJSON": {"type": "Point"}}]}
    (problem,) = newsmodel.validate(json.dumps(doc), "ninjs-3.1")
    assert problem.where == "$.places[0].geoJSON"
    assert "closest: 'coordinates' is a required property" in problem.why


def test_many_problems_are_counted_not_all_listed() -> None:
    doc = {"uri": "urn:x:1", "subjects": [{"name": n} for n in range(validation.MAX_PROBLEMS + 7)]}
    problems = newsmodel.validate(json.dumps(doc), "ninjs-3.1")
    assert len(problems) == validation.MAX_PROBLEMS + 1
    assert problems[-1] == validation.Problem("", "7 more problem(s) not listed")
    assert str(problems[-1]) == "7 more problem(s) not listed"


def test_format_is_chosen_by_name_alias_or_schema() -> None:
    text = (GOLDEN / "indaily.ninjs-2.2.json").read_text("utf-8")
    assert validation.check(text, "ninjs").schema.name == "ninjs-2.2"
    assert validation.check(text, "ninjs-2.2").problems == []
    assert validation.check(text, "ninjs-3.1").problems  # 2.2's lower-case keys are not 3.1's
    nitf_text = (GOLDEN / "indaily.nitf.xml").read_text("utf-8")
    assert validation.check(nitf_text, "NITF").schema.name == "nitf"
    (problem,) = validation.check(nitf_text, "newsml").problems  # a NITF root is no G2 item
    assert problem.why == (
        "the root element '{http://iptc.org/std/NITF/2006-10-18/}nitf' is not in "
        "http://iptc.org/std/nar/2006-10-01/"
    )


@pytest.mark.parametrize(
    ("data", "format", "error"),
    [
        ("Just some words.\n", None, newsmodel.FormatError),  # text has no schema
        ("<html><body><p>x</p></body></html>", "html", newsmodel.FormatError),
        ("{}", "nosuch", newsmodel.UnknownFormatError),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "nitf", newsmodel.ReadError),
        ("{not json", "ninjs", newsmodel.ReadError),
        ("<nitf><body>", "nitf", newsmodel.ReadError),
        (
            '<?xml version="1.0"?><!DOCTYPE n [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
            "<nitf><body><p>&b;&b;&b;</p></body></nitf>",
            "nitf",
            newsmodel.ReadError,
        ),
    ],
)
def test_bad_input_raises_our_errors(data: str | bytes, format: str | None, error: type) -> None:
    with pytest.raises(error):
        newsmodel.validate(data, format)


def test_an_xml_bomb_is_refused_without_expansion() -> None:
    bomb = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><nitf>&lol;</nitf>'
    with pytest.raises(newsmodel.ReadError, match="no entity expansion"):
        newsmodel.validate(bomb, "nitf")


def test_a_huge_document_is_refused() -> None:
    with pytest.raises(newsmodel.InputTooLargeError):
        newsmodel.validate("<nitf>" + " " * 2000 + "</nitf>", "nitf", max_bytes=1000)
    with pytest.raises(newsmodel.InputTooLargeError):
        newsmodel.validate('{"uri": "' + "x" * 2000 + '"}', "ninjs", max_bytes=1000)


def test_schemas_load_from_the_package_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    # decoys beside the working directory: a relative import must never find them
    for name in ("xml.xsd", "nitf-3-6.xsd", "NewsML-G2_2.35-spec-All-Power.xsd"):
        (tmp_path / name).write_text("<not-a-schema/>", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    asked: list[str] = []
    resolve = validation._PackagedImports.resolve

    def recording(self: validation._PackagedImports, url: str, *args: object) -> object:
        asked.append(url)
        return resolve(self, url, *args)

    monkeypatch.setattr(validation._PackagedImports, "resolve", recording)
    validation._packaged_xsd.cache_clear()
    validation._json_validator.cache_clear()
    try:
        for name in GOLDEN_SCHEMAS:
            assert newsmodel.validate((GOLDEN / name).read_bytes(), filename=name) == []
    finally:
        validation._packaged_xsd.cache_clear()
        validation._json_validator.cache_clear()
    assert sorted(set(asked)) == [
        "newsmodel-schema:/xsd/NewsML-G2_2.35-spec-All-Power.xsd",
        "newsmodel-schema:/xsd/nitf-3-6-ruby-include.xsd",
        "newsmodel-schema:/xsd/nitf-3-6.xsd",
        "newsmodel-schema:/xsd/xml.xsd",
    ]
    with pytest.raises(validation.SchemaError, match="not shipped"):
        validation._PackagedImports().resolve("file:///etc/passwd", "", None)


def test_json_needs_the_validate_extra_xml_does_not(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "jsonschema", None)  # import fails as if not installed
    validation._json_validator.cache_clear()
    try:
        with pytest.raises(validation.SchemaError, match=r"newsmodel\[validate\]"):
            newsmodel.validate((GOLDEN / "indaily.ninjs-3.1.json").read_bytes())
        assert newsmodel.validate((GOLDEN / "indaily.nitf.xml").read_bytes()) == []
    finally:
        validation._json_validator.cache_clear()


def test_cli_validate_picks_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(GOLDEN / "indaily.ninjs-1.6.json")]) == 0
    assert capsys.readouterr().out.endswith("indaily.ninjs-1.6.json: valid against ninjs 1.6\n")
    bad = G2 / "examples" / "should_fail" / "unit_2.34_CR00218_too_many_nested_related.xml"
    assert main(["validate", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "related': This element is not expected" in out
    assert out.endswith("invalid (1 problem(s)) against NewsML-G2 2.35 (NITF 3.6 inside)\n")
    urgency = NINJS / "examples" / "3.x" / "should_fail" / "suite30_006_bad_urgency.json"
    assert main(["validate", "--format", "ninjs-3.1", str(urgency)]) == 1
    assert "$.urgency: 0.1 is not of type 'integer'" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "content", "message"),
    [
        (["--format", "nitf"], b"", "the document is empty"),
        ([], b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "cannot tell the format"),
        ([], b"plain words only\n", "no schema"),
    ],
)
def test_cli_validate_refuses_what_it_cannot_check(
    tmp_path: Path,
    args: list[str],
    content: bytes,
    message: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "doc.bin"
    path.write_bytes(content)
    assert main(["validate", *args, str(path)]) == 1
    assert message in capsys.readouterr().err


FEW = settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])


@FEW
@given(articles(max_blocks=3), st.sampled_from(ninjs.VERSIONS))
def test_every_written_ninjs_document_is_valid_against_the_version_detected(
    article: m.Article, version: str
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", newsmodel.NewsmodelWarning)
        text = ninjs.write(article, version=version)
    assert newsmodel.validate(text, "ninjs") == []
