"""Ruby value semantics that Liquid output depends on.

* :func:`to_s` is Ruby's ``Object#to_s`` (arrays and hashes print as their
  ``inspect``), :func:`output_str` is what a Liquid ``{{ }}`` writes (arrays
  are flattened and joined, ``nil`` is empty).
* :func:`inspect` is Ruby's ``inspect``.
* :func:`strftime` is Ruby's ``Time#strftime`` (flags ``-``, ``_``, ``0``,
  ``^``, ``#``, widths, ``%e``, ``%l``, ``%P``, ``%-d``, ``%:z`` ...).
* :func:`to_date` is ``Liquid::Utils.to_date`` including a subset of Ruby's
  ``Time.parse`` for strings.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any, TypeGuard, TypeVar

from liquid.undefined import Undefined

from jekpy.support.dates import from_timestamp, local_now, localize, to_local
from jekpy.support.timeparse import parse_time

T = TypeVar("T")

__all__ = [
    "AsciiText",
    "ascii_encoded",
    "date_inspect",
    "float_to_s",
    "inspect",
    "local_tz",
    "output_str",
    "ruby_sort",
    "strftime",
    "time_to_a",
    "to_date",
    "to_s",
    "to_time",
    "zone_name",
]


def float_to_s(value: float) -> str:
    """Ruby's ``Float#to_s``."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if value == 0:
        return "-0.0" if math.copysign(1.0, value) < 0 else "0.0"
    text = repr(value)
    mantissa, _, exp_text = text.partition("e")
    exponent = int(exp_text) if exp_text else 0
    # Normalise to digits + decimal exponent.
    sign = "-" if mantissa.startswith("-") else ""
    mantissa = mantissa.lstrip("-")
    if "." in mantissa:
        int_part, frac_part = mantissa.split(".")
    else:
        int_part, frac_part = mantissa, ""
    digits = (int_part + frac_part).lstrip("0")
    # decimal point position relative to the start of ``digits``
    point = len(int_part.lstrip("0")) + exponent if int_part.strip("0") else exponent
    if not int_part.strip("0"):
        # 0.000ddd: count leading zeros in the fraction
        lead = len(frac_part) - len(frac_part.lstrip("0"))
        point = exponent - lead
    digits = digits.rstrip("0") or "0"
    decpt = point
    if -4 < decpt <= 16:
        if decpt <= 0:
            return f"{sign}0.{'0' * -decpt}{digits}"
        if decpt >= len(digits):
            return f"{sign}{digits}{'0' * (decpt - len(digits))}.0"
        return f"{sign}{digits[:decpt]}.{digits[decpt:]}"
    first, rest = digits[0], digits[1:] or "0"
    exp = decpt - 1
    return f"{sign}{first}.{rest}e{'+' if exp >= 0 else '-'}{abs(exp):02d}"


def _offset(dt: _dt.datetime, colon: bool = False) -> str:
    off = dt.utcoffset() or _dt.timedelta(0)
    total = int(off.total_seconds())
    sign = "-" if total < 0 else "+"
    total = abs(total)
    hh, mm = divmod(total // 60, 60)
    return f"{sign}{hh:02d}:{mm:02d}" if colon else f"{sign}{hh:02d}{mm:02d}"


def time_to_s(value: _dt.datetime) -> str:
    """Ruby ``Time#to_s`` (``2020-01-02 00:00:00 +0000``)."""
    if isinstance(value, BigTime):
        return strftime(value, "%Y-%m-%d %H:%M:%S %z")
    if value.tzinfo is None:
        value = localize(value)
    return value.strftime("%Y-%m-%d %H:%M:%S ") + _offset(value)


def to_s(value: Any) -> str:
    """Ruby's ``to_s`` of a Liquid value."""
    kind = type(value)
    if kind is str:
        return value  # type: ignore[no-any-return]
    if kind is int:
        return str(value)
    if value is None or isinstance(value, Undefined):
        return ""
    if isinstance(value, str):
        return str(value)
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return float_to_s(value)
    if isinstance(value, Decimal):
        return float_to_s(float(value))
    if isinstance(value, _dt.datetime):
        return time_to_s(value)
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, range):
        return f"{value.start}..{value.stop - 1}"
    hook = getattr(value, "ruby_to_s", None)
    if callable(hook):
        # Drops print like their Ruby counterparts (e.g. a DocumentDrop prints its output).
        return str(hook())
    if isinstance(value, (list, tuple, Mapping)):
        return inspect(value)
    to_liquid = getattr(value, "__liquid__", None)
    if callable(to_liquid):
        return to_s(to_liquid())
    return str(value)


