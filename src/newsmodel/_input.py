"""The one input guard: type, size, byte-order marks, encoding sniffing, decoding.

Every reader (and :mod:`newsmodel.xmlsafe`) starts here. This module imports
nothing from newsmodel but :mod:`newsmodel.errors` and :mod:`newsmodel.model`
(for :data:`~newsmodel.model.NOT_TEXT`), so that the XML parser does not import
the format package.
"""

from __future__ import annotations

import codecs
import os
import re
import zlib

from newsmodel.errors import InputTooLargeError, ReadError
from newsmodel.model import NOT_TEXT
from newsmodel.model_fields import holds_refused, utf8_holds_refused

__all__ = [
    "DEFAULT_MAX_BYTES",
    "GZIP_MAGIC",
    "PROLOGUE_BYTES",
    "binary_kind",
    "bom_encoding",
    "check_input",
    "clean_markup",
    "clean_markup_utf8",
    "clean_text",
    "decode_bytes",
    "decode_text",
    "file_bytes",
    "gunzip",
    "gzip_head",
    "line_col",
    "sniff_encoding",
    "whole_number",
    "xml_prologue",
]

#: Readers refuse input larger than this many bytes unless told otherwise.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024

#: The first bytes of gzip-compressed data (RFC 1952): a saved ``.html.gz``, a crawl record.
GZIP_MAGIC = b"\x1f\x8b"
#: ``zlib`` window bits that read a gzip header and trailer.
_GZIP_WBITS = 16 + zlib.MAX_WBITS

# codecs that read past their byte-order mark (UTF-32 before UTF-16: FF FE 00 00
# starts with FF FE)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# a document's first "<" in each wide encoding (XML 1.0, appendix F); an
# ASCII-compatible document never has a NUL beside it
_WIDE_STARTS = (
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00<", "utf-16-be"),
    (b"<\x00", "utf-16-le"),
)

#: How much of the input the byte-pattern sniffing looks at: the first KB holds
#: enough markup or text to judge, and looking further costs time for nothing.
SNIFF_BYTES = 1024
#: Fewest code units the pattern sniffing judges on (shorter input is too ambiguous).
_MIN_UNITS = 4
#: Share of code units whose high byte(s) must be NUL to call the input UTF-16/32:
#: ASCII markup gives nearly all, a page in a non-Latin script still a quarter or more,
#: while text in an ASCII-compatible encoding has no NUL at all.
_WIDE_SHARE = 0.25
#: NULs in the other (low) byte stay rare in UTF-16/32 (only characters U+xx00).
_LOW_NUL_SHARE = 0.125


def check_input(data: object, *, format: str, max_bytes: int) -> bytes | str:
    """``data`` as ``bytes`` or ``str`` within ``max_bytes``.

    Raises :class:`ReadError` for any other type and :class:`InputTooLargeError`
    past the limit (counted in characters for ``str``).
    """
    if isinstance(data, str):
        if len(data) > max_bytes:
            raise InputTooLargeError(
                f"input of {len(data)} characters is over the limit of {max_bytes}", format=format
            )
        return data
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise ReadError(f"expected bytes or str, got {type(data).__name__}", format=format)
    if len(data) > max_bytes:
        raise InputTooLargeError(
            f"input of {len(data)} bytes is over the limit of {max_bytes}", format=format
        )
    raw = bytes(data)
    if raw.startswith(GZIP_MAGIC):
        return gunzip(raw, format=format, max_bytes=max_bytes)
    return raw


def gunzip(raw: bytes, *, format: str, max_bytes: int) -> bytes:
    """The bytes gzip-compressed ``raw`` holds (every member, in order).

    Never more than ``max_bytes`` are made: past that, :class:`InputTooLargeError`
    (a gzip bomb costs no more than the limit). Corrupt or cut-off data raises
    :class:`ReadError`.
    """
    out = bytearray()
    rest = raw
    while rest:
        unzip = zlib.decompressobj(_GZIP_WBITS)
        try:
            out += unzip.decompress(rest, max_bytes + 1 - len(out))
        except zlib.error as exc:
            raise ReadError(f"corrupt gzip data: {exc}", format=format) from None
        if len(out) > max_bytes:
            raise InputTooLargeError(
                f"gzip data that holds more than the limit of {max_bytes} bytes", format=format
            )
        if not unzip.eof:
            raise ReadError("gzip data cut off before its end", format=format)
        rest = unzip.unused_data
        if rest and not rest.startswith(GZIP_MAGIC):
            break  # (padding after the last member, as some writers leave)
    return bytes(out)


def gzip_head(raw: bytes | bytearray | memoryview, size: int) -> bytes:
    """The first ``size`` bytes gzip-compressed ``raw`` holds, for sniffing; what can be
    read of them when the data is corrupt (the reader then says why)."""
    unzip = zlib.decompressobj(_GZIP_WBITS)
    try:
        return unzip.decompress(raw, size)
    except zlib.error:
        return b""


