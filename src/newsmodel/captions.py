"""Splitting a photo credit from its caption.

``split_credit("Leaders meet in Brussels. Photo: AP")`` gives
``("Leaders meet in Brussels.", "AP")``. Used by every reader that sees a
caption, so that a caption never carries its credit.
"""

from __future__ import annotations

import re

__all__ = ["split_credit"]

_LABELLED = re.compile(
    r"^(?P<caption>.*?)\s*[(\[]?\s*\b(?:photo(?:graph)?s?|pictures?|pic|image|credit|source|"
    r"foto|bild)(?:\s+credit)?\s*[:：]\s*(?P<credit>[^()\[\]:]{1,80}?)\s*[)\]]?\s*\.?\s*$",
    re.IGNORECASE | re.DOTALL,
)
_TRAILING_PARENS = re.compile(
    r"^(?P<caption>.*?)\s*[(\[](?P<credit>(?:[^()\[\]]{0,60}\b)?(?:AP|AAP|AFP|Reuters|EPA|"
    r"Getty Images|Getty|Shutterstock|Alamy|PA|dpa|Bloomberg|Xinhua|Anadolu|Supplied|"
    r"Associated Press|File)(?:\b[^()\[\]]{0,60})?)[)\]]\s*\.?\s*$",
    re.DOTALL,
)
_TRAILING_AGENCY = re.compile(
    r"^(?P<caption>.*[.!?”\"])\s+(?P<credit>(?:[A-Z][\w.'’-]*\s){0,3}"
    r"(?:Getty Images|AP|AAP|AFP|Reuters|EPA|Shutterstock|Alamy|Xinhua)"
    r"(?:\s*/\s*[A-Z][\w.'’ -]{0,40})?)\s*$",
    re.DOTALL,
)


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
        match = pattern.match(text)
        if match:
            credit = match.group("credit").strip(" .,;")
            if credit and len(credit.split()) <= 10:
                caption = match.group("caption").strip(" ,;–—-") or None
                return caption, credit
    return text, None
