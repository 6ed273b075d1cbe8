"""Synthetic batch inputs for the batch tests: placeholder pages, WARC files, a crashing job.

Everything here is made up (placeholder words, example.org addresses).
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path

#: A paragraph of placeholder words long enough to read as body text.
_WORDS = (
    "Quorvel tanbrith oslem varik dunely number {n}, pelmaro stindle quafe orrindo "
    "brask talvenor miskel ambrith yorvane plenticor."
)


def page(n: int, *, date: bool = True) -> bytes:
    """A small news page with headline ``Placeholder headline {n}`` and six paragraphs."""
    meta = (
        f'<meta property="article:published_time" content="2021-02-{n % 28 + 1:02d}T04:05:06Z">'
        if date
        else ""
    )
    paragraphs = "".join(f"<p>{_WORDS.format(n=f'{n}.{i}')}</p>" for i in range(6))
    return (
        f"<!doctype html><html lang=en><head><title>Placeholder headline {n}</title>{meta}"
        f"</head><body><article><h1>Placeholder headline {n}</h1>"
        f"<p class=byline>By Alda Quillon</p>{paragraphs}</article></body></html>"
    ).encode()


def warc_record(
    kind: str, uri: str, payload: bytes, *, date: str = "2022-03-04T05:06:07Z"
) -> bytes:
    """One WARC/1.0 record of ``kind`` (``response``, ``request``...) holding ``payload``."""
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\n"
        f"WARC-Record-ID: <urn:uuid:{abs(hash(uri)):032x}>\r\n"
        f"Content-Type: application/http; msgtype={kind}\r\nContent-Length: {len(payload)}\r\n\r\n"
    ).encode()
    return head + payload + b"\r\n\r\n"


def http_response(body: bytes, *, content_type: str = "text/html; charset=utf-8") -> bytes:
    return (
        f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode() + body


def warc_records(pages: int) -> list[bytes]:
    """A request and a response record for each page, then a non-HTML response."""
    records = []
    for n in range(pages):
        uri = f"https://example.org/news/{n}"
        records.append(warc_record("request", uri, f"GET /news/{n} HTTP/1.1\r\n\r\n".encode()))
        records.append(warc_record("response", uri, http_response(page(n, date=False))))
    records.append(
        warc_record(
            "response",
            "https://example.org/logo.png",
            http_response(b"\x89PNG", content_type="image/png"),
        )
    )
    return records


def write_warc_gz(path: Path, records: list[bytes]) -> None:
    """Each record in its own gzip member, as crawlers write them."""
    path.write_bytes(b"".join(gzip.compress(record) for record in records))


def crash_on_odd(spec: object, task: int) -> int:
    """A pool job that kills its own process on odd tasks (a crash in native code)."""
    if task % 2:
        os._exit(3)
    return task * 10
