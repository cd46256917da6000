"""Word lists of Rouge 3.30's ``q`` lexer (lexers/q.py), kept apart from it."""

from __future__ import annotations

from jekpy.highlight.lexers.base import word_set

WORD_OPERATORS = word_set(
    """and or except inter like each cross vs sv within where in asof bin binr cor cov cut ej fby
    div ij insert lj ljf mavg mcount mdev mmax mmin mmu mod msum over prior peach pj scan scov
    setenv ss sublist uj union upsert wavg wsum xasc xbar xcol xcols xdesc xexp xgroup xkey xlog
    xprev xrank"""
)

BUILTINS = word_set(
    """first enlist value type get set count string key max min sum prd last flip distinct raze
    neg desc differ dsave dev eval exit exp fills fkeys floor getenv group gtime hclose hcount
    hdel hopen hsym iasc idesc inv keys load log lsq ltime ltrim maxs md5 med meta mins next
    parse plist prds prev rand rank ratios read0 read1 reciprocal reverse rload rotate rsave
    rtrim save sdev show signum sin sqrt ssr sums svar system tables tan til trim txf ungroup
    var view views wj wj1 ww"""
)
