"""A small, bounded reader of WARC files (``.warc``, ``.warc.gz``), standard library only.

:func:`records` walks a WARC file one record at a time: the version line, the
named fields, and the record block of ``Content-Length`` bytes. A ``.warc.gz``
file (found by its gzip magic) is a series of gzip members, usually one record
each; every member is decompressed on its own and kept only up to the record
size limit, and inflated past it only to :data:`INFLATE_BOUND` times the limit
(to find where it ends), so a gzip bomb costs memory up to the limit and time
up to that bound, whatever it would inflate to.
A damaged record (a member that does not decompress, a header that does not
parse, a block that does not end where its length says) is yielded as a
:class:`Damage` naming its place, and reading goes on with the next record.

:func:`html_page` turns a ``response`` record into the page an HTML reader
takes: the HTTP status, headers and body are parsed, chunked transfer coding
and gzip/deflate content coding are undone, and anything that is not a
successful HTML response is given back as a reason to skip it.

Two readers give the same records: ``fastwarc`` (extra ``newsmodel[warc]``)
for ``.warc.gz`` files when it is installed, the standard library otherwise
(and always for a plain ``.warc``, where there is no gzip to save time on:
the two parse malformed headers differently). fastwarc reads the good
stretches of a file; at the first sign of damage (an error, a record without
a valid ``Content-Length``, a block shorter than it says, a record over the
limit) the standard-library reader takes over from the last record fastwarc
had not yet vouched for, names the damage, finds the next record, and hands
back to fastwarc there. A record is vouched for once the record after it
parses, so a block whose length is wrong (which fastwarc reads without
complaint, then fails on the next header) is judged by the standard library.
"""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Generator, Iterator
from typing import BinaryIO, Literal

import attrs

from newsmodel._input import DEFAULT_MAX_BYTES, GZIP_MAGIC
from newsmodel.errors import ReadError

__all__ = [
    "READERS",
    "Damage",
    "HtmlPage",
    "Record",
    "fastwarc_installed",
    "html_page",
    "http_response",
    "is_gzip",
    "is_warc",
    "records",
    "sync",
]

#: The WARC readers :func:`records` can use: ``auto`` is fastwarc when installed.
READERS = ("auto", "fastwarc", "stdlib")
Reader = Literal["auto", "fastwarc", "stdlib"]

#: The longest header line read (a WARC or HTTP field): longer ones are damage.
MAX_LINE = 64 * 1024
#: The most header lines one record (or HTTP response) may have.
MAX_FIELDS = 500
#: How much compressed input is fed to zlib at a time.
CHUNK = 256 * 1024
#: A gzip member is inflated to its end (to find where the next one starts) only up to
#: this many times the record limit: past that (a compression bomb) it is damage and the
#: next member is looked for in the compressed bytes, so the work stays bounded.
INFLATE_BOUND = 8
#: A gzip member starts with the magic and the deflate method byte.
_MEMBER_START = GZIP_MAGIC + b"\x08"
_GZIP_WBITS = 16 + zlib.MAX_WBITS
#: A gzip member's last bytes: its uncompressed size modulo 2**32, little-endian (ISIZE).
_ISIZE_BYTES = 4
_ISIZE_MODULUS = 2**32
#: What ends a WARC record, after its block.
_RECORD_END = b"\r\n\r\n"
#: The media types taken as web pages: ``text/html; charset=utf-8`` matches.
_HTML_TYPES = re.compile(rb"^\s*(?:text/html|application/xhtml\+xml)\b", re.I)
#: How a record starts: ``WARC/1.0`` or ``WARC/1.1``.
_VERSION = b"WARC/1."
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


def fastwarc_installed() -> bool:
    """Whether the ``fastwarc`` package (extra ``newsmodel[warc]``) can be imported."""
    try:
        import fastwarc.warc  # noqa: F401
    except ImportError:
        return False
    return True


