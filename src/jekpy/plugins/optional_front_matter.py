"""``jekyll-optional-front-matter`` 0.3: Markdown files without front matter become pages.

Every Markdown static file (except ``README``, ``LICENSE``, ``LICENCE``,
``COPYING``, ``CODE_OF_CONDUCT``, ``CONTRIBUTING``, ``ISSUE_TEMPLATE``,
``PULL_REQUEST_TEMPLATE`` - unless listed in ``include:``) is also rendered as a
page; the original is still copied unless ``optional_front_matter:
{remove_originals: true}``.  ``optional_front_matter: {enabled: false}`` or
``require_front_matter: true`` turns it off.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from jekpy.content.models import Page, StaticFile
from jekpy.support.entryfilter import EntryFilter

if TYPE_CHECKING:
    from jekpy.content.models import SiteContext

    from .registry import PluginAPI

__all__ = ["register"]

FILENAME_BLACKLIST = frozenset(
    [
        "README",
        "LICENSE",
        "LICENCE",
        "COPYING",
        "CODE_OF_CONDUCT",
        "CONTRIBUTING",
        "ISSUE_TEMPLATE",
        "PULL_REQUEST_TEMPLATE",
    ]
)


def register(api: PluginAPI) -> None:
    api.reuse(renders="tracked")
    api.generator(generate, priority="normal")


def _option(site: SiteContext, key: str) -> Any:
    config = site.config.get("optional_front_matter")
    return config.get(key) if isinstance(config, dict) else None


def _blacklisted(site: SiteContext, file: StaticFile) -> bool:
    include = site.config.get("include")
    if isinstance(include, list):
        exclude = site.config.get("exclude") or []
        entry_filter = EntryFilter(
            site.source, include, exclude if isinstance(exclude, list) else []
        )
        if entry_filter.included(file.relative_path):
            return False
    return file.basename.upper() in FILENAME_BLACKLIST


def generate(site: SiteContext) -> None:
    if _option(site, "enabled") is False or site.config.get("require_front_matter"):
        return
    cleanup = _option(site, "remove_originals") is True
    markdown = [f for f in site.static_files if f.extname.lower() in site.markdown_exts]
    keep = [f for f in markdown if not _blacklisted(site, f)]
    for file in keep:
        page = Page(site, site.source, file.dir_.strip("/"), file.name)
        page.read()
        site.pages.append(page)
    if cleanup:
        removed = {id(f) for f in keep}
        site.static_files = [f for f in site.static_files if id(f) not in removed]
