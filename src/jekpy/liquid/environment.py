"""The python-liquid ``Environment`` that behaves like Ruby Liquid 5.4 under Jekyll.

Every environment registers its own tags and filters (no global state):

* always: Ruby's tokenizer and whitespace control (:mod:`.lexer`), Ruby
  output (``to_s`` of arrays, hashes, floats, times, nil), Ruby comparison
  semantics (:mod:`.conditions`), the ``error_mode`` rules for ``{{ }}``,
  ``assign``, ``echo``, ``if``/``elsif``/``unless``, ``for``, ``capture``
  (Ruby's strict parser decides, :mod:`.strict`; the lax reading is used
  otherwise, :mod:`.lax`), Ruby syntax-error messages, and the Ruby versions
  of the standard filters (:mod:`.filters.standard`);
* ``jekyll=True``: Jekyll's tags (``include``, ``include_relative``,
  ``highlight``, ``link``, ``post_url``) and filters.

python-liquid itself always runs in ``Mode.STRICT`` so that every error
raises (render errors are fatal in Jekyll's ``render!``).
"""

from __future__ import annotations

import datetime as _dt
import inspect
import os
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TextIO

from liquid.ast import IllegalNode, Node
from liquid.builtin.content import ContentNode, Literal
from liquid.builtin.expressions import FilteredExpression
from liquid.builtin.output import OutputNode
from liquid.builtin.tags.assign_tag import AssignNode, AssignTag
from liquid.builtin.tags.echo_tag import EchoNode, EchoTag
from liquid.builtin.tags.liquid_tag import LiquidTag
from liquid.context import _segments_str
from liquid.exceptions import (
    FilterArgumentError,
    LiquidError,
    LiquidInterrupt,
    LiquidSyntaxError,
    OutputStreamLimitError,
    StopRender,
    UndefinedError,
)
from liquid.expression import Expression
from liquid.output import LimitedStringIO
from liquid.parser import get_parser
from liquid.stream import TokenStream
from liquid.tag import Tag
from liquid.token import (
    TOKEN_COMMENT,
    TOKEN_EXPRESSION,
    TOKEN_ILLEGAL,
    TOKEN_OUTPUT,
    TOKEN_TAG,
    Token,
)
from liquid.undefined import UNDEFINED, Undefined
from liquid.utils import ReadOnlyChainMap

from liquid import BoundTemplate, Environment, Mode, RenderContext

from . import lax
from .blank import apply_ruby_blank
from .case import RubyCaseTag
from .compiler import CompiledRender, compile_template
from .conditional import RubyIfTag, RubyUnlessTag
from .conditions import MethodLiteral, rubify
from .errors import LiquidArgumentError, LiquidSyntaxFatal, line_of
from .fast import push_scope
from .lexer import tokenize
from .loops import NAME_PREFIX
from .ruby import output_str
from .strict import condition_error, for_error, variable_error

if TYPE_CHECKING:
    from liquid.loader import BaseLoader

__all__ = ["ERROR_MODES", "JekpyEnvironment", "LiquidSettings"]

ERROR_MODES = ("warn", "lax", "strict", "strict2")


@dataclass(frozen=True)
class LiquidSettings:
    """Jekyll's ``liquid:`` configuration plus our own switches."""

    error_mode: str = "warn"
    strict_variables: bool = False
    strict_filters: bool = False
    jekyll: bool = True
    loop_limit: int = 1_000_000
    output_limit: int = 200_000_000
    #: bytes held by assigned/captured values (``sys.getsizeof``), so a template
    #: that keeps doubling a string stops with an error instead of exhausting memory
    namespace_limit: int = 256_000_000
    include_depth_limit: int = 40
    #: render templates through Python code compiled from them (:mod:`.compiler`);
    #: ``JEKPY_LIQUID_COMPILE=0`` in the environment turns it off
    compiled: bool = field(default_factory=lambda: compile_enabled())
    #: renders of a template before it is compiled (interpreted until then)
    compile_after: int = field(default_factory=lambda: 0 if compile_always() else 1)

    @classmethod
    def from_config(cls, config: Mapping[str, Any] | None) -> LiquidSettings:
        """Read ``liquid: {error_mode, strict_variables, strict_filters}``."""
        liquid = (config or {}).get("liquid") or {}
        if not isinstance(liquid, Mapping):
            liquid = {}
        mode = str(liquid.get("error_mode") or "warn").lower()
        if mode not in ERROR_MODES:
            mode = "warn"
        return cls(
            error_mode=mode,
            strict_variables=bool(liquid.get("strict_variables", False)),
            strict_filters=bool(liquid.get("strict_filters", False)),
        )


