"""Front matter splitting with Jekyll's regex (document.rb YAML_FRONT_MATTER_REGEXP).

The expected values follow /shared/docs/jekyll-rendering.md section A.1, which
records what real Jekyll 4.3.1 did with these inputs.
"""

from __future__ import annotations

import datetime as dt

import pytest

from jekpy.content.frontmatter import has_yaml_header, parse_front_matter
from jekpy.errors import FrontMatterError


def test_basic_split_and_body_line() -> None:
    fm = parse_front_matter("---\ntitle: Hi\n---\nBody\n", "x.md")
    assert fm.data == {"title": "Hi"}
    assert fm.body == "Body\n"
    assert fm.body_line == 4


def test_dots_close_front_matter() -> None:
    fm = parse_front_matter("---\na: 1\n...\nBody", "x.md")
    assert fm.data == {"a": 1}
    assert fm.body == "Body"


def test_blank_lines_after_closing_fence_are_swallowed() -> None:
    fm = parse_front_matter("---\na: 1\n---\n\n\nBody\n\n\n", "x.md")
    assert fm.body == "Body\n\n\n"
    assert fm.body_line == 6


def test_no_front_matter_keeps_text() -> None:
    fm = parse_front_matter("just text\n---\n", "x.md")
    assert not fm.has_front_matter
    assert fm.body == "just text\n---\n"


def test_timestamps_without_offset_are_naive_for_utc_handling() -> None:
    fm = parse_front_matter("---\ndate: 2020-01-02 23:30:00\nday: 2020-01-03\n---\n", "x.md")
    assert fm.data["date"] == dt.datetime(2020, 1, 2, 23, 30)
    assert fm.data["day"] == dt.date(2020, 1, 3)


def test_invalid_yaml_names_file_and_line() -> None:
    with pytest.raises(FrontMatterError) as info:
        parse_front_matter("---\ntitle: ok\nbad: [unclosed\n---\nBody\n", "_posts/x.md")
    err = info.value
    assert err.path == "_posts/x.md"
    assert err.line is not None and err.line >= 3
    assert "_posts/x.md:" in str(err)
    assert err.hint


def test_non_mapping_front_matter_is_an_error() -> None:
    with pytest.raises(FrontMatterError, match="expected `key: value` pairs, got a list"):
        parse_front_matter("---\n- a\n- b\n---\nBody\n", "x.md")


def test_lenient_mode_returns_body_and_error() -> None:
    fm = parse_front_matter("---\nbad: [\n---\nBody\n", "x.md", strict=False)
    assert fm.data == {}
    assert fm.body == "Body\n"
    assert isinstance(fm.error, FrontMatterError)


@pytest.mark.parametrize(
    "raw,expected",
    [(b"---\n", True), (b"---  \r\n", True), (b"--- x\n", False), (b"text\n", False)],
)
def test_has_yaml_header(raw: bytes, expected: bool) -> None:
    assert has_yaml_header(raw) is expected
