"""The ``jekpy`` command's disk cache of compiled regular expressions.

Compiling a regular expression is pure Python work in the standard library
(parsing, then :func:`re._compiler._code`), and patterns with wide Unicode
ranges are slow to compile: ``[\\u0080-\\uFFFF...]`` walks 65,000 characters.
jekpy, python-liquid, PyYAML and the rest compile about 340 patterns before a
small site's first page is written -- some 36 ms, a fifth of such a build.

The compiler's output is a list of integers that is a pure function of the
pattern, its flags and the Python build, so the command keeps it on disk, as
Python keeps byte code in ``__pycache__``: the next run hands the stored code
straight to ``_sre.compile`` and gets the very same pattern object (patterns
compare equal when their compiled code does; ``tests/perf/test_recache.py``
checks it).  The file is keyed by the Python build (``sys.version``, the
regex engine's ``MAGIC``) and lives in ``$XDG_CACHE_HOME/jekpy`` (default
``~/.cache/jekpy``); ``JEKPY_REGEX_CACHE=0`` turns it off.  A missing,
unreadable, stale or unwritable file only means compiling as usual.

Only the command installs it (it owns its process, as with ``gc.freeze``); the
library never changes the :mod:`re` module of the program that imports it.
"""

from __future__ import annotations

import atexit
import contextlib
import marshal
import os
import re
import sys
import warnings
from array import array
from binascii import crc32
from collections.abc import Callable
from importlib import import_module
from typing import Any

__all__ = ["MAX_ENTRIES", "RegexCache", "cache_file", "command_cache_path", "install", "replace_file"]

#: At most this many patterns are kept (patterns built from input text would
#: otherwise grow the file without bound); later ones are compiled as usual.
MAX_ENTRIES = 6000

# The standard library's private compiler modules (untyped here on purpose).
_compiler_mod: Any = getattr(re, "_compiler", None) or import_module("sre_compile")
_parser_mod: Any = getattr(re, "_parser", None) or import_module("sre_parse")
_sre: Any = import_module("_sre")

#: (final flags, code as array('I') bytes, groups, group index, index group)
Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
Key = tuple[str | bytes, int]


def command_cache_path(switch: str, name: str) -> str | None:
    """``$XDG_CACHE_HOME/jekpy/NAME`` (default ``~/.cache``), or None when the
    environment variable ``switch`` turns that cache off or the base is not absolute."""
    if os.environ.get(switch, "1").strip().lower() in {"0", "off", "no", "false"}:
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    if not os.path.isabs(base):
        return None
    return os.path.join(base, "jekpy", name)


def cache_file() -> str | None:
    """Where this Python build's patterns are kept, or None when turned off."""
    tag = f"{sys.hexversion:x}-{_sre.MAGIC}-{crc32(sys.version.encode()):08x}"
    return command_cache_path("JEKPY_REGEX_CACHE", f"regex-{tag}.v2.marshal")  # v2: indexed


