"""What the Liquid layer asks of the site being built (``jekpy.liquid.SiteHooks``):
its folders and configuration, ``markdownify``, the ``link``/``post_url`` lookups
and warnings."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..content.models import StaticFile

if TYPE_CHECKING:
    from ..content.models import SiteContext as Site

__all__ = ["SiteLiquidHooks"]


class SiteLiquidHooks:
    """The Liquid layer's view of one site (``site`` is the site itself; its
    folders and configuration are shared, never copied)."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.source: Path = site.source
        self.config: Mapping[str, Any] = site.config
        self.includes_dirs: Sequence[Path] = site.includes_dirs

    def markdownify(self, text: str) -> str:
        return self.site.markdownify(text)

    def post_url(self, name: str) -> str | None:
        """``{% post_url name %}``: the post's URL, or None."""
        from ..content.links import find_post, relative_url

        site = self.site
        site.recorder.lists_read()  # which post it is depends on the posts' paths
        post, by_path = find_post(site, name)
        if not by_path:
            site.recorder.index_read()  # matched (or not) by any post's slug and date
        if post is None:
            return None
        site.recorder.item_read(post, "url", post.url)
        return relative_url(site, post.url)

    def link(self, relative_path: str) -> str | None:
        """``{% link path %}``: the item's URL, or None."""
        from ..content.links import find_item, relative_url

        site = self.site
        site.recorder.lists_read()  # which file it is depends on the site's paths
        item = find_item(site, relative_path)
        if item is None:
            return None
        if isinstance(item, StaticFile):
            site.recorder.index_read()
        else:
            site.recorder.item_read(item, "url", item.url)
        return relative_url(site, item.url)

    def warn(self, message: str) -> None:
        """A ``Liquid Warning: ...`` (``topic: rest``) on the site's log."""
        topic, _, rest = message.partition(": ")
        if rest and len(topic) < 20:
            self.site.log.warn(topic + ":", rest)
        else:
            self.site.log.warn("", message)
