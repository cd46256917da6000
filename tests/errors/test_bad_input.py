"""The bad-input table of docs/errors.md: every row builds a small site and checks
the exit code, the message (file, line, what, how to fix), that no traceback is
printed, and what reaches the output folder.

What Jekyll does for each row was observed by running Debian's Jekyll 4.3.1 on the
same inputs (recorded in docs/errors.md): where Jekyll stops, jekpy stops (exit 1);
where Jekyll warns and goes on, jekpy warns and goes on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from jekpy.cli import main

POST = "_posts/2020-01-01-a.md"


@dataclass
class Case:
    name: str
    files: dict[str, str | bytes]
    exit_code: int
    says: list[str] = field(default_factory=list)
    writes: dict[str, str] = field(default_factory=dict)
    absent: list[str] = field(default_factory=list)


CASES = [
    Case(
        "invalid YAML front matter",
        {POST: "---\ntitle: [unclosed\n---\nBody\n"},
        0,
        says=[POST + ":2", "title: [unclosed", "hint:"],
    ),
    Case(
        "front matter that is not a mapping",
        {POST: "---\n- a\n- b\n---\nBody\n"},
        0,
        says=[POST, "key: value"],
    ),
    Case(
        "unterminated front matter",
        {POST: "---\ntitle: x\nBody\n"},
        0,
        says=[POST + ":1", "never closed"],
        writes={"2020/01/01/a.html": "<hr />\n<p>title: x\nBody</p>\n"},
    ),
    Case(
        "a BOM",
        {POST: b"\xef\xbb\xbf---\ntitle: B\n---\nBody {{ page.title }}\n"},
        0,
        writes={"2020/01/01/a.html": "<p>Body B</p>\n"},
    ),
    Case(
        "CRLF line endings",
        {POST: b"---\r\ntitle: C\r\n---\r\nLine one\r\nline two\r\n\r\npara {{ page.title }}\r\n"},
        0,
        writes={"2020/01/01/a.html": "<p>Line one\nline two</p>\n\n<p>para C</p>\n"},
    ),
    Case(
        "CR line endings",
        {POST: b"---\rtitle: C\r---\rLine one\rline two\r"},
        0,
        writes={"2020/01/01/a.html": "<hr />\n<p>title: C\n\u2014\nLine one\nline two</p>\n"},
    ),
    Case(
        "a binary file in _posts",
        {"_posts/2020-01-01-bin.md": bytes(range(256)) * 2},
        0,
        says=["_posts/2020-01-01-bin.md:", "UTF-8"],
        absent=["2020/01/01/bin.html"],
    ),
    Case(
        "invalid UTF-8",
        {POST: b"---\ntitle: U\n---\nBad \xff\xfe byte\n"},
        0,
        says=[POST + ":4", "UTF-8"],
        absent=["2020/01/01/a.html"],
    ),
    Case(
        "an unknown layout",
        {POST: "---\nlayout: nope\n---\nBody\n", "_layouts/post.html": "{{ content }}"},
        0,
        says=["Layout 'nope' requested in _posts/2020-01-01-a.md does not exist."],
        writes={"2020/01/01/a.html": "<p>Body</p>\n"},
    ),
    Case(
        "a layout loop",
        {
            POST: "---\nlayout: a\n---\nBody\n",
            "_layouts/a.html": "---\nlayout: b\n---\nA[{{ content }}]",
            "_layouts/b.html": "---\nlayout: a\n---\nB[{{ content }}]",
        },
        0,
        writes={"2020/01/01/a.html": "B[A[<p>Body</p>\n]]"},
    ),
    Case(
        "a missing include",
        {POST: "---\n---\nText\n{% include missing.html %}\n"},
        1,
        says=["missing.html", POST + ":4", "_includes"],
    ),
    Case(
        "an include loop",
        {POST: "---\n---\n{% include self.html %}\n", "_includes/self.html": "x{% include self.html %}"},
        1,
        says=["self.html"],
    ),
    Case(
        "an unknown tag",
        {POST: "---\n---\nline\n{% nosuch %}\n"},
        1,
        says=["nosuch", POST + ":4"],
    ),
    Case(
        "an unknown filter (ignored, as Jekyll does)",
        {POST: '---\n---\n{{ "a" | nosuch }}\n'},
        0,
        writes={"2020/01/01/a.html": "<p>a</p>\n"},
    ),
    Case(
        "a Liquid syntax error",
        {POST: "---\n---\nline\n{% if %}x{% endif %}\n"},
        1,
        says=[POST + ":4", "{% if %}"],
    ),
    Case(
        "an unclosed Liquid block",
        {POST: "---\n---\nline\n{% if true %}x\n"},
        1,
        says=[POST, "if"],
    ),
    Case(
        "an invalid date in a file name",
        {"_posts/2020-13-45-a.md": "---\n---\nBody\n"},
        1,
        says=["_posts/2020-13-45-a.md", "does not have a valid date in the filename"],
    ),
    Case(
        "an invalid date in front matter",
        {POST: "---\ndate: not-a-date\n---\nBody\n"},
        1,
        says=[POST, "does not have a valid date in the YAML front matter"],
    ),
    Case(
        "an invalid permalink",
        {"page.md": '---\npermalink: ""\n---\nBody\n'},
        1,
        says=["page.md", "permalink"],
    ),
    Case(
        "an unknown plugins: entry",
        {"_config.yml": "plugins: [jekyll-nosuch]\n", POST: "---\n---\nBody\n"},
        0,
        says=["jekyll-nosuch"],
        writes={"2020/01/01/a.html": "<p>Body</p>\n"},
    ),
    Case(
        "an invalid _config.yml",
        {"_config.yml": "title: [x\n", POST: "---\n---\nBody\n"},
        1,
        says=["_config.yml:1", "title: [x"],
    ),
    Case(
        "two documents writing one path",
        {
            "a.md": "---\npermalink: /same.html\n---\nA\n",
            "b.md": "---\npermalink: /same.html\n---\nB\n",
        },
        0,
        says=["Conflict: The following destination is shared by multiple files.", "a.md", "b.md"],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input(case: Case, tmp_path: Path) -> None:
    src = tmp_path / "src"
    for rel, content in case.files.items():
        path = src / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", "-s", str(src), "-d", str(out)])
    text = result.output
    assert "Traceback" not in text
    assert result.exception is None or isinstance(result.exception, SystemExit), text
    assert result.exit_code == case.exit_code, text
    for needle in case.says:
        assert needle in text, f"{needle!r} not in:\n{text}"
    for rel, expected in case.writes.items():
        assert (out / rel).read_text(encoding="utf-8") == expected
    for rel in case.absent:
        assert not (out / rel).exists()
    if case.exit_code == 1:
        assert not out.exists(), "a failed build must not write anything"
