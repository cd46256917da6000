"""Jekyll's ``include`` and ``include_relative`` tags (``tags/include.rb``).

* markup: ``file.ext k="v" k2='v' k3=var.path``; ``{{ var }}`` in the file
  name is rendered first; file names are validated with Jekyll's rules and
  messages;
* lookup: ``hooks.includes_dirs`` in order (``include``) or the directory of
  ``page.path`` under ``hooks.source`` (``include_relative``); the first
  existing file wins.  In every mode (not only ``safe``) the resolved real
  path must stay inside its directory (symlinks pointing out are refused);
* rendering shares the caller's scope (assigns leak out) with ``include``
  bound to the parameters; nesting is limited (self-inclusion is an error,
  not a crash).
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Mapping
from pathlib import Path
from stat import S_ISREG
from typing import Any, TextIO, cast

from liquid.ast import Node
from liquid.exceptions import ContextDepthError, LiquidError
from liquid.stream import TokenStream
from liquid.tag import Tag
from liquid.token import Token

from jekpy.errors import IncludeError, TemplateError, encoding_error
from liquid import BoundTemplate, RenderContext

from .. import lax, ruby
from ..errors import JekyllTagError, LiquidFatal, line_of, source_line_of, to_template_error

__all__ = ["IncludeRelativeTag", "IncludeTag", "parse_include_markup"]

_VALID = (
    r"([\w-]+)\s*=\s*"
    r"(?:\"([^\"\\]*(?:\\.[^\"\\]*)*)\"|'([^'\\]*(?:\\.[^'\\]*)*)'|([\w.-]+))"
)
VALID_SYNTAX = re.compile(_VALID, re.ASCII)
VARIABLE_SYNTAX = re.compile(
    r"(?P<variable>[^{]*(\{\{\s*[\w\-.]+\s*(\|.*)?\}\}[^\s{}]*)+)(?P<params>.*)", re.S | re.ASCII
)
FULL_VALID_SYNTAX = re.compile(rf"\A\s*(?:{_VALID}(?=\s|\Z)\s*)*\Z", re.ASCII)
VALID_FILENAME_CHARS = re.compile(r"^[\w/.\-()+~#@]+$", re.M | re.ASCII)
INVALID_SEQUENCES = re.compile(r"[./]{2,}")
_DEPTH_KEY = "jekpy_include_depth"
FILES_KEY = "jekpy_files"  # stack of the files being rendered (page first)
#: cache: file names that passed _validate_file_name
_VALID_NAMES: set[str] = set()
_RELABEL = re.compile(r"^(Liquid (?:syntax )?error )\((?:.+?) line")


def _squish(text: str) -> str:
    return " ".join(text.split())


def parse_include_markup(markup: str) -> tuple[str, str | None]:
    """Split include markup into (file, params) the way Jekyll does."""
    markup = markup.strip()
    # The pattern needs a ``{{``; without one, skip its (slow) search.
    match = VARIABLE_SYNTAX.search(markup) if "{{" in markup else None
    if match:
        return match.group("variable").strip(), match.group("params").strip()
    parts = re.split(r"\s+", markup, maxsplit=1)
    file = parts[0] if parts else ""
    params = parts[1] if len(parts) > 1 else None
    return file, params


def _syntax_example(tag_name: str) -> str:
    return f"{{% {tag_name} file.ext param='value' param2='value' %}}"


class IncludeNode(Node):
    """A parsed ``{% include %}`` / ``{% include_relative %}``."""

    __slots__ = ("file", "param_list", "params", "relative", "tag_name")

    def __init__(self, token: Token, file: str, params: str | None, *, relative: bool) -> None:
        super().__init__(token)
        self.file = file
        self.params = params
        self.relative = relative
        self.tag_name = "include_relative" if relative else "include"
        self.blank = False
        # (name, literal value or parsed expression), made on first render
        self.param_list: list[tuple[str, str | None, Any]] | None = None

    def __str__(self) -> str:
        params = f" {self.params}" if self.params else ""
        return f"{{% {self.tag_name} {self.file}{params} %}}"

    # -- pieces ----------------------------------------------------------------

    def _file_name(self, context: RenderContext) -> str:
        if "{{" not in self.file or not VARIABLE_SYNTAX.search(self.file):
            return self.file
        env = context.env
        cache: dict[str, BoundTemplate] = getattr(env, "markup_cache", {})
        tpl = cache.get(self.file)
        if tpl is None:
            tpl = env.from_string(self.file)
            cache[self.file] = tpl
        buf = io.StringIO()
        tpl.render_with_context(context, buf, partial=True)
        return buf.getvalue()

    def _validate_file_name(self, file: str) -> None:
        if file in _VALID_NAMES:
            return
        if INVALID_SEQUENCES.search(file) or not VALID_FILENAME_CHARS.search(file):
            raise JekyllTagError(
                _squish(
                    "Invalid syntax for include tag. File contains invalid characters or "
                    f"sequences: {file} Valid syntax: {_syntax_example(self.tag_name)}"
                ),
                token=self.token,
            )
        if len(_VALID_NAMES) >= 4096:
            _VALID_NAMES.clear()
        _VALID_NAMES.add(file)

    def _params(self, context: RenderContext) -> dict[str, Any]:
        param_list = self.param_list
        if param_list is None:
            param_list = []
            for match in VALID_SYNTAX.finditer(self.params or ""):
                key, dq, sq, var = match.groups()
                if dq is not None:
                    param_list.append((key, dq.replace('\\"', '"'), None))
                elif sq is not None:
                    param_list.append((key, sq.replace("\\'", "'"), None))
                else:
                    param_list.append((key, None, lax.parse_expression(var or "", self.token)))
            self.param_list = param_list
        params: dict[str, Any] = {}
        for key, literal, expression in param_list:
            if expression is None:
                params[key] = literal
            else:
                value = expression.evaluate(context)
                params[key] = None if _is_undefined(value) else value
        return params

    def _dirs(self, context: RenderContext) -> list[Path]:
        env = context.env
        hooks = getattr(env, "hooks", None)
        if hooks is None:
            return []
        if not self.relative:
            return [Path(d) for d in hooks.includes_dirs]
        source = Path(hooks.source)
        page = context.globals.get("page")
        if not isinstance(page, Mapping):
            return [source]
        page_path = page.get("path")
        if not isinstance(page_path, str) or not page_path:
            return [source]
        if page.get("collection"):
            collections_dir = str(hooks.config.get("collections_dir") or "")
            if collections_dir:
                page_path = os.path.join(collections_dir, page_path)
        if page_path.endswith("/#excerpt"):
            page_path = page_path[: -len("/#excerpt")]
        return [_sanitized(source, os.path.dirname(page_path))]

    def _locate_cached(
        self, context: RenderContext, file: str
    ) -> tuple[Path, os.stat_result, str]:
        """:meth:`_locate` remembered for the current build (see ``locate_cache``).

        A remembered answer is used only while the file is still the same
        regular file (device, inode, mtime, size); anything else looks again.
        """
        env = context.env
        cache: dict[Any, tuple[Path, tuple[int, int, int, int], str]] | None = getattr(
            env, "locate_cache", None
        )
        key: Any = None
        if cache is not None:
            key = (self.relative, self._dirs_key(context), file)
            hit = cache.get(key)
            if hit is not None:
                path, ident, shown = hit
                try:
                    stat = os.stat(path)
                except (OSError, ValueError):
                    stat = None
                if stat is not None and _identity(stat) == ident and S_ISREG(stat.st_mode):
                    return path, stat, shown
        path = self._locate(context, file)
        stat = path.stat()
        shown = _display_path(env, path)
        if cache is not None:
            if len(cache) >= 5_000:
                cache.clear()
            cache[key] = (path, _identity(stat), shown)
        return path, stat, shown

    def _dirs_key(self, context: RenderContext) -> Any:
        """What :meth:`_dirs` depends on (cheaper than building the paths)."""
        hooks = getattr(context.env, "hooks", None)
        if hooks is None:
            return None
        if not self.relative:
            return tuple(hooks.includes_dirs)
        page = context.globals.get("page")
        if not isinstance(page, Mapping):
            return (str(hooks.source),)
        page_path = page.get("path")
        return (
            str(hooks.source),
            page_path if isinstance(page_path, str) else None,
            bool(page.get("collection")),
            str(hooks.config.get("collections_dir") or ""),
        )

    def _locate(self, context: RenderContext, file: str) -> Path:
        dirs = self._dirs(context)
        hooks = getattr(context.env, "hooks", None)
        # Ruby's File.join(dir, file): a leading "/" of the file name joins under the
        # folder, it does not make an absolute path.
        relative_file = file.lstrip("/")
        for directory in dirs:
            candidate = directory / relative_file
            if not candidate.is_file():
                continue
            # Confinement: an include stays in its includes directory, an
            # include_relative in the site source (symlinks resolved).
            root = Path(hooks.source) if self.relative and hooks is not None else directory
            try:
                real = candidate.resolve(strict=True)
                base = root.resolve(strict=True)
            except OSError:
                continue
            if real == base or base in real.parents:
                return candidate
        env = context.env
        hooks = getattr(env, "hooks", None)
        safe = bool(hooks and hooks.config.get("safe"))
        shown = ruby.inspect([str(d) for d in dirs])
        message = (
            f"Could not locate the included file '{file}' in any of {shown}. "
            "Ensure it exists in one of those directories and"
        )
        if safe:
            message += " is not a symlink as those are not allowed in safe mode."
        else:
            message += ", if it is a symlink, does not point outside your site source."
        raise JekyllTagError(message, token=self.token)

    # -- rendering ---------------------------------------------------------------

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        env = context.env
        file = self.file
        if "{{" in file:
            file = self._file_name(context)
        if file not in _VALID_NAMES:
            self._validate_file_name(file)
        path, stat, shown = self._locate_cached(context, file)
        depth = int(context.tag_namespace.get(_DEPTH_KEY, 0))
        limit = int(getattr(getattr(env, "settings", None), "include_depth_limit", 40))
        if depth >= limit:
            # Ruby Liquid's message; the hint explains (see errors._hint).
            raise LiquidFatal("Nesting too deep", token=self.token)
        template = _load(env, path, stat)
        context.tag_namespace[_DEPTH_KEY] = depth + 1
        files: list[tuple[str, int]] = context.tag_namespace.setdefault(FILES_KEY, [])
        includer = files[-1] if files else ("", 0)
        files.append((shown, 0))
        try:
            if self.params is not None:
                # RenderContext.extend, inline (same depth check)
                namespace = {"include": self._params(context)}
                scope = context.scope
                if scope.size() > env.context_depth_limit:
                    raise ContextDepthError(
                        "maximum context depth reached, possible recursive include", token=None
                    )
                scope.push(namespace)
                try:
                    template.render_with_context(context, buffer, partial=True)
                finally:
                    scope.pop()
            else:
                template.render_with_context(context, buffer, partial=True)
        except LiquidError as err:
            raise _add_inclusion_hint(_wrap(err, env, path), self.token, includer) from None
        except TemplateError as err:
            # Jekyll re-labels an error from a nested include with the outer
            # include's path (keeping the inner line number); so do we, in the
            # message only: ``path``/``line`` keep the real location.
            outer = str(path)
            err.message = _RELABEL.sub(lambda m: f"{m.group(1)}({outer} line", err.message, 1)
            raise _add_inclusion_hint(err, self.token, includer) from None
        except RecursionError:
            raise LiquidFatal("Nesting too deep", token=self.token) from None
        finally:
            context.tag_namespace[_DEPTH_KEY] = depth
            files.pop()
        return 0


def _is_undefined(value: object) -> bool:
    from liquid.undefined import Undefined

    return isinstance(value, Undefined)


def _sanitized(source: Path, questionable: str) -> Path:
    """``Jekyll.sanitized_path``: ``questionable`` forced inside ``source``."""
    base = str(source)
    if questionable in ("", base):
        return source
    clean = questionable
    if clean.startswith("~"):
        clean = "/" + clean
    clean = os.path.normpath(os.path.join("/", clean))
    clean = re.sub(r"/+", "/", clean)
    if clean == base or clean.startswith(base.rstrip("/") + "/"):
        return Path(clean)
    return Path(base + clean) if clean != "/" else source


def _display_path(env: Any, path: Path) -> str:
    hooks = getattr(env, "hooks", None)
    if hooks is not None:
        try:
            return str(path.relative_to(Path(hooks.source)))
        except ValueError:
            pass
    return str(path)


def _identity(stat: os.stat_result) -> tuple[int, int, int, int]:
    return (stat.st_dev, stat.st_ino, stat.st_mtime_ns, stat.st_size)


def _load(env: Any, path: Path, stat: os.stat_result | None = None) -> BoundTemplate:
    cache: dict[tuple[str, float, int], BoundTemplate] = env.include_cache
    if stat is None:
        stat = path.stat()
    key = (str(path), stat.st_mtime, stat.st_size)
    tpl = cache.get(key)
    if tpl is not None:
        return tpl
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise IncludeError(
            f"Could not read the included file: {exc.strerror or exc}",
            path=_display_path(env, path),
        ) from None
    try:
        # Raw bytes: no newline translation (CRLF stays), a UTF-8 BOM is dropped as Jekyll does.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise encoding_error(raw, exc, _display_path(env, path), "include") from None
    state = env.parse_state
    state.stack.append((state.path, state.line_offset))
    state.path, state.line_offset = _display_path(env, path), 0
    quiet, state.quiet = state.quiet, True
    try:
        tpl = cast(BoundTemplate, env.from_string(text, name=str(path), path=str(path), keep=True))
    except LiquidError as err:
        raise _wrap(err, env, path, text) from None
    finally:
        state.path, state.line_offset = state.stack.pop()
        state.quiet = quiet
    if len(cache) >= 5_000:  # edited includes leave stale keys behind in `serve`
        cache.clear()
    cache[key] = tpl
    return tpl


def _wrap(err: LiquidError, env: Any, path: Path, source: str | None = None) -> IncludeError:
    out = to_template_error(
        err, path=_display_path(env, path), include_path=str(path), source=source
    )
    assert isinstance(out, IncludeError)
    return out


def _add_inclusion_hint(
    err: TemplateError, token: Token, includer: tuple[str, int]
) -> TemplateError:
    """Add "included from <file> line N ({% include ... %})" to the error's hint."""
    line = line_of(token)
    note = "included from " + (includer[0] or "the page")
    if line is not None:
        # counted as the report counts its own line: after the includer's front matter
        note += f" line {line}" + (" after the front matter" if includer[1] else "")
    src = source_line_of(token)
    if src is not None:
        note += f" ({src.strip()})"
    # Keep the chain short: an include that includes itself repeats one note.
    base: str | None = err.__dict__.setdefault("_hint_base", err.hint)
    notes: list[str] = err.__dict__.setdefault("_inclusion_notes", [])
    counts: list[int] = err.__dict__.setdefault("_inclusion_counts", [])
    if notes and notes[-1] == note:
        counts[-1] += 1
    else:
        notes.append(note)
        counts.append(1)
    shown = [f"{n} (x{c})" if c > 1 else n for n, c in zip(notes, counts, strict=True)]
    err.hint = "; ".join([base, *shown] if base else shown)
    return err


class IncludeTag(Tag):
    """``{% include file.html k=v %}`` (Jekyll)."""

    name = "include"
    block = False
    relative = False

    def parse(self, stream: TokenStream) -> Node:
        token, markup = lax.tag_markup(stream)
        file, params = parse_include_markup(markup)
        tag_name = self.name
        if params and not FULL_VALID_SYNTAX.match(params):
            raise JekyllTagError(
                _squish(
                    f"Invalid syntax for include tag: {params} Valid syntax: "
                    f"{_syntax_example(tag_name)}"
                ),
                token=token,
            )
        return IncludeNode(token, file, params, relative=self.relative)


class IncludeRelativeTag(IncludeTag):
    """``{% include_relative file.md %}`` (relative to the page's directory)."""

    name = "include_relative"
    relative = True
