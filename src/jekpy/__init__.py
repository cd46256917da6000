"""jekpy: render Jekyll sites exactly as Jekyll 4.3 does.

Public API::

    import jekpy
    html = jekpy.render_post("_posts/2024-01-01-hello.md")
    html = jekpy.render_text("---\\ntitle: Hi\\n---\\n# {{ page.title }}\\n")
    site = jekpy.build("my-blog", "my-blog/_site")
    body = jekpy.markdown.convert("Some *Markdown*")

Messages (warnings, Jekyll's progress lines) go to the :mod:`logging` logger
``"jekpy"``; pass ``quiet=True`` to keep only errors.
"""

from __future__ import annotations

import warnings
from typing import Any

__version__ = "0.1.0"

from . import markdown as markdown
from .api import build as build
from .api import render_post as render_post
from .api import render_text as render_text
from .config import load_config as load_config
from .errors import JekpyError as JekpyError
from .errors import NotPublishedError as NotPublishedError
from .errors import SourceNotFoundError as SourceNotFoundError
from .models import Document as Document
from .models import Page as Page
from .site import Site as Site

__all__ = [
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
]


def __getattr__(name: str) -> Any:
    # ``build_site`` was a second name for ``build``; kept working, not advertised.
    if name == "build_site":
        warnings.warn("jekpy.build_site is jekpy.build", DeprecationWarning, stacklevel=2)
        return build
    raise AttributeError(f"module 'jekpy' has no attribute {name!r}")
