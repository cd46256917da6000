"""The gems a ``Gemfile`` puts in its ``jekyll_plugins`` group.

When a ``Gemfile`` is in the working directory (or ``$BUNDLE_GEMFILE`` names one)
and ``$JEKYLL_NO_BUNDLER_REQUIRE`` is not set, Jekyll runs ``Bundler.require
(:jekyll_plugins)`` before anything else (``PluginManager.require_from_bundler``):
every gem of that group is loaded as a plugin, listed in ``plugins:`` or not.  Many
sites enable ``jekyll-feed`` or ``jekyll-seo-tag`` only there.

A Gemfile is Ruby; this reads the two forms Bundler documents for the group::

    group :jekyll_plugins do          # (also: group :jekyll_plugins, :other do)
      gem "jekyll-feed", "~> 0.12"
    end
    gem "jekyll-seo-tag", group: :jekyll_plugins   # (or :group => [...])

A gem with ``require: false`` is not required by Bundler, so it is left out.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

__all__ = ["bundler_gemfile", "jekyll_plugin_gems"]

_GROUP_START = re.compile(r"^\s*group\s*\(?\s*(?P<groups>[^\n]*?)\)?\s*do\s*(?:\|[^|]*\|)?\s*$")
_BLOCK_START = re.compile(r"\bdo\s*(?:\|[^|]*\|)?\s*$|^\s*(?:if|unless|case|begin|while|until)\b")
_END = re.compile(r"^\s*end\b")
_GEM = re.compile(r"""^\s*gem\s*\(?\s*(["'])(?P<name>[^"']+)\1(?P<rest>.*)$""")
_IN_GROUP = re.compile(r"""(?:\bgroups?:|:groups?\s*=>)\s*(?P<value>\[[^\]]*\]|:\w+|["'][^"']*["'])""")
_NO_REQUIRE = re.compile(r"(?:\brequire:|:require\s*=>)\s*false\b")


def bundler_gemfile(cwd: Path | None = None) -> Path | None:
    """The Gemfile Jekyll's bundler step would use, or None (none, or disabled)."""
    if os.environ.get("JEKYLL_NO_BUNDLER_REQUIRE"):
        return None
    local = (cwd or Path.cwd()) / "Gemfile"
    if local.is_file():
        return local
    named = os.environ.get("BUNDLE_GEMFILE")
    if named and Path(named).is_file():
        return Path(named)
    return None


def _strip_comment(line: str) -> str:
    """``line`` without a trailing ``# comment`` (a ``#`` inside quotes stays)."""
    quote = ""
    for i, ch in enumerate(line):
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "#":
            return line[:i]
    return line


def _names_jekyll_plugins(value: str) -> bool:
    return re.search(r"""(?<![\w])(?::jekyll_plugins|["']jekyll_plugins["'])(?![\w])""", value) is not None


def jekyll_plugin_gems(gemfile: Path) -> list[str]:
    """The gems of ``gemfile``'s ``jekyll_plugins`` group, in order (unreadable
    file: none)."""
    try:
        text = gemfile.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    found: list[str] = []
    #: for each open block: whether it is a jekyll_plugins group
    blocks: list[bool] = []
    for raw in text.splitlines():
        line = _strip_comment(raw).rstrip()
        if not line.strip():
            continue
        group = _GROUP_START.match(line)
        if group is not None:
            blocks.append(_names_jekyll_plugins(group.group("groups")))
            continue
        if _END.match(line):
            if blocks:
                blocks.pop()
            continue
        gem = _GEM.match(line)
        if gem is not None:
            rest = gem.group("rest")
            in_group = any(blocks)
            option = _IN_GROUP.search(rest)
            if option is not None and _names_jekyll_plugins(option.group("value")):
                in_group = True
            if in_group and not _NO_REQUIRE.search(rest) and gem.group("name") not in found:
                found.append(gem.group("name"))
            continue
        if _BLOCK_START.search(line):
            blocks.append(False)
    return found
