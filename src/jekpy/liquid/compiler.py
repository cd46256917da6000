"""Parsed Liquid templates compiled to Python functions (compile once, render many).

python-liquid parses; :func:`compile_template` walks the parse tree (after
:func:`jekpy.liquid.conditions.rubify` and the blank rule) and writes one
Python function per template that does what the nodes' ``render`` methods do,
statement for statement, without the per-node method calls:

* text, ``{{ }}`` output, ``if``/``elsif``/``else``, ``unless``, ``for``
  (``forloop``, ``offset``/``limit``/``reversed``, ``else``, ``break``/
  ``continue``), ``assign``, ``capture``, ``case``/``when``, ``increment``/
  ``decrement`` and ``comment`` are generated inline;
* every other node (``include``, ``cycle``, ``tablerow``, Jekyll and plugin
  tags, ``break``/``continue`` themselves...) is called through its own
  ``render`` method, and every expression the generator does not know through
  its own ``evaluate``.

The generated code keeps each check where the interpreter makes it: disabled
tags, the loop iteration limit (``RenderContext.raise_for_loop_limit``), the
context depth (:func:`jekpy.liquid.fast.push_scope`), the output limit (the
buffer's ``write``), the local namespace limit (``RenderContext.assign``),
Ruby's pending interrupts of ``tablerow``, and the token an error is reported
at (the template's top-level node, as ``RubyTemplate.render_with_context``).

A template that cannot be compiled (the generator meets something it does not
expect, or Python refuses the code, e.g. nesting too deep) renders through the
interpreter.  ``JEKPY_LIQUID_COMPILE=0`` (or ``LiquidSettings(compiled=False)``)
turns compilation off.
"""

from __future__ import annotations

import datetime as _dt
import functools
import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

from liquid.ast import BlockNode, ConditionalBlockNode, Node
from liquid.builtin.expressions import FilteredExpression
from liquid.builtin.expressions import logical as _logical
from liquid.builtin.expressions.arguments import PositionalArgument
from liquid.builtin.expressions.logical import is_truthy
from liquid.builtin.expressions.primitive import (
    Blank,
    Empty,
    FalseLiteral,
    FloatLiteral,
    IntegerLiteral,
    Nil,
    StringLiteral,
    TrueLiteral,
)
from liquid.builtin.tags.case_tag import MultiExpressionBlockNode
from liquid.builtin.tags.comment_tag import CommentNode
from liquid.builtin.tags.decrement_tag import DecrementNode
from liquid.builtin.tags.increment_tag import IncrementNode
from liquid.builtin.tags.unless_tag import UnlessNode
from liquid.exceptions import (
    BreakLoop,
    ContinueLoop,
    FilterArgumentError,
    LiquidError,
    LiquidInterrupt,
    LiquidTypeError,
    StopRender,
)
from liquid.token import TOKEN_TAG

from .._codecache import compile_code
from . import conditions as _cond
from .case import RubyCaseNode
from .errors import LiquidArgumentError, arity_message
from .fast import (
    PENDING,
    RubyBlockNode,
    RubyBoolean,
    RubyFilter,
    RubyForLoop,
    RubyForNode,
    RubyIfNode,
    SimplePath,
    push_scope,
    render_interrupted,
)
from .loops import RubyCaptureNode, ruby_name
from .nodes import RubyAssignNode, RubyContentNode, RubyOutputNode
from .ruby import AsciiText, output_str

if TYPE_CHECKING:
    from liquid import BoundTemplate

__all__ = ["CompiledRender", "compile_template"]

#: ``render(context, buffer, partial, block_scope)``
CompiledRender = Callable[[Any, TextIO, bool, bool], None]

_ALWAYS_TRUE = frozenset((str, int, float, list, dict))
#: exact types no undefined value has (a filter's arguments of these types reach
#: the filter function as they are)
_DEFINED = frozenset(
    (str, AsciiText, int, float, bool, list, dict, tuple, type(None), _dt.datetime, _dt.date)
)
#: Python allows 20 statically nested loops/``try`` blocks and 100 indentation
#: levels: a body deeper than this becomes a function of its own.
_SPILL_DEPTH = 12
_SPILL_INDENT = 40


class _Unsupported(Exception):
    """The generator met something it does not compile (the template stays interpreted)."""


_LITERALS = (IntegerLiteral, FloatLiteral, TrueLiteral, FalseLiteral)


