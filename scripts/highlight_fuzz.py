#!/usr/bin/env python3
"""Differential fuzzing of jekpy.highlight against live Rouge (needs ruby + rouge).

Builds mutated snippets per sample file (shuffled lines, random cuts and
splices of the golden samples), renders them with both and prints, per
language, how many differ plus the smallest differing inputs.

Usage: python scripts/highlight_fuzz.py [N_PER_LANG] [stem ...]
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "highlight"))
sys.path.insert(0, str(ROOT / "scripts"))

from golden_io import SAMPLES, parse_samples  # noqa: E402
from regen_highlight_golden import run_rouge  # noqa: E402

from jekpy.highlight import highlight  # noqa: E402

_NASTY = "\r\t\\'\"`$#%@!?:;<>&|^~*{}[]()é日ℝ→ \u00a0\u200b\n"


def mutate(rng: random.Random, codes: list[str]) -> str:
    lines = [ln for c in codes for ln in c.splitlines(keepends=True)]
    kind = rng.randrange(5)
    if kind == 0:
        return "".join(rng.sample(lines, min(len(lines), rng.randint(1, 8))))
    text = rng.choice(codes)
    if kind == 1:
        a = rng.randrange(len(text) + 1)
        b = rng.randrange(a, len(text) + 1)
        return text[a:b]
    if kind == 4:
        chars = list(text)
        for _ in range(rng.randint(1, 4)):
            chars.insert(rng.randrange(len(chars) + 1), rng.choice(_NASTY))
        return "".join(chars)
    if kind == 2:
        other = rng.choice(codes)
        return text[: rng.randrange(len(text) + 1)] + other[rng.randrange(len(other) + 1) :]
    return "".join(rng.choice(lines) for _ in range(rng.randint(1, 5)))


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv and argv[0].isdigit() else 200
    stems = [a for a in argv if not a.isdigit() and not a.startswith("--")]
    seed = next((int(a[7:]) for a in argv if a.startswith("--seed=")), 1)
    rng = random.Random(seed)
    for path in sorted(SAMPLES.glob("*.txt")):
        if stems and path.stem not in stems:
            continue
        samples = [s for s in parse_samples(path) if s.mode == "html"]
        if not samples:
            continue
        lang = samples[0].lang
        codes = [s.code for s in samples]
        inputs = [mutate(rng, codes) for _ in range(n)]
        expected = run_rouge([[lang, c, "html"] for c in inputs])
        pairs = [(c, e) for c, e in zip(inputs, expected, strict=True) if not isinstance(e, dict)]
        bad = [c for c, e in pairs if highlight(c, lang) != e]
        crashed = n - len(pairs)
        note = f"  (Rouge raised on {crashed})" if crashed else ""
        print(f"{path.stem:<14} {len(bad):>4} / {len(pairs)} differ{note}")
        for c in sorted(bad, key=len)[:3]:
            print("    ", repr(c)[:200])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
