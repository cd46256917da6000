"""PowerShell tokenised as Rouge 3.30's ``powershell`` lexer does."""

from __future__ import annotations

import re
from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Keyword,
    LexerContext,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    bygroups,
    include,
)
from jekpy.highlight.lexers import powershell_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream, classify

WS = Text.Whitespace

ATTRIBUTES = frozenset(
    ["ConfirmImpact", "DefaultParameterSetName", "HelpURI", "PositionalBinding", "SupportsPaging", "SupportsShouldProcess"]
)
_AUTO_VARS = _words.AUTO_VARS
_KEYWORDS = _words.KEYWORDS
_OPERATORS = _words.OPERATORS
_MULTILINE_KEYWORDS = ["synopsis", "description", "parameter", "example", "inputs", "outputs", "notes", "link", "component", "role", "functionality", "forwardhelptargetname", "forwardhelpcategory", "remotehelprunspace", "externalhelp"]


_bracket_word = classify([(ATTRIBUTES, Name.Builtin.Pseudo)], Name)


def _member(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    for i, tok in enumerate([Operator, Name.Function, Punctuation, WS], start=1):
        if match.group(i) is not None:
            yield match.start(i), tok, match.group(i)
    if match.group(3) is not None:
        ctx.stack.append("parameters")


class PowershellLexer(RougeRegexLexer):
    """Rouge's ``powershell`` lexer (tags powershell, posh, microsoftshell, msshell)."""

    name = "PowerShell (Rouge)"
    aliases = ["rouge-powershell"]

    tokens: dict[str, Any] = {
        "variable": [
            ("|".join(_AUTO_VARS), Name.Builtin.Pseudo),
            (
                r"(\$)(?:(\w+)(:))?(\w+|\{(?:[^`]|`.)+?\})",
                bygroups(Name.Variable, Name.Namespace, Punctuation, Name.Variable),
            ),
            (r"\$\w+", Name.Variable),
            (r"\$\{(?:[^`]|`.)+?\}", Name.Variable),
        ],
        "multiline": [
            (r"(?i)\.(?:" + "|".join(_MULTILINE_KEYWORDS) + ")", Comment.Special),
            (r"#>", Comment.Multiline, "#pop"),
            (r"(?s)[^#.]+?", Comment.Multiline),
            (r"[#.]+", Comment.Multiline),
        ],
        "interpol": [(r"\)", String.Interpol, "#pop"), include("root")],
        "dq": [
            (r'(?:\$#?)?"', String.Double, "#pop"),
            (r"\$\(", String.Interpol, "interpol"),
            (r"`$", String.Escape),
            (r"`.", String.Escape),
            (r'[^"`$]+', String.Double),
            include("variable"),
        ],
        "sq": [(r"'", String.Single, "#pop"), (r"[^']+", String.Single)],
        "heredoc": [
            (r'(?:\$#?)?"@', String.Heredoc, "#pop"),
            (r"\$\(", String.Interpol, "interpol"),
            (r"`$", String.Escape),
            (r"`.", String.Escape),
            (r'(?s)[^"`$]+?', String.Heredoc),
            (r'"+', String.Heredoc),
            include("variable"),
        ],
        "class": [
            (r"\{", Punctuation, "#pop"),
            (r"\s+", WS),
            (r"\w+", Name.Class),
            (r"[:,]", Punctuation),
        ],
        "expr": [
            include("comments"),
            (r'"', String.Double, "dq"),
            (r"'", String.Single, "sq"),
            (r'@"', String.Heredoc, "heredoc"),
            (r"(?s)@'.*?'@", String.Heredoc),
            (r"\d*\.\d+", Number.Float),
            (r"\d+", Number.Integer),
            (r"@\{", Punctuation, "hasht"),
            (r"@\(", Punctuation, "array"),
            (r"\{", Punctuation, "brace"),
            (r"\[", Punctuation, "bracket"),
        ],
        "hasht": [
            (r"\}", Punctuation, "#pop"),
            (r"=", Operator),
            (r"[,;]", Punctuation),
            include("expr"),
            (r"\w+", Name.Other),
            include("variable"),
        ],
        "array": [
            (r"\s+", WS),
            (r"\)", Punctuation, "#pop"),
            (r"[,;]", Punctuation),
            include("expr"),
            include("variable"),
        ],
        "brace": [(r"[}]", Punctuation, "#pop"), include("root")],
        "bracket": [
            (r"\]", Punctuation, "#pop"),
            (r"[A-Za-z]\w+\.", Name),
            (r"([A-Za-z]\w+)", _bracket_word),
            include("root"),
        ],
        "parameters": [
            (r"(?s)`.", String.Escape),
            (r"\s*?\n", WS, "#pop"),
            (r"[;(){}\]]", Punctuation, "#pop"),
            (r"[|=]", Operator, "#pop"),
            (r"[/\\~\w][-.:/\\~\w]*", Name.Other),
            (r"\w[-\w]+", Name.Other),
            include("root"),
        ],
        "comments": [
            (r"\s+", WS),
            (r"#.*", Comment),
            (r"<#", Comment.Multiline, "multiline"),
        ],
        "root": [
            include("comments"),
            (r"#requires\s-version \d(?:\.\d+)?", Comment.Preproc),
            (r"\.\.(?=\.?\d)", Operator),
            (r"(?i)(?:" + "|".join(_OPERATORS) + r")\b", Operator),
            (r"(?i)(class)(\s+)(\w+)", bygroups(Keyword.Reserved, WS, Name.Class), "class"),
            (
                r"(?i)(function)(\s+)(?:(\w+)(:))?(\w[-\w]+)",
                bygroups(Keyword.Reserved, WS, Name.Namespace, Punctuation, Name.Function),
            ),
            (r"(?i)(?:" + "|".join(_KEYWORDS) + r")\b(?![-.])", Keyword.Reserved),
            (r"-{1,2}\w+", Name.Tag),
            (r"(\.)?([-\w]+)(\[)", bygroups(Operator, Name, Punctuation), "bracket"),
            (r"(?i)([/\\~a-z][-.:/\\~\w]*)(\n)?", bygroups(Name, WS), "parameters"),
            (r"(\.)([-\w]+)(?:(\()|(\n))?", _member),
            (r"\?", Name.Function, "parameters"),
            include("expr"),
            include("variable"),
            (r"[-+*/%=!.&|]", Operator),
            (r"[{}(),:;]", Punctuation),
        ],
    }