class _Generator:
    def __init__(self, env: Any) -> None:
        self.env = env
        self.lines: list[str] = []
        self.functions: list[list[str]] = []
        self.consts: dict[str, object] = {}
        self._const_ids: dict[int, str] = {}
        self._counter = 0
        self.tokens: list[object] = []
        self.autoescape = bool(getattr(env, "autoescape", False))
        self.content_class: type = RubyContentNode
        self.output_class: type = RubyOutputNode
        self.assign_class: type = RubyAssignNode
        #: the loops the code being written is inside: (variable, namespace, forloop)
        self.loops: list[tuple[str, str, str]] = []

    # -- helpers -------------------------------------------------------------

    def const(self, obj: object) -> str:
        name = self._const_ids.get(id(obj))
        if name is None:
            name = f"_c{len(self.consts)}"
            self.consts[name] = obj
            self._const_ids[id(obj)] = name
        return name

    def loop_value(self, root: object) -> str | None:
        """Code for the value of variable ``root`` when it is the variable (or the
        ``forloop``) of a loop this code is inside: the loop's own scope is the
        innermost one that has the name (``assign`` writes to another scope, and
        nothing else pushes one inside a compiled loop body), so the scope chain
        would find it there."""
        for name, namespace, forloop in reversed(self.loops):
            if root == name:
                return f"{namespace}[{name!r}]"
            if root == "forloop":
                return forloop
        return None

    def var(self, stem: str) -> str:
        self._counter += 1
        return f"_{stem}{self._counter}"

    # -- expressions ------------------------------------------------------------

    def expr(self, expr: Any) -> str:
        """Python source for the value of ``expr``."""
        kind = type(expr)
        if kind is SimplePath:
            own = self.loop_value(expr.path[0])
            if own is not None:
                if len(expr.path) == 1:
                    return own
                return (
                    f"context.get_from({own}, {self.const(expr.path)}, {self.const(expr.token)})"
                )
            return f"_get({self.const(expr.path)}, token={self.const(expr.token)})"
        if kind in _LITERALS:
            value = expr.value
            if type(value) in (int, bool) or (type(value) is float and math.isfinite(value)):
                return repr(value)
            return self.const(value)
        if kind is Nil:
            return "None"
        if kind is StringLiteral and not self.autoescape and type(expr.value) is str:
            return repr(expr.value)
        if kind is FilteredExpression:
            code = self.expr(expr.left)
            for filt in expr.filters or ():
                code = f"{self.const(filt)}.evaluate({code}, context)"
            return code
        if kind is _cond.RubyEq or kind is _cond.RubyNe:
            code = f"_ruby_eq({self.operand(expr.left)}, {self.operand(expr.right)})"
            return code if kind is _cond.RubyEq else f"(not {code})"
        if kind is _cond.RubyContains:
            return f"_ruby_contains({self.expr(expr.left)}, {self.expr(expr.right)})"
        op = _COMPARISONS.get(kind)
        if op is not None:
            return (
                f"_compare({op!r}, {self.operand(expr.left)}, {self.operand(expr.right)}, "
                f"{self.const(expr.token)})"
            )
        if kind is _logical.LogicalAndExpression:
            return f"(_is_truthy({self.expr(expr.left)}) and _is_truthy({self.expr(expr.right)}))"
        if kind is _logical.LogicalOrExpression:
            return f"(_is_truthy({self.expr(expr.left)}) or _is_truthy({self.expr(expr.right)}))"
        if kind is _logical.LogicalNotExpression:
            return f"(not _is_truthy({self.expr(expr.right)}))"
        if kind is RubyBoolean:
            return f"_truthy({self.expr(expr.expression)})"
        return f"{self.const(expr)}.evaluate(context)"

    def value_into(self, expr: Any, var: str, out: list[str], pad: str) -> None:
        """Statements that leave the value of ``expr`` in ``var`` (filters called inline)."""
        if type(expr) is not FilteredExpression or not expr.filters:
            out.append(f"{pad}{var} = {self.expr(expr)}")
            return
        out.append(f"{pad}{var} = {self.expr(expr.left)}")
        for filt in expr.filters:
            self.filter_call(filt, var, out, pad)

    def filter_call(self, filt: Any, var: str, out: list[str], pad: str) -> None:
        """``RubyFilter.evaluate`` inline for a plain filter function with positional
        arguments: the same lookup, argument order, call and error handling."""
        node = self.const(filt)
        func = self.env.filters.get(filt.name) if type(filt) is RubyFilter else None
        args = filt.args or []
        if func is None or any(type(arg) is not PositionalArgument for arg in args):
            out.append(f"{pad}{var} = {node}.evaluate({var}, context)")
            return
        # ``RenderContext.filter`` passes these as keyword arguments (a ``partial``)
        injected = []
        if getattr(func, "with_context", False):
            injected.append("context=context")
        if getattr(func, "with_environment", False):
            injected.append("environment=context.env")
        known = self.const(func)
        out.append(f"{pad}if _filters.get({filt.name!r}) is not {known}:")
        out.append(f"{pad}    {var} = {node}.evaluate({var}, context)")
        out.append(f"{pad}else:")
        values = []
        for arg in args:
            code = self.expr(arg.value)
            if not _is_constant(code):
                temp = self.var("a")
                out.append(f"{pad}    {temp} = {code}")
                code = temp
            values.append(code)
        call_args = "".join(f", {v}" for v in [*values, *injected])
        tuple_args = "(" + "".join(f"{v}, " for v in values) + ")"
        # the function whose arity an error names: the ``partial`` when arguments are injected
        named = f"_partial({known}, {', '.join(injected)})" if injected else known
        out.append(f"{pad}    try:")
        direct = self.direct_call(func, var, values, call_args)
        if direct is None:
            out.append(f"{pad}        {var} = {known}({var}{call_args})")
        else:
            test, call = direct
            out.append(f"{pad}        if {test}:")
            out.append(f"{pad}            {call}")
            out.append(f"{pad}        else:")
            out.append(f"{pad}            {var} = {known}({var}{call_args})")
        out.append(f"{pad}    except _FILTER_ERRORS as _e:")
        out.append(f"{pad}        _filter_error({node}, {named}, {var}, {tuple_args}, _e)")

    def direct_call(
        self, func: Any, var: str, values: list[str], call_args: str
    ) -> tuple[str, str] | None:
        """A Ruby-convention filter (``filters.calling.ruby_filter``) called without
        its wrapper: (the test that it may be, the statement), or None.

        The wrapper checks the argument count (known here), turns undefined
        arguments into nil (none can be when every value's type is a plain one:
        the test), calls the function and hands its result on (``ruby_result``,
        inline for a plain ``str`` when the encoding needs no care)."""
        direct = getattr(func, "ruby_direct", None)
        if direct is None:
            return None
        impl, required, maximum, keeps_encoding, finish = direct
        given = 1 + len(values)
        if given < required or (maximum is not None and given > maximum):
            return None  # the wrapper raises Ruby's arity error
        checks = [var, *(v for v in values if not _is_constant(v))]
        test = " and ".join(f"type({v}) in _DEFINED" for v in checks)
        call = f"{self.const(impl)}({var}{call_args})"
        fin = self.const(finish)
        if keeps_encoding:
            return test, f"{var} = {fin}({call}, {var}, keeps_encoding=True)"
        result = self.var("r")
        return test, (
            f"{result} = {call}; {var} = {result} if type({result}) is str or not "
            f"isinstance({result}, str) else {fin}({result}, {var}, keeps_encoding=False)"
        )

    def operand(self, expr: Any) -> str:
        # ``conditions._operand``: ``blank``/``empty`` written in a condition are themselves.
        if isinstance(expr, (Blank, Empty)):
            return self.const(expr)
        return self.expr(expr)

    def condition(self, expr: Any) -> str:
        """Python source for a ``RubyBoolean``'s (or any condition's) truth."""
        kind = type(expr)
        if kind is RubyBoolean:
            inner = expr.expression
            if type(inner) in _COMPARISONS or type(inner) in (
                _cond.RubyEq,
                _cond.RubyNe,
                _logical.LogicalAndExpression,
                _logical.LogicalOrExpression,
                _logical.LogicalNotExpression,
            ):
                return self.expr(inner)  # already a bool
            return f"_truthy({self.expr(inner)})"
        if kind is TrueLiteral:
            return "True"
        return f"{self.const(expr)}.evaluate(context)"

    # -- statements ---------------------------------------------------------

    def disabled(self, node: Node, out: list[str], pad: str) -> None:
        """``Node.render``'s disabled-tag check (only tags can be disabled)."""
        token = node.token
        if token is not None and token.kind == TOKEN_TAG:
            out.append(f"{pad}if _dis: {self.const(node)}.raise_for_disabled(_dis)")

    def block(self, block: Any, out: list[str], indent: int, depth: int, w: str, buf: str) -> None:
        """A ``BlockNode``: its disabled check, then its nodes."""
        if type(block) is not RubyBlockNode and type(block) is not BlockNode:
            raise _Unsupported(type(block).__name__)
        if depth >= _SPILL_DEPTH or indent >= _SPILL_INDENT:
            name = self.var("f")
            body: list[str] = [
                f"def {name}(context, buffer, _w, _dis, _get):",
                "    _filters = context.env.filters",
            ]
            start = len(body)
            self.disabled(block, body, "    ")
            outer_loops, self.loops = self.loops, []  # their names are not in scope here
            try:
                for node in block.nodes:
                    self.node(node, body, 1, 0, "_w", "buffer")
            finally:
                self.loops = outer_loops
            if len(body) == start:
                body.append("    pass")
            self.functions.append(body)
            out.append(f"{'    ' * indent}{name}(context, {buf}, {w}, _dis, _get)")
            return
        pad = "    " * indent
        start = len(out)
        self.disabled(block, out, pad)
        for node in block.nodes:
            self.node(node, out, indent, depth, w, buf)
        if len(out) == start:
            out.append(f"{pad}pass")

    def node(self, node: Node, out: list[str], indent: int, depth: int, w: str, buf: str) -> None:
        pad = "    " * indent
        kind = type(node)
        if kind is self.content_class:
            if node.text:  # type: ignore[attr-defined]
                out.append(f"{pad}{w}({node.text!r})")  # type: ignore[attr-defined]
            return
        if kind is self.output_class:
            value = self.var("v")
            self.value_into(node.expression, value, out, pad)  # type: ignore[attr-defined]
            out.append(f"{pad}{w}({value} if type({value}) is str else _output_str({value}))")
            return
        if kind is RubyIfNode or kind is UnlessNode:
            self.if_node(node, out, indent, depth, w, buf)
            return
        if kind is RubyForNode:
            self.for_node(node, out, indent, depth, w, buf)
            return
        if kind is self.assign_class:
            self.disabled(node, out, pad)
            value = self.var("v")
            self.value_into(node.expression, value, out, pad)  # type: ignore[attr-defined]
            out.append(
                # a plain ``str`` key (python-liquid's Identifier compares in Python)
                f"{pad}context.assign({self.const(str(node.name))}, "  # type: ignore[attr-defined]
                f"'' if isinstance({value}, _MethodLiteral) else {value})"
            )
            return
        if kind is RubyCaptureNode:
            self.disabled(node, out, pad)
            inner_buf, inner_w = self.var("b"), self.var("w")
            out.append(f"{pad}{inner_buf} = context.get_buffer({buf})")
            out.append(f"{pad}{inner_w} = {inner_buf}.write")
            out.append(f"{pad}try:")
            self.block(node.block, out, indent + 1, depth + 1, inner_w, inner_buf)  # type: ignore[attr-defined]
            out.append(f"{pad}finally:")
            target = self.const(ruby_name(node.name))  # type: ignore[attr-defined]
            out.append(f"{pad}    context.assign({target}, {inner_buf}.getvalue())")
            return
        if kind is RubyCaseNode:
            self.case_node(node, out, indent, depth, w, buf)
            return
        if kind is IncrementNode or kind is DecrementNode:
            self.disabled(node, out, pad)
            method = "increment" if kind is IncrementNode else "decrement"
            out.append(f"{pad}{w}(str(context.{method}({self.const(node.name)})))")  # type: ignore[attr-defined]
            return
        if kind is CommentNode:
            self.disabled(node, out, pad)
            return
        # Anything else renders itself (Jekyll and plugin tags, include, cycle...).
        out.append(f"{pad}{self.const(node)}.render(context, {buf})")

    def if_node(self, node: Any, out: list[str], indent: int, depth: int, w: str, buf: str) -> None:
        pad = "    " * indent
        self.disabled(node, out, pad)
        test = self.condition(node.condition)
        if type(node) is UnlessNode:
            test = f"not ({test})"
        out.append(f"{pad}if {test}:")
        self.block(node.consequence, out, indent + 1, depth, w, buf)
        for alternative in node.alternatives:
            if type(alternative) is not ConditionalBlockNode:
                raise _Unsupported(type(alternative).__name__)
            out.append(f"{pad}elif {self.condition(alternative.expression)}:")
            self.block(alternative.block, out, indent + 1, depth, w, buf)
        if node.default:
            out.append(f"{pad}else:")
            self.block(node.default, out, indent + 1, depth, w, buf)

    def case_node(
        self, node: Any, out: list[str], indent: int, depth: int, w: str, buf: str
    ) -> None:
        pad = "    " * indent
        self.disabled(node, out, pad)
        default = self.var("d")
        out.append(f"{pad}{default} = True")
        for block in node.blocks:
            if isinstance(block, MultiExpressionBlockNode):
                if type(block) is not MultiExpressionBlockNode:
                    raise _Unsupported(type(block).__name__)
                self.disabled(block, out, pad)
                matches = self.var("m")
                out.append(f"{pad}{matches} = {self.const(block.expression)}.evaluate(context)")
                out.append(f"{pad}if any({matches}):")
                out.append(f"{pad}    for _ in range({matches}.count(True)):")
                self.block(block.block, out, indent + 2, depth + 1, w, buf)
                out.append(f"{pad}    {default} = False")
            else:
                out.append(f"{pad}if {default}:")
                self.block(block, out, indent + 1, depth, w, buf)

    def for_node(
        self, node: Any, out: list[str], indent: int, depth: int, w: str, buf: str
    ) -> None:
        pad = "    " * indent
        expression = node.expression
        try:
            name = str(expression.identifier)
            loop_name = f"{name}-{expression.iterable}"
        except Exception as exc:  # noqa: BLE001
            raise _Unsupported("loop name") from exc
        self.disabled(node, out, pad)
        it, length, fl, ns, scope, pend, loops = (
            self.var(s) for s in ("it", "len", "fl", "ns", "sc", "pe", "lo")
        )
        item = self.var("x")
        out.append(f"{pad}{it}, {length} = {self.const(expression)}.evaluate(context)")
        out.append(f"{pad}if not {length}:")
        if node.default:
            self.block(node.default, out, indent + 1, depth, w, buf)
        else:
            out.append(f"{pad}    pass")
        out.append(f"{pad}else:")
        p1, p2, p3, p4 = (
            pad + "    ",
            pad + "        ",
            pad + "            ",
            pad + "                ",
        )
        out.append(
            f"{p1}{fl} = _ForLoop(name={loop_name!r}, it={it}, length={length}, "
            "parentloop=context.parentloop())"
        )
        out.append(f"{p1}{ns} = {{'forloop': {fl}, {name!r}: None}}")
        out.append(f"{p1}context.raise_for_loop_limit({fl}.length)")
        out.append(f"{p1}{loops} = context.loops")
        out.append(f"{p1}{loops}.append({fl})")
        out.append(f"{p1}try:")
        out.append(f"{p2}{scope} = _push_scope(context, {ns})")
        out.append(f"{p2}try:")
        out.append(f"{p3}{pend} = context.tag_namespace.get(_PENDING)")
        out.append(f"{p3}for {item} in {fl}:")
        out.append(f"{p4}{ns}[{name!r}] = {item}")
        out.append(f"{p4}if {pend}:")
        out.append(f"{p4}    _render_interrupted({self.const(node.block)}, context, {buf}, {pend})")
        out.append(f"{p4}    if isinstance({pend}.pop(), _BreakLoop):")
        out.append(f"{p4}        break")
        out.append(f"{p4}    continue")
        out.append(f"{p4}try:")
        self.loops.append((name, ns, fl))
        try:
            self.block(node.block, out, indent + 5, depth + 4, w, buf)
        finally:
            self.loops.pop()
        out.append(f"{p4}except _ContinueLoop:")
        out.append(f"{p4}    {pend} = context.tag_namespace.get(_PENDING)")
        out.append(f"{p4}    continue")
        out.append(f"{p4}except _BreakLoop:")
        out.append(f"{p4}    break")
        out.append(f"{p2}finally:")
        out.append(f"{p3}{scope}.pop()")
        out.append(f"{p1}finally:")
        out.append(f"{p2}{loops}.pop()")
        out.append(f"{p1}{pend} = context.tag_namespace.get(_PENDING)")
        out.append(f"{p1}if {pend}:")
        out.append(f"{p2}raise {pend}.pop()")

    # -- the template ---------------------------------------------------------

    def template(self, nodes: list[Node]) -> str:
        out = self.lines
        out.append("def _render(context, buffer, partial, block_scope):")
        out.append("    _w = buffer.write")
        out.append("    _dis = context.disabled_tags")
        out.append("    _get = context.get")
        out.append("    _filters = context.env.filters")
        out.append("    _n = 0")
        out.append("    try:")
        for i, node in enumerate(nodes):
            out.append(f"        _n = {i}")
            self.node(node, out, 2, 1, "_w", "buffer")
        out.append("        pass")
        out.append("    except _LiquidInterrupt:")
        out.append("        if not partial or block_scope:")
        out.append("            return")
        out.append("        raise")
        out.append("    except _StopRender:")
        out.append("        return")
        out.append("    except _LiquidError as err:")
        out.append("        _env.error(err, token=_tokens[_n])")
        self.consts["_tokens"] = [node.token for node in nodes]
        chunks = ["\n".join(f) for f in self.functions]
        chunks.append("\n".join(out))
        return "\n\n".join(chunks) + "\n"


