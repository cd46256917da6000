"""MXML tokenised as Rouge 3.30's ``mxml`` lexer does.

``<![CDATA[ … ]]>`` blocks and ``{…}`` attribute bindings are lexed as
ActionScript; a tag's ``>`` pushes a fresh content state rather than
returning to the enclosing one.
"""

from __future__ import annotations

import re
from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    LexerContext,
    Name,
    Punctuation,
    String,
    Text,
    bygroups,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream


def _actionscript(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    from jekpy.highlight.lexers.actionscript import ActionscriptLexer

    yield from ActionscriptLexer().get_tokens_unprocessed(match.group())


class MxmlLexer(RougeRegexLexer):
    """Rouge's ``mxml`` lexer."""

    name = "MXML (Rouge)"
    aliases = ["rouge-mxml"]

    tokens: dict[str, Any] = {
        "root": [
            (r"[^<&]+", Text),
            (r"&\S*?;", Name.Entity),
            (r"<!\[CDATA\[", Comment.Preproc, "actionscript_content"),
            (r"<!--", Comment, "comment"),
            (r"<\?.*?\?>", Comment.Preproc),
            (r"<![^>]*>", Comment.Preproc),
            (r"<\s*[\w:.-]+", Name.Tag, "tag"),
            (r"<\s*/\s*[\w:.-]+\s*>", Name.Tag),
        ],
        "comment": [
            (r"[^-]+", Comment),
            (r"-->", Comment, "#pop"),
            (r"-", Comment),
        ],
        "tag": [
            (r"\s+", Text),
            (r"[\w.:-]+\s*=", Name.Attribute, "attribute"),
            (r"/?\s*>", Name.Tag, "root"),
        ],
        "attribute": [
            (r"\s+", Text),
            (r'(")(\{|@\{)', bygroups(String, Punctuation), "actionscript_attribute"),
            (r"\".*?\"|'.*?'|[^\s>]+", String, "tag"),
        ],
        "actionscript_content": [
            (r"\]\]>", Comment.Preproc, "#pop"),
            (r"(?s).*?(?=\]\]>)", _actionscript),
        ],
        "actionscript_attribute": [
            (r'(\})(")', bygroups(Punctuation, String), "tag"),
            (r'(?s).*?(?=\}")', _actionscript),
        ],
    }
