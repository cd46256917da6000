"""Defer the heavy imports python-liquid makes for features jekpy never uses.

``import liquid`` loads asyncio (for its async template loaders), pytz, dateutil
and parts of Babel (for its optional "extra" filters and its own ``date``
filter): about 25 ms of start-up that jekpy, which renders synchronously and has
its own date filters, never uses.  While the ``liquid`` package itself is being
imported, those modules are created *deferred*: they are put in ``sys.modules``
at once but their code runs on the first access to one of their attributes,
which for jekpy is never.  Code that does use them later (``asyncio.run(...)``)
gets the real module transparently.

Only modules imported *during python-liquid's own import* are deferred, and only
when python-liquid is imported after jekpy; everything else imports normally.
(:class:`importlib.util.LazyLoader` does not do here: before Python 3.12 a second
``import asyncio`` statement already loads the module.)
"""

from __future__ import annotations

import sys
from _thread import RLock
from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from importlib.abc import Loader
    from importlib.machinery import ModuleSpec

__all__ = ["DEFERRED", "install"]

#: Modules python-liquid imports at start-up that jekpy does not use.
DEFERRED = frozenset(
    ["asyncio", "importlib_resources", "pytz", "dateutil.parser", "babel.numbers", "babel.units"]
)

_LOCK = RLock()


class _DeferredModule(ModuleType):
    """A module whose code runs on the first access to a missing attribute."""

    def __getattr__(self, name: str) -> Any:
        with _LOCK:
            if type(self) is _DeferredModule:
                state = self.__dict__.get("_jekpy_deferred")
                if state is None:  # still being set up by the import system
                    raise AttributeError(name)
                loader, path = state
                del self.__dict__["_jekpy_deferred"]
                self.__class__ = ModuleType  # type: ignore[assignment]
                if path is not None:
                    self.__path__ = path
                self.__loader__ = loader
                if self.__spec__ is not None:
                    self.__spec__.loader = loader
                loader.exec_module(self)
        return ModuleType.__getattribute__(self, name)


class _DeferredLoader:
    """Creates a :class:`_DeferredModule`; the real loader runs on first use."""

    def __init__(self, loader: Loader) -> None:
        self.loader = loader

    def create_module(self, spec: ModuleSpec) -> ModuleType:
        return _DeferredModule(spec.name)

    def exec_module(self, module: ModuleType) -> None:
        # Hide ``__path__`` until loaded: importing a submodule reads it, which
        # then loads the package first, as a normal import would.
        path = module.__dict__.pop("__path__", None)
        module.__dict__["_jekpy_deferred"] = (self.loader, path)


class _LiquidImport:
    """Wraps the loader of the ``liquid`` package: runs it with deferral on."""

    def __init__(self, finder: _DeferFinder, loader: Loader) -> None:
        self.finder = finder
        self.loader = loader

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return self.loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        # Hand the package its own loader back before its code runs.
        module.__loader__ = self.loader
        if module.__spec__ is not None:
            module.__spec__.loader = self.loader
        self.finder.active = True
        try:
            self.loader.exec_module(module)
        finally:
            self.finder.active = False
            self.finder.remove()


class _DeferFinder:
    """One-shot finder: wraps ``liquid``'s import, defers ``DEFERRED`` during it."""

    def __init__(self) -> None:
        self.active = False

    def remove(self) -> None:
        if self in sys.meta_path:
            sys.meta_path.remove(self)

    def _real_spec(
        self, name: str, path: Sequence[str] | None, target: ModuleType | None
    ) -> ModuleSpec | None:
        for finder in sys.meta_path:
            find_spec = getattr(finder, "find_spec", None)
            if finder is self or find_spec is None:
                continue
            spec: ModuleSpec | None = find_spec(name, path, target)
            if spec is not None:
                return spec
        return None

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname == "liquid" and not self.active:
            spec = self._real_spec(fullname, path, target)
            if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
                self.remove()
                return spec
            spec.loader = _LiquidImport(self, spec.loader)  # type: ignore[assignment]
            return spec
        if self.active and fullname in DEFERRED:
            spec = self._real_spec(fullname, path, target)
            if spec is not None and spec.loader is not None and hasattr(spec.loader, "exec_module"):
                spec.loader = _DeferredLoader(spec.loader)  # type: ignore[assignment]
            return spec
        return None


def install() -> None:
    """Defer python-liquid's unused imports, unless it is already imported."""
    if "liquid" in sys.modules or any(isinstance(f, _DeferFinder) for f in sys.meta_path):
        return
    sys.meta_path.insert(0, _DeferFinder())
