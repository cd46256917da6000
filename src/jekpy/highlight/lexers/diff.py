"""Unified diffs tokenised as Rouge 3.30's ``diff`` lexer does (whole lines)."""

from __future__ import annotations

from typing import Any

from jekpy.highlight._pyg import Generic, Punctuation, Text, bygroups
from jekpy.highlight.lexers.base import RougeRegexLexer


class DiffLexer(RougeRegexLexer):
    """Rouge's ``diff`` lexer (tags diff, patch, udiff)."""

    name = "Diff (Rouge)"
    aliases = ["rouge-diff"]

    tokens: dict[str, Any] = {
        "root": [
            (r"^ .*$\n?", Text),
            (r"^---$\n?", Punctuation),
            (r"^[+>]+.*$\n?", Generic.Inserted),
            (r"^\+.*$\n?", Generic.Inserted),
            (r"^[-<]+.*$\n?", Generic.Deleted),
            (r"^!.*$\n?", Generic.Strong),
            (r"^([Ii]ndex|diff).*$\n?", Generic.Heading),
            (r"^(@@[^@]*@@)([^\n]*\n)", bygroups(Punctuation, Text)),
            (r"^\w.*$\n?", Punctuation),
            (r"^=.*$\n?", Generic.Heading),
            (r"\s.*$\n?", Text),
        ],
    }
