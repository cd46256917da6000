"""The ``jekpy`` command's disk cache of compiled Python code.

Two things compile Python source at every run of a small build: ``dataclasses``
(each class's ``__init__``, ``__repr__``, ``__eq__``... are generated as text and
compiled -- some 75 functions for jekpy, python-liquid and mistune, about 15 ms)
and jekpy's Liquid compiler (each template becomes one Python function, 1-3 ms
of ``compile`` per layout or include).  Compiling is a pure function of the text
and the Python build, so the command keeps the code objects on disk, as Python
keeps byte code in ``__pycache__`` and ``_recache.py`` keeps compiled regular
expressions:

* the small generated functions of ``dataclasses`` in one file, read once
  (``functions.v2.marshal``; written at exit when new ones were compiled), with
  the expressions ``typing`` compiles for forward references (``"Path"`` in
  ``list[Union[str, "Path"]]``: the process's first ``compile`` alone costs ~0.7 ms);
* each Liquid template's code in a file of its own, named by a checksum of its
  source (read when that template is compiled; written at once, so that forked
  render workers add theirs too), given the template's file name when read.

The same folder keeps, through :meth:`CodeCache.entry` and :meth:`CodeCache.keep`,
Liquid's parsed templates (``jekpy.liquid.treecache``, ``p-`` files; trimmed with
the templates' code).

Every entry holds the source it was compiled from and is used only when that
source (and mode) is the same, so a checksum collision only means
compiling.  A missing, unreadable or foreign file only means compiling as usual.
The files live in ``$XDG_CACHE_HOME/jekpy/code-<python build>/`` (default
``~/.cache``); ``JEKPY_CODE_CACHE=0`` turns the cache off.

Only the command installs it (:func:`install`, from ``cli/launch.py``); the
library never changes ``dataclasses`` in the program that imports it, and
:func:`compile_code` then simply compiles.
"""

from __future__ import annotations

import atexit
import contextlib
import marshal
import os
import sys
from binascii import crc32
from types import CodeType, ModuleType
from typing import Any

from ._recache import command_cache_path, replace_file

__all__ = ["CodeCache", "cache_dir", "compile_code", "install", "installed", "renamed"]

#: At most this many small functions are kept in the shared file.
MAX_FUNCTIONS = 2000
#: At most this many template files are kept (the oldest go first).
MAX_FILES = 3000
#: The files counted by MAX_FILES: templates' code and parsed templates.
_PREFIXES = ("t-", "p-")

#: cache: the command's code cache once installed (at most one entry); what it
#: returns is a pure function of the source text, as ``compile`` is.
_INSTALLED: list[CodeCache] = []

#: (file name, mode, source), compiled with dont_inherit=True
Key = tuple[str, str, str]


def cache_dir() -> str | None:
    """Where this Python build's code is kept, or None when turned off."""
    tag = f"{sys.implementation.cache_tag}-{sys.hexversion:x}-{crc32(sys.version.encode()):08x}"
    return command_cache_path("JEKPY_CODE_CACHE", f"code-{tag}")


def _compile(source: str, filename: str, dont_inherit: bool, mode: str = "exec") -> CodeType:
    # This module has ``from __future__ import annotations``, as the Liquid
    # compiler's has: code compiled for it inherits that flag, as it did there.
    return compile(source, filename, mode, dont_inherit=dont_inherit)


