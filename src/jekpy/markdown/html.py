"""kramdown's HTML handling: element classes, attribute parsing, raw HTML scanning."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from . import patterns as P
from .tree import RUBY_WS, El, Scanner
from .typography import escape_attr, escape_text

CONTENT_MODEL_BLOCK = frozenset(
    ["address", "applet", "article", "aside", "blockquote", "body", "dd", "details", "div", "dl", "fieldset", "figure", "figcaption", "footer", "form", "header", "hgroup", "iframe", "li", "main", "map", "menu", "nav", "noscript", "object", "section", "summary", "td"]
)
CONTENT_MODEL_SPAN = frozenset(
    ["a", "abbr", "acronym", "b", "bdo", "big", "button", "cite", "caption", "del", "dfn", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "i", "ins", "label", "legend", "optgroup", "p", "q", "rb", "rbc", "rp", "rt", "rtc", "ruby", "select", "small", "span", "strong", "sub", "sup", "th", "tt"]
)
CONTENT_MODEL_RAW = frozenset(["script", "style", "math", "option", "textarea", "pre", "code", "kbd", "samp", "var"])
SPAN_ELEMENTS = frozenset(P.SPAN_ELEMENTS)
BLOCK_ELEMENTS = frozenset(
    ["address", "article", "aside", "applet", "body", "blockquote", "caption", "col", "colgroup", "dd", "div", "dl", "dt", "fieldset", "figcaption", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "head", "iframe", "legend", "menu", "li", "main", "map", "nav", "ol", "optgroup", "p", "pre", "section", "summary", "table", "tbody", "td", "th", "thead", "tfoot", "tr", "ul"]
)
ELEMENTS_WITHOUT_BODY = frozenset(
    ["area", "base", "br", "col", "command", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr"]
)
KNOWN_ELEMENTS = (SPAN_ELEMENTS | BLOCK_ELEMENTS | ELEMENTS_WITHOUT_BODY | CONTENT_MODEL_BLOCK
                  | CONTENT_MODEL_SPAN | CONTENT_MODEL_RAW)

MARKDOWN_ATTR_MAP = {"0": "raw", "1": "default", "span": "span", "block": "block"}


def content_model(name: str) -> str:
    if name in CONTENT_MODEL_BLOCK:
        return "block"
    if name in CONTENT_MODEL_SPAN:
        return "span"
    return "raw"


def is_known(name: str) -> bool:
    return name in KNOWN_ELEMENTS


def parse_attributes(text: str, lowercase: bool = True) -> dict[str, str]:
    attrs: dict[str, str] = {}
    for m in P.HTML_ATTRIBUTE_RE.finditer(text):
        name = m.group(1)
        if lowercase:
            name = name.lower()
        val = m.group(2)
        if val is None:
            val = m.group(4)
        attrs[name] = val if val is not None else ""
    return attrs


def html_attributes(attr: dict[str, Any]) -> str:
    """The attributes as the HTML converter writes them: `` name="value"`` each."""
    if not attr:
        return ""
    out = []
    for k, v in attr.items():
        if v is None or (k == "id" and not str(v).strip(RUBY_WS)):
            continue
        out.append(f' {k}="{escape_attr(str(v))}"')
    return "".join(out)


def add_text(tree: El, text: str, type: str) -> None:
    last = tree.children[-1] if tree.children else None
    if last is not None and last.type == type:
        last.value += text
    elif text:
        tree.children.append(El(type, text))


StartTagHandler = Callable[[El, bool, bool], None]


def handle_start_tag(src: Scanner, tree: El, handler: StartTagHandler) -> None:
    """Create the element for the start tag ``src`` just matched and let ``handler`` fill it."""
    m = src.m
    assert m is not None
    name = m.group(1)
    if is_known(name.lower()):
        name = name.lower()
    closed = m.group("slash") is not None
    attrs = parse_attributes(m.group(2) or "", is_known(name))
    el = El("html_element", name, attrs, category="block")
    tree.children.append(el)
    if not closed and name in ELEMENTS_WITHOUT_BODY:
        closed = True
    if name in ("script", "style"):
        _raw_tag_body(src, el, name)
        handler(el, False, False)
    else:
        handler(el, closed, True)


def _raw_tag_body(src: Scanner, el: El, name: str) -> None:
    cur = src.pos
    stop = re.compile(r"(?=</" + re.escape(name) + r"[ \t\n\r\f\v]*>)", re.I | re.S)
    if src.scan_until(stop) is not None:
        add_text(el, src.string[cur : src.pos], "raw")
        src.scan(P.HTML_TAG_CLOSE_RE)
    else:
        add_text(el, src.rest(), "raw")
        src.terminate()


#: cache: start tag text -> how the raw HTML parser and converter treat it (bounded, see _tag_kind)
_TAG_KINDS: dict[str, str | None] = {}
_RAW_BODY_TAGS = frozenset(["script", "style"])


def _tag_kind(m: re.Match[str]) -> str | None:
    """A start tag (``P.HTML_TAG_RE``'s match) inside raw HTML: its element name if the
    converter prints the tag back unchanged and the element has a body, ``""`` if it is
    printed back unchanged and has no body (``<br />``, ``<x />``), else None."""
    tag = m.group(0)
    kind = _TAG_KINDS.get(tag, "?")
    if kind != "?":
        return kind
    name = m.group(1)
    if is_known(name.lower()):
        name = name.lower()
    attrs = parse_attributes(m.group(2) or "", is_known(name))
    closed = m.group("slash") is not None or name in ELEMENTS_WITHOUT_BODY
    kind = None
    if name not in _RAW_BODY_TAGS and "markdown" not in attrs:
        printed = f"<{name}{html_attributes(attrs)}{' />' if closed else '>'}"
        if printed == tag:
            kind = "" if closed else name
    if len(_TAG_KINDS) >= 4096:
        _TAG_KINDS.clear()
    _TAG_KINDS[tag] = kind
    return kind


def verbatim_raw_end(text: str, pos: int, name: str, max_depth: int) -> tuple[int, int] | None:
    """Where the raw HTML element ``name``, whose body starts at ``pos``, ends -- when
    parsing its body element by element (kramdown's raw HTML parsing) and converting
    that back to HTML (in a raw parent: no indentation, no line ends added) would give
    the body's text unchanged.  Returns (start of the closing tag, end of it), or None
    when any piece would be printed differently (text the converter escapes, a tag
    written in another form than the converter writes it, comments, processing
    instructions, ``script``/``style``, a ``markdown`` attribute, a close tag that is
    not exactly ``</name>`` of the open element, more than ``max_depth`` open elements,
    no closing tag).  Each character is looked at once."""
    stack = [name]
    find = text.find
    tag_match = P.HTML_TAG_RE.match
    while True:
        lt = find("<", pos)
        if lt < 0:
            return None
        if lt > pos:
            piece = text[pos:lt]
            if ">" in piece or ("&" in piece and escape_text(piece) != piece):
                return None
        m = tag_match(text, lt)
        if m is not None:
            kind = _tag_kind(m)
            if kind is None:
                return None
            if kind:
                stack.append(kind)
                if len(stack) > max_depth:
                    return None
            pos = m.end()
            continue
        close = f"</{stack[-1]}>"
        if not text.startswith(close, lt):
            return None
        stack.pop()
        pos = lt + len(close)
        if not stack:
            return lt, pos