def _is_constant(code: str) -> bool:
    """Generated code that is a literal (``repr`` of a number, string, bool, None)."""
    return code in ("None", "True", "False") or code[:1] in "'\"0123456789-"


def _filter_error(
    node: Any, func: Callable[..., object], left: object, args: tuple[object, ...], exc: Exception
) -> None:
    """``RubyFilter.evaluate``'s handling of an error raised by the filter function."""
    if isinstance(exc, LiquidTypeError):
        exc.token = node.token
        raise exc
    if not isinstance(exc, FilterArgumentError) or isinstance(exc.__cause__, TypeError):
        message = arity_message(func, (left, *args), {})
        if message is not None:
            raise LiquidArgumentError(message, token=node.token) from exc
    if isinstance(exc, TypeError):
        raise LiquidTypeError(f"{node.name}: {exc}", token=node.token) from exc
    exc.token = node.token  # type: ignore[attr-defined]
    raise exc


#: the ordering operators of conditions (``RubyLt.evaluate``... inline)
_COMPARISONS: dict[type, str] = {
    _cond.RubyLt: "<",
    _cond.RubyGt: ">",
    _cond.RubyLe: "<=",
    _cond.RubyGe: ">=",
}


def _compare(op: str, left: object, right: object, token: Any) -> bool:
    """``RubyLt.evaluate`` and its kin, for operands already evaluated."""
    try:
        return _cond.ruby_compare(op, left, right)
    except LiquidArgumentError as err:
        err.token = token
        raise err from None


