"""Resolving surnames and pronouns to the full name mentioned earlier."""

from __future__ import annotations

import functools

from newsmodel.quotes.names import _CACHED_MENTIONS, _split_role
from newsmodel.quotes.records import _Speaker
from newsmodel.quotes.speakers import _NOT_SPEAKER_START
from newsmodel.quotes.words import (
    _FULL_NAME,
    _PERSON_PRONOUNS,
    _PERSON_TITLES,
    _PRONOUNS,
    _SENTENCE_INITIAL,
    _TITLE_WORDS,
    _TITLED,
)

#: How far before a name a title is looked for, in characters.
_TITLE_REACH = 40


def _titled(before: str) -> bool:
    """Whether ``before`` ends with a person's title ("Mayor"); the pattern is tried
    only when the words end with one."""
    return before.rstrip().endswith(_PERSON_TITLES) and _TITLED.search(before) is not None


@functools.lru_cache(maxsize=_CACHED_MENTIONS)
def _full_name(phrase: str) -> tuple[str | None, bool]:
    """The full name in a phrase that looks like one (``Minister Ana Okafor`` gives ``Ana
    Okafor``), ``None`` when less than two words are left, and whether it has a role."""
    name, role = _split_role(phrase)
    tokens = (name or phrase).split()
    while tokens and (
        tokens[0].lower().strip(".") in _TITLE_WORDS
        or tokens[0].lower() in _NOT_SPEAKER_START
        or tokens[0] in _SENTENCE_INITIAL
    ):
        tokens.pop(0)  # "Minister", "But", "Said" before a name
    return (" ".join(tokens) if len(tokens) >= 2 else None), role is not None


class _Resolver:
    """Full names seen so far, for surnames and pronouns."""

    def __init__(self) -> None:
        self.by_token: dict[str, str] = {}  # first or last name -> the latest full name
        self.pending: list[str] = []
        self.last_person: str | None = None
        self.last_speaker: str | None = None

    def observe(self, text: str) -> None:
        """Remember ``text`` for names; it is scanned only when a surname needs it."""
        if text:
            self.pending.append(text)

    def _scan(self) -> None:
        for text in self.pending:
            self._scan_text(text)
        self.pending.clear()

    def _scan_text(self, text: str) -> None:
        for match in _FULL_NAME.finditer(text):
            full, has_role = _full_name(match.group(1))
            if full is not None:
                self._remember(full)
                # a name with a title before it is a person: "he" may point at them
                titled = has_role or _titled(
                    text[max(0, match.start() - _TITLE_REACH) : match.start()]
                )
                if titled:
                    self.last_person = full

    def _remember(self, full: str) -> None:
        tokens = full.split()
        self.by_token[tokens[0]] = full
        self.by_token[tokens[-1]] = full

    def resolve(self, speaker: _Speaker) -> str | None:
        low = speaker.mention.lower()
        if low in _PERSON_PRONOUNS:
            self._scan()
            return self.last_person
        if low in _PRONOUNS:
            return (
                self.last_speaker
                if low in ("they", "we") and self.last_speaker and " " not in self.last_speaker
                else None
            )
        name = speaker.name
        if name and len(name.split()) == 1:
            self._scan()
            return self.by_token.get(name, name)
        if name:
            return name
        return speaker.mention

    def spoke(self, resolved: str | None, speaker: _Speaker) -> None:
        if resolved is None:
            return
        if len(resolved.split()) >= 2 and speaker.name:
            self._scan()
            self._remember(resolved)
        self.last_speaker = resolved
        if speaker.name or speaker.mention.lower() in _PERSON_PRONOUNS:
            self.last_person = resolved
