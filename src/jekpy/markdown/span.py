"""kramdown's span-level grammar as a mistune ``InlineParser`` subclass.

The span rules (kramdown's, plus kramdown-parser-gfm's strikethrough and
escapes) are registered with mistune's ``register``; parsing follows kramdown:
text is consumed up to the next position where a stop pattern or any rule's
start pattern matches, then the rules are tried in order there.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, ClassVar

from mistune.core import InlineState
from mistune.inline_parser import InlineParser

from . import html as H
from . import native
from . import patterns as P
from .state import Document
from .tree import RUBY_WS, El, Scanner
from .typography import entity_by_code, entity_by_name

MAX_SPAN_DEPTH = 60
_WS = " \t\n\r\f\v"
_add_text = H.add_text

_SQ_PUNCT = r"""[!"#\$\%'()*+,\-./:;<=>?\@\[\\\]\^_`{|}~]"""
_SQ_CLOSE = r"[^ \\\t\r\n\[{(-]"
_SQ_RULES: list[tuple[re.Pattern[str], list[Any]]] = [
    (P.rx(r"""("|')(?=[_*]{1,2}\S)"""), ["lquote1"]),
    # Ruby's \b/\B are Unicode-aware even though its \w is ASCII-only.
    (re.compile(r"""("|')(?=""" + _SQ_PUNCT + r"""(?!\.\.)\B)""", re.M), ["rquote1"]),
    (P.rx(r"""(\s?)"'(?=\w)"""), [1, "ldquo", "lsquo"]),
    (P.rx(r"""(\s?)'"(?=\w)"""), [1, "lsquo", "ldquo"]),
    (P.rx(r"""(\s?)'(?=\d\ds)"""), [1, "rsquo"]),
    (P.rx(r"""(\s)('|")(?=\w)"""), [1, "lquote2"]),
    (re.compile("(" + _SQ_CLOSE + r""")('|")"""), [1, "rquote2"]),
    (re.compile(r"""("|')(?=[ \t\n\r\f\v]|s\b|$)""", re.M), ["rquote1"]),
    (P.rx(r"(.?)'", P.A | re.S), [1, "lsquo"]),
    (P.rx(r'(.?)"', P.A | re.S), [1, "ldquo"]),
]
_SQ_SUBSTS = {
    ("rquote1", '"'): "rdquo", ("rquote1", "'"): "rsquo",
    ("rquote2", '"'): "rdquo", ("rquote2", "'"): "rsquo",
    ("lquote1", '"'): "ldquo", ("lquote1", "'"): "lsquo",
    ("lquote2", '"'): "ldquo", ("lquote2", "'"): "lsquo",
}


def _combine_smart_quote_rules() -> tuple[re.Pattern[str], dict[str, list[tuple[int, str | None]]]]:
    """One pattern trying the smart quote rules in order (an ordered alternation).

    Each rule is a named group ``q<i>`` with its own flags; ``lastgroup`` names
    the rule that matched.  The actions map to absolute group numbers:
    ``(n, None)`` adds group n as text, ``(n, name)`` a quote named after
    ``name`` and group n (0: ``name`` itself).
    """
    alts = []
    for i, (regex, _substs) in enumerate(_SQ_RULES):
        flags = ("a" if regex.flags & re.ASCII else "") + ("s" if regex.flags & re.S else "")
        body = f"(?{flags}:{regex.pattern})" if flags else f"(?:{regex.pattern})"
        alts.append(f"(?P<q{i}>{body})")
    combined = re.compile("|".join(alts), re.M)
    actions: dict[str, list[tuple[int, str | None]]] = {}
    for i, (_regex, substs) in enumerate(_SQ_RULES):
        base = combined.groupindex[f"q{i}"]
        acts: list[tuple[int, str | None]] = []
        for sub in substs:
            if isinstance(sub, int):
                acts.append((base + sub, None))
            elif sub[-1].isdigit():
                acts.append((base + int(sub[-1]), sub))
            else:
                acts.append((0, sub))
        actions[f"q{i}"] = acts
    return combined, actions


_SQ_ALL, _SQ_ACTIONS = _combine_smart_quote_rules()
# The smart quote rule's start pattern ``[^\\]?["']`` as a lookahead before its
# rules: one match that finds the rule that applies (the rules match wherever the
# start pattern does; only ``(.?)'`` and ``(.?)"`` would also take a backslash).
_SQ_START = re.compile(r"""(?=[^\\]?["'])(?:""" + _SQ_ALL.pattern + ")", _SQ_ALL.flags)
_TYPO = dict(P.TYPOGRAPHIC_SYMS)
# Text that must occur after the position for a rule's start pattern to match
# (cheap necessary conditions that keep unclosed constructs linear).
# The characters a rule's start pattern (``compiled``) can begin with; a rule
# missing here (smart quotes) may start anywhere and is handled in ``_dispatch``.
_FIRST_CHARS: dict[str, str] = {
    "emphasis": "*_",
    "codespan": "`",
    "autolink": "<",
    "span_html": "<",
    "footnote_marker": "[",
    "link": "![",
    "inline_math": "$",
    "span_extensions": "{",
    "html_entity": "&",
    "typographic_syms": "-.\\< >",
    "line_break": " \\",
    "escaped_chars": "\\",
    "strikethrough_gfm": "~",
}
# Each rule's start pattern (``P.SPAN_START``) split into single characters and
# longer alternatives (with their first character, "" if it varies), so that the
# pattern finding the next rule start is an alternation of alternatives that all
# begin with a literal character (``re`` then skips plain text by that character
# set, in C); ``_used_re`` drops alternatives whose first character is a
# single-character alternative.  Starts that begin with a space (which would stop
# the skip at every word) are found from a later character (``_SPACE_LED``).
_FAST_START: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "emphasis": ("*_", []),
    "codespan": ("`", []),
    "autolink": ("<", []),
    "span_html": ("<", []),
    "footnote_marker": ("[", []),
    "link": ("[", [("!", r"!\[")]),
    "smart_quotes": ("\"'", [("", r"""[^\\]["']""")]),
    "inline_math": ("$", []),
    "span_extensions": ("", [("{", r"\{:")]),
    "html_entity": ("&", []),
    "typographic_syms": ("", [("-", "--"), (".", r"\.\.\."), ("\\", r"\\(?:<<|>>)"),
                              ("<", "<<"), (">", ">>")]),
    "line_break": ("", [("\n", r"\n(?<=  \n)"), ("\\", r"\\(?=\n)")]),
    "escaped_chars": ("\\", []),
    "strikethrough_gfm": ("", [("~", "~~")]),
}
_QUOTES = "\"'"
_QUOTES_SET = frozenset(_QUOTES)
# How a found position maps back to a rule start (see ``_finder``).
_SHIFT_QUOTE = 1  # smart quotes: [^\\]["'] starts one before the quote
_SHIFT_TYPO = 2  # typographic " <<" / " >>": found at the "<<" / ">>"
_SHIFT_BREAK = 4  # line break "  \n": found at the newline
_SPACE_LED = {"typographic_syms": _SHIFT_TYPO, "line_break": _SHIFT_BREAK}
_LINK_TYPES = ("img", "a")


