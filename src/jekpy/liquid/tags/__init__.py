"""Jekyll's Liquid tags."""

from __future__ import annotations

from typing import Any

from .highlight import HighlightTag
from .include import IncludeRelativeTag, IncludeTag
from .links import LinkTag, PostUrlTag
from .plugins import register_plugin_tag

__all__ = ["register_jekyll_tags", "register_plugin_tag"]


def register_jekyll_tags(env: Any) -> None:
    """``include``, ``include_relative``, ``highlight``, ``link``, ``post_url``.

    Plugin tags (``seo``, ``feed_meta``...) are not registered here: as in
    Jekyll they are unknown (fatal) until their plugin registers them with
    :func:`register_plugin_tag` (``func=None`` makes a tag that renders nothing).
    """
    env.add_tag(IncludeTag)
    env.add_tag(IncludeRelativeTag)
    env.add_tag(HighlightTag)
    env.add_tag(LinkTag)
    env.add_tag(PostUrlTag)
