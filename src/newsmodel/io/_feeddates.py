"""Dates in feeds, read and written: RFC 822 (RSS) and RFC 3339 (Atom, JSON Feed).

Reading (:func:`feed_date`): the RFC 822 form nearly every RSS feed sends is read
directly, with two-digit years, zone names and localised month abbreviations; any
other form goes to :func:`newsmodel.dates.parse_date`, a digit date whose day and
month could be either (``08/02/2013``) by the weekday it names, else by the feed's
language. Writing (:func:`rfc822`, :func:`rfc3339`): the value's own offset kept,
what a feed date cannot hold declared lost.
"""

from __future__ import annotations

import datetime
import functools
import re

from newsmodel import model as m
from newsmodel.dates import ZONE_ABBREVIATIONS, parse_date
from newsmodel.losses import Losses

__all__ = ["date_text", "feed_date", "rfc822", "rfc3339", "utc_key"]


# ---------------------------------------------------------------------------
# reading


#: ``Fri, 05 Apr 2024 10:30:00 +1030``, ``... +10:30`` or ``... GMT``: the RFC 822 form
#: nearly every RSS feed sends, read directly (other forms go to
#: :func:`newsmodel.dates.parse_date`); also with RFC 822's two-digit year
#: (``05 Apr 24``) and a zone name after the offset (``+0000 GMT``, ``+0000 (UTC)``); a
#: zone no rule reads (``+200``, ``0200`` without its sign, ``Europe/Paris``) leaves the
#: date and time, with no zone.
_RFC822 = re.compile(
    r"\s*(?:[^\W\d_]{2,4}\.?,?\s+)?([0-9]{1,2})\s+([^\W\d_]{3})\s+([0-9]{4}|[0-9]{2})\s+"
    r"([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?\s+"
    r"(?:([+-])([0-9]{2}):?([0-9]{2})(?:\s+\(?[A-Za-z]{1,5}\)?)?|([A-Za-z]{1,5})"
    r"|([+-]?[0-9]{3}|[0-9]{4}|[A-Za-z]{2,20}/[A-Za-z_/]{2,30}))\s*"
)
#: Two-digit years (RFC 2822, 4.3): below this one they are 20xx, from it on 19xx.
_CENTURY_PIVOT = 50
_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
#: Months as a localised ``strftime`` abbreviates them in RFC 822-shaped dates, by
#: month number: ``Seg, 24 Set 2018 10:00:00 -0300`` (Portuguese), ``Lun, 03 Dic 2018``
#: (Spanish), ``Mi, 05 Mär 2025`` (German). Each abbreviation names one month in every
#: language listed (French ``jui`` would be June or July, so it is not here).
_LOCAL_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("ene", "gen"),  # es, it
            ("fev", "fév"),  # pt, fr
            ("mär", "mrt"),  # de, nl
            ("abr", "avr"),  # es/pt, fr
            ("mai", "mag", "mei"),  # de/fr/pt, it, nl
            ("giu",),  # it
            ("lug",),  # it
            ("ago", "aoû"),  # es/it/pt, fr
            ("set",),  # it/pt
            ("okt", "out", "ott"),  # de/nl, pt, it
            (),
            ("dez", "dic", "déc"),  # de/pt, es/it, fr
        ),
        1,
    )
    for name in names
}
_MONTHS.update(_LOCAL_MONTHS)


#: Zone names by their abbreviation (``EST``), as the date rules know them.
_ZONES: dict[str, datetime.tzinfo] = dict(ZONE_ABBREVIATIONS)


#: Zones by their offset in minutes, remembered (a feed gives every item the same one).
_ZONE_CACHE = 64


@functools.lru_cache(maxsize=_ZONE_CACHE)
def _offset_zone(minutes: int) -> datetime.timezone:
    return datetime.timezone(datetime.timedelta(minutes=minutes))


def _rfc822(match: re.Match[str]) -> m.DateValue | None:
    """The date of an RFC 822 match; ``None`` when its fields name no date (year 0)."""
    day, month, year, hour, minute, second, sign, zh, zm, zone, unread = match.groups()
    tz: datetime.tzinfo | None = None
    if unread is not None:
        pass  # a zone no rule reads: the date and time, with no zone
    elif zone is not None:
        tz = _ZONES.get(zone.upper())
        if tz is None:  # a zone name we do not know: the general rules decide
            return parse_date(match.group())
    else:
        minutes = int(zh) * 60 + int(zm)
        if minutes >= 24 * 60:
            return None
        tz = _offset_zone(-minutes if sign == "-" else minutes)
    month_number = _MONTHS.get(month.lower())
    full_year = int(year)
    if len(year) == 2:
        full_year += 2000 if full_year < _CENTURY_PIVOT else 1900
    try:
        return datetime.datetime(
            full_year,
            month_number or 0,
            int(day),
            int(hour),
            int(minute),
            int(second or 0),
            tzinfo=tz,
        )
    except ValueError:
        return None


