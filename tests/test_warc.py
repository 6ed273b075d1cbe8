"""newsmodel.warc: fastwarc (extra ``warc``) and the standard-library reader give the same
records, damage and articles, on synthetic WARC files with damage of every kind."""

from __future__ import annotations

import gzip
import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from newsmodel import batch, warc
from tests.batch_inputs import http_response, page, warc_record, warc_records

pytest.importorskip("fastwarc")

RECORDS = warc_records(4)  # request/response pairs, then an image: nine records
#: A limit that a page's record passes and a whole-file gzip member does not.
SMALL_LIMIT = 4000


def _length(record: bytes, delta: int) -> bytes:
    """``record`` with its WARC Content-Length changed by ``delta`` (its block unchanged)."""
    found = re.search(rb"Content-Length: (\d+)\r\n\r\n", record)
    assert found is not None
    value = str(int(found.group(1)) + delta).encode()
    return record[: found.start(1)] + value + record[found.end(1) :]


def _lf_header(record: bytes) -> bytes:
    head, _, rest = record.partition(b"\r\n\r\n")
    return head.replace(b"\r\n", b"\n") + b"\n\n" + rest


def _gz(records: list[bytes]) -> bytes:
    return b"".join(gzip.compress(r) for r in records)


#: Damage of each kind, made to the record list: name -> change (an example each).
DAMAGE: dict[str, Callable[[list[bytes]], list[bytes]]] = {
    "none": lambda r: r,
    "length 10 short": lambda r: [*r[:3], _length(r[3], -10), *r[4:]],
    "length 10 long": lambda r: [*r[:3], _length(r[3], 10), *r[4:]],
    "length of a terabyte": lambda r: [*r[:3], _length(r[3], 10**12), *r[4:]],
    "garbage between records": lambda r: [*r[:3], b"garbage line\r\n", *r[3:]],
    "no version line": lambda r: [*r[:3], r[3].replace(b"WARC/1.0", b"WARX/1.0"), *r[4:]],
    "bare LF line ends": lambda r: [_lf_header(x) for x in r],
    "a header line without a colon": lambda r: [
        *r[:2],
        r[2].replace(b"WARC-Type:", b"WARC-Type"),
        *r[3:],
    ],
    "a header line without CR": lambda r: [
        *r[:2],
        r[2].replace(b"request\r\n", b"request\n"),
        *r[3:],
    ],
    "a bare LF inside a field's name": lambda r: [
        *r[:2],
        r[2].replace(b"WARC-Type:", b"WARC-T\nype:"),
        *r[3:],
    ],
    "a bare LF after a field's colon": lambda r: [
        *r[:2],
        r[2].replace(b"WARC-Type: ", b"WARC-Type:\n"),
        *r[3:],
    ],
    "a version line ended by bare LFs": lambda r: [
        *r[:2],
        r[2].replace(b"WARC/1.0\r\n", b"WARC/1.0\n\n"),
        *r[3:],
    ],
    "two damaged records": lambda r: [
        *r[:2],
        _length(r[2], 5),
        *r[3:5],
        r[5].replace(b"WARC/1.0", b"WARX/1.0"),
        *r[6:],
    ],
    "garbage after the last": lambda r: [*r, b"trailing"],
}

#: How the records are laid out in a file: name -> bytes (an example each).
LAYOUTS: dict[str, Callable[[list[bytes]], bytes]] = {
    "plain": b"".join,
    "gzip member per record": _gz,
    "plain, cut off": lambda r: b"".join(r)[:-30],
    "gzip, cut off": lambda r: _gz(r)[:-30],
    "gzip, a member corrupt": lambda r: (
        _gz(r[:3]) + gzip.compress(r[3])[:20] + b"\xff" * 30 + gzip.compress(r[3])[50:] + _gz(r[4:])
    ),
    "gzip, three records in the first member": lambda r: (
        gzip.compress(b"".join(r[:3])) + _gz(r[3:])
    ),
    "gzip, one member for the file": lambda r: gzip.compress(b"".join(r)),
    "gzip, a member holds a record and a line after it": lambda r: (
        _gz(r[:2]) + gzip.compress(r[2] + b"stray line\r\n") + _gz(r[3:])
    ),
    "gzip, a member holds a record's first bytes alone": lambda r: (
        _gz(r[:3]) + gzip.compress(r[3][:11]) + _gz(r[3:])
    ),
}


def _both(data: bytes, limit: int = warc.DEFAULT_MAX_BYTES) -> tuple[list[object], list[object]]:
    def read(reader: warc.Reader) -> list[object]:
        return list(warc.records(io.BytesIO(data), max_record_bytes=limit, reader=reader))

    return read("stdlib"), read("fastwarc")


