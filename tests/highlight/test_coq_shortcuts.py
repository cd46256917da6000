"""The coq lexer's shortcut rules (a name not followed by a dot in one step, operator
characters as plain rules) change no token: the lexer without them, which takes
every name through ``continue_id`` and every other character through ``_char``,
gives the same tokens."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from jekpy.highlight.lexers import coq

SAMPLES = Path(__file__).resolve().parent / "samples"


class _WithoutShortcuts(coq.CoqLexer):
    tokens: dict[str, Any] = {  # noqa: RUF012 - Pygments reads the class attribute
        "root": [r for r in coq.CoqLexer.tokens["root"]
                 if r is not coq.SHORTCUT_NAME and r not in coq.SHORTCUT_CHARS],
    }


FRAGMENTS = ["Lemma", "foo", "foo.", "A.B.c", "A.B", "x'", "_", "_a", "a_b.", ". ", ".\n", "(*", "*)",
             ":=", "=>", "⇒", "→", "∀", "¬", "é", "Set Printing All.", '"s\\n"', "'a'", "1.5e3", "42",
             "~x", "?y", ";", "[", "]", "{|", "|}", "\t", "\n", " ", "Module Type ", "forall",
             "omega.", "Qed.", "@", "#", "\\/", "/\\", "ω", "x.y", "x .y", "X.", "a.(b)", "'"]


def _texts() -> list[str]:
    rng = random.Random(3)
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(SAMPLES.glob("*.txt"))]
    texts += ["".join(rng.choice(FRAGMENTS) + rng.choice(["", " ", "\n"])
                      for _ in range(rng.randint(1, 30))) for _ in range(300)]
    return texts + ["name", "a.b", "x y", "x.", "x'"]


def test_the_shortcuts_are_in_the_lexer() -> None:
    root = coq.CoqLexer.tokens["root"]
    assert coq.SHORTCUT_NAME in root
    assert all(rule in root for rule in coq.SHORTCUT_CHARS)
    assert len(_WithoutShortcuts.tokens["root"]) == len(root) - 1 - len(coq.SHORTCUT_CHARS)


def test_coq_shortcuts_change_no_token() -> None:
    for text in _texts():
        expected = _WithoutShortcuts().token_list(text)
        assert coq.CoqLexer().token_list(text) == expected, text
        assert [(t, v) for _, t, v in coq.CoqLexer().get_tokens_unprocessed(text)] == expected
