"""CMake tokenised as Rouge 3.30's ``cmake`` lexer does (bracket arguments and
``${…}`` references included)."""

from __future__ import annotations

import re
from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    LexerContext,
    Name,
    Punctuation,
    String,
    Text,
    TokenType,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream

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

