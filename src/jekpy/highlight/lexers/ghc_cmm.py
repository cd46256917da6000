"""GHC Cmm (C--) dumps tokenised as Rouge 3.30's ``ghc-cmm`` lexer does.

Blanks and comments inside multi-part constructs (``#define``, ``returns
to``, ``arg hints:``, ``Type name(``…) are lexed again as Cmm; register names
are globals; ``Module.name`` is a namespace path; a name followed by
``{``/``(`` starts a function head (its names are functions).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Generic,
    Keyword,
    LexerContext,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    TokenType,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream

WS = r"(?s:\s|//.*?\n|/[*](?:[^*]|(?:[*][^/]))*[*]+/)"
ID = r"(?!#[a-zA-Z])[\w#$%_']+"
COMPLEX_ID = r"(?:[\w#$%_']|\(\)|\(,\)|\[\]|[0-9])*(?:[\w#$%_']+)"

RECURSE = None
"""In a part list: lex this group again as Cmm."""


def _parts(tokens: Sequence[TokenType | None], then: str | None = None) -> Any:
    """Group ``i`` as ``tokens[i-1]`` (``RECURSE``: lexed afresh); then push ``then``."""

    def callback(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
        for i, tok in enumerate(tokens, 1):
            text = match.group(i)
            if tok is RECURSE:
                for idx, sub_tok, val in type(lexer)().get_tokens_unprocessed(text or ""):
                    yield match.start(i) + idx, sub_tok, val
            elif text:
                yield match.start(i), tok, text
        if then is not None:
            ctx.stack.append(then)

    return callback


def _namespace_call(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield from _parts([Name.Function, RECURSE, Punctuation])(lexer, match, ctx)
    ctx.stack.pop()


class GhcCmmLexer(RougeRegexLexer):
    """Rouge's ``ghc-cmm`` lexer."""

    name = "GHC Cmm (Rouge)"
    aliases = ["rouge-ghc-cmm"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\s+", Text),
            (r"^=====.*=====$", Generic.Heading),
            (r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d+ UTC$", Comment.Single),
            include("detect_section"),
            include("preprocessor_macros"),
            include("info_tbls"),
            include("comments"),
            include("literals"),
            include("keywords"),
            include("types"),
            include("infos"),
            include("names"),
            include("operators"),
            (r"\\\n", Text),
            (r".", Text),
        ],
        "detect_section": [(r"(section)(\s+)", _parts([Keyword, Text], "section"))],
        "section": [
            (r'"(data|cstring|text|rodata|relrodata|bss)"', Name.Builtin),
            (r"\{", Punctuation, "#pop"),
            include("names"),
            include("operators"),
            include("keywords"),
            (r"\s+", Text),
        ],
        "preprocessor_macros": [
            (r"#(include|endif|else|if)", Comment.Preproc),
            (rf"(\#define)({WS}*)({ID})", _parts([Comment.Preproc, RECURSE, Name.Label])),
        ],
        "info_tbls": [
            (
                r"(\{ )(info_tbls)(:)",
                _parts([Punctuation, Name.Entity, Punctuation], "info_tbls_body"),
            ),
        ],
        "info_tbls_body": [
            (r"\}", Punctuation, "#pop"),
            (r"\{", Punctuation, "info_tbls_body"),
            (r"(?=label:)", Text, "label"),
            (rf"(\()({COMPLEX_ID})(,)", _parts([Punctuation, Name.Label, Punctuation])),
            include("literals"),
            include("infos"),
            include("keywords"),
            include("operators"),
            (ID, Text),
            (r"\s+", Text),
        ],
        "label": [
            include("infos"),
            include("names"),
            include("keywords"),
            include("operators"),
            (r"[^\S\n]+", Text),
            (r"\n", Text, "#pop"),
        ],
        "comments": [
            (r"/{2}.*", Comment.Single),
            (r"\(likely.*?\)", Comment),
            (r"(?s)/\*.*?\*/", Comment.Multiline),
        ],
        "literals": [
            (r"-?[0-9]+\.[0-9]+", Number.Float),
            (r"-?[0-9]+", Number.Integer),
            (r'"', String.Delimiter, "literal_string"),
        ],
        "literal_string": [
            (r"\\.", String.Escape),
            (r"%.", String.Symbol),
            (r'"', String.Delimiter, "#pop"),
            (r".", String),
        ],
        "operators": [
            (r"\.\.", Operator),
            (r"[+\-*/<>=!&|~]", Operator),
            (r"[\[\].{}:;,()]", Punctuation),
        ],
        "keywords": [
            (r"(const)(\s+)", _parts([Keyword.Constant, Text])),
            (r'"', String.Double),
            (r"(switch)([^{]*)(\{)", _parts([Keyword, RECURSE, Punctuation])),
            (
                rf"(arg|result)({WS}+)(hints)(:)",
                _parts([Name.Property, RECURSE, Name.Property, Punctuation]),
            ),
            (rf"(returns)({WS}*)(to)", _parts([Keyword, RECURSE, Keyword])),
            (rf"(never)({WS}*)(returns)", _parts([Keyword, RECURSE, Keyword])),
            (rf"(return)({WS}*)(\()", _parts([Keyword, RECURSE, Punctuation])),
            (
                r"(if|else|goto|call|offset|import|jump|ccall|foreign|prim|case|unwind"
                rf"|export|reserve|push)({WS})",
                _parts([Keyword, RECURSE]),
            ),
            (rf"(default)({WS}*)(:)", _parts([Keyword, RECURSE, Punctuation])),
        ],
        "types": [
            (rf"({ID})(?=\[[^\]])", _parts([Keyword.Type])),
            (rf"({ID}\[\])", _parts([Keyword.Type])),
            (
                rf"(^{ID})({WS}+)({ID})({WS}*)(\()",
                _parts([Name.Label, RECURSE, Name.Function, RECURSE, Punctuation]),
            ),
            (rf"(^{ID})({WS}+)({ID})", _parts([Keyword.Type, RECURSE, Name.Label])),
        ],
        "infos": [
            (
                r"(args|res|upd|label|rep|srt|arity|fun_type|arg_space|updfr_space)(:)",
                _parts([Name.Property, Punctuation]),
            ),
            (r"(stack_info)(:)", _parts([Name.Entity, Punctuation])),
        ],
        "names": [
            (rf"(::)({WS}*)([A-Z]\w+)", _parts([Operator, RECURSE, Keyword.Type])),
            (rf"<({ID})>", Name.Builtin),
            (
                rf"(Sp|SpLim|Hp|HpLim|HpAlloc|BaseReg|CurrentNursery|CurrentTSO|R\d{{1,2}}|gcptr)(?!{ID})",
                Name.Variable.Global,
            ),
            (rf"([A-Z]{ID})(\.)", _parts([Name.Namespace, Punctuation], "namespace_name")),
            (rf"(`)({ID})(`)", _parts([Punctuation, Name.Function, Punctuation])),
            (rf"(?={COMPLEX_ID}{WS}*[{{(])", Text, "function"),
            (r"CLOSURE", Keyword.Type),
            (COMPLEX_ID, Name.Label),
        ],
        "namespace_name": [
            (rf"([A-Z]{ID})(\.)", _parts([Name.Namespace, Punctuation])),
            (rf"({COMPLEX_ID})({WS}*)([{{(])", _namespace_call),
            (COMPLEX_ID, Name.Label, "#pop"),
            (r"(?s)(?=.)", Text, "#pop"),
        ],
        "function": [
            (
                r"INFO_TABLE_FUN|INFO_TABLE_CONSTR|INFO_TABLE_SELECTOR|INFO_TABLE_RET|INFO_TABLE",
                Name.Builtin,
            ),
            (rf"%{ID}", Name.Builtin),
            (COMPLEX_ID, Name.Function),
            (r"\s+", Text),
            (r"[({]", Punctuation, "#pop"),
            include("comments"),
        ],
    }
