"""Lexers by Rouge tag: Rouge-compatible ones written here, else Pygments' own."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from jekpy.highlight._pyg import ClassNotFound, Lexer, Text, TokenType, get_lexer_by_name
from jekpy.highlight.lexers.base import RougeRegexLexer

# Rouge tag -> "module:Class" of a lexer in this package.
OWN_LEXERS: dict[str, str] = {
    "abap": "abap:AbapLexer",
    "actionscript": "actionscript:ActionscriptLexer",
    "ada": "ada:AdaLexer",
    "apache": "config:ApacheLexer",
    "apex": "apex:ApexLexer",
    "apiblueprint": "markdown:ApiBlueprintLexer",
    "applescript": "applescript:AppleScriptLexer",
    "armasm": "armasm:ArmAsmLexer",
    "augeas": "augeas:AugeasLexer",
    "awk": "awk:AwkLexer",
    "batchfile": "batchfile:BatchfileLexer",
    "bbcbasic": "bbcbasic:BbcBasicLexer",
    "bibtex": "bibtex:BibtexLexer",
    "biml": "biml:BimlLexer",
    "bpf": "bpf:BpfLexer",
    "brainfuck": "brainfuck:BrainfuckLexer",
    "brightscript": "brightscript:BrightscriptLexer",
    "bsl": "bsl:BslLexer",
    "c": "c:CLexer",
    "ceylon": "ceylon:CeylonLexer",
    "cfscript": "cfscript:CfscriptLexer",
    "clean": "clean:CleanLexer",
    "clojure": "clojure:ClojureLexer",
    "cmake": "cmake:CMakeLexer",
    "cmhg": "riscos:CmhgLexer",
    "coffeescript": "coffeescript:CoffeescriptLexer",
    "common_lisp": "common_lisp:CommonLispLexer",
    "conf": "config:ConfLexer",
    "console": "console:ConsoleLexer",
    "coq": "coq:CoqLexer",
    "cpp": "c:CppLexer",
    "crystal": "crystal:CrystalLexer",
    "csharp": "csharp:CSharpLexer",
    "css": "markup:CssLexer",
    "csvs": "csvs:CsvsLexer",
    "cuda": "c:CudaLexer",
    "cypher": "cypher:CypherLexer",
    "cython": "python:CythonLexer",
    "d": "d:DLexer",
    "dafny": "dafny:DafnyLexer",
    "dart": "groovy:DartLexer",
    "datastudio": "datastudio:DatastudioLexer",
    "diff": "diff:DiffLexer",
    "digdag": "yaml:DigdagLexer",
    "docker": "config:DockerLexer",
    "dot": "dot:DotLexer",
    "ecl": "ecl:EclLexer",
    "eex": "erb:EexLexer",
    "eiffel": "eiffel:EiffelLexer",
    "elixir": "elixir:ElixirLexer",
    "elm": "elm:ElmLexer",
    "email": "textformats:EmailLexer",
    "epp": "erb:EppLexer",
    "erb": "erb:ErbLexer",
    "erlang": "erlang:ErlangLexer",
    "escape": "escape:EscapeLexer",
    "factor": "factor:FactorLexer",
    "fluent": "fluent:FluentLexer",
    "fortran": "fortran:FortranLexer",
    "freefem": "freefem:FreeFemLexer",
    "fsharp": "ml:FSharpLexer",
    "gdscript": "gdscript:GDScriptLexer",
    "ghc-cmm": "ghc_cmm:GhcCmmLexer",
    "ghc-core": "ghc_core:GhcCoreLexer",
    "gherkin": "gherkin:GherkinLexer",
    "glsl": "c:GlslLexer",
    "go": "go:GoLexer",
    "gradle": "groovy:GradleLexer",
    "graphql": "graphql:GraphqlLexer",
    "groovy": "groovy:GroovyLexer",
    "hack": "php:HackLexer",
    "haml": "haml:HamlLexer",
    "handlebars": "templates:HandlebarsLexer",
    "haskell": "haskell:HaskellLexer",
    "haxe": "haxe:HaxeLexer",
    "hcl": "hcl:HclLexer",
    "hlsl": "c:HlslLexer",
    "hocon": "javascript:HoconLexer",
    "hql": "hql:HqlLexer",
    "html": "markup:HtmlLexer",
    "http": "config:HttpLexer",
    "hylang": "hylang:HyLangLexer",
    "idlang": "idlang:IdlangLexer",
    "idris": "idris:IdrisLexer",
    "igorpro": "igorpro:IgorProLexer",
    "ini": "config:IniLexer",
    "io": "io:IoLexer",
    "irb": "console:IrbLexer",
    "irb_output": "console:IrbOutputLexer",
    "isabelle": "isabelle:IsabelleLexer",
    "isbl": "isbl:IsblLexer",
    "j": "j:JLexer",
    "janet": "janet:JanetLexer",
    "java": "java:JavaLexer",
    "javascript": "javascript:JavascriptLexer",
    "jinja": "templates:JinjaLexer",
    "jsl": "jsl:JslLexer",
    "json": "javascript:JsonLexer",
    "json-doc": "javascript:JsonDocLexer",
    "jsonnet": "jsonnet:JsonnetLexer",
    "jsp": "jsp:JspLexer",
    "jsx": "jsx:JsxLexer",
    "julia": "julia:JuliaLexer",
    "kotlin": "kotlin:KotlinLexer",
    "lasso": "lasso:LassoLexer",
    "lean": "lean:LeanLexer",
    "liquid": "liquid:LiquidLexer",
    "literate_coffeescript": "literate:LiterateCoffeescriptLexer",
    "literate_haskell": "literate:LiterateHaskellLexer",
    "livescript": "livescript:LivescriptLexer",
    "llvm": "llvm:LlvmLexer",
    "lua": "lua:LuaLexer",
    "lustre": "lustre:LustreLexer",
    "lutin": "lustre:LutinLexer",
    "m68k": "m68k:M68kLexer",
    "magik": "magik:MagikLexer",
    "make": "make:MakeLexer",
    "markdown": "markdown:MarkdownLexer",
    "mason": "mason:MasonLexer",
    "mathematica": "mathematica:MathematicaLexer",
    "matlab": "matlab:MatlabLexer",
    "meson": "meson:MesonLexer",
    "minizinc": "minizinc:MiniZincLexer",
    "moonscript": "moonscript:MoonscriptLexer",
    "mosel": "mosel:MoselLexer",
    "msgtrans": "riscos:MsgTransLexer",
    "mxml": "mxml:MxmlLexer",
    "nasm": "nasm:NasmLexer",
    "nesasm": "nesasm:NesAsmLexer",
    "nginx": "config:NginxLexer",
    "nial": "nial:NialLexer",
    "nim": "nim:NimLexer",
    "nix": "nix:NixLexer",
    "objective_c": "objc:ObjectiveCLexer",
    "objective_cpp": "objc:ObjectiveCppLexer",
    "ocaml": "ml:OCamlLexer",
    "ocl": "ocl:OclLexer",
    "openedge": "openedge:OpenEdgeLexer",
    "opentype_feature_file": "opentype_feature_file:OpenTypeFeatureFileLexer",
    "pascal": "pascal:PascalLexer",
    "perl": "perl:PerlLexer",
    "php": "php:PhpLexer",
    "plist": "config:PlistLexer",
    "plsql": "plsql:PlsqlLexer",
    "pony": "pony:PonyLexer",
    "postscript": "postscript:PostScriptLexer",
    "powershell": "powershell:PowershellLexer",
    "praat": "praat:PraatLexer",
    "prolog": "prolog:PrologLexer",
    "prometheus": "prometheus:PrometheusLexer",
    "properties": "config:PropertiesLexer",
    "protobuf": "config:ProtobufLexer",
    "puppet": "puppet:PuppetLexer",
    "python": "python:PythonLexer",
    "q": "q:QLexer",
    "qml": "javascript:QmlLexer",
    "r": "r:RLexer",
    "racket": "racket:RacketLexer",
    "reasonml": "ml:ReasonMLLexer",
    "rego": "rego:RegoLexer",
    "rescript": "rescript:ReScriptLexer",
    "robot_framework": "robot_framework:RobotFrameworkLexer",
    "ruby": "ruby:RubyLexer",
    "rust": "rust:RustLexer",
    "sas": "sas:SasLexer",
    "sass": "scss:SassLexer",
    "scala": "scala:ScalaLexer",
    "scheme": "scheme:SchemeLexer",
    "scss": "scss:ScssLexer",
    "sed": "sed:SedLexer",
    "shell": "shell:ShellLexer",
    "sieve": "sieve:SieveLexer",
    "slice": "c:SliceLexer",
    "slim": "slim:SlimLexer",
    "smalltalk": "smalltalk:SmalltalkLexer",
    "smarty": "templates:SmartyLexer",
    "sml": "sml:SmlLexer",
    "solidity": "solidity:SolidityLexer",
    "sparql": "rdf:SparqlLexer",
    "sqf": "sqf:SqfLexer",
    "sql": "sql:SqlLexer",
    "ssh": "config:SshLexer",
    "stan": "stan:StanLexer",
    "stata": "stata:StataLexer",
    "supercollider": "supercollider:SuperColliderLexer",
    "swift": "swift:SwiftLexer",
    "systemd": "config:SystemdLexer",
    "syzlang": "syzlang:SyzlangLexer",
    "syzprog": "syzprog:SyzprogLexer",
    "tap": "textformats:TapLexer",
    "tcl": "tcl:TclLexer",
    "terraform": "hcl:TerraformLexer",
    "tex": "tex:TexLexer",
    "toml": "config:TomlLexer",
    "tsx": "jsx:TsxLexer",
    "ttcn3": "ttcn3:Ttcn3Lexer",
    "tulip": "tulip:TulipLexer",
    "turtle": "rdf:TurtleLexer",
    "twig": "templates:TwigLexer",
    "typescript": "javascript:TypescriptLexer",
    "vala": "vala:ValaLexer",
    "vb": "vb:VisualBasicLexer",
    "vcl": "vcl:VclLexer",
    "velocity": "templates:VelocityLexer",
    "verilog": "verilog:VerilogLexer",
    "vhdl": "vhdl:VhdlLexer",
    "viml": "config:VimLexer",
    "vue": "vue:VueLexer",
    "wollok": "wollok:WollokLexer",
    "xml": "markup:XmlLexer",
    "xojo": "xojo:XojoLexer",
    "xpath": "xpath:XPathLexer",
    "xquery": "xpath:XQueryLexer",
    "yaml": "yaml:YamlLexer",
    "yang": "yang:YangLexer",
    "zig": "zig:ZigLexer",
}

# Rouge tag -> Pygments alias, where the names differ.
PYGMENTS_ALIASES: dict[str, str] = {
}

Tokens = list[tuple[TokenType, str]]


def _load(spec: str) -> type[Lexer]:
    mod, cls = spec.split(":")
    module = import_module(f"jekpy.highlight.lexers.{mod}")
    found: type[Lexer] = getattr(module, cls)
    return found


#: cache: lexer name -> its factory, or None (at most one per name asked for)
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


def prepare(tag: str) -> bool:
    """Make the lexer of ``tag`` ready (its module loaded, its rules compiled by a
    first instance; each state's combined rules are still built on first use, for
    the states a text visits); False when there is none."""
    factory = _factory(tag)
    if factory is None:
        return False
    lexer = factory()
    if isinstance(lexer, RougeRegexLexer):
        lexer.machine()
    return True


def lex(code: str, tag: str) -> Tokens:
    """Tokens for ``code`` with the lexer for Rouge tag ``tag`` (plain text if none)."""
    if tag == "plaintext":
        return [(Text, code)]
    factory = _factory(tag)
    if factory is None:
        return [(Text, code)]
    lexer = factory()
    if type(lexer).get_tokens_unprocessed is RougeRegexLexer.get_tokens_unprocessed:
        tokens: Tokens = lexer.token_list(code)  # the same tokens, without the generator
    else:
        tokens = [(tok, val) for _, tok, val in lexer.get_tokens_unprocessed(code)]
    if tag in OWN_LEXERS:
        return tokens  # reproduces Rouge exactly, including its rare text quirks
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