def compile_enabled() -> bool:
    """``$JEKPY_LIQUID_COMPILE`` (default on; ``0``/``false``/``no``/``off``: off)."""
    value = os.environ.get("JEKPY_LIQUID_COMPILE", "1").strip().lower()
    return value not in ("0", "false", "no", "off")


def compile_always() -> bool:
    """``JEKPY_LIQUID_COMPILE=always``: compile every template before its first
    render (for the conformance runners, which render each template once)."""
    return os.environ.get("JEKPY_LIQUID_COMPILE", "").strip().lower() == "always"


class _StrictUndefined(Undefined):
    """Raises as soon as an undefined variable is looked up (``strict_variables``)."""

    def __init__(
        self,
        name: str,
        *,
        obj: object = None,
        hint: str | None = None,
        token: Token | None = None,
    ) -> None:
        super().__init__(name, obj=obj, hint=hint, token=token)
        if hint is not None:  # a variable lookup (not python-liquid's internal probes)
            raise UndefinedError(hint, token=token)


def arity_message(
    func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]
) -> str | None:
    """Ruby's ``wrong number of arguments (given 1, expected 2..3)``, or None."""
    try:
        sig = inspect.signature(func)
    except (TypeError, ValueError):
        return None
    try:
        sig.bind(*args, **kwargs)
        return None
    except TypeError:
        pass
    required = 0
    maximum: int | None = 0
    for param in sig.parameters.values():
        if param.kind in (param.POSITIONAL_ONLY, param.POSITIONAL_OR_KEYWORD):
            if maximum is not None:
                maximum += 1
            if param.default is param.empty:
                required += 1
        elif param.kind is param.VAR_POSITIONAL:
            maximum = None
    given = len(args)
    if maximum is None:
        expected = f"{required}+"
    elif maximum == required:
        expected = str(required)
    else:
        expected = f"{required}..{maximum}"
    return f"wrong number of arguments (given {given}, expected {expected})"


_stringio_write = StringIO.write
_getsizeof = sys.getsizeof
_NOT_INDEXABLE = (_dt.date, int, float, bool)
_SPECIAL_KEYS = frozenset(("size", "first", "last"))


