"""Liquid as Jekyll 4.3 runs it (placeholder: python-liquid in lax mode).

Interface used by the renderer:

* ``SiteHooks``: what the Liquid layer may ask of the site (include
  directories, config, ``post_url``/``link`` lookups, Markdown, warnings).
* ``LiquidEngine(hooks)``: ``parse(source, path=, line_offset=)`` (cached),
  ``render(template, data)`` and ``render_source(source, data, path=, line_offset=)``.
  Errors are raised as :class:`jekpy.errors.TemplateError` carrying the file
  path and the line **in the file** (``line_offset`` is the number of lines
  before the template text in its file, e.g. the front matter).
* ``render_string(source, data, templates) -> str``: standard Ruby Liquid 5.4
  (no Jekyll tags), for the golden-liquid conformance runner.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from liquid import BoundTemplate, DictLoader, Environment, Mode


class SiteHooks(Protocol):
    """What the Liquid layer needs from the site being built."""

    source: Path
    config: Mapping[str, Any]
    includes_dirs: Sequence[Path]

    def markdownify(self, text: str) -> str: ...

    def post_url(self, name: str) -> str | None: ...

    def link(self, relative_path: str) -> str | None: ...

    def warn(self, message: str) -> None: ...


class LiquidEngine:
    """Parse and render Liquid templates for one site."""

    def __init__(self, hooks: SiteHooks) -> None:
        self.hooks = hooks
        self.env = Environment(tolerance=Mode.LAX, strict_filters=False)
        self._cache: dict[tuple[str, str], BoundTemplate] = {}

    def parse(self, source: str, *, path: str, line_offset: int = 0) -> BoundTemplate:
        key = (path, source)
        tpl = self._cache.get(key)
        if tpl is None:
            tpl = self.env.from_string(source, name=path)
            self._cache[key] = tpl
        return tpl

    def render(self, template: BoundTemplate, data: Mapping[str, Any]) -> str:
        return template.render(**data)

    def render_source(
        self, source: str, data: Mapping[str, Any], *, path: str, line_offset: int = 0
    ) -> str:
        return self.render(self.parse(source, path=path, line_offset=line_offset), data)


def render_string(source: str, data: dict[str, Any], templates: dict[str, str]) -> str:
    """Render ``source`` with standard Liquid (for the golden-liquid runner)."""
    env = Environment(loader=DictLoader(templates or {}))
    return env.from_string(source).render(**data)


