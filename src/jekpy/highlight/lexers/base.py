"""A Pygments ``RegexLexer`` that scans the way Rouge's ``RegexLexer`` does.

Differences from Pygments' own loop, all of which show in Rouge's output:

* every rule is matched against the *rest* of the input (Ruby's
  ``StringScanner``), so ``\\b``, look-behinds and ``^`` cannot see what was
  already consumed; a rule whose pattern starts with ``^`` is only tried at
  the beginning of a line;
* a character no rule matches becomes an ``Error`` token and the state stack
  is left alone (Pygments resets to ``root`` at a newline);
* after more than five consecutive empty matches the step fails;
* ``reset()`` runs before each lex (Rouge's ``start`` blocks).

Patterns are compiled with ``re.MULTILINE | re.ASCII`` by default: Ruby's
``\\w``, ``\\d``, ``\\s`` are ASCII-only, ``$`` and ``^`` are line anchors.
Rules may use Pygments' ``bygroups``/``using``/``default``/``include`` and
callbacks ``cb(lexer, match, ctx)`` yielding ``(index, token, text)``;
callbacks can change ``ctx.stack``.  The position always advances by the
length of the match.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator, Sequence
from typing import Any, ClassVar

from jekpy.highlight._pyg import (
    TOKEN_CLASS,
    Error,
    LexerContext,
    RegexLexer,
    TokenType,
    include,
)

TokenStream = Iterator[tuple[int, TokenType, str]]
Callback = Callable[[Any, re.Match[str], LexerContext], TokenStream]

_MAX_NULL_SCANS = 5
_LEADING_FLAGS = re.compile(r"\A\(\?[a-zA-Z]+\)")


class RougeRegexLexer(RegexLexer):  # type: ignore[misc, unused-ignore]
    """Base class for the Rouge-compatible lexers."""

    flags = re.MULTILINE | re.ASCII
    saved_stack: list[str]
    initial_stack: ClassVar[tuple[str, ...]] = ("root",)
    _rules: ClassVar[dict[str, list[tuple[Any, Any, Any, bool]]]]
    _combos: ClassVar[dict[str, _Combined | None]]

    def __init__(self, **options: Any) -> None:
        options.setdefault("stripnl", False)
        options.setdefault("ensurenl", False)
        super().__init__(**options)

    def reset(self) -> None:
        """Per-lex initialisation (Rouge's ``start`` blocks)."""

    @classmethod
    def _process_regex(cls, regex: str, rflags: int, state: str) -> Any:
        """Compile like Pygments, with Ruby's Unicode-aware ``\\b``."""
        return re.compile(ruby_regex(regex), rflags).match

    @classmethod
    def _rouge_rules(cls) -> dict[str, list[tuple[Any, Any, Any, bool]]]:
        if "_rules" not in cls.__dict__:
            rules: dict[str, list[tuple[Any, Any, Any, bool]]] = {}
            for state, defs in cls._tokens.items():
                rules[state] = [
                    (rex, action, new, _LEADING_FLAGS.sub("", rex.__self__.pattern).startswith("^"))
                    for rex, action, new in defs
                ]
            cls._rules = rules
        return cls._rules

    @classmethod
    def ensure_state(cls, name: str, defs: list[Any]) -> None:
        """Add state ``name`` built from Pygments-style ``defs`` unless it exists.

        For states made at lex time (Rouge's anonymous ``push do … end``).
        ``include("x")`` entries refer to already compiled states.
        """
        rules = cls._rouge_rules()
        if name in rules:
            return
        compiled: list[tuple[Any, Any, Any, bool]] = []
        for d in defs:
            if isinstance(d, include):
                compiled.extend(rules[str(d)])
                continue
            pattern, action = d[0], d[1]
            new = _normalise(d[2]) if len(d) > 2 else None
            rex = re.compile(ruby_regex(pattern), cls.flags)
            bol = _LEADING_FLAGS.sub("", pattern).startswith("^")
            compiled.append((rex.match, action, new, bol))
        rules[name] = compiled

    def get_tokens_unprocessed(
        self, text: str, stack: tuple[str, ...] | None = None
    ) -> TokenStream:
        self.reset()
        self.saved_stack = list(stack or self.initial_stack)
        return self.continue_tokens(text)

    def restart(self) -> None:
        """Rouge's ``reset!``: back to the initial states, run ``reset()``."""
        self.reset()
        self.saved_stack = list(self.initial_stack)

    @classmethod
    def _combined(cls, state: str) -> _Combined | None:
        """The rules of ``state`` as one alternation per position kind (see
        :func:`_combine`), built on first use; ``None`` when they cannot be combined."""
        if "_combos" not in cls.__dict__:
            cls._combos = {}
        try:
            return cls._combos[state]
        except KeyError:
            combo = cls._combos[state] = _combine(cls._rouge_rules()[state])
            return combo

    def continue_tokens(self, text: str) -> TokenStream:
        """Lex ``text`` from the state the previous call ended in (``continue_lex``)."""
        if not hasattr(self, "saved_stack"):
            self.restart()
        rules = self._rouge_rules()
        cls = type(self)
        combos = self._combos if "_combos" in cls.__dict__ else {}
        ctx = LexerContext(text, 0, self.saved_stack)
        pos = 0
        null_steps = 0
        end = len(text)
        while pos < end:
            rest = text[pos:]
            bol = pos == 0 or text[pos - 1] == "\n"
            state = ctx.stack[-1]
            combo = combos.get(state, _UNSET)
            if combo is _UNSET:
                combo = self._combined(state)
                combos = cls._combos
            picked = _pick(combo, rules[state], rest, bol)
            if picked is not None:
                (_rex, action, new_state, _bol), m = picked
                size = m.end()
                if action is not None:
                    if type(action) is TOKEN_CLASS:
                        if size:
                            yield pos, action, m.group()
                    else:
                        for idx, tok, val in action(self, m, ctx):
                            if val:
                                yield pos + idx, tok, val
                if new_state is not None:
                    _apply(ctx.stack, new_state)
                if size:
                    null_steps = 0
                    pos += size
                    continue
                null_steps += 1
                if null_steps <= _MAX_NULL_SCANS:
                    continue
            yield pos, Error, text[pos]
            pos += 1


    def token_list(self, text: str) -> list[tuple[TokenType, str]]:  # noqa: C901, PLR0915 - a hot loop kept inline for speed
        """``[(token, value) for _, token, value in get_tokens_unprocessed(text)]``:
        the same steps as ``continue_tokens`` from the initial state, in one loop
        that appends instead of yielding (the combined alternation's match is used
        directly when its rule has a token action)."""
        self.reset()
        stack = self.saved_stack = list(self.initial_stack)
        rules = self._rouge_rules()
        cls = type(self)
        combos = self._combos if "_combos" in cls.__dict__ else {}
        ctx = LexerContext(text, 0, stack)
        out: list[tuple[TokenType, str]] = []
        append = out.append
        pos = 0
        null_steps = 0
        end = len(text)
        while pos < end:
            rest = text[pos:] if pos else text
            bol = pos == 0 or text[pos - 1] == "\n"
            state = stack[-1]
            combo = combos.get(state, _UNSET)
            if combo is _UNSET:
                combo = self._combined(state)
                combos = cls._combos
            picked: tuple[_Rule, re.Match[str]] | None
            if combo is not None:
                cmatch, table = combo[0] if bol else combo[1]
                m = cmatch(rest) if cmatch is not None else None
                if m is None:
                    picked = None
                else:
                    rule = table.get(m.lastindex or 0)
                    if rule is not None and (type(rule[1]) is TOKEN_CLASS or rule[1] is None):
                        # _pick's common case, inline
                        action = rule[1]
                        new_state = rule[2]
                        size = m.end()
                        if size and action is not None:
                            append((action, m.group()))
                        if new_state is not None:
                            _apply(stack, new_state)
                        if size:
                            null_steps = 0
                            pos += size
                            continue
                        null_steps += 1
                        if null_steps <= _MAX_NULL_SCANS:
                            continue
                        append((Error, text[pos]))
                        pos += 1
                        continue
                    own = rule[0](rest) if rule is not None else None
                    # a callback gets the rule's own groups (not expected to fail)
                    picked = ((rule, own) if rule is not None and own is not None
                              else _pick(combo, rules[state], rest, bol))
            else:
                picked = _pick(combo, rules[state], rest, bol)
            if picked is not None:
                (_rex, action, new_state, _bol), m = picked
                size = m.end()
                if action is not None:
                    if type(action) is TOKEN_CLASS:
                        if size:
                            append((action, m.group()))
                    else:
                        for _idx, tok, val in action(self, m, ctx):
                            if val:
                                append((tok, val))
                        stack = ctx.stack
                if new_state is not None:
                    _apply(stack, new_state)
                if size:
                    null_steps = 0
                    pos += size
                    continue
                null_steps += 1
                if null_steps <= _MAX_NULL_SCANS:
                    continue
            append((Error, text[pos]))
            pos += 1
        return out


_Rule = tuple[Any, Any, Any, bool]
#: (match function of the alternation or None, outer group number -> rule)
_Alternation = tuple[Callable[[str], "re.Match[str] | None"] | None, dict[int, _Rule]]
#: (alternation at the beginning of a line, alternation elsewhere)
_Combined = tuple[_Alternation, _Alternation]
_UNSET: Any = object()
_BACKREF = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")
# plain ints: arithmetic on ``re.RegexFlag`` members goes through enum's Python methods
_SCOPED_FLAGS = tuple(
    (int(f), c) for f, c in ((re.IGNORECASE, "i"), (re.MULTILINE, "m"), (re.DOTALL, "s"), (re.VERBOSE, "x"))
)
_ASCII, _UNICODE, _VERBOSE = int(re.ASCII), int(re.UNICODE), int(re.VERBOSE)
_SCOPABLE = int(re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE | re.ASCII | re.UNICODE)


def _scoped(pattern: re.Pattern[str], base: int) -> str | None:
    """``pattern`` as a group that keeps its own flags inside an alternation compiled
    with flags ``base``, or ``None`` if that cannot be written."""
    source = pattern.pattern
    while True:  # leading global flags are in pattern.flags
        m = _LEADING_FLAGS.match(source)
        if m is None:
            break
        source = source[m.end():]
    flags = int(pattern.flags)
    base = int(base)
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
    return f"((?{on}-{off}:{source}))" if off else f"((?{on}:{source}))" if on else f"({source})"


def _renumbered(source: str, outer: int) -> str | None:
    """``source`` (wrapped in group ``outer``) with its numeric back-references moved
    to the group numbers its groups get after ``outer``; ``None`` if one cannot be."""
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


def _alternation(rules: list[_Rule]) -> _Alternation | None:
    if not rules:
        return None, {}
    patterns = [r[0].__self__ for r in rules]
    counts: dict[int, int] = {}
    for p in patterns:
        counts[p.flags] = counts.get(p.flags, 0) + 1
    base = max(counts, key=lambda f: counts[f])
    parts: list[str] = []
    table: dict[int, _Rule] = {}
    group = 1
    for p, rule in zip(patterns, rules, strict=True):
        part = _scoped(p, base)
        if part is not None and _BACKREF.search(part):
            part = _renumbered(part, group)
        if part is None:
            return None
        parts.append(part)
        table[group] = rule
        group += 1 + p.groups
    try:
        combined = re.compile("|".join(parts), base)
    except (re.error, RecursionError, OverflowError):
        return None
    if combined.flags != base or combined.groups != group - 1:
        return None
    return combined.match, table


def _combine(rules: list[_Rule]) -> _Combined | None:
    """The rules as two alternations (all of them at the beginning of a line; the
    others without those only tried there), whose first matching branch is the rule
    Rouge's loop would pick; ``None`` if a pattern does not allow it."""
    at_bol = _alternation(rules)
    if at_bol is None:
        return None
    elsewhere = _alternation([r for r in rules if not r[3]])
    if elsewhere is None:
        return None
    return at_bol, elsewhere


def _pick(combo: _Combined | None, rules: list[_Rule], rest: str,
          bol: bool) -> tuple[_Rule, re.Match[str]] | None:
    """The first rule that matches at the start of ``rest`` (rules marked as
    beginning-of-line only are tried only if ``bol``) and its match; ``None`` if none."""
    if combo is not None:
        # One match of the alternation finds the first rule that matches,
        # as trying the rules one by one would.
        cmatch, table = combo[0] if bol else combo[1]
        if cmatch is None:
            return None
        m = cmatch(rest)
        if m is None:
            return None
        rule = table.get(m.lastindex or 0)
        if rule is not None:
            if type(rule[1]) is TOKEN_CLASS or rule[1] is None:
                return rule, m
            own = rule[0](rest)  # a callback gets the rule's own groups
            if own is not None:
                return rule, own
        # not expected: the rules one by one below
    for rule in rules:
        if rule[3] and not bol:
            continue
        m = rule[0](rest)
        if m is not None:
            return rule, m
    return None


def _apply(stack: list[str], new_state: Any) -> None:
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


def ruby_regex(pattern: str) -> str:
    """Make ``\\b``/``\\B`` Unicode-aware as in Ruby (where ``\\w`` is ASCII-only)."""
    if "\\b" not in pattern and "\\B" not in pattern:
        return pattern
    out: list[str] = []
    i = 0
    in_class = False
    n = len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\" and i + 1 < n:
            nxt = pattern[i + 1]
            if not in_class and nxt in "bB":
                out.append(f"(?u:\\{nxt})")
            else:
                out.append(c + nxt)
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
        elif c == "[":
            in_class = True
            out.append(c)
            i += 1
            # a ']' right after '[' or '[^' is literal
            if i < n and pattern[i] == "^":
                out.append("^")
                i += 1
            if i < n and pattern[i] == "]":
                out.append("]")
                i += 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _normalise(new_state: Any) -> Any:
    if new_state == "#pop":
        return -1
    if isinstance(new_state, str) and new_state.startswith("#pop:"):
        return -int(new_state[5:])
    if isinstance(new_state, str) and new_state != "#push":
        return (new_state,)
    return new_state


def push(*states: str) -> tuple[str, ...]:
    """Readability helper for a new-state tuple."""
    return states


def word_set(words: str) -> frozenset[str]:
    """The whitespace-separated words of ``words`` (Ruby's ``%w(…)``) as a set."""
    return frozenset(words.split())


def union(words: str) -> str:
    """Ruby's ``Regexp.union`` of the literal words of ``words``, in their order."""
    return "|".join(re.escape(w) for w in words.split())


def classify(
    table: Sequence[tuple[Collection[str], TokenType]],
    default: TokenType,
    fold: Callable[[str], str] | None = None,
) -> Callback:
    """A callback yielding the matched text with the token of the first set holding it.

    ``table`` is checked in order (the first collection containing the word,
    after ``fold`` such as ``str.lower`` if given, wins); a word in none gets
    ``default``.  The collections are read once, into a dict, so they must
    not change afterwards.
    """
    lookup: dict[str, TokenType] = {}
    for words, tok in table:
        if isinstance(words, str):
            raise TypeError("classify() wants collections of words, not a string")
        for word in words:
            lookup.setdefault(word, tok)
    get = lookup.get

    if fold is None:

        def callback(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
            word = match.group()
            yield 0, get(word, default), word

    else:
        folder = fold

        def callback(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
            word = match.group()
            yield 0, get(folder(word), default), word

    return callback
