"""Incremental rebuilds write exactly what a full build writes, after every kind of
edit: a post body, its front matter, a layout, an include, data, a new post, a
deleted post, and templates that read other posts' content or excerpts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import jekpy
from jekpy.log import Logger

QUIET = Logger(level="error")

FILES = {
    "_config.yml": "title: Inc\n",
    "_layouts/default.html": "<title>{{ page.title }}</title>{% include nav.html %}{{ content }}\n",
    "_layouts/post.html": (
        "---\nlayout: default\n---\n<article>{{ content }}</article>"
        "{% if page.previous %}<a>{{ page.previous.title }}</a>{% endif %}"
        "<p>{{ site.data.meta.footer }}</p>\n"
    ),
    "_includes/nav.html": "<nav>{{ site.title }}</nav>",
    "_data/meta.yml": "footer: v1\n",
    "index.html": (
        "---\nlayout: default\ntitle: Home\n---\n"
        "{% for p in site.posts %}<li>{{ p.title }}: {{ p.excerpt | strip_html }}</li>{% endfor %}\n"
    ),
    "latest.html": "---\n---\n{{ site.posts.first.content }}\n",
    "about.md": "---\nlayout: default\ntitle: About\n---\nJust *text*.\n",
}
for i in range(6):
    FILES[f"_posts/2020-01-0{i + 1}-p{i}.md"] = (
        f"---\nlayout: post\ntitle: Post {i}\n---\nFirst para {i}.\n\nSecond para.\n"
    )


def _write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _outputs(dest: Path) -> dict[str, bytes]:
    return {p.relative_to(dest).as_posix(): p.read_bytes() for p in dest.rglob("*") if p.is_file()}


def _edit(path: str, text: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        _write(root, {path: text})

    return apply


def _delete(path: str) -> Callable[[Path], None]:
    return lambda root: (root / path).unlink()


EDITS = {
    "post body": _edit("_posts/2020-01-03-p2.md", "---\nlayout: post\ntitle: Post 2\n---\nEdited body.\n"),
    "newest post body": _edit("_posts/2020-01-06-p5.md", "---\nlayout: post\ntitle: Post 5\n---\nNew *first*.\n"),
    "post title": _edit("_posts/2020-01-02-p1.md", "---\nlayout: post\ntitle: Renamed\n---\nFirst para 1.\n"),
    "layout": _edit("_layouts/post.html", "---\nlayout: default\n---\n<main>{{ content }}</main>\n"),
    "include": _edit("_includes/nav.html", "<nav>NEW {{ site.title }}</nav>"),
    "data": _edit("_data/meta.yml", "footer: v2\n"),
    "page": _edit("about.md", "---\nlayout: default\ntitle: About\n---\nChanged.\n"),
    "new post": _edit("_posts/2020-02-01-new.md", "---\nlayout: post\ntitle: New\n---\nHello.\n"),
    "deleted post": _delete("_posts/2020-01-04-p3.md"),
    "config": _edit("_config.yml", "title: Renamed site\n"),
}


@pytest.mark.parametrize("name", list(EDITS))
def test_incremental_equals_full(tmp_path: Path, name: str) -> None:
    src = tmp_path / "src"
    _write(src, FILES)
    first = jekpy.build(src, tmp_path / "inc", overrides={"serving": True}, log=QUIET)
    state = first.incremental_state
    assert state is not None and state.reused == 0
    EDITS[name](src)
    again = jekpy.build(src, tmp_path / "inc", previous=state, overrides={"serving": True}, log=QUIET)
    jekpy.build(src, tmp_path / "full", log=QUIET)
    assert _outputs(tmp_path / "inc") == _outputs(tmp_path / "full")
    assert again.incremental_state is not None


def test_unchanged_site_reuses_everything(tmp_path: Path) -> None:
    src = tmp_path / "src"
    _write(src, FILES)
    first = jekpy.build(src, tmp_path / "a", overrides={"serving": True}, log=QUIET)
    again = jekpy.build(src, tmp_path / "a", previous=first.incremental_state, log=QUIET)
    state = again.incremental_state
    assert state is not None
    assert state.rendered == 0 and state.reused == len(state.items)


def test_body_edit_rerenders_only_dependents(tmp_path: Path) -> None:
    src = tmp_path / "src"
    _write(src, FILES)
    first = jekpy.build(src, tmp_path / "a", overrides={"serving": True}, log=QUIET)
    EDITS["post body"](src)
    again = jekpy.build(src, tmp_path / "a", previous=first.incremental_state, log=QUIET)
    state = again.incremental_state
    assert state is not None
    # the post itself, the index (its excerpt) and the next post (reads previous.title? no:
    # titles are front matter) -- everything else is reused.
    assert 1 <= state.rendered <= 3, state.rendered
    assert state.reused >= len(state.items) - 3


def test_cli_incremental_persists_between_runs(tmp_path: Path) -> None:
    src = tmp_path / "src"
    _write(src, FILES)
    jekpy.build(src, tmp_path / "a", overrides={"incremental": True}, log=QUIET)
    assert (src / ".jekyll-cache" / "Jekpy" / "incremental.pickle").is_file()
    EDITS["post body"](src)
    again = jekpy.build(src, tmp_path / "a", overrides={"incremental": True}, log=QUIET)
    assert again.incremental_state is not None and again.incremental_state.reused > 0
    jekpy.build(src, tmp_path / "full", log=QUIET)
    assert _outputs(tmp_path / "a") == _outputs(tmp_path / "full")


def test_post_url_follows_a_renamed_post(tmp_path: Path) -> None:
    src = tmp_path / "src"
    _write(src, FILES)
    _write(src, {"links.md": "---\n---\n[p]({% post_url 2020-01-02-p1 %})\n"})
    first = jekpy.build(src, tmp_path / "inc", overrides={"serving": True}, log=QUIET)
    _write(src, {"_posts/2020-01-02-p1.md": "---\nlayout: post\ntitle: Post 1\npermalink: /moved/\n---\nx\n"})
    jekpy.build(src, tmp_path / "inc", previous=first.incremental_state, log=QUIET)
    jekpy.build(src, tmp_path / "full", log=QUIET)
    assert _outputs(tmp_path / "inc") == _outputs(tmp_path / "full")
    assert "/moved/" in (tmp_path / "inc" / "links.html").read_text()


def _build_twice(tmp_path: Path, files: dict[str, str], edit: Callable[[Path], None]) -> jekpy.Site:
    """Build, edit, build again reusing the first build; check against a full build."""
    src = tmp_path / "src"
    _write(src, files)
    first = jekpy.build(src, tmp_path / "inc", overrides={"serving": True}, log=QUIET)
    edit(src)
    again = jekpy.build(
        src, tmp_path / "inc", previous=first.incremental_state, overrides={"serving": True}, log=QUIET
    )
    jekpy.build(src, tmp_path / "full", log=QUIET)
    assert _outputs(tmp_path / "inc") == _outputs(tmp_path / "full")
    return again


def test_a_page_reading_another_pages_excerpt(tmp_path: Path) -> None:
    files = {
        "about.md": "---\nexcerpt: Old summary\n---\nAbout.\n",
        "index.html": "---\n---\n{% for p in site.pages %}{{ p.excerpt }};{% endfor %}\n",
    }
    _build_twice(tmp_path, files, _edit("about.md", "---\nexcerpt: New summary\n---\nAbout.\n"))


def test_relative_links_follow_a_moved_target(tmp_path: Path) -> None:
    """jekyll-relative-links writes other items' URLs into a page's content after
    reading it: when a URL changes, the linking page is rendered again."""
    files = {
        "_config.yml": "plugins: [jekyll-relative-links]\n",
        "a.md": "---\n---\nSee [b](b.md).\n",
        "b.md": "---\n---\nB.\n",
    }
    _build_twice(tmp_path, files, _edit("b.md", "---\npermalink: /moved/\n---\nB.\n"))


def test_last_modified_at_is_never_reused(tmp_path: Path) -> None:
    files = {"_config.yml": "plugins: [jekyll-last-modified-at]\n", "a.md": "---\n---\nA.\n"}
    again = _build_twice(tmp_path, files, lambda root: None)
    assert again.incremental_state is not None and again.incremental_state.reused == 0
