"""The package's layers (docs/architecture.md): every import in jekpy -- at module
level, inside a function, or under ``if TYPE_CHECKING:`` -- goes to the same layer
or a lower one, and no chain of imports between jekpy's modules comes back to where
it started.  Read from the source with ``ast``, nothing is imported.

Imports by name at run time (the root package's lazy names, the plugin table, the
lexer table) are checked from their tables.  Not counted: the implicit import of a
module's parent packages (``import jekpy.liquid.ruby`` runs
``jekpy/liquid/__init__.py`` first).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import jekpy

ROOT = Path(jekpy.__file__).resolve().parent

#: Bottom to top: a module may import modules of its own layer and of the layers
#: before it.  A name is a module or a package (then: everything in it).
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("base", ("jekpy.errors", "jekpy.log", "jekpy.version", "jekpy._deferred",
              "jekpy._recache", "jekpy._codecache", "jekpy._native")),
    ("support", ("jekpy.support",)),
    ("highlight", ("jekpy.highlight",)),
    ("markdown", ("jekpy.markdown",)),
    ("liquid, config", ("jekpy.liquid", "jekpy.config", "jekpy.options")),
    ("content", ("jekpy.content",)),
    ("plugins", ("jekpy.plugins",)),
    ("builder", ("jekpy.builder",)),
    ("api", ("jekpy.api", "jekpy.site", "jekpy")),  # the root package's lazy names are the API
    ("serve", ("jekpy.serve",)),
    ("cli", ("jekpy.cli", "jekpy.__main__")),
]

#: Import circles allowed: none (markdown's state/driver circle was split into
#: markdown/state.py).  An entry names the circle, who removes it and why.
ALLOWED_CYCLES: dict[str, frozenset[str]] = {}


def _modules() -> dict[str, tuple[Path, bool]]:
    found: dict[str, tuple[Path, bool]] = {}
    for path in sorted(ROOT.rglob("*.py")):
        parts = ["jekpy", *path.relative_to(ROOT).with_suffix("").parts]
        is_package = parts[-1] == "__init__"
        if is_package:
            parts.pop()
        found[".".join(parts)] = (path, is_package)
    return found


MODULES = _modules()


def _layer_of(module: str) -> int:
    best: tuple[int, int] | None = None  # (length of the matching name, layer)
    for index, (_label, names) in enumerate(LAYERS):
        for name in names:
            matches = module == name or (name != "jekpy" and module.startswith(name + "."))
            if matches and (best is None or len(name) > best[0]):
                best = (len(name), index)
    if best is None:
        raise AssertionError(f"{module} is in no layer: add it to LAYERS (and docs/architecture.md)")
    return best[1]


def _is_type_checking(test: ast.expr) -> bool:
    return ast.unparse(test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING")


class _Imports(ast.NodeVisitor):
    """Every import statement in a module: (target module, line, kind)."""

    def __init__(self, module: str, is_package: bool) -> None:
        self.module = module
        self.is_package = is_package
        self.found: list[tuple[str, int, str]] = []
        self._kind = "module"
        self._depth = 0

    def visit_If(self, node: ast.If) -> None:
        if not _is_type_checking(node.test):
            self.generic_visit(node)
            return
        outer, self._kind = self._kind, "TYPE_CHECKING"
        for child in node.body:
            self.visit(child)
        self._kind = outer
        for child in node.orelse:
            self.visit(child)

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        outer = self._kind
        if outer == "module":
            self._kind = "function"
        self.generic_visit(node)
        self._kind = outer

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._add(alias.name, node.lineno)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level:
            base = self.module.split(".")
            if not self.is_package:
                base.pop()
            if node.level > 1:
                base = base[: len(base) - (node.level - 1)]
            prefix = ".".join([*base, node.module] if node.module else base)
        else:
            prefix = node.module or ""
        for alias in node.names:
            candidate = f"{prefix}.{alias.name}"
            self._add(candidate if candidate in MODULES else prefix, node.lineno)

    def _add(self, name: str, line: int) -> None:
        while name and name not in MODULES:
            name = name.rpartition(".")[0]
        if name and name != self.module:
            self.found.append((name, line, self._kind))


def _imports() -> Iterator[tuple[str, str, int, str]]:
    for module, (path, is_package) in MODULES.items():
        visitor = _Imports(module, is_package)
        visitor.visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
        for target, line, kind in visitor.found:
            yield module, target, line, kind


IMPORTS = list(_imports())


def _cycles(edges: dict[str, set[str]]) -> list[frozenset[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []
    counter = 0

    def visit(start: str) -> None:
        nonlocal counter
        # iterative depth-first search: (node, iterator over its successors)
        work: list[tuple[str, Iterator[str]]] = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, successors = work[-1]
            advanced = False
            for succ in successors:
                if succ not in index:
                    index[succ] = low[succ] = counter
                    counter += 1
                    stack.append(succ)
                    on_stack.add(succ)
                    work.append((succ, iter(sorted(edges[succ]))))
                    advanced = True
                    break
                if succ in on_stack:
                    low[node] = min(low[node], index[succ])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(frozenset(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_every_module_has_a_layer() -> None:
    missing = []
    for module in MODULES:
        try:
            _layer_of(module)
        except AssertionError as err:
            missing.append(str(err))
    assert not missing, "\n".join(missing)


def test_no_import_goes_up_a_layer() -> None:
    wrong = [
        f"{MODULES[source][0].relative_to(ROOT.parent)}:{line}: {source} "
        f"({LAYERS[_layer_of(source)][0]}) imports {target} ({LAYERS[_layer_of(target)][0]}, "
        f"a higher layer) [{kind}]"
        for source, target, line, kind in IMPORTS
        if _layer_of(target) > _layer_of(source)
    ]
    assert not wrong, "imports against the layers:\n" + "\n".join(wrong)


def test_no_import_circle() -> None:
    edges: dict[str, set[str]] = {module: set() for module in MODULES}
    for source, target, _line, _kind in IMPORTS:
        edges[source].add(target)
    allowed = set(ALLOWED_CYCLES.values())
    circles = [sorted(c) for c in _cycles(edges) if c not in allowed]
    assert not circles, "import circles (function-level and TYPE_CHECKING imports count):\n" + (
        "\n".join(" <-> ".join(c) for c in circles)
    )


@pytest.mark.parametrize("reason", list(ALLOWED_CYCLES))
def test_allowed_circles_still_exist(reason: str) -> None:
    """An allowed circle that is gone must leave the list (so none hides a new one)."""
    edges: dict[str, set[str]] = {module: set() for module in MODULES}
    for source, target, _line, _kind in IMPORTS:
        edges[source].add(target)
    assert ALLOWED_CYCLES[reason] in _cycles(edges), f"remove {reason!r} from ALLOWED_CYCLES"


def test_the_walk_sees_imports_of_every_kind() -> None:
    """The checks above see module-level, function-level and TYPE_CHECKING imports
    (so an empty result is not a blind one)."""
    kinds = {kind for _s, _t, _l, kind in IMPORTS}
    assert kinds == {"module", "function", "TYPE_CHECKING"}
    assert ("jekpy.builder.site", "jekpy.content.models") in {(s, t) for s, t, _l, _k in IMPORTS}
    probe = _Imports("jekpy.content.x", False)
    probe.visit(
        ast.parse(
            "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n    from ..builder.site import Site\n"
            "def f():\n    from ..liquid import ruby\n"
            "from . import models\n"
        )
    )
    assert probe.found == [
        ("jekpy.builder.site", 3, "TYPE_CHECKING"),
        ("jekpy.liquid.ruby", 5, "function"),
        ("jekpy.content.models", 6, "module"),
    ]
    assert _layer_of("jekpy.builder.site") > _layer_of("jekpy.content.x")
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [frozenset("abc")]


def _by_name() -> list[tuple[str, str]]:
    """(importer, module) for every module jekpy imports by name at run time."""
    from jekpy.highlight import lexers
    from jekpy.plugins.registry import BUILTIN

    found = [("jekpy", "jekpy" + target) for target, _attr in jekpy._LAZY.values()]
    found += [("jekpy.plugins.registry", module) for module in BUILTIN.values()]
    found += [
        ("jekpy.highlight.lexers", "jekpy.highlight.lexers." + spec.partition(":")[0])
        for spec in lexers.OWN_LEXERS.values()
    ]
    return found


def test_imports_by_name_exist_and_respect_the_layers() -> None:
    found = _by_name()
    assert len(found) > 200
    missing = [target for _source, target in found if target not in MODULES]
    assert not missing, f"tables name modules that do not exist: {missing}"
    wrong = [
        f"{source} imports {target} by name, a higher layer"
        for source, target in found
        if _layer_of(target) > _layer_of(source)
    ]
    assert not wrong, "\n".join(wrong)
