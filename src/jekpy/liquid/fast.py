"""Leaner render paths for python-liquid's most common nodes (same results).

:func:`jekpy.liquid.conditions.rubify` switches parsed nodes to these
subclasses (same slots, no copying).  Each one renders exactly as its base
class does, minus per-call overhead: the ``contextmanager`` scopes of loops,
the generator that sums a block's output, the list a path is copied into
before every lookup.  The resource limits stay where python-liquid checks
them (loop iterations, context depth, disabled tags).
"""

from __future__ import annotations

import functools
from typing import Any, TextIO

from liquid.ast import BlockNode
from liquid.builtin.content import ContentNode
from liquid.builtin.expressions import BooleanExpression, Filter, Path
from liquid.builtin.expressions.logical import is_truthy
from liquid.builtin.tags.for_tag import ForLoop, ForNode
from liquid.builtin.tags.if_tag import IfNode
from liquid.exceptions import (
    BreakLoop,
    ContextDepthError,
    ContinueLoop,
    FilterArgumentError,
    LiquidInterrupt,
    LiquidTypeError,
)
from liquid.output import NullIO

from liquid import RenderContext

from .errors import LiquidArgumentError, arity_message

__all__ = [
    "RubyBlockNode",
    "RubyBoolean",
    "RubyFilter",
    "RubyForLoop",
    "RubyForNode",
    "RubyIfNode",
    "SimplePath",
    "path_class",
]


#: cache: a path's segments -> the text an error names it by (one per path in the templates)
_PATH_TEXT: dict[tuple[str | int, ...], str] = {}


class SimplePath(Path):
    """A path whose segments are all names and indexes (no nested paths):
    looked up without copying its segments."""

    __slots__ = ()

    def evaluate(self, context: RenderContext) -> object:
        return context.get(self.path, token=self.token)  # type: ignore[arg-type]

    def __str__(self) -> str:
        # Loops name themselves after their path (``forloop.name``, ``offset:
        # continue``) on every render: remember python-liquid's spelling.
        key = tuple(self.path)
        text = _PATH_TEXT.get(key)  # type: ignore[arg-type]
        if text is None:
            text = super().__str__()
            if len(_PATH_TEXT) >= 4096:
                _PATH_TEXT.clear()
            _PATH_TEXT[key] = text  # type: ignore[index]
        return text


def push_scope(context: RenderContext, namespace: dict[str, Any]) -> Any:
    """``RenderContext.extend`` without its context manager (the same depth check):
    push ``namespace``; returns the scope, for the caller to pop."""
    scope = context.scope
    if scope.size() > context.env.context_depth_limit:
        raise ContextDepthError("maximum context depth reached, possible recursive include", token=None)
    scope.push(namespace)
    return scope


def path_class(path: Path) -> type | None:
    """The class ``path`` can render as (``None``: keep its own)."""
    for segment in path.path:
        kind = type(segment)
        if kind is not str and kind is not int:
            return None
    return SimplePath


class RubyBlockNode(BlockNode):
    """A sequence of nodes, rendered in a plain loop."""

    __slots__ = ()

    def render(self, context: RenderContext, buffer: TextIO) -> int:
        if context.disabled_tags:
            self.raise_for_disabled(context.disabled_tags)
        return self.render_to_output(context, buffer)

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        if self.blank and context.env.suppress_blank_control_flow_blocks:
            buf = NullIO()
            for node in self.nodes:
                node.render(context, buf)
            return 0
        count = 0
        for node in self.nodes:
            count += node.render(context, buffer)
        return count


#: ``tag_namespace`` key of the interrupts Ruby would still hold on its stack
#: (only a ``tablerow`` leaves more than one: it never pops them)
PENDING = "jekpy_interrupts"


def render_interrupted(
    block: BlockNode, context: RenderContext, buffer: TextIO, stack: list[LiquidInterrupt]
) -> None:
    """A body rendered while an interrupt is pending: Ruby's ``BlockBody`` writes
    text and stops after the first tag or output; a ``break``/``continue`` there
    is one more interrupt on the stack."""
    for node in block.nodes:
        try:
            node.render(context, buffer)
        except LiquidInterrupt as interrupt:
            stack.append(interrupt)
            return
        if not isinstance(node, ContentNode):
            return


class RubyForLoop(ForLoop):
    """``forloop``: prints as Ruby's ``Liquid::ForloopDrop``."""

    __slots__ = ()

    def ruby_to_s(self) -> str:
        return "Liquid::ForloopDrop"

    def ruby_inspect(self) -> str:
        return "#<Liquid::ForloopDrop>"


