"""Finding formats by name, extension or content, and loading them lazily."""

from __future__ import annotations

import contextlib
import importlib
import inspect
import os
import re
from collections.abc import Callable, Mapping
from typing import Any, Protocol, cast

from newsmodel._input import GZIP_MAGIC, gzip_head, sniff_encoding
from newsmodel.errors import FormatError, UnknownFormatError
from newsmodel.io import FORMATS, FormatInfo
from newsmodel.model import Article

__all__ = [
    "FormatModule",
    "by_extension",
    "check_options",
    "detect_format",
    "formats",
    "get_format",
    "load",
    "require",
]

#: How many leading bytes sniffers look at.
SNIFF_BYTES = 8192

# characters no text document holds (white space aside): binary, not wide text
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


class FormatModule(Protocol):
    """What every format module provides."""

    FORMAT: FormatInfo

    def read(self, data: bytes | str, **options: Any) -> Article: ...

    def write(self, article: Article, **options: Any) -> str: ...

    def sniff(self, head: bytes) -> bool: ...


_BY_NAME: Mapping[str, FormatInfo] = {
    key: info for info in FORMATS for key in (info.name, *info.aliases)
}


def formats() -> tuple[FormatInfo, ...]:
    """Every format newsmodel knows, in sniffing order."""
    return FORMATS


def get_format(name: str) -> FormatInfo:
    """The format called ``name`` (or one of its aliases), case-insensitively."""
    info = _BY_NAME.get(name.strip().lower()) if isinstance(name, str) else None
    if info is None:
        known = ", ".join(f.name for f in FORMATS)
        raise UnknownFormatError(f"unknown format {name!r} (known formats: {known})")
    return info


def load(info: FormatInfo) -> FormatModule:
    """The module that implements ``info`` (imported on first use)."""
    return cast(FormatModule, importlib.import_module(info.module))


def check_options(func: Callable[..., Any], what: str, options: Mapping[str, Any]) -> None:
    """Refuse options a reader or writer does not take, naming the ones it does."""
    params = inspect.signature(func).parameters
    accepted = [n for n, p in params.items() if p.kind is inspect.Parameter.KEYWORD_ONLY]
    unknown = sorted(set(options) - set(accepted))
    if unknown:
        takes = ", ".join(accepted) or "none"
        raise FormatError(f"{what} has no option {', '.join(unknown)} (options: {takes})")


def by_extension(filename: str) -> list[FormatInfo]:
    """The formats whose longest matching extension ends ``filename``."""
    lower = os.path.basename(filename).lower()
    best: list[FormatInfo] = []
    best_len = 0
    for info in FORMATS:
        for ext in info.extensions:
            if lower.endswith(ext):
                if len(ext) > best_len:
                    best, best_len = [info], len(ext)
                elif len(ext) == best_len and info not in best:
                    best.append(info)
    return best


def _sniff_head(data: bytes | str) -> bytes:
    """The first :data:`SNIFF_BYTES` of ``data`` as UTF-8, whatever its encoding.

    Sniffers look for ASCII markup, so UTF-16/32 input (found by its BOM or
    byte pattern) is decoded first, when it decodes to text without control
    characters; anything else is sniffed as it is.
    """
    if isinstance(data, str):
        return data[:SNIFF_BYTES].encode("utf-8", "replace")
    if not isinstance(data, (bytes, bytearray, memoryview)):
        return b""  # the reader refuses it with a ReadError
    head = bytes(data[: SNIFF_BYTES * 4])
    if head.startswith(GZIP_MAGIC):  # a compressed page: what it holds is sniffed
        head = gzip_head(data, SNIFF_BYTES * 4)
    codec = sniff_encoding(head)
    if codec is not None and codec.startswith(("utf-16", "utf-32")):
        with contextlib.suppress(UnicodeDecodeError):
            text = head[: len(head) - len(head) % 4].decode(codec)
            if not _CONTROL.search(text):
                return text.encode("utf-8")[:SNIFF_BYTES]
    return head[:SNIFF_BYTES]


def detect_format(data: bytes | str, filename: str | None = None) -> FormatInfo:
    """Guess the format of ``data``: by ``filename``'s extension, then by content.

    When the extension names one format, that is the answer; when it names
    several, or none, each format's sniffer is tried in the order of
    :func:`formats`. Raises :class:`UnknownFormatError` listing what was tried.
    """
    head = _sniff_head(data)
    candidates = by_extension(filename) if filename else []
    if len(candidates) == 1:
        return candidates[0]
    pool = candidates or [f for f in FORMATS if f.can_read]
    tried = []
    for info in pool:
        tried.append(info.name)
        if load(info).sniff(head):
            return info
    where = f" {filename!r}" if filename else ""
    raise UnknownFormatError(
        f"cannot tell the format of{where or ' the input'}: tried {', '.join(tried)}; "
        "name the format explicitly"
    )


def require(info: FormatInfo, *, reading: bool) -> FormatModule:
    """The module of ``info``, refusing a direction the format does not support."""
    if reading and not info.can_read:
        raise FormatError(f"format {info.name!r} can be written but not read")
    if not reading and not info.can_write:
        raise FormatError(f"format {info.name!r} can be read but not written")
    return load(info)
