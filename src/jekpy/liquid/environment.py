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

The other parts live beside it: :mod:`.settings` (``LiquidSettings``),
:mod:`.context` (the render context and output buffer), :mod:`.template`
(``RubyTemplate``), :mod:`.nodes` (output, ``echo``, ``assign``, text and unknown
tags) and :mod:`.markup` (tag markup rewritten before parsing); their public
names are re-exported here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from liquid.ast import Node
from liquid.exceptions import (
    LiquidError,
)
from liquid.parser import get_parser
from liquid.stream import TokenStream
from liquid.token import (
    TOKEN_COMMENT,
    TOKEN_EXPRESSION,
    TOKEN_ILLEGAL,
    TOKEN_TAG,
    Token,
)
from liquid.undefined import Undefined

from liquid import BoundTemplate, Environment, Mode

from . import lax
from .blank import apply_ruby_blank
from .case import RubyCaseTag
from .conditional import RubyIfTag, RubyUnlessTag
from .conditions import rubify
from .context import (
    LimitedBuffer,
    RubyContext,
    ScopeChain,
    _StrictUndefined,
)
from .errors import LiquidArgumentError, LiquidSyntaxFatal, arity_message, line_of
from .lexer import tokenize
from .markup import (
    _CHECKED_TAGS,
    _EMPTY_COUNTER,
    _LAX_ONLY,
    _VARIABLE_SIGNATURE,
    TAG_SYNTAX_MESSAGES,
    _drop_empty_liquid_tags,
    _drop_ignored_markup,
    _name_token,
)
from .nodes import (
    RubyAssign,
    RubyAssignNode,
    RubyContent,
    RubyContentNode,
    RubyEcho,
    RubyEchoNode,
    RubyIllegal,
    RubyLiquidTag,
    RubyMessages,
    RubyOutput,
    RubyOutputNode,
    _IgnoredTag,
    parse_variable_markup,
)
from .settings import ERROR_MODES, LiquidSettings, compile_always, compile_enabled
from .strict import condition_error, for_error, python_markup
from .template import RubyTemplate
from .treecache import kept_trees, parse_kept

if TYPE_CHECKING:
    from liquid.loader import BaseLoader

__all__ = [
    "ERROR_MODES",
    "TAG_SYNTAX_MESSAGES",
    "JekpyEnvironment",
    "LimitedBuffer",
    "LiquidSettings",
    "ParseState",
    "RubyAssign",
    "RubyAssignNode",
    "RubyContent",
    "RubyContentNode",
    "RubyContext",
    "RubyEcho",
    "RubyEchoNode",
    "RubyIllegal",
    "RubyLiquidTag",
    "RubyMessages",
    "RubyOutput",
    "RubyOutputNode",
    "RubyTemplate",
    "ScopeChain",
    "arity_message",
    "compile_always",
    "compile_enabled",
    "parse_variable_markup",
]


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
        # parsed layouts and includes kept on disk by the command (None: parse them)
        self.tree_cache = kept_trees()
        self.warnings_emitted = 0
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
        *,
        keep: bool = False,
    ) -> BoundTemplate:
        """Parse ``source``; our own errors are not wrapped as "unexpected" ones.

        ``keep``: a layout or an include, whose tree the command keeps on disk for
        the next run (:mod:`.treecache`)."""
        try:
            if keep and self.tree_cache is not None:
                nodes = parse_kept(self, source, self._parse)
            else:
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
                elif _name_token(expr.value) != expr.value:
                    name = _name_token(expr.value)
                    tokens[i + 1] = Token(TOKEN_EXPRESSION, name, expr.start_index, expr.source)
                continue
            if expr is None or expr.kind != TOKEN_EXPRESSION:
                continue
            if token.value == "capture":
                # ``Capture`` reads the first variable signature and ignores the rest.
                found = _VARIABLE_SIGNATURE.search(expr.value)
                if found is None:
                    raise LiquidSyntaxFatal(TAG_SYNTAX_MESSAGES["capture"], token=token)
                name = _name_token(found.group(0))
                if name != expr.value:
                    tokens[i + 1] = Token(TOKEN_EXPRESSION, name, expr.start_index, expr.source)
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
                # Names python-liquid reads as keywords (``offset:offset``) in brackets.
                renamed = python_markup("for" if is_for else "condition", expr.value)
                if renamed is not None:
                    tokens[i + 1] = Token(TOKEN_EXPRESSION, renamed, expr.start_index, expr.source)
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
        self.warnings_emitted += 1  # (a parse that warned is not kept, see .treecache)
        full = message if message.startswith("Liquid Warning") else f"Liquid Warning: {message}"
        if self.parse_state.quiet:
            return
        if self.warn_callback is not None:
            self.warn_callback(full)
