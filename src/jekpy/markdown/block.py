"""kramdown's block-level grammar as a mistune ``BlockParser`` subclass.

mistune's own CommonMark block rules are replaced by kramdown's (as modified
by kramdown-parser-gfm).  Rules are registered through mistune's
``register`` API; dispatch follows kramdown: at each position the rules are
tried in order and the first whose start pattern matches *and* whose handler
accepts the text wins.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from mistune.block_parser import BlockParser
from mistune.core import BlockState

from . import html as H
from . import native
from . import patterns as P
from . import state as S
from .span import KramdownInlineParser
from .state import Document, KBlockState
from .table import parse_table
from .tree import RUBY_WS, El, Scanner, ial_of

MAX_NESTING = 100
_LINE = re.compile(r".*\n|.+", re.A | re.M)
_Rule = tuple[int, re.Pattern[str], Any]


class StopBlockParsing(Exception):
    """Raised when the end tag of the enclosing HTML element is found."""


#: cache: (list marker, indent) -> its compiled pattern
_LIST_PATTERNS: dict[tuple[str, int], re.Pattern[str]] = {}
#: cache: indent -> the compiled patterns of a list item's first line (one per indent)
_FIRST_LINE_CACHE: dict[int, tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]] = {}


def _fetch_pattern(kind: str, indentation: int) -> re.Pattern[str]:
    n = min(max(indentation, 1), 4) - 1
    key = (kind, n)
    pat = _LIST_PATTERNS.get(key)
    if pat is None:
        marker = {"ul": "[+*-]", "ol": r"\d+\.", "dl": ":"}[kind]
        pat = P.rx(f"^( {{0,{n}}}{marker})({P.PATTERN_TAIL})")
        _LIST_PATTERNS[key] = pat
    return pat


def _first_line_patterns(ind: int) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    pats = _FIRST_LINE_CACHE.get(ind)
    if pats is None:
        indent_re = P.rx(f"^ {{{ind}}}")
        content_re = P.rx(
            f"^(?:(?:\\t| {{4}}){{{ind // 4}}} {{{ind % 4}}}|(?:\\t| {{4}}){{{ind // 4 + 1}}}).*\\S.*\\n"
        )
        lazy_re = P.urx(
            f"(?!^ {{0,{min(ind, 3)}}}(?:{P.IAL_BLOCK_S}|{P.LAZY_END_HTML_STOP_S}"
            f"|{P.LAZY_END_HTML_START_S})).*\\S.*\\n"
        )
        pats = (content_re, lazy_re, indent_re)
        _FIRST_LINE_CACHE[ind] = pats
    return pats


# The characters (after up to three spaces) a block rule's start pattern can
# begin with; ``None``: any character but a space or tab.  Rules not listed
# are always tried.
_ANY = None
_BLOCK_FIRST: dict[str, str | None] = {
    "blank_line": " \t\r\f\v\n",
    "codeblock": " \t",
    "codeblock_fenced": "~`",
    "blockquote": ">",
    "atx_header": "#",
    "horizontal_rule": "*-_",
    "list": "+*-0123456789",
    "definition_list": ":",
    "block_html": "<",
    "setext_header": _ANY,
    "block_math": "\\$",
    "table": _ANY,
    "footnote_definition": "[",
    "link_definition": "[",
    "abbrev_definition": "*",
    "block_extensions": "{",
    "eob_marker": "^",
    "paragraph": _ANY,
}
_LEAD = re.compile(r" {0,3}(.?)", re.S)
_PARAGRAPH_LEAD = P.rx(f"^{P.OPT_SPACE}[^ \\t]")



def _lines_until(end: re.Pattern[str]) -> re.Pattern[str]:
    """Whole lines, as long as ``end`` does not match at the start of the next one.

    One match does what a loop of ``check(end)`` and ``scan(^.*\\n)`` does; it
    stops at the end of the text, where ``end`` (which has a ``\\Z``
    alternative) matches, and before a last line without a newline.
    """
    return re.compile(f"(?:(?!(?:{end.pattern})).*\\n)*", end.flags)


_LAZY_LINES = _lines_until(P.LAZY_END)


def _match_end(lines: re.Pattern[str], string: str, pos: int) -> int:
    """The end of the line at ``pos`` and the following ``lines`` (see ``_lines_until``)."""
    nl = string.find("\n", pos)
    m = lines.match(string, nl + 1 if nl >= 0 else pos)
    return m.end() if m is not None else pos
_LEADING_TAB_RUN = re.compile(r"^(\t+)")


def _expand_leading_tabs(line: str) -> str:
    """Each leading tab becomes four spaces."""
    if not line.startswith("\t"):
        return line
    return _LEADING_TAB_RUN.sub(lambda t: " " * 4 * len(t.group(1)), line)


_FENCE_CLOSERS = {"~": re.compile(r"^ {0,3}~~~", re.M), "`": re.compile(r"^ {0,3}```", re.M)}
_LEADING_TABS = re.compile(r"^( *)(\t+)")


def parse_first_list_line(indentation: int, content: str) -> tuple[str, int]:
    if P.LIST_ITEM_IAL_CHECK.match(content):
        indentation = 4
    elif not content.lstrip(" ").startswith("\t"):  # no tabs to expand (the common case)
        indentation += len(content) - len(content.lstrip(" "))
    else:
        while True:
            m = _LEADING_TABS.match(content)
            if m is None:
                break
            temp = len(m.group(1)) + indentation
            spaces = " " * (4 - (temp % 4) + (len(m.group(2)) - 1) * 4)
            content = m.group(1) + spaces + content[m.end() :]
        indentation += len(content) - len(content.lstrip(" "))
    return content.lstrip(" \t\n\r\f\v"), indentation


_TASK_UNCHECKED = re.compile(r"\A[ \t\n\r\f\v]*\[ \][ \t\n\r\f\v]+")
_TASK_CHECKED = re.compile(r"\A[ \t\n\r\f\v]*\[[xX]\][ \t\n\r\f\v]+")


class KramdownBlockParser(BlockParser):
    """kramdown's block parsers (GFM flavour when ``input`` is GFM)."""

    SPECIFICATION: ClassVar[dict[str, str]] = {}
    DEFAULT_RULES: ClassVar[tuple[str, ...]] = ()  # type: ignore[assignment]

    def __init__(self, ctx: Document, span: KramdownInlineParser) -> None:
        super().__init__()
        self.ctx = ctx
        self.span = span  # for table cells
        gfm = ctx.gfm
        quirk = "paragraph_end" in ctx.options.get("gfm_quirks", [])
        self.paragraph_end = P.PARAGRAPH_END_GFM if (gfm and quirk) else P.PARAGRAPH_END
        self.paragraph_lines = _lines_until(self.paragraph_end)
        self.atx_quirk = gfm and quirk
        self.compiled: dict[str, re.Pattern[str]] = {}
        table: list[tuple[str, re.Pattern[str], Any]] = [
            ("blank_line", P.BLANK_LINE, KramdownBlockParser.k_blank_line),
            ("codeblock", P.INDENT, KramdownBlockParser.k_codeblock),
            ("codeblock_fenced",
             P.FENCED_CODEBLOCK_START_GFM if gfm else P.FENCED_CODEBLOCK_START_KD,
             KramdownBlockParser.k_codeblock_fenced),
            ("blockquote", P.BLOCKQUOTE_START, KramdownBlockParser.k_blockquote),
            ("atx_header", P.ATX_HEADER_START_GFM if gfm else P.ATX_HEADER_START_KD,
             KramdownBlockParser.k_atx_header),
            ("horizontal_rule", P.HR_START, KramdownBlockParser.k_horizontal_rule),
            ("list", P.LIST_START, KramdownBlockParser.k_list),
            ("definition_list", P.DEFINITION_LIST_START, KramdownBlockParser.k_definition_list),
            ("block_html", P.HTML_BLOCK_START, KramdownBlockParser.k_block_html),
            ("setext_header", P.SETEXT_HEADER_START, KramdownBlockParser.k_setext_header),
            ("block_math", P.BLOCK_MATH_START, KramdownBlockParser.k_block_math),
            ("table", P.TABLE_START, KramdownBlockParser.k_table),
            ("footnote_definition", P.FOOTNOTE_DEFINITION_START,
             KramdownBlockParser.k_footnote_definition),
            ("link_definition", P.LINK_DEFINITION_START, KramdownBlockParser.k_link_definition),
            ("abbrev_definition", P.ABBREV_DEFINITION_START,
             KramdownBlockParser.k_abbrev_definition),
            ("block_extensions", P.BLOCK_EXTENSIONS_START, KramdownBlockParser.k_block_extensions),
            ("eob_marker", P.EOB_MARKER, KramdownBlockParser.k_eob_marker),
            # PARAGRAPH_START is ``_PARAGRAPH_LEAD`` and a later newline (k_paragraph
            # checks that with str.find instead of matching the line).
            ("paragraph", _PARAGRAPH_LEAD, KramdownBlockParser.k_paragraph),
        ]
        bound: dict[str, Any] = {}
        for name, regex, func in table:
            self.register(name, regex.pattern, func)
            self.compiled[name] = regex
            bound[name] = func.__get__(self)
        self._order = [(name, self.compiled[name], bound[name]) for name in self.rules]
        self._by_char, self._default = self._dispatch_table()
        self._para_first = [self._order[i][0] for i, _, _ in self._default] == [
            "setext_header", "table", "paragraph"]

    def _dispatch_table(self) -> tuple[dict[str, list[_Rule]], list[_Rule]]:
        """The rules (with their index in ``_order``) worth trying, by first character.

        The character is the one after up to three spaces; ``_default`` serves
        characters no rule names explicitly.
        """
        rules = [(name, (i, regex, method)) for i, (name, regex, method) in enumerate(self._order)]

        def wanted(name: str, char: str | None) -> bool:
            if name not in _BLOCK_FIRST:
                return True
            first = _BLOCK_FIRST[name]
            if first is None:
                return char is None or char not in " \t"
            return char is not None and char in first

        chars = set("".join(c for c in _BLOCK_FIRST.values() if c is not None))
        by_char = {c: [r for name, r in rules if wanted(name, c)] for c in chars}
        default = [r for name, r in rules if wanted(name, None)]
        return by_char, default

    # -- driver ---------------------------------------------------------------

    def parse_blocks(self, state: KBlockState, el: El, text: str | None = None) -> bool:
        """Parse ``text`` (or the rest of the current source) into ``el``'s children."""
        if text is not None and not el.children:
            one = self._one_paragraph(state, text)
            if one is not None:  # the common list item: one line of text
                el.children = one
                return False
        saved = (state.tree, state.scanner, state.block_ial)
        state.tree = el
        state.block_ial = None
        if text is not None:
            state.scanner = Scanner(text)
        state.depth_level += 1
        found = False
        try:
            if state.depth_level > MAX_NESTING:
                self.add_text(state, state.scanner.rest())
                state.scanner.terminate()
            else:
                self._loop(state)
        except StopBlockParsing:
            found = True
        finally:
            state.depth_level -= 1
            state.tree, state.scanner, state.block_ial = saved
        return found

    def _loop(self, state: KBlockState) -> None:
        """At each position try the rules in order; the first that applies wins.

        Only rules whose start pattern can match the character at hand (after
        up to three spaces) are tried.  Without a rule the line is text.
        """
        src = state.scanner
        by_char, default = self._by_char, self._default
        para_first = self._para_first
        while src.pos < len(src.string):
            if src.pos and src.string[src.pos - 1] != "\n":
                src.rebase()
            string, pos = src.string, src.pos
            char = string[pos]
            if char == " ":
                lead = _LEAD.match(string, pos)
                char = lead.group(1) if lead is not None else ""
            candidates = by_char.get(char)
            if candidates is None:
                candidates = default
                if para_first and char:
                    # The default rules are setext header, table, paragraph: without a
                    # pipe on the line or a - or = line after it only the paragraph can
                    # start here (what the first two patterns would find out).
                    nl = string.find("\n", pos)
                    if (nl >= 0 and string.find("|", pos, nl) < 0
                            and not string.startswith(("-", "="), nl + 1)):
                        m = _PARAGRAPH_LEAD.match(string, pos)
                        if m is not None:
                            src.m = m
                            src.last_start = pos
                            if self.k_paragraph(m, state):
                                continue
            applied = False
            for index, regex, method in candidates:
                m = regex.match(string, pos)
                if m is not None:
                    src.m = m
                    src.last_start = pos
                    if method(m, state):
                        applied = True
                        break
                if src.pos != pos or src.string is not string:
                    applied = self._apply_rule_from(state, src, index + 1)
                    break
            if not applied:
                line = src.scan(_LINE)
                self.add_text(state, line or src.getch())

    def _apply_rule_from(self, state: KBlockState, src: Scanner, start: int) -> bool:
        for _name, regex, method in self._order[start:]:
            # A rule may consume text and still decline (block math's escaped
            # ``\$$``); Ruby then tries the next rules from the new position.
            if src.pos and src.string[src.pos - 1] != "\n":
                src.rebase()
            if src.check(regex) is not None and method(src.m, state):
                return True
        return False

    def parse(self, state: BlockState, rules: list[str] | None = None) -> None:
        assert isinstance(state, KBlockState)
        self.parse_blocks(state, state.tree)

    # -- helpers --------------------------------------------------------------

    @staticmethod
    def add_text(state: KBlockState, text: str, tree: El | None = None,
                 type: str = "raw_text") -> None:
        H.add_text(tree if tree is not None else state.tree, text, type)

    # -- rules ----------------------------------------------------------------

    def k_blank_line(self, m: re.Match[str], state: KBlockState) -> int | None:
        src = state.scanner
        src.pos = m.end()
        children = state.tree.children
        if children and children[-1].type == "blank":
            children[-1].value += m.group(0)
        else:
            blank = El("blank", m.group(0))
            if state.block_ial is not None:  # new_block_el, inlined
                blank.options["ial"] = state.block_ial
                state.block_ial = None
            children.append(blank)
        return 1

    def k_eob_marker(self, m: re.Match[str], state: KBlockState) -> int | None:
        state.scanner.pos = m.end()
        state.tree.children.append(S.new_block_el(state, "eob"))
        return 1

    def k_paragraph(self, m: re.Match[str], state: KBlockState) -> int | None:
        src = state.scanner
        string = src.string
        if string.find("\n", m.end()) < 0:  # the rest of P.PARAGRAPH_START: ``.*\n``
            return None
        pos = src.pos
        # The first line, then every following line up to one where a paragraph ends.
        end = _match_end(self.paragraph_lines, string, pos)
        src.pos = end
        result = string[pos:end].rstrip(RUBY_WS)
        children = state.tree.children
        last = children[-1] if children else None
        if last is not None and last.type == "p":
            last_item = last.children[-1] if last.children else None
            if last_item is not None and last_item.type == "raw_text":
                joiner = "  \n" if src.string[pos - 3 : pos] == "  \n" else "\n"
                last_item.value += joiner + result
            else:
                self.add_text(state, result, last)
        else:
            p = El("p")
            if state.block_ial is not None:
                p.options["ial"] = state.block_ial
                state.block_ial = None
            children.append(p)
            text = result.lstrip(RUBY_WS)
            if text:
                p.children.append(El("raw_text", text))
        return 1

    def _one_paragraph(self, state: KBlockState, text: str) -> list[El] | None:
        """What ``parse_blocks`` makes of ``text`` (into an empty element) when it is
        one line of paragraph text and blank lines; None when it may be anything else.

        The line's first character is one no rule but setext headers, tables and
        paragraphs can start with, and without a second line or a pipe neither of
        the first two applies: a paragraph, and then one blank element.
        """
        nl = text.find("\n")
        if (nl < 0 or text[0] in self._by_char or text[0] == " "
                or state.depth_level >= MAX_NESTING or "|" in text[:nl]):
            return None
        rest = text[nl + 1 :]
        if rest and (rest[-1] != "\n" or rest.strip(" \t\r\f\v\n")):
            return None
        p = El("p")
        para = text[: nl + 1].rstrip(RUBY_WS).lstrip(RUBY_WS)
        if para:
            p.children.append(El("raw_text", para))
        return [p, El("blank", rest)] if rest else [p]

    def _header_contents(self, m: re.Match[str]) -> tuple[str, str | None]:
        text = m.group("contents").rstrip(RUBY_WS)
        idm = P.header_id().search(text) if "{#" in text else None
        hid = None
        if idm is not None:
            hid = idm.group("id")
            text = text[: idm.start()].rstrip(RUBY_WS)
        return text, hid

    def _add_header(self, m: re.Match[str], state: KBlockState, level: int, text: str,
                    hid: str | None) -> None:
        state.scanner.pos = m.end()
        el = S.new_block_el(state, "header", level=level, raw_text=text)
        self.add_text(state, text, el)
        if hid:
            el.attr["id"] = hid
        state.tree.children.append(el)

    def k_atx_header(self, m: re.Match[str], state: KBlockState) -> int | None:
        if self.atx_quirk:
            text, hid = self._header_contents(m)
            nt = re.sub(r"[\t ]#+\Z", "", text, count=1)
            if nt != text:
                text = nt.rstrip(RUBY_WS)
        else:
            if not S.after_block_boundary(state):
                return None
            text, hid = self._header_contents(m)
            nt = re.sub(r"(?<!\\)#+\Z", "", text, count=1)
            if nt != text:
                text = nt.rstrip(RUBY_WS)
        if not text:
            return None
        self._add_header(m, state, len(m.group("level")), text, hid)
        return 1

    def k_setext_header(self, m: re.Match[str], state: KBlockState) -> int | None:
        if not S.after_block_boundary(state):
            return None
        text, hid = self._header_contents(m)
        if not text:
            return None
        self._add_header(m, state, 2 if m.group("level") == "-" else 1, text, hid)
        return 1

    def k_blockquote(self, m: re.Match[str], state: KBlockState) -> int | None:
        src = state.scanner
        string = src.string
        pos = src.pos
        src.pos = _match_end(_LAZY_LINES, string, pos)
        text = P.BLOCKQUOTE_START.sub("", string[pos:src.pos])
        el = S.new_block_el(state, "blockquote")
        state.tree.children.append(el)
        self.parse_blocks(state, el, text)
        return 1

    def k_horizontal_rule(self, m: re.Match[str], state: KBlockState) -> int | None:
        state.scanner.pos = m.end()
        state.tree.children.append(S.new_block_el(state, "hr"))
        return 1

    def k_codeblock(self, m: re.Match[str], state: KBlockState) -> int | None:
        data = state.scanner.scan(P.CODEBLOCK_MATCH) or ""
        if not data:
            return None
        data = re.sub(r"\n( {0,3}[^ \t\n\r\f\v])", r" \1", data)
        data = P.INDENT.sub("", data)
        state.tree.children.append(S.new_block_el(state, "codeblock", data))
        return 1

    def k_codeblock_fenced(self, m: re.Match[str], state: KBlockState) -> int | None:
        src = state.scanner
        rx = P.FENCED_CODEBLOCK_MATCH_GFM if self.ctx.gfm else P.FENCED_CODEBLOCK_MATCH_KD
        # Necessary condition (keeps long unclosed fences linear): a later line
        # starting with three fence characters.
        fence_char = src.string[src.pos : src.pos + 4].lstrip(" ")[:1]
        nl = src.string.find("\n", src.pos)
        closer = _FENCE_CLOSERS.get(fence_char)
        if nl < 0 or closer is None or closer.search(src.string, nl + 1) is None:
            return None
        fm = src.check(rx)
        if fm is None:
            return None
        src.pos = fm.end()
        el = S.new_block_el(state, "codeblock", fm.group(5), fenced=True)
        lang = (fm.group(3) or "").strip(RUBY_WS)
        if lang:
            el.options["lang"] = lang
            el.attr["class"] = f"language-{fm.group(4)}"
        state.tree.children.append(el)
        return 1

    def k_block_math(self, m: re.Match[str], state: KBlockState) -> int | None:
        src = state.scanner
        if not S.after_block_boundary(state):
            return None
        if m.group(1):
            if m.group(3):
                src.scan(P.rx("^" + P.OPT_SPACE + r"\\"))
            return None
        saved = src.pos
        src.pos = m.end()
        data = m.group(2).strip(RUBY_WS)
        if S.before_block_boundary(state):
            state.tree.children.append(
                S.new_block_el(state, "math", data, category="block"))
            return 1
        src.pos = saved
        return None

    # lists -----------------------------------------------------------------

    def k_list(self, m: re.Match[str], state: KBlockState) -> int | None:  # noqa: C901, PLR0915 - a hot parser loop kept inline for speed (splitting it costs time per element)
        src = state.scanner
        if m.group(1) is not None:  # m: LIST_START (bullet | ordered) at the current position
            kind, start_re = "ul", P.LIST_START_UL
        else:
            kind, start_re = "ol", P.LIST_START_OL
        lst = S.new_block_el(state, kind)
        items: list[tuple[El, list[list[str]]]] = []
        values: list[list[str]] = []  # the item's texts, each in pieces
        content_re = lazy_re = indent_re = None
        indentation = 0
        eob_found = False
        nested_found = False
        last_is_blank = False
        while src.pos < len(src.string):
            if last_is_blank and src.check(P.HR_START) is not None:
                break
            if src.string.startswith("^", src.pos) and src.scan(P.EOB_MARKER) is not None:
                eob_found = True
                break
            im = start_re.match(src.string, src.pos)
            if im is not None:
                src.m = im
                src.last_start = src.pos
                src.pos = im.end()
                marker = im.group(1) or ""
                if not items:
                    lst.options["first_list_marker"] = marker.strip(RUBY_WS)
                item = El("li")
                value, indentation = parse_first_list_line(len(marker), im.group(2) or "")
                content_re, lazy_re, indent_re = _first_line_patterns(indentation)
                ialm = P.LIST_ITEM_IAL.search(value) if "{:" in value else None
                if ialm is not None:
                    self.ctx.parse_attribute_list(ialm.group(1), ial_of(item))
                    value = value[: ialm.start()] + value[ialm.end() :]
                start_re = _fetch_pattern(kind, indentation)
                nested_found = P.LIST_START.match(value) is not None
                last_is_blank = False
                values = [[value]]
                items.append((item, values))
                continue
            result = None
            if content_re is not None:
                result = src.scan(content_re)
                if result is None and not last_is_blank and lazy_re is not None:
                    result = src.scan(lazy_re)
            if result is not None and indent_re is not None:
                result = _expand_leading_tabs(result)
                # indent_re.sub("", result, count=1) on this one line
                indentation_found = indentation > 0 and result.startswith(" " * indentation)
                if indentation_found:
                    result = result[indentation:]
                if not nested_found and indentation_found and P.LIST_START.match(result):
                    values.append([])
                    nested_found = True
                elif nested_found and not indentation_found and P.LIST_START.match(result):
                    result = " " * (indentation + 4) + result
                values[-1].append(result)
                last_is_blank = False
                continue
            blank = src.scan(P.BLANK_LINE)
            if blank is not None and items:
                nested_found = True
                last_is_blank = True
                values[-1].append(blank)
                continue
            if blank is not None:
                src.pos -= len(blank)
            break
        if not items:
            return None
        state.tree.children.append(lst)
        last: El | None = None
        for item, vals in items:
            temp = El("temp")
            for pieces in vals:
                self.parse_blocks(state, temp, "".join(pieces))
            lst.children.append(item)
            item.children = temp.children
        n_items = len(lst.children)
        for idx, item in enumerate(lst.children):
            ch = item.children
            if not ch:
                continue
            if (ch[0].type == "p" and len(ch) >= 2 and ch[1].type == "eob"
                    and ch[0].options.get("ial")):
                del ch[1]
            is_last = idx == n_items - 1
            if ch[0].type == "p" and (
                len(ch) < 2 or ch[1].type != "blank"
                or (is_last and len(ch) == 2 and not eob_found)
            ) and (
                not is_last or n_items == 1
                or any(not c.children or c.children[0].type != "p"
                       or c.children[0].options.get("transparent")
                       for c in lst.children[:-1])
            ):
                if len(ch) > 1 and ch[1].type != "blank" and ch[0].children:
                    ch[0].children[0].value += "\n"
                ch[0].options["transparent"] = True
            last = ch.pop() if ch[-1].type == "blank" else None
        if last is not None and not eob_found:
            state.tree.children.append(last)
        if self.ctx.gfm:
            self._gfm_task_list(lst)
        return 1

    def _gfm_task_list(self, lst: El) -> None:
        is_task = False
        for li in lst.children:
            if not li.children or li.children[0].type != "p" or not li.children[0].children:
                continue
            first = li.children[0].children[0]
            val = first.value
            if not val.lstrip(" \t\n\r\f\v").startswith("["):
                # Neither task pattern can match; only the class bookkeeping below.
                if is_task:
                    li.attr["class"] = "task-list-item"
                continue
            new = _TASK_UNCHECKED.sub(
                '<input type="checkbox" class="task-list-item-checkbox" disabled="disabled" />',
                val, count=1)
            hit = new != val
            new2 = _TASK_CHECKED.sub(
                '<input type="checkbox" class="task-list-item-checkbox" disabled="disabled" '
                'checked="checked" />', new, count=1)
            hit = hit or new2 != new
            first.value = new2
            is_task = is_task or hit
            if is_task:
                li.attr["class"] = "task-list-item"
        if is_task:
            lst.attr["class"] = "task-list"

    def k_definition_list(self, m: re.Match[str], state: KBlockState) -> int | None:  # noqa: C901, PLR0915 - a hot parser loop kept inline for speed (splitting it costs time per element)
        src = state.scanner
        children = state.tree.children
        if (not children or (len(children) == 1 and children[-1].type != "p")
                or (len(children) >= 2 and children[-1].type != "p"
                    and (children[-1].type != "blank" or children[-1].value != "\n"
                         or children[-2].type != "p"))):
            return None
        first_as_para = False
        deflist = S.new_block_el(state, "dl")
        para = children.pop()
        if para.type == "blank":
            para = children.pop()
            first_as_para = True
        text = para.children[0].value if para.children else ""
        for term in text.split("\n"):
            dt = El("dt")
            ialm = P.LIST_ITEM_IAL.search(term)
            if ialm is not None:
                self.ctx.parse_attribute_list(ialm.group(1), ial_of(dt))
                term = term[: ialm.start()] + term[ialm.end() :]
            dt.options["raw_text"] = term
            dt.children.append(El("raw_text", term))
            deflist.children.append(dt)
        deflist.options["ial"] = para.options.get("ial")
        items: list[tuple[El, list[str]]] = []
        values: list[str] = []
        content_re = lazy_re = indent_re = None
        def_start = P.DEFINITION_LIST_START
        last_is_blank = False
        while not src.eos():
            if src.scan(def_start) is not None:
                item = El("dd", first_as_para=first_as_para)
                value, indentation = parse_first_list_line(len(src.group(1) or ""),
                                                           src.group(2) or "")
                content_re, lazy_re, indent_re = _first_line_patterns(indentation)
                ialm = P.LIST_ITEM_IAL.search(value)
                if ialm is not None:
                    self.ctx.parse_attribute_list(ialm.group(1), ial_of(item))
                    value = value[: ialm.start()] + value[ialm.end() :]
                values = [value]
                items.append((item, values))
                deflist.children.append(item)
                def_start = _fetch_pattern("dl", indentation)
                first_as_para = False
                last_is_blank = False
                continue
            if src.check(P.EOB_MARKER) is not None:
                break
            result = None
            if content_re is not None:
                result = src.scan(content_re)
                if result is None and not last_is_blank and lazy_re is not None:
                    result = src.scan(lazy_re)
            if result is not None and indent_re is not None:
                result = _expand_leading_tabs(result)
                result = indent_re.sub("", result, count=1)
                values.append(result)
                first_as_para = False
                last_is_blank = False
                continue
            blank = src.scan(P.BLANK_LINE)
            if blank is not None and items:
                first_as_para = True
                values.append(blank)
                last_is_blank = True
                continue
            if blank is not None:
                src.pos -= len(blank)
            break
        last: El | None = None
        for item, vals in items:
            self.parse_blocks(state, item, "".join(vals))
            ch = item.children
            if not ch:
                continue
            last = ch.pop() if ch[-1].type == "blank" else None
            fap = item.options.pop("first_as_para", False)
            if ch and ch[0].type == "p" and not fap:
                if len(ch) > 1 and ch[0].children:
                    ch[0].children[0].value += "\n"
                ch[0].options["transparent"] = True
        children = state.tree.children
        if children and children[-1].type == "dl":
            children[-1].children.extend(deflist.children)
        elif len(children) >= 2 and children[-1].type == "blank" and children[-2].type == "dl":
            children.pop()
            children[-1].children.extend(deflist.children)
        else:
            children.append(deflist)
        if last is not None:
            children.append(last)
        return 1

    # tables ------------------------------------------------------------------

    def k_table(self, m: re.Match[str], state: KBlockState) -> int | None:
        if not S.after_block_boundary(state):
            return None
        return 1 if parse_table(self.span, state) else None

    # definitions -------------------------------------------------------------

    def k_footnote_definition(self, m: re.Match[str], state: KBlockState) -> int | None:
        src = state.scanner
        src.pos = m.end()
        el = El("footnote_def")
        self.parse_blocks(state, el, P.INDENT.sub("", m.group(2)))
        name = m.group(1)
        eob = S.new_block_el(state, "eob", "footnote_def")
        state.tree.children.append(eob)
        self.ctx.footnotes[name] = {"content": el, "eob": eob}
        return 1

    def k_link_definition(self, m: re.Match[str], state: KBlockState) -> int | None:
        if m.group(3) and re.search(r"""[ \t]+["']""", m.group(3)):
            return None
        state.scanner.pos = m.end()
        link_id = self.ctx.normalize_link_id(m.group(1))
        url = m.group(2) if m.group(2) is not None else m.group(3)
        eob = S.new_block_el(state, "eob", "link_def")
        state.tree.children.append(eob)
        self.ctx.link_defs[link_id] = (url, m.group(5), eob)
        return 1

    def k_abbrev_definition(self, m: re.Match[str], state: KBlockState) -> int | None:
        state.scanner.pos = m.end()
        abbr_id = m.group(1)
        eob = S.new_block_el(state, "eob", "abbrev_def")
        state.tree.children.append(eob)
        self.ctx.abbrev_defs[abbr_id] = m.group(2).strip(RUBY_WS)
        self.ctx.abbrev_eobs[abbr_id] = eob
        return 1

    def k_block_extensions(self, m: re.Match[str], state: KBlockState) -> int | None:
        src = state.scanner
        if src.scan(P.ALD_START) is not None:
            name = src.group(1) or ""
            self.ctx.parse_attribute_list(src.group(2) or "", self.ctx.alds.setdefault(name, {}))
            state.tree.children.append(S.new_block_el(state, "eob", "ald"))
            return 1
        if src.check(P.EXT_BLOCK_START) is not None:
            return 1 if self._extension_start(state) else None
        if src.scan(P.IAL_BLOCK_START) is not None:
            children = state.tree.children
            last = children[-1] if children else None
            text = src.group(1) or ""
            if last is not None and last.type != "blank" and (
                last.type != "eob" or last.value in ("link_def", "abbrev_def", "footnote_def")
            ):
                self.ctx.parse_attribute_list(text, ial_of(last))
                if src.check(P.IAL_BLOCK_START) is None:
                    children.append(S.new_block_el(state, "eob", "ial"))
            else:
                if state.block_ial is None:
                    state.block_ial = {}
                self.ctx.parse_attribute_list(text, state.block_ial)
            return 1
        return None

    def _extension_start(self, state: KBlockState) -> bool:
        src = state.scanner
        m = src.m
        assert m is not None
        saved = src.pos
        src.pos = m.end()
        if m.group(4) or m.group(0).strip(RUBY_WS) == "{:/}":
            src.pos = saved
            return False
        ext = m.group(1)
        opts: dict[str, Any] = {}
        self.ctx.parse_attribute_list(m.group(2) or "", opts)
        body: str | None = None
        if not m.group(3):
            stop = P.rx("^" + P.OPT_SPACE + (P.EXT_STOP_FMT % re.escape(ext)) + " *?\\n")
            found = src.scan_until(stop) if src.has_after("{:/", src.pos) else None
            if found is None:
                src.pos = saved
                return False
            body = found[: len(found) - len(src.matched())]
            if body.endswith("\n"):
                body = body[:-1]
        if not self.ctx.handle_extension(ext, opts, body, "block", state.tree):
            src.pos = saved
            return False
        if ext == "options":
            state.tree.children.append(S.new_block_el(state, "eob", "extension"))
        return True

    # HTML ----------------------------------------------------------------------

    def k_block_html(self, m: re.Match[str], state: KBlockState) -> int | None:
        src = state.scanner
        comment = (src.scan(P.HTML_COMMENT_RE) if src.string.startswith("<!--", src.pos)
                   and src.has_after("-->", src.pos) else None)
        if comment is not None:
            state.tree.children.append(El("xml_comment", comment, category="block"))
            src.scan(P.TRAILING_WHITESPACE)
            return 1
        tm = src.check(P.BLOCK_HTML_TAG)
        if tm is not None and tm.group(1).lower() not in H.SPAN_ELEMENTS:
            src.pos = tm.end()
            H.handle_start_tag(src, state.tree, lambda el, c, b: self._html_tag(state, el, c, b))
            if self.ctx.options.get("html_to_native") and state.tree.children:
                native.convert(state.tree, state.tree.children[-1])
            return 1
        cm = src.check(P.BLOCK_HTML_TAG_CLOSE)
        if cm is not None and cm.group(1).lower() not in H.SPAN_ELEMENTS:
            name = cm.group(1).lower()
            if state.tree.type == "html_element" and state.tree.value == name:
                src.pos = cm.end()
                raise StopBlockParsing
        return None

    def _html_tag(self, state: KBlockState, el: El, closed: bool, handle_body: bool) -> None:
        src = state.scanner
        if state.block_ial is not None:
            el.options["ial"] = state.block_ial
            state.block_ial = None
        tree = state.tree
        if tree.type != "html_element" or tree.options.get("content_model") != "raw":
            model = H.content_model(el.value) if self.ctx.options.get("parse_block_html") else "raw"
        else:
            model = "raw"
        mval = H.MARKDOWN_ATTR_MAP.get(el.attr.pop("markdown", ""))
        if "markdown" in el.attr:
            del el.attr["markdown"]
        if mval is not None:
            model = H.content_model(el.value) if mval == "default" else mval
        if model == "block":
            src.scan(P.TRAILING_WHITESPACE)
        el.options["content_model"] = model
        el.options["is_closed"] = closed
        if not closed and handle_body:
            if model == "block":
                self.parse_blocks(state, el)
            elif model == "span":
                cur = src.pos
                stop = re.compile(r"(?=</" + re.escape(el.value) + r"[ \t\n\r\f\v]*>)", re.I | re.S)
                if src.scan_until(stop) is not None:
                    self.add_text(state, src.string[cur : src.pos], el)
                    src.scan(P.HTML_TAG_CLOSE_RE)
                else:
                    self.add_text(state, src.rest(), el)
                    src.terminate()
            else:
                self._parse_raw_html(state, el)
            if not (state.tree.type == "html_element"
                    and state.tree.options.get("content_model") == "raw"):
                src.scan(P.TRAILING_WHITESPACE)

    def _parse_raw_html(self, state: KBlockState, el: El) -> None:
        src = state.scanner
        saved_tree = state.tree
        if not (saved_tree.type == "html_element"
                and saved_tree.options.get("content_model") == "raw"):
            # The outermost raw element (nested ones never take this path, so a body
            # is scanned here at most once): when its body would be parsed into
            # elements that print back as the same text, keep the text as one raw
            # node (the common highlighted <figure>/<pre>, or HTML from includes).
            options = self.ctx.options
            if not (options.get("html_to_native") or options.get("remove_line_breaks_for_cjk")
                    or state.depth_level >= MAX_NESTING - 2):
                end = H.verbatim_raw_end(src.string, src.pos, str(el.value),
                                         MAX_NESTING - state.depth_level - 1)
                if end is not None:
                    if end[0] > src.pos:
                        el.children.append(El("raw", src.string[src.pos : end[0]]))
                    src.pos = end[1]
                    return
        state.tree = el
        state.depth_level += 1
        try:
            if state.depth_level > MAX_NESTING:
                H.add_text(el, src.rest(), "text")
                src.terminate()
                return
            while not src.eos():
                result = src.scan_until(P.HTML_RAW_START)
                if result is None:
                    H.add_text(el, src.rest(), "text")
                    src.terminate()
                    return
                H.add_text(el, result, "text")
                if src.string.startswith("<!--", src.pos):
                    comment = (src.scan(P.HTML_COMMENT_RE)
                               if src.has_after("-->", src.pos) else None)
                    if comment is not None:
                        el.children.append(El("xml_comment", comment, category="block"))
                        continue
                if src.string.startswith("<?", src.pos):
                    pi = src.scan(P.HTML_INSTRUCTION_RE)
                    if pi is not None:
                        el.children.append(El("xml_pi", pi, category="block"))
                        continue
                if src.scan(P.HTML_TAG_RE) is not None:
                    H.handle_start_tag(src, el, lambda e, c, b: self._html_tag(state, e, c, b))
                    continue
                if src.scan(P.HTML_TAG_CLOSE_RE) is not None:
                    name = src.group(1) or ""
                    if el.value == (name.lower() if H.is_known(str(el.value)) else name):
                        return
                    H.add_text(el, src.matched(), "text")
                    continue
                H.add_text(el, src.getch(), "text")
        finally:
            state.depth_level -= 1
            state.tree = saved_tree
