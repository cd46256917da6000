"""Build script: compiles jekpy's Markdown and highlighting modules with mypyc for a regular install.

Everything else is declared in pyproject.toml.  The modules listed in
``COMPILED`` (src/jekpy/_native.py) are compiled to C extension modules:

* ``pip install .`` (a wheel): compiled when mypyc (mypy, a build requirement)
  and a C compiler work; when either fails, the build says why and installs the
  pure-Python package instead.
* ``pip install -e .`` (editable), ``python setup.py develop`` and
  ``build_ext --inplace``: never compiled, so no extension module lands next to
  the ``.py`` sources (where it would shadow later edits of them).
* ``JEKPY_COMPILE=0 pip install .``: not compiled.

At run time ``JEKPY_PURE=1`` makes a compiled install use the ``.py`` sources.
"""

from __future__ import annotations

import ast
import os
import sys
from pathlib import Path
from typing import Any

from setuptools import setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).resolve().parent
NATIVE = HERE / "src" / "jekpy" / "_native.py"

#: setup.py commands that build extension modules for a wheel or an install
_BUILDING = {"bdist_wheel", "build", "build_ext", "install"}
#: commands and options that build in place or for an editable install
_IN_PLACE = {"editable_wheel", "develop", "--inplace", "-i"}


def _note(message: str) -> None:
    print(f"jekpy setup: {message}", file=sys.stderr, flush=True)


def _compiled_modules() -> list[str]:
    """``COMPILED`` from src/jekpy/_native.py (read, not imported)."""
    for node in ast.parse(NATIVE.read_text(encoding="utf-8")).body:
        target = node.target if isinstance(node, ast.AnnAssign) else (
            node.targets[0] if isinstance(node, ast.Assign) else None)
        if isinstance(target, ast.Name) and target.id == "COMPILED" and node.value is not None:
            return list(ast.literal_eval(node.value))
    raise RuntimeError(f"no COMPILED tuple in {NATIVE}")


def _compile_requested() -> bool:
    if os.environ.get("JEKPY_COMPILE", "1").strip().lower() in ("0", "no", "false", "off"):
        return False
    args = set(sys.argv[1:])
    return bool(args & _BUILDING) and not args & _IN_PLACE


def _extensions() -> list[Any]:
    if not _compile_requested():
        return []
    try:
        from mypyc.build import mypycify
    except ImportError as exc:
        _note(f"mypyc is not available ({exc}); installing pure Python")
        return []
    paths = [str(Path("src", *name.split(".")).with_suffix(".py")) for name in _compiled_modules()]
    try:
        # The modules they import but that are not compiled (jekpy's Liquid layer...) are
        # type-checked by `mypy` in development; here their dependencies are not installed.
        return list(mypycify(["--follow-imports=silent", *paths], group_name="jekpy_native"))
    except (Exception, SystemExit) as exc:  # mypyc reports errors by exiting
        _note(f"mypyc could not compile the modules ({exc!r}); installing pure Python")
        return []


class OptionalBuildExt(build_ext):
    """Builds the compiled modules, or none of them: when the C compiler fails, the
    modules built so far are removed and the package stays pure Python."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:  # noqa: BLE001 - any failure means: no extension modules
            _note(f"compiling failed ({exc}); installing pure Python")
            for output in self.get_outputs():
                Path(output).unlink(missing_ok=True)
            self.extensions = []
            self.distribution.ext_modules = []


if __name__ == "__main__":  # setuptools runs this file as __main__; tests import it
    setup(ext_modules=_extensions(), cmdclass={"build_ext": OptionalBuildExt})
