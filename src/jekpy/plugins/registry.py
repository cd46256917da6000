"""Which plugins a site uses, and the API they register themselves with.

Jekyll loads the gems named in ``plugins:`` (never the old ``gems:`` key) and,
with ``safe: true`` / ``--safe``, only those also listed in ``whitelist:``.
jekpy does the same with Python modules:

* built-in equivalents of the common GitHub Pages plugins (:data:`BUILTIN`);
* third-party plugins found through the ``jekpy.plugins`` entry-point group
  (entry-point name = the name written in ``plugins:``).

A plugin is a callable ``register(api)`` (or a module/object with such a
``register`` attribute).  Through :class:`PluginAPI` it adds generators, Liquid
tags and filters, and hooks named as Jekyll's (``site``/``pages``/``documents``/
``posts`` x ``after_init``/``post_read``/``pre_render``/``post_render``/``post_write``),
and declares with :meth:`PluginAPI.reuse` what jekpy may reuse of earlier renders
while it is enabled (:class:`ReusePolicy`; without a declaration, nothing).
An unknown ``plugins:`` entry is reported with a warning, never an error.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jekpy.errors import BuildError, ConfigError, JekpyError

from .tagcall import TagCall, TagFunction

if TYPE_CHECKING:
    from jekpy.content.models import Document, Page, SiteContext

__all__ = [
    "BUILTIN",
    "CORE_GEMS",
    "ENTRY_POINT_GROUP",
    "Converter",
    "HOOK_EVENTS",
    "HOOK_OWNERS",
    "PluginAPI",
    "PluginManager",
    "ReusePolicy",
    "TagCall",
    "load_plugins",
]

ENTRY_POINT_GROUP = "jekpy.plugins"

#: ``plugins:`` name -> module with a ``register(api)`` function.
BUILTIN: dict[str, str] = {
    "jekyll-feed": "jekpy.plugins.feed",
    "jekyll-seo-tag": "jekpy.plugins.seo",
    "jekyll-sitemap": "jekpy.plugins.sitemap",
    "jekyll-redirect-from": "jekpy.plugins.redirect_from",
    "jekyll-include-cache": "jekpy.plugins.include_cache",
    "jekyll-mentions": "jekpy.plugins.mentions",
    "jekyll-gist": "jekpy.plugins.gist",
    "jekyll-optional-front-matter": "jekpy.plugins.optional_front_matter",
    "jekyll-titles-from-headings": "jekpy.plugins.titles_from_headings",
    "jekyll-default-layout": "jekpy.plugins.default_layout",
    "jekyll-relative-links": "jekpy.plugins.relative_links",
    "jekyll-readme-index": "jekpy.plugins.readme_index",
    "jekyll-last-modified-at": "jekpy.plugins.last_modified_at",
    "jekyll-archives": "jekpy.plugins.archives",
    "jekyll-paginate": "jekpy.plugins.paginate",
    "jekyll-remote-theme": "jekpy.plugins.remote_theme",
}

HOOK_OWNERS = ("site", "pages", "documents", "posts")
HOOK_EVENTS = ("after_init", "post_read", "pre_render", "post_render", "post_write")

#: Jekyll's generator priorities (lib/jekyll/plugin.rb#PRIORITIES).
PRIORITIES = {"lowest": -100, "low": -10, "normal": 0, "high": 10, "highest": 100}

Generator = Callable[["SiteContext"], None]
Hook = Callable[..., None]


@dataclass(frozen=True)
class Converter:
    """A plugin converter: files with one of ``extensions`` are converted by ``convert``."""

    extensions: frozenset[str]
    convert: Callable[[str], str]
    output_ext: str = ".html"


#: ``ReusePolicy.renders`` values, from the most reuse to none.
RENDER_REUSE = ("tracked", "same-index", "never")
#: ``ReusePolicy.pages`` values.
PAGE_SOURCES = ("post-order", "post-dates", "front-matter", "any")


@dataclass(frozen=True)
class ReusePolicy:
    """What a plugin tells jekpy about reusing earlier renders (incremental builds,
    ``jekpy serve``'s in-place refresh) while it is enabled.

    ``renders``: what the plugin makes an item's output depend on.

    * ``"tracked"``: only what jekpy records while an item renders (the site's
      files, configuration, and what templates read of other items): every render
      whose inputs are unchanged may be reused;
    * ``"same-index"``: also other items' paths, URLs or front matter, read outside
      templates (e.g. links rewritten after reading): renders are reused only while
      every item's path, URL and front matter are as before;
    * ``"never"``: things jekpy cannot see (file times, Git history, the network):
      nothing is reused.

    ``pages``: what the plugin's generators make pages from (only plugins with
    generators are asked).

    * ``"post-order"``: the posts' order and what lists show (feeds, sitemaps,
      paginators): a post's front matter may change in place;
    * ``"post-dates"``: also the posts' dates (date archives): a post's front
      matter may change in place while its day stays the same;
    * ``"front-matter"``: items' front matter (redirect pages): pages and posts may
      change in place, but not their front matter;
    * ``"any"``: anything (generators may change items): every change reads the
      whole site again.

    A plugin that declares nothing gets ``ReusePolicy()``: ``"never"``/``"any"``.
    """

    renders: str = "never"
    pages: str = "any"

    def __post_init__(self) -> None:
        if self.renders not in RENDER_REUSE:
            raise ValueError(f"unknown renders {self.renders!r}; use one of {', '.join(RENDER_REUSE)}")
        if self.pages not in PAGE_SOURCES:
            raise ValueError(f"unknown pages {self.pages!r}; use one of {', '.join(PAGE_SOURCES)}")


@dataclass
class PluginAPI:
    """Collects what the enabled plugins provide."""

    site: SiteContext
    generators: list[tuple[int, int, str, Generator]] = field(default_factory=list)
    hooks: dict[tuple[str, str], list[tuple[int, int, Hook]]] = field(default_factory=dict)
    #: the hooks that change nothing but the item they are given (see :meth:`hook`)
    item_only_hooks: list[Hook] = field(default_factory=list)
    tags: dict[str, TagFunction] = field(default_factory=dict)
    filters: dict[str, Callable[..., Any]] = field(default_factory=dict)
    tag_classes: list[Any] = field(default_factory=list)
    converters: list[Converter] = field(default_factory=list)
    reuse_policies: dict[str, ReusePolicy] = field(default_factory=dict)
    current: str = ""
    _seq: int = 0

    def _next(self) -> int:
        self._seq += 1
        return self._seq

    def generator(self, func: Generator, *, priority: str | int = "normal") -> None:
        """Run ``func(site)`` after the site is read (highest priority first)."""
        value = PRIORITIES[priority] if isinstance(priority, str) else int(priority)
        self.generators.append((value, self._next(), self.current, func))

    def hook(
        self,
        owner: str,
        event: str,
        func: Hook,
        *,
        priority: str | int = "normal",
        item_only: bool = False,
    ) -> None:
        """Register ``func`` for Jekyll hook ``owner``/``event`` (e.g. ``"pages", "post_render"``).

        Site hooks get ``(site)`` (``pre_render``/``post_render``: ``(site, payload)``);
        item hooks get ``(item)`` (``pre_render``: ``(item, payload)``).
        ``item_only``: the hook changes nothing but the item's ``output``/``content``
        (a page may then render while the documents do, see ``builder/phases.py``).
        """
        if owner not in HOOK_OWNERS:
            raise ValueError(f"unknown hook owner {owner!r}; use one of {', '.join(HOOK_OWNERS)}")
        if event not in HOOK_EVENTS:
            raise ValueError(f"unknown hook event {event!r}; use one of {', '.join(HOOK_EVENTS)}")
        value = PRIORITIES[priority] if isinstance(priority, str) else int(priority)
        self.hooks.setdefault((owner, event), []).append((value, self._next(), func))
        if item_only:
            self.item_only_hooks.append(func)

    def tag(self, name: str, func: TagFunction) -> None:
        """Provide Liquid tag ``{% name markup %}``: ``func(TagCall) -> str``."""
        self.tags[name] = func

    def liquid_tag(self, tag_class: Any) -> None:
        """Provide a python-liquid ``Tag`` subclass as it is (block tags, custom parsing)."""
        self.tag_classes.append(tag_class)

    def converter(
        self, extensions: Iterable[str], convert: Callable[[str], str], *, output_ext: str = ".html"
    ) -> None:
        """Convert files ending in ``extensions`` (e.g. ``[".textile"]``) with ``convert(text)``.

        Runs after Liquid, like Jekyll's converters; the output file gets ``output_ext``.
        Markdown extensions stay with the built-in Markdown converter.
        """
        exts = frozenset(e.lower() if e.startswith(".") else "." + e.lower() for e in extensions)
        self.converters.append(Converter(exts, convert, output_ext))

    def filter(self, name: str, func: Callable[..., Any]) -> None:
        """Provide Liquid filter ``name`` (python-liquid filter function)."""
        self.filters[name] = func

    def reuse(self, *, renders: str = "never", pages: str = "any") -> None:
        """Declare what jekpy may reuse of earlier renders while this plugin is
        enabled (see :class:`ReusePolicy`; e.g. ``api.reuse(renders="tracked")``)."""
        self.reuse_policies[self.current] = ReusePolicy(renders, pages)


def _as_names(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if v is not None]
    return [str(value)]


def _no_plugin_distributions() -> bool:
    """Whether no installed distribution can declare a ``jekpy.plugins`` entry point,
    found without importing :mod:`importlib.metadata` (~15 ms with the ``email``
    package it loads, on every build of a site that names plugins).

    Conservative: True only when every ``sys.path`` entry is a folder (or missing),
    the standard path finder is the only one that finds distributions, and no
    ``*.dist-info``/``*.egg-info`` folder's ``entry_points.txt`` mentions the group."""
    from importlib.machinery import PathFinder

    for finder in sys.meta_path:
        if finder is not PathFinder and hasattr(finder, "find_distributions"):
            return False
    for entry in sys.path:
        root = entry or "."
        try:
            names = os.listdir(root)
        except NotADirectoryError:
            return False  # a zip file: let importlib.metadata read it
        except OSError:
            continue
        for name in names:
            if not name.endswith((".dist-info", ".egg-info")):
                continue
            try:
                with open(os.path.join(root, name, "entry_points.txt"), "rb") as file:
                    if ENTRY_POINT_GROUP.encode() in file.read():
                        return False
            except OSError:
                continue
    return True


