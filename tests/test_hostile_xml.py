"""Hostile XML and input encodings: entities in any encoding, files never opened, depth, model errors."""

from __future__ import annotations

import codecs
import contextlib
import os
import subprocess
import sys
import threading
import warnings
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

import newsmodel
from newsmodel import model as m
from newsmodel import xmlsafe
from newsmodel._input import sniff_encoding
from newsmodel.io import html, newsml, nitf
from tests.conftest import GOLDEN
from tests.expected import expected_unquoted

READERS = {"nitf": nitf.read, "newsml": newsml.read}
#: Seconds a read may take before the test calls it a hang (a blocked FIFO open).
HANG_SECONDS = 10
BODY = "<nitf><body><body.content><p>a {ref} b</p></body.content></body></nitf>"
# (name, codec, XML declaration or "")
ENCODINGS = [
    ("utf-8", "utf-8", ""),
    ("utf-16 BOM", "utf-16", ""),
    ("utf-16-le", "utf-16-le", ""),
    ("utf-16-be", "utf-16-be", ""),
    ("utf-16-le declared", "utf-16-le", '<?xml version="1.0" encoding="UTF-16"?>'),
    ("utf-16-be declared", "utf-16-be", '<?xml version="1.0" encoding="UTF-16"?>'),
    ("utf-32 BOM", "utf-32", ""),
    ("utf-32-le", "utf-32-le", ""),
    ("utf-32-be", "utf-32-be", '<?xml version="1.0" encoding="UTF-32"?>'),
    ("utf-7 declared", "utf-7", '<?xml version="1.0" encoding="UTF-7"?>'),
]


def _encode(text: str, codec: str, declaration: str) -> bytes:
    if codec == "utf-7":  # the declaration stays ASCII, as a UTF-7 document's would
        return declaration.encode("ascii") + text.encode("utf-7")
    return (declaration + text).encode(codec)


def _must_not_open(
    fifo: Path, read: Callable[[], object], timeout: float = HANG_SECONDS
) -> BaseException | None:
    """Run ``read`` in a thread; fail (not hang) when it blocks opening ``fifo``."""
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", newsmodel.NewsmodelWarning)
                read()
            outcome.append(None)
        except BaseException as exc:  # handed to the test thread
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        with contextlib.suppress(OSError):  # release the reader blocked in open()
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        thread.join(timeout)
        pytest.fail(f"the reader opened {fifo} (it blocked on the FIFO)")
    return outcome[0]


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "secret"
    try:
        os.mkfifo(path)
    except (AttributeError, OSError) as exc:
        pytest.skip(f"no FIFOs here: {exc}")
    return path


def _attacks(target: str) -> dict[str, str]:
    return {
        "parameter entity": f'<!DOCTYPE nitf [<!ENTITY % p SYSTEM "{target}"> %p;]>'
        + BODY.format(ref=""),
        "external entity": f'<!DOCTYPE nitf [<!ENTITY x SYSTEM "{target}">]>'
        + BODY.format(ref="&x;"),
        "doctype system id": f'<!DOCTYPE nitf SYSTEM "{target}">' + BODY.format(ref="&x;"),
        "doctype public id": f'<!DOCTYPE nitf PUBLIC "-//x//y" "{target}">' + BODY.format(ref=""),
    }


@pytest.mark.parametrize("reader", sorted(READERS))
@pytest.mark.parametrize(("name", "codec", "declaration"), ENCODINGS, ids=[e[0] for e in ENCODINGS])
def test_no_file_is_opened_through_entities_or_dtds_in_any_encoding(
    fifo: Path, reader: str, name: str, codec: str, declaration: str
) -> None:
    for kind, doc in _attacks(fifo.as_uri()).items():
        data = _encode(doc, codec, declaration)
        error = _must_not_open(fifo, lambda data=data: READERS[reader](data))
        if "entity" in kind:
            assert isinstance(error, newsmodel.ReadError), (kind, error)
            assert "entities" in str(error)
        else:  # a DOCTYPE that only names a DTD is read, the DTD never loaded
            assert error is None or isinstance(error, newsmodel.ReadError), (kind, error)


