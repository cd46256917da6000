"""Configuration formats tokenised as Rouge 3.30's ``conf``, ``ini`` and
``docker`` lexers do (Dockerfile ``RUN`` lines are lexed as shell)."""

from __future__ import annotations

import re
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
    default,
    include,
)
from jekpy.highlight.lexers import config_words as cw
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream, classify
from jekpy.highlight.lexers.shell import ShellLexer


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


def _key_value_states(comment: str, root: list[Any], escapes: list[Any]) -> dict[str, Any]:
    """States of a ``key = value`` line format (INI, Java properties).

    ``comment`` is the pattern of a comment line, ``root`` the rules for keys
    (and sections) that enter ``value``, ``escapes`` the escapes in values.
    """
    return {
        "basic": [
            (comment, Comment),
            (r"\s+", Text),
            (r"\\\n", String.Escape),
        ],
        "root": [include("basic"), *root],
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
        "esc_str": escapes,
    }


class IniLexer(RougeRegexLexer):
    """Rouge's ``ini`` lexer."""

    name = "INI (Rouge)"
    aliases = ["rouge-ini"]

    tokens: dict[str, Any] = _key_value_states(
        r"[;#].*?\n",
        [
            (rf"({_INI_ID})(\s*)(=)", bygroups(Name.Property, Text, Punctuation), "value"),
            (r"\[.*?\]", Name.Namespace),
        ],
        [(r"(?s)\\.", String.Escape)],
    )


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

    tokens: dict[str, Any] = _key_value_states(
        r"[!#].*?\n",
        [(r"([\w.-]+)(\s*)([=:])", bygroups(Name.Property, Text, Punctuation), "value")],
        [
            (r"\\u[0-9]{4}", String.Escape),
            (r"(?s)\\.", String.Escape),
        ],
    )


_NGINX_ID = r"[^\s$;{}()#]+"


