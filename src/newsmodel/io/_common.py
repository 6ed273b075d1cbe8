"""Small helpers every reader shares: bounds, JSON, read errors.

The input guard itself (type, size, BOM, encoding sniffing, decoding) lives in
:mod:`newsmodel._input`; it is re-exported here for the readers.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from lxml import etree

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
from newsmodel.errors import InputTooLargeError, ReadError
from newsmodel.losses import Losses
from newsmodel.markup import blocks_to_elements

__all__ = [
    "DEFAULT_MAX_BYTES",
    "as_read_errors",
    "check_input",
    "clean_text",
    "declare_markup_losses",
    "decode_text",
    "line_col",
    "parse_json",
    "sniff_encoding",
    "squash",
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


def declare_markup_losses(body: tuple[m.Block, ...], markup: str, losses: Losses) -> None:
    """Declare the parts of ``body`` that its HTML ``markup`` (written by
    :func:`~newsmodel.markup.blocks_to_html`) does not hold as they are.

    The markup rules declare them as they write each block (:mod:`newsmodel.markup.write`);
    nothing is parsed again. Writers that build their body markup themselves pass a
    :class:`Losses` view to :func:`~newsmodel.markup.blocks_to_html` instead.
    """
    if body:
        blocks_to_elements(etree.Element("div"), body, losses=losses.at("body"))


def squash(value: str | None) -> str | None:
    """What an XML reader makes of a text (:func:`newsmodel.xmlsafe.element_text`): white
    space collapsed, ``None`` when blank."""
    return None if value is None else (" ".join(value.split()) or None)
