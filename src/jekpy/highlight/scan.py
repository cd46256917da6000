"""The scan loop of the Rouge-style lexers (``lexers/base.py``), over plain data.

A lexer class's rules become a :class:`Machine`: state name -> list of
:class:`Rule` (the match function of a compiled pattern, the action, the new
state, whether the pattern only matches at the beginning of a line).  The
loops :func:`token_list` and :func:`tokens` walk a text with it the way Rouge's
``RegexLexer`` does (see ``lexers/base.py`` for the rules of that walk).  This
module holds no lexer class and no metaclass, so a regular install compiles it
with mypyc (``jekpy._native.COMPILED``); the lexer classes call into it.

Each state's rules are also joined into one alternation per position kind (at the
beginning of a line, elsewhere), built on first use, whose first matching branch
is the rule trying the rules one by one would pick: one regex match per step
instead of one per rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from typing import Any, Final

from jekpy.highlight._pyg import TOKEN_CLASS, Error

MatchFn = Callable[[str], "re.Match[str] | None"]
#: what a callback yields: (offset in the match, token, text)
TokenStream = Iterator[tuple[int, Any, str]]

#: kinds of action
NO_ACTION: Final = 0
TOKEN: Final = 1
CALLBACK: Final = 2
WORDS: Final = 3

_MAX_NULL_SCANS: Final = 5
_LEADING_FLAGS: Final = re.compile(r"\A\(\?[a-zA-Z]+\)")


class Words:
    """A callback giving the matched text the token of the first word set holding
    it (after ``fold``, e.g. ``str.lower``), else ``default``; the scan loop looks
    the word up itself instead of calling it."""

    def __init__(self, lookup: dict[str, Any], default: Any,
                 fold: Callable[[str], str] | None) -> None:
        self.lookup = lookup
        self.default = default
        self.fold = fold

    def token(self, word: str) -> Any:
        fold = self.fold
        return self.lookup.get(word if fold is None else fold(word), self.default)

    def __call__(self, lexer: Any, match: Any, ctx: Any = None) -> list[tuple[int, Any, str]]:
        word: str = match.group()
        return [(0, self.token(word), word)]


def words(table: Collection[tuple[Collection[str], Any]], default: Any,
          fold: Callable[[str], str] | None = None) -> Words:
    """A :class:`Words` callback from ``(words, token)`` pairs (the first pair holding a
    word wins)."""
    lookup: dict[str, Any] = {}
    for group, tok in table:
        if isinstance(group, str):
            raise TypeError("classify() wants collections of words, not a string")
        for word in group:
            lookup.setdefault(word, tok)
    return Words(lookup, default, fold)


class Rule:
    """One rule of a state: its pattern's match function, action and new state."""

    def __init__(self, match: MatchFn, action: Any, new_state: Any, bol: bool) -> None:
        self.match = match
        self.action = action
        self.new_state = new_state
        #: the pattern starts with ``^``: tried only at the beginning of a line
        self.bol = bol
        self.kind: int
        if action is None:
            self.kind = NO_ACTION
        elif type(action) is TOKEN_CLASS:
            self.kind = TOKEN
        elif isinstance(action, Words):
            self.kind = WORDS
        else:
            self.kind = CALLBACK
        #: the action of a WORDS rule
        self.words: Words | None = action if isinstance(action, Words) else None

    @property
    def pattern(self) -> re.Pattern[str]:
        found: re.Pattern[str] = getattr(self.match, "__self__")  # noqa: B009 - a bound method
        return found


def make_rule(pattern: re.Pattern[str], action: Any, new_state: Any) -> Rule:
    """The rule of compiled ``pattern`` (beginning-of-line only if it starts with ``^``)."""
    bol = _LEADING_FLAGS.sub("", pattern.pattern).startswith("^")
    return Rule(pattern.match, action, new_state, bol)


class Alternation:
    """The rules of a state joined into one pattern: marker group number -> rule."""

    def __init__(self, match: MatchFn | None, table: dict[int, Rule]) -> None:
        self.match = match
        self.table = table


class State:
    """A state's rules, and their alternations (``None`` when they cannot be joined)."""

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules
        self.at_bol: Alternation | None = None
        self.elsewhere: Alternation | None = None
        at_bol = _alternation(rules)
        if at_bol is not None:
            elsewhere = _alternation([r for r in rules if not r.bol])
            if elsewhere is not None:
                self.at_bol = at_bol
                self.elsewhere = elsewhere


class Machine:
    """The rules of one lexer class by state name, and the states built from them."""

    def __init__(self, rules: dict[str, list[Rule]]) -> None:
        self.rules = rules
        self.states: dict[str, State] = {}

    def state(self, name: str) -> State:
        found = self.states.get(name)
        if found is None:
            found = self.states[name] = State(self.rules[name])
        return found


