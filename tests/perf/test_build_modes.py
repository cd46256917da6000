"""Every way of building one site writes the same bytes: serial, parallel (forked
workers), with the disk cache (first build and a warm rebuild), and cold in safe mode.

The site has what the fast paths touch: posts that read their neighbours, an
include, highlighted code (fenced and ``{% highlight %}``), pages listing the
posts, a static file, data, a nested permalink and many posts in one folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import jekpy
from jekpy.builder import parallel
from jekpy.log import Logger

QUIET = Logger(level="error")
POSTS = 80  # above parallel.MIN_DOCUMENTS, so two workers render


def _site(root: Path) -> Path:
    for folder in ("_posts", "_layouts", "_includes", "_data", "assets", "docs"):
        (root / folder).mkdir(parents=True)
    (root / "_config.yml").write_text(
        "title: Modes\nurl: https://example.com\nbaseurl: /blog\n"
        "time: 2024-01-01 00:00:00 +0000\n"
    )
    (root / "_data" / "nav.yml").write_text("- {title: Home, url: /}\n- {title: Docs, url: /docs/}\n")
    (root / "_layouts" / "default.html").write_text(
        "<!DOCTYPE html><title>{{ page.title | escape }}</title>"
        "{% for n in site.data.nav %}<a href=\"{{ n.url | relative_url }}\">{{ n.title }}</a>{% endfor %}"
        "<main>{{ content }}</main>\n"
    )
    (root / "_layouts" / "post.html").write_text(
        "---\nlayout: default\n---\n<h1>{{ page.title }}</h1>{{ page.date | date_to_string }}"
        "{% for t in page.tags %}<i>{{ t }}</i>{% endfor %}{{ content }}"
        "{% if page.previous %}<a href=\"{{ page.previous.url }}\">prev</a>{% endif %}"
        "{% if page.next %}<a href=\"{{ page.next.url }}\">next</a>{% endif %}\n"
    )
    (root / "_includes" / "note.html").write_text(
        '<div class="note">{{ include.text | markdownify }}</div>'
    )
    for i in range(POSTS):
        highlight = (
            "{% highlight ruby linenos %}\ndef f(x)\n  x * " + str(i) + "\nend\n{% endhighlight %}\n"
            if i % 4 == 0
            else ""
        )
        (root / "_posts" / f"2020-{i % 12 + 1:02d}-{i % 28 + 1:02d}-post-{i}.md").write_text(
            f"---\nlayout: post\ntitle: \"Post {i}: *modes*\"\ntags: [t{i % 3}, all]\n---\n"
            f"Intro of {i} with `code` and a [link](https://example.com/{i}).\n\n"
            f"## Part {i}\n\n```python\ndef g(y):\n    return y + {i}  # add\n```\n\n"
            f"{highlight}"
            '{% include note.html text="A *note*." %}\n\n- one\n- two\n'
        )
    (root / "index.html").write_text(
        "---\nlayout: default\ntitle: Home\n---\n<ul>{% for p in site.posts limit: 10 %}"
        "<li><a href=\"{{ p.url | relative_url }}\">{{ p.title }}</a> {{ p.excerpt | strip_html }}</li>"
        "{% endfor %}</ul>\n"
    )
    (root / "docs" / "index.md").write_text(
        "---\nlayout: default\ntitle: Docs\npermalink: /docs/deep/page/\n---\n# Docs\n\n"
        "{% for t in site.tags %}{{ t[0] }}={{ t[1] | size }} {% endfor %}\n"
    )
    (root / "assets" / "plain.txt").write_text("static\n")
    return root


def _outputs(dest: Path) -> dict[str, bytes]:
    return {
        p.relative_to(dest).as_posix(): p.read_bytes() for p in sorted(dest.rglob("*")) if p.is_file()
    }


def _build(
    src: Path, dest: Path, jobs: str, monkeypatch: pytest.MonkeyPatch, **overrides: object
) -> dict[str, bytes]:
    monkeypatch.setenv("JEKPY_JOBS", jobs)
    jekpy.build(src, dest, overrides=overrides, log=QUIET)
    return _outputs(dest)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="parallel rendering needs fork")
def test_serial_parallel_cached_and_safe_builds_are_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = _site(tmp_path / "src")
    serial = _build(src, tmp_path / "serial", "1", monkeypatch, disable_disk_cache=True)
    assert len(serial) == POSTS + 3
    assert b"<a href=\"/blog/docs/\">Docs</a>" in serial["index.html"]

    used: list[bool] = []
    original = parallel.render_documents

    def spy(site: object, docs: object, prepare: object, **kw: object) -> bool:
        result = original(site, docs, prepare, **kw)  # type: ignore[arg-type]
        used.append(result)
        return result

    monkeypatch.setattr(parallel, "render_documents", spy)
    par = _build(src, tmp_path / "parallel", "2", monkeypatch, disable_disk_cache=True)
    assert used and used[0] is True  # the posts were rendered by two workers
    assert par == serial

    first = _build(src, tmp_path / "cached1", "2", monkeypatch)  # fills .jekyll-cache
    assert (src / ".jekyll-cache").is_dir()
    warm = _build(src, tmp_path / "cached2", "1", monkeypatch)  # reuses it
    assert first == serial
    assert warm == serial

    safe = _build(src, tmp_path / "safe", "2", monkeypatch, safe=True)
    assert safe == serial


@pytest.mark.skipif(not hasattr(os, "fork"), reason="parallel rendering needs fork")
def test_rebuild_into_the_same_destination_is_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second build over an existing output (files already there, one stale file)
    leaves exactly what a build into an empty folder does."""
    src = _site(tmp_path / "src")
    fresh = _build(src, tmp_path / "fresh", "2", monkeypatch, disable_disk_cache=True)
    dest = tmp_path / "again"
    _build(src, dest, "2", monkeypatch, disable_disk_cache=True)
    (dest / "stale.html").write_text("old")
    (dest / "index.html").write_text("changed")
    again = _build(src, dest, "2", monkeypatch, disable_disk_cache=True)
    assert again == fresh