#: ``08/02/2013 12:00``, ``Fri, 05.03.2019``: a date in digits, day and month in an
#: order only the writer's conventions tell.
_NUMERIC_DATE = re.compile(
    r"\s*(?:([A-Za-z]{2,9}),?\s*)?([0-9]{1,2})[/.-]([0-9]{1,2})[/.-][0-9]{4}\b"
)
#: English weekday names and their first three letters (Monday is 0, as in
#: ``date.weekday()``): ``Fri, 05/03/2019`` is 3 May (a Friday), not 5 March (a Tuesday).
_WEEKDAYS = {
    name: number
    for number, full in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
    for name in (full[:3], full)
}
#: The one region that writes the month first (``en-US``: 08/02 is 2 August); other
#: English regions and other languages write the day first (8 February).
_MONTH_FIRST_REGION = "us"


def _day_first(language: str | None) -> bool | None:
    """Whether ``language`` (a feed's, ``en-GB``) writes numeric dates day first;
    ``None`` when it does not say (no language, or ``en`` alone)."""
    parts = (language or "").lower().replace("_", "-").split("-")
    if not parts[0]:
        return None
    if len(parts) > 1 and parts[-1] == _MONTH_FIRST_REGION:
        return False
    return None if parts == ["en"] else True


def feed_date(text: str | None, language: str | None = None) -> m.DateValue | None:
    """A feed's date: RFC 822 read directly, other forms by :func:`parse_date`; a date in
    digits whose day and month could be either (``08/02/2013``) is read in the order the
    feed's language writes them, and not at all when the language does not say."""
    if not text:
        return None
    match = _RFC822.fullmatch(text)
    if match:
        return _rfc822(match)
    numeric = _NUMERIC_DATE.match(text)
    if numeric is None:
        return parse_date(text)
    word, first, second = numeric.groups()
    if first == second or max(int(first), int(second)) > 12:
        return parse_date(text)
    by_weekday = _by_weekday(text, word)
    if by_weekday is not None:
        return by_weekday
    day_first = _day_first(language)
    return None if day_first is None else parse_date(text, dayfirst=day_first)


def _by_weekday(text: str, word: str | None) -> m.DateValue | None:
    """The one reading of an ambiguous digit date (month or day first) that falls on the
    weekday the text names (``Fri, 05/03/2019``); ``None`` when no weekday decides."""
    weekday = _WEEKDAYS.get((word or "").lower())
    if weekday is None:
        return None
    fits = [
        value
        for value in (parse_date(text, dayfirst=False), parse_date(text, dayfirst=True))
        if value is not None and value.weekday() == weekday
    ]
    return fits[0] if len(fits) == 1 else None


# ---------------------------------------------------------------------------
# writing


def _utc_offset(value: datetime.datetime, path: str, losses: Losses) -> datetime.datetime:
    """An aware ``value``; a naive one is written as UTC, its zone declared lost."""
    if value.tzinfo is None or value.utcoffset() is None:
        losses.drop(f"{path}: time zone", "feed dates need a zone; written as UTC")
        return value.replace(tzinfo=datetime.timezone.utc)
    offset = value.utcoffset()
    if offset is not None and offset.seconds % 60:
        losses.drop(f"{path}: seconds of the UTC offset", "feed offsets are whole minutes")
    return value


def _moment(value: m.DateValue, path: str, losses: Losses) -> datetime.datetime:
    if not isinstance(value, datetime.datetime):
        losses.drop(
            f"{path}: a day without a time", "feed dates have a time; written as midnight UTC"
        )
        return datetime.datetime(value.year, value.month, value.day, tzinfo=datetime.timezone.utc)
    if value.microsecond:
        losses.drop(f"{path}: microseconds", "feed dates are whole seconds")
        value = value.replace(microsecond=0)
    return _utc_offset(value, path, losses)


def _offset_text(value: datetime.datetime, sep: str) -> str:
    offset = value.utcoffset() or datetime.timedelta(0)
    total = int(offset.total_seconds()) // 60
    sign = "-" if total < 0 else "+"
    hours, minutes = divmod(abs(total), 60)
    return f"{sign}{hours:02d}{sep}{minutes:02d}"


def rfc822(value: m.DateValue, path: str, losses: Losses) -> str:
    """``Fri, 05 Apr 2024 10:30:00 +1030``: an RSS date, the value's own offset kept."""
    moment = _moment(value, path, losses)
    day = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")[moment.weekday()]
    month = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    return (
        f"{day}, {moment.day:02d} {month[moment.month - 1]} {moment.year:04d} "
        f"{moment:%H:%M:%S} {_offset_text(moment, '')}"
    )


def rfc3339(value: m.DateValue, path: str, losses: Losses) -> str:
    """``2024-04-05T10:30:00+10:30``: an Atom and JSON Feed date, the offset kept."""
    moment = _moment(value, path, losses)
    return f"{moment.year:04d}-{moment:%m-%dT%H:%M:%S}{_offset_text(moment, ':')}"


def utc_key(value: m.DateValue) -> datetime.datetime:
    """A value to order dates by: a day as its midnight, a naive time as UTC."""
    if not isinstance(value, datetime.datetime):
        value = datetime.datetime(value.year, value.month, value.day)
    if value.tzinfo is None or value.utcoffset() is None:
        value = value.replace(tzinfo=datetime.timezone.utc)
    return value.astimezone(datetime.timezone.utc) if value.year > 1 else value


def date_text(value: m.DateValue | None) -> str | None:
    """A date as RFC 3339 for a feed's own ``updated`` (losses are the items' to declare)."""
    return None if value is None else rfc3339(value, "", Losses())
