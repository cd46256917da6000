"""JavaScript and JSON tokenised as Rouge 3.30's ``javascript``/``json`` lexers do.

JavaScript: identifiers are ``Name.Other`` unless keyword/declaration/
reserved/constant/builtin; string quotes are ``String.Delimiter`` around the
``s1``/``s2`` body; ``/`` after an operator or ``(`` starts a regex; object
literal keys are ``Name.Attribute``, labels in blocks ``Name.Label``.
JSON: keys are ``Name.Label``, whitespace is ``Text.Whitespace``.
"""

from __future__ import annotations

from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Keyword,
    Literal,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    bygroups,
    default,
    include,
)
from jekpy.highlight.lexers import javascript_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer
from jekpy.highlight.lexers.jslike import (
    TERNARY_STATE,
    JsLikeLexer,
    identifier,
    label_rule,
    object_state,
    regex_states,
)

# \p{L}\p{Nl}$_ then \p{Word}*
IDENT = r"(?u:[^\W\d]|\$)(?u:\w)*"


_GOTO = "#pop"


class JavascriptLexer(JsLikeLexer):
    """Rouge's ``javascript`` lexer (tags javascript, js)."""

    name = "JavaScript (Rouge)"
    aliases = ["rouge-javascript"]

    keywords = frozenset(
        ["as", "async", "await", "break", "case", "catch", "continue", "debugger", "default", "delete", "do", "else", "export", "finally", "from", "for", "if", "import", "in", "instanceof", "new", "of", "return", "super", "switch", "this", "throw", "try", "typeof", "void", "while", "yield"]
    )
    declarations = frozenset(
        ["var", "let", "const", "with", "function", "class", "extends", "constructor", "get", "set", "static"]
    )
    reserved = frozenset(["enum", "implements", "interface", "package", "private", "protected", "public"])
    constants = frozenset(["true", "false", "null", "NaN", "Infinity", "undefined"])
    builtins = frozenset(
        _words.JAVASCRIPT_BUILTINS
    )

    tokens: dict[str, Any] = {
        "multiline_comment": [
            (r"[*]/", Comment.Multiline, "#pop"),
            (r"[^*/]+", Comment.Multiline),
            (r"[*/]", Comment.Multiline),
        ],
        "comments_and_whitespace": [
            (r"\s+", Text),
            (r"<!--", Comment),
            (r"//.*?$", Comment.Single),
            (r"/[*]", Comment.Multiline, "multiline_comment"),
        ],
        "expr_start": [
            include("comments_and_whitespace"),
            (r"/", String.Regex, (_GOTO, "regex")),
            (r"[{]", Punctuation, (_GOTO, "object")),
            default("#pop"),
        ],
        **regex_states("gimuy"),
        "root": [
            (r"(?s)\A\s*#!.*?\n", Comment.Preproc, "statement"),
            (r"(?<=\n)(?=\s|/|<!--)", Text, "expr_start"),
            include("comments_and_whitespace"),
            (
                r"\+\+|--|~|\?\?=?|&&|\|\||\\(?=\n)|<<|>>>?|===|!==",
                Operator,
                "expr_start",
            ),
            (r"[-<>+*%&|\^/!=]=?", Operator, "expr_start"),
            (r"[(\[,]", Punctuation, "expr_start"),
            (r";", Punctuation, "statement"),
            (r"[)\].]", Punctuation),
            (r"`", String.Double, "template_string"),
            (r"[?][.]", Punctuation),
            (r"[?]", Punctuation, ("ternary", "expr_start")),
            (r"(@)(\w+)?", bygroups(Punctuation, Name.Decorator), "expr_start"),
            (r"[{}]", Punctuation, "statement"),
            (IDENT, identifier),
            (r"[0-9][0-9]*\.[0-9]+([eE][0-9]+)?[fd]?", Number.Float),
            (r"0[xX][0-9a-fA-F]+", Number.Hex),
            (r"0[oO][0-7][0-7_]*", Number.Oct),
            (r"0[bB][01][01_]*", Number.Bin),
            (r"[0-9]+", Number.Integer),
            (r'"', String.Delimiter, "dq"),
            (r"'", String.Delimiter, "sq"),
            (r":", Punctuation),
        ],
        "dq": [
            (r'\\[\\nrt"]?', String.Escape),
            (r'[^\\"]+', String.Double),
            (r'"', String.Delimiter, "#pop"),
        ],
        "sq": [
            (r"\\[\\nrt']?", String.Escape),
            (r"[^\\']+", String.Single),
            (r"'", String.Delimiter, "#pop"),
        ],
        "statement": [
            (r"case\b", Keyword, (_GOTO, "expr_start")),
            label_rule(IDENT),
            include("expr_start"),
        ],
        "object": object_state(IDENT, nested_braces=True),
        "ternary": TERNARY_STATE,
        "template_string": [
            (r"[$]\{", Punctuation, "template_string_expr"),
            (r"`", String.Double, "#pop"),
            (r"\\[$`]", String.Escape),
            (r"[^$`\\]+", String.Double),
            (r"[\\$]", String.Double),
        ],
        "template_string_expr": [
            (r"\}", Punctuation, "#pop"),
            include("root"),
        ],
    }


