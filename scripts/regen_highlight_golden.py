#!/usr/bin/env python3
"""Regenerate tests/highlight/expected/*.json by running real Rouge (Ruby gem).

The expected HTML for every sample in tests/highlight/samples/*.txt is whatever
the installed Rouge 3.30 writes (via scripts/highlight_rouge.rb); the files are
never edited by hand.  Needs ``ruby`` with the ``rouge`` gem.

Usage: python scripts/regen_highlight_golden.py [sample-file-stem ...]
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "highlight"))

from golden_io import EXPECTED, SAMPLES, parse_samples  # noqa: E402

RUNNER = ROOT / "scripts" / "highlight_rouge.rb"


def run_rouge(items: list[list[str]]) -> list[Any]:
    """Rouge's output for each ``[lang, code, mode]`` (a dict if Rouge raised)."""
    proc = subprocess.run(
        ["ruby", str(RUNNER)],
        input=json.dumps(items),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    result: list[Any] = json.loads(proc.stdout)
    return result


def main(argv: list[str]) -> int:
    EXPECTED.mkdir(parents=True, exist_ok=True)
    files = sorted(SAMPLES.glob("*.txt"))
    if argv:
        files = [f for f in files if f.stem in argv]
    for path in files:
        samples = parse_samples(path)
        outputs = run_rouge([[s.lang, s.code, s.mode] for s in samples])
        expected = {s.sid: out for s, out in zip(samples, outputs, strict=True)}
        target = EXPECTED / f"{path.stem}.json"
        text = json.dumps(expected, indent=1, ensure_ascii=False) + "\n"
        target.write_text(text, encoding="utf-8")
        print(f"{target.relative_to(ROOT)}: {len(expected)} samples")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
