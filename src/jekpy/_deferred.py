"""Defer the heavy imports python-liquid makes for features jekpy never uses.

``import liquid`` loads asyncio (for its async template loaders), pytz, dateutil
and parts of Babel (for its optional "extra" filters and its own ``date``
filter): about 25 ms of start-up that jekpy, which renders synchronously and has
its own date filters, never uses.  While the ``liquid`` package itself is being
imported, those modules are created *deferred*: they are put in ``sys.modules``
at once but their code runs on the first access to one of their attributes,
which for jekpy is never.  Code that does use them later (``asyncio.run(...)``)
gets the real module transparently.

Two of python-liquid's own modules go further: ``liquid.extra`` (its optional
tags and filters, which load Babel, pytz and dateutil) and ``liquid.messages``
(its translation-message extraction, which loads Babel's catalog and dates,
whose import looks up the system's time zone).  ``liquid`` and
``liquid.environment`` take names from them with ``from ... import``, which would
load them at once; while ``liquid`` is being imported, those names are *stand-ins*
instead.  Once the import is over, a stand-in left in a module's namespace loads
the real module when it is called (``Environment(extra=True)``), and the
``liquid`` package itself gets a module ``__getattr__`` that returns the real
objects (``liquid.MessageTuple``, ``from liquid import extract_from_template``).
Its template analysis (``liquid.static_analysis`` and ``liquid.analyze_tags``,
with ``liquid.span``) and its "future" environment (``liquid.future``) are
stand-ins the same way: names used only in annotations or called inside methods
(``BoundTemplate.analyze``, ``Environment.analyze_tags``), never by a build.
So are python-liquid's own filter modules: its ``Environment`` registers those
filters and jekpy's replaces every one; a stand-in also loads its module when an
attribute is read (python-liquid reads a filter's ``with_environment``), so
``liquid.render`` and plain python-liquid environments get the real filters.

Only modules imported *during python-liquid's own import* are deferred, and only
when python-liquid is imported after jekpy; everything else imports normally.
(:class:`importlib.util.LazyLoader` does not do here: before Python 3.12 a second
``import asyncio`` statement already loads the module.)
"""

from __future__ import annotations

import sys
from _thread import RLock
from collections.abc import Sequence
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from importlib.abc import Loader
    from importlib.machinery import ModuleSpec

__all__ = ["DEFERRED", "install", "partial_package"]

#: Modules python-liquid imports at start-up that jekpy does not use.
DEFERRED = frozenset(
    ["asyncio", "importlib_resources", "pytz", "dateutil.parser", "babel.numbers", "babel.units"]
)

#: python-liquid's own filters: registered by its ``Environment`` and all replaced
#: by jekpy's (``liquid.render`` and ``liquid.Environment`` still get the real ones
#: when they call them or read their attributes).
FILTER_MODULES = ("array", "extra", "math", "misc", "string")

#: python-liquid's modules whose names ``liquid`` and ``liquid.environment`` import
#: are stand-ins until used (see the module docstring).
STAND_INS = frozenset(
    ["liquid.extra", "liquid.messages", "liquid.static_analysis", "liquid.analyze_tags",
     "liquid.future", *(f"liquid.builtin.filters.{name}" for name in FILTER_MODULES)]
)

_LOCK = RLock()


