"""Parallel rendering writes the same bytes as a serial build, including for sites
whose templates read other documents' content (they fall back to serial order)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import jekpy
from jekpy.builder import parallel
from jekpy.log import Logger

QUIET = Logger(level="error")


def _site(root: Path, layout: str, n: int = 90) -> Path:
    (root / "_posts").mkdir(parents=True)
    (root / "_layouts").mkdir()
    (root / "_layouts" / "post.html").write_text(layout)
    (root / "index.html").write_text(
        "---\n---\n{% for p in site.posts limit: 5 %}{{ p.title }}:{{ p.content | size }};{% endfor %}\n"
    )
    for i in range(n):
        (root / "_posts" / f"2020-{i // 28 + 1:02d}-{i % 28 + 1:02d}-p{i}.md").write_text(
            f"---\nlayout: post\ntitle: P{i}\n---\nPost *{i}* with \"quotes\".\n\n- a\n- b\n"
        )
    return root


def _build(src: Path, dest: Path, jobs: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    monkeypatch.setenv("JEKPY_JOBS", jobs)
    jekpy.build(src, dest, overrides={"disable_disk_cache": True}, log=QUIET)
    return {p.relative_to(dest).as_posix(): p.read_bytes() for p in dest.rglob("*") if p.is_file()}


def _build_logged(
    src: Path, dest: Path, jobs: str, monkeypatch: pytest.MonkeyPatch
) -> tuple[dict[str, bytes], list[str]]:
    """:func:`_build`, with the build's messages (but its timing line) kept."""
    import io

    monkeypatch.setenv("JEKPY_JOBS", jobs)
    stream = io.StringIO()
    log = Logger(level="info", out=stream, err=stream)
    jekpy.build(src, dest, overrides={"disable_disk_cache": True}, log=log)
    files = {p.relative_to(dest).as_posix(): p.read_bytes() for p in dest.rglob("*") if p.is_file()}
    return files, [m for m in log.messages if "done in" not in m]


