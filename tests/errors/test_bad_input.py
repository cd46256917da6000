"""The bad-input table of docs/errors.md: every row builds a small site and checks
the exit code, the message (file, line, what, how to fix), that no traceback is
printed, and what reaches the output folder.

What Jekyll does for each row was observed by running Debian's Jekyll 4.3.1 on the
same inputs (recorded in docs/errors.md): where Jekyll stops, jekpy stops (exit 1);
where Jekyll warns and goes on, jekpy warns and goes on.
"""

from __future__ import annotations

import io
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from jekpy.cli import main
from jekpy.log import Logger
from jekpy.options import BuildOptions
from jekpy.server import PreviewServer

POST = "_posts/2020-01-01-a.md"

#: Nine levels of nine aliases: 9**9 (387 million) strings once expanded.
ALIAS_BOMB = "a: &a [" + ",".join(['"lol"'] * 9) + "]\n" + "".join(
    f"{b}: &{b} [" + ",".join([f"*{a}"] * 9) + "]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True)
)


@dataclass
class Case:
    """One bad input.  ``files`` go in the site folder, ``outside`` next to it (a
    symlink is written as ``("symlink", target)``); ``args`` are added to
    ``jekpy build -s SRC -d OUT`` (``{tmp}`` is the folder holding both), ``env`` is
    set while it runs.  ``serve_then_delete``: run the preview server instead and
    delete the source folder while it serves."""

    name: str
    files: dict[str, str | bytes | tuple[str, str]]
    exit_code: int
    says: list[str] = field(default_factory=list)
    writes: dict[str, str] = field(default_factory=dict)
    absent: list[str] = field(default_factory=list)
    outside: dict[str, str] = field(default_factory=dict)
    args: list[str] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)
    once: list[str] = field(default_factory=list)  # said exactly once
    never: list[str] = field(default_factory=list)  # not said
    serve_then_delete: bool = False


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
    Case(
        "a binary _data file",
        {"_data/x.yml": b"a: 1\nb: \xff\xfe\n", "index.md": "---\n---\nhi\n"},
        1,
        says=["the data file is not valid UTF-8", "_data/x.yml:2:4", "move binary files out of _data/"],
        never=["skipped", "_posts/"],
    ),
    Case(
        "a binary page with front matter",
        {"page.md": b"---\n---\nText \xff\xfe\n"},
        1,
        says=["the page is not valid UTF-8", "page.md:3:6", "copied as they are"],
        never=["skipped", "_posts/"],
    ),
    Case(
        "a binary include",
        {"_includes/b.html": b"ab\xff\x00", "index.md": "---\n---\n{% include b.html %}\n"},
        1,
        says=["the included file is not valid UTF-8", "_includes/b.html:1:3", "out of _includes/"],
        never=["codec", "position", "_posts/"],
    ),
    Case(
        "YAML nested too deep in _config.yml",
        {"_config.yml": "a: " + "[" * 150 + "]" * 150 + "\n", "index.md": "x\n"},
        1,
        says=["nested more than 100 levels deep", "_config.yml:1:103", "^", "levels of nesting"],
        never=["RecursionError"],
    ),
    Case(
        "YAML nested too deep in a data file",
        {"_data/d.yml": "t:\n" + "".join(" " * i + "- \n" for i in range(1, 150))},
        1,
        says=["nested more than 100 levels deep", "_data/d.yml:101:", "^"],
        never=["RecursionError", "unicode string"],
    ),
    Case(
        "a YAML alias bomb in _config.yml",
        {"_config.yml": ALIAS_BOMB, "index.md": "x\n"},
        1,
        says=["expand to more than 1,000,000 values", "_config.yml:2:8", "use fewer aliases"],
    ),
    Case(
        "an invalid time: in a second --config file",
        {"_config.yml": "title: x\n", "second.yml": "title: y\ntime: notadate\n"},
        1,
        args=["--config", "{tmp}/src/_config.yml,{tmp}/src/second.yml"],
        says=["Invalid time 'notadate' in second.yml", "second.yml:2", "time: notadate"],
        never=["in _config.yml"],
    ),
    Case(
        "an invalid $JEKPY_SITE_TIME",
        {"index.md": "x\n"},
        1,
        env={"JEKPY_SITE_TIME": "garbage"},
        says=["Invalid time 'garbage' in the environment variable JEKPY_SITE_TIME"],
        never=["_config.yml"],
    ),
    Case(
        # Jekyll's one-line summary (its line counts from after the front matter; Jekyll's
        # own Cucumber features look for it), then jekpy's report once, at the file's line.
        "a Liquid error (Jekyll's summary once, then the report at the file's line)",
        {POST: "---\ntitle: x\n---\nline\n\n{{ 1 | divided_by: 0 }}\n"},
        1,
        says=[
            "Liquid Exception: Liquid error (line 3): divided by 0 in",
            "Liquid error: divided by 0",
            POST + ":6",
            "{{ 1 | divided_by: 0 }}",
        ],
        once=["Liquid Exception", "Liquid error: divided by 0", POST + ":6"],
    ),
    Case(
        "symlinks leaving the site",
        {
            "index.md": "x\n",
            "link.txt": ("symlink", "../outside/secret.txt"),
            "linkdir": ("symlink", "../outside/dir"),
            "_posts/2020-01-01-p.md": ("symlink", "../../outside/page.md"),
            "_data/x.yml": ("symlink", "../../outside/data.yml"),
        },
        0,
        outside={"secret.txt": "secret\n", "dir/f.txt": "secret\n",
                 "page.md": "---\n---\nsecret\n", "data.yml": "a: secret\n"},
        says=["Symlink skipped: link.txt points outside the site",
              "Symlink skipped: linkdir points", "Symlink skipped: _posts/2020-01-01-p.md",
              "Symlink skipped: _data/x.yml", "outside/secret.txt"],
        writes={"index.md": "x\n"},
        absent=["link.txt", "linkdir/f.txt", "2020/01/01/p.html"],
    ),
    Case(
        "a missing source folder",
        {},
        1,
        args=["-s", "{tmp}/nope"],
        says=["Source error: the site folder", "nope does not exist"],
    ),
    Case(
        "the source folder deleted while serving",
        {"index.md": "x\n"},
        1,
        serve_then_delete=True,
        says=["Source error: the source folder", "was deleted", "restore the folder"],
    ),
]


