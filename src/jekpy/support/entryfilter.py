"""Which files a site reads: ``exclude``/``include`` and Jekyll's special names."""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

__all__ = ["EntryFilter", "is_inside"]

_SPECIAL = (".", "_", "#", "~")


def is_inside(path: Path, root: Path) -> bool:
    """True when ``path`` (symlinks resolved) is ``root`` or below it."""
    try:
        real = path.resolve()
        base = root.resolve()
    except OSError:
        return False
    return real == base or base in real.parents


class EntryFilter:
    """Jekyll's ``EntryFilter`` for one directory of the source."""

    def __init__(
        self,
        source: Path,
        include: Sequence[str],
        exclude: Sequence[str],
        base_directory: str = "",
        on_outside: Callable[[Path], None] | None = None,
    ) -> None:
        self.source = source
        self.on_outside = on_outside  # told about each symlink leaving the source
        self.include = [str(p) for p in include]
        self.exclude = [str(p) for p in exclude if p not in include]
        self.base = base_directory
        #: id(patterns) -> (every pattern's full path, the set of them, the fnmatch
        #: regexes of those with wildcards)
        self._patterns: dict[
            int, tuple[tuple[str, ...], frozenset[str], list[re.Pattern[str]]]
        ] = {}
        self._root = str(source)
        self._root_slash = self._root if self._root.endswith("/") else self._root + "/"

    def _compiled(
        self, patterns: Sequence[str]
    ) -> tuple[tuple[str, ...], frozenset[str], list[re.Pattern[str]]]:
        key = id(patterns)
        found = self._patterns.get(key)
        if found is None:
            root = str(self.source)
            fulls = tuple(os.path.join(root, pattern.lstrip("/")) for pattern in patterns)
            # Without wildcards an fnmatch is string equality, which the prefix
            # test already covers: no regex needed.
            regexes = [
                re.compile(fnmatch.translate(full))
                for full in fulls
                if any(c in full for c in "*?[")
            ]
            found = (fulls, frozenset(fulls), regexes)
            self._patterns[key] = found
        return found

    def _glob_include(self, patterns: Sequence[str], entry: str) -> bool:
        """Jekyll's ``glob_include?``: an fnmatch, a path prefix, or ``dir/``."""
        if not patterns:
            return False
        entry_full = self._root_slash + entry.lstrip("/")  # os.path.join(root, ...)
        fulls, full_set, regexes = self._compiled(patterns)
        if entry_full.startswith(fulls):
            return True
        for regex in regexes:
            if regex.match(entry_full):
                return True
        return entry_full + "/" in full_set and os.path.isdir(entry_full)

    def included(self, entry: str) -> bool:
        return self._glob_include(self.include, entry) or self._glob_include(
            self.include, os.path.basename(entry)
        )

    def excluded(self, entry: str) -> bool:
        return self._glob_include(self.exclude, os.path.join(self.base, entry))

    @staticmethod
    def special(entry: str) -> bool:
        return entry.startswith(_SPECIAL) or os.path.basename(entry).startswith(_SPECIAL)

    def symlink_outside(self, full: Path) -> bool:
        """A symlink whose target leaves the source (never read, in any mode)."""
        return full.is_symlink() and not is_inside(full, self.source)

    def keep(self, entry: str, directory: Path, *, is_link: bool | None = None) -> bool:
        """Whether ``entry`` (relative to ``directory``) is read; ``is_link``: whether
        it is a symlink, when the caller already knows."""
        if entry.endswith("."):
            return False
        included = self.included(entry)
        if self.excluded(entry) and not included:
            return False
        if is_link is None:
            is_link = os.path.islink(os.path.join(directory, entry))
        if is_link and self.symlink_outside(
            directory / entry
        ):
            if self.on_outside is not None:
                self.on_outside(directory / entry)
            return False
        if included:
            return True
        return not (self.special(entry) or entry.endswith("~"))

    def filter(self, entries: Iterable[str], directory: Path) -> list[str]:
        return [e for e in entries if self.keep(e, directory)]
