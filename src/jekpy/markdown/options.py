"""kramdown options: built-in defaults, Jekyll's defaults and value coercion."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from typing import Any

KRAMDOWN_DEFAULTS: dict[str, Any] = {
    "input": "kramdown",
    "auto_ids": True,
    "auto_id_prefix": "",
    "auto_id_stripping": False,
    "transliterated_header_ids": False,
    "parse_block_html": False,
    "parse_span_html": True,
    "html_to_native": False,
    "link_defs": {},
    "footnote_nr": 1,
    "footnote_prefix": "",
    "footnote_backlink": "&#8617;",
    "footnote_backlink_inline": False,
    "entity_output": "as_char",
    "toc_levels": [1, 2, 3, 4, 5, 6],
    "line_width": 72,
    "smart_quotes": ["lsquo", "rsquo", "ldquo", "rdquo"],
    "typographic_symbols": {},
    "remove_block_html_tags": True,
    "remove_span_html_tags": False,
    "header_offset": 0,
    "syntax_highlighter": "rouge",
    "syntax_highlighter_opts": {},
    "math_engine": "mathjax",
    "math_engine_opts": {},
    "forbidden_inline_options": ["template"],
    "list_indent": 2,
    "hard_wrap": True,
    "gfm_quirks": ["paragraph_end"],
    "remove_line_breaks_for_cjk": False,
}

JEKYLL_OVERRIDES: dict[str, Any] = {
    "input": "GFM",
    "auto_ids": True,
    "auto_id_prefix": "",
    "toc_levels": [1, 2, 3, 4, 5, 6],
    "footnote_nr": 1,
    "entity_output": "as_char",
    "smart_quotes": "lsquo,rsquo,ldquo,rdquo",
    "hard_wrap": False,
    "guess_lang": True,
    "show_warnings": False,
    "syntax_highlighter": "rouge",
    "syntax_highlighter_opts": {"default_lang": "plaintext", "guess_lang": True},
    "math_engine": "mathjax",
    "parse_block_html": False,
    "parse_span_html": True,
    "gfm_quirks": ["paragraph_end"],
}

_BOOL_OPTIONS = {
    "auto_ids", "auto_id_stripping", "transliterated_header_ids", "parse_block_html",
    "parse_span_html", "html_to_native", "footnote_backlink_inline", "remove_block_html_tags",
    "remove_span_html_tags", "hard_wrap", "remove_line_breaks_for_cjk",
}


def _to_bool(v: Any) -> bool:
    if isinstance(v, str):
        return v.strip() not in ("false", "", "nil", "no", "off")
    return bool(v)


def _parse_toc_levels(v: Any) -> list[int]:
    if isinstance(v, str):
        s = v.strip()
        if ".." in s:
            a, b = s.split("..", 1)
            try:
                return list(range(int(a), int(b) + 1))
            except ValueError:
                return list(range(1, 7))
        try:
            return [int(x) for x in s.split(",") if x.strip()]
        except ValueError:
            return list(range(1, 7))
    if isinstance(v, (list, tuple, range)):
        out = []
        for x in v:
            with contextlib.suppress(TypeError, ValueError):
                out.append(int(x))
        return out
    return list(range(1, 7))


def _yaml_hash(v: Any) -> dict[str, Any]:
    if isinstance(v, str):
        try:
            import yaml

            v = yaml.safe_load(v)
        except Exception:  # noqa: BLE001 - kramdown ignores invalid option values
            return {}
    if not isinstance(v, Mapping):
        return {}
    return {str(k).lstrip(":"): val for k, val in v.items()}


def normalise(options: Mapping[str, Any]) -> dict[str, Any]:
    """Coerce option values to the Python shapes the parser/converter use."""
    out: dict[str, Any] = {}
    for key, val in options.items():
        k = str(key).lstrip(":")
        if k in _BOOL_OPTIONS:
            val = _to_bool(val)
        elif k == "smart_quotes":
            if isinstance(val, str):
                val = [x.strip() for x in val.split(",")]
            val = [str(x) for x in val]
            if len(val) != 4:
                val = ["lsquo", "rsquo", "ldquo", "rdquo"]
        elif k == "toc_levels":
            val = _parse_toc_levels(val)
        elif k in ("footnote_nr", "header_offset"):
            try:
                val = int(val)
            except (TypeError, ValueError):
                val = 1 if k == "footnote_nr" else 0
        elif k in ("entity_output", "syntax_highlighter", "math_engine", "input"):
            val = None if val is None or val == "" else str(val).lstrip(":")
        elif k == "gfm_quirks":
            if isinstance(val, str):
                val = [x.strip() for x in val.split(",") if x.strip()]
            val = [str(x).lstrip(":") for x in (val or [])]
        elif k == "typographic_symbols":
            val = {a: str(b) for a, b in _yaml_hash(val).items()}
        elif k in ("syntax_highlighter_opts", "math_engine_opts", "link_defs"):
            val = _yaml_hash(val)
        elif k in ("auto_id_prefix", "footnote_prefix", "footnote_backlink"):
            val = "" if val is None else str(val)
        out[k] = val
    return out


def kramdown_options(given: Mapping[str, Any] | None) -> dict[str, Any]:
    """``given`` applied on top of kramdown's built-in defaults."""
    merged = dict(KRAMDOWN_DEFAULTS)
    merged.update(normalise(given or {}))
    return merged


def jekyll_options(given: Mapping[str, Any] | None) -> dict[str, Any]:
    """``given`` applied on top of Jekyll's defaults (themselves over kramdown's).

    Also does what Jekyll's ``KramdownParser#setup`` does to the site's
    ``kramdown`` hash: ``syntax_highlighter ||= rouge``,
    ``syntax_highlighter_opts.default_lang ||= plaintext`` and
    ``syntax_highlighter_opts.guess_lang = guess_lang``.
    """
    merged = dict(KRAMDOWN_DEFAULTS)
    merged.update(normalise(JEKYLL_OVERRIDES))
    merged.update(normalise(given or {}))
    if not merged.get("syntax_highlighter"):
        merged["syntax_highlighter"] = "rouge"
    shl = dict(merged.get("syntax_highlighter_opts") or {})
    if not shl.get("default_lang"):
        shl["default_lang"] = "plaintext"
    shl["guess_lang"] = merged.get("guess_lang")
    merged["syntax_highlighter_opts"] = shl
    return merged


_UNSUPPORTED_ROUGE_OPTIONS = ("inline_theme", "formatter")


def unsupported_highlighter_options(kramdown: Mapping[str, Any] | None) -> list[str]:
    """The ``syntax_highlighter_opts`` keys of the site's ``kramdown`` hash that name
    Rouge features jekpy does not have (``inline_theme``, ``formatter``), as dotted
    config paths; kramdown's code blocks keep Rouge's CSS classes instead."""
    if not isinstance(kramdown, Mapping):
        return []
    opts = kramdown.get("syntax_highlighter_opts")
    if not isinstance(opts, Mapping):
        return []
    found = []
    base = "kramdown.syntax_highlighter_opts"
    for scope, table in (("", opts), ("span.", opts.get("span")), ("block.", opts.get("block"))):
        if isinstance(table, Mapping):
            found += [f"{base}.{scope}{k}" for k in _UNSUPPORTED_ROUGE_OPTIONS if table.get(k)]
    return found
