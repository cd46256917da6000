"""ARM assembler (armasm syntax) tokenised as Rouge 3.30's ``armasm`` lexer does."""

from __future__ import annotations

from typing import Any

from jekpy.highlight._pyg import Comment, Keyword, Name, Number, Operator, String, Text, bygroups
from jekpy.highlight.lexers import armasm_words as words
from jekpy.highlight.lexers.base import RougeRegexLexer

H = "[0-9a-fA-F]"


def _quoted(tok: Any, quote: str) -> list[Any]:
    return [
        (r"\n", Text, "#pop"),
        (r"\$\$", tok),
        (r"(?i)\$[a-z]\w*\.?", Name.Namespace),
        (quote, tok, ("#pop", "args")),
        (rf"[^$\n{quote}]+", tok),
    ]


class ArmAsmLexer(RougeRegexLexer):
    """Rouge's ``armasm`` lexer."""

    name = "ArmAsm (Rouge)"
    aliases = ["rouge-armasm"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\n", Text),
            (
                rf"^([ \t]*)(#[ \t]*(?:(?:{words.PREPROC_KEYWORD})(?:[ \t].*)?)?)(\n)",
                bygroups(Text, Comment.Preproc, Text),
            ),
            (r"[ \t]+", Text, "command"),
            (r";.*", Comment),
            (r"(?i)\$[a-z_]\w*\.?", Name.Namespace),
            (r"\w+|\|[^|\n]+\|", Name.Label),
        ],
        "command": [
            (r"\n", Text, "#pop"),
            (r"[ \t]+", Text, ("#pop", "args")),
            (r";.*", Comment, "#pop"),
            (rf"(?:{words.FILE_DIRECTIVE})\b", Keyword, ("#pop", "filespec")),
            (rf"(?:{words.GENERAL_DIRECTIVE})(?=[; \t\n])", Keyword),
            (
                r"(?:[A-Z][\dA-Z]*|[a-z][\da-z]*)(?:\.[NWnw])?(?:\.[DFIPSUdfipsu]?(?:8|16|32|64)?){,3}\b",
                Name.Builtin,
            ),
            (r"(?i)[a-z_]\w*|\|[^|\n]+\|", Name.Function),
            (r"(?i)\$[a-z]\w*\.?", Name.Namespace),
        ],
        "args": [
            (r"\n", Text, "#pop"),
            (r"[ \t]+", Text),
            (r";.*", Comment, "#pop"),
            (rf"(?:{words.SHIFT_OR_CONDITION})\b", Name.Builtin),
            (r"(?i)[a-z_]\w*|\|[^|\n]+\|", Name.Variable),
            (r"(?i)%[bf]?[at]?\d+(?:[a-z_]\w*)?", Name.Label),
            (rf"(?i)(?:&|0x){H}+(?!p)", Number.Hex),
            (r"(?i)(?:&|0x)[.0-9a-fA-F]+(?:p[-+]?\d+)?", Number.Float),
            (rf"(?i)0f_{H}{{8}}|0d_{H}{{16}}", Number.Float),
            (
                r"(?i)(?:2_[01]+|3_[0-2]+|4_[0-3]+|5_[0-4]+|6_[0-5]+|7_[0-6]+|8_[0-7]+|9_[0-8]+|\d+)(?!e)",
                Number.Integer,
            ),
            (
                r"(?i)(?:2_[.01]+|3_[.0-2]+|4_[.0-3]+|5_[.0-4]+|6_[.0-5]+|7_[.0-6]+|8_[.0-7]+|9_[.0-8]+|[.\d]+)"
                r"(?:e[-+]?\d+)?",
                Number.Float,
            ),
            (r"[@:](?=[ \t]*(?:8|16|32|64|128|256)[^\d])", Operator),
            (rf"[.@]|\{{(?:{words.BUILTIN})\}}", Name.Constant),
            (
                r"[-!#%&()*+,/<=>?^{|}]|\[|\]|!=|&&|/=|<<|<=|<>|==|><|>=|>>|\|\||"
                rf":(?:{words.OPERATOR}):",
                Operator,
            ),
            (r"(?i)\$[a-z]\w*\.?", Name.Namespace),
            (r"'", String.Char, ("#pop", "singlequoted")),
            (r'"', String.Double, ("#pop", "doublequoted")),
        ],
        "singlequoted": _quoted(String.Char, "'"),
        "doublequoted": _quoted(String.Double, '"'),
        "filespec": [
            (r"\n", Text, "#pop"),
            (r"\$\$", String.Other),
            (r"(?i)\$[a-z]\w*\.?", Name.Namespace),
            (r"[^$\n]+", String.Other),
        ],
    }
