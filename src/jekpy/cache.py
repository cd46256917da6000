"""An on-disk cache of pure conversions (Markdown to HTML), like Jekyll's ``.jekyll-cache``.

Entries are keyed by a hash of the input text; each cache file also records a
*salt* -- jekpy's version, a hash of the converter's own source code and the
options -- so a change to any of them discards the whole file.  Only the entries a
build used are written back, so the file never grows beyond one site's worth.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

__all__ = ["DiskCache", "code_fingerprint"]

_FORMAT = 1


def code_fingerprint(packages: Iterable[Path]) -> str:
    """A hash of every ``.py`` file below ``packages`` (names and contents)."""
    digest = hashlib.sha1()
    for root in packages:
        for path in sorted(root.rglob("*.py")):
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


class _Store:
    """One namespace: a dict loaded from, and saved to, one pickle file."""

    def __init__(self, path: Path | None, salt: str) -> None:
        self.path = path
        self.salt = salt
        self.entries: dict[str, str] = {}
        self.used: set[str] = set()
        self.dirty = False
        self.hits = 0
        self.misses = 0
        if path is not None:
            self._load()

    def _load(self) -> None:
        assert self.path is not None
        try:
            with self.path.open("rb") as fh:
                data = pickle.load(fh)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ValueError):
            return
        if (
            isinstance(data, dict)
            and data.get("format") == _FORMAT
            and data.get("salt") == self.salt
            and isinstance(data.get("entries"), dict)
        ):
            self.entries = data["entries"]

    def get(self, key: str) -> str | None:
        value = self.entries.get(key)
        if value is not None:
            self.used.add(key)
            self.hits += 1
        else:
            self.misses += 1
        return value

    def put(self, key: str, value: str) -> None:
        self.entries[key] = value
        self.used.add(key)
        self.dirty = True

    def save(self) -> None:
        if self.path is None:
            return
        if not self.dirty and len(self.used) == len(self.entries):
            return
        data = {
            "format": _FORMAT,
            "salt": self.salt,
            "entries": {k: self.entries[k] for k in self.used if k in self.entries},
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".jekpy-", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        self.dirty = False


class DiskCache:
    """Memoise pure ``str -> str`` functions, in memory and (unless disabled) on disk.

    Args:
        directory: Where the cache files live (e.g. ``<source>/.jekyll-cache/Jekpy``),
            or None for an in-memory cache only (``--disable-disk-cache``, ``--safe``).
    """

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory
        self._stores: dict[str, _Store] = {}

    def wrap(
        self,
        namespace: str,
        func: Callable[[str], str],
        *,
        code: str,
        options: Mapping[str, Any] | None = None,
    ) -> Callable[[str], str]:
        """Return ``func`` memoised under ``namespace``.

        ``code`` identifies the implementation (see :func:`code_fingerprint`) and
        ``options`` its settings; either changing invalidates the namespace.
        """
        from . import __version__

        salt = json.dumps([__version__, code, options or {}], sort_keys=True, default=str)
        path = self.directory / f"{namespace}.pickle" if self.directory is not None else None
        store = _Store(path, hashlib.sha1(salt.encode()).hexdigest())
        self._stores[namespace] = store

        def cached(text: str) -> str:
            key = _key(text)
            hit = store.get(key)
            if hit is not None:
                return hit
            value = func(text)
            store.put(key, value)
            return value

        return cached

    def stats(self) -> dict[str, tuple[int, int]]:
        """``namespace -> (hits, misses)`` for this build."""
        return {name: (s.hits, s.misses) for name, s in self._stores.items()}

    def export(self) -> dict[str, dict[str, str]]:
        """Entries added in this process (to send from a worker to the parent)."""
        return {
            name: {k: s.entries[k] for k in s.used if k in s.entries}
            for name, s in self._stores.items()
        }

    def merge(self, exported: Mapping[str, Mapping[str, str]]) -> None:
        """Add entries exported by a worker process."""
        for name, entries in exported.items():
            store = self._stores.get(name)
            if store is None:
                continue
            for key, value in entries.items():
                if key not in store.entries:
                    store.dirty = True
                store.entries[key] = value
                store.used.add(key)

    def save(self) -> None:
        """Write every namespace back to disk (atomically), keeping used entries only."""
        for store in self._stores.values():
            # A cache that cannot be written only costs speed next time.
            with contextlib.suppress(OSError):
                store.save()