def test_the_parser_alone_opens_nothing(fifo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the guard is not the only wall: without it, libxml2 still loads no DTD or entity
    monkeypatch.setattr(xmlsafe, "_refuse_declarations", lambda text, format: None)
    for doc in _attacks(fifo.as_uri()).values():
        for codec in ("utf-8", "utf-16"):
            data = doc.encode(codec)
            error = _must_not_open(fifo, lambda data=data: nitf.read(data))
            assert error is None or isinstance(error, newsmodel.ReadError)
            assert not isinstance(error, newsmodel.ReadError) or "LEAK" not in str(error)


def test_the_resolver_refuses_what_libxml2_asks_for(fifo: Path) -> None:
    # a parser told to load DTDs still gets nothing through newsmodel's resolver
    parser = etree.XMLParser(load_dtd=True, no_network=True, resolve_entities=False)
    parser.resolvers.add(xmlsafe._RefuseEverything("nitf"))
    data = f'<!DOCTYPE nitf SYSTEM "{fifo.as_uri()}"><nitf/>'.encode()
    error = _must_not_open(fifo, lambda: etree.fromstring(data, parser))
    assert isinstance(error, newsmodel.ReadError)
    assert "never loaded" in str(error)


def test_dev_zero_is_never_opened() -> None:
    # in a child process: a reader stuck on /dev/zero is killed, not left running
    script = (
        "import newsmodel\n"
        "for codec in ('utf-8', 'utf-16', 'utf-32-be'):\n"
        "    for doc in (\n"
        "        '<!DOCTYPE nitf [<!ENTITY % p SYSTEM \"file:///dev/zero\"> %p;]><nitf/>',\n"
        "        '<!DOCTYPE nitf SYSTEM \"file:///dev/zero\"><nitf><body/></nitf>',\n"
        "    ):\n"
        "        for fmt in ('nitf', 'newsml'):\n"
        "            try:\n"
        "                newsmodel.read(doc.encode(codec), format=fmt)\n"
        "            except newsmodel.ReadError:\n"
        "                pass\n"
        "print('done')\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    try:
        done = subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            timeout=HANG_SECONDS * 3,
            env=env,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("a reader opened /dev/zero")
    assert done.stdout.strip() == "done", done.stderr


@pytest.mark.parametrize(
    "doc",
    [
        # an internal subset behind a comment that mentions a DOCTYPE
        '<!-- <!DOCTYPE a> --><!DOCTYPE nitf [<!ATTLIST nitf x CDATA "y">]><nitf/>',
        # a ">" inside the quoted system id, then the subset
        '<?xml version="1.0"?><!DOCTYPE nitf SYSTEM "a>b" [<!ELEMENT nitf ANY>]><nitf/>',
        # lower-case keyword
        '<!doctype nitf [<!entity x "y">]><nitf>&x;</nitf>',
    ],
)
def test_internal_subsets_are_refused_however_written(doc: str) -> None:
    for codec in ("utf-8", "utf-16-be"):
        with pytest.raises(newsmodel.ReadError, match="entities or an internal DTD subset"):
            nitf.read(doc.encode(codec))


@pytest.mark.parametrize("golden", ["indaily.nitf.xml", "indaily.newsml.xml"])
@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-be"])
def test_golden_files_read_the_same_in_wide_encodings(golden: str, codec: str) -> None:
    text = (GOLDEN / golden).read_text(encoding="utf-8")
    text = text.replace('encoding="UTF-8"', f'encoding="{codec.upper()}"')
    reader = nitf.read if golden.endswith(".nitf.xml") else newsml.read
    assert reader(text.encode(codec)) == expected_unquoted()


def test_declared_8bit_encodings_are_honoured() -> None:
    latin = '<?xml version="1.0" encoding="ISO-8859-1"?>' + BODY.format(ref="café")
    assert nitf.read(latin.encode("latin-1")).text == "a café b"
    cp1252 = '<?xml version="1.0" encoding="windows-1252"?>' + BODY.format(ref="“q”")
    assert nitf.read(cp1252.encode("cp1252")).text == "a “q” b"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'<?xml version="1.0" encoding="UTF-16"?><nitf/>', "does not match"),
        (b'<?xml version="1.0" encoding="IBM500"?><nitf/>', "does not match"),
        ('<?xml version="1.0" encoding="IBM037"?><nitf/>'.encode("cp037"), "EBCDIC"),
        (b'<?xml version="1.0" encoding="klingon"?><nitf/>', "unknown text encoding"),
        (b'<?xml version="1.0" encoding="unicode_escape"?><nitf/>', "not a text encoding"),
        (b"<nitf>caf\xe9</nitf>", "not valid utf-8"),
        ("<nitf>a\U0001f600</nitf>".encode("utf-16-le")[:-3], "not valid utf-16-le"),
    ],
)
def test_encodings_we_cannot_read_safely_are_refused(data: bytes, message: str) -> None:
    for read in READERS.values():
        with pytest.raises(newsmodel.ReadError, match=message):
            read(data)


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_lone_surrogate_in_text_is_a_read_error_with_where(fmt: str) -> None:
    doc = "<nitf>\n<body><body.content><p>a \ud800 b</p></body.content></body></nitf>"
    with pytest.raises(newsmodel.ReadError) as caught:
        newsmodel.read(doc, format=fmt)
    assert caught.value.where == "line 2, column 26"
    assert "U+D800" in str(caught.value)


def test_wrong_input_types_are_read_errors() -> None:
    for read in (nitf.read, newsml.read, html.read):
        with pytest.raises(newsmodel.ReadError, match="expected bytes or str, got int"):
            read(42)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------
