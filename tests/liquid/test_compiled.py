"""Compiled Liquid (``jekpy.liquid.compiler``) renders exactly as the interpreter.

Every template here is rendered twice, with ``LiquidSettings(compiled=True)``
and ``compiled=False``, and the two results must be identical: the same
output, or the same error (class, message with its line).  The templates are
the repository's own Liquid cases, its fixed-seed random templates, a
generator of nested control flow written for this test (loops with
``break``/``continue``/``offset``/``limit``/``reversed``/``else``,
``tablerow``, ``capture``, ``case``, ``cycle``, counters, includes, errors),
and golden-liquid's inputs when ``../shared`` is present.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
from liquid.exceptions import LiquidError
from liquid_cases import RANDOM_DATA, RUBY_DATA, random_templates, ruby_liquid_cases
from liquid_hooks import Hooks

from jekpy.errors import JekpyError
from jekpy.liquid import LiquidEngine, LiquidSettings
from jekpy.liquid.compiler import generate_source
from jekpy.liquid.environment import JekpyEnvironment, RubyTemplate
from jekpy.liquid.errors import to_template_error
from liquid import DictLoader

pytestmark = pytest.mark.usefixtures("utc")

GOLDEN = Path(__file__).resolve().parents[2].parent / "shared/conformance/golden-liquid"

PARTIALS = {
    "p": "[{{ x }}{% for i in (1..2) %}{{ i }}{% break %}{% endfor %}]",
    "loop": "{% for i in arr %}{{ i }}{% if i == 2 %}{% break %}{% endif %}{% endfor %}",
    "brk": "a{% break %}b",
    "cnt": "{% increment k %}{{ k }}",
    "err": "{{ 1 | divided_by: 0 }}",
}


def _outcome(source: str, data: dict[str, Any], compiled: bool, mode: str) -> tuple[str, ...]:
    """``render_string``'s result (or error) with compilation on or off."""
    settings = LiquidSettings(error_mode=mode, jekyll=False, compiled=compiled, compile_after=0)
    env = JekpyEnvironment(settings, loader=DictLoader(PARTIALS))
    try:
        tpl = env.from_string(source)
        out = tpl.render(json.loads(json.dumps(data)))
    except LiquidError as err:
        exc = to_template_error(err, path="<string>", source=source)
        return ("error", type(err).__name__, str(exc))
    except (JekpyError, RecursionError) as err:
        return ("error", type(err).__name__, str(err))
    if compiled:
        assert isinstance(tpl, RubyTemplate)
        assert tpl.jekpy_compiled is not None, source
    return ("ok", out)


def _same(source: str, data: dict[str, Any], mode: str = "warn") -> tuple[str, ...]:
    interpreted = _outcome(source, data, False, mode)
    compiled = _outcome(source, data, True, mode)
    assert compiled == interpreted, source
    return compiled


# -- a generator of nested control flow ------------------------------------------

_VALUES = [
    "arr", "h", "s", "n", "e", "z", "t", "items", "strs", "neg", "'x'", "1", "0", "nil",
    "true", "false", "h.a", "items[0].a", "arr.first", "arr.size", "missing", "(1..3)",
    "forloop.index", "forloop.last", "v", "c", "blank", "empty",
]  # fmt: skip
_FILTERS = [
    "upcase", "size", "first", "join: ','", "sort", "plus: 1", "divided_by: 0", "default: 'D'",
    "append: '!'", "split: ' '", "map: 'a'", "where: 'a', 1", "slice: 1, 2", "times: 2",
    "nosuchfilter", "truncate: 'x'", "downcase", "last", "reverse", "minus: 1", "escape",
    "strip", "capitalize", "uniq", "compact", "default: 0", "prepend: '>'", "modulo: 2",
]  # fmt: skip
_COLLECTIONS = ["arr", "strs", "items", "h", "s", "(1..4)", "e", "z", "n", "(3..1)"]
_LOOP_OPTIONS = ["", " limit:2", " reversed", " offset:1", " offset:continue", " limit:nil",
                 " offset:'x'", " limit:1 offset:1 reversed"]  # fmt: skip
