"""A whole site: read it, render it, write it (``Jekyll::Site#process``)."""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from .. import markdown
from ..config import ORIGINS_KEY, OVERRIDE, key_location
from ..content.defaults import FrontMatterDefaults
from ..content.drops import SiteDrop, to_liquid
from ..content.models import Collection, Document, Excerpt, Layout, Page, StaticFile
from ..errors import BuildError, ConfigError
from ..liquid import LiquidEngine
from ..log import Logger, library_logger
from ..markdown.options import unsupported_highlighter_options
from ..support import yamlload
from ..support.cache import DiskCache, code_fingerprint, package_root
from ..support.dates import SiteClock, parse_date
from ..support.themes import ThemeGem, find_theme_gem, gem_dependencies
from ..support.utils import deep_merge, eql_key
from . import incremental, parallel
from .renderer import Renderer

if TYPE_CHECKING:
    from ..liquid import SiteHooks

__all__ = ["Site"]

LIQUID_BLOCK_TAGS = frozenset(
    ["if", "unless", "case", "for", "tablerow", "capture", "comment", "raw", "highlight", "ifchanged"]
)


class Site:
    """A Jekyll site read from ``config['source']``."""

    def __init__(self, config: Mapping[str, Any], *, log: Logger | None = None) -> None:
        self.config: dict[str, Any] = dict(config)
        # Where each key came from (for messages); not a key Liquid's `site` shows.
        self.config_origins: dict[str, str] = self.config.pop(ORIGINS_KEY, None) or {}
        self.log = log or library_logger()
        self.source = Path(self.config["source"]).resolve()
        self.dest = Path(self.config["destination"]).resolve()
        if self.dest == self.source or self.dest in self.source.parents:
            raise ConfigError(
                "Destination directory cannot be or contain the Source directory.",
                hint="choose a destination inside or beside the source, e.g. _site",
            )
        self.clock = SiteClock(self.config.get("timezone"))
        self.permalink_style = str(self.config.get("permalink") or "date")
        exts = str(self.config.get("markdown_ext") or "")
        self.markdown_exts = frozenset("." + e.strip().lower() for e in exts.split(",") if e.strip())
        self.collections_dir = str(self.config.get("collections_dir") or "")
        self.posts_dir = str(self.config.get("posts_dir") or "_posts")
        self.drafts_dir = str(self.config.get("drafts_dir") or "_drafts")
        self.show_drafts = bool(self.config.get("show_drafts"))
        self.future = bool(self.config.get("future"))
        self.unpublished = bool(self.config.get("unpublished"))
        self.strict_front_matter = bool(self.config.get("strict_front_matter"))
        self.liquid_block_tags = LIQUID_BLOCK_TAGS
        self.theme: ThemeGem | None
        self.theme, remote = self._find_theme()
        self.theme_dir = self.theme.root.resolve() if self.theme is not None else None
        #: the theme gem's runtime dependencies: loaded as plugins (``require_theme_deps``)
        self.theme_dependencies: list[str] = (
            gem_dependencies(self.theme) if self.theme is not None else []
        )
        if not remote:
            # jekyll-remote-theme sets the theme after the configuration was read:
            # a remote theme's _config.yml is never merged
            self._load_theme_configuration()
        self.includes_dirs: list[Path] = [self.in_source_dir(str(self.config.get("includes_dir") or "_includes"))]
        if self.theme_dir is not None and (self.theme_dir / "_includes").is_dir():
            self.includes_dirs.append(self.theme_dir / "_includes")
        self.frontmatter_defaults = FrontMatterDefaults(self.config, str(self.source))
        self.time = self._site_time()
        self.content_reads: set[int] | None = None  # see parallel.py
        self.tracker: incremental.Tracker | None = None  # see incremental.py
        self.incremental_state: incremental.IncrementalState | None = None
        self.disk_cache = DiskCache(self._disk_cache_dir())
        kramdown_opts = self.config.get("kramdown") or {}
        for option in unsupported_highlighter_options(kramdown_opts):
            self.log.warn(
                "Markdown:",
                f"_config.yml: {option} is not supported by jekpy; code blocks are "
                "highlighted with Rouge's CSS classes instead (style them with a stylesheet)",
            )
        self.markdown_converter: Callable[[str], str] = self.disk_cache.wrap(
            "markdown",
            markdown.make_converter(kramdown_opts),
            code=site_code(),
            options=kramdown_opts,
        )
        self.front_matter_store = self.disk_cache.store(
            "frontmatter", code=site_code(), options={"yaml": yamlload.parser_version()}
        )
        self.liquid = LiquidEngine(cast("SiteHooks", self))
        from ..plugins import load_plugins  # plugins hook: tags/filters, hooks, generators

        self.plugins = load_plugins(self)
        self.build_seconds = 0.0
        #: path -> item, for every post, page and document read (see refresh.py)
        self.read_items: dict[str, Document | Page] = {}
        #: destination -> the item the last full write put there
        self.planned_writes: dict[Path, Document | Page | StaticFile] = {}
        #: the items the last refresh rendered again
        self.refreshed: list[Document | Page] = []
        #: when the earliest post hidden for its future date falls due (a timestamp)
        self.next_due: int | None = None
        self.liquid_stats: dict[str, list[Any]] = {}
        self.reset()

    # -- state ---------------------------------------------------------------------
    def _site_time(self) -> dt.datetime:
        value = self.config.get("time")
        origin = self.config_origins.get("time") or "_config.yml"
        if not value:
            value, origin = os.environ.get("JEKPY_SITE_TIME"), "$JEKPY_SITE_TIME"
        if value:
            try:
                return parse_date(value, self.clock)
            except ValueError as err:
                if origin == "$JEKPY_SITE_TIME":
                    where, hint = "the environment variable JEKPY_SITE_TIME", (
                        "set JEKPY_SITE_TIME='2024-01-31 12:00:00 +0000' or unset it")
                else:
                    where, hint = origin, "write `time: 2024-01-31 12:00:00 +0000`"
                is_file = origin not in (OVERRIDE, "$JEKPY_SITE_TIME")
                found = key_location(origin, "time") if is_file else None
                raise ConfigError(
                    f"Invalid time '{value}' in {Path(where).name if is_file else where}",
                    path=origin if is_file else None,
                    line=found[0] if found else None,
                    source_line=found[1] if found else None,
                    hint=hint,
                ) from err
        return self.clock.now()

    def restamp(self) -> None:
        """A new ``site.time`` for a new build of this site."""
        self.time = self._site_time()

    def reset(self) -> None:
        self.next_due = None
        self.layouts: dict[str, Layout] = {}
        self.pages: list[Page] = []
        self.static_files: list[StaticFile] = []
        self.data: dict[str, Any] = {}
        self.collections: dict[str, Collection] = {
            str(label): Collection(self, str(label))
            for label in (self.config.get("collections") or {"posts": {}})
        }
        if "posts" not in self.collections:
            self.collections = {"posts": Collection(self, "posts"), **self.collections}
        self._attr_hash: dict[str, dict[str, list[Any]]] = {}
        self.drop = SiteDrop(self)

    @property
    def posts(self) -> Collection:
        return self.collections["posts"]

    def documents(self) -> list[Any]:
        seen: dict[int, Any] = {}
        for collection in self.collections.values():
            for item in [*collection.docs, *collection.files]:
                seen.setdefault(id(item), item)
        return list(seen.values())

    # -- paths -----------------------------------------------------------------------
    def in_source_dir(self, *parts: str) -> Path:
        return _sanitized(self.source, *parts)

    def in_dest_dir(self, dest: Path, rel: str) -> Path:
        return _sanitized(dest, rel)

    # -- publishing rules --------------------------------------------------------------
    def hidden_in_the_future(self, thing: Document | Page) -> bool:
        if not isinstance(thing, Document) or self.future:
            return False
        stamp = int(thing.date.timestamp())
        hidden = stamp > int(self.time.timestamp())
        if hidden and (self.next_due is None or stamp < self.next_due):
            self.next_due = stamp  # the preview must read the site again by then
        return hidden

    def publish(self, thing: Document | Page) -> bool:
        """Jekyll's ``Publisher#publish?``."""
        # data.fetch("published", true): for a page, its own front matter only.
        can = dict.get(thing.data, "published", True) is not False or self.unpublished
        return can and not self.hidden_in_the_future(thing)

    def unpublished_reason(self, doc: Document | Page) -> str | None:
        """Why the publishing rules hide ``doc`` (and the flag that shows it), or None."""
        if isinstance(doc, Document) and doc.is_draft and not self.show_drafts:
            return f"{doc.relative_path} is a draft; pass --drafts to render it"
        if dict.get(doc.data, "published", True) is False and not self.unpublished:
            return (
                f"{doc.relative_path} has `published: false` in its front matter; "
                "pass --unpublished to render it"
            )
        if self.hidden_in_the_future(doc):
            assert isinstance(doc, Document)
            return (
                f"{doc.relative_path} is dated {doc.date:%Y-%m-%d %H:%M:%S %z}, in the future; "
                "pass --future to render it"
            )
        return None

    # -- payload -------------------------------------------------------------------------
    def post_attr_hash(self, attr: str) -> dict[str, list[Any]]:
        if attr not in self._attr_hash:
            # Grouped by Ruby's eql? (2019 and "2019" are two keys, as in Jekyll:
            # lib/jekyll/site.rb#post_attr_hash builds a Hash keyed by the values).
            groups: dict[Any, tuple[Any, list[Document]]] = {}
            for post in self.posts.docs:
                values = post.data.get(attr)
                if not isinstance(values, list):
                    values = [] if values is None else [values]
                for value in values:
                    groups.setdefault(eql_key(value), (_hashable(value), []))[1].append(post)
            self._attr_hash[attr] = {
                key: [to_liquid(p) for p in sorted(v, key=lambda d: d.sort_key(), reverse=True)]
                for key, v in groups.values()
            }
        return self._attr_hash[attr]

    def related_posts(self, doc: Document) -> list[Document]:
        recent = list(reversed(self.posts.docs[-11:]))
        return [p for p in recent if p is not doc][:10]

    def payload(self) -> dict[str, Any]:
        return {
            "site": self.drop,
            "page": None,
            "layout": None,
            "content": None,
            "paginator": None,
            "highlighter_prefix": None,
            "highlighter_suffix": None,
            "jekyll": {
                "version": "4.3.1",
                "environment": os.environ.get("JEKYLL_ENV", "development"),
            },
        }

    # -- SiteHooks for the Liquid layer -----------------------------------------------------
    def markdownify(self, text: str) -> str:
        return self.markdown_converter(text)

    def post_url(self, name: str) -> str | None:
        from ..content.links import find_post, relative_url

        self.note_lists()  # which post it is depends on the posts' paths
        post, by_path = find_post(self, name)
        if not by_path:
            self.note_index()  # matched (or not) by any post's slug and date
        if post is None:
            return None
        self.note_item_read(post, "url", post.url)
        return relative_url(self, post.url)

    def link(self, relative_path: str) -> str | None:
        from ..content.links import find_item, relative_url

        self.note_lists()  # which file it is depends on the site's paths
        item = find_item(self, relative_path)
        if item is None:
            return None
        if isinstance(item, StaticFile):
            self.note_index()
        else:
            self.note_item_read(item, "url", item.url)
        return relative_url(self, item.url)

    def warn(self, message: str) -> None:
        topic, _, rest = message.partition(": ")
        if rest and len(topic) < 20:
            self.log.warn(topic + ":", rest)
        else:
            self.log.warn("", message)

    # -- processing ----------------------------------------------------------------------------
    def read(self) -> None:
        from .reader import Reader

        yamlload.use_store(self.front_matter_store)
        try:
            Reader(self).read()
        finally:
            yamlload.use_store(None)
        self._limit_posts()
        self.read_items = {str(item.path): item for item in self.render_order()}

    def _limit_posts(self) -> None:
        try:
            limit = int(self.config.get("limit_posts") or 0)
        except (TypeError, ValueError):
            limit = 0
        if limit > 0:
            self.posts.docs = self.posts.docs[-limit:]

    def render(self, only: Sequence[Document | Page] | None = None) -> None:
        """Render every document, then every page (or just ``only``)."""
        relative = self.config.get("relative_permalinks")
        if relative is not None and relative is not False:
            # Jekyll 3+ aborts the build: lib/jekyll/site.rb#relative_permalinks_are_deprecated.
            message = (
                "Since v3.0, permalinks for pages in subfolders must be relative to the "
                "site source directory, not the parent directory. Check "
                "https://jekyllrb.com/docs/upgrading/ for more info."
            )
            self.log.error(message)
            raise BuildError(message, hint="remove `relative_permalinks` from _config.yml")
        renderer = Renderer(self)
        payload = self.payload()
        targets: Iterator[Document | Page] = iter(only) if only is not None else self.render_order()
        self.plugins.trigger("site", "pre_render", self, payload)  # plugins hook
        if only is None and self._incremental_enabled():
            self._render_incremental(renderer, payload)
            targets = iter(())
        elif only is None:
            docs = [d for c in self.collections.values() for d in c.docs]
            if parallel.render_documents(self, docs, functools.partial(_worker_renderer, self)):
                targets = iter(self.pages)
        for item in targets:
            self.render_item(renderer, item, payload)
        self.plugins.trigger("site", "post_render", self, payload)  # plugins hook

    def render_item(
        self, renderer: Renderer, item: Document | Page, payload: dict[str, Any]
    ) -> None:
        """Render one item with the plugins' ``pre_render``/``post_render`` hooks around it."""
        self.plugins.pre_render(item, payload)  # plugins hook
        item.output = renderer.render(item, payload)
        self.plugins.post_render(item)  # plugins hook

    def _incremental_enabled(self) -> bool:
        """Reuse earlier renders: always with the disk cache (the records of what
        every page read live there), and for ``-I`` and ``serve`` in any case."""
        return bool(
            self.incremental_state is not None
            or self.config.get("incremental")
            or self.config.get("serving")
            or self._disk_cache_dir() is not None
        )

    def _incremental_file(self) -> Path | None:
        directory = self._disk_cache_dir()
        return directory / "incremental.pickle" if directory is not None else None

    def _render_incremental(self, renderer: Renderer, payload: dict[str, Any]) -> None:
        """Re-render only what changed since the previous build (see incremental.py)."""
        path = self._incremental_file()
        previous = self.incremental_state
        if previous is None:
            previous = (
                incremental.IncrementalState.load(path)
                if path is not None
                else incremental.IncrementalState()
            )

        state = incremental.render_incremental(
            self,
            self.render_order(),
            lambda item: self.render_item(renderer, item, payload),
            previous,
            site_code(),
            render_many=lambda docs: parallel.render_documents_tracked(
                self, docs, functools.partial(_worker_renderer, self)
            ),
        )
        self.incremental_state = state
        self.log.debug("Incremental:", f"{state.rendered} rendered, {state.reused} reused")
        if path is not None:
            try:
                state.save(path)
            except OSError as err:
                self.log.warn("Incremental:", f"could not save {path}: {err.strerror or err}")

    def note_content_read(
        self, doc: Document | Page, value: object = None, field: str = "content"
    ) -> None:
        """Record a template reading another item's ``content``/``output``."""
        if doc is self.drop.current:
            return
        if self.content_reads is not None:
            self.content_reads.add(id(doc))
        if self.tracker is not None:
            key = incremental.item_key(doc) + "#" + field
            self.tracker.values[key] = incremental.value_hash(value)

    def note_index(self) -> None:
        """Record a template depending on anything about any item (``post_url``...)."""
        if self.tracker is not None:
            self.tracker.reads_index = True

    def note_lists(self) -> None:
        """Record a template reading the site's lists (``site.posts``, ``page.next``...);
        the fields it reads of their items are noted by :meth:`note_item_read`."""
        if self.tracker is not None:
            self.tracker.reads_lists = True

    def note_item_read(self, item: Document | Page, field: str, value: object) -> None:
        """Record a template reading ``field`` of another item (its front matter, URL,
        date...; ``"*"``: all of its front matter), which was ``value``."""
        tracker = self.tracker
        if tracker is None or item is self.drop.current:
            return
        key = incremental.item_key(item)
        if key not in tracker.seen:
            tracker.seen[key] = incremental.meta_fingerprint(item)
        ref = key + "#" + field
        if ref not in tracker.metas:
            tracker.metas[ref] = "" if field == "*" else incremental.field_fingerprint(value)

    def note_time(self) -> None:
        """Record a template reading ``site.time``."""
        if self.tracker is not None:
            self.tracker.reads_time = True

    def note_excerpt_read(self, doc: Document) -> None:
        """Record a template reading another document's excerpt."""
        if self.tracker is not None and doc is not self.drop.current:
            key = incremental.item_key(doc)
            self.tracker.excerpts[key] = incremental.source_fingerprint(doc) or ""

    def render_order(self) -> Iterator[Document | Page]:
        for collection in self.collections.values():
            yield from collection.docs
        yield from self.pages

    def render_excerpt(self, excerpt: Excerpt) -> str:
        return Renderer(self).render_excerpt(excerpt, self.payload())

    def items_to_write(self) -> list[Document | Page | StaticFile]:
        items: list[Document | Page | StaticFile] = list(self.pages)
        items.extend(f for f in self.static_files if f.write)
        items.extend(d for d in self.documents() if isinstance(d, Document) and d.write)
        return items

    def process(self) -> None:
        """Read, render and write the whole site (``Site#process``)."""
        self._setup_cache_dir()
        phases = self._phases()
        if self.config.get("profile"):
            self._profile_process(phases)
        else:
            for _name, phase in phases:
                phase()
        self.disk_cache.save(keep=self.cache_room())

    def cache_room(self) -> int:
        """How many cached conversions a site keeps: a few per item (body, excerpt,
        markdownify...)."""
        items = sum(len(c.docs) for c in self.collections.values()) + len(self.pages)
        return 4 * items + 256

    def _find_theme(self) -> tuple[ThemeGem | None, bool]:
        """``theme:`` (a gem, see themes.py) or, without it, ``remote_theme:`` (a GitHub
        archive cached by theme_fetch.py, as jekyll-remote-theme downloads it); and
        whether it is the remote one."""
        remote = self.config.get("remote_theme")
        if remote is None:
            return find_theme_gem(self.config.get("theme"), self.log, self.source), False
        # jekyll-remote-theme replaces any `theme:` when the site is reset
        from ..support.theme_fetch import remote_theme_gem

        plugins = self.config.get("plugins")
        if "jekyll-remote-theme" not in (plugins if isinstance(plugins, list) else [plugins]):
            self.log.debug(
                "Remote Theme:",
                "jekyll-remote-theme is not in `plugins:`; jekpy uses remote_theme anyway, "
                "as GitHub Pages does",
            )
        gem = remote_theme_gem(remote, log=self.log)
        self.config["theme"] = gem.name
        return gem, True

    def _load_theme_configuration(self) -> None:
        """``Site#load_theme_configuration``: the theme's ``_config.yml`` under the
        site's (the site's values win; ``ignore_theme_config: true`` skips it)."""
        if self.theme_dir is None or self.config.get("ignore_theme_config") is True:
            return
        path = self.theme_dir / "_config.yml"
        if not path.is_file() or path.is_symlink():
            return
        import yaml

        from ..config import DEFAULTS
        from ..support.yamlload import load_yaml

        try:
            theme_config = load_yaml(path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
            self.log.warn("Theme Config file:", f"could not read {path}: {err}")
            return
        if not isinstance(theme_config, dict):
            return
        self.log.info("Theme Config file:", str(path))
        theme_config.pop("theme", None)
        self.config = deep_merge(deep_merge(DEFAULTS, theme_config), self.config)

    def _disk_cache_dir(self) -> Path | None:
        """Where jekpy keeps its conversion cache (None: memory only)."""
        if self.config.get("safe") or self.config.get("disable_disk_cache"):
            return None
        return self.in_source_dir(str(self.config.get("cache_dir") or ".jekyll-cache"), "Jekpy")

    def _phases(self) -> list[tuple[str, Callable[[], None]]]:
        return [
            ("RESET", self._reset_phase),
            ("READ", self.read),
            ("GENERATE", self.generate),
            ("RENDER", self.render),
            ("CLEANUP", self.cleanup),
            ("WRITE", self.write),
        ]

    def _reset_phase(self) -> None:
        self.__dict__.pop("_destination_map", None)  # see Writer.destination_map
        if self.pages or self.static_files or any(c.docs for c in self.collections.values()):
            self.reset()
        self.liquid_stats.clear()

    def generate(self) -> None:
        """Plugins' ``post_read`` hooks and generators (``Site#generate``)."""
        self.plugins.generate()

    def cleanup(self) -> None:
        """Remove obsolete files from the destination (``Cleaner#cleanup!``)."""
        from .writer import Writer

        try:
            Writer(self).clean()
            if not self.config.get("incremental"):
                metadata = self.source / ".jekyll-metadata"
                if metadata.is_file():
                    metadata.unlink()
        except OSError as err:
            raise BuildError(
                f"could not clean the destination: {err.strerror or err}",
                path=getattr(err, "filename", None),
                hint="check that the destination folder is writable",
            ) from err

    def write(self) -> None:
        """Write every file, then the incremental metadata (``Site#write``)."""
        from .writer import Writer

        try:
            Writer(self).write(clean=False)
            if self.config.get("incremental"):
                self._write_metadata()
        except OSError as err:
            raise BuildError(
                f"could not write the site: {err.strerror or err}",
                path=getattr(err, "filename", None),
                hint="check that the destination folder is writable",
            ) from err
        self.plugins.post_write()

    def _write_metadata(self) -> None:
        """``.jekyll-metadata`` for ``--incremental``.  jekpy always rebuilds everything;
        the file is YAML (Jekyll falls back to YAML when it cannot unmarshal it)."""
        import yaml

        from .writer import atomic_write

        entries: dict[str, Any] = {}
        for item in self.items_to_write():
            path = item.path
            try:
                mtime = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.timezone.utc)
            except OSError:
                continue
            entries[str(path)] = {"mtime": mtime, "deps": []}
        atomic_write(
            self.source / ".jekyll-metadata",
            yaml.safe_dump(entries, sort_keys=True).encode("utf-8"),
        )

    def _setup_cache_dir(self) -> None:
        """``Site#configure_cache``: the disk cache folder with its ``.gitignore``
        (not in safe mode or with ``disable_disk_cache``)."""
        if self.config.get("safe") or self.config.get("disable_disk_cache"):
            return
        cache_dir = self.in_source_dir(str(self.config.get("cache_dir") or ".jekyll-cache"))
        try:
            (cache_dir / "Jekyll" / "Cache" / "Jekyll--Cache").mkdir(parents=True, exist_ok=True)
            gitignore = cache_dir / ".gitignore"
            if not gitignore.exists():
                gitignore.write_bytes(b"# ignore everything in this directory\n*\n")
        except OSError as err:
            self.log.warn("Cache:", f"could not create {cache_dir}: {err.strerror or err}")

    def _profile_process(self, phases: list[tuple[str, Callable[[], None]]]) -> None:
        """``Profiler#profile_process``: the phases' times, then the Liquid render stats."""
        import time

        rows = [["PHASE", "TIME"]]
        total = 0.0
        for name, phase in phases:
            started = time.perf_counter()
            phase()
            spent = round(time.perf_counter() - started, 4)
            rows.append([name, f"{spent:.4f}"])
            total += spent
        rows.append(["TOTAL TIME", f"{total:.4f}"])
        self.log.info("\nBuild Process Summary:")
        self.log.info(_tabulate(rows))
        self.log.info("\nSite Render Stats:")
        self.log.info(self.stats_table())

    def record_liquid(self, path: str, seconds: float, output: str) -> None:
        """Count one Liquid render of ``path`` for ``--profile``."""
        key = _profile_name(self, path)
        stat = self.liquid_stats.setdefault(key, [0, 0, 0.0])
        stat[0] += 1
        stat[1] += len(output.encode("utf-8", "surrogateescape"))
        stat[2] += seconds

    def stats_table(self, rows: int = 50) -> str:
        ordered = sorted(self.liquid_stats.items(), key=lambda kv: -kv[1][2])[:rows]
        table = [["Filename", "Count", "Bytes", "Time"]]
        count = size = 0
        spent = 0.0
        for name, (c, b, t) in ordered:
            count += int(c)
            size += int(b)
            spent += t
            table.append([name, str(int(c)), f"{b / 1024.0:.2f}K", f"{t:.3f}"])
        table.append([f"TOTAL (for {len(ordered)} files)", str(count), f"{size / 1024.0:.2f}K",
                      f"{spent:.3f}"])
        return _tabulate(table)


