"""``{% link path %}`` and ``{% post_url name %}`` (``tags/link.rb``, ``tags/post_url.rb``).

The site answers the lookups through ``hooks.link`` / ``hooks.post_url``,
which return the URL with ``baseurl`` applied (``relative_url``), or None.
"""

from __future__ import annotations

import io
import re
from typing import Any, TextIO

from liquid.ast import Node
from liquid.stream import TokenStream
from liquid.tag import Tag
from liquid.token import Token

from liquid import BoundTemplate, RenderContext

from ..errors import JekyllTagError
from ..lax import tag_markup

__all__ = ["LinkTag", "PostUrlTag"]

POST_NAME = re.compile(r"^(.+/)*(\d+-\d+-\d+)-(.*)$", re.M)


def _markup(stream: TokenStream) -> tuple[Token, str]:
    token, markup = tag_markup(stream)
    return token, markup.strip()


class LinkNode(Node):
    """``{% link _posts/2020-01-02-x.md %}``."""

    __slots__ = ("markup",)

    def __init__(self, token: Token, markup: str) -> None:
        super().__init__(token)
        self.markup = markup
        self.blank = False

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        env: Any = context.env
        path = self.markup
        if "{{" in path or "{%" in path:
            cache: dict[str, BoundTemplate] = env.markup_cache
            tpl = cache.get(path)
            if tpl is None:
                tpl = env.from_string(path)
                cache[path] = tpl
            buf = io.StringIO()
            tpl.render_with_context(context, buf, partial=True)
            path = buf.getvalue()
        hooks = env.hooks
        url = hooks.link(path) if hooks is not None else None
        if url is None:
            raise JekyllTagError(
                f"Could not find document '{path}' in tag 'link'. "
                "Make sure the document exists and the path is correct.",
                token=self.token,
            )
        return buffer.write(str(url))


class LinkTag(Tag):
    """Jekyll's ``link`` tag."""

    name = "link"
    block = False

    def parse(self, stream: TokenStream) -> Node:
        token, markup = _markup(stream)
        return LinkNode(token, markup)


class PostUrlNode(Node):
    """``{% post_url 2020-01-02-hello %}``."""

    __slots__ = ("name",)

    def __init__(self, token: Token, name: str) -> None:
        super().__init__(token)
        self.name = name
        self.blank = False

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        hooks = getattr(context.env, "hooks", None)
        url = hooks.post_url(self.name) if hooks is not None else None
        if url is None:
            raise JekyllTagError(
                f"Could not find post \"{self.name}\" in tag 'post_url'. "
                "Make sure the post exists and the name is correct.",
                token=self.token,
            )
        return buffer.write(str(url))


class PostUrlTag(Tag):
    """Jekyll's ``post_url`` tag."""

    name = "post_url"
    block = False

    def parse(self, stream: TokenStream) -> Node:
        token, markup = _markup(stream)
        if not POST_NAME.search(re.sub(r"^/", "", markup)):
            raise JekyllTagError(
                f"Could not parse name of post \"{markup}\" in tag 'post_url'. "
                "Make sure the post exists and the name is correct.",
                token=token,
            )
        return PostUrlNode(token, markup)
