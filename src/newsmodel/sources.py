"""Turning batch inputs into units of work: files, folders, globs, stdin, archives, WARC.

:func:`expand` walks what the user named, lazily and in a stable order, and
yields one :class:`Task` per document to read (a file by its path, or bytes
taken from an archive member, a WARC record or a run of JSON Lines), a
:class:`Problem` for an input that cannot be walked (an unreadable folder, a
symlink loop, a damaged WARC record, a tar member named ``../x``), and an
:class:`Ignored` for a WARC record that holds no web page. Nothing here reads
an article: :mod:`newsmodel.batch` does that, in worker processes.

Every task has a ``name``: the output name without extension, stable and
derived from the input (``sub/story`` for ``IN/sub/story.xml``,
``crawl/000042`` for record 42 of ``crawl.warc.gz``, ``feed-000003`` for the
third article of ``feed.rss``). Names never hold ``..`` or start with ``/``.
"""

from __future__ import annotations

import bz2
import glob
import gzip
import lzma
import os
import stat
import sys
import tarfile
import tempfile
import time
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from typing import IO, cast

import attrs

from newsmodel._input import DEFAULT_MAX_BYTES, gunzip
from newsmodel.errors import InputTooLargeError, ReadError
from newsmodel.registry import by_extension
from newsmodel.warc import SNIFF_BYTES, Damage, Record, html_page, is_warc, records, sync

__all__ = [
    "BLOCK_KINDS",
    "COMPRESSIONS",
    "File",
    "Ignored",
    "Item",
    "Problem",
    "Skipped",
    "Task",
    "block",
    "count",
    "decompress",
    "expand",
    "input_kind",
    "item_name",
    "splittable",
    "stdin_is_warc",
    "stem",
    "strip_suffix",
    "walk",
]

#: Compression suffixes read with the standard library, and the name of each.
COMPRESSIONS = {".gz": "gz", ".bz2": "bz2", ".xz": "xz"}
#: Archive suffixes whose members are read one by one (``.tgz`` is ``.tar.gz``).
_TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz")
_WARC_SUFFIXES = (".warc", ".warc.gz")
#: JSON Lines files are read in runs of this many lines per task (bounded work units).
LINES_PER_TASK = 64
#: How many articles' worth of digits item numbers take (``feed-000003``), so names sort.
ITEM_DIGITS = 6
#: The longest folder nesting walked (a deeper tree is reported, not followed).
MAX_DEPTH = 64
#: The most bytes of a WARC piped to standard input copied to a temporary file (it
#: must be seekable): what comes after is reported, not read. A bigger crawl is read
#: from its file, which is not copied.
MAX_STDIN_WARC_BYTES = 16 * 1024**3
#: How much of standard input is copied at a time.
_SPOOL_CHUNK = 1024 * 1024


@attrs.frozen(kw_only=True)
class Task:
    """One document to read: a file (``path``) or bytes (``data``).

    ``source`` names it for people (``IN/a.xml``, ``x.tar!a.xml``,
    ``crawl.warc.gz#12``, ``big.jsonl:65``); ``filename`` is the name whose
    extension guesses the format; ``compression`` is undone before reading;
    ``first_line`` is set for a run of JSON Lines (each line is read on its
    own, and named by its line number); ``url`` and ``date`` come from a WARC
    record; ``offset`` is set for a record or line read by block (:func:`block`):
    its byte offset, which ``source`` names (``big.jsonl@1048576``).
    """

    source: str
    name: str
    filename: str
    path: str | None = None
    data: bytes | None = None
    compression: str | None = None
    first_line: int | None = None
    url: str | None = None
    date: str | None = None
    offset: int | None = None


@attrs.frozen
class Problem:
    """An input that could not be walked or read, and why."""

    source: str
    error: str


@attrs.frozen
class Ignored:
    """Something deliberately not read (a WARC record that holds no page), and why."""

    source: str
    reason: str


@attrs.frozen
class Skipped:
    """A document whose output is already there (``skip_existing``)."""

    source: str


Item = Task | Problem | Ignored | Skipped
#: ``exists(name)``: whether the output of the document named ``name`` is done.
Exists = Callable[[str], bool]


def item_name(name: str, number: int) -> str:
    """The output name of item ``number`` of a document that holds many."""
    return f"{name}-{number:0{ITEM_DIGITS}d}"


