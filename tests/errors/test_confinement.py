"""Nothing escapes the site: includes, layouts, data and output paths stay inside
their folders in every mode (not only --safe), and hostile templates stop in
bounded time with a clear error."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from jekpy.cli.main import main

POST = "_posts/2020-01-01-a.md"


def build(src: Path, out: Path, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["build", "-s", str(src), "-d", str(out), *extra])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def build_bounded(src: Path, out: Path, seconds: int = 60) -> tuple[int, str]:
    """Build in a child process capped at 2 GiB of memory and ``seconds`` of time."""

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    try:
        proc = subprocess.run(
            [sys.executable, "-m", "jekpy", "build", "-s", str(src), "-d", str(out)],
            capture_output=True,
            text=True,
            timeout=seconds,
            preexec_fn=cap,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"the build did not stop within {seconds} s")
    output = proc.stdout + proc.stderr
    assert "Traceback" not in output, output[-2000:]
    return proc.returncode, output


def make(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text("TOP-SECRET", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "tag",
    [
        "{% include ../../secret.txt %}",
        "{% include /etc/passwd %}",
        "{% include {{ page.evil }} %}",
        "{% include_relative ../../secret.txt %}",
        "{% include_relative /etc/passwd %}",
    ],
)
def test_include_cannot_escape(tmp_path: Path, secret: Path, tag: str) -> None:
    src = make(
        tmp_path / "site",
        {POST: f"---\nevil: ../../secret.txt\n---\n{tag}\n", "_includes/ok.html": "ok"},
    )
    code, output = build(src, tmp_path / "out")
    assert code == 1, output
    assert "TOP-SECRET" not in output
    assert not (tmp_path / "out").exists()


def test_include_symlink_out_of_includes_dir(tmp_path: Path, secret: Path) -> None:
    src = make(tmp_path / "site", {POST: "---\n---\n{% include leak.html %}\n"})
    (src / "_includes").mkdir()
    os.symlink(secret, src / "_includes" / "leak.html")
    code, output = build(src, tmp_path / "out")
    assert code == 1, output
    assert "TOP-SECRET" not in output


def test_includes_evil_sibling_dir_is_not_inside(tmp_path: Path) -> None:
    # Jekyll's safe-mode check is a string prefix test that `_includes_evil` passes.
    src = make(
        tmp_path / "site",
        {POST: "---\n---\n{% include ../_includes_evil/x.html %}\n", "_includes_evil/x.html": "EVIL"},
    )
    code, output = build(src, tmp_path / "out")
    assert code == 1
    assert "EVIL" not in output


def test_layout_and_data_symlinks_out_of_site_are_ignored(tmp_path: Path, secret: Path) -> None:
    src = make(
        tmp_path / "site",
        {POST: "---\nlayout: leak\n---\n[{{ site.data.leak }}]\n"},
    )
    (src / "_layouts").mkdir()
    (src / "_data").mkdir()
    os.symlink(secret, src / "_layouts" / "leak.html")
    (tmp_path / "leak.yml").write_text("TOP-SECRET-DATA", encoding="utf-8")
    os.symlink(tmp_path / "leak.yml", src / "_data" / "leak.yml")
    os.symlink(secret, src / "linked.txt")
    code, output = build(src, tmp_path / "out")
    assert code == 0, output
    written = "".join(p.read_text() for p in (tmp_path / "out").rglob("*") if p.is_file())
    assert "TOP-SECRET" not in written


@pytest.mark.parametrize("permalink", ["/../../escape.html", "../../../escape/", "/a/../../../x.html"])
def test_permalinks_stay_inside_destination(tmp_path: Path, permalink: str) -> None:
    src = make(tmp_path / "site", {"page.md": f"---\npermalink: {permalink}\n---\nhi\n"})
    out = tmp_path / "deep" / "out"
    code, output = build(src, out)
    assert code == 0, output
    assert not (tmp_path / "escape.html").exists()
    assert not (tmp_path / "deep" / "escape.html").exists()
    assert not (tmp_path / "x.html").exists()
    files = [p for p in out.rglob("*") if p.is_file()]
    assert len(files) == 1 and out in files[0].parents


@pytest.mark.parametrize(
    "body",
    [
        "{% for i in (1..100000000) %}x{% endfor %}",
        "{% for a in (1..10000) %}{% for b in (1..10000) %}x{% endfor %}{% endfor %}",
        "{% assign s = 'xxxxxxxxxx' %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s }}",
    ],
    ids=["long loop", "nested loops", "doubling string"],
)
def test_runaway_liquid_stops_with_an_error(tmp_path: Path, body: str) -> None:
    src = make(tmp_path / "site", {POST: f"---\n---\n{body}\n"})
    started = time.monotonic()
    code, output = build_bounded(src, tmp_path / "out")
    assert time.monotonic() - started < 30
    assert code == 1, output[-500:]
    assert POST in output


def test_deep_markdown_nesting_is_bounded(tmp_path: Path) -> None:
    body = "> " * 5000 + "deep\n\n" + "- " * 3000 + "list\n\n" + "[" * 20000 + "\n"
    src = make(tmp_path / "site", {POST: f"---\n---\n{body}"})
    started = time.monotonic()
    code, output = build_bounded(src, tmp_path / "out")
    assert time.monotonic() - started < 30
    assert code in (0, 1), output[-500:]
    assert "RecursionError" not in output
