"""jekyll-mentions looks for a mention only where an ``@`` is: the answer must be the
same as searching the whole text with the mention pattern."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from jekpy.plugins.mentions import _MENTION, _has_mention

CASES = [
    "",
    "@",
    "@a",
    "a@b",
    "a @b",
    "\n@b",
    "x\n@b",
    "@@b",
    "mail me: a@b.com",
    "@user/repo",
    "@user.",
    "@user.x",
    "@user...",
    "-@user",
    "é@user",
    "<p>@parkr</p>",
    "<code>@x</code> and @y",
    "@-x",
    "@_x",
]


def test_fixed_cases() -> None:
    for text in CASES:
        assert _has_mention(text) is bool(_MENTION.search(text)), text


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="@a_-./ \t\n<>é1", max_size=30))
def test_same_as_search(text: str) -> None:
    assert _has_mention(text) is bool(_MENTION.search(text))