def strip_suffix(name: str, suffixes: tuple[str, ...]) -> str:
    """``name`` without the longest of ``suffixes`` it ends with, in any case (``a.XML``
    without ``.xml`` gives ``a``); ``name`` itself when a suffix would be all of it."""
    lower = name.lower()
    for suffix in sorted(suffixes, key=len, reverse=True):
        if lower.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def _compression(name: str) -> str | None:
    return COMPRESSIONS.get(os.path.splitext(name)[1].lower())


def _inner_name(name: str) -> str:
    """``name`` without its compression suffix (``a.jsonl.gz`` gives ``a.jsonl``)."""
    return name[: -len(os.path.splitext(name)[1])] if _compression(name) else name


def stem(name: str) -> str:
    """``name`` without compression and format extensions (``a.nitf.xml.gz`` gives ``a``)."""
    inner = _inner_name(name)
    found = by_extension(inner)
    extensions = tuple(ext for info in found for ext in info.extensions)
    return strip_suffix(inner, extensions + _TAR_SUFFIXES + _WARC_SUFFIXES + (".zip",))


def _safe_name(name: str) -> str | None:
    """``name`` as a relative POSIX path, or ``None`` when it would leave its folder."""
    parts = name.replace("\\", "/").split("/")
    if name.startswith(("/", "\\")) or (parts and ":" in parts[0]) or ".." in parts:
        return None
    return "/".join(p for p in parts if p not in ("", "."))


def input_kind(name: str) -> str:
    """What a file name says an input is: ``warc``, ``tar``, ``zip``, ``jsonl`` or ``file``."""
    lower = name.lower()
    if lower.endswith(_WARC_SUFFIXES):
        return "warc"
    if lower.endswith(_TAR_SUFFIXES):
        return "tar"
    if lower.endswith(".zip"):
        return "zip"
    if _inner_name(lower).endswith((".jsonl", ".ndjson")):
        return "jsonl"
    return "file"


#: The kinds of input a file of which can be read in blocks (byte ranges): a plain
#: JSON Lines file (at line starts) and a WARC file (at record or gzip member starts).
BLOCK_KINDS = ("jsonl", "warc")


def splittable(path: str) -> bool:
    """Whether :func:`block` can read ``path`` by byte ranges (``big.jsonl``,
    ``crawl.warc.gz``; not ``big.jsonl.gz``, whose bytes are compressed as one)."""
    kind = input_kind(os.path.basename(path))
    return kind == "warc" or (kind == "jsonl" and _compression(path) is None)


