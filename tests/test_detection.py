"""Format detection: past a prologue, bounded, and saying why when it cannot tell."""

from __future__ import annotations

import codecs
import gzip

import pytest

import newsmodel
from newsmodel import registry
from newsmodel._input import xml_prologue
from newsmodel.errors import UnknownFormatError
from tests.conftest import INDAILY_TXT, ROOT

IPTC = ROOT / "iptc"
NITF_EXAMPLES = sorted((IPTC / "nitf" / "examples").glob("*.xml"))

#: A made-up NITF document (placeholder words) to put prologues in front of.
NITF = b"<nitf><head><title>Placeholder</title></head><body><body.content><p>Lorem ipsum.</p></body.content></body></nitf>"
#: A made-up NewsML-G2 item.
NEWSML = (
    b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:1"><itemMeta/></newsItem>'
)


def test_the_iptc_nitf_examples_with_a_leading_comment_are_nitf() -> None:
    assert NITF_EXAMPLES, "tests/iptc/nitf/examples is missing"
    for path in NITF_EXAMPLES:
        data = path.read_bytes()
        assert b"<!--" in data[:300] and b"NewsML" in data[:300]  # the comment names NewsML
        assert newsmodel.detect_format(data).name == "nitf", path.name


@pytest.mark.parametrize(
    ("prologue", "document", "format"),
    [
        (b"<!-- NewsML-G2 wrapper dropped -->\n", NITF, "nitf"),
        (b"<?xml version='1.0'?>\n<!-- a comment -->\n<!-- another -->\n", NITF, "nitf"),
        (b'<?xml-stylesheet type="text/xsl" href="nitf.xsl"?>\n', NITF, "nitf"),
        (b"<!DOCTYPE nitf SYSTEM 'nitf-3-6.dtd'>\n", NITF, "nitf"),
        (b"<!DOCTYPE nitf [\n<!ENTITY x 'y'>\n]>\n<!-- nitf -->", NITF, "nitf"),
        (b"\n\n   \t", NEWSML, "newsml"),
        (codecs.BOM_UTF8 + b"<!-- comment --> ", NEWSML, "newsml"),
        (b"<!-- " + b"licence text " * 4000 + b"-->\n", NITF, "nitf"),  # past SNIFF_BYTES
        (
            b"<!-- <newsItem> in a comment -->",
            b"<!DOCTYPE html><html><body><p>x</p></body></html>",
            "html",
        ),
    ],
    ids=[
        "comment-naming-newsml",
        "declaration-and-comments",
        "processing-instruction",
        "doctype",
        "doctype-with-subset",
        "white-space",
        "bom-and-comment",
        "long-comment",
        "comment-naming-another-root",
    ],
)
def test_detection_sees_past_the_prologue(prologue: bytes, document: bytes, format: str) -> None:
    data = prologue + document
    assert newsmodel.detect_format(data).name == format
    assert newsmodel.detect_format(data.decode("utf-8")).name == format
    assert newsmodel.detect_format(data.decode("utf-8").encode("utf-16")).name == format
    assert newsmodel.detect_format(gzip.compress(data)).name == format


def test_a_prologue_past_the_bound_is_not_searched() -> None:
    """Detection looks at a bounded head: a comment longer than the bound hides the root."""
    huge = b"<!-- " + b"x" * (registry.PROLOGUE_BYTES + registry.SNIFF_BYTES) + b" -->" + NITF
    with pytest.raises(UnknownFormatError, match="cannot tell the format"):
        newsmodel.detect_format(huge)
    assert len(registry._sniff_head(huge * 50)) <= registry.PROLOGUE_BYTES + registry.SNIFF_BYTES


