"""The mypyc-compiled modules and their pure-Python fallback (docs/performance.md).

* ``JEKPY_PURE=1`` imports every module of ``jekpy._native.COMPILED`` from its
  ``.py`` source, whether or not the install is compiled.
* On a compiled install (``pip install .``): compiled and pure give the same HTML
  for every input of tests/markdown/snapshot_outputs.py (the corpus, kramdown's
  test cases, the golden inputs, random documents), the same highlighting (every
  lexer on the golden highlight samples, its own and others') and the same site.  On an
  editable install nothing is compiled and these tests skip; ``.ci/run`` runs them
  on a compiled install too.
* The source tree never holds compiled modules next to the sources (they would
  shadow later edits), and setup.py compiles only for a regular install.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

import jekpy
from jekpy import _native

REPO = Path(__file__).resolve().parent.parent
PACKAGE = Path(jekpy.__file__).resolve().parent

_LOAD_ALL = (
    "import importlib, json, sys; from jekpy import _native\n"
    "mods = [importlib.import_module(n) for n in _native.COMPILED]\n"
    "print(json.dumps({'files': [m.__file__ for m in mods],"
    " 'compiled': _native.compiled_modules()}))\n"
)


def _run(code: str, *, pure: bool) -> dict[str, list[str]]:
    env = dict(os.environ)
    env.pop(_native.PURE_ENV, None)
    if pure:
        env[_native.PURE_ENV] = "1"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                         text=True, check=True)
    result: dict[str, list[str]] = json.loads(out.stdout)
    return result


def _installed_compiled() -> list[str]:
    return _run(_LOAD_ALL, pure=False)["compiled"]


def _skip_unless_compiled() -> None:
    if not _installed_compiled():
        pytest.skip("jekpy is not compiled here (an editable install, JEKPY_COMPILE=0 or no C "
                    "compiler): nothing to compare; .ci/run runs this on a compiled install")


def test_pure_env_imports_every_compiled_module_from_its_source() -> None:
    result = _run(_LOAD_ALL, pure=True)
    assert result["compiled"] == []
    assert len(result["files"]) == len(_native.COMPILED)
    for name, file in zip(_native.COMPILED, result["files"], strict=True):
        assert file.endswith(".py"), f"{name} was imported from {file} under JEKPY_PURE=1"


def test_compiled_modules_are_all_or_nothing() -> None:
    # A partly compiled package (some .so missing) would mean a failed build was installed.
    compiled = _installed_compiled()
    assert compiled in ([], list(_native.COMPILED))


def test_compiled_and_pure_render_the_same_markdown(tmp_path: Path) -> None:
    _skip_unless_compiled()
    script = REPO / "tests" / "markdown" / "snapshot_outputs.py"
    recording = tmp_path / "pure.pkl"
    env = {k: v for k, v in os.environ.items() if k != _native.PURE_ENV}
    subprocess.run([sys.executable, str(script), "record", str(recording)],
                   env={**env, _native.PURE_ENV: "1"}, check=True, capture_output=True)
    check = subprocess.run([sys.executable, str(script), "check", str(recording)],
                           env=env, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout[-3000:] + check.stderr[-3000:]
    assert ", 0 differences (0 inputs not in the recording)" in check.stdout


_HIGHLIGHT_ALL = (
    "import json, sys\n"
    "sys.path.insert(0, sys.argv[1])\n"
    "from golden_io import all_samples\n"
    "from jekpy.highlight import highlight, highlight_tag\n"
    "from jekpy.highlight.lexers import OWN_LEXERS, make_lexer\n"
    "samples = all_samples()\n"
    "out = {}\n"
    "for s in samples:\n"
    "    out[s.file + ':' + s.sid] = (highlight_tag(s.code, s.lang, linenos=True)\n"
    "                               if s.mode == 'table' else highlight(s.code, s.lang))\n"
    "codes = [s.code for s in samples[::7]]\n"
    "for i, tag in enumerate(sorted(OWN_LEXERS)):\n"
    "    for j, code in enumerate(codes[i % 5::5]):\n"
    "        out[f'{tag}:{j}'] = highlight(code, tag)\n"
    "        lexer = make_lexer(tag)\n"
    "        out[f'{tag}:{j}:gen'] = repr(list(lexer.get_tokens_unprocessed(code)))\n"
    "print(json.dumps(out))\n"
)


def test_compiled_and_pure_highlight_the_same() -> None:
    _skip_unless_compiled()
    outputs = []
    for pure in (True, False):
        env = {k: v for k, v in os.environ.items() if k != _native.PURE_ENV}
        if pure:
            env[_native.PURE_ENV] = "1"
        done = subprocess.run([sys.executable, "-c", _HIGHLIGHT_ALL, str(REPO / "tests" / "highlight")],
                              env=env, capture_output=True, text=True, check=True)
        outputs.append(json.loads(done.stdout))
    pure_out, compiled_out = outputs
    assert len(pure_out) > 1000
    assert sum(1 for html in pure_out.values() if html and "<span" in html) > 500
    differing = [key for key in pure_out if compiled_out.get(key) != pure_out[key]]
    assert not differing, differing[:20]
    assert compiled_out.keys() == pure_out.keys()


def test_compiled_and_pure_build_the_same_site(tmp_path: Path) -> None:
    _skip_unless_compiled()
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        from gen_site import generate
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    generate(tmp_path / "src", 60)
    outputs = {}
    for mode in ("pure", "compiled"):
        env = {k: v for k, v in os.environ.items() if k != _native.PURE_ENV}
        if mode == "pure":
            env[_native.PURE_ENV] = "1"
        dest = tmp_path / mode
        subprocess.run([sys.executable, "-m", "jekpy", "build", "-q", "--disable-disk-cache",
                        "-s", str(tmp_path / "src"), "-d", str(dest)], env=env, check=True)
        outputs[mode] = {p.relative_to(dest): p.read_bytes()
                         for p in sorted(dest.rglob("*")) if p.is_file()}
    assert len(outputs["pure"]) > 60
    assert outputs["pure"] == outputs["compiled"]


def test_source_tree_has_no_compiled_modules() -> None:
    src = REPO / "src" / "jekpy"
    if not src.is_dir():
        pytest.skip("no source tree next to the tests")
    found = [str(p.relative_to(REPO)) for p in src.rglob("*") if p.suffix in (".so", ".pyd")]
    assert not found, (
        f"compiled modules in the source tree shadow their .py sources: {found}; delete them "
        "(`find src -name '*.so' -delete`); an editable install never compiles, and "
        "`pip install .` builds them under build/ only")


def _setup_module() -> ModuleType:
    pytest.importorskip("setuptools")
    spec = importlib.util.spec_from_file_location("jekpy_setup", REPO / "setup.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # defines the helpers; setup() runs only as __main__
    return module


@pytest.mark.parametrize(("argv", "env", "expected"), [
    (["bdist_wheel", "--dist-dir", "x"], None, True),
    (["build_ext"], None, True),
    (["install"], None, True),
    (["editable_wheel", "--dist-dir", "x"], None, False),
    (["develop"], None, False),
    (["build_ext", "--inplace"], None, False),
    (["build_ext", "-i"], None, False),
    (["egg_info"], None, False),
    (["dist_info"], None, False),
    (["bdist_wheel"], "0", False),
    (["bdist_wheel"], "off", False),
    (["bdist_wheel"], "1", True),
])
def test_setup_compiles_only_regular_builds(argv: list[str], env: str | None, expected: bool,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    setup = _setup_module()
    monkeypatch.setattr(sys, "argv", ["setup.py", *argv])
    if env is None:
        monkeypatch.delenv("JEKPY_COMPILE", raising=False)
    else:
        monkeypatch.setenv("JEKPY_COMPILE", env)
    assert setup._compile_requested() is expected


def test_setup_reads_the_compiled_list_from_the_package() -> None:
    setup = _setup_module()
    assert setup._compiled_modules() == list(_native.COMPILED)
    for name in _native.COMPILED:
        assert (REPO / "src" / Path(*name.split("."))).with_suffix(".py").is_file(), name


def test_the_compiled_modules_are_where_the_package_is() -> None:
    # Under JEKPY_PURE the finder must resolve the same package directory.
    result = _run(_LOAD_ALL, pure=True)
    for file in result["files"]:
        assert Path(file).resolve().is_relative_to(PACKAGE)


def _class_level_aliases(tree: ast.Module) -> list[str]:
    found = []
    for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
        methods = {n.name for n in cls.body if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)}
        for node in cls.body:
            if not isinstance(node, ast.Assign | ast.AnnAssign) or node.value is None:
                continue
            value = node.value
            aliased = isinstance(value, ast.Name) and value.id in methods
            wrapped = (isinstance(value, ast.Call) and isinstance(value.func, ast.Name)
                       and value.func.id in ("staticmethod", "classmethod", "property"))
            if aliased or wrapped:
                found.append(f"{cls.name} line {node.lineno}: {ast.unparse(node)}")
    return found


@pytest.mark.parametrize("name", _native.COMPILED)
def test_compiled_classes_define_their_methods_with_def(name: str) -> None:
    # In a mypyc-compiled class, `c_ol = c_ul` or `f = staticmethod(g)` in the class body
    # does not make a method (it compiles, then fails at run time): list the alias in a
    # dispatch table, or call the function directly.
    path = (REPO / "src" / Path(*name.split("."))).with_suffix(".py")
    if not path.is_file():
        pytest.skip("no source tree next to the tests")
    assert _class_level_aliases(ast.parse(path.read_text(encoding="utf-8"))) == []


def test_the_alias_check_sees_aliases() -> None:
    tree = ast.parse("class C:\n    def f(self): ...\n    g = f\n    h = staticmethod(len)\n")
    assert len(_class_level_aliases(tree)) == 2
