"""``jekyll-mentions`` 1.6: ``@username`` in rendered HTML links to the GitHub profile.

Applies to HTML pages and written documents after rendering (``jekyll-mentions:
false`` in front matter skips one); only the ``<body>`` is touched when there is
one, and never text inside ``pre``, ``code``, ``a``, ``style`` or ``script``.
The base URL is ``https://github.com`` or ``jekyll-mentions: URL`` /
``jekyll-mentions: {base_url: URL}`` (site or front matter).

As the gem does (through html-pipeline and Nokogiri), a body that contains a
mention is written back in libxml2's HTML form (``<br>``, ``checked``, double
quotes, characters for character references, formatting newlines); see
:mod:`jekpy.plugins._libxml_html` for what is reproduced.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Any

from jekpy.content.models import Document, Page
from jekpy.errors import ConfigError

from ._libxml_html import (
    Element,
    Node,
    Text,
    parse_fragment,
    rewrite_plain,
    serialize,
    text_to_html,
)

if TYPE_CHECKING:
    from .registry import PluginAPI

__all__ = ["mentionify", "mentionify_tree", "register"]

GITHUB = "https://github.com"
_MENTION = re.compile(
    r"(?:^|\W)@((?>\w[\w-]*))(?!/)(?=\.+[ \t\W]|\.+$|[^0-9a-zA-Z_.]|$)", re.I | re.M | re.A
)
_BODY_OPEN = re.compile(r"<body(.*?)>\s*", re.S)
_IGNORE = frozenset({"pre", "code", "a", "style", "script"})
_INFO_LOGINS = frozenset({"mention", "mentions", "mentioned", "mentioning"})


def register(api: PluginAPI) -> None:
    api.reuse(renders="tracked")
    api.hook("pages", "post_render", _hook, item_only=True)
    api.hook("documents", "post_render", _hook, item_only=True)


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


def _walk(nodes: list[Node], base: str) -> list[Node]:
    out: list[Node] = []
    for node in nodes:
        if isinstance(node, Element):
            if node.name not in _IGNORE:
                node.children = _walk(node.children, base)
            out.append(node)
        elif isinstance(node, Text) and not node.raw and "@" in node.text:
            content = text_to_html(node.text)
            linked = _link_text(content, base)
            out.extend(parse_fragment(linked) if linked != content else [node])
        else:
            out.append(node)
    return out


def _has_mention(text: str) -> bool:
    """Whether ``_MENTION.search(text)`` would match, trying the pattern only where
    an ``@`` is (a search tries every position: ~20x slower on a page whose ``@``
    are e-mail addresses or code).  A match starts at the character before its
    ``@`` (a non-word character, or ``^`` at a line start, after a newline) or, at
    the very start of the text, at the ``@`` itself."""
    at = text.find("@")
    while at >= 0:
        if _MENTION.match(text, at - 1 if at else 0):
            return True
        at = text.find("@", at + 1)
    return False


def mentionify(html: str, base: str) -> str:
    """Link the mentions in the fragment ``html`` and re-serialise it as libxml2 does
    (in one pass when it is plain HTML, else through the parsed tree)."""

    def link(text: str) -> list[Node] | None:
        content = text_to_html(text)
        linked = _link_text(content, base)
        return parse_fragment(linked) if linked != content else None

    written = rewrite_plain(html, link, _IGNORE, "@")
    return written if written is not None else mentionify_tree(html, base)


def mentionify_tree(html: str, base: str) -> str:
    """:func:`mentionify` through the parsed tree (any HTML; the tests' reference)."""
    return serialize(_walk(parse_fragment(html), base))


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
    # the front matter's setting, else the site's (the gem merges the two hashes)
    base = _base(data if "jekyll-mentions" in data else item.site.config)
    if "<body" in content:
        opener = _BODY_OPEN.search(content)
        if opener is None:
            return
        head, tail = content[: opener.end()], content[opener.end() :]
        body, sep, rest = tail.partition("</body>")
        if not _has_mention(body):
            return
        item.output = head + mentionify(body, base) + sep + rest
    elif _has_mention(content):
        item.output = mentionify(content, base)
