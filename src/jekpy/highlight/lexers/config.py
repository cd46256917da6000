"""Configuration formats tokenised as Rouge 3.30's ``conf``, ``ini`` and
``docker`` lexers do (Dockerfile ``RUN`` lines are lexed as shell)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Keyword,
    LexerContext,
    Name,
    Number,
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
