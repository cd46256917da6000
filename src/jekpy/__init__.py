"""jekpy: render Jekyll sites exactly as Jekyll 4.3 does.

Public API::

    import jekpy
    html = jekpy.render_post("_posts/2024-01-01-hello.md")
    site = jekpy.build("my-blog", "my-blog/_site")
"""

from __future__ import annotations

__version__ = "0.1.0"

from .api import build as build
from .api import render_post as render_post
from .config import load_config as load_config
from .errors import JekpyError as JekpyError
from .errors import NotPublishedError as NotPublishedError
from .models import Document as Document
from .models import Page as Page
from .site import Site as Site

build_site = build

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
