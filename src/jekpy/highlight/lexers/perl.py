"""Perl tokenised as Rouge 3.30's ``perl`` lexer does."""

from __future__ import annotations

from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Keyword,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    bygroups,
    include,
)
from jekpy.highlight.lexers import perl_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer

_KEYWORDS = ["case", "continue", "do", "else", "elsif", "for", "foreach", "if", "last", "my", "next", "our", "redo", "reset", "then", "unless", "until", "while", "use", "print", "new", "BEGIN", "CHECK", "INIT", "END", "return"]
_BUILTINS = _words.BUILTINS

RE = String.Regex
_H = "[0-9a-fA-F]"


def _bracketed(opener: str, closer: str) -> list[Any]:
    tok = String.Other
    return [
        (rf"\\[{opener}{closer}\\]", tok),
        (r"\\", tok),
        (opener, tok, "#push"),
        (closer, tok, "#pop"),
        (rf"[^{opener}{closer}\\]+", tok),
    ]


class PerlLexer(RougeRegexLexer):
    """Rouge's ``perl`` lexer (tags perl, pl)."""

    name = "Perl (Rouge)"
    aliases = ["rouge-perl"]

    tokens: dict[str, Any] = {
        "balanced_regex": [
            (r"(?s)/(\\[\\/]|[^/])*/[egimosx]*", RE, "#pop"),
            (r"(?s)!(\\[\\!]|[^!])*![egimosx]*", RE, "#pop"),
            (r"(?s)\\(\\\\|[^\\])*\\[egimosx]*", RE, "#pop"),
            (r"\{(\\[\\}]|[^}])*\}[egimosx]*", RE, "#pop"),
            (r"<(\\[\\>]|[^>])*>[egimosx]*", RE, "#pop"),
            (r"\[(\\[\\\]]|[^\]])*\][egimosx]*", RE, "#pop"),
            (r"\((\\[\\)]|[^)])*\)[egimosx]*", RE, "#pop"),
            (r"@(\\[\\@]|[^@])*@[egimosx]*", RE, "#pop"),
            (r"%(\\[\\%]|[^%])*%[egimosx]*", RE, "#pop"),
            (r"\$(\\[\\$]|[^$])*\$[egimosx]*", RE, "#pop"),
        ],
        "root": [
            (r"#.*", Comment.Single),
            (r"(?s)^=[a-zA-Z0-9]+\s+.*?\n=cut", Comment.Multiline),
            (r"(?:" + "|".join(_KEYWORDS) + r")\b", Keyword),
            (
                r"(format)(\s+)([a-zA-Z0-9_]+)(\s*)(=)(\s*\n)",
                bygroups(Keyword, Text, Name, Text, Punctuation, Text),
                "format",
            ),
            (r"(?:eq|lt|gt|le|ge|ne|not|and|or|cmp)\b", Operator.Word),
            (r"(?:s|tr|y)\{(\\\\|\\}|[^}])*\}\s*", RE, "balanced_regex"),
            (r"(?:s|tr|y)<(\\\\|\\>|[^>])*>\s*", RE, "balanced_regex"),
            (r"(?:s|tr|y)\[(\\\\|\\\]|[^\]])*\]\s*", RE, "balanced_regex"),
            (r"(?:s|tr|y)\((\\\\|\\\)|[^)])*\)\s*", RE, "balanced_regex"),
            (
                r"(?s)(?:s|tr|y)\s*([^\w\s])((\\\\|\\\1)|[^\1])*?\1((\\\\|\\\1)|[^\1])*?\1"
                r"[msixpodualngcr]*",
                RE,
            ),
            (
                r"(?s)(?:s|tr|y)\s+(\w)((\\\\|\\\1)|[^\1])*?\1((\\\\|\\\1)|[^\1])*?\1"
                r"[msixpodualngcr]*",
                RE,
            ),
            (r"m?/(\\\\|\\/|[^/\n])*/[msixpodualngc]*", RE),
            (r"m(?=[/!\\{<\[(@%$])", RE, "balanced_regex"),
            (r"(?s)m\s*([^\w\s])((\\\\|\\\1)|[^\1])*?\1[msixpodualngc]*", RE),
            (r"(?s)m\s+(\w)((\\\\|\\\1)|[^\1])*?\1[msixpodualngc]*", RE),
            (r"((?<==~)|(?<=\())\s*/(\\\\|\\/|[^/])*/[msixpodualngc]*", RE, "balanced_regex"),
            (r"\s+", Text),
            (r"(?i)(?=[a-z_]\w*(\s*#.*\n)*\s*=>)", Text, "fat_comma"),
            (r"(?:" + "|".join(_BUILTINS) + r")\b", Name.Builtin),
            (r"((__(DIE|WARN)__)|(DATA|STD(IN|OUT|ERR)))\b", Name.Builtin.Pseudo),
            (r"(?s)<<(['\"]?)([a-zA-Z_][a-zA-Z0-9_]*)\1;?\n.*?\n\2\n", String),
            (r"(__(END|DATA)__)\b", Comment.Preproc, "end_part"),
            (r"\$\^[ADEFHILMOPSTWX]", Name.Variable.Global),
            (r"\$[\\\"'\[\]&`+*.,;=%~?@$!<>(^|/_-](?!\w)", Name.Variable.Global),
            (r"[$@%&*][$@%&*#_]*(?=[a-zA-Z{\[;])", Name.Variable, "varname"),
            (r"[-+/*%=<>&^|!\\~]=?", Operator),
            (r"0_?[0-7]+(_[0-7]+)*", Number.Oct),
            (r"0x[0-9A-Fa-f]+(_[0-9A-Fa-f]+)*", Number.Hex),
            (r"0b[01]+(_[01]+)*", Number.Bin),
            (r"(?i)(\d*(_\d*)*\.\d+(_\d*)*|\d+(_\d*)*\.\d+(_\d*)*)(e[+-]?\d+)?", Number.Float),
            (r"(?i)\d+(_\d*)*e[+-]?\d+(_\d*)*", Number.Float),
            (r"\d+(_\d+)*", Number.Integer),
            (r"'", Punctuation, "sq"),
            (r'"', Punctuation, "dq"),
            (r"`", Punctuation, "bq"),
            (r"<([^\s>]+)>", RE),
            (r"(q|qq|qw|qr|qx)\{", String.Other, "cb_string"),
            (r"(q|qq|qw|qr|qx)\(", String.Other, "rb_string"),
            (r"(q|qq|qw|qr|qx)\[", String.Other, "sb_string"),
            (r"(q|qq|qw|qr|qx)<", String.Other, "lt_string"),
            (r"(q|qq|qw|qr|qx)(\W)(.|\n)*?\2", String.Other),
            (r"package\s+", Keyword, "modulename"),
            (r"sub\s+", Keyword, "funcname"),
            (r"\[\]|\*\*|::|<<|>>|>=|<=|<=>|={3}|!=|=~|!~|&&?|\|\||\.{1,3}", Operator),
            (r"[()\[\]:;,<>/?{}]", Punctuation),
            (r"(?=\w)", Text, "name"),
        ],
        "format": [
            (r"\.\n", String.Interpol, "#pop"),
            (r".*?\n", String.Interpol),
        ],
        "fat_comma": [
            (r"#.*", Comment.Single),
            (r"\w+", String),
            (r"\s+", Text),
            (r"=>", Operator, "#pop"),
        ],
        "name_common": [
            (r"\w+::", Name.Namespace),
            (r"[\w:]+", Name.Variable, "#pop"),
        ],
        "varname": [
            (r"\s+", Text),
            (r"[{\[]", Punctuation, "#pop"),
            (r"[),]", Punctuation, "#pop"),
            (r"[;]", Punctuation, "#pop"),
            include("name_common"),
        ],
        "name": [
            include("name_common"),
            (r"[A-Z_]+(?=[^a-zA-Z0-9_])", Name.Constant, "#pop"),
            (r"(?=\W)", Text, "#pop"),
        ],
        "modulename": [(r"[a-zA-Z_]\w*", Name.Namespace, "#pop")],
        "funcname": [
            (r"[a-zA-Z_]\w*[!?]?", Name.Function),
            (r"\s+", Text),
            (r"(\([$@%]*\))(\s*)", bygroups(Punctuation, Text)),
            (r".*?\{", Punctuation, "#pop"),
            (r";", Punctuation, "#pop"),
        ],
        "sq": [
            (r"\\[\\']", String.Escape),
            (r"[^\\']+", String.Single),
            (r"'", Punctuation, "#pop"),
            (r"\\", String.Single),
        ],
        "dq": [
            include("string_intp"),
            (r"\\[\\tnrabefluLUE\"$@]", String.Escape),
            (r"\\0\d{2}", String.Escape),
            (r"\\o\{\d+\}", String.Escape),
            (rf"\\x{_H}{{2}}", String.Escape),
            (rf"\\x\{{{_H}+\}}", String.Escape),
            (r"\\c.", String.Escape),
            (r"\\N\{[^}]+\}", String.Escape),
            (r'[^\\"]+?', String.Double),
            (r'"', Punctuation, "#pop"),
            (r"\\", String.Escape),
        ],
        "bq": [
            include("string_intp"),
            (r"\\[\\tnr`]", String.Escape),
            (r"[^\\`]+?", String.Backtick),
            (r"`", Punctuation, "#pop"),
        ],
        "cb_string": _bracketed(r"\{", r"\}"),
        "rb_string": _bracketed(r"\(", r"\)"),
        "sb_string": _bracketed(r"\[", r"\]"),
        "lt_string": _bracketed("<", ">"),
        "in_interp": [
            (r"\}", String.Interpol, "#pop"),
            (r"\s+", Text),
            (r"(?i)[a-z_]\w*", String.Interpol),
        ],
        "string_intp": [
            (r"[$@][{]", String.Interpol, "in_interp"),
            (r"(?i)[$@][a-z_]\w*", String.Interpol),
        ],
        "end_part": [(r"(?s).+", Comment.Preproc, "#pop")],
    }
