"""Quotes in Japanese and Chinese, which have no capitals and no spaces: the speech
verb is found by its characters next to the marks (``山田市長は「…」と述べた。``,
``市长王明说：「…」``) and the speaker is the words before the topic particle or the
verb, split into a name and a title by the title words of
:data:`newsmodel.vocab.QUOTE_LANGUAGES`.
"""

from __future__ import annotations

import re

from newsmodel.quotes.records import _Speaker
from newsmodel.vocab import QUOTE_LANGUAGES

_BY_TAG = {language.tag: language for language in QUOTE_LANGUAGES}
#: Japanese speech verbs after a closing mark ("と述べた", "と語った").
_JA_VERBS = _BY_TAG["ja"].verbs
#: Title words of both languages, longest first ("市長", "发言人").
_TITLES = tuple(sorted((*_BY_TAG["ja"].titles, *_BY_TAG["zh"].titles), key=len, reverse=True))
#: Characters of the two scripts (kana and the unified ideographs).
_CJK_CHAR = re.compile("[\u3040-\u30ff\u4e00-\u9fff]")
#: The longest speaker looked for before a quote, in characters.
_SPEAKER_MAX = 16
#: The stretch before an opening mark that can hold the speaker and verb.
_WINDOW = 40
#: A Japanese speaker: the words from the sentence start to the topic or subject
#: particle before the quote ("山田市長は「…").
_JA_SPEAKER = re.compile(rf"([^\s。！？、，「」『』“”：]{{1,{_SPEAKER_MAX}}}?)[はが]、?\s*$")
#: A Chinese speaker and verb right before the quote ("市长王明说：「…").
_ZH_BEFORE = re.compile(
    rf"([^\s。！？、，「」『』“”：:]{{1,{_SPEAKER_MAX}}}?)"
    rf"({'|'.join(_BY_TAG['zh'].verbs)})\s*[：:，,]?\s*$"
)


def _has_cjk(text: str) -> bool:
    return _CJK_CHAR.search(text) is not None


def _cjk_words(inner: str) -> int:
    """A count of words for quoted Japanese or Chinese (two characters a word)."""
    return len(_CJK_CHAR.findall(inner)) // 2


def _speaker(mention: str, start: int) -> _Speaker:
    """``山田市長`` gives the name 山田 and the title 市長; ``市长王明`` the name 王明."""
    for title in _TITLES:
        if mention.endswith(title) and len(mention) > len(title):
            return _Speaker(mention, (start, start + len(mention)), mention[: -len(title)], title)
        if mention.startswith(title) and len(mention) > len(title):
            return _Speaker(mention, (start, start + len(mention)), mention[len(title) :], title)
    return _Speaker(mention, (start, start + len(mention)), mention, None)


def _cjk_attribution(
    para: str, open_: int, close: int
) -> tuple[_Speaker | None, tuple[int, int]] | None:
    """The speaker and verb of a Japanese or Chinese quote, or ``None``."""
    floor = max(0, open_ - _WINDOW)
    after = para[close + 1 : close + 1 + 8]
    for verb in _JA_VERBS:
        if after.startswith(verb):
            found = _JA_SPEAKER.search(para, floor, open_)
            speaker = _speaker(found.group(1), found.start(1)) if found else None
            return speaker, (close + 1, close + 1 + len(verb))
    before = _ZH_BEFORE.search(para, floor, open_)
    if before is not None:
        return _speaker(before.group(1), before.start(1)), before.span(2)
    return None