def _entry_points() -> dict[str, Any]:
    if "importlib.metadata" not in sys.modules and _no_plugin_distributions():
        return {}
    from importlib import metadata  # only when a site names plugins (slow import)

    try:
        found = metadata.entry_points(group=ENTRY_POINT_GROUP)
    except Exception:  # pragma: no cover - broken metadata must not break builds
        return {}
    return {ep.name: ep for ep in found}


def _resolve(name: str, entry_points: Mapping[str, Any]) -> Callable[[PluginAPI], None] | None:
    target: Any
    if name in entry_points:
        target = entry_points[name].load()
    elif name in BUILTIN:
        try:
            target = importlib.import_module(BUILTIN[name])
        except ImportError:
            return None
    else:
        return None
    register = getattr(target, "register", target)
    return register if callable(register) else None


class PluginManager:
    """The plugins enabled for one site, and the calls the build makes into them."""

    def __init__(self, site: SiteContext) -> None:
        self.site = site
        self.api = PluginAPI(site)
        self.enabled: list[str] = []

    # -- loading -------------------------------------------------------------------
    def load(self, names: Iterable[str], *, from_theme: Iterable[str] = ()) -> None:
        """Load ``names`` in order; ``from_theme`` are the theme gem's dependencies."""
        site = self.site
        theme_deps = set(from_theme)
        safe = bool(site.config.get("safe"))
        whitelist = set(_as_names(site.config.get("whitelist")))
        wanted = list(dict.fromkeys(names))
        entry_points = _entry_points() if wanted else {}
        for name in wanted:
            if safe and name not in whitelist:
                site.log.warn(
                    "Plugins:",
                    f"'{name}' is not loaded in safe mode (add it to `whitelist:` to allow it)",
                )
                continue
            try:
                register = _resolve(name, entry_points)
            except Exception as err:
                site.log.warn("Plugins:", f"could not load plugin '{name}': {err}")
                continue
            if register is None:
                origin = (
                    f"the theme '{site.config.get('theme')}' depends on '{name}', but jekpy has "
                    "no such plugin; it is ignored"
                    if name in theme_deps
                    else f"jekpy has no plugin named '{name}'; it is ignored"
                )
                site.log.warn(
                    "Plugins:",
                    f"{origin} (install a Python package providing it as a "
                    f"'{ENTRY_POINT_GROUP}' entry point)",
                )
                continue
            self.api.current = name
            try:
                register(self.api)
            except JekpyError:
                raise
            except Exception as err:
                raise ConfigError(
                    f"Plugin '{name}' failed to load: {type(err).__name__}: {err}",
                    hint=f"remove '{name}' from `plugins:` or fix the plugin",
                ) from err
            self.enabled.append(name)
        self.api.current = ""
        self._install_liquid()
        self.trigger("site", "after_init", site)

    def _install_liquid(self) -> None:
        api = self.api
        if not (api.tags or api.filters or api.tag_classes):
            return  # nothing to register (and liquid_tags not even imported)
        from .liquid_tags import install

        install(self.site, api.tags, api.filters, api.tag_classes)

    # -- build steps -------------------------------------------------------------
    def trigger(self, owner: str, event: str, *args: Any) -> None:
        hooks = self.api.hooks.get((owner, event))
        if not hooks:
            return  # (the usual case: called for every item rendered)
        for _prio, _seq, func in sorted(hooks, key=lambda h: (-h[0], h[1])):
            func(*args)

    def reuse_policy(self, name: str) -> ReusePolicy:
        """The reuse policy plugin ``name`` declared (nothing reused without one)."""
        return self.api.reuse_policies.get(name, ReusePolicy())

    def enabled_policies(self) -> list[ReusePolicy]:
        return [self.reuse_policy(name) for name in self.enabled]

    def generator_policies(self) -> list[ReusePolicy]:
        """The reuse policy of the plugin behind each generator."""
        return [self.reuse_policy(name) for _prio, _seq, name, _func in self.api.generators]

    def converter_for(self, extname: str) -> Converter | None:
        """The first plugin converter for files ending in ``extname`` (or None)."""
        ext = extname.lower()
        for converter in self.api.converters:
            if ext in converter.extensions:
                return converter
        return None

    def _item_owners(self, item: Document | Page) -> list[str]:
        from jekpy.content.models import Document

        if isinstance(item, Document):
            owners = ["documents"]
            if item.collection.label == "posts":
                owners.append("posts")
            return owners
        return ["pages"]

    def generate(self) -> None:
        """``post_read`` hooks, then every generator (Jekyll's ``Site#generate``)."""
        self.trigger("site", "post_read", self.site)
        for _prio, _seq, name, func in sorted(self.api.generators, key=lambda g: (-g[0], g[1])):
            try:
                func(self.site)
            except JekpyError:
                raise
            except Exception as err:
                # A plugin's bug: reported with its name, never as a traceback.
                raise BuildError(
                    f"Plugin '{name}' failed while generating: {type(err).__name__}: {err}",
                    hint="this is a bug in the plugin; please report it with the site's "
                    "file that triggers it",
                ) from err

    def pre_render(self, item: Document | Page, payload: dict[str, Any]) -> None:
        for owner in self._item_owners(item):
            self.trigger(owner, "pre_render", item, payload)
        # (no generated page exists unless their module was imported)
        pages = sys.modules.get(f"{__package__}.pages")
        if pages is not None and isinstance(item, pages.GeneratedPage):
            item.prepare()

    def post_render(self, item: Document | Page) -> None:
        for owner in self._item_owners(item):
            self.trigger(owner, "post_render", item)

    def post_write(self) -> None:
        from jekpy.content.models import Document, Page

        hooks = self.api.hooks
        if not any(hooks.get((owner, "post_write")) for owner in ("documents", "posts", "pages")):
            self.trigger("site", "post_write", self.site)
            return
        for item in self.site.items_to_write():
            if isinstance(item, (Document, Page)):
                for owner in self._item_owners(item):
                    self.trigger(owner, "post_write", item)
        self.trigger("site", "post_write", self.site)


