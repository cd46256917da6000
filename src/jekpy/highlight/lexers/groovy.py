"""Groovy, Gradle and Dart tokenised as Rouge 3.30's lexers do."""

from __future__ import annotations

import re
from typing import Any, ClassVar

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
    bygroups,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream


def _groovy_method(lexer: GroovyLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    # Rouge delegates to ``self.clone``, which shares this lexer's state stack
    clone = type(lexer)()
    clone.saved_stack = ctx.stack
    yield from clone.continue_tokens(match.group(1))
    yield match.start(2), Name.Function, match.group(2)
    yield match.start(3), Text, match.group(3)
    yield match.start(4), Operator, match.group(4)


def _groovy_word(lexer: GroovyLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    word = match.group()
    if word in lexer.keywords:
        tok = Keyword
    elif word in lexer.declarations:
        tok = Keyword.Declaration
    elif word in lexer.types:
        tok = Keyword.Type
    elif word in lexer.constants:
        tok = Keyword.Constant
    else:
        tok = Name
    yield 0, tok, word


class GroovyLexer(RougeRegexLexer):
    """Rouge's ``groovy`` lexer."""

    name = "Groovy (Rouge)"
    aliases = ["rouge-groovy"]

    keywords: ClassVar[frozenset[str]] = frozenset(
        ["assert", "break", "case", "catch", "continue", "default", "do", "else", "finally", "for", "if", "goto", "instanceof", "new", "return", "switch", "this", "throw", "try", "while", "in", "as"]
    )
    declarations: ClassVar[frozenset[str]] = frozenset(
        ["abstract", "const", "enum", "extends", "final", "implements", "native", "private", "protected", "public", "static", "strictfp", "super", "synchronized", "throws", "transient", "volatile"]
    )
    types: ClassVar[frozenset[str]] = frozenset(
        ["def", "boolean", "byte", "char", "double", "float", "int", "long", "short", "void"]
    )
    constants: ClassVar[frozenset[str]] = frozenset(["true", "false", "null"])

    tokens: dict[str, Any] = {
        "root": [
            (r"^(\s*(?:\w[\w.\[\]]*\s+)+?)(\w\w*)(\s*)(\()", _groovy_method),
            (r"[^\S\n]+", Text),
            (r"//.*?$", Comment.Single),
            (r"(?s)/[*].*?[*]/", Comment.Multiline),
            (r"@\w[\w.]*", Name.Decorator),
            (r"(class|interface|trait)\b", Keyword.Declaration, "class"),
            (r"package\b", Keyword.Namespace, "import"),
            (r"import\b", Keyword.Namespace, "import"),
            (r'(?s)""".*?"""', String.Double),
            (r"(?s)'''.*?'''", String.Single),
            (r'"(\\.|\\\n|.)*?"', String.Double),
            (r"'(\\.|\\\n|.)*?'", String.Single),
            (r"(?s)\$/(\$.|.)*?/\$", String),
            (r"/(\\.|\\\n|.)*?/", String),
            (r"'\\.'|'[^\\]'|'\\u[0-9a-f]{4}'", String.Char),
            (r"(\.)([a-zA-Z_][a-zA-Z0-9_]*)", bygroups(Operator, Name.Attribute)),
            (r"[a-zA-Z_][a-zA-Z0-9_]*:", Name.Label),
            (r"[a-zA-Z_$][a-zA-Z0-9_]*", _groovy_word),
            (r"[~^*!%&\[\](){}<>|+=:;,./?-]", Operator),
            (r"\d+\.\d+([eE]\d+)?[fd]?", Number.Float),
            (r"0x[0-9a-f]+", Number.Hex),
            (r"[0-9]+L?", Number.Integer),
            (r"\n", Text),
        ],
        "class": [(r"\s+", Text), (r"\w\w*", Name.Class, "#pop")],
        "import": [(r"\s+", Text), (r"[\w.]+[*]?", Name.Namespace, "#pop")],
    }


class GradleLexer(GroovyLexer):
    """Rouge's ``gradle`` lexer: Groovy with Gradle's words."""

    name = "Gradle (Rouge)"
    aliases = ["rouge-gradle"]

    keywords: ClassVar[frozenset[str]] = GroovyLexer.keywords | frozenset(
        ["allprojects", "artifacts", "buildscript", "configuration", "dependencies", "repositories", "sourceSets", "subprojects", "publishing"]
    )
    types: ClassVar[frozenset[str]] = GroovyLexer.types | frozenset(
        ["Project", "Task", "Gradle", "Settings", "Script", "JavaToolChain", "SourceSet", "SourceSetOutput", "IncrementalTaskInputs", "Configuration", "ResolutionStrategy", "ArtifactResolutionQuery", "ComponentSelection", "ComponentSelectionRules", "ConventionProperty", "ExtensionAware", "ExtraPropertiesExtension", "PublishingExtension", "IvyPublication", "IvyArtifact", "IvyArtifactSet", "IvyModuleDescriptorSpec", "MavenPublication", "MavenArtifact", "MavenArtifactSet", "MavenPom", "PluginDependenciesSpec", "PluginDependencySpec", "ResourceHandler", "TextResourceFactory"]
    )


_DART_ID = r"[a-zA-Z_]\w*"
_DART_KEYWORDS = ["as", "assert", "await", "break", "case", "catch", "continue", "default", "do", "else", "finally", "for", "if", "in", "is", "new", "rethrow", "return", "super", "switch", "this", "throw", "try", "while", "with", "yield"]
_DART_DECLARATIONS = ["abstract", "async", "dynamic", "const", "covariant", "external", "extends", "factory", "final", "get", "implements", "late", "native", "on", "operator", "required", "set", "static", "sync", "typedef", "var"]
_DART_TYPES = ["bool", "Comparable", "double", "Dynamic", "enum", "Function", "int", "List", "Map", "Never", "Null", "num", "Object", "Pattern", "Set", "String", "Symbol", "Type", "Uri", "void"]
_DART_IMPORTS = [r"import", r"deferred", r"export", r"library", r"part\s*of", r"part", r"source"]


def _dart_method(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield from DartLexer().get_tokens_unprocessed(match.group(1))
    yield match.start(2), Name.Function, match.group(2)
    yield match.start(3), Text, match.group(3)
    yield match.start(4), Punctuation, match.group(4)


class DartLexer(RougeRegexLexer):
    """Rouge's ``dart`` lexer."""

    name = "Dart (Rouge)"
    aliases = ["rouge-dart"]

    tokens: dict[str, Any] = {
        "root": [
            (r"(?s)^(\s*(?:[a-zA-Z_][a-zA-Z\d_.\[\]]*\s+)+?)([a-zA-Z_]\w*)(\s*)(\()", _dart_method),
            (r"\s+", Text),
            (r"//.*?$", Comment.Single),
            (r"(?s)/\*.*?\*/", Comment.Multiline),
            (r'"', String, "dqs"),
            (r"'", String, "sqs"),
            (r'r"[^"]*"', String.Other),
            (r"r'[^']*'", String.Other),
            (rf"(?i)#(?:{_DART_ID})*", String.Symbol),
            (rf"@{_DART_ID}", Name.Decorator),
            (r"(?:" + "|".join(_DART_KEYWORDS) + r")\b", Keyword),
            (r"(?:" + "|".join(_DART_DECLARATIONS) + r")\b", Keyword.Declaration),
            (r"(?:" + "|".join(_DART_TYPES) + r")\b", Keyword.Type),
            (r"(?:true|false|null)\b", Keyword.Constant),
            (r"(?:class|interface|mixin)\b", Keyword.Declaration, "class"),
            (r"(?:" + "|".join(_DART_IMPORTS) + r")\b", Keyword.Namespace, "import"),
            (rf"(\.)({_DART_ID})", bygroups(Operator, Name.Attribute)),
            (rf"{_DART_ID}:", Name.Label),
            (rf"\$?{_DART_ID}", Name),
            (r"[~^*!%&|+=:/?-]", Operator),
            (r"[\[\](){}<>.,;]", Punctuation),
            (r"\d*\.\d+([eE]\-?\d+)?", Number.Float),
            (r"0x[\da-fA-F]+", Number.Hex),
            (r"\d+L?", Number.Integer),
            (r"\n", Text),
        ],
        "class": [(r"\s+", Text), (_DART_ID, Name.Class, "#pop")],
        "dqs": [(r'"', String, "#pop"), (r'[^\\$"]+', String), include("string")],
        "sqs": [(r"'", String, "#pop"), (r"[^\\$']+", String), include("string")],
        "import": [
            (r";", Operator, "#pop"),
            (r"(?:show|hide)\b", Keyword.Declaration),
            include("root"),
        ],
        "string": [include("interpolation"), (r"\\[nrt\"'\\]", String.Escape)],
        "interpolation": [
            (rf"\${_DART_ID}", String.Interpol),
            (r"\$\{[^}]+\}", String.Interpol),
        ],
    }
