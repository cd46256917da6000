"""The command's disk cache of compiled Python code (``jekpy._codecache``): code
served from it is the code ``compile`` makes, an entry is used only for the very
source it was compiled from, and a build through the cache (``dataclasses``'
functions and compiled Liquid templates) writes the same files as one without it."""

from __future__ import annotations

import filecmp
import marshal
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from types import CodeType

import pytest
from cachebuilds import build_off_on_on, write_site

from jekpy import _codecache
from jekpy._codecache import CodeCache

TEMPLATE_SOURCE = textwrap.dedent(
    """
    def _render(context, buffer):
        x: int = 1
        for item in context:
            buffer.write(f"{item!r}-{x}")
    """
)
DATACLASS_SOURCE = (
    "def __create_fn__(_type_a, MISSING):\n"
    " def __init__(self, a:_type_a=MISSING):\n  self.a=a\n return __init__"
)


def test_template_code_is_compiles_code(tmp_path: Path) -> None:
    cache = CodeCache(str(tmp_path / "code"))
    first = cache.template(TEMPLATE_SOURCE, "<liquid t>")
    again = CodeCache(str(tmp_path / "code")).template(TEMPLATE_SOURCE, "<liquid t>")
    # what the Liquid compiler's own call made (its module has the annotations future)
    expected = compile(TEMPLATE_SOURCE, "<liquid t>", "exec")
    assert first == expected and again == expected
    assert len(list((tmp_path / "code").glob("t-*.marshal"))) == 1


def test_functions_keep_their_annotations_uninherited(tmp_path: Path) -> None:
    cache = CodeCache(str(tmp_path / "code"))
    code = cache.function(DATACLASS_SOURCE)
    assert code == compile(DATACLASS_SOURCE, "<string>", "exec", dont_inherit=True)
    cache.save()
    reread = CodeCache(str(tmp_path / "code"))
    assert reread.functions == {("<string>", "exec", DATACLASS_SOURCE): code}
    namespace: dict[str, object] = {}
    exec(reread.function(DATACLASS_SOURCE), None, namespace)  # noqa: S102
    init = namespace["__create_fn__"](int, None)  # type: ignore[operator]
    assert init.__annotations__ == {"a": int}  # a type, not the string "_type_a"


def test_an_entry_for_other_source_is_not_used(tmp_path: Path) -> None:
    folder = tmp_path / "code"
    cache = CodeCache(str(folder))
    cache.template(TEMPLATE_SOURCE, "<liquid t>")
    (path,) = folder.glob("t-*.marshal")
    # the same file name holding another template's code (a checksum collision)
    path.write_bytes(marshal.dumps(("<liquid t>", "other", compile("y = 2", "<liquid t>", "exec"))))
    assert CodeCache(str(folder)).template(TEMPLATE_SOURCE, "<liquid t>") == compile(
        TEMPLATE_SOURCE, "<liquid t>", "exec"
    )
    assert marshal.loads(path.read_bytes())[1] == TEMPLATE_SOURCE  # written again
    for junk in (b"", b"\x00garbage", marshal.dumps([1, 2])):
        path.write_bytes(junk)
        assert CodeCache(str(folder)).template(TEMPLATE_SOURCE, "<liquid u>") == compile(
            TEMPLATE_SOURCE, "<liquid u>", "exec"
        )
    (folder / "functions.v2.marshal").write_bytes(b"\x00garbage")
    assert CodeCache(str(folder)).functions == {}


def test_template_files_are_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_codecache, "MAX_FILES", 3)
    for n in range(6):  # one process per template (a process trims at its first write)
        CodeCache(str(tmp_path)).template(f"x = {n}\n", "<liquid t>")
    assert len(list(tmp_path.glob("t-*.marshal"))) == 3


def test_forked_children_do_not_write_the_shared_file(tmp_path: Path) -> None:
    cache = CodeCache(str(tmp_path))
    cache.function(DATACLASS_SOURCE)
    cache.owner = -1  # as in a forked render worker
    cache.save()
    assert not (tmp_path / "functions.v2.marshal").exists()