def _pick(state: State, rest: str, bol: bool) -> tuple[Rule, re.Match[str]] | None:
    """The first rule of ``state`` that matches at the start of ``rest`` (rules marked
    as beginning-of-line only are tried only if ``bol``) and its match, or ``None``."""
    alt = state.at_bol if bol else state.elsewhere
    if alt is not None:
        # One match of the alternation finds the first rule that matches,
        # as trying the rules one by one would.
        cmatch = alt.match
        if cmatch is None:
            return None
        m = cmatch(rest)
        if m is None:
            return None
        rule = alt.table.get(m.lastindex or 0)
        if rule is not None:
            if rule.kind == TOKEN or rule.kind == NO_ACTION:
                return rule, m
            own = rule.match(rest)  # a callback gets the rule's own groups
            if own is not None:
                return rule, own
        # not expected: the rules one by one below
    for rule in state.rules:
        if rule.bol and not bol:
            continue
        m = rule.match(rest)
        if m is not None:
            return rule, m
    return None


def apply(stack: list[str], new_state: Any) -> None:
    """Change ``stack`` as a rule's new state says: a tuple of names, ``#pop``
    and ``#push`` applied in order; a negative int pops that many (never the last);
    ``#push`` alone pushes the current state again."""
    if isinstance(new_state, tuple):
        for state in new_state:
            if state == "#pop":
                if len(stack) > 1:
                    stack.pop()
            elif state == "#push":
                stack.append(stack[-1])
            else:
                stack.append(state)
    elif isinstance(new_state, int):
        if abs(new_state) >= len(stack):
            del stack[1:]
        else:
            del stack[new_state:]
    elif new_state == "#push":
        stack.append(stack[-1])
    else:
        raise ValueError(f"bad new state {new_state!r}")


def tokens(machine: Machine, lexer: Any, text: str, ctx: Any) -> TokenStream:
    """``(index, token, text)`` for ``text`` from the state on ``ctx.stack`` (which is
    left in the state the text ends in)."""
    pos = 0
    null_steps = 0
    end = len(text)
    while pos < end:
        rest = text[pos:]
        bol = pos == 0 or text[pos - 1] == "\n"
        stack: list[str] = ctx.stack
        picked = _pick(machine.state(stack[-1]), rest, bol)
        if picked is not None:
            rule, m = picked
            size = m.end()
            kind = rule.kind
            if kind == TOKEN:
                if size:
                    yield pos, rule.action, m.group()
            elif kind == WORDS:
                if size:
                    word = m.group()
                    yield pos, _word_token(rule, word), word
            elif kind == CALLBACK:
                for idx, tok, val in rule.action(lexer, m, ctx):
                    if val:
                        yield pos + idx, tok, val
            if rule.new_state is not None:
                apply(ctx.stack, rule.new_state)
            if size:
                null_steps = 0
                pos += size
                continue
            null_steps += 1
            if null_steps <= _MAX_NULL_SCANS:
                continue
        yield pos, Error, text[pos]
        pos += 1


def _word_token(rule: Rule, word: str) -> Any:
    found = rule.words
    assert found is not None
    return found.token(word)


def token_list(machine: Machine, lexer: Any, text: str, ctx: Any) -> list[tuple[Any, str]]:  # noqa: C901 - a hot loop kept inline
    """``[(token, value) for _, token, value in tokens(...)]``, in one loop that appends
    instead of yielding."""
    stack: list[str] = ctx.stack
    out: list[tuple[Any, str]] = []
    pos = 0
    null_steps = 0
    end = len(text)
    states = machine.states
    while pos < end:
        rest = text[pos:] if pos else text
        bol = pos == 0 or text[pos - 1] == "\n"
        name = stack[-1]
        state = states.get(name)
        if state is None:
            state = machine.state(name)
        alt = state.at_bol if bol else state.elsewhere
        rule: Rule | None = None
        m: re.Match[str] | None = None
        if alt is not None:
            cmatch = alt.match
            if cmatch is not None:
                m = cmatch(rest)
                if m is not None:
                    rule = alt.table.get(m.lastindex or 0)
                    if rule is not None and rule.kind == CALLBACK:
                        # a callback gets the rule's own groups (not expected to fail)
                        own = rule.match(rest)
                        if own is None:
                            rule = None
                        else:
                            m = own
                    if rule is None:
                        picked = _pick(state, rest, bol)
                        if picked is not None:
                            rule, m = picked
        else:
            picked = _pick(state, rest, bol)
            if picked is not None:
                rule, m = picked
        if rule is not None and m is not None:
            size = m.end()
            kind = rule.kind
            if kind == TOKEN:
                if size:
                    out.append((rule.action, m.group()))
            elif kind == WORDS:
                if size:
                    word = m.group()
                    out.append((_word_token(rule, word), word))
            elif kind == CALLBACK:
                for _idx, tok, val in rule.action(lexer, m, ctx):
                    if val:
                        out.append((tok, val))
                stack = ctx.stack
            new_state = rule.new_state
            if new_state is not None:
                apply(stack, new_state)
            if size:
                null_steps = 0
                pos += size
                continue
            null_steps += 1
            if null_steps <= _MAX_NULL_SCANS:
                continue
        out.append((Error, text[pos]))
        pos += 1
    return out


