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

#: The longest credit a labelled credit gives: "Photo: " and at most this many characters.
_CREDIT_CHARS = 80
#: "Leaders meet in Brussels. Photo: AP", "(Picture: Reuters)": a labelled credit, at the
#: end of the caption (searched for from :data:`_LABELLED_SPAN` characters before it).
_LABELLED = re.compile(
    rf"[(\[]?\s*\b(?:{alternation(CREDIT_LABELS)})s?(?:\s+credit)?\s*[:：]"
    rf"\s*(?P<credit>[^()\[\]:]{{1,{_CREDIT_CHARS}}}?)\s*[)\]]?\s*\.?\s*$",
    re.IGNORECASE | re.DOTALL,
)
#: How far from the end of a caption (its white space collapsed) a labelled credit can
#: start: the longest label with "s credit", the credit, and what may stand around them
#: (``"[ "`` before, ``" : "`` between, ``" ] ."`` after: nine characters).
_LABELLED_SPAN = (
    len("[ ") + max(map(len, CREDIT_LABELS)) + len("s credit") + len(" : ") + _CREDIT_CHARS
    + len(" ] .")
)  # fmt: skip
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


#: Each form of credit, in the order tried, with the characters one of which its match
#: needs: a caption holding none is not searched for it (most captions hold no ``:``,
#: and the labelled form would try every label at every position of the caption).
_FORMS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (_LABELLED, (":", "：")),
    (_TRAILING_PARENS, (")", "]")),
    (_TRAILING_AGENCY, ()),
)


def _split(pattern: re.Pattern[str], text: str) -> tuple[str | None, str] | None:
    """``(caption, credit)`` by ``pattern``: the whole text, with a ``caption`` group,
    or (:data:`_LABELLED`) its end, the caption being what comes before."""
    if pattern is _LABELLED:  # (only the end can hold it: a search over every label
        # at every position of a long caption costs tens of microseconds)
        match = pattern.search(text, max(len(text) - _LABELLED_SPAN, 0))
        caption = text[: match.start()] if match else ""
    else:
        match = pattern.match(text)
        caption = match.group("caption") if match else ""
    if not match:
        return None
    credit = match.group("credit").strip(" .,;")
    if not credit or len(credit.split()) > CREDIT_MAX_WORDS:
        return None
    return caption.strip(" ,;–—-") or None, credit


def labelled_credit(text: str) -> tuple[str | None, str] | None:
    """``(caption, credit)`` when ``text`` ends with a labelled credit; else ``None``.

    ``labelled_credit("Leaders meet. Photo: AP")`` gives ``("Leaders meet.", "AP")``;
    ``labelled_credit("Photo: Jane Doe/AAP")`` gives ``(None, "Jane Doe/AAP")``.
    """
    if ":" not in text and "：" not in text:
        return None
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
    for pattern, needs in _FORMS:
        if needs and not any(mark in text for mark in needs):
            continue
        found = _split(pattern, text)
        if found:
            return found
    return text, None
