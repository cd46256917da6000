"""Word lists of Rouge 3.30's ``crystal`` lexer (lexers/crystal.py), kept apart from it."""

from __future__ import annotations

BUILTINS = ["abort", "ancestors", "at_exit", "caller", "catch", "chomp", "chop", "clone", "constants", "display", "dup", "eval", "exec", "exit", "extend", "fail", "fork", "format", "freeze", "getc", "gets", "global_variables", "gsub", "hash", "id", "included_modules", "inspect", "instance_eval", "instance_method", "instance_methods", "lambda", "loop", "method", "method_missing", "methods", "module_eval", "name", "object_id", "open", "p", "print", "printf", "proc", "putc", "puts", "raise", "rand", "readline", "readlines", "require", "scan", "select", "self", "send", "sleep", "split", "sprintf", "srand", "sub", "syscall", "system", "test", "throw", "to_a", "to_s", "trap", "warn"]
