"""``html_to_native``: turn parsed HTML elements into native kramdown elements.

kramdown's ``Parser::Html::ElementConverter`` semantics: simple HTML
(paragraphs, lists, emphasis, headers, code, simple tables, math scripts) becomes
the corresponding kramdown element, everything else stays HTML.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from . import html as H
from . import patterns as P
from .tree import RUBY_WS, El, category
from .typography import entity_by_code, entity_by_name

REMOVE_TEXT_CHILDREN = frozenset(
    ["html", "head", "hgroup", "ol", "ul", "dl", "table", "colgroup", "tbody", "thead", "tfoot", "tr", "select", "optgroup"])
WRAP_TEXT_CHILDREN = frozenset(
    ["body", "section", "nav", "article", "aside", "header", "footer", "address", "div", "li", "dd", "blockquote", "figure", "figcaption", "fieldset", "form"])
REMOVE_WHITESPACE_CHILDREN = frozenset(
    ["body", "section", "nav", "article", "aside", "header", "footer", "address", "div", "li", "dd", "blockquote", "figure", "figcaption", "td", "th", "fieldset", "form"])
STRIP_WHITESPACE = frozenset(
    ["address", "article", "aside", "blockquote", "body", "caption", "dd", "div", "dl", "dt", "fieldset", "figcaption", "form", "footer", "header", "h1", "h2", "h3", "h4", "h5", "h6", "legend", "li", "nav", "p", "section", "td", "th"])
SIMPLE_ELEMENTS = frozenset(
    ["em", "strong", "blockquote", "hr", "br", "img", "p", "thead", "tbody", "tfoot", "tr", "td", "th", "ul", "ol", "dl", "li", "dl", "dt", "dd"])
EMPHASIS_TYPE = {"em": "em", "i": "em", "strong": "strong", "b": "strong"}
_QUOTES = {"lsquo", "rsquo", "ldquo", "rdquo"}
_SYMS = {"mdash", "ndash", "hellip", "laquo", "raquo"}
_WS_RUN = re.compile(r"[ \t\n\r\f\v]+")


def is_block(el: El) -> bool:
    return category(el) == "block"


def process_text(raw: str, preserve: bool = False) -> list[El]:
    if not preserve:
        raw = _WS_RUN.sub(" ", raw)
    result: list[El] = []
    pos = 0
    while pos < len(raw):
        m = P.HTML_ENTITY_RE.search(raw, pos)
        if m is None:
            result.append(El("text", raw[pos:]))
            break
        result.append(El("text", raw[pos : m.start()]))
        name = m.group(1)
        if name is not None and name in _QUOTES:
            result.append(El("smart_quote", name))
        elif name is not None and name in _SYMS:
            result.append(El("typographic_sym", name))
        elif name is not None:
            ent = entity_by_name(name)
            if ent is None:
                result.append(El("entity", entity_by_name("amp")))
                pos = m.start() + 1
                continue
            result.append(El("entity", ent, original=m.group(0)))
        else:
            code = int(m.group(2)) if m.group(2) is not None else int(m.group(3), 16)
            result.append(El("entity", entity_by_code(code), original=m.group(0)))
        pos = m.end()
    return result


def extract_text(el: El, out: list[str]) -> None:
    if el.type == "text":
        out.append(str(el.value))
    for c in el.children:
        extract_text(c, out)


def _text_of(el: El) -> str:
    parts: list[str] = []
    extract_text(el, parts)
    return "".join(parts)


def set_basics(el: El, type_: str, **opts: Any) -> None:
    el.type = type_
    el.options = dict(opts)
    el.value = None


class ElementConverter:
    def __init__(self, root: El) -> None:
        self.root = root

    def process(self, el: El, do_conversion: bool = True, preserve_text: bool = False,  # noqa: C901 - one branch per HTML element kind kramdown converts (html_to_native)
                parent: El | None = None, depth: int = 0) -> None:
        if depth > 200:
            return
        if el.type in ("xml_comment", "xml_pi"):
            if parent is None:
                ptype = "div"
            elif parent.type == "html_element":
                ptype = str(parent.value)
            elif parent.type == "code_span":
                ptype = "code"
            elif parent.type == "code_block":
                ptype = "pre"
            elif parent.type == "header":
                ptype = "h1"
            else:
                ptype = parent.type
            el.options = {"category": "span" if H.content_model(ptype) == "span" else "block"}
            return
        if el.type == "root":
            new: list[El] = []
            for c in el.children:
                if c.type == "text":
                    new.extend(process_text(c.value, not do_conversion))
                else:
                    self.process(c, depth=depth + 1)
                    new.append(c)
            el.children = new
            self.remove_whitespace_children(el)
            return
        if el.type != "html_element":
            return
        name = str(el.value)
        special = _SPECIAL.get(name) if do_conversion else None
        if special is not None:
            special(self, el, depth)
            return
        if do_conversion and name in REMOVE_TEXT_CHILDREN:
            el.children = [c for c in el.children if c.type != "text"]
        if do_conversion and name in SIMPLE_ELEMENTS:
            set_basics(el, name)
            self.process_children(el, do_conversion, preserve_text, depth)
        else:
            self.process_html_element(el, do_conversion, preserve_text, depth)
        if do_conversion:
            if name in STRIP_WHITESPACE:
                self.strip_whitespace(el)
            if name in REMOVE_WHITESPACE_CHILDREN:
                self.remove_whitespace_children(el)
            if name in WRAP_TEXT_CHILDREN:
                self.wrap_text_children(el)

    def process_children(self, el: El, do_conversion: bool = True, preserve_text: bool = False,
                         depth: int = 0) -> None:
        new: list[El] = []
        for c in el.children:
            if c.type == "text":
                new.extend(process_text(c.value, preserve_text or not do_conversion))
            else:
                self.process(c, do_conversion, preserve_text, el, depth + 1)
                new.append(c)
        el.children = new

    def process_html_element(self, el: El, do_conversion: bool = True,
                             preserve_text: bool = False, depth: int = 0) -> None:
        name = str(el.value)
        el.options = {
            "category": "span" if name in H.SPAN_ELEMENTS else "block",
            "content_model": H.content_model(name) if do_conversion else "raw",
        }
        self.process_children(el, do_conversion, preserve_text, depth)

    @staticmethod
    def wrap_text_children(el: El) -> None:
        out: list[El] = []
        last_is_p = False
        for c in el.children:
            if not is_block(c) or c.type == "text":
                if not last_is_p:
                    out.append(El("p", transparent=True))
                    last_is_p = True
                out[-1].children.append(c)
            else:
                out.append(c)
                last_is_p = False
        el.children = out

    @staticmethod
    def strip_whitespace(el: El) -> None:
        if not el.children:
            return
        if el.children[0].type == "text":
            el.children[0].value = el.children[0].value.lstrip(" \t\n\r\f\v\0")
        if el.children[-1].type == "text":
            el.children[-1].value = el.children[-1].value.rstrip(" \t\n\r\f\v\0")

    @staticmethod
    def remove_whitespace_children(el: El) -> None:
        ch = el.children
        n = len(ch)
        keep = []
        for i, c in enumerate(ch):
            if (c.type == "text" and not c.value.strip(" \t\n\r\f\v\0")
                    and (i == 0 or i == n - 1 or (is_block(ch[i - 1]) and is_block(ch[i + 1])))):
                continue
            keep.append(c)
        el.children = keep

    # -- special elements -----------------------------------------------------------

    def convert_textarea(self, el: El, depth: int) -> None:
        self.process_html_element(el, True, True, depth)

    def convert_a(self, el: El, depth: int) -> None:
        if el.attr.get("href") is not None:
            set_basics(el, "a")
            self.process_children(el, depth=depth)
        else:
            self.process_html_element(el, False, depth=depth)

    def convert_em(self, el: El, depth: int) -> None:
        text = _text_of(el)
        if re.match(r"[ \t\n\r\f\v]", text) or re.search(r"[ \t\n\r\f\v]\Z", text):
            self.process_html_element(el, False, depth=depth)
        else:
            set_basics(el, EMPHASIS_TYPE[str(el.value)])
            self.process_children(el, depth=depth)

    def convert_h1(self, el: El, depth: int) -> None:
        level = int(str(el.value)[1:2])
        raw = _text_of(el)
        set_basics(el, "header", level=level, raw_text=raw)
        self.process_children(el, depth=depth)

    def convert_code(self, el: El, depth: int) -> None:
        raw = _text_of(el)
        result = process_text(raw, True)
        parts: list[str] = []
        for c in result:
            if c.type == "text":
                parts.append(c.value)
            elif c.type == "entity":
                code = c.value.code
                parts.append(chr(code) if code in (60, 62, 34, 38) else c.value.char())
            else:
                ent = entity_by_name(str(c.value))
                parts.append(ent.char() if ent is not None else "")
        result = [El("text", "".join(parts))]
        name = str(el.value)
        if name == "code":
            first = el.children[0] if el.children else None
            del first
            set_basics(el, "codespan")
            if "class" in el.attr:
                el.attr["class"] = re.sub(
                    r"[ \t\n\r\f\v]+\bhighlighter-\w+\b|\bhighlighter-\w+\b[ \t\n\r\f\v]*", "",
                    el.attr["class"])
        else:
            child = el.children[0] if len(el.children) == 1 else None
            set_basics(el, "codeblock")
            if child is not None and child.value == "code":
                m = re.search(r"\blanguage-\S+", child.attr.get("class") or "")
                if m is not None:
                    el.attr["class"] = f"{m.group(0)} {el.attr.get('class', '')}".rstrip(RUBY_WS)
        el.value = result[0].value
        el.children = []

    def convert_script(self, el: El, depth: int) -> None:
        if not re.search(r"\bmath/tex\b", str(el.attr.get("type", ""))):
            self.process_html_element(el, depth=depth)
            return
        display = "mode=display" in str(el.attr.get("type", ""))
        first = el.children[0].value if el.children else ""
        set_basics(el, "math", category="block" if display else "span")
        m = re.match(r"\A(?:%[ \t\n\r\f\v]*)?<!\[CDATA\[\n?(.*?)(?:[ \t\n\r\f\v]%)?\]\]>\Z",
                     str(first), re.S)
        el.value = m.group(1) if m is not None else first
        el.attr.pop("type", None)

    def convert_table(self, el: El, depth: int) -> None:
        if not is_simple_table(el):
            self.process_html_element(el, False, depth=depth)
            return
        el.children = [c for c in el.children if c.type != "text"]
        self.process_children(el, depth=depth)
        set_basics(el, "table")

        def calc(c: El) -> None:
            if c.type == "tr":
                aligns = []
                for td in c.children:
                    style = td.attr.get("style")
                    if style is not None:
                        m = re.search(r"(?:;[ \t\n\r\f\v]*)?text-align:[ \t\n\r\f\v]+(center|left|right)",
                                      style)
                        if m is not None:
                            style = style[: m.start()] + style[m.end() :]
                            td.attr["style"] = style
                        if not style.strip(RUBY_WS):
                            del td.attr["style"]
                        aligns.append(m.group(1) if m is not None else "default")
                    else:
                        aligns.append("default")
                el.options["alignment"] = aligns
            else:
                for cc in c.children:
                    calc(cc)

        calc(el)
        el.children = [c for c in el.children if c.type != "html_element"]

        def th_to_td(c: El) -> None:
            if c.type == "th":
                c.type = "td"
            else:
                for cc in c.children:
                    th_to_td(cc)

        th_to_td(el)
        if el.children and el.children[0].type == "tr":
            tbody = El("tbody")
            tbody.children = el.children
            el.children = [tbody]


# HTML element name -> its special conversion (the ``convert_<name>`` methods of
# ElementConverter); names sharing a method are listed here, not as class-level aliases
# (``convert_b = convert_em``), which a mypyc-compiled class would treat as attributes.
_SPECIAL: dict[str, Callable[[ElementConverter, El, int], None]] = {
    name[8:]: getattr(ElementConverter, name)
    for name in dir(ElementConverter) if name.startswith("convert_")
}
_SPECIAL.update({alias: _SPECIAL[target] for alias, target in (
    ("b", "em"), ("strong", "em"), ("i", "em"), ("h2", "h1"), ("h3", "h1"), ("h4", "h1"),
    ("h5", "h1"), ("h6", "h1"), ("pre", "code"))})


def is_simple_table(el: El) -> bool:  # noqa: C901 - one check per condition kramdown puts on a simple table
    def phrasing(c: El) -> bool:
        return all((cc.type == "text" or cc.value not in H.BLOCK_ELEMENTS) and phrasing(cc)
                   for cc in c.children)

    def cells_ok(c: El) -> bool:
        if c.value in ("th", "td"):
            return phrasing(c)
        return all(cells_ok(cc) for cc in c.children)

    if not cells_ok(el):
        return False
    nr = 0

    def count_cells(t: El) -> bool:
        nonlocal nr
        if t.value == "tr":
            count = sum(1 for cc in t.children if cc.value in ("th", "td"))
            if count != nr:
                if nr == 0:
                    nr = count
                else:
                    return False
        else:
            for cc in t.children:
                if not count_cells(cc):
                    return False
        return True

    if not count_cells(el):
        return False
    alignment: list[str] | None = None

    def check_align(t: El) -> bool:
        nonlocal alignment
        if t.value == "tr":
            cur = []
            for cell in t.children:
                if cell.value not in ("th", "td"):
                    continue
                m = re.search(r"text-align:[ \t\n\r\f\v]+(center|left|right|justify|inherit)",
                              str(cell.attr.get("style", "")))
                if m is not None and m.group(1) in ("justify", "inherit"):
                    return False
                cur.append(m.group(1) if m is not None else "default")
            if alignment is None:
                alignment = cur
            if alignment != cur:
                return False
        else:
            for cc in t.children:
                if not check_align(cc):
                    return False
        return True

    if not check_align(el):
        return False

    def rows_ok(t: El, kind: str) -> bool:
        return all((r.value == "tr" or r.type == "text")
                   and all(c.value == kind or c.type == "text" for c in r.children)
                   for r in t.children)

    if rows_ok(el, "td"):
        return True
    return all(t.type == "text" or (t.value == "thead" and rows_ok(t, "th"))
               or (t.value in ("tfoot", "tbody") and rows_ok(t, "td"))
               for t in el.children) and any(t.value == "tbody" for t in el.children)


def convert(root: El, el: El) -> None:
    ElementConverter(root).process(el)
