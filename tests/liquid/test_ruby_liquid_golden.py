"""Standard Liquid (no Jekyll) against Ruby Liquid 5.4's own output.

The templates come from ``ruby_liquid_cases()`` in ``liquid_cases.py`` (ours);
``golden/ruby_liquid.json`` was written by ``scripts/regen_liquid_golden.py``
running Ruby Liquid 5.4 (never edited by hand).  An expected error only
requires that ``render_string`` raises.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from liquid_cases import RANDOM_DATA, RUBY_DATA, RUBY_WARN_TEMPLATES, ruby_liquid_cases

from jekpy.errors import TemplateError
from jekpy.liquid import render_string

EXPECTED: dict[str, Any] = json.loads(
    (Path(__file__).resolve().parent / "golden" / "ruby_liquid.json").read_text("utf-8")
)
TEMPLATES = ruby_liquid_cases() + [t for t in RUBY_WARN_TEMPLATES if t not in ruby_liquid_cases()]


pytestmark = pytest.mark.usefixtures("utc")


@pytest.mark.parametrize("template", TEMPLATES, ids=[str(i) for i in range(len(TEMPLATES))])
def test_ruby_liquid(template: str) -> None:
    expected = EXPECTED.get(template)
    assert expected is not None, "stale golden: run scripts/regen_liquid_golden.py --ruby-only"
    mode = expected.get("mode", "lax")
    if "error" in expected:
        with pytest.raises(TemplateError):
            render_string(template, json.loads(json.dumps(RUBY_DATA)), {}, mode=mode)
    else:
        out = render_string(template, json.loads(json.dumps(RUBY_DATA)), {}, mode=mode)
        assert out == expected["output"]


RANDOM: list[dict[str, Any]] = json.loads(
    (Path(__file__).resolve().parent / "golden" / "ruby_random.json").read_text("utf-8")
)


@pytest.mark.parametrize("case", RANDOM, ids=[str(i) for i in range(len(RANDOM))])
def test_ruby_liquid_random(case: dict[str, Any]) -> None:
    """Random templates (``random_templates()``, fixed seed) against Ruby Liquid 5.4."""
    data = json.loads(json.dumps(RANDOM_DATA))
    if "error" in case:
        with pytest.raises(TemplateError):
            render_string(case["template"], data, {}, mode="warn")
    else:
        assert render_string(case["template"], data, {}, mode="warn") == case["output"]
