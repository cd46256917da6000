"""``jekyll-mentions`` 1.6: ``@username`` in rendered HTML links to the GitHub profile.

Applies to HTML pages and written documents after rendering (``jekyll-mentions:
false`` in front matter skips one); only the ``<body>`` is touched when there is
one, and never text inside ``pre``, ``code``, ``a``, ``style`` or ``script``.
The base URL is ``https://github.com`` or ``jekyll-mentions: URL`` /
``jekyll-mentions: {base_url: URL}`` (site or front matter).

Difference from Jekyll: the gem re-serialises the whole body through
Nokogiri/libxml2 (normalising quotes, ``<br/>``, entities and some line
breaks); jekpy only inserts the links and leaves every other byte as it was.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Any

from jekpy.errors import ConfigError
from jekpy.models import Document, Page

if TYPE_CHECKING:
    from .registry import PluginAPI

__all__ = ["mentionify", "register"]

GITHUB = "https://github.com"
_MENTION = re.compile(
    r"(?:^|\W)@((?>\w[\w-]*))(?!/)(?=\.+[ \t\W]|\.+$|[^0-9a-zA-Z_.]|$)", re.I | re.M | re.A
)
_BODY_OPEN = re.compile(r"<body(.*?)>\s*", re.S)
_TOKEN = re.compile(r"<!--.*?-->|<![^>]*>|<\?.*?>|</?([a-zA-Z][^\s/>]*)[^>]*>", re.S)
_IGNORE = frozenset({"pre", "code", "a", "style", "script"})
_INFO_LOGINS = frozenset({"mention", "mentions", "mentioned", "mentioning"})


def register(api: PluginAPI) -> None:
    api.hook("pages", "post_render", _hook)
    api.hook("documents", "post_render", _hook)


def _base(config: Any) -> str:
    value = config.get("jekyll-mentions") if isinstance(config, dict) else None
    if value is None:
        ssl, host = os.environ.get("SSL", ""), os.environ.get("GITHUB_HOSTNAME", "")
        if ssl and host:
            return ("https://" if ssl == "true" else "http://") + host.rstrip("/")
        return GITHUB
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return str(value.get("base_url", GITHUB))
    raise ConfigError(
        "Your jekyll-mentions config has to either be a string or a hash. "
        f"It's a {type(value).__name__} right now."
    )


def _link_text(text: str, base: str) -> str:
    def replace(match: re.Match[str]) -> str:
        login = match.group(1)
        if login.lower() in _INFO_LOGINS:
            return match.group(0)
        url = base if re.search(r"[/~]\Z", base) else base + "/"
        link = f'<a href="{url}{login}" class="user-mention">@{login}</a>'
        return match.group(0).replace("@" + login, link, 1)

    return _MENTION.sub(replace, text)


def mentionify(html: str, base: str) -> str:
    """Link the mentions in ``html`` (text outside ignored elements)."""
    out: list[str] = []
    stack: list[str] = []
    pos = 0
    for match in _TOKEN.finditer(html):
        text = html[pos : match.start()]
        out.append(text if stack or "@" not in text else _link_text(text, base))
        tag = match.group(0)
        name = (match.group(1) or "").lower()
        if name in _IGNORE:
            if tag.startswith("</"):
                if name in stack:
                    while stack and stack.pop() != name:
                        pass
            elif not tag.endswith("/>"):
                stack.append(name)
        out.append(tag)
        pos = match.end()
    rest = html[pos:]
    out.append(rest if stack or "@" not in rest else _link_text(rest, base))
    return "".join(out)


def _hook(item: Page | Document) -> None:
    if isinstance(item, Document) and not item.write:
        return
    data = item.merged_data() if isinstance(item, Page) else item.data
    permalink = item.permalink
    if item.output_ext != ".html" and not (permalink and permalink.endswith("/")):
        return
    if data.get("jekyll-mentions") is False:
        return
    content = item.output or ""
    if "@" not in content:
        return
    config = dict(item.site.config)
    if "jekyll-mentions" in data:
        config.update(data)
    base = _base(config)
    if "<body" in content:
        opener = _BODY_OPEN.search(content)
        if opener is None:
            return
        head, tail = content[: opener.end()], content[opener.end() :]
        body, sep, rest = tail.partition("</body>")
        if not _MENTION.search(body):
            return
        item.output = head + mentionify(body, base) + sep + rest
    elif _MENTION.search(content):
        item.output = mentionify(content, base)
