"""``jekyll-readme-index`` 0.3: a README becomes its folder's index page.

A Markdown ``README`` without front matter is rendered at its folder's URL
(``/docs/README.md`` -> ``/docs/``) unless the site already has an index there
(note: as in the gem, any static ``index.html``/``.htm``/``.xhtml``/``.xml`` file
anywhere counts).  ``readme_index:`` options: ``enabled: false``,
``remove_originals: true`` (do not also copy the ``.md``), ``with_frontmatter:
true`` (READMEs that have front matter move to their folder's URL too).
"""

from __future__ import annotations

import posixpath
import re
from typing import TYPE_CHECKING, Any

from jekpy.content.models import Page, StaticFile

if TYPE_CHECKING:
    from jekpy.content.models import SiteContext

    from .registry import PluginAPI

__all__ = ["register"]


def register(api: PluginAPI) -> None:
    api.reuse(renders="tracked")
    api.generator(generate, priority="low")


def _option(site: SiteContext, key: str) -> Any:
    config = site.config.get("readme_index")
    return config.get(key) if isinstance(config, dict) else None


def _readme_re(site: SiteContext) -> re.Pattern[str]:
    exts = "|".join(re.escape(e) for e in sorted(site.markdown_exts))
    return re.compile(rf"/readme({exts})$", re.I | re.M)


def _has_index(site: SiteContext, directory: str) -> bool:
    prefix = directory if directory.endswith("/") else directory + "/"
    pattern = re.compile(rf"^{re.escape(prefix)}$|index\.(html?|xhtml|xml)$", re.I | re.M)
    urls = [p.url for p in site.pages] + [f.url for f in site.static_files]
    return any(pattern.search(url) for url in urls)


def _dirname(path: str) -> str:
    """Ruby's ``File.dirname`` (trailing slashes ignored)."""
    trimmed = path.rstrip("/") or "/"
    return posixpath.dirname(trimmed) if "/" in trimmed else "."


def _folder_url(url: str) -> str:
    return _dirname(url) + "/"


def generate(site: SiteContext) -> None:
    if _option(site, "enabled") is False:
        return
    readme = _readme_re(site)
    cleanup = _option(site, "remove_originals") is True
    for file in [f for f in site.static_files if readme.search(f.relative_path)]:
        if _has_index(site, _dirname(file.url)):
            continue
        page = Page(site, site.source, file.dir_.strip("/"), file.name)
        page.read()
        page.data["permalink"] = _folder_url(file.url)
        site.pages.append(page)
        if cleanup:
            site.static_files = [f for f in site.static_files if f is not file]
    if _option(site, "with_frontmatter") is True:
        for page in [p for p in site.pages if readme.search("/" + p.page_path)]:
            if isinstance(page, StaticFile) or _has_index(site, _dirname(page.url)):
                continue
            page.data["permalink"] = _folder_url(page.url)
            page._url = None