@pytest.mark.skipif(not hasattr(os, "fork"), reason="parallel rendering needs fork")
def test_a_build_failing_after_the_workers_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The workers write the posts ahead (the destination does not exist yet); a page
    that fails afterwards, in the parent, leaves no destination and no staged files."""
    src = _site(tmp_path / "src")
    (src / "broken.html").write_text("---\n---\n{% nosuch %}\n")
    monkeypatch.setenv("JEKPY_JOBS", "2")
    with pytest.raises(jekpy.JekpyError, match="nosuch"):
        jekpy.build(src, tmp_path / "out", overrides={"disable_disk_cache": True}, log=QUIET)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["src"]


def test_a_serial_build_into_a_new_destination_stages_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One process, a destination that does not exist: every file goes into a staging
    folder renamed into place (no temporary file and rename per file), with the same
    bytes as a build over an existing destination, which writes file by file."""
    from jekpy.builder import writer

    src = _site(tmp_path / "src")

    def no_per_file_write(*args: object, **kwargs: object) -> None:
        raise AssertionError("a new destination is written through the staging folder")

    with monkeypatch.context() as m:
        m.setattr(writer, "atomic_write", no_per_file_write)
        m.setattr(writer, "atomic_copy", no_per_file_write)
        fresh = _build(src, tmp_path / "fresh", "1", monkeypatch, disable_disk_cache=True)
    dest = tmp_path / "again"
    dest.mkdir()
    (dest / "stale.html").write_text("old")
    again = _build(src, dest, "1", monkeypatch, disable_disk_cache=True)
    assert again == fresh
    assert len(fresh) == POSTS + 3
    plain = src / "assets" / "plain.txt"
    assert (tmp_path / "fresh" / "assets" / "plain.txt").stat().st_mtime_ns == plain.stat().st_mtime_ns
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".stage")]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_build_failing_while_writing_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: str
) -> None:
    """The disk fills up half-way through writing a new destination: no destination,
    no staging folder, and the error names the destination file, not a staged one."""
    import errno

    from jekpy.builder import writer

    if jobs == "2" and not hasattr(os, "fork"):
        pytest.skip("parallel rendering needs fork")
    src = _site(tmp_path / "src")
    put = writer.Staging.put
    calls: list[int] = []

    def filling_up(self: writer.Staging, path: str | Path, data: bytes) -> None:
        if os.getpid() == parent:  # the workers' writes go through
            calls.append(1)
            if len(calls) == 2:  # a parallel build writes two pages here
                raise OSError(errno.ENOSPC, "No space left on device", str(self._target(path)))
        put(self, path, data)

    parent = os.getpid()
    monkeypatch.setattr(writer.Staging, "put", filling_up)
    monkeypatch.setenv("JEKPY_JOBS", jobs)
    out = tmp_path / "out"
    with pytest.raises(jekpy.JekpyError, match="No space left on device") as info:
        jekpy.build(src, out, overrides={"disable_disk_cache": True}, log=QUIET)
    assert str(out) in str(info.value)
    assert ".stage" not in str(info.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["src"]


class _RewritePlugin:
    """An entry-point plugin whose ``site`` ``post_render`` hook changes one post's
    output after the workers rendered (and wrote ahead) all of them."""

    name = "rewrite"

    def load(self) -> object:
        def register(api: object) -> None:
            def rewrite(site: object, payload: object) -> None:
                doc = site.posts.docs[3]  # type: ignore[attr-defined]
                doc.output = doc.output.replace("<h1>", "<h1 class=\"changed\">")

            api.hook("site", "post_render", rewrite)  # type: ignore[attr-defined]

        return register


@pytest.mark.skipif(not hasattr(os, "fork"), reason="parallel rendering needs fork")
def test_output_changed_after_rendering_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A document whose output a hook changes after the workers wrote it ahead is
    written again with the new output, in parallel as in a serial build."""
    from importlib import metadata

    monkeypatch.setattr(metadata, "entry_points", lambda **kw: [_RewritePlugin()])
    src = _site(tmp_path / "src")
    with (src / "_config.yml").open("a") as config:
        config.write("plugins: [rewrite]\n")
    serial = _build(src, tmp_path / "serial", "1", monkeypatch, disable_disk_cache=True)
    par = _build(src, tmp_path / "parallel", "2", monkeypatch, disable_disk_cache=True)
    changed = [name for name, data in par.items() if b'<h1 class="changed">' in data]
    assert len(changed) == 1
    assert par == serial


@pytest.mark.skipif(not hasattr(os, "fork"), reason="parallel rendering needs fork")
@pytest.mark.parametrize("neighbour_content", [False, True])
def test_a_warm_build_renders_what_it_cannot_reuse_in_parallel(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, neighbour_content: bool
) -> None:
    """A layout that prints ``site.time`` (a copyright year) makes every post's
    earlier render unusable: a warm build renders them again, in forked workers,
    as a cold build does, and writes the same bytes as a serial cold build.  When a
    post read another post's content, the order matters: they are rendered one by
    one, still with the same bytes."""
    src = _site(tmp_path / "src")
    post = src / "_layouts" / "post.html"
    year = "<footer>{{ site.time | date: '%Y' }}</footer>"
    post.write_text(post.read_text().replace("<h1>", year + "<h1>"))
    if neighbour_content:
        post.write_text(post.read_text() + "{{ page.previous.content | size }}\n")
    serial = _build(src, tmp_path / "serial", "1", monkeypatch, disable_disk_cache=True)
    assert b"<footer>2024</footer>" in serial["2020/01/01/post-0.html"]

    rendered: list[int | None] = []
    original = parallel.render_documents_tracked

    def spy(site: object, docs: list[object], prepare: object) -> object:
        result = original(site, docs, prepare)  # type: ignore[arg-type]
        rendered.append(None if result is None else len(docs))
        return result

    monkeypatch.setattr(parallel, "render_documents_tracked", spy)
    dest = tmp_path / "out"  # the same path each time: it is part of the configuration
    first = _build(src, dest, "2", monkeypatch)
    dest.rename(tmp_path / "out-first")
    warm = _build(src, dest, "2", monkeypatch)
    assert first == serial
    assert warm == serial
    # the first build renders every post in the workers and the warm one renders
    # them again there (they read the build time); when a post reads another's
    # content, the workers' results are dropped in the first build (None) and the
    # warm one does not try: the posts are rendered one by one, in order
    assert rendered == ([None] if neighbour_content else [POSTS, POSTS])
