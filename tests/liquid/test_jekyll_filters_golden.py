"""Jekyll's filters on many value types against Jekyll's own filter module.

Templates: ``jekyll_filter_cases()`` in ``liquid_cases.py`` (ours).  Expected
results: ``golden/jekyll_filters.json``, written by
``scripts/regen_liquid_golden.py`` with Liquid 5.4 + ``Jekyll::Filters``
(never edited by hand).  An expected error only requires that we raise.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from liquid_cases import JEKYLL_FILTER_CONFIG, JEKYLL_FILTER_DATA, jekyll_filter_cases
from liquid_hooks import Hooks

from jekpy.errors import TemplateError
from jekpy.liquid import LiquidEngine

HERE = Path(__file__).resolve().parent
EXPECTED: dict[str, Any] = json.loads((HERE / "golden" / "jekyll_filters.json").read_text("utf-8"))
TEMPLATES = jekyll_filter_cases()


ENGINE = LiquidEngine(Hooks(HERE / "site", JEKYLL_FILTER_CONFIG))


pytestmark = pytest.mark.usefixtures("utc")


@pytest.mark.parametrize("template", TEMPLATES, ids=[str(i) for i in range(len(TEMPLATES))])
def test_jekyll_filter(template: str) -> None:
    expected = EXPECTED.get(template)
    assert expected is not None, "stale golden: run scripts/regen_liquid_golden.py --ruby-only"
    data = json.loads(json.dumps(JEKYLL_FILTER_DATA))
    if "error" in expected:
        with pytest.raises(TemplateError):
            ENGINE.render_source(template, data, path="t.html")
    else:
        assert ENGINE.render_source(template, data, path="t.html") == expected["output"]
