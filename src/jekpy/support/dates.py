"""Dates as Jekyll sees them: ``Time.parse(str).localtime`` in the site's time zone."""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

__all__ = [
    "SiteClock",
    "from_timestamp",
    "local_now",
    "local_zone",
    "localize",
    "parse_date",
    "ruby_time_str",
    "site_zone",
    "two_digit_year",
    "to_local",
]

_TIME = r"""(?P<H>\d{1,2}):(?P<M>\d{1,2})(?::(?P<S>\d{1,2})(?:[.,](?P<f>\d+))?)?
    (?:\s*(?P<ampm>[ap]\.?m\.?))?"""
_ZONE = r"(?P<tz>Z|UTC|UT|GMT|[ECMP][SD]T|[+-]\d{2}:?\d{2}|[+-]\d{1,2}(?!\d)|[A-Za-z]{3,5})"
_ISO_RE = re.compile(
    rf"""^\s*(?P<y>\d{{4}})(?P<sep>[-/])(?P<m>\d{{1,2}})(?P=sep)(?P<d>\d{{1,2}})
    (?:(?:T|\s+)(?:{_TIME}))?
    \s*{_ZONE}?\s*$""",
    re.X | re.I,
)
_COMPACT_RE = re.compile(r"^\s*(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})\s*$")
# Three numbers joined by "-", "/" or ".", in any order Ruby's Date._parse sorts out
# ("11-9-2017", "9/11/17", "11.9.2017"): see _ruby_ymd.
_NUMERIC_RE = re.compile(
    rf"""^\s*(?P<a>\d+)(?P<sep>[-/.])(?P<b>\d+)(?P=sep)(?P<c>\d+)
    (?:(?:T|\s+)(?:{_TIME}))?
    \s*{_ZONE}?\s*$""",
    re.X | re.I,
)
#: English month names and abbreviations -> month number
MONTH_NUMBERS = {
    name: i
    for i, names in enumerate(
        (
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<mon>[A-Za-z]{3,9})\.?"
_WORDY_RES_S = (
    # "May 6, 2013 10:00", "Dec 15 2016"
    rf"""^\s*(?:[A-Za-z]{{3,9}},?\s+)?{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})
        (?:,?\s+(?:{_TIME}))?\s*{_ZONE}?\s*$""",
    # "6 May 2013 10:00", "Mon, 06 May 2013 10:00:00 +0000"
    rf"""^\s*(?:[A-Za-z]{{3,9}},?\s+)?(?P<d>\d{{1,2}})\s+{_MONTH}\s+(?P<y>\d{{4}})
        (?:,?\s+(?:{_TIME}))?\s*{_ZONE}?\s*$""",
)


@functools.cache
def _wordy_res() -> tuple[re.Pattern[str], ...]:
    """``_WORDY_RES_S`` compiled on first use (most dates are ISO)."""
    return tuple(re.compile(p, re.X | re.I) for p in _WORDY_RES_S)


# Time.zone_offset's table (other abbreviations are ignored, as Ruby ignores them):
# Ruby: lib/time.rb (Time::ZoneOffset, Time.zone_offset).
_ZONES = {
    "UTC": 0, "Z": 0, "UT": 0, "GMT": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5,
    "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
}


#: The time zone of the site being built in this thread (``timezone:``, else
#: ``$TZ``): Jekyll makes it the process's zone (``ENV["TZ"]``); jekpy holds it here,
#: set by :func:`site_zone` around a build, and never changes the process's zone.
#: ``None``: the machine's local zone.
_SITE_ZONE: ContextVar[dt.tzinfo | None] = ContextVar("jekpy_site_zone", default=None)


@contextmanager
def site_zone(tz: dt.tzinfo | None) -> Iterator[None]:
    """Local time is ``tz`` (the site's zone) inside the ``with`` block."""
    token = _SITE_ZONE.set(tz)
    try:
        yield
    finally:
        _SITE_ZONE.reset(token)


def local_zone() -> dt.tzinfo | None:
    """The zone local times are in: the site's being built, else None (the machine's)."""
    return _SITE_ZONE.get()


def to_local(value: dt.datetime) -> dt.datetime:
    """Ruby's ``#localtime``: ``value`` in the local zone (a naive ``value`` is a
    wall-clock time there already, see :func:`localize`)."""
    if value.tzinfo is None:
        return localize(value)
    return value.astimezone(_SITE_ZONE.get())


def localize(naive: dt.datetime) -> dt.datetime:
    """Ruby's ``Time.local``: a naive wall-clock time in the local zone."""
    tz = _SITE_ZONE.get()
    return naive.replace(tzinfo=tz) if tz is not None else naive.astimezone()


def local_now() -> dt.datetime:
    """``Time.now``: the current time in the local zone."""
    tz = _SITE_ZONE.get()
    return dt.datetime.now(tz) if tz is not None else dt.datetime.now().astimezone()


def from_timestamp(seconds: float) -> dt.datetime:
    """``Time.at(seconds)``: in the local zone (may raise OverflowError/OSError/ValueError)."""
    tz = _SITE_ZONE.get()
    if tz is not None:
        return dt.datetime.fromtimestamp(seconds, tz)
    return dt.datetime.fromtimestamp(seconds).astimezone()


#: Zone names that are UTC all year, abbreviated "UTC" (``TZ=UTC``, as on most CI
#: machines and containers): ``dt.timezone.utc`` tells the same offset, name and
#: no daylight saving time as their zoneinfo zone, without loading ``zoneinfo``
#: (and ``sysconfig``), a fiftieth of a small site's build.
UTC_NAMES = frozenset(["UTC", "Etc/UTC"])


class SiteClock:
    """The site's time zone (``timezone:`` config, else ``$TZ``, else the machine's)."""

    def __init__(self, timezone: str | None = None) -> None:
        name = timezone or os.environ.get("TZ") or None
        self.tz: dt.tzinfo | None = None
        if name and name.lstrip(":") in UTC_NAMES:
            self.tz = dt.timezone.utc
        elif name:
            from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # only with a zone set

            try:
                self.tz = ZoneInfo(name.lstrip(":"))
            except (ZoneInfoNotFoundError, ValueError):
                self.tz = None

    def local(self, value: dt.datetime) -> dt.datetime:
        """Convert an aware datetime to the site's zone (Ruby's ``#localtime``)."""
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.timezone.utc)
        return value.astimezone(self.tz) if self.tz is not None else value.astimezone()

    def localize(self, naive: dt.datetime) -> dt.datetime:
        """Interpret a naive wall-clock time in the site's zone."""
        if self.tz is not None:
            return naive.replace(tzinfo=self.tz)
        return naive.astimezone()

    def now(self) -> dt.datetime:
        """The current time in the site's zone."""
        return self.local(dt.datetime.now(dt.timezone.utc))


def _offset(text: str) -> dt.tzinfo | None:
    upper = text.upper()
    if upper in _ZONES:
        return dt.timezone(dt.timedelta(hours=_ZONES[upper]))
    if text[0] not in "+-":
        return None
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    if len(digits) not in (2, 4):
        return None
    hours = int(digits[:2])
    minutes = int(digits[2:4] or 0)
    if hours > 23 or minutes > 59:
        return None
    return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))


