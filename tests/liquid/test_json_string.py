"""``jsonify``'s string literals: Ruby's JSON escaping rules, checked character by
character against the rule as written in Ruby's generator (``"``, ``\\``, the
named control escapes, other control characters as ``\\u00XX``, nothing else)."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from jekpy.liquid.filters.text import _json_string

_NAMED = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _ruby_rule(text: str) -> str:
    def one(ch: str) -> str:
        if ch in _NAMED:
            return _NAMED[ch]
        return f"\\u{ord(ch):04x}" if ord(ch) < 0x20 else ch

    return '"' + "".join(one(ch) for ch in text) + '"'


def test_every_control_and_edge_character() -> None:
    text = "".join(chr(i) for i in range(0x80)) + "é\u2028\u2029\U0001f600\x7f"
    assert _json_string(text) == _ruby_rule(text)
    assert "\\u001f" in _json_string(text) and "\u2028" in _json_string(text)


@given(st.text())
def test_random_text_follows_the_rule_and_reads_back(text: str) -> None:
    out = _json_string(text)
    assert out == _ruby_rule(text)
    assert json.loads(out) == text
