"""Pages that plugins add (Jekyll's ``PageWithoutAFile``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from jekpy.content.models import Page

if TYPE_CHECKING:
    from jekpy.content.models import SiteContext

__all__ = ["GeneratedPage", "source_file_exists"]


class GeneratedPage(Page):
    """A page with no source file: ``dir_``/``name`` place it; ``data`` is its front matter.

    Give it ``content`` (rendered like any page: Liquid, converter, layouts) or a
    ``build`` function: then ``build(page)`` returns the final text when the page is
    rendered (after every document, so ``post.content`` is available) and no Liquid
    is run over it.
    """

    def __init__(
        self,
        site: SiteContext,
        dir_: str,
        name: str,
        data: Mapping[str, Any] | None = None,
        *,
        content: str = "",
        build: Callable[[GeneratedPage], str] | None = None,
    ) -> None:
        super().__init__(site, site.source, dir_, name)
        self.data = dict(data or {})
        self.content = content
        self.build = build

    def read(self) -> None:
        """Nothing to read."""

    @property
    def render_with_liquid(self) -> bool:
        if self.build is not None:
            return False
        return super().render_with_liquid

    def prepare(self) -> None:
        """Compute ``content`` from ``build`` (called by the ``pages`` ``pre_render`` hook)."""
        if self.build is not None:
            self.content = self.build(self)

    def __repr__(self) -> str:
        return f"<GeneratedPage {self.relative_path}>"


def source_file_exists(site: SiteContext, relative: str) -> bool:
    """``File.exist?(site.in_source_dir(relative))``."""
    return site.in_source_dir(relative).exists()