TS_TOKENS: dict[str, Any] = dict(JavascriptLexer.tokens)
TS_TOKENS["root"] = [
    (r"[?][.]", Punctuation),
    (r"[?]{2}", Operator),
    *JavascriptLexer.tokens["root"],
]
TS_TOKENS["statement"] = [
    (
        rf"({IDENT})(\??)(\s*)(:)",
        bygroups(Name.Label, Punctuation, Text, Punctuation),
        "expr_start",
    ),
    *JavascriptLexer.tokens["statement"],
]


class TypescriptLexer(JavascriptLexer):
    """Rouge's ``typescript`` lexer (tags typescript, ts): JavaScript plus TS words."""

    name = "TypeScript (Rouge)"
    aliases = ["rouge-typescript"]

    keywords = JavascriptLexer.keywords | frozenset(
        ["is", "namespace", "static", "private", "protected", "public", "implements", "readonly"]
    )
    declarations = JavascriptLexer.declarations | frozenset(["type", "abstract"])
    reserved = JavascriptLexer.reserved | frozenset(
        [
            "string", "any", "void", "number", "namespace", "module", "declare", "default",
            "interface", "keyof",
        ]
    )
    builtins = JavascriptLexer.builtins | frozenset(
        ["Pick", "Partial", "Readonly", "Record"]
    )

    tokens: dict[str, Any] = TS_TOKENS


class JsonLexer(RougeRegexLexer):
    """Rouge's ``json`` lexer."""

    name = "JSON (Rouge)"
    aliases = ["rouge-json"]

    tokens: dict[str, Any] = {
        "whitespace": [(r"\s+", Text.Whitespace)],
        "root": [
            include("whitespace"),
            (r"\{", Punctuation, "object"),
            (r"\[", Punctuation, "array"),
            include("name"),
            include("value"),
            (r"[\]}]", Punctuation),
        ],
        "object": [
            include("whitespace"),
            include("name"),
            include("value"),
            (r"\}", Punctuation, "#pop"),
            (r",", Punctuation),
        ],
        "name": [
            (
                r'("(?:\\.|[^"\\\n])*?")(\s*)(:)',
                bygroups(Name.Label, Text.Whitespace, Punctuation),
            ),
        ],
        "value": [
            include("whitespace"),
            include("constants"),
            (r'"', String.Double, "string"),
            (r"\[", Punctuation, "array"),
            (r"\{", Punctuation, "object"),
        ],
        "string": [
            (r'[^\\"]+', String.Double),
            (r"\\.", String.Escape),
            (r'"', String.Double, "#pop"),
        ],
        "array": [
            include("value"),
            (r"\]", Punctuation, "#pop"),
            (r",", Punctuation),
        ],
        "constants": [
            (r"(?:true|false|null)", Keyword.Constant),
            (r"-?(?:0|[1-9]\d*)\.\d+(?:[eE][+-]?\d+)?", Number.Float),
            (r"-?(?:0|[1-9]\d*)(?:[eE][+-]?\d+)?", Number.Integer),
        ],
    }


_JSONDOC_TOKENS: dict[str, Any] = dict(JsonLexer.tokens)
_JSONDOC_TOKENS["name"] = [
    (r"([$\w]+)(\s*)(:)", bygroups(Name.Attribute, Text, Punctuation)),
    *JsonLexer.tokens["name"],
]
_JSONDOC_TOKENS["value"] = [
    (r"/[*].*?[*]/", Comment),
    (r"//.*?$", Comment.Single),
    (r"(\.\.\.)", Comment.Single),
    *JsonLexer.tokens["value"],
]


class JsonDocLexer(JsonLexer):
    """Rouge's ``json-doc`` lexer (tags json-doc, jsonc): JSON with comments."""

    name = "JSON-doc (Rouge)"
    aliases = ["rouge-json-doc"]

    tokens: dict[str, Any] = _JSONDOC_TOKENS


