"""A state's rules joined into one alternation (``jekpy.highlight.scan``) pick the same
rule, with the same match, as trying the rules one by one: groups, back-references,
flags of their own, beginning-of-line rules, empty matches."""

from __future__ import annotations

import itertools
import re

from jekpy.highlight import scan
from jekpy.highlight._pyg import Keyword, Name, Text

PATTERNS = [
    (r"(a+)(b)?\2", re.M | re.A),
    (r"(?i)AB(c)\1", re.M | re.A),
    (r"^#.*$", re.M | re.A),
    (r"(['\"])(?:\\.|(?!\1).)*\1", re.M | re.A),
    (r"\w+(?=\()", re.M),
    (r"[a-c]", re.M | re.A),
    (r"(?x) a \s+ b  # spaced", re.M | re.A),
    (r"(?s)<.*?>", re.M | re.A),
    (r"", re.M | re.A),
]
TEXTS = ["aab", "aabb", "ABcc", "abcc", "#x\ny", "'q\\'s'x", "\"a'\"", "f(x)", "é(x)", "a  b",
         "<a\nb>", "c", "zzz", "\n#y", "'open", "aa"]


def _rules(patterns: list[tuple[str, int]]) -> list[scan.Rule]:
    tokens = [Keyword, Name, Text]
    return [scan.make_rule(re.compile(p, f), tokens[i % 3], None) for i, (p, f) in enumerate(patterns)]


def test_the_alternation_picks_what_the_rules_one_by_one_pick() -> None:
    checked = 0
    for n in (1, 2, 3):
        for chosen in itertools.permutations(PATTERNS, n):
            rules = _rules(list(chosen))
            joined = scan.State(rules)
            assert joined.at_bol is not None and joined.elsewhere is not None
            one_by_one = scan.State(rules)
            one_by_one.at_bol = one_by_one.elsewhere = None
            for text, bol in itertools.product(TEXTS, (True, False)):
                a = scan._pick(joined, text, bol)
                b = scan._pick(one_by_one, text, bol)
                assert (a is None) == (b is None), (chosen, text, bol)
                if a is not None and b is not None:
                    assert a[0] is b[0], (chosen, text, bol)
                    assert a[1].group() == b[1].group(), (chosen, text, bol)
                checked += 1
    assert checked > 10000


def test_a_conditional_group_is_not_joined() -> None:
    rules = _rules([(r"(a)?(?(1)b|c)", re.M), (r"x", re.M)])
    assert scan.State(rules).at_bol is None
