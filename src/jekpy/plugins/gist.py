"""``jekyll-gist`` 1.5: ``{% gist user/id [file] %}``.

Outputs GitHub's embed ``<script>``, preceded by a ``<noscript><pre>`` copy of
the code fetched from gist.githubusercontent.com (3 s time-outs; a warning when
it cannot be fetched).  ``gist: {noscript: false}`` skips the fetch.

When the fetch fails, the tag's Ruby method ends on the logger call, whose return
value is then interpolated: Jekyll prints ``true`` before the ``<script>`` (``false``
when the log level hides warnings, e.g. ``--quiet``).  An HTTP error status is not a
failure there: the body of the reply (GitHub's ``404: Not Found``) becomes the code.
"""

from __future__ import annotations

import html
import re
import urllib.error
import urllib.request
from typing import TYPE_CHECKING, Any

from jekpy.errors import TemplateError
from jekpy.liquid.ruby import output_str
from jekpy.log import LEVELS

if TYPE_CHECKING:
    from .registry import PluginAPI
    from .tagcall import TagCall

__all__ = ["register"]

_ARGS = re.compile(r"\A(\S+|.*(?=/).+)\s?(\S*)\Z", re.S)
_SYNTAX = """  Syntax error in tag 'gist' while parsing the following markup:
  Valid syntax:
    {% gist user/1234567 %}
    {% gist user/1234567 foo.js %}
    {% gist 28949e1d5ee2273f9fd3 %}
    {% gist 28949e1d5ee2273f9fd3 best.md %}
"""


def register(api: PluginAPI) -> None:
    api.reuse(renders="tracked")
    api.tag("gist", gist_tag)


def _fetch(gist_id: str, filename: str) -> str | None:
    url = f"https://gist.githubusercontent.com/{gist_id}/raw"
    if filename:
        url += f"/{filename}"
    try:
        with urllib.request.urlopen(url, timeout=3) as response:  # noqa: S310 - fixed https host
            data: bytes = response.read()
    except urllib.error.HTTPError as error:
        data = error.read()
    except (OSError, ValueError):
        return None
    return data.decode("utf-8", errors="replace")


def gist_tag(call: TagCall) -> str:
    match = _ARGS.match(call.markup.strip())
    if not match:
        raise TemplateError(_SYNTAX.rstrip("\n"))
    gist_id, filename = match.group(1).strip(), match.group(2).strip()
    value: Any = call.get(gist_id)
    if value is not None:
        gist_id = output_str(value)
    value = call.get(filename) if filename else None
    if value is not None:
        filename = output_str(value)
    settings = call.site.config.get("gist")
    noscript = ""
    if not (isinstance(settings, dict) and settings.get("noscript") is False):
        code = _fetch(gist_id, filename)
        if code is not None:
            noscript = f"<noscript><pre>{html.escape(code, quote=True).replace('&#x27;', '&#39;')}</pre></noscript>"
        else:
            log = call.site.log
            log.warn("Warning:", f"The <noscript> tag for your gist {gist_id} ")
            log.warn("", "could not be generated. This will affect users who do ")
            log.warn("", "not have JavaScript enabled in their browsers.")
            noscript = "true" if LEVELS["warn"] >= log.level else "false"
    url = f"https://gist.github.com/{gist_id}.js"
    if filename:
        url += f"?file={filename}"
    return f'{noscript}<script src="{url}"> </script>'