class _StandIn:
    """Stands for ``module.name`` until called or read: then loads the module and
    calls the real object (or reads its attribute: a filter's ``with_environment``)."""

    def __init__(self, module: str, name: str) -> None:
        self.module = module
        self.name = name

    def resolve(self) -> Any:
        return getattr(import_module(self.module), self.name)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.resolve()(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        # Dunder probes (typing's on annotations, copy, pickle) do not load anything.
        if name.startswith("__") or name in ("module", "name"):
            raise AttributeError(name)
        return getattr(self.resolve(), name)

    def __repr__(self) -> str:
        return f"<deferred {self.module}.{self.name}>"


def _package_getattr(package: ModuleType, names: dict[str, _StandIn]) -> Any:
    """A module ``__getattr__`` for ``package``: its stand-in names, loaded on first use."""

    def __getattr__(name: str) -> Any:
        stand_in = names.get(name)
        if stand_in is None:
            raise AttributeError(f"module {package.__name__!r} has no attribute {name!r}")
        value = stand_in.resolve()
        setattr(package, name, value)
        return value

    return __getattr__


class _DeferredModule(ModuleType):
    """A module whose code runs on the first access to a missing attribute."""

    def __getattr__(self, name: str) -> Any:
        with _LOCK:
            if self.__dict__.get("_jekpy_stand_ins"):
                if name.startswith("__"):  # e.g. ``__path__``: not a package for now
                    raise AttributeError(name)
                return _StandIn(self.__name__, name)
            if type(self) is _DeferredModule:
                state = self.__dict__.get("_jekpy_deferred")
                if state is None:  # still being set up by the import system
                    raise AttributeError(name)
                loader, path = state
                del self.__dict__["_jekpy_deferred"]
                self.__dict__.pop("_jekpy_stand_ins", None)
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

    def __init__(self, loader: Loader, *, stand_ins: bool = False) -> None:
        self.loader = loader
        self.stand_ins = stand_ins

    def create_module(self, spec: ModuleSpec) -> ModuleType:
        return _DeferredModule(spec.name)

    def exec_module(self, module: ModuleType) -> None:
        # Hide ``__path__`` until loaded: importing a submodule reads it, which
        # then loads the package first, as a normal import would.
        path = module.__dict__.pop("__path__", None)
        module.__dict__["_jekpy_deferred"] = (self.loader, path)
        if self.stand_ins:
            module.__dict__["_jekpy_stand_ins"] = True


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
            _settle_stand_ins(module)


def _settle_stand_ins(package: ModuleType) -> None:
    """After ``liquid``'s import: stand-ins stop being handed out; those the package
    holds are served by a module ``__getattr__``, the others stay callable."""
    for name in STAND_INS:
        deferred = sys.modules.get(name)
        if deferred is not None:
            deferred.__dict__.pop("_jekpy_stand_ins", None)
    names = {
        key: value for key, value in vars(package).items() if isinstance(value, _StandIn)
    }
    if names and "__getattr__" not in vars(package):
        for key in names:
            delattr(package, key)
        package.__getattr__ = _package_getattr(package, names)  # type: ignore[method-assign]


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
        if self.active and (fullname in DEFERRED or fullname in STAND_INS):
            spec = self._real_spec(fullname, path, target)
            if spec is not None and spec.loader is not None and hasattr(spec.loader, "exec_module"):
                spec.loader = _DeferredLoader(  # type: ignore[assignment]
                    spec.loader, stand_ins=fullname in STAND_INS
                )
            return spec
        return None


class _PartialPackage(ModuleType):
    """A package whose submodules import on their own, while its own code (its
    ``__init__``) runs on the first access to a name the package lacks."""

    def __getattr__(self, name: str) -> Any:
        with _LOCK:
            if type(self) is _PartialPackage:
                loader = self.__dict__.pop("_jekpy_partial", None)
                if loader is None:
                    raise AttributeError(name)
                self.__class__ = ModuleType  # type: ignore[assignment]
                loader.exec_module(self)
        return ModuleType.__getattribute__(self, name)


def partial_package(name: str) -> None:
    """Make ``name`` (a package not imported yet) importable piecewise: importing
    ``name.sub`` loads that submodule (and what it imports) only, and the package's
    own ``__init__`` runs when one of its names is first used.

    jekpy's Markdown parsers subclass mistune's ``BlockParser`` and ``InlineParser``
    and use nothing else of it; mistune's ``__init__`` also imports its renderers,
    plugins and ``Markdown`` class and builds a ready-made ``mistune.html`` parser
    (~2 ms) -- code that now runs only for whoever uses those (``mistune.html(...)``,
    ``from mistune import create_markdown`` work as before).
    """
    if name in sys.modules:
        return
    from importlib.machinery import PathFinder

    spec = PathFinder.find_spec(name)
    if (
        spec is None
        or spec.loader is None
        or not hasattr(spec.loader, "exec_module")
        or spec.submodule_search_locations is None
    ):
        return
    module = _PartialPackage(name)
    module.__spec__ = spec
    module.__loader__ = spec.loader
    module.__package__ = name
    module.__path__ = list(spec.submodule_search_locations)
    if spec.has_location and spec.origin is not None:
        module.__file__ = spec.origin
        if spec.cached is not None:
            module.__dict__["__cached__"] = spec.cached
    module.__dict__["_jekpy_partial"] = spec.loader
    sys.modules[name] = module


def install() -> None:
    """Defer python-liquid's unused imports, unless it is already imported."""
    if "liquid" in sys.modules or any(isinstance(f, _DeferFinder) for f in sys.meta_path):
        return
    sys.meta_path.insert(0, _DeferFinder())
