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
So is its ``liquid.utils.html`` (``strip_tags``, an ``html.parser`` parser for
its ``strip_html`` filter, which jekpy's replaces).  So are python-liquid's own
filter modules: its ``Environment`` registers those
filters and jekpy's replaces every one; a stand-in also loads its module when an
attribute is read (python-liquid reads a filter's ``with_environment``), so
``liquid.render`` and plain python-liquid environments get the real filters.

Only modules imported *during python-liquid's own import* are deferred, and only
when python-liquid is imported after jekpy; everything else imports normally.

The ``jekpy`` command (not the library) also imports ``dataclasses`` with its
:mod:`inspect` deferred, see :func:`import_dataclasses`.
(:class:`importlib.util.LazyLoader` does not do here: before Python 3.12 a second
``import asyncio`` statement already loads the module.)
"""

from __future__ import annotations

import sys
from _thread import RLock
from collections.abc import Sequence
from importlib import import_module
from types import FunctionType, ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from importlib.abc import Loader
    from importlib.machinery import ModuleSpec

__all__ = [
    "DATACLASSES_DEFERRED",
    "DEFERRED",
    "DataclassInspect",
    "dataclass_signature",
    "import_dataclasses",
    "import_deferring",
    "install",
    "partial_package",
]

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
     "liquid.future", "liquid.utils.html",
     *(f"liquid.builtin.filters.{name}" for name in FILTER_MODULES)]
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


class _WatchedImport:
    """Wraps the loader of the watched package (``liquid``, ``dataclasses``): runs
    it with deferral on."""

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
            if self.finder.stand_ins:
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
    """One-shot finder: wraps ``package``'s import, defers ``deferred`` (and makes
    stand-ins of ``stand_ins``) during it."""

    def __init__(
        self,
        package: str = "liquid",
        deferred: frozenset[str] = DEFERRED,
        stand_ins: frozenset[str] = STAND_INS,
    ) -> None:
        self.active = False
        self.package = package
        self.deferred = deferred
        self.stand_ins = stand_ins

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
        if fullname == self.package and not self.active:
            spec = self._real_spec(fullname, path, target)
            if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
                self.remove()
                return spec
            spec.loader = _WatchedImport(self, spec.loader)  # type: ignore[assignment]
            return spec
        if self.active and (fullname in self.deferred or fullname in self.stand_ins):
            spec = self._real_spec(fullname, path, target)
            if spec is not None and spec.loader is not None and hasattr(spec.loader, "exec_module"):
                spec.loader = _DeferredLoader(  # type: ignore[assignment]
                    spec.loader, stand_ins=fullname in self.stand_ins
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
    if "liquid" in sys.modules or any(
        isinstance(f, _DeferFinder) and f.package == "liquid" for f in sys.meta_path
    ):
        return
    sys.meta_path.insert(0, _DeferFinder())


def import_deferring(name: str, deferred: frozenset[str]) -> ModuleType:
    """Import module ``name`` with the modules ``deferred`` that it imports (and
    that are not imported yet) deferred: created, and run on first use."""
    module = sys.modules.get(name)
    if module is not None:
        return module
    finder = _DeferFinder(name, deferred - sys.modules.keys(), frozenset())
    sys.meta_path.insert(0, finder)
    try:
        return import_module(name)
    finally:
        finder.remove()


#: What ``dataclasses`` imports that the command defers (see :func:`import_dataclasses`).
DATACLASSES_DEFERRED = frozenset(["inspect"])


def import_dataclasses() -> ModuleType:
    """``import dataclasses`` for the ``jekpy`` command, without :mod:`inspect`.

    ``dataclasses`` imports :mod:`inspect` (which imports ``ast``, ``dis``,
    ``tokenize`` and ``linecache``: ~5 ms, a twentieth of a small site's build)
    only to write the ``__doc__`` of a class that has none, from
    ``inspect.signature(cls)``.  Here :mod:`inspect` is deferred during that import
    (it loads on first use, by anyone), and ``dataclasses`` gets
    :class:`DataclassInspect` in its place, which writes that text itself when the
    class is a plain dataclass and asks :mod:`inspect` otherwise.  Nothing changes
    when ``dataclasses`` or :mod:`inspect` is already imported."""
    fresh = "dataclasses" not in sys.modules and "inspect" not in sys.modules
    module = import_deferring("dataclasses", DATACLASSES_DEFERRED)
    if fresh and type(vars(module).get("inspect")) is _DeferredModule:
        module.inspect = DataclassInspect()  # type: ignore[attr-defined]
    return module


class DataclassInspect:
    """Stands for :mod:`inspect` in ``dataclasses``: :meth:`signature`, and every
    other name from the real module."""

    def signature(self, obj: Any) -> Any:
        """``inspect.signature(obj)`` -- its text, for a plain dataclass."""
        text = dataclass_signature(obj)
        if text is not None:
            return text
        import inspect

        return inspect.signature(obj)

    def __getattr__(self, name: str) -> Any:
        import inspect

        return getattr(inspect, name)


_CO_VARARGS = 0x04  # inspect.CO_VARARGS
_CO_VARKEYWORDS = 0x08  # inspect.CO_VARKEYWORDS


def dataclass_signature(cls: object) -> str | None:
    """``str(inspect.signature(cls))`` for a class whose own ``__init__`` is a plain
    function (as ``dataclasses`` writes it) with no positional-only or variable
    parameters, string annotations (``from __future__ import annotations``) and
    None as return annotation, and nothing that changes what :mod:`inspect` reads
    (a metaclass, ``__new__``, ``__signature__``, ``__wrapped__``); None for
    anything else (ask :mod:`inspect`)."""
    if type(cls) is not type:
        return None
    own = vars(cls)
    init = own.get("__init__")
    if (
        type(init) is not FunctionType
        or "__new__" in own
        or any(hasattr(x, name) for x in (cls, init)
               for name in ("__signature__", "__wrapped__", "_partialmethod"))
    ):
        return None
    code = init.__code__
    if code.co_posonlyargcount or code.co_flags & (_CO_VARARGS | _CO_VARKEYWORDS):
        return None
    annotations = init.__annotations__
    if any(type(v) is not str for k, v in annotations.items() if k != "return"):
        return None
    if annotations.get("return", None) is not None:
        return None
    positional = code.co_argcount
    if positional < 1:
        return None
    names = code.co_varnames[: positional + code.co_kwonlyargcount]
    defaults = init.__defaults__ or ()
    kwdefaults = init.__kwdefaults__ or {}
    first_default = positional - len(defaults)
    parts: list[str] = []
    for index, name in enumerate(names):
        if index == 0:
            continue  # self: the class's signature is the bound method's
        if index == positional:
            parts.append("*")
        text = name
        annotated = name in annotations
        if annotated:
            text += f": {annotations[name]!r}"
        if index < positional and index >= first_default:
            default: Any = defaults[index - first_default]
        elif index >= positional and name in kwdefaults:
            default = kwdefaults[name]
        else:
            parts.append(text)
            continue
        text += f" = {default!r}" if annotated else f"={default!r}"
        parts.append(text)
    result = f"({', '.join(parts)})"
    return result + " -> None" if "return" in annotations else result
