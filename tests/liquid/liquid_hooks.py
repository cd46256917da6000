"""What the Liquid engine asks of a site (``jekpy.liquid.SiteHooks``), for tests:
includes under ``source/_includes``, Markdown left as it is, no posts or links."""

from __future__ import annotations

from pathlib import Path
from typing import Any


class Hooks:
    def __init__(self, source: Path, config: dict[str, Any] | None = None) -> None:
        self.source = source
        self.config: dict[str, Any] = config or {}
        self.includes_dirs = [source / "_includes"]
        self.warnings: list[str] = []

    def markdownify(self, text: str) -> str:
        return text

    def post_url(self, name: str) -> str | None:
        return None

    def link(self, relative_path: str) -> str | None:
        return None

    def warn(self, message: str) -> None:
        self.warnings.append(message)
