"""Word lists of Rouge 3.30's ``dafny`` lexer (lexers/dafny.py), kept apart from it."""

from __future__ import annotations

from jekpy.highlight.lexers.base import word_set

KEYWORDS = word_set(
    """abstract allocated assert assume break by
    calc case class codatatype const constructor datatype decreases downto
    else ensures exists expect export extends false for forall fresh function
    ghost greatest if import include invariant iterator label least lemma
    match method modifies modify module nameonly new newtype null old opened
    predicate print provides reads refines requires return returns reveal reveals
    static then this to trait true twostate type unchanged var
    while witness yield yields"""
)
