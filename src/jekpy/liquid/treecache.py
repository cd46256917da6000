"""The ``jekpy`` command's disk cache of parsed Liquid templates.

Parsing a small site's templates -- its layouts, includes and pages; not its posts
and other documents, which are content and many -- is a fifth of its build
(python-liquid's tokenizer and parser, then jekpy's Ruby rules:
:func:`.conditions.rubify`, the blank rule), and gives the same tree at every run.
So the command keeps each parsed tree beside the compiled code of ``_codecache`` (a
``p-`` file per template, the same folder, the same ``JEKPY_CODE_CACHE=0`` switch,
at most :data:`MAX_NEW` new ones per run), pickled, and later runs load it instead
of parsing.

A tree is a pure function of the template's source and of everything that shapes
parsing; each entry holds both, and is used only when both are the same:

* the source text itself (the file is named by a checksum, the entry holds the text);
* the *fingerprint* of the parser: jekpy's and python-liquid's versions, the
  environment's class and settings (``error_mode``...), every registered tag (name,
  class, and the wrapped tag of Ruby's messages) and plugin tag, and the size and
  modification time of every module file of python-liquid and of ``jekpy.liquid``
  (what Python itself checks to reuse byte code), so an edited or upgraded parser
  never meets an old tree.

Only what is safe to keep is kept:

* a parse that raised (errors are reported by parsing) or warned
  (``error_mode: warn``) is never stored, so its messages come at every run;
* an environment with a tag from outside python-liquid and ``jekpy.liquid`` (a
  plugin's own Python tag) keeps nothing;
* a tree is pickled only when made of python-liquid's and ``jekpy.liquid``'s objects,
  plain values and their classes, and holds no object that is a module's or a class's
  own (a shared constant would come back as a copy; tokens, immutable tuples compared
  by value, are the exception: python-liquid's end-of-stream token); anything else
  keeps nothing;
* loading resolves classes of those modules only, and any failure (a missing, broken
  or foreign file) means parsing as usual -- and storing the tree again.

Only the command's code cache (``_codecache.install``) turns this on; the library
parses every time.
"""

from __future__ import annotations

import io
import os
import sys
from binascii import crc32
from types import BuiltinFunctionType, FunctionType, ModuleType
from typing import TYPE_CHECKING, Any

from liquid.builtin.expressions.primitive import Identifier
from liquid.token import Token

from .. import _codecache
from ..support import fastpickle as pickle  # pickle.py not loaded (see there)
from ..support.cache import sha1
from ..version import __version__

if TYPE_CHECKING:
    from collections.abc import Callable

    from liquid.ast import Node

__all__ = ["TreeCache", "kept_trees", "parse_kept"]

#: Modules whose classes a kept tree may hold (and loading may resolve).
_PREFIXES = ("liquid.", "jekpy.liquid.")
_MODULES = frozenset(["liquid", "builtins", "copyreg"])
#: At most this many trees are written by one process (a site of thousands of pages
#: would otherwise rewrite the whole folder at every run).
MAX_NEW = 500

#: cache: the sizes and modification times of python-liquid's and ``jekpy.liquid``'s
#: module files, read once per process (at most one entry)
_PACKAGE_FILES: list[str] = []


def _allowed(module: object) -> bool:
    return isinstance(module, str) and (module in _MODULES or module.startswith(_PREFIXES))


class _Refused(Exception):
    """The tree holds something this cache does not keep."""


def _identifier(value: str, token: Token) -> Identifier:
    """An ``Identifier`` back from the cache (its ``__new__`` takes ``token`` by keyword)."""
    return Identifier(value, token=token)


def _owned_objects() -> set[int]:
    """The ids of the objects python-liquid's and ``jekpy.liquid``'s modules and classes
    hold themselves (constants, sentinels): a tree holding one is not kept."""
    owned: set[int] = set()
    for name, module in list(sys.modules.items()):
        if not isinstance(module, ModuleType) or not _allowed(name):
            continue
        for value in list(module.__dict__.values()):
            owned.add(id(value))
            if isinstance(value, type) and value.__module__ == name:
                owned.update(id(v) for v in list(vars(value).values()))
    return owned


class _Pickler(pickle.Pickler):
    """Pickles a parsed tree, or raises :class:`_Refused`."""

    def __init__(self, file: io.BytesIO, owned: set[int]) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.owned = owned

    def reducer_override(self, obj: Any) -> Any:
        cls = type(obj)
        if cls is Identifier:
            return (_identifier, (str(obj), obj.token))
        if isinstance(obj, type) or cls in (FunctionType, BuiltinFunctionType):
            # kept by name: the very same object comes back
            if not _allowed(getattr(obj, "__module__", None)):
                raise _Refused
            return NotImplemented
        if cls is object or not _allowed(cls.__module__):
            raise _Refused  # (a bare object() is a sentinel: its identity is all it is)
        if id(obj) in self.owned and cls is not Token:
            raise _Refused  # (a token, an immutable tuple, is a value wherever it is)
        return NotImplemented


class _Unpickler(pickle.Unpickler):
    """Loads a kept tree: resolves the classes of python-liquid and ``jekpy.liquid`` only."""

    def find_class(self, module: str, name: str) -> Any:
        if not _allowed(module) or module not in sys.modules:
            raise pickle.UnpicklingError(f"{module}.{name} is not kept here")
        return super().find_class(module, name)


