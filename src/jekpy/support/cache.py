"""An on-disk cache of pure conversions (Markdown to HTML), like Jekyll's ``.jekyll-cache``.

Entries are keyed by a hash of the input text; each cache file also records a
*salt* -- jekpy's version, a hash of the converter's own source code and the
options -- so a change to any of them discards the whole file.  Only the entries a
build used are written back, so the file never grows beyond one site's worth.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import fastpickle as pickle  # pickle.py not loaded (see there)

if TYPE_CHECKING:
    from hashlib import sha1
else:
    try:  # CPython's own SHA-1: the digests of hashlib's, without loading OpenSSL (~3 ms)
        from _sha1 import sha1
    except ImportError:  # pragma: no cover - a Python built without it
        from hashlib import sha1

__all__ = ["DiskCache", "Store", "code_fingerprint", "package_root", "sha1", "text_key"]

_FORMAT = 1


def code_fingerprint(packages: Iterable[Path]) -> str:
    """A hash of every ``.py`` file below ``packages``: names, sizes and modification
    times (what Python itself checks to reuse compiled bytecode)."""
    digest = sha1()
    for root in packages:
        found: list[tuple[tuple[str, ...], str]] = []
        for folder, _dirs, files in os.walk(root):
            rel = os.path.relpath(folder, root)
            parts: tuple[str, ...] = () if rel == "." else tuple(rel.split(os.sep))
            for name in files:
                if name.endswith(".py"):
                    found.append(((*parts, name), os.path.join(folder, name)))
        found.sort()  # the order of sorted(Path.rglob(...)): by path components
        for parts, full in found:
            st = os.stat(full)
            digest.update(f"{'/'.join(parts)}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def package_root() -> Path:
    """The folder of the whole ``jekpy`` package (wherever this module sits in it)."""
    top = sys.modules[__name__.partition(".")[0]]
    assert top.__file__ is not None
    return Path(top.__file__).resolve().parent


def text_key(text: str) -> str:
    """The cache key of ``text``."""
    return sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


class Store:
    """One namespace: a dict loaded from, and saved to, one pickle file.

    Values are ``str`` (converted text) or ``bytes`` (pickled data).  ``salt`` may
    be a function: it is called only when a file is read or written.
    """

    def __init__(self, path: Path | None, salt: str | Callable[[], str]) -> None:
        self.path = path
        self._salt = salt
        #: None until first needed: the file is read then (a build that reuses every
        #: render never converts anything and never reads it)
        self._entries: dict[str, Any] | None = None if path is not None else {}
        self.used: set[str] = set()
        self.dirty = False
        self.hits = 0
        self.misses = 0

    def key(self, text: str) -> str:
        """The key of ``text`` here: its hash in a store kept on disk, the text itself
        in one kept in memory only (a dict hashes a string once, and far faster than
        SHA-1: some 4 us less for each post's body)."""
        return text_key(text) if self.path is not None else text

    @property
    def entries(self) -> dict[str, Any]:
        """The entries, read from the file on first use."""
        entries = self._entries
        if entries is None:
            entries = self._entries = self._load()
        return entries

    @entries.setter
    def entries(self, value: dict[str, Any]) -> None:
        self._entries = value

    @property
    def loaded(self) -> bool:
        """Whether the entries were needed (and read) yet."""
        return self._entries is not None

    @property
    def salt(self) -> str:
        if not isinstance(self._salt, str):
            self._salt = self._salt()
        return self._salt

    def _load(self) -> dict[str, Any]:
        assert self.path is not None
        try:
            with self.path.open("rb") as fh:
                data = pickle.load(fh)
        except (OSError, EOFError, ImportError, pickle.UnpicklingError, AttributeError, ValueError):
            return {}  # (a missing file: the salt is not needed yet)
        if (
            isinstance(data, dict)
            and data.get("format") == _FORMAT
            and data.get("salt") == self.salt
            and isinstance(data.get("entries"), dict)
        ):
            return data["entries"]  # type: ignore[no-any-return]
        return {}

    def get(self, key: str) -> Any:
        value = self.entries.get(key)
        if value is not None:
            self.used.add(key)
            self.hits += 1
        else:
            self.misses += 1
        return value

    def put(self, key: str, value: Any) -> None:
        self.entries[key] = value
        self.used.add(key)
        self.dirty = True

    def trim(self, limit: int) -> None:
        """Forget the oldest entries beyond ``limit`` (a long-lived site's store)."""
        extra = len(self.entries) - limit
        if extra > 0:
            for key in list(itertools.islice(self.entries, extra)):
                del self.entries[key]
                self.used.discard(key)

    def save(self, keep: int = 0) -> None:
        """Write the entries this build used, and others up to ``keep`` in all.

        Entries a build did not look up stay (up to ``keep``): a build that reuses
        its earlier renders converts nothing, and the next full render still needs
        them.  Nothing is written when nothing was added and the file is in bounds.
        """
        if self.path is None or self._entries is None:
            return  # (never read: nothing was looked up or added, the file stays)
        if not self.dirty and len(self.entries) <= max(keep, len(self.used)):
            return
        kept = {k: self.entries[k] for k in self.used if k in self.entries}
        for key in reversed(self.entries):
            if len(kept) >= keep:
                break
            kept.setdefault(key, self.entries[key])
        data = {"format": _FORMAT, "salt": self.salt, "entries": kept}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        import tempfile

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
        self._stores: dict[str, Store] = {}

    def wrap(
        self,
        namespace: str,
        func: Callable[[str], str],
        *,
        code: str | Callable[[], str],
        options: Mapping[str, Any] | None = None,
    ) -> Callable[[str], str]:
        """Return ``func`` memoised under ``namespace``.

        ``code`` identifies the implementation (see :func:`code_fingerprint`; a
        function giving it is called only when a cache file is read or written) and
        ``options`` its settings; either changing invalidates the namespace.
        """
        store = self.store(namespace, code=code, options=options)

        def cached(text: str) -> str:
            key = store.key(text)
            hit = store.get(key)
            if isinstance(hit, str):
                return hit
            value = func(text)
            store.put(key, value)
            return value

        return cached

    def store(
        self,
        namespace: str,
        *,
        code: str | Callable[[], str],
        options: Mapping[str, Any] | None = None,
    ) -> Store:
        """The :class:`Store` of ``namespace`` (salted by jekpy's version, ``code``
        and ``options``), loaded from disk when there is a matching file."""
        path = self.directory / f"{namespace}.pickle" if self.directory is not None else None
        if path is None:  # in memory only: no file to salt (and no json to load)
            store = Store(None, "")
            self._stores[namespace] = store
            return store
        import json

        from ..version import __version__

        # The options as they are now, as JSON values (the same JSON once dumped again).
        frozen = json.loads(json.dumps(options or {}, sort_keys=True, default=str))

        def salt() -> str:
            text = code if isinstance(code, str) else code()
            blob = json.dumps([__version__, text, frozen], sort_keys=True, default=str)
            return sha1(blob.encode()).hexdigest()

        store = Store(path, salt)
        self._stores[namespace] = store
        return store

    def load(self) -> None:
        """Read every namespace's file now (before forking render workers, so that
        each does not read it again)."""
        for store in self._stores.values():
            _ = store.entries

    def sizes(self) -> dict[str, int]:
        """``namespace -> entries held in memory``."""
        return {name: len(s.entries) if s.loaded else 0 for name, s in self._stores.items()}

    def stats(self) -> dict[str, tuple[int, int]]:
        """``namespace -> (hits, misses)`` for this build."""
        return {name: (s.hits, s.misses) for name, s in self._stores.items()}

    def forget_used(self) -> None:
        """Forget which entries were used so far (a forked worker, before it renders:
        :meth:`export` then sends only what the worker used, not what its parent
        had already used)."""
        for store in self._stores.values():
            store.used = set()

    def export(self) -> dict[str, dict[str, Any]]:
        """Entries added in this process (to send from a worker to the parent)."""
        return {
            name: {k: s.entries[k] for k in s.used if k in s.entries}
            for name, s in self._stores.items()
            if s.loaded
        }

    def merge(self, exported: Mapping[str, Mapping[str, Any]]) -> None:
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

    def trim(self, limit: int) -> None:
        """Keep at most ``limit`` entries per namespace in memory (the newest)."""
        for store in self._stores.values():
            if store.loaded:  # (one never read holds nothing in memory)
                store.trim(limit)

    def save(self, keep: int = 0) -> None:
        """Write every namespace back to disk (atomically): the entries this build
        used, and earlier ones up to ``keep`` entries per namespace."""
        for store in self._stores.values():
            # A cache that cannot be written only costs speed next time.
            with contextlib.suppress(OSError):
                store.save(keep)
