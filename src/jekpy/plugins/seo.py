"""``jekyll-seo-tag`` 2.8: the ``{% seo %}`` tag (``{% seo title=false %}`` omits ``<title>``).

Reads, as the gem does: page ``title``/``description``/``excerpt``/``author``/
``authors``/``image``/``date``/``last_modified_at``/``lang``/``locale``/
``canonical_url``/``seo`` (``name``, ``type``, ``links``, ``date_modified``)/
``twitter.card``; site ``title``/``name``/``tagline``/``description``/``url``/
``author``/``logo``/``lang``/``locale``/``social``/``twitter``/``facebook``/
``webmaster_verifications``/``google_site_verification``/``seo_paginator_message``;
``site.data.authors``.  Output is the gem's minified template, byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any

from jekpy.liquid.ruby import output_str

from ._liquid import absolute_url, default, filt, lookup, truthy

if TYPE_CHECKING:
    from jekpy.content.models import SiteContext

    from .registry import PluginAPI
    from .tagcall import TagCall

__all__ = ["SeoData", "register"]

VERSION = "2.8.0"
_HOME_OR_ABOUT = re.compile(r"^/(about/)?(index.html?)?$", re.M)


def register(api: PluginAPI) -> None:
    api.reuse(renders="tracked")
    api.tag("seo", seo_tag)


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None


class SeoData:
    """What the gem's ``Jekyll::SeoTag::Drop`` computes for one page."""

    def __init__(self, site: SiteContext, page: Any, paginator: Any, markup: str) -> None:
        self.site = site
        self.sd: Any = site.drop
        self.page = page if page is not None else {}
        self.paginator = paginator
        self.markup = markup

    # -- helpers ---------------------------------------------------------------
    def fmt(self, value: object) -> str | None:
        source = output_str(value) if value is not None else ""
        cache: dict[str, str | None] = self.site.__dict__.setdefault("_jekpy_seo_fmt", {})
        if source not in cache:
            cache[source] = self._fmt(source)
        return cache[source]

    def _fmt(self, source: str) -> str | None:
        text = self.site.markdownify(source)
        text = output_str(filt(self.site, "strip_html", text))
        text = output_str(filt(self.site, "normalize_whitespace", text))
        text = output_str(filt(self.site, "escape_once", text))
        return text or None

    def p(self, key: str) -> Any:
        return lookup(self.page, key)

    def s(self, key: str) -> Any:
        return lookup(self.sd, key)

    def sub_hash(self, obj: Any, key: str) -> Mapping[str, Any]:
        value = lookup(obj, key)
        return value if isinstance(value, Mapping) else {}

    @staticmethod
    def _or(*values: Any) -> Any:
        for value in values:
            if truthy(value):
                return value
        return values[-1] if values else None

    # -- titles ----------------------------------------------------------------
    @cached_property
    def site_title(self) -> str | None:
        return self.fmt(self._or(self.s("title"), self.s("name")))

    @cached_property
    def site_description(self) -> str | None:
        return self.fmt(self.s("description"))

    @cached_property
    def site_tagline(self) -> str | None:
        return self.fmt(self.s("tagline"))

    @cached_property
    def page_title(self) -> str | None:
        return self.fmt(self.p("title")) or self.site_title

    def _page_number(self) -> str | None:
        pag = self.paginator
        current = lookup(pag, "page") if truthy(pag) else None
        if not truthy(current):
            return None
        total = lookup(pag, "total_pages")
        message = output_str(
            self._or(self.s("seo_paginator_message"), "Page %<current>s of %<total>s for ")
        )
        try:
            later = int(current) > 1  # type: ignore[call-overload]
        except (TypeError, ValueError):
            later = False
        if not later:
            return None
        return message.replace("%<current>s", output_str(current)).replace("%<total>s", output_str(total))

    @cached_property
    def title(self) -> str | None:
        site_title = self.site_title
        page_title = self.page_title
        site_description = self.site_description
        result: str | None
        if site_title and page_title != site_title:
            result = f"{page_title} | {site_title}"
        elif site_description and site_title:
            result = f"{site_title} | {self.site_tagline or site_description}"
        else:
            result = page_title or site_title
        number = self._page_number()
        if number is not None and result is not None:
            return number + result
        return result

    @property
    def show_title(self) -> bool:
        return bool(self.title) and not re.search(r"title=false", self.markup, re.I)

    # -- other fields ------------------------------------------------------------
    @cached_property
    def homepage_or_about(self) -> bool:
        return bool(_HOME_OR_ABOUT.search(output_str(self.p("url"))))

    @cached_property
    def name(self) -> str | None:
        seo = self.sub_hash(self.page, "seo")
        if truthy(seo.get("name")):
            return self.fmt(seo.get("name"))
        if not self.homepage_or_about:
            return None
        social = self.sub_hash(self.sd, "social")
        if truthy(social.get("name")):
            return self.fmt(social.get("name"))
        return self.site_title

    @cached_property
    def description(self) -> str | None:
        return self.fmt(self._or(self.p("description"), self.p("excerpt"))) or self.site_description

    def author(self) -> dict[str, Any]:
        sources: list[Any] = [self.p("author")]
        authors = self.p("authors")
        if isinstance(authors, list):
            sources.append(authors[0] if authors else None)
        sources.append(self.s("author"))
        resolved = next((s for s in sources if output_str(s) != "" and s is not None), None)
        if isinstance(resolved, Mapping):
            return dict(resolved)
        if isinstance(resolved, str):
            result: dict[str, Any] = {"name": resolved}
            authors_data = lookup(self.s("data"), "authors")
            if isinstance(authors_data, Mapping):
                extra = authors_data.get(resolved)
                if isinstance(extra, Mapping):
                    result.update(extra)
            return result
        return {}

    @staticmethod
    def author_twitter(author: Mapping[str, Any]) -> str | None:
        value = author.get("twitter") if truthy(author.get("twitter")) else author.get("name")
        return re.sub(r"^@", "", value, count=1) if isinstance(value, str) else None

    def image(self) -> dict[str, Any] | None:
        """The image hash with ``path`` the escaped absolute URL (None without a path)."""
        meta = self.p("image")
        if isinstance(meta, Mapping):
            image: dict[str, Any] = {"path": None, **dict(meta)}
        elif isinstance(meta, str):
            image = {"path": meta}
        else:
            image = {"path": None}
        raw = self._or(image.get("path"), image.get("facebook"), image.get("twitter"))
        if not truthy(raw):
            return None
        if isinstance(raw, str) and not _is_absolute(raw):
            raw = absolute_url(self.site, raw)
        image["path"] = filt(self.site, "uri_escape", raw)
        if not truthy(image["path"]):
            return None
        return image

    @cached_property
    def page_lang(self) -> Any:
        return self._or(self.p("lang"), self.s("lang"), "en_US")

    @cached_property
    def page_locale(self) -> str:
        return output_str(self._or(self.p("locale"), self.s("locale"), self.page_lang)).replace("-", "_")

    @cached_property
    def canonical_url(self) -> Any:
        given = self.p("canonical_url")
        if output_str(given) == "":
            return re.sub(r"/index\.html$", "/", absolute_url(self.site, self.p("url")), flags=re.M)
        return given

    def _xmlschema(self, value: object) -> str:
        from jekpy.liquid.filters.dates import date_to_xmlschema

        return output_str(date_to_xmlschema(value))

    @cached_property
    def date_modified(self) -> str | None:
        seo = self.sub_hash(self.page, "seo")
        date = self._or(seo.get("date_modified"), self.p("last_modified_at"), self.p("date"))
        return self._xmlschema(date) if truthy(date) else None

    @cached_property
    def date_published(self) -> str | None:
        date = self.p("date")
        return self._xmlschema(date) if truthy(date) else None

    @cached_property
    def type(self) -> Any:
        seo = self.sub_hash(self.page, "seo")
        if truthy(seo.get("type")):
            return seo.get("type")
        if self.homepage_or_about:
            return "WebSite"
        if truthy(self.p("date")):
            return "BlogPosting"
        return "WebPage"

    @cached_property
    def links(self) -> Any:
        seo = self.sub_hash(self.page, "seo")
        if truthy(seo.get("links")):
            return seo.get("links")
        social = self.sub_hash(self.sd, "social")
        if self.homepage_or_about and truthy(social.get("links")):
            return social.get("links")
        return None

    @cached_property
    def logo(self) -> str | None:
        logo = self.s("logo")
        if not truthy(logo):
            return None
        if _is_absolute(output_str(logo)):
            return output_str(filt(self.site, "uri_escape", logo))
        return output_str(filt(self.site, "uri_escape", absolute_url(self.site, logo)))

    # -- JSON-LD ---------------------------------------------------------------------
    def json_ld(self, author: Mapping[str, Any], image: dict[str, Any] | None) -> dict[str, Any]:
        values: dict[str, Any] = {"@context": "https://schema.org", "@type": self.type}
        author_type = author.get("type")
        if truthy(author.get("name")) and (
            not truthy(author_type) or author_type in ("Organization", "Person")
        ):
            entry: dict[str, Any] = {"@type": author_type if truthy(author_type) else "Person"}
            entry["name"] = author.get("name")
            if truthy(author.get("url")):
                entry["url"] = author.get("url")
            values["author"] = entry
        values["dateModified"] = self.date_modified
        values["datePublished"] = self.date_published
        values["description"] = self.description
        values["headline"] = self.page_title
        if image is not None:
            if len(image) == 1:
                values["image"] = image["path"]
            else:
                data = dict(image)
                data["url"] = data.pop("path")
                data["@type"] = "imageObject"
                values["image"] = data
        if self.type in ("BlogPosting", "CreativeWork"):
            values["mainEntityOfPage"] = {"@type": "WebPage", "@id": self.canonical_url}
        values["name"] = self.name
        logo = self.logo
        if logo:
            publisher: dict[str, Any] = {
                "@type": "Organization",
                "logo": {"@type": "ImageObject", "url": logo},
            }
            if truthy(author.get("name")):
                publisher["name"] = author.get("name")
            values["publisher"] = publisher
        values["sameAs"] = self.links
        values["url"] = self.canonical_url
        return {k: v for k, v in sorted(values.items()) if v is not None}