def _build(
    clock: SiteClock, y: int, mo: int, d: int, m: re.Match[str] | None
) -> dt.datetime:
    """Ruby's ``Time.local``/``Time.new`` from parsed fields: a day past the month's end
    rolls over (``2014-02-30`` is 2 March), other out-of-range fields are errors."""
    hour = minute = second = micro = 0
    zone: dt.tzinfo | None = None
    if m is not None:
        groups = m.groupdict()
        if groups.get("H") is not None:
            hour, minute = int(groups["H"]), int(groups["M"])
            second = int(groups.get("S") or 0)
            micro = int((groups.get("f") or "0")[:6].ljust(6, "0"))
            ampm = (groups.get("ampm") or "").lower().replace(".", "")
            if ampm:
                if hour > 12:
                    raise ValueError("hour out of range")
                hour = hour % 12 + (12 if ampm == "pm" else 0)
        if groups.get("tz"):
            zone = _offset(groups["tz"])
    if not (1 <= mo <= 12 and 1 <= d <= 31 and hour <= 24 and minute <= 59 and second <= 60):
        raise ValueError("argument out of range")
    base = dt.datetime(y, mo, 1)
    naive = base + dt.timedelta(
        days=d - 1, hours=hour, minutes=minute, seconds=second, microseconds=micro
    )
    if zone is not None:
        return clock.local(naive.replace(tzinfo=zone))
    return clock.localize(naive)


