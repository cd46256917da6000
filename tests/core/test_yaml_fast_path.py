"""Simple front matter is read without the YAML loader (jekpy.support.yamlload.load_simple):
whenever that path answers, the answer is the loader's."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jekpy.support.yamlload import load_simple, load_yaml

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"

# Pieces that exercise the edges: indicators, resolvers (bools, numbers, dates,
# null), quotes, comments, colons, flow lists, unusual characters.
ATOMS = [
    "post", "My title", "yes", "No", "on", "off", "y", "true", "null", "~", "",
    "12", "1.5", "0x1f", "1_000", ".inf", "2020-01-02", "2020-01-02 10:00:00 +0100",
    "a: b", "a:b", "a #b", "a#b", "#x", "- x", "-x", "?x", "[a, b]", "[a, [b]]", "[]",
    "[a b, c]", "[a,, b]", "[yes, 1]", "{a: b}", "'q'", "'it''s'", '"q"', '"a\\tb"',
    '"x" y', "*ref", "&a x", "!tag x", "|", ">", "%x", "@x", "`x", "<<", "=", "<b>",
    "C#", "c++", "http://x.y/z", "é ü", "😀", "x:", "a  ", "\t", "\r", "\u2028",
    "\x85", "\ufeff", "\\", "...", "---",
]
KEYS = ["title", "layout", "tags", "yes", "null", "1", "a-b", "_x", "Title", "x y", "-k"]


@st.composite
def front_matter(draw: st.DrawFn) -> str:
    lines = ["---"]
    for _ in range(draw(st.integers(0, 6))):
        key = draw(st.sampled_from(KEYS))
        value = draw(st.one_of(st.sampled_from(ATOMS), st.text(max_size=12)))
        sep = draw(st.sampled_from([": ", ":", ":  ", " : "]))
        lines.append(f"{key}{sep}{value}")
        if draw(st.booleans()) and draw(st.booleans()):
            lines.append(draw(st.sampled_from(["", "# note", "  - item", "  nested: 1"])))
    return "\n".join(lines) + "\n"


@settings(max_examples=3000, deadline=None, suppress_health_check=list(HealthCheck))
@given(front_matter())
def test_the_fast_path_agrees_with_the_loader(text: str) -> None:
    fast = load_simple(text)
    if fast is None:
        return
    assert fast == load_yaml(text)
    assert [type(v) for v in fast.values()] == [type(v) for v in load_yaml(text).values()]


def test_common_front_matter_takes_the_fast_path() -> None:
    text = '---\nlayout: post\ntitle: "Hello: world"\ntags: [jekyll, python]\ncategory: tools\n'
    assert load_simple(text) == {
        "layout": "post", "title": "Hello: world", "tags": ["jekyll", "python"], "category": "tools",
    }


@pytest.mark.parametrize(
    "text",
    ["date: 2020-01-01\n", "published: false\n", "n: 3\n", "t: yes\n", "x:\n  - a\n",
     "t: 'it''s'\n", 't: "a\\nb"\n', "t: a # c\n", "t:\n", "t: [a, [b]]\n"],
)
def test_typed_or_complex_values_go_to_the_loader(text: str) -> None:
    assert load_simple(text) is None


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")
def test_corpus_front_matter_agrees() -> None:
    from jekpy.content.frontmatter import FRONT_MATTER_RE

    checked = 0
    for path in sorted(CORPUS.glob("*/src/**/*.md")):
        m = FRONT_MATTER_RE.match(path.read_text(encoding="utf-8", errors="replace"))
        if m is None:
            continue
        fast = load_simple(m.group(1))
        if fast is not None:
            assert fast == load_yaml(m.group(1)), path
            checked += 1
    assert checked > 10