#: Signatures of files that are no text, handed to a news reader by mistake, each with
#: what it is: ``%PDF-1.7`` starts a PDF document, ``PK\x03\x04`` a ZIP archive.
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a .docx, .odt or .epub is one)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE2 file (an old Word or Excel document)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
)
#: How many leading bytes :func:`binary_kind` judges control bytes on.
BINARY_HEAD = 1024
#: Control bytes (tab, line breaks, form feed and NUL aside) text may hold before it is
#: taken for binary data, as a share of the head: stray ones occur in old wire copy,
#: random bytes have about one in nine.
_CONTROL_SHARE = 0.05
#: NUL bytes text may hold in its head: one is a stray byte of a damaged file (a feed
#: that carries one still reads), more is binary data (``Headline\x00\x00 body``).
_STRAY_NULS = 1
# C0 control bytes other than tab, line feed, form feed and carriage return
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def binary_kind(head: bytes) -> str | None:
    """What ``head`` (the first bytes of some input) is when it is no text; ``None`` for text.

    A known signature is named (``"a PDF document"``); other input is ``"binary
    data"`` when its first :data:`BINARY_HEAD` bytes hold more than one NUL or many
    control bytes (UTF-16/32 input is judged on its characters, not on the NULs in them).

    >>> binary_kind(b"%PDF-1.7 ...")
    'a PDF document'
    >>> binary_kind(b"Headline\\n\\nText.") is None
    True
    """
    for signature, kind in BINARY_SIGNATURES:
        if head.startswith(signature):
            return kind
    window = head[:BINARY_HEAD]
    codec = sniff_encoding(window)
    if codec is not None and codec.startswith(("utf-16", "utf-32")):
        try:  # wide text: judged on its characters (a character cut at the end waits)
            window = codecs.getincrementaldecoder(codec)().decode(window).encode("utf-8")
        except UnicodeDecodeError:
            return "binary data"
    controls = len(window) - len(window.translate(None, _CONTROL_BYTES))
    if window.count(b"\x00") > _STRAY_NULS or controls > len(window) * _CONTROL_SHARE:
        return "binary data"
    return None


def bom_encoding(raw: bytes) -> str | None:
    """The codec a byte-order mark names (one that skips the mark); ``None`` without one."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            return codec
    return None


def _wide_encoding(raw: bytes) -> str | None:
    """UTF-16/32 without a byte-order mark, told by where the NUL bytes are."""
    for start, codec in _WIDE_STARTS:
        if raw.startswith(start):
            return codec
    head = raw[:SNIFF_BYTES]
    quads = len(head) // 4
    if quads * 2 < _MIN_UNITS:
        return None
    at = [head[i : quads * 4 : 4].count(0) for i in range(4)]  # NULs by position mod 4
    wide, low = quads * _WIDE_SHARE, quads * _LOW_NUL_SHARE
    if at[3] == quads and at[2] >= wide and at[0] <= low:
        return "utf-32-le"
    if at[0] == quads and at[1] >= wide and at[3] <= low:
        return "utf-32-be"
    pairs = quads * 2
    even, odd = at[0] + at[2], at[1] + at[3]
    if odd >= pairs * _WIDE_SHARE and even <= pairs * _LOW_NUL_SHARE:
        return "utf-16-le"
    if even >= pairs * _WIDE_SHARE and odd <= pairs * _LOW_NUL_SHARE:
        return "utf-16-be"
    return None


def sniff_encoding(raw: bytes) -> str | None:
    """The encoding the bytes themselves show: a byte-order mark, or a UTF-16/32 pattern.

    Returns a codec name for :meth:`bytes.decode` (which drops the mark), or
    ``None`` for input in some ASCII-compatible encoding, which only a
    declaration can name. Trust this before any declared charset: a page
    transcoded to UTF-16 often still declares UTF-8.
    """
    return bom_encoding(raw) or _wide_encoding(raw)


def decode_text(
    data: bytes | str,
    *,
    format: str,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> str:
    """Turn reader input into text: a BOM, else ``encoding``, else a UTF-16/32 pattern, else UTF-8.

    Raises :class:`ReadError` for undecodable bytes (naming the byte offset)
    and :class:`InputTooLargeError` past ``max_bytes``.
    """
    data = check_input(data, format=format, max_bytes=max_bytes)
    if isinstance(data, str):
        return data[1:] if data.startswith("\ufeff") else data
    codec = bom_encoding(data) or encoding or _wide_encoding(data) or "utf-8"
    return decode_bytes(data, codec, format=format)


def decode_bytes(raw: bytes, codec: str, *, format: str) -> str:
    """``raw`` decoded strictly; :class:`ReadError` naming the byte offset or the codec."""
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as exc:
        raise ReadError(
            f"bytes are not valid {codec} (byte offset {exc.start}: {exc.reason})", format=format
        ) from None
    except LookupError:
        raise ReadError(f"unknown text encoding {codec!r}", format=format) from None


def line_col(text: str, offset: int) -> str:
    """``line L, column C`` (both from 1) for a character offset into ``text``."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"line {line}, column {col}"


