"""The page a browser gets while the last build failed."""

from __future__ import annotations

import re
import traceback
from html import escape

from ..errors import JekpyError

__all__ = ["error_page", "error_text"]

_LIQUID_TAG = re.compile(r"\{%.*?%\}|\{\{.*?\}\}")

_STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:0;background:#fff5f5;color:#1f2328}
main{max-width:60rem;margin:2rem auto;padding:0 1.5rem}
h1{color:#b42318;font-size:1.5rem;margin:0 0 .25rem}
.where{font-family:ui-monospace,monospace;color:#57606a;margin:0 0 1rem}
pre{background:#fff;border:1px solid #f0b8b8;border-radius:6px;padding:1rem;overflow:auto;
font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,monospace}
.caret{color:#b42318;font-weight:bold}
.msg{font-size:1.1rem;font-weight:600}
.hint{color:#1a7f37}
footer{color:#57606a;font-size:.9rem;margin-top:2rem}
"""


def error_text(err: BaseException) -> str:
    """What the console shows for a failed build."""
    if isinstance(err, JekpyError):
        return str(err)
    return "".join(traceback.format_exception(type(err), err, err.__traceback__)).rstrip()


def error_page(err: BaseException, script: bytes = b"") -> bytes:
    """A self-contained HTML page describing ``err`` (every value HTML-escaped).

    It shows the kind of error, ``file:line:column``, the offending source line with
    a caret under the column, the message and the hint. ``script`` (the live-reload
    script) is placed in its ``<head>`` so the next good build replaces the page.
    """
    if isinstance(err, JekpyError):
        kind = err.kind
        message = err.message
        location = err.location
        snippet = _snippet(err)
        hint = err.hint
        details = ""
    else:
        kind = f"Internal error ({type(err).__name__})"
        message = str(err) or type(err).__name__
        location = ""
        snippet = ""
        hint = "this is a bug in jekpy; please report it with the traceback below"
        details = f"<pre class=\"trace\">{escape(error_text(err))}</pre>"
    parts = [
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        f"<title>{escape(kind)}: build failed</title>\n",
        f"<style>{_STYLE}</style>\n",
    ]
    body = [
        "</head>\n<body>\n<main id=\"jekpy-error\">\n",
        f"<h1>{escape(kind)}</h1>\n",
    ]
    if location:
        body.append(f"<p class=\"where\">{escape(location)}</p>\n")
    if snippet:
        body.append(snippet)
    body.append(f"<p class=\"msg\">{escape(message)}</p>\n")
    if hint:
        body.append(f"<p class=\"hint\">hint: {escape(hint)}</p>\n")
    body.append(details)
    body.append(
        "<footer>The site was not rebuilt; the files on disk are from the last good build. "
        "Save a fix and this page reloads by itself.</footer>\n</main>\n</body>\n</html>\n"
    )
    return "".join(parts).encode("utf-8") + script + "".join(body).encode("utf-8")


def _snippet(err: JekpyError) -> str:
    if err.source_line is None or err.display_line is None:
        return ""
    source = err.source_line.rstrip()
    number = str(err.display_line)  # the number the location names
    gutter = " " * len(number)
    lines = [f"{gutter} |", f"{number} | {escape(source)}"]
    start, width = _caret_span(err, source)
    if start is not None:
        pad = "".join("\t" if ch == "\t" else " " for ch in source[:start])
        marks = "^" + "~" * (width - 1)
        lines.append(f"{gutter} | {pad}<span class=\"caret\">{marks}</span>")
    return "<pre class=\"source\">" + "\n".join(lines) + "</pre>\n"


def _caret_span(err: JekpyError, source: str) -> tuple[int | None, int]:
    """Where the caret goes: the error's column; without one, under the line's
    Liquid tag (``{% ... %}`` or ``{{ ... }}``) when it has exactly one, else under
    the whole line."""
    if err.column is not None and err.column >= 1:
        return min(err.column - 1, len(source)), 1
    tags = list(_LIQUID_TAG.finditer(source))
    if len(tags) == 1:
        return tags[0].start(), tags[0].end() - tags[0].start()
    text = source.strip()
    if not text:
        return None, 1
    return source.index(text), len(text)
