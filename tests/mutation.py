"""Mutated documents for fuzz tests: real files, cut, spliced with junk, or with bytes deleted."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st


def mutated(
    sources: Sequence[bytes], junk: Sequence[bytes], *, edits: int = 5, max_delete: int = 200
) -> st.SearchStrategy[bytes]:
    """Documents made from one of ``sources`` by 1 to ``edits`` random damages."""

    @st.composite
    def build(draw: st.DrawFn) -> bytes:
        raw = draw(st.sampled_from(list(sources)))
        for _ in range(draw(st.integers(1, edits))):
            pos = draw(st.integers(0, len(raw)))
            op = draw(st.sampled_from(["cut", "insert", "delete", "replace"]))
            piece = draw(st.sampled_from(list(junk)))
            if op == "cut":
                raw = raw[:pos]
            elif op == "insert":
                raw = raw[:pos] + piece + raw[pos:]
            elif op == "delete":
                raw = raw[:pos] + raw[pos + draw(st.integers(1, max_delete)) :]
            else:
                raw = raw[:pos] + piece + raw[pos + len(piece) :]
        return raw

    return build()