def _files_of(folder: str) -> list[str]:
    """``name:size:mtime`` of every module file below ``folder`` (sorted)."""
    found: list[str] = []
    pending = [folder]
    while pending:
        current = pending.pop()
        with os.scandir(current) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != "__pycache__":
                        pending.append(entry.path)
                elif entry.name.endswith((".py", ".so", ".pyd")):
                    st = entry.stat()
                    found.append(f"{entry.path[len(folder):]}:{st.st_size}:{st.st_mtime_ns}")
    return sorted(found)


def _package_files() -> str:
    """What the parser's code is: every module file of python-liquid and
    ``jekpy.liquid``, with its size and modification time (all of them, loaded or
    not: a module a parse imports later is part of the parser too)."""
    if not _PACKAGE_FILES:
        import liquid

        folders = [os.path.dirname(str(liquid.__file__)), os.path.dirname(__file__)]
        try:
            _PACKAGE_FILES.append("\n".join(line for f in folders for line in _files_of(f)))
        except OSError:
            raise _Refused from None
    return _PACKAGE_FILES[0]


def _tag_classes(tag: object) -> list[type]:
    classes = [type(tag)]
    inner = getattr(tag, "__dict__", {}).get("tag")  # RubyMessages wraps python-liquid's tag
    if inner is not None:
        classes.append(type(inner))
    return classes


class TreeCache:
    """Parsed trees of one environment, kept in the command's code cache."""

    def __init__(self, cache: _codecache.CodeCache) -> None:
        self.cache = cache
        self._snapshot: tuple[object, ...] | None = None
        self._fingerprint: str | None = None
        self._owned: set[int] | None = None
        self.budget = MAX_NEW

    def fingerprint(self, env: Any) -> str | None:
        """A digest of what shapes ``env``'s parsing (see the module docstring), or
        None when its trees are not kept (a tag from elsewhere, an unreadable folder)."""
        snapshot = (
            env.settings, type(env), tuple(env.tags.items()), tuple(env.plugin_tags),
        )
        if snapshot == self._snapshot:
            return self._fingerprint
        self._snapshot = snapshot
        try:
            self._fingerprint = self._make(env)
        except _Refused:
            self._fingerprint = None
        return self._fingerprint

    def _make(self, env: Any) -> str:
        import liquid

        parts = [
            __version__, str(getattr(liquid, "__version__", "")), repr(env.settings),
            f"{type(env).__module__}.{type(env).__qualname__}",
        ]
        for name, tag in sorted(env.tags.items()):
            classes = _tag_classes(tag)
            if not all(_allowed(cls.__module__) for cls in classes):
                raise _Refused  # a plugin's own tag: its parse is its own
            message = getattr(tag, "__dict__", {}).get("message", "")
            named = ",".join(f"{cls.__module__}.{cls.__qualname__}" for cls in classes)
            parts.append(f"{name}={named} {message}")
        parts.append("plugin tags=" + ",".join(sorted(env.plugin_tags)))
        parts.append(_package_files())
        return sha1("\n".join(parts).encode("utf-8", "surrogatepass")).hexdigest()

    def load(self, env: Any, source: str) -> tuple[list[Node] | None, str | None, str]:
        """(the kept tree or None, the fingerprint or None, the entry's file name)."""
        fingerprint = self.fingerprint(env)
        if fingerprint is None:
            return None, None, ""
        data = source.encode("utf-8", "surrogatepass")
        check = crc32(data, crc32(fingerprint.encode("utf-8", "surrogatepass")))
        name = f"p-{check:08x}-{len(data):x}.marshal"
        entry = self.cache.entry(name)
        if (
            isinstance(entry, tuple)
            and len(entry) == 3
            and entry[0] == fingerprint
            and entry[1] == source
            and isinstance(entry[2], bytes)
        ):
            try:
                nodes = _Unpickler(io.BytesIO(entry[2])).load()
            except Exception:  # noqa: BLE001 - a broken entry only means parsing
                return None, fingerprint, name
            if isinstance(nodes, list):
                return nodes, fingerprint, name
        return None, fingerprint, name

    def keep(self, name: str, fingerprint: str, source: str, nodes: list[Node]) -> None:
        """Store a fresh tree (unless it holds something not kept)."""
        if self.budget <= 0:
            return
        self.budget -= 1
        if self._owned is None:
            self._owned = _owned_objects()
        buffer = io.BytesIO()
        try:
            _Pickler(buffer, self._owned).dump(nodes)
        except (_Refused, pickle.PicklingError, TypeError, AttributeError, RecursionError):
            return
        self.cache.keep(name, (fingerprint, source, buffer.getvalue()))


def parse_kept(env: Any, source: str, parse: Callable[[str], list[Node]]) -> list[Node]:
    """``parse(source)``, or the tree a run before kept for this very source and parser.

    ``env`` holds the :class:`TreeCache` (``env.tree_cache``, None when off) and counts
    its warnings (``env.warnings_emitted``): a parse that warned is not kept."""
    trees: TreeCache | None = env.tree_cache
    if trees is None:
        return parse(source)
    nodes, fingerprint, name = trees.load(env, source)
    if nodes is not None:
        return nodes
    warned = env.warnings_emitted
    nodes = parse(source)
    if fingerprint is not None and env.warnings_emitted == warned:
        trees.keep(name, fingerprint, source, nodes)
    return nodes


def kept_trees() -> TreeCache | None:
    """A :class:`TreeCache` for a new environment when the command's code cache is on."""
    cache = _codecache.installed()
    return TreeCache(cache) if cache is not None and cache.directory is not None else None
