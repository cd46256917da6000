"""Liquid filters on Ruby values, rendered the way a Jekyll site renders a page.

Templates and data: ``FILTER_SEMANTICS_*`` in ``liquid_cases.py`` (ours).
Expected results: ``golden/filter_semantics.json``, written by
``scripts/regen_liquid_golden.py --filter-semantics`` with Jekyll 4.3.1 /
Liquid 5.4 (never edited by hand).  Outputs must be equal byte for byte (bytes
that are not UTF-8 included); where Jekyll raises, jekpy must raise its own
Liquid error (never an internal one), with Ruby's message for
``Liquid::ArgumentError``.
"""

from __future__ import annotations

import base64
import datetime as _dt
import json
from pathlib import Path
from typing import Any

import pytest
from liquid_cases import (
    FILTER_SEMANTICS_CONFIG,
    FILTER_SEMANTICS_DATA,
    FILTER_SEMANTICS_TEMPLATES,
)
from liquid_hooks import Hooks

from jekpy import markdown
from jekpy.errors import TemplateError
from jekpy.liquid import LiquidEngine
from jekpy.liquid.ruby import parse_time

HERE = Path(__file__).resolve().parent
EXPECTED: dict[str, Any] = json.loads(
    (HERE / "golden" / "filter_semantics.json").read_text("utf-8")
)


class MarkdownHooks(Hooks):
    """Test hooks with Jekyll's default kramdown conversion for ``markdownify``."""

    def markdownify(self, text: str) -> str:
        return markdown.convert(text)


ENGINE = LiquidEngine(MarkdownHooks(HERE / "site", FILTER_SEMANTICS_CONFIG))

pytestmark = pytest.mark.usefixtures("utc")


def _revive(value: Any) -> Any:
    """The data's Ruby values: {"$time": text} -> Time.parse, {"$date": ...} -> Date."""
    if isinstance(value, dict):
        if list(value) == ["$time"]:
            return parse_time(value["$time"])
        if list(value) == ["$date"]:
            return _dt.date.fromisoformat(value["$date"])
        return {k: _revive(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_revive(v) for v in value]
    return value


@pytest.mark.parametrize(
    "template",
    FILTER_SEMANTICS_TEMPLATES,
    ids=[str(i) for i in range(len(FILTER_SEMANTICS_TEMPLATES))],
)
def test_filter_semantics(template: str) -> None:
    expected = EXPECTED.get(template)
    assert expected is not None, (
        "stale golden: run scripts/regen_liquid_golden.py --filter-semantics"
    )
    data = _revive(json.loads(json.dumps(FILTER_SEMANTICS_DATA)))
    if "error" in expected:
        with pytest.raises(TemplateError) as caught:
            ENGINE.render_source(template, data, path="t.html")
        message = str(caught.value)
        assert "internal error" not in message
        ruby_class, _, ruby_message = expected["error"].partition(": ")
        if ruby_class == "Liquid::ArgumentError":
            assert ruby_message.split("): ", 1)[-1] in message
        return
    out = ENGINE.render_source(template, data, path="t.html")
    # compared as the bytes written (a binary string keeps its bytes as surrogates)
    if "binary" in expected:
        assert out.encode("utf-8", "surrogateescape") == base64.b64decode(expected["binary"])
    else:
        assert out.encode("utf-8", "surrogateescape") == expected["output"].encode("utf-8")
