"""Put plugin tags and filters into a site's Liquid environment.

Plugin tags are simple (non-block) tags: the function registered for a name
gets a :class:`~jekpy.plugins.tagcall.TagCall` (site, markup, template
variables) and returns the text to output.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from liquid.ast import Node
from liquid.stream import TokenStream
from liquid.tag import Tag
from liquid.token import TOKEN_EXPRESSION, Token

from liquid import RenderContext

from .tagcall import TagCall, TagFunction

if TYPE_CHECKING:
    from jekpy.content.models import SiteContext

__all__ = ["ContextVariables", "install", "make_tag"]

_MISSING = object()
_NAME = re.compile(r"[\w-]+\??")
_SEGMENT = re.compile(r"\[[^\]]+\]|[\w-]+\??")
_QUOTED = re.compile(r"""\A(?:'([^']*)'|"([^"]*)")\Z""", re.S)
_INTEGER = re.compile(r"\A-?\d+\Z")
_FLOAT = re.compile(r"\A-?\d[\d.]+\Z")
_LITERALS: dict[str, Any] = {"nil": None, "null": None, "": None, "true": True, "false": False}


class ContextVariables(Mapping[str, Any]):
    """Read-only view of a render context's variables (``page``, ``site``, ...).

    A key is read as Ruby plugins read ``context[markup]``: a Liquid expression, so
    ``page.gist_id`` and ``site.data["ids"][0]`` are looked up, quoted strings and
    numbers are literals, and a plain name is a variable.
    """

    def __init__(self, context: RenderContext) -> None:
        self.context = context

    def __getitem__(self, key: str) -> Any:
        value = self._evaluate(key.strip())
        if value is _MISSING:
            raise KeyError(key)
        return value

    def _evaluate(self, markup: str) -> Any:
        if markup in _LITERALS:
            return _LITERALS[markup]
        quoted = _QUOTED.match(markup)
        if quoted:
            return quoted.group(1) if quoted.group(1) is not None else quoted.group(2)
        if _INTEGER.match(markup):
            return int(markup)
        if _FLOAT.match(markup):
            try:
                return float(markup.rstrip("."))
            except ValueError:
                return _MISSING
        if _NAME.fullmatch(markup):
            return self.context.resolve(markup, default=_MISSING)
        path: list[object] = []
        for segment in _SEGMENT.findall(markup):
            if segment.startswith("["):
                inner = self._evaluate(segment[1:-1].strip())
                if inner is _MISSING:
                    return _MISSING
                path.append(inner)
            else:
                path.append(segment)
        if not path:
            return _MISSING
        return self.context.get(path, token=None, default=_MISSING)

    def __iter__(self) -> Iterator[str]:
        return iter(self.context.globals)

    def __len__(self) -> int:
        return len(self.context.globals)


class PluginTagNode(Node):
    """Renders by calling the plugin's function."""

    __slots__ = ("func", "markup", "site")

    def __init__(self, token: Token, site: SiteContext, func: TagFunction, markup: str) -> None:
        super().__init__(token)
        self.site = site
        self.func = func
        self.markup = markup
        self.blank = False

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        text = self.func(TagCall(self.site, self.markup, ContextVariables(context)))
        return buffer.write(str(text) if text is not None else "")

    async def render_to_output_async(self, context: RenderContext, buffer: TextIO) -> int:
        return self.render_to_output(context, buffer)


def make_tag(tag_name: str, site: SiteContext, func: TagFunction) -> type[Tag]:
    """A python-liquid ``Tag`` class for ``{% tag_name markup %}``."""

    class PluginTag(Tag):
        name = tag_name
        block = False

        def parse(self, stream: TokenStream) -> Node:
            token = stream.current
            markup = ""
            if stream.peek.kind == TOKEN_EXPRESSION:
                next(stream)
                markup = stream.current.value
            return PluginTagNode(token, site, func, markup.strip())

    PluginTag.__name__ = f"PluginTag_{tag_name}"
    return PluginTag


def install(
    site: SiteContext,
    tags: Mapping[str, TagFunction],
    filters: Mapping[str, Callable[..., Any]],
    tag_classes: Sequence[Any] = (),
) -> None:
    """Register ``tags`` and ``filters`` on ``site.liquid`` (its python-liquid environment)."""
    engine = getattr(site, "liquid", None)
    env = getattr(engine, "env", None)
    if env is None:
        return
    for name, func in tags.items():
        env.add_tag(make_tag(name, site, func))
    for tag_class in tag_classes:
        env.add_tag(tag_class)
    for name, filt in filters.items():
        env.add_filter(name, filt)
    cache = getattr(engine, "_cache", None)
    if isinstance(cache, dict):
        cache.clear()