class LimitedBuffer(LimitedStringIO):
    """Output buffer with a size limit (characters) and no newline translation."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit, None, "")

    def write(self, text: str) -> int:
        if text:
            size = self.size = self.size + len(text)
            if size > self.limit:
                raise OutputStreamLimitError("output stream limit reached", token=None)
        return _stringio_write(self, text)


_MISSING = object()


class ScopeChain(ReadOnlyChainMap):
    """python-liquid's scope chain, without a raised ``KeyError`` for each plain
    ``dict`` a name is not in (the usual case while looking through scopes)."""

    def __getitem__(self, key: str) -> object:
        for mapping in self._maps:
            if type(mapping) is dict:
                value = mapping.get(key, _MISSING)
                if value is not _MISSING:
                    return value
                continue
            try:
                return mapping[key]
            except KeyError:
                pass
        raise KeyError(key)


class RubyContext(RenderContext):
    """Render context without python-liquid's ``now``/``today`` globals (Ruby has none)."""

    __slots__ = ()

    def __init__(  # noqa: PLR0913
        self,
        template: BoundTemplate,
        *,
        globals: Mapping[str, object] | None = None,  # noqa: A002
        disabled_tags: list[str] | None = None,
        copy_depth: int = 0,
        parent_context: RenderContext | None = None,
        loop_iteration_carry: int = 1,
        local_namespace_size_carry: int = 0,
    ) -> None:
        # ``RenderContext.__init__``, without the scope chain it builds only for
        # us to replace it (see there for what each slot is for).
        env = template.env
        self.env = env
        self.template = template
        self.locals = {}
        self.globals = globals or {}
        self.counters = {}
        self.scope = ScopeChain(self.locals, self.globals, self.counters)
        # The page's own path, for "included from ..." hints.
        page = getattr(template, "jekpy_path", "") or template.name
        self.tag_namespace = {
            "cycles": {},
            "ifchanged": "",
            "stopindex": {},
            "extends": defaultdict(list),
            "macros": {},
            "jekpy_files": [(page, getattr(template, "jekpy_line_offset", 0))],
        }
        self.loops = []
        self.disabled_tags = disabled_tags or []
        self.autoescape = env.autoescape
        self._copy_depth = copy_depth
        self.parent_context = parent_context
        self.loop_iteration_carry = loop_iteration_carry
        self.local_namespace_size_carry = local_namespace_size_carry

    def get(
        self, path: list[object], *, token: Token | None, default: object = UNDEFINED
    ) -> object:
        """``RenderContext.get`` (same results and undefined hints), with the scope
        lookup and the segment loop done inline."""
        root = path[0]
        if not isinstance(root, str):
            return super().get(path, token=token, default=default)
        for mapping in self.scope._maps:
            if type(mapping) is dict:
                obj = mapping.get(root, _MISSING)
                if obj is not _MISSING:
                    break
                continue
            try:
                obj = mapping[root]
                break
            except KeyError:
                pass
            except (TypeError, IndexError):
                return super().get(path, token=token, default=default)
        else:
            if default == UNDEFINED:
                return self.env.undefined(root, hint=f"{root!r} is undefined", token=token)
            return default
        get_item = self.get_item
        i = 1
        n = len(path)
        while i < n:
            try:
                obj = get_item(obj, path[i])
            except (KeyError, TypeError):
                if default == UNDEFINED:
                    hint = f"{_segments_str(path[: i + 1])} is undefined"
                    return self.env.undefined(root, hint=hint, token=token)
                return default
            except IndexError:
                if default == UNDEFINED:
                    return self.env.undefined(root, hint="index out of range", token=token)
                return default
            i += 1
        return obj

    def get_size_of_locals(self) -> int:
        """``RenderContext.get_size_of_locals`` (the namespace limit's measure), summed
        with ``map``: ``getsizeof(obj, default=1)`` differs from ``getsizeof(obj)``
        only where the latter raises ``TypeError``, and then the general sum is used."""
        if not self.env.local_namespace_limit:
            return 0
        try:
            total = sum(map(_getsizeof, self.locals.values()))
        except TypeError:
            return super().get_size_of_locals()
        return total + self.local_namespace_size_carry

    def get_item(self, obj: Any, key: Any) -> Any:
        if type(key) is str and key not in _SPECIAL_KEYS:
            # The common case: what python-liquid's get_item ends with for such keys.
            if type(obj) is dict:
                return obj[key]
            if obj is None or isinstance(obj, _NOT_INDEXABLE):
                raise TypeError(f"cannot look up {key!r}")
            return obj[key]
        if key == "size" and isinstance(obj, int) and not isinstance(obj, bool):
            return 8
        if isinstance(obj, _NOT_INDEXABLE) or obj is None:
            raise TypeError(f"cannot look up {key!r}")
        return super().get_item(obj, key)

    def filter(self, name: str, token: Token | None) -> Callable[..., object]:  # noqa: A003
        func = super().filter(name, token)

        def call(*args: Any, **kwargs: Any) -> object:
            try:
                return func(*args, **kwargs)
            except (TypeError, FilterArgumentError) as exc:
                if isinstance(exc, FilterArgumentError) and not isinstance(
                    exc.__cause__, TypeError
                ):
                    raise
                message = arity_message(func, args, kwargs)
                if message is None:
                    raise
                raise LiquidArgumentError(message, token=token) from exc

        return call

    def get_buffer(self, buf: TextIO | None = None) -> StringIO:
        limit = self.env.output_stream_limit
        if limit is None:
            return StringIO(newline="")
        carry = buf.size if isinstance(buf, LimitedStringIO) else 0
        return LimitedBuffer(limit - carry)


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


@dataclass
class ParseState:
    """Where the environment is parsing (for warnings)."""

    path: str = ""
    line_offset: int = 0
    stack: list[tuple[str, int]] = field(default_factory=list)
    # Jekyll logs the warnings of pages and layouts only, not of included files.
    quiet: bool = False


