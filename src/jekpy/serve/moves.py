"""Where a page went when its URL changed while serving.

A draft's date is its file's modification time (as in Jekyll), so with a
date in the permalink a draft saved after midnight moves to a new address; so
does a post whose ``title``, ``date`` or ``permalink`` is edited.  The browser
showing the page reloads the old address.  The preview remembers each old
address and answers it with a temporary redirect to the new one, so the writer
stays on the page being written.

Only the preview does this; a built site never holds redirects it was not asked
for.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import unquote, urlsplit

__all__ = ["MAX_MOVES", "lookup", "track", "url_key"]

#: At most this many old addresses are remembered (the newest moves are kept).
MAX_MOVES = 1000


def url_key(url: str) -> str:
    """The address ``url`` names, whichever way the browser spells it: decoded,
    without a trailing ``index.html``, ``/`` or ``.html`` (the preview serves
    ``/a/``, ``/a/index.html``, ``/a.html`` and ``/a`` alike)."""
    path = unquote(urlsplit(url).path)
    if path.endswith("/index.html"):
        path = path[: -len("index.html")]
    path = path.rstrip("/")
    if path.endswith(".html"):
        path = path[: -len(".html")]
    return path or "/"


def track(
    moved: Mapping[str, str],
    before: Mapping[str, str],
    after: Mapping[str, str],
) -> dict[str, str]:
    """The moves known after a build.

    ``before`` and ``after`` map each page's source file to its URL in the
    previous and the new build; ``moved`` maps old address keys (:func:`url_key`)
    to URLs.  A page whose URL changed adds its old address; a chain of moves
    leads to the latest URL; an address that a page answers again, or whose page
    is gone, is forgotten.
    """
    steps = {
        url_key(old): after[path]
        for path, old in before.items()
        if path in after and url_key(after[path]) != url_key(old)
    }
    live_keys = {url_key(url) for url in after.values()}
    live_urls = set(after.values())
    result: dict[str, str] = {}
    for old, target in [*moved.items(), *steps.items()]:
        target = steps.get(url_key(target), target)
        if old in live_keys or target not in live_urls:
            continue
        result.pop(old, None)  # re-inserted last: the newest moves are kept
        result[old] = target
    while len(result) > MAX_MOVES:
        del result[next(iter(result))]
    return result


def lookup(moved: Mapping[str, str], request_path: str, baseurl: str) -> str | None:
    """The redirect location for ``request_path`` (baseurl included), or None."""
    if not moved:
        return None
    path = unquote(urlsplit(request_path).path)
    if baseurl:
        if path != baseurl and not path.startswith(baseurl + "/"):
            return None
        path = path[len(baseurl) :] or "/"
    target = moved.get(url_key(path))
    return None if target is None else baseurl + target
