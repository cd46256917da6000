"""``jekpy build`` talks as ``jekyll build`` does (the lines Jekyll's own
Cucumber scenarios and users look for).  Expected texts were taken from runs of
real Jekyll 4.3.1 on the same inputs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def make(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TZ": "UTC"}
    env.pop("JEKYLL_ENV", None)
    return subprocess.run(
        [sys.executable, "-m", "jekpy", "build", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_start_and_end_lines(tmp_path: Path) -> None:
    site = make(tmp_path, {"index.md": "---\n---\nhi\n"})
    proc = run(site)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == [
        f"            Source: {site}",
        f"       Destination: {site}/_site",
        " Incremental build: disabled. Enable with --incremental",
        "      Generating... ",
        proc.stdout.splitlines()[4],
        " Auto-regeneration: disabled. Use --watch to enable.",
    ]
    assert proc.stdout.splitlines()[4].startswith("                    done in ")
    assert proc.stderr == "Configuration file: none\n"
    assert (site / ".jekyll-cache" / ".gitignore").read_text() == (
        "# ignore everything in this directory\n*\n"
    )


def test_source_from_config_and_destination_from_cwd(tmp_path: Path) -> None:
    make(tmp_path, {"_config.yml": "source: src\n", "src/index.html": "---\n---\nin src\n"})
    proc = run(tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "_site" / "index.html").read_text() == "in src\n"
    assert f"Configuration file: {tmp_path}/_config.yml" in proc.stdout


def test_liquid_exception_names_the_file(tmp_path: Path) -> None:
    site = make(tmp_path, {"index.md": "---\n---\n{{ 1 | divided_by: 0 }}\n"})
    proc = run(site)
    assert proc.returncode == 1
    # One report: Jekyll's summary line (Jekyll's own features look for it), then
    # where, with the same line number (counted after the front matter, as it says)
    assert proc.stderr.count(
        "Liquid Exception: Liquid error (line 1): divided by 0 in index.md\n"
        "  -> index.md, line 1 after the front matter\n"
        "  |\n"
        "1 | {{ 1 | divided_by: 0 }}\n"
    ) == 1, proc.stderr
    assert proc.stderr.count("divided by 0") == 1, proc.stderr
    assert "Traceback" not in proc.stderr


def test_conflict_warning(tmp_path: Path) -> None:
    site = make(
        tmp_path,
        {
            "a.html": "---\npermalink: /same.html\n---\na\n",
            "b.html": "---\npermalink: /same.html\n---\nb\n",
        },
    )
    proc = run(site)
    assert proc.returncode == 0
    assert proc.stderr.splitlines()[1:] == [
        "          Conflict: The following destination is shared by multiple files.",
        "                    The written file may end up with unexpected contents.",
        f"                    {site}/_site/same.html",
        "                     - a.html",
        "                     - b.html",
        "                    ",
    ]


def test_profile_and_incremental(tmp_path: Path) -> None:
    site = make(tmp_path, {"index.html": "---\n---\n{{ 'x' }}\n"})
    proc = run(site, "--profile", "-I")
    assert proc.returncode == 0, proc.stderr
    assert "Build Process Summary:" in proc.stdout
    assert "| PHASE      |   TIME |" in proc.stdout
    assert "| index.html          |     1 | 0.00K |" in proc.stdout
    assert " Incremental build: enabled" in proc.stdout
    assert (site / ".jekyll-metadata").is_file()
    proc = run(site)
    assert not (site / ".jekyll-metadata").exists()


def test_verbose_rendering_lines(tmp_path: Path) -> None:
    site = make(tmp_path, {"index.md": "---\n---\nhi\n"})
    proc = run(site, "--verbose")
    assert "         Rendering: index.md\n" in proc.stdout
    assert "           Writing: " in proc.stdout
    quiet = run(site, "--quiet")
    assert quiet.stdout == ""
