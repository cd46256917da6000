"""PostScript tokenised as Rouge 3.30's ``postscript`` lexer does."""

from __future__ import annotations

from typing import Any

from jekpy.highlight._pyg import Comment, Keyword, Name, Number, Punctuation, String, Text
from jekpy.highlight.lexers import postscript_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer

_DELIM = r"[()<>\[\]{}/%\s]"
_END = rf"(?={_DELIM})"
_VALID_NAME = rf"[^()<>\[\]{{}}/%\s]+{_END}"
KEYWORDS = _words.KEYWORDS
_NUM = r"([0-9]+\.?|[0-9]*\.[0-9]+|[0-9]+\.[0-9]*)((e|E)[0-9]+)?"


class PostScriptLexer(RougeRegexLexer):
    """Rouge's ``postscript`` lexer (tags postscript, postscr, ps, eps)."""

    name = "PostScript (Rouge)"
    aliases = ["rouge-postscript"]

    tokens: dict[str, Any] = {
        "root": [
            (r"^%!.+?$", Comment.Preproc),
            (r"%%.*?$", Comment.Special),
            (r"(^%.*?$){2,}", Comment.Multiline),
            (r"%.*?$", Comment.Single),
            (r"\(", String, "stringliteral"),
            (rf"/{_VALID_NAME}", Name.Variable),
            (r"[{}<>\[\]]", Punctuation),
            (rf"(?:{'|'.join(KEYWORDS)}){_END}", Name.Builtin),
            (rf"(eq|ne|g[et]|l[et]|and|or|not|if(?:else)?|for(?:all)?){_END}", Keyword.Reserved),
            (rf"(false|true){_END}", Keyword.Constant),
            (rf"<[0-9A-Fa-f]+>{_END}", Number.Hex),
            (rf"[0-9]+\#(\-|\+)?{_NUM}{_END}", Number.Oct),
            (rf"(\-|\+)?{_NUM}{_END}", Number.Float),
            (rf"(\-|\+)?[0-9]+{_END}", Number.Integer),
            (_VALID_NAME, Name.Function),
            (r"\s+", Text),
        ],
        "stringliteral": [
            (r"[^()\\]+", String),
            (r"\\", String.Escape, "escape"),
            (r"\(", String, "stringliteral"),
            (r"\)", String, "#pop"),
        ],
        "escape": [
            (r"[0-8]{3}|n|r|t|b|f|\\|\(|\)", String.Escape, "#pop"),
        ],
    }