def test_off_switch_location_and_library_use(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folder = _codecache.cache_dir()
    assert folder is not None and folder.startswith(str(tmp_path / "jekpy" / "code-"))
    monkeypatch.setenv("JEKPY_CODE_CACHE", "0")
    assert _codecache.cache_dir() is None
    # without the command, compile_code simply compiles and nothing is patched
    import dataclasses
    import typing

    assert not _codecache._INSTALLED and "exec" not in vars(dataclasses)
    assert "compile" not in vars(typing)
    assert _codecache.compile_code("z = 3", "<liquid z>") == compile("z = 3", "<liquid z>", "exec")


def test_build_through_the_cache_writes_the_same_files(tmp_path: Path) -> None:
    posts = {
        f"_posts/2020-01-0{day}-p{day}.md":
        f"---\nlayout: default\ntitle: Post {day}\n---\nSome *text* {day}.\n"
        for day in (1, 2, 3)
    }
    site = write_site(tmp_path, {
        "_config.yml": "title: T\n",
        "_includes/list.html":
        "{% for p in site.posts %}{% if p.url %}<li>{{ p.title | upcase }}</li>{% endif %}"
        "{% endfor %}\n",
        "_layouts/default.html":
        "<html>{% include list.html %}{{ content }}{% assign n = 3 %}{% case n %}"
        "{% when 3 %}three{% else %}other{% endcase %}</html>\n",
        **posts,
        "index.html": "---\nlayout: default\n---\n{{ site.posts | size }}\n",
    })

    def nothing_cached() -> None:
        assert not list((tmp_path / "xdg").glob("jekpy/code-*"))

    outputs = build_off_on_on(
        site, tmp_path, lambda switch: {"JEKPY_CODE_CACHE": switch}, nothing_cached
    )
    (folder,) = (tmp_path / "xdg" / "jekpy").glob("code-*")
    assert (folder / "functions.v2.marshal").is_file()  # dataclasses' functions
    assert list(folder.glob("t-*.marshal"))  # the templates rendered twice or more
    # the parsed layout, include and page (jekpy.liquid.treecache); not the posts
    kept = sorted(marshal.loads(p.read_bytes())[1] for p in folder.glob("p-*.marshal"))
    assert kept == sorted([
        posts_layout := (site / "_layouts" / "default.html").read_text(),
        (site / "_includes" / "list.html").read_text(),
        "{{ site.posts | size }}\n",
    ]) and "{{ content }}" in posts_layout
    names = ["index.html", *(f"2020/01/0{d}/p{d}.html" for d in (1, 2, 3))]
    for other in outputs[1:]:
        assert filecmp.cmpfiles(outputs[0], other, names, shallow=False) == (names, [], [])


def test_same_code_under_two_names_shares_one_entry(tmp_path: Path) -> None:
    # two layouts compiling to the same source ("content, newline"), or an include
    # under another absolute path (a copy of the site): one entry, no file written
    # again, and the code each gets is what compiling under its own name gives
    folder = tmp_path / "code"
    names = ["<liquid _layouts/page.html>", "<liquid _layouts/post.html>",
             "<liquid /elsewhere/_includes/x.html>"]
    for name in names:
        CodeCache(str(folder)).template(TEMPLATE_SOURCE, name)
    stamps = {p.name: p.stat().st_mtime_ns for p in folder.glob("t-*.marshal")}
    assert len(stamps) == 1
    for name in reversed(names):
        code = CodeCache(str(folder)).template(TEMPLATE_SOURCE, name)
        assert code == compile(TEMPLATE_SOURCE, name, "exec")
        nested = [c for c in code.co_consts if isinstance(c, CodeType)]
        assert nested and all(c.co_filename == name for c in [code, *nested])
    assert {p.name: p.stat().st_mtime_ns for p in folder.glob("t-*.marshal")} == stamps


def test_warnings_of_a_kept_template_come_at_every_run(tmp_path: Path) -> None:
    # a parse that warns is not kept: the warning is printed by every build
    site = write_site(tmp_path, {
        "_config.yml": "title: T\n",
        "_layouts/default.html":
        "<html>{% for i in (1..3) limit 2 %}{{ i }}{% endfor %}{{ content }}</html>\n",
        "_includes/ok.html": "{{ include.v }}\n",
        "index.html": "---\nlayout: default\n---\n{% include ok.html v=1 %}\n",
    })
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "xdg"), TZ="UTC")
    env.pop("JEKPY_CODE_CACHE", None)
    for run in range(3):
        proc = subprocess.run(
            [sys.executable, "-m", "jekpy", "build", "--disable-disk-cache",
             "-s", str(site), "-d", str(tmp_path / f"out{run}")],
            env=env, capture_output=True, text=True, check=True, timeout=120,
        )
        assert "Liquid Warning: Liquid syntax error (line 1)" in proc.stdout + proc.stderr
        assert (tmp_path / f"out{run}" / "index.html").read_text() == "<html>1231\n\n</html>\n"
    (folder,) = (tmp_path / "xdg" / "jekpy").glob("code-*")
    kept = [marshal.loads(p.read_bytes())[1] for p in folder.glob("p-*.marshal")]
    assert sorted(kept) == ["{% include ok.html v=1 %}\n", "{{ include.v }}\n"]


def test_typing_forward_references_compile_through_the_cache(tmp_path: Path) -> None:
    # typing compiles the text of each forward reference ("Path" in
    # list[Union[str, "Path"]]): the command serves those from the shared file
    cache = CodeCache(str(tmp_path))
    code = cache.function("Optional[Path]", "<string>", "eval")
    # (typing's own call inherits no __future__ flag: this test module has one)
    assert code == compile("Optional[Path]", "<string>", "eval", dont_inherit=True)
    cache.save()
    assert ("<string>", "eval", "Optional[Path]") in CodeCache(str(tmp_path)).functions
    script = textwrap.dedent(
        """
        import sys, typing
        from jekpy import _codecache
        cache = _codecache.install()
        assert typing.compile is not compile
        ref = typing.ForwardRef("dict[str, 'X']")
        assert ref.__forward_code__ == compile("dict[str, 'X']", "<string>", "eval")
        assert typing.get_type_hints(type("T", (), {"__annotations__": {"a": "int"}})) == {"a": int}
        cache.save()
        """
    )
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "xdg"))
    env.pop("JEKPY_CODE_CACHE", None)
    subprocess.run([sys.executable, "-c", script], env=env, check=True, timeout=60)
    (folder,) = (tmp_path / "xdg" / "jekpy").glob("code-*")
    kept = marshal.loads((folder / "functions.v2.marshal").read_bytes())
    assert ("<string>", "eval", "dict[str, 'X']") in kept
