"""Property tests: the Markdown, front-matter and Liquid stages never raise anything
but jekpy's own errors, whatever the input.  Example counts are bounded for CI;
`fuzz/` holds atheris targets for longer runs on demand.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jekpy import markdown
from jekpy.content.frontmatter import parse_front_matter
from jekpy.errors import JekpyError
from jekpy.liquid import render_string

MARKDOWN_ALPHABET = st.sampled_from(
    list("ab *_`#>-+=|[](){}<>!:\\$~^\"'&;\n\t 1.") + ["\n\n", "    ", "```", "{:", "$$", "<div>"]
)
SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@SETTINGS
@given(st.lists(MARKDOWN_ALPHABET, max_size=120).map("".join))
def test_markdown_never_raises(text: str) -> None:
    out = markdown.convert(text)
    assert isinstance(out, str)


@SETTINGS
@given(st.text(max_size=300))
def test_markdown_never_raises_on_any_text(text: str) -> None:
    assert isinstance(markdown.convert(text), str)


@SETTINGS
@given(st.text(max_size=200))
def test_front_matter_never_raises_unexpectedly(text: str) -> None:
    doc = "---\n" + text + "\n---\nbody\n"
    try:
        fm = parse_front_matter(doc, "x.md")
    except JekpyError:
        return
    assert isinstance(fm.data, dict)


LIQUID_ALPHABET = st.sampled_from(
    ["{{", "}}", "{%", "%}", " ", "if", "for", "x", "in", "|", "upcase", "'", '"', "a", "1",
     "endif", "endfor", "assign", "=", ".", "[", "]", "-", "capture", "endcapture", "\n"]
)


@SETTINGS
@given(st.lists(LIQUID_ALPHABET, max_size=40).map("".join))
def test_liquid_never_raises_unexpectedly(source: str) -> None:
    try:
        out = render_string(source, {"x": [1, 2], "a": {"b": "c"}}, {})
    except JekpyError:
        return
    except Exception as err:  # python-liquid's own errors are acceptable for this API
        assert type(err).__module__.startswith("liquid"), repr(err)
        return
    assert isinstance(out, str)
