"""Golden tests: jekpy's Liquid layer against real Jekyll 4.3.1 / Ruby Liquid 5.4.

The templates are ours (``tests/liquid/liquid_cases.py``).  The expected outputs
and error messages in ``tests/liquid/golden/expected.json`` were produced by
real Jekyll with ``scripts/regen_liquid_golden.py`` (never edited by hand);
these tests need no Ruby.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from liquid_cases import CASES, COMMON_FM, CONFIGS, Case

from jekpy.errors import TemplateError
from jekpy.liquid import LiquidEngine

HERE = Path(__file__).resolve().parent
SITE = HERE / "site"
EXPECTED: dict[str, Any] = json.loads((HERE / "golden" / "expected.json").read_text("utf-8"))

POSTS = {"2020-01-02-hello-world": "/2020/01/02/hello-world.html"}
FILES = {
    "_posts/2020-01-02-hello-world.md": "/2020/01/02/hello-world.html",
    "about.md": "/about.html",
}

# Error messages we do not word exactly as Jekyll does (the build still fails).
MESSAGE_DIFFERS = {
    "post_url_bad_name": "Jekyll appends the nested exception's text",
    "j_sort_string_error": "Ruby NoMethodError text with a code excerpt",
}


class FakeSite:
    """SiteHooks for the fixture site (post/link URLs as Jekyll computed them)."""

    def __init__(self, config: dict[str, Any]) -> None:
        self.source = SITE
        self.config = config
        self.includes_dirs = [SITE / "_includes"]
        self.warnings: list[str] = []

    def _url(self, path: str) -> str:
        base = str(self.config.get("baseurl") or "").rstrip("/")
        return base + path

    def markdownify(self, text: str) -> str:
        from jekpy import markdown

        return markdown.convert(text)

    def post_url(self, name: str) -> str | None:
        url = POSTS.get(name)
        return self._url(url) if url else None

    def link(self, relative_path: str) -> str | None:
        url = FILES.get(relative_path.lstrip("/"))
        return self._url(url) if url else None

    def warn(self, message: str) -> None:
        self.warnings.append(message)


pytestmark = pytest.mark.usefixtures("utc")


def _render(case: Case) -> tuple[str, FakeSite]:
    site = FakeSite(dict(CONFIGS[case.config]))
    engine = LiquidEngine(site)
    path = f"cases/{case.name}.html"
    page = {**COMMON_FM, **case.fm, "path": path, "url": f"/{path}"}
    data = {
        "page": page,
        "site": dict(site.config),
        "highlighter_prefix": "",
        "highlighter_suffix": "",
    }
    return engine.render_source(case.template, data, path=path, line_offset=3), site


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden(case: Case) -> None:
    expected = EXPECTED.get(case.name)
    assert expected is not None, "no expected output: run scripts/regen_liquid_golden.py"
    assert expected["template"] == case.template, "stale golden: run scripts/regen_liquid_golden.py"
    if expected["error"] is None:
        out, site = _render(case)
        assert out == expected["output"]
        assert len(site.warnings) == len(expected["warnings"]), site.warnings
        return
    with pytest.raises(TemplateError) as info:
        _render(case)
    err = info.value
    assert err.path is not None
    if case.name in MESSAGE_DIFFERS:
        return
    jekyll = expected["error"].rsplit(f" in cases/{case.name}.html", 1)[0]
    ours = " ".join(err.message.replace(str(SITE), "<site>").split())
    assert ours == jekyll
