"""jekyll-remote-theme: ``remote_theme: owner/repo@ref``.

jekpy reads ``remote_theme`` itself while it sets the site up (see
``jekpy.support.theme_fetch``), so listing the plugin only needs to be accepted.
"""

from __future__ import annotations

from typing import Any


def register(api: Any) -> None:
    """Nothing to add: the theme is already in place when plugins load."""
    api.reuse(renders="tracked")