def test_the_prologue_reads_back_and_the_document_still_reads() -> None:
    article = newsmodel.read(NITF_EXAMPLES[0].read_bytes())
    assert article.headline


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "it has no content (empty, or only white space and comments)"),
        (b"  \n\t\n", "it has no content"),
        (b"<!-- nothing but a comment -->", "it has no content"),
        (
            b'<?xml version="1.0"?><conceptItem xmlns="urn:x"/>',
            "looks like XML with root <conceptItem>, which none of ",
        ),
        (
            b'{"alpha": 1, "beta": {"gamma": 2}}',
            "(keys seen first: alpha, beta, gamma)",
        ),
        (b"[1, 2, 3]", "a JSON array without the keys of "),
        (b"<<< not markup", "starts like markup, but with no element "),
        ("Caf\u00e9 ipsum".encode("cp1252"), "looks like text that is not UTF-8"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "it looks like a PDF document, which no format reads"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "it looks like a PNG image"),
        (bytes(range(256)) * 4, "it looks like binary data"),
    ],
    ids=[
        "empty",
        "white-space",
        "comment-only",
        "xml",
        "json-object",
        "json-array",
        "markup",
        "latin-1",
        "pdf",
        "png",
        "binary",
    ],
)
def test_undetected_input_says_what_it_looks_like(data: bytes, message: str) -> None:
    with pytest.raises(UnknownFormatError) as caught:
        newsmodel.detect_format(data)
    assert message in str(caught.value)
    assert "name the format explicitly" in str(caught.value) or "which no format reads" in str(
        caught.value
    )


def test_a_failed_guess_lists_the_formats_tried() -> None:
    with pytest.raises(UnknownFormatError, match=r"tried .*newsml, nitf \(as its extension says\)"):
        newsmodel.detect_format(b"Placeholder words only.\n", "story.xml")


def test_binary_input_is_refused_whatever_its_name() -> None:
    for name in ("story.html", "story.txt", "story.xml"):
        with pytest.raises(UnknownFormatError, match=f"of '{name}': it looks like a PDF document"):
            newsmodel.detect_format(b"%PDF-1.4\n1 0 obj\n", name)


def test_text_in_utf16_is_still_text() -> None:
    text = INDAILY_TXT.read_text(encoding="utf-8")
    for codec in ("utf-16", "utf-16-le", "utf-32"):
        assert newsmodel.detect_format(text.encode(codec)).name == "text", codec


@pytest.mark.parametrize(
    "data",
    [
        b"<?xml ?>" * 9000 + b"<foo/>",
        b"<?xml " + b"?>" * 40000,
        b"<!DOCTYPE x [" + b"] " * 40000,
        b"<!--" + b"-" * 80000,
        b"<!---->" * 12000 + b"<foo/>",
        b"<!DOCTYPE x>" * 8000 + b"<foo/>",
        b"{" + b'"' * 80000,
        b'{"a"' + b" " * 80000,
    ],
    ids=[
        "declarations",
        "question-marks",
        "brackets",
        "open-comment",
        "comments",
        "doctypes",
        "quotes",
        "spaces",
    ],
)
def test_hostile_prologues_are_refused_in_one_pass(data: bytes) -> None:
    """Each prologue item is matched once, from where the last ended (no backtracking
    across items): these would take minutes otherwise."""
    with pytest.raises(UnknownFormatError, match="cannot tell the format"):
        newsmodel.detect_format(data)
    kept, _ = xml_prologue(data)
    assert kept.count(b"<?xml") <= 1 and kept.count(b"<!DOCTYPE") <= 1  # the first of each


@pytest.mark.parametrize(
    ("data", "format"),
    [
        # an empty NITF document written as one self-closing element
        (b'<?xml version="1.0"?>\n<nitf/>', "nitf"),
        (b"<nitf\n/>", "nitf"),
        # XHTML: an XML declaration and DOCTYPE before an html root
        (
            b'<?xml version="1.0" encoding="utf-8"?>\n'
            b'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd">\n'
            b'<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Lorem.</p></body></html>',
            "html",
        ),
        (b"<?xml version='1.0'?><html><head><title>Lorem</title></head></html>", "html"),
        # HTML inside an XML document's text is no page
        (
            b'<?xml version="1.0"?><rss version="2.0"><channel><title>Lorem</title>'
            b"<description>&lt;p&gt;ipsum&lt;/p&gt; <p>dolor</p></description></channel></rss>",
            "rss",
        ),
    ],
)
def test_roots_that_sniffers_used_to_miss(data: bytes, format: str) -> None:
    assert newsmodel.detect_format(data).name == format


def test_an_xhtml_page_reads_as_a_page() -> None:
    page = (
        b'<?xml version="1.0" encoding="utf-8"?>\n'
        b'<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Quorvel tanbrith</title></head>'
        b"<body><article><h1>Quorvel tanbrith oslem</h1><p>Varik dunely pelmaro stindle, "
        b"quafe orrindo brask talvenor miskel ambrith yorvane plenticor.</p></article>"
        b"</body></html>"
    )
    article = newsmodel.read(page, quotes=False)
    assert "talvenor miskel" in newsmodel.write(article, "text")
