"""A small, bounded reader of WARC files (``.warc``, ``.warc.gz``), standard library only.

:func:`records` walks a WARC file one record at a time: the version line, the
named fields, and the record block of ``Content-Length`` bytes. A ``.warc.gz``
file (found by its gzip magic) is a series of gzip members, usually one record
each; every member is decompressed on its own, never past the record size
limit, so a gzip bomb or a record of a gigabyte costs no more than the limit.
A damaged record (a member that does not decompress, a header that does not
parse, a block that does not end where its length says) is yielded as a
:class:`Damage` naming its place, and reading goes on with the next record.

:func:`html_page` turns a ``response`` record into the page an HTML reader
takes: the HTTP status, headers and body are parsed, chunked transfer coding
and gzip/deflate content coding are undone, and anything that is not a
successful HTML response is given back as a reason to skip it.

The reader uses the standard library only (``fastwarc`` is not used yet).
"""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Iterator
from typing import BinaryIO

import attrs

from newsmodel._input import DEFAULT_MAX_BYTES, GZIP_MAGIC
from newsmodel.errors import ReadError

__all__ = ["Damage", "HtmlPage", "Record", "html_page", "http_response", "records"]

#: The longest header line read (a WARC or HTTP field): longer ones are damage.
MAX_LINE = 64 * 1024
#: The most header lines one record (or HTTP response) may have.
MAX_FIELDS = 500
#: How much compressed input is fed to zlib at a time.
CHUNK = 256 * 1024
#: A gzip member starts with the magic and the deflate method byte.
_MEMBER_START = GZIP_MAGIC + b"\x08"
_GZIP_WBITS = 16 + zlib.MAX_WBITS
#: The media types taken as web pages: ``text/html; charset=utf-8`` matches.
_HTML_TYPES = re.compile(rb"^\s*(?:text/html|application/xhtml\+xml)\b", re.I)
#: HTTP status line: ``HTTP/1.1 200 OK``.
_STATUS = re.compile(rb"^HTTP/\d(?:\.\d)?\s+(\d{3})\b")


@attrs.frozen
class Record:
    """One WARC record: its number (1-based) and byte offset in the file, its fields
    (names lower-cased, e.g. ``{"warc-type": "response"}``) and its block."""

    number: int
    offset: int
    fields: dict[str, str]
    block: bytes

    @property
    def type(self) -> str:
        """``WARC-Type`` (``response``, ``request``, ``warcinfo``...), lower-cased."""
        return self.fields.get("warc-type", "").strip().lower()


@attrs.frozen
class Damage:
    """A record that could not be read: its number, byte offset and why."""

    number: int
    offset: int
    reason: str


@attrs.frozen
class HtmlPage:
    """What a ``response`` record holds for an HTML reader: the body as sent, the
    target address (``WARC-Target-URI``) and the capture date (``WARC-Date``)."""

    body: bytes
    url: str | None
    date: str | None


class _DamageError(Exception):
    """Internal: a record that cannot be read (turned into :class:`Damage`)."""


def records(
    stream: BinaryIO, *, max_record_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Record | Damage]:
    """Every record of the WARC file ``stream`` (seekable, opened in binary), in order.

    Records larger than ``max_record_bytes`` and damaged records are yielded as
    :class:`Damage`; the reading goes on with the next record.
    """
    head = stream.read(len(GZIP_MAGIC))
    stream.seek(0)
    if head == GZIP_MAGIC:
        return _gzip_records(stream, max_record_bytes)
    return _plain_records(stream, max_record_bytes, base=0, first=1)


# ---------------------------------------------------------------------------
# plain records


