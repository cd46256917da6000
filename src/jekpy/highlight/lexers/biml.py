"""BIML tokenised as Rouge 3.30's ``biml`` lexer does: XML plus ``<# … #>``
directives whose code is lexed as C# (a fresh C# lexer per chunk, since Rouge
delegates to the lexer class)."""

from __future__ import annotations

import re
from typing import Any

from jekpy.highlight._pyg import LexerContext, Name, Text
from jekpy.highlight.lexers.base import TokenStream
from jekpy.highlight.lexers.csharp import CSharpLexer
from jekpy.highlight.lexers.markup import XmlLexer


def _csharp(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield from CSharpLexer().get_tokens_unprocessed(match.group())


class BimlLexer(XmlLexer):
    """Rouge's ``biml`` lexer."""

    name = "BIML (Rouge)"
    aliases = ["rouge-biml"]

    tokens: dict[str, Any] = {
        **XmlLexer.tokens,
        "root": [
            (r"(?s)<#\@\s*", Name.Tag, "directive_tag"),
            (r"(?s)<#[=]?\s*", Name.Tag, "directive_as_csharp"),
            *XmlLexer.tokens["root"],
        ],
        "directive_as_csharp": [
            (r"(?s)\s*#>\s*", Name.Tag, "#pop"),
            (r"(?s).*?(?=\s*#>\s*)", _csharp),
        ],
        "directive_tag": [
            (r"\s+", Text),
            (r"(?s)[\w.:-]+\s*=", Name.Attribute, "attr"),
            (r"(?s)\w+\s*", Name.Attribute),
            (r"/?\s*#>", Name.Tag, "#pop"),
        ],
    }
