"""kramdown's table syntax (any line with a pipe can start a table)."""

from __future__ import annotations

import re

from . import patterns as P
from .span import KramdownInlineParser
from .state import KBlockState, before_block_boundary, new_block_el
from .tree import RUBY_WS, El, Scanner

_CODE_SPLIT = re.compile(r"(<code.*?>.*?</code>)")
_PIPE_SPLIT = re.compile(r"(?<!\\)\|")


def _split_row(span: KramdownInlineParser, line: str) -> list[str]:
    cells: list[str] = []
    for i, part in enumerate(_CODE_SPLIT.split(line)):
        if i % 2 == 1:
            if cells:
                cells[-1] += part
            else:
                cells.append(part)
            continue
        for c in span.parse_restricted(part, ["codespan"]):
            if c.type == "raw_text":
                pieces = [t.replace("\\|", "|") for t in _PIPE_SPLIT.split(c.value)]
                if cells:
                    cells[-1] += pieces[0]
                else:
                    cells.append(pieces[0])
                cells.extend(pieces[1:])
            else:
                ticks = re.findall(r"`+", c.value)
                delim = (max(ticks, key=len) if ticks else "") + "`"
                pad = " " if len(delim) > 1 else ""
                tmp = f"{delim}{pad}{c.value}{pad}{delim}"
                if cells:
                    cells[-1] += tmp
                else:
                    cells.append(tmp)
    return cells


def parse_table(span: KramdownInlineParser, state: KBlockState) -> bool:  # noqa: C901, PLR0915 - a hot parser loop kept inline for speed (splitting it costs time per element)
    src: Scanner = state.scanner
    saved = src.pos
    orig = src.pos
    table = new_block_el(state, "table", alignment=[])
    first = src.check(P.TABLE_LINE)
    leading_pipe = bool(first and re.match(r"^[ \t\n\r\f\v]*\|", first.group(0)))
    src.scan(P.TABLE_SEP_LINE)
    rows: list[El] = []
    has_footer = False
    columns = 0

    def add_container(kind: str, force: bool) -> None:
        nonlocal rows
        if not has_footer or kind != "tbody" or force:
            cont = El(kind)
            cont.children = rows
            rows = []
            table.children.append(cont)

    while not src.eos():
        if src.check(P.TABLE_LINE) is None:
            break
        if src.scan(P.TABLE_SEP_LINE) is not None:
            if not rows:
                pass
            elif not table.options["alignment"] and not has_footer:
                add_container("thead", False)
                align = []
                for left, right in P.TABLE_HSEP_ALIGN.findall(src.group(1) or ""):
                    if not left and not right:
                        align.append("default")
                    elif not right:
                        align.append("left")
                    elif not left:
                        align.append("right")
                    else:
                        align.append("center")
                table.options["alignment"] = align
            else:
                add_container("tbody", False)
        elif src.scan(P.TABLE_FSEP_LINE) is not None:
            if rows:
                add_container("tbody", True)
            has_footer = True
        elif src.scan(P.TABLE_ROW_LINE) is not None:
            tr = El("tr")
            cells = _split_row(span, src.group(1) or "")
            if leading_pipe and cells and not cells[0].strip(RUBY_WS):
                cells.pop(0)
            if cells and not cells[-1].strip(RUBY_WS):
                cells.pop()
            for text in cells:
                td = El("td")
                td.children.append(El("raw_text", text.strip(RUBY_WS)))
                tr.children.append(td)
            columns = max(columns, len(cells))
            rows.append(tr)
        else:
            break

    if not before_block_boundary(state):
        src.pos = saved
        return False

    pipe_on_line = False
    segment = src.string[orig : src.pos - 1]
    for c in span.parse_restricted(segment, ["codespan", "span_html"]):
        if not isinstance(c.value, str) or not c.value:
            continue
        lines = c.value.split("\n")
        while lines and lines[-1] == "":
            lines.pop()
        if c.type == "codespan":
            if len(lines) > 2 or (len(lines) == 2 and not pipe_on_line):
                break
            if len(lines) == 2 and pipe_on_line:
                pipe_on_line = False
        else:
            if not lines:
                continue
            if len(lines) > 1 and not pipe_on_line and not P.TABLE_PIPE_CHECK.match(lines[0]):
                break
            pipe_on_line = (False if len(lines) > 1 else pipe_on_line) or bool(
                P.TABLE_PIPE_CHECK.match(lines[-1]))
    if not pipe_on_line:
        src.pos = saved
        return False

    if rows:
        add_container("tfoot" if has_footer else "tbody", False)
    if not any(ch.type == "tbody" for ch in table.children):
        src.pos = saved
        return False
    for kind in table.children:
        for row in kind.children:
            for _ in range(columns - len(row.children)):
                row.children.append(El("td"))
            for col, cell in enumerate(row.children):
                cell.options["col"] = col
    align = table.options["alignment"]
    if len(align) > columns:
        table.options["alignment"] = align[:columns]
    else:
        table.options["alignment"] = align + ["default"] * (columns - len(align))
    state.tree.children.append(table)
    return True
