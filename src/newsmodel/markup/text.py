"""Text as HTML reads it: white space collapsed, runs of text merged, numbers checked."""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsmodel import model as m
from newsmodel._input import clean_text, whole_number
from newsmodel.model_blocks import join_text

__all__ = ["MAX_NUMBER", "WS_CHARS", "blocks_from_text", "clean", "has_text", "number", "tidy"]

#: The HTML white space characters (not NO-BREAK SPACE and friends, which are content):
#: :func:`clean` makes each run of them one space, a block's edges lose them.
WS_CHARS = " \t\n\r\f"
#: The HTML white space characters other than the space, each made a space by :func:`clean`.
_OTHER_WS = "\t\n\r\f"
#: Widths, heights and spans at or above this are nonsense and read as absent.
MAX_NUMBER = 10**7
#: Plain digits shorter than this are read with ``int`` at once (a long run goes through
#: :func:`~newsmodel._input.whole_number`, which refuses more than it converts).
_PLAIN_DIGITS = 10


def clean(text: str | None) -> str:
    """``text`` with each run of HTML white space as one space (``""`` for ``None``)."""
    if not text:
        return ""
    # most text needs nothing: a few scans for what would, far cheaper than a regex
    if "\n" in text or "  " in text or "\t" in text or "\r" in text or "\f" in text:
        if not text.strip(WS_CHARS):  # white space alone, as between tags
            return " "
        for space in _OTHER_WS:
            text = text.replace(space, " ")
        while "  " in text:  # each pass halves every run of spaces
            text = text.replace("  ", " ")
    return text


def tidy(content: list[m.Inline], *, collapse: bool = True) -> tuple[m.Inline, ...]:
    """Merge adjacent text, collapse runs of white space, strip it at the block's edges.

    ``content`` is as the inline reader gives it: with ``collapse``, each piece of text
    already :func:`clean` (only where pieces meet can white space run on), but for
    content that is one string alone.
    """
    if len(content) == 1 and isinstance(content[0], str):  # the commonest run: text alone
        text = clean(content[0]) if collapse else content[0]
        text = text.strip(WS_CHARS)
        return (text,) if text else ()
    after_text = False
    for item in content:  # text between nodes, each piece alone (the commonest): kept as is
        if isinstance(item, str):
            if after_text or not item:
                items = join_text(content, clean if collapse else None)
                break
            after_text = True
        else:
            after_text = False
    else:
        items = list(content)
    if not items:
        return ()
    # only the edges are stripped, so only they can become empty
    last = items[-1]
    if isinstance(last, str):
        last = last.rstrip(WS_CHARS)
        if last:
            items[-1] = last
        else:
            items.pop()
    if items and isinstance(items[0], str):
        first = items[0].lstrip(WS_CHARS)
        if first:
            items[0] = first
        else:
            del items[0]
    return tuple(items)


def has_text(content: Iterable[m.Inline]) -> bool:
    """Whether ``content`` has any text that is not white space (as
    ``m.inline_text(content).strip()`` would say, without joining the text)."""
    for item in content:
        if isinstance(item, str):
            if item and not item.isspace():
                return True
        elif not isinstance(item, m.LineBreak) and has_text(item.content):
            return True
    return False


def number(value: str | None) -> int | None:
    """A positive whole number from an attribute (``"640"``, ``"640px"``), else ``None``."""
    if value is None:
        return None
    if value.isdigit() and value.isascii() and len(value) < _PLAIN_DIGITS:  # "640", the commonest
        number: int | None = int(value)
    else:
        number = whole_number(value.strip().removesuffix("px"))
    return number if number is not None and 0 < number < MAX_NUMBER else None


#: A blank line (white space allowed on it): where plain text starts a new paragraph.
_BLANK_LINE = re.compile(r"\n\s*\n")


def blocks_from_text(text: str) -> tuple[m.Block, ...]:
    r"""Plain text as paragraphs: one at each blank line, or at each line when the text
    has no blank line (``"A\n\nB"`` and ``"A\nB"`` both give two); spaces squashed.

    >>> blocks_from_text("One line.\r\nAnother.")
    (Paragraph(content=('One line.',)), Paragraph(content=('Another.',)))
    """
    text = clean_text(text).replace("\r\n", "\n").replace("\r", "\n").strip()
    parts = _BLANK_LINE.split(text) if _BLANK_LINE.search(text) else text.split("\n")
    squashed = (" ".join(part.split()) for part in parts)
    return tuple(m.Paragraph(content=(part,)) for part in squashed if part)