#: Gems a theme may depend on that are part of jekpy itself (or irrelevant to it):
#: they are not plugins to load.
CORE_GEMS = frozenset(
    {
        "jekyll", "jekyll-sass-converter", "sassc", "sass-embedded", "kramdown",
        "kramdown-parser-gfm", "rouge", "liquid", "webrick", "jekyll-watch", "listen",
        "mercenary", "safe_yaml", "terminal-table", "pathutil", "i18n", "addressable",
        "colorator", "em-websocket", "bundler", "rake", "jekyll-coffeescript",
    }
)


def theme_plugin_names(site: SiteContext) -> list[str]:
    """The theme's runtime dependencies that are plugins (``require_theme_deps``)."""
    deps = getattr(site, "theme_dependencies", None) or []
    return [d for d in deps if d not in CORE_GEMS]


def gemfile_plugin_names(site: SiteContext) -> list[str]:
    """The gems of the ``jekyll_plugins`` group of the Gemfile in the working directory
    (``Bundler.require(:jekyll_plugins)``, which Jekyll runs when there is one)."""
    from jekpy.support.gemfile import bundler_gemfile, jekyll_plugin_gems

    gemfile = bundler_gemfile()
    if gemfile is None:
        return []
    names = [name for name in jekyll_plugin_gems(gemfile) if name not in CORE_GEMS]
    if names:
        site.log.debug("PluginManager:", f"Required {', '.join(names)} (Gemfile)")
    return names


