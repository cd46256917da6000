"""Ruby's ``Time.parse`` (a subset): what Jekyll reads a front matter date with
(``Utils.parse_date``) and what Liquid's date filters read text with
(``Liquid::Utils.to_date``).

:func:`parse_time` tries whole-text formats first (ISO 8601, RFC 2822, "March 1,
2020", "1 Mar 2020 10:00", "7pm", ...), then reads free text the way
``Date._parse`` does: a date anywhere in it, a day with a month name, a month
name alone (the first of that month), a run of digits read by its length.
Missing fields come from today, in the site's time zone (``dates.local_now``).
"""

from __future__ import annotations

import datetime as _dt
import re

from .dates import MONTH_NUMBERS, SiteClock, local_now, localize, two_digit_year
from .dates import parse_date as _parse_date_form

__all__ = ["parse_date", "parse_time"]


def parse_date(value: object, clock: SiteClock) -> _dt.datetime:
    """A front matter (or ``time:``) date as Jekyll's ``Utils.parse_date`` reads it,
    with ``Time.parse``: the forms of :func:`jekpy.support.dates.parse_date`, then,
    for text, the rest of :func:`parse_time` ("Sept 2019", "7 March", "in May": the
    first of May this year).

    Raises:
        ValueError: the value is not a date Jekyll could parse.
    """
    try:
        return _parse_date_form(value, clock)
    except ValueError:
        if not isinstance(value, str):
            raise
        try:
            parsed = parse_time(value)
        except (ValueError, OverflowError):
            raise ValueError(f"Invalid date '{value}'") from None
        return clock.local(parsed)

_MON = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WDAY = r"(?:(?:sun|mon|tue|wed|thu|fri|sat)[a-z]*\.?,?\s*)?"
_TIME = (
    r"(?:[T\s]+(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:[.,](?P<frac>\d+))?)?"
    r"\s*(?P<ampm>[ap]\.?m\.?)?)?"
)
_TIME_H = r"(?:[T\s]+(?P<h>\d{1,2})(?::(?P<mi>\d{2})(?::(?P<s>\d{2})(?:[.,](?P<frac>\d+))?)?)?\s*(?P<ampm>[ap]\.?m\.?))"
_ZONE = r"\s*(?P<zone>z|utc|gmt|ut|[+-]\d{2}(?::?\d{2}(?::?\d{2})?)?|[+-]\d{1}|(?:utc|gmt)[+-]\d{1,2}(?::?\d{2})?|[a-z]{3,4})?"

#: (pattern, flags) of the formats parse_time reads, compiled on first use
_DATE_SOURCES = [
    # ISO 8601 / Jekyll style: 2020-01-02[ T]10:00[:00][ +0000]
    (
        r"^\s*"
        + _WDAY
        + r"(?P<y>[+-]?\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
        + _TIME
        + _ZONE
        + r"\s*$",
        re.I,
    ),
    (
        r"^\s*" + _WDAY + r"(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})" + _TIME + _ZONE + r"\s*$",
        re.I,
    ),
    # dd/mm/yyyy: Ruby's Time.parse reads "03/05/2020" as 3 May 2020
    (
        r"^\s*" + _WDAY + r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})" + _TIME + _ZONE + r"\s*$",
        re.I,
    ),
    # RFC 2822 / "1 Mar 2020" / "01 March 2020 10:00"
    (
        r"^\s*"
        + _WDAY
        + r"(?P<d>\d{1,2})(?:st|nd|rd|th)?[\s-]+"
        + _MON
        + r"[\s,-]+(?P<y>\d{2,4})"
        + _TIME
        + _ZONE
        + r"\s*$",
        re.I,
    ),
    # "March 1, 2020" / "Mar 1st 2020 10:00"
    (
        r"^\s*"
        + _WDAY
        + _MON
        + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})"
        + _TIME
        + _ZONE
        + r"\s*$",
        re.I,
    ),
    # "Sun Mar  1 10:00:00 2020" (asctime / Time#inspect-like)
    (
        r"^\s*" + _WDAY + _MON + r"\s+(?P<d>\d{1,2})" + _TIME + _ZONE + r"\s+(?P<y>\d{4})\s*$",
        re.I,
    ),
    # with hour-only am/pm
    (
        r"^\s*" + _WDAY + r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})" + _TIME_H + _ZONE + r"\s*$",
        re.I,
    ),
    # compact 20200102
    (
        r"^\s*(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?:T(?P<h>\d{2})(?P<mi>\d{2})(?P<s>\d{2})?)?"
        + _ZONE
        + r"\s*$",
        re.I,
    ),
    # "March 2020" -> day 1
    (r"^\s*" + _MON + r"\s+(?P<y>\d{4})\s*$", re.I),
    # "7pm": today at that hour
    (r"^\s*(?P<h>\d{1,2})\s*(?P<ampm>[ap]\.?m\.?)" + _ZONE + r"\s*$", re.I),
    # dd.mm.yyyy / dd-mm-yyyy (Ruby reads the day first)
    (
        r"^\s*"
        + _WDAY
        + r"(?P<d>\d{1,2})([.-])(?P<m>\d{1,2})\2(?P<y>\d{4})"
        + _TIME
        + _ZONE
        + r"\s*$",
        re.I,
    ),
    # yyyy.mm.dd
    (
        r"^\s*" + _WDAY + r"(?P<y>\d{4})\.(?P<m>\d{1,2})\.(?P<d>\d{1,2})" + _TIME + _ZONE + r"\s*$",
        re.I,
    ),
    # time only: today's date
    (
        r"^\s*(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?\s*(?P<ampm>[ap]\.?m\.?)?"
        + _ZONE
        + r"\s*$",
        re.I,
    ),
]
#: cache: _DATE_SOURCES compiled, filled on first use
_DATE_PATTERNS: list[re.Pattern[str]] = []