def _count_pages_ahead(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A list that gets, per build, how many pages rendered while the workers ran."""
    from jekpy.builder import phases

    ahead: list[int] = []
    finish = phases._PagesAhead.finish

    def spy(self: phases._PagesAhead) -> None:
        ahead.append(len(self.done))
        finish(self)

    monkeypatch.setattr(phases._PagesAhead, "finish", spy)
    return ahead


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="parallel rendering needs fork")
@pytest.mark.parametrize(
    "layout,expect_parallel",
    [
        ("<h1>{{ page.title }}</h1>{{ content }}<a href='{{ page.next.url }}'>next</a>", True),
        ("{{ content }}<aside>{{ page.previous.content }}</aside>", False),
        ("{{ content }}{% for p in site.posts limit: 3 %}{{ p.output | size }}{% endfor %}", False),
    ],
    ids=["independent", "reads previous content", "reads other outputs"],
)
def test_parallel_equals_serial(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, layout: str, expect_parallel: bool
) -> None:
    src = _site(tmp_path / "src", layout)
    serial = _build(src, tmp_path / "serial", "1", monkeypatch)
    used: list[bool] = []
    original = parallel.render_documents

    def spy(site: object, docs: object, prepare: object, **kw: object) -> bool:
        result = original(site, docs, prepare, **kw)  # type: ignore[arg-type]
        used.append(result)
        return result

    monkeypatch.setattr(parallel, "render_documents", spy)
    parallel_out = _build(src, tmp_path / "parallel", "2", monkeypatch)
    assert used == [expect_parallel]
    assert parallel_out == serial


def test_errors_in_workers_are_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = _site(tmp_path / "src", "{{ content }}")
    (src / "_posts" / "2020-01-05-p4.md").write_text("---\nlayout: post\n---\n{% nosuch %}\n")
    monkeypatch.setenv("JEKPY_JOBS", "2")
    with pytest.raises(jekpy.JekpyError, match="nosuch"):
        jekpy.build(src, tmp_path / "out", log=QUIET)
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="parallel rendering needs fork")
def test_incremental_builds_render_in_parallel_when_nothing_is_reusable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the disk cache (incremental builds), a build that can reuse nothing (the
    first, or after a layout edit) renders documents in workers and records what
    they read: the next builds reuse those records, with a serial build's bytes."""
    layout = "<h1>{{ page.title }}</h1>{{ content }}<a href='{{ page.next.url }}'>{{ page.next.title }}</a>"
    src = _site(tmp_path / "src", layout)
    tracked: list[bool] = []
    original = parallel.render_documents_tracked

    def spy(site: object, docs: object, prepare: object) -> object:
        result = original(site, docs, prepare)  # type: ignore[arg-type]
        tracked.append(result is not None)
        return result

    monkeypatch.setattr(parallel, "render_documents_tracked", spy)

    def build() -> jekpy.Site:
        monkeypatch.setenv("JEKPY_JOBS", "2")
        return jekpy.build(src, tmp_path / "inc", log=QUIET)

    def same_as_serial() -> bool:
        root = tmp_path / "inc"
        built = {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}
        return built == _build(src, tmp_path / "serial", "1", monkeypatch)

    build()
    assert tracked == [True]
    assert same_as_serial()
    (src / "_posts" / "2020-01-05-p4.md").write_text("---\nlayout: post\ntitle: Renamed\n---\nNew.\n")
    state = build().incremental_state
    assert state is not None and state.reused > 80  # the title shows in two neighbours only
    # records were reusable: the three posts to render again are too few for workers
    assert tracked.count(True) == 1
    assert same_as_serial()
    (src / "_layouts" / "post.html").write_text(layout.replace("<h1>", "<h1 class=t>"))
    build()
    assert tracked.count(True) == 2
    assert tracked[-1] is True
    assert same_as_serial()


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="parallel rendering needs fork")
def test_a_failed_fork_renders_serially(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """When the second worker cannot be started (too many processes), the first one
    stops and the documents are rendered in the parent, with the same bytes."""
    import os

    src = _site(tmp_path / "src", "<h1>{{ page.title }}</h1>{{ content }}")
    serial = _build(src, tmp_path / "serial", "1", monkeypatch)
    real_fork = os.fork
    forks: list[int] = []

    def failing_fork() -> int:
        forks.append(1)
        if len(forks) == 2:
            raise BlockingIOError(11, "Resource temporarily unavailable")
        return real_fork()

    monkeypatch.setattr(os, "fork", failing_fork)
    assert _build(src, tmp_path / "parallel", "2", monkeypatch) == serial
    assert len(forks) == 2


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="parallel rendering needs fork")
def test_pages_rendered_while_the_workers_run_equal_serial(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pages that read no other item's content render in the parent while the workers
    render the posts; the others (here a page showing a post's HTML, and one showing
    that page's) render after the posts.  Bytes and messages are a serial build's."""
    src = _site(tmp_path / "src", "<h1>{{ page.title }}</h1>{{ content }}")
    (src / "a.html").write_text(
        "---\nlayout: nosuch\n---\n{% for p in site.posts limit: 3 %}{{ p.excerpt }}{% endfor %}\n"
    )
    (src / "b.html").write_text("---\n---\n{{ site.posts.first.content }}\n")
    (src / "c.md").write_text(
        "---\n---\n{% for p in site.pages %}{% if p.name == 'b.html' %}"
        "{{ p.content | size }}{% endif %}{% endfor %} *words*\n"
    )
    (src / "d.md").write_text("---\ntitle: D\n---\n# {{ page.title }} {{ site.posts.size }}\n")

    serial, serial_log = _build_logged(src, tmp_path / "serial", "1", monkeypatch)
    ahead = _count_pages_ahead(monkeypatch)
    par, par_log = _build_logged(src, tmp_path / "parallel", "2", monkeypatch)
    assert ahead == [2]  # a.html and d.md (index.html reads the posts' content)
    assert par == serial
    assert par_log == serial_log
    assert any("Layout 'nosuch'" in m for m in par_log)
    assert b"<em>89</em>" in par["b.html"]  # the newest post's HTML, not its Markdown


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="parallel rendering needs fork")
def test_pages_rendered_ahead_are_rendered_again_when_the_posts_fall_back_to_serial(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Posts reading each other's content render serially after the workers; the
    pages rendered meanwhile are then undone and rendered after them, once."""
    src = _site(tmp_path / "src", "{{ content }}<aside>{{ page.previous.content }}</aside>")
    (src / "a.md").write_text("---\nlayout: nosuch\n---\n*{{ site.posts.size }}* posts\n")

    serial, serial_log = _build_logged(src, tmp_path / "serial", "1", monkeypatch)
    par, par_log = _build_logged(src, tmp_path / "parallel", "2", monkeypatch)
    assert par == serial
    assert par["a.html"] == b"<p><em>90</em> posts</p>\n"
    assert par_log == serial_log
    assert sum("Layout 'nosuch'" in m for m in par_log) == 1


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="parallel rendering needs fork")
def test_pages_render_ahead_with_hooks_that_change_only_the_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """jekyll-mentions' page hook changes only the page's output: pages still render
    while the workers do, with the hook's output."""
    src = _site(tmp_path / "src", "{{ content }}")
    (src / "_config.yml").write_text("plugins: [jekyll-mentions]\n")
    (src / "m.md").write_text("---\n---\nHello @octocat, {{ site.posts.size }} posts.\n")
    serial = _build(src, tmp_path / "serial", "1", monkeypatch)
    ahead = _count_pages_ahead(monkeypatch)
    par = _build(src, tmp_path / "parallel", "2", monkeypatch)
    assert ahead == [1]  # m.md (index.html reads the posts' content)
    assert par == serial
    assert b'href="https://github.com/octocat"' in par["m.html"]


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="parallel rendering needs fork")
def test_a_worker_that_dies_half_way_fails_the_build_cleanly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker that ends without its last part (after sending earlier ones) is
    reported as a build error, and no destination is left."""
    import os

    from jekpy.builder import phases

    src = _site(tmp_path / "src", "{{ content }}")
    parent = os.getpid()
    worker_renderer = phases._worker_renderer

    def dying(site: object) -> object:
        render_one = worker_renderer(site)  # type: ignore[arg-type]
        count = [0]

        def render(doc: object) -> None:
            count[0] += 1
            if os.getpid() != parent and count[0] > 40:
                os._exit(3)  # after at least two parts were sent
            render_one(doc)  # type: ignore[arg-type]

        return render

    monkeypatch.setattr(phases, "_worker_renderer", dying)
    monkeypatch.setenv("JEKPY_JOBS", "2")
    with pytest.raises(jekpy.JekpyError, match="stopped without a result"):
        jekpy.build(src, tmp_path / "out", overrides={"disable_disk_cache": True}, log=QUIET)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["src"]  # no output, no staging


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="parallel rendering needs fork")
def test_pages_stop_rendering_ahead_after_a_few_in_vain(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once a few pages were rendered ahead in vain (they read the posts' content),
    the next ones wait for the posts; the output stays a serial build's."""
    from jekpy.builder import phases

    src = _site(tmp_path / "src", "{{ content }}")
    for i in range(phases._AHEAD_WASTE + 2):
        # (a post printed whole: its output, read without naming ``content``)
        (src / f"c{i}.html").write_text("---\n---\n{{ site.posts.first }}\n")
    (src / "z.html").write_text("---\n---\n{{ site.posts.size }}\n")
    serial = _build(src, tmp_path / "serial", "1", monkeypatch)
    ahead = _count_pages_ahead(monkeypatch)
    par = _build(src, tmp_path / "parallel", "2", monkeypatch)
    assert par == serial
    assert ahead == [0]


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="parallel rendering needs fork")
def test_pages_naming_content_are_not_rendered_ahead(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page whose own template names an item's ``content``/``output`` waits for the
    posts (it would be rendered in vain) and does not count as wasted: the pages
    after it are still rendered ahead; the output stays a serial build's."""
    from jekpy.builder import phases
    from jekpy.builder.renderer import Renderer

    src = _site(tmp_path / "src", "{{ content }}")
    for i in range(phases._AHEAD_WASTE + 2):
        (src / f"c{i}.html").write_text("---\n---\n{{ site.posts.first.content }}\n")
    (src / "o.html").write_text("---\n---\n{% for p in site.posts %}{{ p.output }}{% endfor %}\n")
    (src / "z.html").write_text("---\n---\n{{ site.posts.size }}\n")
    serial = _build(src, tmp_path / "serial", "1", monkeypatch)
    rendered: list[str] = []
    render = Renderer.render

    def spy(self: Renderer, item: Any, payload: dict[str, Any]) -> str:
        rendered.append(item.relative_path)
        return render(self, item, payload)

    monkeypatch.setattr(Renderer, "render", spy)
    ahead = _count_pages_ahead(monkeypatch)
    par = _build(src, tmp_path / "parallel", "2", monkeypatch)
    assert par == serial
    assert ahead and ahead[0] >= 1  # z.html (and the site's other pages)
    for name in [f"c{i}.html" for i in range(phases._AHEAD_WASTE + 2)] + ["o.html"]:
        assert rendered.count(name) == 1, name  # once, after the posts
