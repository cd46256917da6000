"""Refresh a built site in place after files were saved (``jekpy serve``'s fast path).

A full rebuild reads every file again before the incremental render can tell
that almost nothing changed.  When a writer saves a post, the preview server can
skip that: if every changed file is a post, page or document the site already
holds, the item is read again in place, and the incremental render
(:mod:`jekpy.builder.incremental`) re-renders it and whatever read it -- its content, its
excerpt, or (through ``site.posts``, ``page.next``...) its front matter -- plus
the pages that show ``site.time`` and the pages plugins generate; only those are
written.

A save may change the body, and for posts and pages the front matter too (a
draft's date is its file's time, so every save changes it), as long as the site's
lists stay as they were: the same items in the same order with the same tags and
categories, and the item keeps its URL.  Anything else (a new or deleted file, a
layout, include, data or config change, a plugin that makes pages from front
matter or rewrites items after reading) is left to a full build: :func:`refresh`
returns ``False`` and the caller discards the site.
"""

from __future__ import annotations

import itertools
import os
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..content.drops import SiteDrop
from ..content.frontmatter import has_yaml_header
from ..content.models import Document, Page
from ..errors import SourceEncodingError
from ..support.dates import site_zone
from . import incremental
from .renderer import Renderer

if TYPE_CHECKING:
    from .site import Site

__all__ = ["refresh"]


def refresh(site: Site, changed: Iterable[str]) -> bool:
    """Bring ``site`` (fully built before) up to date with the ``changed`` paths.

    Returns ``True`` when it did (the changed pages are written), ``False`` when a
    full build is needed; then ``site`` may be half-updated and must be dropped.

    Raises:
        JekpyError: a changed file is invalid (the site must be dropped too).
    """
    with site_zone(site.clock.tz):
        return _refresh(site, changed)


def _refresh(site: Site, changed: Iterable[str]) -> bool:
    previous = site.incremental_state
    if previous is None or not previous.global_fp or not _plugins_allow(site):
        return False
    items = _changed_items(site, previous, changed)
    if items is None:
        return False
    site.restamp()  # a new build: a saved draft's date (its file's time) is not ahead
    due = site.publisher.next_due
    if due is not None and due <= int(site.time.timestamp()):
        return False  # a post hidden for its future date is due: read the site again
    meta_changed = False
    for item in items:
        before, url, day = incremental.meta_fingerprint(item), item.url, _day(item)
        try:
            item.reload()
        except SourceEncodingError:
            # a full read reports and skips the file, as Jekyll does
            # (lib/jekyll/document.rb#handle_read_error)
            return False
        if not site.publisher.publish(item) or item.url != url:
            return False
        if incremental.meta_fingerprint(item) != before:
            if not _meta_may_change(site, item, same_day=_day(item) == day):
                return False
            meta_changed = True
    if meta_changed and not _lists_unchanged(site, previous):
        return False
    started = time.perf_counter()
    _render(site, previous)
    _write(site)
    site.disk_cache.trim(site.cache_room())  # saves add conversions; keep them bounded
    site.build_seconds = time.perf_counter() - started
    return True


def _day(item: Document | Page) -> str | None:
    return item.date.strftime("%Y-%m-%d") if isinstance(item, Document) else None


def _meta_may_change(site: Site, item: Document | Page, *, same_day: bool) -> bool:
    """Whether the site can take a front matter change of ``item`` in place: the
    item is a page or a post (a draft's date is its file's time, so every save
    changes it), and no plugin makes pages from items' front matter -- or from their
    dates, unless the day stayed the same (the plugins' ``ReusePolicy.pages``)."""
    if isinstance(item, Document) and item.collection is not site.posts:
        return False
    allowed = {"post-order", "post-dates"} if same_day else {"post-order"}
    return all(policy.pages in allowed for policy in site.plugins.generator_policies())


def _lists_unchanged(site: Site, previous: incremental.IncrementalState) -> bool:
    """The posts are still in date order, and every list of the site holds the
    same items (so ``site.tags`` & co. and neighbours are as before)."""
    docs = site.posts.docs
    if any(a.sort_key() > b.sort_key() for a, b in itertools.pairwise(docs)):
        return False
    return incremental.lists_fingerprint(site) == previous.lists_after


def _plugins_allow(site: Site) -> bool:
    """Every render may be reused, no plugin changes items after reading them, and
    every generator makes pages only from what lists show (``ReusePolicy``)."""
    api = site.plugins.api
    if incremental.reuse_policy(site) != "all" or api.hooks.get(("site", "post_read")):
        return False
    return all(policy.pages != "any" for policy in site.plugins.generator_policies())


def _changed_items(
    site: Site, previous: incremental.IncrementalState, changed: Iterable[str]
) -> list[Document | Page] | None:
    """The items to read again, or None when a change needs a full build."""
    items: dict[int, Document | Page] = {}
    for raw in changed:
        path = os.path.abspath(raw)
        item = site.read_items.get(path)
        if item is None:
            if not os.path.lexists(path) and path not in previous.files:
                continue  # created and deleted between two builds (an editor's temp file)
            return None
        if not os.path.isfile(path) or incremental.source_fingerprint(item) is None:
            return None
        if not _still_an_item(site, item):
            return None
        items[id(item)] = item
    return list(items.values())


def _still_an_item(site: Site, item: Document | Page) -> bool:
    """A page or a collection's document whose file lost its front matter is a
    static file now (posts are read either way)."""
    if isinstance(item, Document) and item.collection is site.posts:
        return True
    try:
        with item.path.open("rb") as fh:
            return has_yaml_header(fh.readline())
    except OSError:
        return False


def _render(site: Site, previous: incremental.IncrementalState) -> None:
    from .siteconfig import site_code

    site.drop = SiteDrop(site)  # its lists hold drops computed before
    renderer = Renderer(site)
    payload = site.payload.variables()
    site.plugins.trigger("site", "pre_render", site, payload)  # plugins hook
    rendered: list[Document | Page] = []

    def render_one(item: Document | Page) -> None:
        site.render_item(renderer, item, payload)
        rendered.append(item)

    state = incremental.render_incremental(
        site, site.render_order(), render_one, previous, site_code(), refresh=True
    )
    site.plugins.trigger("site", "post_render", site, payload)  # plugins hook
    site.incremental_state = state
    site.refreshed = rendered


def _write(site: Site) -> None:
    from .writer import Writer

    Writer(site).write(clean=False, only=site.refreshed)
    site.plugins.post_write()
