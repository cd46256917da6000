"""``jekyll-titles-from-headings`` 0.5: a Markdown page's first heading becomes its title.

Pages (and, with ``titles_from_headings: {collections: true}``, written
collection documents) without a ``title`` take it from a leading ``#``/``##``/
``###`` or Setext heading, with Markdown and HTML stripped.
``strip_title: true`` (site option or front matter) also removes the heading
from the content; ``enabled: false`` turns the plugin off.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from jekpy.content.models import Document, Excerpt, Page
from jekpy.liquid.ruby import output_str

from ._liquid import filt

if TYPE_CHECKING:
    from jekpy.content.models import SiteContext

    from .registry import PluginAPI

__all__ = ["TITLE_RE", "register"]

TITLE_RE = re.compile(r"\A\s*(?:\#{1,3}\s+(.*)(?:\s+\#{1,3})?|(.*)\r?\n[-=]+\s*)$", re.M)
_FOOTNOTE = re.compile(r"\[\^[^\]]*\]")


def register(api: PluginAPI) -> None:
    api.reuse(renders="tracked")
    api.generator(generate, priority="lowest")


def _option(site: SiteContext, key: str) -> Any:
    config = site.config.get("titles_from_headings")
    return config.get(key) if isinstance(config, dict) else None


def _strip_markup(site: SiteContext, text: str) -> str:
    value = site.markdownify(text)
    value = output_str(filt(site, "strip_html", value))
    value = output_str(filt(site, "normalize_whitespace", value))
    return _FOOTNOTE.sub("", value)


def generate(site: SiteContext) -> None:
    if _option(site, "enabled") is False:
        return
    items: list[Page | Document] = list(site.pages)
    if _option(site, "collections") is True:
        items.extend(d for d in site.documents() if isinstance(d, Document) and d.write)
    for item in items:
        if item.extname.lower() not in site.markdown_exts:
            continue
        is_doc = isinstance(item, Document)
        data = item.data if is_doc else item.merged_data()  # type: ignore[union-attr]
        if not is_doc and data.get("title") is not None:
            continue
        match = TITLE_RE.match(item.content or "")
        if match:
            item.data["title"] = _strip_markup(site, match.group(1) or match.group(2) or "")
        else:
            item.data["title"] = data.get("title")
        strip = (
            item.data["strip_title"] is True
            if "strip_title" in item.data
            else (_option(site, "strip_title") is True)
        )
        if strip and item.content:
            item.content = TITLE_RE.sub("", item.content).strip(" \t\n\v\f\r\0")
            if (
                isinstance(item, Document)
                and item.collection.label == "posts"
                and item.excerpt is not None
            ):
                item.excerpt = Excerpt(item)