def _profile_name(site: Site, path: str) -> str:
    """``LiquidRenderer#normalize_path``: relative to the source, else without its leading ``/``."""
    prefix = str(site.source) + "/"
    if path.startswith(prefix):
        return path[len(prefix):]
    if site.theme_dir is not None and path.startswith(str(site.theme_dir) + "/"):
        return site.theme_dir.name + "/" + path[len(str(site.theme_dir)) + 1:]
    return path[1:] if path.startswith("/") else path


def _tabulate(rows: list[list[str]]) -> str:
    """``Profiler.tabulate``: a terminal-table without top and bottom borders,
    first column left-aligned, the others right-aligned."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]

    def line(row: list[str]) -> str:
        cells = [
            row[i].ljust(widths[i]) if i == 0 else row[i].rjust(widths[i])
            for i in range(len(row))
        ]
        return "| " + " | ".join(cells) + " |"

    sep = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    out = [line(rows[0]), sep, *(line(r) for r in rows[1:])]
    return "\n" + "\n".join(out) + "\n"


def _hashable(value: Any) -> Any:
    """A dict key for ``value`` (an array key becomes a tuple, which Liquid prints
    the same way)."""
    if isinstance(value, list):
        return tuple(_hashable(v) for v in value)
    if isinstance(value, dict):
        return tuple((k, _hashable(v)) for k, v in value.items())
    return value



def _worker_renderer(site: Site) -> Callable[[Document], None]:
    """For parallel.py, called once in each forked worker: the function that renders
    one document there (one renderer and one payload per worker)."""
    renderer = Renderer(site)
    payload = site.payload()

    def render_one(doc: Document) -> None:
        site.render_item(renderer, doc, payload)

    return render_one


def _sanitized(base: Path, *parts: str) -> Path:
    """``Jekyll.sanitized_path``: join without ever leaving ``base``."""
    path = base
    for part in parts:
        clean = [p for p in part.replace("\\", "/").split("/") if p not in ("", ".", "..")]
        path = path.joinpath(*clean) if clean else path
    return path


@functools.lru_cache(maxsize=1)
def site_code() -> str:
    """Fingerprint of all of jekpy's code (invalidates cached conversions and renders)."""
    return code_fingerprint([package_root()])
