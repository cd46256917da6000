"""``jekyll-sitemap`` 1.4: ``sitemap.xml`` and ``robots.txt``.

Lists every written collection document and HTML page (``sitemap: false`` in
front matter leaves one out; ``/404.html`` is never listed) and the static
``.htm``/``.html``/``.xhtml``/``.pdf`` files.  ``<lastmod>`` comes from
``last_modified_at`` (or a document's date; a static file's modification time).
Neither file is generated when the site already has a page or file at
``/sitemap.xml`` / ``/robots.txt``; ``sitemap.xsl`` in the site adds a stylesheet line.

``robots.txt`` is an ordinary page whose content is a one-line Liquid template, as
the gem's is: a template that loops over ``site.pages`` before it is rendered reads
that template as its ``content`` (search indexes do), afterwards the rendered line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from jekpy.content.drops import to_liquid
from jekpy.liquid.ruby import output_str

from ._liquid import absolute_url, default, filt, lookup, truthy
from .pages import GeneratedPage

if TYPE_CHECKING:
    from jekpy.content.models import SiteContext

    from .registry import PluginAPI

__all__ = ["register"]

INCLUDED_EXTENSIONS = (".htm", ".html", ".xhtml", ".pdf")


def register(api: PluginAPI) -> None:
    api.reuse(renders="tracked", pages="post-order")  # rendered again on each refresh
    api.generator(generate, priority="lowest")


def generate(site: SiteContext) -> None:
    urls = {p.url for p in site.pages} | {f.url for f in site.static_files}
    if "/sitemap.xml" not in urls:
        data = {
            "layout": None,
            "static_files": [
                to_liquid(f) for f in site.static_files if f.extname in INCLUDED_EXTENSIONS
            ],
            "xsl": "/sitemap.xsl" in urls,
        }
        site.pages.append(GeneratedPage(site, "", "sitemap.xml", data, build=_sitemap))
    if "/robots.txt" not in urls:
        robots = GeneratedPage(site, "", "robots.txt", {"layout": None}, content=ROBOTS)
        site.pages.append(robots)


#: The Liquid source of the generated ``robots.txt``.
ROBOTS = 'Sitemap: {{ "sitemap.xml" | absolute_url }}\n'


def _loc(site: SiteContext, url: object) -> str:
    text = output_str(url).replace("/index.html", "/")
    return str(filt(site, "xml_escape", absolute_url(site, text)))


def _xmlschema(value: object) -> str:
    from jekpy.liquid.filters.dates import date_to_xmlschema

    return output_str(date_to_xmlschema(value))


def _url(loc: str, lastmod: str | None) -> str:
    inner = f"<loc>{loc}</loc>\n"
    if lastmod is not None:
        inner += f"<lastmod>{lastmod}</lastmod>\n"
    return f"<url>\n{inner}</url>\n"


def _sitemap(page: GeneratedPage) -> str:
    site = page.site
    sd: Any = site.drop
    out: list[str] = ['<?xml version="1.0" encoding="UTF-8"?>\n']
    if truthy(page.data.get("xsl")):
        href = absolute_url(site, "/sitemap.xsl")
        out.append(f'<?xml-stylesheet type="text/xsl" href="{href}"?>\n')
    out.append(
        '<urlset xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://www.sitemaps.org/schemas/sitemap/0.9 '
        'http://www.sitemaps.org/schemas/sitemap/0.9/sitemap.xsd" '
        'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
    )
    for collection in sd["collections"]:
        if lookup(collection, "output") is False:
            continue
        docs: Any = lookup(collection, "docs") or []
        for doc in docs:
            if lookup(doc, "sitemap") is False:
                continue
            modified = lookup(doc, "last_modified_at")
            date = lookup(doc, "date")
            lastmod = (
                _xmlschema(default(modified, date)) if truthy(modified) or truthy(date) else None
            )
            out.append(_url(_loc(site, lookup(doc, "url")), lastmod))
    for html_page in sd["html_pages"]:
        if lookup(html_page, "sitemap") is False or lookup(html_page, "url") == "/404.html":
            continue
        modified = lookup(html_page, "last_modified_at")
        lastmod = _xmlschema(modified) if truthy(modified) else None
        out.append(_url(_loc(site, lookup(html_page, "url")), lastmod))
    for file in page.data.get("static_files") or []:
        if lookup(file, "sitemap") is False or lookup(file, "name") == "404.html":
            continue
        out.append(
            _url(_loc(site, lookup(file, "path")), _xmlschema(lookup(file, "modified_time")))
        )
    out.append("</urlset>\n")
    return "".join(out)
