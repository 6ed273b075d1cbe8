"""Mutated documents for fuzz tests: real files, cut, spliced with junk, or with bytes deleted.

The same damages serve two drivers: :func:`mutated`, a Hypothesis strategy
(the suite, with shrinking), and :func:`mutate`, plain ``random`` (the long
fuzzing run in ``benchmarks/fuzz.py``, many inputs a second).
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from hypothesis import strategies as st

#: The kinds of damage one edit does.
OPERATIONS = ("cut", "insert", "delete", "replace", "repeat")

#: A ``repeat`` edit copies a slice of the document this many times at most.
MAX_REPEAT = 50

#: Pieces that make readers take unusual paths in every format: markup and JSON
#: tokens, bad bytes, entity declarations, quotation marks, long runs.
HOSTILE_JUNK: tuple[bytes, ...] = (
    b"<",
    b">",
    b"&",
    b"&amp;",
    b"&nbsp;",
    b'"',
    b"\\",
    b"{",
    b"}",
    b"[",
    b"]",
    b"\x00",
    b"\xff",
    b"\xe2\x80",
    b"\xed\xa0\x80",  # a UTF-8-encoded lone surrogate
    b"<!ENTITY",
    b'<!DOCTYPE x [<!ENTITY % p SYSTEM "file:///dev/zero"> %p;]>',
    b"<![CDATA[",
    b"]]>",
    b"<p>",
    b"</p>",
    b"<div>",
    b"</div>",
    b"<script>",
    b'<script type="application/ld+json">{"@type":"NewsArticle","headline":',
    b"\\ud800",
    b"1e999999",
    b"\xe2\x80\x9c",  # “
    b"\xe2\x80\x9d",  # ”
    b"\xc2\xab",  # «
    b"\n\n",
    b" " * 300,
    b"\xc2\xa0" * 100,
    b"By ",
    b"Photo: ",
    b' said. "',
)


def apply_edit(raw: bytes, op: str, pos: int, piece: bytes, size: int) -> bytes:
    """``raw`` after one edit at ``pos``: cut there, insert or overwrite ``piece``,
    delete ``size`` bytes, or repeat the ``size`` bytes from there a few times."""
    if op == "cut":
        return raw[:pos]
    if op == "insert":
        return raw[:pos] + piece + raw[pos:]
    if op == "delete":
        return raw[:pos] + raw[pos + size :]
    if op == "replace":
        return raw[:pos] + piece + raw[pos + len(piece) :]
    chunk = raw[pos : pos + size]
    return raw[:pos] + chunk * (1 + size % MAX_REPEAT) + raw[pos:]


def mutated(
    sources: Sequence[bytes], junk: Sequence[bytes], *, edits: int = 5, max_delete: int = 200
) -> st.SearchStrategy[bytes]:
    """Documents made from one of ``sources`` by 1 to ``edits`` random damages."""

    @st.composite
    def build(draw: st.DrawFn) -> bytes:
        raw = draw(st.sampled_from(list(sources)))
        for _ in range(draw(st.integers(1, edits))):
            raw = apply_edit(
                raw,
                draw(st.sampled_from(OPERATIONS)),
                draw(st.integers(0, len(raw))),
                draw(st.sampled_from(list(junk))),
                draw(st.integers(1, max_delete)),
            )
        return raw

    return build()


def mutate(
    rng: random.Random,
    sources: Sequence[bytes],
    junk: Sequence[bytes],
    *,
    edits: int = 5,
    max_delete: int = 200,
) -> bytes:
    """One document made like :func:`mutated`'s, drawn from ``rng``."""
    raw = rng.choice(sources)
    for _ in range(rng.randint(1, edits)):
        raw = apply_edit(
            raw,
            rng.choice(OPERATIONS),
            rng.randint(0, len(raw)),
            rng.choice(junk),
            rng.randint(1, max_delete),
        )
    return raw
