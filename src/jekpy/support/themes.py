"""Gem-based themes (``theme: minima``): found where Ruby, Bundler or jekpy put the gem.

A theme gem is a folder ``<name>-<version>`` under some ``gems/`` directory of a
*gem home* (``$GEM_HOME``, Bundler's ``vendor/bundle/ruby/3.1.0``, Debian's
``/usr/share/rubygems-integration/all`` ...).  Its gemspec, in the home's
``specifications/`` folder, names its runtime dependencies, which Jekyll loads
as plugins (``PluginManager#require_theme_deps``).

Lookup order, as RubyGems would pick (``Gem::Dependency#to_spec``):

1. ``$JEKPY_THEMES_PATH`` folders holding ``<name>/`` or ``<name>-<version>/``;
2. when the site has a ``Gemfile.lock`` that pins the theme, that exact version;
3. otherwise the highest release (by ``Gem::Version`` order: ``2.10.0`` beats
   ``2.5.1``, ``1.0.0.pre`` is below ``1.0.0``) over every gem home; a
   prerelease only when no release is installed.

jekpy's own cache (``jekpy theme install``) is one of the gem homes.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import ConfigError
from ..log import Logger

__all__ = [
    "ThemeGem",
    "cache_root",
    "compare_versions",
    "find_theme",
    "gem_homes",
    "installed_themes",
    "locked_version",
    "find_theme_gem",
    "gem_dependencies",
    "version_key",
]

#: Debian / distribution / Homebrew gem homes (globs).
_SYSTEM_HOMES = (
    "/usr/share/rubygems-integration/all",
    "/usr/share/rubygems-integration/*",
    "/usr/lib/*/rubygems-integration/*",
    "/var/lib/gems/*",
    "/usr/lib/ruby/gems/*",
    "/usr/lib64/ruby/gems/*",
    "/usr/local/lib/ruby/gems/*",
    "/usr/local/share/gems",
    "/usr/share/gems",
    "/opt/homebrew/lib/ruby/gems/*",
    "/usr/local/rvm/gems/*",
)

#: Per-user Ruby installations (relative to ``$HOME``; globs).
_USER_HOMES = (
    ".gem/ruby/*",
    ".local/share/gem/ruby/*",
    ".rbenv/versions/*/lib/ruby/gems/*",
    ".rvm/gems/*",
    ".rubies/*/lib/ruby/gems/*",
    ".asdf/installs/ruby/*/lib/ruby/gems/*",
)


# -- Gem::Version order ---------------------------------------------------------------
_SEGMENT = re.compile(r"[0-9]+|[A-Za-z]+")
_VALID_VERSION = re.compile(r"^\s*[0-9]+(?:\.[0-9A-Za-z-]+)*(?:-[0-9A-Za-z.-]+)?\s*$")


def _canonical(version: str) -> list[int | str]:
    """``Gem::Version#canonical_segments``: numbers and words, with the trailing
    zeros of the release part and of the prerelease part dropped."""
    text = version.strip().replace("-", ".pre.")
    segs: list[int | str] = [int(s) if s.isdigit() else s for s in _SEGMENT.findall(text)]
    first_word = next((i for i, s in enumerate(segs) if isinstance(s, str)), len(segs))
    release, pre = segs[:first_word], segs[first_word:]
    while release and release[-1] == 0:
        release.pop()
    while pre and pre[-1] == 0:
        pre.pop()
    return release + pre


def compare_versions(a: str, b: str) -> int:
    """-1, 0 or 1 as RubyGems orders versions ``a`` and ``b``."""
    left, right = _canonical(a), _canonical(b)
    for i in range(max(len(left), len(right))):
        x: int | str = left[i] if i < len(left) else 0
        y: int | str = right[i] if i < len(right) else 0
        if x == y:
            continue
        if isinstance(x, str) and isinstance(y, int):
            return -1
        if isinstance(x, int) and isinstance(y, str):
            return 1
        return -1 if x < y else 1  # type: ignore[operator]
    return 0


version_key = functools.cmp_to_key(compare_versions)


def is_prerelease(version: str) -> bool:
    """A version with a letter in it (``1.0.0.rc1``, ``2.0-beta``) is a prerelease."""
    return bool(re.search(r"[A-Za-z]", version))


# -- where gems live -------------------------------------------------------------------
def cache_root(env: Mapping[str, str] | None = None) -> Path:
    """jekpy's per-user cache: ``$JEKPY_CACHE_DIR``, else ``$XDG_CACHE_HOME/jekpy``,
    else ``~/.cache/jekpy``."""
    env = os.environ if env is None else env
    if env.get("JEKPY_CACHE_DIR"):
        return Path(env["JEKPY_CACHE_DIR"]).expanduser()
    xdg = env.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg and Path(xdg).is_absolute() else Path.home() / ".cache"
    return base / "jekpy"


def theme_cache(env: Mapping[str, str] | None = None) -> Path:
    """The gem home ``jekpy theme install`` fills (``<cache>/themes``)."""
    return cache_root(env) / "themes"


def _bundle_config_path(source: Path, env: Mapping[str, str]) -> Path | None:
    """``BUNDLE_PATH``: the environment, else ``.bundle/config`` of the site, else
    ``~/.bundle/config``; a relative value is relative to the site folder."""
    value = env.get("BUNDLE_PATH")
    if value:
        return Path(value).expanduser() if Path(value).expanduser().is_absolute() else source / value
    for config in (source / ".bundle" / "config", Path.home() / ".bundle" / "config"):
        try:
            text = config.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        match = re.search(r"^BUNDLE_PATH:\s*[\"']?([^\"'\n]+?)[\"']?\s*$", text, re.M)
        if match:
            path = Path(match.group(1)).expanduser()
            return path if path.is_absolute() else config.parent.parent / path
    return None


def gem_homes(source: Path | None = None, env: Mapping[str, str] | None = None) -> list[Path]:
    """Every existing gem home (a folder with a ``gems/`` folder), most specific first."""
    env = os.environ if env is None else env
    candidates: list[Path] = []
    import glob  # only when a gem theme is looked for

    if env.get("GEM_HOME"):
        candidates.append(Path(env["GEM_HOME"]).expanduser())
    candidates.extend(Path(p).expanduser() for p in env.get("GEM_PATH", "").split(os.pathsep) if p)
    if source is not None:
        bundle = _bundle_config_path(source, env)
        for base in filter(None, [bundle, source / "vendor" / "bundle"]):
            candidates.append(base)  # BUNDLE_PATH may itself be a gem home
            candidates.extend(Path(p) for p in sorted(glob.glob(str(base / "ruby" / "*"))))
    candidates.append(theme_cache(env))
    home = env.get("HOME") or str(Path.home())
    for pattern in _USER_HOMES:
        candidates.extend(Path(p) for p in sorted(glob.glob(os.path.join(home, pattern))))
    for pattern in _SYSTEM_HOMES:
        candidates.extend(Path(p) for p in sorted(glob.glob(pattern)))
    seen: set[Path] = set()
    homes: list[Path] = []
    for cand in candidates:
        if cand in seen or not (cand / "gems").is_dir():
            continue
        seen.add(cand)
        homes.append(cand)
    return homes


@dataclass(frozen=True)
class ThemeGem:
    """One installed copy of a theme gem."""

    name: str
    version: str
    root: Path
    home: Path | None = None

    @property
    def spec_files(self) -> list[Path]:
        """Where this gem's specification may be (first existing one wins)."""
        files: list[Path] = []
        if self.home is not None:
            stem = f"{self.name}-{self.version}" if self.version else self.root.name
            files += [
                self.home / "specifications" / f"{stem}.json",
                self.home / "specifications" / f"{stem}.gemspec",
            ]
        files += [self.root / f"{self.name}.gemspec", self.root / f"jekyll-theme-{self.name}.gemspec"]
        return files


