"""Markdown stage speed: median ms per 5 KB, and growth on pathological inputs.

Usage: python benchmarks/markdown_speed.py [--corpus DIR] [--no-pathological]
       [--fresh-highlight-cache]

* Corpus posts: bodies (after front matter) of DIR/*/src/_posts/*.md.
* Generated posts: bodies from benchmarks/gen_site.py's ``post``.
* Pathological inputs at growing sizes; linear growth means time x2 per size x2.

The rounds convert the same posts again, so code blocks whose highlighted HTML
is still in jekpy's in-memory highlight cache (2,048 blocks) are not lexed again;
a build converts each post once.  ``--fresh-highlight-cache`` empties that cache
before each round: every round highlights every block once, as a build does.

Times are CPU time of this process (``time.process_time``), which equals wall
time on an idle machine and is much less disturbed by other load.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_site import post as gen_post  # noqa: E402

from jekpy.markdown import make_converter  # noqa: E402


def body_of(text: str) -> str:
    if text.startswith("---"):
        end = text.find("\n---", 3)
        if end != -1:
            nl = text.find("\n", end + 4)
            return text[nl + 1 :] if nl != -1 else ""
    return text


def corpus_posts(root: Path) -> list[str]:
    return [body_of(p.read_text(encoding="utf-8"))
            for p in sorted(root.glob("*/src/_posts/**/*.md"))]


def generated_posts(n: int = 40) -> list[str]:
    rng = random.Random(42)
    return [body_of(gen_post(rng, i)) for i in range(n)]


def _no_reset() -> None:
    pass


def ms_per_5kb(conv: Callable[[str], str], texts: list[str], rounds: int,
               reset: Callable[[], None] = _no_reset) -> float:
    """Median over rounds of (total time / total KB) * 5; ``reset`` runs before each round."""
    total_bytes = sum(len(t.encode("utf-8")) for t in texts)
    for t in texts:  # warm-up
        conv(t)
    samples = []
    for _ in range(rounds):
        reset()
        start = time.process_time()
        for t in texts:
            conv(t)
        samples.append((time.process_time() - start) * 1000 / (total_bytes / 5120))
    return statistics.median(samples)


def time_once(conv: Callable[[str], str], text: str, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        conv(text)
        best = min(best, time.process_time() - start)
    return best * 1000


PATHOLOGICAL: dict[str, Callable[[int], str]] = {
    "nested lists": lambda n: "- " * n + "item\n",
    "nested quotes": lambda n: ">" * n + " deep\n",
    "one long line": lambda n: ("word *em* `code` [link](u) " * (n // 27 + 1))[:n] + "\n",
    "unclosed [": lambda n: "[a " * n + "\n",
    "unclosed *": lambda n: "*a " * n + "\n",
    "unclosed <": lambda n: "<a " * n + "\n",
    "spaced *": lambda n: "a * b " * n + "\n",
    "long list item": lambda n: "- a\n" + "  b\n" * n,
}

SIZES: dict[str, list[int]] = {
    "nested lists": [1250, 2500, 5000, 10000],
    "nested quotes": [1250, 2500, 5000, 10000],
    "one long line": [125_000, 250_000, 500_000, 1_000_000],
    "unclosed [": [1250, 2500, 5000, 10000],
    "unclosed *": [1250, 2500, 5000, 10000],
    "unclosed <": [1250, 2500, 5000, 10000],
    "spaced *": [5000, 10000, 20000, 40000],
    "long list item": [5000, 10000, 20000, 40000],
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", default="/work/shared/corpus")
    ap.add_argument("--rounds", type=int, default=15)
    ap.add_argument("--no-pathological", action="store_true")
    ap.add_argument("--fresh-highlight-cache", action="store_true",
                    help="empty the in-memory highlight cache before each round")
    args = ap.parse_args()
    conv = make_converter(None)
    corpus = corpus_posts(Path(args.corpus))
    gen = generated_posts()
    reset = _no_reset
    if args.fresh_highlight_cache:
        from jekpy.highlight import _tokens_html

        reset = _tokens_html.cache_clear
    if corpus:
        print(f"corpus posts    ({len(corpus)} files): "
              f"{ms_per_5kb(conv, corpus, args.rounds, reset):.3f} ms / 5 KB")
    print(f"generated posts ({len(gen)} files): "
          f"{ms_per_5kb(conv, gen, args.rounds, reset):.3f} ms / 5 KB")
    if args.no_pathological:
        return
    print()
    print(f"{'input':<16}{'size':>10}{'ms':>10}{'ratio':>8}")
    for name, make in PATHOLOGICAL.items():
        prev: float | None = None
        for n in SIZES[name]:
            text = make(n)
            ms = time_once(conv, text)
            ratio = f"{ms / prev:.2f}" if prev else ""
            print(f"{name:<16}{len(text):>10}{ms:>10.1f}{ratio:>8}")
            prev = ms


if __name__ == "__main__":
    main()
