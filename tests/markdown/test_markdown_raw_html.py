"""The raw HTML shortcut: a block HTML element whose body would print back unchanged is
kept as one raw node (html.verbatim_raw_end) instead of being parsed element by element.
The output must be the same as with the element-by-element parse, for any input."""

from __future__ import annotations

from typing import Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jekpy import _native
from jekpy.markdown import convert, convert_kramdown
from jekpy.markdown import html as H

# The shortcut is switched off and counted by patching html.verbatim_raw_end, which
# mypyc-compiled callers do not look up at run time; run with JEKPY_PURE=1 there.
pytestmark = pytest.mark.skipif(
    bool(_native.compiled_modules()),
    reason="patches a module function that compiled modules call directly; "
           "run with JEKPY_PURE=1 on a compiled install")

OPTION_SETS: list[tuple[str, dict[str, Any] | None]] = [
    ("jekyll", None),
    ("parse_block_html", {"parse_block_html": True}),
    ("kramdown", {"input": "kramdown"}),
    ("html_to_native", {"input": "kramdown", "parse_block_html": True, "html_to_native": True}),
    ("cjk", {"remove_line_breaks_for_cjk": True}),
]


def _convert(text: str, options: dict[str, Any] | None) -> str:
    if options is not None and options.get("input"):
        return convert_kramdown(text, options)
    return convert(text, options)


def _both(text: str, options: dict[str, Any] | None) -> tuple[str, str, int]:
    """Output with the shortcut, output without it, and how often the shortcut was taken."""
    taken = 0
    real = H.verbatim_raw_end

    def counting(*args: Any) -> tuple[int, int] | None:
        nonlocal taken
        end = real(*args)
        taken += end is not None
        return end

    with mock.patch.object(H, "verbatim_raw_end", counting):
        fast = _convert(text, options)
    with mock.patch.object(H, "verbatim_raw_end", lambda *args: None):
        slow = _convert(text, options)
    return fast, slow, taken


HIGHLIGHTED = (
    '<figure class="highlight"><pre><code class="language-ruby" data-lang="ruby">'
    '<span class="k">def</span> <span class="nf">hello</span><span class="p">(</span>'
    '<span class="nb">name</span><span class="p">)</span>\n'
    '  <span class="nb">puts</span> <span class="s2">"Hello, </span><span class="si">#{</span>'
    '<span class="nb">name</span><span class="si">}</span><span class="s2">!"</span>\n'
    '<span class="k">end</span>\n</code></pre></figure>'
)

CASES = [
    HIGHLIGHTED,
    '<div class="note"><p>A <em>note</em> with a <a href="https://example.com">link</a>.</p>\n</div>',
    "<div>\n<div>\n<p>nested</p>\n</div>\n</div>\n\nafter *x*",
    "<pre>\n  a &amp; b &lt; c\n</pre>",
    "<pre>a & b</pre>", "<pre>a > b</pre>", "<pre>a < b</pre>", "<pre>a &bogus b</pre>",
    "<div><br /><br><br/><hr></div>", "<div><x /><x/><X></X></div>",
    "<div><SPAN>x</SPAN><span>y</SPAN></div>", "<div><span class='k'>x</span></div>",
    '<div><span  class="k">x</span><span class="k" >y</span><span id="">z</span></div>',
    '<div><span class="a" class="b">x</span><span CLASS="a">y</span></div>',
    '<div><span class="a&b">x</span><span class="a&quot;b">y</span><span a=b>z</span></div>',
    '<div><span data-x>x</span><span data-x="">y</span></div>',
    "<div><p markdown=\"1\">*md*</p><p markdown=\"0\">*no*</p></div>",
    "<div><!-- c --><?php x ?></div>", "<div><script>a < b</script><style>p{}</style></div>",
    "<div><span>x</div>", "<div><span>x</span></span></div>", "<div></ div></div>",
    "<div>x</div >", "<div>x</DIV>", "<div>unclosed", "<div><div><div>x</div></div>",
    "<figure><pre><code>x</code></pre></figure>", "<details>\n<summary>S</summary>\n\nbody *x*\n</details>",
    "<div>\n<table><tr><td>c</td></tr></table>\n</div>", "<div>中文\n字</div>",
    "{: .cls}\n<div><p>ial</p></div>", "<div>\n  <div>\n    x\n  </div>\n</div>  \n\npara",
    "- item\n\n  <div><p>in a list</p></div>", "> <div><p>in a quote</p></div>",
    "*[HTML]: Hyper Text\n\n<div><p>HTML</p></div>\n\nHTML",
    "<div>" * 150 + "x" + "</div>" * 150,
    "<div>" * 98 + "x" + "</div>" * 98,
]


@pytest.mark.parametrize("name,options", OPTION_SETS, ids=[n for n, _ in OPTION_SETS])
def test_shortcut_output_equals_element_parse(name: str, options: dict[str, Any] | None) -> None:
    taken = 0
    for text in CASES:
        fast, slow, n = _both(text, options)
        assert fast == slow, text
        taken += n
    if name in ("html_to_native", "cjk"):
        assert taken == 0
    else:
        assert taken > 0


def test_shortcut_taken_for_highlighted_code() -> None:
    fast, slow, taken = _both(HIGHLIGHTED, None)
    assert taken == 1
    assert fast == slow == HIGHLIGHTED + "\n"


PIECES = st.sampled_from([
    "<div>", "</div>", "<span>", "</span>", '<span class="k">', "<span class='k'>", "<SPAN>",
    "</SPAN>", "<pre>", "</pre>", "<p>", "</p>", "<br />", "<br>", "<x/>", "<em>", "</em >",
    "<!-- c -->", "<?x?>", "<script>", "</script>", '<p markdown="1">', "<code>", "</code>",
    "text", " ", "\n", "\n\n", "*em*", "&amp;", "&", "<", ">", "&#1;", "\"", "'", "    ",
    "{: .c}\n", "- ", "> ", "中\n文",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=30), st.sampled_from(OPTION_SETS))
def test_shortcut_output_equals_element_parse_random(
        pieces: list[str], option_set: tuple[str, dict[str, Any] | None]) -> None:
    text = "<div>" + "".join(pieces)
    fast, slow, _ = _both(text, option_set[1])
    assert fast == slow