def _date_patterns() -> list[re.Pattern[str]]:
    if not _DATE_PATTERNS:
        _DATE_PATTERNS.extend(re.compile(source, flags) for source, flags in _DATE_SOURCES)
    return _DATE_PATTERNS


_ZONE_ABBR = {
    "utc": 0,
    "gmt": 0,
    "ut": 0,
    "z": 0,
    "est": -5,
    "edt": -4,
    "cst": -6,
    "cdt": -5,
    "mst": -7,
    "mdt": -6,
    "pst": -8,
    "pdt": -7,
    "cet": 1,
    "cest": 2,
    "bst": 1,
    "ist": 5.5,
    "jst": 9,
}


def _parse_zone(zone: str) -> _dt.tzinfo | None:
    z = zone.lower()
    if z in _ZONE_ABBR:
        return _dt.timezone(_dt.timedelta(hours=_ZONE_ABBR[z]))
    m = re.fullmatch(r"(?:utc|gmt)?([+-])(\d{1,2}):?(\d{2})?:?(\d{2})?", z)
    if m:
        sign = -1 if m.group(1) == "-" else 1
        delta = _dt.timedelta(
            hours=int(m.group(2)), minutes=int(m.group(3) or 0), seconds=int(m.group(4) or 0)
        )
        # Named "+hh:mm" so that %Z prints nothing, as Ruby does for a bare offset.
        return _dt.timezone(sign * delta, f"{m.group(1)}{delta}")
    raise ValueError(f"unknown zone {zone!r}")


_ISO_ANYWHERE = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)"
    r"(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([+-]\d{2}:?\d{2}|z\b|utc\b|gmt\b))?)?",
    re.I,
)
_DIGIT_RUN = re.compile(r"(\d{2,14})([,.]\d*)?")


_HOURS = re.compile(r"(?<!\d)(\d+)\s*h(?:\s*(\d+)m?(?:\s*(\d+)s?)?)?", re.I)
_CLOCK = re.compile(r"\d\s*:\s*\d")
_ISO_WEEK = re.compile(r"\bw\d{2}(?:-?\d)?\b", re.I)
#: Ruby's Date._parse refuses longer text ("string length exceeds the limit 128")
_PARSE_LIMIT = 128


def _lenient_date(text: str) -> _dt.datetime | None:
    """Ruby's ``Date._parse`` of free text, time first: ``10h``, ``10h30m`` (in any
    word: ``1hello`` is 01:00) is the time of day, then the rest is read for a date
    (today's when it has no digits)."""
    hours = None if _CLOCK.search(text) else _HOURS.search(text)
    if hours is None:
        return _lenient_day(text)
    hour, minute, second = (int(g or 0) for g in hours.groups())
    if hour > 23 or minute > 59 or second > 59:
        return None
    rest = text[: hours.start()] + " " + text[hours.end() :]
    if _DIGIT_RUN.search(rest) is None:  # no date in the rest: today
        today = local_now().date()
        return localize(_dt.datetime(today.year, today.month, today.day, hour, minute, second))
    day = _lenient_day(rest)
    if day is None:
        return None
    return day.replace(hour=hour, minute=minute, second=second)