def _ruby_ymd(first: str, second: str, third: str) -> tuple[int, int, int]:
    """Year, month and day of three numbers as Ruby's ``Date._parse`` reads them
    (its ``s3e``): year-month-day unless the month or the day has more than two
    digits, which then is the year ("11-2017-9", "11-9-2017" are 11 September 2017);
    a year of one or two digits is completed (69-99: 19xx, else 20xx)."""
    year, month, day = first, second, third
    if len(month) > 2:
        year, month, day = month, day, year
    if len(day) > 2:
        year, day = day, year
    number = int(year)
    if len(year) <= 2:
        number = two_digit_year(number)
    return number, int(month), int(day)


def two_digit_year(yy: int) -> int:
    """A year written with one or two digits, completed as Ruby's ``Date._parse``
    completes it: 69-99 are 19xx, the rest 20xx."""
    return yy + (1900 if yy >= 69 else 2000)


def parse_date(value: object, clock: SiteClock) -> dt.datetime:
    """Parse a front-matter or file-name date as Jekyll's ``Utils.parse_date`` does,
    in the common forms (``timeparse.parse_date`` adds the rest of ``Time.parse``).

    YAML timestamps without an offset are UTC; date-only values and strings without
    an offset are wall-clock times in the site's zone.  The result is converted to
    the site's zone.  Besides ISO 8601 dates, the forms Ruby's ``Time.parse`` takes
    in practice work: ``2013/05/06``, ``20130506``, ``11-9-2013`` (day first, as
    Ruby sorts three numbers out), ``May 6, 2013 10:00 PM``,
    ``Mon, 06 May 2013 10:00:00 +0000``, US zone abbreviations (``PST``).

    Raises:
        ValueError: the value is not a date Jekyll could parse.
    """
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.timezone.utc)
        return clock.local(value)
    if isinstance(value, dt.date):
        return clock.localize(dt.datetime(value.year, value.month, value.day))
    text = str(value)
    m = _ISO_RE.match(text)
    if m:
        return _build(clock, int(m["y"]), int(m["m"]), int(m["d"]), m)
    m = _COMPACT_RE.match(text)
    if m:
        return _build(clock, int(m["y"]), int(m["m"]), int(m["d"]), None)
    m = _NUMERIC_RE.match(text)
    if m:
        return _build(clock, *_ruby_ymd(m["a"], m["b"], m["c"]), m)
    for regex in _wordy_res():
        m = regex.match(text)
        if m and m["mon"].lower() in MONTH_NUMBERS:
            return _build(clock, int(m["y"]), MONTH_NUMBERS[m["mon"].lower()], int(m["d"]), m)
    from email.utils import parsedate_to_datetime  # rare (RFC 2822 dates); slow import

    try:
        parsed = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError) as err:
        raise ValueError(f"Invalid date '{text}'") from err
    if parsed.tzinfo is None:
        return clock.localize(parsed)
    return clock.local(parsed)


def ruby_time_str(value: dt.datetime) -> str:
    """Ruby's ``Time#to_s``: ``2020-01-02 00:00:00 +0000``."""
    return value.strftime("%Y-%m-%d %H:%M:%S %z")
