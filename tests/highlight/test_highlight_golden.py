"""jekpy.highlight against real Rouge 3.30 output.

The samples in tests/highlight/samples/*.txt were written for these tests; the
expected HTML in tests/highlight/expected/*.json was produced by running the
real Rouge gem over them (scripts/regen_highlight_golden.py, which drives
scripts/highlight_rouge.rb) and is never edited by hand.  No Ruby is needed to
run the tests.  Samples listed in KNOWN_DIFFS are known to differ from Rouge.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from golden_io import Sample, all_samples, expected_for, render  # noqa: E402

# sample id -> why jekpy's output still differs from Rouge's
KNOWN_DIFFS: dict[str, str] = {}

SAMPLES = all_samples()


@pytest.mark.parametrize("sample", SAMPLES, ids=[f"{s.file}:{s.sid}" for s in SAMPLES])
def test_matches_rouge(sample: Sample) -> None:
    expected = expected_for(sample.file)
    assert sample.sid in expected, "run scripts/regen_highlight_golden.py"
    if sample.sid in KNOWN_DIFFS:
        pytest.xfail(KNOWN_DIFFS[sample.sid])
    assert render(sample) == expected[sample.sid]


def test_every_language_has_30_samples() -> None:
    per_file: dict[str, int] = {}
    for s in SAMPLES:
        per_file[s.file] = per_file.get(s.file, 0) + 1
    small = {f: n for f, n in per_file.items() if n < 30 and f != "misc"}
    assert not small
