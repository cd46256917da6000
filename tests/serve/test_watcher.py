"""Which source changes start a rebuild (``jekpy.serve.watcher.SourceFilter``)."""

from __future__ import annotations

from pathlib import Path

from watchfiles import Change

from jekpy.config import load_config
from jekpy.serve.watcher import SourceFilter


def test_filter_on_the_example_blog(site: Path) -> None:
    cfg = load_config(site)
    flt = SourceFilter(site.resolve())
    flt.update(cfg)
    src = site.resolve()

    def watched(rel: str) -> bool:
        return flt(Change.modified, str(src / rel))

    assert watched("_drafts/a-draft-in-progress.md")
    assert watched("posts/2024-05-10-drafts-and-publishing-rules.md")
    assert watched("_config.yml")
    assert watched("index.html")
    # `exclude: [layouts]` keeps layouts out of the output, not out of the build.
    assert watched("layouts/default.html")
    assert watched("layouts/_includes/note.html")
    assert not watched("_site/index.html")  # the destination
    assert not watched("_site/2026/x/.jekpy-abc.tmp")
    assert not watched("src/jekpy/serve/server.py")  # excluded by the config
    assert not watched("tests/serve/test_watcher.py")
    assert not watched(".ruff_cache/0.6/.tmpXYZ")
    assert not watched(".jekyll-cache/Jekyll/Cache/x")
    assert not watched(".git/index")
    assert not watched("_drafts/.a-draft-in-progress.md.swp")
    assert not watched("_drafts/a-draft-in-progress.md~")
    assert watched(".htaccess")  # Jekyll's default `include`


def test_filter_follows_a_custom_destination(site: Path, tmp_path: Path) -> None:
    out = tmp_path / "elsewhere"
    cfg = load_config(site, overrides={"destination": str(out)})
    flt = SourceFilter(site.resolve())
    flt.update(cfg)
    assert not flt(Change.added, str(out / "index.html"))
    assert flt(Change.added, str(site.resolve() / "_site" / "index.html"))