def _method_literal(value: Any) -> str | None:
    """The method name of Jekyll's ``blank``/``empty`` literal, or None."""
    name = getattr(value, "method_name", None)
    return name if isinstance(value, str) and isinstance(name, str) else None


class AsciiText(str):
    """A Ruby String whose encoding is US-ASCII: ``to_s`` of a number, nil, a time,
    and what string methods make of such a string.  kramdown (``markdownify``,
    ``smartify``) writes the characters it makes as numeric entities for it."""

    __slots__ = ()


def ascii_encoded(value: Any) -> bool:
    """``value.to_s`` is US-ASCII encoded: numbers, nil, times, ranges, AsciiText;
    an Array or Hash takes the encoding of its first item's (key's) ``inspect``."""
    if isinstance(value, str):
        return isinstance(value, AsciiText)
    if isinstance(value, (list, tuple)):
        return not value or ascii_encoded(value[0])
    if isinstance(value, Mapping):
        for key in value:
            return ascii_encoded(key)
        return True
    return True


def is_string(value: Any) -> TypeGuard[str]:
    """A Ruby String (not Jekyll's ``blank``/``empty`` literal, which prints as one)."""
    return type(value) is str or (isinstance(value, str) and _method_literal(value) is None)


def class_name(value: Any) -> str:
    """The Ruby class of a Liquid value (for error messages)."""
    if value is None or isinstance(value, Undefined):
        return "NilClass"
    if _method_literal(value) is not None:
        return "Liquid::Expression::MethodLiteral"
    if value is True:
        return "TrueClass"
    if value is False:
        return "FalseClass"
    if isinstance(value, int):
        return "Integer"
    if isinstance(value, (float, Decimal)):
        return "Float"
    if isinstance(value, str):
        return "String"
    if isinstance(value, (list, tuple)):
        return "Array"
    if isinstance(value, Mapping):
        return "Hash"
    if isinstance(value, _dt.datetime):
        return "Time"
    if isinstance(value, _dt.date):
        return "Date"
    if isinstance(value, range):
        return "Range"
    return type(value).__name__


def conversion_name(value: Any) -> str:
    """How Ruby's ``no implicit conversion of X into String`` names ``value``."""
    if value is None or isinstance(value, Undefined):
        return "nil"
    if value is True or value is False:
        return "true" if value else "false"
    return class_name(value)


def no_method(method: str, value: Any) -> str:
    """Ruby's ``undefined method `m' for <inspect>:<Class>`` message."""
    shown = "nil" if value is None or isinstance(value, Undefined) else inspect(value)
    return f"undefined method `{method}' for {shown}:{class_name(value)}"


def output_str(value: Any) -> str:
    """What a Liquid output statement writes for ``value`` (Ruby Liquid 5.4)."""
    if type(value) is str:
        return value
    if isinstance(value, (list, tuple)):
        return "".join(_join_item(item) for item in value)
    return to_s(value)


def _join_item(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return "".join(_join_item(item) for item in value)
    return to_s(value)


def join(values: Any, glue: str) -> str:
    """Ruby ``Array#join`` (nested arrays are flattened)."""
    out: list[str] = []

    def walk(items: Any) -> None:
        for item in items:
            if isinstance(item, (list, tuple)):
                walk(item)
            else:
                out.append(to_s(item))

    walk(values)
    return glue.join(out)


#: Julian Day Number of 0001-01-01 (proleptic Gregorian) minus its ordinal 1
_JD_OFFSET = 1721425
#: Ruby's Date::ITALY, the default day of calendar reform
_ITALY = 2299161


def date_inspect(value: _dt.date) -> str:
    """Ruby ``Date#inspect``: ``#<Date: 2024-02-29 ((2460370j,0s,0n),+0s,2299161j)>``."""
    jd = value.toordinal() + _JD_OFFSET
    return f"#<Date: {value.isoformat()} (({jd}j,0s,0n),+0s,{_ITALY}j)>"


_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\n": "\\n",
    "\t": "\\t",
    "\r": "\\r",
    "\f": "\\f",
    "\v": "\\v",
    "\a": "\\a",
    "\b": "\\b",
    "\x1b": "\\e",
}


