"""For Liquid tests: what the engine asks of a site (``jekpy.liquid.SiteHooks``:
includes under ``source/_includes``, Markdown left as it is, no posts or links),
and a plain drop."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
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


class Drop(Mapping[str, Any]):
    """A lazy mapping like the renderer's drops."""

    def __init__(self, **data: Any) -> None:
        self._data = data

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)
