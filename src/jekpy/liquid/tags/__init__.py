"""Jekyll's Liquid tags."""

from __future__ import annotations

from typing import Any

from .highlight import HighlightTag
from .include import IncludeRelativeTag, IncludeTag
from .links import LinkTag, PostUrlTag
from .plugins import DEFAULT_PLUGIN_TAGS, register_plugin_tag

__all__ = ["register_jekyll_tags", "register_plugin_tag"]


def register_jekyll_tags(env: Any) -> None:
    """``include``, ``include_relative``, ``highlight``, ``link``, ``post_url``, plugin hooks."""
    env.add_tag(IncludeTag)
    env.add_tag(IncludeRelativeTag)
    env.add_tag(HighlightTag)
    env.add_tag(LinkTag)
    env.add_tag(PostUrlTag)
    for name in DEFAULT_PLUGIN_TAGS:
        register_plugin_tag(env, name, None)
