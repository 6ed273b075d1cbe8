"""Small helpers every reader shares: bounds, JSON, read errors.

The input guard itself (type, size, BOM, encoding sniffing, decoding) lives in
:mod:`newsmodel._input`; it is re-exported here for the readers.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from newsmodel._input import (
    DEFAULT_MAX_BYTES,
    check_input,
    clean_text,
    decode_text,
    line_col,
    sniff_encoding,
)
from newsmodel._json import parse_json
from newsmodel.errors import InputTooLargeError, ReadError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "as_read_errors",
    "changed_fields",
    "check_input",
    "clean_text",
    "decode_text",
    "line_col",
    "parse_json",
    "sniff_encoding",
]


@contextmanager
def as_read_errors(format: str) -> Iterator[None]:
    """Turn what a reader's model building raises into newsmodel's read errors.

    Values the model refuses (``ValueError``) become :class:`ReadError`;
    runaway nesting (``RecursionError``) becomes :class:`InputTooLargeError`.
    """
    try:
        yield
    except ReadError:
        raise
    except ValueError as exc:
        raise ReadError(str(exc), format=format) from None
    except RecursionError:
        raise InputTooLargeError("the input nests too deeply", format=format) from None


def changed_fields(article: Any, back: Any) -> list[str]:
    """Article fields that did not survive a write and read-back (what a writer lost).

    Quotes the reader found although the article listed none are not a loss.
    """
    import attrs

    lost = []
    for field in attrs.fields(type(article)):
        if getattr(article, field.name) != getattr(back, field.name):
            if field.name == "quotes" and not article.quotes:
                continue
            lost.append(field.name)
    return lost