class RegexCache:
    """Compiled pattern code by (pattern, flags), read from and saved to ``path``.

    The file is an index -- a checksum of each pattern and its flags -> where its
    entry lies -- then the entries, each marshalled on its own: a run decodes only
    the entries of the patterns it compiles (a small site uses ~340 of the
    thousands a machine's runs gather), and every entry holds its pattern, so a
    checksum collision only means compiling.
    """

    def __init__(self, path: str | None) -> None:
        self.path = path
        self._index: dict[int, int] = {}
        self._blob = memoryview(b"")
        self._read()
        #: entries compiled by this process (saved at exit)
        self.new: dict[Key, Entry] = {}
        self.added = 0
        self.owner = os.getpid()

    def _read(self) -> None:
        if self.path is None:
            return
        try:
            with open(self.path, "rb") as handle:
                data = memoryview(handle.read())  # (marshal.load(file) reads in small bites)
            size = int.from_bytes(data[:8], "little")
            index = marshal.loads(data[8 : 8 + size])
        except (OSError, EOFError, ValueError, TypeError):
            return
        if isinstance(index, dict):
            self._index = index
            self._blob = data[8 + size :]

    def _decode(self, where: int) -> Any:
        """The ``(key, entry)`` stored at ``where`` (offset << 32 | length), or None."""
        try:
            return marshal.loads(self._blob[where >> 32 : (where >> 32) + (where & 0xFFFFFFFF)])
        except (EOFError, ValueError, TypeError):
            return None

    def _stored(self, key: Key) -> Entry | None:
        """``key``'s entry in the file read, or None."""
        where = self._index.get(_checksum(key))
        stored = None if where is None else self._decode(where)
        if not (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == key):
            return None
        entry: Entry = stored[1]
        return entry

    @property
    def table(self) -> dict[Key, Entry]:
        """Every entry: the file's (all decoded) and this process's."""
        table: dict[Key, Entry] = {}
        for where in self._index.values():
            stored = self._decode(where)
            if isinstance(stored, tuple) and len(stored) == 2:
                table[stored[0]] = stored[1]
        table.update(self.new)
        return table

    def compile(self, pattern: str | bytes, flags: int) -> re.Pattern[Any]:
        """What ``re._compiler.compile(pattern, flags)`` returns, from the table if known."""
        flags = int(flags)
        key = (pattern, flags)
        entry = self.new.get(key) or self._stored(key)
        if entry is not None:
            final, stored, groups, names, index = entry
            return _sre.compile(  # type: ignore[no-any-return]
                pattern, final, array("I", stored).tolist(), groups, names, index
            )
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            parsed = _parser_mod.parse(pattern, flags)
        for warning in caught:  # as if compiled normally; such patterns are not kept
            warnings.warn_explicit(warning.message, warning.category, warning.filename,
                                   warning.lineno)
        code = _compiler_mod._code(parsed, flags)
        state = parsed.state
        groupindex = dict(state.groupdict)
        indexgroup: list[str | None] = [None] * state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        entry = (flags | state.flags, array("I", code).tobytes(), state.groups - 1,
                 groupindex, tuple(indexgroup))
        if not caught and len(self._index) + len(self.new) < MAX_ENTRIES:
            self.new[key] = entry
            self.added += 1
        return _sre.compile(  # type: ignore[no-any-return]
            pattern, entry[0], code, entry[2], groupindex, entry[4]
        )

    def save(self) -> None:
        """Write the table if this process added patterns (forked workers never write)."""
        if self.path is None or not self.added or os.getpid() != self.owner:
            return
        table = RegexCache(self.path).table  # another run may have saved meanwhile
        for key, entry in self.new.items():
            if len(table) >= MAX_ENTRIES:
                break
            table.setdefault(key, entry)
        replace_file(self.path, lambda: _pack(table))
        self.added = 0


def replace_file(path: str, data: Callable[[], bytes]) -> None:
    """Write ``data()`` to ``path`` through a temporary file renamed over it (its
    folder made if needed).  A failure -- no room, no rights, a value marshal cannot
    store (ValueError) -- leaves ``path`` as it was and is ignored: a cache is only
    a cache."""
    temp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temp, "wb") as handle:
            handle.write(data())
        os.replace(temp, path)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            os.unlink(temp)


def _checksum(key: Key) -> int:
    """A checksum of (pattern, flags): the index's key."""
    pattern, flags = key
    data = pattern.encode("utf-8", "surrogatepass") if isinstance(pattern, str) else pattern
    return (crc32(data) << 32) | (flags << 1) | isinstance(pattern, str)


def _pack(table: dict[Key, Entry]) -> bytes:
    """The file's bytes: the index's length, the index, the entries."""
    index: dict[int, int] = {}
    parts: list[bytes] = []
    offset = 0
    for key, entry in table.items():
        checksum = _checksum(key)
        if checksum in index:  # a collision: the first pattern keeps the place
            continue
        part = marshal.dumps((key, entry))
        index[checksum] = (offset << 32) | len(part)
        parts.append(part)
        offset += len(part)
    head = marshal.dumps(index)
    return b"".join([len(head).to_bytes(8, "little"), head, *parts])


def _usable() -> bool:
    """The running Python compiles as this module expects (else: leave ``re`` alone)."""
    if array("I").itemsize != _sre.CODESIZE or not hasattr(_compiler_mod, "_code"):
        return False
    probe = r"(?P<a>[\u0100-\u01ff]+)|b(?i:c)"
    try:
        return bool(RegexCache(None).compile(probe, 0) == _compiler_mod.compile(probe, 0))
    except Exception:  # noqa: BLE001 - any surprise means: do not install
        return False


def install() -> RegexCache | None:
    """Serve ``re``'s compilations from the disk cache for the rest of the process."""
    path = cache_file()
    if path is None or hasattr(_compiler_mod.compile, "jekpy_cache"):
        return None
    if not _usable():
        return None
    cache = RegexCache(path)
    original: Callable[..., Any] = _compiler_mod.compile

    debug = int(re.DEBUG)  # (an int: ``int & RegexFlag`` runs enum's Python __rand__)

    def compile(p: Any, flags: int = 0) -> Any:  # noqa: A001 - re._compiler's name
        if isinstance(p, (str, bytes)) and not flags & debug:
            return cache.compile(p, flags)
        return original(p, flags)

    compile.jekpy_cache = cache  # type: ignore[attr-defined]
    _compiler_mod.compile = compile
    atexit.register(cache.save)
    return cache
