"""``jekpy serve``'s fast path (jekpy.builder.refresh): after a save, a built site is
refreshed in place when only items' bodies changed, and then writes exactly what a
full build writes; every other kind of change asks for a full build."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_incremental import EDITS, FILES, QUIET, _outputs, _write

import jekpy
from jekpy.builder import site as jekpy_site
from jekpy.builder.refresh import refresh
from jekpy.builder.site import Site
from jekpy.errors import JekpyError

SERVING = {"serving": True}
SECOND = 1_000_000_000  # ns
#: The edits a site takes in place: bodies, and a post's front matter when the lists
#: of the site (order, tags, categories) and its URL stay as they were.
IN_PLACE = {"post body", "newest post body", "page", "post title"}


def _files(root: Path) -> dict[str, tuple[int, int]]:
    found = {}
    for folder, _dirs, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            st = os.stat(path)
            found[path] = (st.st_size, st.st_mtime_ns)
    return found


def _changed(before: dict[str, tuple[int, int]], after: dict[str, tuple[int, int]]) -> set[str]:
    return {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}


def _live(
    tmp_path: Path,
    files: dict[str, str] = FILES,
    mtimes: dict[str, int] | None = None,
    **config: object,
) -> tuple[Path, Site]:
    """A site written under ``tmp_path/src`` (``mtimes``: files' times, in ns) and
    built for serving into ``live``."""
    src = tmp_path / "src"
    _write(src, files)
    for rel, ns in (mtimes or {}).items():
        os.utime(src / rel, ns=(ns, ns))
    return src, jekpy.build(src, tmp_path / "live", overrides={**SERVING, **config}, log=QUIET)


def _as_full_build(tmp_path: Path, src: Path, **config: object) -> bool:
    """Whether ``live`` holds what a full build of ``src`` writes."""
    jekpy.build(src, tmp_path / "full", overrides=config, log=QUIET)
    return _outputs(tmp_path / "live") == _outputs(tmp_path / "full")


@pytest.mark.parametrize("name", list(EDITS))
def test_refresh_equals_a_full_build(tmp_path: Path, name: str) -> None:
    src, site = _live(tmp_path)
    before = _files(src)
    EDITS[name](src)
    changed = _changed(before, _files(src))
    assert changed
    refreshed = refresh(site, changed)
    assert refreshed == (name in IN_PLACE)
    if not refreshed:
        jekpy.build(
            src, tmp_path / "live", previous=site.incremental_state, overrides=SERVING, log=QUIET
        )
    assert _as_full_build(tmp_path, src)


def test_refresh_renders_the_post_and_its_readers_only(tmp_path: Path) -> None:
    src, site = _live(tmp_path)
    post = src / "_posts" / "2020-01-03-p2.md"
    post.write_text("---\nlayout: post\ntitle: Post 2\n---\nA new first paragraph.\n")
    assert refresh(site, {str(post)})
    names = sorted(item.relative_path for item in site.refreshed)
    # the post, and the index, which shows its excerpt
    assert names == ["_posts/2020-01-03-p2.md", "index.html"]
    html = (tmp_path / "live" / "2020" / "01" / "03" / "p2.html").read_text()
    assert "A new first paragraph." in html


def test_successive_refreshes_stay_equal_to_full_builds(tmp_path: Path) -> None:
    src, site = _live(tmp_path)
    post = src / "_posts" / "2020-01-06-p5.md"
    for i in range(3):
        post.write_text(f"---\nlayout: post\ntitle: Post 5\n---\nVersion {i}.\n")
        assert refresh(site, {str(post)})
        assert _as_full_build(tmp_path, src)


def test_an_editors_temporary_file_does_not_stop_the_fast_path(tmp_path: Path) -> None:
    src, site = _live(tmp_path)
    post = src / "_posts" / "2020-01-03-p2.md"
    post.write_text("---\nlayout: post\ntitle: Post 2\n---\nSaved.\n")
    gone = src / "_posts" / "4913"  # vim's probe file: created and deleted on save
    assert refresh(site, {str(post), str(gone)})


@pytest.mark.parametrize(
    "path",
    ["_layouts/default.html", "_data/meta.yml", "_config.yml", "_posts/2020-03-01-brand-new.md"],
)
def test_other_changes_need_a_full_build(tmp_path: Path, path: str) -> None:
    src, site = _live(tmp_path)
    target = src / path
    target.write_text("---\ntitle: x\n---\nchanged\n")
    assert not refresh(site, {str(target)})


@pytest.mark.parametrize("path", ["_includes/nav.html", "_data/meta.yml", "_layouts/post.html"])
def test_deleting_a_file_every_page_may_read_needs_a_full_build(tmp_path: Path, path: str) -> None:
    # (not taken for an editor's temporary file: the build read it)
    src, site = _live(tmp_path)
    assert str(src / path) in site.incremental_state.files  # type: ignore[union-attr]
    (src / path).unlink()
    assert not refresh(site, {str(src / path)})


def test_an_invalid_save_raises_a_jekpy_error(tmp_path: Path) -> None:
    src, site = _live(tmp_path)
    before = _outputs(tmp_path / "live")
    post = src / "_posts" / "2020-01-03-p2.md"
    post.write_text("---\nlayout: post\ntitle: Post 2\n---\n{% if %}\n")
    with pytest.raises(JekpyError):
        refresh(site, {str(post)})
    assert _outputs(tmp_path / "live") == before  # nothing written


def test_plugins_that_change_items_after_reading_need_a_full_build(tmp_path: Path) -> None:
    src, site = _live(
        tmp_path, {**FILES, "_config.yml": "title: Inc\nplugins: [jekyll-titles-from-headings]\n"}
    )
    post = src / "_posts" / "2020-01-03-p2.md"
    post.write_text("---\nlayout: post\n---\n# A heading that becomes the title\n")
    assert not refresh(site, {str(post)})


def test_a_title_edit_renders_the_readers_of_that_post_only(tmp_path: Path) -> None:
    """Templates read other posts' fields through the site's lists: only those that
    read the retitled post's fields are rendered again."""
    src, site = _live(tmp_path)
    post = src / "_posts" / "2020-01-03-p2.md"
    post.write_text("---\nlayout: post\ntitle: Renamed\n---\nFirst para 2.\n\nSecond para.\n")
    assert refresh(site, {str(post)})
    names = sorted(item.relative_path for item in site.refreshed)
    # the post; the next post shows `page.previous.title`; the index lists titles
    assert names == ["_posts/2020-01-03-p2.md", "_posts/2020-01-04-p3.md", "index.html"]
    assert _as_full_build(tmp_path, src)


def test_draft_saves_are_refreshed_in_place(tmp_path: Path) -> None:
    """A draft's date is its file's time, so each save changes it: still in place
    while it stays the newest post."""
    start = time.time_ns() - 100 * SECOND
    src, site = _live(
        tmp_path,
        {**FILES, "_drafts/wip.md": "---\nlayout: post\ntitle: WIP\n---\nDraft v0.\n"},
        {"_drafts/wip.md": start},
        show_drafts=True,
    )
    draft = src / "_drafts" / "wip.md"
    for i in range(1, 3):
        draft.write_text(f"---\nlayout: post\ntitle: WIP\n---\nDraft v{i}.\n")
        os.utime(draft, ns=(start + i * SECOND,) * 2)
        assert refresh(site, {str(draft)})
        assert len(site.refreshed) < 4, [item.relative_path for item in site.refreshed]
        assert _as_full_build(tmp_path, src, show_drafts=True)


def test_archives_take_a_draft_save_in_place_on_the_same_day(tmp_path: Path) -> None:
    config = (
        "title: Inc\nplugins: [jekyll-archives]\n"
        "jekyll-archives:\n  enabled: [tags, year, month, day]\n  layout: archive\n"
    )
    archive = "---\n---\n{{ page.title }}:{% for p in page.posts %} {{ p.title }}{% endfor %}\n"
    draft_text = "---\nlayout: post\ntitle: WIP {n}\ntags: [wip]\n---\nDraft v{n}.\n"
    day = 86_400 * SECOND
    noon = 1_700_000_000 * SECOND // day * day + day // 2
    files = {
        **FILES, "_config.yml": config, "_layouts/archive.html": archive,
        "_drafts/wip.md": draft_text.format(n=0),
    }
    drafts = {"show_drafts": True, "timezone": "UTC"}
    src, site = _live(tmp_path, files, {"_drafts/wip.md": noon}, **drafts)
    draft = src / "_drafts" / "wip.md"
    for n, later in ((1, 60), (2, 120)):  # same day: in place, archives rendered again
        draft.write_text(draft_text.format(n=n))
        os.utime(draft, ns=(noon + later * SECOND,) * 2)
        assert refresh(site, {str(draft)})
        assert _as_full_build(tmp_path, src, **drafts)
    os.utime(draft, ns=(noon + day,) * 2)  # the next day: a full build
    assert not refresh(site, {str(draft)})


LIL_LOG = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "lil-log" / "src"


@pytest.mark.skipif(not LIL_LOG.is_dir(), reason="../shared/corpus/lil-log is not present")
def test_a_real_site_with_sass_feed_and_archives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """lil-log (Sass with a source map, jekyll-feed, jekyll-archives): a post edit
    and draft saves are taken in place and give a full build's bytes."""
    import shutil

    monkeypatch.setenv("JEKPY_SITE_TIME", "2024-01-01 12:00:00 +0000")
    src = tmp_path / "src"
    shutil.copytree(LIL_LOG, src, ignore=shutil.ignore_patterns("_site", ".jekyll-cache"))
    draft = src / "_drafts" / "wip.md"
    draft.parent.mkdir()
    draft.write_text("---\nlayout: post\ntitle: WIP\ntags: [wip]\n---\nDraft.\n")
    past = 1_690_000_000 * SECOND
    os.utime(draft, ns=(past, past))
    site = jekpy.build(src, tmp_path / "live", overrides={**SERVING, "show_drafts": True}, log=QUIET)
    post = sorted((src / "_posts").glob("*.md"))[5]
    post.write_text(post.read_text() + "\nAn added paragraph.\n")
    assert refresh(site, {str(post)})
    for n in (1, 2):
        draft.write_text(f"---\nlayout: post\ntitle: WIP {n}\ntags: [wip]\n---\nDraft {n}.\n")
        os.utime(draft, ns=(past + n * SECOND,) * 2)
        assert refresh(site, {str(draft)})
    assert _as_full_build(tmp_path, src, show_drafts=True)


def test_a_post_falling_due_needs_a_full_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A post hidden for its future date appears once its time comes, as a full
    build would show it."""
    future = "---\nlayout: post\ntitle: Later\ndate: 2999-01-01 00:00:00 +0000\n---\nSoon.\n"
    src, site = _live(tmp_path, {**FILES, "_posts/2999-01-01-later.md": future})
    assert site.publisher.next_due is not None
    post = src / "_posts" / "2020-01-03-p2.md"
    post.write_text("---\nlayout: post\ntitle: Post 2\n---\nEdited.\n")
    assert refresh(site, {str(post)})  # not due yet
    due = site.time.replace(year=3000)
    monkeypatch.setattr(jekpy_site, "site_time", lambda *_args: due)  # what restamp() reads
    assert not refresh(site, {str(post)})


# -- random sequences of saves ------------------------------------------------------------
RICH = {
    "_config.yml": "title: Rich\ncollections:\n  notes:\n    output: true\n",
    "_notes/one.md": "---\ntitle: Note one\n---\nA note.\n",
    "_notes/two.md": "---\ntitle: Note two\n---\nAnother {{ site.notes.size }}.\n",
    "notes.html": "---\n---\n{% for n in site.notes %}{{ n.title }}={{ n.content }};{% endfor %}\n",
    "_layouts/default.html": "<title>{{ page.title }}</title>{% include nav.html %}{{ content }}\n",
    "_layouts/post.html": (
        "---\nlayout: default\n---\n<h1>{{ page.title }}</h1>{{ page.date | date: '%F' }}"
        "<article>{{ content }}</article>"
        "{% if page.previous %}<a>{{ page.previous.title }}</a>{% endif %}"
        "{% if page.next %}<a>{{ page.next.url }}</a>{% endif %}\n"
    ),
    "_includes/nav.html": "<nav>{% for p in site.pages %}{{ p.title }};{% endfor %}</nav>",
    "index.html": (
        "---\nlayout: default\ntitle: Home\n---\n"
        "{% for p in site.posts %}<li>{{ p.title }} {{ p.date | date: '%F' }}: "
        "{{ p.excerpt | strip_html }}</li>{% endfor %}\n"
    ),
    "tags.html": (
        "---\ntitle: Tags\n---\n{% for t in site.tags %}{{ t[0] }}:{% for p in t[1] %}"
        "{{ p.title }},{% endfor %};{% endfor %}\n"
    ),
    "about.md": "---\nlayout: default\ntitle: About\n---\nSee {% post_url 2020-01-02-p1 %}.\n",
    "_drafts/wip.md": "---\nlayout: post\ntitle: WIP\ntags: [b]\n---\nDraft.\n",
}
for _i in range(5):
    RICH[f"_posts/2020-01-0{_i + 1}-p{_i}.md"] = (
        f"---\nlayout: post\ntitle: Post {_i}\ntags: [{'ab'[_i % 2]}]\n---\nBody {_i}.\n"
    )


def _random_save(src: Path, kind: str, n: int) -> None:
    posts = sorted(p for p in (src / "_posts").glob("*.md") if p.name != "2020-01-02-p1.md")
    post = posts[n % len(posts)]
    text = post.read_text()
    if kind == "body":
        post.write_text(text + f"\nMore {n}.\n")
    elif kind == "title":
        post.write_text(text.replace("title: ", f"title: T{n} ", 1))
    elif kind == "tags":
        post.write_text(text.replace("tags: [", f"tags: [t{n % 3}, ", 1))
    elif kind == "date":
        post.write_text(text.replace("---\n", f"---\ndate: 2020-02-{n % 27 + 1:02d}\n", 1))
    elif kind == "draft":
        draft = src / "_drafts" / "wip.md"
        draft.write_text(draft.read_text() + f"\nDraft line {n}.\n")
        stamp = draft.stat().st_mtime_ns + (n + 1) * SECOND
        os.utime(draft, ns=(stamp, stamp))
    elif kind == "page":
        (src / "about.md").write_text(
            f"---\nlayout: default\ntitle: About {n}\n---\nSee {{% post_url 2020-01-02-p1 %}}.\n"
        )
    elif kind == "new":
        (src / "_posts" / f"2020-03-{n % 27 + 1:02d}-new{n}.md").write_text(
            f"---\nlayout: post\ntitle: New {n}\n---\nNew.\n"
        )
    elif kind == "delete" and len(posts) > 2:
        post.unlink()
    elif kind == "layout":
        (src / "_includes" / "nav.html").write_text(f"<nav>{n}</nav>")
    elif kind == "plain page":
        (src / "about.md").write_text(f"No front matter {n}.\n")
    elif kind == "note":
        note = src / "_notes" / ("one.md", "two.md")[n % 2]
        note.write_text(note.read_text().replace("title: ", f"title: N{n} ", 1) + f"\nMore {n}.\n")


SAVES = [
    "body", "title", "tags", "date", "draft", "page", "new", "delete", "layout",
    "plain page", "note",
]


@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.tuples(st.sampled_from(SAVES), st.integers(0, 50)), min_size=1, max_size=6))
def test_any_sequence_of_saves_gives_a_full_builds_bytes(saves: list[tuple[str, int]]) -> None:
    """Whatever is saved, in any order, the preview's output (refreshed in place
    or read again) is what a fresh full build writes."""
    config = {"show_drafts": True, "time": "2030-01-01 00:00:00 +0000"}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        src, site = _live(root, RICH, {"_drafts/wip.md": time.time_ns() - 1000 * SECOND}, **config)
        for kind, n in saves:
            before = _files(src)
            _random_save(src, kind, n)
            changed = _changed(before, _files(src))
            if changed and not refresh(site, changed):
                site = jekpy.build(
                    src, root / "live", previous=site.incremental_state,
                    overrides={**SERVING, **config}, log=QUIET,
                )
            assert _as_full_build(root, src, **config), (kind, n)


def test_a_long_preview_session_keeps_its_caches_bounded(tmp_path: Path) -> None:
    src, site = _live(tmp_path)
    post = src / "_posts" / "2020-01-03-p2.md"
    for i in range(site.cache_room() + 20):
        post.write_text(f"---\nlayout: post\ntitle: Post 2\n---\nVersion {i}.\n")
        assert refresh(site, {str(post)})
    assert max(site.disk_cache.sizes().values()) <= site.cache_room()
    assert _as_full_build(tmp_path, src)


def test_a_file_saved_in_another_encoding_gets_a_full_read(tmp_path: Path) -> None:
    """A full build reports and skips a file that is not UTF-8: so does the preview."""
    src, site = _live(tmp_path)
    post = src / "_posts" / "2020-01-03-p2.md"
    post.write_bytes("---\nlayout: post\n---\ncaf\xe9\n".encode("latin-1"))
    assert not refresh(site, {str(post)})


def test_a_page_that_loses_its_front_matter_becomes_a_static_file(tmp_path: Path) -> None:
    src, site = _live(tmp_path)
    page = src / "about.md"
    page.write_text("Just *text*, no front matter now.\n")
    assert not refresh(site, {str(page)})