class JekpyEnvironment(Environment):
    """An Environment configured like Jekyll's Liquid (or standard Liquid 5.4)."""

    template_class = RubyTemplate
    # Scopes pushed by loops and includes; nesting is bounded by the two limits below.
    context_depth_limit: ClassVar[int] = 400
    # Ruby Liquid stops at 100 nested blocks ("Nesting too deep").
    block_nesting_limit: ClassVar[int] = 100
    # Ruby's blank-block rule is applied at parse time instead (see :mod:`.blank`).
    suppress_blank_control_flow_blocks = False

    def __init__(
        self,
        settings: LiquidSettings | None = None,
        *,
        hooks: Any = None,
        loader: BaseLoader | None = None,
        warn: Callable[[str], None] | None = None,
    ) -> None:
        self.settings = settings or LiquidSettings()
        self.hooks = hooks
        self.warn_callback = warn
        self.parse_state = ParseState()
        self.block_stack: list[str] = []
        self.plugin_tags: dict[str, Callable[..., str] | None] = {}
        self.include_cache: dict[tuple[str, float, int], BoundTemplate] = {}
        self.markup_cache: dict[str, BoundTemplate] = {}
        # include lookups of the current build: (relative, dirs, file) -> (path, identity, shown)
        self.locate_cache: dict[Any, tuple[Path, tuple[int, int, int, int], str]] = {}
        # Per-environment resource limits (class variables in python-liquid).
        self.__dict__["loop_iteration_limit"] = self.settings.loop_limit
        self.__dict__["output_stream_limit"] = self.settings.output_limit
        self.__dict__["local_namespace_limit"] = self.settings.namespace_limit
        super().__init__(
            tolerance=Mode.STRICT,
            loader=loader,
            strict_filters=self.settings.strict_filters,
            undefined=_StrictUndefined if self.settings.strict_variables else Undefined,
        )

    def __hash__(self) -> int:
        return id(self)

    def setup_tags_and_filters(self, *, extra: bool = False) -> None:
        super().setup_tags_and_filters(extra=False)
        self.add_tag(RubyContent)
        self.add_tag(RubyOutput)
        self.add_tag(RubyEcho)
        self.add_tag(RubyAssign)
        self.add_tag(RubyIllegal)
        self.add_tag(RubyLiquidTag)
        self.add_tag(RubyCaseTag)
        self.add_tag(RubyIfTag)
        self.add_tag(RubyUnlessTag)
        for tag_name, message in TAG_SYNTAX_MESSAGES.items():
            if tag_name in self.tags:
                self.tags[tag_name] = RubyMessages(self.tags[tag_name], message)
        from .filters import register_jekyll_filters, register_standard_filters

        register_standard_filters(self)
        if self.settings.jekyll:
            from .tags import register_jekyll_tags

            register_jekyll_tags(self)
            register_jekyll_filters(self)
        self.tags.pop("doc", None)  # not a Liquid 5.4 tag

    def from_string(
        self,
        source: str,
        name: str = "",
        path: str | Path | None = None,
        globals: Mapping[str, object] | None = None,  # noqa: A002
        matter: Mapping[str, object] | None = None,
    ) -> BoundTemplate:
        """Parse ``source``; our own errors are not wrapped as "unexpected" ones."""
        try:
            nodes = self._parse(source)
        except LiquidError as err:
            err.template_name = path
            raise
        return self.template_class(
            env=self,
            name=name,
            path=path,
            nodes=nodes,
            globals=self.make_globals(globals),
            matter=matter,
        )

    def tokenizer(self) -> Callable[[str], Iterator[Token]]:
        """Ruby Liquid's tokenizer and whitespace control (see :mod:`jekpy.liquid.lexer`)."""
        return tokenize

    def _parse(self, source: str) -> list[Node]:
        self.block_stack.clear()
        tokens = list(self.tokenizer()(source))
        self._ruby_tag_markup(tokens)
        nodes = get_parser(self).parse(TokenStream(iter(tokens)))
        rubify(nodes)
        apply_ruby_blank(nodes)
        return nodes

    def _ruby_tag_markup(self, tokens: list[Token]) -> None:
        """Apply Ruby's strict/warn/lax rules to ``if``/``elsif``/``unless``/``for`` markup.

        Markup Ruby's strict parser rejects is warned about (``warn``) or fatal
        (``strict``); its lax reading is substituted as equivalent strict markup.
        """
        _drop_ignored_markup(tokens)
        _drop_empty_liquid_tags(tokens)
        for i, token in enumerate(tokens):
            if token.kind == TOKEN_COMMENT:
                self._check_comment(token)
                continue
            if token.kind != TOKEN_TAG or token.value not in _CHECKED_TAGS:
                continue
            expr = tokens[i + 1] if i + 1 < len(tokens) else None
            if token.value in ("increment", "decrement"):
                # Ruby takes the whole markup as the counter's name (even empty).
                if expr is None or expr.kind != TOKEN_EXPRESSION:
                    tokens.insert(
                        i + 1,
                        Token(TOKEN_EXPRESSION, _EMPTY_COUNTER, token.start_index, token.source),
                    )
                elif not _IDENTIFIER.match(expr.value):
                    name = _name_token(expr.value)
                    tokens[i + 1] = Token(TOKEN_EXPRESSION, name, expr.start_index, expr.source)
                continue
            if expr is None or expr.kind != TOKEN_EXPRESSION:
                continue
            if token.value == "capture":
                # ``Capture`` reads the first variable signature and ignores the rest.
                if not _IDENTIFIER.match(expr.value):
                    found = _VARIABLE_SIGNATURE.search(expr.value)
                    if found is None:
                        raise LiquidSyntaxFatal(TAG_SYNTAX_MESSAGES["capture"], token=token)
                    tokens[i + 1] = Token(
                        TOKEN_EXPRESSION, _name_token(found.group(0)), expr.start_index, expr.source
                    )
                continue
            lax_only = _LAX_ONLY.get(token.value)
            if lax_only is not None:
                # Ruby 5.4 reads these with its lax rules in every error mode.
                try:
                    text = lax_only[0](expr.value)
                except lax.LaxError:
                    raise LiquidSyntaxFatal(lax_only[1], token=token) from None
                tokens[i + 1] = Token(TOKEN_EXPRESSION, text, expr.start_index, expr.source)
                continue
            is_for = token.value == "for"
            problem = (for_error if is_for else condition_error)(expr.value)
            if problem is None:
                continue
            self.syntax_fallback(problem, expr.value.strip(), expr)
            try:
                text = (lax.rewrite_for if is_for else lax.rewrite_condition)(expr.value)
            except lax.LaxError as err:
                message = TAG_SYNTAX_MESSAGES["for" if is_for else "if"]
                if str(err).startswith("Unknown operator"):
                    raise LiquidArgumentError(str(err), token=expr) from None
                raise LiquidSyntaxFatal(message, token=token) from None
            tokens[i + 1] = Token(TOKEN_EXPRESSION, text, expr.start_index, expr.source)

    def _check_comment(self, token: Token) -> None:
        """Ruby 5.4 parses a comment's body (only unknown tags are ignored):
        broken known tags inside a comment are errors there too."""
        if "{%" not in token.value and "{{" not in token.value:
            return
        source = token.source
        # Pad so that line numbers (and error columns) match the whole template.
        text = "".join("\n" if ch == "\n" else " " for ch in source[: token.start_index])
        # The closing tag is seen by any block left open inside the comment.
        text += token.value + "{% endcomment %}"
        illegal = self.tags[TOKEN_ILLEGAL]
        self.tags[TOKEN_ILLEGAL] = _IgnoredTag(self, len(self.block_stack))
        try:
            tokens = list(self.tokenizer()(text))
            self._ruby_tag_markup(tokens)
            get_parser(self).parse(TokenStream(iter(tokens)))
        finally:
            self.tags[TOKEN_ILLEGAL] = illegal

    # -- errors ------------------------------------------------------------

    def error(
        self,
        exc: type[LiquidError] | LiquidError,
        msg: str | None = None,
        token: Token | None = None,
    ) -> None:
        """Every error raises (render errors are fatal in Jekyll's ``render!``)."""
        if not isinstance(exc, LiquidError):
            exc = exc(msg, token=token)
        elif not exc.token:
            exc.token = token
        raise exc

    def syntax_fallback(self, problem: str, markup: str, token: Token) -> None:
        """Apply the error mode to a strict-parse failure: raise, warn or ignore."""
        mode = self.settings.error_mode
        if mode in ("strict", "strict2"):
            raise LiquidSyntaxFatal(f'{problem} in "{markup}"', token=token)
        if mode == "warn":
            line = line_of(token)
            where = self.parse_state.path
            self.emit_warning(
                f'Liquid syntax error (line {line}): {problem} in "{markup}"'
                + (f" in {where}" if where else "")
            )

    def emit_warning(self, message: str) -> None:
        """Send a ``Liquid Warning: ...`` line to the site (or nowhere)."""
        full = message if message.startswith("Liquid Warning") else f"Liquid Warning: {message}"
        if self.parse_state.quiet:
            return
        if self.warn_callback is not None:
            self.warn_callback(full)


