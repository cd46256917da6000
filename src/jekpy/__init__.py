"""jekpy: render Jekyll sites exactly as Jekyll 4.3 does.

Public API::

    import jekpy
    html = jekpy.render_post("_posts/2024-01-01-hello.md")
    html = jekpy.render_text("---\\ntitle: Hi\\n---\\n# {{ page.title }}\\n")
    site = jekpy.build("my-blog", "my-blog/_site")
    site = jekpy.run_build(jekpy.BuildOptions("my-blog", drafts=True))
    body = jekpy.markdown.convert("Some *Markdown*")

Messages (warnings, Jekyll's progress lines) go to the :mod:`logging` logger
``"jekpy"``; pass ``quiet=True`` to keep only errors.

The names below are imported on first use (``import jekpy`` itself loads none of
Liquid, Markdown, YAML or the highlighter), see ``docs/performance.md``.
"""

from __future__ import annotations

import warnings
from importlib import import_module
from typing import TYPE_CHECKING, Any

from ._deferred import install as _defer_liquid_imports
from ._native import select as _select_implementation
from .version import __version__

if TYPE_CHECKING:
    from . import markdown as markdown
    from .api import build as build
    from .api import render_post as render_post
    from .api import render_text as render_text
    from .api import run_build as run_build
    from .builder.site import Site as Site
    from .config import load_config as load_config
    from .content.models import Document as Document
    from .content.models import Page as Page
    from .errors import JekpyError as JekpyError
    from .errors import NotPublishedError as NotPublishedError
    from .errors import SourceNotFoundError as SourceNotFoundError
    from .options import BuildOptions as BuildOptions

#: public name -> (module, attribute); ``None`` as the attribute means the module itself
_LAZY: dict[str, tuple[str, str | None]] = {
    "build": (".api", "build"),
    "render_post": (".api", "render_post"),
    "render_text": (".api", "render_text"),
    "run_build": (".api", "run_build"),
    "BuildOptions": (".options", "BuildOptions"),
    "load_config": (".config", "load_config"),
    "JekpyError": (".errors", "JekpyError"),
    "NotPublishedError": (".errors", "NotPublishedError"),
    "SourceNotFoundError": (".errors", "SourceNotFoundError"),
    "Document": (".content.models", "Document"),
    "Page": (".content.models", "Page"),
    "Site": (".builder.site", "Site"),
    "markdown": (".markdown", None),
}

_defer_liquid_imports()
_select_implementation()  # JEKPY_PURE=1: the .py sources of compiled modules


def __getattr__(name: str) -> Any:
    # ``build_site`` was a second name for ``build``; kept working, not advertised.
    if name == "build_site":
        warnings.warn("jekpy.build_site is jekpy.build", DeprecationWarning, stacklevel=2)
        return __getattr__("build")
    target = _LAZY.get(name)
    if target is None:
        raise AttributeError(f"module 'jekpy' has no attribute {name!r}")
    module = import_module(target[0], __name__)
    value = module if target[1] is None else getattr(module, target[1])
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "BuildOptions",
    "Document",
    "JekpyError",
    "NotPublishedError",
    "Page",
    "Site",
    "SourceNotFoundError",
    "__version__",
    "build",
    "load_config",
    "markdown",
    "render_post",
    "render_text",
    "run_build",
]

