"""A whole site: read it, render it, write it (``Jekyll::Site#process``).

``Site`` holds what was read and the settings every part of the build asks for;
the work is done by its collaborators: ``siteconfig`` (theme, ``site.time``,
cache folders), ``publisher`` (publishing rules), ``payload`` (template variables,
post groups), ``liquidhooks`` (what Liquid asks of the site), ``recorder`` (what a
render read, for reusing renders), ``phases`` (read/render/cleanup/write),
``profile`` (``--profile``) and ``metadata`` (``.jekyll-metadata``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import markdown
from ..config import ORIGINS_KEY, WARNINGS_KEY
from ..content.defaults import FrontMatterDefaults
from ..content.drops import SiteDrop
from ..content.models import Collection, Document, Excerpt, Layout, Page, StaticFile
from ..errors import ConfigError
from ..liquid import LiquidEngine
from ..log import Logger, library_logger
from ..markdown.options import unsupported_highlighter_options
from ..support import yamlload
from ..support.cache import DiskCache, Store
from ..support.dates import SiteClock
from ..support.themes import ThemeGem, gem_dependencies
from ..support.utils import sanitized_path
from . import phases
from .liquidhooks import SiteLiquidHooks
from .payload import SitePayload
from .profile import Profiler
from .publisher import Publisher
from .recorder import Recorder
from .renderer import Renderer
from .siteconfig import (
    disk_cache_dir,
    find_theme,
    markdown_extensions,
    merge_theme_configuration,
    site_code,
    site_time,
)

if TYPE_CHECKING:
    from . import incremental

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
        for warning in self.config.pop(WARNINGS_KEY, None) or ():
            self.log.warn("Configuration:", warning)
        self.source = Path(self.config["source"]).resolve()
        self.dest = Path(self.config["destination"]).resolve()
        if self.dest == self.source or self.dest in self.source.parents:
            raise ConfigError(
                "Destination directory cannot be or contain the Source directory.",
                hint="choose a destination inside or beside the source, e.g. _site",
            )
        self.clock = SiteClock(self.config.get("timezone"))
        self.permalink_style = str(self.config.get("permalink") or "date")
        self.markdown_exts = markdown_extensions(self.config)
        self.collections_dir = str(self.config.get("collections_dir") or "")
        self.posts_dir = str(self.config.get("posts_dir") or "_posts")
        self.drafts_dir = str(self.config.get("drafts_dir") or "_drafts")
        self.show_drafts = bool(self.config.get("show_drafts"))
        self.future = bool(self.config.get("future"))
        self.unpublished = bool(self.config.get("unpublished"))
        self.strict_front_matter = bool(self.config.get("strict_front_matter"))
        self.liquid_block_tags = LIQUID_BLOCK_TAGS
        self.theme: ThemeGem | None
        self.theme, remote = find_theme(self.config, self.log, self.source)
        self.theme_dir = self.theme.root.resolve() if self.theme is not None else None
        #: the theme gem's runtime dependencies: loaded as plugins (``require_theme_deps``)
        self.theme_dependencies: list[str] = (
            gem_dependencies(self.theme) if self.theme is not None else []
        )
        if not remote:
            # a remote theme is set after the configuration was read:
            # a remote theme's _config.yml is never merged
            self.config = merge_theme_configuration(self.config, self.theme_dir, self.log)
        self.includes_dirs: list[Path] = [self.in_source_dir(str(self.config.get("includes_dir") or "_includes"))]
        if self.theme_dir is not None and (self.theme_dir / "_includes").is_dir():
            self.includes_dirs.append(self.theme_dir / "_includes")
        self.frontmatter_defaults = FrontMatterDefaults(self.config, str(self.source))
        self.time = site_time(self.config, self.config_origins, self.clock)
        self.publisher = Publisher(self)
        self.recorder = Recorder(self)
        self.profiler = Profiler(self)
        self.incremental_state: incremental.IncrementalState | None = None
        self.disk_cache = DiskCache(disk_cache_dir(self.config, self.source))
        kramdown_opts = self.config.get("kramdown") or {}
        for option in unsupported_highlighter_options(kramdown_opts):
            self.log.warn(
                "Markdown:",
                f"_config.yml: {option} is not supported by jekpy; code blocks are "
                "highlighted with Rouge's CSS classes instead (style them with a stylesheet)",
            )
        # The code fingerprint (a stat of every module) salts cache files: passed as
        # a function, it is computed only when one is read or written.
        self.markdown_converter: Callable[[str], str] = self.disk_cache.wrap(
            "markdown",
            markdown.make_converter(kramdown_opts),
            code=site_code,
            options=kramdown_opts,
        )
        processor = self.config.get("markdown", "kramdown")
        if not (isinstance(processor, str) and processor.lower() == "kramdown"):
            self.markdown_converter = _invalid_markdown_processor(
                processor, self.config_origins.get("markdown")
            )
        self.front_matter_store = self.disk_cache.store(
            "frontmatter", code=site_code, options={"yaml": yamlload.parser_version()}
        )
        #: the front matter store while the site is read (see phases.read), else None
        self.read_store: Store | None = None
        self.liquid = LiquidEngine(SiteLiquidHooks(self))
        from ..plugins import load_plugins  # plugins hook: tags/filters, hooks, generators

        self.plugins = load_plugins(self)
        self.build_seconds = 0.0
        #: the warnings given once per site (e.g. "sass-missing"), by key
        self.warned_once: set[str] = set()
        #: outputs the render workers wrote ahead (builder.writer.Staging), else None
        self.staging: Any = None
        #: path -> item, for every post, page and document read (see refresh.py)
        self.read_items: dict[str, Document | Page] = {}
        #: destination -> the item the last full write put there
        self.planned_writes: dict[Path, Document | Page | StaticFile] = {}
        #: the items the last refresh rendered again
        self.refreshed: list[Document | Page] = []
        #: while pages render ahead (phases.py), the excerpts rendered (else None)
        self.excerpts_rendered: list[Excerpt] | None = None
        self.reset()

    # -- state ---------------------------------------------------------------------
    def restamp(self) -> None:
        """A new ``site.time`` for a new build of this site."""
        self.time = site_time(self.config, self.config_origins, self.clock)

    def reset(self) -> None:
        """Forget what was read (``Site#reset``)."""
        self.publisher.next_due = None
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
        self.payload = SitePayload(self)
        self.drop = SiteDrop(self)

    @property
    def posts(self) -> Collection:
        return self.collections["posts"]

    def documents(self) -> list[Any]:
        """Every collection's documents and files, once each."""
        seen: dict[int, Any] = {}
        for collection in self.collections.values():
            for item in [*collection.docs, *collection.files]:
                seen.setdefault(id(item), item)
        return list(seen.values())

    def render_order(self) -> Iterator[Document | Page]:
        """Every collection's documents, then every page."""
        for collection in self.collections.values():
            yield from collection.docs
        yield from self.pages

    def items_to_write(self) -> list[Document | Page | StaticFile]:
        items: list[Document | Page | StaticFile] = list(self.pages)
        items.extend(f for f in self.static_files if f.write)
        items.extend(d for d in self.documents() if isinstance(d, Document) and d.write)
        return items

    def cache_room(self) -> int:
        """How many cached conversions a site keeps: a few per item (body, excerpt,
        markdownify...)."""
        items = sum(len(c.docs) for c in self.collections.values()) + len(self.pages)
        return 4 * items + 256

    # -- paths -----------------------------------------------------------------------
    def in_source_dir(self, *parts: str) -> Path:
        return sanitized_path(self.source, *parts)

    def in_dest_dir(self, dest: Path, rel: str) -> Path:
        return sanitized_path(dest, rel)

    # -- rendering (also for plugins) ------------------------------------------------------
    def markdownify(self, text: str) -> str:
        """Markdown to HTML with the site's kramdown options (cached)."""
        return self.markdown_converter(text)

    def render_item(
        self, renderer: Renderer, item: Document | Page, payload: dict[str, Any]
    ) -> None:
        """Render one item with the plugins' ``pre_render``/``post_render`` hooks around it."""
        self.plugins.pre_render(item, payload)  # plugins hook
        item.output = renderer.render(item, payload)
        self.plugins.post_render(item)  # plugins hook

    def render_excerpt(self, excerpt: Excerpt) -> str:
        output = Renderer(self).render_excerpt(excerpt, self.payload.variables())
        if self.excerpts_rendered is not None:
            self.excerpts_rendered.append(excerpt)
        return output

    # -- the phases (see phases.py) ----------------------------------------------------------
    def process(self) -> None:
        """Read, render and write the whole site (``Site#process``)."""
        phases.process(self)

    def read(self) -> None:
        phases.read(self)

    def generate(self) -> None:
        """Plugins' ``post_read`` hooks and generators (``Site#generate``)."""
        self.plugins.generate()

    def render(self, only: Sequence[Document | Page] | None = None) -> None:
        """Render every document, then every page (or just ``only``)."""
        phases.render(self, only)

    def cleanup(self) -> None:
        """Remove obsolete files from the destination (``Cleaner#cleanup!``)."""
        phases.cleanup(self)

    def write(self) -> None:
        """Write every file, then the incremental metadata (``Site#write``)."""
        phases.write(self)


def _invalid_markdown_processor(processor: object, origin: str | None) -> Callable[[str], str]:
    """Jekyll 4 converts Markdown with kramdown only (or a Ruby plugin's processor):
    another ``markdown:`` setting stops the build at the first Markdown conversion,
    so a site without Markdown still builds."""

    def convert(text: str) -> str:
        raise ConfigError(
            f"Invalid Markdown processor given: {processor}",
            path=origin or "_config.yml",
            hint="Jekyll 4 and jekpy convert Markdown with kramdown only: set "
            "`markdown: kramdown` or remove the `markdown:` line",
        )

    return convert
