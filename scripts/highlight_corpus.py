#!/usr/bin/env python3
"""Measure jekpy.highlight against live Rouge on code blocks of real sites.

Extracts fenced blocks with a language (``` or ~~~) and ``{% highlight %}``
bodies from Markdown/HTML files under the given source directories, renders
each with real Rouge (needs ``ruby`` + the ``rouge`` gem) and with jekpy, and
prints per-language "identical / total".  Prints numbers only; nothing from
the sites is written anywhere.

Usage: python scripts/highlight_corpus.py DIR [DIR ...] [-v]
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from regen_highlight_golden import run_rouge  # noqa: E402

from jekpy.highlight import _tokens_html, highlight, rouge_tag  # noqa: E402

FENCE = re.compile(
    r"^( {0,3})(```+|~~~+)[ \t]*([A-Za-z0-9_+#.-]+)[^\n]*\n(.*?)^ {0,3}\2[ \t]*$", re.M | re.S
)
TAG = re.compile(
    r"\{%-?\s*highlight\s+([a-zA-Z0-9.+#_-]+)([^%]*)-?%\}(.*?)\{%-?\s*endhighlight\s*-?%\}", re.S
)
EDGE = re.compile(r"\A[\n\r]+|[\n\r]+\Z")


def blocks(dirs: list[Path]) -> list[tuple[str, str, str]]:
    """(lang, code, mode) for each block found."""
    out: list[tuple[str, str, str]] = []
    for d in dirs:
        for path in sorted(d.rglob("*")):
            if path.suffix not in (".md", ".markdown", ".html") or "_site" in path.parts:
                continue
            text = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")
            for m in FENCE.finditer(text):
                out.append((m.group(3), m.group(4), "html"))
            for m in TAG.finditer(text):
                mode = "table" if "linenos" in m.group(2) else "html"
                out.append((m.group(1).lower(), EDGE.sub("", m.group(3)), mode))
    return out


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    dirs = [Path(a) for a in argv if a != "-v"]
    found = blocks(dirs)
    rouge = run_rouge([[lang, code, mode] for lang, code, mode in found])
    ok: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for (lang, code, mode), expected in zip(found, rouge, strict=True):
        if mode == "table":
            mine = _tokens_html(code, rouge_tag(lang) or "plaintext", True)
        else:
            mine = highlight(code, lang)
        total[lang] += 1
        if mine == expected:
            ok[lang] += 1
        elif verbose:
            print(f"--- {lang}: differs (first 300 chars of each)")
            print(repr((mine or "")[:300]))
            print(repr((expected or "")[:300]))
    for lang in sorted(total, key=lambda k: -total[k]):
        print(f"{lang:<14} {ok[lang]:>5} / {total[lang]}")
    print(f"{'TOTAL':<14} {sum(ok.values()):>5} / {sum(total.values())}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
