"""Start-up stays lean: what ``import jekpy`` and the CLI load (no timings, only
which modules a fresh interpreter ends up with), and the deferred imports of
python-liquid still work when something does use them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest


def _run(code: str) -> str:
    proc = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def _modules_after(statement: str) -> set[str]:
    out = _run(
        f"""
        import json, sys
        {statement}
        print(json.dumps(sorted(sys.modules)))
        """
    )
    return set(json.loads(out.strip().splitlines()[-1]))


def _loaded(modules: set[str], prefixes: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == p or m.startswith(p + ".") for p in prefixes))


HEAVY = (
    "liquid",
    "jekpy.liquid",
    "mistune",
    "jekpy.markdown",
    "pygments",
    "jekpy.highlight",
    "yaml",
    "jekpy.support.yamlload",
    "jekpy.builder.site",
    "jekpy.api",
    "click",
    "babel",
    "asyncio",
    "dateutil",
)


def test_import_jekpy_loads_no_engine() -> None:
    modules = _modules_after("import jekpy")
    assert _loaded(modules, HEAVY) == []


def test_cli_module_loads_no_engine() -> None:
    # ``jekpy --help`` and argument errors need click, not Liquid or Markdown.
    modules = _modules_after("import jekpy.cli.main")
    assert "click" in modules
    assert _loaded(modules, tuple(h for h in HEAVY if h != "click")) == []


def test_mistune_whole_when_used_after_jekpy() -> None:
    # jekpy's Markdown loads mistune's parsers only; mistune's own __init__ (its
    # renderers, plugins, ready-made parser) runs when a name of it is used
    out = _run(
        """
        import sys
        import jekpy.markdown as m
        assert m.convert("*a*\\n") == "<p><em>a</em></p>\\n"
        print(sorted(k for k in sys.modules if k.startswith(("mistune.markdown", "mistune.renderers"))))
        import mistune
        print(mistune.html("**b**").strip())
        from mistune import create_markdown
        print(create_markdown(plugins=["table"])("_x_").strip(), "mistune.renderers.html" in sys.modules)
        """
    )
    assert out.splitlines() == ["[]", "<p><strong>b</strong></p>", "<p><em>x</em></p> True"]


def test_markdown_without_code_loads_no_highlighter() -> None:
    modules = _modules_after(
        "import jekpy.markdown as m; assert '<em>' in m.convert('Some *text*.\\n')"
    )
    assert "jekpy.markdown" in modules
    assert _loaded(modules, ("pygments", "jekpy.highlight")) == []


def test_public_names_resolve_on_first_use() -> None:
    import jekpy

    assert callable(jekpy.render_post)
    with pytest.warns(DeprecationWarning, match="jekpy.build_site is jekpy.build"):
        assert jekpy.build_site is jekpy.build
    assert callable(jekpy.render_text)
    assert callable(jekpy.markdown.convert)
    assert issubclass(jekpy.NotPublishedError, jekpy.JekpyError)
    assert {"Site", "Page", "Document", "load_config"} <= set(dir(jekpy))
    for name in jekpy.__all__:
        assert getattr(jekpy, name) is not None
    with pytest.raises(AttributeError):
        _ = jekpy.no_such_name  # type: ignore[attr-defined]


def test_liquid_after_jekpy_defers_unused_dependencies() -> None:
    out = _run(
        """
        import sys
        import jekpy, liquid
        # asyncio's code has not run: none of its submodules were imported.
        print("asyncio.base_events" in sys.modules, "dateutil.tz" in sys.modules)
        """
    )
    assert out.split() == ["False", "False"]


def test_deferred_modules_work_when_used() -> None:
    out = _run(
        """
        import jekpy, liquid
        import asyncio
        from asyncio import sleep
        import asyncio.events

        async def main():
            await sleep(0)
            return await liquid.render_async("{{ x }}!", x=1)

        print(asyncio.run(main()))
        # python-liquid's own date filter parses with dateutil (deferred)
        print(liquid.render("{{ 'March 14, 2016' | date: '%b %d, %y' }}"))
        from babel import numbers
        print(numbers.format_decimal(1234.5, locale="en_US"))
        import pytz
        print(pytz.timezone("Europe/Paris").zone)
        """
    )
    assert out.splitlines() == ["1!", "Mar 14, 16", "1,234.5", "Europe/Paris"]


def test_nothing_deferred_when_liquid_came_first() -> None:
    out = _run(
        """
        import sys
        import liquid, jekpy
        print(type(sys.modules["asyncio"]).__name__)
        """
    )
    assert out.strip() == "module"


def test_liquid_extras_and_messages_not_loaded_by_jekpy() -> None:
    # python-liquid's optional tags/filters and message extraction (Babel, pytz and
    # the system's time zone) are stand-ins until something uses them.
    modules = _modules_after(
        "import jekpy; from jekpy.liquid import LiquidEngine; import liquid; "
        "assert liquid.Template('{{ x | upcase }}').render(x='a') == 'A'"
    )
    assert "liquid" in modules
    assert _loaded(modules, ("babel", "pytz")) == []
    assert not any(m.startswith(("liquid.extra.", "liquid.messages.")) for m in modules)
    # nor its template analysis and "future" environment (their code would import
    # liquid.span and liquid.future.environment)
    assert _loaded(modules, ("liquid.span", "liquid.future.environment")) == []


def test_liquid_stand_ins_work_when_used() -> None:
    out = _run(
        """
        import jekpy, liquid
        env = liquid.Environment(extra=True)
        print(env.from_string("{{ 1234.5 | decimal }} {{ 'a' | json }}").render())
        from liquid import MessageTuple, extract_from_template
        print(MessageTuple is liquid.MessageTuple, callable(extract_from_template))
        print(liquid.Translations.__name__)
        import liquid.extra.filters
        from liquid.extra import add_tags_and_filters
        print(callable(add_tags_and_filters), liquid.extra.filters.JSON.__name__)
        print(liquid.utils.strip_tags("<b>x</b> y"), liquid.render("{{ '<p>a</p>' | strip_html }}"))
        from liquid.utils.html import StripParser, strip_tags
        print(strip_tags("<i>z</i>"), StripParser.__name__)
        """
    )
    assert out.splitlines() == [
        '1,234.5 "a"', "True True", "Translations", "True JSON", "x y a", "z StripParser"
    ]


def test_liquid_own_filters_not_loaded_by_a_build_but_work_when_used(tmp_path: Path) -> None:
    # jekpy replaces every python-liquid filter: python-liquid's filter modules stay
    # stand-ins through a build, and python-liquid's own environments still call
    # (and read the attributes of, e.g. with_environment) the real functions
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("---\n---\n{{ 'a' | upcase }} {{ 3 | plus: 4 }}\n")
    out = _run(
        f"""
        import sys, jekpy
        jekpy.build({str(site)!r}, {str(tmp_path / "out")!r}, quiet=True)
        names = ("array", "extra", "math", "misc", "string")
        print([type(sys.modules["liquid.builtin.filters." + n]).__name__ == "module" for n in names])
        import liquid
        print(liquid.render("{{{{ 'March 14, 2016' | date: '%b %d, %y' }}}} {{{{ h | map: 'a' | join }}}}",
                            h=[{{"a": 1}}, {{"a": 2}}]))
        print(liquid.Environment().from_string("{{{{ '<b>' | escape }}}} {{{{ 5 | at_most: 3 }}}}").render())
        """
    )
    assert out.splitlines() == ["[False, False, False, False, False]", "Mar 14, 16 1 2", "&lt;b&gt; 3"]
    assert (tmp_path / "out" / "index.html").read_text() == "A 7\n"


def test_liquid_analysis_and_future_work_when_used() -> None:
    out = _run(
        """
        import asyncio
        import jekpy, liquid
        t = liquid.Template("{% for x in y %}{{ x.a }}{% endfor %}{{ w | upcase }}")
        print(sorted(t.analyze().variables))
        print(sorted(asyncio.run(t.analyze_async()).variables))
        print(sorted(liquid.Environment().analyze_tags_from_string("{% if a %}{% endif %}").all_tags))
        print(liquid.TagAnalysis.__name__, "if" in liquid.DEFAULT_INNER_TAG_MAP)
        from liquid.future import Environment
        print(Environment().from_string("{{ 1 | plus: 2 }}").render())
        """
    )
    assert out.splitlines() == [
        "['w', 'x', 'y']", "['w', 'x', 'y']", "['endif', 'if']", "TagAnalysis True", "3"
    ]


def _one_post_site(
    root: Path, body: str, layout: str = "<html>{{ content }}</html>\n"
) -> tuple[Path, Path]:
    """A site at ``root / "site"``: one post (``body``) in the ``default`` layout;
    the site's folder and the post's file."""
    site = root / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_layouts").mkdir()
    (site / "_config.yml").write_text("title: T\n")
    (site / "_layouts" / "default.html").write_text(layout)
    post = site / "_posts" / "2020-01-01-hi.md"
    post.write_text("---\nlayout: default\n---\n" + body)
    return site, post


def test_build_without_code_blocks_loads_no_highlighter(tmp_path: Path) -> None:
    # Inline `code` goes through Rouge's plain-text lexer (kramdown's default_lang),
    # which is escaping only: Pygments is loaded for code in another language.
    site, _ = _one_post_site(tmp_path, "Some *text* and `a < b`.\n")
    out = _run(
        f"""
        import sys, jekpy
        jekpy.build({str(site)!r}, {str(site / "_site")!r}, quiet=True)
        print(sorted(m for m in sys.modules if m.startswith(("pygments", "jekpy.highlight."))))
        """
    )
    assert out.strip().splitlines()[-1] == "['jekpy.highlight.names']"
    assert "a &lt; b" in (site / "_site" / "2020" / "01" / "01" / "hi.html").read_text()


#: What a plain ``jekpy build`` of a small site (no time zone, no Sass, not
#: incremental, disk cache on or off) does not load: click (the entry point parses
#: the arguments itself), ``logging`` (the command writes to its streams), OpenSSL's
#: ``hashlib`` (cache keys use CPython's own SHA-1), the incremental build's module,
#: ``calendar``/``locale`` (Ruby's English names are a table), ``zoneinfo`` (only for
#: a configured zone), ``traceback``/``fcntl`` (a worker's crash, forked workers),
#: ``tempfile`` (Sass source maps, a changed static file), ``json`` (a JSON data
#: file YAML does not read; jsonify uses the C string encoder), ``shutil`` (with
#: its ``bz2``/``lzma``: the writer copies by ``os.sendfile``), ``pickle.py`` (the
#: C ``_pickle`` does), ``random`` (the ``sample`` filter only), ``html.parser``
#: (python-liquid's ``strip_html``, which jekpy's replaces), the plugins' Liquid
#: tags and generated pages without plugins and, without the
#: disk cache, the incremental machinery; of mistune, its parsers only.
NOT_IN_A_PLAIN_BUILD = (
    "click",
    "logging",
    "hashlib",
    "_hashlib",
    "jekpy.builder.incremental",
    "calendar",
    "locale",
    "zoneinfo",
    "difflib",
    "uuid",
    "platform",
    "traceback",
    "tempfile",
    "fcntl",
    "json",
    "mistune.markdown",
    "mistune.renderers",
    "mistune.plugins",
    "shutil",
    "bz2",
    "lzma",
    "pickle",
    "random",
    "html.parser",
    "jekpy.plugins.liquid_tags",
    "jekpy.plugins.pages",
)


@pytest.mark.parametrize("cache_flag", ["--disable-disk-cache", None])
def test_plain_build_command_loads_only_what_it_uses(tmp_path: Path, cache_flag: str | None) -> None:
    layout = "<html>{{ content }} {{ page.date | date: '%B %A' }}</html>\n"
    site, _ = _one_post_site(tmp_path, "Some *text*.\n", layout)
    (site / "index.md").write_text("---\nlayout: default\n---\n{{ site.posts | size }}\n")
    argv = ["build", "-s", str(site), "-d", str(tmp_path / "out"), "-q"]
    argv += [cache_flag] if cache_flag else []
    code = textwrap.dedent(
        f"""
        import sys
        from jekpy.cli.launch import build_without_click
        assert build_without_click({argv!r})
        modules = sorted(sys.modules)
        import json
        print(json.dumps(modules))
        """
    )
    env = {k: v for k, v in os.environ.items() if k != "TZ"}
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    modules = set(json.loads(proc.stdout.strip().splitlines()[-1]))
    assert "jekpy.builder.site" in modules
    # with the disk cache, earlier renders are reused (the incremental machinery)
    # and the cache files written (through temporary files): that is what it is for
    reuse = (
        ("jekpy.builder.incremental", "tempfile", "json", "shutil", "bz2", "lzma", "random")
        if cache_flag is None else ()
    )
    assert _loaded(modules, tuple(m for m in NOT_IN_A_PLAIN_BUILD if m not in reuse)) == []
    page = (tmp_path / "out" / "2020" / "01" / "01" / "hi.html").read_text()
    assert page == "<html><p>Some <em>text</em>.</p>\n January Wednesday</html>\n"


def test_a_warm_build_of_an_unchanged_site_loads_no_markdown_parser(tmp_path: Path) -> None:
    # Every post's HTML comes from the disk cache: mistune's parsers and jekpy's
    # (render.py) are imported at the first conversion only.  A changed post does
    # convert, with the parsers then loaded.
    site, post = _one_post_site(tmp_path, "Some *text*.\n")
    (site / "about.md").write_text("---\nlayout: default\n---\n# About\n")
    argv = ["build", "-s", str(site), "-d", str(tmp_path / "out"), "-q"]
    code = textwrap.dedent(
        f"""
        import sys
        from jekpy.cli.launch import build_without_click
        assert build_without_click({argv!r})
        print(sorted(m for m in sys.modules if m.startswith(("jekpy.markdown.render", "mistune.block_parser"))))
        """
    )

    def build() -> str:
        proc = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
        )
        assert proc.returncode == 0, proc.stderr
        return proc.stdout.strip().splitlines()[-1]

    converted = "['jekpy.markdown.render', 'mistune.block_parser']"
    assert build() == converted  # the first build converts both
    shutil.rmtree(tmp_path / "out")
    assert build() == "[]"
    page = tmp_path / "out" / "2020" / "01" / "01" / "hi.html"
    assert page.read_text() == "<html><p>Some <em>text</em>.</p>\n</html>\n"
    assert (tmp_path / "out" / "about.html").read_text() == (
        '<html><h1 id="about">About</h1>\n</html>\n'
    )
    post.write_text("---\nlayout: default\n---\nOther *text*.\n")
    assert build() == converted
    assert page.read_text() == "<html><p>Other <em>text</em>.</p>\n</html>\n"


def _dataclasses_to_compare() -> list[type]:
    """Every dataclass of jekpy, mistune and python-liquid, and made-up ones of every
    shape ``dataclasses`` writes an ``__init__`` for."""
    import dataclasses
    import importlib
    import pkgutil
    from typing import ClassVar

    import mistune

    import jekpy
    from liquid import static_analysis

    found: list[type] = []
    modules = [static_analysis]
    for package in (jekpy, mistune):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if ".__main__" in info.name or info.name.startswith(("jekpy.serve", "mistune.plugins")):
                continue
            modules.append(importlib.import_module(info.name))
    for module in modules:
        found += [v for v in vars(module).values() if dataclasses.is_dataclass(v) and isinstance(v, type)]

    @dataclasses.dataclass
    class Plain:
        a: int
        b: str = "x"
        c: list[int] = dataclasses.field(default_factory=list)
        d: ClassVar[int] = 3
        e: dataclasses.InitVar[int] = 0
        f: object = None

        def __post_init__(self, e: int) -> None:
            pass

    @dataclasses.dataclass(kw_only=True, frozen=True, slots=True)
    class KwOnly:
        self: int
        x: float = 1.5

    @dataclasses.dataclass
    class Mixed:
        a: int
        _: dataclasses.KW_ONLY
        b: int = 2
        c: tuple[int, ...] = ()

    @dataclasses.dataclass
    class Empty:
        pass

    class Meta(type):
        pass

    @dataclasses.dataclass
    class WithMeta(metaclass=Meta):
        a: int = 1

    @dataclasses.dataclass
    class WithNew:
        a: int = 1

        def __new__(cls, *args: object, **kwargs: object) -> WithNew:
            return super().__new__(cls)

    @dataclasses.dataclass
    class Child(Plain):
        g: int = 7

    @dataclasses.dataclass(init=False)
    class NoInit:
        a: int = 1

    Real = dataclasses.make_dataclass("Real", [("a", int), ("b", "list[str]", dataclasses.field(default=None))])
    return [*found, Plain, KwOnly, Mixed, Empty, WithMeta, WithNew, Child, NoInit, Real]


def test_dataclass_docs_without_inspect_are_inspects() -> None:
    # the command's dataclasses write a missing __doc__ without loading inspect:
    # the same text as inspect.signature, or None (inspect is asked then)
    import inspect

    from jekpy._deferred import DataclassInspect, dataclass_signature

    classes = _dataclasses_to_compare()
    written = 0
    for cls in classes:
        text = dataclass_signature(cls)
        real = str(inspect.signature(cls))
        assert text is None or text == real, cls
        assert str(DataclassInspect().signature(cls)) == real
        written += text is not None
    assert len(classes) > 40 and written > 0.8 * len(classes)
    # a metaclass, __new__, real (not string) annotations: left to inspect
    by_name = {c.__name__: c for c in classes}
    assert [dataclass_signature(by_name[n]) for n in ("WithMeta", "WithNew", "Real")] == [None] * 3
    assert DataclassInspect().getdoc is inspect.getdoc  # every other name is inspect's


def test_build_command_loads_no_inspect_nor_zoneinfo_for_utc(tmp_path: Path) -> None:
    # the command (code cache on, TZ=UTC as on CI machines) also leaves inspect
    # (deferred while dataclasses is imported) and zoneinfo out; mistune's
    # dataclasses without a docstring get inspect's text all the same
    site = tmp_path / "site"
    (site / "_layouts").mkdir(parents=True)
    (site / "_layouts" / "default.html").write_text("<html>{{ content }}</html>\n")
    (site / "index.md").write_text("---\nlayout: default\n---\n- a *list*\n- [link](/x)\n")
    code = textwrap.dedent(
        f"""
        import json, sys
        from jekpy.cli.launch import build_without_click
        argv = ["build", "-s", {str(site)!r}, "-d", {str(tmp_path / "out")!r}, "-q",
                "--disable-disk-cache"]
        assert build_without_click(argv, code_cache=True)
        modules = sorted(sys.modules)
        real = type(sys.modules.get("inspect")).__name__ == "module"
        from mistune.list_parser import _ListMarker
        print(json.dumps([modules, real, _ListMarker.__doc__]))
        """
    )
    env = dict(os.environ, TZ="UTC", XDG_CACHE_HOME=str(tmp_path / "xdg"))
    for _ in range(2):  # code cache cold, then warm
        proc = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
            check=False, env=env,
        )
        assert proc.returncode == 0, proc.stderr
        modules, real_inspect, doc = json.loads(proc.stdout.strip().splitlines()[-1])
        assert not real_inspect
        assert _loaded(set(modules), ("ast", "dis", "tokenize", "zoneinfo", "sysconfig")) == []
        assert doc == "_ListMarker(spaces: 'str', marker: 'str', text: 'str')"
        assert (tmp_path / "out" / "index.html").read_text().startswith("<html><ul>")
        shutil.rmtree(tmp_path / "out")
