"""Turning python-liquid exceptions into :class:`jekpy.errors.TemplateError`.

Messages follow Ruby Liquid's wording (``Liquid syntax error (line 3): Unknown
tag 'foo'``) so that they read like Jekyll's; ``path`` and ``line`` point at
the line in the file (template line + ``line_offset``).
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from typing import Any

from liquid.exceptions import (
    BlockNestingError,
    ContextDepthError,
    LiquidError,
    LiquidSyntaxError,
    LocalNamespaceLimitError,
    LoopIterationLimitError,
    OutputStreamLimitError,
    UndefinedError,
    UnknownFilterError,
)
from liquid.token import Token

from jekpy.errors import IncludeError, TemplateError

__all__ = [
    "JekyllTagError",
    "LiquidArgumentError",
    "LiquidFatal",
    "PLUGIN_TAGS",
    "arity_message",
    "line_of",
    "ruby_message",
    "source_line_of",
    "to_template_error",
]

#: Liquid tags that come from a plugin jekpy provides (``tag name -> plugins: entry``),
#: named by the "Unknown tag" hint.
PLUGIN_TAGS: dict[str, str] = {
    "seo": "jekyll-seo-tag",
    "feed_meta": "jekyll-feed",
    "gist": "jekyll-gist",
    "include_cached": "jekyll-include-cache",
    "last_modified_at": "jekyll-last-modified-at",
}


class LiquidFatal(LiquidError):
    """A render error raised by our own tags and filters (Ruby message text)."""


class JekyllTagError(LiquidFatal):
    """An error of a Jekyll tag that Jekyll reports verbatim (no ``Liquid error`` prefix)."""


class LiquidArgumentError(LiquidFatal):
    """Ruby ``Liquid::ArgumentError``."""


class LiquidSyntaxFatal(LiquidSyntaxError):
    """A syntax error raised by our tags; the message is already Ruby's."""


def line_of(token: Token | None) -> int | None:
    """1-based line of ``token`` in its template source."""
    if token is None or token.start_index < 0 or not isinstance(token.source, str):
        return None
    return token.source.count("\n", 0, token.start_index) + 1


def source_line_of(token: Token | None) -> str | None:
    """The text of the template line ``token`` is on."""
    if token is None or token.start_index < 0 or not isinstance(token.source, str):
        return None
    src = token.source
    start = src.rfind("\n", 0, token.start_index) + 1
    end = src.find("\n", token.start_index)
    return src[start : end if end >= 0 else len(src)]


_TRANSLATIONS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^unexpected tag '([^']*)'$"), r"Unknown tag '\1'"),
    (re.compile(r"^missing tag name$"), "Tag was never closed (missing tag name)"),
    (
        re.compile(r"^expected '}}', found end of file$"),
        "Variable '{{' was not properly terminated",
    ),
    (
        re.compile(r"^missing tag name or closing delimiter$"),
        "Tag '{%' was not properly terminated",
    ),
    (re.compile(r"^unknown filter '([^']*)'$"), r"undefined filter \1"),
    (re.compile(r"^\w+: (?:integer )?division (?:or modulo )?by zero$"), "divided by 0"),
    (re.compile(r"^\w+: float (?:division|modulo)(?: by zero)?$"), "divided by 0"),
    (re.compile(r"^\w+: can't divide by zero$"), "divided by 0"),
    (
        re.compile(r"^\w+: \w+\(\) takes (\d+) positional arguments? but (\d+) were given$"),
        "wrong number of arguments",
    ),
]


def _undefined_name(err: UndefinedError) -> str:
    text = str(err.message) if err.message else ""
    match = re.search(r"([\w-]+)'?\]? is undefined", text)
    if match:
        return match.group(1)
    return text.replace("'", "")


