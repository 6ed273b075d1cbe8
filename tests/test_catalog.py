"""QCodes and URIs: the built-in IPTC schemes, a document's own catalog, catalog files."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsmodel
from newsmodel.catalog import BUILTIN_SCHEMES, Catalog

MEDTOP = "http://cv.iptc.org/newscodes/mediatopic/"


@pytest.mark.parametrize(
    ("qcode", "uri"),
    [
        ("medtop:20000764", MEDTOP + "20000764"),
        ("subj:04000000", "http://cv.iptc.org/newscodes/subjectcode/04000000"),
        ("genre:Analysis", "http://cv.iptc.org/newscodes/genre/Analysis"),
        ("ninat:text", "http://cv.iptc.org/newscodes/ninature/text"),
        ("stat:usable", "http://cv.iptc.org/newscodes/pubstatusg2/usable"),
        ("rnd:highRes", "http://cv.iptc.org/newscodes/rendition/highRes"),
        ("iso3166-1a2:FI", "http://cvx.iptc.org/iso3166-1a2/FI"),
        ("wikidata:Q1757", "http://www.wikidata.org/entity/Q1757"),
    ],
)
def test_builtin_schemes_both_ways(qcode: str, uri: str) -> None:
    catalog = Catalog()
    assert catalog.to_uri(qcode) == uri
    assert catalog.to_qcode(uri) == qcode


def test_every_builtin_scheme_round_trips() -> None:
    catalog = Catalog()
    for alias, base in BUILTIN_SCHEMES.items():
        assert base.startswith("http://") and base.endswith("/"), alias
        assert catalog.to_qcode(catalog.to_uri(f"{alias}:x1") or "") == f"{alias}:x1"


def test_white_space_around_either_form_is_ignored() -> None:
    catalog = Catalog()
    assert catalog.to_uri("  medtop:20000764\n") == MEDTOP + "20000764"
    assert catalog.to_qcode(f" {MEDTOP}20000764 ") == "medtop:20000764"


def test_a_code_may_hold_a_colon() -> None:
    # only the first colon separates the alias
    assert Catalog().to_uri("medtop:a:b") == MEDTOP + "a:b"


@pytest.mark.parametrize(
    "qcode",
    [
        "acme:42",  # an alias nobody declared
        "MEDTOP:20000764",  # aliases are case-sensitive
        "medtop",  # no colon
        ":20000764",  # no alias
        "",
        "   ",
    ],
)
def test_unknown_or_malformed_qcodes_have_no_uri(qcode: str) -> None:
    assert Catalog().to_uri(qcode) is None


@pytest.mark.parametrize(
    "uri",
    [
        "http://example.test/topics/42",  # no scheme of ours
        "https://cv.iptc.org/newscodes/mediatopic/20000764",  # https is another URI
        MEDTOP,  # the scheme itself, with no code
        "",
    ],
)
def test_unknown_uris_have_no_qcode(uri: str) -> None:
    assert Catalog().to_qcode(uri) is None


def test_the_longest_matching_scheme_wins() -> None:
    catalog = Catalog().with_schemes({"acme": "http://acme.test/", "acmet": "http://acme.test/t/"})
    assert catalog.to_qcode("http://acme.test/t/7") == "acmet:7"
    assert catalog.to_qcode("http://acme.test/7") == "acme:7"
    # the order the schemes were given in does not matter
    other = Catalog().with_schemes(
        [("acmet", "http://acme.test/t/"), ("acme", "http://acme.test/")]
    )
    assert other.to_qcode("http://acme.test/t/7") == "acmet:7"


def test_with_schemes_makes_a_new_catalog_whose_entries_win() -> None:
    base = Catalog()
    mine = base.with_schemes(
        [("medtop", "http://mine.test/topics/"), ("acme", "http://acme.test/")]
    )
    assert mine.to_uri("medtop:1") == "http://mine.test/topics/1"
    assert mine.to_uri("acme:1") == "http://acme.test/1"
    assert base.to_uri("medtop:1") == MEDTOP + "1"
    assert base.to_uri("acme:1") is None
    assert Catalog().to_uri("acme:1") is None  # nothing is shared between catalogs


def test_an_empty_scheme_uri_matches_nothing() -> None:
    catalog = Catalog().with_schemes({"blank": ""})
    assert catalog.to_qcode("http://acme.test/1") is None


def test_catalogs_are_values() -> None:
    assert Catalog() == Catalog()
    assert Catalog().with_schemes({"acme": "http://acme.test/"}) != Catalog()
    with pytest.raises(AttributeError):
        Catalog().schemes = {}  # type: ignore[misc]


# ---------------------------------------------------------------------------
# catalog files

CATALOG_FILE = """<?xml version="1.0" encoding="UTF-8"?>
<catalog xmlns="http://iptc.org/std/nar/2006-10-01/" url="http://acme.test/catalog.xml">
  <scheme alias="acme" uri="http://acme.test/topics/"/>
  <scheme alias=" acmeplace " uri=" http://acme.test/places/ "/>
  <scheme alias="medtop" uri="http://acme.test/own-media-topics/"/>
  <scheme alias="" uri="http://acme.test/no-alias/"/>
  <scheme alias="nouri"/>
