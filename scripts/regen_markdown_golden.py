#!/usr/bin/env python3
"""Regenerate tests/markdown/golden/*.html with real kramdown (needs Ruby + kramdown gems).

Each ``NAME.md`` is converted by kramdown 2.4 + kramdown-parser-gfm with
Jekyll 4.3's default kramdown options (plus ``NAME.json`` if present, merged on
top, then adjusted as Jekyll's ``KramdownParser#setup`` does); the result is written to ``NAME.html``.  The seed-post case
``seed_000.html`` is made from ``../shared/seeds/000_9af9e5605bad3c4e.txt``
(front matter removed and the Liquid it contains rendered the way Jekyll
renders it) when that file exists.  ``smartify_expected.json`` holds what
Jekyll 4.3.1's SmartyPants converter (its ``smartify`` filter) returns for
each string in ``smartify_inputs.json``.  Never edit the .html files by hand.

Usage: scripts/regen_markdown_golden.py  (run from the repository root)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "markdown" / "golden"
SEED = ROOT.parent / "shared" / "seeds" / "000_9af9e5605bad3c4e.txt"

sys.path.insert(0, str(ROOT / "tests" / "markdown"))
from seed_input import seed_body  # noqa: E402

JEKYLL_OPTIONS = {
    "input": "GFM",
    "auto_ids": True,
    "entity_output": "as_char",
    "smart_quotes": "lsquo,rsquo,ldquo,rdquo",
    "hard_wrap": False,
    "syntax_highlighter": "rouge",
    "syntax_highlighter_opts": {"default_lang": "plaintext", "guess_lang": True},
    "gfm_quirks": ["paragraph_end"],
    "toc_levels": [1, 2, 3, 4, 5, 6],
    "footnote_nr": 1,
    "math_engine": "mathjax",
    "parse_block_html": False,
    "parse_span_html": True,
    "guess_lang": True,
}


def jekyll_setup(opts: dict[str, object]) -> dict[str, object]:
    """What Jekyll's KramdownParser#setup does to the merged ``kramdown`` hash."""
    shl = dict(opts.get("syntax_highlighter_opts") or {})  # type: ignore[call-overload]
    shl["default_lang"] = shl.get("default_lang") or "plaintext"
    shl["guess_lang"] = opts.get("guess_lang")
    return {**opts, "syntax_highlighter_opts": shl}

RUBY = (
    'print Kramdown::Document.new($stdin.read, '
    'JSON.parse(ENV["KRAMDOWN_OPTIONS"]).transform_keys(&:to_sym)).to_html'
)


def kramdown(text: str, options: dict[str, object]) -> str:
    env = dict(os.environ, KRAMDOWN_OPTIONS=json.dumps(options))
    out = subprocess.run(
        ["ruby", "-Eutf-8:utf-8", "-rjson", "-rkramdown", "-rkramdown-parser-gfm", "-e", RUBY],
        input=text.encode("utf-8"), capture_output=True, env=env, check=True,
    )
    return out.stdout.decode("utf-8")


SMARTIFY_RUBY = (
    'c = Jekyll::Converters::SmartyPants.new({"kramdown" => {}}); '
    'print JSON.generate(JSON.parse($stdin.read).map {|t| c.convert(t) })'
)


def smartify_expected(inputs_json: str) -> str:
    out = subprocess.run(
        ["ruby", "-Eutf-8:utf-8", "-rjson", "-rjekyll", "-e", SMARTIFY_RUBY],
        input=inputs_json.encode("utf-8"), capture_output=True, check=True,
    )
    return out.stdout.decode("utf-8")


def main() -> int:
    for md in sorted(GOLDEN.glob("*.md")):
        opts = dict(JEKYLL_OPTIONS)
        extra = md.with_suffix(".json")
        if extra.exists():
            opts.update(json.loads(extra.read_text(encoding="utf-8")))
        html = kramdown(md.read_text(encoding="utf-8"), jekyll_setup(opts))
        md.with_suffix(".html").write_text(html, encoding="utf-8")
        print("wrote", md.with_suffix(".html").relative_to(ROOT))
    smart_in = GOLDEN / "smartify_inputs.json"
    if smart_in.exists():
        expected = smartify_expected(smart_in.read_text(encoding="utf-8"))
        (GOLDEN / "smartify_expected.json").write_text(expected + "\n", encoding="utf-8")
        print("wrote smartify_expected.json")
    if SEED.exists():
        html = kramdown(seed_body(SEED.read_text(encoding="utf-8")), jekyll_setup(JEKYLL_OPTIONS))
        (GOLDEN / "seed_000.html").write_text(html, encoding="utf-8")
        print("wrote seed_000.html")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
