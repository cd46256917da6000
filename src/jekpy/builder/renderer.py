"""Render one document: Liquid, then Markdown, then the layout chain (``renderer.rb``)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from ..content.drops import ExcerptDrop, to_liquid
from ..content.models import Document, Excerpt, Page
from ..errors import TemplateError
from ..support.sass import SASS_EXTS
from ..support.utils import deep_merge
from .sassconv import convert as sass_convert

if TYPE_CHECKING:
    from ..content.models import SiteContext

__all__ = ["Renderer"]

Renderable = Document | Page | Excerpt


class Renderer:
    """Runs Jekyll's ``Renderer#run`` for documents and pages of one site."""

    def __init__(self, site: SiteContext) -> None:
        self.site = site
        # id(layout) -> (layout, display path, path): computed once per layout
        self._layout_paths: dict[int, tuple[Any, str, str]] = {}

    # -- stages ----------------------------------------------------------------------
    def render(self, item: Document | Page, payload: dict[str, Any]) -> str:
        """Render ``item`` with the shared ``payload``; return the finished output."""
        log = self.site.log
        log.debug("Rendering:", item.relative_path)
        self._assign(item, payload)
        log.debug("Pre-Render Hooks:", item.relative_path)
        output = self.render_body(item, payload)
        item.content = output
        log.debug("Post-Convert Hooks:", item.relative_path)
        if item.place_in_layout:
            log.debug("Rendering Layout:", item.relative_path)
            output = self.place_in_layouts(item, output, payload)
        return output

    def _liquid(
        self,
        source: str,
        payload: dict[str, Any],
        *,
        path: str,
        line_offset: int,
        shown: str,
        keep: bool = False,
    ) -> str:
        """Render Liquid.  A failure raises one :class:`TemplateError` whose report
        starts with Jekyll's ``Liquid Exception: ... in <file>`` summary and counts
        lines as Jekyll does, after the front matter (``TemplateError.located``)."""
        started = time.perf_counter()
        try:
            output = self.site.liquid.render_source(
                source, payload, path=path, line_offset=line_offset, keep=keep
            )
        except TemplateError as err:
            # an error inside an include is located in the include, which has no front matter
            offset = line_offset if err.path == path else 0
            raise err.located(shown, offset) from err
        if self.site.config.get("profile"):
            self.site.profiler.record_liquid(shown, time.perf_counter() - started, output)
        return output

    def _assign(self, item: Renderable, payload: dict[str, Any]) -> None:
        if isinstance(item, Page):
            payload["page"] = to_liquid(item).snapshot()
            payload["paginator"] = item.pager
        elif isinstance(item, Excerpt):
            payload["page"] = ExcerptDrop(item)
            payload["paginator"] = None
        else:
            payload["page"] = to_liquid(item)
            payload["paginator"] = None
        self.site.drop.current = item.doc if isinstance(item, Excerpt) else item
        prefix = "\n" if item.is_markdown else None
        payload["highlighter_prefix"] = prefix
        payload["highlighter_suffix"] = prefix
        layout = self.site.layouts.get(_layout_name(item.data.get("layout")))
        if layout is not None:
            payload["layout"] = deep_merge(layout.data, payload.get("layout") or {})

    def render_body(self, item: Renderable, payload: dict[str, Any]) -> str:
        """Liquid (when the body has Liquid constructs), then the converter."""
        output = item.content
        if item.render_with_liquid:
            self.site.log.debug("Rendering Liquid:", item.relative_path)
            output = self._liquid(
                output,
                payload,
                path=item.relative_path,
                line_offset=item.body_line - 1,
                shown=_error_path(item),
                keep=isinstance(item, Page),  # templates, as layouts; documents are content
            )
        self.site.log.debug("Rendering Markup:", item.relative_path)
        if item.is_markdown:
            output = self.site.markdown_converter(output)
        else:
            plugins = getattr(self.site, "plugins", None)  # plugins hook: plugin converters
            custom = plugins.converter_for(item.extname) if plugins is not None else None
            if custom is not None:
                output = custom.convert(output)
            elif item.extname.lower() in SASS_EXTS and not isinstance(item, Excerpt):
                output = sass_convert(
                    self.site,
                    output,
                    item.extname,
                    item if isinstance(item, Page) else None,
                    item.relative_path,
                )
        return output

    def place_in_layouts(self, item: Document | Page, content: str, payload: dict[str, Any]) -> str:
        """Wrap ``content`` in the item's layout, then that layout's layout, and so on."""
        site = self.site
        name = item.data.get("layout")
        layout = site.layouts.get(_layout_name(name))
        if name is not None and layout is None:
            site.log.warn(
                "Build Warning:",
                f"Layout '{name}' requested in {item.relative_path} does not exist."
                + _did_you_mean(str(name), list(site.layouts)),
            )
        used: set[int] = set()
        payload["layout"] = None
        output = content
        while layout is not None:
            used.add(id(layout))
            payload["content"] = output
            payload["layout"] = deep_merge(layout.data, payload.get("layout") or {})
            paths = self._layout_paths.get(id(layout))
            if paths is None or paths[0] is not layout:
                paths = (layout, layout.display_path, str(layout.path))
                self._layout_paths[id(layout)] = paths
            output = self._liquid(
                layout.content,
                payload,
                path=paths[1],
                line_offset=layout.body_line - 1,
                shown=paths[2],
                keep=True,
            )
            layout = site.layouts.get(_layout_name(layout.data.get("layout")))
            if layout is not None and id(layout) in used:
                break
        return output

    def render_excerpt(self, excerpt: Excerpt, payload: dict[str, Any]) -> str:
        """Render an excerpt on its own (Liquid and Markdown, never a layout)."""
        current = self.site.drop.current
        try:
            self._assign(excerpt, payload)
            return self.render_body(excerpt, payload)
        finally:
            self.site.drop.current = current


def _error_path(item: Renderable) -> str:
    """The path Jekyll names in a Liquid error: a document's absolute path (an
    excerpt's with ``/#excerpt``), a page's ``path``."""
    if isinstance(item, Page):
        return item.page_path
    if isinstance(item, Excerpt):
        return str(item.doc.path) + "/#excerpt"
    return str(item.path)


def _layout_name(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _did_you_mean(name: str, known: list[str]) -> str:
    import difflib  # only for an error message

    close = difflib.get_close_matches(name, known, n=1)
    return f" Did you mean '{close[0]}'?" if close else ""
