"""Word lists of Rouge 3.30's ``templates`` lexer (lexers/templates.py), kept apart from it."""

from __future__ import annotations

SMARTY_BUILTINS = ["append", "assign", "block", "call", "capture", "config_load", "debug", "extends", "for", "foreach", "foreachelse", "break", "continue", "function", "if", "elseif", "else", "include", "include_php", "insert", "ldelim", "rdelim", "literal", "nocache", "php", "section", "sectionelse", "setfilter", "strip", "while", "counter", "cycle", "eval", "fetch", "html_checkboxes", "html_image", "html_options", "html_radios", "html_select_date", "html_select_time", "html_table", "mailto", "math", "textformat", "capitalize", "cat", "count_characters", "count_paragraphs", "count_sentences", "count_words", "date_format", "default", "escape", "from_charset", "indent", "lower", "nl2br", "regex_replace", "replace", "spacify", "string_format", "strip", "strip_tags", "to_charset", "truncate", "unescape", "upper", "wordwrap"]