def records(
    stream: BinaryIO,
    *,
    max_record_bytes: int = DEFAULT_MAX_BYTES,
    reader: Reader = "auto",
    start: int = 0,
) -> Iterator[Record | Damage]:
    """Every record of the WARC file ``stream`` (seekable, opened in binary), in order.

    Records larger than ``max_record_bytes`` and damaged records are yielded as
    :class:`Damage`; the reading goes on with the next record. ``reader``
    chooses fastwarc or the standard library (``auto``: fastwarc when
    installed); both yield the same records and damage. fastwarc reads
    ``.warc.gz`` files only (gzip is where it saves time); a plain ``.warc`` is
    always read by the standard library. ``start`` is where to begin: a record's
    start (a gzip member's in a ``.warc.gz``), as :func:`sync` finds one; the
    records are numbered from 1 there.
    """
    if reader not in READERS:
        raise ValueError(f"reader must be one of {', '.join(READERS)}, not {reader!r}")
    stream.seek(0)
    gz = is_gzip(stream)
    if gz and (reader == "fastwarc" or (reader == "auto" and fastwarc_installed())):
        return _fast_records(stream, max_record_bytes, start)
    return _stdlib_records(stream, max_record_bytes, gz, start, 1)


def is_gzip(stream: BinaryIO) -> bool:
    """Whether ``stream`` (seekable) is gzip-compressed; its position is kept."""
    here = stream.tell()
    stream.seek(0)
    head = stream.read(len(GZIP_MAGIC))
    stream.seek(here)
    return head == GZIP_MAGIC


def sync(stream: BinaryIO, offset: int) -> int | None:
    """Where the first record at or after byte ``offset`` starts; ``None`` when none does.

    In a ``.warc.gz`` that is the first gzip member there whose first bytes
    are a WARC version line; in a plain ``.warc`` the first line that is one.
    (A plain WARC whose records hold WARC files can be cut inside a record:
    their lines look the same.)
    """
    if is_gzip(stream):
        found = _next_member(stream, offset)
        while found is not None and not _opens_record(stream, found):
            found = _next_member(stream, found + 1)
        return found
    if offset > 0:
        stream.seek(offset - 1)
        stream.readline(MAX_LINE)  # the rest of the line before (it starts before offset)
    else:
        stream.seek(0)
    return _version_line(stream)


def _version_line(stream: BinaryIO) -> int | None:
    """Where the first line from ``stream``'s position on that is a WARC version line
    starts (``stream`` left past it); ``None`` at the end."""
    while True:
        where = stream.tell()
        line = stream.readline(MAX_LINE)
        if not line:
            return None
        if line.startswith(_VERSION):
            return where


def _opens_record(stream: BinaryIO, offset: int) -> bool:
    """Whether the gzip member at ``offset`` starts with a WARC version line."""
    stream.seek(offset)
    return is_warc(stream.read(SNIFF_BYTES))


#: How many first bytes :func:`is_warc` needs (a gzip header and a little deflate data).
SNIFF_BYTES = 512


def is_warc(head: bytes) -> bool:
    """Whether ``head``, the first bytes of a file (:data:`SNIFF_BYTES` are enough),
    start a WARC file: a version line (``WARC/1.0``), plain or gzip-compressed."""
    if head.startswith(GZIP_MAGIC):
        try:
            head = zlib.decompressobj(_GZIP_WBITS).decompress(head, len(_VERSION))
        except zlib.error:
            return False
    return head.startswith(_VERSION)


def _stdlib_records(
    stream: BinaryIO, limit: int, gz: bool, start: int, first: int
) -> Iterator[Record | Damage]:
    """The standard-library reader from byte ``start`` (a record's or gzip member's start)."""
    if gz:
        return _gzip_records(stream, limit, start, first)
    stream.seek(start)
    return _plain_records(stream, limit, base=0, first=first)


# ---------------------------------------------------------------------------
# plain records


def _fields(stream: BinaryIO) -> dict[str, str]:
    # each field's lines, joined at the end (joined line by line, a field continued
    # over hundreds of long lines would be copied again for each)
    fields: dict[str, list[str]] = {}
    last = ""
    for _ in range(MAX_FIELDS):
        line = stream.readline(MAX_LINE)
        if not line.endswith(b"\n"):
            too_long = len(line) >= MAX_LINE
            raise _DamageError("header line too long" if too_long else "cut off in its header")
        if not line.strip():
            return {name: " ".join(lines) for name, lines in fields.items()}
        if line[:1] in (b" ", b"\t") and last:  # a continued field
            fields[last].append(line.strip().decode("utf-8", "replace"))
            continue
        name, colon, value = line.partition(b":")
        if not colon:  # not a field: passed over (as fastwarc does)
            last = ""
            continue
        last = name.strip().decode("latin-1").lower()
        fields[last] = [value.strip().decode("utf-8", "replace")]
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
    end = stream.read(len(_RECORD_END))
    after = end.lstrip(b"\r\n")
    if end and len(after) == len(end):
        raise _DamageError("its block does not end where its Content-Length says")
    stream.seek(-len(after), io.SEEK_CUR)  # the next record's first bytes
    return fields, block