_TEXT = ["a", " ", "\n", "  \n ", "b\n"]


def control_flow_templates(seed: int, count: int) -> list[str]:  # noqa: C901 - a seeded template generator, one branch per tag kind
    """Deterministic random templates built from every tag the compiler handles."""
    rnd = random.Random(seed)

    def expr() -> str:
        text = rnd.choice(_VALUES)
        for _ in range(rnd.choice([0, 0, 1, 1, 2])):
            text += " | " + rnd.choice(_FILTERS)
        return text

    def cond() -> str:
        text = rnd.choice(_VALUES)
        if rnd.random() < 0.6:
            op = rnd.choice(["==", "!=", "<", ">", "contains", "<>"])
            text += f" {op} {rnd.choice(_VALUES)}"
        if rnd.random() < 0.3:
            text += f" {rnd.choice(['and', 'or'])} {rnd.choice(_VALUES)}"
        return text

    def body(depth: int) -> str:
        parts = []
        for _ in range(rnd.randint(1, 3)):
            parts.append(node(depth))
        return "".join(parts)

    def node(depth: int) -> str:  # noqa: PLR0911
        r = rnd.random()
        if depth > 3 or r < 0.15:
            return rnd.choice(_TEXT)
        if r < 0.3:
            ws = rnd.choice(["", "-"])
            return "{{" + ws + " " + expr() + " " + ws + "}}"
        if r < 0.42:
            alt = rnd.choice(
                ["", "{% else %}E", "{% elsif " + cond() + " %}F" + body(depth + 1),
                 "{% else %}G{% else %}H"]
            )  # fmt: skip
            tag = rnd.choice(["if", "if", "unless"])
            return f"{{% {tag} {cond()} %}}{body(depth + 1)}{alt}{{% end{tag} %}}"
        if r < 0.56:
            coll = rnd.choice(_COLLECTIONS) + rnd.choice(_LOOP_OPTIONS)
            default = rnd.choice(["", "", "{% else %}EMPTY"])
            return f"{{% for i in {coll} %}}{body(depth + 1)}{default}{{% endfor %}}"
        if r < 0.62:
            return rnd.choice(["{% break %}", "{% continue %}"])
        if r < 0.68:
            return "{% assign v = " + expr() + " %}"
        if r < 0.73:
            return "{% capture c %}" + body(depth + 1) + "{% endcapture %}[{{ c }}]"
        if r < 0.78:
            whens = "".join(
                f"{{% when {rnd.choice(_VALUES)}, {rnd.choice(_VALUES)} %}}{body(depth + 1)}"
                for _ in range(rnd.randint(1, 2))
            )
            tail = rnd.choice(["", "{% else %}X", "{% else %}X{% when 1 %}Y"])
            return f"{{% case {rnd.choice(_VALUES)} %}} {whens}{tail}{{% endcase %}}"
        if r < 0.82:
            return rnd.choice(
                ["{% increment k %}", "{% decrement k %}", "{{ k }}", "{% cycle 'x', 'y' %}",
                 "{% cycle g: 1, 2, 3 %}"]
            )  # fmt: skip
        if r < 0.86:
            return (
                "{% tablerow i in " + rnd.choice(_COLLECTIONS) + " cols:2 %}"
                + body(depth + 1) + "{% endtablerow %}"
            )  # fmt: skip
        if r < 0.9:
            return rnd.choice(
                ["{% include 'p' %}", "{% include 'loop' %}", "{% include 'brk' %}",
                 "{% include 'cnt' %}", "{% render 'p' %}", "{% include 'err' %}"]
            )  # fmt: skip
        if r < 0.94:
            return rnd.choice(
                ["{% comment %}x{% endcomment %}", "{% raw %}{{ x }}{% endraw %}",
                 "{% # note %}", "{% echo " + expr() + " %}", "{% ifchanged %}I{% endifchanged %}",
                 "{% liquid\nassign v = 2\necho v\n%}"]
            )  # fmt: skip
        if r < 0.99:
            return rnd.choice(_TEXT)
        return "{% " + rnd.choice(["if", "for", "case"]) + " " + cond() + " %}"  # a syntax error

    return ["\n".join(body(0) for _ in range(rnd.randint(1, 3))) for _ in range(count)]


