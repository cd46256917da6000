"""The command's cache of parsed templates (``jekpy.liquid.treecache``): a tree
loaded from it is the tree a fresh parse makes -- the same classes, attributes,
values and sharing, and the same rendering -- and it keeps nothing it should not
(a parse that warned or failed, a plugin's own tag, a shared constant), and it is
never used for another source or another parser (settings, tags, code).

The templates are the repository's Liquid cases, its fixed-seed random and
generated templates, Jekyll's tags, golden-liquid's inputs and the corpus sites'
layouts, includes and pages when ``../shared`` is present."""

from __future__ import annotations

import json
import marshal
from pathlib import Path
from typing import Any

import pytest
from liquid.exceptions import LiquidError
from liquid_cases import (
    RANDOM_DATA,
    RUBY_DATA,
    RUBY_WARN_TEMPLATES,
    random_templates,
    ruby_liquid_cases,
)
from test_compiled import GENERATED

from jekpy._codecache import CodeCache
from jekpy.errors import JekpyError
from jekpy.liquid import treecache
from jekpy.liquid.environment import JekpyEnvironment, LiquidSettings
from jekpy.liquid.tags.plugins import register_plugin_tag
from jekpy.liquid.treecache import TreeCache
from liquid import DictLoader

pytestmark = pytest.mark.usefixtures("utc")

SHARED = Path(__file__).resolve().parents[2].parent / "shared"

PARTIALS = {"p": "[{{ x }}{% for i in (1..2) %}{{ i }}{% break %}{% endfor %}]"}

JEKYLL_TEMPLATES = [
    "{% include note.html %}",
    "{% include note.html text='a' n=1 list=site.posts %}",
    "{% include {{ page.name }}.html x=y %}",
    "{% include_relative a/b.md %}",
    "{% highlight ruby linenos %}\ndef f\nend\n{% endhighlight %}",
    "{% highlight python hl_lines=\"1 2\" %}x = 1{% endhighlight %}",
    "{% link _posts/2020-01-01-a.md %} {% post_url 2020-01-01-a %}",
    "{{ site.posts | where: 'layout', 'post' | map: 'title' | join: ', ' | xml_escape }}",
    "{% for p in site.posts limit: 2 offset: continue %}{{ p.url | relative_url }}{% endfor %}",
    "{% capture c %}{% cycle 'a', 'b' %}{% endcapture %}{% tablerow i in (1..3) cols: 2 %}"
    "{{ i }}{% endtablerow %}{% increment n %}{% decrement n %}{% raw %}{{ r }}{% endraw %}",
    "{% comment %}{% nosuchtag %}{{ x }}{% endcomment %}{% if a contains 'b' or c == blank %}x{% elsif d"
    " != empty %}y{% else %}z{% endif %}{% unless e %}u{% endunless %}{% case f %}{% when 1, 2 %}"
    "one{% else %}other{% endcase %}{% liquid\nassign g = 1\necho g %}{% echo h | upcase %}",
]


def _shape(obj: object, ids: dict[int, int]) -> object:
    """Everything a tree is: each object's class and attributes, recursively, with
    shared objects as back references (so sharing must be the same too)."""
    kind = type(obj)
    if kind in (str, int, float, bool, type(None), bytes):
        return (kind.__name__, obj)
    if isinstance(obj, type) or callable(obj) and not hasattr(obj, "__dict__"):
        return ("object", f"{getattr(obj, '__module__', '')}.{getattr(obj, '__qualname__', obj)}")
    if id(obj) in ids:
        return ("ref", ids[id(obj)])
    ids[id(obj)] = len(ids)
    out: list[object] = [f"{kind.__module__}.{kind.__qualname__}"]
    if isinstance(obj, str):
        out.append(str(obj))
    if isinstance(obj, list | tuple):
        out.append([_shape(item, ids) for item in obj])
    elif isinstance(obj, dict):
        out.append([(_shape(k, ids), _shape(v, ids)) for k, v in obj.items()])
    attrs: dict[str, object] = dict(getattr(obj, "__dict__", {}))
    for cls in kind.__mro__:
        slots = cls.__dict__.get("__slots__", ())
        for slot in [slots] if isinstance(slots, str) else slots:
            if slot not in ("__dict__", "__weakref__") and hasattr(obj, slot):
                attrs[slot] = getattr(obj, slot)
    out.append([(name, _shape(value, ids)) for name, value in sorted(attrs.items())])
    return out


def shape(nodes: object) -> object:
    return _shape(nodes, {})


def _env(settings: LiquidSettings, folder: Path | None = None) -> JekpyEnvironment:
    env = JekpyEnvironment(settings, loader=DictLoader(PARTIALS))
    env.tree_cache = TreeCache(CodeCache(str(folder))) if folder is not None else None
    return env


def _render(env: JekpyEnvironment, source: str, data: dict[str, Any]) -> tuple[str, ...]:
    try:
        return ("ok", env.from_string(source, keep=True).render(json.loads(json.dumps(data))))
    except (LiquidError, JekpyError, RecursionError) as err:
        return ("error", type(err).__name__, str(err))


