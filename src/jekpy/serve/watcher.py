"""Which changes in the source folder start a rebuild."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from watchfiles import Change, DefaultFilter

__all__ = ["SourceFilter"]

# Folders of a site that are read even when `exclude` names them (the example blog
# excludes `layouts` so they are not copied as pages, yet its layouts must rebuild).
_READ_DIR_KEYS = ("layouts_dir", "includes_dir", "data_dir", "plugins_dir", "collections_dir")
# Caches and metadata Jekyll writes next to the source; never worth a rebuild.
_ALWAYS_IGNORED = (".jekyll-cache", ".jekyll-metadata", ".sass-cache", ".git")


class SourceFilter(DefaultFilter):
    """watchfiles' default filter (VCS folders, editor swap files, ``__pycache__``...)
    plus: nothing inside the destination folder, Jekyll's caches, or paths the
    configuration's ``exclude`` names (except the folders a build still reads).
    Dot files and folders count only when ``include`` names them, as for the reader.
    The configuration files themselves always count.
    """

    def __init__(self, source: Path) -> None:
        super().__init__()
        self.source = str(source)
        self.ignored_roots: list[str] = []
        self.excludes: list[str] = []
        self.read_dirs: list[str] = []
        self.config_files: set[str] = set()
        self.includes: list[str] = []

    def update(self, cfg: Mapping[str, Any]) -> None:
        """Take the destination, ``exclude`` and folder names from a loaded config."""
        roots = [str(cfg.get("destination") or os.path.join(self.source, "_site"))]
        roots.extend(os.path.join(self.source, name) for name in _ALWAYS_IGNORED)
        cache_dir = cfg.get("cache_dir")
        if cache_dir:
            roots.append(os.path.join(self.source, str(cache_dir)))
        self.ignored_roots = roots
        self.excludes = [
            str(e).strip("/") for e in (cfg.get("exclude") or []) if str(e).strip("/")
        ]
        dirs = [str(cfg.get(key) or "").strip("/") for key in _READ_DIR_KEYS]
        sass = cfg.get("sass")
        if isinstance(sass, Mapping) and sass.get("sass_dir"):
            dirs.append(str(sass["sass_dir"]).strip("/"))
        else:
            dirs.append("_sass")
        self.read_dirs = [d for d in dirs if d]
        self.includes = [str(e).strip("/") for e in (cfg.get("include") or []) if str(e)]
        self.config_files = {str(Path(f).resolve()) for f in cfg.get("config_files") or []}

    def __call__(self, change: Change, path: str) -> bool:
        if path in self.config_files:
            return True
        if not super().__call__(change, path):
            return False
        if any(_under(path, root) for root in self.ignored_roots):
            return False
        if os.path.basename(path).startswith(".jekpy-") and path.endswith(".tmp"):
            return False
        if not _under(path, self.source):
            return True
        rel = os.path.relpath(path, self.source).replace(os.sep, "/")
        if any(rel == d or rel.startswith(d + "/") for d in self.read_dirs):
            return True
        if any(part.startswith(".") for part in rel.split("/")) and not self._included(rel):
            # The reader skips dot files and folders (.ruff_cache, .idea...) unless
            # `include` names them, so they cannot change the site.
            return False
        return not any(
            rel == e or rel.startswith(e + "/") or fnmatch.fnmatchcase(rel, e)
            for e in self.excludes
        )

    def _included(self, rel: str) -> bool:
        parts = rel.split("/")
        for inc in self.includes:
            if rel == inc or rel.startswith(inc + "/") or fnmatch.fnmatchcase(rel, inc):
                return True
            if any(part == inc or fnmatch.fnmatchcase(part, inc) for part in parts):
                return True
        return False


def _under(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)