def make_site(case: Case, tmp: Path) -> Path:
    src = tmp / "src"
    src.mkdir(parents=True, exist_ok=True)
    for rel, content in case.outside.items():
        path = tmp / "outside" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    for rel, content in case.files.items():
        path = src / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, tuple):
            path.symlink_to(content[1])
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return src


def run_case(case: Case, tmp: Path) -> tuple[int, str]:
    """Exit code and everything printed (the serve case: the error the browser shows)."""
    src = make_site(case, tmp)
    out = tmp / "out"
    if case.serve_then_delete:
        return _serve_then_delete(src, out)
    args = ["build", "-s", str(src), "-d", str(out)]
    args += [a.replace("{tmp}", str(tmp)) for a in case.args]
    saved = {k: os.environ.get(k) for k in case.env}
    os.environ.update(case.env)
    try:
        result = CliRunner().invoke(main, args)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def _serve_then_delete(src: Path, out: Path) -> tuple[int, str]:
    log = Logger(out=io.StringIO(), err=io.StringIO())
    with PreviewServer(BuildOptions(src, out), port=0, log=log, debounce_ms=200, step_ms=20) as srv:
        src.rename(src.with_name("gone"))
        deadline = time.monotonic() + 10
        while srv.state.current().error is None and time.monotonic() < deadline:
            time.sleep(0.05)
        error = srv.state.current().error
    assert any("was deleted" in m for m in log.messages)  # the terminal is told too
    return (0 if error is None else 1), str(error or "")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input(case: Case, tmp_path: Path) -> None:
    code, text = run_case(case, tmp_path)
    out = tmp_path / "out"
    assert "Traceback" not in text
    assert code == case.exit_code, text
    for needle in case.says:
        assert needle in text, f"{needle!r} not in:\n{text}"
    for needle in case.once:
        assert text.count(needle) == 1, f"{needle!r} not said once in:\n{text}"
    for needle in case.never:
        assert needle not in text, f"{needle!r} in:\n{text}"
    for rel, expected in case.writes.items():
        assert (out / rel).read_text(encoding="utf-8") == expected
    for rel in case.absent:
        assert not (out / rel).exists()
    if case.exit_code == 1 and not case.serve_then_delete:
        assert not out.exists(), "a failed build must not write anything"
