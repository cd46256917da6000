"""A template lexer with Ruby Liquid 5.4's tokenizer and whitespace rules.

It yields python-liquid tokens (``content``, ``output`` + ``expression``,
``tag`` + ``expression``, ``comment``) but splits and trims the way Ruby
Liquid does:

* tokens are ``{%...%}``, ``{{...}}`` (or ``{{...}``) and text; a tag must
  match ``{%-?\\s*(#|\\w+)\\s*(.*?)-?%}`` and an output must end with ``}}``,
  otherwise the template is invalid (``Tag '...' was not properly
  terminated``);
* ``{%-``/``{{-`` strip the end of the text just before, ``-%}``/``-}}``
  the start of the text just after, with Ruby's notion of whitespace (space,
  ``\\t\\n\\v\\f\\r`` and NUL; not NBSP), and the final newline of a template is
  never lost;
* ``{% raw %}`` ends at the first ``{% endraw %}`` written without a leading
  ``-`` (Ruby's rule), its body is never trimmed, and the text after it is
  trimmed if the *opening* tag ends with ``-%}``;
* ``{% comment %}`` bodies (nested comments included) become one ``comment``
  token, as python-liquid's parser expects.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from liquid.token import (
    TOKEN_COMMENT,
    TOKEN_CONTENT,
    TOKEN_EXPRESSION,
    TOKEN_OUTPUT,
    TOKEN_TAG,
    Token,
)

from .errors import LiquidSyntaxFatal

__all__ = ["RUBY_WHITESPACE", "RawBodyToken", "tokenize"]


class RawBodyToken(Token):
    """The text of a ``{% raw %}`` body: a tag in Ruby (never a blank string)."""

    __slots__ = ()
    raw_body = True


RUBY_WHITESPACE = " \t\n\v\f\r\0"
_TOKEN = re.compile(r"\{%.*?%\}|\{\{.*?\}\}?|\{%|\{\{", re.S)
_FULL_TAG = re.compile(r"\A\{%(-?)(\s*)(#|[A-Za-z0-9_]+)(\s*)(.*?)(-?)%\}\Z", re.S)
_RAW_END = re.compile(r"\A(.*)\{%\s*(\w+)\s*(.*)?%\}\Z", re.S)
_OUTPUT = re.compile(r"\A\{\{(-?)(.*?)(-?)\}\}\Z", re.S)


def _pieces(source: str) -> list[tuple[int, str]]:
    """Ruby's ``Tokenizer``: (start, text) of every token, text included."""
    out: list[tuple[int, str]] = []
    append = out.append
    pos = 0
    for match in _TOKEN.finditer(source):
        start, end = match.span()
        if start > pos:
            append((pos, source[pos:start]))
        append((start, match.group(0)))
        pos = end
    if pos < len(source):
        append((pos, source[pos:]))
    return out


def _unterminated_tag(text: str, start: int, source: str) -> LiquidSyntaxFatal:
    return LiquidSyntaxFatal(
        f"Tag '{text}' was not properly terminated with regexp: /\\%\\}}/",
        token=Token(TOKEN_TAG, text, start, source),
    )