def _resync(stream: BinaryIO, start: int) -> bool:
    """Move ``stream`` to the next line after ``start`` that opens a record; False at the end."""
    stream.seek(start)
    stream.readline(MAX_LINE)  # the damaged record's first line
    where = _version_line(stream)
    if where is None:
        return False
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
    fed = inflated = 0
    try:
        while not unzip.eof:
            data = stream.read(CHUNK)
            if not data:
                raise _DamageError("gzip member cut off before its end")
            fed += len(data)
            while data and not unzip.eof:
                piece = unzip.decompress(data, CHUNK)
                data = unzip.unconsumed_tail
                inflated += len(piece)
                if inflated > INFLATE_BOUND * limit:
                    raise _DamageError(
                        f"gzip member inflates past {INFLATE_BOUND} times the limit of "
                        f"{limit} bytes"
                    )
                if out is not None:
                    out += piece
                    if len(out) > limit:
                        out = None  # too large: read on to the member's end, keep nothing
    except zlib.error as exc:
        raise _DamageError(f"corrupt gzip member: {exc}") from None
    return (bytes(out) if out is not None else None), fed - len(unzip.unused_data)


def _gzip_records(
    stream: BinaryIO, limit: int, start: int = 0, first: int = 1
) -> Iterator[Record | Damage]:
    offset, number = start, first
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
# fastwarc for the good stretches, the standard library for damage


def _fast_record(found: object, number: int, limit: int) -> Record | None:
    """fastwarc's record as a :class:`Record`, or ``None`` when the standard-library
    reader must judge it: no valid ``Content-Length``, over ``limit``, cut off, or a
    header line that ends without CR (fastwarc reads on into the next line, in a
    field's name or its value)."""
    from fastwarc.warc import WarcRecord

    assert isinstance(found, WarcRecord)
    pairs = found.headers.items_bytes()
    if any(b"\n" in part or b"\r" in part for pair in pairs for part in pair):
        return None
    fields = {
        name.strip().decode("latin-1").lower(): value.strip().decode("utf-8", "replace")
        for name, value in pairs
    }
    try:
        length = _length(fields)
    except _DamageError:
        return None
    if length > limit or length != found.content_length:
        return None
    block = found.reader.read(length)
    if len(block) != length:
        return None
    return Record(number, found.stream_pos, fields, block)


#: What fastwarc parsed of a record: its version line, its header fields (raw) and
#: its ``Content-Length``.
_Shape = tuple[bytes, list[tuple[bytes, bytes]], int]


def _shape(found: object) -> _Shape | None:
    """fastwarc's record as a :data:`_Shape` (``None`` without a version line)."""
    from fastwarc.warc import WarcRecord

    assert isinstance(found, WarcRecord)
    status = found.headers.status_line
    if status is None:
        return None
    return status.encode("utf-8"), list(found.headers.items_bytes()), found.content_length


def _alone(stream: BinaryIO, offset: int, end: int, shape: _Shape) -> bool:
    """Whether the gzip member from ``offset`` to ``end`` holds the record fastwarc
    parsed as ``shape`` alone and as fastwarc read it: no member start inside it, its
    header lines exactly the fields (``Name: value`` or ``Name:value``, CRLF ended:
    fastwarc passes over a bare LF after a colon or a version line), and the size its
    trailer gives that of the header, the block and the CRLF CRLF. (The stream's
    position is kept.)"""
    status, pairs, length = shape
    here = stream.tell()
    stream.seek(offset)
    member = stream.read(end - offset)
    stream.seek(here)
    if member.find(_MEMBER_START, 1) >= 0:
        return False
    # the header written with a space after each colon: the longest it can be
    longest = len(status) + 2 + sum(len(n) + len(v) + 4 for n, v in pairs) + 2
    try:
        head = zlib.decompressobj(_GZIP_WBITS).decompress(member, longest)
    except zlib.error:
        return False
    head_end = head.find(_RECORD_END)
    lines = head[:head_end].split(b"\r\n")
    if head_end < 0 or len(lines) != len(pairs) + 1 or lines[0] != status:
        return False
    if any(
        line not in (name + b": " + value, name + b":" + value)
        for line, (name, value) in zip(lines[1:], pairs, strict=True)
    ):
        return False
    size = head_end + len(_RECORD_END) + length + len(_RECORD_END)
    return int.from_bytes(member[-_ISIZE_BYTES:], "little") == size % _ISIZE_MODULUS