GENERATED = control_flow_templates(16, 1500)


@pytest.mark.parametrize("chunk", range(10))
def test_generated_control_flow(chunk: int) -> None:
    templates = GENERATED[chunk::10]
    outcomes = [_same(t, RANDOM_DATA) for t in templates]
    # the generator must exercise both outputs and errors
    assert any(o[0] == "ok" for o in outcomes) and any(o[0] == "error" for o in outcomes)


def test_generated_in_strict_and_lax_modes() -> None:
    for template in GENERATED[:300]:
        _same(template, RANDOM_DATA, mode="strict")
        _same(template, RANDOM_DATA, mode="lax")


def test_repository_cases() -> None:
    for template in ruby_liquid_cases():
        _same(template, RUBY_DATA, mode="lax")
    for template in random_templates(7, 600):
        _same(template, RANDOM_DATA)


@pytest.mark.skipif(not (GOLDEN / "golden_liquid.json").is_file(), reason="no ../shared")
def test_golden_liquid_inputs() -> None:
    suite = json.loads((GOLDEN / "golden_liquid.json").read_text("utf-8"))
    for case in suite["tests"]:
        global PARTIALS
        saved = PARTIALS
        PARTIALS = {**saved, **case.get("templates", {})}
        try:
            _same(case["template"], case.get("data", {}), mode="lax")
        finally:
            PARTIALS = saved


def test_limits_and_depth_are_the_interpreters() -> None:
    deep_loops = "".join(f"{{% for i{d} in (1..2) %}}" for d in range(30)) + "x"
    deep_loops += "".join("{% endfor %}" for _ in range(30))
    deep_ifs = "{% if true %}" * 99 + "y" + "{% endif %}" * 99
    for source in (
        deep_loops,
        deep_ifs,
        "{% for i in (1..2000) %}{% for j in (1..2000) %}{% endfor %}{% endfor %}",
        "{% assign s = 'xxxxxxxxxx' %}" + "{% assign s = s | append: s %}" * 40,
        "{% include 'self' %}",
        "line1\n{{ 'x' | divided_by: 0 }}",
        "a\n\n{% for i in arr %}\n{{ i | nosuch }}{% endfor %}",
    ):
        PARTIALS["self"] = "{% include 'self' %}"
        _same(source, {"arr": [1]})


def test_output_limit() -> None:
    for compiled in (True, False):
        settings = LiquidSettings(jekyll=False, compiled=compiled, compile_after=0, output_limit=50)
        env = JekpyEnvironment(settings)
        source = "{% for i in (1..100) %}abc{% endfor %}"
        with pytest.raises(LiquidError, match="output stream limit"):
            env.from_string(source).render({})


def test_disabled_tags_inside_render() -> None:
    PARTIALS["inc"] = "{% if true %}{% include 'p' %}{% endif %}"
    assert _same("{% render 'inc' %}", {})[0] == "error"


def test_jekyll_engine_switch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``$JEKPY_LIQUID_COMPILE`` switches a site's engine; both give the same pages."""
    inc = tmp_path / "_includes"
    inc.mkdir()
    (inc / "nav.html").write_text(
        "{% for p in include.pages %}<a>{{ p.title | upcase }}</a>{% endfor %}"
    )
    source = (
        "{% assign n = page.pages | size %}{{ n }}{% include nav.html pages=page.pages %}"
        "{{ page.title | slugify }}{% highlight ruby %}x = 1{% endhighlight %}"
    )
    data = {"page": {"title": "Hello World", "pages": [{"title": "a"}, {"title": "b"}]}}
    results = []
    for flag in ("1", "0"):
        monkeypatch.setenv("JEKPY_LIQUID_COMPILE", flag)
        engine = LiquidEngine(Hooks(tmp_path))
        assert engine.settings.compiled is (flag == "1")
        tpl = engine.parse(source, path="page.md")
        first = engine.render(tpl, data)
        assert isinstance(tpl, RubyTemplate)
        assert tpl.jekpy_compiled is None  # the first render is interpreted
        results.append(engine.render(tpl, data))
        assert first == results[-1]
        assert (tpl.jekpy_compiled is not None) is (flag == "1")
    assert results[0] == results[1]
    assert "HELLO" not in results[0] and "<a>A</a>" in results[0]


