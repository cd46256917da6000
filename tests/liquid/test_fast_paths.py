"""The leaner render paths (liquid/fast.py, RubyContext.get, include params,
PageDrop lookups) give the same results as the general ones."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from liquid_hooks import Drop, Hooks

from jekpy.errors import TemplateError
from jekpy.liquid import LiquidEngine, LiquidSettings, render_string
from jekpy.liquid.environment import JekpyEnvironment
from jekpy.liquid.fast import RubyBlockNode, RubyForNode, SimplePath
from jekpy.support.utils import deep_merge


class Counting(Drop):
    """A drop that counts how often each key is read."""

    def __init__(self, **data: Any) -> None:
        super().__init__(**data)
        self.reads: dict[str, int] = {}

    def __getitem__(self, key: str) -> Any:
        self.reads[key] = self.reads.get(key, 0) + 1
        return super().__getitem__(key)


@pytest.fixture
def hooks(tmp_path: Path) -> Hooks:
    inc = tmp_path / "_includes"
    inc.mkdir()
    (inc / "p.html").write_text("[{{ include.a }}|{{ include.b }}|{{ include.c }}]")
    (inc / "loop.html").write_text("{% for x in include.xs %}{{ x }}{% endfor %}")
    return Hooks(tmp_path)


def render(hooks: Hooks, source: str, **data: Any) -> str:
    return LiquidEngine(hooks).render_source(source, data, path="page.md")


def test_nodes_are_switched_to_the_lean_classes() -> None:
    env = JekpyEnvironment(LiquidSettings(jekyll=False))
    tpl = env.from_string("{% for x in a.b %}{% if x %}{{ x }}{% endif %}{% endfor %}")
    loop = tpl.nodes[0]
    assert isinstance(loop, RubyForNode)
    assert isinstance(loop.block, RubyBlockNode)  # type: ignore[attr-defined]
    assert isinstance(loop.expression.iterable, SimplePath)  # type: ignore[attr-defined]
    assert str(loop.expression.iterable) == "a.b"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("source", "data", "expected"),
    [
        ("{{ a.b.c }}", {"a": {"b": {"c": 1}}}, "1"),
        ("{{ a.b.c }}", {"a": {"b": None}}, ""),
        ("{{ a[0] }}-{{ a[9] }}", {"a": [1, 2]}, "1-"),
        ("{{ a[k] }}", {"a": {"x": 2}, "k": "x"}, "2"),
        ("{{ a.size }}{{ a.first }}{{ a.last }}", {"a": [3, 4]}, "234"),
        ("{{ missing.x }}|{{ s.x }}", {"s": "str"}, "|"),
        (
            "{% for x in xs %}{{ forloop.index }}{{ x }}{% endfor %}",
            {"xs": ["a", "b"]},
            "1a2b",
        ),
        ("{% for x in xs reversed %}{{ x }}{% endfor %}", {"xs": [1, 2, 3]}, "321"),
        (
            "{% for x in xs limit:2 %}{{ x }}{% endfor %}"
            "{% for x in xs offset:continue %}{{ x }}{% endfor %}",
            {"xs": [1, 2, 3, 4]},
            "1234",
        ),
        (
            "{% for x in xs %}{{ x }}{% endfor %}{% for x in xs offset:continue %}{{ x }}"
            "{% else %}none{% endfor %}",
            {"xs": [1, 2]},
            "12none",
        ),
        (
            "{% for x in xs %}{% break %}{% endfor %}{% for x in e %}{% else %}E{% endfor %}",
            {"xs": [1], "e": []},
            "E",
        ),
        ("{% for x in h %}{{ x[0] }}={{ x[1] }};{% endfor %}", {"h": {"a": 1, "b": 2}}, "a=1;b=2;"),
        ("{% for x in s %}<{{ x }}>{% endfor %}", {"s": "abc"}, "<abc>"),
        (
            "{% for o in xs %}{% for i in xs %}{{ forloop.parentloop.index }}{{ i }} "
            "{% endfor %}{% endfor %}",
            {"xs": [1, 2]},
            "11 12 21 22 ",
        ),
    ],
)
def test_lookups_and_loops(source: str, data: dict[str, Any], expected: str) -> None:
    assert render_string(source, data) == expected


def test_loop_evaluates_its_collection_once() -> None:
    drop = Counting(xs=[1, 2, 3], n=2)
    assert render_string("{% for x in d.xs limit: d.n %}{{ x }}{% endfor %}", {"d": drop}) == "12"
    assert drop.reads["xs"] == 1
    assert render_string("{% for x in d.xs %}{{ x }}{% endfor %}", {"d": drop}) == "123"
    assert drop.reads["xs"] == 2


def test_include_params_are_read_on_every_render(hooks: Hooks) -> None:
    engine = LiquidEngine(hooks)
    source = "{% include p.html a=v b='q\\'s' c=\"d\" %}"
    tpl = engine.parse(source, path="page.md")
    assert engine.render(tpl, {"v": 1}) == "[1|q's|d]"
    assert engine.render(tpl, {"v": "two"}) == "[two|q's|d]"
    assert engine.render(tpl, {}) == "[|q's|d]"
    assert render(hooks, "{% include loop.html xs=list %}", list=[1, 2]) == "12"


def test_include_names_are_still_checked_every_time(hooks: Hooks) -> None:
    engine = LiquidEngine(hooks)
    assert engine.render_source("{% include {{ f }} %}", {"f": "p.html"}, path="x") == "[||]"
    with pytest.raises(TemplateError):
        engine.render_source("{% include {{ f }} %}", {"f": "../p.html"}, path="x")


def test_render_arguments_are_not_changed(hooks: Hooks) -> None:
    data: dict[str, Any] = {"a": 1}
    assert render(hooks, "{% assign a = 2 %}{{ a }}", **data) == "2"
    assert data == {"a": 1}


class _Defaults:
    def __init__(self, values: dict[str, Any]) -> None:
        self.values = values

    def all(self, path: str, type_: str | None) -> dict[str, Any]:
        return dict(self.values)


@pytest.mark.parametrize(
    ("defaults", "data"),
    [
        ({}, {"title": "T"}),
        ({"title": "D", "x": 1}, {"title": "T"}),
        ({"title": "D"}, {"title": None}),
        ({}, {"title": None}),
        ({"m": {"a": 1, "b": {"c": 2}}}, {"m": {"b": {"d": 3}}}),
        ({"m": 5}, {"m": {"a": 1}}),
        ({"m": {"a": 1}}, {"m": 5}),
        ({"m": {"a": 1}}, {}),
    ],
)
def test_page_drop_lookup_matches_merged_data(
    tmp_path: Path, defaults: dict[str, Any], data: dict[str, Any]
) -> None:
    from jekpy.content.drops import PageDrop
    from jekpy.content.models import Page

    class _Recorder:
        tracker = None

    class _Site:
        frontmatter_defaults = _Defaults(defaults)
        recorder = _Recorder()

    page = Page.__new__(Page)
    page.site = _Site()  # type: ignore[assignment]
    page.relative_path = "p.html"
    page.data = dict(data)
    drop = PageDrop(page)
    merged = deep_merge(defaults, data)
    for key in {*defaults, *data, "nope"}:
        if key in merged:
            assert drop[key] == merged[key], key
        else:
            with pytest.raises(KeyError):
                drop[key]


def test_limits_hold_on_the_lean_paths(hooks: Hooks) -> None:
    engine = LiquidEngine(hooks)
    engine.env.__dict__["output_stream_limit"] = 1000
    with pytest.raises(TemplateError, match="output stream limit"):
        engine.render_source("{% for i in (1..500) %}{{ s }}{% endfor %}", {"s": "xyz"}, path="p")
    with pytest.raises(TemplateError, match="output stream limit"):
        engine.render_source("{{ s }}", {"s": "x" * 1001}, path="p")
    assert engine.render_source("{{ s }}", {"s": "x" * 1000}, path="p") == "x" * 1000
    with pytest.raises(TemplateError, match="loop iteration limit"):
        render(hooks, "{% for i in xs %}{% for j in xs %}{% endfor %}{% endfor %}", xs=[0] * 1001)
    (hooks.source / "_includes" / "again.html").write_text("{% include again.html a=1 %}")
    with pytest.raises(TemplateError, match="Nesting too deep"):
        render(hooks, "{% include again.html a=1 %}")


def _cgi_rule(text: str) -> str:
    """Ruby's ``CGI.escape``, character by character: letters, digits and ``_.-~``
    stay, a space is ``+``, any other character is its UTF-8 bytes as ``%XX``."""
    keep = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~"
    out = []
    for ch in text:
        if ch in keep:
            out.append(ch)
        elif ch == " ":
            out.append("+")
        else:
            out.extend(f"%{b:02X}" for b in ch.encode("utf-8", "surrogateescape"))
    return "".join(out)


def test_cgi_escape_and_url_encode_follow_the_rule() -> None:
    import random

    from jekpy.liquid.filters.standard import url_encode
    from jekpy.liquid.filters.text import cgi_escape

    rng = random.Random(16)
    alphabet = [chr(i) for i in range(0x250)] + ["前", "端", "😀", "\udc80", "\udcff"]
    samples = ["", "a b", "前端开发", "C++ & C#", "a/b?c=d&e#f", "100%", "~_.-"]
    samples += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 16))) for _ in range(2000)]
    for text in samples:
        assert cgi_escape(text) == _cgi_rule(text), repr(text)
        assert url_encode(text) == _cgi_rule(text), repr(text)
    assert url_encode(None) is None
    assert url_encode(12) == "12"
