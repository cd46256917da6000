"""Syntax highlighting with Rouge's markup (placeholder: plain escaping).

Interface used by the Markdown stage and the ``highlight`` Liquid tag:

* ``highlight(code, lang) -> str | None``: the token HTML that Rouge's
  ``Formatters::HTML`` writes for ``code`` in language ``lang`` (no wrapper),
  or ``None`` when Rouge knows no lexer of that name.
* ``highlight_tag(code, lang, linenos=False) -> str``: the ``<figure>`` that
  Jekyll's ``{% highlight %}`` tag writes (without the ``\n`` prefix/suffix).
"""

from __future__ import annotations

import html


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def highlight(code: str, lang: str) -> str | None:
    """Return Rouge-style token HTML for ``code``, or ``None`` for an unknown language."""
    if lang in ("", "plaintext", "text", "plain"):
        return _escape(code)
    return None


def highlight_tag(code: str, lang: str, *, linenos: bool = False) -> str:
    """Return the HTML of Jekyll's ``{% highlight lang %}`` tag for ``code``."""
    body = highlight(code, lang)
    if body is None:
        body = _escape(code)
    css_lang = lang.replace("+", "-")
    return (
        f'<figure class="highlight"><pre><code class="language-{css_lang}" '
        f'data-lang="{lang}">{body.rstrip(chr(10))}</code></pre></figure>'
    )
