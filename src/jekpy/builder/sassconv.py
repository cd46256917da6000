"""Sass/SCSS to CSS, as Jekyll's built-in ``jekyll-sass-converter`` 2.2 (sassc) does.

Jekyll compiles ``.scss``/``.sass`` files that have front matter with libsass:
style ``compact`` unless ``sass: {style: ...}`` says otherwise, ``sass_dir``
(default ``_sass``), ``load_paths`` and the theme's ``_sass`` as import paths,
and, for pages, a source map written next to the CSS as ``<name>.css.map``
(``sass: {sourcemap: never|always|development}``).  jekpy drives the same
libsass through the ``libsass`` Python package, so the CSS is byte-identical.
Without that package a warning is printed and the file is left unconverted.

This module converts pages (and adds their source-map pages); libsass itself, the
``sass:`` options and the load paths are in :mod:`jekpy.support.sass`.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..content.models import SourceMapPage
from ..errors import JekpyError
from ..support.sass import BOM, check_implementation, load_paths, sass_options, style

if TYPE_CHECKING:
    from ..content.models import Page, SiteContext

__all__ = ["convert"]

#: the temporary input file of a source-map compile, as libsass names it in errors
_TEMP_INPUT = re.compile(r"[^\s]*jekpy-sass-[^/\s]*/jekpy-input\.s[ac]ss")


def _sourcemap_required(site: SiteContext, opts: dict[str, Any]) -> bool:
    option = str(opts.get("sourcemap", "always")).lstrip(":")
    if option == "never":
        return False
    if option == "always":
        return True
    return not (option == "development" and os.environ.get("JEKYLL_ENV", "development") != "development")


def convert(site: SiteContext, content: str, ext: str, page: Page | None, display: str) -> str:
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
    opts = sass_options(site)
    check_implementation(opts)
    kwargs: dict[str, Any] = {
        "output_style": style(opts),
        "include_paths": [str(site.source), *load_paths(site, opts)],
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
    if css.startswith(BOM):
        css = replacement + css[1:]
    if smap is not None and page is not None:
        map_page = SourceMapPage(page, smap)
        site.pages.append(map_page)
    return str(css)


def _compile_with_map(
    sass: Any, site: SiteContext, page: Page, content: str, kwargs: dict[str, Any]
) -> tuple[str, str]:
    """Compile in file mode (libsass needs a file name for a source map); the map's
    first source is then renamed to the page's name, as Jekyll's sassc call names it."""
    import tempfile  # (Sass with a source map only)

    stem = page.basename
    map_path = site.source / f"{stem}.css.map"
    with tempfile.TemporaryDirectory(prefix="jekpy-sass-") as tmp:
        # Not the page's own name: `@import "main"` from main.scss must not find itself
        # (Jekyll names the input ./main.scss relative to the working directory:
        # jekyll-sass-converter lib/jekyll/converters/scss.rb#filename).
        file = Path(tmp) / ("jekpy-input" + Path(page.name).suffix)
        file.write_text(content, encoding="utf-8")
        try:
            css, smap = sass.compile(
                filename=str(file),
                source_map_filename=str(map_path),
                output_filename_hint=str(site.source / f"{stem}.css"),
                source_map_contents=True,
                **kwargs,
            )
        except sass.CompileError as err:
            # libsass names the temporary input in its message; Jekyll names the page.
            message = _TEMP_INPUT.sub(lambda _m: page.name, str(err))
            raise sass.CompileError(message) from None
        produced = os.path.relpath(str(file), str(map_path.parent))
    import json  # only with a source map (minima's Sass, not a site without Sass)

    smap = str(smap).replace(json.dumps(produced), json.dumps(page.name), 1)
    return str(css), smap
