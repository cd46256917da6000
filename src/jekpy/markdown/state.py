"""Per-document parser state, shared by the block and span parsers.

``Document`` holds what one document's rules read and write (options,
attribute list definitions, link and footnote definitions, abbreviations, the
span work budget); ``KBlockState`` is the block parser's cursor.  The driver
that runs the parsers over a document is ``parser.DocumentParser``.
"""

from __future__ import annotations

import re
from typing import Any

from mistune.core import BlockState

from . import patterns as P
from .options import KRAMDOWN_DEFAULTS, normalise
from .tree import RUBY_WS, El, Scanner

_FORBIDDEN_INLINE = {"template", "forbidden_inline_options"}
_LINK_ID_WS = re.compile(r"[ \t\n\r\f\v]+")


class Document:
    """One document's parser state (kramdown's parser instance variables)."""

    def __init__(self, options: dict[str, Any]) -> None:
        self.options = dict(options)
        self.gfm = str(self.options.get("input") or "kramdown").lower() == "gfm"
        if self.gfm:
            self.options["auto_id_stripping"] = True
        self.alds: dict[str, dict[str, Any]] = {}
        self.link_defs: dict[str, tuple[str, str | None, El | None]] = {}
        for k, v in dict(self.options.get("link_defs") or {}).items():
            if isinstance(v, (list, tuple)) and v:
                self.link_defs[self.normalize_link_id(str(k))] = (
                    str(v[0]), str(v[1]) if len(v) > 1 and v[1] is not None else None, None)
        self.footnotes: dict[str, dict[str, Any]] = {}
        self.abbrev_defs: dict[str, str] = {}
        self.abbrev_eobs: dict[str, El] = {}
        self.abbrev_attr: dict[str, dict[str, str]] = {}
        self.id_counter: dict[str, int] = {}
        self.inline_options: dict[str, Any] = {}
        self.span_names: list[str] | None = None
        # Span-parsing work budget: beyond ``span_budget`` loop steps links need a
        # plainly matching bracket; beyond ``span_hard_limit`` the rest is text.
        self.span_work = 0
        self.span_budget = 400_000
        self.span_hard_limit = 4_000_000

    # -- attribute lists ---------------------------------------------------------

    @staticmethod
    def normalize_link_id(link_id: str) -> str:
        return _LINK_ID_WS.sub(" ", link_id).lower()

    def parse_attribute_list(self, text: str, opts: dict[str, Any]) -> None:
        if not text.strip(RUBY_WS) or text.strip(RUBY_WS) == ":":
            return
        for m in P.ALD_TYPE_ANY.finditer(text):
            key, sep, val, ref, idcls = m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)
            if ref:
                opts.setdefault("refs", []).append(ref)
            elif idcls:
                for im in P.ALD_TYPE_ID_OR_CLASS.finditer(idcls):
                    if im.group(2):
                        opts["class"] = f"{opts.get('class', '')} {im.group(2)}".lstrip(RUBY_WS)
                    else:
                        opts["id"] = im.group(1)
            elif key:
                val = val or ""
                if "\\" in val:
                    val = re.sub(r"\\(\}|" + re.escape(sep) + ")", r"\1", val)
                opts[key] = val

    def update_attr_with_ial(self, attr: dict[str, str], ial: dict[str, Any],
                             depth: int = 0) -> None:
        if depth < 20:
            for ref in ial.get("refs") or []:
                ald = self.alds.get(ref)
                if ald is not None:
                    self.update_attr_with_ial(attr, ald, depth + 1)
        for k, v in ial.items():
            if k == "refs":
                continue
            if k == "class":
                attr[k] = f"{attr.get(k, '')} {v}".lstrip(RUBY_WS)
            else:
                attr[k] = v

    @staticmethod
    def update_ial_with_ial(ial: dict[str, Any], opts: dict[str, Any]) -> None:
        if "refs" in opts:
            ial.setdefault("refs", []).extend(opts["refs"])
        for k, v in opts.items():
            if k == "refs":
                continue
            if k == "class":
                ial[k] = f"{ial.get(k, '')} {v}".lstrip(RUBY_WS)
            else:
                ial[k] = v

    def handle_extension(self, name: str, opts: dict[str, Any], body: str | None, kind: str,
                         tree: El) -> bool:
        if name == "comment":
            if body is not None:
                tree.children.append(El("comment", body, category=kind))
            return True
        if name == "nomarkdown":
            if body is not None:
                types = str(opts.get("type", "")).split()
                tree.children.append(El("raw", body, category=kind, type=types))
            return True
        if name == "options":
            for k, v in opts.items():
                if k == "refs" or k not in KRAMDOWN_DEFAULTS or k in _FORBIDDEN_INLINE:
                    continue
                try:
                    val = normalise({k: v})[k]
                except Exception:  # noqa: BLE001 - kramdown ignores unparsable values
                    continue
                self.options[k] = val
                self.inline_options[k] = val
            return True
        return False


class KBlockState(BlockState):
    """Block parsing state: the element being filled and the source cursor."""

    def __init__(self, tree: El, src: Scanner) -> None:
        super().__init__()
        self.tree = tree
        self.scanner = src
        self.block_ial: dict[str, Any] | None = None
        self.depth_level = 0


def new_block_el(state: KBlockState, type: str, value: Any = None,
                 attr: dict[str, str] | None = None, **opts: Any) -> El:
    """A new block element; it takes the pending block IAL, if any."""
    el = El(type, value, attr, **opts)
    if state.block_ial is not None:
        el.options["ial"] = state.block_ial
        state.block_ial = None
    return el


def after_block_boundary(state: KBlockState) -> bool:
    children = state.tree.children
    if not children:
        return True
    last = children[-1]
    return (last.type == "blank" or (last.type == "eob" and last.value is None)
            or state.block_ial is not None)


def before_block_boundary(state: KBlockState) -> bool:
    return state.scanner.check_at_bol(P.BLOCK_BOUNDARY)
