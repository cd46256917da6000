"""Word lists of Rouge 3.30's ``tcl`` lexer (lexers/tcl.py), kept apart from it."""

from __future__ import annotations

BUILTINS = ["append", "bgerror", "binary", "cd", "chan", "clock", "close", "concat", "dde", "dict", "encoding", "eof", "exec", "exit", "fblocked", "fconfigure", "fcopy", "file", "fileevent", "flush", "format", "gets", "glob", "history", "http", "incr", "info", "interp", "join", "lappend", "lassign", "lindex", "linsert", "list", "llength", "load", "loadTk", "lrange", "lrepeat", "lreplace", "lreverse", "lsearch", "lset", "lsort", "mathfunc", "mathop", "memory", "msgcat", "open", "package", "pid", "pkg::create", "pkg_mkIndex", "platform", "platform::shell", "puts", "pwd", "re_syntax", "read", "refchan", "regexp", "registry", "regsub", "scan", "seek", "socket", "source", "split", "string", "subst", "tell", "time", "tm", "unknown", "unload"]
