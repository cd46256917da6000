"""Jekyll's date filters (``lib/jekyll/filters/date_filters.rb``)."""

from __future__ import annotations

import datetime as _dt

from liquid.undefined import Undefined

from .. import ruby
from ..errors import JekyllTagError

__all__ = ["date_to_long_string", "date_to_rfc822", "date_to_string", "date_to_xmlschema"]


def _empty(value: object) -> bool:
    if type(value) is _dt.date or (type(value) is _dt.datetime and value.tzinfo is not None):
        return False  # ``to_s`` of a date or a zoned time is never empty
    return value is None or isinstance(value, Undefined) or ruby.to_s(value) == ""


def _time(value: object) -> _dt.datetime:
    parsed = ruby.to_date(value)
    if parsed is None:
        raise JekyllTagError(
            f"Invalid Date: '{ruby.inspect(value)}' is not a valid datetime.", token=None
        )
    return ruby.to_time(parsed)


def _ordinal(day: int) -> str:
    if 11 <= day <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _stringify(value: object, month: str, kind: object, style: object) -> object:
    if _empty(value):
        return None if isinstance(value, Undefined) else value
    time = _time(value)
    if kind == "ordinal":
        day = f"{time.day}{_ordinal(time.day)}"
        if style == "US":
            return ruby.strftime(time, f"{month} {day}, %Y")
        return ruby.strftime(time, f"{day} {month} %Y")
    return ruby.strftime(time, f"%d {month} %Y")


def date_to_string(value: object, kind: object = None, style: object = None) -> object:
    """``01 Mar 2020``; ``"ordinal"`` -> ``1st Mar 2020``; ``"ordinal", "US"`` -> ``Mar 1st, 2020``."""
    return _stringify(value, "%b", kind, style)


def date_to_long_string(value: object, kind: object = None, style: object = None) -> object:
    """``01 March 2020`` (and the ordinal forms)."""
    return _stringify(value, "%B", kind, style)


def date_to_xmlschema(value: object) -> object:
    """``Time#xmlschema`` in the local time zone."""
    if _empty(value):
        return None if isinstance(value, Undefined) else value
    return ruby.strftime(_time(value), "%Y-%m-%dT%H:%M:%S%:z")


def date_to_rfc822(value: object) -> object:
    """``Time#rfc822`` in the local time zone."""
    if _empty(value):
        return None if isinstance(value, Undefined) else value
    return ruby.strftime(_time(value), "%a, %d %b %Y %H:%M:%S %z")
