"""The exception tree of jekpy.

Every error a user can cause derives from :class:`JekpyError`.  Its ``str()``
names the file and line, quotes the offending source line with a caret and,
where we know one, says how to fix it.  The CLI prints that text and exits 1;
nothing else reaches the user as a Python traceback unless ``--trace`` is given.

Exceptions stay picklable (plain constructor arguments) so that a process pool
can hand them back to the parent.
"""

from __future__ import annotations

import re
from pathlib import Path


class JekpyError(Exception):
    """Base class of every error jekpy reports to a user.

    Args:
        message: What is wrong, one sentence.
        path: The file the problem is in (relative to the site source when known).
        line: 1-based line number in that file, counted from the top of the file.
        column: 1-based column, when known.
        source_line: The text of that line, for the caret display.
        hint: How to fix it.
    """

    kind = "Error"

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        column: int | None = None,
        source_line: str | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.column = column
        self.source_line = source_line
        self.hint = hint

    def __reduce__(self) -> tuple[object, ...]:
        return (
            _rebuild,
            (
                type(self),
                self.message,
                self.path,
                self.line,
                self.column,
                self.source_line,
                self.hint,
            ),
        )

    @property
    def location(self) -> str:
        """``path:line:col`` (as much of it as is known), or ``""``."""
        if not self.path:
            return ""
        loc = self.path
        if self.line is not None:
            loc += f":{self.line}"
            if self.column is not None:
                loc += f":{self.column}"
        return loc

    @property
    def headline(self) -> str:
        """The first line of the report: the kind of error and what is wrong."""
        return f"{self.kind}: {self.message}"

    @property
    def display_line(self) -> int | None:
        """The line number the report shows (the same one as :attr:`location`)."""
        return self.line

    @property
    def caret_column(self) -> int | None:
        """The column the caret points at (1-based), when known."""
        return self.column

    def __str__(self) -> str:
        parts = [self.headline]
        if self.location:
            parts.append(f"  -> {self.location}")
        number = self.display_line
        if self.source_line is not None and number is not None:
            gutter = " " * len(str(number))
            shown, column = _excerpt(self.source_line.rstrip(), self.caret_column)
            parts.append(f"{gutter} |")
            parts.append(f"{number} | {shown}")
            if column is not None:
                parts.append(f"{gutter} | {' ' * (column - 1)}^")
        if self.hint:
            parts.append(f"  hint: {self.hint}")
        return "\n".join(parts)


#: Source lines longer than this are shown as an excerpt around the column.
EXCERPT_WIDTH = 80


