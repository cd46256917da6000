"""Lexers by Rouge tag: Rouge-compatible ones written here, else Pygments' own."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from jekpy.highlight._pyg import ClassNotFound, Lexer, Text, TokenType, get_lexer_by_name

# Rouge tag -> "module:Class" of a lexer in this package.
OWN_LEXERS: dict[str, str] = {
    "shell": "shell:ShellLexer",
    "console": "console:ConsoleLexer",
    "python": "python:PythonLexer",
    "ruby": "ruby:RubyLexer",
    "javascript": "javascript:JavascriptLexer",
    "json": "javascript:JsonLexer",
    "typescript": "javascript:TypescriptLexer",
    "liquid": "liquid:LiquidLexer",
    "markdown": "markdown:MarkdownLexer",
    "conf": "config:ConfLexer",
    "ini": "config:IniLexer",
    "docker": "config:DockerLexer",
    "tex": "tex:TexLexer",
    "r": "r:RLexer",
    "toml": "config:TomlLexer",
    "properties": "config:PropertiesLexer",
    "erb": "erb:ErbLexer",
    "scss": "scss:ScssLexer",
    "sass": "scss:SassLexer",
    "handlebars": "templates:HandlebarsLexer",
    "jinja": "templates:JinjaLexer",
    "twig": "templates:TwigLexer",
    "hcl": "hcl:HclLexer",
    "terraform": "hcl:TerraformLexer",
    "batchfile": "batchfile:BatchfileLexer",
    "csharp": "csharp:CSharpLexer",
    "swift": "swift:SwiftLexer",
    "kotlin": "kotlin:KotlinLexer",
    "lua": "lua:LuaLexer",
    "haskell": "haskell:HaskellLexer",
    "php": "php:PhpLexer",
    "julia": "julia:JuliaLexer",
    "jsx": "javascript:JsxLexer",
    "nginx": "config:NginxLexer",
    "apache": "config:ApacheLexer",
    "viml": "config:VimLexer",
    "protobuf": "config:ProtobufLexer",
    "cuda": "c:CudaLexer",
    "tsx": "javascript:TsxLexer",
    "json-doc": "javascript:JsonDocLexer",
    "systemd": "config:SystemdLexer",
    "perl": "perl:PerlLexer",
    "powershell": "powershell:PowershellLexer",
    "elixir": "elixir:ElixirLexer",
    "groovy": "groovy:GroovyLexer",
    "gradle": "groovy:GradleLexer",
    "dart": "groovy:DartLexer",
    "objective_c": "objc:ObjectiveCLexer",
    "coffeescript": "coffeescript:CoffeescriptLexer",
    "cmake": "cmake:CMakeLexer",
    "erlang": "erlang:ErlangLexer",
    "yaml": "yaml:YamlLexer",
    "css": "markup:CssLexer",
    "html": "markup:HtmlLexer",
    "xml": "markup:XmlLexer",
    "diff": "diff:DiffLexer",
    "c": "c:CLexer",
    "cpp": "c:CppLexer",
    "sql": "sql:SqlLexer",
    "java": "java:JavaLexer",
    "go": "go:GoLexer",
    "rust": "rust:RustLexer",
    "make": "make:MakeLexer",
    "matlab": "matlab:MatlabLexer",
    "clojure": "clojure:ClojureLexer",
    "nasm": "nasm:NasmLexer",
    "glsl": "c:GlslLexer",
    "scala": "scala:ScalaLexer",
    "common_lisp": "common_lisp:CommonLispLexer",
}

# Rouge tag -> Pygments alias, where the names differ.
PYGMENTS_ALIASES: dict[str, str] = {
    "common_lisp": "common-lisp",
    "console": "console",
    "vb": "vbnet",
    "objective_cpp": "objective-c++",
    "literate_haskell": "lhs",
    "plist": "xml",
    "irb": "rbcon",
    "pry": "rbcon",
}

Tokens = list[tuple[TokenType, str]]


def _load(spec: str) -> type[Lexer]:
    mod, cls = spec.split(":")
    module = import_module(f"jekpy.highlight.lexers.{mod}")
    found: type[Lexer] = getattr(module, cls)
    return found


_factories: dict[str, Callable[[], Lexer] | None] = {}


def _factory(tag: str) -> Callable[[], Lexer] | None:
    if tag in _factories:
        return _factories[tag]
    factory: Callable[[], Lexer] | None = None
    if tag in OWN_LEXERS:
        cls = _load(OWN_LEXERS[tag])

        def factory() -> Lexer:
            return cls(stripnl=False, ensurenl=False)
    else:
        try:
            get_lexer_by_name(PYGMENTS_ALIASES.get(tag, tag))
        except ClassNotFound:
            factory = None
        else:
            alias = PYGMENTS_ALIASES.get(tag, tag)

            def factory() -> Lexer:
                return get_lexer_by_name(alias, stripnl=False, ensurenl=False)
    _factories[tag] = factory
    return factory


def make_lexer(tag: str) -> Lexer | None:
    """A fresh lexer for Rouge tag ``tag`` (``None`` for plain text / unknown)."""
    if tag == "plaintext":
        return None
    factory = _factory(tag)
    return factory() if factory is not None else None


def lex(code: str, tag: str) -> Tokens:
    """Tokens for ``code`` with the lexer for Rouge tag ``tag`` (plain text if none)."""
    if tag == "plaintext":
        return [(Text, code)]
    factory = _factory(tag)
    if factory is None:
        return [(Text, code)]
    tokens = [(tok, val) for _, tok, val in factory().get_tokens_unprocessed(code)]
    produced = "".join(val for _, val in tokens)
    if produced != code and produced.startswith(code):
        # a Pygments lexer added text (a final newline): drop it
        extra = len(produced) - len(code)
        while extra and tokens:
            tok, val = tokens[-1]
            if len(val) <= extra:
                extra -= len(val)
                tokens.pop()
            else:
                tokens[-1] = (tok, val[: len(val) - extra])
                extra = 0
    if "".join(val for _, val in tokens) != code:
        # never lose or alter text: fall back to plain escaping
        return [(Text, code)]
    return tokens