def test_compile_rendered_before_workers(tmp_path: Path) -> None:
    """``LiquidEngine.compile_rendered`` (called before render workers fork) compiles
    the includes and the named layouts rendered so far -- not a page body, not a
    template never rendered -- and what they render next is what they would have
    rendered interpreted."""
    inc = tmp_path / "_includes"
    inc.mkdir()
    (inc / "nav.html").write_text("{% for p in include.pages %}<a>{{ p | upcase }}</a>{% endfor %}")
    (inc / "unused.html").write_text("{{ 1 }}")
    data = {"page": {"title": "T", "pages": ["a", "b"]}}
    outputs = []
    for early in (False, True):
        engine = LiquidEngine(Hooks(tmp_path))
        layout = engine.parse("<b>{{ page.title }}</b>{% include nav.html pages=page.pages %}", path="_layouts/l.html")
        body = engine.parse("{{ page.title | downcase }}", path="post.md")
        never = engine.parse("{{ 2 }}", path="_layouts/never.html")
        out = [engine.render(body, data), engine.render(layout, data)]
        if early:
            assert engine.compile_rendered({"_layouts/l.html", "_layouts/never.html"}) == 2
            assert isinstance(layout, RubyTemplate) and layout.jekpy_compiled is not None
            assert isinstance(body, RubyTemplate) and body.jekpy_compiled is None
            assert isinstance(never, RubyTemplate) and never.jekpy_compiled is None
            assert all(
                isinstance(t, RubyTemplate) and t.jekpy_compiled is not None
                for t in engine.env.include_cache.values()
            )
            assert engine.compile_rendered({"_layouts/l.html"}) == 0  # nothing left to do
        out.append(engine.render(layout, data))
        outputs.append(out)
    assert outputs[0] == outputs[1]
    assert outputs[1][2] == "<b>T</b><a>A</a><a>B</a>"


def test_generated_source_is_python() -> None:
    env = JekpyEnvironment(LiquidSettings(jekyll=False))
    tpl = env.from_string("{% for x in a %}{% if x %}{{ x | upcase }}{% endif %}{% endfor %}")
    source, namespace = generate_source(tpl)
    assert source.startswith("def _render(")
    compile(source, "<test>", "exec")
    assert "_env" in namespace