def _lenient_day(text: str) -> _dt.datetime | None:  # noqa: C901 - one branch per Ruby format directive/rule, kept as one table-like function
    """What ``Date._parse`` finds in free text: a ``yyyy-mm-dd [hh:mm[:ss] [zone]]``
    anywhere, else the first run of 2 to 14 digits read by its length: with a
    fraction (``10.5``) a time of day (``ss``, ``mss``, ``mmss``, ``hmmss``,
    ``hhmmss``), else a date (``dd``, ``ddd`` day of year, ``mmdd``, ``yyddd``,
    ``yymmdd``, ``yyyyddd``, ``yyyymmdd``).  Missing parts come from today."""
    today = local_now().date()
    iso = _ISO_ANYWHERE.search(text)
    if iso:
        naive = _dt.datetime(int(iso.group(1)), int(iso.group(2)), 1) + _dt.timedelta(
            days=int(iso.group(3)) - 1
        )
        if not 1 <= int(iso.group(3)) <= 31:
            return None
        if iso.group(4):
            naive = naive.replace(
                hour=int(iso.group(4)), minute=int(iso.group(5)), second=int(iso.group(6) or 0)
            )
        if iso.group(7):
            return naive.replace(tzinfo=_parse_zone(iso.group(7)))
        return localize(naive)
    if _CLOCK.search(text) or _ISO_WEEK.search(text):
        return None
    if _MONTH_WORD.search(text):
        return _named_month_day(text, today)
    run = _DIGIT_RUN.search(text)
    if run is None:
        return None
    digits = run.group(1)
    n = len(digits)
    if run.group(2) is not None:
        if n > 6:
            return None
        padded = digits.rjust(6, "0")
        hour, minute, second = int(padded[:2]), int(padded[2:4]), int(padded[4:])
        # Time.parse takes the fields above the first one given from now.
        now = local_now()
        if n <= 4:
            hour = now.hour
        if n <= 2:
            minute = now.minute
        if hour > 23 or minute > 59 or second > 59:
            return None
        micro = int((run.group(2)[1:] or "0")[:6].ljust(6, "0"))
        return localize(_dt.datetime(now.year, now.month, now.day, hour, minute, second, micro))
    year, month, day, yday = today.year, today.month, None, None
    if n == 2:
        day = int(digits)
    elif n == 3:
        yday = int(digits)
    elif n == 4:
        month, day = int(digits[:2]), int(digits[2:])
    elif n == 5:
        year, yday = two_digit_year(int(digits[:2])), int(digits[2:])
    elif n == 6:
        year, month, day = two_digit_year(int(digits[:2])), int(digits[2:4]), int(digits[4:])
    elif n == 7:
        year, yday = int(digits[:4]), int(digits[4:])
    elif n == 8:
        year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:])
    else:
        return None
    if yday is not None:
        if not 1 <= yday <= 366:
            return None
        start = _dt.datetime(year, 1, 1) + _dt.timedelta(days=yday - 1)
        return localize(start)
    if day is None or not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    return localize(_dt.datetime(year, month, 1) + _dt.timedelta(days=day - 1))


_ERA = r"(c(?:e|\.e\.)|b(?:ce|\.c\.e\.)|a(?:d|\.d\.)|b(?:c|\.c\.))"
_MONTHS_ABBR = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
#: Date._parse's "eu" form, found anywhere: "13 April 2018", "12-13 April 2018"
_EU_DAY = re.compile(
    r"'?\b(\d+)[^-\d\s']*\s*" + _MONTHS_ABBR + r"[^-\d\s']*(?:\s*" + _ERA
    + r"?\s*('?-?\d+(?:(?:st|nd|rd|th)\b)?))?",
    re.I,
)
#: its "us" form: "April 13, 2018", "Apr 2018"
_US_DAY = re.compile(
    r"\b" + _MONTHS_ABBR + r"[^-\d\s']*\s*('?\d+)[^-\d\s']*(?:\s*,?\s*" + _ERA
    + r"?\s*('?-?\d+))?",
    re.I,
)


