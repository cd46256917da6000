"""Tags that plugins provide (``{% seo %}``, ``{% feed_meta %}``, ...).

A plugin layer registers a callable per tag name with
:func:`register_plugin_tag` (per environment, see
``LiquidEngine.register_plugin_tag``); the callable gets the render context's
variables (``page``, ``site`` ...) as a mapping plus the tag's markup and
returns the HTML; ``func=None`` registers a tag that renders nothing.  As in
Jekyll, ``{% seo %}`` or ``{% feed_meta %}`` without their plugin are unknown
tags (fatal).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TextIO

from liquid.ast import Node
from liquid.stream import TokenStream
from liquid.tag import Tag
from liquid.token import Token

from liquid import RenderContext

from ..lax import tag_markup

__all__ = ["DEFAULT_PLUGIN_TAGS", "PluginRender", "register_plugin_tag"]

PluginRender = Callable[[Mapping[str, Any], str], str]
DEFAULT_PLUGIN_TAGS = ("seo", "feed_meta")


class _Scope(Mapping[str, Any]):
    """Read-only view of the render context's variables."""

    def __init__(self, context: RenderContext) -> None:
        self._context = context

    def __getitem__(self, key: str) -> Any:
        value = self._context.resolve(key, default=_MISSING)
        if value is _MISSING:
            raise KeyError(key)
        return value

    def __iter__(self) -> Any:
        return iter(self._context.globals)

    def __len__(self) -> int:
        return len(self._context.globals)


_MISSING = object()


class PluginNode(Node):
    """Calls the registered callable (or renders nothing)."""

    __slots__ = ("tag_name", "markup")

    def __init__(self, token: Token, tag_name: str, markup: str) -> None:
        super().__init__(token)
        self.tag_name = tag_name
        self.markup = markup
        self.blank = False

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        registry: dict[str, PluginRender | None] = getattr(context.env, "plugin_tags", {})
        func = registry.get(self.tag_name)
        if func is None:
            return 0
        return buffer.write(str(func(_Scope(context), self.markup)))


def _make_tag(tag_name: str) -> type[Tag]:
    class PluginTag(Tag):
        name = tag_name
        block = False

        def parse(self, stream: TokenStream) -> Node:
            token, markup = tag_markup(stream)
            return PluginNode(token, tag_name, markup.strip())

    PluginTag.__name__ = f"PluginTag_{tag_name}"
    return PluginTag


def register_plugin_tag(env: Any, name: str, func: PluginRender | None = None) -> None:
    """Register tag ``name`` on ``env``; ``func(scope, markup) -> html`` renders it."""
    env.plugin_tags[name] = func
    env.add_tag(_make_tag(name))
