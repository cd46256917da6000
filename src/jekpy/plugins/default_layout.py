"""``jekyll-default-layout`` 0.1: Markdown pages and posts without a ``layout`` get one.

The site's ``home`` layout for the page at ``/``, else ``page`` for pages,
``post`` for posts, else ``default`` (whichever exists first).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jekpy.content.models import Document, Page

if TYPE_CHECKING:
    from jekpy.content.models import SiteContext

    from .registry import PluginAPI

__all__ = ["register"]


def register(api: PluginAPI) -> None:
    api.reuse(renders="tracked")
    api.generator(generate, priority="lowest")


def _layout_for(site: SiteContext, item: Page | Document) -> str | None:
    layouts = site.layouts
    if item.url == "/" and "home" in layouts:
        return "home"
    if isinstance(item, Page) and "page" in layouts:
        return "page"
    if isinstance(item, Document) and item.collection.label == "posts" and "post" in layouts:
        return "post"
    if "default" in layouts:
        return "default"
    return None


def generate(site: SiteContext) -> None:
    items: list[Page | Document] = [*site.pages, *site.posts.docs]
    for item in items:
        if item.extname.lower() not in site.markdown_exts:
            continue
        data = item.merged_data() if isinstance(item, Page) else item.data
        if "layout" in data:
            continue
        item.data["layout"] = _layout_for(site, item)
