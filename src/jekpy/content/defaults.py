"""Front matter defaults (``defaults:`` in ``_config.yml``), as ``FrontmatterDefaults``."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from ..support.utils import deep_merge

__all__ = ["FrontMatterDefaults"]

_DEPRECATED_TYPES = {"page": "pages", "post": "posts", "draft": "drafts"}


def _sanitize(path: object) -> str:
    if not isinstance(path, str) or not path:
        return ""
    if path.startswith("/"):
        path = path[1:]
    return path


class FrontMatterDefaults:
    """Find the default front matter values that apply to a path and type."""

    def __init__(self, config: Mapping[str, Any], source: str) -> None:
        self.source = source
        self.collections_dir = str(config.get("collections_dir") or "")
        self.sets = self._valid_sets(config.get("defaults"))
        self._cache: dict[tuple[str, str | None], list[dict[str, Any]]] = {}
        self._globs: dict[str, list[str]] = {}

    @staticmethod
    def _valid_sets(sets: object) -> list[dict[str, Any]]:
        if not isinstance(sets, list):
            return []
        valid = []
        for item in sets:
            if not (isinstance(item, Mapping) and isinstance(item.get("values"), Mapping)):
                continue
            item = dict(item)
            scope = item.get("scope")
            if isinstance(scope, Mapping):
                scope = dict(scope)
                if "type" in scope:
                    scope["type"] = _DEPRECATED_TYPES.get(str(scope["type"]), scope["type"])
                item["scope"] = scope
            valid.append(item)
        return valid

    def _strip_collections_dir(self, path: str) -> str:
        if self.collections_dir and path.startswith(self.collections_dir + "/"):
            return path[len(self.collections_dir) + 1 :]
        return path

    def _applies_path(self, scope: Mapping[str, Any], path: str) -> bool:
        scope_path = scope.get("path")
        if not isinstance(scope_path, str) or not scope_path:
            return True
        sanitized = _sanitize(path)
        if "*" in scope_path:
            pattern = os.path.join(self.source, scope_path)
            matches = self._globs.get(pattern)
            if matches is None:
                import glob  # only for defaults scoped by a pattern

                matches = glob.glob(pattern)
                self._globs[pattern] = matches
            for match in matches:
                rel = self._strip_collections_dir(os.path.relpath(match, self.source))
                if sanitized.startswith(rel):
                    return True
            return False
        return sanitized.startswith(self._strip_collections_dir(scope_path))

    @staticmethod
    def _applies_type(scope: Mapping[str, Any], type_: str | None) -> bool:
        return "type" not in scope or (type_ is not None and str(scope["type"]) == type_)

    def _matching(self, path: str, type_: str | None) -> list[dict[str, Any]]:
        key = (path, type_)
        found = self._cache.get(key)
        if found is None:
            found = [
                s
                for s in self.sets
                if not isinstance(s.get("scope"), Mapping)
                or (self._applies_type(s["scope"], type_) and self._applies_path(s["scope"], path))
            ]
            self._cache[key] = found
        return found

    @staticmethod
    def _precedes(old: Mapping[str, Any] | None, new: Mapping[str, Any]) -> bool:
        if old is None:
            return True
        new_path = _sanitize(new.get("path"))
        old_path = _sanitize(old.get("path"))
        if len(new_path) != len(old_path):
            return len(new_path) >= len(old_path)
        if "type" in new:
            return True
        return "type" not in old

    def find(self, path: str, type_: str | None, setting: str) -> Any:
        """The default for one key (``FrontmatterDefaults#find``: only the sets that
        define ``setting`` compete for precedence)."""
        value: Any = None
        old_scope: Mapping[str, Any] | None = None
        for s in self._matching(path, type_):
            scope = s.get("scope") if isinstance(s.get("scope"), Mapping) else {}
            assert isinstance(scope, Mapping)
            if setting in s["values"] and self._precedes(old_scope, scope):
                value = s["values"][setting]
                old_scope = scope
        return value

    def all(self, path: str, type_: str | None) -> dict[str, Any]:
        """Every default value for ``path`` (relative to the source) and ``type_``."""
        result: dict[str, Any] = {}
        old_scope: Mapping[str, Any] | None = None
        for s in self._matching(path, type_):
            scope = s.get("scope") if isinstance(s.get("scope"), Mapping) else {}
            assert isinstance(scope, Mapping)
            if self._precedes(old_scope, scope):
                result = deep_merge(result, s["values"])
                old_scope = scope
            else:
                result = deep_merge(s["values"], result)
        return result
