"""CSV/TSV data files read as Jekyll reads them (Ruby's CSV with headers) and data
file names sanitised as ``DataReader#sanitize_filename`` does.  The expected
values were printed by Ruby 3.1's CSV (``CSV.parse``/``CSV.read(headers: true)``)
and by Jekyll 4.3.1 for the same inputs."""

from __future__ import annotations

import pytest

from jekpy.builder.reader import parse_csv_rows, read_csv, sanitize_data_name


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("a,b\n\n1,2", [["a", "b"], [], ["1", "2"]]),
        ("a,", [["a", None]]),
        ("", []),
        ("x\r\n\r\ny\r\n", [["x"], [], ["y"]]),
        ('"x\ny",""\n', [["x\ny", ""]]),
        ('"say ""hi""",2\n', [['say "hi"', "2"]]),
    ],
)
def test_rows_like_ruby_csv(text: str, rows: list[list[str | None]]) -> None:
    assert parse_csv_rows(text, ",") == rows


def test_headers_like_ruby_csv() -> None:
    text = 'a,b\n1,2\n\n3,\n"x\ny",""\n4,5,6\n7\n'
    assert read_csv(text, ",", {}) == [
        {"a": "1", "b": "2"},
        {"a": None, "b": None},
        {"a": "3", "b": None},
        {"a": "x\ny", "b": ""},
        {"a": "4", "b": "5", None: "6"},
        {"a": "7", "b": None},
    ]


def test_tsv_and_options() -> None:
    assert read_csv("a\tb\n1\t2\n", "\t", {}) == [{"a": "1", "b": "2"}]
    assert read_csv("a,b\n1,2\n", ",", {"headers": False}) == [["a", "b"], ["1", "2"]]
    assert read_csv("n,f\n1,2.5\n", ",", {"csv_converters": ["numeric"]}) == [{"n": 1, "f": 2.5}]


@pytest.mark.parametrize(
    ("name", "key"),
    [("members", "members"), ("my data", "my_data"), ("a b.c", "a_bc"), ("  x  y ", "x_y_"),
     ("foo-bar!", "foo-bar")],
)
def test_sanitized_names(name: str, key: str) -> None:
    assert sanitize_data_name(name) == key
