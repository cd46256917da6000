"""Content types, the live-reload script and its injection into HTML responses."""

from __future__ import annotations

import json
import mimetypes
import re
from pathlib import Path

__all__ = [
    "LIVERELOAD_PATH",
    "content_type",
    "inject",
    "is_html",
    "livereload_script",
]

#: The Server-Sent Events endpoint the injected script listens to.
LIVERELOAD_PATH = "/__jekpy/livereload"

# Only Python's built-in table (not /etc/mime.types), so every machine answers alike;
# the overrides follow the mime.types file Jekyll's own server ships.
_TYPES = mimetypes.MimeTypes(filenames=())
_OVERRIDES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".xhtml": "application/xhtml+xml",
    ".css": "text/css",
    ".js": "application/javascript",
    ".mjs": "application/javascript",
    ".json": "application/json",
    ".map": "application/json",
    ".webmanifest": "application/manifest+json",
    ".xml": "application/xml",
    ".xsl": "application/xml",
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".svg": "image/svg+xml",
    ".txt": "text/plain",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".csv": "text/csv",
    ".ico": "image/x-icon",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".eot": "application/vnd.ms-fontobject",
    ".wasm": "application/wasm",
    ".pdf": "application/pdf",
    ".mp4": "video/mp4",
    ".webm": "video/webm",
    ".mp3": "audio/mpeg",
    ".ogg": "audio/ogg",
    ".zip": "application/zip",
    ".gz": "application/gzip",
}
_TEXTUAL = ("text/", "application/javascript", "application/json", "application/xml",
            "application/xhtml+xml", "application/rss+xml", "application/atom+xml",
            "application/manifest+json", "image/svg+xml")


def content_type(path: Path) -> str:
    """The ``Content-Type`` header for a file, with ``charset=utf-8`` on text types."""
    ext = path.suffix.lower()
    ctype = _OVERRIDES.get(ext) or _TYPES.guess_type(path.name, strict=False)[0]
    if ctype is None:
        ctype = "application/octet-stream"
    if ctype.startswith(_TEXTUAL):
        ctype += "; charset=utf-8"
    return ctype


def is_html(ctype: str) -> bool:
    return ctype.split(";", 1)[0].strip() in ("text/html", "application/xhtml+xml")


def livereload_script(token: str) -> bytes:
    """The ``<script>`` that reloads the page when the site was rebuilt.

    It opens an ``EventSource`` on :data:`LIVERELOAD_PATH`, passing the build token
    the page was served at: when the server's token differs (a build finished
    between serving the page and connecting) it answers with a reload at once, so
    no rebuild is missed. The browser reconnects by itself after a server restart.
    """
    url = json.dumps(f"{LIVERELOAD_PATH}?token={token}")
    js = (
        "(function(){if(!window.EventSource||window.__jekpyLiveReload)return;"
        "window.__jekpyLiveReload=true;"
        f"var es=new EventSource({url});"
        "es.addEventListener('reload',function(){es.close();location.reload();});"
        "})();"
    )
    return f'<script data-jekpy="livereload">{js}</script>'.encode()


_HEAD_CLOSE = re.compile(rb"</head\s*>", re.IGNORECASE)
_BODY_OPEN = re.compile(rb"<body(?:\s[^>]*)?>", re.IGNORECASE)
_HTML_CLOSE = re.compile(rb"</html\s*>", re.IGNORECASE)


def inject(html: bytes, script: bytes) -> bytes:
    """Insert ``script`` into an HTML document.

    Before ``</head>`` when the page has one; else right after ``<body>``; else
    before ``</html>``; else at the very end (a fragment without any of these tags
    still runs a trailing script).
    """
    m = _HEAD_CLOSE.search(html)
    if m:
        return html[: m.start()] + script + html[m.start() :]
    m = _BODY_OPEN.search(html)
    if m:
        return html[: m.end()] + script + html[m.end() :]
    matches = list(_HTML_CLOSE.finditer(html))
    if matches:
        pos = matches[-1].start()
        return html[:pos] + script + html[pos:]
    return html + script
