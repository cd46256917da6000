"""``jekyll-feed`` 0.17: Atom feeds (``feed.xml`` ...) and ``{% feed_meta %}``.

Configuration (``feed:`` in ``_config.yml``), as the gem reads it: ``path``,
``posts_limit``, ``excerpt_only``, ``categories``, ``collections`` (list or
mapping with ``path``/``categories``), ``tags`` (``true`` or ``only``/``except``/
``path``), ``disable_in_development``.  A feed file that exists in the source is
left alone.  The XML is produced here in Python, with the gem's bytes.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from jekpy.liquid.ruby import output_str

from ._liquid import absolute_url, default, empty, filt, lookup, ruby_strip, truthy
from .pages import GeneratedPage, source_file_exists

if TYPE_CHECKING:
    from jekpy.content.models import SiteContext

    from .registry import PluginAPI
    from .tagcall import TagCall

__all__ = ["register"]

_TAG_NAME = re.compile(r"[^a-zA-Z0-9_]")


def register(api: PluginAPI) -> None:
    api.reuse(renders="tracked", pages="post-order")  # rendered again on each refresh
    api.generator(generate, priority="lowest")
    api.tag("feed_meta", feed_meta)


def _config(site: SiteContext) -> dict[str, Any]:
    value = site.config.get("feed")
    return value if isinstance(value, dict) else {}


# -- the tag -----------------------------------------------------------------------


def _xml_attr(value: object) -> str:
    text = output_str(value)
    text = (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&apos;")
    )
    return f'"{text}"'


def feed_meta(call: TagCall) -> str:
    site = call.site
    config = site.config
    feed = config.get("feed")
    path = feed.get("path") if isinstance(feed, Mapping) else None
    title = config.get("title") or config.get("name")
    attrs: list[tuple[str, object]] = [
        ("type", "application/atom+xml"),
        ("rel", "alternate"),
        ("href", absolute_url(site, path or "feed.xml")),
    ]
    if truthy(title):
        attrs.append(("title", title))
    return "<link " + " ".join(f"{k}={_xml_attr(v)}" for k, v in attrs) + " />"


# -- the generator -----------------------------------------------------------------


def _collections(config: dict[str, Any]) -> dict[str, dict[str, Any]]:
    raw = config.get("collections")
    if isinstance(raw, list):
        result: dict[str, dict[str, Any]] = {str(c): {} for c in raw}
    elif isinstance(raw, dict):
        result = {str(k): dict(v) if isinstance(v, dict) else {} for k, v in raw.items()}
    else:
        result = {}
    posts = result.setdefault("posts", {})
    if posts.get("path") is None:
        posts["path"] = config.get("path")
    if posts.get("categories") is None:
        posts["categories"] = config.get("categories")
    for meta in result.values():
        cats = meta.get("categories") or []
        meta["categories"] = list(dict.fromkeys(cats if isinstance(cats, list) else [cats]))
    return result


def _feed_path(collections: dict[str, dict[str, Any]], collection: str, category: object) -> str:
    prefix = "/feed" if collection == "posts" else f"/feed/{collection}"
    if category is not None:
        return f"{prefix}/{output_str(category)}.xml"
    path = collections.get(collection, {}).get("path")
    return output_str(path) if path else f"{prefix}.xml"


def generate(site: SiteContext) -> None:
    config = _config(site)
    if (
        config.get("disable_in_development")
        and os.environ.get("JEKYLL_ENV", "development") == "development"
    ):
        site.log.info("Jekyll Feed:", "Skipping feed generation in development")
        return
    collections = _collections(config)
    for name, meta in collections.items():
        site.log.info("Jekyll Feed:", f"Generating feed for {name}")
        for category in [*meta["categories"], None]:
            path = _feed_path(collections, name, category)
            if source_file_exists(site, path):
                continue
            site.pages.append(_page(site, path, collection=name, category=category))
    tags = config.get("tags")
    if tags and site.payload.post_attr_hash("tags"):
        tags_config = tags if isinstance(tags, dict) else {}
        only = tags_config.get("only") or list(site.payload.post_attr_hash("tags"))
        except_ = tags_config.get("except") or []
        path_prefix = output_str(tags_config.get("path") or "/feed/by_tag/")
        for tag in [t for t in only if t not in except_]:
            if _TAG_NAME.search(output_str(tag)):
                continue
            site.log.info("Jekyll Feed:", f"Generating feed for posts tagged {tag}")
            path = f"{path_prefix}{output_str(tag)}.xml"
            if source_file_exists(site, path):
                continue
            site.pages.append(_page(site, path, tags=tag))


def _page(
    site: SiteContext,
    path: str,
    *,
    collection: str = "posts",
    category: object = None,
    tags: object = None,
) -> GeneratedPage:
    data = {
        "layout": None,
        "sitemap": False,
        "xsl": source_file_exists(site, "feed.xslt.xml"),
        "collection": collection,
        "category": category,
        "tags": tags,
    }
    return GeneratedPage(site, "", path, data, build=_render)


# -- the XML -------------------------------------------------------------------------


def _esc(site: SiteContext, value: object) -> str:
    return str(filt(site, "xml_escape", value))


def _xmlschema(site: SiteContext, value: object) -> str:
    from jekpy.liquid.filters.dates import date_to_xmlschema

    return output_str(date_to_xmlschema(value))


def _render(page: GeneratedPage) -> str:
    site = page.site
    sd = site.drop
    data = page.data
    out: list[str] = ['<?xml version="1.0" encoding="utf-8"?>']
    if truthy(data.get("xsl")):
        out.append(
            f'<?xml-stylesheet type="text/xml" href="{absolute_url(site, "/feed.xslt.xml")}"?>'
        )
    lang = sd.get("lang")
    out.append('<feed xmlns="http://www.w3.org/2005/Atom" ')
    if truthy(lang):
        out.append(f'xml:lang="{output_str(lang)}"')
    out.append(">")
    out.append('<generator uri="https://jekyllrb.com/" version="4.3.1">Jekyll</generator>')
    out.append(
        f'<link href="{absolute_url(site, page.url)}" rel="self" type="application/atom+xml" />'
    )
    out.append(f'<link href="{absolute_url(site, "/")}" rel="alternate" type="text/html" ')
    if truthy(lang):
        out.append(f'hreflang="{output_str(lang)}" ')
    out.append("/>")
    out.append(f"<updated>{_xmlschema(site, site.time)}</updated>")
    out.append(f"<id>{_esc(site, absolute_url(site, page.url))}</id>")

    title = default(sd.get("title"), sd.get("name"))
    collection = data.get("collection")
    category = data.get("category")
    if collection != "posts":
        title = output_str(title) + " | " + output_str(collection).capitalize()
    if truthy(category):
        title = output_str(title) + " | " + output_str(category).capitalize()
    if truthy(title):
        out.append(f'<title type="html">{_esc(site, filt(site, "smartify", title))}</title>')
    description = sd.get("description")
    if truthy(description):
        out.append(f"<subtitle>{_esc(site, description)}</subtitle>")
    author = sd.get("author")
    if truthy(author):
        out.append(f"<author><name>{_esc(site, default(lookup(author, 'name'), author))}</name>")
        if truthy(lookup(author, "email")):
            out.append(f"<email>{_esc(site, lookup(author, 'email'))}</email>")
        if truthy(lookup(author, "uri")):
            out.append(f"<uri>{_esc(site, lookup(author, 'uri'))}</uri>")
        out.append("</author>")

    for post in _posts(page):
        out.append(_entry(site, post))
    out.append("</feed>")
    return "".join(out)


def _posts(page: GeneratedPage) -> list[Any]:
    from jekpy.liquid.filters.collections import sort

    site = page.site
    sd = site.drop
    data = page.data
    posts: Any
    if truthy(data.get("tags")):
        posts = lookup(sd.get("tags"), data.get("tags"))
    else:
        posts = lookup(sd, data.get("collection"))
    category = data.get("category")
    if truthy(category):
        posts = filt(site, "where", posts, "categories", category)
    items = list(posts or [])
    if not truthy(sd.get("show_drafts")):
        items = [p for p in items if lookup(p, "draft") is not True]
    ordered: Any = sort(items, "date")
    items = list(reversed(list(ordered)))
    limit = default(lookup(sd.get("feed"), "posts_limit"), 10)
    try:
        count = int(output_str(limit))
    except ValueError:
        count = 10
    return items[: max(count, 0)]


def _entry(site: SiteContext, post: Any) -> str:
    sd = site.drop
    out: list[str] = ["<entry"]
    lang = lookup(post, "lang")
    if truthy(lang):
        out.append(f' xml:lang="{output_str(lang)}"')
    out.append(">")
    title = filt(site, "smartify", lookup(post, "title"))
    title = filt(site, "strip_html", title)
    title = _esc(site, filt(site, "normalize_whitespace", title))
    url = absolute_url(site, lookup(post, "url"))
    out.append(f'<title type="html">{title}</title>')
    out.append(f'<link href="{url}" rel="alternate" type="text/html" title="{title}" />')
    date = lookup(post, "date")
    out.append(f"<published>{_xmlschema(site, date)}</published>")
    out.append(
        f"<updated>{_xmlschema(site, default(lookup(post, 'last_modified_at'), date))}</updated>"
    )
    out.append(f"<id>{_esc(site, absolute_url(site, lookup(post, 'id')))}</id>")
    excerpt_only = default(
        lookup(lookup(post, "feed"), "excerpt_only"), lookup(sd.get("feed"), "excerpt_only")
    )
    if not truthy(excerpt_only):
        content = ruby_strip(output_str(lookup(post, "content")))
        out.append(
            f'<content type="html" xml:base="{_esc(site, url)}"><![CDATA[{content}]]></content>'
        )
    authors = lookup(post, "authors")
    author = default(default(lookup(post, "author"), lookup(authors, 0)), sd.get("author"))
    known = lookup(lookup(sd.get("data"), "authors"), author) if isinstance(author, str) else None
    author = default(known, author)
    email = default(lookup(author, "email"), None)
    uri = default(lookup(author, "uri"), None)
    name = default(lookup(author, "name"), author)
    out.append(f"<author><name>{_esc(site, default(name, ''))}</name>")
    if truthy(email):
        out.append(f"<email>{_esc(site, email)}</email>")
    if truthy(uri):
        out.append(f"<uri>{_esc(site, uri)}</uri>")
    out.append("</author>")
    category = lookup(post, "category")
    categories = lookup(post, "categories")
    if truthy(category):
        out.append(f'<category term="{_esc(site, category)}" />')
    elif truthy(categories):
        for cat in categories if isinstance(categories, list) else [categories]:
            out.append(f'<category term="{_esc(site, cat)}" />')
    tags = lookup(post, "tags")
    for tag in tags if isinstance(tags, list) else ([] if tags is None else [tags]):
        out.append(f'<category term="{_esc(site, tag)}" />')
    summary = default(lookup(post, "description"), lookup(post, "excerpt"))
    if truthy(summary) and not empty(summary):
        text = filt(site, "normalize_whitespace", filt(site, "strip_html", summary))
        out.append(f'<summary type="html"><![CDATA[{text}]]></summary>')
    image = default(lookup(lookup(post, "image"), "path"), lookup(post, "image"))
    if truthy(image):
        if "://" not in output_str(image):
            image = absolute_url(site, image)
        esc = _esc(site, image)
        out.append(
            f'<media:thumbnail xmlns:media="http://search.yahoo.com/mrss/" url="{esc}" />'
            f'<media:content medium="image" url="{esc}" xmlns:media="http://search.yahoo.com/mrss/" />'
        )
    out.append("</entry>")
    return "".join(out)
