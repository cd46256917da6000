"""Erlang tokenised as Rouge 3.30's ``erlang`` lexer does."""

from __future__ import annotations

from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Keyword,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    bygroups,
)
from jekpy.highlight.lexers.base import RougeRegexLexer

_ERL_KEYWORDS = ["after", "begin", "case", "catch", "cond", "end", "fun", "if", "let", "of", "query", "receive", "try", "when"]
_ERL_BUILTINS = ["abs", "append_element", "apply", "atom_to_list", "binary_to_list", "bitstring_to_list", "binary_to_term", "bit_size", "bump_reductions", "byte_size", "cancel_timer", "check_process_code", "delete_module", "demonitor", "disconnect_node", "display", "element", "erase", "exit", "float", "float_to_list", "fun_info", "fun_to_list", "function_exported", "garbage_collect", "get", "get_keys", "group_leader", "hash", "hd", "integer_to_list", "iolist_to_binary", "iolist_size", "is_atom", "is_binary", "is_bitstring", "is_boolean", "is_builtin", "is_float", "is_function", "is_integer", "is_list", "is_number", "is_pid", "is_port", "is_process_alive", "is_record", "is_reference", "is_tuple", "length", "link", "list_to_atom", "list_to_binary", "list_to_bitstring", "list_to_existing_atom", "list_to_float", "list_to_integer", "list_to_pid", "list_to_tuple", "load_module", "localtime_to_universaltime", "make_tuple", "md5", "md5_final", "md5_update", "memory", "module_loaded", "monitor", "monitor_node", "node", "nodes", "open_port", "phash", "phash2", "pid_to_list", "port_close", "port_command", "port_connect", "port_control", "port_call", "port_info", "port_to_list", "process_display", "process_flag", "process_info", "purge_module", "put", "read_timer", "ref_to_list", "register", "resume_process", "round", "send", "send_after", "send_nosuspend", "set_cookie", "setelement", "size", "spawn", "spawn_link", "spawn_monitor", "spawn_opt", "split_binary", "start_timer", "statistics", "suspend_process", "system_flag", "system_info", "system_monitor", "system_profile", "term_to_binary", "tl", "trace", "trace_delivered", "trace_info", "trace_pattern", "trunc", "tuple_size", "tuple_to_list", "universaltime_to_localtime", "unlink", "unregister", "whereis"]
_ERL_WORD_OPS = ["and", "andalso", "band", "bnot", "bor", "bsl", "bsr", "bxor", "div", "not", "or", "orelse", "rem", "xor"]
_ATOM = r"(?:[a-z][a-zA-Z0-9_]*|'[^\n']*[^\\]')"
_VARIABLE = r"(?:[A-Z_][a-zA-Z0-9_]*)"
_ESCAPE = r"(?:\\(?:[bdefnrstv'\"\\/]|[0-7][0-7]?[0-7]?|\^[a-zA-Z]))"
_MACRO = rf"(?:{_VARIABLE}|{_ATOM})"
_BASE = r"(?:[2-9]|[12][0-9]|3[0-6])"


class ErlangLexer(RougeRegexLexer):
    """Rouge's ``erlang`` lexer (tags erlang, erl)."""

    name = "Erlang (Rouge)"
    aliases = ["rouge-erlang"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\s+", Text),
            (r"%.*\n", Comment),
            (r"(" + "|".join(_ERL_KEYWORDS) + r")\b", Keyword),
            (r"(" + "|".join(_ERL_BUILTINS) + r")\b", Name.Builtin),
            (r"(" + "|".join(_ERL_WORD_OPS) + r")\b", Operator.Word),
            (r"^-", Punctuation, "directive"),
            (r"(\+\+?|--?|\*|/|<|>|/=|=:=|=/=|=<|>=|==?|<-|!|\?)", Operator),
            (r'"', String, "string"),
            (r"<<", Name.Label),
            (r">>", Name.Label),
            (rf"({_ATOM})(:)", bygroups(Name.Namespace, Punctuation)),
            (rf"(?:^|(?<=:))({_ATOM})(\s*)(\()", bygroups(Name.Function, Text, Punctuation)),
            (rf"[+-]?{_BASE}#[0-9a-zA-Z]+", Number.Integer),
            (r"[+-]?\d+", Number.Integer),
            (r"[+-]?\d+.\d+", Number.Float),
            (r"[\]\[:_@\".{}()|;,]", Punctuation),
            (_VARIABLE, Name.Variable),
            (_ATOM, Name),
            (rf"\?{_MACRO}", Name.Constant),
            (rf"\$(?:{_ESCAPE}|\\[ %]|[^\\])", String.Char),
            (rf"#{_ATOM}(:?\.{_ATOM})?", Name.Label),
        ],
        "string": [
            (_ESCAPE, String.Escape),
            (r'"', String, "#pop"),
            (r"~[0-9.*]*[~#+bBcdefginpPswWxX]", String.Interpol),
            (r'[^"\\~]+', String),
            (r"~", String),
        ],
        "directive": [
            (
                rf"(define)(\s*)(\()({_MACRO})",
                bygroups(Name.Entity, Text, Punctuation, Name.Constant),
                "#pop",
            ),
            (
                rf"(record)(\s*)(\()({_MACRO})",
                bygroups(Name.Entity, Text, Punctuation, Name.Label),
                "#pop",
            ),
            (_ATOM, Name.Entity, "#pop"),
        ],
    }
