"""The render context: Ruby lookups, the output buffer with its limit, filter arity errors."""

from __future__ import annotations

import datetime as _dt
import sys
from collections import defaultdict
from collections.abc import Callable, Mapping
from io import StringIO
from typing import Any, TextIO

from liquid.context import _segments_str
from liquid.exceptions import (
    FilterArgumentError,
    OutputStreamLimitError,
    UndefinedError,
)
from liquid.output import LimitedStringIO
from liquid.token import (
    Token,
)
from liquid.undefined import UNDEFINED, Undefined
from liquid.utils import ReadOnlyChainMap

from liquid import BoundTemplate, RenderContext

from . import ruby
from .errors import LiquidArgumentError, arity_message

__all__ = ["LimitedBuffer", "RubyContext", "ScopeChain", "write_text"]


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
                if self.env.undefined is Undefined:  # the hint would go unread (see _missing)
                    return Undefined(root, token=token)
                return self.env.undefined(root, hint=f"{root!r} is undefined", token=token)
            return default
        n = len(path)
        if n == 1:
            return obj
        i = 1
        while i < n:
            key = path[i]
            try:
                # ``get_item`` inline for its common case (a name that is not
                # ``size``/``first``/``last``): one call less per segment.
                if type(key) is str and key not in _SPECIAL_KEYS:
                    if type(obj) is dict:
                        obj = obj[key]
                    elif obj is None or isinstance(obj, _NOT_INDEXABLE):
                        raise TypeError
                    else:
                        obj = obj[key]
                else:
                    obj = self.get_item(obj, key)
            except (KeyError, TypeError):
                if default == UNDEFINED:
                    return self._missing(root, path, i, token)
                return default
            except IndexError:
                if default == UNDEFINED:
                    return self.env.undefined(root, hint="index out of range", token=token)
                return default
            i += 1
        return obj

    def get_from(self, obj: object, path: list[object], token: Token | None) -> object:
        """``get(path)`` when the root ``path[0]`` is already known to be ``obj``
        (compiled templates: a loop's own variable); the same segment walk and
        undefined hints as :meth:`get` (keep the two loops alike)."""
        root = path[0]
        n = len(path)
        i = 1
        while i < n:
            key = path[i]
            try:
                if type(key) is str and key not in _SPECIAL_KEYS:
                    if type(obj) is dict:
                        obj = obj[key]
                    elif obj is None or isinstance(obj, _NOT_INDEXABLE):
                        raise TypeError
                    else:
                        obj = obj[key]  # type: ignore[index]
                else:
                    obj = self.get_item(obj, key)
            except (KeyError, TypeError):
                return self._missing(root, path, i, token)  # type: ignore[arg-type]
            except IndexError:
                return self.env.undefined(root, hint="index out of range", token=token)  # type: ignore[arg-type]
            i += 1
        return obj

    def _missing(self, root: str, path: list[object], i: int, token: Token | None) -> object:
        """The undefined value of ``path`` whose segment ``i`` is not there; its hint
        (``a.b is undefined``) is written only for an undefined class that uses it
        (python-liquid's plain ``Undefined`` keeps it unread)."""
        undefined = self.env.undefined
        if undefined is Undefined:
            return Undefined(root, token=token)
        hint = f"{_segments_str(path[: i + 1])} is undefined"
        return undefined(root, hint=hint, token=token)

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
        kind = type(obj)
        # What python-liquid's get_item ends with for the plain containers, without
        # the raised and caught ``obj["size"]`` first (same results, same errors).
        if kind is list or kind is tuple:
            if type(key) is int:
                return obj[key]
            if key == "size":
                return len(obj)
            if key == "first":
                return obj[0]
            if key == "last":
                return obj[-1]
        elif kind is dict and type(key) is str:
            value = obj.get(key, _MISSING)
            if value is not _MISSING:
                return value
            if key == "size":
                return len(obj)
        elif kind is str and key == "size":
            return len(obj)
        elif kind is range:
            # Ruby's Range#first/#last: its ends, even when it is empty ((3..1).first
            # is 3); a Range has no #[] (``r[1]`` is nil)
            if key == "first" or key == "last":
                return obj.start if key == "first" else ruby.range_end(obj)
            if type(key) is int:
                raise TypeError(f"cannot look up {key!r}")
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


def write_text(buffer: TextIO, text: str) -> int:
    """``buffer.write(text)``; for a :class:`LimitedBuffer`, its ``write`` inline
    (the same limit check)."""
    if type(buffer) is LimitedBuffer and text:
        size = buffer.size = buffer.size + len(text)
        if size > buffer.limit:
            raise OutputStreamLimitError("output stream limit reached", token=None)
        return _stringio_write(buffer, text)
    return buffer.write(text)
