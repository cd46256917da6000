"""A whole site: read it, render it, write it (``Jekyll::Site#process``)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from . import markdown
from .dates import SiteClock, parse_date
from .defaults import FrontMatterDefaults
from .drops import SiteDrop, to_liquid
from .errors import BuildError, ConfigError
from .liquid import LiquidEngine
from .log import Logger
from .models import Collection, Document, Excerpt, Layout, Page, StaticFile
from .renderer import Renderer
from .themes import find_theme

__all__ = ["Site"]

LIQUID_BLOCK_TAGS = frozenset(
    "if unless case for tablerow capture comment raw highlight ifchanged".split()
)


class Site:
    """A Jekyll site read from ``config['source']``."""

    def __init__(self, config: Mapping[str, Any], *, log: Logger | None = None) -> None:
        self.config: dict[str, Any] = dict(config)
        self.log = log or Logger()
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
        self.theme_dir = find_theme(self.config.get("theme"), self.log)
        self.includes_dirs: list[Path] = [self.in_source_dir(str(self.config.get("includes_dir") or "_includes"))]
        if self.theme_dir is not None and (self.theme_dir / "_includes").is_dir():
            self.includes_dirs.append(self.theme_dir / "_includes")
        self.frontmatter_defaults = FrontMatterDefaults(self.config, str(self.source))
        self.time = self._site_time()
        self.markdown_converter: Callable[[str], str] = markdown.make_converter(
            self.config.get("kramdown") or {}
        )
        self.liquid = LiquidEngine(self)
        from .plugins import load_plugins  # plugins hook: tags/filters, hooks, generators

        self.plugins = load_plugins(self)
        self.build_seconds = 0.0
        self.reset()

    # -- state ---------------------------------------------------------------------
    def _site_time(self) -> dt.datetime:
        value = self.config.get("time") or os.environ.get("JEKPY_SITE_TIME")
        if value:
            try:
                return parse_date(value, self.clock)
            except ValueError as err:
                raise ConfigError(
                    f"Invalid time '{value}' in _config.yml",
                    hint="write `time: 2024-01-31 12:00:00 +0000`",
                ) from err
        return self.clock.now()

    def reset(self) -> None:
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
        return int(thing.date.timestamp()) > int(self.time.timestamp())

    def publish(self, thing: Document | Page) -> bool:
        """Jekyll's ``Publisher#publish?``."""
        data = thing.merged_data() if isinstance(thing, Page) else thing.data
        can = data.get("published", True) is not False or self.unpublished
        return can and not self.hidden_in_the_future(thing)

    def unpublished_reason(self, doc: Document | Page) -> str | None:
        """Why the publishing rules hide ``doc`` (and the flag that shows it), or None."""
        if isinstance(doc, Document) and doc.is_draft and not self.show_drafts:
            return f"{doc.relative_path} is a draft; pass --drafts to render it"
        data = doc.merged_data() if isinstance(doc, Page) else doc.data
        if data.get("published", True) is False and not self.unpublished:
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
            result: dict[str, list[Document]] = {}
            for post in self.posts.docs:
                for value in post.data.get(attr) or []:
                    result.setdefault(value, []).append(post)
            self._attr_hash[attr] = {
                k: [to_liquid(p) for p in sorted(v, key=lambda d: d.sort_key(), reverse=True)]
                for k, v in result.items()
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
        from .links import find_post_url

        return find_post_url(self, name)

    def link(self, relative_path: str) -> str | None:
        from .links import find_link

        return find_link(self, relative_path)

    def warn(self, message: str) -> None:
        topic, _, rest = message.partition(": ")
        if rest and len(topic) < 20:
            self.log.warn(topic + ":", rest)
        else:
            self.log.warn("", message)

    # -- processing ----------------------------------------------------------------------------
    def read(self) -> None:
        from .reader import Reader

        Reader(self).read()
        self._limit_posts()

    def _limit_posts(self) -> None:
        try:
            limit = int(self.config.get("limit_posts") or 0)
        except (TypeError, ValueError):
            limit = 0
        if limit > 0:
            self.posts.docs = self.posts.docs[-limit:]

    def render(self, only: Sequence[Document | Page] | None = None) -> None:
        """Render every document, then every page (or just ``only``)."""
        renderer = Renderer(self)
        payload = self.payload()
        targets: Iterator[Document | Page] = iter(only) if only is not None else self._render_order()
        self.plugins.trigger("site", "pre_render", self, payload)  # plugins hook
        for item in targets:
            self.plugins.pre_render(item, payload)  # plugins hook
            item.output = renderer.render(item, payload)
            self.plugins.post_render(item)  # plugins hook
        self.plugins.trigger("site", "post_render", self, payload)  # plugins hook

    def _render_order(self) -> Iterator[Document | Page]:
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
        """Read, render and write the whole site."""
        from .writer import Writer

        self.read()
        self.plugins.generate()  # plugins hook: post_read hooks + generators
        self.render()
        try:
            Writer(self).write()
        except OSError as err:
            raise BuildError(
                f"could not write the site: {err.strerror or err}",
                path=getattr(err, "filename", None),
                hint="check that the destination folder is writable",
            ) from err
        self.plugins.post_write()  # plugins hook


def _sanitized(base: Path, *parts: str) -> Path:
    """``Jekyll.sanitized_path``: join without ever leaving ``base``."""
    path = base
    for part in parts:
        clean = [p for p in part.replace("\\", "/").split("/") if p not in ("", ".", "..")]
        path = path.joinpath(*clean) if clean else path
    return path


def layout_names(site: Site) -> list[str]:
    """Known layout names (for "did you mean" hints)."""
    return sorted(site.layouts)
