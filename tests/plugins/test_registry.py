"""The plugin API: which plugins load, warnings, safe mode, hooks, tags and filters."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest

from jekpy.api import build
from jekpy.log import Logger
from jekpy.plugins import registry
from jekpy.plugins.registry import PluginAPI, TagCall


def _site(tmp_path: Path, config: str, files: dict[str, str] | None = None) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    (src / "_config.yml").write_text(config)
    for name, text in (files or {}).items():
        path = src / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return src


def _build(src: Path, tmp_path: Path, **kw: Any) -> tuple[Path, Logger, io.StringIO]:
    err = io.StringIO()
    log = Logger(level="info", out=io.StringIO(), err=err)
    out = tmp_path / "out"
    build(src, out, log=log, **kw)
    return out, log, err


def test_unknown_plugin_warns_and_builds(tmp_path: Path) -> None:
    src = _site(tmp_path, "plugins: [jekyll-nope, jekyll-feed]\n", {"index.md": "---\n---\nhi\n"})
    out, log, err = _build(src, tmp_path)
    assert "jekyll-nope" in err.getvalue()
    assert (out / "index.html").exists()
    assert (out / "feed.xml").exists()


def test_gems_key_is_ignored(tmp_path: Path) -> None:
    src = _site(tmp_path, "gems: [jekyll-feed]\n", {"index.md": "---\n---\nhi\n"})
    out, _log, _err = _build(src, tmp_path)
    assert not (out / "feed.xml").exists()


def test_safe_mode_loads_only_whitelisted(tmp_path: Path) -> None:
    config = "safe: true\nwhitelist: [jekyll-sitemap]\nplugins: [jekyll-feed, jekyll-sitemap]\n"
    src = _site(tmp_path, config, {"index.md": "---\n---\nhi\n"})
    out, _log, err = _build(src, tmp_path)
    assert not (out / "feed.xml").exists()
    assert (out / "sitemap.xml").exists()
    assert "jekyll-feed" in err.getvalue()


def _demo_plugin(api: PluginAPI) -> None:
    calls: list[str] = []
    api.site.config["demo_calls"] = calls

    def shout(call: TagCall) -> str:
        page = call.get("page") or {}
        return f"[{call.markup}|{page.get('title')}]"

    def gen(site: Any) -> None:
        calls.append("generate")
        from jekpy.plugins.pages import GeneratedPage

        site.pages.append(
            GeneratedPage(site, "", "made.txt", {"title": "M"}, content="{{ page.title }}!")
        )

    api.tag("shout", shout)
    api.converter([".shout"], lambda text: text.upper(), output_ext=".html")
    api.filter("twice", lambda value: f"{value}{value}")
    api.generator(gen)
    api.hook("site", "post_read", lambda site: calls.append("post_read"))
    api.hook("pages", "post_render", lambda page: calls.append("page:" + page.relative_path))
    api.hook("posts", "pre_render", lambda doc, payload: calls.append("post:" + doc.relative_path))
    api.hook("site", "post_write", lambda site: calls.append("post_write"))


class _EntryPoint:
    name = "demo"

    def load(self) -> Any:
        return _demo_plugin


def test_entry_point_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fake_entry_points(**kw: Any) -> list[Any]:
        assert kw == {"group": "jekpy.plugins"}
        return [_EntryPoint()]

    monkeypatch.setattr(metadata, "entry_points", fake_entry_points)
    files = {
        "index.html": "---\ntitle: Home\n---\n{% shout hello there %} {{ 'ab' | twice }}\n",
        "_posts/2024-01-01-p.md": "---\n---\npost\n",
        "loud.shout": "---\ntitle: t\n---\nquiet {{ page.title }}\n",
    }
    src = _site(tmp_path, "plugins: [demo]\n", files)
    err = io.StringIO()
    site = build(src, tmp_path / "out", log=Logger(out=io.StringIO(), err=err))
    out = tmp_path / "out"
    assert (out / "index.html").read_text() == "[hello there|Home] abab\n"
    assert (out / "made.txt").read_text() == "M!"
    assert (out / "loud.html").read_text() == "QUIET T\n"
    calls = site.config["demo_calls"]
    assert calls[:2] == ["post_read", "generate"]
    assert "post:_posts/2024-01-01-p.md" in calls
    assert "page:index.html" in calls and "page:made.txt" in calls
    assert calls[-1] == "post_write"


def test_builtin_table_modules_register() -> None:
    for name, module in registry.BUILTIN.items():
        if name == "jekyll-paginate":
            continue
        mod = __import__(module, fromlist=["register"])
        assert callable(mod.register), name


def test_bad_hook_names() -> None:
    api = PluginAPI(site=None)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        api.hook("site", "post_convert_typo", lambda s: None)
    with pytest.raises(ValueError):
        api.hook("layouts", "post_render", lambda s: None)


def test_site_time_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JEKPY_SITE_TIME", "2020-02-03 04:05:06 +0000")
    monkeypatch.setenv("TZ", "UTC")
    src = _site(tmp_path, "timezone: UTC\nplugins: [jekyll-feed]\n", {"index.md": "---\n---\nhi\n"})
    out, _log, _err = _build(src, tmp_path)
    assert "<updated>2020-02-03T04:05:06+00:00</updated>" in (out / "feed.xml").read_text()


def test_feed_skipped_in_development(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JEKYLL_ENV", "development")
    config = "feed: {disable_in_development: true}\nplugins: [jekyll-feed]\n"
    src = _site(tmp_path, config, {"index.md": "---\n---\nhi\n"})
    out, _log, _err = _build(src, tmp_path)
    assert not (out / "feed.xml").exists()


def test_failing_plugin_is_a_config_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from jekpy.errors import ConfigError

    class Broken:
        name = "broken"

        def load(self) -> Any:
            def register(api: PluginAPI) -> None:
                raise RuntimeError("boom")

            return register

    monkeypatch.setattr(metadata, "entry_points", lambda **kw: [Broken()])
    src = _site(tmp_path, "plugins: [broken]\n", {"index.md": "---\n---\nhi\n"})
    with pytest.raises(ConfigError, match="broken.*boom"):
        _build(src, tmp_path)


def _policy_plugin(declare: dict[str, str] | None) -> Any:
    def register(api: PluginAPI) -> None:
        if declare is not None:
            api.reuse(**declare)
        api.filter("twice", lambda value: str(value) * 2)

    class _Point:
        name = "policy"

        def load(self) -> Any:
            return register

    return _Point()


@pytest.mark.parametrize(
    ("declare", "reused"),
    [(None, False), ({"renders": "never"}, False), ({"renders": "tracked"}, True)],
)
def test_a_plugin_declares_its_reuse_policy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, declare: dict[str, str] | None, reused: bool
) -> None:
    """A plugin from another package keeps earlier renders only when it says they
    depend on nothing jekpy does not record."""
    monkeypatch.setattr(metadata, "entry_points", lambda **kw: [_policy_plugin(declare)])
    src = _site(tmp_path, "plugins: [policy]\n", {"index.md": "---\n---\n{{ 'ab' | twice }}\n"})
    quiet = Logger(level="error", out=io.StringIO(), err=io.StringIO())
    first = build(src, tmp_path / "out", log=quiet)
    again = build(src, tmp_path / "out", log=quiet, previous=first.incremental_state)
    assert (tmp_path / "out" / "index.html").read_text() == "<p>abab</p>\n"
    assert again.incremental_state is not None
    assert (again.incremental_state.reused == 1) is reused
    expected = registry.ReusePolicy(**declare) if declare else registry.ReusePolicy()
    assert again.plugins.reuse_policy("policy") == expected


def test_every_builtin_plugin_declares_a_reuse_policy() -> None:
    for name, module in registry.BUILTIN.items():
        api = PluginAPI(site=None)  # type: ignore[arg-type]
        api.current = name
        __import__(module, fromlist=["register"]).register(api)
        assert name in api.reuse_policies, name


def test_bad_reuse_policy_values() -> None:
    api = PluginAPI(site=None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="renders"):
        api.reuse(renders="sometimes")
    with pytest.raises(ValueError, match="pages"):
        api.reuse(renders="tracked", pages="some")


# -- finding entry points without importing importlib.metadata ------------------------


def _dist(root: Path, name: str, entry_points: str | None) -> None:
    info = root / f"{name}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    if entry_points is not None:
        (info / "entry_points.txt").write_text(entry_points)


def test_prescan_finds_no_plugin_distribution(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _dist(tmp_path, "other", "[console_scripts]\nother = other:main\n")
    _dist(tmp_path, "bare", None)
    monkeypatch.setattr("sys.path", [str(tmp_path), str(tmp_path / "missing")])
    assert registry._no_plugin_distributions()


def test_prescan_sees_a_plugin_distribution(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _dist(tmp_path, "demo", "[jekpy.plugins]\ndemo = demo_mod:register\n")
    monkeypatch.setattr("sys.path", [str(tmp_path)])
    assert not registry._no_plugin_distributions()


def test_prescan_leaves_zip_entries_to_importlib(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    archive = tmp_path / "lib.zip"
    archive.write_bytes(b"PK\x05\x06" + b"\0" * 18)
    monkeypatch.setattr("sys.path", [str(archive)])
    assert not registry._no_plugin_distributions()


def test_entry_point_plugin_found_in_a_fresh_process(tmp_path: Path) -> None:
    """End to end, in a process where importlib.metadata is not loaded yet: a
    distribution declaring the group is found (and one without it costs no import)."""
    _dist(tmp_path, "demo", "[jekpy.plugins]\ndemo = demo_mod:register\n")
    (tmp_path / "demo_mod.py").write_text("def register(api):\n    pass\n")
    script = (
        "import sys\n"
        "from jekpy.plugins.registry import _entry_points\n"
        "print(sorted(_entry_points()), 'importlib.metadata' in sys.modules)\n"
    )
    found = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True,
        env=_env_with_path(tmp_path),
    )
    assert found.stdout.split() == ["['demo']", "True"]
    empty = tmp_path / "empty"
    empty.mkdir()
    none = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True,
        env=_env_with_path(empty),
    )
    if "[jekpy.plugins]" not in _installed_entry_points_text():
        assert none.stdout.split() == ["[]", "False"]


def _env_with_path(folder: Path) -> dict[str, str]:
    """The environment with *folder* first on PYTHONPATH (jekpy itself still found
    where this process found it, installed or from a source tree)."""
    import jekpy

    source = str(Path(jekpy.__file__).resolve().parent.parent)
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(folder), source])}


def _installed_entry_points_text() -> str:
    """Every installed distribution's entry_points.txt (a machine with a jekpy
    plugin installed finds it, and imports importlib.metadata, rightly)."""
    return "\n".join(
        dist.read_text("entry_points.txt") or "" for dist in metadata.distributions()
    )
