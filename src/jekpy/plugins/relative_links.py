"""``jekyll-relative-links`` 0.7: Markdown links to source files point at their output.

``[text](other.md)``, ``[text](../dir/page.md#part "title")`` and reference
definitions ``[id]: other.md`` in Markdown pages (and, with
``relative_links: {collections: true}``, written collection documents) are
rewritten to the target's URL (with ``baseurl``) when the path names a page,
static file or document of the site.  ``relative_links: {enabled: false}`` turns
it off; ``exclude:`` (globs) skips files.
"""

from __future__ import annotations

import posixpath
import re
import urllib.parse
from typing import TYPE_CHECKING, Any

from jekpy.content.models import Document, Excerpt, Page, StaticFile
from jekpy.support.entryfilter import EntryFilter

from ._liquid import relative_url

if TYPE_CHECKING:
    from jekpy.content.models import SiteContext

    from .registry import PluginAPI

__all__ = ["LINK_RE", "register"]

_TEXT = r"(.*?)"
_FRAGMENT = r"(#.+?|)?"
_TITLE = r"""(\s+"(?:\\"|[^"])*(?<!\\)"|\s+"(?:\\'|[^'])*(?<!\\)')?"""
_INLINE = rf"\[{_TEXT}\]\(([^)]+?){_FRAGMENT}{_TITLE}\)"
_REFERENCE = rf"^\s*?\[{_TEXT}\]: (.+?){_FRAGMENT}{_TITLE}\s*?$"
LINK_RE = re.compile(rf"({_INLINE}|{_REFERENCE})", re.M)
_ROOT = "/\0root"


def register(api: PluginAPI) -> None:
    # other items' URLs are written into content after reading
    api.reuse(renders="same-index")
    api.generator(generate, priority="lowest")


def _option(site: SiteContext, key: str) -> Any:
    config = site.config.get("relative_links")
    return config.get(key) if isinstance(config, dict) else None


def _is_absolute_url(text: str) -> bool:
    """``Addressable::URI.parse(text).absolute?``; a text Addressable cannot parse
    (``[text](https`` inside a footnote) is not absolute (the gem rescues the error)."""
    from jekpy.liquid.errors import LiquidFatal
    from jekpy.liquid.filters.urls import is_absolute

    try:
        return bool(is_absolute(text))
    except LiquidFatal:
        return False


def _path_from_root(path: str, url_base: str) -> str:
    absolute = path.startswith("/")
    path = path[1:] if absolute else path
    base = _ROOT if absolute else posixpath.join(_ROOT, url_base)
    full = posixpath.normpath(posixpath.join(base, path))
    prefix = _ROOT + "/"
    return full[len(prefix) :] if full.startswith(prefix) else full


class _Rewriter:
    def __init__(self, site: SiteContext) -> None:
        self.site = site
        targets: list[Page | StaticFile | Document] = [*site.pages, *site.static_files]
        targets.extend(d for d in site.documents() if isinstance(d, Document) and d.write)
        self.targets = targets

    def url_for(self, path: str) -> str | None:
        path = urllib.parse.unquote_plus(path)
        for target in self.targets:
            rel = target.relative_path
            if (rel[1:] if rel.startswith("/") else rel) == path:
                return relative_url(self.site, target.url) if target.url else None
        return None

    def rewrite(self, content: str, url_base: str) -> str:
        def replace(match: re.Match[str]) -> str:
            inline = match.group(2) is not None
            offset = 2 if inline else 6
            text, path, fragment, title = (match.group(offset + i) for i in range(4))
            if path.startswith("#") or _is_absolute_url(path):
                return match.group(0)
            url = self.url_for(_path_from_root(path, url_base))
            if url is None:
                return match.group(0)
            url += fragment or ""
            if inline:
                return f"[{text}]({url}{title or ''})"
            return f"\n[{text}]: {url}{title or ''}"

        return LINK_RE.sub(replace, content)


def generate(site: SiteContext) -> None:
    if _option(site, "enabled") is False:
        return
    items: list[Page | Document] = list(site.pages)
    if _option(site, "collections") is True:
        items.extend(d for d in site.documents() if isinstance(d, Document) and d.write)
    exclude = _option(site, "exclude")
    patterns = (
        [str(p) for p in exclude]
        if isinstance(exclude, list)
        else ([str(exclude)] if exclude else [])
    )
    entry_filter = EntryFilter(site.source, [], [])
    rewriter = _Rewriter(site)
    for item in items:
        if item.extname.lower() not in site.markdown_exts:
            continue
        if patterns and entry_filter._glob_include(patterns, item.relative_path):
            continue
        url_base = posixpath.dirname(item.relative_path) or "."
        item.content = rewriter.rewrite(item.content, url_base)
        if isinstance(item, Document) and item.excerpt is not None:
            item.excerpt = Excerpt(item)