def check_round_trip(
    templates: list[str], settings: LiquidSettings, folder: Path,
    data: dict[str, Any] | None = None,
) -> int:
    """Parse each template fresh, and through the cache twice (stored, then loaded
    by another environment): the same tree (and rendering).  How many were loaded."""
    fresh_env = _env(settings)
    writer = _env(settings, folder)
    loaded = 0
    for source in templates:
        before = fresh_env.warnings_emitted
        try:
            fresh = fresh_env.from_string(source).nodes
        except LiquidError:
            with pytest.raises(LiquidError):
                writer.from_string(source, keep=True)
            continue
        warned = fresh_env.warnings_emitted > before
        assert writer.tree_cache is not None
        writer.tree_cache.budget = 1  # (a process keeps at most MAX_NEW new trees)
        assert shape(writer.from_string(source, keep=True).nodes) == shape(fresh), source
        reader = _env(settings, folder)
        assert reader.tree_cache is not None
        nodes, fingerprint, _ = reader.tree_cache.load(reader, source)
        assert fingerprint is not None
        if nodes is None:
            # only what warned (error_mode: warn) is parsed at every run
            assert warned, source
            continue
        loaded += 1
        assert shape(nodes) == shape(fresh), source
        if data is not None:
            assert _render(reader, source, data) == _render(_env(settings), source, data), source
    return loaded


def test_repository_cases_load_as_parsed(tmp_path: Path) -> None:
    lax = LiquidSettings(error_mode="lax", jekyll=False)
    cases = ruby_liquid_cases()
    assert check_round_trip(cases, lax, tmp_path, RUBY_DATA) > 0.9 * len(cases)
    warn = LiquidSettings(jekyll=False)
    randoms = random_templates(7, 600)
    assert check_round_trip(randoms, warn, tmp_path, RANDOM_DATA) > 0.5 * len(randoms)


@pytest.mark.parametrize("mode", ["warn", "strict", "lax"])
def test_generated_control_flow_loads_as_parsed(tmp_path: Path, mode: str) -> None:
    settings = LiquidSettings(error_mode=mode, jekyll=False)
    templates = GENERATED[:400] if mode == "warn" else GENERATED[:150]
    assert check_round_trip(templates, settings, tmp_path, RANDOM_DATA) > 0.3 * len(templates)


def test_jekyll_tags_load_as_parsed(tmp_path: Path) -> None:
    assert check_round_trip(JEKYLL_TEMPLATES, LiquidSettings(), tmp_path) == len(JEKYLL_TEMPLATES)


def test_golden_liquid_inputs_load_as_parsed(tmp_path: Path) -> None:
    path = SHARED / "conformance" / "golden-liquid" / "golden_liquid.json"
    if not path.is_file():
        pytest.skip("../shared (golden-liquid) is not present on this machine")
    suite = json.loads(path.read_text("utf-8"))
    templates = [case["template"] for case in suite["tests"]]
    lax = LiquidSettings(error_mode="lax", jekyll=False)
    assert check_round_trip(templates, lax, tmp_path) > 0.5 * len(templates)


def test_corpus_templates_load_as_parsed(tmp_path: Path) -> None:
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        pytest.skip("../shared (the corpus) is not present on this machine")
    templates = []
    for site in sorted(corpus.glob("*/src")):
        for path in sorted(site.rglob("*")):
            rel = path.relative_to(site).parts
            if not path.is_file() or path.suffix not in (".html", ".md", ".xml", "") or (
                rel[0].startswith("_") and rel[0] not in ("_layouts", "_includes")
            ):
                continue
            text = path.read_text("utf-8", errors="replace")
            if "{{" in text or "{%" in text:
                templates.append(text.split("\n---\n", 1)[-1] if text.startswith("---") else text)
    assert len(templates) > 100
    assert check_round_trip(templates, LiquidSettings(), tmp_path) > 0.9 * len(templates)


def test_a_parse_that_warned_or_failed_is_not_kept(tmp_path: Path) -> None:
    warnings: list[str] = []
    env = JekpyEnvironment(LiquidSettings(), warn=warnings.append)
    env.tree_cache = TreeCache(CodeCache(str(tmp_path)))
    warned = 0
    for source in RUBY_WARN_TEMPLATES:
        counts = []
        for _ in range(2):
            before = len(warnings)
            try:
                env.from_string(source, keep=True)
            except LiquidError:
                break
            counts.append(len(warnings) - before)
        if counts and counts[0]:
            warned += 1
            assert counts == [counts[0], counts[0]], source  # it warns at every parse
    assert warned > 10
    with pytest.raises(LiquidError):
        env.from_string("{% if %}", keep=True)
    kept = [marshal.loads(p.read_bytes())[1] for p in tmp_path.glob("p-*.marshal")]
    assert kept and "{% if %}" not in kept
    for source in kept:
        fresh = JekpyEnvironment(LiquidSettings(), warn=warnings.append)
        fresh.from_string(source)
        assert fresh.warnings_emitted == 0, source  # only the silent ones were kept


