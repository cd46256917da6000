"""``jekpy render FILE`` for a file that belongs to no site (no ``_config.yml`` above
it, no ``-s``): only that file is read, plus the layouts it names and the includes it
uses, from ``_layouts/``/``_includes/`` beside it (or beside its ``_posts/`` folder).
A post in /tmp must not read all of /tmp."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from click.testing import CliRunner

from jekpy.api import render_post
from jekpy.cli.main import main

#: Paths opened or listed while a ``watching()`` block runs (an audit hook cannot be
#: removed, so it is installed once and records only while the list is active).
_SEEN: list[str] = []
_ACTIVE: list[bool] = []


def _hook(event: str, args: tuple[object, ...]) -> None:
    if _ACTIVE and event in ("open", "os.scandir", "os.listdir") and args:
        _SEEN.append(str(args[0]))


sys.addaudithook(_hook)


@contextmanager
def watching() -> Iterator[list[str]]:
    _SEEN.clear()
    _ACTIVE.append(True)
    try:
        yield _SEEN
    finally:
        _ACTIVE.pop()


def write(root: Path, files: dict[str, str | bytes]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return root


CROWD: dict[str, str | bytes] = {
    # Anything here would fail or show up if the folder were read as a site.
    "other.md": b"---\n---\nnot UTF-8 \xff\n",
    "notes/deep/page.html": "---\n---\n{% nosuch %}\n",
    "_data/broken.yml": "a: [\n",
    "_layouts/unused.html": b"---\n---\n\xff\xfe",
    "_posts/2020-01-01-other.md": "---\n---\n{{ oops\n",
    "big.bin": "x" * 1000,
}


def test_a_lone_page_reads_only_itself_its_layouts_and_includes(tmp_path: Path) -> None:
    write(tmp_path, {
        **CROWD,
        "hello.md": "---\nlayout: post\ntitle: Hi\n---\n# {{ page.title }}\n"
                    "{% include note.html %}\n{{ site.pages | size }}/{{ site.posts | size }}\n",
        "_layouts/post.html": "---\nlayout: default\n---\n<article>{{ content }}</article>",
        "_layouts/default.html": "<html>{{ content }}</html>\n",
        "_includes/note.html": "<aside>note</aside>",
    })
    with watching() as seen:
        html = render_post(tmp_path / "hello.md")
    assert html == ('<html><article><h1 id="hi">Hi</h1>\n<aside>note</aside>\n'
                    "<p>0/0</p>\n</article></html>\n")
    under = {Path(p).resolve().relative_to(tmp_path.resolve()).as_posix()
             for p in seen if Path(p).resolve().is_relative_to(tmp_path.resolve())}
    assert under <= {"hello.md", "_layouts", "_layouts/post.html", "_layouts/default.html",
                     "_includes/note.html"}, sorted(under)
    assert "hello.md" in under and "_includes/note.html" in under
    assert not (tmp_path / ".jekyll-cache").exists()  # nothing written there either


def test_a_lone_post_takes_layouts_from_beside_its_posts_folder(tmp_path: Path) -> None:
    write(tmp_path, {
        "blog/_posts/2024-01-31-hi.md": "---\nlayout: post\n---\n{{ page.date | date: '%F' }} "
                                        "{{ site.posts | size }}\n",
        "blog/_posts/2024-01-01-broken.md": "---\n---\n{% if %}\n",
        "blog/_layouts/post.html": "<main>{{ content }}</main>",
        "blog/elsewhere.md": b"---\n---\n\xff\n",
    })
    result = CliRunner().invoke(main, ["render", str(tmp_path / "blog/_posts/2024-01-31-hi.md")])
    assert result.exit_code == 0, result.output
    assert result.output == "<main><p>2024-01-31 1</p>\n</main>"


def test_a_lone_draft_still_needs_drafts(tmp_path: Path) -> None:
    write(tmp_path, {**CROWD, "_drafts/idea.md": "---\n---\nSoon\n"})
    hidden = CliRunner().invoke(main, ["render", str(tmp_path / "_drafts/idea.md")])
    assert hidden.exit_code == 1 and "--drafts" in hidden.output
    shown = CliRunner().invoke(main, ["render", str(tmp_path / "_drafts/idea.md"), "--drafts"])
    assert shown.exit_code == 0, shown.output
    assert shown.output == "<p>Soon</p>\n"


def test_a_layout_name_cannot_leave_the_layouts_folder(tmp_path: Path) -> None:
    write(tmp_path, {"secret.html": "SECRET {{ content }}",
                     "page/a.md": "---\nlayout: ../secret\n---\nbody\n",
                     "page/secret.html": "SECRET {{ content }}"})
    assert render_post(tmp_path / "page" / "a.md") == "<p>body</p>\n"


def test_inside_a_site_the_whole_site_is_read(tmp_path: Path) -> None:
    write(tmp_path, {
        "_config.yml": "title: T\n",
        "about.md": "---\n---\nabout\n",
        "_posts/2024-01-31-hi.md": "---\n---\n{{ site.pages | size }}/{{ site.posts | size }}\n",
        "_posts/2024-01-01-other.md": "---\n---\nother\n",
    })
    assert render_post(tmp_path / "_posts/2024-01-31-hi.md") == "<p>1/2</p>\n"
