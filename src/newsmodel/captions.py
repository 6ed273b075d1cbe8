"""Splitting a photo credit from its caption.

``split_credit("Leaders meet in Brussels. Photo: AP")`` gives
``("Leaders meet in Brussels.", "AP")``. Used by every reader that sees a
caption, so that a caption never carries its credit.
"""

from __future__ import annotations

import re

from newsmodel.vocab import (
    CAPTION_AGENCIES,
    CREDIT_LABELS,
    CREDIT_MAX_WORDS,
    PICTURE_SOURCES,
    alternation,
)

__all__ = ["labelled_credit", "split_credit"]

#: "Leaders meet in Brussels. Photo: AP", "(Picture: Reuters)": a labelled credit.
_LABELLED = re.compile(
    rf"^(?P<caption>.*?)\s*[(\[]?\s*\b(?:{alternation(CREDIT_LABELS)})s?(?:\s+credit)?\s*[:：]"
    r"\s*(?P<credit>[^()\[\]:]{1,80}?)\s*[)\]]?\s*\.?\s*$",
    re.IGNORECASE | re.DOTALL,
)
#: "Leaders meet (AP Photo/Jane Doe)", "Leaders meet [Supplied]": a bracketed credit.
_TRAILING_PARENS = re.compile(
    r"^(?P<caption>.*?)\s*[(\[](?P<credit>(?:[^()\[\]]{0,60}\b)?"
    rf"(?:{alternation(PICTURE_SOURCES)})(?:\b[^()\[\]]{{0,60}})?)[)\]]\s*\.?\s*$",
    re.DOTALL,
)
#: "Leaders meet on Thursday. Jane Doe/Getty Images": a bare agency after a sentence.
_TRAILING_AGENCY = re.compile(
    r"^(?P<caption>.*[.!?”\"])\s+(?P<credit>(?:[A-Z][\w.'’-]*\s){0,3}"
    rf"(?:{alternation(CAPTION_AGENCIES)})"
    r"(?:\s*/\s*[A-Z][\w.'’ -]{0,40})?)\s*$",
    re.DOTALL,
)


def _split(pattern: re.Pattern[str], text: str) -> tuple[str | None, str] | None:
    match = pattern.match(text)
    if not match:
        return None
    credit = match.group("credit").strip(" .,;")
    if not credit or len(credit.split()) > CREDIT_MAX_WORDS:
        return None
    return match.group("caption").strip(" ,;–—-") or None, credit


def labelled_credit(text: str) -> tuple[str | None, str] | None:
    """``(caption, credit)`` when ``text`` ends with a labelled credit; else ``None``.

    ``labelled_credit("Leaders meet. Photo: AP")`` gives ``("Leaders meet.", "AP")``;
    ``labelled_credit("Photo: Jane Doe/AAP")`` gives ``(None, "Jane Doe/AAP")``.
    """
    return _split(_LABELLED, " ".join(text.split()))


def split_credit(text: str) -> tuple[str | None, str | None]:
    """``(caption, credit)`` from a caption that may end with its credit.

    Recognises ``Photo: AP``, ``(Picture: Reuters)``, ``Credit: Jane Doe``,
    ``(AP Photo/Jane Doe)``, ``(Getty Images)`` and a bare trailing agency
    after a sentence (``… on Thursday. Getty Images``). Either part may be
    ``None``.
    """
    text = " ".join(text.split())
    if not text:
        return None, None
    for pattern in (_LABELLED, _TRAILING_PARENS, _TRAILING_AGENCY):
        found = _split(pattern, text)
        if found:
            return found
    return text, None
