#!/usr/bin/env python3
"""Per-sample-file "blocks byte-identical to Rouge / total" for jekpy.highlight.

Compares against tests/highlight/expected/*.json (no Ruby needed).
``-v`` lists the differing sample ids.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "highlight"))

from golden_io import SAMPLES, expected_for, parse_samples, render  # noqa: E402


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    total_ok = total = 0
    print(f"{'samples':<14} {'identical':>9} / total")
    for path in sorted(SAMPLES.glob("*.txt")):
        samples = parse_samples(path)
        expected = expected_for(path.stem)
        bad = [s.sid for s in samples if render(s) != expected.get(s.sid, "<missing>")]
        ok = len(samples) - len(bad)
        total_ok += ok
        total += len(samples)
        print(f"{path.stem:<14} {ok:>9} / {len(samples)}")
        if verbose and bad:
            print("   differ:", " ".join(bad))
    print(f"{'TOTAL':<14} {total_ok:>9} / {total}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
