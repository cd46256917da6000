"""Unit tests of the Liquid layer: engine interface, Ruby value printing, errors,
security of includes and resource limits.

Expected Ruby outputs here are small facts checked against Ruby 3.1 /
Liquid 5.4 / Jekyll 4.3.1 by hand-run one-liners (``Time#to_s``,
``Hash#inspect`` ...); the bulk of the behaviour is covered by the golden
cases in ``test_liquid_golden.py``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from liquid_hooks import Drop
from liquid_hooks import Hooks as BaseHooks

from jekpy.errors import IncludeError, TemplateError
from jekpy.liquid import LiquidEngine, LiquidSettings, render_string, ruby
from jekpy.support import sass

UTC = dt.timezone.utc


pytestmark = pytest.mark.usefixtures("utc")


class Hooks(BaseHooks):
    def markdownify(self, text: str) -> str:
        return f"<md>{text}</md>"


@pytest.fixture
def site(tmp_path: Path) -> Hooks:
    inc = tmp_path / "_includes"
    inc.mkdir()
    (inc / "hi.html").write_text("Hi {{ include.name }}!")
    (inc / "self.html").write_text("x{% include self.html %}")
    (inc / "bad.html").write_text("ok\n{{ 1 | modulo: 0 }}")
    (inc / "outer.html").write_text("{% include bad.html %}")
    return Hooks(tmp_path)


def render(hooks: Hooks, source: str, **data: Any) -> str:
    return LiquidEngine(hooks).render_source(source, data, path="page.md")


# -- Ruby printing ----------------------------------------------------------------


def test_time_and_date_print_like_ruby(site: Hooks) -> None:
    minus3 = dt.timezone(dt.timedelta(hours=-3))
    out = render(
        site,
        "{{ a }}|{{ b }}|{{ c }}|{{ a | date: '%Z|%z' }}|{{ b | date: '%Z' }}",
        a=dt.datetime(2020, 1, 2, tzinfo=UTC),
        b=dt.datetime(2020, 3, 5, 7, 8, tzinfo=minus3),
        c=dt.date(2020, 1, 2),
    )
    assert out == "2020-01-02 00:00:00 +0000|2020-03-05 07:08:00 -0300|2020-01-02|UTC|+0000|"


def test_ruby_to_s_and_inspect() -> None:
    assert ruby.to_s({"a": [1, None, "x"]}) == '{"a"=>[1, nil, "x"]}'
    assert ruby.output_str([1, [2, [3.0]], None, {"k": 1}]) == '123.0{"k"=>1}'
    assert ruby.float_to_s(1e20) == "1.0e+20"
    assert ruby.float_to_s(1e15) == "1000000000000000.0"
    assert ruby.float_to_s(0.0001) == "0.0001"
    assert ruby.float_to_s(0.00001) == "1.0e-05"
    assert ruby.inspect('a"b\n#{x}') == '"a\\"b\\n\\#{x}"'


def test_strftime_flags() -> None:
    t = dt.datetime(2020, 3, 5, 17, 8, 9, 123456, tzinfo=UTC)
    assert ruby.strftime(t, "%-d %e %l %P %p %-I %^B %L %3N %-m %j %y") == (
        "5  5  5 pm PM 5 MARCH 123 123 3 065 20"
    )


def test_now_and_today_are_not_variables(site: Hooks) -> None:
    assert render(site, "[{{ now }}][{{ today }}]") == "[][]"
    assert render(site, "{{ 'now' | date: '%Y' }}") == str(dt.date.today().year)


def test_mappings_behave_like_hashes(site: Hooks) -> None:
    items = [Drop(t="b", n=2), Drop(t="a", n=1), Drop(n=3)]
    out = render(
        site,
        "{{ items | sort: 't' | map: 'n' | join: ',' }}|{{ items | where: 't', 'a' | size }}|"
        "{{ items | group_by: 't' | map: 'name' | join: ',' }}|{{ items | jsonify }}|"
        "{% for kv in d %}{{ kv[0] }}{% endfor %}|{{ d.first }}|{{ d.size }}",
        items=items,
        d=Drop(x=1, y=2),
    )
    assert out == '3,1,2|1|b,a,|[{"t":"b","n":2},{"t":"a","n":1},{"n":3}]|xy|x1|2'


# -- errors ---------------------------------------------------------------------------


def test_error_lines_count_from_the_file(site: Hooks) -> None:
    engine = LiquidEngine(site)
    with pytest.raises(TemplateError) as info:
        engine.render_source("a\n\n{{ 5 | modulo: 0 }}", {}, path="_posts/x.md", line_offset=4)
    err = info.value
    assert err.message == "Liquid error (line 3): divided by 0"
    assert (err.path, err.line, err.source_line) == ("_posts/x.md", 7, "{{ 5 | modulo: 0 }}")


def test_unknown_tag_is_fatal_at_its_line(site: Hooks) -> None:
    with pytest.raises(TemplateError) as info:
        LiquidEngine(site).parse("x\n{% nosuch %}", path="a.html", line_offset=2)
    assert info.value.message == "Liquid syntax error (line 2): Unknown tag 'nosuch'"
    assert info.value.line == 4


def test_error_inside_include_names_both_files(site: Hooks) -> None:
    with pytest.raises(IncludeError) as info:
        render(site, "top\n{% include outer.html %}")
    err = info.value
    assert err.path == "_includes/bad.html"
    assert err.line == 2
    assert "divided by 0 included" in err.message
    assert "outer.html line 2" in err.message  # Jekyll labels it with the outer include
    assert err.hint is not None
    assert "included from _includes/outer.html line 1 ({% include bad.html %})" in err.hint
    assert "included from page.md line 2 ({% include outer.html %})" in err.hint


def test_warn_mode_warns_and_renders(site: Hooks) -> None:
    out = render(site, "{{ a b }}|{{ x | upcase | }}", a="A", x="y")
    assert out == "A|Y"
    assert len(site.warnings) == 2
    assert site.warnings[0].startswith(
        'Liquid Warning: Liquid syntax error (line 1): Expected end_of_string but found id in "{{ a b }}"'
    )
    assert site.warnings[0].endswith(" in page.md")


def test_error_modes_from_config(tmp_path: Path) -> None:
    strict = Hooks(tmp_path, {"liquid": {"error_mode": "strict"}})
    with pytest.raises(TemplateError):
        render(strict, "{{ a b }}")
    lax = Hooks(tmp_path, {"liquid": {"error_mode": "lax"}})
    assert render(lax, "{{ a b }}", a=1) == "1"
    assert lax.warnings == []
    assert LiquidSettings.from_config({"liquid": {"strict_filters": True}}).strict_filters


def test_strict_variables_and_filters(tmp_path: Path) -> None:
    hooks = Hooks(tmp_path, {"liquid": {"strict_variables": True, "strict_filters": True}})
    with pytest.raises(TemplateError, match="undefined variable author"):
        render(hooks, "{{ page.author }}", page={"title": "x"})
    with pytest.raises(TemplateError, match="undefined filter foobar"):
        render(hooks, "{{ 'a' | foobar }}")


def test_unknown_filters_are_ignored_by_default(site: Hooks) -> None:
    assert render(site, "{{ 'a' | nosuch | upcase }}") == "A"


@pytest.mark.skipif(not sass.available(), reason="needs the libsass package")
def test_scssify_compiles_and_reports_sass_errors(site: Hooks) -> None:
    # Without a real site: the converter's defaults (compact style).
    assert render(site, "{{ x | scssify }}", x="$w: 2px; .a { b: $w; }") == ".a { b: 2px; }\n"
    with pytest.raises(TemplateError, match="scssify: Sass error"):
        render(site, "{{ 'a' | scssify }}")


def test_no_python_exception_leaks(site: Hooks) -> None:
    for template in ("{{ x | date: '%Y' }}", "{{ x | where_exp: 'i', 'i >' }}", "{% if %}"):
        with contextlib.suppress(TemplateError):
            render(site, template, x=[object()])


# -- includes: security and limits ------------------------------------------------------


def test_include_with_params(site: Hooks) -> None:
    assert render(site, "{% include hi.html name=who %}", who="Bob") == "Hi Bob!"


@pytest.mark.parametrize(
    "markup", ["../secret.txt", "/etc/passwd", "a/../../secret.txt", "'hi.html'", "~/x"]
)
def test_include_cannot_escape(site: Hooks, markup: str) -> None:
    (site.source.parent / "secret.txt").write_text("SECRET")
    with pytest.raises(TemplateError) as info:
        render(site, f"{{% include {markup} %}}")
    assert "SECRET" not in str(info.value)


def test_symlink_out_of_includes_is_refused(site: Hooks, tmp_path: Path) -> None:
    outside = tmp_path.parent / f"{tmp_path.name}-outside.txt"
    outside.write_text("SECRET")
    (site.source / "_includes" / "link.html").symlink_to(outside)
    (site.source / "_includes" / "inner.html").symlink_to(site.source / "_includes" / "hi.html")
    with pytest.raises(IncludeError, match="Could not locate the included file 'link.html'"):
        render(site, "{% include link.html %}")
    assert render(site, "{% include inner.html name=1 %}") == "Hi 1!"


def test_include_relative_stays_in_source(site: Hooks, tmp_path: Path) -> None:
    (site.source / "docs").mkdir()
    (site.source / "docs" / "part.md").write_text("PART")
    outside = tmp_path.parent / f"{tmp_path.name}-o.md"
    outside.write_text("SECRET")
    (site.source / "docs" / "evil.md").symlink_to(outside)
    page = {"path": "docs/index.md"}
    assert render(site, "{% include_relative part.md %}", page=page) == "PART"
    with pytest.raises(IncludeError):
        render(site, "{% include_relative evil.md %}", page=page)
    with pytest.raises(TemplateError):
        render(site, "{% include_relative ../../x.md %}", page=page)


def test_self_include_is_an_error_not_a_crash(site: Hooks) -> None:
    with pytest.raises(IncludeError, match="Nesting too deep"):
        render(site, "{% include self.html %}")


def test_deep_nesting_is_an_error_not_a_crash(site: Hooks) -> None:
    with pytest.raises(TemplateError):
        render(site, "{% if true %}" * 500 + "x" + "{% endif %}" * 500)


def test_loop_and_output_limits(tmp_path: Path) -> None:
    hooks = Hooks(tmp_path)
    (tmp_path / "_includes").mkdir()
    with pytest.raises(TemplateError, match="loop iteration limit"):
        render(hooks, "{% for i in (1..100000000) %}{% endfor %}")
    engine = LiquidEngine(hooks)
    engine.env.__dict__["output_stream_limit"] = 1000
    with pytest.raises(TemplateError, match="output stream limit"):
        engine.render_source("{% for i in (1..500) %}xxxx{% endfor %}", {}, path="p")


# -- tags and hooks ----------------------------------------------------------------------


def test_highlight_prefix_suffix_and_options(site: Hooks) -> None:
    out = render(
        site,
        "{% highlight NoSuch %}\n\n  a < b\n\n{% endhighlight %}",
        highlighter_prefix="\n",
        highlighter_suffix="\n",
    )
    assert out == (
        '\n<figure class="highlight"><pre><code class="language-nosuch" data-lang="nosuch">'
        "  a &lt; b</code></pre></figure>\n"
    )
    with pytest.raises(TemplateError, match="Syntax Error in tag 'highlight'"):
        render(site, "{% highlight a b=c d %}{% endhighlight %}x{% highlight %}{% endhighlight %}")


def test_plugin_tags(site: Hooks) -> None:
    engine = LiquidEngine(site)
    with pytest.raises(TemplateError, match="Unknown tag 'seo'"):
        engine.render_source("{% seo %}", {}, path="p")
    engine.register_plugin_tag("feed_meta")
    assert engine.render_source("[{% feed_meta %}]", {}, path="p") == "[]"
    engine.register_plugin_tag(
        "seo", lambda scope, markup: f"<seo {scope['page']['title']} {markup}>"
    )
    out = engine.render_source("{% seo title=false %}", {"page": {"title": "T"}}, path="p")
    assert out == "<seo T title=false>"


def test_markdownify_and_smartify_hooks(site: Hooks, monkeypatch: pytest.MonkeyPatch) -> None:
    import jekpy.markdown

    monkeypatch.setattr(jekpy.markdown, "smartify", lambda text: f"<smart>{text}</smart>")
    assert (
        render(site, "{{ '*x*' | markdownify }}|{{ 1 | smartify }}")
        == "<md>*x*</md>|<smart>1</smart>"
    )


def test_parse_is_cached(site: Hooks) -> None:
    engine = LiquidEngine(site)
    assert engine.parse("{{ a }}", path="p") is engine.parse("{{ a }}", path="p")


# -- render_string (standard Liquid) ----------------------------------------------------------


def test_render_string_is_standard_liquid() -> None:
    assert render_string("{% include 'a' with x %}", {"x": 1}, {"a": "A{{ a }}"}) == "A1"
    assert render_string("{{ 2.5 | round }}|{{ 12 | size }}", {}, {}) == "3|8"
    with pytest.raises(TemplateError):
        render_string("{% foo %}", {}, {})
    with pytest.raises(TemplateError):
        render_string("{{ a b }}", {}, {}, mode="strict")
    assert render_string("{{ a b }}", {"a": 1}, {}, mode="lax") == "1"


def test_drop_can_print_like_ruby(site: Hooks) -> None:
    class DocDrop(Drop):
        def ruby_to_s(self) -> str:
            return "<p>output</p>"

    assert render(site, "{{ d }}|{{ d | append: '!' }}", d=DocDrop(title="x")) == (
        "<p>output</p>|<p>output</p>!"
    )


def test_misplaced_end_tags_name_the_block(site: Hooks) -> None:
    with pytest.raises(TemplateError, match="'endfor' is not a valid delimiter for if tags"):
        render(site, "{% if true %}x{% endfor %}")
    with pytest.raises(TemplateError, match="Unknown tag 'endif'"):
        render(site, "x{% endif %}")


def test_include_keeps_crlf_and_drops_bom(site: Hooks) -> None:
    (site.source / "_includes" / "crlf.html").write_bytes(b"\xef\xbb\xbfa\r\nb\rc\n")
    assert render(site, "{% include crlf.html %}") == "a\r\nb\rc\n"
