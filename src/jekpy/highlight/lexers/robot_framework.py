"""Robot Framework test data tokenised as Rouge 3.30's ``robot_framework`` lexer does.

Cells are told apart by a column counter and a "next cell kind" kept on the
lexer: the first cell of a test/keyword row is a keyword (``Name.Function``),
later ones are arguments (``String``); settings that take a keyword or
arguments set the kind of the cells after them.  A section heading starts a
section only when its name (less one lower-case trailing ``s``) is known.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Generic,
    LexerContext,
    Name,
    Punctuation,
    String,
    Text,
    bygroups,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream

WS = Text.Whitespace

SETTINGS_WITH_KEYWORDS = frozenset(
    [
        "library", "resource", "setup", "teardown", "template", "suite setup",
        "suite teardown", "task setup", "task teardown", "task template",
        "test setup", "test teardown", "test template", "variables",
    ]
)  # fmt: skip
SETTINGS_WITH_ARGS = frozenset(
    [
        "arguments", "default tags", "documentation", "force tags", "metadata",
        "return", "tags", "timeout", "task timeout", "test timeout",
    ]
)  # fmt: skip

ID = r"(?:\\|[^|$@&% \t\n])+(?: (?:\\.|[^|$@&% \t\n])+)*"
BDD = r"(?i:(?:Given|When|Then|And|But) )"
SEP = r" +\| +|[ ]{2,}|\t+"
SETTING_NAME = r"(?i:[A-Z]+(?: [A-Z]+)?)"

SECTIONS = {
    "setting": "section_settings",
    "test case": "section_tests",
    "task": "section_tasks",
    "keyword": "section_keywords",
    "variable": "section_variables",
}


def _kind_after(setting: str) -> str | None:
    name = setting.lower()
    if name in SETTINGS_WITH_KEYWORDS:
        return "keyword"
    if name in SETTINGS_WITH_ARGS:
        return "args"
    return None


def _heading(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Generic.Heading, match.group()
    name = match.group(1)
    name = name[:-1] if name.endswith("s") else name
    section = SECTIONS.get(name.lower())
    if section:
        ctx.stack.append(section)


def _sep(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, WS, match.group()
    lexer.col += 1
    if lexer.next:
        ctx.stack.append(lexer.next)
    elif lexer.is_template:
        ctx.stack.append("args")
    elif lexer.col == 1:
        lexer.next = "keyword"
        ctx.stack.append("keyword")
    else:
        ctx.stack.append("args")
    ctx.stack.append("cell_start")


def _continuation(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, WS, match.group()
    lexer.col += 1
    ctx.stack.append("args")


def _newline(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, WS, match.group()
    lexer.col = 0
    lexer.next = None
    ctx.stack.append("cell_start")


def _setting(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    lexer.next = _kind_after(match.group(1))
    yield from bygroups(Name.Builtin.Pseudo, Punctuation)(lexer, match, ctx)


def _bracket_setting(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield from bygroups(Punctuation, Name.Builtin.Pseudo, Punctuation)(lexer, match, ctx)
    if match.group(2).lower() == "template":
        lexer.is_template = True
    kind = _kind_after(match.group(2))
    if kind:
        lexer.next = kind
    ctx.stack.pop()


def _open_var(next_kind: str | None) -> Callable[..., TokenStream]:
    """``${`` etc.: into a variable; ``next_kind`` ``"keep"`` re-aims a set kind at keywords."""

    def callback(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
        yield 0, Name.Variable, match.group()
        if next_kind == "keep":
            if lexer.next is not None:
                lexer.next = "keyword"
        elif next_kind is not None:
            lexer.next = next_kind
        ctx.stack.append("var")

    return callback


def _for(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Name.Function, match.group()
    if lexer.next is not None:
        lexer.next = "keyword"


def _keyword_name(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Name.Function, match.group()
    lexer.next = None


def _test_name(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Name.Label, match.group()
    lexer.is_template = False


_LABEL_RULES: list[Any] = [
    (r"[$@&%{}]+", Name.Label),
    (r"( )(?![ |])", Name.Label),
]


class RobotFrameworkLexer(RougeRegexLexer):
    """Rouge's ``robot_framework`` lexer."""

    name = "Robot Framework (Rouge)"
    aliases = ["rouge-robot_framework"]

    initial_stack = ("root", "prior_text")
    col: int
    next: str | None
    is_template: bool

    def reset(self) -> None:
        self.col = 0
        self.next = None
        self.is_template = False

    tokens: dict[str, Any] = {
        "prior_text": [
            (r"^[^*].*", Text),
            (r"", Text, "#pop"),
        ],
        "whitespace": [(r"\s+", WS)],
        "section_include": [
            include("end_section"),
            include("sep"),
            include("newline"),
        ],
        "end_section": [(r"(?=^(?:\| )?\*)", Text, "#pop")],
        "return": [(r"", Text, "#pop")],
        "sep": [
            (r"\| ", WS),
            (SEP, _sep),
            (r"\.\.\. *", _continuation),
            (r" ?\|", WS),
        ],
        "newline": [(r"\n", _newline)],
        "root": [
            include("whitespace"),
            (r"(?i)^(?:\| )?\*[* ]*([A-Z]+(?: [A-Z]+)?).*", _heading),
        ],
        "section_settings": [
            include("section_include"),
            (rf"({SETTING_NAME})(:?)", _setting),
        ],
        "section_tests": [
            include("section_include"),
            *_LABEL_RULES,
            (ID, _test_name),
        ],
        "section_tasks": [include("section_tests")],
        "section_keywords": [
            include("section_include"),
            (r"[$@&%]\{", _open_var(None)),
            *_LABEL_RULES,
            (ID, Name.Label),
        ],
        "section_variables": [
            include("section_include"),
            (r"[$@&%]\{", _open_var("args")),
        ],
        "cell_start": [
            (r"#.*", Comment),
            include("return"),
        ],
        "keyword": [
            (rf"(\[)({SETTING_NAME})(\])", _bracket_setting),
            (r"[$@&%]\{", _open_var("keep")),
            (r"(?i)FOR", _for),
            (r"( )(?![ |])", Name.Function),
            (BDD, Name.Builtin),
            (ID, _keyword_name),
            include("return"),
        ],
        "args": [
            (r"[$@&%]\{", _open_var("keep")),
            (r"[$@&%]+", String),
            (r"( )(?![ |])", String),
            (ID, String),
            include("return"),
        ],
        "var": [
            (r"(\})( )(=)", bygroups(Name.Variable, WS, Punctuation), "#pop"),
            (r"[$@&%]\{", Name.Variable, "var"),
            (r"[{\[]", Name.Variable, "var"),
            (r"[}\]]", Name.Variable, "#pop"),
            (r"[^$@&%{}\[\]]+", Name.Variable),
            (r"\}\[", Name.Variable),
        ],
    }
