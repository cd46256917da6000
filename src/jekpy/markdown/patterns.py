"""Regular expressions of kramdown's grammar, translated to Python semantics.

Ruby's ``\\s``/``\\w``/``\\d`` are ASCII-only, so most patterns compile with
``re.ASCII``; ``^``/``$`` are line anchors (``re.M``); Ruby's ``/m`` is
``re.S``; Ruby's ``\\Z`` (end, or before a final newline) is ``(?=\\n?\\Z)``.
Where Ruby uses Unicode classes (``[[:alpha:]]``, ``\\p{Word}``) the pattern
compiles without ``re.ASCII`` and spells whitespace out as ``[ \\t\\n\\r\\f\\v]``.
"""

from __future__ import annotations

import functools
import re

A = re.ASCII | re.M
S = "[ \\t\\n\\r\\f\\v]"  # Ruby's ASCII \s, for Unicode-mode patterns
RZ = r"(?=\n?\Z)"  # Ruby's \Z


def rx(pattern: str, flags: int = A) -> re.Pattern[str]:
    return re.compile(pattern, flags)


OPT_SPACE = " {0,3}"
INDENT_S = r"^(?:\t| {4})"
INDENT = rx(INDENT_S)

# XML/HTML names (REXML's UNAME_STR: [[:alpha:]_][-[:alnum:]._]*, Unicode)
NCNAME = r"[^\W0-9][\w.\-]*"
UNAME = f"(?:{NCNAME}:)?{NCNAME}"
_NSC = (":A-Z_a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff"
        "\u200c-\u200d\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd"
        "\U00010000-\U000effff")
NAME_START_CHAR = f"[{_NSC}]"
NAME_CHAR = f"[{_NSC}\\-.0-9\u00b7\u0300-\u036f\u203f-\u2040]"

# Ruby: (?>^\s*\n)+ -- the same set of whole blank lines, without an atomic
# group (Python < 3.11 has none).
BLANK_LINE_S = r"(?:^[ \t\r\f\v]*\n)+"
BLANK_LINE = rx(BLANK_LINE_S)
EOB_MARKER_S = r"^\^\s*?\n"
EOB_MARKER = rx(EOB_MARKER_S)

ALD_ANY_CHARS = r"(?:\\\}|[^\}])"
ALD_ID_NAME = r"\w[\w-]*"
IAL_BLOCK_S = r"\{:(?!:|/)(" + ALD_ANY_CHARS + r"+)\}\s*?\n"
IAL_BLOCK_START_S = "^" + OPT_SPACE + IAL_BLOCK_S
IAL_BLOCK_START = rx(IAL_BLOCK_START_S)
ALD_START = rx("^" + OPT_SPACE + r"\{:(" + ALD_ID_NAME + r"):(" + ALD_ANY_CHARS + r"+)\}\s*?\n")
EXT_START_S = r"\{::(\w+)(?:\s(" + ALD_ANY_CHARS + r"*?)|)(/)?\}"
EXT_STOP_FMT = r"\{:/(%s)?\}"
EXT_BLOCK_START = rx("^" + OPT_SPACE + "(?:" + EXT_START_S + "|" + (EXT_STOP_FMT % ALD_ID_NAME)
                     + r")\s*?\n")
BLOCK_EXTENSIONS_START = rx("^" + OPT_SPACE + r"\{:")
EXT_SPAN_START = rx(EXT_START_S + "|" + (EXT_STOP_FMT % ALD_ID_NAME))
IAL_SPAN_START = rx(r"\{:(" + ALD_ANY_CHARS + r"+)\}")

ALD_TYPE_KEY_VALUE_PAIR = r"(" + ALD_ID_NAME + r""")=("|')((?:\\\}|\\\2|[^\}\2])*?)\2"""
ALD_TYPE_ANY = rx(
    r"(?:\A|\s)(?:" + ALD_TYPE_KEY_VALUE_PAIR + r"|(" + ALD_ID_NAME + r")"
    + r"|((?:#[A-Za-z][\w:-]*|\.[^\s.#]+)+))(?=\s|\Z)"
)
ALD_TYPE_ID_OR_CLASS = rx(r"#([A-Za-z][\w:-]*)|\.([^\s.#]+)")

