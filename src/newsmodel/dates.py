"""Reading dates as people and feeds write them, without inventing precision.

:func:`parse_date` returns a :class:`datetime.date` when the text names only a
day, a naive :class:`datetime.datetime` when it gives a time but no zone, and
an aware one when it gives a zone (an offset or a common abbreviation such as
``ACDT`` or ``EST``). It never invents a time of day and never shifts a day.
"""

from __future__ import annotations

import datetime
import re
import warnings

from dateutil import parser as _parser
from dateutil.tz import tzoffset

from newsmodel.model import DateValue

__all__ = ["MONTH_PATTERN", "ZONE_ABBREVIATIONS", "format_date", "parse_date"]


def _zone(name: str, hours: float) -> tzoffset:
    return tzoffset(name, int(hours * 3600))


#: Zone abbreviations that mean one offset wherever news is published in English.
#: (Ambiguous ones such as ``IST`` or ``CST`` for China are left out on purpose;
#: ``CST`` is read as US Central.)
ZONE_ABBREVIATIONS: dict[str, tzoffset] = {
    name: _zone(name, hours)
    for name, hours in (
        ("UTC", 0),
        ("GMT", 0),
        ("Z", 0),
        ("BST", 1),
        ("WET", 0),
        ("WEST", 1),
        ("CET", 1),
        ("CEST", 2),
        ("EET", 2),
        ("EEST", 3),
        ("MSK", 3),
        ("EST", -5),
        ("EDT", -4),
        ("CST", -6),
        ("CDT", -5),
        ("MST", -7),
        ("MDT", -6),
        ("PST", -8),
        ("PDT", -7),
        ("AKST", -9),
        ("AKDT", -8),
        ("HST", -10),
        ("AEST", 10),
        ("AEDT", 11),
        ("ACST", 9.5),
        ("ACDT", 10.5),
        ("AWST", 8),
        ("NZST", 12),
        ("NZDT", 13),
        ("JST", 9),
        ("KST", 9),
        ("SGT", 8),
        ("HKT", 8),
    )
}

#: A month name or its abbreviation, as a regular expression (case-insensitive use).
MONTH_PATTERN = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_HAS_YEAR = re.compile(r"[0-9]{4}")
_ISO = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,6})?)?"
    r"(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?"
)
_MAX_LEN = 120
#: ``GMT+2``, ``UTC-05:00``: an offset written after a zone name, as people mean it
#: (``GMT+2`` is two hours ahead); the date parser's POSIX reading inverts the sign.
#: Hours and minutes: ``+2``, ``+02``, ``+2:30``, ``+0230``, ``+02:30`` (not ``+123``).
_NAMED_OFFSET = re.compile(
    r"\b(?:GMT|UTC)\s?([+-])(?:([0-9]{2}):?([0-9]{2})|([0-9]{1,2})(?::([0-9]{2}))?)\b"
)


def _offset(match: re.Match[str]) -> str:
    sign, hours, minutes, short_hours, short_minutes = match.groups()
    return f"{sign}{int(hours or short_hours):02d}{minutes or short_minutes or '00'}"


# Two defaults that differ in every field: what differs in the two results was
# not in the text.
_DEFAULT_A = datetime.datetime(2000, 1, 1, 0, 0, 0)
_DEFAULT_B = datetime.datetime(2001, 2, 2, 1, 1, 1)


def parse_date(
    text: str, *, dayfirst: bool = False, fuzzy: bool = False, min_year: int = 1
) -> DateValue | None:
    """Read one date from ``text``; ``None`` when it holds no complete date.

    A complete date names a year, a month and a day. ``dayfirst`` reads
    ``05/04/2024`` as 5 April. ``fuzzy`` skips words that are not part of the
    date. Years before ``min_year`` count as no date (placeholders).
    """
    if not isinstance(text, str):
        return None
    text = text.strip()
    if not text or len(text) > _MAX_LEN or not _HAS_YEAR.search(text):
        return None
    if _ISO.fullmatch(text):
        iso = _iso(text)
        if iso is not None:
            return None if iso.year < min_year else iso
    if "GMT" in text or "UTC" in text:
        text = _NAMED_OFFSET.sub(_offset, text)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            a = _parser.parse(
                text, default=_DEFAULT_A, dayfirst=dayfirst, fuzzy=fuzzy, tzinfos=ZONE_ABBREVIATIONS
            )
            b = _parser.parse(
                text, default=_DEFAULT_B, dayfirst=dayfirst, fuzzy=fuzzy, tzinfos=ZONE_ABBREVIATIONS
            )
    except (ValueError, OverflowError, TypeError, AttributeError):
        return None
    if a.year != b.year or a.month != b.month or a.day != b.day or a.year < min_year:
        return None
    if (a.hour, a.minute) != (b.hour, b.minute):
        return a.date()  # no time of day in the text
    if a.second != b.second:
        a = a.replace(second=0)
    if a.tzinfo is not None:
        try:
            offset = a.utcoffset()
        except ValueError:  # a day or more ("GMT+25", "+2400"): no place keeps that time
            return None
        if offset is None:
            a = a.replace(tzinfo=None)
    return a


def _iso(text: str) -> DateValue | None:
    try:
        if len(text) == 10:
            return datetime.date.fromisoformat(text)
        text = text.replace(" ", "T", 1)
        if text.endswith("Z"):
            text = text[:-1] + "+00:00"
        elif re.search(r"[+-][0-9]{4}$", text):
            text = f"{text[:-2]}:{text[-2:]}"
        value = datetime.datetime.fromisoformat(text)
    except ValueError:
        return None
    if value.tzinfo is not None and value.utcoffset() is None:
        return value.replace(tzinfo=None)
    return value


def format_date(value: DateValue) -> str:
    """A reader's rendering: ``Apr 05, 2024`` for a day, ``Apr 05, 2024 10:30 +10:30`` for a time.

    :func:`parse_date` reads it back to the same value.
    """
    day = f"{value:%b} {value.day:02d}, {value.year:04d}"
    if not isinstance(value, datetime.datetime):
        return day
    clock = f"{value:%H:%M}" if not value.second else f"{value:%H:%M:%S}"
    offset = value.utcoffset()
    if offset is None:
        return f"{day} {clock}"
    total = int(offset.total_seconds())
    sign = "-" if total < 0 else "+"
    hours, minutes = divmod(abs(total) // 60, 60)
    return f"{day} {clock} {sign}{hours:02d}:{minutes:02d}"
