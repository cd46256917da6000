"""GDScript (Godot) tokenised as Rouge 3.30's ``gdscript`` lexer does."""

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
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer

# Rouge's alternations, in its order (data)
KEYWORDS = "and|in|not|or|as|breakpoint|class|class_name|extends|is|func|setget|signal|tool|const|enum|export|onready|static|var|break|continue|if|elif|else|for|pass|return|match|while|remote|master|puppet|remotesync|mastersync|puppetsync"
RESERVED = "do|switch|case"
BUILTINS = "Color8|ColorN|abs|acos|asin|assert|atan|atan2|bytes2var|ceil|char|clamp|convert|cos|cosh|db2linear|decimals|dectime|deg2rad|dict2inst|ease|exp|floor|fmod|fposmod|funcref|hash|inst2dict|instance_from_id|is_inf|is_nan|lerp|linear2db|load|log|max|min|nearest_po2|pow|preload|print|print_stack|printerr|printraw|prints|printt|rad2deg|rand_range|rand_seed|randf|randi|randomize|range|round|seed|sign|sin|sinh|sqrt|stepify|str|str2var|tan|tan|tanh|type_exist|typeof|var2bytes|var2str|weakref|yield"
TYPES = "bool|int|float|String|Vector2|Rect2|Transform2D|Vector3|AABB|Plane|Quat|Basis|Transform|Color|RID|Object|NodePath|Dictionary|Array|PoolByteArray|PoolIntArray|PoolRealArray|PoolStringArray|PoolVector2Array|PoolVector3Array|PoolColorArray|null"

_FORMAT = r"%(\(\w+\))?[-#0 +]*([0-9]+|[*])?(\.([0-9]+|[*]))?[hlL]?[E-GXc-giorsux%]"


class GDScriptLexer(RougeRegexLexer):
    """Rouge's ``gdscript`` lexer (tags gdscript, gd)."""

    name = "GDScript (Rouge)"
    aliases = ["rouge-gdscript"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\n", Text),
            (r"[^\S\n]+", Text),
            (r"#.*", Comment.Single),
            (r"[\[\]{}:(),;]", Punctuation),
            (r"\\\n", Text),
            (r"(in|and|or|not)\b", Operator.Word),
            (r"!=|==|<<|>>|&&|\+=|-=|\*=|/=|%=|&=|\|=|\|\||[-~+/*%=<>&^.!|$]", Operator),
            (r"(func)((?:\s|\\)+)", bygroups(Keyword, Text), "funcname"),
            (r"(class)((?:\s|\\)+)", bygroups(Keyword, Text), "classname"),
            include("keywords"),
            include("builtins"),
            (r'"""', String.Double, "escape_tdqs"),
            (r"'''", String.Double, "escape_tsqs"),
            (r'"', String.Double, "escape_dqs"),
            (r"'", String.Double, "escape_sqs"),
            include("name"),
            include("numbers"),
        ],
        "keywords": [
            (rf"\b({KEYWORDS})\b", Keyword),
            (rf"\b({RESERVED})\b", Keyword.Reserved),
        ],
        "builtins": [
            (rf"\b({BUILTINS})\b", Name.Builtin),
            (r"\b((self|false|true)|(PI|TAU|NAN|INF))\b", Name.Builtin.Pseudo),
            (rf"\b({TYPES})\b", Keyword.Type),
        ],
        "numbers": [
            (r"(\d+\.\d*|\d*\.\d+)([eE][+-]?[0-9]+)?j?", Number.Float),
            (r"\d+[eE][+-]?[0-9]+j?", Number.Float),
            (r"0[xX][a-fA-F0-9]+", Number.Hex),
            (r"\d+j?", Number.Integer),
        ],
        "name": [(r"[a-zA-Z_]\w*", Name)],
        "funcname": [(r"[a-zA-Z_]\w*", Name.Function, "#pop")],
        "classname": [(r"[a-zA-Z_]\w*", Name.Class, "#pop")],
        "string_escape": [
            (
                r"\\([\\abfnrtv\"']|\n|N\{.*?\}|u[a-fA-F0-9]{4}|U[a-fA-F0-9]{8}|x[a-fA-F0-9]{2}"
                r"|[0-7]{1,3})",
                String.Escape,
            ),
        ],
        "strings_single": [
            (_FORMAT, String.Interpol),
            (r"[^\\'%\n]+", String.Single),
            (r"[\"\\]", String.Single),
            (r"%", String.Single),
        ],
        "strings_double": [
            (_FORMAT, String.Interpol),
            (r'[^\\"%\n]+', String.Double),
            (r"['\\]", String.Double),
            (r"%", String.Double),
        ],
        "dqs": [
            (r'"', String.Double, "#pop"),
            (r'\\\\|\\"|\\\n', String.Escape),
            include("strings_double"),
        ],
        "escape_dqs": [include("string_escape"), include("dqs")],
        "sqs": [
            (r"'", String.Single, "#pop"),
            (r"\\\\|\\'|\\\n", String.Escape),
            include("strings_single"),
        ],
        "escape_sqs": [include("string_escape"), include("sqs")],
        "tdqs": [
            (r'"""', String.Double, "#pop"),
            include("strings_double"),
            (r"\n", String.Double),
        ],
        "escape_tdqs": [include("string_escape"), include("tdqs")],
        "tsqs": [
            (r"'''", String.Single, "#pop"),
            include("strings_single"),
            (r"\n", String.Single),
        ],
        "escape_tsqs": [include("string_escape"), include("tsqs")],
    }
