"""Small helpers every reader shares: decoding input, bounds, date text."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from newsmodel._json import parse_json
from newsmodel.errors import InputTooLargeError, ReadError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "as_read_errors",
    "changed_fields",
    "clean_text",
    "decode_text",
    "line_col",
    "parse_json",
]

#: Readers refuse input larger than this many bytes unless told otherwise.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_text(
    data: bytes | str,
    *,
    format: str,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> str:
    """Turn reader input into text: honour a BOM, else ``encoding``, else strict UTF-8.

    Raises :class:`ReadError` for undecodable bytes (naming the byte offset)
    and :class:`InputTooLargeError` past ``max_bytes``.
    """
    if isinstance(data, str):
        if len(data) > max_bytes:
            raise InputTooLargeError(
                f"input of {len(data)} characters is over the limit of {max_bytes}", format=format
            )
        return data[1:] if data.startswith("\ufeff") else data
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise ReadError(f"expected bytes or str, got {type(data).__name__}", format=format)
    raw = bytes(data)
    if len(raw) > max_bytes:
        raise InputTooLargeError(
            f"input of {len(raw)} bytes is over the limit of {max_bytes}", format=format
        )
    codec = encoding or "utf-8"
    for bom, name in _BOMS:
        if raw.startswith(bom):
            raw, codec = raw[len(bom) :], name
            break
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as exc:
        raise ReadError(
            f"bytes are not valid {codec} (byte offset {exc.start}: {exc.reason})", format=format
        ) from None
    except LookupError:
        raise ReadError(f"unknown text encoding {codec!r}", format=format) from None


_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    """Drop characters the model refuses (controls other than tab and newlines, lone surrogates)."""
    return _NOT_TEXT.sub("", text)


def line_col(text: str, offset: int) -> str:
    """``line L, column C`` (both from 1) for a character offset into ``text``."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"line {line}, column {col}"


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