def installed_themes(
    name: str, source: Path | None = None, env: Mapping[str, str] | None = None
) -> list[ThemeGem]:
    """Every installed version of gem ``name`` in every gem home (unsorted)."""
    found: list[ThemeGem] = []
    prefix = name + "-"
    for home in gem_homes(source, env):
        try:
            entries = sorted(os.listdir(home / "gems"))
        except OSError:
            continue
        for entry in entries:
            if not entry.startswith(prefix):
                continue
            version = entry[len(prefix):]
            if not _VALID_VERSION.match(version) or not (home / "gems" / entry).is_dir():
                continue  # e.g. "minima-foo-1.0" is another gem
            # platform gems: "nokogiri-1.13.0-x86_64-linux" is not a theme concern
            found.append(ThemeGem(name, version, home / "gems" / entry, home))
    return found


def locked_version(source: Path, name: str) -> str | None:
    """The version of gem ``name`` the site's ``Gemfile.lock`` pins (None: not pinned)."""
    gemfile = os.environ.get("BUNDLE_GEMFILE")
    lock = Path(gemfile + ".lock") if gemfile else source / "Gemfile.lock"
    try:
        text = lock.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    # "    minima (2.5.1)" under "specs:" (four spaces: a resolved gem; six: a requirement;
    # Bundler: lib/bundler/lockfile_parser.rb#NAME_VERSION)
    match = re.search(rf"^ {{4}}{re.escape(name)} \(([^)\s]+)\)\s*$", text, re.M)
    return match.group(1) if match else None