def _nginx_open_block(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Punctuation, match.group()
    ctx.stack[-1] = "block"


class NginxLexer(RougeRegexLexer):
    """Rouge's ``nginx`` lexer."""

    name = "nginx (Rouge)"
    aliases = ["rouge-nginx"]

    tokens: dict[str, Any] = {
        "root": [
            (r"(include)(\s+)([^\s;]+)", bygroups(Keyword, Text, Name)),
            (_NGINX_ID, Keyword, "statement"),
            include("base"),
        ],
        "block": [
            (r"\}", Punctuation, "#pop"),
            (_NGINX_ID, Keyword.Namespace, "statement"),
            include("base"),
        ],
        "statement": [
            (r"\{", _nginx_open_block),
            (r";", Punctuation, "#pop"),
            include("base"),
        ],
        "base": [
            (r"\s+", Text),
            (r"#.*", Comment.Single),
            (r"(?:on|off)\b", Name.Constant),
            (r"[$][\w-]+", Name.Variable),
            (r"(?i)([a-z0-9.-]+)(:)([0-9]+)", bygroups(Name.Function, Punctuation, Number.Integer)),
            (r"(?i)[a-z-]+/[a-z-]+", Name.Class),
            (r"(?i)[0-9]+[kmg]?\b", Number.Integer),
            (r"(~)(\s*)([^\s{]+)", bygroups(Punctuation, Text, String.Regex)),
            (r"[:=~]", Punctuation),
            (rf"/(?:{_NGINX_ID})?", Name),
            (r"[^#\s;{}$\\]+", String),
            (r"[$;]", Text),
        ],
    }


def _apache_kind(word: str, tok: TokenType) -> TokenType:
    if word in cw.APACHE_SECTIONS or word in cw.APACHE_DIRECTIVES or word in cw.APACHE_VALUES:
        return tok
    return Text


def _apache_section(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Punctuation, match.group(1)
    yield match.start(2), _apache_kind(match.group(2).lower(), Name.Label), match.group(2)
    ctx.stack.append("section")


def _apache_directive(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, _apache_kind(match.group().lower(), Name.Class), match.group()
    ctx.stack.append("directive")


def _apache_value(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, _apache_kind(match.group().lower(), String.Symbol), match.group()


class ApacheLexer(RougeRegexLexer):
    """Rouge's ``apache`` lexer."""

    name = "Apache (Rouge)"
    aliases = ["rouge-apache"]

    tokens: dict[str, Any] = {
        "whitespace": [(r"#.*", Comment), (r"\s+", Text)],
        "root": [
            include("whitespace"),
            (r"(</?)(\w+)", _apache_section),
            (r"\w+", _apache_directive),
        ],
        "section": [
            (r"([^>]+)?(>(?:\r\n?|\n)?)", bygroups(String.Regex, Punctuation), "#pop"),
            include("whitespace"),
        ],
        "directive": [
            (r"\r\n?|\n", Text, "#pop"),
            include("whitespace"),
            (r"\S+", _apache_value),
        ],
    }


_vim_word = classify(
    [
        (cw.VIM_COMMAND, Keyword),
        (cw.VIM_FUNCTION, Name.Builtin),
        (cw.VIM_OPTION, Name.Builtin),
        (cw.VIM_AUTO, Name.Builtin),
    ],
    Text,
)


class VimLexer(RougeRegexLexer):
    """Rouge's ``viml`` lexer (tags viml, vim, vimscript, ex)."""

    name = "VimL (Rouge)"
    aliases = ["rouge-viml"]

    tokens: dict[str, Any] = {
        "root": [
            (r'^(\s*)(".*?)$', bygroups(Text, Comment)),
            (r"^\s*\\", String.Escape),
            (r"[ \t]+", Text),
            (r"/(\\\\|\\/|[^\n/])*/", String.Regex),
            (r'"(\\\\|\\"|[^\n"])*"', String.Double),
            (r"'(\\\\|\\'|[^\n'])*'", String.Single),
            (r'(?<=\s)"[^-:.%#=*].*?$', Comment),
            (r"-?\d+", Number),
            (r"(?i)#[0-9a-f]{6}", Number.Hex),
            (r"^:", Punctuation),
            (r"[():<>+=!\[\]{}|,~.-]", Punctuation),
            (r"\b(let|if|else|endif|elseif|fun|function|endfunction)\b", Keyword),
            (r"\b(NONE|bold|italic|underline|dark|light)\b", Name.Builtin),
            (r"[absg]:\w+\b", Name.Variable),
            (r"\b\w+\b", _vim_word),
            (r"(?s).", Text),
        ],
    }


class ProtobufLexer(RougeRegexLexer):
    """Rouge's ``protobuf`` lexer (tags protobuf, proto)."""

    name = "Protobuf (Rouge)"
    aliases = ["rouge-protobuf"]

    tokens: dict[str, Any] = {
        "root": [
            (r"[\s]+", Text),
            (r"[,;{}\[\]()]", Punctuation),
            (r"/(\\\n)?/($|(.|\n)*?[^\\]$)", Comment.Single),
            (r"/(\\\n)?\*(.|\n)*?\*(\\\n)?/", Comment.Multiline),
            (
                r"\b(ctype|default|extensions|import|max|oneof|option|optional|packed|repeated"
                r"|required|returns|rpc|to)\b",
                Keyword,
            ),
            (
                r"\b(bool|bytes|double|fixed32|fixed64|float|int32|int64|sfixed32|sfixed64"
                r"|sint32|sint64|string|uint32|uint64)\b",
                Keyword.Type,
            ),
            (r"true|false", Keyword.Constant),
            (r"(package)(\s+)", bygroups(Keyword.Namespace, Text), "package"),
            (r"(message|extend)(\s+)", bygroups(Keyword.Declaration, Text), "message"),
            (r"(enum|group|service)(\s+)", bygroups(Keyword.Declaration, Text), "type"),
            (r'".*?"', String),
            (r"'.*?'", String),
            (r"(\d+\.\d*|\.\d+|\d+)[eE][+-]?\d+[LlUu]*", Number.Float),
            (r"(\d+\.\d*|\.\d+|\d+[fF])[fF]?", Number.Float),
            (r"(\-?(inf|nan))\b", Number.Float),
            (r"0x[0-9a-fA-F]+[LlUu]*", Number.Hex),
            (r"0[0-7]+[LlUu]*", Number.Oct),
            (r"\d+[LlUu]*", Number.Integer),
            (r"[+-=]", Operator),
            (r"([a-zA-Z_][\w.]*)([ \t]*)(=)", bygroups(Name.Attribute, Text, Operator)),
            (r"[a-zA-Z_][\w.]*", Name),
        ],
        "package": [(r"[a-zA-Z_]\w*", Name.Namespace, "#pop"), default("#pop")],
        "message": [(r"[a-zA-Z_]\w*", Name.Class, "#pop"), default("#pop")],
        "type": [(r"[a-zA-Z_]\w*", Name, "#pop"), default("#pop")],
    }


class SystemdLexer(RougeRegexLexer):
    """Rouge's ``systemd`` lexer (tags systemd, unit-file)."""

    name = "systemd (Rouge)"
    aliases = ["rouge-systemd"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\s+", Text),
            (r"[;#].*", Comment),
            (r"\[.*?\]$", Keyword),
            (
                r"(.*?)(=)(.*)(\\\n)",
                bygroups(Name.Tag, Punctuation, Text, String.Escape),
                "continuation",
            ),
            (r"(.*?)(=)(.*)", bygroups(Name.Tag, Punctuation, Text)),
        ],
        "continuation": [
            (r"(.*?)(\\\n)", bygroups(Text, String.Escape)),
            (r"(.*)'", Text, "#pop"),
        ],
    }


_HTTP_METHODS = ["GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "TRACE", "PATCH"]


def _http_header(lexer: HttpLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    if match.group(1).strip(" \t\n\v\f\r\0").lower() == "content-type":
        lexer.content_type = match.group(5).split(";")[0].lower()
    toks = [Name.Attribute, Text, Punctuation, Text, String, Text]
    for i, tok in enumerate(toks, start=1):
        yield match.start(i), tok, match.group(i)


def _http_content(lexer: HttpLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    from jekpy.highlight.lexers import make_lexer
    from jekpy.highlight.lexers.mimetypes import ROUGE_MIMETYPES

    tag = ROUGE_MIMETYPES.get(lexer.content_type, "plaintext")
    sub = make_lexer(tag)
    if sub is None:
        yield 0, Text, match.group()
    else:
        yield from sub.get_tokens_unprocessed(match.group())


class HttpLexer(RougeRegexLexer):
    """Rouge's ``http`` lexer: request/response line, headers, then the body
    lexed by the lexer for its ``Content-Type``."""

    name = "HTTP (Rouge)"
    aliases = ["rouge-http"]

    content_type: str = "text/plain"

    def reset(self) -> None:
        self.content_type = "text/plain"

    tokens: dict[str, Any] = {
        "root": [
            (
                r"(" + "|".join(_HTTP_METHODS) + r")([ ]+)([^ ]+)([ ]+)(HTTPS?)(/)(\d(?:\.\d)?)"
                r"(\r?\n|$)",
                bygroups(
                    Name.Function, Text, Name.Namespace, Text, Keyword, Operator, Number, Text
                ),
                "headers",
            ),
            (
                r"(HTTPS?)(/)(\d(?:\.\d))([ ]+)(\d{3})([ ]+)?([^\r\n]*)?(\r?\n|$)",
                bygroups(
                    Keyword, Operator, Number, Text, Number, Text, Name.Exception, Text
                ),
                "headers",
            ),
        ],
        "headers": [
            (r"([^\s:]+)( *)(:)( *)([^\r\n]+)(\r?\n|$)", _http_header),
            (r"([^\r\n]+)(\r?\n|$)", bygroups(String, Text)),
            (r"\r?\n", Text, "content"),
        ],
        "content": [(r"(?s).+", _http_content)],
    }


class SshLexer(RougeRegexLexer):
    """Rouge's ``ssh`` lexer (ssh_config files)."""

    name = "SSH config (Rouge)"
    aliases = ["rouge-ssh"]

    tokens: dict[str, Any] = {
        "root": [(r"(?i)[a-z0-9]+", Keyword, "statement"), include("base")],
        "statement": [
            (r"\n", Text, "#pop"),
            (r"(?:yes|no|confirm|ask|always|auto|none|force)\b", Name.Constant),
            (r"\d+", Number),
            (r"[^#\s;{}$\\]+", Text),
            include("base"),
        ],
        "base": [(r"\s+", Text), (r"#.*", Comment.Single)],
    }


class PlistLexer(RougeRegexLexer):
    """Rouge's ``plist`` lexer (old-style property lists)."""

    name = "plist (Rouge)"
    aliases = ["rouge-plist"]

    tokens: dict[str, Any] = {
        "whitespace": [(r"\s+", Text.Whitespace)],
        "root": [
            (r"//.*$", Comment),
            (r"(?s)/\*.+?\*/", Comment),
            include("whitespace"),
            (r"\{", Punctuation, "dictionary"),
            (r"\(", Punctuation, "array"),
            (r'"([^"\\]|\\.)*"', Literal.String.Double),
            (r"'([^'\\]|\\.)*'", Literal.String.Single),
            (r"<", Punctuation, "data"),
            (r"[\w$/:.-]+", Literal),
        ],
        "dictionary": [
            include("root"),
            (r"[=;]", Punctuation),
            (r"\}", Punctuation, "#pop"),
        ],
        "array": [
            include("root"),
            (r"[,]", Punctuation),
            (r"\)", Punctuation, "#pop"),
        ],
        "data": [
            (r"[0-9a-fA-F\s]+", Literal.Number.Hex),
            (r">", Punctuation, "#pop"),
        ],
    }
