"""``jekyll-archives`` 2.2: archive pages of posts by tag, category, year, month and day.

Configured under ``jekyll-archives:``: ``enabled`` (``all``/``true`` or a list of
``year``, ``month``, ``day``, ``tags``, ``categories``; nothing by default),
``layout`` (default ``archive``) or ``layouts`` per type, and ``permalinks``
per type (defaults ``/:year/``, ``/:year/:month/``, ``/:year/:month/:day/``,
``/tag/:name/``, ``/category/:name/``).  An archive page sees ``page.posts``
(newest first), ``page.type``, ``page.title`` (tag or category) and ``page.date``
(date archives); ``site.archives`` lists them all.  Like the gem's pages, an archive
page has no ``content``, ``dir`` or ``excerpt`` in Liquid: only its front matter
and ``posts``, ``type``, ``title``, ``date``, ``name``, ``path``, ``url``,
``permalink``.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from typing import TYPE_CHECKING, Any

from jekpy.content.drops import PageDrop, to_liquid
from jekpy.content.models import Document, Page
from jekpy.support.urls import generate_url_from_hash, sanitize_url, unescape_path
from jekpy.support.utils import deep_merge, slugify

if TYPE_CHECKING:
    from jekpy.content.models import SiteContext

    from .registry import PluginAPI

__all__ = ["Archive", "register"]

DEFAULTS: dict[str, Any] = {
    "layout": "archive",
    "enabled": [],
    "permalinks": {
        "year": "/:year/",
        "month": "/:year/:month/",
        "day": "/:year/:month/:day/",
        "tag": "/tag/:name/",
        "category": "/category/:name/",
    },
}


def register(api: PluginAPI) -> None:
    api.reuse(renders="tracked", pages="post-dates")  # pages per tag, category and date
    api.generator(generate)


class ArchiveDrop(PageDrop):
    """An archive page in Liquid: its :meth:`Archive.merged_data` and nothing else."""

    __slots__ = ()

    _methods: dict[str, Any] = {}

    def snapshot(self) -> dict[str, Any]:
        return self.page.merged_data()


class Archive(Page):
    """One archive page (no source file)."""

    drop_type = ArchiveDrop

    def __init__(
        self,
        site: SiteContext,
        config: dict[str, Any],
        title: str | dict[str, str],
        type_: str,
        posts: list[Document],
    ) -> None:
        self.archive_title = title
        self.archive_type = type_
        self.archive_posts = posts
        self.slug = slugify(title) if isinstance(title, str) else None
        permalinks = config.get("permalinks") or {}
        self.url_template = str(permalinks.get(type_) or "")
        placeholders: dict[str, str | None] = (
            {**title, "type": type_}
            if isinstance(title, dict)
            else {"name": self.slug, "type": type_}
        )
        self._archive_url = sanitize_url(generate_url_from_hash(self.url_template, placeholders))
        rel = unescape_path(self._archive_url).lstrip("/")
        if self._archive_url.endswith("/"):
            rel = posixpath.join(rel, "index.html")
        dir_, name = posixpath.split(rel)
        super().__init__(site, site.source, dir_, name)
        self.relative_path = rel
        layouts = config.get("layouts")
        layout = layouts.get(type_) if isinstance(layouts, dict) and layouts.get(type_) else None
        self.data = {"layout": layout if layout is not None else config.get("layout")}
        self.content = ""
        self.name = posixpath.splitext(posixpath.basename(rel))[0]

    def read(self) -> None:
        """Nothing to read."""

    @property
    def defaults(self) -> dict[str, Any]:
        """Front matter defaults for the archive's *type* (``tag``, ``year``...): the
        gem's ``type`` attribute stands where Jekyll's defaults lookup asks for the
        page's type, so scopes with ``type: pages`` do not apply, those without one do."""
        return self.site.frontmatter_defaults.all(self.relative_path, self.archive_type)

    @property
    def url(self) -> str:
        return self._archive_url

    @property
    def permalink(self) -> str | None:
        value = self.data.get("permalink")
        return str(value) if value else None

    @property
    def date(self) -> dt.date | None:
        if isinstance(self.archive_title, dict):
            parts = [int(v) for v in self.archive_title.values()]
            return dt.date(*(parts + [1, 1])[:3])
        return None

    def merged_data(self) -> dict[str, Any]:
        attrs = {
            "posts": [to_liquid(p) for p in self.archive_posts],
            "type": self.archive_type,
            "title": self.archive_title if isinstance(self.archive_title, str) else None,
            "date": self.date,
            "name": self.name,
            "path": self.relative_path,
            "url": self.url,
            "permalink": self.permalink,
        }
        return deep_merge(self.defaults, deep_merge(self.data, attrs))

    def __repr__(self) -> str:
        return f"<Archive {self.archive_type} {self.archive_title!r}>"


def _enabled(config: dict[str, Any], kind: str) -> bool:
    enabled = config.get("enabled")
    if enabled is True or enabled == "all":
        return True
    return isinstance(enabled, list) and kind in enabled


def _newest_first(posts: list[Document]) -> list[Document]:
    return sorted(posts, key=lambda d: d.sort_key(), reverse=True)


def _group(posts: list[Document], fmt: str) -> dict[str, list[Document]]:
    groups: dict[str, list[Document]] = {}
    for post in posts:
        groups.setdefault(post.date.strftime(fmt), []).append(post)
    return {k: _newest_first(v) for k, v in groups.items()}


def _docs(site: SiteContext, attr: str) -> dict[Any, list[Document]]:
    result: dict[Any, list[Document]] = {}
    for post in site.posts.docs:
        for value in post.data.get(attr) or []:
            result.setdefault(value, []).append(post)
    return {k: _newest_first(v) for k, v in result.items()}


def generate(site: SiteContext) -> None:
    user = site.config.get("jekyll-archives")
    config = deep_merge(DEFAULTS, user if isinstance(user, dict) else {})
    site.config["jekyll-archives"] = config
    archives: list[Archive] = []
    if _enabled(config, "tags"):
        for title, posts in _docs(site, "tags").items():
            archives.append(Archive(site, config, title, "tag", posts))
    if _enabled(config, "categories"):
        for title, posts in _docs(site, "categories").items():
            archives.append(Archive(site, config, title, "category", posts))
    for year, year_posts in _group(site.posts.docs, "%Y").items():
        if _enabled(config, "year"):
            archives.append(Archive(site, config, {"year": year}, "year", year_posts))
        for month, month_posts in _group(year_posts, "%m").items():
            if _enabled(config, "month"):
                title = {"year": year, "month": month}
                archives.append(Archive(site, config, title, "month", month_posts))
            for day, day_posts in _group(month_posts, "%d").items():
                if _enabled(config, "day"):
                    title = {"year": year, "month": month, "day": day}
                    archives.append(Archive(site, config, title, "day", day_posts))
    site.pages.extend(archives)
    site.config["archives"] = [to_liquid(a) for a in archives]
