"""Front matter with Jekyll's delimiters, on python-frontmatter's handler interface.

python-frontmatter's own splitter strips the whole text and does not accept
``...`` as a closing fence, which changes what Jekyll's Markdown sees.  The
handler below keeps python-frontmatter's ``detect``/``split``/``load`` shape but
uses Jekyll's ``YAML_FRONT_MATTER_REGEXP`` (document.rb) and returns the body
verbatim, plus the line in the file where the body starts.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import yaml

from ..errors import FrontMatterError
from ..support.yamlload import load_yaml_cached, yaml_error

if TYPE_CHECKING:
    from ..support.cache import Store

__all__ = [
    "FrontMatter",
    "JekyllYAMLHandler",  # noqa: F822 - made on first use (module __getattr__)
    "has_yaml_header",
    "parse_front_matter",
]

# Jekyll: lib/jekyll/document.rb#YAML_FRONT_MATTER_REGEXP (convertible.rb#read_yaml uses it
# too). Ruby's \s is ASCII-only; ^ and $ are line anchors; /m makes "." match newlines.
_WS = r"[ \t\r\n\f\v]"
FRONT_MATTER_RE = re.compile(
    rf"\A(---{_WS}*\n.*?\n?)^((---|\.\.\.){_WS}*$\n?)", re.DOTALL | re.MULTILINE
)
_OPENING_RE = re.compile(rf"\A---{_WS}*\n")
_HEADER_RE = re.compile(rb"\A---[ \t\r\n\f\v]*\r?\n")


@functools.cache
def _jekyll_yaml_handler() -> type:
    """``JekyllYAMLHandler``, made on first use: jekpy itself does not use it, and
    python-frontmatter is only imported for it."""
    from frontmatter.default_handlers import YAMLHandler

    class JekyllYAMLHandler(YAMLHandler):  # type: ignore[misc, unused-ignore]
        """A python-frontmatter handler that splits exactly as Jekyll does."""

        FM_BOUNDARY = FRONT_MATTER_RE

        def detect(self, text: str) -> bool:
            return FRONT_MATTER_RE.match(text) is not None

        def split(self, text: str) -> tuple[str, str]:
            match = FRONT_MATTER_RE.match(text)
            if match is None:
                return "", text
            return match.group(1), text[match.end() :]

        def load(self, fm: str, **kwargs: object) -> Any:
            return load_yaml_cached(fm)

    JekyllYAMLHandler.__module__ = __name__
    JekyllYAMLHandler.__qualname__ = "JekyllYAMLHandler"
    return JekyllYAMLHandler


def __getattr__(name: str) -> Any:
    if name == "JekyllYAMLHandler":
        return _jekyll_yaml_handler()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass
class FrontMatter:
    """The result of splitting a file: its data, its body and where the body starts."""

    data: dict[str, Any]
    body: str
    body_line: int
    has_front_matter: bool
    error: FrontMatterError | None = None


def has_yaml_header(raw: bytes) -> bool:
    """Jekyll's ``Utils.has_yaml_header?``: the first line is ``---``."""
    return _HEADER_RE.match(raw) is not None


def parse_front_matter(
    text: str, path: str, *, strict: bool = True, store: Store | None = None
) -> FrontMatter:
    """Split ``text`` into front matter and body, and parse the YAML (parsed values
    are also kept in ``store``, the site's disk cache, when given).

    With ``strict=False`` a YAML problem is returned in ``FrontMatter.error`` with
    empty data and the body still split off, as Jekyll reads such files.

    Raises:
        FrontMatterError: (strict) the YAML is invalid or is not a mapping.  The line
            is the line in the file.
    """
    match = FRONT_MATTER_RE.match(text)
    if match is None and _OPENING_RE.match(text):
        # Jekyll reads this as a file without front matter (the regexp of
        # lib/jekyll/document.rb#read_content does not match: the `---` becomes a rule);
        # say why the YAML was not used.
        warning = FrontMatterError(
            "front matter is never closed, so it is treated as text",
            path=path,
            line=1,
            source_line=text.split("\n", 1)[0],
            hint="end the front matter with a line holding only `---`",
        )
        return FrontMatter({}, text, 1, False, warning)
    try:
        return _parse(text, match, path, store)
    except FrontMatterError as err:
        if strict:
            raise
        assert match is not None
        body_line = text.count("\n", 0, match.end()) + 1
        return FrontMatter({}, text[match.end() :], body_line, True, err)


def _parse(
    text: str, match: re.Match[str] | None, path: str, store: Store | None
) -> FrontMatter:
    if match is None:
        return FrontMatter({}, text, 1, False)
    yaml_text = match.group(1)
    body = text[match.end() :]
    body_line = text.count("\n", 0, match.end()) + 1
    try:
        data = load_yaml_cached(yaml_text, store)
    except yaml.YAMLError as err:
        raise yaml_error(
            err, yaml_text, FrontMatterError, "Invalid YAML front matter", path=path,
            hint="fix the YAML between the `---` lines (check quoting, colons and indentation)",
        ) from err
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FrontMatterError(
            f"Invalid YAML front matter: expected `key: value` pairs, got a {_yaml_kind(data)}",
            path=path,
            line=2,
            source_line=text.splitlines()[1] if text.count("\n") >= 1 else None,
            hint="front matter must be a mapping, e.g. `title: My post`",
        )
    return FrontMatter({str(k): v for k, v in data.items()}, body, body_line, True)


def _yaml_kind(value: object) -> str:
    if isinstance(value, list):
        return "list"
    if isinstance(value, str):
        return "string"
    return type(value).__name__
