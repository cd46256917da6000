"""What a plugin's Liquid tag function receives (see ``PluginAPI.tag``); apart from
registry.py so that liquid_tags.py, which builds the tags, needs nothing of it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jekpy.content.models import SiteContext

__all__ = ["TagCall", "TagFunction"]


@dataclass
class TagCall:
    """What a plugin tag's function receives when the tag renders."""

    site: SiteContext
    markup: str
    variables: Mapping[str, Any]

    def get(self, name: str, default: Any = None) -> Any:
        """A template variable (``page``, ``site``, ``paginator``, ...) or ``default``."""
        try:
            return self.variables[name]
        except KeyError:
            return default


TagFunction = Callable[[TagCall], str]
