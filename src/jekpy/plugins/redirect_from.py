"""``jekyll-redirect-from`` 0.16: ``redirect_from:`` / ``redirect_to:`` front matter.

Every ``redirect_from`` path of a written document or page becomes a small page
(``layout: redirect`` - the site's own ``_layouts/redirect.html`` if it has one)
that sends the browser to the document; ``redirect_to`` turns the document itself
into such a page.  ``redirects.json`` maps every source path to its target
(``redirect_from: {json: false}`` turns it off; a ``redirects.json`` in the
source wins).  Redirect pages are written inside the destination folder whatever
their path (``..`` segments are dropped, as Jekyll does).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jekpy.content.models import Document, Layout, Page
from jekpy.liquid.ruby import output_str

from ._liquid import absolute_url
from .pages import GeneratedPage

if TYPE_CHECKING:
    from jekpy.content.models import SiteContext

    from .registry import PluginAPI

__all__ = ["register"]

# The page every redirect renders to (the gem's layout, reproduced byte for byte:
# jekyll-redirect-from lib/jekyll-redirect-from/redirect.html).
_LAYOUT_LINES = (
    "<!DOCTYPE html>",
    '<html lang="en-US">',
    '  <meta charset="utf-8">',
    "  <title>Redirecting&hellip;</title>",
    '  <link rel="canonical" href="{{ page.redirect.to }}">',
    '  <script>location="{{ page.redirect.to }}"</script>',
    '  <meta http-equiv="refresh" content="0; url={{ page.redirect.to }}">',
    '  <meta name="robots" content="noindex">',
    "  <h1>Redirecting&hellip;</h1>",
    '  <a href="{{ page.redirect.to }}">Click here if you are not redirected.</a>',
    "</html>",
    "",
)


class RedirectLayout(Layout):
    """The built-in ``redirect`` layout (used when the site has none)."""

    def __init__(self, site: SiteContext) -> None:
        self.site = site
        self.name = "redirect.html"
        self.path = Path(__file__).parent / "redirect.html"
        self.relative_path = "_layouts/redirect.html"
        self.extname = ".html"
        self.data: dict[str, Any] = {}
        self.content = "\n".join(_LAYOUT_LINES)
        self.body_line = 1

    @property
    def display_path(self) -> str:
        return "_layouts/redirect.html"


def register(api: PluginAPI) -> None:
    api.reuse(renders="tracked", pages="front-matter")  # from redirect_from/_to
    api.generator(generate)


def _values(value: object) -> list[Any]:
    if isinstance(value, list):
        return [v for v in value if v is not None]
    return [] if value is None else [value]


def _leading_slash(path: object) -> str:
    text = output_str(path)
    return text if text.startswith("/") else "/" + text


def _target(site: SiteContext, to: object) -> str:
    text = output_str(to)
    return text if re.match(r"^https?://", text, re.M) else absolute_url(site, text)


def _redirect_data(site: SiteContext, from_: object, to: object) -> dict[str, Any]:
    source = _leading_slash(from_)
    return {
        "sitemap": False,
        "layout": "redirect",
        "permalink": source,
        "redirect": {"from": source, "to": _target(site, to)},
    }


def _data_of(item: Document | Page) -> dict[str, Any]:
    return item.merged_data() if isinstance(item, Page) else item.data


def generate(site: SiteContext) -> None:
    if "redirect" not in site.layouts:
        site.layouts["redirect"] = RedirectLayout(site)
    redirects: dict[str, str] = {}
    items: list[Document | Page] = [
        d for d in site.documents() if isinstance(d, Document) and d.write
    ]
    items.extend(site.pages)
    for item in items:
        data = _data_of(item)
        for path in _values(data.get("redirect_from")):
            page = GeneratedPage(site, "", "redirect.html", _redirect_data(site, path, item.url))
            site.pages.append(page)
            redirects[page.data["redirect"]["from"]] = page.data["redirect"]["to"]
        # Redirectable#redirect_to: an array's first non-nil value, else the value;
        # nil and false (a page opting out of a default) redirect nowhere.
        to_values = _values(data.get("redirect_to"))
        if to_values and to_values[0] is not False:
            new = _redirect_data(site, item.url, to_values[0])
            item.data.update(new)
            item.content = ""
            if isinstance(item, Page):
                item._url = None
            redirects[new["redirect"]["from"]] = new["redirect"]["to"]
    config = site.config.get("redirect_from")
    json_off = isinstance(config, dict) and config.get("json") is False
    if not json_off and not site.in_source_dir("redirects.json").exists():
        from jekpy.liquid.filters.text import to_json

        text = to_json(redirects)
        # Its content is the JSON from the start (templates listing site.pages read it):
        # jekyll-redirect-from lib/jekyll-redirect-from/generator.rb#generate_redirects_json.
        site.pages.append(GeneratedPage(site, "", "redirects.json", {"layout": None}, content=text))