def _join_texts(el: El, text_type: str) -> None:
    """Join runs of adjacent ``text_type`` children into one (as adding each piece to
    the previous text would have made them), in one pass."""
    out: list[El] = []
    run: list[str] = []
    for c in el.children:
        if c.type == text_type and out and out[-1].type == text_type:
            if not run:
                run.append(out[-1].value)
            run.append(c.value)
            continue
        if run:
            out[-1].value = "".join(run)
            run = []
        out.append(c)
    if run:
        out[-1].value = "".join(run)
    el.children[:] = out


def _stack_has(st: KInlineState, types: tuple[str, ...]) -> bool:
    """Is an element of one of ``types`` open (on the span stack)?"""
    for t, _ in st.stack:  # noqa: SIM110 - faster than any() over a generator
        if t is not None and t.type in types:
            return True
    return False


_PLAIN_URL = re.compile(r"([^()<\s\x00]*)\)")
_LINK_ANGLE_URL = P.rx(r"\(<(.*?)>")
_CLOSE_PAREN = P.rx(r"\)")
#: cache: emphasis delimiter -> its compiled patterns (one per delimiter)
_DELIM_CACHE: dict[str, tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]] = {}


def _delim_patterns(delim: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """An emphasis delimiter's stop pattern, its doubled form and ``delim`` before a letter."""
    pats = _DELIM_CACHE.get(delim)
    if pats is None:
        esc = re.escape(delim)
        pats = (re.compile(esc), re.compile(re.escape(delim * 2) + "(?!" + esc + ")"),
                re.compile(esc + r"[^\W_]"))
        if len(_DELIM_CACHE) < 64:
            _DELIM_CACHE[delim] = pats
    return pats


_REQUIRES: dict[str, tuple[str, int]] = {
    "autolink": (">", 1),
    "span_html": (">", 1),
    "inline_math": ("$$", 2),
}


def _fast_start(names: tuple[str, ...]) -> tuple[list[str], int] | None:
    """The start patterns of rules ``names`` as alternatives that begin with a literal.

    Returns ``(alternatives, shifts)``.  Their leftmost match is the leftmost
    rule start, or a position that ``_finder`` maps to it (``shifts``): the
    smart quote start ``[^\\]["']`` (any character before a quote) is found at
    the quote; typographic symbols led by a space at their ``<<``/``>>``; line
    breaks led by two spaces at their newline.
    """
    if not names or any(n not in _FAST_START for n in names):
        return None
    chars = sorted(set("".join(_FAST_START[n][0] for n in names)))
    alts = [re.escape(c) for c in chars]
    shifts = 0
    for n in names:
        shifts |= _SPACE_LED.get(n, 0)
        for lead, alt in _FAST_START[n][1]:
            if not lead:
                assert n == "smart_quotes" and set(_QUOTES) <= set(chars)
                shifts |= _SHIFT_QUOTE
            elif lead not in chars:
                alts.append(alt)
    return list(dict.fromkeys(alts)), shifts


def _stop_alternatives(stop: re.Pattern[str]) -> list[str] | None:
    """A stop pattern as alternatives that begin with a literal, where known."""
    if stop is P.LINK_BRACKET_STOP_RE:
        return [r"\]", r"!\[", r"\["]
    if stop.pattern.startswith("</") or stop.pattern in ("\\*", "\\*\\*", "_", "__"):
        return [stop.pattern]  # a literal start and no top-level alternation
    return None


Finder = Callable[[str, int], int]


def _finder(used: re.Pattern[str], shifts: int) -> Finder:
    """``find(string, start)``: the leftmost position >= ``start`` where a rule (or
    the stop pattern) can start, or -1, from a search with ``used`` (see ``_fast_start``)."""
    search = used.search
    if not shifts:
        def find_plain(string: str, start: int) -> int:
            m = search(string, start)
            return -1 if m is None else m.start()
        return find_plain
    quote = bool(shifts & _SHIFT_QUOTE)
    typo = bool(shifts & _SHIFT_TYPO)

    def find(string: str, start: int) -> int:
        pos = start
        while True:
            m = search(string, pos)
            if m is None:
                return -1
            q = m.start()
            c = string[q]
            if c == "\n":  # only the line break alternative begins with a newline
                if q - 2 >= start:
                    return q - 2
                pos = q + 1  # its two spaces are before ``start``: no rule starts here
                continue
            if q > start:
                if c == '"' or c == "'":
                    if quote and string[q - 1] != "\\":
                        return q - 1
                elif (typo and (c == "<" or c == ">") and string[q - 1] == " "
                      and string.startswith(c, q + 1)):
                    return q - 1
            return q
    return find


class _Prefilter:
    """Cheap necessary conditions for span constructs, computed once per source string.

    A construct whose closing delimiter cannot occur later in the string is
    bound to fail; checking that first keeps unclosed ``[``/``*``/``_``/``~~``
    runs linear instead of rescanning the rest of the text for each opener.
    """

    __slots__ = ("text", "_last_close", "_last_bracket", "_raw_match")

    def __init__(self, text: str) -> None:
        self.text = text
        self._last_close: dict[str, int] = {}
        self._last_bracket: int | None = None  # computed on first use
        self._raw_match: dict[int, int] | None = None

    def close_possible(self, delim: str, pos: int) -> bool:
        """Is there a ``delim`` at or after ``pos`` preceded by a non-space character?"""
        last = self._last_close.get(delim)
        if last is None:
            last = -1
            text = self.text
            x = text.rfind(delim)
            while x > 0:
                if text[x - 1] not in _WS:
                    last = x
                    break
                x = text.rfind(delim, 0, x)
            self._last_close[delim] = last
        return last >= pos

    def bracket_possible(self, pos: int) -> bool:
        last = self._last_bracket
        if last is None:
            last = self._last_bracket = self.text.rfind("]")
        return last >= pos

    def raw_bracket_match(self, open_pos: int) -> bool:
        """Does the ``[`` at ``open_pos`` have a matching ``]`` by plain counting?"""
        if self._raw_match is None:
            match: dict[int, int] = {}
            stack: list[int] = []
            for i, ch in enumerate(self.text):
                if ch == "[":
                    stack.append(i)
                elif ch == "]" and stack:
                    match[stack.pop()] = i
            self._raw_match = match
        return open_pos in self._raw_match


class KInlineState(InlineState):
    """Span parsing state (kramdown's ``@src``, ``@tree``, ``@stack``, ``@text_type``)."""

    def __init__(self, src: Scanner, text_type: str = "text") -> None:
        # mistune's InlineState fields are unused: only ``env`` and ``src`` are kept.
        self.env: dict[str, Any] = {}
        self.src = src.string
        self.scanner = src
        self.tree: El | None = None
        self.stack: list[tuple[El | None, str]] = []
        self.text_type = text_type
        self._prefilter: _Prefilter | None = None

    @property
    def prefilter(self) -> _Prefilter:
        """The string's ``_Prefilter``, made when a rule first asks (most texts never do)."""
        pf = self._prefilter
        if pf is None:
            pf = self._prefilter = _Prefilter(self.src)
        return pf


SpanMethod = Callable[[re.Match[str], InlineState], "int | None"]
_Parser = tuple[str, re.Pattern[str], Any, "tuple[str, int] | None"]
_NO_RULES: list[_Parser] = []
_Setup = tuple["Finder", dict[str, list[_Parser]], list[_Parser]]


class KramdownInlineParser(InlineParser):
    """kramdown's span parsers."""

    SPECIFICATION: ClassVar[dict[str, str]] = {}
    DEFAULT_RULES: ClassVar[tuple[str, ...]] = ()  # type: ignore[assignment]

    def __init__(self, ctx: Document) -> None:
        super().__init__()
        self.rules = []
        self.ctx = ctx
        opts = ctx.options
        rules: list[tuple[str, re.Pattern[str], Any]] = [
            ("emphasis", P.EMPHASIS_START, KramdownInlineParser.k_emphasis),
            ("codespan", P.CODESPAN_DELIMITER, KramdownInlineParser.k_codespan),
            ("autolink", P.AUTOLINK_START, KramdownInlineParser.k_autolink),
            ("span_html", P.HTML_SPAN_START, KramdownInlineParser.k_span_html),
            ("footnote_marker", P.FOOTNOTE_MARKER_START, KramdownInlineParser.k_footnote_marker),
            ("link", P.LINK_START, KramdownInlineParser.k_link),
            ("smart_quotes", _SQ_START, KramdownInlineParser.k_smart_quotes),
            ("inline_math", P.INLINE_MATH_START, KramdownInlineParser.k_inline_math),
            ("span_extensions", P.SPAN_EXTENSIONS_START, KramdownInlineParser.k_span_extensions),
            ("html_entity", P.HTML_ENTITY_RE, KramdownInlineParser.k_html_entity),
            ("typographic_syms", P.TYPOGRAPHIC_SYMS_RE, KramdownInlineParser.k_typographic_syms),
            ("line_break", P.LINE_BREAK, KramdownInlineParser.k_line_break),
            ("escaped_chars", P.ESCAPED_CHARS_GFM if ctx.gfm else P.ESCAPED_CHARS,
             KramdownInlineParser.k_escaped_chars),
        ]
        if ctx.gfm:
            rules.append(("strikethrough_gfm", P.STRIKETHROUGH_START,
                          KramdownInlineParser.k_strikethrough))
            if opts.get("hard_wrap"):
                rules = [r for r in rules if r[0] != "line_break"]
            if "no_auto_typographic" in opts.get("gfm_quirks", []):
                rules = [r for r in rules if r[0] != "typographic_syms"]
        self.compiled: dict[str, re.Pattern[str]] = {}
        bound: dict[str, Any] = {}
        for name, regex, func in rules:
            self.register(name, P.SPAN_START[name], func)
            self.compiled[name] = regex
            bound[name] = func.__get__(self)
        # (name, start pattern, bound rule method, required later text or None)
        self._all = [(n, self.compiled[n], bound[n], _REQUIRES.get(n)) for n in self.rules]
        self._start_cache: dict[tuple[str, ...], str] = {}
        self._used_cache: dict[tuple[str | None, int, tuple[str, ...]], Finder] = {}
        self._setup_cache: dict[tuple[re.Pattern[str] | None, tuple[str, ...] | None],
                                _Setup] = {}
        # id(stop pattern) -> (the pattern, its set-up), for the default rule names
        self._setup_by_stop: dict[int, tuple[re.Pattern[str] | None, _Setup]] = {}
        self._link_find = self._setup(P.LINK_BRACKET_STOP_RE, None)[0]
        self._top_setup = self._setup(None, None)

    def _used_re(self, stop: re.Pattern[str] | None, names: tuple[str, ...]) -> Finder:
        """The function finding the next stop or rule start (see ``_finder``)."""
        key = (stop.pattern if stop is not None else None,
               stop.flags if stop is not None else 0, names)
        cached = self._used_cache.get(key)
        if cached is not None:
            return cached
        fast = _fast_start(names)
        stop_alts = _stop_alternatives(stop) if stop is not None else []
        if fast is not None and stop_alts is not None:
            alts, shifts = fast
            pattern = "|".join(dict.fromkeys(stop_alts + alts))
            used = re.compile(pattern, stop.flags if stop is not None else re.S)
        else:
            start = "|".join(self.specification[n] for n in names)
            shifts = 0
            if stop is not None:
                used = re.compile(f"(?=(?:{stop.pattern})|{start})", stop.flags)
            else:
                used = re.compile(f"(?={start})", re.S)
        find = _finder(used, shifts)
        if len(self._used_cache) < 256:
            self._used_cache[key] = find
        return find

    def _setup(self, stop_re: re.Pattern[str] | None, names: list[str] | None) -> _Setup:
        """The rule table for one ``parse_spans`` call (cached per stop pattern and names).

        Returns ``(find, by_char, quote_rules)``: ``find`` finds the next
        position where the stop pattern or a rule's start pattern matches; ``by_char[c]``
        lists (in rule order) the rules whose start pattern can begin with ``c``,
        and the smart quote rule.  For other characters only the smart quote rule
        can match, and only if the next character is a quote (``quote_rules``).
        """
        key = (stop_re, tuple(names) if names is not None else None)
        setup = self._setup_cache.get(key)
        if setup is not None:
            return setup
        if names is None:
            parsers = self._all
            rule_names = tuple(self.rules)
        else:
            parsers = [p for p in self._all if p[0] in names]
            rule_names = tuple(p[0] for p in parsers)
        find = self._used_re(stop_re, rule_names)
        chars = set("".join(_FIRST_CHARS.get(p[0], "") for p in parsers)) | set(_QUOTES)
        by_char = {c: [p for p in parsers if p[0] not in _FIRST_CHARS
                       or c in _FIRST_CHARS[p[0]]] for c in chars}
        quote_rules = [p for p in parsers if p[0] not in _FIRST_CHARS]
        setup = (find, by_char, quote_rules)
        if len(self._setup_cache) < 256:
            self._setup_cache[key] = setup
        return setup

    def _default_setup(self, stop_re: re.Pattern[str] | None) -> _Setup:
        """``_setup(stop_re, None)``, looked up by the stop pattern's identity.

        (Hashing a compiled pattern hashes its code.)
        """
        entry = self._setup_by_stop.get(id(stop_re))
        if entry is None or entry[0] is not stop_re:
            entry = (stop_re, self._setup(stop_re, None))
            if len(self._setup_by_stop) < 256:
                self._setup_by_stop[id(stop_re)] = entry
        return entry[1]

    def parse_spans(  # noqa: C901, PLR0915 - a hot parser loop kept inline for speed (splitting it costs time per element)
        self,
        st: KInlineState,
        el: El,
        stop_re: re.Pattern[str] | None = None,
        names: list[str] | None = None,
        text_type: str | None = None,
        stop_check: Callable[[], bool] | None = None,
        first: int = -1,
    ) -> bool:
        """Span-parse from the scanner's position into ``el``; was ``stop_re`` found?

        ``first``: the next start, already found from here (parse_text), or -1.
        """
        pushed = st.tree is not None
        if pushed:
            st.stack.append((st.tree, st.text_type))
        st.tree = el
        if text_type is not None:
            st.text_type = text_type
        if names is None:
            names = self.ctx.span_names
        if names is None:
            find, by_char, quote_rules = self._default_setup(stop_re)
        else:
            find, by_char, quote_rules = self._setup(stop_re, names)
        src = st.scanner
        found = False
        too_deep = len(st.stack) > MAX_SPAN_DEPTH
        ctx = self.ctx
        string = src.string
        n = len(string)
        stop_match = stop_re.match if stop_re is not None else None
        text_type = st.text_type
        # string[text_start:src.pos] is text not yet added to ``el`` (see _parse_top);
        # it is added before a rule runs and before the stop check looks at ``el``.
        text_start = src.pos
        split = False  # see _parse_top
        while src.pos < n:
            ctx.span_work += 1
            if ctx.span_work > ctx.span_hard_limit:
                # Work budget exhausted (pathological input): the rest is text.
                if stop_re is None:
                    _add_text(el, string[text_start:], text_type)
                    src.terminate()
                    text_start = n
                break
            start = src.pos
            if first >= 0:
                pos, first = first, -1
            else:
                pos = find(string, start)
            if pos < 0:
                if stop_re is None:
                    _add_text(el, string[text_start:], text_type)
                    src.terminate()
                    text_start = n
                break
            src.pos = pos
            if stop_match is not None:
                sm = stop_match(string, pos)
                if sm is not None:
                    if pos > text_start:
                        children = el.children
                        if children and children[-1].type == text_type:
                            split = True
                        children.append(El(text_type, string[text_start:pos]))
                        text_start = pos
                    src.m = sm
                    src.last_start = pos
                    found = stop_check() if stop_check is not None else True
                    if found:
                        break
            if not too_deep:
                char = string[pos]
                candidates = by_char.get(char)
                if candidates is None:
                    candidates = (quote_rules if char != "\\"
                                  and string[pos + 1:pos + 2] in _QUOTES_SET else _NO_RULES)
                for _name, regex, method, req in candidates:
                    if req is not None and not src.has_after(req[0], pos + req[1]):
                        continue
                    rm = regex.match(string, pos)
                    if rm is not None:
                        if pos > text_start:
                            children = el.children
                            if children and children[-1].type == text_type:
                                split = True
                            children.append(El(text_type, string[text_start:pos]))
                        src.m = rm
                        src.last_start = pos
                        method(rm, st)
                        text_start = src.pos
                        break
                else:
                    src.pos = pos + 1  # no rule applies: the character is text
            else:
                src.pos = pos + 1
        if src.pos > text_start:
            _add_text(el, string[text_start:src.pos], text_type)
        if split:
            _join_texts(el, text_type)
        if pushed:
            st.tree, st.text_type = st.stack.pop()
        else:
            st.tree = None
        return found

    def parse_text(self, text: str, el: El) -> None:
        """Span-parse ``text`` into ``el``'s children (as ``update_tree`` does)."""
        ctx = self.ctx
        names = ctx.span_names
        setup = self._top_setup if names is None else self._setup(None, names)
        first = setup[0](text, 0)
        if first < 0:
            # No rule can start anywhere: what parse_spans would do, without its set-up.
            if text:
                ctx.span_work += 1
                _add_text(el, text, "text")
            return
        st = KInlineState(Scanner(text))
        if names is None:
            self._parse_top(st, el, setup, first)
        else:
            self.parse_spans(st, el, None, names, first=first)

    def _parse_top(self, st: KInlineState, el: El, setup: _Setup, pos: int) -> None:
        """``parse_spans(st, el, None, None, first=pos)`` for a fresh state: no stop
        pattern, no enclosing element, all rules.  The same steps (and work units),
        with what a top-level text never needs taken out of the loop."""
        find, by_char, quote_rules = setup
        st.tree = el
        src = st.scanner
        ctx = self.ctx
        string = src.string
        n = len(string)
        text_type = st.text_type
        # string[text_start:src.pos] is text not yet added to ``el`` (added before a
        # rule runs: one piece instead of one per character where no rule applies).
        text_start = src.pos
        # Text pieces go into new elements, joined once at the end (``split``):
        # adding each to one growing text would copy it again and again.
        split = False
        while True:
            work = ctx.span_work + 1
            ctx.span_work = work
            if work > ctx.span_hard_limit:
                # Work budget exhausted (pathological input): the rest is text.
                _add_text(el, string[text_start:], text_type)
                src.pos = n
                break
            if pos < 0:
                pos = find(string, src.pos)
                if pos < 0:
                    _add_text(el, string[text_start:], text_type)
                    src.pos = n
                    break
            char = string[pos]
            src.pos = pos
            candidates = by_char.get(char)
            if candidates is None:
                candidates = (quote_rules if char != "\\"
                              and string[pos + 1:pos + 2] in _QUOTES_SET else _NO_RULES)
            for _name, regex, method, req in candidates:
                if req is not None and not src.has_after(req[0], pos + req[1]):
                    continue
                rm = regex.match(string, pos)
                if rm is not None:
                    if pos > text_start:
                        children = el.children
                        if children and children[-1].type == text_type:
                            split = True
                        children.append(El(text_type, string[text_start:pos]))
                    src.m = rm
                    src.last_start = pos
                    method(rm, st)
                    text_start = src.pos
                    break
            else:
                src.pos = pos + 1  # no rule applies: the character is text
            if src.pos >= n:
                if text_start < n:
                    _add_text(el, string[text_start:], text_type)
                break
            pos = -1
        if split:
            _join_texts(el, text_type)
        st.tree = None

    def parse_restricted(self, text: str, names: list[str]) -> list[El]:
        if self._setup(None, names)[0](text, 0) < 0:
            # No rule can start anywhere: parse_spans' result, without its set-up.
            if not text:
                return []
            self.ctx.span_work += 1
            return [El("raw_text", text)]
        st = KInlineState(Scanner(text), "raw_text")
        root = El("root")
        self.parse_spans(st, root, None, names)
        return root.children

    def parse_restricted_text(self, text: str, names: list[str]) -> list[El]:
        st = KInlineState(Scanner(text), "text")
        root = El("root")
        self.parse_spans(st, root, None, names)
        return root.children

    def parse(self, state: InlineState) -> list[dict[str, Any]]:  # mistune entry point
        el = El("root")
        self.parse_text(state.src, el)
        return [{"type": "kramdown", "element": el}]

    @staticmethod
    def add_text(st: KInlineState, text: str, tree: El | None = None,
                 type: str | None = None) -> None:
        target = tree if tree is not None else st.tree
        assert target is not None
        # H.add_text, inlined
        type = type or st.text_type
        children = target.children
        if children and children[-1].type == type:
            children[-1].value += text
        elif text:
            children.append(El(type, text))

    @staticmethod
    def _append(st: KInlineState, el: El) -> None:
        assert st.tree is not None
        st.tree.children.append(el)

    # -- rules -----------------------------------------------------------------------

    def k_emphasis(self, m: re.Match[str], st: KInlineState) -> int | None:
        src = st.scanner
        saved = src.pos
        result = m.group(0)  # the EMPHASIS_START match at the current position
        src.pos = m.end()
        element = "strong" if len(result) == 2 else "em"
        kind = result[0]
        pre = src.string[max(0, saved - 2) : saved]
        tree = st.tree
        assert tree is not None
        after = src.string[src.pos : src.pos + 1]
        if ((kind == "_" and pre and (pre[-1].isalpha()
                                      or (pre[-1] == "-" and len(pre) > 1 and pre[-2].isalpha())))
                or (after != "" and after in _WS)
                or tree.type == element or _stack_has(st, (element,))):
            self.add_text(st, result)
            return 1

        ctx = self.ctx
        if ctx.span_names is None and ctx.span_work + 1 <= ctx.span_budget:
            # sub_parse(result, element)'s fast path below, first: when it applies, the
            # closing delimiter it finds is also what close_possible looks for.
            stop, dbl, alnum = _delim_patterns(result)
            string, cur = src.string, src.pos
            h = self._default_setup(stop)[0](string, cur)
            sm = stop.match(string, h) if h > cur else None
            if (sm is not None and string[h - 1] not in _WS
                    and not (element == "em" and dbl.match(string, h))
                    and not (kind == "_" and alnum.match(string, h))):
                ctx.span_work += 1
                el = El(element)
                el.children.append(El(st.text_type, string[cur:h]))
                src.m = sm  # src.scan(stop) at h
                src.last_start = h
                src.pos = sm.end()
                tree.children.append(el)
                return 1

        def sub_parse(delim: str, elem: str) -> tuple[bool, El, re.Pattern[str]]:
            el = El(elem)
            stop, dbl, alnum = _delim_patterns(delim)
            if ctx.span_names is None and ctx.span_work + 1 <= ctx.span_budget:
                # Fast path: no span syntax before a closing delimiter that ends the
                # emphasis -- parse_spans would stop there in its first step.
                string, cur = src.string, src.pos
                h = self._default_setup(stop)[0](string, cur)
                if (h > cur and stop.match(string, h) is not None
                        and string[h - 1] not in _WS
                        and not (elem == "em" and dbl.match(string, h))
                        and not (kind == "_" and alnum.match(string, h))):
                    ctx.span_work += 1
                    el.children.append(El(st.text_type, string[cur:h]))
                    src.pos = h
                    return True, el, stop

            def check() -> bool:
                p = src.string[src.last_start - 1 : src.last_start] if src.last_start > 0 else ""
                if p and p in _WS:
                    return False
                if elem == "em" and dbl.match(src.string, src.pos):
                    return False
                if kind == "_" and alnum.match(src.string, src.pos):
                    return False
                return bool(el.children)

            found = self.parse_spans(st, el, stop, None, None, check)
            return found, el, stop

        pf = st.prefilter
        if self.ctx.span_work > self.ctx.span_budget:
            # Pathological input: stop trying emphasis once the work budget is spent.
            self.add_text(st, result)
            return 1
        if pf.close_possible(result, src.pos):
            found, el, stop = sub_parse(result, element)
        else:
            found, el, stop = False, El(element), _delim_patterns(result)[0]
        if not found and element == "strong" and tree.type != "em":
            src.pos = saved + 1
            if pf.close_possible(kind, src.pos + 1):
                found, el, stop = sub_parse(kind, "em")
        if found:
            src.scan(stop)
            tree.children.append(el)
        else:
            src.pos = saved + len(result)
            self.add_text(st, result)
        return 1

    def k_codespan(self, m: re.Match[str], st: KInlineState) -> int | None:
        src = st.scanner
        start = src.pos
        result = m.group(0)  # the CODESPAN_DELIMITER match at the current position
        src.pos = m.end()
        simple = len(result) == 1
        saved = src.pos
        pre = src.string[max(0, start - 1) : start]
        nxt = src.string[src.pos : src.pos + 1]
        if simple and (not pre or pre[-1] in _WS) and nxt and nxt in _WS:
            self.add_text(st, result)
            return 1
        idx = src.string.find(result, src.pos) if src.has_after(result, src.pos) else -1
        if idx >= 0:
            text = src.string[src.pos : idx]
            src.pos = idx + len(result)
            if not simple:
                if text.startswith(" "):
                    text = text[1:]
                if text.endswith(" "):
                    text = text[:-1]
            self._append(st, El("codespan", text, codespan_delimiter=result))
        else:
            src.pos = saved
            self.add_text(st, result)
        return 1

    def k_autolink(self, m: re.Match[str], st: KInlineState) -> int | None:
        src = st.scanner
        src.pos = m.end()
        target = m.group(1)
        href = target if m.group(2) is not None else f"mailto:{target}"
        el = El("a", None, {"href": href})
        self.add_text(st, re.sub(r"^mailto:", "", target, count=1), el)
        self._append(st, el)
        return 1

    def k_footnote_marker(self, m: re.Match[str], st: KInlineState) -> int | None:
        src = st.scanner
        src.pos = m.end()
        name = m.group(1)
        fn = self.ctx.footnotes.get(name)
        if fn is None:
            self.add_text(st, m.group(0))
            return 1
        if "eob" in fn:
            eob: El = fn.pop("eob")
            self.ctx.update_attr_with_ial(eob.attr, eob.options.get("ial") or {})
            fn["attr"] = eob.attr
            fn["options"] = eob.options
        marker = El("footnote", fn["content"], dict(fn["attr"]), **dict(fn["options"]))
        marker.options["name"] = name
        fn.setdefault("marker", []).append(marker)
        self._append(st, marker)
        return 1

    def _add_link(self, st: KInlineState, el: El, href: str, title: str | None,
                  alt: str | None = None, ial: dict[str, Any] | None = None) -> None:
        el.options["ial"] = ial
        if ial:
            self.ctx.update_attr_with_ial(el.attr, ial)
        if el.type == "a":
            el.attr["href"] = href
        else:
            el.attr["src"] = href
            el.attr["alt"] = alt or ""
            el.children = []
        if title is not None:
            el.attr["title"] = title
        self._append(st, el)

    def k_link(self, m: re.Match[str], st: KInlineState) -> int | None:  # noqa: C901, PLR0915 - a hot parser loop kept inline for speed (splitting it costs time per element)
        src = st.scanner
        result = m.group(0)  # the LINK_START match at the current position
        src.pos = cur = saved = m.end()
        link_type = "img" if result.startswith("!") else "a"
        tree = st.tree
        assert tree is not None
        if link_type == "a" and (tree.type in _LINK_TYPES or _stack_has(st, _LINK_TYPES)):
            self.add_text(st, result)
            return 1
        el = El(link_type)
        count = 1
        ctx = self.ctx
        found = False
        string = src.string
        # Fast path: link text without span syntax up to the closing "]", where
        # the span loop below would stop in its first step (one unit of work).
        # Taken first: when it applies, the prefilter check below passes (a "]"
        # follows and the work budget is not spent).
        close = (self._link_find(string, cur)
                 if ctx.span_names is None and ctx.span_work + 3 <= ctx.span_budget else -1)
        if close < 0 or not string.startswith("]", close):
            close = -1
            if not st.prefilter.bracket_possible(src.pos) or (
                    ctx.span_work > ctx.span_budget
                    and not st.prefilter.raw_bracket_match(src.pos - 1)):
                self.add_text(st, result)
                return 1
        if close >= 0:
            ctx.span_work += 1
            if close > cur:
                el.children.append(El(st.text_type, string[cur:close]))
            src.pos = close
            found = True
            if string.startswith("](", close):
                um = _PLAIN_URL.match(string, close + 2)
                if um is not None:
                    # A URL without parentheses, blanks or "<": what the URL
                    # loop below finds in two steps.
                    ctx.span_work += 2
                    src.pos = um.end()
                    self._add_link(st, el, um.group(1), None, string[cur:close])
                    return 1

        counted = [0, 0]  # children looked at so far, images among them

        def check() -> bool:
            # kramdown's bracket count minus the images in the link text; the
            # images are counted once each (recounting them at every bracket made
            # "![![![..." quadratic); children are only appended while the text
            # is parsed (a shorter list -- texts joined -- is counted again).
            nonlocal count
            count += -1 if src.group(1) else 1
            children = el.children
            seen = counted[0]
            if len(children) < seen:
                seen = counted[1] = 0
            if len(children) > seen:
                counted[1] += sum(1 for c in children[seen:] if c.type == "img")
                counted[0] = len(children)
            return count - counted[1] == 0

        if not found:
            found = self.parse_spans(st, el, P.LINK_BRACKET_STOP_RE, None, None, check)
        if not found:
            src.pos = saved
            self.add_text(st, result)
            return 1
        alt = src.string[cur : src.pos]
        if "\\" in alt:
            alt = P.ESCAPED_CHARS.sub(r"\1", alt)
        string = src.string
        if string.startswith("](", src.pos) and ctx.span_work < ctx.span_hard_limit:
            um = _PLAIN_URL.match(string, src.pos + 2)
            if um is not None:
                # A URL without parentheses, blanks or "<": what the URL loop below
                # finds in two steps (as in the fast path above).
                ctx.span_work += 2
                src.pos = um.end()
                self._add_link(st, el, um.group(1), None, alt)
                return 1
        src.scan(P.LINK_BRACKET_STOP_RE)
        idm = src.scan(P.LINK_INLINE_ID_RE)
        if idm is not None or not src.string.startswith("(", src.pos):
            ref = src.group(1) if idm is not None else None
            link_id = self.ctx.normalize_link_id(ref or alt)
            ldef = self.ctx.link_defs.get(link_id)
            if ldef is not None:
                url, title, eob = ldef
                self._add_link(st, el, url, title, alt, eob.options.get("ial") if eob else None)
            else:
                src.pos = saved
                self.add_text(st, result)
            return 1
        link_url: str | None = None
        if not src.has_after(")", src.pos):
            src.pos = saved
            self.add_text(st, result)
            return 1
        if src.scan(_LINK_ANGLE_URL) is not None:
            link_url = src.group(1) or ""
            if src.scan(_CLOSE_PAREN) is not None:
                self._add_link(st, el, link_url, None, alt)
                return 1
        else:
            parts = []
            brackets = 0
            while self.ctx.span_work <= self.ctx.span_hard_limit:
                self.ctx.span_work += 1
                temp = src.scan_until(P.LINK_PAREN_STOP_RE)
                if temp is None:
                    break
                parts.append(temp)
                if src.group(2):
                    brackets -= 1
                    if brackets == 0:
                        break
                elif src.group(1):
                    brackets += 1
                else:
                    break
            link_url = "".join(parts)[1:-1].strip(_WS + "\0")
            if brackets == 0:
                self._add_link(st, el, link_url, None, alt)
                return 1
        if src.scan(P.LINK_INLINE_TITLE_RE) is not None:
            self._add_link(st, el, link_url or "", src.group(2), alt)
        else:
            src.pos = saved
            self.add_text(st, result)
        return 1

    def k_smart_quotes(self, m: re.Match[str], st: KInlineState) -> int | None:
        src = st.scanner
        pos = src.pos
        qm = m if m.re is _SQ_START else _SQ_ALL.match(src.string, pos)
        if qm is not None:
            src.m = qm
            src.last_start = pos
            src.pos = qm.end()
            tree = st.tree
            assert tree is not None and qm.lastgroup is not None
            for group, name in _SQ_ACTIONS[qm.lastgroup]:
                if name is None:
                    text = qm.group(group) or ""
                    children = tree.children  # add_text, inlined
                    if children and children[-1].type == st.text_type:
                        children[-1].value += text
                    elif text:
                        children.append(El(st.text_type, text))
                else:
                    val = _SQ_SUBSTS.get((name, qm.group(group)), name) if group else name
                    tree.children.append(El("smart_quote", val))
            return 1
        self.add_text(st, src.getch())
        return 1

    def k_inline_math(self, m: re.Match[str], st: KInlineState) -> int | None:
        st.scanner.pos = m.end()
        assert st.tree is not None
        st.tree.children.append(El("math", m.group(1).strip(RUBY_WS), category="span"))
        return 1

    def k_span_extensions(self, m: re.Match[str], st: KInlineState) -> int | None:
        src = st.scanner
        em = src.check(P.EXT_SPAN_START)
        if em is not None:
            saved = src.pos
            src.pos = em.end()
            ok = True
            if em.group(4) or em.group(0) == "{:/}":
                ok = False
            else:
                ext = em.group(1)
                opts: dict[str, Any] = {}
                self.ctx.parse_attribute_list(em.group(2) or "", opts)
                body: str | None = None
                if not em.group(3):
                    stop = P.rx(P.EXT_STOP_FMT % re.escape(ext))
                    found = (src.scan_until(stop)
                             if src.has_after("{:/", src.pos) else None)
                    if found is None:
                        ok = False
                    else:
                        body = found[: len(found) - len(src.matched())]
                if ok:
                    assert st.tree is not None
                    ok = self.ctx.handle_extension(ext, opts, body, "span", st.tree)
            if not ok:
                src.pos = saved
                self.add_text(st, src.getch())
            return 1
        im = src.check(P.IAL_SPAN_START) if src.has_after("}", src.pos) else None
        if im is not None:
            tree = st.tree
            assert tree is not None
            last = tree.children[-1] if tree.children else None
            if last is not None and last.type != "text":
                src.pos = im.end()
                attr: dict[str, Any] = {}
                self.ctx.parse_attribute_list(im.group(1), attr)
                ial = last.options.get("ial")
                if ial is None:
                    ial = last.options["ial"] = {}
                self.ctx.update_ial_with_ial(ial, attr)
                self.ctx.update_attr_with_ial(last.attr, attr)
            else:
                self.add_text(st, src.getch())
            return 1
        self.add_text(st, src.getch())
        return 1

    def k_html_entity(self, m: re.Match[str], st: KInlineState) -> int | None:
        src = st.scanner
        src.pos = m.end()
        if m.group(1) is not None:
            ent = entity_by_name(m.group(1))
        elif m.group(2) is not None:
            ent = entity_by_code(int(m.group(2)))
        else:
            ent = entity_by_code(int(m.group(3), 16))
        if ent is None:
            self._append(st, El("entity", entity_by_name("amp")))
            self.add_text(st, m.group(0)[1:])
        else:
            self._append(st, El("entity", ent, original=m.group(0)))
        return 1

    def k_typographic_syms(self, m: re.Match[str], st: KInlineState) -> int | None:
        st.scanner.pos = m.end()
        val = _TYPO[m.group(0)]
        if not val.startswith("&"):
            self._append(st, El("typographic_sym", val))
        else:
            name = "lt" if m.group(0) == "\\<<" else "gt"
            for _ in range(2):
                self._append(st, El("entity", entity_by_name(name)))
        return 1

    def k_line_break(self, m: re.Match[str], st: KInlineState) -> int | None:
        self._append(st, El("br"))
        st.scanner.pos = m.end()
        return 1

    def k_escaped_chars(self, m: re.Match[str], st: KInlineState) -> int | None:
        st.scanner.pos = m.end()
        self.add_text(st, m.group(1))
        return 1

    def k_strikethrough(self, m: re.Match[str], st: KInlineState) -> int | None:
        src = st.scanner
        if not st.prefilter.close_possible("~~", src.pos + 3):
            self.add_text(st, src.getch())
            return 1
        fm = src.check(P.STRIKETHROUGH_MATCH)
        if fm is None:
            self.add_text(st, src.getch())
            return 1
        m = fm
        st.scanner.pos = m.end()
        el = El("html_element", "del", {}, category="span")
        self._append(st, el)
        inner = KInlineState(Scanner(m.group(0)[2:-2]))
        if len(st.stack) < MAX_SPAN_DEPTH:
            self.parse_spans(inner, el)
        else:
            self.add_text(inner, m.group(0)[2:-2], el)
        return 1

    def k_span_html(self, m: re.Match[str], st: KInlineState) -> int | None:
        src = st.scanner
        tree = st.tree
        assert tree is not None
        if src.string.startswith("<!--", src.pos):
            comment = (src.scan(P.HTML_COMMENT_RE)
                       if src.has_after("-->", src.pos) else None)
            if comment is not None:
                self._append(st, El("xml_comment", comment, category="span"))
                return 1
        close = src.scan(P.HTML_TAG_CLOSE_RE)
        if close is not None:
            self.add_text(st, close)
            return 1
        tag = src.scan(P.HTML_TAG_RE)
        if tag is None:
            self.add_text(st, src.getch())
            return 1
        name = src.group(1) or ""
        if H.is_known(name.lower()):
            name = name.lower()
        if name in H.BLOCK_ELEMENTS:
            self.add_text(st, tag)
            return 1
        tm = src.m
        assert tm is not None
        attrs = H.parse_attributes(tm.group(2) or "", H.is_known(name))
        for k, v in list(attrs.items()):
            if v:
                attrs[k] = re.sub(r"\n+", " ", v)
        if H.content_model(name) == "raw" or tree.options.get("content_model") == "raw":
            do_parsing = False
        else:
            do_parsing = bool(self.ctx.options.get("parse_span_html"))
        mval = H.MARKDOWN_ATTR_MAP.get(attrs.pop("markdown", ""))
        if mval == "span":
            do_parsing = True
        elif mval == "default":
            do_parsing = H.content_model(name) != "raw"
        elif mval == "raw":
            do_parsing = False
        closed = tm.group("slash") is not None
        el = El("html_element", name, attrs, category="span",
                content_model="span" if do_parsing else "raw", is_closed=closed)
        tree.children.append(el)
        flags = re.I if H.is_known(name) else 0
        stop = re.compile(r"</" + re.escape(name) + r"[ \t\n\r\f\v]*>", flags)
        if not closed and name not in H.ELEMENTS_WITHOUT_BODY:
            if self.parse_spans(st, el, stop, None if do_parsing else ["span_html"]):
                src.scan(stop)
            else:
                self.add_text(st, src.rest(), el)
                src.terminate()
        if self.ctx.options.get("html_to_native"):
            native.convert(el, el)
        return 1
