"""OpenType feature files tokenised as Rouge 3.30's ``opentype_feature_file`` lexer does.

The name after ``feature``/``lookup``/``table``/``anon`` and after a ``}``
followed by a blank is a ``Name.Function``; the lexer waits for it (anything
else meanwhile is an error); ``include(…)`` takes a path.
"""

from __future__ import annotations

from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Keyword,
    Name,
    Number,
    Punctuation,
    String,
    Text,
    bygroups,
)
from jekpy.highlight.lexers import opentype_feature_file_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, classify

KEYWORDS = _words.KEYWORDS

IDENT = r"(?i:[a-z_][a-z0-9/_.-]*)"


_word = classify([(KEYWORDS, Keyword)], Name)


class OpenTypeFeatureFileLexer(RougeRegexLexer):
    """Rouge's ``opentype_feature_file`` lexer."""

    name = "OpenType Feature File (Rouge)"
    aliases = ["rouge-opentype_feature_file"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\s+", Text.Whitespace),
            (r"#.*$", Comment),
            (
                r"(anonymous|anon|feature|lookup|table)(\s+)",
                bygroups(Keyword, Text),
                "featurename",
            ),
            (r"(\})(\s)", bygroups(Punctuation, Text), "featurename"),
            (r"(?i)include\b", Keyword, "includepath"),
            (r"[\-\[\]/(){},.:;=%*<>']", Punctuation),
            (r"`", String.Backtick),
            (r'"', String, "strings"),
            (r"\\[^.*\s]+", String.Escape),
            (rf"@{IDENT}", Name.Class),
            (IDENT, _word),
            (r"(?:0x|\\)[0-9A-Fa-f]+", Number.Hex),
            (r"-?\d+", Number.Integer),
        ],
        "featurename": [(IDENT, Name.Function, "#pop")],
        "includepath": [
            (r"\s+", Text.Whitespace),
            (r"\)", Punctuation, "#pop"),
            (r"\(", Punctuation),
            (r"[^\s()]+", String),
        ],
        "strings": [
            (r'"', String, "#pop"),
            (r'[^"%\n]+', String),
        ],
    }
