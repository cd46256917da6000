"""``RougeRegexLexer.token_list`` (what ``lex`` uses) gives exactly the tokens of the
generator path ``get_tokens_unprocessed`` for every lexer, on every golden sample."""

from __future__ import annotations

from pathlib import Path

import pytest

from jekpy.highlight.lexers import OWN_LEXERS, make_lexer
from jekpy.highlight.lexers.base import RougeRegexLexer

SAMPLES = Path(__file__).resolve().parent / "samples"


@pytest.mark.parametrize("tag", sorted(OWN_LEXERS))
def test_token_list_equals_generator(tag: str) -> None:
    lexer = make_lexer(tag)
    if not isinstance(lexer, RougeRegexLexer) or (
            type(lexer).get_tokens_unprocessed is not RougeRegexLexer.get_tokens_unprocessed):
        pytest.skip(f"{tag}: not a plain RougeRegexLexer (lex uses its generator)")
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(SAMPLES.glob("*.txt"))]
    own = SAMPLES / f"{tag}.txt"
    if own.is_file():  # its own sample first, then the others (other languages as input)
        texts.insert(0, own.read_text(encoding="utf-8", errors="replace"))
    texts = texts[:12]
    for text in texts:
        expected = [(tok, val) for _, tok, val in make_lexer(tag).get_tokens_unprocessed(text)]
        assert make_lexer(tag).token_list(text) == expected  # type: ignore[union-attr]