def test_loop_variables_read_directly() -> None:
    """A compiled loop body reads its own variable and ``forloop`` without the scope
    chain: shadowing, ``assign`` of the same name, nested loops, paths below the
    variable and a body deep enough to be written as a function of its own agree
    with the interpreter."""
    PARTIALS["setx"] = "{% assign x = 'inc' %}{{ x }}"
    data = {"arr": [{"a": 1, "b": [1, 2]}, {"a": 2}], "strs": ["p", "q"], "n": 3}
    deep = "{% if true %}" * 14 + "{{ x.a }}{{ forloop.index }}" + "{% endif %}" * 14
    cases = [
        "{% for x in arr %}{{ x.a }}{{ x.b.size }}{{ x.b[1] }}{{ x.c.d }}{% endfor %}",
        "{% for x in arr %}{% assign x = 'set' %}{{ x }}{% endfor %}{{ x }}",
        "{% for x in strs %}{% for x in arr %}{{ x.a }}{% endfor %}{{ x }}{% endfor %}",
        "{% for x in strs %}{% for y in arr %}{{ x }}{{ forloop.index }}"
        "{{ forloop.parentloop.index }}{% endfor %}{{ forloop.last }}{% endfor %}",
        "{% for forloop in strs %}{{ forloop }}{% endfor %}",
        "{% for x in strs %}{% include 'setx' %}{{ x }}{% endfor %}{{ x }}",
        "{% for x in strs %}{{ x.size }}{{ x.first }}{{ x[0] }}{% endfor %}",
        "{% for x in arr %}" + deep + "{% endfor %}",
        "{% for x in (1..2) %}{% tablerow y in strs %}{{ x }}{{ y }}{% endtablerow %}{% endfor %}",
        "{% for x in arr %}{% capture x %}c{% endcapture %}{{ x.a }}{% endfor %}{{ x }}",
    ]
    for source in cases:
        _same(source, data)
    for mode in ("strict", "lax"):
        _same("{% for x in arr %}{{ x.missing.deeper }}{% endfor %}", data, mode)
    env = JekpyEnvironment(LiquidSettings(jekyll=False, compiled=True, compile_after=0))
    source, _ = generate_source(env.from_string("{% for x in arr %}{{ x }}{{ forloop.index }}{% endfor %}"))
    assert "_get(" not in source.split("for _x", 1)[1]  # both read without the scope chain


def test_filters_called_directly_and_comparisons_inline() -> None:
    """Filters called without their Ruby-convention wrapper (arity known, no
    argument undefined), comparisons written inline and the plain-container
    ``size``/``first``/``last``/index lookups agree with the interpreter: results,
    undefined arguments (nil), wrong argument counts, US-ASCII results, errors and
    the lines they name."""
    data = {
        "arr": [3, 1, 2],
        "e": [],
        "h": {"size": "S", "first": "F", "a": 1},
        "g": {"a": 1, "b": 2},
        "s": "héllo",
        "n": 5,
        "d": "2020-03-01",
        "items": [{"a": 1}, {"a": 2}],
    }
    cases = [
        "{{ s | append: missing }}|{{ missing | default: 'D' }}|{{ s | slice: 1, missing }}",
        "{{ n | plus: 1 | times: x.y }}|{{ arr | join: '-' | upcase }}",
        "{{ s | upcase: 1 }}",
        "{{ s | slice }}",
        "{{ n | append: 'x' | upcase }}{{ n | downcase }}{{ 3.5 | capitalize }}",
        "{{ items | where: 'a', 1 | size }}{{ items | map: 'a' | join }}",
        "{{ arr | divided_by: 0 }}",
        "line1\n{{ n | divided_by: 0 }}",
        "{% if n > 3 %}a{% endif %}{% if n <= 5 and arr.size >= 3 %}b{% endif %}"
        "{% unless s < 'a' %}c{% endunless %}{% if missing > 1 %}d{% endif %}",
        "x\n{% if n > s %}a{% endif %}",
        "{% if d > 1 %}a{% endif %}",
        "{{ arr.size }}{{ arr.first }}{{ arr.last }}{{ arr[1] }}{{ arr[-1] }}{{ arr[7] }}",
        "{{ e.first }}|{{ e.last }}|{{ e.size }}|{{ e[0] }}",
        "{{ h.size }}{{ h.first }}{{ h.last }}{{ g.size }}{{ g.first }}{{ g.last }}",
        "{{ s.size }}{{ s.first }}{{ s.last }}{{ s[0] }}",
        "{% for x in items %}{{ x.size }}{{ x.first }}{% if x.a > 1 %}>{% endif %}{% endfor %}",
    ]
    for source in cases:
        for mode in ("warn", "strict", "lax"):
            _same(source, data, mode)
    env = JekpyEnvironment(LiquidSettings(jekyll=False, compiled=True, compile_after=0))
    source, _ = generate_source(env.from_string("{{ s | append: t }}{% if n > 1 %}a{% endif %}"))
    assert "in _DEFINED" in source and "_compare('>'," in source