# ---------------------------------------------------------------------------
# Output statements, echo and assign with Ruby printing and the lax fallback


def _write(buffer: TextIO, text: str) -> int:
    """``buffer.write(text)``; for a :class:`LimitedBuffer`, its ``write`` inline
    (the same limit check)."""
    if type(buffer) is LimitedBuffer and text:
        size = buffer.size = buffer.size + len(text)
        if size > buffer.limit:
            raise OutputStreamLimitError("output stream limit reached", token=None)
        return _stringio_write(buffer, text)
    return buffer.write(text)


class RubyContentNode(ContentNode):
    """Template text; written directly (only tags can be disabled, so
    python-liquid's per-node check never applies to text)."""

    __slots__ = ()

    def render(self, context: RenderContext, buffer: TextIO) -> int:
        return _write(buffer, self.text)


class RubyContent(Literal):
    """Template text as :class:`RubyContentNode`."""

    node_class = RubyContentNode


class RubyOutputNode(OutputNode):
    """``{{ expr }}`` printed the way Ruby Liquid prints values."""

    __slots__ = ()

    def render(self, context: RenderContext, buffer: TextIO) -> int:
        # Output statements are never disabled (only tags are): skip that check.
        value = self.expression.evaluate(context)
        return _write(buffer, value if type(value) is str else output_str(value))

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        return buffer.write(output_str(self.expression.evaluate(context)))

    async def render_to_output_async(self, context: RenderContext, buffer: TextIO) -> int:
        return self.render_to_output(context, buffer)


