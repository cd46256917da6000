"""The bad-input table of docs/errors.md: every row builds a small site and checks
the exit code, the message (file, line, what, how to fix), that no traceback is
printed, and what reaches the output folder.

What Jekyll does for each row was observed by running Debian's Jekyll 4.3.1 on the
same inputs (recorded in docs/errors.md): where Jekyll stops, jekpy stops (exit 1);
where Jekyll warns and goes on, jekpy warns and goes on.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import io
import json
import os
import sys
import tarfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from jekpy.cli.main import main
from jekpy.log import Logger
from jekpy.options import BuildOptions
from jekpy.serve.server import PreviewServer

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "themes"))
from themes_helpers import gem_bytes, tar_bytes  # noqa: E402

POST = "_posts/2020-01-01-a.md"

#: Nine levels of nine aliases: 9**9 (387 million) strings once expanded.
ALIAS_BOMB = "a: &a [" + ",".join(['"lol"'] * 9) + "]\n" + "".join(
    f"{b}: &{b} [" + ",".join([f"*{a}"] * 9) + "]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True)
)

THEME = [("_layouts/default.html", b"<html><body>{{ content }}</body></html>\n")]


def _link(name: str, target: str) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type = tarfile.SYMTYPE
    info.linkname = target
    return info


def _oversized_member() -> bytes:
    """A data.tar.gz whose one member declares 65 MiB (over the 64 MiB limit per file);
    only its header is sent, so the limit must be checked before reading."""
    info = tarfile.TarInfo("assets/huge.bin")
    info.size = 65 * 1024 * 1024
    return gzip.compress(info.tobuf(format=tarfile.GNU_FORMAT))


def registry(name: str, version: str, data_tar_gz: bytes, sha: str | None = None) -> dict[str, bytes]:
    """What RubyGems.org would serve for one gem version (its versions API and /downloads/)."""
    gem = gem_bytes(name, version, data_tar_gz)
    entry = {"number": version, "platform": "ruby", "prerelease": False,
             "sha": sha or hashlib.sha256(gem).hexdigest()}
    return {f"/api/v1/versions/{name}.json": json.dumps([entry]).encode(),
            f"/downloads/{name}-{version}.gem": gem}


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
    #: Run ``jekpy COMMAND...`` instead of ``build`` ({src}, {tmp} replaced).
    command: list[str] = field(default_factory=list)
    #: Served on 127.0.0.1 while the case runs ({server} in ``env`` is its URL).
    served: dict[str, bytes] = field(default_factory=dict)
    #: Theme folders that must exist in the case's cache afterwards (none when empty).
    installed: list[str] = field(default_factory=list)


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
        says=["Liquid Exception: Could not locate the included file 'missing.html'",
              POST + ", line 2 after the front matter", "2 | {% include missing.html %}",
              "hint: create the file in _includes/"],
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
        says=["Liquid Exception: Liquid syntax error (line 2): Unknown tag 'nosuch' in",
              POST + ", line 2 after the front matter", "2 | {% nosuch %}"],
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
        says=["Liquid Exception: Liquid syntax error (line 2): Syntax Error in tag 'if'",
              POST + ", line 2 after the front matter", "2 | {% if %}"],
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
        # One report, printed once, with one line number: Jekyll's (its own features
        # look for it), counted after the front matter, and the report says so.
        "a Liquid error (one report, one line number)",
        {POST: "---\ntitle: x\n---\nline\n\n{{ 1 | divided_by: 0 }}\n"},
        1,
        says=[
            "Liquid Exception: Liquid error (line 3): divided by 0 in",
            "-> " + POST + ", line 3 after the front matter",
            "3 | {{ 1 | divided_by: 0 }}",
            "hint: the divisor is 0",
        ],
        once=["Liquid Exception", "divided by 0 in", "after the front matter", "hint:"],
        never=["line 6", ":6", "6 |", "Liquid error: divided"],  # the line in the file
    ),
    Case(
        "a Liquid error in an include (the include's line, the includer's after its front matter)",
        {"index.md": "---\ntitle: x\n---\nx\n{% include inc.html %}\n",
         "_includes/inc.html": "a\n{{ 1 | divided_by: 0 }}\n"},
        1,
        says=[
            "Liquid Exception: Liquid error (",
            "_includes/inc.html line 2): divided by 0 included in index.md",
            "-> _includes/inc.html:2",
            "2 | {{ 1 | divided_by: 0 }}",
            "included from index.md line 2 after the front matter ({% include inc.html %})",
        ],
        once=["Liquid Exception", "divided by 0"],
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
        "a theme that is not installed",
        {"_config.yml": "theme: jekyll-theme-nosuch\n", "index.md": "x\n"},
        1,
        says=["The jekyll-theme-nosuch theme could not be found.", "_config.yml",
              "jekpy theme install jekyll-theme-nosuch"],
    ),
    Case(
        "theme install: a gem the registry does not know (HTTP 404)",
        {},
        1,
        command=["theme", "install", "nosuch-theme"],
        env={"JEKPY_RUBYGEMS_URL": "{server}"},
        says=["RubyGems.org has no gem named nosuch-theme", "HTTP 404", "check the spelling"],
    ),
    Case(
        "theme install: the registry cannot be reached",
        {},
        1,
        command=["theme", "install", "demo-theme"],
        env={"JEKPY_RUBYGEMS_URL": "http://127.0.0.1:9"},
        says=["cannot download the version list of demo-theme", "Connection refused",
              "check the network connection"],
    ),
    Case(
        "theme install: a download that does not match its checksum",
        {},
        1,
        command=["theme", "install", "demo-theme"],
        env={"JEKPY_RUBYGEMS_URL": "{server}"},
        served=registry("demo-theme", "1.0.0", tar_bytes(THEME), sha="0" * 64),
        says=["demo-theme-1.0.0.gem does not match its published checksum",
              "RubyGems.org says " + "0" * 64, "nothing was installed"],
    ),
    Case(
        "theme install: an archive member climbing out with '..'",
        {},
        1,
        command=["theme", "install", "demo-theme"],
        env={"JEKPY_RUBYGEMS_URL": "{server}"},
        served=registry("demo-theme", "1.0.0", tar_bytes([*THEME, ("../../escape.txt", b"x")])),
        says=["climbs out of its folder with '..': '../../escape.txt'", "nothing was installed"],
    ),
    Case(
        "theme install: an archive member with an absolute path",
        {},
        1,
        command=["theme", "install", "demo-theme"],
        env={"JEKPY_RUBYGEMS_URL": "{server}"},
        served=registry("demo-theme", "1.0.0", tar_bytes([*THEME, ("/tmp/abs.txt", b"x")])),
        says=["holds a member with an absolute path '/tmp/abs.txt'", "nothing was installed"],
    ),
    Case(
        "theme install: links in the archive (skipped, the rest installed)",
        {},
        0,
        command=["theme", "install", "demo-theme"],
        env={"JEKPY_RUBYGEMS_URL": "{server}"},
        served=registry("demo-theme", "1.0.0",
                        tar_bytes([*THEME, _link("_includes/passwd.html", "/etc/passwd")])),
        says=["skipped link '_includes/passwd.html'", "demo-theme 1.0.0:"],
        installed=["gems/demo-theme-1.0.0/_layouts/default.html"],
    ),
    Case(
        "theme install: an archive member over the size limit",
        {},
        1,
        command=["theme", "install", "demo-theme"],
        env={"JEKPY_RUBYGEMS_URL": "{server}"},
        served=registry("demo-theme", "1.0.0", _oversized_member()),
        says=["member 'assets/huge.bin' is larger than 67108864 bytes", "too big for a theme"],
    ),
    Case(
        "remote_theme offline with no cached copy",
        {"_config.yml": "remote_theme: owner/theme@v1\n", "index.md": "x\n"},
        1,
        env={"JEKPY_OFFLINE": "1"},
        says=["remote_theme owner/theme@v1 is not in the cache", "downloads are off",
              "_config.yml", "unset JEKPY_OFFLINE"],
    ),
    Case(
        "remote_theme neither cached nor downloadable",
        {"_config.yml": "remote_theme: owner/missing@main\n", "index.md": "x\n"},
        1,
        env={"JEKPY_CODELOAD_URL": "{server}"},
        says=["remote_theme owner/missing@main is not cached and cannot be downloaded",
              "HTTP 404", "check the name and the ref"],
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
    args = case.command or ["build", "-s", "{src}", "-d", "{out}"]
    args = [a.replace("{src}", str(src)).replace("{out}", str(out)) for a in args]
    args += [a.replace("{tmp}", str(tmp)) for a in case.args]
    # A private theme cache, and no real registry or GitHub (the discard port refuses).
    env = {"JEKPY_CACHE_DIR": str(tmp / "cache"), "JEKPY_OFFLINE": "",
           "JEKPY_RUBYGEMS_URL": "http://127.0.0.1:9", "JEKPY_CODELOAD_URL": "http://127.0.0.1:9"}
    with _serving(case.served) as base:
        env.update({k: v.replace("{server}", base) for k, v in case.env.items()})
        saved = {k: os.environ.get(k) for k in env}
        os.environ.update(env)
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


@contextlib.contextmanager
def _serving(files: dict[str, bytes]) -> Iterator[str]:
    """Serve ``files`` (path -> body, 404 otherwise) on 127.0.0.1; yield the base URL."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            body = files.get(self.path)
            self.send_response(404 if body is None else 200)
            self.send_header("Content-Length", str(len(body or b"")))
            self.end_headers()
            self.wfile.write(body or b"")

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            del format, args

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)


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
    themes = tmp_path / "cache" / "themes"
    found = {p.relative_to(themes).as_posix() for p in themes.rglob("*")} if themes.is_dir() else set()
    for rel in case.installed:
        assert rel in found, f"{rel} not installed: {sorted(found)}"
    if not case.installed:
        assert not {f for f in found if f.startswith(("gems/", "remote/"))}, sorted(found)
    assert not list(tmp_path.rglob("escape.txt")) and not Path("/tmp/abs.txt").exists()


def test_liquid_report_survives_a_process_pool() -> None:
    """A parallel build hands errors back pickled: the report must not change."""
    import pickle

    from jekpy.errors import IncludeError, TemplateError

    for err in (
        TemplateError("Liquid error (line 2): boom", path="a.md", line=5,
                      source_line="{{ x }}", hint="h").located("a.md", 3),
        IncludeError("Could not locate the included file 'x'", path="b.md", line=1),
    ):
        copy = pickle.loads(pickle.dumps(err))
        assert type(copy) is type(err) and str(copy) == str(err)
        assert copy.line == err.line and copy.display_line == err.display_line
    located = TemplateError("e", path="a.md", line=5, source_line="{{ x }}").located("a.md", 3)
    assert "a.md, line 2 after the front matter" in str(located)
    assert located.line == 5  # the attribute stays the line in the file, for tools
