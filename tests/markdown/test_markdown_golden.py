"""Golden tests for jekpy.markdown against real kramdown output.

How the expected files were made: every ``golden/NAME.md`` (hand-written
Markdown) was converted by real kramdown 2.4.0 + kramdown-parser-gfm 1.1.0
with Jekyll 4.3's kramdown options, using ``scripts/regen_markdown_golden.py``
(which also writes ``golden/seed_000.html`` from the seed post in
``../shared/seeds``).  The ``.html`` files are never edited by hand.  These
tests do not need Ruby.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from seed_input import seed_body

from jekpy.markdown import convert, convert_kramdown, make_converter, smartify

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"
SEED = HERE.parent.parent.parent / "shared" / "seeds" / "000_9af9e5605bad3c4e.txt"
CASES = sorted(p.stem for p in GOLDEN.glob("*.md"))


@pytest.mark.parametrize("name", CASES)
def test_golden(name: str) -> None:
    text = (GOLDEN / f"{name}.md").read_text(encoding="utf-8")
    extra_path = GOLDEN / f"{name}.json"
    extra = json.loads(extra_path.read_text(encoding="utf-8")) if extra_path.exists() else None
    expected = (GOLDEN / f"{name}.html").read_text(encoding="utf-8")
    assert convert(text, extra) == expected


def test_seed_post() -> None:
    if not SEED.exists():
        pytest.skip("../shared/seeds is not present on this machine")
    body = seed_body(SEED.read_text(encoding="utf-8"))
    assert body.startswith("\n\nGoogle just released")
    expected = (GOLDEN / "seed_000.html").read_text(encoding="utf-8")
    assert convert(body) == expected


def test_make_converter_reuse() -> None:
    conv = make_converter({"auto_ids": False})
    assert conv("# Hi\n") == "<h1>Hi</h1>\n"
    assert conv("# Hi\n") == "<h1>Hi</h1>\n"


def test_kramdown_defaults_entry_point() -> None:
    # kramdown's own defaults: no default_lang, so an unlabelled fence is a plain <pre>.
    out = convert_kramdown("```\nx\n```\n", {"input": "GFM"})
    assert out == "<pre><code>x\n</code></pre>\n"


def test_smartify() -> None:
    assert smartify("\"Hello\" -- it's...") == "\u201cHello\u201d \u2013 it\u2019s\u2026"


def test_rouge_wrappers_around_highlighter(monkeypatch: pytest.MonkeyPatch) -> None:
    import jekpy.highlight

    def fake(code: str, lang: str) -> str | None:
        return f"<span>{code}</span>" if lang == "python" else None

    monkeypatch.setattr(jekpy.highlight, "highlight", fake)
    out = convert("```python\nx\n```\n\n```nosuch\ny\n```\n\n`z`{: .language-python}\n")
    assert out == (
        '<div class="language-python highlighter-rouge"><div class="highlight">'
        '<pre class="highlight"><code><span>x\n</span></code></pre></div></div>\n\n'
        '<pre><code class="language-nosuch">y\n</code></pre>\n\n'
        '<p><code class="language-python highlighter-rouge"><span>z</span></code></p>\n'
    )


def test_smartify_golden() -> None:
    inputs = json.loads((GOLDEN / "smartify_inputs.json").read_text(encoding="utf-8"))
    expected = json.loads((GOLDEN / "smartify_expected.json").read_text(encoding="utf-8"))
    assert [smartify(t) for t in inputs] == expected
