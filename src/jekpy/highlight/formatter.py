"""Rouge's ``Formatters::HTML`` and ``Formatters::HTMLTable`` over Pygments tokens."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from jekpy.highlight._pyg import TokenType

# Rouge 3.30's token table (``lib/rouge/token.rb``): qualified name -> short CSS
# class.  ``Text`` itself is written without a span.
SHORTNAMES: Final[dict[str, str]] = {
    "Text": "",
    "Text.Whitespace": "w",
    "Escape": "esc",
    "Error": "err",
    "Other": "x",
    "Keyword": "k",
    "Keyword.Constant": "kc",
    "Keyword.Declaration": "kd",
    "Keyword.Namespace": "kn",
    "Keyword.Pseudo": "kp",
    "Keyword.Reserved": "kr",
    "Keyword.Type": "kt",
    "Keyword.Variable": "kv",
    "Name": "n",
    "Name.Attribute": "na",
    "Name.Builtin": "nb",
    "Name.Builtin.Pseudo": "bp",
    "Name.Class": "nc",
    "Name.Constant": "no",
    "Name.Decorator": "nd",
    "Name.Entity": "ni",
    "Name.Exception": "ne",
    "Name.Function": "nf",
    "Name.Function.Magic": "fm",
    "Name.Property": "py",
    "Name.Label": "nl",
    "Name.Namespace": "nn",
    "Name.Other": "nx",
    "Name.Tag": "nt",
    "Name.Variable": "nv",
    "Name.Variable.Class": "vc",
    "Name.Variable.Global": "vg",
    "Name.Variable.Instance": "vi",
    "Name.Variable.Magic": "vm",
    "Literal": "l",
    "Literal.Date": "ld",
    "Literal.String": "s",
    "Literal.String.Affix": "sa",
    "Literal.String.Backtick": "sb",
    "Literal.String.Char": "sc",
    "Literal.String.Delimiter": "dl",
    "Literal.String.Doc": "sd",
    "Literal.String.Double": "s2",
    "Literal.String.Escape": "se",
    "Literal.String.Heredoc": "sh",
    "Literal.String.Interpol": "si",
    "Literal.String.Other": "sx",
    "Literal.String.Regex": "sr",
    "Literal.String.Single": "s1",
    "Literal.String.Symbol": "ss",
    "Literal.Number": "m",
    "Literal.Number.Bin": "mb",
    "Literal.Number.Float": "mf",
    "Literal.Number.Hex": "mh",
    "Literal.Number.Integer": "mi",
    "Literal.Number.Integer.Long": "il",
    "Literal.Number.Oct": "mo",
    "Literal.Number.Other": "mx",
    "Operator": "o",
    "Operator.Word": "ow",
    "Punctuation": "p",
    "Punctuation.Indicator": "pi",
    "Comment": "c",
    "Comment.Hashbang": "ch",
    "Comment.Doc": "cd",
    "Comment.Multiline": "cm",
    "Comment.Preproc": "cp",
    "Comment.PreprocFile": "cpf",
    "Comment.Single": "c1",
    "Comment.Special": "cs",
    "Generic": "g",
    "Generic.Deleted": "gd",
    "Generic.Emph": "ge",
    "Generic.Error": "gr",
    "Generic.Heading": "gh",
    "Generic.Inserted": "gi",
    "Generic.Output": "go",
    "Generic.Prompt": "gp",
    "Generic.Strong": "gs",
    "Generic.Subheading": "gu",
    "Generic.Traceback": "gt",
    "Generic.Lineno": "gl",
}

#: cache: token type -> its CSS class (at most one entry per token type)
_cache: dict[TokenType, str] = {}


def shortname(tok: TokenType) -> str:
    """Rouge's CSS class for ``tok`` (the nearest ancestor Rouge knows)."""
    found = _cache.get(tok)
    if found is not None:
        return found
    t: TokenType | None = tok
    name = ""
    while t is not None:
        qual = ".".join(t) if len(t) else "Text"
        if qual in SHORTNAMES:
            name = SHORTNAMES[qual]
            break
        t = t.parent
    _cache[tok] = name
    return name


def escape(text: str) -> str:
    """Escape ``&``, ``<`` and ``>`` only, as Rouge does."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def merge(tokens: Iterable[tuple[TokenType, str]]) -> list[tuple[TokenType, str]]:
    """Join consecutive values of the same token type, dropping empty ones."""
    out: list[tuple[TokenType, str]] = []
    for tok, val in tokens:
        if not val:
            continue
        if out and out[-1][0] is tok:
            out[-1] = (tok, out[-1][1] + val)
        else:
            out.append((tok, val))
    return out


def format_html(tokens: Iterable[tuple[TokenType, str]]) -> str:
    """Rouge ``Formatters::HTML``: a span per token, bare text for ``Text``."""
    return _html(merge(tokens))


def _html(merged: list[tuple[TokenType, str]]) -> str:
    """:func:`format_html` of tokens already merged."""
    parts: list[str] = []
    append = parts.append
    names = _cache
    for tok, val in merged:
        name = names.get(tok)
        if name is None:
            name = shortname(tok)
        if "&" in val or "<" in val or ">" in val:
            val = escape(val)
        append(f'<span class="{name}">{val}</span>' if name else val)
    return "".join(parts)


def format_table(
    tokens: Iterable[tuple[TokenType, str]],
    *,
    start_line: int = 1,
    line_format: str = "%i",
    table_class: str = "rouge-table",
    gutter_class: str = "gutter",
    code_class: str = "code",
) -> str:
    """Rouge ``Formatters::HTMLTable``: a gutter of line numbers beside the code.

    The class defaults are the ones Jekyll's ``linenos`` passes; kramdown passes
    its ``syntax_highlighter_opts`` (Rouge's own defaults: ``rouge-gutter``,
    ``rouge-code``).
    """
    toks = merge(tokens)
    num_lines = sum(val.count("\n") for _, val in toks)
    formatted = _html(toks)
    if not toks or not toks[-1][1].endswith("\n"):
        num_lines += 1
        formatted += "\n"
    gutter = "".join(
        f"{_line_number(line_format, i)}\n" for i in range(start_line, start_line + num_lines)
    )
    return (
        f'<table class="{table_class}"><tbody><tr>'
        f'<td class="{gutter_class} gl">'
        f'<pre class="lineno">{gutter}</pre>'
        "</td>"
        f'<td class="{code_class}"><pre>'
        f"{formatted}"
        "</pre></td>"
        "</tr></tbody></table>"
    )


def _line_number(line_format: str, number: int) -> str:
    """``sprintf(line_format, number)`` for the usual integer formats."""
    try:
        return line_format % number
    except (TypeError, ValueError):
        return line_format
