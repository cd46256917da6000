"""The golden-liquid conformance suite through ``jekpy.liquid.render_string``.

Runs ``../shared/tools/golden-liquid --baseline-only ruby-liquid-5.4.0``
(the cases Ruby Liquid 5.4, Jekyll's Liquid, passes) and requires 0 failures.
Skipped when the shared conformance data is not on this machine.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
RUNNER = SHARED / "tools" / "golden-liquid"
DATA = SHARED / "conformance" / "golden-liquid" / "golden_liquid.json"


@pytest.mark.skipif(
    not (RUNNER.is_file() and DATA.is_file()),
    reason="../shared/tools/golden-liquid and its data are not present on this machine",
)
def test_golden_liquid_ruby_54_baseline() -> None:
    env = dict(os.environ, GOLDEN_LIQUID_RENDER="jekpy.liquid:render_string")
    proc = subprocess.run(
        [sys.executable, str(RUNNER), "--baseline-only", "ruby-liquid-5.4.0", "-q"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    out = proc.stdout + proc.stderr
    final = [ln for ln in out.splitlines() if ln.startswith("golden-liquid:")]
    assert final, out[-2000:]
    match = re.search(r"(\d+) passed, (\d+) failed", final[-1])
    assert match, final[-1]
    assert int(match.group(2)) == 0, out[-4000:]
    assert int(match.group(1)) > 900