def _is_absolute(text: str) -> bool:
    from jekpy.liquid.filters.urls import is_absolute

    return bool(is_absolute(text))


def seo_tag(call: TagCall) -> str:  # noqa: C901, PLR0915 - one step per jekyll-seo-tag field, in the gem's order
    from jekpy.liquid.filters.text import to_json

    site = call.site
    seo = SeoData(site, call.get("page"), call.get("paginator"), call.markup)
    sd: Any = site.drop
    page = seo.page
    out: list[str] = [f"<!-- Begin Jekyll SEO tag v{VERSION} -->\n"]
    title = seo.title
    if seo.show_title:
        out.append(f"<title>{output_str(title)}</title>\n")
    out.append('<meta name="generator" content="Jekyll v4.3.1" />\n')
    page_title = seo.page_title
    if page_title:
        out.append(f'<meta property="og:title" content="{page_title}" />\n')
    author = seo.author()
    if truthy(author.get("name")):
        out.append(f'<meta name="author" content="{output_str(author.get("name"))}" />\n')
    out.append(f'<meta property="og:locale" content="{seo.page_locale}" />\n')
    description = seo.description
    if description:
        out.append(f'<meta name="description" content="{description}" />\n')
        out.append(f'<meta property="og:description" content="{description}" />\n')
    if truthy(lookup(sd, "url")):
        canonical = output_str(seo.canonical_url)
        out.append(f'<link rel="canonical" href="{canonical}" />\n')
        out.append(f'<meta property="og:url" content="{canonical}" />\n')
    site_title = seo.site_title
    if site_title:
        out.append(f'<meta property="og:site_name" content="{site_title}" />\n')
    image = seo.image()
    if image is not None:
        out.append(f'<meta property="og:image" content="{output_str(image["path"])}" />\n')
        for key in ("height", "width", "alt"):
            if truthy(image.get(key)):
                out.append(f'<meta property="og:image:{key}" content="{output_str(image.get(key))}" />\n')
    date = lookup(page, "date")
    if truthy(date):
        out.append('<meta property="og:type" content="article" />\n')
        out.append(f'<meta property="article:published_time" content="{seo._xmlschema(date)}" />\n')
    else:
        out.append('<meta property="og:type" content="website" />\n')
    pag = seo.paginator
    if truthy(lookup(pag, "previous_page")):
        href = absolute_url(site, lookup(pag, "previous_page_path"))
        out.append(f'<link rel="prev" href="{href}" />\n')
    if truthy(lookup(pag, "next_page")):
        href = absolute_url(site, lookup(pag, "next_page_path"))
        out.append(f'<link rel="next" href="{href}" />\n')
    if image is not None:
        card = default(
            default(lookup(lookup(page, "twitter"), "card"), lookup(lookup(sd, "twitter"), "card")),
            "summary_large_image",
        )
        out.append(f'<meta name="twitter:card" content="{output_str(card)}" />\n')
        out.append(f'<meta property="twitter:image" content="{output_str(image["path"])}" />\n')
    else:
        out.append('<meta name="twitter:card" content="summary" />\n')
    if image is not None and truthy(image.get("alt")):
        out.append(f'<meta name="twitter:image:alt" content="{output_str(image.get("alt"))}" />\n')
    if page_title:
        out.append(f'<meta property="twitter:title" content="{page_title}" />\n')
    twitter = lookup(sd, "twitter")
    if truthy(twitter):
        username = output_str(lookup(twitter, "username")).replace("@", "")
        out.append(f'<meta name="twitter:site" content="@{username}" />\n')
        creator = seo.author_twitter(author)
        if creator:
            out.append(f'<meta name="twitter:creator" content="@{creator.replace("@", "")}" />\n')
    facebook = lookup(sd, "facebook")
    if truthy(facebook):
        for key, prop in (
            ("admins", "fb:admins"),
            ("publisher", "article:publisher"),
            ("app_id", "fb:app_id"),
        ):
            value = lookup(facebook, key)
            if truthy(value):
                out.append(f'<meta property="{prop}" content="{output_str(value)}" />\n')
    verifications = lookup(sd, "webmaster_verifications")
    if truthy(verifications):
        for key, meta in (
            ("google", "google-site-verification"),
            ("bing", "msvalidate.01"),
            ("alexa", "alexaVerifyID"),
            ("yandex", "yandex-verification"),
            ("baidu", "baidu-site-verification"),
            ("facebook", "facebook-domain-verification"),
        ):
            value = lookup(verifications, key)
            if truthy(value):
                out.append(f'<meta name="{meta}" content="{output_str(value)}" />\n')
    elif truthy(lookup(sd, "google_site_verification")):
        value = output_str(lookup(sd, "google_site_verification"))
        out.append(f'<meta name="google-site-verification" content="{value}" />\n')
    out.append('<script type="application/ld+json">\n')
    out.append(to_json(seo.json_ld(author, image)))
    out.append("</script>\n<!-- End Jekyll SEO tag -->\n")
    return "".join(out)
