"""No module-level mutable state outside caches that say so (issue #17).

A module-level name that code inside a function mutates (``x[k] = v``, ``x.add(...)``,
``global x``...) is state shared by every site built in the process.  The only
such names allowed are caches: pure functions of their keys, whose comment right
above the assignment says ``cache`` (and what bounds them).  Everything else
belongs to the site or the build (``Site``, ``BuildOptions``, a ``ContextVar``).
"""

from __future__ import annotations

import ast
from pathlib import Path

import jekpy

ROOT = Path(jekpy.__file__).resolve().parent
_MUTATORS = frozenset(
    ("append", "add", "update", "setdefault", "clear", "pop", "popitem", "extend",
     "insert", "remove", "discard")
)


_CONTAINER_CALLS = frozenset(
    ("dict", "list", "set", "defaultdict", "OrderedDict", "Counter", "deque",
     "WeakKeyDictionary", "WeakValueDictionary")
)
_CONTAINER_NODES = (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp)


def _is_container(value: ast.expr | None) -> bool:
    if isinstance(value, _CONTAINER_NODES):
        return True
    if isinstance(value, ast.Call):
        func = value.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        return name in _CONTAINER_CALLS
    return False


def _module_names(tree: ast.Module) -> dict[str, int]:
    """Module-level names bound to a mutable container -> their line."""
    names: dict[str, int] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and _is_container(node.value):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    names[target.id] = node.lineno
        elif (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and _is_container(node.value)
        ):
            names[node.target.id] = node.lineno
    return names


def _mutated_in_functions(tree: ast.Module, names: dict[str, int]) -> set[str]:
    found: set[str] = set()
    functions = [
        f for f in ast.walk(tree) if isinstance(f, ast.FunctionDef | ast.AsyncFunctionDef)
    ]
    for function in functions:
        for node in ast.walk(function):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.attr in _MUTATORS
            ):
                found.add(node.func.value.id)
            elif isinstance(node, ast.Assign | ast.AugAssign | ast.Delete):
                targets = node.targets if not isinstance(node, ast.AugAssign) else [node.target]
                for target in targets:
                    if isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name):
                        found.add(target.value.id)
            elif isinstance(node, ast.Global):
                found.update(node.names)
    return found & names.keys()


def _comment_above(lines: list[str], lineno: int) -> str:
    out: list[str] = []
    index = lineno - 2
    while index >= 0 and lines[index].lstrip().startswith("#"):
        out.append(lines[index])
        index -= 1
    return " ".join(reversed(out))


def shared_state() -> list[str]:
    """``path:line name`` of every mutated module-level name not declared a cache."""
    problems = []
    for path in sorted(ROOT.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        tree = ast.parse(text)
        names = _module_names(tree)
        lines = text.splitlines()
        for name in sorted(_mutated_in_functions(tree, names)):
            if "cache" not in _comment_above(lines, names[name]).lower():
                rel = path.relative_to(ROOT.parent).as_posix()
                problems.append(f"{rel}:{names[name]} {name}")
    return problems


def test_no_module_state_but_declared_caches() -> None:
    problems = shared_state()
    assert not problems, (
        "module-level state mutated at run time (keep it on the site or the build, or "
        "say `#: cache: ...` above it if it is a pure cache):\n" + "\n".join(problems)
    )


def test_the_check_sees_state(tmp_path: Path) -> None:
    # the scanner itself: a mutated module dict without a cache comment is found,
    # the same dict with one is not, and a table filled at import time is fine
    source = (
        "import decimal\n"
        "CTX = decimal.Context(prec=9)\n"
        "STATE = {}\n"
        "#: cache: text -> length\n"
        "MEMO = {}\n"
        "TABLE = {}\n"
        "TABLE['a'] = 1\n"
        "def f(k):\n"
        "    STATE[k] = 1\n"
        "    MEMO.setdefault(k, len(k))\n"
        "    return CTX.add(1, 2)\n"
    )
    tree = ast.parse(source)
    names = _module_names(tree)
    mutated = _mutated_in_functions(tree, names)
    assert mutated == {"STATE", "MEMO"}
    lines = source.splitlines()
    assert "cache" in _comment_above(lines, names["MEMO"])
    assert "cache" not in _comment_above(lines, names["STATE"])
