"""Parse an HTML fragment and write it back the way Nokogiri (libxml2 2.9's HTML
serialiser) does, for plugins that Jekyll runs through html-pipeline.

What changes compared with the input: void elements lose ``/>``, boolean
attributes lose their value, attribute values are re-quoted (``"`` unless the
value holds a ``"``) and ``href``/``src``/``action`` are URI-escaped, character
references become characters (``&``, ``<``, ``>`` and U+00A0 escaped again), and
libxml2's formatting newlines are added around block elements whose first or
last child is an element.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from typing import Any

__all__ = ["Element", "Node", "Text", "parse_fragment", "rewrite_plain", "serialize", "text_to_html"]

# libxml2's HTML 4 element table (HTMLparser.c, html40ElementTable): known elements,
# and which of them are inline.
INLINE = frozenset(
    [
        "a",
        "abbr",
        "acronym",
        "applet",
        "b",
        "basefont",
        "bdo",
        "big",
        "br",
        "button",
        "cite",
        "code",
        "dfn",
        "em",
        "embed",
        "font",
        "i",
        "iframe",
        "img",
        "input",
        "kbd",
        "label",
        "map",
        "object",
        "q",
        "s",
        "samp",
        "select",
        "small",
        "span",
        "strike",
        "strong",
        "sub",
        "sup",
        "textarea",
        "tt",
        "u",
        "var",
        "del",
        "ins",
    ]
)
BLOCK = frozenset(
    [
        "address",
        "area",
        "base",
        "blockquote",
        "body",
        "caption",
        "center",
        "col",
        "colgroup",
        "dd",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "form",
        "frame",
        "frameset",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "hr",
        "html",
        "isindex",
        "legend",
        "li",
        "link",
        "menu",
        "meta",
        "noframes",
        "noscript",
        "ol",
        "optgroup",
        "option",
        "p",
        "param",
        "pre",
        "script",
        "style",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "title",
        "tr",
        "ul",
    ]
)
VOID = frozenset(
    [
        "area",
        "base",
        "basefont",
        "br",
        "col",
        "frame",
        "hr",
        "img",
        "input",
        "isindex",
        "link",
        "meta",
        "param",
    ]
)
BOOLEAN = frozenset(
    [
        "checked",
        "compact",
        "declare",
        "defer",
        "disabled",
        "ismap",
        "multiple",
        "nohref",
        "noresize",
        "noshade",
        "nowrap",
        "readonly",
        "selected",
    ]
)
RAW = frozenset({"script", "style"})

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_P = frozenset({"p"})
# libxml2's implied end tags (HTMLparser.c, htmlStartClose): a start tag closes these
# open elements.
AUTO_CLOSE: dict[str, frozenset[str]] = {
    **{
        name: _P
        for name in [
            "address",
            "blockquote",
            "caption",
            "center",
            "div",
            "dir",
            "fieldset",
            "form",
            "hr",
            "listing",
            "menu",
            "ol",
            "pre",
            "table",
            "ul",
            "xmp",
            "col",
            "colgroup",
        ]
    },
    **{h: _P for h in _HEADINGS},
    "p": _P,
    "li": frozenset({"p", "li"}),
    "dl": _P,
    "dt": frozenset({"p", "dd"}),
    "dd": frozenset({"p", "dt"}),
    "td": frozenset({"p", "td", "th"}),
    "th": frozenset({"p", "td", "th"}),
    "tr": frozenset({"p", "td", "th", "tr"}),
    "tbody": frozenset({"p", "td", "th", "tr"}),
    "tfoot": frozenset({"p", "td", "th", "tr"}),
    "option": frozenset({"option"}),
    "optgroup": frozenset({"option"}),
    "a": frozenset({"a"}),
}
URI_ATTRS = frozenset({"href", "action", "src"})
_URI_SAFE = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()@/:=?;#%&,+<>"
)


#: a value made of :data:`_URI_SAFE` characters only
_URI_SAFE_TEXT = re.compile("[" + re.escape("".join(sorted(_URI_SAFE))) + "]*")


@dataclass(slots=True)
class Text:
    text: str
    raw: bool = False  # script/style content, written as it is


@dataclass(slots=True)
class Comment:
    text: str


@dataclass(slots=True)
class Element:
    name: str
    attrs: list[tuple[str, str | None]]
    children: list[Node] = field(default_factory=list)


Node = Text | Comment | Element


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#fragment", [])
        self.stack: list[Element] = [self.root]

    def updatepos(self, i: int, j: int) -> int:
        """Skip the line/column bookkeeping (a newline count per token): nothing
        here asks for positions."""
        return j

    def _auto_close(self, tag: str) -> None:
        closes = AUTO_CLOSE.get(tag)
        while closes and len(self.stack) > 1 and self.stack[-1].name in closes:
            self.stack.pop()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._auto_close(tag)
        element = Element(tag, attrs)
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._auto_close(tag)
        self.stack[-1].children.append(Element(tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].name == tag:
                del self.stack[i:]
                return
        if tag == "p":  # a stray </p> makes an empty paragraph
            self.stack[-1].children.append(Element("p", []))

    def handle_data(self, data: str) -> None:
        raw = self.stack[-1].name in RAW
        children = self.stack[-1].children
        if children and isinstance(children[-1], Text) and children[-1].raw == raw:
            children[-1].text += data
        else:
            children.append(Text(data, raw))

    def handle_comment(self, data: str) -> None:
        self.stack[-1].children.append(Comment(data))


_WS = "[ \\t\\n\\r\\f]"
#: The plain HTML that most pages are made of, in one pass: text, a start tag whose
#: attributes are separated by white space and quoted or plainly unquoted, an end
#: tag, a comment without ``--`` inside.  Anything else (a stray ``<``, a doctype,
#: ``<a b=c/>``...) is left to :class:`HTMLParser`, which reads the whole fragment then.
_TOKEN = re.compile(
    rf"""([^<]+)
    | <([a-zA-Z][a-zA-Z0-9:-]*)
      ((?:{_WS}+[a-zA-Z_:][-a-zA-Z0-9_:.]*
          (?:{_WS}*={_WS}*(?:"[^"]*"|'[^']*'|[^\s"'=<>`/]+(?={_WS}|>)))?
      )*){_WS}*(/?)>
    | </([a-zA-Z][a-zA-Z0-9:-]*){_WS}*>
    | <!--((?:(?!--)[\s\S])*)-->""",
    re.X,
)
_ATTR = re.compile(
    rf"""{_WS}+([a-zA-Z_:][-a-zA-Z0-9_:.]*)
    (?:{_WS}*={_WS}*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`/]+)))?""",
    re.X,
)
#: Elements whose text HTMLParser reads in a mode of its own (raw text), or may in
#: newer Pythons (raw or escapable raw text): see :func:`_plain_text_element`.
_RAW_TEXT = frozenset({"script", "style"})
_SPECIAL = frozenset(
    {"textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"}
)


def _attrs(text: str) -> list[tuple[str, str | None]]:
    attrs: list[tuple[str, str | None]] = []
    if not text:
        return attrs
    for m in _ATTR.finditer(text):
        name, dq, sq, bare = m.groups()
        value = dq if dq is not None else sq if sq is not None else bare
        attrs.append((name.lower(), unescape(value) if value else value))
    return attrs


def _plain_text_element(html: str, pos: int, name: str, attrs: str, builder: _Builder) -> int:
    """An element whose text HTMLParser may read in a mode of its own, started by
    the tag before ``pos``: its events, and the position after its end tag; -1 when
    the HTMLParsers of different Pythons might read it differently.  Its end tag must be
    the first ``</name`` (``</ name`` for older Pythons), written plainly; script
    and style text must not hold ``<!--`` (newer Pythons' escaped script text); the
    other elements' text must hold no markup at all (neither ``<`` nor ``&``)."""
    after = _plain_text(html, pos, name)
    if after < 0:
        return -1
    text = html[pos : after - len(name) - 3]
    builder.handle_starttag(name, _attrs(attrs))
    if text:
        builder.handle_data(text)
    builder.handle_endtag(name)
    return after


def _parse_plain(html: str, builder: _Builder) -> bool:  # noqa: C901 - one branch per token kind, inlined (tens of thousands of tokens a page)
    """Feed ``builder`` the events :class:`HTMLParser` would for ``html``, when it
    is plain HTML (see ``_TOKEN``); False, having fed part of it, when it is not.

    The builder's start tag, end tag and text events are inlined here (a page has
    tens of thousands of tokens); the same attribute text is read once per page."""
    pos, end = 0, len(html)
    finditer = _TOKEN.finditer
    stack = builder.stack
    children = stack[-1].children
    attr_lists: dict[str, list[tuple[str, str | None]]] = {}
    auto_close = AUTO_CLOSE.get
    while pos < end:
        restart = False
        for m in finditer(html, pos):
            if m.start() != pos:
                return False  # something _TOKEN does not read: a stray ``<``...
            pos = m.end()
            text, tag, attrs, slash, end_tag, comment = m.groups()
            if text is not None:
                # text tokens are maximal and never inside script/style here (those
                # are read by _plain_text_element), so a text joins the previous one
                # only after an ignored end tag
                if "&" in text:
                    text = unescape(text)
                if children and type(last := children[-1]) is Text and not last.raw:
                    last.text += text
                else:
                    children.append(Text(text))
            elif tag is not None:
                name = tag.lower()
                if name in _RAW_TEXT or name in _SPECIAL:
                    if slash:
                        return False  # ``<script/>``: read differently across Pythons
                    pos = _plain_text_element(html, pos, name, attrs, builder)
                    if pos < 0:
                        return False
                    children = stack[-1].children
                    restart = True
                    break
                closes = auto_close(name)
                if closes is not None:
                    while len(stack) > 1 and stack[-1].name in closes:
                        stack.pop()
                    children = stack[-1].children
                if attrs:
                    attr_list = attr_lists.get(attrs)
                    if attr_list is None:
                        attr_list = attr_lists[attrs] = _attrs(attrs)
                    element = Element(name, list(attr_list))
                else:
                    element = Element(name, [])
                children.append(element)
                if not slash and name not in VOID:
                    stack.append(element)
                    children = element.children
            elif end_tag is not None:
                name = end_tag.lower()
                if len(stack) > 1 and stack[-1].name == name:
                    stack.pop()
                    children = stack[-1].children
                    continue
                for i in range(len(stack) - 2, 0, -1):
                    if stack[i].name == name:
                        del stack[i:]
                        children = stack[-1].children
                        break
                else:
                    if name == "p":  # a stray </p> makes an empty paragraph
                        children.append(Element("p", []))
            else:
                children.append(Comment(comment))
        if not restart:
            return pos >= end
    return True


def parse_fragment(html: str) -> list[Node]:
    builder = _Builder()
    if _parse_plain(html, builder):
        return builder.root.children
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root.children


def parse_fragment_slow(html: str) -> list[Node]:
    """:func:`parse_fragment` through :class:`HTMLParser` only (for tests)."""
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root.children


def text_to_html(text: str) -> str:
    """A text node as libxml2 writes it."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _uri_escape(value: str) -> str:
    value = value.lstrip(" \t\n\r")
    if _URI_SAFE_TEXT.fullmatch(value):
        return value  # the common case: nothing to escape
    out: list[str] = []
    for ch in value:
        if ch in _URI_SAFE:
            out.append(ch)
        else:
            out.extend(f"%{b:02X}" for b in ch.encode("utf-8"))
    return "".join(out)


def _quoted(value: str) -> str:
    if '"' in value:
        if "'" in value:
            return '"' + value.replace('"', "&quot;") + '"'
        return "'" + value + "'"
    return '"' + value + '"'


def _attr(name: str, value: str | None) -> str:
    if value is None or name in BOOLEAN:
        return f" {name}"
    encoded = text_to_html(value)
    if name in URI_ATTRS:
        encoded = _uri_escape(encoded)
    return f" {name}={_quoted(encoded)}"


def _write(node: Node, out: list[str], parent: Element | None) -> None:
    cls = type(node)
    if cls is Text:
        out.append(node.text if node.raw else text_to_html(node.text))  # type: ignore[union-attr]
        return
    if cls is Comment:
        out.append(f"<!--{node.text}-->")  # type: ignore[union-attr]
        return
    assert isinstance(node, Element)
    name = node.name
    attrs = node.attrs
    if attrs:
        out.append("<" + name + "".join([_attr(k, v) for k, v in attrs]) + ">")
    else:
        out.append("<" + name + ">")
    if name in VOID:
        return
    kids = node.children
    if kids:
        last = len(kids) - 1
        # libxml2's formatting newlines: inside a block element (not p*) with
        # several children around element edges, and between block siblings
        formatted = last > 0 and name in BLOCK and not name.startswith("p")
        if formatted and type(kids[0]) is not Text:
            out.append("\n")
        separate = not name.startswith("p")
        for i, child in enumerate(kids):
            _write(child, out, node)
            if (
                separate
                and i < last
                and type(child) is Element
                and child.name in BLOCK
                and type(kids[i + 1]) is not Text
            ):
                out.append("\n")
        if formatted and type(kids[-1]) is not Text:
            out.append("\n")
    out.append("</" + name + ">")


def serialize(nodes: list[Node]) -> str:
    out: list[str] = []
    for i, node in enumerate(nodes):
        _write(node, out, None)
        if (
            isinstance(node, Element)
            and node.name in BLOCK
            and i + 1 < len(nodes)
            and not isinstance(nodes[i + 1], Text)
        ):
            out.append("\n")
    return "".join(out)


# -- parse, rewrite text and serialise in one pass ----------------------------------

# The kinds of child that libxml2's formatting newlines depend on.
_TEXT, _INLINE_CHILD, _BLOCK_CHILD, _OTHER_CHILD = 0, 1, 2, 3
# An open element of rewrite_plain is a list (the loop reads them ~100,000 times a
# page): its name, where the newline after its start tag goes in the output, whether
# its text is left alone, its children so far (count, whether the first is text, the
# kind of the last), whether its children get formatting newlines around them
# (a block element but not p*), and between them (not p*).
_NAME, _SLOT, _SKIP, _KIDS, _FIRST_TEXT, _LAST, _FORMATS, _SEPARATES = range(8)


def _escape_text(text: str) -> str:
    if "&" in text or "<" in text or ">" in text:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text


def _close(frame: list[Any], out: list[str]) -> None:
    if frame[_KIDS] > 1 and frame[_FORMATS]:
        if not frame[_FIRST_TEXT]:
            out[frame[_SLOT]] = "\n"
        if frame[_LAST] != _TEXT:
            out.append("\n")
    out.append("</" + frame[_NAME] + ">")


def rewrite_plain(  # noqa: C901, PLR0912, PLR0915 - the token loop of _parse_plain and the writer of _write, fused
    html: str, rewrite: Callable[[str], list[Node] | None], skip: frozenset[str], marker: str
) -> str | None:
    """``serialize`` of ``parse_fragment(html)`` with each text node that holds
    ``marker``, outside the ``skip`` elements and script/style, replaced by the
    nodes ``rewrite(text)`` gives (unless None) -- in one pass, without building
    the tree.  None when ``html`` is not plain HTML (see ``_TOKEN``): then parse
    and serialise it."""
    out: list[str] = []
    append = out.append
    top: list[Any] = ["#fragment", -1, False, 0, False, _TEXT, False, True]
    stack = [top]
    pending: list[str] = []
    written_attrs: dict[str, str] = {}

    def child(frame: list[Any], kind: int) -> None:
        """Count a new child of ``frame`` (before its output), with the newline
        libxml2 writes between a block element and a following element or comment."""
        if frame[_KIDS] == 0:
            frame[_FIRST_TEXT] = kind == _TEXT
        elif kind != _TEXT and frame[_LAST] == _BLOCK_CHILD and frame[_SEPARATES]:
            append("\n")
        frame[_KIDS] += 1
        frame[_LAST] = kind

    def flush() -> None:
        text = pending[0] if len(pending) == 1 else "".join(pending)
        pending.clear()
        nodes = None if top[_SKIP] or marker not in text else rewrite(text)
        if nodes is None:
            child(top, _TEXT)
            append(_escape_text(text))
            return
        for node in nodes:
            if type(node) is Text:
                kind = _TEXT
            elif type(node) is Element:
                kind = _BLOCK_CHILD if node.name in BLOCK else _INLINE_CHILD
            else:
                kind = _OTHER_CHILD
            child(top, kind)
            _write(node, out, None)

    pos, end = 0, len(html)
    finditer = _TOKEN.finditer
    while pos < end:
        restart = False
        for m in finditer(html, pos):
            if m.start() != pos:
                return None
            pos = m.end()
            text, tag, attrs, slash, end_tag, comment = m.groups()
            if text is not None:
                pending.append(unescape(text) if "&" in text else text)
                continue
            if tag is not None:
                if pending:
                    flush()
                name = tag.lower()
                raw_text = name in _RAW_TEXT or name in _SPECIAL
                if raw_text and slash:
                    return None  # ``<script/>``: read differently across Pythons
                after = _plain_text(html, pos, name) if raw_text else 0
                if after < 0:
                    return None
                # the start tag: close what it closes, count it, write it
                closes = AUTO_CLOSE.get(name)
                if closes is not None:
                    while len(stack) > 1 and top[_NAME] in closes:
                        _close(stack.pop(), out)
                        top = stack[-1]
                block = name in BLOCK
                kind = _BLOCK_CHILD if block else _INLINE_CHILD
                if top[_KIDS] == 0:
                    top[_FIRST_TEXT] = False
                elif top[_LAST] == _BLOCK_CHILD and top[_SEPARATES]:
                    append("\n")
                top[_KIDS] += 1
                top[_LAST] = kind
                if attrs:
                    written = written_attrs.get(attrs)
                    if written is None:
                        written = "".join([_attr(k, v) for k, v in _attrs(attrs)])
                        written_attrs[attrs] = written
                    append("<" + name + written + ">")
                else:
                    append("<" + name + ">")
                if name in VOID:
                    continue
                not_p = not name.startswith("p")
                frame = [
                    name, len(out), top[_SKIP] or name in skip or name in RAW,
                    0, False, _TEXT, block and not_p, not_p,
                ]
                append("")
                if raw_text:
                    body = html[pos : after - len(name) - 3]
                    if body:
                        if name in RAW:
                            child(frame, _TEXT)
                            append(body)
                        else:
                            top = frame
                            pending.append(body)
                            flush()
                            top = stack[-1]
                    _close(frame, out)
                    pos = after
                    restart = True
                    break
                if slash:
                    _close(frame, out)
                else:
                    stack.append(frame)
                    top = frame
            elif end_tag is not None:
                # (an end tag that closes nothing is dropped: the text around it is
                # one text node)
                name = end_tag.lower()
                if top[_NAME] == name and len(stack) > 1:
                    if pending:
                        flush()
                    _close(stack.pop(), out)
                    top = stack[-1]
                    continue
                for i in range(len(stack) - 2, 0, -1):
                    if stack[i][_NAME] == name:
                        if pending:
                            flush()
                        while len(stack) > i:
                            _close(stack.pop(), out)
                        top = stack[-1]
                        break
                else:
                    if name == "p":  # a stray </p> makes an empty paragraph
                        if pending:
                            flush()
                        child(top, _BLOCK_CHILD)
                        append("<p></p>")
            else:
                if pending:
                    flush()
                child(top, _OTHER_CHILD)
                append("<!--" + comment + "-->")
        if not restart and pos < end:
            return None
    if pending:
        flush()
    while len(stack) > 1:
        _close(stack.pop(), out)
    return "".join(out)


def _plain_text(html: str, pos: int, name: str) -> int:
    """For an element read as text (see :func:`_plain_text_element`) started before
    ``pos``: the position after its end tag, or -1 when it is not plain."""
    close = re.compile(r"</\s*" + name, re.I).search(html, pos)
    if close is None:
        return -1
    start = close.start()
    stop = start + 2 + len(name)
    text = html[pos:start]
    if html[start + 2 : stop].lower() != name or html[stop : stop + 1] != ">":
        return -1
    if ("<!--" in text) if name in _RAW_TEXT else ("<" in text or "&" in text):
        return -1
    return stop + 1