def load_plugins(site: SiteContext) -> PluginManager:
    """Load the theme gem's runtime dependencies, then the plugins ``site.config['plugins']``
    names (``gems:`` is ignored, as in Jekyll 4)."""
    manager = PluginManager(site)
    from_theme = theme_plugin_names(site)
    manager.load(
        [*from_theme, *gemfile_plugin_names(site), *_as_names(site.config.get("plugins"))],
        from_theme=from_theme,
    )
    _warn_ruby_plugins(site)
    paginate = site.config.get("paginate")
    if paginate is not None and paginate is not False and "jekyll-paginate" not in (
        *manager.enabled, *_as_names(site.config.get("plugins"))
    ):
        site.log.warn(
            "Deprecation:",
            "You appear to have pagination turned on, but you haven't included the "
            "`jekyll-paginate` gem. Ensure you have `plugins: [jekyll-paginate]` in your "
            "configuration file.",
        )
    return manager


def ruby_plugin_files(site: SiteContext) -> list[Path]:
    """The ``.rb`` files Jekyll would require from ``plugins_dir`` (none in safe mode):
    the default ``_plugins`` is inside the source, a configured one is relative to the
    working directory, as in Jekyll's ``PluginManager#plugins_path``."""
    config = site.config
    if config.get("safe"):
        return []
    setting = config.get("plugins_dir", "_plugins")
    if setting == "_plugins":
        dirs = [site.source / "_plugins"]
    else:
        dirs = [Path(str(d)).expanduser().absolute() for d in _as_names(setting)]
    found: list[Path] = []
    for folder in dirs:
        if folder.is_dir():
            found.extend(sorted(p for p in folder.rglob("*.rb") if p.is_file()))
    return found


def _warn_ruby_plugins(site: SiteContext) -> None:
    files = ruby_plugin_files(site)
    if not files:
        return
    names = []
    for path in files[:3]:
        try:
            names.append(str(path.relative_to(site.source)))
        except ValueError:
            names.append(str(path))
    more = f" and {len(files) - 3} more" if len(files) > 3 else ""
    site.log.warn(
        "Plugins:",
        f"jekpy cannot run Ruby plugins; {', '.join(names)}{more} ignored (their tags, "
        "filters, generators and converters are missing: rewrite them as Python plugins, "
        "see docs/plugins.md)",
    )