def _excerpt(line: str, column: int | None) -> tuple[str, int | None]:
    """``line`` cut to about ``EXCERPT_WIDTH`` characters around ``column`` (with
    ``…`` where it was cut), and the caret's column in the excerpt."""
    if len(line) <= EXCERPT_WIDTH:
        return line, column
    at = min(max(column or 1, 1), len(line) + 1)
    start = max(0, at - 1 - EXCERPT_WIDTH // 2)
    end = min(len(line), start + EXCERPT_WIDTH)
    start = max(0, end - EXCERPT_WIDTH) if end == len(line) else start
    head = "…" if start > 0 else ""
    tail = "…" if end < len(line) else ""
    shown = head + line[start:end] + tail
    return shown, (at - start + len(head)) if column is not None else None


def _rebuild(
    cls: type[JekpyError],
    message: str,
    path: str | None,
    line: int | None,
    column: int | None,
    source_line: str | None,
    hint: str | None,
) -> JekpyError:
    return cls(
        message, path=path, line=line, column=column, source_line=source_line, hint=hint
    )


class ConfigError(JekpyError):
    """``_config.yml`` (or a ``--config`` file) cannot be read or is invalid."""

    kind = "Configuration error"


class FrontMatterError(JekpyError):
    """A file's YAML front matter is invalid."""

    kind = "Front matter error"


class SourceEncodingError(FrontMatterError):
    """A source file is not valid UTF-8 (or is a binary file); it is skipped."""

    kind = "Encoding error"


class EncodingError(JekpyError):
    """A page, data file, layout or include is not valid UTF-8: the build stops
    (Jekyll stops too).  Posts and other documents are skipped instead
    (:class:`SourceEncodingError`)."""

    kind = "Encoding error"


#: What each kind of source file is called in messages, and where binary files go.
_FILE_KINDS = {
    "document": "the file",
    "page": "the page",
    "data": "the data file",
    "layout": "the layout",
    "include": "the included file",
}


def encoding_error(raw: bytes, err: UnicodeDecodeError, display: str, kind: str) -> JekpyError:
    """The error for ``raw`` (the bytes of ``display``) failing to decode as UTF-8.

    ``kind``: ``document`` (a post or collection document: reported and skipped, as
    Jekyll does), ``page``, ``data``, ``layout`` or ``include`` (the build stops).
    """
    line = raw.count(b"\n", 0, err.start) + 1
    start = raw.rfind(b"\n", 0, err.start) + 1
    column = err.start - start + 1
    what = f"{_FILE_KINDS.get(kind, 'the file')} is not valid UTF-8 (invalid byte 0x{raw[err.start]:02x})"
    folder = display.split("/", 1)[0] + "/" if "/" in display else None
    if kind == "document":
        where = f"move binary files out of {folder}" if folder else "move binary files elsewhere"
        return SourceEncodingError(
            what + "; it was skipped", path=display, line=line, column=column,
            hint=f"save the file as UTF-8, or {where}",
        )
    if kind == "page":
        hint = ("save the file as UTF-8; a binary file must not start with a `---` line "
                "(files without front matter are copied as they are)")
    elif folder:
        hint = f"save the file as UTF-8, or move binary files out of {folder}"
    else:
        hint = "save the file as UTF-8"
    cls: type[JekpyError] = IncludeError if kind == "include" else EncodingError
    return cls(what, path=display, line=line, column=column, hint=hint)


class TemplateError(JekpyError):
    """A Liquid template failed to parse or render.

    ``message`` is Liquid's own text, as Jekyll prints it (``Liquid error (line 3):
    divided by 0``), and once the build knows which page failed, Jekyll's whole
    summary (``... in _posts/a.md``, see :meth:`located`).  ``str()`` is one report,
    printed once, with one line number: Jekyll's, counted from the first line after
    the front matter (Jekyll's own features look for it), and the location says so
    (``_posts/a.md, line 3 after the front matter``).  ``line`` stays the line in
    the file, for tools; ``line_offset`` is the number of lines before the content.
    """

    kind = "Liquid error"

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        column: int | None = None,
        source_line: str | None = None,
        hint: str | None = None,
        line_offset: int = 0,
    ) -> None:
        super().__init__(
            message, path=path, line=line, column=column, source_line=source_line, hint=hint
        )
        self.line_offset = line_offset

    def __reduce__(self) -> tuple[object, ...]:
        return (
            _rebuild_template,
            (type(self), self.line_offset, self.message, self.path, self.line,
             self.column, self.source_line, self.hint),
        )

    @property
    def headline(self) -> str:
        # Jekyll's summary line (lib/jekyll/renderer.rb#render_liquid logs it with
        # liquid_renderer.rb#format_error): scripts and Jekyll's own tests grep for it
        return f"Liquid Exception: {self.message}"

    @property
    def display_line(self) -> int | None:
        return None if self.line is None else self.line - self.line_offset

    @property
    def caret_column(self) -> int | None:
        # without a column, point at the line's Liquid markup when it has exactly one
        if self.column is not None or self.source_line is None:
            return self.column
        tags = re.findall(r"\{[{%]", self.source_line)
        return self.source_line.index(tags[0]) + 1 if len(tags) == 1 else None

    @property
    def location(self) -> str:
        if self.path and self.line is not None and self.line_offset > 0:
            return f"{self.path}, line {self.display_line} after the front matter"
        return super().location

    def located(self, shown: str, line_offset: int) -> TemplateError:
        """This error as a build reports it: Jekyll's summary naming ``shown`` (the
        file as Jekyll names it), lines counted after the ``line_offset`` lines of
        front matter when the error is in that file itself (not in an include)."""
        return type(self)(
            f"{self.message} in {shown}",
            path=self.path,
            line=self.line,
            column=self.column,
            source_line=self.source_line,
            hint=self.hint or _liquid_hint(self.message),
            line_offset=line_offset,
        )


#: How to fix Liquid errors that come without a hint, by a phrase of their message.
_LIQUID_HINTS = [
    ("divided by 0", "the divisor is 0 here: check the value, or guard the expression "
     "with {% if divisor != 0 %}"),
    ("Could not locate the included file", "create the file in _includes/, or correct the "
     "name in the {% include %} tag"),
    ("wrong number of arguments", "check the filter's arguments: they follow a colon and "
     "are separated by commas, e.g. `| prepend: 'x'`"),
    ("invalid integer", "the filter needs a number here: check the value's type"),
    ("comparison of", "the values compared have different types (e.g. a string and a "
     "number): convert one with a filter such as `| plus: 0`"),
]


def _liquid_hint(message: str) -> str:
    for phrase, hint in _LIQUID_HINTS:
        if phrase in message:
            return hint
    return ("fix the Liquid on that line; the syntax is described at "
            "https://jekyllrb.com/docs/liquid/ and https://shopify.github.io/liquid/")


def _rebuild_template(
    cls: type[TemplateError],
    line_offset: int,
    message: str,
    path: str | None,
    line: int | None,
    column: int | None,
    source_line: str | None,
    hint: str | None,
) -> TemplateError:
    return cls(message, path=path, line=line, column=column, source_line=source_line,
               hint=hint, line_offset=line_offset)


class IncludeError(TemplateError):
    """An included file is missing, unsafe or recursive."""

    kind = "Include error"


class DocumentError(JekpyError):
    """A post or page is invalid (bad date, bad permalink...)."""

    kind = "Document error"


class NotPublishedError(JekpyError):
    """The document exists but the publishing rules hide it."""

    kind = "Not published"

    def __str__(self) -> str:
        # One line: the message already names the file, the rule and the flag.
        return f"{self.kind}: {self.message}"


class BuildError(JekpyError):
    """A site build failed; the previous output was left untouched."""

    kind = "Build error"


class ServeError(JekpyError):
    """The preview server cannot start (busy port, bad address...)."""

    kind = "Serve error"


class ThemeError(ConfigError):
    """A theme cannot be found, downloaded or installed."""

    kind = "Theme error"


class ArchiveError(ThemeError):
    """A downloaded theme archive is damaged, too big, or tries to write outside its folder."""

    kind = "Archive error"


class SourceNotFoundError(JekpyError):
    """The site folder given to build, serve or render does not exist."""

    kind = "Source error"