class RubyEchoNode(EchoNode):
    """``{% echo expr %}`` printed the Ruby way."""

    __slots__ = ()

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        return buffer.write(output_str(self.expression.evaluate(context)))

    async def render_to_output_async(self, context: RenderContext, buffer: TextIO) -> int:
        return self.render_to_output(context, buffer)


def parse_variable_markup(env: Environment, markup: str, token: Token) -> Expression:
    """Parse Variable markup as Ruby Liquid does under the environment's error mode.

    Ruby's strict parser decides; when it fails, ``strict`` raises, ``warn``
    warns, and the lax parser's reading is used.
    """
    from liquid.builtin.expressions import tokenize

    if not markup.strip():
        return lax.Literal(token, None)
    problem = variable_error(markup)
    if problem is None:
        try:
            return FilteredExpression.parse(env, TokenStream(tokenize(markup.strip(), token)))
        except LiquidSyntaxError:
            return lax.parse_variable(markup, token)
    if isinstance(env, JekpyEnvironment):
        env.syntax_fallback(problem, "{{" + markup + "}}", token)
    return lax.parse_variable(markup, token)


_OUTPUT_MARKUP = re.compile(r"\A\{\{-?(.*?)-?\}\}\Z", re.S)


class RubyOutput(Tag):
    """Output statements: Ruby's strict parse, then the error mode's fallback."""

    name = TOKEN_OUTPUT
    block = False

    def parse(self, stream: TokenStream) -> Node:
        token = stream.eat(TOKEN_OUTPUT)
        expr_token = stream.expect(TOKEN_EXPRESSION)
        match = _OUTPUT_MARKUP.match(token.value)
        markup = match.group(1) if match else expr_token.value
        return RubyOutputNode(token, parse_variable_markup(self.env, markup, expr_token))


class RubyEcho(EchoTag):
    """``echo`` with Ruby printing and the lax fallback."""

    def parse(self, stream: TokenStream) -> Node:
        token, _ = lax.tag_markup(stream)
        if stream.current.kind != TOKEN_EXPRESSION:
            return RubyEchoNode(token, lax.Literal(token, None))
        expr_token = stream.current
        return RubyEchoNode(token, parse_variable_markup(self.env, expr_token.value, expr_token))


_ASSIGN_SYNTAX = re.compile(r"((?:\(?[\w\-.\[\]]\)?)+)\s*=\s*(.*)\s*", re.S)


class RubyAssignNode(AssignNode):
    """``assign``; Jekyll's ``empty``/``blank`` literal is stored as what a later
    lookup of it gives (``MethodLiteral#to_liquid``: ``""``)."""

    __slots__ = ()

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        value = self.expression.evaluate(context)
        context.assign(self.name, "" if isinstance(value, MethodLiteral) else value)
        return 0


