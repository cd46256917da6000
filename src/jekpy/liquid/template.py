"""Parsed templates: rendered with :class:`.context.RubyContext`, compiled after their first render."""

from __future__ import annotations

from collections.abc import Mapping
from io import StringIO
from typing import Any, TextIO

from liquid.exceptions import (
    LiquidError,
    LiquidInterrupt,
    StopRender,
)

from liquid import BoundTemplate, RenderContext

from .compiler import CompiledRender, compile_template
from .context import LimitedBuffer, RubyContext
from .fast import push_scope

__all__ = ["RubyTemplate"]


class RubyTemplate(BoundTemplate):
    """Templates render with :class:`RubyContext`."""

    context_class = RubyContext
    jekpy_path: str = ""
    jekpy_line_offset: int = 0
    #: the compiled render function, once compiled
    jekpy_compiled: CompiledRender | None = None
    #: renders so far (interpreted); -1: never compiled (switched off or not compilable)
    jekpy_renders: int = 0

    def render_function(self) -> CompiledRender | None:
        """The compiled render function, or None: render interpreted this time.

        A template is compiled on its render number ``compile_after + 1`` (a page
        body rendered once is never worth Python's ``compile``; layouts and
        includes are)."""
        func = self.jekpy_compiled
        if func is not None:
            return func
        renders = self.jekpy_renders
        if renders < 0:
            return None
        settings = getattr(self.env, "settings", None)
        if settings is None or not settings.compiled:
            self.jekpy_renders = -1
            return None
        if renders < settings.compile_after:
            self.jekpy_renders = renders + 1
            return None
        func = compile_template(self)
        if func is None:
            self.jekpy_renders = -1
        self.jekpy_compiled = func
        return func

    def _get_buffer(self) -> StringIO:
        limit = self.env.output_stream_limit
        return StringIO(newline="") if limit is None else LimitedBuffer(limit)

    def make_partial_namespace(
        self, partial: bool, render_args: Mapping[str, object]
    ) -> Mapping[str, object]:
        # python-liquid adds a ``partial`` variable; Ruby has none (``{{ partial }}`` is nil).
        return dict(render_args)

    def render_with_context(
        self,
        context: RenderContext,
        buffer: TextIO,
        *args: Any,
        partial: bool = False,
        block_scope: bool = False,
        **kwargs: Any,
    ) -> None:
        """python-liquid's loop, except that a ``break``/``continue`` outside any
        loop ends the rendering silently, as in Ruby Liquid."""
        namespace = dict(*args, **kwargs) if args or kwargs else {}
        scope = push_scope(context, namespace)
        try:
            func = self.jekpy_compiled or self.render_function()
            if func is not None:
                func(context, buffer, partial, block_scope)
                return
            for node in self.nodes:
                try:
                    node.render(context, buffer)
                except LiquidInterrupt:
                    if not partial or block_scope:
                        return
                    raise
                except StopRender:
                    break
                except LiquidError as err:
                    self.env.error(err, token=node.token)
        finally:
            scope.pop()

    def render(self, *args: Any, **kwargs: Any) -> str:
        """``BoundTemplate.render``; a template without globals or front matter
        of its own gets the render arguments as its globals (a plain ``dict``)."""
        data = dict(*args, **kwargs)
        context = self.context_class(
            self,
            globals=self.make_globals(data) if self.matter or self.globals else data,
        )
        buf = self._get_buffer()
        self.render_with_context(context, buf)
        return buf.getvalue()