_QML_ID = r"[$a-zA-Z_][a-zA-Z0-9_.]*"

_QML_TOKENS: dict[str, Any] = dict(JavascriptLexer.tokens)
_QML_TOKENS["root"] = [
    (rf"({_QML_ID})(\s*)(\{{)", bygroups(Keyword.Type, Text, Punctuation), "type_block"),
    (
        rf"({_QML_ID})(\s+)(on)(\s+)({_QML_ID})(\s*)(\{{)",
        bygroups(Keyword.Type, Text, Keyword, Text, Name.Label, Text, Punctuation),
        "type_block",
    ),
    (r"[{]", Punctuation, "#push"),
    *JavascriptLexer.tokens["root"],
]
_QML_TOKENS.update(
    {
        "type_block": [
            (
                rf"(id)(\s*)(:)(\s*)({_QML_ID})",
                bygroups(Name.Label, Text, Punctuation, Text, Keyword.Declaration),
            ),
            (rf"({_QML_ID})(\s*)(:)", bygroups(Name.Label, Text, Punctuation), "expr_start"),
            (
                rf"(signal)(\s+)({_QML_ID})",
                bygroups(Keyword.Declaration, Text, Name.Label),
                "signal",
            ),
            (
                rf"(property)(\s+)({_QML_ID})(\s+)({_QML_ID})(\s*)(:?)",
                bygroups(
                    Keyword.Declaration, Text, Keyword.Type, Text, Name.Label, Text, Punctuation
                ),
                "expr_start",
            ),
            (r"[}]", Punctuation, "#pop"),
            include("root"),
        ],
        "signal": [
            include("comments_and_whitespace"),
            (r"\(", Punctuation, ("#pop", "signal_args")),
            default("#pop"),
        ],
        "signal_args": [
            include("comments_and_whitespace"),
            (
                rf"({_QML_ID})(\s+)({_QML_ID})(\s*)(,?)",
                bygroups(Keyword.Type, Text, Name, Text, Punctuation),
            ),
            (r"\)", Punctuation, "#pop"),
        ],
    }
)


class QmlLexer(JavascriptLexer):
    """Rouge's ``qml`` lexer: JavaScript plus QML object blocks."""

    name = "QML (Rouge)"
    aliases = ["rouge-qml"]

    tokens: dict[str, Any] = _QML_TOKENS


_HOCON_COMMENTS = [(r"//.*?$", Comment.Single), (r"#.*?$", Comment.Single)]
_HOCON_INTERPOL = (r"[$][{][?]?", String.Interpol, "interpolation")
_JSON = JsonLexer.tokens


class HoconLexer(JsonLexer):
    """Rouge's ``hocon`` lexer: JSON plus comments, unquoted values and ``${…}``."""

    name = "HOCON (Rouge)"
    aliases = ["rouge-hocon"]

    tokens: dict[str, Any] = {
        **_JSON,
        "comments": _HOCON_COMMENTS,
        "root": [include("comments"), *_JSON["root"]],
        "object": [(r"\b(?:include|url|file|classpath)\b", Keyword), *_JSON["object"]],
        "name": [
            (r'("(?:"|[^"\n])*?")(\s*)([:=]|(?=\{))', bygroups(Name.Label, Text.Whitespace, Punctuation)),
            (r"([-\w.]+)(\s*)([:=]|(?=\{))", bygroups(Name.Label, Text.Whitespace, Punctuation)),
        ],
        "value": [
            include("comments"),
            (r"\n", Text.Whitespace),
            (r"\s+", Text.Whitespace),
            include("constants"),
            _HOCON_INTERPOL,
            (r'"""', String.Double, "multiline_string"),
            (r'"', String.Double, "string"),
            (r"\[", Punctuation, "array"),
            (r"\{", Punctuation, "object"),
            (r"[()=]", Punctuation),
            (r"[^$\"{}\[\]:=,\+#`^?!@*&]+?", Literal),
        ],
        "interpolation": [
            (r"[\w\-\.]+?", Name.Variable),
            (r"\}", String.Interpol, "#pop"),
        ],
        "string": [_HOCON_INTERPOL, (r'[^\\"${]+', String.Double), *_JSON["string"]],
        "multiline_string": [
            (r'"[^"]{1,2}', String.Double),
            include("string"),
            (r'"""', String.Double, "#pop"),
        ],
        "constants": [(r"\d+\.(\d+\.?){3,}", Literal), *_JSON["constants"]],
    }
