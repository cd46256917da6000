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

The loop itself is in ``jekpy.highlight.scan`` (plain functions over the
rules, which a regular install compiles); the classes here turn Pygments-style
``tokens`` tables into its rules, one ``scan.Machine`` per lexer class.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator, Sequence
from typing import Any, ClassVar

from jekpy.highlight import scan
from jekpy.highlight._pyg import (
    LexerContext,
    RegexLexer,
    TokenType,
    include,
)

TokenStream = Iterator[tuple[int, TokenType, str]]
Callback = Callable[[Any, re.Match[str], LexerContext], TokenStream]


class RougeRegexLexer(RegexLexer):  # type: ignore[misc, unused-ignore]
    """Base class for the Rouge-compatible lexers."""

    flags = re.MULTILINE | re.ASCII
    saved_stack: list[str]
    initial_stack: ClassVar[tuple[str, ...]] = ("root",)
    _machine: ClassVar[scan.Machine]

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
    def machine(cls) -> scan.Machine:
        """The rules of this class (its own, built on first use from Pygments'
        compiled ``_tokens``)."""
        found: scan.Machine | None = cls.__dict__.get("_machine")
        if found is None:
            rules = {
                state: [scan.make_rule(rex.__self__, action, new) for rex, action, new in defs]
                for state, defs in cls._tokens.items()
            }
            found = cls._machine = scan.Machine(rules)
        return found

    @classmethod
    def ensure_state(cls, name: str, defs: list[Any]) -> None:
        """Add state ``name`` built from Pygments-style ``defs`` unless it exists.

        For states made at lex time (Rouge's anonymous ``push do … end``).
        ``include("x")`` entries refer to already compiled states.
        """
        rules = cls.machine().rules
        if name in rules:
            return
        compiled: list[scan.Rule] = []
        for d in defs:
            if isinstance(d, include):
                compiled.extend(rules[str(d)])
                continue
            pattern, action = d[0], d[1]
            new = _normalise(d[2]) if len(d) > 2 else None
            compiled.append(scan.make_rule(re.compile(ruby_regex(pattern), cls.flags), action, new))
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

    def continue_tokens(self, text: str) -> TokenStream:
        """Lex ``text`` from the state the previous call ended in (``continue_lex``)."""
        if not hasattr(self, "saved_stack"):
            self.restart()
        machine = self.machine()
        return scan.tokens(machine, self, text, LexerContext(text, 0, self.saved_stack))

    def token_list(self, text: str) -> list[tuple[TokenType, str]]:
        """``[(token, value) for _, token, value in get_tokens_unprocessed(text)]``:
        the same steps from the initial state, in one loop that appends instead of
        yielding."""
        self.reset()
        stack = self.saved_stack = list(self.initial_stack)
        machine = self.machine()
        return scan.token_list(machine, self, text, LexerContext(text, 0, stack))


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
) -> scan.Words:
    """A callback yielding the matched text with the token of the first set holding it.

    ``table`` is checked in order (the first collection containing the word,
    after ``fold`` such as ``str.lower`` if given, wins); a word in none gets
    ``default``.  The collections are read once, into a dict, so they must
    not change afterwards.  (The scan loop looks the word up without calling it.)
    """
    return scan.words(table, default, fold)
