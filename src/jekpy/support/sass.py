"""Sass/SCSS to CSS with libsass, as ``jekyll-sass-converter`` 2.2 (sassc) calls it:
the options a site's ``sass:`` key gives, the load paths, and the ``scssify`` /
``sassify`` filters.  Converting a *page* (and writing its source map) is
builder/sassconv.py's job; this module knows no site type, only the few members
of one it reads (:class:`SassSite`)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from ..errors import ConfigError, JekpyError

__all__ = [
    "SASS_EXTS",
    "SassSite",
    "available",
    "check_implementation",
    "convert_filter",
    "load_paths",
    "sass_options",
    "sass_output_ext",
    "style",
]

SASS_EXTS = (".scss", ".sass")
_STYLES = ("nested", "expanded", "compact", "compressed")
BOM = "\ufeff"


@runtime_checkable
class SassSite(Protocol):
    """What Sass conversion reads of a site (``builder.site.Site`` is one)."""

    @property
    def config(self) -> dict[str, Any]: ...

    @property
    def source(self) -> Path: ...

    @property
    def theme_dir(self) -> Path | None: ...

    def in_source_dir(self, *parts: str) -> Path: ...


def available() -> bool:
    """Whether libsass (the ``libsass`` package) can be imported."""
    try:
        import sass  # type: ignore[import-untyped, unused-ignore]  # noqa: F401
    except ImportError:
        return False
    return True


def sass_output_ext(ext: str) -> str | None:
    """``.css`` for a Sass file when the converter is available, else None."""
    if ext.lower() in SASS_EXTS and available():
        return ".css"
    return None


def sass_options(site: SassSite) -> dict[str, Any]:
    value = site.config.get("sass")
    return dict(value) if isinstance(value, dict) else {}


def check_implementation(opts: dict[str, Any]) -> None:
    """``sass: {implementation: sass-embedded}`` asks for Dart Sass, which jekpy (like
    Debian's Jekyll, which lacks the gem) does not have: the first conversion stops with
    Jekyll's Dependency Error.  Any other value means sassc (libsass)."""
    if opts.get("implementation") == "sass-embedded":
        raise ConfigError(
            "Dependency Error: sass-embedded (Dart Sass), which `sass: implementation:` "
            "names, is not available; jekpy compiles Sass with libsass (sassc)",
            path="_config.yml",
            hint="remove `implementation: sass-embedded` (or set it to sassc) to compile "
            "with libsass; Dart Sass-only features (`@use \"sass:math\"`, `math.div`) "
            "then fail",
        )


def style(opts: dict[str, Any]) -> str:
    style = opts.get("style")
    text = str(style).lstrip(":") if style is not None else "compact"
    return text if text in _STYLES else "compact"


def load_paths(site: SassSite, opts: dict[str, Any]) -> list[str]:
    """``Scss#sass_load_paths``: user paths (globbed), ``sass_dir``, the theme's ``_sass``."""
    import glob

    user = opts.get("load_paths")
    paths = [str(p) for p in (user if isinstance(user, list) else [user] if user else [])]
    sass_dir = str(opts.get("sass_dir") or "_sass")
    paths.append(str(site.in_source_dir(sass_dir).relative_to(site.source)))
    found: list[str] = []
    safe = bool(site.config.get("safe"))
    for path in paths:
        pattern = str(site.in_source_dir(path)) if safe else os.path.join(str(site.source), path)
        for match in sorted(glob.glob(pattern)):
            full = os.path.abspath(match)
            if full not in found:
                found.append(full)
    if site.theme_dir is not None:
        found.append(str(site.theme_dir / "_sass"))
    return [p for p in found if os.path.isdir(p)]


def convert_filter(site: object, content: str, *, indented: bool) -> str:
    """The ``scssify``/``sassify`` filters: the site's converter with no page, so no
    source map (``site`` may be any object; without a real site the defaults apply)."""
    site = getattr(site, "site", site)  # the Liquid hooks (builder/liquidhooks.py) hold it
    real = site if isinstance(site, SassSite) else None
    opts = sass_options(real) if real is not None else {}
    check_implementation(opts)
    if not content:
        return content  # sassc returns an empty template as it is
    try:
        content.encode("utf-8")
    except UnicodeEncodeError as err:  # binary text, e.g. from base64_decode
        raise JekpyError(
            "Sass error: Error: Invalid UTF-8 sequence",
            hint="give the filter text, not binary data",
        ) from err

    try:
        import sass
    except ImportError as err:
        raise JekpyError(
            "Sass conversion needs the libsass package",
            hint="pip install libsass",
        ) from err
    paths = [str(real.source), *load_paths(real, opts)] if real is not None else []
    try:
        css = sass.compile(
            string=content,
            indented=indented,
            output_style=style(opts),
            include_paths=paths,
            precision=10,
            source_comments=bool(opts.get("line_comments", False)),
        )
    except sass.CompileError as err:
        raise JekpyError(f"Sass error: {err}", hint="fix the Sass/SCSS given to the filter") from err
    replacement = '@charset "UTF-8";' if opts.get("add_charset") else ""
    if css.startswith(BOM):
        css = replacement + css[1:]
    return str(css)
