"""The repository's example blog against real Jekyll's output.

The expected files in tests/golden/example-blog/expected/ were produced by
`scripts/regen_golden.sh`, which lays out this repository's own posts and layouts
as a Jekyll site and runs Debian's Jekyll 4.3.1 on it (`jekyll build --unpublished`,
TZ=UTC, JEKYLL_ENV=production): `full/` with the real layouts, `content-only/` with
every layout replaced by `{{ content }}`.  They are never edited by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import jekpy
from jekpy.cli.main import main

REPO = Path(__file__).resolve().parent.parent
EXPECTED = REPO / "tests" / "golden" / "example-blog" / "expected"
SEED = REPO / "posts" / "2015-11-17-tensorflow-lightning-talk.md"
SEED_URL = "ai/2015/11/17/tensorflow-lightning-talk.html"
POSTS = {
    "2015-11-17-tensorflow-lightning-talk.md": SEED_URL,
    "2024-03-02-rendering-a-jekyll-post-in-python.md": (
        "tools/2024/03/02/rendering-a-jekyll-post-in-python.html"
    ),
    "2024-05-10-drafts-and-publishing-rules.md": (
        "tools/jekyll/2024/05/10/drafts-and-publishing-rules.html"
    ),
}


def test_seed_post_is_the_given_example() -> None:
    text = SEED.read_text(encoding="utf-8")
    assert "published: false" in text
    assert text.startswith("---\ndate: 2015-11-17\ntitle: TensorFlow Lightning Talk\n")


def test_render_unpublished_seed_exits_1_with_reason() -> None:
    result = CliRunner().invoke(main, ["render", str(SEED)])
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0, result.output
    assert "published: false" in result.output
    assert "--unpublished" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("name,url", sorted(POSTS.items()))
def test_content_only_matches_jekyll(name: str, url: str) -> None:
    html = jekpy.render_post(REPO / "posts" / name, unpublished=True, content_only=True)
    assert html == (EXPECTED / "content-only" / url).read_text(encoding="utf-8")


@pytest.mark.parametrize("name,url", sorted(POSTS.items()))
def test_full_page_matches_jekyll(name: str, url: str) -> None:
    html = jekpy.render_post(REPO / "posts" / name, unpublished=True)
    assert html == (EXPECTED / "full" / url).read_text(encoding="utf-8")


def test_cli_render_unpublished_prints_full_page() -> None:
    result = CliRunner().invoke(main, ["render", "--unpublished", str(SEED)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("<!DOCTYPE html>")
    assert "<h1 class=\"post-title\">TensorFlow Lightning Talk</h1>" in result.output


def test_build_matches_jekyll(tmp_path: Path) -> None:
    dest = tmp_path / "site"
    jekpy.build(REPO, dest, unpublished=True, log=jekpy.log.Logger(level="error"))
    written = sorted(p.relative_to(dest).as_posix() for p in dest.rglob("*") if p.is_file())
    expected = sorted(
        p.relative_to(EXPECTED / "full").as_posix()
        for p in (EXPECTED / "full").rglob("*")
        if p.is_file()
    )
    assert written == expected
    for rel in expected:
        assert (dest / rel).read_bytes() == (EXPECTED / "full" / rel).read_bytes(), rel


def test_default_build_hides_unpublished_and_drafts(tmp_path: Path) -> None:
    dest = tmp_path / "site"
    jekpy.build(REPO, dest, log=jekpy.log.Logger(level="error"))
    assert not (dest / SEED_URL).exists()
    assert "TensorFlow" not in (dest / "index.html").read_text(encoding="utf-8")
    assert not any("draft-in-progress" in p.name for p in dest.rglob("*"))
