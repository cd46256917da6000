"""Plugins: built-in equivalents of the common Jekyll plugins, and jekpy's plugin API.

See ``docs/plugins.md``.  A plugin is a ``register(api)`` callable found by
the name listed in ``plugins:`` (built in, or a ``jekpy.plugins`` entry point).
"""

from __future__ import annotations

from .registry import BUILTIN, PluginAPI, PluginManager, TagCall, load_plugins

__all__ = ["BUILTIN", "PluginAPI", "PluginManager", "TagCall", "load_plugins"]