# encoding sniffing and a web page transcoded to UTF-16/32

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Café owner speaks – The Paper</title></head>
<body><article><h1>Café owner speaks</h1>
<p>The owner of the café in Adelaide said the rent rise had come as a shock to everyone.</p>
<p>“We cannot keep the doors open at this price,” Renée Martin said on Friday.</p>
<p>The council will consider the matter at its next meeting, a spokesperson said.</p>
</article></body></html>"""


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_page_in_utf16_without_bom_is_not_read_as_its_meta_charset(codec: str) -> None:
    for data in (PAGE.encode(codec), ("\n\n  " + PAGE).encode(codec)):
        article = newsmodel.read(data, format="html")
        assert article.headline == "Café owner speaks"
        assert "“We cannot keep the doors open at this price,” Renée Martin" in article.text
        assert [q.text for q in article.quotes] == ["We cannot keep the doors open at this price,"]


def test_sniff_encoding() -> None:
    assert sniff_encoding(codecs.BOM_UTF8 + b"<a/>") == "utf-8-sig"
    assert sniff_encoding(codecs.BOM_UTF32_LE + "<a/>".encode("utf-32-le")) == "utf-32"
    assert sniff_encoding(codecs.BOM_UTF16_BE + "<a/>".encode("utf-16-be")) == "utf-16"
    cjk = "\n 咖啡馆老板发言 " * 40 + "<p>x</p>"
    for codec in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        assert sniff_encoding(f"<p>{cjk}</p>".encode(codec)) == codec
        assert sniff_encoding(cjk.encode(codec)) == codec  # no "<" first
    for text in ("<p>café</p>", cjk, "", "ab"):
        for codec in ("utf-8", "latin-1", "cp1252", "shift_jis"):
            with contextlib.suppress(UnicodeEncodeError):
                assert sniff_encoding(text.encode(codec)) is None, (text, codec)


# ---------------------------------------------------------------------------
# depth: deep text is read or refused, never dropped

DEEP = 100_000


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_very_deep_xml_is_refused_with_the_limit(fmt: str) -> None:
    doc = (
        "<nitf><body><body.content>"
        + "<bq><block>" * (DEEP // 2)
        + "<p>deep text</p>"
        + "</block></bq>" * (DEEP // 2)
        + "</body.content></body></nitf>"
    )
    with pytest.raises(newsmodel.InputTooLargeError, match="deeper than 256 levels"):
        newsmodel.read(doc, format=fmt)
    shallow = doc.replace("<bq><block>" * (DEEP // 2), "<bq><block>" * 50).replace(
        "</block></bq>" * (DEEP // 2), "</block></bq>" * 50
    )
    assert "deep text" in nitf.read(shallow).text


def test_very_deep_page_is_refused_not_cut() -> None:
    words = "deep text that is long enough to be taken for the body of the story, said no one."
    for depth, refused in ((100, False), (300, False), (DEEP, True)):
        page = (
            "<html><head><title>Deep</title></head><body><article><h1>Deep</h1>"
            + "<div>" * depth
            + f"<p>{words}</p>"
            + "</div>" * depth
            + "</article></body></html>"
        )
        if refused:
            with pytest.raises(newsmodel.InputTooLargeError, match="deeper than 2048 levels"):
                html.read(page)
        else:
            assert words in html.read(page).text


# ---------------------------------------------------------------------------
# the model's own error


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: m.Article(headline="a\x00b"), "headline"),
        (lambda: m.Article(headline="a\ud800b"), "headline"),
        (lambda: m.Article(headline="   "), "headline"),
        (lambda: m.Byline(name="A\x07"), "name"),
        (lambda: m.Article(urgency=12), "urgency"),
        (lambda: m.Article(bylines=["x"]), "bylines[0]"),
        (lambda: m.Paragraph(content=["ok", m.LineBreak(), "bad\x1f"]), "content[2]"),
        (lambda: m.Article(body=[m.Paragraph(content=["x"]), "y"]), "body[1]"),
        (lambda: m.Byline(name="A", kind="robot"), None),
        (lambda: m.Article(bylines="one"), None),
        (lambda: m.Article(bylines=5), None),
        (lambda: m.Topic(), None),
    ],
)
def test_model_validation_error(build: Callable[[], object], field: str | None) -> None:
    with pytest.raises(newsmodel.ModelValidationError) as caught:
        build()
    error = caught.value
    assert isinstance(error, newsmodel.NewsmodelError)
    assert isinstance(error, ValueError)
    assert error.field == field
    if field is not None:
        assert str(error).startswith(f"{field}: ")


def test_fifo_helper_really_fails_on_a_blocked_open(fifo: Path) -> None:
    # the helper the tests above rely on: an open() that blocks is caught, released, failed
    def blocked() -> None:
        with open(fifo, "rb"):
            pass

    with pytest.raises(pytest.fail.Exception, match="blocked on the FIFO"):
        _must_not_open(fifo, blocked, timeout=1)
