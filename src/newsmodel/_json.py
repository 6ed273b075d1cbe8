"""JSON parsing with bounds, for the readers of newsmodel JSON, ninjs and JSON-LD.

Every step runs in time and memory linear in the input:

* :func:`check_size` refuses, before anything is decoded, text holding more
  than :data:`MAX_VALUES` values (each parsed value costs Python 50–100
  bytes, so this bounds what decoding can build);
* :func:`parse_json` is the strict parser (bounded depth, no duplicate keys,
  no ``NaN``, no integer of more than :data:`MAX_INT_DIGITS` digits) whose
  errors say where;
* :func:`recover_objects` finds the objects in damaged JSON (what is left when
  the whole text does not parse), decoding each character a bounded number
  of times.

The scanners are regular expressions that cannot backtrack (possessive
quantifiers only, and patterns that match wherever a search starts).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any, NamedTuple, TypeAlias, Union

from newsmodel.errors import InputTooLargeError, ReadError

__all__ = [
    "MAX_DEPTH",
    "MAX_INT_DIGITS",
    "MAX_RECOVERY_ATTEMPTS",
    "MAX_VALUES",
    "RECOVERY_WORK_FACTOR",
    "RECOVERY_WORK_MIN",
    "JSONObject",
    "JSONValue",
    "brief",
    "check_size",
    "parse_int",
    "parse_json",
    "recover_objects",
    "squash_spaces",
]

#: A value parsed from JSON, whose type is known only when it is looked at.
JSONValue: TypeAlias = Union[dict[str, "JSONValue"], list["JSONValue"], str, int, float, bool, None]
#: A JSON object, parsed.
JSONObject: TypeAlias = dict[str, JSONValue]

#: Deepest nesting of arrays and objects :func:`parse_json` accepts by default
#: (the model nests far less; deeper input only costs recursion further on).
MAX_DEPTH = 200
#: Most values (objects, arrays and the items and members in them) a document
#: may hold. A real article holds a few thousand; at this bound the parsed
#: document stays under about 300 MB however the values are shaped.
MAX_VALUES = 2_000_000
#: Most digits an integer may have. The model's numbers have a few; Python
#: turns a decimal string into an int in quadratic time, and refuses (or,
#: with its limit lifted, takes minutes over) integers of many thousands.
MAX_INT_DIGITS = 1000
#: Candidate objects the recovery of damaged JSON tries to decode, at most
#: (a page's JSON-LD holds a few dozen objects).
MAX_RECOVERY_ATTEMPTS = 10_000
#: The recovery decodes and scans at most this many times the text's length
#: (plus :data:`RECOVERY_WORK_MIN` characters): damage real pages have needs
#: about one pass, and the bound keeps contrived input linear.
RECOVERY_WORK_FACTOR = 4
RECOVERY_WORK_MIN = 1_000_000

#: Text is squashed this many characters at a time (splitting it whole costs
#: ten times its size in word objects when the words are short).
_SQUASH_CHUNK = 1 << 20
_SPACE = re.compile(r"\s")

#: Longest piece of input quoted in an error message.
_QUOTE_LIMIT = 80

#: A JSON string; unterminated, it runs to the end. Possessive: no backtracking.
_STRING = r'"[^"\\]*+(?:\\.[^"\\]*+)*+"?'
_STRINGS = re.compile(_STRING, re.S)
#: Up to the next bracket outside strings, which group 1 holds (empty at the
#: end: the pattern matches wherever it starts, so a search never rescans).
_NEXT_BRACKET = re.compile(r"(?:" + _STRING + r'|[^"\[\]{}]++)*+([\[\]{}]|\Z)', re.S)


def brief(text: str) -> str:
    """``text`` quoted for an error message: ``repr``, cut to a few dozen characters."""
    if len(text) <= _QUOTE_LIMIT:
        return repr(text)
    return repr(text[:_QUOTE_LIMIT]) + f"… ({len(text)} characters)"


def squash_spaces(text: str) -> str:
    """``" ".join(text.split())`` in memory a small multiple of ``text``, however long it is."""
    if len(text) <= _SQUASH_CHUNK:
        return " ".join(text.split())
    pieces = []
    start = 0
    while start < len(text):
        space = _SPACE.search(text, start + _SQUASH_CHUNK)
        end = space.start() if space else len(text)
        piece = " ".join(text[start:end].split())
        if piece:
            pieces.append(piece)
        start = end
    return " ".join(pieces)


def _count_values(text: str) -> int:
    return text.count(",") + text.count("[") + text.count("{")


def check_size(text: str, *, format: str) -> None:
    """Refuse JSON text holding more than :data:`MAX_VALUES` values (outside strings)."""
    if _count_values(text) > MAX_VALUES and _count_values(_STRINGS.sub("", text)) > MAX_VALUES:
        raise InputTooLargeError(
            f"more than {MAX_VALUES} values (objects, arrays and their items)", format=format
        )


def _deeper_than(value: Any, max_depth: int) -> bool:
    """True when ``value`` nests arrays and objects more than ``max_depth`` deep (no recursion)."""
    level = [value] if isinstance(value, (dict, list)) else []
    for _ in range(max_depth):
        below: list[Any] = []
        for item in level:
            for x in item.values() if isinstance(item, dict) else item:
                if isinstance(x, (dict, list)):
                    below.append(x)
        if not below:
            return False
        level = below
    return bool(level)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise ValueError(f"duplicate key {brief(key)}")
            seen.add(key)
    return out


def parse_int(digits: str) -> int:
    """An integer from JSON, refusing one longer than :data:`MAX_INT_DIGITS` (``ValueError``)."""
    if len(digits) > MAX_INT_DIGITS:
        raise ValueError(f"a number of {len(digits)} digits (more than {MAX_INT_DIGITS})")
    return int(digits)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def parse_json(text: str, *, format: str, max_depth: int = MAX_DEPTH) -> Any:
    """Parse JSON strictly: bounded depth and size, no duplicate keys, no NaN; errors say where."""
    check_size(text, format=format)
    try:
        value = json.loads(
            text,
            object_pairs_hook=_no_duplicates,
            parse_constant=_no_constant,
            parse_int=parse_int,
        )
    except json.JSONDecodeError as exc:
        raise ReadError(
            f"not valid JSON: {exc.msg}",
            format=format,
            where=f"line {exc.lineno}, column {exc.colno}",
        ) from None
    except ValueError as exc:  # a duplicate key, NaN, an integer too long
        raise ReadError(f"not valid JSON: {exc}", format=format) from None
    except RecursionError:
        value = None
    else:
        nested = text.count("[") + text.count("{") > max_depth
        if not (nested and _deeper_than(value, max_depth)):
            return value
    raise InputTooLargeError(f"nesting deeper than {max_depth} levels", format=format)


# ---------------------------------------------------------------------------
# recovery from damage


def _open_objects(text: str, start: int, stop: int, limit: int) -> tuple[list[int], int]:
    """Where the objects open at ``stop`` start, reading JSON from ``start``; and the brackets read.

    Strings are skipped as JSON reads them, so this agrees with the decoder
    on any text the decoder accepted up to ``stop``. Past ``limit`` brackets
    the objects open so far are given.
    """
    stack: list[int] = []
    count = 0
    for match in _NEXT_BRACKET.finditer(text, start, stop):
        char = match.group(1)
        count += 1
        if not char or count > limit:
            break
        if char in "[{":
            stack.append(match.start(1) if char == "{" else -1)
        elif stack:
            stack.pop()
            if not stack:
                break
    return [pos for pos in stack if pos >= 0], count


def _end_of_value(text: str, start: int, limit: int) -> tuple[int, int]:
    """Just past the array or object at ``start`` (the text's end if it never closes or
    ``limit`` brackets are read first), and the brackets read."""
    depth = count = 0
    for match in _NEXT_BRACKET.finditer(text, start):
        char = match.group(1)
        count += 1
        if not char or count > limit:
            break
        depth += 1 if char in "[{" else -1
        if depth <= 0:
            return match.end(1), count
    return len(text), count


#: The first stretch of text a candidate is decoded in, alone: the decoder's
#: error counts lines from the start of what it is given, so it is given a
#: window, widened (:data:`_WIDER` times) while the failure may be the cut's.
_FIRST_WINDOW = 4096
_WIDER = 8
#: A failure this close to a window's end may be the cut's (``tru`` of ``true``).
_NEAR_END = 16
#: A bracket matched in Python costs the work of decoding about this many characters.
_BRACKET_COST = 32


class _Attempt(NamedTuple):
    value: Any
    end: int  # past the value; -1 when decoding failed
    failed_at: int | None  # where it failed, when the decoder said
    cost: int  # characters handed to the decoder


def _decode_at(decoder: json.JSONDecoder, text: str, start: int) -> _Attempt:
    """Decode the value starting at ``start`` in windows of growing size."""
    size, cost = _FIRST_WINDOW, 0
    while True:
        stop = min(len(text), start + size)
        cost += stop - start
        try:
            value, end = decoder.raw_decode(text[start:stop])
        except json.JSONDecodeError as exc:
            cut = exc.pos >= stop - start - _NEAR_END or exc.msg.startswith("Unterminated")
            if stop == len(text) or not cut:
                return _Attempt(None, -1, start + exc.pos, cost)
        except (ValueError, RecursionError):
            return _Attempt(None, -1, None, cost)
        else:
            return _Attempt(value, start + end, None, cost)
        size *= _WIDER


def recover_objects(text: str, *, parse_int: Callable[[str], Any] = parse_int) -> list[Any]:
    """The objects in damaged JSON: each ``{`` that decodes, in order, skipping what one holds.

    Where a candidate fails, the objects it had opened there (and so would
    fail there too) are not decoded again; an object nesting too deep for the
    decoder is skipped whole. Each candidate is decoded alone, in a window
    that widens as needed, so what a failure costs is what was read. The
    work is linear: the characters decoded (and brackets matched, weighted)
    stay under :data:`RECOVERY_WORK_FACTOR` times the text plus
    :data:`RECOVERY_WORK_MIN`, and at most :data:`MAX_RECOVERY_ATTEMPTS`
    candidates are tried.
    """
    decoder = json.JSONDecoder(parse_int=parse_int)  # ints as the caller reads them
    found: list[Any] = []
    doomed: set[int] = set()  # objects known to fail
    budget = RECOVERY_WORK_FACTOR * len(text) + RECOVERY_WORK_MIN
    attempts = 0
    pos = 0
    while budget > 0 and attempts < MAX_RECOVERY_ATTEMPTS:
        start = text.find("{", pos)
        if start == -1:
            break
        pos = start + 1
        if start in doomed:
            continue
        attempts += 1
        attempt = _decode_at(decoder, text, start)
        budget -= attempt.cost
        if attempt.end >= 0:
            found.append(attempt.value)
            pos = attempt.end
        elif attempt.failed_at is not None:
            limit = max(budget // _BRACKET_COST, 0)
            opened, brackets = _open_objects(text, start, attempt.failed_at, limit)
            doomed.update(opened)
            budget -= brackets * _BRACKET_COST
        else:  # too deep (or a number too long): nothing inside is taken either
            pos, brackets = _end_of_value(text, start, max(budget // _BRACKET_COST, 0))
            budget -= brackets * _BRACKET_COST
    return found