# HTML
SPAN_ELEMENTS = ["a", "abbr", "acronym", "b", "big", "bdo", "br", "button", "cite", "code", "del", "dfn", "em", "i", "img", "input", "ins", "kbd", "label", "mark", "option", "q", "rb", "rbc", "rp", "rt", "rtc", "ruby", "samp", "select", "small", "span", "strong", "sub", "sup", "tt", "u", "var"]
_LAZY_SPAN = "|".join(SPAN_ELEMENTS + ["script"])
LAZY_END_HTML_START_S = f"<(?!(?:{_LAZY_SPAN})\\b){UNAME}"
LAZY_END_HTML_STOP_S = f"</(?!(?:{_LAZY_SPAN})\\b){UNAME}{S}*>"

LAZY_END_S = (
    f"{BLANK_LINE_S}|{IAL_BLOCK_START_S}|{EOB_MARKER_S}|^{OPT_SPACE}{LAZY_END_HTML_STOP_S}"
    f"|^{OPT_SPACE}{LAZY_END_HTML_START_S}|{RZ}"
)
# These mix ASCII \s with Unicode names: spell \s out and use Unicode mode.
U = re.M


def urx(pattern: str, flags: int = U) -> re.Pattern[str]:
    pattern = pattern.replace(r"\s", S).replace(r"\S", "[^ \\t\\n\\r\\f\\v]")
    return re.compile(pattern.replace(r"\d", "[0-9]"), flags)


LAZY_END = urx(LAZY_END_S)
# ``.*\n`` where Ruby has ``.*?\n``: without DOTALL both end at the first newline,
# and Python's lazy repeat is far slower on long lines.
PATTERN_TAIL = r"[\t| ].*\n"
LIST_START_UL_S = f"^({OPT_SPACE}[+*-])({PATTERN_TAIL})"
LIST_START_OL_S = f"^({OPT_SPACE}\\d+\\.)({PATTERN_TAIL})"
LIST_START_UL = rx(LIST_START_UL_S)
LIST_START_OL = rx(LIST_START_OL_S)
LIST_START_S = f"{LIST_START_UL_S}|{LIST_START_OL_S}"
LIST_START = rx(LIST_START_S)
DEFINITION_LIST_START_S = f"^({OPT_SPACE}:)({PATTERN_TAIL})"
DEFINITION_LIST_START = rx(DEFINITION_LIST_START_S)
LIST_ITEM_IAL_S = (r"^\s*(?:\{:(?!(?:" + ALD_ID_NAME + r")?:|/)(" + ALD_ANY_CHARS + r"+)\})\s*")
LIST_ITEM_IAL = rx(LIST_ITEM_IAL_S)
LIST_ITEM_IAL_CHECK = rx("^(?:" + LIST_ITEM_IAL_S + r")?\s*\n")

PARAGRAPH_START = rx(f"^{OPT_SPACE}[^ \\t].*\\n")
PARAGRAPH_MATCH = rx(r"^.*\n")
PARAGRAPH_END = urx(f"{LAZY_END_S}|{DEFINITION_LIST_START_S}")

ATX_HEADER_START_KD = rx(r"^(?P<level>\#{1,6})[\t ]*(?P<contents>[^ \t].*)\n")
ATX_HEADER_START_GFM_S = r"^(?P<level>\#{1,6})[\t ]+(?P<contents>.*)\n"
ATX_HEADER_START_GFM = rx(ATX_HEADER_START_GFM_S)
# The lookahead (a necessary condition) fails fast on lines not followed by a - or = line.
SETEXT_HEADER_START = rx(f"^{OPT_SPACE}(?=\\n?.*\\n[-=])(?P<contents>[^ \\t].*)\\n(?P<level>[-=])[-=]*[ \\t\\r\\f\\v]*\\n")
HEADER_ID_S = r"[\t ]\{#(?P<id>" + NAME_START_CHAR + NAME_CHAR + r"*)\}\Z"


@functools.cache
def header_id() -> re.Pattern[str]:
    """``HEADER_ID_S``, compiled on first use: its Unicode classes take ~3 ms to compile
    and only headers with ``{#id}`` need it."""
    return re.compile(HEADER_ID_S)

BLOCKQUOTE_START_S = f"^{OPT_SPACE}> ?"
BLOCKQUOTE_START = rx(BLOCKQUOTE_START_S)
HR_START = rx(f"^{OPT_SPACE}(\\*|-|_)[ \\t]*\\1[ \\t]*\\1(\\1|[ \\t])*\\n")

