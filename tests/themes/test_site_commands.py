"""``jekpy new``, ``clean`` and ``doctor``."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from jekpy.cli.main import main

pytestmark = pytest.mark.usefixtures("utc")


def run(args: list[str], cwd: Path) -> tuple[int, str]:
    old = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, args)
    finally:
        os.chdir(old)
    return result.exit_code, result.output


def write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


# -- new --------------------------------------------------------------------------------
def test_new_site_builds_offline_with_its_own_layouts(isolated: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JEKPY_OFFLINE", "1")
    code, out = run(["new", "blog"], isolated)
    assert code == 0, out
    blog = isolated / "blog"
    assert "New jekpy site installed in" in out
    assert "theme:" not in (blog / "_config.yml").read_text()  # no gem needed
    assert (blog / "_layouts" / "post.html").is_file()
    code, out = run(["build"], blog)
    assert code == 0, out
    site = blog / "_site"
    post = next(site.rglob("welcome.html"))
    html = post.read_text()
    assert "<article class=\"post\">" in html and 'class="highlight"' in html
    assert (site / "feed.xml").is_file() and (site / "about" / "index.html").is_file()
    assert "Welcome to your new site" in (site / "index.html").read_text()


def test_new_refuses_a_non_empty_folder_unless_forced(isolated: Path) -> None:
    (isolated / "busy").mkdir()
    (isolated / "busy" / "keep.txt").write_text("mine")
    code, out = run(["new", "busy"], isolated)
    assert code == 1 and "exists and is not empty" in out and "--force" in out
    code, out = run(["new", "busy", "--force"], isolated)
    assert code == 0, out
    assert (isolated / "busy" / "keep.txt").read_text() == "mine"


def test_new_blank_builds(isolated: Path) -> None:
    code, out = run(["new", "empty", "--blank"], isolated)
    assert code == 0, out
    code, out = run(["build"], isolated / "empty")
    assert code == 0, out
    assert "body" in (isolated / "empty" / "_site" / "assets" / "css" / "main.css").read_text()
    assert "<title>Home | Empty</title>" in (isolated / "empty" / "_site" / "index.html").read_text()


@pytest.mark.skipif(shutil.which("jekyll") is None, reason="real Jekyll is not installed")
@pytest.mark.parametrize("blank", [False, True])
def test_new_site_builds_the_same_in_jekyll(isolated: Path, blank: bool) -> None:
    args = ["new", "s", "--blank"] if blank else ["new", "s"]
    assert run(args, isolated)[0] == 0
    site = isolated / "s"
    with open(site / "_config.yml", "a", encoding="utf-8") as fh:
        fh.write("time: 2024-05-06 07:08:09 +0000\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GEM_", "BUNDLE_"))}
    subprocess.run(["jekyll", "build", "-q", "-d", str(isolated / "j")], cwd=site, env=env,
                   check=True, capture_output=True, timeout=300)
    code, out = run(["build", "-q", "-d", str(isolated / "p")], site)
    assert code == 0, out
    ours = sorted(p.relative_to(isolated / "p") for p in (isolated / "p").rglob("*"))
    theirs = sorted(p.relative_to(isolated / "j") for p in (isolated / "j").rglob("*"))
    assert ours == theirs
    for rel in ours:
        if (isolated / "j" / rel).is_file():
            assert (isolated / "p" / rel).read_bytes() == (isolated / "j" / rel).read_bytes(), rel


# -- clean ------------------------------------------------------------------------------
def test_clean_removes_output_metadata_and_caches(isolated: Path) -> None:
    site = write(isolated / "site", {"_config.yml": "title: x\n", "index.md": "# hi\n"})
    assert run(["build"], site)[0] == 0
    (site / ".jekyll-metadata").write_text("x")
    (site / ".sass-cache").mkdir()
    assert (site / "_site").is_dir() and (site / ".jekyll-cache").is_dir()
    code, out = run(["clean"], site)
    assert code == 0, out
    for name in ("_site", ".jekyll-metadata", ".jekyll-cache", ".sass-cache"):
        assert not (site / name).exists(), name
    assert "Removing" in out
    assert (site / "index.md").is_file()
    code, out = run(["clean"], site)
    assert code == 0 and "Nothing to do for" in out


def test_clean_follows_destination_and_cache_dir_settings(isolated: Path) -> None:
    site = write(isolated / "site", {"_config.yml": "destination: out\ncache_dir: .c\n",
                                     "index.md": "# hi\n"})
    assert run(["build"], site)[0] == 0
    assert (site / "out").is_dir() and (site / ".c").is_dir()
    assert run(["clean"], site)[0] == 0
    assert not (site / "out").exists() and not (site / ".c").exists()


def test_clean_never_removes_the_source(isolated: Path) -> None:
    site = write(isolated / "site", {"index.md": "# hi\n"})
    code, out = run(["clean", "-d", str(isolated)], site)
    assert code == 1 and "refusing" in out
    assert (site / "index.md").is_file()


# -- doctor -----------------------------------------------------------------------------
DOCTOR_SITES: dict[str, dict[str, str]] = {
    "healthy": {"_config.yml": "url: https://example.org\n", "index.md": "# hi\n"},
    "conflict": {
        "_config.yml": "url: https://example.org\n",
        "a.md": "---\npermalink: /same/\n---\nA\n",
        "b.md": "---\npermalink: /same/\n---\nB\n",
    },
    "case": {
        "_config.yml": "url: https://example.org\n",
        "About.md": "---\n---\nA\n",
        "about.md": "---\n---\nB\n",
    },
    "relative-permalinks": {
        "_config.yml": "url: https://example.org\nrelative_permalinks: true\n",
        "index.md": "# hi\n",
    },
    "no-url": {"_config.yml": "title: x\n", "index.md": "# hi\n"},
    "relative-url": {"_config.yml": "url: example.org\n", "index.md": "# hi\n"},
    "posts-outside": {
        "_config.yml": "url: https://example.org\ncollections_dir: coll\n",
        "_posts/2024-01-01-a.md": "---\n---\nA\n",
        "coll/_posts/2024-01-02-b.md": "---\n---\nB\n",
    },
}

EXPECT = {
    "healthy": (0, "Everything looks fine."),
    "conflict": (1, "The following destination is shared by multiple files."),
    "case": (1, "The following URLs only differ by case."),
    "relative-permalinks": (1, "relative permalinks"),
    "no-url": (1, "You didn't set an URL in the config file"),
    "relative-url": (1, "Your site URL does not seem to be absolute"),
    "posts-outside": (1, "Detected '_posts' directory outside custom `collections_dir`!"),
}


@pytest.mark.parametrize("name", sorted(DOCTOR_SITES))
def test_doctor_checks(isolated: Path, name: str) -> None:
    site = write(isolated / name, DOCTOR_SITES[name])
    code, out = run(["doctor"], site)
    want_code, want_text = EXPECT[name]
    assert code == want_code, out
    assert want_text in out
    assert "Traceback" not in out


def _warnings(text: str) -> list[str]:
    keep = []
    for line in text.splitlines():
        line = re.sub(r"\x1b\[[0-9;]*m", "", line).strip()
        if line and not line.startswith(("Configuration file:", "Jekyll Feed:")):
            keep.append(re.sub(r"\s+", " ", line))
    return keep


@pytest.mark.skipif(shutil.which("jekyll") is None, reason="real Jekyll is not installed")
@pytest.mark.parametrize("name", sorted(DOCTOR_SITES))
def test_doctor_agrees_with_jekyll(isolated: Path, name: str) -> None:
    site = write(isolated / name, DOCTOR_SITES[name])
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GEM_", "BUNDLE_"))}
    real = subprocess.run(["jekyll", "doctor"], cwd=site, env=env, capture_output=True,
                          text=True, timeout=300)
    code, out = run(["doctor"], site)
    assert code == real.returncode, (out, real.stdout, real.stderr)
    assert _warnings(out) == _warnings(real.stdout + real.stderr)
