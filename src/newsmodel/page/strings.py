"""Small string helpers every stage of page reading shares."""

from __future__ import annotations

import html as html_lib
import re
from functools import lru_cache
from urllib.parse import urljoin

from newsmodel.markup import safe_url
from newsmodel.vocab import COPYRIGHT_MARK

__all__ = ["COPYRIGHT", "class_words", "norm", "resolve_url", "unescape"]

#: A line that opens with a copyright notice: "Copyright …", "© …", "(c) 2024 …".
COPYRIGHT = re.compile(rf"(?:{COPYRIGHT_MARK})", re.I)
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+);", re.I)
_NOT_WORD = re.compile(r"[\W_]+")
_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*:", re.I)
#: Where class names split into words: punctuation, and camelCase humps.
_CLASS_SPLIT = re.compile(r"[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])")


#: Distinct class and id strings whose words are remembered (a page repeats the same few
#: names on thousands of elements, and every stage asks).
_NAMES_CACHE = 4096


@lru_cache(maxsize=_NAMES_CACHE)
def class_words(names: str) -> tuple[str, ...]:
    """Class and id names as lower-case words, camelCase split and generated hashes (words
    holding a digit) dropped: ``"css-1x2y3 authName"`` → ``("css", "auth", "name")``."""
    return tuple(
        w.lower() for w in _CLASS_SPLIT.split(names) if w and not any(c.isdigit() for c in w)
    )


def norm(text: str) -> str:
    """``text`` for comparison: case folded, punctuation and runs of space as one space."""
    return _NOT_WORD.sub(" ", text.casefold()).strip()


def unescape(text: str | None) -> str | None:
    """Entities left escaped in metadata (``&#8211;``, ``&amp;``) decoded."""
    if text and "&" in text and _ENTITY.search(text):
        return html_lib.unescape(text)
    return text


def resolve_url(url: str | None, base: str | None) -> str | None:
    """``url`` made safe (:func:`newsmodel.markup.safe_url`) and absolute against ``base``."""
    url = safe_url(url)
    if url is None:
        return None
    if base and not _SCHEME.match(url):
        try:
            return urljoin(base, url)
        except ValueError:
            return url
    return url