#: Where the standard library reads on: a record's (or member's) offset, the number of
#: the record there, and the first number to yield (records before it were yielded).
_Resume = tuple[int, int, int]


def _member_at(stream: BinaryIO, offset: int) -> bool:
    """Whether a gzip member starts at ``offset`` (the stream's position is kept)."""
    here = stream.tell()
    stream.seek(offset)
    head = stream.read(len(_MEMBER_START))
    stream.seek(here)
    return head == _MEMBER_START


def _fast_stretch(
    stream: BinaryIO, limit: int, start: int, first: int
) -> Generator[Record, None, _Resume]:
    """fastwarc's records of a ``.warc.gz`` from ``start`` while they are sound, each
    yielded once the one after it has parsed; returns where the standard library
    reads on: from the last record yielded (or ``start``), skipping it.

    fastwarc gives the compressed position it had reached, which is a record's
    place only when the record has a gzip member of its own: a record is vouched
    for when a member starts at its position and at the next record's, that member
    holds it alone and as fastwarc read it (:func:`_alone`: fastwarc passes over the
    rest of a member, reads a record cut off in one member on into the next, and
    passes over some bare LFs), and no record next to it has the same position.
    Otherwise (several records in one member) the standard library rereads from the
    last member start vouched for.
    """
    from fastwarc.warc import ArchiveIterator

    stream.seek(start)
    anchor = (start, first)  # the last record yielded (or the start): a member start
    held: Record | None = None
    held_shape: _Shape | None = None  # what fastwarc parsed of it
    before = -1  # the position fastwarc gave the record before ``held``

    def placed(record: Record, after: int) -> bool:
        return (
            before < record.offset < after
            and _member_at(stream, record.offset)
            and _member_at(stream, after)
            and held_shape is not None
            and _alone(stream, record.offset, after, held_shape)
        )

    def resume() -> _Resume:  # the record held is not vouched for: reread from the anchor
        return (*anchor, held.number if held else anchor[1])

    try:
        for found in ArchiveIterator(stream, parse_http=False, max_header_len=MAX_LINE):
            number = held.number + 1 if held else anchor[1]
            shape = _shape(found)
            record = _fast_record(found, number, limit)
            if record is None:
                return resume()
            if held is not None:
                if not placed(held, record.offset):
                    return resume()
                yield held
                anchor, before = (held.offset, held.number), held.offset
            held, held_shape = record, shape
    except (OSError, ValueError):
        pass  # read again from the record held (or the start) by the standard library
    return resume()


def _fast_records(stream: BinaryIO, limit: int, start: int) -> Iterator[Record | Damage]:
    """A ``.warc.gz``'s records: fastwarc's, and the standard library's around damage."""
    number, skip = 1, 1
    while True:
        start, number, skip = yield from _fast_stretch(stream, limit, start, number)
        found = yield from _until_damage_passed(stream, limit, True, start, number, skip)
        if found is None:
            return
        start, number = found


def _until_damage_passed(
    stream: BinaryIO, limit: int, gz: bool, start: int, first: int, skip: int
) -> Generator[Record | Damage, None, tuple[int, int] | None]:
    """The standard library's records from ``start`` (numbered from ``first``; those
    before ``skip`` were yielded already) up to the first sound record after some
    damage; returns where that record starts (fastwarc reads on from it)."""
    damaged = False
    seen: set[int] = set()
    for item in _stdlib_records(stream, limit, gz, start, first):
        if item.number < skip:
            seen.add(item.offset)
            continue
        if isinstance(item, Record) and damaged and item.offset not in seen:
            return item.offset, item.number
        damaged = damaged or isinstance(item, Damage)
        seen.add(item.offset)
        yield item
    return None


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
