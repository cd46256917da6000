"""Map a request path to a file of the built site, never leaving the output folder.

The rules, in order:

* only the path part of the request target counts (query and fragment dropped);
* it is percent-decoded once; after that a ``..`` segment, a NUL byte or a backslash
  makes the request invalid (so ``/../x``, ``/%2e%2e/x`` and ``/..%2fx`` are refused,
  while a double-encoded ``%252e%252e`` is just a file literally named ``%2e%2e``);
* the site lives under ``baseurl``: anything outside it is not found;
* the candidate file must resolve (symlinks followed) to a path inside the output
  folder, so a symlink pointing elsewhere is not found either;
* a folder is served through its ``index.html`` (a request without the trailing slash
  is redirected to the slashed URL first), and ``/about`` finds ``about.html`` as
  Jekyll's own server does.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

__all__ = ["Resolution", "normalize_baseurl", "resolve"]

INDEX_FILES = ("index.html", "index.htm", "index.xhtml")
PRETTY_EXTS = (".html", ".xhtml")


@dataclass(frozen=True)
class Resolution:
    """The outcome of :func:`resolve`.

    ``status`` is 200 (``file`` is set), 301 (``location`` is set), 400 (the path is
    malformed or tries to leave the output folder) or 404.
    """

    status: int
    file: Path | None = None
    location: str | None = None


def normalize_baseurl(baseurl: object) -> str:
    """``"/blog/"``, ``"blog"`` -> ``"/blog"``; empty or ``"/"`` -> ``""``."""
    text = str(baseurl or "").strip().strip("/")
    return "/" + text if text else ""


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def resolve(root: Path, target: str, baseurl: str = "") -> Resolution:  # noqa: C901 - one check per request-path rule, in the order they apply
    """Find the file that answers the request target ``target`` under ``root``."""
    try:
        split = urlsplit(target)
    except ValueError:
        return Resolution(400)
    raw = split.path or "/"
    if not raw.startswith("/"):
        return Resolution(400)
    try:
        path = unquote(raw, errors="strict") if "%" in raw else raw
    except UnicodeDecodeError:
        return Resolution(400)
    if "\x00" in path or "\\" in path:
        return Resolution(400)
    segments = path.split("/")
    if any(seg == ".." for seg in segments):
        return Resolution(400)
    base_segments = [s for s in baseurl.split("/") if s]
    parts = [s for s in segments if s not in ("", ".")]
    if parts[: len(base_segments)] != base_segments:
        if not parts and base_segments:
            # "/" on a site with a baseurl: send the browser to the site's root.
            return Resolution(301, location=quote(baseurl + "/"))
        return Resolution(404)
    parts = parts[len(base_segments) :]
    trailing_slash = path.endswith("/")

    try:
        real_root = root.resolve(strict=True)
    except OSError:
        return Resolution(404)
    candidate = real_root.joinpath(*parts)
    try:
        real = candidate.resolve()
    except (OSError, RuntimeError):
        return Resolution(404)
    if not _inside(real, real_root):
        return Resolution(404)

    if real.is_dir():
        if not trailing_slash and parts:
            location = quote(path + "/")
            if split.query:
                location += "?" + split.query
            return Resolution(301, location=location)
        for name in INDEX_FILES:
            index = _confined_file(real / name, real_root)
            if index is not None:
                return Resolution(200, file=index)
        return Resolution(404)
    found = _confined_file(real, real_root)
    if found is not None and not trailing_slash:
        return Resolution(200, file=found)
    if parts and not trailing_slash:
        for ext in PRETTY_EXTS:
            pretty = _confined_file(candidate.with_name(candidate.name + ext), real_root)
            if pretty is not None:
                return Resolution(200, file=pretty)
    return Resolution(404)


def _confined_file(path: Path, real_root: Path) -> Path | None:
    """``path`` resolved, when it is a regular file inside ``real_root``."""
    try:
        real = path.resolve()
    except (OSError, RuntimeError):
        return None
    if not _inside(real, real_root) or not real.is_file():
        return None
    return real
