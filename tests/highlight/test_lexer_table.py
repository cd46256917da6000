"""The lexer table matches Rouge's name table, every lexer in it imports, and lexers'
word lists live in data modules (``*_words.py``) apart from the lexers."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from jekpy.highlight import lexers
from jekpy.highlight._pyg import Lexer
from jekpy.highlight.lexers import OWN_LEXERS
from jekpy.highlight.names import ROUGE_NAMES

FOLDER = Path(lexers.__file__).resolve().parent
#: modules of the lexers' folder that are neither a lexer nor word lists
HELPERS = {"__init__", "base", "jslike", "mimetypes", "unicode_classes"}
#: a literal list of this many words or more belongs in a ``*_words.py`` module
LONG_LIST = 40


def test_table_has_one_lexer_per_rouge_tag() -> None:
    tags = set(ROUGE_NAMES.values())
    assert set(OWN_LEXERS) == tags - {"plaintext"}  # plaintext: no lexer, escaped text
    for tag in OWN_LEXERS:
        assert ROUGE_NAMES[tag] == tag, tag


@pytest.mark.parametrize("tag", sorted(OWN_LEXERS))
def test_every_registered_lexer_imports(tag: str) -> None:
    cls = lexers._load(OWN_LEXERS[tag])
    assert isinstance(cls, type) and issubclass(cls, Lexer), tag
    assert lexers.make_lexer(tag) is not None


def test_every_lexer_module_is_registered() -> None:
    registered = {spec.partition(":")[0] for spec in OWN_LEXERS.values()}
    modules = {p.stem for p in FOLDER.glob("*.py") if not p.stem.endswith("_words")}
    assert modules - HELPERS == registered


def _imports(tree: ast.Module) -> set[str]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            found.add(node.module or "")
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize("path", sorted(FOLDER.glob("*_words.py")), ids=lambda p: p.stem)
def test_word_modules_are_data(path: Path) -> None:
    """Only constants: no class, no function, nothing imported but ``word_set``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert _imports(tree) <= {"__future__", "typing", "jekpy.highlight.lexers.base"}
    defined = [n for n in tree.body if isinstance(n, (ast.ClassDef, ast.FunctionDef))]
    assert not defined, [n.name for n in defined]


def _long_lists(tree: ast.Module) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            words = [e for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            if len(words) >= LONG_LIST and len(words) == len(node.elts):
                lines.append(node.lineno)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "word_set"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
            and len(node.args[0].value.split()) >= LONG_LIST
        ):
            lines.append(node.lineno)
    return lines


def test_lexers_keep_long_word_lists_apart() -> None:
    found = {}
    for path in sorted(FOLDER.glob("*.py")):
        if path.stem.endswith("_words"):
            continue
        lines = _long_lists(ast.parse(path.read_text(encoding="utf-8")))
        if lines:
            found[path.name] = lines
    assert not found, f"move these word lists into a *_words.py module: {found}"