def choose(gems: Iterable[ThemeGem]) -> ThemeGem | None:
    """The copy RubyGems activates: the highest release, else the highest prerelease."""
    every = list(gems)
    releases = [g for g in every if not is_prerelease(g.version)]
    pool = releases or every
    # max() keeps the first of equal versions: the most specific gem home wins
    return max(pool, key=lambda g: version_key(g.version)) if pool else None


def _type_name(value: object) -> str:
    return {bool: "TrueClass" if value else "FalseClass", int: "Integer", float: "Float",
            list: "Array", dict: "Hash"}.get(type(value), type(value).__name__)


def resolve_theme(name: str, source: Path | None = None) -> ThemeGem | None:
    """The copy of theme ``name`` a build uses (None: not installed anywhere)."""
    if not re.fullmatch(r"[a-z0-9][a-z0-9._-]*", name) or ".." in name:
        return None  # not a gem name: never a path ("../x", "a/b", globs)
    for root in (p for p in os.environ.get("JEKPY_THEMES_PATH", "").split(os.pathsep) if p):
        base = Path(root)
        if (base / name).is_dir():
            return ThemeGem(name, "", base / name)
        copies = [
            ThemeGem(name, p.name[len(name) + 1:], p)
            for p in base.glob(f"{name}-*")
            if p.is_dir() and _VALID_VERSION.match(p.name[len(name) + 1:])
        ]
        best = choose(copies)
        if best is not None:
            return best
    gems = installed_themes(name, source)
    pinned = locked_version(source, name) if source is not None else None
    if pinned is not None:
        exact = [g for g in gems if compare_versions(g.version, pinned) == 0]
        if exact:
            return exact[0]
        have = ", ".join(sorted({g.version for g in gems}, key=version_key)) or "none"
        raise ConfigError(
            f"Gemfile.lock pins the {name} theme at version {pinned}, which is not installed "
            f"(installed: {have}).",
            path="Gemfile.lock",
            hint=f"run `jekpy theme install {name} --version {pinned}` (or `bundle install`), "
            "or update the pin in Gemfile.lock",
        )
    return choose(gems)


def find_theme_gem(name: object, log: Logger, source: Path | None = None) -> ThemeGem | None:
    """The theme gem ``name`` names (None, with a warning, when ``name`` is not a string)."""
    if name is None:
        return None
    if not isinstance(name, str):
        log.warn(
            "Theme:",
            "value of 'theme' in config should be String to use gem-based themes, but got "
            + _type_name(name),
        )
        return None
    gem = resolve_theme(name.strip().lower(), source)
    if gem is not None:
        log.debug("Theme:", name)
        log.debug("Theme source:", str(gem.root))
        return gem
    # lib/jekyll/theme.rb#gemspec raises MissingDependencyException: the build stops.
    raise ConfigError(
        f"The {name} theme could not be found.",
        path="_config.yml",
        hint=f"run `jekpy theme install {name}` (needs network once), install the gem with Ruby "
        f"(`gem install {name}` or `bundle install`), or put the theme's folder on "
        "$JEKPY_THEMES_PATH; see docs/themes.md",
    )


def find_theme(name: object, log: Logger, source: Path | None = None) -> Path | None:
    """The root folder of theme ``name`` (symbolic links resolved, as Jekyll's ``Theme#root``)."""
    gem = find_theme_gem(name, log, source)
    return gem.root.resolve() if gem is not None else None


# -- gemspecs --------------------------------------------------------------------------
_RUBY_DEP = re.compile(
    r"\badd_(runtime_|development_)?dependency\s*\(?\s*(?:%q<([^>]+)>|[\"']([^\"']+)[\"'])"
)


def parse_gemspec_dependencies(text: str) -> list[str]:
    """Runtime dependency names from a Ruby gemspec.

    An installed gemspec lists them twice (``add_runtime_dependency`` and, for old
    RubyGems, ``add_dependency`` in an ``else`` branch): the explicit runtime list
    wins when there is one; development dependencies never count.
    """
    runtime: list[str] = []
    plain: list[str] = []
    for kind, quoted, literal in _RUBY_DEP.findall(text):
        dep = (quoted or literal).strip()
        if kind == "runtime_":
            runtime.append(dep)
        elif kind == "":
            plain.append(dep)
    return list(dict.fromkeys(runtime or plain))


def gem_dependencies(gem: ThemeGem) -> list[str]:
    """The runtime dependencies of ``gem`` named in its specification ([] when none is found)."""
    for spec in gem.spec_files:
        try:
            text = spec.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if spec.suffix == ".json":
            import json

            try:
                data = json.loads(text)
            except json.JSONDecodeError:
                continue
            deps = data.get("runtime_dependencies") if isinstance(data, dict) else None
            return [str(d) for d in deps] if isinstance(deps, list) else []
        return parse_gemspec_dependencies(text)
    return []
