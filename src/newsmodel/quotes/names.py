"""A speaker is a name-like phrase: the rules that trim a candidate mention to one
and split it into a name and a role.

The words before or after a speech verb are often more than the speaker:
``Harbor Lines CEO Maren Tolvik in a press briefing`` (a phrase of place or time
after the name), ``Dana Quill gingerly`` (an adverb), ``Deputy Mayor Ilse Marrow
condemned what she`` (a clause), ``Rep. Dana Quill (D-Ore.)`` (a party and state).
:data:`NAME_RULES` cuts each shape back to the name and its role, in order, each
with an example; ``A decision`` or ``The evidence for the plan`` (a noun that never
speaks) is no speaker at all. tests/test_quote_rules.py runs every example.

The work is a bounded number of passes over a mention of at most a few words.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

import attrs

from newsmodel.quotes.words import _NAME_TOKEN, _TITLE_WORDS

#: Small words inside a personal name ("Hans van Berg", "Ana de la Cruz").
_PARTICLES = frozenset(
    "van von de da del della di du des der den dos das le la bin ibn al el ter ten y e".split()
)
#: Words that open a phrase of place, time, manner or affiliation after a name
#: ("Maren Tolvik in a press briefing", "Jeno Vark for the Harbor Trust").
_PREPOSITIONS = frozenset(
    "in at on during after before via from with for to of by over through inside outside".split()
)
#: Words after a name that end its mention: adverbs, reflexives and modal verbs
#: ("Dana Quill gingerly", "Quill herself", "Quill may").
_TRAILING_WORDS = frozenset(
    """also then later again further often once first finally still never always ever too
    even already recently earlier now himself herself themselves itself myself ourselves
    may might can could should must will would shall""".split()
)
#: Past-tense verbs without ``-ed`` that make a mention a clause ("Ilse Marrow began
#: talking", "the mayor took").
_IRREGULAR_PAST = frozenset(
    """began took made gave went came saw got had was were is are has did put set let
    kept left felt held told thought brought bought sought caught taught spoke wrote
    drew grew knew threw rose fell ran won lost met sent spent built meant became""".split()
)
#: Words before "of" that make "X of Y" one name ("Bank of Eastby", "Secretary of
#: State"): an organisation or an office, not a person and their home town.
_OF_HEADS = frozenset(
    """bank university council department ministry office institute church school college
    court board association federation union society museum bureau agency commission
    committee center centre foundation party house state secretary minister director
    governor mayor chief head president chairman chair city county republic kingdom
    league academy museum hospital fund club order church""".split()
)
#: Nouns that never speak: a mention whose head is one of them is no speaker ("A
#: decision", "The evidence for the plan", "Her economic plan").
_NOT_SPEAKER_HEADS = frozenset(
    """decision decisions evidence move idea ideas issue issues problem problems
    result results outcome change changes deal price prices cost costs number numbers
    figure figures rate rates amount fact facts reason reasons goal goals aim point points
    way ways thing things time times day days year years week weeks month months effect
    effects impact situation process answer question questions hope vote votes turnout
    money share shares""".split()
)
#: Determiners and possessives that open a description ("the mayor", "her plan").
_OPENERS = frozenset("the a an this that these those his her their its our my your one".split())
#: A party and state in brackets ending a mention ("(D-Ore.)", "(R)", "(I-Vt.)").
_PARTY_END = re.compile(r"\((?:[DRI]|[DRI]-[A-Z][\w.]{0,12}|[A-Z][a-z]{1,4}\.)\)\s*$")


def _is_name_word(word: str) -> bool:
    """A word that can be part of a personal or organisation name (capitalised, not a
    determiner that opens a sentence: "The", "An")."""
    return word[:1].isupper() and word.lower() not in _OPENERS


#: Words in -ly that are no adverbs ("Scott's family", "an early tweet").
_LY_NOT_ADVERBS = frozenset(
    """family early only daily weekly monthly yearly hourly nightly quarterly likely
    unlikely friendly elderly ally rally assembly supply reply italy bully holy ugly
    lonely lovely costly deadly orderly timely""".split()
)


def _is_adverb(word: str) -> bool:
    return word in _TRAILING_WORDS or (
        word.islower() and word.endswith("ly") and word not in _LY_NOT_ADVERBS
    )


def _run_before(words: list[str], i: int) -> int:
    """How many name words stand right before ``words[i]``."""
    run = 0
    while run < i and _is_name_word(words[i - 1 - run]):
        run += 1
    return run


def _is_phrase_start(words: list[str], i: int) -> bool:
    """``in a press briefing``, ``on Monday`` after a name: a phrase of place or time.
    After a single name word a capitalised word may go on the name ("Alliance for
    Harbor Safety"), so only a phrase in lower case is cut there."""
    if words[i] not in _PREPOSITIONS or words[i] in ("of", "to"):
        return False
    following = words[i + 1] if i + 1 < len(words) else ""
    return _run_before(words, i) >= 2 or following[:1].islower()


def _name_run_end(words: list[str], start: int) -> int:
    """The end of the run of name words (with particles inside) that starts at ``start``."""
    end = start
    i = start
    while i < len(words):
        if _is_name_word(words[i]):
            i += 1
            end = i
        elif words[i] in _PARTICLES and i + 1 < len(words) and _is_name_word(words[i + 1]):
            i += 1
        else:
            break
    return end


def _cut_after_name(words: list[str], stop: Callable[[str], bool]) -> int:
    """How many words to keep: up to the first word after a name word that ``stop`` accepts."""
    for i in range(1, len(words)):
        if _is_name_word(words[i - 1]) and stop(words[i]):
            return i
    return len(words)


def _is_clause_verb(word: str) -> bool:
    return word.islower() and ((len(word) > 4 and word.endswith("ed")) or word in _IRREGULAR_PAST)


def _is_participle_clause(words: list[str], i: int) -> bool:
    """``A decision expected on Friday``: a participle after the head noun of a
    description, with a phrase after it (not ``his longtime trusted aide``)."""
    word, before = words[i], words[i - 1]
    if not (word.islower() and len(word) > 4 and word.endswith("ed")):
        return False
    if before.lower() in _OPENERS or not before.islower() or before.endswith("ly"):
        return False
    following = words[i + 1] if i + 1 < len(words) else ""
    return words[0].lower() in _OPENERS and (following in _PREPOSITIONS or following[:1].isupper())


def _cut_of(words: list[str]) -> int:
    """``Jeno Vark of Eastby``: keep the name; ``Bank of Eastby`` stays whole."""
    for i in range(2, len(words)):
        if words[i] != "of" or not _is_name_word(words[i - 1]):
            continue
        if words[i - 1].lower().strip(".,") in _OF_HEADS:
            continue
        titled = any(w.lower().strip(",") in _TITLE_WORDS for w in words[:i])
        if _run_before(words, i) >= 2 or titled:
            return i
    return len(words)


@attrs.frozen
class NameRule:
    """One way a mention is cut back to a name-like phrase: ``keep`` gives how many of
    its words stay (all of them when the rule does not apply); ``example`` is a mention
    and ``expected`` what is left of it."""

    name: str
    example: str
    expected: str
    keep: Callable[[list[str]], int]


#: The rules that trim a mention, applied in order to what the last one left.
NAME_RULES: tuple[NameRule, ...] = (
    NameRule(
        "clause after the name",
        "Deputy Mayor Ilse Marrow condemned what she",
        "Deputy Mayor Ilse Marrow",
        lambda words: _cut_after_name(words, _is_clause_verb),
    ),
    NameRule(
        "participle after a noun",
        "A decision expected on Friday",
        "A decision",
        lambda words: next(
            (i for i in range(2, len(words)) if _is_participle_clause(words, i)), len(words)
        ),
    ),
    NameRule(
        "place or time after the name",
        "Harbor Lines CEO Maren Tolvik in a press briefing",
        "Harbor Lines CEO Maren Tolvik",
        lambda words: next(
            (
                i
                for i in range(1, len(words))
                if _is_name_word(words[i - 1]) and _is_phrase_start(words, i)
            ),
            len(words),
        ),
    ),
    NameRule(
        "home or employer after the name",
        "Jeno Vark of Eastby",
        "Jeno Vark",
        _cut_of,
    ),
    NameRule(
        "adverb after the name",
        "Dana Quill gingerly",
        "Dana Quill",
        lambda words: _cut_after_name(words, _is_adverb),
    ),
)


def _trim(mention: str) -> str:
    """``mention`` cut back by :data:`NAME_RULES` (a party in brackets goes first)."""
    party = _PARTY_END.search(mention)
    mention = (mention[: party.start()] if party else mention).rstrip(" ,")
    words = mention.split()
    if len(words) < 2:
        return mention
    keep = len(words)
    for rule in NAME_RULES:
        keep = min(keep, rule.keep(words[:keep]))
    if keep == len(words):
        return mention
    # the kept words as written (spacing inside them unchanged)
    at = 0
    for word in words[:keep]:
        at = mention.index(word, at) + len(word)
    return mention[:at].rstrip(" ,")


#: A party and state alone, left when the words before a verb are cut at a bracket
#: ("D-Ore.)").
_PARTY_ALONE = re.compile(r"\(?(?:[DRI]|[DRI]-[A-Z][\w.]{0,12})\)")


#: A possessive ending, dropped from a head noun ("the plan's").
_POSSESSIVE_END = re.compile(r"['’]s?$")


def _speaks(mention: str) -> bool:
    """False for a party alone (``D-Ore.)``) and for a description whose head is a noun
    that never speaks (``A decision``, ``The evidence for the plan``)."""
    words = mention.split()
    if not words or _PARTY_ALONE.fullmatch(mention):
        return False
    if words[0].lower() not in _OPENERS:
        return True
    head = words[-1]
    for i, word in enumerate(words[1:], 1):
        if word in _PREPOSITIONS:
            head = words[i - 1]
            break
    return not head.islower() or _POSSESSIVE_END.sub("", head) not in _NOT_SPEAKER_HEADS


#: Mentions whose name and role are remembered: the names of one article and more
#: (a name comes up in every paragraph that mentions it).
_CACHED_MENTIONS = 4096


@functools.lru_cache(maxsize=_CACHED_MENTIONS)
def _split_role(mention: str) -> tuple[str | None, str | None]:
    """``(name, role)``: ``Kremlin spokesman Dmitry Peskov`` gives the name and the role,
    as do ``conservative activist Tomas Brell`` (a role in lower case before the name)
    and ``Former Secretary of State Ilse Marrow`` (an office with "of")."""
    tokens = mention.split()
    if not tokens:
        return None, None
    last_title = -1
    for i, token in enumerate(tokens):
        # "Col." as well as "col": an abbreviated title with its full stop
        if token.lower().strip(",") in _TITLE_WORDS or token.lower().rstrip(".") in _TITLE_WORDS:
            last_title = i
    # "Secretary of State Ilse Marrow": the office runs on through "of" and one word
    if (
        0 <= last_title < len(tokens) - 3
        and tokens[last_title + 1] == "of"
        and _is_name_word(tokens[last_title + 2])
    ):
        last_title += 2
    name_tokens = tokens[last_title + 1 :]
    if name_tokens and all(_NAME_TOKEN.fullmatch(t) for t in name_tokens):
        role = " ".join(tokens[: last_title + 1]) or None
        return " ".join(name_tokens), role
    # "conservative activist Tomas Brell": a name after a role word in lower case
    run = len(tokens)
    while run > 0 and (
        _NAME_TOKEN.fullmatch(tokens[run - 1])
        or (tokens[run - 1] in _PARTICLES and run < len(tokens))
    ):
        run -= 1
    role_word = tokens[run - 1] if run > 0 else ""
    if (
        0 < run <= len(tokens) - 2
        and role_word[:1].islower()
        and role_word not in _PREPOSITIONS
        and role_word not in _OPENERS
        and role_word != "and"
    ):
        return " ".join(tokens[run:]), " ".join(tokens[:run])
    return None, mention if last_title >= 0 else None


@functools.lru_cache(maxsize=_CACHED_MENTIONS)
def _name_parts(mention: str) -> tuple[str, str | None, str | None] | None:
    """``(trimmed mention, name, role)`` of a candidate speaker mention (see
    :func:`_trim`, :func:`_split_role`), or ``None`` when it cannot speak."""
    trimmed = _trim(mention)
    if not trimmed or not _speaks(trimmed):
        return None
    name, role = _split_role(trimmed)
    return trimmed, name, role
