"""Entities, HTML escaping and kramdown's typographic output rules."""

from __future__ import annotations

import re
from html.entities import name2codepoint

# kramdown's entity table is HTML 4's plus ``apos`` and ``vellip``; it also
# has the code points of lang/rang and lceil/rceil swapped.
ENTITY_BY_NAME: dict[str, int] = dict(name2codepoint)
ENTITY_BY_NAME.update({"apos": 39, "vellip": 8942, "lang": 9002, "rang": 9001,
                       "lceil": 8969, "rceil": 8968})
NAME_BY_CODE: dict[int, str] = {}
for _name, _code in ENTITY_BY_NAME.items():
    NAME_BY_CODE.setdefault(_code, _name)
NAME_BY_CODE[8968] = "rceil"
NAME_BY_CODE[8969] = "lceil"
NAME_BY_CODE[9001] = "rang"
NAME_BY_CODE[9002] = "lang"


class Entity:
    __slots__ = ("code", "name")

    def __init__(self, code: int, name: str | None) -> None:
        self.code = code
        self.name = name

    def char(self) -> str:
        try:
            return chr(self.code)
        except (ValueError, OverflowError):
            return "\ufffd"


def entity_by_name(name: str) -> Entity | None:
    code = ENTITY_BY_NAME.get(name)
    if code is None:
        return None
    return Entity(code, name)


def entity_by_code(code: int) -> Entity:
    return Entity(code, NAME_BY_CODE.get(code))


def entity_from_option(spec: str) -> Entity:
    """An entity named or numbered in an option value (smart_quotes)."""
    if spec.isdigit():
        return entity_by_code(int(spec))
    ent = entity_by_name(spec)
    return ent if ent is not None else Entity(63, None)


_REFERENCE = r"&(?:[A-Za-z0-9_:][-A-Za-z0-9_.:]*;|#\d+;|#x[0-9a-fA-F]+;)"
_ESCAPE_ALL = re.compile(r"[<>&]")
_ESCAPE_TEXT = re.compile(_REFERENCE + r"|[<>&]")
_ESCAPE_ATTR = re.compile(_REFERENCE + r'|[<>&"]')
_ESCAPE_MAP = {"<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;"}


def _esc(m: re.Match[str]) -> str:
    s = m.group(0)
    return _ESCAPE_MAP.get(s, s)


def escape_all(text: str) -> str:
    if "&" not in text and "<" not in text and ">" not in text:
        return text
    return _ESCAPE_ALL.sub(_esc, text)


def escape_text(text: str) -> str:
    """kramdown's ``escape_html(str, :text)``: existing references survive."""
    if "&" not in text and "<" not in text and ">" not in text:
        return text
    return _ESCAPE_TEXT.sub(_esc, text)


def escape_attr(text: str) -> str:
    if "&" not in text and "<" not in text and ">" not in text and '"' not in text:
        return text
    return _ESCAPE_ATTR.sub(_esc, text)


def entity_to_str(ent: Entity, entity_output: str | None, original: str | None = None) -> str:
    ch = ent.char()
    if entity_output == "as_char" and (ch == '"' or ch not in _ESCAPE_MAP):
        return ch
    if entity_output in ("as_input", "as_char") and original:
        return original
    if (entity_output == "symbolic" or ch in _ESCAPE_MAP) and ent.name is not None:
        return f"&{ent.name};"
    return f"&#{ent.code};"


TYPOGRAPHIC_ENTITIES: dict[str, list[str]] = {
    "mdash": ["mdash"],
    "ndash": ["ndash"],
    "hellip": ["hellip"],
    "laquo_space": ["laquo", "nbsp"],
    "raquo_space": ["nbsp", "raquo"],
    "laquo": ["laquo"],
    "raquo": ["raquo"],
}

TYPOGRAPHIC_RAW_TEXT: dict[str, str] = {
    "mdash": "\u2014",
    "ndash": "\u2013",
    "hellip": "\u2026",
    "laquo_space": "\u00ab\u00a0",
    "raquo_space": "\u00a0\u00bb",
    "laquo": "\u00ab",
    "raquo": "\u00bb",
}
