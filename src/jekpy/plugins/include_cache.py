"""``jekyll-include-cache`` 0.2: ``{% include_cached file.html param=value %}``.

Renders like ``include`` the first time a file is included with a given set of
parameter values, then reuses that output for the rest of the build (so the
included file must not depend on ``page``).  The cache is emptied when a build
starts rendering.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TextIO

from liquid.ast import Node
from liquid.stream import TokenStream

from liquid import RenderContext

if TYPE_CHECKING:
    from jekpy.content.models import SiteContext

    from .registry import PluginAPI

__all__ = ["register"]

_CACHE_ATTR = "jekpy_include_cache"


def _freeze(value: object) -> object:
    if isinstance(value, dict):
        return ("dict", tuple((str(k), _freeze(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        return ("list", tuple(_freeze(v) for v in value))
    # drops: by identity, as the gem does (object_id: jekyll-include-cache
    # lib/jekyll-include-cache/tag.rb#quick_hash)
    if isinstance(value, Mapping):
        return ("drop", id(value))
    try:
        hash(value)
    except TypeError:
        return ("id", id(value))
    return (type(value).__name__, value)


def register(api: PluginAPI) -> None:
    api.reuse(renders="tracked")
    from jekpy.liquid.tags.include import IncludeNode, IncludeTag

    class CachedIncludeNode(IncludeNode):
        __slots__ = ()

        def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
            env = context.env
            cache: dict[Any, str] | None = getattr(env, _CACHE_ATTR, None)
            if cache is None:
                cache = {}
                setattr(env, _CACHE_ATTR, cache)
            file = self._file_name(context)
            self._validate_file_name(file)
            path = self._locate(context, file)
            params = self._params(context) if self.params is not None else None
            values = None if params is None else tuple(_freeze(params[k]) for k in sorted(params))
            key = (str(path), values)
            if key not in cache:
                out = io.StringIO()
                super().render_to_output(context, out)
                cache[key] = out.getvalue()
            return buffer.write(cache[key])

    class IncludeCachedTag(IncludeTag):
        name = "include_cached"

        def parse(self, stream: TokenStream) -> Node:
            node = super().parse(stream)
            assert isinstance(node, IncludeNode)
            cached = CachedIncludeNode(node.token, node.file, node.params, relative=False)
            cached.tag_name = "include_cached"
            return cached

    api.liquid_tag(IncludeCachedTag)
    api.hook("site", "pre_render", _reset)


def _reset(site: SiteContext, _payload: object = None) -> None:
    env = site.liquid.env
    if hasattr(env, _CACHE_ATTR):
        getattr(env, _CACHE_ATTR).clear()
