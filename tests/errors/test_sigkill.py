"""A build killed with SIGKILL at random moments never leaves a truncated or mixed file.

Two reference builds of the same site differ in every output file (a config value
printed by the layout).  Each run starts a build of one variant over the output of
the other and kills it after a random delay; afterwards every output file must be
byte-identical to its old or its new version.  Temporary files of a killed build
(".jekpy-*.tmp") are not output files, and the next build removes them.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

RUNS = 50
POSTS = 40


def _make_site(src: Path) -> None:
    (src / "_layouts").mkdir(parents=True)
    (src / "_posts").mkdir()
    (src / "_layouts" / "default.html").write_text(
        "<html><!-- {{ site.variant }} -->{{ content }}{% for p in site.posts %}"
        "<a href='{{ p.url }}'>{{ p.title }} {{ site.variant }}</a>{% endfor %}</html>\n",
        encoding="utf-8",
    )
    body = "\n\n".join(f"Paragraph {i} with *emphasis* and `code`." for i in range(30))
    for i in range(POSTS):
        (src / "_posts" / f"2020-01-{i % 28 + 1:02d}-post-{i}.md").write_text(
            f"---\nlayout: default\ntitle: Post {i}\n---\n{body}\n", encoding="utf-8"
        )
    (src / "_cfg").mkdir()
    (src / "_cfg" / "a.yml").write_text("variant: AAAA\n", encoding="utf-8")
    (src / "_cfg" / "b.yml").write_text("variant: BBBBBBBB\n", encoding="utf-8")


def _build_cmd(src: Path, dest: Path, variant: str) -> list[str]:
    return [
        sys.executable, "-m", "jekpy", "build", "-q", "-s", str(src), "-d", str(dest),
        "--config", str(src / "_cfg" / f"{variant}.yml"),
    ]


def _snapshot(dest: Path) -> dict[str, bytes]:
    return {
        p.relative_to(dest).as_posix(): p.read_bytes()
        for p in dest.rglob("*")
        if p.is_file() and not p.name.startswith(".jekpy-")
    }


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")
def test_sigkill_never_truncates(tmp_path: Path) -> None:
    src = tmp_path / "src"
    _make_site(src)
    refs = {}
    for variant in ("a", "b"):
        ref = tmp_path / f"ref-{variant}"
        started = time.perf_counter()
        subprocess.run(_build_cmd(src, ref, variant), check=True)
        refs[variant] = (_snapshot(ref), time.perf_counter() - started)
    assert set(refs["a"][0]) == set(refs["b"][0])
    assert all(refs["a"][0][k] != refs["b"][0][k] for k in refs["a"][0])
    longest = max(refs["a"][1], refs["b"][1])

    dest = tmp_path / "out"
    subprocess.run(_build_cmd(src, dest, "a"), check=True)
    rng = random.Random(1234)
    killed = 0
    for run in range(RUNS):
        variant = "b" if run % 2 == 0 else "a"
        proc = subprocess.Popen(_build_cmd(src, dest, variant))
        time.sleep(rng.uniform(0, longest * 1.1))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            killed += 1
        proc.wait()
        for rel, data in _snapshot(dest).items():
            assert data in (refs["a"][0][rel], refs["b"][0][rel]), f"run {run}: {rel} is mixed"
    assert killed >= RUNS // 3, f"only {killed} of {RUNS} builds were killed mid-way"
    subprocess.run(_build_cmd(src, dest, "a"), check=True)
    assert _snapshot(dest) == refs["a"][0]
    assert not list(dest.rglob(".jekpy-*")), "temporary files left behind"
