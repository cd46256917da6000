"""Word lists of Rouge 3.30's ``yang`` lexer (lexers/yang.py), kept apart from it."""

from __future__ import annotations

from jekpy.highlight.lexers.base import word_set

STATEMENTS = word_set(
    """module submodule
    belongs-to namespace prefix yang-version
    contact description organization reference revision
    import include revision-date
    action argument augment deviation extension feature grouping identity
    if-feature input notification output rpc typedef
    anydata anyxml case choice config container deviate leaf leaf-list
    list must presence refine uses when
    base bit default enum error-app-tag error-message fraction-digits
    length max-elements min-elements modifier ordered-by path pattern
    position range require-instance status type units value yin-element
    key mandatory unique"""
)