def _fields(stream: BinaryIO) -> dict[str, str]:
    fields: dict[str, str] = {}
    last = ""
    for _ in range(MAX_FIELDS):
        line = stream.readline(MAX_LINE)
        if not line.endswith(b"\n"):
            too_long = len(line) >= MAX_LINE
            raise _DamageError("header line too long" if too_long else "cut off in its header")
        if not line.strip():
            return fields
        if line[:1] in (b" ", b"\t") and last:  # a continued field
            fields[last] += " " + line.strip().decode("utf-8", "replace")
            continue
        name, colon, value = line.partition(b":")
        if not colon:
            raise _DamageError(f"header line without a colon: {line[:40]!r}")
        last = name.strip().decode("latin-1").lower()
        fields[last] = value.strip().decode("utf-8", "replace")
    raise _DamageError(f"more than {MAX_FIELDS} header lines")


def _length(fields: dict[str, str]) -> int:
    text = fields.get("content-length", "").strip()
    if not text.isdigit() or len(text) > 18:
        raise _DamageError(f"no valid Content-Length ({text[:20]!r})")
    return int(text)


def _one_record(stream: BinaryIO, limit: int) -> tuple[dict[str, str], bytes] | None:
    """The next record from ``stream``'s position, ``None`` at the end; raises _DamageError."""
    line = stream.readline(MAX_LINE)
    while line in (b"\r\n", b"\n"):  # the blank lines that end the record before
        line = stream.readline(MAX_LINE)
    if not line:
        return None
    if not line.startswith(b"WARC/"):
        raise _DamageError(f"no WARC version line (found {line[:40]!r})")
    fields = _fields(stream)
    length = _length(fields)
    if length > limit:
        raise _DamageError(f"record of {length} bytes, more than the limit of {limit}")
    block = stream.read(length)
    if len(block) < length:
        raise _DamageError(f"cut off: {len(block)} of {length} bytes")
    end = stream.read(4)  # CRLF CRLF ends a record
    after = end.lstrip(b"\r\n")
    if end and len(after) == len(end):
        raise _DamageError("its block does not end where its Content-Length says")
    stream.seek(-len(after), io.SEEK_CUR)  # the next record's first bytes
    return fields, block


def _resync(stream: BinaryIO, start: int) -> bool:
    """Move ``stream`` to the next line after ``start`` that opens a record; False at the end."""
    stream.seek(start)
    stream.readline(MAX_LINE)  # the damaged record's first line
    while True:
        where = stream.tell()
        line = stream.readline(MAX_LINE)
        if not line:
            return False
        if line.startswith(b"WARC/1."):
            stream.seek(where)
            return True


def _plain_records(
    stream: BinaryIO, limit: int, *, base: int, first: int
) -> Iterator[Record | Damage]:
    number = first
    while True:
        offset = stream.tell()
        try:
            found = _one_record(stream, limit)
        except _DamageError as exc:
            yield Damage(number, base + offset, str(exc))
            number += 1
            if not _resync(stream, offset):
                return
            continue
        if found is None:
            return
        yield Record(number, base + offset, found[0], found[1])
        number += 1


# ---------------------------------------------------------------------------
# gzip members, one at a time


def _next_member(stream: BinaryIO, start: int) -> int | None:
    """The offset of the next gzip member at or after ``start``; ``None`` when none."""
    stream.seek(start)
    carry = b""
    where = start
    while True:
        chunk = stream.read(CHUNK)
        if not chunk:
            return None
        data = carry + chunk
        found = data.find(_MEMBER_START)
        if found >= 0:
            return where - len(carry) + found
        carry = data[-(len(_MEMBER_START) - 1) :]
        where += len(chunk)


def _inflate(stream: BinaryIO, offset: int, limit: int) -> tuple[bytes | None, int]:
    """The bytes of the gzip member at ``offset`` (``None`` when over ``limit``) and
    how many compressed bytes it took; raises _DamageError for corrupt or cut-off data."""
    stream.seek(offset)
    unzip = zlib.decompressobj(_GZIP_WBITS)
    out: bytearray | None = bytearray()
    fed = 0
    try:
        while not unzip.eof:
            data = stream.read(CHUNK)
            if not data:
                raise _DamageError("gzip member cut off before its end")
            fed += len(data)
            while data and not unzip.eof:
                piece = unzip.decompress(data, CHUNK)
                data = unzip.unconsumed_tail
                if out is not None:
                    out += piece
                    if len(out) > limit:
                        out = None  # too large: read on to the member's end, keep nothing
    except zlib.error as exc:
        raise _DamageError(f"corrupt gzip member: {exc}") from None
    return (bytes(out) if out is not None else None), fed - len(unzip.unused_data)


