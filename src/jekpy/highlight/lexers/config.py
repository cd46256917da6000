"""Configuration formats tokenised as Rouge 3.30's ``conf``, ``ini`` and
``docker`` lexers do (Dockerfile ``RUN`` lines are lexed as shell)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Error,
    Keyword,
    LexerContext,
    Literal,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    TokenType,
    bygroups,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer
from jekpy.highlight.lexers.shell import ShellLexer

TokenStream = Iterator[tuple[int, TokenType, str]]


class ConfLexer(RougeRegexLexer):
    """Rouge's ``conf`` lexer (tags conf, config, configuration)."""

    name = "Conf (Rouge)"
    aliases = ["rouge-conf"]

    tokens: dict[str, Any] = {
        "root": [
            (r"#.*?\n", Comment),
            (r'".*?"', String.Double),
            (r"'.*?'", String.Single),
            (r"[a-zA-Z]\w*", Name),
            (r"\d+", Number),
            (r"[^\w#\"']+", Text),
        ],
    }


_INI_ID = r"[\w\-.]+"


class IniLexer(RougeRegexLexer):
    """Rouge's ``ini`` lexer."""

    name = "INI (Rouge)"
    aliases = ["rouge-ini"]

    tokens: dict[str, Any] = {
        "basic": [
            (r"[;#].*?\n", Comment),
            (r"\s+", Text),
            (r"\\\n", String.Escape),
        ],
        "root": [
            include("basic"),
            (rf"({_INI_ID})(\s*)(=)", bygroups(Name.Property, Text, Punctuation), "value"),
            (r"\[.*?\]", Name.Namespace),
        ],
        "value": [
            (r"\n", Text, "#pop"),
            include("basic"),
            (r'"', String, "dq"),
            (r"'.*?'", String),
            include("esc_str"),
            (r"[^\\\n]+", String),
        ],
        "dq": [
            (r'"', String, "#pop"),
            include("esc_str"),
            (r'[^\\"]+', String),
        ],
        "esc_str": [(r"(?s)\\.", String.Escape)],
    }


_DOCKER_KEYWORDS = (
    "FROM|MAINTAINER|CMD|LABEL|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ARG"
    "|STOPSIGNAL|HEALTHCHECK|SHELL"
)
_WS = Text.Whitespace


