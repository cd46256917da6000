"""Code in Rouge's plaintext lexer (most `code` spans) is escaped by the Markdown
converter itself: the HTML must be what ``jekpy.highlight.highlight`` gives."""

from __future__ import annotations

import pytest

from jekpy.highlight import highlight
from jekpy.markdown import convert

CODES = ["a < b && c > d", "&amp; &lt;", "'q' \"s\" `x`", "é → 𝄞", "x\ty", "<<>>&&"]


@pytest.mark.parametrize("code", CODES)
def test_plaintext_span_is_the_highlighters_output(code: str) -> None:
    html = convert(f"x `` {code} `` y")
    expected = highlight(code, "plaintext")
    assert expected is not None
    assert f'<code class="language-plaintext highlighter-rouge">{expected}</code>' in html


@pytest.mark.parametrize("lang", ["plaintext", "text", "plaintext?token=x"])
@pytest.mark.parametrize("code", CODES)
def test_plaintext_block_is_the_highlighters_output(code: str, lang: str) -> None:
    html = convert(f"~~~ {lang}\n{code}\n~~~\n")
    expected = highlight(f"{code}\n", lang)
    assert expected is not None
    assert f'<pre class="highlight"><code>{expected}</code></pre>' in html