class RubyAssign(AssignTag):
    """``assign`` parsed as Ruby does (``Variable`` rules for the value)."""

    def parse(self, stream: TokenStream) -> AssignNode:
        token, markup = lax.tag_markup(stream)
        expr_token = stream.current
        match = _ASSIGN_SYNTAX.search(markup)
        if not match:
            raise LiquidSyntaxFatal(
                "Syntax Error in 'assign' - Valid syntax: assign [var] = [source]",
                token=token,
            )
        from liquid.builtin.expressions import Identifier

        name = Identifier(match.group(1), token=token)
        value = parse_variable_markup(self.env, match.group(2), expr_token)
        return RubyAssignNode(token, name=name, expression=value)


def _unknown_tag(env: Environment, token: Token) -> LiquidSyntaxFatal:
    """``Block.raise_unknown_tag``: the message depends on the enclosing block."""
    stack: list[str] = getattr(env, "block_stack", [])
    name = str(token.value)
    if stack:
        block = stack[-1]
        if name == "else":
            return LiquidSyntaxFatal(f"{block} tag does not expect 'else' tag", token=token)
        if name.startswith("end"):
            return LiquidSyntaxFatal(
                f"'{name}' is not a valid delimiter for {block} tags. use end{block}",
                token=token,
            )
    return LiquidSyntaxFatal(f"Unknown tag '{name}'", token=token)


class _IgnoredTag(Tag):
    """Unknown tags directly inside a comment body are ignored (``Comment#unknown_tag``)."""

    name = TOKEN_ILLEGAL
    block = False

    def __init__(self, env: Environment, depth: int) -> None:
        super().__init__(env)
        self.depth = depth

    def parse(self, stream: TokenStream) -> Node:
        token = stream.current
        if len(getattr(self.env, "block_stack", [])) > self.depth:
            raise _unknown_tag(self.env, token)
        if stream.peek.kind == TOKEN_EXPRESSION:
            next(stream)
        return IllegalNode(token)


class RubyLiquidTag(LiquidTag):
    """``{% liquid %}``: its lines get the same Ruby markup rules as tags."""

    def __init__(self, env: Environment) -> None:
        super().__init__(env)
        inner = self._tokenize

        def tokenize(source: str, token: Token) -> Iterator[Token]:
            tokens = list(inner(source, token=token))
            if isinstance(env, JekpyEnvironment):
                env._ruby_tag_markup(tokens)
            return iter(tokens)

        self.__dict__["_tokenize"] = tokenize


class RubyIllegal(Tag):
    """Unknown tags are fatal: ``Unknown tag 'foo'`` (or a misplaced end tag)."""

    name = TOKEN_ILLEGAL
    block = False

    def parse(self, stream: TokenStream) -> Node:
        raise _unknown_tag(self.env, stream.current)


#: block tags whose markup Ruby reads (for the ``else`` of a ``case``, see below)
_OPENING_TAGS = frozenset(
    ("if", "unless", "case", "for", "tablerow", "capture", "ifchanged", "highlight", "comment")
)
#: tags whose markup Ruby never reads (``Tag#parse`` ignores it)
_MARKUP_IGNORED = frozenset(("break", "continue", "ifchanged"))


def _drop_ignored_markup(tokens: list[Token]) -> None:
    """Remove the markup Ruby ignores: after an end tag (``{% endif junk %}``), an
    ``else`` of ``if``/``unless``/``for``, ``break``, ``continue``, ``ifchanged``.

    ``{% else x %}`` in a ``case`` stays (Ruby rejects it there).
    """
    open_blocks: list[str] = []
    out: list[Token] = []
    drop_next = False
    for token in tokens:
        if drop_next:
            drop_next = False
            if token.kind == TOKEN_EXPRESSION:
                continue
        out.append(token)
        if token.kind != TOKEN_TAG:
            continue
        name = token.value
        if name in _MARKUP_IGNORED:
            drop_next = True
        if name in _OPENING_TAGS:
            open_blocks.append(name)
        elif name.startswith("end"):
            if open_blocks and open_blocks[-1] == name[3:]:
                open_blocks.pop()
            drop_next = True
        elif name == "else":
            drop_next = not open_blocks or open_blocks[-1] != "case"
    if len(out) != len(tokens):
        tokens[:] = out