def ruby_message(err: LiquidError) -> tuple[str, bool]:
    """The Ruby-style message of ``err`` and whether it is a syntax error."""
    if isinstance(err, UndefinedError):
        return f"undefined variable {_undefined_name(err)}", False
    if isinstance(err, UnknownFilterError):
        name = re.sub(r"^unknown filter '([^']*)'$", r"\1", str(err.message))
        return f"undefined filter {name}", False
    text = str(err.message) if err.message is not None else type(err).__name__
    if isinstance(err, LiquidFatal):
        return text, isinstance(err, LiquidSyntaxFatal)
    for pattern, replacement in _TRANSLATIONS:
        if pattern.match(text):
            text = pattern.sub(replacement, text)
            break
    if isinstance(err, (BlockNestingError, ContextDepthError)):
        return "Nesting too deep", False
    if isinstance(
        err,
        (
            LoopIterationLimitError,
            OutputStreamLimitError,
            ContextDepthError,
            LocalNamespaceLimitError,
        ),
    ):
        text = f"resource limit reached: {text}"
    return text, isinstance(err, LiquidSyntaxError)


def _unknown_tag_hint(message: str) -> str:
    """Name the ``plugins:`` line that enables a tag jekpy provides; else suggest a typo
    or a plugin jekpy lacks."""
    match = re.match(r"Unknown tag '([^']*)'", message)
    plugin = PLUGIN_TAGS.get(match.group(1)) if match else None
    if plugin is not None:
        return (
            f"the '{match.group(1) if match else ''}' tag comes from {plugin}, which jekpy "
            f"provides but this site does not enable: add `- {plugin}` under `plugins:` in "
            f"_config.yml (in safe mode, list it under `whitelist:` too)"
        )
    return "is the tag a plugin jekpy does not provide? check its spelling and the matching end tag"


def _hint(err: LiquidError, message: str) -> str | None:
    if isinstance(err, UndefinedError):
        return "strict_variables is on: define the variable or guard it with {% if %}"
    if isinstance(err, UnknownFilterError):
        return "strict_filters is on: check the filter name or remove it"
    if message.startswith("Unknown tag"):
        return _unknown_tag_hint(message)
    if "not properly terminated" in message:
        return "close the output with '}}' or the tag with '%}'"
    if isinstance(err, LoopIterationLimitError):
        return "a loop runs too many times; limit it with 'limit:' or a smaller range"
    if isinstance(err, OutputStreamLimitError):
        return "the template writes too much output"
    if isinstance(err, (ContextDepthError, BlockNestingError)) or message == "Nesting too deep":
        return (
            "blocks (at most 100) or includes are nested too deeply; "
            "does an include include itself?"
        )
    return None


def to_template_error(
    err: LiquidError,
    *,
    path: str,
    line_offset: int = 0,
    include_path: str | None = None,
    source: str | None = None,
) -> TemplateError:
    """Convert ``err`` raised while parsing/rendering ``path``."""
    message, syntax = ruby_message(err)
    tline = line_of(err.token)
    if tline is None and source is not None and syntax:
        # end-of-file errors ("'if' tag was never closed"): Ruby reports the last line
        tline = source.count("\n") + 1
    if isinstance(err, JekyllTagError):
        cls0 = IncludeError if include_path or "include" in message else TemplateError
        return cls0(
            message,
            path=path,
            line=(tline + line_offset) if tline is not None else None,
            source_line=source_line_of(err.token),
            hint=_hint(err, message),
        )
    kind = "Liquid syntax error" if syntax else "Liquid error"
    where = f"{include_path} line {tline}" if include_path else f"line {tline}"
    if tline is None:
        where = include_path or ""
    head = f"{kind} ({where}): " if where else f"{kind}: "
    full = head + message + (" included" if include_path else "")
    cls = IncludeError if include_path else TemplateError
    return cls(
        full,
        path=path,
        line=(tline + line_offset) if tline is not None else None,
        source_line=source_line_of(err.token),
        hint=_hint(err, message),
    )


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
