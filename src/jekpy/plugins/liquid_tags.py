"""Put plugin tags and filters into a site's Liquid environment.

Plugin tags are simple (non-block) tags: the function registered for a name
gets a :class:`~jekpy.plugins.registry.TagCall` (site, markup, template
variables) and returns the text to output.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from liquid.ast import Node
from liquid.stream import TokenStream
from liquid.tag import Tag
from liquid.token import TOKEN_EXPRESSION, Token

from liquid import RenderContext

from .registry import TagCall, TagFunction

if TYPE_CHECKING:
    from jekpy.site import Site

__all__ = ["ContextVariables", "install", "make_tag"]

_MISSING = object()


class ContextVariables(Mapping[str, Any]):
    """Read-only view of a render context's variables (``page``, ``site``, ...)."""

    def __init__(self, context: RenderContext) -> None:
        self.context = context

    def __getitem__(self, key: str) -> Any:
        value = self.context.resolve(key, default=_MISSING)
        if value is _MISSING:
            raise KeyError(key)
        return value

    def __iter__(self) -> Iterator[str]:
        return iter(self.context.globals)

    def __len__(self) -> int:
        return len(self.context.globals)


class PluginTagNode(Node):
    """Renders by calling the plugin's function."""

    __slots__ = ("func", "markup", "site")

    def __init__(self, token: Token, site: Site, func: TagFunction, markup: str) -> None:
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


def make_tag(tag_name: str, site: Site, func: TagFunction) -> type[Tag]:
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
    site: Site,
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