class RubyForNode(ForNode):
    """``for``: ``RenderContext.loop``/``extend`` done inline (same checks)."""

    __slots__ = ()

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        expression = self.expression
        it, length = expression.evaluate(context)
        if not length:
            return self.default.render(context, buffer) if self.default else 0
        # A plain ``str`` (not python-liquid's Identifier, whose hash and equality
        # are Python methods): the key the loop variable is stored and found under.
        name = str(expression.identifier)
        forloop = RubyForLoop(
            name=f"{name}-{expression.iterable}",
            it=it,
            length=length,
            parentloop=context.parentloop(),
        )
        namespace: dict[str, Any] = {"forloop": forloop, name: None}
        # RenderContext.loop: the iteration limit, then RenderContext.extend.
        context.raise_for_loop_limit(forloop.length)
        loops = context.loops
        loops.append(forloop)
        try:
            scope = push_scope(context, namespace)
            try:
                block = self.block
                count = 0
                tag_namespace = context.tag_namespace
                # Interrupts a tablerow left (only ever set while one is raised).
                pending = tag_namespace.get(PENDING)
                for item in forloop:
                    namespace[name] = item
                    if pending:
                        # Ruby pops one pending interrupt per iteration.
                        render_interrupted(block, context, buffer, pending)
                        if isinstance(pending.pop(), BreakLoop):
                            break
                        continue
                    try:
                        count += block.render(context, buffer)
                    except ContinueLoop:
                        pending = tag_namespace.get(PENDING)
                        continue
                    except BreakLoop:
                        break
            finally:
                scope.pop()
        finally:
            loops.pop()
        pending = context.tag_namespace.get(PENDING)
        if pending:
            raise pending.pop()  # the enclosing body stops, an enclosing loop pops it
        return count


class RubyIfNode(IfNode):
    """``if``/``elsif``/``else``: ``Node.render`` and ``render_to_output`` in one call."""

    __slots__ = ()

    def render(self, context: RenderContext, buffer: TextIO) -> int:
        if context.disabled_tags:
            self.raise_for_disabled(context.disabled_tags)
        if self.condition.evaluate(context):
            return self.consequence.render(context, buffer)
        for alternative in self.alternatives:
            if alternative.expression.evaluate(context):
                return alternative.block.render(context, buffer)
        if self.default:
            return self.default.render(context, buffer)
        return 0


_ALWAYS_TRUE = frozenset((str, int, float, list, dict))


class RubyBoolean(BooleanExpression):
    """A condition: plain values are tested without ``is_truthy``'s probing."""

    __slots__ = ()

    def evaluate(self, context: RenderContext) -> bool:
        obj = self.expression.evaluate(context)
        kind = type(obj)
        if kind is bool:
            return obj  # type: ignore[return-value]
        if obj is None:
            return False
        if kind in _ALWAYS_TRUE:
            return True
        return is_truthy(obj)


class RubyFilter(Filter):
    """A filter call: what ``Filter.evaluate`` and ``RubyContext.filter`` do for a
    plain filter function, without building a wrapper for every call."""

    __slots__ = ()

    def evaluate(self, left: object, context: RenderContext) -> object:
        func = context.env.filters.get(self.name)
        if func is None:
            return super().evaluate(left, context)
        # ``RenderContext.filter`` binds these keyword arguments (a ``partial``)
        injected: dict[str, object] | None = None
        if getattr(func, "with_context", False):
            injected = {"context": context}
        if getattr(func, "with_environment", False):
            injected = {**(injected or {}), "environment": context.env}
        if self.args:
            positional, keywords = self.evaluate_args(context)
        else:
            positional, keywords = [], {}
        try:
            if injected is None:
                return func(left, *positional, **keywords)
            return func(left, *positional, **{**injected, **keywords})
        except LiquidTypeError as err:
            err.token = self.token
            raise
        except (TypeError, FilterArgumentError) as exc:
            # RubyContext.filter's wrapper: Ruby's arity message...
            if not isinstance(exc, FilterArgumentError) or isinstance(exc.__cause__, TypeError):
                named = func if injected is None else functools.partial(func, **injected)
                message = arity_message(named, (left, *positional), keywords)
                if message is not None:
                    raise LiquidArgumentError(message, token=self.token) from exc
            # ... then Filter.evaluate's handling.
            if isinstance(exc, TypeError):
                raise LiquidTypeError(f"{self.name}: {exc}", token=self.token) from exc
            exc.token = self.token
            raise