def _inspect_str(value: str) -> str:
    out = ['"']
    length = len(value)
    for i, ch in enumerate(value):
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ch == "#" and i + 1 < length and value[i + 1] in "{$@":
            out.append("\\#")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\x{ord(ch):02X}")
        elif 0xDC80 <= ord(ch) <= 0xDCFF:  # a byte that is not UTF-8 (surrogateescape)
            out.append(f"\\x{ord(ch) - 0xDC00:02X}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def inspect(value: Any) -> str:
    """Ruby's ``inspect`` (Ruby 3.1 formatting of hashes: ``{"a"=>1}``)."""
    if value is None or isinstance(value, Undefined):
        return "nil"
    literal = _method_literal(value)
    if literal is not None:
        # The object address differs from run to run in Ruby.
        return (
            f"#<Liquid::Expression::MethodLiteral:0x0000000000000000 "
            f'@method_name=:{literal}, @to_s="">'
        )
    if isinstance(value, str):
        return _inspect_str(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(inspect(v) for v in value) + "]"
    hook = getattr(value, "ruby_inspect", None)
    if callable(hook):
        # Jekyll's drops inspect as pretty JSON; a drop can say so.
        return str(hook())
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{inspect(k)}=>{inspect(v)}" for k, v in value.items()) + "}"
    if isinstance(value, _dt.datetime):
        return time_to_s(value)
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return date_inspect(value)
    return to_s(value)


# ---------------------------------------------------------------------------
# strftime

# Ruby's names are English whatever the locale (``calendar``'s follow it, and
# importing it loads ``locale``).
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = [
    "", "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
]
_FMT_RE = re.compile(r"%([-_0^#]*)(\d*)(:{0,2}z|[a-zA-Z%+])")

_NUMERIC = {
    # conversion: (default pad char, width)
    "Y": ("0", 1),
    "C": ("0", 2),
    "y": ("0", 2),
    "m": ("0", 2),
    "d": ("0", 2),
    "e": (" ", 2),
    "j": ("0", 3),
    "H": ("0", 2),
    "k": (" ", 2),
    "I": ("0", 2),
    "l": (" ", 2),
    "M": ("0", 2),
    "S": ("0", 2),
    "L": ("0", 3),
    "N": ("0", 9),
    "u": ("0", 1),
    "w": ("0", 1),
    "U": ("0", 2),
    "W": ("0", 2),
    "G": ("0", 1),
    "g": ("0", 2),
    "V": ("0", 2),
    "s": ("0", 1),
}


def _as_datetime(value: _dt.date) -> _dt.datetime:
    if isinstance(value, _dt.datetime):
        return value if value.tzinfo is not None else localize(value)
    # A Date formats as midnight at offset +00:00 (whatever the local zone).
    return _dt.datetime(value.year, value.month, value.day, tzinfo=_dt.timezone.utc)


def zone_name(dt: _dt.datetime) -> str:
    """``Time#zone`` / ``%Z``: the zone abbreviation, empty for an unnamed fixed offset."""
    name = dt.tzname() or ""
    if re.match(r"^(?:UTC)?[+-]\d", name):
        return ""
    return name


def strftime(value: _dt.date, fmt: str) -> str:  # noqa: C901, PLR0915 - one branch per Ruby format directive/rule, kept as one table-like function
    """Ruby ``Time#strftime`` (``Date#strftime`` for a date)."""
    dt = _as_datetime(value)
    is_date = not isinstance(value, _dt.datetime)

    def conv(match: re.Match[str]) -> str:  # noqa: C901, PLR0915 - one branch per Ruby format directive/rule, kept as one table-like function
        flags, width_text, c = match.group(1), match.group(2), match.group(3)
        width = int(width_text) if width_text else None
        text: str
        if c in _NUMERIC:
            pad, default_width = _NUMERIC[c]
            num = _numeric(dt, c)
            if c in ("L", "N"):
                digits = f"{dt.microsecond:06d}000"
                w = width or default_width
                return (digits + "0" * max(0, w - len(digits)))[:w]
            if "-" in flags:
                return str(num)
            if "_" in flags:
                pad = " "
            elif "0" in flags:
                pad = "0"
            w = width if width is not None else default_width
            sign = "-" if num < 0 else ""
            body = str(abs(num))
            if pad == "0":
                return sign + body.rjust(w - len(sign), "0")
            return (sign + body).rjust(w, " ")
        if c in ("z", ":z", "::z"):
            off = dt.utcoffset() or _dt.timedelta(0)
            total = int(off.total_seconds())
            sign = "-" if total < 0 else "+"
            total = abs(total)
            hh, rem = divmod(total, 3600)
            mm, ss = divmod(rem, 60)
            if c == "z":
                text = f"{hh:02d}{mm:02d}"
            elif c == ":z":
                text = f"{hh:02d}:{mm:02d}"
            else:
                text = f"{hh:02d}:{mm:02d}:{ss:02d}"
            if "-" in flags:
                text = text.lstrip("0") or "0"
                if text.startswith(":"):
                    text = "0" + text
            full = sign + text
            if width is not None and width > len(full):
                padc = " " if "_" in flags else "0"
                full = sign + text.rjust(width - 1, "0") if padc == "0" else full.rjust(width)
            return full
        if c == "%":
            text = "%"
        elif c == "A":
            text = _DAYS[dt.weekday()]
        elif c == "a":
            text = _DAYS[dt.weekday()][:3]
        elif c == "B":
            text = _MONTHS[dt.month]
        elif c in ("b", "h"):
            text = _MONTHS[dt.month][:3]
        elif c == "p":
            text = "AM" if dt.hour < 12 else "PM"
            if "#" in flags:
                text = text.lower()
                flags = flags.replace("#", "")
        elif c == "P":
            text = "am" if dt.hour < 12 else "pm"
        elif c == "Z":
            text = "+00:00" if is_date else zone_name(dt)
        elif c == "n":
            text = "\n"
        elif c == "t":
            text = "\t"
        elif c == "D" or c == "x":
            text = strftime(dt, "%m/%d/%y")
        elif c == "F":
            text = strftime(dt, "%Y-%m-%d")
        elif c == "T" or c == "X":
            text = strftime(dt, "%H:%M:%S")
        elif c == "R":
            text = strftime(dt, "%H:%M")
        elif c == "r":
            text = strftime(dt, "%I:%M:%S %p")
        elif c == "c":
            text = strftime(dt, "%a %b %e %H:%M:%S %Y")
        elif c == "v":
            text = strftime(dt, "%e-%^b-%4Y")
        elif c == "+" and is_date:
            text = strftime(value, "%a %b %e %H:%M:%S %:z %Y")
        else:
            return match.group(0)
        if "^" in flags:
            text = text.upper()
        elif "#" in flags:
            text = text.swapcase() if not text.isupper() else text.lower()
        if width is not None and width > len(text):
            padc = "0" if "0" in flags else " "
            text = text.rjust(width, padc)
        return text

    return _FMT_RE.sub(conv, fmt)


def _numeric(dt: _dt.datetime, c: str) -> int:  # noqa: C901 - one branch per Ruby format directive/rule, kept as one table-like function
    shift = dt.year_shift if isinstance(dt, BigTime) else 0
    if shift and c in "YCyGgs":
        if c == "s":
            return int(dt.timestamp()) + shift // 400 * _CYCLE_SECONDS
        year = (dt.isocalendar()[0] if c in "Gg" else dt.year) + shift
        return year // 100 if c == "C" else year % 100 if c in "yg" else year
    if c == "Y":
        return dt.year
    if c == "C":
        return dt.year // 100
    if c == "y":
        return dt.year % 100
    if c == "m":
        return dt.month
    if c in ("d", "e"):
        return dt.day
    if c == "j":
        return dt.timetuple().tm_yday
    if c in ("H", "k"):
        return dt.hour
    if c in ("I", "l"):
        return (dt.hour % 12) or 12
    if c == "M":
        return dt.minute
    if c == "S":
        return dt.second
    if c == "u":
        return dt.isoweekday()
    if c == "w":
        return dt.isoweekday() % 7
    if c == "U":
        return int(dt.strftime("%U"))
    if c == "W":
        return int(dt.strftime("%W"))
    if c == "G":
        return dt.isocalendar()[0]
    if c == "g":
        return dt.isocalendar()[0] % 100
    if c == "V":
        return dt.isocalendar()[1]
    if c == "s":
        return int(dt.timestamp())
    return 0


# ---------------------------------------------------------------------------
# Date parsing (Liquid::Utils.to_date / Ruby Time.parse subset)


def local_tz(dt: _dt.datetime) -> _dt.datetime:
    """Attach the local time zone to a naive local time."""
    return localize(dt)


def range_end(value: range) -> int:
    """Ruby's ``Range#last`` (its end, even when the range is empty: ``(3..1).last``
    is 1) of a range made by ``loops.ruby_range`` (``a..b`` is ``range(a, b + 1)``);
    ``Range#first`` is ``value.start``."""
    return value.stop - 1


def to_date(value: Any) -> _dt.date | None:
    """``Liquid::Utils.to_date``: a date/time for ``value`` or ``None``."""
    if isinstance(value, _dt.datetime):
        return value if value.tzinfo is not None else localize(value)
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return _from_epoch(value)
    if isinstance(value, str):
        if not value:
            return None
        lowered = value.lower()
        if lowered in ("now", "today"):
            return local_now()
        if re.fullmatch(r"\d+", lowered):
            return _from_epoch(int(lowered))
        try:
            return parse_time(value)
        except (ValueError, OverflowError):
            return None
    return None


class BigTime(_dt.datetime):
    """A Ruby Time beyond Python's datetime range (``Time.at`` of a huge number).

    Stored as the same instant of the Gregorian 400-year cycle (146097 days, a
    whole number of weeks, so weekdays agree) inside 2000..2399, plus
    ``year_shift`` years; :func:`strftime` adds the shift back to the year
    conversions.
    """

    year_shift: int = 0

    @classmethod
    def from_epoch(cls, seconds: int) -> BigTime:
        cycles = (seconds - _Y2000) // _CYCLE_SECONDS
        near = from_timestamp(seconds - cycles * _CYCLE_SECONDS)
        big = cls(
            near.year,
            near.month,
            near.day,
            near.hour,
            near.minute,
            near.second,
            near.microsecond,
            near.tzinfo,
        )
        big.year_shift = cycles * 400
        return big


_CYCLE_SECONDS = 146097 * 86400
_Y2000 = 946684800  # 2000-01-01T00:00:00Z


def _from_epoch(seconds: int) -> _dt.datetime | None:
    try:
        return from_timestamp(seconds)
    except (OverflowError, OSError, ValueError):
        return BigTime.from_epoch(seconds)


def to_time(value: _dt.date) -> _dt.datetime:
    """``Date#to_time.localtime`` / ``Time#localtime``."""
    if isinstance(value, BigTime):
        return value
    if isinstance(value, _dt.datetime):
        return to_local(value)
    return localize(_dt.datetime(value.year, value.month, value.day))


# ---------------------------------------------------------------------------
# python-liquid's own stringification (used by tags we take from it, such as
# ``cycle``) prints Python text: ``None``, ``{'a': 1}``, ``2024-01-02 10:00:00+01:00``.
# Every value Liquid writes must read as Ruby prints it, so the one function those
# tags call is replaced by Ruby's output conversion.


def _ruby_liquid_string(val: Any, autoescape: bool = False) -> str:
    return output_str(val)


def _install_ruby_stringify() -> None:
    import liquid.stringify
    from liquid.builtin.tags import cycle_tag

    liquid.stringify.to_liquid_string = _ruby_liquid_string
    cycle_tag.to_liquid_string = _ruby_liquid_string  # type: ignore[attr-defined]


_install_ruby_stringify()


def ruby_sort(items: Iterable[T], cmp: Callable[[T, T], int]) -> list[T]:
    """Ruby's ``Array#sort`` with a comparison (glibc's ``qsort_r``: a top-down merge
    sort that takes the left item unless ``cmp`` says it is greater), so that ties
    and inconsistent comparisons order items exactly as Ruby does."""
    out = list(items)
    tmp = list(out)

    def msort(lo: int, n: int) -> None:
        if n <= 1:
            return
        n1 = n // 2
        msort(lo, n1)
        msort(lo + n1, n - n1)
        i, j, k = lo, lo + n1, 0
        end1, end2 = lo + n1, lo + n
        while i < end1 and j < end2:
            if cmp(out[i], out[j]) <= 0:
                tmp[k] = out[i]
                i += 1
            else:
                tmp[k] = out[j]
                j += 1
            k += 1
        while i < end1:
            tmp[k] = out[i]
            i += 1
            k += 1
        out[lo : lo + k] = tmp[:k]

    msort(0, len(out))
    return out


def time_to_a(value: _dt.datetime) -> list[Any]:
    """``Time#to_a``: ``[sec, min, hour, day, month, year, wday, yday, isdst, zone]``."""
    if value.tzinfo is None:
        value = localize(value)
    zone = zone_name(value) or None
    dst = value.dst()
    return [
        value.second,
        value.minute,
        value.hour,
        value.day,
        value.month,
        value.year,
        value.isoweekday() % 7,
        value.timetuple().tm_yday,
        bool(dst),
        zone,
    ]
