"""Lookups behind ``{% post_url %}`` and ``{% link %}`` (``tags/post_url.rb``, ``link.rb``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..support.timeparse import parse_date
from .models import Document, Page, StaticFile

if TYPE_CHECKING:
    from .models import SiteContext

__all__ = ["find_item", "find_link", "find_post", "find_post_url", "relative_url"]

_POST_RE = re.compile(r"^(.+/)*(\d+-\d+-\d+)-(.*)$")


def relative_url(site: SiteContext, url: str) -> str:
    """Jekyll's ``relative_url`` filter: the site's ``baseurl`` in front, normalised."""
    from ..liquid.filters.urls import compute_relative_url

    return compute_relative_url(url, site.config)


def find_post(site: SiteContext, name: str) -> tuple[Document | None, bool]:
    """The post ``{% post_url name %}`` names (``[dir/]YYYY-MM-DD-slug``), and whether
    it matched by path (``PostComparer``'s path-date-slug match) rather than by the
    deprecated date+slug one, which logs Jekyll's deprecation warning."""
    m = _POST_RE.match(re.sub(r"^/", "", name, count=1))
    if m is None:
        return None, True
    path, date, slug = m.group(1) or "", m.group(2), m.group(3)
    basename = f"{date}-{re.escape(slug)}\\.[^.]+"
    posts = re.escape(site.posts_dir)  # "_posts", or the jekpy `posts_dir` setting
    name_re = re.compile(f"^{posts}/{path}{basename}|^{path}{posts}/?{basename}")
    for post in site.posts.docs:
        if name_re.match(post.relative_path):
            return post, True
    try:
        wanted = parse_date(date, site.clock)
    except ValueError:
        return None, True
    for post in site.posts.docs:
        post_date = post.date
        if (
            str(post.data.get("slug")) == slug
            and (post_date.year, post_date.month, post_date.day)
            == (wanted.year, wanted.month, wanted.day)
        ):
            site.log.warn(
                "Deprecation:",
                f"A call to '{{% post_url {name} %}}' did not match a post using the new "
                "matching method of checking name (path-date-slug) equality. Please make "
                "sure that you change this tag to match the post's name exactly.",
            )
            return post, False
    return None, False


def find_post_url(site: SiteContext, name: str) -> str | None:
    """The URL of the post ``{% post_url name %}`` names, baseurl included, or None."""
    post, _ = find_post(site, name)
    return relative_url(site, post.url) if post is not None else None


def find_item(site: SiteContext, relative_path: str) -> Document | Page | StaticFile | None:
    """The site file whose relative path is ``relative_path`` (``{% link %}``), or None."""
    wanted = relative_path.strip()
    items: list[Document | Page | StaticFile] = [*site.pages, *site.static_files]
    items.extend(d for d in site.documents() if isinstance(d, Document))
    for item in items:
        rel = item.relative_path
        if rel == wanted or rel == "/" + wanted or rel.lstrip("/") == wanted.lstrip("/"):
            return item
    return None


def find_link(site: SiteContext, relative_path: str) -> str | None:
    """The URL of the site file whose relative path is ``relative_path``, or None."""
    item = find_item(site, relative_path)
    return relative_url(site, item.url) if item is not None else None