CODEBLOCK_MATCH_S = (
    f"(?:(?:{BLANK_LINE_S})?(?:{INDENT_S}[ \\t]*\\S.*\\n)+"
    f"(?:(?!{IAL_BLOCK_START_S}|{EOB_MARKER_S}|^{OPT_SPACE}{LAZY_END_HTML_STOP_S}"
    f"|^{OPT_SPACE}{LAZY_END_HTML_START_S})^[ \\t]*\\S.*\\n)*)*"
)
CODEBLOCK_MATCH = urx(CODEBLOCK_MATCH_S)
FENCED_CODEBLOCK_START_KD = rx(r"^~{3,}")
FENCED_CODEBLOCK_MATCH_KD = rx(r"^((~){3,})\s*?((\S+?)(?:\?\S*)?)?\s*?\n(.*?)^\1\2*\s*?\n", A | re.S)
FENCED_CODEBLOCK_START_GFM_S = r"^[ ]{0,3}[~`]{3,}"
FENCED_CODEBLOCK_START_GFM = rx(FENCED_CODEBLOCK_START_GFM_S)
FENCED_CODEBLOCK_MATCH_GFM = rx(
    r"^[ ]{0,3}(([~`]){3,})\s*?((\S+?)(?:\?\S*)?)?\s*?\n(.*?)^[ ]{0,3}\1\2*\s*?\n", A | re.S)

PARAGRAPH_END_GFM = urx(
    f"{LAZY_END_S}|{LIST_START_S}|{ATX_HEADER_START_GFM_S}|{DEFINITION_LIST_START_S}"
    f"|{BLOCKQUOTE_START_S}|{FENCED_CODEBLOCK_START_GFM_S}"
)

BLOCK_BOUNDARY = urx(f"{BLANK_LINE_S}|{EOB_MARKER_S}|{IAL_BLOCK_START_S}|{RZ}")

TABLE_SEP_LINE = rx(r"^([+|: \t-]*?-[+|: \t-]*?)[ \t]*\n")
TABLE_HSEP_ALIGN = rx(r"[ \t]?(:?)-+(:?)[ \t]?")
TABLE_FSEP_LINE = rx(r"^[+|: \t=]*?=[+|: \t=]*?[ \t]*\n")
# Ruby: ^(.*?)[ \t]*\n -- the line without its trailing blanks, matched greedily.
TABLE_ROW_LINE = rx(r"^((?:.*[^ \t\n])?)[ \t]*\n")
# Greedy ``.*`` (Ruby: lazy): the same lines match, and the match ends at the first newline.
TABLE_PIPE_CHECK_S = r"(?:\||.*[^\\\n]\|)"
TABLE_PIPE_CHECK = rx("^" + TABLE_PIPE_CHECK_S)
# ``(?=.*\|)``: a necessary condition (a pipe on this line) that fails fast on lines
# without one (faster than ``[^\n|]*``, which tests a character class per character).
TABLE_LINE = rx(r"(?=.*\|)" + TABLE_PIPE_CHECK_S + r".*\n")
TABLE_START = rx(f"^{OPT_SPACE}(?=\\S)(?=.*\\|){TABLE_PIPE_CHECK_S}.*\\n")

FOOTNOTE_DEFINITION_START = urx(
    f"^{OPT_SPACE}\\[\\^({ALD_ID_NAME})\\]:\\s*?(.*?\\n{CODEBLOCK_MATCH_S})", U | re.A)
FOOTNOTE_MARKER_START = rx(r"\[\^(" + ALD_ID_NAME + r")\]")
LINK_DEFINITION_START = rx(
    "^" + OPT_SPACE + r"""\[([^\n\]]+)\]:[ \t]*(?:<(.*?)>|([^\n]*?\S[^\n]*?))"""
    r"""(?:(?:[ \t]*?\n|[ \t]+?)[ \t]*?(["'])(.+?)\4)?[ \t]*?\n"""
)
ABBREV_DEFINITION_START = rx("^" + OPT_SPACE + r"\*\[(.+?)\]:(.*?)\n")
# Ruby's lazy ``(.*?)\$\$`` (DOTALL) is the text up to the first ``$$``: text without
# ``$$`` that does not end in ``$``.  Spelled greedily, as Python's lazy repeat is slow.
MATH_BODY = r"([^$]*(?:\$[^$]+)*)"
BLOCK_MATH_START = rx("^" + OPT_SPACE + r"(\\)?\$\$" + MATH_BODY + r"\$\$(\s*?\n)?", A | re.S)

