"""Lookups behind ``{% post_url %}`` and ``{% link %}`` (``tags/post_url.rb``, ``link.rb``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .models import Document, Page, StaticFile

if TYPE_CHECKING:
    from .site import Site

__all__ = ["find_link", "find_post_url", "relative_url"]

_POST_RE = re.compile(r"^(.+/)*(\d+-\d+-\d+)-(.*)$")


def relative_url(site: Site, url: str) -> str:
    """Prefix ``url`` with the site's ``baseurl``."""
    base = str(site.config.get("baseurl") or "").rstrip("/")
    if not base:
        return url
    if not base.startswith("/"):
        base = "/" + base
    return base + ("/" + url.lstrip("/") if url else "")


def find_post_url(site: Site, name: str) -> str | None:
    """The URL of the post ``[dir/]YYYY-MM-DD-slug``, baseurl included, or None."""
    m = _POST_RE.match(name.strip())
    if m is None:
        return None
    path_prefix = m.group(1) or ""
    wanted = f"{m.group(2)}-{m.group(3)}"
    for post in site.posts.docs:
        rel = post.relative_path
        stem = rel.rsplit(".", 1)[0] if "." in rel.rsplit("/", 1)[-1] else rel
        candidates = {
            f"{site.posts_dir}/{path_prefix}{wanted}",
            f"{path_prefix}{site.posts_dir}/{wanted}",
        }
        if stem in candidates:
            return relative_url(site, post.url)
    for post in site.posts.docs:
        if post.basename_without_ext == wanted and post.relative_path.startswith(
            path_prefix.lstrip("/")
        ):
            return relative_url(site, post.url)
    return None


def find_link(site: Site, relative_path: str) -> str | None:
    """The URL of the site file whose relative path is ``relative_path``, or None."""
    wanted = relative_path.strip()
    items: list[Document | Page | StaticFile] = [*site.pages, *site.static_files]
    items.extend(d for d in site.documents() if isinstance(d, Document))
    for item in items:
        rel = item.relative_path
        if rel == wanted or rel == "/" + wanted or rel.lstrip("/") == wanted.lstrip("/"):
            return relative_url(site, item.url)
    return None
