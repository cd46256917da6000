"""The driver: runs the block and span parsers over one document and post-processes the tree."""

from __future__ import annotations

import re
import threading
from typing import Any

from .block import KramdownBlockParser
from .ids import gfm_header_id
from .span import KramdownInlineParser
from .state import Document, KBlockState
from .tree import El, Scanner, category
from .typography import (
    TYPOGRAPHIC_RAW_TEXT,
    entity_from_option,
)

# Parser objects depend only on the options that select kramdown's rule lists;
# they are built once per thread and rebound to each document's state.
_PARSERS = threading.local()

# Elements that span rules treat like any other parent (no type or option checks):
# a lone raw text child can be span-parsed directly into them.
_TEXT_CONTAINERS = frozenset({"p", "header", "td", "dt"})
_ITEMS = frozenset({"li", "dd"})


class DocumentParser:
    """Parses one document: its state (``doc``) and the rule parsers bound to it."""

    def __init__(self, options: dict[str, Any]) -> None:
        doc = self.doc = Document(options)
        self.options = doc.options
        key = (doc.gfm, bool(doc.options.get("hard_wrap")),
               tuple(doc.options.get("gfm_quirks") or ()))
        cache: dict[Any, tuple[KramdownBlockParser, KramdownInlineParser]] | None = getattr(
            _PARSERS, "cache", None)
        if cache is None:
            cache = {}
            _PARSERS.cache = cache
        cached = cache.get(key)
        if cached is None:
            span = KramdownInlineParser(doc)
            cached = (KramdownBlockParser(doc, span), span)
            cache[key] = cached
        self.block, self.span = cached
        # The parser objects are reused (per thread); bind them to this document.
        self.block.ctx = doc
        self.span.ctx = doc

    # -- driver ------------------------------------------------------------------------

    def parse(self, source: str) -> El:
        # kramdown's adapt_source: normalise line ends, chomp, end with one newline.
        if "\r" in source:
            source = re.sub(r"\r\n?", "\n", source)
        text = _chomp(source) + "\n"
        root = El("root")
        doc = self.doc
        doc.span_budget = 10_000 + len(text) // 2
        doc.span_hard_limit = 2 * doc.span_budget
        state = KBlockState(root, Scanner(text))
        self.block.parse_blocks(state, root)
        self.update_tree(root)
        for key, eob in doc.abbrev_eobs.items():
            doc.abbrev_attr[key] = eob.attr
        self.replace_abbreviations(root)
        for data in list(doc.footnotes.values()):
            self.update_tree(data["content"])
            self.replace_abbreviations(data["content"])
        if doc.gfm:
            self.update_elements(root)
        return root

    def update_tree(self, element: El, depth: int = 0) -> None:
        children = element.children
        if (len(children) == 1 and children[0].type == "raw_text"
                and element.type in _TEXT_CONTAINERS):
            # The common case: the element's one text, span-parsed straight into it.
            element.children = []
            self.span.parse_text(children[0].value, element)
            return
        last_blank: El | None = None
        new_children: list[El] = []
        tmp: El | None = None
        parse_text = self.span.parse_text
        for child in element.children:
            ctype = child.type
            if ctype == "raw_text":
                last_blank = None
                if tmp is None:
                    tmp = El("tmp")
                parse_text(child.value, tmp)
                new_children.extend(tmp.children)
                tmp.children = []
            elif ctype == "eob":
                if child.options.get("ial"):
                    self.doc.update_attr_with_ial(child.attr, child.options["ial"])
            elif ctype == "blank":
                if last_blank is not None:
                    last_blank.value += child.value
                else:
                    last_blank = child
                    new_children.append(child)
            else:
                last_blank = None
                grand = child.children
                if grand and depth < 200:
                    if (len(grand) == 1 and ctype in _TEXT_CONTAINERS
                            and grand[0].type == "raw_text"):
                        # update_tree's common case, without the call
                        child.children = []
                        parse_text(grand[0].value, child)
                    elif (len(grand) == 1 and ctype in _ITEMS and grand[0].type == "p"
                          and depth < 199 and len(grand[0].children) == 1
                          and grand[0].children[0].type == "raw_text"):
                        # A list item with one paragraph of text: update_tree(child),
                        # without the calls.
                        para = grand[0]
                        text = para.children[0].value
                        para.children = []
                        parse_text(text, para)
                        if para.options.get("ial"):
                            self.doc.update_attr_with_ial(para.attr, para.options["ial"])
                        child.children = [para]
                    else:
                        self.update_tree(child, depth + 1)
                if child.options.get("ial"):
                    self.doc.update_attr_with_ial(child.attr, child.options["ial"])
                if child.type == "dt" or (child.type == "header"
                                          and self.options.get("auto_id_stripping")):
                    self.update_raw_text(child)
                new_children.append(child)
        element.children = new_children

    def update_raw_text(self, item: El) -> None:
        parts: list[str] = []
        gfm = self.doc.gfm

        def walk(el: El, depth: int) -> None:
            if el.type == "text" or (gfm and el.type in ("codespan", "math")):
                parts.append(el.value)
            elif gfm and el.type == "entity":
                parts.append(el.value.char())
            elif gfm and el.type == "smart_quote":
                parts.append(entity_from_option(el.value).char())
            elif gfm and el.type == "typographic_sym":
                parts.append(TYPOGRAPHIC_RAW_TEXT.get(el.value, ""))
            elif depth < 200:
                for c in el.children:
                    walk(c, depth + 1)

        walk(item, 0)
        item.options["raw_text"] = "".join(parts)

    def replace_abbreviations(self, el: El) -> None:
        if not self.doc.abbrev_defs:
            return
        keys = sorted(self.doc.abbrev_defs, key=len, reverse=True)
        union = "|".join(re.escape(k) for k in keys)
        first = re.compile(union)
        last = re.compile(r"(?=(?:\W|^)(?:" + union + r")(?!\w))", re.A | re.M)
        self._replace_abbr(el, first, last, 0)

    def _replace_abbr(self, el: El, first: re.Pattern[str], last: re.Pattern[str],
                      depth: int) -> None:
        out: list[El] = []
        for child in el.children:
            if child.type == "text" and el.options.get("content_model") != "raw":
                if first.search(child.value):
                    s = Scanner(child.value)
                    while True:
                        temp = s.scan_until(last)
                        if temp is None:
                            break
                        abbr = s.scan(first)
                        if abbr is None:
                            temp += s.scan(re.compile(r"\W|^", re.A | re.M)) or ""
                            abbr = s.scan(first)
                            if abbr is None:
                                abbr = ""
                        out.append(El("text", temp))
                        out.append(El("abbreviation", abbr))
                    out.append(El("text", s.rest()))
                else:
                    out.append(child)
            else:
                if depth < 200:
                    self._replace_abbr(child, first, last, depth + 1)
                out.append(child)
        el.children = out

    def update_elements(self, element: El, depth: int = 0) -> None:
        hard = "\n" if self.options.get("hard_wrap") else "\\\n"
        self._update_elements(element, depth, hard, bool(self.options.get("auto_ids")))

    def _update_elements(self, element: El, depth: int, hard: str, auto_ids: bool) -> None:
        # Header ids are assigned in document order; text children with hard
        # line breaks are split afterwards (only this element's list changes).
        split = False
        for child in element.children:
            ctype = child.type
            if ctype == "text":
                if hard in child.value:
                    split = True
            elif ctype == "html_element":
                pass
            elif ctype == "header" and auto_ids and "id" not in child.attr:
                child.attr["id"] = self.options.get("auto_id_prefix", "") + gfm_header_id(
                    child.options.get("raw_text", ""), self.doc.id_counter)
            elif depth < 200 and child.children:
                self._update_elements(child, depth + 1, hard, auto_ids)
        if not split:
            return
        out: list[El] = []
        for child in element.children:
            if child.type == "text" and hard in child.value:
                lines = child.value.split(hard)
                omit = (lines[-1] == "" and category(element) == "block"
                        and element.children[-1] is child)
                for i, line in enumerate(lines):
                    out.append(El("text", f"\n{line}" if i > 0 else line))
                    if i < len(lines) - 2 or (i == len(lines) - 2 and not omit):
                        out.append(El("br"))
            else:
                out.append(child)
        element.children = out


def _chomp(text: str) -> str:
    if text.endswith("\n"):
        return text[:-1]
    return text