def _truthy(obj: object) -> bool:
    """``RubyBoolean.evaluate`` for a value."""
    kind = type(obj)
    if kind is bool:
        return obj  # type: ignore[return-value]
    if obj is None:
        return False
    if kind in _ALWAYS_TRUE:
        return True
    return is_truthy(obj)


_RUNTIME: dict[str, object] = {
    "_truthy": _truthy,
    "_is_truthy": is_truthy,
    "_ruby_eq": _cond.ruby_eq,
    "_ruby_contains": _cond.ruby_contains,
    "_compare": _compare,
    "_output_str": output_str,
    "_MethodLiteral": _cond.MethodLiteral,
    "_ForLoop": RubyForLoop,
    "_push_scope": push_scope,
    "_render_interrupted": render_interrupted,
    "_PENDING": PENDING,
    "_BreakLoop": BreakLoop,
    "_ContinueLoop": ContinueLoop,
    "_LiquidInterrupt": LiquidInterrupt,
    "_StopRender": StopRender,
    "_LiquidError": LiquidError,
    "_FILTER_ERRORS": (LiquidTypeError, TypeError, FilterArgumentError),
    "_filter_error": _filter_error,
    "_partial": functools.partial,
    "_DEFINED": _DEFINED,
}


def generate_source(template: BoundTemplate) -> tuple[str, dict[str, object]]:
    """The Python source of ``template``'s render function and its constants."""
    gen = _Generator(template.env)
    source = gen.template(list(template.nodes))
    namespace = dict(_RUNTIME)
    namespace.update(gen.consts)
    namespace["_env"] = template.env
    return source, namespace


def compile_template(template: BoundTemplate) -> CompiledRender | None:
    """``template``'s nodes as one Python function, or None (render it interpreted)."""
    env = template.env
    if getattr(env, "suppress_blank_control_flow_blocks", False) or getattr(
        env, "autoescape", False
    ):
        return None
    try:
        source, namespace = generate_source(template)
        code = compile_code(source, f"<liquid {template.name or 'template'}>")
        exec(code, namespace)  # noqa: S102 - our own generated code
    except (_Unsupported, SyntaxError, RecursionError, MemoryError, ValueError):
        return None
    return namespace["_render"]  # type: ignore[return-value]