@pytest.mark.parametrize("layout", list(LAYOUTS))
@pytest.mark.parametrize("damage", list(DAMAGE))
def test_both_readers_give_the_same_records_and_damage(damage: str, layout: str) -> None:
    data = LAYOUTS[layout](DAMAGE[damage](list(RECORDS)))
    stdlib, fast = _both(data)
    assert fast == stdlib
    assert any(isinstance(item, warc.Record) for item in stdlib)


def test_the_damage_is_where_it_was_made() -> None:
    stdlib, fast = _both(b"".join(DAMAGE["length 10 short"](list(RECORDS))))
    assert fast == stdlib
    kinds = [type(item).__name__ for item in fast]
    assert kinds == ["Record"] * 3 + ["Damage"] + ["Record"] * 5
    assert "does not end where its Content-Length says" in fast[3].reason  # type: ignore[attr-defined]


def test_the_limit_is_kept_the_same_way() -> None:
    # a whole-file gzip member larger than the limit is one damaged record for both
    stdlib, fast = _both(gzip.compress(b"".join(RECORDS)), SMALL_LIMIT)
    assert fast == stdlib
    assert [type(item).__name__ for item in fast] == ["Damage"]
    # so is a member of several records, each under the limit, all over it
    stdlib, fast = _both(gzip.compress(b"".join(RECORDS[:6])) + _gz(RECORDS[6:]), SMALL_LIMIT)
    assert fast == stdlib
    assert [type(item).__name__ for item in fast] == ["Damage"] + ["Record"] * 3
    stdlib, fast = _both(_gz(RECORDS), 600)  # requests pass, responses do not
    assert fast == stdlib
    assert {type(item).__name__ for item in fast} == {"Damage", "Record"}


def test_a_compression_bomb_is_not_inflated_to_its_end() -> None:
    limit = 5000  # above every record of RECORDS[:2]
    bomb = warc_record("resource", "https://example.com/b", b"x" * 2_000_000)  # 400x the limit
    data = _gz([bomb]) + _gz(RECORDS[:2])
    stdlib, fast = _both(data, limit)
    assert fast == stdlib
    assert [type(item).__name__ for item in fast] == ["Damage", "Record", "Record"]
    # inflating stopped at the bound, not at the member's end
    assert "inflates past" in fast[0].reason  # type: ignore[attr-defined]


def test_an_unknown_reader_is_refused() -> None:
    with pytest.raises(ValueError, match="reader must be one of"):
        warc.records(io.BytesIO(b""), reader="other")  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_the_same_articles_and_errors_with_and_without_fastwarc(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    records = list(RECORDS)
    records[3] = _length(records[3], -10)  # the second response: damaged
    data = b"".join(records) if name == "crawl.warc" else _gz(records)[:-30]  # cut off too
    (tmp_path / name).write_bytes(data)

    def read() -> tuple[list[object], list[tuple[str, str]]]:
        errors: list[tuple[str, str]] = []
        found = batch.iter_articles(
            [tmp_path / name], quotes=False, on_error=lambda s, e: errors.append((s, e))
        )
        return list(found), errors

    assert warc.fastwarc_installed()
    fast = read()
    monkeypatch.setattr(warc, "fastwarc_installed", lambda: False)
    stdlib = read()
    assert fast == stdlib
    articles, errors = fast
    assert [source.rsplit("#", 1)[1] for source, _ in articles] == ["2", "6", "8"]  # type: ignore[misc]
    damaged = ["4"] if name == "crawl.warc" else ["4", "9"]  # the image record is cut off
    assert [source.rsplit("#", 1)[1] for source, _ in errors] == damaged


def test_a_page_record_read_by_fastwarc() -> None:
    data = warc_record("response", "https://example.org/x", http_response(page(5)))
    [record] = list(warc.records(io.BytesIO(gzip.compress(data)), reader="fastwarc"))
    assert isinstance(record, warc.Record) and record.type == "response"
    found = warc.html_page(record)
    assert not isinstance(found, str) and found.body == page(5)


def test_a_header_field_continued_over_many_lines_is_joined_with_spaces() -> None:
    continued = b"".join(b" part%d\r\n" % n for n in range(400))
    block = b"HTTP/1.1 200 OK\r\nX-Note: first\r\n" + continued + b"X-Other: b\r\n\r\nbody"
    status, headers, body = warc.http_response(block)
    assert (status, body) == (200, b"body")
    assert headers["x-note"] == "first " + " ".join(f"part{n}" for n in range(400))
    assert headers["x-other"] == "b"