def _drop_empty_liquid_tags(tokens: list[Token]) -> None:
    """``{% liquid %}`` with no lines renders nothing (python-liquid wants markup)."""
    drop = [
        i
        for i, token in enumerate(tokens)
        if token.kind == TOKEN_TAG
        and token.value == "liquid"
        and (i + 1 >= len(tokens) or tokens[i + 1].kind != TOKEN_EXPRESSION)
    ]
    for i in reversed(drop):
        del tokens[i]


_CHECKED_TAGS = frozenset(
    (
        "if", "elsif", "unless", "for", "capture", "increment", "decrement",
        "case", "when", "tablerow", "cycle",
    )
)  # fmt: skip
_VARIABLE_SIGNATURE = re.compile(r"(?:\(?[\w\-.\[\]]\)?)+")
_IDENTIFIER = re.compile(r"[a-zA-Z_][\w-]*\Z")
_EMPTY_COUNTER = "__jekpy_unnamed_counter__"


def _name_token(name: str) -> str:
    """A variable name Ruby accepts (``a.b``, ``x[0]``, ``a b``) as a python-liquid
    identifier: the name itself, or an encoding of it no template can write."""
    if _IDENTIFIER.match(name):
        return name
    return NAME_PREFIX + name.encode("utf-8").hex()
_NEVER_CLOSED = re.compile(r"^expected tag end(\w+)")
TAG_SYNTAX_MESSAGES = {
    "if": "Syntax Error in tag 'if' - Valid syntax: if [expression]",
    "unless": "Syntax Error in tag 'if' - Valid syntax: if [expression]",
    "for": "Syntax Error in 'for loop' - Valid syntax: for [item] in [collection]",
    "tablerow": "Syntax Error in 'table_row loop' - Valid syntax: tablerow [item] in [collection] cols=3",
    "case": "Syntax Error in 'case' - Valid syntax: case [condition]",
    "cycle": "Syntax Error in 'cycle' - Valid syntax: cycle [name :] var [, var2, var3 ...]",
    "capture": "Syntax Error in 'capture' - Valid syntax: capture [var]",
    "include": "Error in tag 'include' - Valid syntax: include '[template]' (with|for) [object|collection]",
    "render": "Syntax error in tag 'render' - Template name must be a quoted string",
    "increment": "Syntax Error in 'increment' - Valid syntax: increment [var]",
    "decrement": "Syntax Error in 'decrement' - Valid syntax: decrement [var]",
}


_LAX_ONLY: dict[str, tuple[Callable[[str], str], str]] = {
    "case": (lax.rewrite_case, TAG_SYNTAX_MESSAGES["case"]),
    "when": (
        lax.rewrite_when,
        "Syntax Error in tag 'case' - Valid when condition: "
        "{% when [condition] [or condition2...] %}",
    ),
    "tablerow": (lax.rewrite_tablerow, TAG_SYNTAX_MESSAGES["tablerow"]),
    "cycle": (lax.rewrite_cycle, TAG_SYNTAX_MESSAGES["cycle"]),
}


class RubyMessages(Tag):
    """Wraps a python-liquid tag so its syntax errors carry Ruby's messages."""

    def __init__(self, tag: Tag, message: str) -> None:
        super().__init__(tag.env)
        self.tag = tag
        self.message = message
        self.name = tag.name
        self.block = tag.block
        self.end = getattr(tag, "end", "")

    def __getattr__(self, name: str) -> Any:
        return getattr(self.tag, name)

    def parse(self, stream: TokenStream) -> Node:
        return self.tag.parse(stream)

    def get_node(self, stream: TokenStream) -> Node:
        tag_token = stream.current
        stack: list[str] | None = getattr(self.env, "block_stack", None)
        if self.block and stack is not None:
            stack.append(self.name)
        try:
            return self.tag.get_node(stream)
        except LiquidSyntaxFatal:
            raise
        except LiquidSyntaxError as err:
            text = str(err.message)
            closed = _NEVER_CLOSED.match(text)
            if closed:
                raise LiquidSyntaxFatal(
                    f"'{closed.group(1)}' tag was never closed", token=err.token
                ) from None
            raise LiquidSyntaxFatal(self.message, token=tag_token) from None
        finally:
            if self.block and stack is not None:
                stack.pop()
