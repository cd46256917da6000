"""Where a theme gem is found, which copy wins, and what its gemspec makes the build load."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from jekpy.api import build
from jekpy.cli.main import main
from jekpy.errors import ConfigError
from jekpy.log import Logger
from jekpy.support.themes import (
    compare_versions,
    find_theme_gem,
    gem_dependencies,
    parse_gemspec_dependencies,
    version_key,
)

NAME = "jekpytest-theme"  # a name no real gem home holds


def make_gem(home: Path, version: str, *, name: str = NAME, deps: tuple[str, ...] = (),
             marker: str | None = None) -> Path:
    """A gem home entry: ``gems/NAME-VERSION/`` plus a Ruby gemspec in ``specifications/``."""
    root = home / "gems" / f"{name}-{version}"
    (root / "_layouts").mkdir(parents=True)
    (root / "_layouts" / "default.html").write_text(
        f"[{marker or version}]{{{{ content }}}}", encoding="utf-8"
    )
    spec = home / "specifications" / f"{name}-{version}.gemspec"
    spec.parent.mkdir(parents=True, exist_ok=True)
    lines = [f'  s.name = "{name}".freeze', f'  s.version = "{version}"']
    lines += [f'    s.add_runtime_dependency(%q<{d}>.freeze, [">= 0"])' for d in deps]
    lines += ['    s.add_development_dependency(%q<bundler>.freeze, [">= 1"])']
    lines += [f'    s.add_dependency(%q<{d}>.freeze, [">= 0"])' for d in (*deps, "bundler")]
    spec.write_text("Gem::Specification.new do |s|\n" + "\n".join(lines) + "\nend\n")
    return root


def chosen(source: Path | None = None) -> str:
    gem = find_theme_gem(NAME, Logger(level="error"), source)
    assert gem is not None
    return gem.version


RUBY_ORDER = [
    "0.9", "1.0.a", "1.a.2", "1.b", "1.0.0.beta", "1.0.0-rc2", "1.0.0.pre", "1.0.0.rc1",
    "1.0.0.rc.9", "1.0.0.rc.10", "1.0.0", "2.5.1", "2.10.0", "10.0",
]


def test_version_order_rules() -> None:
    assert compare_versions("2.10.0", "2.5.1") == 1
    assert compare_versions("1.0", "1.0.0") == 0
    assert compare_versions("1.0.0.rc1", "1.0.0") == -1
    assert compare_versions("1.0.0.rc.10", "1.0.0.rc.9") == 1


@pytest.mark.skipif(shutil.which("ruby") is None, reason="Ruby is not installed: no oracle")
def test_version_order_matches_rubygems() -> None:
    script = (
        "vs = ARGV.sort { |a, b| Gem::Version.new(a) <=> Gem::Version.new(b) }; "
        "vs.each_cons(2) { |a, b| puts Gem::Version.new(a) <=> Gem::Version.new(b) }"
    )
    shuffled = list(reversed(RUBY_ORDER))
    ours = sorted(shuffled, key=version_key)
    ruby = subprocess.run(["ruby", "-e", script, *ours], capture_output=True, text=True,
                          check=True, timeout=60)
    # each neighbour in our order compares as <= in Ruby (0 or -1, never 1)
    assert set(ruby.stdout.split()) <= {"-1", "0"}
    assert len(ruby.stdout.split()) == len(ours) - 1


def test_highest_release_over_every_gem_home(isolated: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    home = isolated / "home"
    gem_home = isolated / "gemhome"
    make_gem(gem_home, "2.5.1")
    make_gem(home / ".gem" / "ruby" / "3.1.0", "2.10.0")
    make_gem(home / ".local" / "share" / "gem" / "ruby" / "3.1.0", "2.9.9")
    make_gem(isolated / "gempath", "3.0.0.beta1")
    monkeypatch.setenv("GEM_HOME", str(gem_home))
    monkeypatch.setenv("GEM_PATH", str(isolated / "gempath"))
    assert chosen() == "2.10.0"  # version order, not string order; the beta is not taken
    shutil.rmtree(home / ".gem")
    shutil.rmtree(home / ".local")
    shutil.rmtree(gem_home)
    assert chosen() == "3.0.0.beta1"  # a prerelease only when no release is there


@pytest.mark.parametrize("where", ["rbenv", "rvm", "bundle-vendor", "bundle-config", "env"])
def test_ruby_managers_and_bundler_folders(isolated: Path, monkeypatch: pytest.MonkeyPatch,
                                           where: str) -> None:
    home = isolated / "home"
    site = isolated / "site"
    site.mkdir()
    if where == "rbenv":
        make_gem(home / ".rbenv" / "versions" / "3.2.2" / "lib" / "ruby" / "gems" / "3.2.0", "1.1")
    elif where == "rvm":
        make_gem(home / ".rvm" / "gems" / "ruby-3.2.2@global", "1.1")
    elif where == "bundle-vendor":
        make_gem(site / "vendor" / "bundle" / "ruby" / "3.1.0", "1.1")
    elif where == "bundle-config":
        (site / ".bundle").mkdir()
        (site / ".bundle" / "config").write_text('---\nBUNDLE_PATH: "deps"\n')
        make_gem(site / "deps" / "ruby" / "3.1.0", "1.1")
    else:
        make_gem(isolated / "bp" / "ruby" / "3.1.0", "1.1")
        monkeypatch.setenv("BUNDLE_PATH", str(isolated / "bp"))
    assert chosen(site) == "1.1"


def test_gemfile_lock_pin_wins_and_a_missing_pin_is_explained(
    isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gem_home = isolated / "gemhome"
    make_gem(gem_home, "1.0.0")
    make_gem(gem_home, "1.2.0")
    monkeypatch.setenv("GEM_HOME", str(gem_home))
    site = isolated / "site"
    site.mkdir()
    lock = "GEM\n  remote: https://rubygems.org/\n  specs:\n    {name} ({v})\n      jekyll (>= 3)\n"
    (site / "Gemfile.lock").write_text(lock.format(name=NAME, v="1.0.0"))
    assert chosen(site) == "1.0.0"
    (site / "Gemfile.lock").write_text(lock.format(name=NAME, v="1.1.0"))
    with pytest.raises(ConfigError, match="pins the jekpytest-theme theme at version 1.1.0") as err:
        chosen(site)
    assert "installed: 1.0.0, 1.2.0" in str(err.value)
    assert "jekpy theme install jekpytest-theme --version 1.1.0" in str(err.value)


def test_same_version_in_two_homes_prefers_the_more_specific(
    isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_gem(isolated / "first", "1.0", marker="first")
    make_gem(isolated / "second", "1.0", marker="second")
    monkeypatch.setenv("GEM_HOME", str(isolated / "first"))
    monkeypatch.setenv("GEM_PATH", str(isolated / "second"))
    gem = find_theme_gem(NAME, Logger(level="error"))
    assert gem is not None and gem.home == isolated / "first"


def test_look_alike_gem_names_are_not_taken(isolated: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    make_gem(isolated / "gh", "9.0", name=f"{NAME}-extras")
    make_gem(isolated / "gh", "1.0")
    monkeypatch.setenv("GEM_HOME", str(isolated / "gh"))
    assert chosen() == "1.0"


def test_missing_theme_says_how_to_get_it(isolated: Path) -> None:
    site = isolated / "site"
    site.mkdir()
    (site / "_config.yml").write_text(f"theme: {NAME}\n")
    result = CliRunner().invoke(main, ["build", "-s", str(site)])
    assert result.exit_code == 1
    assert f"The {NAME} theme could not be found." in result.output
    assert f"jekpy theme install {NAME}" in result.output
    assert "Traceback" not in result.output


def test_gemspec_dependency_parsing() -> None:
    installed = (
        "  if s.respond_to? :add_runtime_dependency then\n"
        '    s.add_runtime_dependency(%q<jekyll>.freeze, [">= 3.5"])\n'
        '    s.add_runtime_dependency(%q<jekyll-feed>.freeze, ["~> 0.9"])\n'
        '    s.add_development_dependency(%q<bundler>.freeze, [">= 1.15"])\n'
        "  else\n"
        '    s.add_dependency(%q<jekyll>.freeze, [">= 3.5"])\n'
        '    s.add_dependency(%q<jekyll-feed>.freeze, ["~> 0.9"])\n'
        '    s.add_dependency(%q<bundler>.freeze, [">= 1.15"])\n'
        "  end\n"
    )
    assert parse_gemspec_dependencies(installed) == ["jekyll", "jekyll-feed"]
    source = (
        'spec.add_runtime_dependency "jekyll", ">= 3.5"\n'
        "spec.add_dependency 'jekyll-seo-tag', '~> 2.1'\n"
        'spec.add_development_dependency "rake"\n'
    )
    # a source gemspec mixing both: the explicit runtime list is taken
    assert parse_gemspec_dependencies(source) == ["jekyll"]
    assert parse_gemspec_dependencies("spec.add_dependency 'jekyll-seo-tag'\n") == [
        "jekyll-seo-tag"
    ]


def test_theme_dependencies_load_as_plugins(isolated: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    gem_home = isolated / "gh"
    root = make_gem(gem_home, "1.0", deps=("jekyll", "jekyll-seo-tag", "jekyll-sass-converter",
                                          "jekyll-not-in-jekpy"))
    (root / "_layouts" / "default.html").write_text("{% seo title=false %}{{ content }}")
    monkeypatch.setenv("GEM_HOME", str(gem_home))
    gem = find_theme_gem(NAME, Logger(level="error"))
    assert gem is not None
    assert gem_dependencies(gem) == [
        "jekyll", "jekyll-seo-tag", "jekyll-sass-converter", "jekyll-not-in-jekpy"
    ]
    site = isolated / "site"
    site.mkdir()
    (site / "_config.yml").write_text(f"theme: {NAME}\ntitle: T\n")
    (site / "index.md").write_text("---\nlayout: default\n---\nx\n")
    log = Logger(level="warn")
    built = build(site, site / "_site", log=log)
    assert "Begin Jekyll SEO tag" in (site / "_site" / "index.html").read_text()
    assert "jekyll-seo-tag" in built.plugins.enabled
    # core gems are not plugins; an unknown dependency is a warning, not a failure
    warnings = "\n".join(log.messages)
    assert "jekyll-sass-converter" not in warnings
    assert f"the theme '{NAME}' depends on 'jekyll-not-in-jekpy'" in warnings


def test_theme_dependencies_respect_safe_mode(isolated: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    gem_home = isolated / "gh"
    make_gem(gem_home, "1.0", deps=("jekyll-feed",))
    monkeypatch.setenv("GEM_HOME", str(gem_home))
    site = isolated / "site"
    site.mkdir()
    (site / "_config.yml").write_text(f"theme: {NAME}\nsafe: true\n")
    (site / "index.md").write_text("---\nlayout: default\n---\nx\n")
    built = build(site, site / "_site", log=Logger(level="error"))
    assert "jekyll-feed" not in built.plugins.enabled
    assert not (site / "_site" / "feed.xml").exists()


def test_unknown_tag_hint_names_the_plugins_line(isolated: Path) -> None:
    site = isolated / "site"
    site.mkdir()
    (site / "index.html").write_text("---\n---\n{% seo %}\n")
    (site / "other.html").write_text("---\n---\n{% nosuchtag %}\n")
    result = CliRunner().invoke(main, ["build", "-s", str(site)])
    assert result.exit_code == 1
    assert "comes from jekyll-seo-tag, which jekpy provides but this site does not enable" in (
        result.output
    )
    assert "add `- jekyll-seo-tag` under `plugins:`" in result.output
    (site / "index.html").unlink()
    result = CliRunner().invoke(main, ["build", "-s", str(site)])
    assert "a plugin jekpy does not provide" in result.output


def test_plugin_tags_table_matches_what_plugins_register() -> None:
    """PLUGIN_TAGS (used by the hint) lists exactly the tags each built-in plugin adds."""
    import importlib

    from jekpy.liquid.errors import PLUGIN_TAGS
    from jekpy.plugins.registry import BUILTIN

    class Recorder:
        def __init__(self) -> None:
            self.tags: list[str] = []

        def tag(self, name: str, func: object) -> None:
            self.tags.append(name)

        def liquid_tag(self, cls: object) -> None:
            self.tags.append(str(getattr(cls, "name", "")))

        def __getattr__(self, _name: str) -> object:
            return lambda *a, **k: None

    for plugin, module in BUILTIN.items():
        rec = Recorder()
        importlib.import_module(module).register(rec)
        for tag in rec.tags:
            assert PLUGIN_TAGS.get(tag) == plugin, (plugin, tag)
    assert set(PLUGIN_TAGS.values()) <= set(BUILTIN)


@pytest.mark.parametrize("name", ["../outside", "a/b", "min*", "..", "/abs"])
def test_theme_names_that_are_paths_are_not_followed(isolated: Path, name: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    (isolated / "themes" / "x").mkdir(parents=True)
    (isolated / "outside" / "_layouts").mkdir(parents=True)
    monkeypatch.setenv("JEKPY_THEMES_PATH", str(isolated / "themes" / "x"))
    with pytest.raises(ConfigError, match="could not be found"):
        find_theme_gem(name, Logger(level="error"))


def test_theme_path_command(isolated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_gem(isolated / "gh", "0.5")
    monkeypatch.setenv("GEM_HOME", str(isolated / "gh"))
    result = CliRunner().invoke(main, ["theme", "path", NAME])
    assert result.exit_code == 0 and result.output.strip() == str(root)
    result = CliRunner().invoke(main, ["theme", "path", "jekpytest-absent"])
    assert result.exit_code == 1 and "could not be found" in result.output