def _gzip_records(stream: BinaryIO, limit: int) -> Iterator[Record | Damage]:
    offset, number = 0, 1
    while True:
        stream.seek(offset)
        head = stream.read(len(_MEMBER_START))
        if not head:
            return
        try:
            if head != _MEMBER_START:
                raise _DamageError("not the start of a gzip member")
            block, size = _inflate(stream, offset, limit)
        except _DamageError as exc:
            yield Damage(number, offset, str(exc))
            number += 1
            found = _next_member(stream, offset + 1)
            if found is None:
                return
            offset = found
            continue
        if block is None:
            yield Damage(number, offset, f"record larger than the limit of {limit} bytes")
            number += 1
        else:
            for item in _plain_records(io.BytesIO(block), limit, base=offset, first=number):
                yield attrs.evolve(item, offset=offset)
                number += 1
        offset += size


# ---------------------------------------------------------------------------
# HTTP responses


def _dechunk(body: bytes) -> bytes:
    """The body of a chunked transfer coding (what can be read, when cut off)."""
    out = bytearray()
    stream = io.BytesIO(body)
    while True:
        line = stream.readline(MAX_LINE)
        size_text = line.split(b";", 1)[0].strip()
        try:
            size = int(size_text, 16)
        except ValueError:
            return bytes(out)
        if size == 0:
            return bytes(out)
        out += stream.read(size)
        stream.readline(MAX_LINE)


def http_response(block: bytes) -> tuple[int, dict[str, str], bytes]:
    """The status, headers (names lower-cased) and body of an HTTP response block.

    Raises :class:`~newsmodel.errors.ReadError` when the block is not one.
    """
    match = _STATUS.match(block)
    if match is None:
        raise ReadError("the record does not hold an HTTP response", format="warc")
    stream = io.BytesIO(block)
    stream.readline(MAX_LINE)
    try:
        headers = _fields(stream)
    except _DamageError as exc:
        raise ReadError(f"HTTP header: {exc}", format="warc") from None
    body = block[stream.tell() :]
    if "chunked" in headers.get("transfer-encoding", "").lower():
        body = _dechunk(body)
    return int(match.group(1)), headers, body


def _decoded(body: bytes, coding: str) -> bytes:
    """``body`` with a deflate content coding undone (gzip is left to the reader, which
    undoes it within its size limit); raises ReadError for other codings."""
    coding = coding.strip().lower()
    if coding in ("", "identity", "gzip", "x-gzip"):
        return body
    if coding == "deflate":
        try:
            return zlib.decompressobj().decompress(body, DEFAULT_MAX_BYTES)
        except zlib.error:
            return zlib.decompressobj(-zlib.MAX_WBITS).decompress(body, DEFAULT_MAX_BYTES)
    raise ReadError(f"content coding {coding!r} is not supported", format="warc")


def html_page(record: Record) -> HtmlPage | str:
    """The HTML page a ``response`` record holds, or why the record holds none
    (``"request record"``, ``"HTTP status 404"``, ``"content type image/jpeg"``...)."""
    if record.type != "response":
        return f"{record.type or 'untyped'} record"
    try:
        status, headers, body = http_response(record.block)
        if status != 200:
            return f"HTTP status {status}"
        kind = headers.get("content-type", "")
        if not _HTML_TYPES.match(kind.encode("latin-1", "replace")):
            return f"content type {kind.split(';')[0].strip() or 'not given'}"
        body = _decoded(body, headers.get("content-encoding", ""))
    except (ReadError, zlib.error) as exc:
        return str(exc)
    return HtmlPage(body, record.fields.get("warc-target-uri"), record.fields.get("warc-date"))
