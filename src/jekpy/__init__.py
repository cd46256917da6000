"""jekpy: render Jekyll sites exactly as Jekyll 4.3 does.

Public API::

    import jekpy
    html = jekpy.render_post("_posts/2024-01-01-hello.md")
    site = jekpy.build("my-blog", "my-blog/_site")

The names below are imported on first use (``import jekpy`` itself loads none of
Liquid, Markdown, YAML or the highlighter), see ``docs/performance.md``.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from ._deferred import install as _defer_liquid_imports

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .api import build as build
    from .api import render_post as render_post
    from .config import load_config as load_config
    from .errors import JekpyError as JekpyError
    from .errors import NotPublishedError as NotPublishedError
    from .models import Document as Document
    from .models import Page as Page
    from .site import Site as Site

    build_site = build

#: public name -> (module, attribute)
_LAZY: dict[str, tuple[str, str]] = {
    "build": (".api", "build"),
    "build_site": (".api", "build"),
    "render_post": (".api", "render_post"),
    "load_config": (".config", "load_config"),
    "JekpyError": (".errors", "JekpyError"),
    "NotPublishedError": (".errors", "NotPublishedError"),
    "Document": (".models", "Document"),
    "Page": (".models", "Page"),
    "Site": (".site", "Site"),
}

_defer_liquid_imports()


def __getattr__(name: str) -> Any:
    target = _LAZY.get(name)
    if target is None:
        raise AttributeError(f"module 'jekpy' has no attribute {name!r}")
    value = getattr(import_module(target[0], __name__), target[1])
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "Document",
    "JekpyError",
    "NotPublishedError",
    "Page",
    "Site",
    "__version__",
    "build",
    "build_site",
    "load_config",
    "render_post",
]
