"""Dates as Jekyll sees them: ``Time.parse(str).localtime`` in the site's time zone."""

from __future__ import annotations

import datetime as dt
import os
import re
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = ["SiteClock", "parse_date", "ruby_time_str"]

_ISO_RE = re.compile(
    r"""^\s*(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})
    (?:[T\s]+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,](?P<f>\d+))?)?)?
    \s*(?P<tz>Z|UTC|GMT|[+-]\d{2}:?\d{2}|[+-]\d{2})?\s*$""",
    re.X | re.I,
)


class SiteClock:
    """The site's time zone (``timezone:`` config, else ``$TZ``, else the machine's)."""

    def __init__(self, timezone: str | None = None) -> None:
        name = timezone or os.environ.get("TZ") or None
        self.tz: dt.tzinfo | None = None
        if name:
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


def _offset(text: str) -> dt.tzinfo:
    if text.upper() in ("Z", "UTC", "GMT"):
        return dt.timezone.utc
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours = int(digits[:2])
    minutes = int(digits[2:4] or 0)
    return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))


def parse_date(value: object, clock: SiteClock) -> dt.datetime:
    """Parse a front-matter or file-name date as Jekyll's ``Utils.parse_date`` does.

    YAML timestamps without an offset are UTC; date-only values and strings without
    an offset are wall-clock times in the site's zone.  The result is converted to
    the site's zone.

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
        frac = m["f"] or "0"
        naive = dt.datetime(
            int(m["y"]),
            int(m["m"]),
            int(m["d"]),
            int(m["H"] or 0),
            int(m["M"] or 0),
            int(m["S"] or 0),
            int(frac[:6].ljust(6, "0")),
        )
        if m["tz"]:
            return clock.local(naive.replace(tzinfo=_offset(m["tz"])))
        return clock.localize(naive)
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
