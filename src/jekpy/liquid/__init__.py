"""Liquid as Jekyll 4.3 runs it, on python-liquid 2.3.

Interface used by the renderer:

* ``SiteHooks``: what the Liquid layer may ask of the site (include
  directories, config, ``post_url``/``link`` lookups, Markdown, warnings).
* ``LiquidEngine(hooks)``: ``parse(source, path=, line_offset=)`` (cached),
  ``render(template, data)`` and ``render_source(source, data, path=, line_offset=)``.
  Errors are raised as :class:`jekpy.errors.TemplateError` carrying the file
  path and the line **in the file** (``line_offset`` is the number of lines
  before the template text in its file, e.g. the front matter).  Their
  message is Ruby Liquid's (``Liquid error (line 3): divided by 0``, line
  counted in the template as Jekyll does); append `` in <path>`` to print
  it as Jekyll's ``Liquid Exception:`` line.  Warnings (``error_mode: warn``)
  go to ``hooks.warn`` as ``Liquid Warning: ...`` lines.
* ``LiquidEngine.register_plugin_tag(name, func)``: a plugin's tag
  (``func(variables, markup) -> html``; ``None`` renders nothing).
* ``render_string(source, data, templates, mode=) -> str``: standard Ruby
  Liquid 5.4 (no Jekyll tags or filters), for the golden-liquid runner.

Config keys read through ``hooks.config``: ``liquid`` (``error_mode``,
``strict_variables``, ``strict_filters``), ``baseurl``, ``url``, ``safe``,
``highlighter`` and ``collections_dir``.  Data values may be any
``Mapping`` (lazy drops); a drop may define ``ruby_to_s()`` /
``ruby_inspect()`` to print as its Ruby counterpart does (e.g. a
``DocumentDrop`` prints the document's output).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from liquid.exceptions import LiquidError

from jekpy.errors import JekpyError, TemplateError
from liquid import BoundTemplate, DictLoader

from .environment import JekpyEnvironment, LiquidSettings, RubyTemplate
from .errors import to_template_error
from .tags.plugins import register_plugin_tag

__all__ = [
    "JekpyEnvironment",
    "LiquidEngine",
    "LiquidSettings",
    "SiteHooks",
    "render_string",
]


class SiteHooks(Protocol):
    """What the Liquid layer needs from the site being built."""

    source: Path
    config: Mapping[str, Any]
    includes_dirs: Sequence[Path]

    def markdownify(self, text: str) -> str: ...

    def post_url(self, name: str) -> str | None: ...

    def link(self, relative_path: str) -> str | None: ...

    def warn(self, message: str) -> None: ...


def _internal(exc: BaseException, path: str, line_offset: int) -> TemplateError:
    if isinstance(exc, RecursionError):
        return TemplateError(
            "Liquid error: Nesting too deep (templates or includes nested beyond the limit)",
            path=path,
            hint="an include including itself, or extremely deep nesting of blocks",
        )
    if isinstance(exc, MemoryError):
        return TemplateError(
            "Liquid error: out of memory (the template built a value too large to hold)",
            path=path,
            hint="look for a loop that keeps appending to a variable",
        )
    return TemplateError(
        f"Liquid error: internal error ({type(exc).__name__}: {exc})",
        path=path,
        hint="this is a bug in jekpy's Liquid layer; please report it with the template",
    )


def _where(template: BoundTemplate) -> tuple[str, int]:
    """The file a template came from and the lines before it there."""
    path = getattr(template, "jekpy_path", "") or template.name
    return path, int(getattr(template, "jekpy_line_offset", 0))


_CACHE_LIMIT = 20_000
#: total characters of cached template sources (parsed templates take ~10x that)
_CACHE_SOURCE_LIMIT = 64_000_000


class LiquidEngine:
    """Parse and render Liquid templates for one site."""

    def __init__(self, hooks: SiteHooks) -> None:
        self.hooks = hooks
        self.settings = LiquidSettings.from_config(hooks.config)
        self.env = JekpyEnvironment(self.settings, hooks=hooks, warn=hooks.warn)
        self._cache: dict[tuple[str, str], BoundTemplate] = {}
        self._cached_chars = 0
        # The ``site`` of the build being rendered: a new one (a rebuild) forgets
        # where includes were found.
        self._build: object = None

    def register_plugin_tag(
        self, name: str, func: Callable[[Mapping[str, Any], str], str] | None = None
    ) -> None:
        """Provide tag ``name`` (e.g. ``seo``): ``func(variables, markup) -> html``."""
        register_plugin_tag(self.env, name, func)
        self.env.locate_cache.clear()
        self._cache.clear()
        self._cached_chars = 0

    def parse(
        self, source: str, *, path: str, line_offset: int = 0, keep: bool = False
    ) -> BoundTemplate:
        """Parse ``source`` (cached by ``(path, source)``; ``keep``: a layout, whose
        tree the command also keeps on disk for the next run)."""
        key = (path, source)
        tpl = self._cache.get(key)
        if tpl is not None and getattr(tpl, "jekpy_line_offset", 0) == line_offset:
            return tpl
        state = self.env.parse_state
        state.path, state.line_offset = path, line_offset
        try:
            tpl = self.env.from_string(source, name=path, keep=keep)
        except LiquidError as err:
            raise to_template_error(
                err, path=path, line_offset=line_offset, source=source
            ) from None
        except JekpyError:
            raise
        except (RecursionError, Exception) as exc:  # never leak python-liquid internals
            raise _internal(exc, path, line_offset) from None
        if isinstance(tpl, RubyTemplate):
            tpl.jekpy_path = path
            tpl.jekpy_line_offset = line_offset
        if len(self._cache) >= _CACHE_LIMIT or self._cached_chars > _CACHE_SOURCE_LIMIT:
            # long `serve` sessions and huge sites: stay bounded
            self._cache.clear()
            self._cached_chars = 0
        self._cache[key] = tpl
        self._cached_chars += len(source)
        return tpl

    def compile_rendered(self, paths: Collection[str]) -> int:
        """Compile now the templates that would be compiled on their next render:
        every include already rendered, and the cached templates of ``paths`` (the
        layouts) already rendered.  Called before forking render workers, so that
        each worker does not compile the same templates again; a compiled template
        renders exactly as its next render would have.  Returns how many were
        compiled."""
        templates = [
            *self.env.include_cache.values(),
            *(tpl for (path, _), tpl in self._cache.items() if path in paths),
        ]
        done = 0
        for tpl in templates:
            if (
                isinstance(tpl, RubyTemplate)
                and tpl.jekpy_compiled is None
                and tpl.jekpy_renders > 0
                and tpl.render_function() is not None
            ):
                done += 1
        return done

    def render(self, template: BoundTemplate, data: Mapping[str, Any]) -> str:
        """Render a parsed template with ``data`` (``site``, ``page``, ...)."""
        build = data.get("site")
        if build is not self._build:
            self._build = build
            self.env.locate_cache.clear()
        try:
            return template.render(data)  # copied into the render context
        except LiquidError as err:
            path, offset = _where(template)
            raise to_template_error(err, path=path, line_offset=offset) from None
        except JekpyError:
            raise
        except (RecursionError, Exception) as exc:
            raise _internal(exc, *_where(template)) from None

    def render_source(
        self,
        source: str,
        data: Mapping[str, Any],
        *,
        path: str,
        line_offset: int = 0,
        keep: bool = False,
    ) -> str:
        """Parse (cached) and render."""
        template = self.parse(source, path=path, line_offset=line_offset, keep=keep)
        return self.render(template, data)


_MODES = {"lax": "lax", "strict": "strict", "strict2": "strict", "warn": "warn"}


def render_string(
    source: str,
    data: dict[str, Any],
    templates: dict[str, str] | None = None,
    *,
    mode: str = "lax",
) -> str:
    """Render ``source`` with standard Ruby Liquid 5.4 semantics; raise on errors."""
    settings = LiquidSettings(error_mode=_MODES.get(mode, "lax"), jekyll=False)
    env = JekpyEnvironment(settings, loader=DictLoader(templates or {}))
    try:
        return env.from_string(source).render(dict(data or {}))
    except LiquidError as err:
        raise to_template_error(err, path="<string>", source=source) from None
    except (RecursionError, Exception) as exc:
        if isinstance(exc, JekpyError):
            raise
        raise _internal(exc, "<string>", 0) from None
