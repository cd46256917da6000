"""Gem-based themes (``theme: minima``): found where Ruby installed the gem."""

from __future__ import annotations

import glob
import os
from pathlib import Path

from .errors import ConfigError
from .log import Logger

__all__ = ["find_theme"]

_GEM_DIRS = (
    "/usr/share/rubygems-integration/all/gems",
    "/usr/lib/ruby/gems/*/gems",
    "/var/lib/gems/*/gems",
    "/usr/local/lib/ruby/gems/*/gems",
)


def find_theme(name: object, log: Logger) -> Path | None:
    """The root folder of theme ``name`` (None, with a warning, when ``name`` is not a string).

    ``$JEKPY_THEMES_PATH`` (folders separated by ``:``) is searched first; each may
    hold ``<name>/`` or ``<name>-<version>/``.
    """
    if name is None:
        return None
    if not isinstance(name, str):
        log.warn(
            "Theme:",
            "value of 'theme' in config should be String to use gem-based themes, but got "
            + {bool: "TrueClass" if name else "FalseClass", int: "Integer", float: "Float",
               list: "Array", dict: "Hash"}.get(type(name), type(name).__name__),
        )
        return None
    roots = [p for p in os.environ.get("JEKPY_THEMES_PATH", "").split(":") if p]
    for root in roots:
        candidates = [Path(root) / name, *sorted(Path(root).glob(f"{name}-*"))]
        for cand in candidates:
            if cand.is_dir():
                return cand
    for pattern in _GEM_DIRS:
        for gem_dir in sorted(glob.glob(os.path.join(pattern, f"{name}-[0-9]*")), reverse=True):
            return Path(gem_dir)
    # Jekyll::Theme#gemspec raises MissingDependencyException: the build stops.
    raise ConfigError(
        f"The {name} theme could not be found.",
        hint="install the theme gem (e.g. apt-get install jekyll-theme-minima), or put the "
        "theme's folder on $JEKPY_THEMES_PATH",
    )