def _named_month_day(text: str, today: _dt.date) -> _dt.datetime | None:
    """A day with a month name anywhere in free text, as ``Date._parse`` reads its
    "eu" (day month [year]) then "us" (month day [year]) forms, numbers sorted out
    like its ``s3e`` (a day of more than two digits is the year); the missing year
    is this year's.  None for what Ruby rejects, and for eras, apostrophes, negative
    or ordinal years (Ruby's own readings of those are not reproduced)."""
    eu = _EU_DAY.search(text)
    if eu is not None:
        day, month, era, year = eu.group(1), eu.group(2), eu.group(3), eu.group(4)
    else:
        us = _US_DAY.search(text)
        if us is None:
            return _month_alone(text, today)
        month, day, era, year = us.group(1), us.group(2), us.group(3), us.group(4)
    if era is not None or "'" in day or (year is not None and not year.isdigit()):
        return None
    number = MONTH_NUMBERS[month.lower()]
    if year is None:
        if len(day) > 2:
            year, day = day, None
    elif len(day) > 2:
        year, day = day, year
    if year is None:
        full_year = today.year
    else:
        full_year = int(year)
        if len(year) <= 2:
            full_year = two_digit_year(full_year)
    mday = int(day) if day is not None else 1
    if not 1 <= mday <= 31 or not 1 <= full_year <= 9999:
        return None
    return localize(_dt.datetime(full_year, number, 1) + _dt.timedelta(days=mday - 1))


#: Date._parse's "mon" rule: a word starting with a month's abbreviation ("Mayday")
_MON_WORD = re.compile(r"\b" + _MONTHS_ABBR + r"\S*", re.I)
#: what its rules before "mon" (iso, jis, vms, sla, dot, iso2, year) may read
_BEFORE_MON = re.compile(r"\d\s*[-/.]|[-/.]\s*\d|'\d|" + _MONTHS_ABBR + r"[^-\s]*-", re.I)


def _month_alone(text: str, today: _dt.date) -> _dt.datetime | None:
    """A month name with no day next to it ("in May", "Thu Jan", "Jan foo 12"):
    ``Date._parse`` stops at its "mon" rule, which takes the month only, and
    ``Time.parse`` makes that the first of the month, this year.  None when one of
    the rules tried before it could read something else (numbers with ``-``, ``/``,
    ``.``, ``'``; a month name followed by ``-``): those are not reproduced."""
    found = _MON_WORD.search(text)
    if found is None or _BEFORE_MON.search(text):
        return None
    return localize(_dt.datetime(today.year, MONTH_NUMBERS[found.group(1).lower()], 1))


_MONTH_WORD = re.compile(
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun", re.I
)


def parse_time(text: str) -> _dt.datetime:
    """A subset of Ruby's ``Time.parse``; raises ``ValueError``."""
    if len(text) > _PARSE_LIMIT:
        raise ValueError(f"string length ({len(text)}) exceeds the limit {_PARSE_LIMIT}")
    for pattern in _date_patterns():
        m = pattern.match(text)
        if not m:
            continue
        g = m.groupdict()
        today = local_now().date()
        year = int(g["y"]) if g.get("y") else today.year
        if g.get("y") and len(g["y"]) == 2:
            year += 1900 if year >= 69 else 2000
        if g.get("mon"):
            month = MONTH_NUMBERS[g["mon"].lower()[:3]]
        elif g.get("m"):
            month = int(g["m"])
        else:
            month = today.month if not g.get("y") else 1
        day = int(g["d"]) if g.get("d") else (today.day if not g.get("y") else 1)
        hour = int(g["h"]) if g.get("h") else 0
        minute = int(g["mi"]) if g.get("mi") else 0
        second = int(g["s"]) if g.get("s") else 0
        micro = int((g.get("frac") or "0")[:6].ljust(6, "0"))
        ampm = (g.get("ampm") or "").replace(".", "").lower()
        if ampm:
            if not 1 <= hour <= 12:
                raise ValueError("bad hour")
            hour = hour % 12 + (12 if ampm == "pm" else 0)
        if second == 60:
            second = 59
        if not 1 <= day <= 31:
            raise ValueError("bad day")
        # Ruby's Time normalises an overflowing day (Feb 30 -> Mar 1).
        naive = _dt.datetime(year, month, 1, hour, minute, second, micro) + _dt.timedelta(
            days=day - 1
        )
        zone = g.get("zone")
        if zone:
            return naive.replace(tzinfo=_parse_zone(zone))
        return localize(naive)
    found = _lenient_date(text)
    if found is not None:
        return found
    raise ValueError(f"no time information in {text!r}")
