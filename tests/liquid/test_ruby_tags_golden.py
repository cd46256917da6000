"""Liquid tags (blank blocks, end-tag markup, loops, tablerow, ranges, lax
conditions, case/when, cycle) against Jekyll 4.3.1's own rendering.

Templates: ``tag_cases()`` in ``tag_cases.py`` (ours).  Expected results:
``golden/ruby_tags.json``, written by ``scripts/regen_liquid_tags_golden.py``
with Debian's Jekyll 4.3.1 / Liquid 5.4 in ``warn`` and in ``strict`` mode
(never edited by hand).  An expected error requires that jekpy raises its own error (never a
Python exception).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from liquid_hooks import Hooks
from tag_cases import TAG_CONFIG, TAG_DATA, revive, tag_cases

from jekpy.errors import JekpyError
from jekpy.liquid import LiquidEngine

HERE = Path(__file__).resolve().parent
EXPECTED: dict[str, Any] = json.loads((HERE / "golden" / "ruby_tags.json").read_text("utf-8"))
CASES = tag_cases()

pytestmark = pytest.mark.usefixtures("utc")


@pytest.mark.parametrize(
    "template", [t for _, t in CASES], ids=[f"{g}-{i}" for i, (g, _) in enumerate(CASES)]
)
def test_ruby_tag(template: str) -> None:
    expected = EXPECTED.get(template)
    assert expected is not None, "stale golden: run scripts/regen_liquid_tags_golden.py"
    engine = LiquidEngine(Hooks(HERE / "site", TAG_CONFIG))
    data = revive(json.loads(json.dumps(TAG_DATA)))
    if "error" in expected:
        with pytest.raises(JekpyError):
            engine.render_source(template, data, path="t.html")
    else:
        assert engine.render_source(template, data, path="t.html") == expected["output"]


@pytest.mark.parametrize(
    "template", [t for _, t in CASES], ids=[f"{g}-{i}" for i, (g, _) in enumerate(CASES)]
)
def test_ruby_tag_strict(template: str) -> None:
    """The same templates under ``liquid: {error_mode: strict}``."""
    expected = EXPECTED.get(template, {}).get("strict")
    assert expected is not None, "stale golden: run scripts/regen_liquid_tags_golden.py"
    config = {**TAG_CONFIG, "liquid": {"error_mode": "strict"}}
    engine = LiquidEngine(Hooks(HERE / "site", config))
    data = revive(json.loads(json.dumps(TAG_DATA)))
    if "error" in expected:
        with pytest.raises(JekpyError):
            engine.render_source(template, data, path="t.html")
    else:
        assert engine.render_source(template, data, path="t.html") == expected["output"]