</catalog>
"""


def test_catalog_file_adds_its_schemes(tmp_path: Path) -> None:
    path = tmp_path / "acme-catalog.xml"
    path.write_text(CATALOG_FILE, encoding="utf-8")
    catalog = Catalog.from_file(path)
    assert catalog.to_uri("acme:42") == "http://acme.test/topics/42"
    assert catalog.to_uri("acmeplace:9") == "http://acme.test/places/9"  # trimmed
    assert catalog.to_uri("medtop:1") == "http://acme.test/own-media-topics/1"  # the file wins
    assert catalog.to_uri("genre:Analysis") == "http://cv.iptc.org/newscodes/genre/Analysis"
    assert catalog.to_uri("nouri:1") is None
    assert catalog.to_qcode("http://acme.test/no-alias/1") is None
    assert Catalog.from_file(str(path)) == catalog  # a str path too


def test_catalog_file_without_namespace(tmp_path: Path) -> None:
    path = tmp_path / "plain.xml"
    path.write_text('<catalog><scheme alias="acme" uri="http://acme.test/"/></catalog>', "utf-8")
    assert Catalog.from_file(path).to_uri("acme:x") == "http://acme.test/x"


def test_missing_catalog_file_is_our_error(tmp_path: Path) -> None:
    with pytest.raises(newsmodel.ReadError, match="cannot read catalog"):
        Catalog.from_file(tmp_path / "missing.xml")


@pytest.mark.parametrize(
    ("content", "why"),
    [
        ("<catalog><scheme alias='a'", "not well-formed"),
        ("", "empty"),
        (
            '<!DOCTYPE c [<!ENTITY e "x">]><catalog><scheme alias="&e;" uri="u"/></catalog>',
            "entities",
        ),
    ],
)
def test_bad_catalog_files_are_our_error(tmp_path: Path, content: str, why: str) -> None:
    path = tmp_path / "bad.xml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(newsmodel.ReadError, match=why) as info:
        Catalog.from_file(path)
    assert info.value.format == "catalog"


# ---------------------------------------------------------------------------
# a document's own catalog, as the NewsML-G2 reader uses it


def _item(catalog: str, subjects: str) -> str:
    return f"""<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:test:catalog:1"
    version="1" standard="NewsML-G2" standardversion="2.35">
  {catalog}
  <itemMeta><itemClass qcode="ninat:text"/><provider literal="test"/>
    <versionCreated>2024-04-05T10:00:00Z</versionCreated></itemMeta>
  <contentMeta><headline>Harbour ferries resume</headline>{subjects}</contentMeta>
</newsItem>"""


def _read(doc: str, **options: object) -> newsmodel.Article:
    return newsmodel.read(doc, format="newsml", quotes=False, **options)


ACME = '<catalog><scheme alias="acme" uri="http://acme.test/topics/"/></catalog>'


def test_document_catalog_resolves_its_qcodes_and_uris() -> None:
    doc = _item(
        ACME,
        '<subject qcode="acme:42"><name>Ferries</name></subject>'
        '<subject uri="http://acme.test/topics/7"><name>Wharves</name></subject>'
        '<subject qcode="medtop:20000764"><name>Transport</name></subject>',
    )
    topics = _read(doc).topics
    assert [(t.qcode, t.uri) for t in topics] == [
        ("acme:42", "http://acme.test/topics/42"),
        ("acme:7", "http://acme.test/topics/7"),
        ("medtop:20000764", MEDTOP + "20000764"),
    ]


def test_document_catalog_is_not_kept_for_the_next_document() -> None:
    subject = '<subject qcode="acme:42"><name>Ferries</name></subject>'
    assert _read(_item(ACME, subject)).topics[0].uri == "http://acme.test/topics/42"
    later = _read(_item("", subject)).topics[0]
    assert (later.qcode, later.uri) == ("acme:42", None)


def test_document_catalog_overrides_a_builtin_alias_for_that_document_only() -> None:
    own = '<catalog><scheme alias="medtop" uri="http://acme.test/mt/"/></catalog>'
    subject = '<subject qcode="medtop:1"><name>Ferries</name></subject>'
    assert _read(_item(own, subject)).topics[0].uri == "http://acme.test/mt/1"
    assert _read(_item("", subject)).topics[0].uri == MEDTOP + "1"


def test_caller_catalog_is_used_by_the_reader() -> None:
    subject = '<subject qcode="acme:42"><name>Ferries</name></subject>'
    caller = Catalog().with_schemes({"acme": "http://acme.test/given/"})
    topic = _read(_item("", subject), catalog=caller).topics[0]
    assert topic.uri == "http://acme.test/given/42"
    # the document's own catalog wins over the caller's
    topic = _read(_item(ACME, subject), catalog=caller).topics[0]
    assert topic.uri == "http://acme.test/topics/42"
