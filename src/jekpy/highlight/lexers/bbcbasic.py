"""BBC BASIC tokenised as Rouge 3.30's ``bbcbasic`` lexer does.

Keywords, functions and operators are matched as prefixes (no word
boundaries: ``ABSOLUTE`` is ``ABS`` then a variable); ``*`` commands and
``[ … ]`` inline assembler are recognised.
"""

from __future__ import annotations

from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Keyword,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    bygroups,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer


def _alternatives(patterns: str) -> str:
    """The whitespace-separated regex ``patterns`` as one alternation, in order."""
    return "|".join(patterns.split())


PUNCTUATION = _alternatives("[,;'~] SPC TAB")
FUNCTIONS = _alternatives(
    r"""ABS ACS ADVAL ASC ASN ATN BEATS BEAT BGET# CHR\$ COS COUNT DEG DIM
    EOF# ERL ERR EVAL EXP EXT# FN GET\$# GET\$ GET HIMEM INKEY\$ INKEY
    INSTR INT LEFT\$ LEN LN LOG LOMEM MID\$ OPENIN OPENOUT OPENUP PAGE
    POINT POS PTR# RAD REPORT\$ RIGHT\$ RND SGN SIN SQR STR\$ STRING\$ SUM
    SUMLEN TAN TEMPO TIME\$ TIME TOP USR VAL VPOS"""
)
STATEMENTS = _alternatives(
    """BEATS BPUT# CALL CASE CHAIN CLEAR CLG CLOSE# CLS COLOR COLOUR DATA
    ELSE ENDCASE ENDIF ENDPROC ENDWHILE END ENVELOPE FOR GCOL GOSUB GOTO
    IF INSTALL LET LIBRARY MODE NEXT OFF OF ON ORIGIN OSCI OTHERWISE
    OVERLAY PLOT PRINT# PRINT PROC QUIT READ REPEAT REPORT RETURN SOUND
    STEP STEREO STOP SWAP SYS THEN TINT TO VDU VOICES VOICE UNTIL WAIT
    WHEN WHILE WIDTH"""
)
OPERATORS = _alternatives("<< <= <> < >= >>> >> > [-!$()*+/=?^|] AND DIV EOR MOD NOT OR")
CONSTANTS = "FALSE|TRUE"

STATEMENT_FORMS = "|".join(
    [
        STATEMENTS,
        r"CIRCLE(?: *FILL)?",
        r"DEF *(?:FN|PROC)",
        r"DRAW(?: *BY)?",
        r"DIM(?!\()",
        r"ELLIPSE(?: *FILL)?",
        r"ERROR(?: *EXT)?",
        r"FILL(?: *BY)?",
        r"INPUT(?:#| *LINE)?",
        r"LINE(?: *INPUT)?",
        r"LOCAL(?: *DATA| *ERROR)?",
        r"MOUSE(?: *COLOUR| *OFF| *ON| *RECTANGLE| *STEP| *TO)?",
        r"MOVE(?: *BY)?",
        r"ON(?! *ERROR)",
        r"ON *ERROR *(?:LOCAL|OFF)?",
        r"POINT(?: *BY)?(?!\()",
        r"RECTANGE(?: *FILL)?",
        r"RESTORE(?: *DATA| *ERROR)?",
        r"TRACE(?: *CLOSE| *ENDPROC| *OFF| *STEP(?: *FN| *ON| *PROC)?| *TO)?",
    ]
)


class BbcBasicLexer(RougeRegexLexer):
    """Rouge's ``bbcbasic`` lexer."""

    name = "BBC BASIC (Rouge)"
    aliases = ["rouge-bbcbasic"]

    tokens: dict[str, Any] = {
        "expression": [
            (FUNCTIONS, Name.Builtin),
            (OPERATORS, Operator),
            (CONSTANTS, Name.Constant),
            (r'"[^"]*"', String),
            (r"(?i)[a-z_`][\w`]*[$%]?", Name.Variable),
            (r"@%", Name.Variable),
            (r"[\d.]+", Number),
            (r"%[01]+", Number.Bin),
            (r"&[0-9a-fA-F]+", Number.Hex),
        ],
        "root": [
            (r"(:+)( *)(\*)(.*)", bygroups(Punctuation, Text, Keyword, Text)),
            (r"(\n+ *)(\*)(.*)", bygroups(Text, Keyword, Text)),
            (
                r"(ELSE|OTHERWISE|REPEAT|THEN)( *)(\*)(.*)",
                bygroups(Keyword, Text, Keyword, Text),
            ),
            (r"[ \n]+", Text),
            (r":+", Punctuation),
            (r"[\[]", Keyword, "assembly1"),
            (r"REM *>.*", Comment.Special),
            (r"REM.*", Comment),
            (rf"(?:{STATEMENT_FORMS})", Keyword),
            include("expression"),
            (PUNCTUATION, Punctuation),
        ],
        "assembly1": [
            (r" +", Text),
            (r"\]", Keyword, "#pop"),
            (r"[:\n]", Punctuation),
            (r"(?i)\.[a-z_`][\w`]*%? *", Name.Label),
            (r"(?:REM|;)[^:\n]*", Comment),
            (r"[^ :\n]+", Keyword, "assembly2"),
        ],
        "assembly2": [
            (r" +", Text),
            (r"[:\n]", Punctuation, "#pop"),
            (r"(?:REM|;)[^:\n]*", Comment, "#pop"),
            include("expression"),
            (r"[!#,@\[\]^{}]", Punctuation),
        ],
    }
