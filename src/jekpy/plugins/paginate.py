"""jekyll-paginate (v1): ``paginator`` for an ``index.html`` and its ``/page:num`` copies.

Enabled, as in Jekyll 4, by listing ``jekyll-paginate`` in ``plugins:``; it then
runs when ``paginate:`` is set.  The rules follow the gem's ``Pager`` and
``Pagination`` classes:

* the template is the ``index.html`` page (by file name, so never ``index.md``)
  whose folder is ``paginate_path``'s folder or one of its parents; the deepest
  such page wins;
* posts are ``site.posts`` (newest first) without those whose ``hidden`` is
  true; with no post there is no paginator at all;
* page 1 is the template itself, page N a copy whose folder is
  ``paginate_path`` with ``:num`` replaced (a permalink in the template's front
  matter still wins, as in Jekyll, so every copy would land on it).
"""

from __future__ import annotations

import math
import os
from typing import TYPE_CHECKING, Any

from jekpy.content.drops import to_liquid
from jekpy.content.models import Document, Page

if TYPE_CHECKING:
    from jekpy.content.models import SiteContext
    from jekpy.plugins.registry import PluginAPI

__all__ = ["Pager", "paginate", "register", "template_page"]


def register(api: PluginAPI) -> None:
    """Add the pagination generator (priority ``lowest``, as the gem's)."""
    api.reuse(renders="tracked", pages="post-order")  # rendered again on each refresh
    api.generator(generate, priority="lowest")


def _ruby_to_i(value: object) -> int:
    """Ruby's ``to_i`` for the ``paginate`` setting (``"5"`` -> 5, junk -> 0)."""
    if isinstance(value, bool):
        return 0
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value)
    text = str(value).strip()
    digits = ""
    for i, ch in enumerate(text):
        if ch.isdigit() or (i == 0 and ch in "+-"):
            digits += ch
        else:
            break
    try:
        return int(digits)
    except ValueError:
        return 0


def _leading_slash(path: str) -> str:
    return path if path.startswith("/") else "/" + path


def _in_hierarchy(page_dir: str, paginate_dir: str) -> bool:
    while True:
        if paginate_dir == os.path.dirname(paginate_dir):
            return False
        if page_dir == paginate_dir:
            return True
        paginate_dir = os.path.dirname(paginate_dir)


def _candidate(site: SiteContext, page: Page) -> bool:
    if page.name != "index.html":
        return False
    source = str(site.source)
    page_dir = os.path.dirname(
        os.path.normpath(os.path.join(source, _leading_slash(page.page_path)[1:]))
    )
    fmt = _leading_slash(str(site.config.get("paginate_path") or "/page:num"))[1:]
    paginate_file = os.path.normpath(os.path.join(source, fmt))
    return _in_hierarchy(page_dir, os.path.dirname(paginate_file))


def template_page(site: SiteContext) -> Page | None:
    """The page to paginate: the deepest candidate ``index.html``."""
    found = [p for p in site.pages if _candidate(site, p)]
    found.sort(key=lambda p: -len(p.page_path))
    return found[0] if found else None


def _page_path(site: SiteContext, num: int | None) -> str | None:
    """``Pager.paginate_path``: the URL of page ``num``."""
    if num is None:
        return None
    if num <= 1:
        first = template_page(site)
        return first.url if first is not None else None
    fmt = str(site.config.get("paginate_path") or "/page:num")
    return _leading_slash(fmt.replace(":num", str(num), 1))


class Pager:
    """One page's ``paginator``."""

    def __init__(
        self, site: SiteContext, page: int, posts: list[Document], total_pages: int, per_page: int
    ) -> None:
        if page > total_pages:
            raise ValueError(
                f"page number can't be greater than total pages: {page} > {total_pages}"
            )
        start = (page - 1) * per_page
        self.page = page
        self.per_page = per_page
        self.total_pages = total_pages
        self.total_posts = len(posts)
        self.posts = posts[start : start + per_page]
        self.previous_page = page - 1 if page != 1 else None
        self.previous_page_path = _page_path(site, self.previous_page)
        self.next_page = page + 1 if page != total_pages else None
        self.next_page_path = _page_path(site, self.next_page)

    def to_liquid(self) -> dict[str, Any]:
        return {
            "page": self.page,
            "per_page": self.per_page,
            "posts": [to_liquid(p) for p in self.posts],
            "total_posts": self.total_posts,
            "total_pages": self.total_pages,
            "previous_page": self.previous_page,
            "previous_page_path": self.previous_page_path,
            "next_page": self.next_page,
            "next_page_path": self.next_page_path,
        }


def _hidden(doc: Document) -> bool:
    value = doc.data.get("hidden")
    return value is not None and value is not False


def paginate(site: SiteContext, template: Page) -> None:
    """Give ``template`` page 1's paginator and add a page for every further one."""
    per_page = _ruby_to_i(site.config.get("paginate"))
    if per_page <= 0:
        site.log.warn("Pagination:", "`paginate` must be a positive number of posts per page.")
        return
    posts = [
        d
        for d in sorted(site.posts.docs, key=lambda d: d.sort_key(), reverse=True)
        if not _hidden(d)
    ]
    total = math.ceil(len(posts) / per_page)
    for num in range(1, total + 1):
        pager = Pager(site, num, posts, total, per_page)
        if num == 1:
            template.pager = pager.to_liquid()
            continue
        page = Page(site, site.source, template.dir_, template.name)
        page.read()
        page.pager = pager.to_liquid()
        page.dir_ = _page_path(site, num) or ""
        page._url = None
        site.pages.append(page)


def generate(site: SiteContext) -> None:
    """The ``Pagination`` generator."""
    if site.config.get("paginate") is None or not site.pages:
        return
    template = template_page(site)
    if template is None:
        site.log.warn(
            "Pagination:",
            "Pagination is enabled, but I couldn't find an index.html page to use as the "
            "pagination template. Skipping pagination.",
        )
        return
    paginate(site, template)
