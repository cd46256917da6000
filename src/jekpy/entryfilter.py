"""Which files a site reads: ``exclude``/``include`` and Jekyll's special names."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Sequence
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
    ) -> None:
        self.source = source
        self.include = [str(p) for p in include]
        self.exclude = [str(p) for p in exclude if p not in include]
        self.base = base_directory

    def _glob_include(self, patterns: Iterable[str], entry: str) -> bool:
        entry_full = os.path.join(str(self.source), entry.lstrip("/"))
        is_dir = os.path.isdir(entry_full)
        for pattern in patterns:
            pattern_full = os.path.join(str(self.source), pattern.lstrip("/"))
            if fnmatch.fnmatchcase(entry_full, pattern_full) or entry_full.startswith(
                pattern_full
            ):
                return True
            if is_dir and pattern_full == entry_full + "/":
                return True
        return False

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

    def keep(self, entry: str, directory: Path) -> bool:
        if entry.endswith("."):
            return False
        included = self.included(entry)
        if self.excluded(entry) and not included:
            return False
        if self.symlink_outside(directory / entry):
            return False
        if included:
            return True
        return not (self.special(entry) or entry.endswith("~"))

    def filter(self, entries: Iterable[str], directory: Path) -> list[str]:
        return [e for e in entries if self.keep(e, directory)]