def tokenize(source: str) -> Iterator[Token]:
    """Tokens of ``source`` for python-liquid's parser, split and trimmed as in Ruby."""
    out: list[Token] = []
    trim_next = False
    pieces = _pieces(source)
    i = 0
    n = len(pieces)

    protected: set[int] = set()  # raw bodies are tag output, never trimmed

    def rstrip_previous() -> None:
        if out and out[-1].kind == TOKEN_CONTENT and id(out[-1]) not in protected:
            last = out.pop()
            value = last.value.rstrip(RUBY_WHITESPACE)
            if value:
                out.append(Token(TOKEN_CONTENT, value, last.start_index, source))

    while i < n:
        start, text = pieces[i]
        i += 1
        if text.startswith("{%"):
            match = _FULL_TAG.match(text)
            if not match:
                raise _unterminated_tag(text, start, source)
            if match.group(1):
                rstrip_previous()
            name = match.group(3)
            markup = match.group(5)
            trim_next = bool(match.group(6))
            if name == "raw":
                if markup.strip(RUBY_WHITESPACE):
                    raise LiquidSyntaxFatal(
                        "Syntax Error in 'raw' - Valid syntax: raw",
                        token=Token(TOKEN_TAG, name, start + match.start(3), source),
                    )
                # Ruby's Raw#parse leaves the trim flag of the opening tag as it was:
                # ``{% raw -%}`` (not ``{% endraw -%}``) trims the text after the block.
                i = _raw(pieces, i, start, out, protected, source)
                continue
            out.append(Token(TOKEN_TAG, name, start + match.start(3), source))
            stripped = markup.strip()
            if stripped and name != "comment":
                offset = start + match.start(5) + (len(markup) - len(markup.lstrip()))
                out.append(Token(TOKEN_EXPRESSION, stripped, offset, source))
            if name == "comment":
                i, trim_next = _comment(pieces, i, start, out, source)
            continue
        if text.startswith("{{"):
            match = _OUTPUT.match(text)
            if not match:
                raise LiquidSyntaxFatal(
                    f"Variable '{text}' was not properly terminated with regexp: /\\}}\\}}/",
                    token=Token(TOKEN_OUTPUT, text, start, source),
                )
            if match.group(1):
                rstrip_previous()
            trim_next = bool(match.group(3))
            markup = match.group(2)
            out.append(Token(TOKEN_OUTPUT, text, start, source))
            offset = start + match.start(2) + (len(markup) - len(markup.lstrip()))
            out.append(Token(TOKEN_EXPRESSION, markup.strip(), offset, source))
            continue
        value = text
        if trim_next:
            stripped = value.lstrip(RUBY_WHITESPACE)
            start += len(value) - len(stripped)
            value = stripped
        trim_next = False
        if value:
            out.append(Token(TOKEN_CONTENT, value, start, source))
    return iter(out)


def _raw(
    pieces: list[tuple[int, str]],
    i: int,
    tag_start: int,
    out: list[Token],
    protected: set[int],
    source: str,
) -> int:
    """Consume a raw body up to Ruby's idea of ``{% endraw %}`` (emitted as content)."""
    body: list[str] = []
    body_start = pieces[i][0] if i < len(pieces) else len(source)
    while i < len(pieces):
        _, text = pieces[i]
        i += 1
        match = _RAW_END.match(text)
        if match and match.group(2) == "endraw":
            if match.group(1):
                body.append(match.group(1))
            value = "".join(body)
            if value:
                token = RawBodyToken(TOKEN_CONTENT, value, body_start, source)
                out.append(token)
                protected.add(id(token))
            return i
        body.append(text)
    raise LiquidSyntaxFatal(
        "'raw' tag was never closed", token=Token(TOKEN_TAG, "raw", tag_start, source)
    )


def _comment(
    pieces: list[tuple[int, str]], i: int, tag_start: int, out: list[Token], source: str
) -> tuple[int, bool]:
    """Consume a comment body (nested comments and raw blocks inside) as one token."""
    # python-liquid's parser sees ``tag comment``, ``comment <text>``, ``tag endcomment``.
    depth = 1
    body_start = pieces[i][0] if i < len(pieces) else len(source)
    while i < len(pieces):
        start, text = pieces[i]
        i += 1
        if not text.startswith("{%"):
            continue
        match = _FULL_TAG.match(text)
        if not match:
            raise _unterminated_tag(text, start, source)
        name = match.group(3)
        if name == "raw":
            j = i
            while j < len(pieces):
                inner = _RAW_END.match(pieces[j][1])
                j += 1
                if inner and inner.group(2) == "endraw":
                    break
            else:
                raise LiquidSyntaxFatal(
                    "'raw' tag was never closed", token=Token(TOKEN_TAG, "raw", start, source)
                )
            i = j
        elif name == "comment":
            depth += 1
        elif name == "endcomment":
            depth -= 1
            if depth == 0:
                out.append(Token(TOKEN_COMMENT, source[body_start:start], body_start, source))
                out.append(Token(TOKEN_TAG, "endcomment", start + match.start(3), source))
                return i, bool(match.group(6))
    raise LiquidSyntaxFatal(
        "'comment' tag was never closed", token=Token(TOKEN_TAG, "comment", tag_start, source)
    )
