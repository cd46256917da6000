"""Time spent in Liquid during a build, compiled templates against the interpreter.

Each run is a fresh process that builds the site once (one process: JEKPY_JOBS=1,
disk cache off) and reports the build's wall time and the time spent inside
``LiquidEngine.parse`` + ``LiquidEngine.render`` (CPU time of the process, so that other load on the machine counts less) (includes and filters count as
Liquid; the Markdown of ``markdownify`` too).  Runs alternate
``JEKPY_LIQUID_COMPILE=1`` / ``0``; medians are printed.

    python benchmarks/liquid_time.py /tmp/site --runs 5
    git archive <commit> src | tar -x -C /tmp/base   # an older jekpy to compare with
    python benchmarks/liquid_time.py /tmp/site --baseline-src /tmp/base/src
    python benchmarks/gen_site.py /tmp/gen -n 1000 && python benchmarks/liquid_time.py /tmp/gen

Never point it at ../shared: it builds into a temporary directory, but the
source must be a copy you own.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = r"""
import json, sys, time
from jekpy import api
from jekpy.liquid import LiquidEngine

spent = [0.0]
depth = [0]

def timed(func):
    def wrapper(*args, **kwargs):
        if depth[0]:
            return func(*args, **kwargs)
        depth[0] += 1
        started = time.process_time()
        try:
            return func(*args, **kwargs)
        finally:
            spent[0] += time.process_time() - started
            depth[0] -= 1
    return wrapper

LiquidEngine.parse = timed(LiquidEngine.parse)
LiquidEngine.render = timed(LiquidEngine.render)
started = time.process_time()
api.build(sys.argv[1], sys.argv[2], overrides={"disable_disk_cache": True}, quiet=True)
total = time.process_time() - started
print(json.dumps({"build": total, "liquid": spent[0]}))
"""


def run_once(source: Path, extra_env: dict[str, str]) -> dict[str, float]:
    env = dict(os.environ, JEKPY_JOBS="1", TZ="UTC", **extra_env)
    with tempfile.TemporaryDirectory(prefix="liquid-time-") as dest:
        proc = subprocess.run(
            [sys.executable, "-c", CHILD, str(source), dest],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
    result: dict[str, float] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("source", type=Path)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument(
        "--baseline-src", type=Path, help="also time the jekpy whose src/ this is (PYTHONPATH)"
    )
    args = ap.parse_args()
    configs: dict[str, dict[str, str]] = {}
    if args.baseline_src:
        configs["baseline"] = {"PYTHONPATH": str(args.baseline_src.resolve())}
    configs["interpreted"] = {"JEKPY_LIQUID_COMPILE": "0"}
    configs["compiled"] = {"JEKPY_LIQUID_COMPILE": "1"}
    results: dict[str, list[dict[str, float]]] = {name: [] for name in configs}
    for _ in range(args.runs):
        for name, extra in configs.items():
            results[name].append(run_once(args.source, extra))
    medians = {}
    for name, runs in results.items():
        liquid = statistics.median(r["liquid"] for r in runs)
        build = statistics.median(r["build"] for r in runs)
        medians[name] = liquid
        print(
            f"{name:>11}: liquid {liquid:.3f} s (median of {len(runs)}), build {build:.3f} s, "
            f"liquid share {liquid / build:.0%}  runs: "
            + " ".join(f"{r['liquid']:.3f}" for r in runs)
        )
    for name in configs:
        if name != "compiled":
            print(f"liquid time {name} / compiled = {medians[name] / medians['compiled']:.2f}x")


if __name__ == "__main__":
    main()