def block(path: str, start: int, end: int, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """The items of the records or lines of ``path`` (:func:`splittable`) that start in
    bytes ``[start, end)``: consecutive ranges give every record or line once.

    Items are named by their byte offset (``big.jsonl@1048576``,
    ``crawl.warc.gz@5123``: a record's, or its gzip member's); a file that
    cannot be read is a :class:`Problem`.
    """
    walked = _Walk(None, max_bytes, lambda name: False)
    kind = input_kind(os.path.basename(path))
    try:
        if kind == "warc":
            yield from walked.warc_block(path, start, end)
        else:
            yield from walked.jsonl_block(path, start, end)
    except OSError as exc:
        yield Problem(path, f"cannot read: {exc.strerror or exc}")


def stdin_is_warc() -> bool:
    """Whether standard input starts a WARC file (looked at, not consumed)."""
    peek = getattr(getattr(sys.stdin, "buffer", None), "peek", None)
    return peek is not None and is_warc(peek(SNIFF_BYTES)[:SNIFF_BYTES])


# ---------------------------------------------------------------------------
# the walk


def walk(inputs: list[str], *, exclude: str | None = None) -> Iterator[File | Problem | Ignored]:
    """Every file ``inputs`` name, lazily, in a stable order, without opening any.

    ``inputs`` are paths of files or folders (walked recursively, in name order;
    symlink loops and unreadable folders are problems) or globs; ``exclude`` is
    a folder never walked. Each file comes with its output name (:func:`stem`).
    """
    for given in inputs:
        if not os.path.lexists(given) and glob.has_magic(given):
            yield from _glob(given)
        elif os.path.isdir(given):
            yield from _folder(given, "", set(), 0, exclude)
        else:
            yield File(given, stem(os.path.basename(given)))


@attrs.frozen
class File:
    """A file to read, and its output name (``sub/story`` for ``IN/sub/story.xml``)."""

    path: str
    name: str


def _glob(pattern: str) -> Iterator[File | Problem]:
    parts = pattern.replace("\\", "/").split("/")
    fixed = []
    for part in parts:
        if glob.has_magic(part):
            break
        fixed.append(part)
    base = "/".join(fixed) or "."
    matches = sorted(glob.iglob(pattern, recursive=True))
    if not matches:
        yield Problem(pattern, "no file matches the pattern")
    for path in matches:
        if os.path.isfile(path):
            yield File(path, stem(os.path.relpath(path, base).replace(os.sep, "/")))


def _folder(
    folder: str, prefix: str, seen: set[tuple[int, int]], depth: int, exclude: str | None
) -> Iterator[File | Problem | Ignored]:
    try:
        info = os.stat(folder)
        key = (info.st_dev, info.st_ino)
        if key in seen:
            yield Problem(folder, "symlink loop: this folder is already being walked")
            return
        if depth > MAX_DEPTH:
            yield Problem(folder, f"folders nested deeper than {MAX_DEPTH}")
            return
        if exclude and os.path.realpath(folder) == exclude:
            return
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError as exc:
        yield Problem(folder, f"cannot read the folder: {exc.strerror or exc}")
        return
    seen = seen | {key}
    # files whose names differ only in their extension keep it (a.html, a.txt: a.html.*)
    counts = Counter(stem(entry.name) for entry in entries)
    shared = {name for name, count in counts.items() if count > 1}
    for entry in entries:
        path = os.path.join(folder, entry.name)
        try:
            mode = os.stat(path).st_mode
        except OSError as exc:
            yield Problem(path, f"cannot read: {exc.strerror or exc}")
            continue
        if stat.S_ISDIR(mode):
            yield from _folder(path, f"{prefix}{entry.name}/", seen, depth + 1, exclude)
        elif stat.S_ISREG(mode):
            name = stem(entry.name)
            name = _inner_name(entry.name) if name in shared else name
            yield File(path, prefix + name)
        else:
            yield Ignored(path, "not a regular file")


def expand(
    inputs: list[str],
    *,
    exists: Exists | None = None,
    exclude: str | None = None,
    written: frozenset[str] = frozenset(),
    max_bytes: int = DEFAULT_MAX_BYTES,
    done: Callable[[], None] | None = None,
) -> Iterator[Item]:
    """Every task, problem and ignored record of ``inputs``, lazily, in a stable order.

    ``inputs`` are paths of files or folders, globs, or ``-`` (standard input).
    ``exists`` skips documents whose output is already there (their tasks are
    not made); ``exclude`` is a folder never walked (the output folder);
    ``written`` are the real paths of files never read (a file output, its error
    report: a run into ``IN/all.rss`` does not read the ``all.rss`` of the last run).
    ``max_bytes`` bounds every document taken from an archive or WARC record.
    ``done()`` is called once the items of each input file (or of ``-``) are all
    given: :func:`count` of the same inputs says how many calls there will be.
    """
    walked = _Walk(exclude, max_bytes, exists or (lambda name: False))
    for given in inputs:
        if given == "-":
            yield from walked.stdin()
            if done:
                done()
            continue
        for found in walk([given], exclude=exclude):
            if isinstance(found, File):
                if not (written and os.path.realpath(found.path) in written):
                    yield from walked.file(found.path, found.name)
                if done:
                    done()
            else:
                yield found


def count(inputs: list[str], *, exclude: str | None = None, seconds: float) -> int | None:
    """How many input files ``inputs`` name (``-`` is one), found without opening any;
    ``None`` when walking the folders takes longer than ``seconds``."""
    end = time.monotonic() + seconds
    total = 0
    for given in inputs:
        if given == "-":
            total += 1
            continue
        for found in walk([given], exclude=exclude):
            total += isinstance(found, File)
            if time.monotonic() > end:
                return None
    return total


@attrs.define
class _Walk:
    exclude: str | None
    max_bytes: int
    exists: Exists

    def stdin(self) -> Iterator[Item]:
        if stdin_is_warc():  # a crawl piped in: spooled to a temporary file, read as WARC
            with tempfile.TemporaryFile() as spool:
                whole = _spool(sys.stdin.buffer, spool, MAX_STDIN_WARC_BYTES)
                for record in records(spool, max_record_bytes=self.max_bytes):
                    yield from self._record("<stdin>", "stdin", record, None)
            if not whole:
                yield Problem(
                    "<stdin>",
                    f"a WARC of more than {MAX_STDIN_WARC_BYTES} bytes: the rest is not read "
                    "(give its file instead)",
                )
            return
        data = sys.stdin.buffer.read(self.max_bytes + 1)
        if len(data) > self.max_bytes:
            yield Problem("<stdin>", f"more than the limit of {self.max_bytes} bytes")
        elif self.exists("stdin"):
            yield Skipped("<stdin>")
        else:
            yield Task(source="<stdin>", name="stdin", filename="", data=data)

    def file(self, path: str, name: str) -> Iterator[Item]:
        kind = input_kind(os.path.basename(path))
        if kind == "file":
            if self.exists(name) or self.exists(item_name(name, 1)):
                yield Skipped(path)
            else:
                yield Task(
                    source=path,
                    name=name,
                    filename=_inner_name(os.path.basename(path)),
                    path=path,
                    compression=_compression(path),
                )
            return
        try:
            if kind == "jsonl":
                yield from self._jsonl(path, name)
            elif kind == "warc":
                yield from self._warc(path, name)
            elif kind == "tar":
                yield from self._tar(path, name)
            else:
                yield from self._zip(path, name)
        except (OSError, EOFError, tarfile.TarError, zipfile.BadZipFile, lzma.LZMAError) as exc:
            yield Problem(path, f"cannot read: {getattr(exc, 'strerror', None) or exc}")
        except (zlib.error, ValueError) as exc:  # bz2 and gzip report corrupt data so
            yield Problem(path, f"corrupt data: {exc}")

    # -- containers ------------------------------------------------------------

    def _jsonl(self, path: str, name: str) -> Iterator[Item]:
        with _open_compressed(path) as stream:
            number, lines, first = 0, bytearray(), 0
            while True:
                line = stream.readline(self.max_bytes + 1)
                if not line:
                    break
                number += 1
                if len(line) > self.max_bytes:
                    yield Problem(f"{path}:{number}", "line longer than the size limit")
                    _skip_line(stream, self.max_bytes)
                    continue
                if line.strip() and self.exists(item_name(name, number)):
                    yield Skipped(f"{path}:{number}")
                    line = b"\n"  # kept as a blank line, so line numbers hold
                if not lines:
                    first = number
                lines += line if line.endswith(b"\n") else line + b"\n"
                if number - first + 1 >= LINES_PER_TASK:
                    yield from self._lines_task(path, name, bytes(lines), first)
                    lines = bytearray()
            if lines:
                yield from self._lines_task(path, name, bytes(lines), first)

    def _lines_task(self, path: str, name: str, lines: bytes, first: int) -> Iterator[Item]:
        if lines.strip():
            yield Task(
                source=f"{path}:{first}",
                name=name,
                filename=_inner_name(os.path.basename(path)),
                data=lines,
                first_line=first,
            )

    def _warc(self, path: str, name: str) -> Iterator[Item]:
        with open(path, "rb") as stream:
            for record in records(stream, max_record_bytes=self.max_bytes):
                yield from self._record(path, name, record, None)

    def _record(
        self, path: str, name: str, record: Record | Damage, offset: int | None
    ) -> Iterator[Item]:
        """The item of a WARC record: named by its number, or by ``offset`` (a block's)."""
        where = f"{path}#{record.number}" if offset is None else f"{path}@{offset}"
        if isinstance(record, Damage):
            yield Problem(where, f"damaged WARC record at byte {record.offset}: {record.reason}")
            return
        page = html_page(record)
        if isinstance(page, str):
            yield Ignored(where, page)
            return
        record_name = f"{name}/{record.number if offset is None else offset:0{ITEM_DIGITS}d}"
        if self.exists(record_name):
            yield Skipped(where)
            return
        yield Task(
            source=where,
            name=record_name,
            filename=".html",
            data=page.body,
            url=page.url,
            date=page.date,
            offset=offset,
        )

    # -- blocks of a big file (newsmodel.dask) ------------------------------------

    def warc_block(self, path: str, start: int, end: int) -> Iterator[Item]:
        with open(path, "rb") as stream:
            # a block holds what starts from its first record on, up to the next block's
            # first record: damage between the two is this block's
            begin = 0 if start == 0 else sync(stream, start)
            stop = sync(stream, end)
            if begin is None or (stop is not None and begin >= stop):
                return
            found = records(stream, max_record_bytes=self.max_bytes, start=begin)
            for record in found:
                if stop is not None and record.offset >= stop:
                    return
                yield from self._record(path, stem(os.path.basename(path)), record, record.offset)

    def jsonl_block(self, path: str, start: int, end: int) -> Iterator[Item]:
        filename = os.path.basename(path)
        with open(path, "rb") as stream:
            if start > 0:
                stream.seek(start - 1)
                _skip_line(stream, self.max_bytes)  # the line that starts before ``start``
            while (offset := stream.tell()) < end:
                line = stream.readline(self.max_bytes + 1)
                if not line:
                    return
                where = f"{path}@{offset}"
                if len(line) > self.max_bytes:
                    yield Problem(where, "line longer than the size limit")
                    _skip_line(stream, self.max_bytes)
                elif line.strip():
                    name = f"{stem(filename)}/{offset:0{ITEM_DIGITS}d}"
                    yield Task(source=where, name=name, filename=filename, data=line, offset=offset)

    def _member(
        self, archive: str, name: str, member: str, read: Callable[[], bytes]
    ) -> Iterator[Item]:
        where = f"{archive}!{member}"
        safe = _safe_name(member)
        if safe is None or not safe:
            yield Problem(where, "member name leaves the archive's folder (refused)")
            return
        if input_kind(safe) != "file":
            yield Problem(where, "archives, WARC and JSON Lines inside archives are not read")
            return
        member_name = f"{name}/{stem(safe)}"
        if self.exists(member_name) or self.exists(item_name(member_name, 1)):
            yield Skipped(where)
            return
        data = read()
        if len(data) > self.max_bytes:
            yield Problem(where, f"member larger than the limit of {self.max_bytes} bytes")
            return
        yield Task(
            source=where,
            name=member_name,
            filename=_inner_name(os.path.basename(safe)),
            data=data,
            compression=_compression(safe),
        )

    def _tar(self, path: str, name: str) -> Iterator[Item]:
        with tarfile.open(path, "r|*") as archive:
            for member in archive:
                if member.isdir():
                    continue
                if not member.isfile():
                    yield Ignored(f"{path}!{member.name}", "not a regular file (link or device)")
                    continue
                handle = archive.extractfile(member)
                if handle is None:
                    continue
                yield from self._member(path, name, member.name, _bounded(handle, self.max_bytes))

    def _zip(self, path: str, name: str) -> Iterator[Item]:
        with zipfile.ZipFile(path) as archive:
            for member in archive.infolist():
                if member.is_dir():
                    continue
                yield from self._member(
                    path, name, member.filename, _zip_reader(archive, member, self.max_bytes)
                )


def _bounded(handle: IO[bytes], limit: int) -> Callable[[], bytes]:
    return lambda: handle.read(limit + 1)


def _zip_reader(
    archive: zipfile.ZipFile, member: zipfile.ZipInfo, limit: int
) -> Callable[[], bytes]:
    def read() -> bytes:
        with archive.open(member) as handle:
            return handle.read(limit + 1)

    return read


def _spool(source: IO[bytes], spool: IO[bytes], limit: int) -> bool:
    """Copy at most ``limit`` bytes of ``source`` into ``spool`` (rewound after);
    whether that was all of it."""
    left = limit
    while left > 0:
        chunk = source.read(min(_SPOOL_CHUNK, left))
        if not chunk:
            break
        spool.write(chunk)
        left -= len(chunk)
    whole = left > 0 or not source.read(1)
    spool.seek(0)
    return whole


def _skip_line(stream: IO[bytes], limit: int) -> None:
    """Read on to the end of an over-long line, keeping nothing."""
    while True:
        rest = stream.readline(limit)
        if not rest or rest.endswith(b"\n"):
            return


def _open_compressed(path: str) -> IO[bytes]:
    kind = _compression(path)
    if kind == "gz":
        return cast(IO[bytes], gzip.open(path, "rb"))
    if kind == "bz2":
        return bz2.open(path, "rb")
    if kind == "xz":
        return lzma.open(path, "rb")
    return open(path, "rb")


# ---------------------------------------------------------------------------
# decompression of one document, bounded


def decompress(raw: bytes, kind: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes ``raw`` holds compressed as ``kind`` (``gz``, ``bz2``, ``xz``).

    Never more than ``max_bytes`` are made (:class:`InputTooLargeError`);
    corrupt or cut-off data raises :class:`ReadError`.
    """
    if kind == "gz":
        return gunzip(raw, format=kind, max_bytes=max_bytes)
    out = bytearray()
    rest = raw
    while rest:
        unzip: bz2.BZ2Decompressor | lzma.LZMADecompressor = (
            bz2.BZ2Decompressor() if kind == "bz2" else lzma.LZMADecompressor()
        )
        try:
            out += unzip.decompress(rest, max_bytes + 1 - len(out))
        except (OSError, lzma.LZMAError, EOFError) as exc:
            raise ReadError(f"corrupt {kind} data: {exc}", format=kind) from None
        if len(out) > max_bytes:
            raise InputTooLargeError(
                f"{kind} data that holds more than the limit of {max_bytes} bytes", format=kind
            )
        if not unzip.eof:
            raise ReadError(f"{kind} data cut off before its end", format=kind)
        rest = unzip.unused_data
    return bytes(out)