# -- joining a state's rules into one alternation ----------------------------------------

_BACKREF: Final = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")
# plain ints: arithmetic on ``re.RegexFlag`` members goes through enum's Python methods
_SCOPED_FLAGS: Final = (
    (int(re.IGNORECASE), "i"), (int(re.MULTILINE), "m"), (int(re.DOTALL), "s"), (int(re.VERBOSE), "x"),
)
_ASCII: Final = int(re.ASCII)
_UNICODE: Final = int(re.UNICODE)
_VERBOSE: Final = int(re.VERBOSE)
_SCOPABLE: Final = int(re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE | re.ASCII | re.UNICODE)


def _scoped(pattern: re.Pattern[str], base: int) -> str | None:
    """``pattern`` as a non-capturing group that keeps its own flags inside an
    alternation compiled with flags ``base``, or ``None`` if that cannot be written."""
    source = pattern.pattern
    while True:  # leading global flags are in pattern.flags
        m = _LEADING_FLAGS.match(source)
        if m is None:
            break
        source = source[m.end():]
    flags = int(pattern.flags)
    on = "".join([c for f, c in _SCOPED_FLAGS if flags & f and not base & f])
    off = "".join([c for f, c in _SCOPED_FLAGS if base & f and not flags & f])
    if flags & _ASCII and not base & _ASCII:
        on += "a"
    elif flags & _UNICODE and not base & _UNICODE:
        on += "u"
    if flags & ~_SCOPABLE:
        return None
    if flags & _VERBOSE:
        source += "\n"  # a trailing comment must not swallow the closing parenthesis
    if off:
        return f"(?{on}-{off}:{source})"
    return f"(?{on}:{source})" if on else f"(?:{source})"


def _renumbered(source: str, outer: int) -> str | None:
    """``source`` with its numeric back-references moved by ``outer`` (its groups come
    after ``outer`` others in the alternation); ``None`` if one cannot be."""
    out: list[str] = []
    i = 0
    n = len(source)
    in_class = False
    while i < n:
        c = source[i]
        if c == "\\" and i + 1 < n:
            d = source[i + 1]
            if not in_class and d in "123456789":
                j = i + 2
                if j < n and source[j].isdigit():
                    if d in "01234567" and source[j] in "01234567" \
                            and j + 1 < n and source[j + 1] in "01234567":
                        return None  # an octal escape
                    j += 1
                number = int(source[i + 1:j]) + outer
                if number > 99 or (j < n and source[j].isdigit()):
                    return None
                out.append(f"\\{number}")
                i = j
                continue
            out.append(source[i:i + 2])
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
        elif c == "[":
            in_class = True
            if source.startswith("^]", i + 1) or source.startswith("]", i + 1):
                k = i + 2 if source[i + 1] == "]" else i + 3
                out.append(source[i:k])
                i = k
                continue
        elif source.startswith("(?P=", i) or source.startswith("(?(", i):
            return None
        out.append(c)
        i += 1
    return "".join(out)


def _alternation(rules: list[Rule]) -> Alternation | None:
    """The rules as one alternation ``(?:rule1)()|(?:rule2)()|...``: the empty group
    closing each branch is the last group a match of that branch closes, so the
    match's ``lastindex`` names the rule.  (A group around each branch would do too,
    but the regex engine skips a branch that starts with a literal or a character
    class at once only when nothing comes before it.)"""
    if not rules:
        return Alternation(None, {})
    patterns = [r.pattern for r in rules]
    counts: dict[int, int] = {}
    for p in patterns:
        counts[int(p.flags)] = counts.get(int(p.flags), 0) + 1
    base = 0
    most = -1
    for flags, count in counts.items():  # the most common flags (the first of equals)
        if count > most:
            base, most = flags, count
    parts: list[str] = []
    table: dict[int, Rule] = {}
    group = 1
    for rule in rules:
        p = rule.pattern
        part = _scoped(p, base)
        if part is not None and _BACKREF.search(part):
            part = _renumbered(part, group - 1)
        if part is None:
            return None
        parts.append(part + "()")
        group += p.groups  # the rule's own groups, then its marker group
        table[group] = rule
        group += 1
    try:
        combined = re.compile("|".join(parts), base)
    except (re.error, RecursionError, OverflowError):
        return None
    if int(combined.flags) != base or combined.groups != group - 1:
        return None
    return Alternation(combined.match, table)