def test_only_the_same_parser_uses_a_tree(tmp_path: Path) -> None:
    source = "{% if a %}{{ b | upcase }}{% endif %}{% seo %}"
    env = _env(LiquidSettings(), tmp_path)
    register_plugin_tag(env, "seo")
    env.from_string(source, keep=True)
    assert len(list(tmp_path.glob("p-*.marshal"))) == 1

    def loads(other: JekpyEnvironment) -> bool:
        assert other.tree_cache is not None
        return other.tree_cache.load(other, source)[0] is not None

    same = _env(LiquidSettings(), tmp_path)
    register_plugin_tag(same, "seo")
    assert loads(same)
    assert not loads(_env(LiquidSettings(), tmp_path))  # no seo tag
    strict = _env(LiquidSettings(error_mode="strict"), tmp_path)
    register_plugin_tag(strict, "seo")
    assert not loads(strict)
    other = _env(LiquidSettings(), tmp_path)
    register_plugin_tag(other, "seo")
    register_plugin_tag(other, "feed_meta")
    assert not loads(other)
    assert same.tree_cache is not None
    assert not same.tree_cache.load(same, source + " ")[0]  # another source


def test_parser_code_is_part_of_the_fingerprint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = _env(LiquidSettings(), tmp_path)
    assert env.tree_cache is not None
    first = env.tree_cache.fingerprint(env)
    assert first is not None
    # every module file of python-liquid and jekpy.liquid, loaded or not
    files = treecache._package_files()
    assert "/treecache.py:" in files and "/filters/standard.py:" in files
    assert "/builtin/tags/tablerow_tag.py:" in files
    monkeypatch.setattr(treecache, "_PACKAGE_FILES", ["another build"])
    again = _env(LiquidSettings(), tmp_path)
    assert again.tree_cache is not None and again.tree_cache.fingerprint(again) != first


def test_a_plugin_python_tag_keeps_nothing(tmp_path: Path) -> None:
    from liquid.builtin.tags.echo_tag import EchoTag

    class OwnTag(EchoTag):
        name = "own"

    env = _env(LiquidSettings(), tmp_path)
    env.add_tag(OwnTag)
    assert env.tree_cache is not None and env.tree_cache.fingerprint(env) is None
    assert env.from_string("{% own 'x' %}", keep=True).render() == "x"
    assert not list(tmp_path.glob("p-*.marshal"))


def test_shared_objects_and_foreign_values_are_not_kept(tmp_path: Path) -> None:
    from jekpy.liquid import conditions

    env = _env(LiquidSettings(), tmp_path)
    assert env.tree_cache is not None
    fingerprint = env.tree_cache.fingerprint(env)
    assert fingerprint is not None
    nodes = env.from_string("{{ a }}").nodes
    env.tree_cache.keep("p-owned.marshal", fingerprint, "x", [nodes[0], conditions.BLANK_LITERAL])
    env.tree_cache.keep("p-path.marshal", fingerprint, "x", [nodes[0], Path("/")])
    env.tree_cache.keep("p-sentinel.marshal", fingerprint, "x", [nodes[0], object()])
    env.tree_cache.keep("p-fine.marshal", fingerprint, "x", [nodes[0]])
    assert sorted(p.name for p in tmp_path.glob("p-*.marshal")) == ["p-fine.marshal"]


def test_a_broken_entry_means_parsing(tmp_path: Path) -> None:
    source = "{% for i in (1..3) %}{{ i }}{% endfor %}"
    env = _env(LiquidSettings(), tmp_path)
    env.from_string(source, keep=True)
    (path,) = tmp_path.glob("p-*.marshal")
    fingerprint, text, blob = marshal.loads(path.read_bytes())
    # a foreign class (a module outside python-liquid and jekpy.liquid)
    foreign = blob.replace(b"jekpy.liquid.fast", b"jekpy.support.yamlload")
    for junk in (b"", b"\x00garbage", marshal.dumps((fingerprint, text, b"\x80\x05junk")),
                 marshal.dumps((fingerprint, text, foreign)), marshal.dumps((fingerprint, text))):
        path.write_bytes(junk)
        again = _env(LiquidSettings(), tmp_path)
        assert again.from_string(source, keep=True).render() == "123"
        # parsed, and kept again
        assert marshal.loads(path.read_bytes())[1] == source


def test_new_trees_per_run_are_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(treecache, "MAX_NEW", 3)
    env = _env(LiquidSettings(), tmp_path)
    for n in range(6):
        env.from_string(f"{{{{ x{n} }}}}", keep=True)
    env.from_string("{{ not kept }}")  # keep=False: a document's body
    assert len(list(tmp_path.glob("p-*.marshal"))) == 3


def test_library_parses_without_the_cache() -> None:
    # only the command installs the code cache, and with it this one
    assert JekpyEnvironment(LiquidSettings()).tree_cache is None
