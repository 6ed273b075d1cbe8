"""Small helpers every reader shares: bounds, JSON, read errors.

The input guard itself (type, size, BOM, encoding sniffing, decoding) lives in
:mod:`newsmodel._input`; it is re-exported here for the readers.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import attrs

from newsmodel import model as m
from newsmodel._input import (
    DEFAULT_MAX_BYTES,
    check_input,
    clean_text,
    decode_text,
    line_col,
    sniff_encoding,
)
from newsmodel._json import parse_json
from newsmodel.errors import IgnoredContentWarning, InputTooLargeError, ReadError
from newsmodel.losses import NO_QUOTES, Losses, declare_changes
from newsmodel.markup import blocks_from_html

__all__ = [
    "DEFAULT_MAX_BYTES",
    "as_read_errors",
    "check_input",
    "clean_text",
    "declare_markup_losses",
    "declare_read_back_losses",
    "decode_text",
    "line_col",
    "parse_json",
    "sniff_encoding",
    "warn_ignored",
]

#: Most dropped values one IgnoredContentWarning lists by path (the rest are counted).
IGNORED_SHOWN = 20


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


def declare_markup_losses(body: tuple[m.Block, ...], markup: str, losses: Losses) -> None:
    """Declare the parts of ``body`` that its HTML ``markup`` does not hold as they are.

    Interim: the body markup rules (:mod:`newsmodel.markup`) do not yet say
    what their HTML drops, so the written body markup alone (not the
    document) is parsed again and compared block by block.
    """
    declare_changes(losses.at("body"), body, blocks_from_html(markup), _MARKUP_LOSS)


#: Why a body part does not survive its HTML.
_MARKUP_LOSS = "the body's HTML does not hold this part as it is"


def declare_read_back_losses(article: m.Article, back: m.Article, losses: Losses) -> None:
    """Interim for the XML and HTML writers: declare where the read-back ``back`` differs.

    Quotes are declared lost whenever the article has some (the format has
    no place for them; :func:`newsmodel.read` finds them again in the text).
    """
    if article.quotes:
        losses.drop("quotes", NO_QUOTES)
    declare_changes(losses, attrs.evolve(article, quotes=()), back, "the format does not hold it")


def warn_ignored(format: str, ignored: Sequence[tuple[str, str]], *, stacklevel: int = 4) -> None:
    """Tell the caller which values a reader left out, as ``(JSON path, why)`` pairs.

    One :class:`IgnoredContentWarning`; paths that share a reason are listed
    together: ``jsonld: values left out: $.headline, $.name (expected text,
    got number)``. Does nothing when nothing was left out. ``stacklevel``
    defaults to the caller of :func:`newsmodel.read`.
    """
    if not ignored:
        return
    by_reason: dict[str, list[str]] = {}
    for path, why in ignored[:IGNORED_SHOWN]:
        by_reason.setdefault(why, []).append(path)
    listed = "; ".join(f"{', '.join(paths)} ({why})" for why, paths in by_reason.items())
    more = len(ignored) - IGNORED_SHOWN
    if more > 0:
        listed += f"; and {more} more"
    warnings.warn(
        IgnoredContentWarning(f"{format}: values left out: {listed}"), stacklevel=stacklevel
    )
