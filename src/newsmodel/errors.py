"""newsmodel's exceptions and warnings: one root, builtins mixed in.

Every error a reader, writer or the registry raises derives from
:class:`NewsmodelError`; bad input is also a :class:`ValueError`, so callers
that already catch ``ValueError`` keep working. Messages say where (line and
column, or a JSON path) and why.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Mapping

__all__ = [
    "FormatError",
    "IgnoredContentWarning",
    "InputTooLargeError",
    "LossyConversionError",
    "LossyConversionWarning",
    "ModelValidationError",
    "NewsmodelError",
    "NewsmodelWarning",
    "NoArticleError",
    "ReadError",
    "SchemaVersionError",
    "UnknownFormatError",
    "WriteError",
    "report_loss",
]


class NewsmodelError(Exception):
    """The root of every exception newsmodel raises on purpose."""


class ReadError(NewsmodelError, ValueError):
    """Input that cannot be read as the format it was given as.

    ``format`` names the format, ``where`` the place (``line 3, column 7`` or a
    JSON path such as ``$.bylines[0].name``), ``reason`` the why.
    """

    def __init__(self, reason: str, *, format: str | None = None, where: str | None = None):
        self.reason = reason
        self.format = format
        self.where = where
        if format and where:
            prefix = f"{format} input at {where}: "
        elif format:
            prefix = f"{format} input: "
        else:
            prefix = f"at {where}: " if where else ""
        super().__init__(f"{prefix}{reason}")


class ModelValidationError(NewsmodelError, ValueError):
    """A value the article model refuses when an object is built.

    A control character or lone surrogate in text, a blank string, a value of
    the wrong type. ``field`` names the field (``headline``, ``bylines[0]``)
    when it is known, ``reason`` says why. Readers turn these into
    :class:`ReadError` with where in the input they happened.
    """

    def __init__(self, reason: str, *, field: str | None = None):
        self.reason = reason
        self.field = field
        super().__init__(f"{field}: {reason}" if field else reason)


class InputTooLargeError(ReadError):
    """Input beyond a reader's bounds on size or nesting depth."""


class NoArticleError(ReadError):
    """Input of the right format that holds no article: a web page of navigation only, with
    no headline and no text, or noise. Readers raise it instead of returning an empty
    article."""


class SchemaVersionError(ReadError):
    """A document written in a schema version this newsmodel cannot read."""


class FormatError(NewsmodelError, ValueError):
    """A format that cannot be used the way it was asked for (e.g. a read-only format)."""


class UnknownFormatError(FormatError):
    """A format name nobody knows, or input whose format cannot be guessed."""


class WriteError(NewsmodelError, ValueError):
    """An article that cannot be written in the requested format."""


class LossyConversionError(WriteError):
    """Raised instead of :class:`LossyConversionWarning` when ``strict=True``.

    ``fields`` lists what the format could not carry.
    """

    def __init__(self, message: str, *, format: str, fields: tuple[str, ...]):
        self.format = format
        self.fields = fields
        super().__init__(message)


class NewsmodelWarning(UserWarning):
    """The root of newsmodel's warnings."""


class LossyConversionWarning(NewsmodelWarning):
    """A writer dropped fields its format cannot carry."""

    def __init__(
        self,
        message: str,
        *,
        format: str = "",
        fields: tuple[str, ...] = (),
        reasons: Mapping[str, str] | None = None,
    ):
        self.format = format
        self.fields = fields
        #: Why each field was dropped (where the writer said), by field path.
        self.reasons = dict(reasons or {})
        super().__init__(message)


class IgnoredContentWarning(NewsmodelWarning):
    """A reader met content it does not turn into the article (a video item, an event)."""


#: ``[12].publisher.url``: a path under one article of many (a feed's, a message's).
_ITEM_PATH = re.compile(r"\[([0-9]+)\](.*)", re.DOTALL)
#: How many article numbers a message names before it gives their count alone.
_ITEMS_NAMED = 3


def _collapsed(fields: list[str]) -> list[str]:
    """``fields`` with the paths that differ only in their article's number written
    once: ``[10].publisher.url`` to ``[59].publisher.url`` give
    ``[10-59].publisher.url``, ``[1].x``, ``[4].x``, ``[9].x``, ``[12].x`` give
    ``[1, 4, 9, … 4 articles].x``; other paths stay as they are."""
    numbers: dict[str, list[int]] = {}
    for field in fields:
        match = _ITEM_PATH.fullmatch(field)
        key = match.group(2) if match else field
        numbers.setdefault(key, []).append(int(match.group(1)) if match else -1)
    out: list[str] = []
    for rest, found in numbers.items():
        if len(found) == 1 or -1 in found:
            out.extend(f"[{n}]{rest}" if n >= 0 else rest for n in found)
        elif found == list(range(found[0], found[0] + len(found))):
            out.append(f"[{found[0]}-{found[-1]}]{rest}")
        else:
            named = ", ".join(map(str, found[:_ITEMS_NAMED]))
            more = f", … {len(found)} articles" if len(found) > _ITEMS_NAMED else ""
            out.append(f"[{named}{more}]{rest}")
    return out


def report_loss(
    format: str,
    fields: Iterable[str],
    *,
    strict: bool,
    stacklevel: int = 3,
    reasons: Mapping[str, str] | None = None,
) -> None:
    """Tell the caller which fields a writer for ``format`` dropped.

    Warns with :class:`LossyConversionWarning`, or raises
    :class:`LossyConversionError` when ``strict`` is true. Does nothing when
    nothing was lost. ``reasons`` (a field's reason) go into the message, the
    fields that share one listed together: ``ninjs 3.1 cannot carry: published,
    modified (ninjs dates need a time of day and a zone); quotes (…)``.
    """
    lost = tuple(dict.fromkeys(fields))
    if not lost:
        return
    by_reason: dict[str, list[str]] = {}
    for field in lost:
        by_reason.setdefault((reasons or {}).get(field, ""), []).append(field)
    listed = "; ".join(
        ", ".join(_collapsed(group)) + (f" ({reason})" if reason else "")
        for reason, group in by_reason.items()
    )
    message = f"{format} cannot carry: {listed}"
    if strict:
        raise LossyConversionError(message, format=format, fields=lost)
    warnings.warn(
        LossyConversionWarning(message, format=format, fields=lost, reasons=reasons),
        stacklevel=stacklevel,
    )
