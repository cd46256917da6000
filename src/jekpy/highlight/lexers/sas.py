"""SAS tokenised as Rouge 3.30's ``sas`` lexer does."""

from __future__ import annotations

import re
from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Keyword,
    LexerContext,
    Literal,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    bygroups,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream, classify
from jekpy.highlight.lexers.sas_words import (
    DATA_STEP_STATEMENTS,
    PROC_KEYWORDS,
    SAS_FUNCTIONS,
    SAS_MACRO_FUNCTIONS,
    SAS_MACRO_STATEMENTS,
    SAS_PROC_NAMES,
)

_macro_word = classify(
    [(SAS_MACRO_STATEMENTS, Keyword), (SAS_MACRO_FUNCTIONS, Keyword)], Name, str.upper
)


def _proc(lexer: SasLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    lexer.proc_name = match.group(3).upper()
    yield 0, Keyword, match.group(1)
    yield match.start(2), Text, match.group(2)
    yield match.start(3), Keyword if lexer.proc_name in SAS_PROC_NAMES else Name, match.group(3)
    ctx.stack.append("proc")


_word = classify([(DATA_STEP_STATEMENTS, Keyword), (SAS_FUNCTIONS, Keyword)], Name, str.upper)


def _proc_word(lexer: SasLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    word = match.group().upper()
    if (
        word in DATA_STEP_STATEMENTS
        or word in SAS_FUNCTIONS
        or word in PROC_KEYWORDS.get(lexer.proc_name, frozenset())
    ):
        tok = Keyword
    else:
        tok = Name
    yield 0, tok, match.group()


class SasLexer(RougeRegexLexer):
    """Rouge's ``sas`` lexer."""

    name = "SAS (Rouge)"
    aliases = ["rouge-sas"]

    proc_name = ""

    def reset(self) -> None:
        self.proc_name = ""

    tokens: dict[str, Any] = {
        "basics": [
            (r"\s+", Text),
            (r"(?s)^\s*%?\*[^;]*;", Comment.Single),
            (r"(?s)(;)(\s*)(%?\*[^;]*;)", bygroups(Punctuation, Text, Comment.Single)),
            (r"(?s)/[*].*?[*]/", Comment.Multiline),
            (r"(?i)'[0-9a-z]+?'d", Literal.Date),
            (r"(?i)'.+?'dt", Literal.Date),
            (r"(?i)'[0-9:]+?([a|p]m)?'t", Literal.Date),
            (r"'", String.Single, "single_string"),
            (r'"', String.Double, "double_string"),
            (r"(?i)&[a-z0-9_&.]+", Name.Variable),
            (r"(?i)\d[0-9a-f]*x", Number.Hex),
            (r"(?i)\d[0-9e\-.]+", Number),
            (r"(?i)\b(_n_|_error_|_file_|_infile_|_msg_|_iorc_|_cmd_)\b", Name.Builtin.Pseudo),
            (r"(?i)\b(_character_|_numeric_|_all_)\b", Name.Builtin),
            (r"(?i)\b(datalines|cards)(\s*)(;)", bygroups(Keyword, Text, Punctuation), "datalines"),
            (r"(?i)\b(datalines4|cards4)(\s*)(;)", bygroups(Keyword, Text, Punctuation), "datalines4"),
            (r"\*\*|[\*/\+-]", Operator),
            (r"[^¬~]?=:?|[<>]=?:?", Operator),
            (r"(?i)\b(eq|ne|gt|lt|ge|le|in)\b", Operator.Word),
            (r"[&|!¦¬∘~]", Operator),
            (r"(?i)\b(and|or|not)\b", Operator.Word),
            (r"(<>|><)", Operator),
            (r"\|\|", Operator),
            (r"(?i)\b(of)\b", Operator.Word),
            (r"(?i)\b(like)\b", Operator.Word),
            (r"\d+", Number.Integer),
            (r"\$", Keyword.Type),
            (r"(?i)(%macro|%mend)(\s*)(\w+)", bygroups(Keyword, Text, Name.Function)),
            (r"%mend", Keyword),
            (r"%\w+", _macro_word),
        ],
        "basics2": [
            (r"\s\.[;\s]", Keyword.Constant),
            (r"\s\.[a-z_]", Name.Constant),
            (r"[\(\),;:\{\}\[\]\\\.]", Punctuation),
            (r"@", String.Symbol),
            (r"\?", String.Symbol),
            (r"[^\s]+", Text),
        ],
        "root": [
            include("basics"),
            (r"(?i)(proc)(\s+)(\w+)", _proc),
            (r"(?i)(data)(\s+)([\w\.]+)", bygroups(Keyword, Text, Name.Variable)),
            (r"(?i)(libname)(\s+)(\w+)", bygroups(Keyword, Text, Name.Variable)),
            (r"\w+", _word),
            include("basics2"),
        ],
        "single_string": [
            (r"''", String.Escape),
            (r"'", String.Single, "#pop"),
            (r"[^']+", String.Single),
        ],
        "double_string": [
            (r"(?i)&[a-z0-9_&]+\.?", String.Interpol),
            (r'""', String.Escape),
            (r'"', String.Double, "#pop"),
            (r'[^&"]+', String.Double),
            (r"&", String.Double),
        ],
        "datalines": [
            (r"[^;]", String.Heredoc),
            (r";", Punctuation, "#pop"),
        ],
        "datalines4": [
            (r";{4}", Punctuation, "#pop"),
            (r"[^;]", String.Heredoc),
            (r";{,3}", String.Heredoc),
        ],
        "proc": [
            (r"(?i)(quit|run)", Keyword, "#pop"),
            include("basics"),
            (r"\w+", _proc_word),
            include("basics2"),
        ],
    }