HTML_BLOCK_START = urx(f"^{OPT_SPACE}<({UNAME}|!--|/)")
HTML_COMMENT_RE = re.compile(r"<!--(.*?)-->", re.S)
HTML_INSTRUCTION_RE = re.compile(r"<\?(.*?)\?>", re.S)
# Ruby's atomic groups (?>X) are emulated as (?=(X))\N (a lookahead is atomic):
# group 1 is the tag name, 2 the attribute text, "slash" the self-closing slash.
HTML_TAG_RE = urx(
    f"<(?=({UNAME}))\\1\\s*((?:(?=(\\s+{UNAME}(?:\\s*=\\s*(?:\\w+|(\"|').*?\\4))?))\\3)*)"
    f"\\s*(?P<slash>/)?>", U | re.S)
HTML_TAG_CLOSE_RE = urx(f"</({UNAME})\\s*>", U | re.S)
HTML_ATTRIBUTE_RE = urx(f"\\s*({UNAME})(?:\\s*=\\s*(?:(\\w+)|(\"|')(.*?)\\3))?", U | re.S)
HTML_ENTITY_RE = rx(r"&([\w:][\-\w\.:]*);|&#(\d+);|&\#x([0-9a-fA-F]+);")
HTML_SPAN_START = urx(f"<({UNAME}|!--|/)")
HTML_RAW_START = urx(f"(?=<({UNAME}|/|!--|\\?))")
BLOCK_HTML_TAG = urx(f"^{OPT_SPACE}" + HTML_TAG_RE.pattern, U | re.S)
BLOCK_HTML_TAG_CLOSE = urx(f"^{OPT_SPACE}" + HTML_TAG_CLOSE_RE.pattern, U | re.S)
TRAILING_WHITESPACE = rx(r"[ \t]*\n")

# spans
EMPHASIS_START = rx(r"(?:\*\*?|__?)")
CODESPAN_DELIMITER = rx(r"`+")
AUTOLINK_START = re.compile(r"<((mailto|https?|ftps?):.+?|[\w.\-]+?@[\w.\-]+?)>")
LINK_START = rx(r"!?\[(?=[^^])")
LINK_BRACKET_STOP_RE = rx(r"(\])|!?\[")
LINK_PAREN_STOP_RE = rx(r"""(\()|(\))|\s(?=['"])""")
LINK_INLINE_ID_RE = rx(r"\s*?\[([^\]]+)?\]")
LINK_INLINE_TITLE_RE = rx(r"""\s*?(["'])(.+?)\1\s*?\)""", A | re.S)
SMART_QUOTES_RE = rx(r"""[^\\]?["']""", A | re.S)
INLINE_MATH_START = rx(r"\$\$" + MATH_BODY + r"\$\$", A | re.S)
SPAN_EXTENSIONS_START = rx(r"\{:")
TYPOGRAPHIC_SYMS = [("---", "mdash"), ("--", "ndash"), ("...", "hellip"), ("\\<<", "&lt;&lt;"),
                    ("\\>>", "&gt;&gt;"), ("<< ", "laquo_space"), (" >>", "raquo_space"),
                    ("<<", "laquo"), (">>", "raquo")]
TYPOGRAPHIC_SYMS_RE = rx("|".join(re.escape(k) for k, _ in TYPOGRAPHIC_SYMS))
LINE_BREAK = rx(r"(  |\\\\)(?=\n)")
ESCAPED_CHARS = rx(r"""\\([\\.*_+`<>()\[\]{}#!:|"'\$=-])""")
ESCAPED_CHARS_GFM = rx(r"""\\([\\.*_+`<>()\[\]{}#!:\|"'\$=\-~])""")
STRIKETHROUGH_START = rx(r"~~(?!\s|~)")
STRIKETHROUGH_MATCH = rx(r"~~(?!\s|~).*?[^\s~]~~", A | re.S)

SPAN_START: dict[str, str] = {
    "emphasis": r"\*|_",
    "codespan": "`",
    "autolink": "<",
    "span_html": "<",
    "footnote_marker": r"\[",
    "link": r"!?\[",
    "smart_quotes": r"""[^\\]?["']""",
    "inline_math": r"\$",
    "span_extensions": r"\{:",
    "html_entity": "&",
    "typographic_syms": r"--|\.\.\.|(?:\\| )?(?:<<|>>)",
    "line_break": r"(  |\\)(?=\n)",
    "escaped_chars": r"\\",
    "strikethrough_gfm": "~~",
}
