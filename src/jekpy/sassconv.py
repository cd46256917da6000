"""Sass/SCSS to CSS, as Jekyll's built-in ``jekyll-sass-converter`` 2.2 (sassc) does.

Jekyll compiles ``.scss``/``.sass`` files that have front matter with libsass:
style ``compact`` unless ``sass: {style: ...}`` says otherwise, ``sass_dir``
(default ``_sass``), ``load_paths`` and the theme's ``_sass`` as import paths,
and, for pages, a source map written next to the CSS as ``<name>.css.map``
(``sass: {sourcemap: never|always|development}``).  jekpy drives the same
libsass through the ``libsass`` Python package, so the CSS is byte-identical.
Without that package a warning is printed and the file is left unconverted.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import JekpyError

if TYPE_CHECKING:
    from .models import Page
    from .site import Site

__all__ = ["SASS_EXTS", "available", "convert", "convert_filter", "sass_output_ext"]

SASS_EXTS = (".scss", ".sass")
_STYLES = ("nested", "expanded", "compact", "compressed")
_BOM = "\ufeff"


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


def _options(site: Site) -> dict[str, Any]:
    value = site.config.get("sass")
    return dict(value) if isinstance(value, dict) else {}


def _style(opts: dict[str, Any]) -> str:
    style = opts.get("style")
    text = str(style).lstrip(":") if style is not None else "compact"
    return text if text in _STYLES else "compact"


def _load_paths(site: Site, opts: dict[str, Any]) -> list[str]:
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


def _sourcemap_required(site: Site, opts: dict[str, Any]) -> bool:
    option = str(opts.get("sourcemap", "always")).lstrip(":")
    if option == "never":
        return False
    if option == "always":
        return True
    return not (option == "development" and os.environ.get("JEKYLL_ENV", "development") != "development")


def convert(site: Site, content: str, ext: str, page: Page | None, display: str) -> str:
    """Compile ``content`` (already through Liquid).  For a page, the source map
    page is added to ``site.pages`` (as the gem does, during rendering)."""
    try:
        import sass  # type: ignore[import-untyped, unused-ignore]
    except ImportError:
        if "sass-missing" not in site.warned_once:
            site.warned_once.add("sass-missing")
            site.log.warn(
                "Sass:",
                "the libsass package is not installed; .scss/.sass files are not converted "
                "(pip install libsass)",
            )
        return content
    opts = _options(site)
    kwargs: dict[str, Any] = {
        "output_style": _style(opts),
        "include_paths": [str(site.source), *_load_paths(site, opts)],
        "precision": 10,
        "source_comments": bool(opts.get("line_comments", False)),
    }
    want_map = page is not None and _sourcemap_required(site, opts)
    try:
        if not want_map or page is None:
            css = sass.compile(string=content, indented=ext.lower() == ".sass", **kwargs)
            smap = None
        else:
            css, smap = _compile_with_map(sass, site, page, content, kwargs)
    except sass.CompileError as err:
        site.log.error(
            "Conversion error:",
            f"Jekyll::Converters::Scss encountered an error while converting '{display}':",
        )
        site.log.error("", str(err))
        raise JekpyError(f"Sass error: {err}", path=display) from err
    replacement = '@charset "UTF-8";' if opts.get("add_charset") else ""
    if css.startswith(_BOM):
        css = replacement + css[1:]
    if smap is not None and page is not None:
        from .models import SourceMapPage

        map_page = SourceMapPage(page, smap)
        site.pages.append(map_page)
    return str(css)


def convert_filter(site: object, content: str, *, indented: bool) -> str:
    """The ``scssify``/``sassify`` filters: the site's converter with no page, so no
    source map (``site`` may be any object; without a real site the defaults apply)."""
    from .site import Site

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
    real = getattr(site, "site", site)  # the Liquid hooks (liquidhooks.py) name it
    if not isinstance(real, Site):
        real = None
    opts = _options(real) if real is not None else {}
    paths = [str(real.source), *_load_paths(real, opts)] if real is not None else []
    try:
        css = sass.compile(
            string=content,
            indented=indented,
            output_style=_style(opts),
            include_paths=paths,
            precision=10,
            source_comments=bool(opts.get("line_comments", False)),
        )
    except sass.CompileError as err:
        raise JekpyError(f"Sass error: {err}", hint="fix the Sass/SCSS given to the filter") from err
    replacement = '@charset "UTF-8";' if opts.get("add_charset") else ""
    if css.startswith(_BOM):
        css = replacement + css[1:]
    return str(css)


def _compile_with_map(
    sass: Any, site: Site, page: Page, content: str, kwargs: dict[str, Any]
) -> tuple[str, str]:
    """Compile in file mode (libsass needs a file name for a source map); the map's
    first source is then renamed to the page's name, as Jekyll's sassc call names it."""
    stem = page.basename
    map_path = site.source / f"{stem}.css.map"
    with tempfile.TemporaryDirectory(prefix="jekpy-sass-") as tmp:
        # Not the page's own name: `@import "main"` from main.scss must not find itself
        # (Jekyll names the input ./main.scss relative to the working directory).
        file = Path(tmp) / ("jekpy-input" + Path(page.name).suffix)
        file.write_text(content, encoding="utf-8")
        css, smap = sass.compile(
            filename=str(file),
            source_map_filename=str(map_path),
            output_filename_hint=str(site.source / f"{stem}.css"),
            source_map_contents=True,
            **kwargs,
        )
        produced = os.path.relpath(str(file), str(map_path.parent))
    smap = str(smap).replace(json.dumps(produced), json.dumps(page.name), 1)
    return str(css), smap