def _run(lexer: DockerLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Keyword, match.group()
    ctx.stack.append("run")
    lexer.shell.restart()


def _to_shell(lexer: DockerLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield from lexer.shell.continue_tokens(match.group())


class DockerLexer(RougeRegexLexer):
    """Rouge's ``docker`` lexer (tags docker, dockerfile, Dockerfile)."""

    name = "Docker (Rouge)"
    aliases = ["rouge-docker"]

    shell: ShellLexer

    def reset(self) -> None:
        self.shell = ShellLexer()
        self.shell.restart()

    tokens: dict[str, Any] = {
        "root": [
            (r"\s+", Text),
            (
                r"(?i)^(FROM)(\s+)(.*)(\s+)(AS)(\s+)(.*)",
                bygroups(Keyword, _WS, String, _WS, Keyword, _WS, String),
            ),
            (
                rf"(?i)^(ONBUILD)(\s+)({_DOCKER_KEYWORDS})(.*)",
                bygroups(Keyword, _WS, Keyword, String),
            ),
            (rf"(?i)^({_DOCKER_KEYWORDS})\b(.*)", bygroups(Keyword, String)),
            (r"#.*?$", Comment),
            (r"(?i)^(ONBUILD\s+)?RUN(\s+)", _run),
            (r"\w+", Text),
            (r"[^\w]+", Text),
            (r".", Text),
        ],
        "run": [
            (r"\n", Text, "#pop"),
            (r"(?s)\\.", String.Escape),
            (r"(\\.|[^\n\\])+", _to_shell),
        ],
    }


_TOML_ID = r"(?:\S+|\"[^\"]+\"|'[^']+')"


class TomlLexer(RougeRegexLexer):
    """Rouge's ``toml`` lexer."""

    name = "TOML (Rouge)"
    aliases = ["rouge-toml"]

    tokens: dict[str, Any] = {
        "basic": [
            (r"\s+", Text),
            (r"#.*?$", Comment),
            (r"(true|false)", Keyword.Constant),
            (
                rf"({_TOML_ID})(\s*)(=)(\s*)(\{{)",
                bygroups(Name.Namespace, Text, Operator, Text, Punctuation),
                "inline",
            ),
            (r"(?<!=)\s*\[[\S]+\]", Name.Namespace),
            (r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", Literal.Date),
            (r"[+-]?\d+(?:_\d+)*\.\d+(?:_\d+)*(?:[eE][+-]?\d+(?:_\d+)*)?", Number.Float),
            (r"[+-]?\d+(?:_\d+)*[eE][+-]?\d+(?:_\d+)*", Number.Float),
            (r"[+-]?(?:nan|inf)", Number.Float),
            (r"0x[0-9a-fA-F]+(?:_[0-9a-fA-F]+)*", Number.Hex),
            (r"0o[0-7]+(?:_[0-7]+)*", Number.Oct),
            (r"0b[01]+(?:_[01]+)*", Number.Bin),
            (r"[+-]?\d+(?:_\d+)*", Number.Integer),
        ],
        "root": [
            include("basic"),
            (rf"({_TOML_ID})(\s*)(=)", bygroups(Name.Property, Text, Punctuation), "value"),
        ],
        "value": [(r"\n", Text, "#pop"), include("content")],
        "content": [
            include("basic"),
            (rf"({_TOML_ID})(\s*)(=)", bygroups(Name.Property, Text, Punctuation)),
            (r'"""', String, "mdq"),
            (r'"', String, "dq"),
            (r"'''", String, "msq"),
            (r"'", String, "sq"),
            include("esc_str"),
            (r",", Punctuation),
            (r"\[", Punctuation, "array"),
        ],
        "dq": [
            (r'"', String, "#pop"),
            (r"\n", Error, "#pop"),
            include("esc_str"),
            (r'[^\\"\n]+', String),
        ],
        "mdq": [
            (r'"""', String, "#pop"),
            include("esc_str"),
            (r'[^\\"]+', String),
            (r'"+', String),
        ],
        "sq": [
            (r"'", String, "#pop"),
            (r"\n", Error, "#pop"),
            (r"[^'\n]+", String),
        ],
        "msq": [
            (r"'''", String, "#pop"),
            (r"[^']+", String),
            (r"'+", String),
        ],
        "esc_str": [(r'\\[0t\tn\n "\\r]', String.Escape)],
        "array": [include("content"), (r"\]", Punctuation, "#pop")],
        "inline": [include("content"), (r"\}", Punctuation, "#pop")],
    }


class PropertiesLexer(RougeRegexLexer):
    """Rouge's ``properties`` lexer."""

    name = "Properties (Rouge)"
    aliases = ["rouge-properties"]

    tokens: dict[str, Any] = {
        "basic": [
            (r"[!#].*?\n", Comment),
            (r"\s+", Text),
            (r"\\\n", String.Escape),
        ],
        "root": [
            include("basic"),
            (r"([\w.-]+)(\s*)([=:])", bygroups(Name.Property, Text, Punctuation), "value"),
        ],
        "value": [
            (r"\n", Text, "#pop"),
            include("basic"),
            (r'"', String, "dq"),
            (r"'.*?'", String),
            include("esc_str"),
            (r"[^\\\n]+", String),
        ],
        "dq": [
            (r'"', String, "#pop"),
            include("esc_str"),
            (r'[^\\"]+', String),
        ],
        "esc_str": [
            (r"\\u[0-9]{4}", String.Escape),
            (r"(?s)\\.", String.Escape),
        ],
    }