def clean_text(text: str) -> str:
    """Drop characters the model refuses (controls other than tab and newlines, lone surrogates)."""
    return NOT_TEXT.sub("", text) if holds_refused(text) else text


#: HTML character references to the characters the model refuses, which the HTML parser
#: would otherwise put in the text: ``&#1;``, ``&#x0B``, ``&#65535;`` (decimal 1-8, 11,
#: 12, 14-31, 65534, 65535 and the same in hex, with any leading zeros). ``&#0;`` and
#: references to surrogates are left: the parser reads them as U+FFFD.
_BAD_CHAR_REFERENCE = re.compile(
    r"&#(?:0*(?:[1-8]|1[124-9]|2[0-9]|3[01]|6553[45])(?![0-9])"
    r"|[xX]0*(?:[1-8bBcCeEfF]|1[0-9a-fA-F]|[fF]{3}[eEfF])(?![0-9a-fA-F]));?"
)


def clean_markup(text: str) -> str:
    """HTML source without the characters the model refuses, written out or as references.

    >>> clean_markup("a&#1;b&#x1F;c\x02d&#10;e")
    'abcd&#10;e'
    >>> clean_markup("a&#&#1;1;b")  # taking one out would join "&#" and "1;" into another
    'a&# 1;b'
    """
    text = clean_text(text)
    # most markup has no such reference: one search says so, and the text is kept as it is
    if not _holds_bad_reference(text):
        return text
    cleaned = _BAD_CHAR_REFERENCE.sub("", text)
    if _holds_bad_reference(cleaned):
        # a reference taken out joined what stood around it into one: a space joins nothing
        return _BAD_CHAR_REFERENCE.sub(" ", text)
    return cleaned


def _holds_bad_reference(text: str) -> bool:
    return "&#" in text and _BAD_CHAR_REFERENCE.search(text) is not None


def clean_markup_utf8(text: str) -> bytes:
    """:func:`clean_markup` of ``text`` encoded as UTF-8, for a parser: the encoding also
    finds a lone surrogate, and its bytes are scanned faster than the text
    (:func:`~newsmodel.model_fields.utf8_holds_refused`); most markup holds nothing to
    clean and is encoded once.

    >>> clean_markup_utf8("é&#1;")
    b'\xc3\xa9'
    """
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # (a lone surrogate, which the model refuses)
        return clean_markup(text).encode("utf-8")
    if utf8_holds_refused(text, data) or _holds_bad_reference(text):
        return clean_markup(text).encode("utf-8")
    return data


#: Digits a whole number in a document may have (sizes, versions, urgencies): more is
#: no count a news document means, and converting a huge digit string costs quadratic time.
MAX_NUMBER_DIGITS = 18


def whole_number(text: str | None) -> int | None:
    """``text`` as a whole number when it is one written in ASCII digits (``" 640 "``);
    ``None`` otherwise (``"²"``, ``"١٢"``, ``"-3"``, ``"1e3"``, a 19-digit string, ``None``)."""
    if text is None:
        return None
    text = text.strip()
    if not text or len(text) > MAX_NUMBER_DIGITS or not (text.isascii() and text.isdigit()):
        return None
    return int(text)


#: How far into the input a prologue (comments, processing instructions, a DOCTYPE)
#: is skipped to find the content: a long licence comment fits, and detection stays bounded.
PROLOGUE_BYTES = 65536
#: One item of an XML prologue: white space, a comment, a processing instruction, the
#: XML declaration or a DOCTYPE (``<!DOCTYPE nitf [ ... ]>`` with its internal subset).
_PROLOGUE_ITEM = re.compile(
    rb"\s+|<!--.*?-->|<\?(?!xml[\s?]).*?\?>"
    rb"|(?P<declaration><\?xml[\s?].*?\?>)|(?P<doctype><!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)",
    re.DOTALL | re.IGNORECASE,
)


def xml_prologue(head: bytes) -> tuple[bytes, int]:
    """The XML declaration and DOCTYPE of ``head``'s prologue (the first of each, in order),
    and the offset its content starts at (within :data:`PROLOGUE_BYTES`): one pass, each
    item matched once where the last one ended.

    >>> xml_prologue(b'<?xml version="1.0"?><!-- c --> <rss>')
    (b'<?xml version="1.0"?>', 32)
    """
    kept: dict[str, bytes] = {}
    head = head[: PROLOGUE_BYTES + 1]
    at = len(codecs.BOM_UTF8) if head.startswith(codecs.BOM_UTF8) else 0
    while at < PROLOGUE_BYTES:
        item = _PROLOGUE_ITEM.match(head, at)
        if item is None or item.end() == at:
            break
        if item.lastgroup is not None:
            kept.setdefault(item.lastgroup, item.group())
        at = item.end()
    return b"".join(kept.values()), at


def file_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of the file at ``path``; :class:`ReadError` naming it when it cannot be read."""
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise ReadError(f"cannot read {os.fspath(path)!r}: {exc.strerror or exc}") from None