class CodeCache:
    """Code objects by (file name, flags, source), kept in ``directory``."""

    def __init__(self, directory: str | None) -> None:
        self.directory = directory
        self.functions: dict[Key, CodeType] = self._read_functions()
        self.added = 0
        self.owner = os.getpid()
        self.trimmed = False  # the folder is trimmed once per process, at its first write

    def _functions_file(self) -> str | None:
        return os.path.join(self.directory, "functions.v2.marshal") if self.directory else None

    def _read_functions(self) -> dict[Key, CodeType]:
        path = self._functions_file()
        table = None if path is None else _load(path)
        return table if isinstance(table, dict) else {}

    def function(self, source: str, filename: str = "<string>", mode: str = "exec") -> CodeType:
        """``compile(source, filename, mode, dont_inherit=True)``, from the shared file
        when it was compiled before (the functions ``dataclasses`` generates, the
        expressions of ``typing``'s forward references)."""
        key = (filename, mode, source)
        code = self.functions.get(key)
        if code is None:
            code = _compile(source, filename, True, mode)
            if len(self.functions) < MAX_FUNCTIONS:
                self.functions[key] = code
                self.added += 1
        return code

    def template(self, source: str, filename: str) -> CodeType:
        """``compile(source, filename, "exec")``, from the template's own file when it
        was compiled before, else compiled and saved there at once."""
        if self.directory is None:
            return _compile(source, filename, False)
        # Named by the source only: an include's file name is its absolute path, so
        # a copy of the site elsewhere (a fresh checkout, a benchmark's scratch
        # folder) and two templates compiling to the same source (``page.html`` and
        # ``post.html`` both "content, newline") share the entry, renamed on the way.
        data = source.encode("utf-8", "surrogatepass")
        path = os.path.join(self.directory, f"t-{crc32(data):08x}-{len(data):x}.marshal")
        entry = _load(path)
        if (
            isinstance(entry, tuple)
            and len(entry) == 3
            and entry[1] == source
            and isinstance(entry[2], CodeType)
        ):
            return renamed(entry[2], filename)
        code = _compile(source, filename, False)
        self._write(path, (filename, source, code), trim=True)
        return code

    def entry(self, name: str) -> Any:
        """The value kept under ``name`` in the folder (marshalled), or None: for
        other caches of the command's code layers (Liquid's parsed templates)."""
        if self.directory is None:
            return None
        return _load(os.path.join(self.directory, name))

    def keep(self, name: str, value: Any) -> None:
        """Keep ``value`` (marshallable) under ``name``, a ``t-`` or ``p-`` file name
        ending in ``.marshal`` (counted and trimmed with the templates' code)."""
        if self.directory is not None:
            self._write(os.path.join(self.directory, name), value, trim=True)

    def _write(self, path: str, value: Any, *, trim: bool = False) -> None:
        if trim and not self.trimmed:
            self.trimmed = True
            with contextlib.suppress(OSError):  # (no folder yet: nothing to trim)
                self._trim()
        replace_file(path, lambda: marshal.dumps(value))

    def _trim(self) -> None:
        """Keep the folder under :data:`MAX_FILES` template files (the oldest go)."""
        assert self.directory is not None
        with os.scandir(self.directory) as entries:
            files = [e for e in entries if e.name[:2] in _PREFIXES and e.name.endswith(".marshal")]
        if len(files) < MAX_FILES:
            return
        files.sort(key=lambda e: e.stat().st_mtime)
        for entry in files[: len(files) - MAX_FILES + 1]:
            with contextlib.suppress(OSError):
                os.unlink(entry.path)

    def save(self) -> None:
        """Write the shared file if this process compiled new functions (not a worker)."""
        path = self._functions_file()
        if path is None or not self.added or os.getpid() != self.owner:
            return
        table = self._read_functions()  # another run may have saved meanwhile
        for key, code in self.functions.items():
            if len(table) >= MAX_FUNCTIONS:
                break
            table.setdefault(key, code)
        self._write(path, table)
        self.added = 0


def renamed(code: CodeType, filename: str) -> CodeType:
    """``code`` as compiled under ``filename``: the same code, its ``co_filename``
    (and its nested functions') changed."""
    if code.co_filename == filename:
        return code
    consts = tuple(
        renamed(const, filename) if isinstance(const, CodeType) else const
        for const in code.co_consts
    )
    return code.replace(co_filename=filename, co_consts=consts)


def _load(path: str) -> Any:
    """The value marshalled in ``path``, or None when it cannot be read."""
    try:
        with open(path, "rb") as handle:
            return marshal.loads(handle.read())  # (marshal.load(file) reads in bites)
    except (OSError, EOFError, ValueError, TypeError):
        return None


def installed() -> CodeCache | None:
    """The command's code cache, or None (the library, or the cache turned off)."""
    return _INSTALLED[0] if _INSTALLED else None


def compile_code(source: str, filename: str) -> CodeType:
    """``compile(source, filename, "exec")`` for the Liquid compiler: from the
    command's code cache when it is installed."""
    if _INSTALLED:
        return _INSTALLED[0].template(source, filename)
    return _compile(source, filename, False)


def _cached_exec(cache: CodeCache) -> Any:
    """An ``exec`` for ``dataclasses``: source text compiled through ``cache``."""
    builtin_exec = exec

    def exec_(source: Any, globals: Any = None, locals: Any = None, /) -> None:  # noqa: A002
        if isinstance(source, str):
            source = cache.function(source)
        builtin_exec(source, globals, locals)  # noqa: S102 - dataclasses' own generated code

    return exec_


def _cached_compile(cache: CodeCache) -> Any:
    """A ``compile`` for ``typing`` (its forward references): through ``cache``.
    ``typing`` has no ``__future__`` flags to inherit, so dont_inherit=True gives
    the code its own call gives."""
    builtin_compile = compile

    def compile_(source: Any, filename: Any, mode: str, *args: Any, **kwargs: Any) -> Any:
        if not args and not kwargs and isinstance(source, str) and isinstance(filename, str):
            return cache.function(source, filename, mode)
        return builtin_compile(source, filename, mode, *args, **kwargs)

    return compile_


def install(dataclasses: ModuleType | None = None) -> CodeCache | None:
    """Serve compiled code from the disk for the rest of the process: the Liquid
    compiler's, ``dataclasses``' (``exec`` in that module's namespace) and
    ``typing``'s forward references (``compile`` in that module's namespace)."""
    directory = cache_dir()
    if directory is None or _INSTALLED:
        return None
    if dataclasses is None:
        import dataclasses as dataclasses_module

        dataclasses = dataclasses_module
    cache = CodeCache(directory)
    _INSTALLED.append(cache)
    if "exec" not in vars(dataclasses):  # its functions are made by exec(text, ...)
        dataclasses.exec = _cached_exec(cache)  # type: ignore[attr-defined]
    import typing

    if "compile" not in vars(typing):  # ForwardRef("Path") compiles "Path"
        typing.compile = _cached_compile(cache)  # type: ignore[attr-defined]
    atexit.register(cache.save)
    return cache
