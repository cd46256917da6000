"""Highlighting speed: jekpy's Rouge-compatible highlighter against plain Pygments.

Uses the code samples of tests/highlight/samples (realistic code in the languages
blogs use most).  Reports milliseconds per KB of code for:

* Pygments: ``pygments.highlight(code, get_lexer_by_name(lang), HtmlFormatter())``
* jekpy cold: ``jekpy.highlight.highlight`` with its (language, code) cache cleared
* jekpy cached: the same call again (the cache a build or the preview hits)

    python benchmarks/highlight_speed.py [--langs python,ruby,shell]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from pygments import highlight as pyg_highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests" / "highlight"))

from golden_io import all_samples  # noqa: E402

from jekpy import highlight as jh  # noqa: E402

DEFAULT = "python,shell,console,ruby,javascript,json,yaml,c,cpp,html,css,sql,diff,java,go,rust"


def _ms_per_kb(func, codes: list[str], repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    size = sum(len(c.encode()) for c in codes) / 1024
    best = []
    for _ in range(repeat):
        started = time.perf_counter()
        for code in codes:
            func(code)
        best.append(time.perf_counter() - started)
    return min(best) * 1000 / size


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--langs", default=DEFAULT)
    args = ap.parse_args()
    by_lang: dict[str, list[str]] = {}
    for sample in all_samples():
        if sample.mode not in ("table",):
            by_lang.setdefault(sample.lang, []).append(sample.code)
    print(f"{'language':<12} {'KB':>6} {'pygments':>9} {'cold':>9} {'cached':>9}  (ms per KB)")
    ratios = []
    for lang in args.langs.split(","):
        codes = by_lang.get(lang)
        if not codes:
            continue
        try:
            lexer = get_lexer_by_name(lang)
        except ClassNotFound:
            continue
        fmt = HtmlFormatter()
        pyg = _ms_per_kb(lambda c, lx=lexer, f=fmt: pyg_highlight(c, lx, f), codes)

        def cold(c: str, lang: str = lang) -> None:
            jh._tokens_html.cache_clear()
            jh.highlight(c, lang)

        cold_ms = _ms_per_kb(cold, codes)
        for c in codes:
            jh.highlight(c, lang)
        cached = _ms_per_kb(lambda c, lg=lang: jh.highlight(c, lg), codes)
        kb = sum(len(c.encode()) for c in codes) / 1024
        ratios.append(cold_ms / pyg)
        print(f"{lang:<12} {kb:6.1f} {pyg:9.3f} {cold_ms:9.3f} {cached:9.4f}")
    if ratios:
        print(f"median cold jekpy / Pygments: {statistics.median(ratios):.2f}x")


if __name__ == "__main__":
    main()
