"""Syntax highlighting with Rouge 3.30's markup, built on Pygments.

Interface used by the Markdown stage and the ``highlight`` Liquid tag:

* ``highlight(code, lang) -> str | None``: the token HTML that Rouge's
  ``Formatters::HTML`` writes for ``Rouge::Lexer.find_fancy(lang, code)`` (no
  wrapper), or ``None`` when Rouge knows no lexer of that name.
* ``highlight_tag(code, lang, linenos=False) -> str``: the ``<figure>`` that
  Jekyll's ``{% highlight %}`` tag writes (without the ``\\n`` prefix/suffix).
* ``rouge_tag(lang) -> str | None``: the tag of the Rouge lexer ``lang`` names
  (kramdown leaves ``plaintext`` blocks unhighlighted).

Layout: ``names`` is Rouge's name -> tag table (case-sensitive, as
``Rouge::Lexer.find``); ``formatter`` writes Rouge's ``HTML``/``HTMLTable``
markup with Rouge's short CSS classes; ``lexers`` holds Pygments
``RegexLexer`` subclasses that scan with Rouge's rules (``lexers/base.py``)
for the languages listed in ``lexers.OWN_LEXERS``.  Any other tag Rouge knows
falls back to Pygments' own lexer of that name (markup then differs from
Rouge's), or to plain escaping.  ``tests/highlight`` compares the output with
real Rouge 3.30 on golden samples.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from jekpy.highlight.names import ROUGE_NAMES

__all__ = ["highlight", "highlight_table", "highlight_tag", "prepare", "rouge_tag"]

_CACHE_SIZE = 2048


def rouge_tag(lang: str) -> str | None:
    """The tag of the lexer ``Rouge::Lexer.find_fancy(lang)`` picks, or ``None``.

    ``lang?opt=val`` (Rouge's "fancy" syntax) is looked up by the part before
    ``?``; the options are ignored.  ``guess`` is not supported.
    """
    name = lang.split("?", 1)[0] if "?" in lang else lang
    return ROUGE_NAMES.get(name)


def _escape_plain(code: str) -> str:
    """What ``format_html`` writes for plain text (one ``Text`` token): ``&``, ``<``
    and ``>`` escaped, as Rouge does."""
    return code.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@lru_cache(maxsize=_CACHE_SIZE)
def _tokens_html(code: str, tag: str, table: bool) -> str:
    if tag == "plaintext" and not table:
        # kramdown sends every `code` span here (``default_lang: plaintext``): no
        # need to load Pygments and the lexers for it.
        return _escape_plain(code)
    from jekpy.highlight.formatter import format_html, format_table
    from jekpy.highlight.lexers import lex

    tokens = lex(code, tag)
    return format_table(tokens) if table else format_html(tokens)


def prepare(langs: Iterable[str]) -> int:
    """Load the formatter and the lexers of ``langs`` now, their rules compiled
    (most of what the first code block of each language sets up), e.g. before
    forking render workers that would each do it again.  Unknown names are
    skipped; highlighting is the same either way.  Returns how many lexers."""
    from jekpy.highlight import formatter  # noqa: F401 - loaded for what follows
    from jekpy.highlight.lexers import prepare as prepare_lexer

    done = 0
    for tag in {rouge_tag(lang) for lang in langs}:
        if tag is None or tag == "plaintext":
            continue
        try:
            done += prepare_lexer(tag)
        except Exception:  # noqa: BLE001, S112 - as highlighting itself: the code block falls back then
            continue
    return done


def highlight(code: str, lang: str) -> str | None:
    """Return Rouge-style token HTML for ``code``, or ``None`` for an unknown language."""
    tag = rouge_tag(lang)
    if tag is None:
        return None
    return _tokens_html(code, tag, False)


def highlight_table(code: str, lang: str, **table: Any) -> str | None:
    """Rouge's ``HTMLTable`` around the token HTML (``table``: the options of
    :func:`~jekpy.highlight.formatter.format_table`), or ``None`` for an unknown language."""
    tag = rouge_tag(lang)
    if tag is None:
        return None
    from jekpy.highlight.formatter import format_table
    from jekpy.highlight.lexers import lex

    return format_table(lex(code, tag), **table)


_EDGE_NEWLINES = re.compile(r"\A[\n\r]+|[\n\r]+\Z")


def _chomp(text: str) -> str:
    if text.endswith("\r\n"):
        return text[:-2]
    if text.endswith(("\n", "\r")):
        return text[:-1]
    return text


def highlight_tag(code: str, lang: str, *, linenos: bool = False) -> str:
    """Return the HTML of Jekyll's ``{% highlight lang %}`` tag for ``code``.

    ``lang`` is used as given (Jekyll lower-cases it before this point).
    Leading/trailing CR/LF runs of ``code`` are removed as Jekyll does.
    """
    code = _EDGE_NEWLINES.sub("", code)
    tag = rouge_tag(lang) or "plaintext"
    body = _tokens_html(code, tag, linenos)
    css_lang = lang.replace("+", "-")
    return (
        f'<figure class="highlight"><pre><code class="language-{css_lang}" '
        f'data-lang="{lang}">{_chomp(body)}</code></pre></figure>'
    )
