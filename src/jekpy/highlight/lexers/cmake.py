"""CMake and Erlang tokenised as Rouge 3.30's ``cmake``/``erlang`` lexers do."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Keyword,
    LexerContext,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    TokenType,
    bygroups,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer

TokenStream = Iterator[tuple[int, TokenType, str]]

CMAKE_BUILTINS = frozenset(
    ["add_compile_definitions", "add_compile_options", "add_custom_command", "add_custom_target", "add_definitions", "add_dependencies", "add_executable", "add_library", "add_link_options", "add_subdirectory", "add_test", "aux_source_directory", "break", "build_command", "build_name", "cmake_host_system_information", "cmake_language", "cmake_minimum_required", "cmake_parse_arguments", "cmake_policy", "configure_file", "create_test_sourcelist", "define_property", "else", "elseif", "enable_language", "enable_testing", "endforeach", "endfunction", "endif", "endmacro", "endwhile", "exec_program", "execute_process", "export", "export_library_dependencies", "file", "find_file", "find_library", "find_package", "find_path", "find_program", "fltk_wrap_ui", "foreach", "function", "get_cmake_property", "get_directory_property", "get_filename_component", "get_property", "get_source_file_property", "get_target_property", "get_test_property", "if", "include", "include_directories", "include_external_msproject", "include_guard", "include_regular_expression", "install", "install_files", "install_programs", "install_targets", "link_directories", "link_libraries", "list", "load_cache", "load_command", "macro", "make_directory", "mark_as_advanced", "math", "message", "option", "output_required_files", "project", "qt_wrap_cpp", "qt_wrap_ui", "remove", "remove_definitions", "return", "separate_arguments", "set", "set_directory_properties", "set_property", "set_source_files_properties", "set_target_properties", "set_tests_properties", "site_name", "source_group", "string", "subdir_depends", "subdirs", "target_compile_definitions", "target_compile_features", "target_compile_options", "target_include_directories", "target_link_directories", "target_link_libraries", "target_link_options", "target_precompile_headers", "target_sources", "try_compile", "try_run", "unset", "use_mangled_mesa", "utility_source", "variable_requires", "variable_watch", "while", "write_file"]
)

_STATE_TOKEN: dict[str, TokenType] = {
    "root": Text,
    "bracket_string": String.Double,
    "quoted_argument": String.Double,
    "bracket_comment": Comment.Multiline,
    "variable_reference": Name.Variable,
}


def _default(state: str) -> list[Any]:
    tok = _STATE_TOKEN[state]
    return [(r"\r\n?|\n", tok), (r".", tok)]


def _bracket_close(lexer: CMakeLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, _STATE_TOKEN[ctx.stack[-1]], match.group()
    if len(match.group()) == lexer.bracket_len:
        ctx.stack[-1] = "root"


def _bracket_open(
    lexer: CMakeLexer, match: re.Match[str], ctx: LexerContext, comment: bool
) -> TokenStream:
    if comment:
        yield 0, Comment.Multiline, match.group()
        lexer.bracket_len = len(match.group()) - 1
        ctx.stack[-1] = "bracket_comment"
    else:
        yield 0, String.Double, match.group()
        lexer.bracket_len = len(match.group())
        ctx.stack[-1] = "bracket_string"


def _command(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    tok = Name.Builtin if match.group(1) in CMAKE_BUILTINS else Name.Function
    yield 0, tok, match.group(1)
    yield match.start(2), Text, match.group(2)
    yield match.start(3), Punctuation, match.group(3)


class CMakeLexer(RougeRegexLexer):
    """Rouge's ``cmake`` lexer."""

    name = "CMake (Rouge)"
    aliases = ["rouge-cmake"]

    bracket_len: int = 0

    def reset(self) -> None:
        self.bracket_len = 0

    tokens: dict[str, Any] = {
        "variable_interpolation": [(r"\$\{", String.Interpol, "variable_reference")],
        "bracket_close": [(r"\]=*\]", _bracket_close)],
        "root": [
            include("variable_interpolation"),
            (r"[ \t]", Text),
            (r"[()]", Punctuation),
            (r"#\[=*\[", lambda lx, m, c: _bracket_open(lx, m, c, True)),
            (r"\[=*\[", lambda lx, m, c: _bracket_open(lx, m, c, False)),
            (r'\\"', Text),
            (r'"', String.Double, "quoted_argument"),
            (r"([A-Za-z_][A-Za-z0-9_]*)([ \t]*)(\()", _command),
            (r"#.*", Comment.Single),
            *_default("root"),
        ],
        "bracket_string": [
            include("bracket_close"),
            include("variable_interpolation"),
            *_default("bracket_string"),
        ],
        "bracket_comment": [include("bracket_close"), *_default("bracket_comment")],
        "variable_reference": [
            include("variable_interpolation"),
            (r"\}", String.Interpol, "#pop"),
            *_default("variable_reference"),
        ],
        "quoted_argument": [
            include("variable_interpolation"),
            (r'"', String.Double, "root"),
            (r'\\[()#" \\$@^trn;]', String.Escape),
            *_default("quoted_argument"),
        ],
    }


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
