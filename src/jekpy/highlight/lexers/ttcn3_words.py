"""Word lists of Rouge 3.30's ``ttcn3`` lexer (lexers/ttcn3.py), kept apart from it."""

from __future__ import annotations

from jekpy.highlight.lexers.base import word_set

KEYWORDS = word_set(
    """module import group type port component signature external
    execute const template function altstep testcase var timer if
    else select case for while do label goto start stop return
    break int2char int2unichar int2bit int2enum int2hex int2oct
    int2str int2float float2int char2int char2oct unichar2int
    unichar2oct bit2int bit2hex bit2oct bit2str hex2int hex2bit
    hex2oct hex2str oct2int oct2bit oct2hex oct2str oct2char
    oct2unichar str2int str2hex str2oct str2float enum2int
    any2unistr lengthof sizeof ispresent ischosen isvalue isbound
    istemplatekind regexp substr replace encvalue decvalue
    encvalue_unichar decvalue_unichar encvalue_o decvalue_o
    get_stringencoding remove_bom rnd hostid send receive
    setverdict"""
)

RESERVED = word_set(
    """all alt apply assert at configuration conjunct const control
    delta deterministic disjunct duration fail finished fuzzy from
    history implies inconc inv lazy mod mode notinv now omit
    onentry onexit par pass prev realtime seq setstate static
    stepsize stream timestamp until values wait"""
)
