"""``jekyll-last-modified-at`` 1.3: ``page.last_modified_at`` and ``{% last_modified_at %}``.

Every page (and every document without its own ``last_modified_at``) gets the
time of the last Git commit touching its file, or the file's modification time
outside a Git work tree.  ``{% last_modified_at [format] %}`` prints it with
``format`` (strftime; default ``last-modified-at: {date-format: ...}`` or
``%d-%b-%y``); as in the gem, the text is cached per file for the whole
build, so the first format used for a file wins.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jekpy.content.models import Document, Page
from jekpy.liquid.ruby import output_str

from ._liquid import lookup

if TYPE_CHECKING:
    from jekpy.content.models import SiteContext

    from .registry import PluginAPI, TagCall

__all__ = ["register"]

DEFAULT_FORMAT = "%d-%b-%y"


def register(api: PluginAPI) -> None:
    api.reuse(renders="never")  # file times and Git history: unseen inputs
    api.hook("site", "post_read", _stamp)
    api.tag("last_modified_at", _tag)


def _git(site: SiteContext, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", *args], cwd=site.source, capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def _in_git(site: SiteContext) -> bool:
    cache: dict[str, bool] = site.__dict__.setdefault("_jekpy_lma_git", {})
    if "repo" not in cache:
        cache["repo"] = _git(site, "rev-parse", "--is-inside-work-tree") == "true"
    return cache["repo"]


def modified_time(site: SiteContext, relative: str) -> dt.datetime | None:
    """When ``relative`` (a path in the source) last changed, in the site's zone."""
    path = site.in_source_dir(relative) if not Path(relative).is_absolute() else Path(relative)
    if not path.exists():
        return None
    stamp: int | None = None
    if _in_git(site):
        out = _git(site, "log", "-n", "1", "--format=%ct", "--", str(path))
        if out and out.isdigit():
            stamp = int(out)
    if stamp is None:
        stamp = int(path.stat().st_mtime)
    return site.clock.local(dt.datetime.fromtimestamp(stamp, dt.timezone.utc))


def _stamp(site: SiteContext) -> None:
    site.__dict__.pop("_jekpy_lma_text", None)  # a new build: forget the cached texts
    for page in site.pages:
        value = modified_time(site, page.page_path)
        if value is not None:
            page.data["last_modified_at"] = value
    for collection in site.collections.values():
        for doc in collection.docs:
            if isinstance(doc, Document) and "last_modified_at" not in doc.data:
                value = modified_time(site, str(doc.path))
                if value is not None:
                    doc.data["last_modified_at"] = value


def _tag(call: TagCall) -> str:
    from jekpy.liquid.ruby import strftime

    site = call.site
    config = site.config.get("last-modified-at")
    fmt = call.markup.strip() or (
        output_str(config.get("date-format"))
        if isinstance(config, dict) and config.get("date-format")
        else ""
    )
    page: Any = call.get("page")
    path = output_str(lookup(page, "path"))
    if isinstance(page, Page):
        path = page.page_path
    # The gem caches the formatted date per file: the first format used wins
    # (jekyll-last-modified-at lib/jekyll-last-modified-at/determinator.rb
    # #formatted_last_modified_date, PATH_CACHE keyed by the page path).
    cache: dict[str, str] = site.__dict__.setdefault("_jekpy_lma_text", {})
    if path not in cache:
        value = modified_time(site, path)
        if value is None:
            raise FileNotFoundError(f"{site.in_source_dir(path)} does not exist!")
        cache[path] = str(strftime(value, fmt or DEFAULT_FORMAT))
    return cache[path]
