"""Full-build benchmark: real Jekyll (when installed) against jekpy, in one run.

For each site, builds alternate Jekyll / jekpy, several runs each, and the medians
and their ratio are printed.  Sites: every site in ../shared/corpus/ (when present)
and generated 1,000- and 10,000-post blogs (benchmarks/gen_site.py).

    python benchmarks/build.py                    # corpus + 1,000 posts, 3 runs
    python benchmarks/build.py --sizes 1000 10000 --runs 5 --mode cold
    python benchmarks/build.py --no-jekyll        # jekpy only

Modes: "warm" (both with their disk caches, Jekyll's default; one untimed build
first) and "cold" (both with --disable-disk-cache).  Peak memory (max RSS of the
build process) is reported too.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(HERE))

from gen_site import generate  # noqa: E402


def _run(cmd: list[str], cwd: Path) -> tuple[float, int]:
    """Run a build; (wall seconds, peak RSS in KiB of that process and its children)."""
    env = dict(os.environ, TZ="UTC", LC_ALL="C.UTF-8", JEKYLL_ENV="production")
    started = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    out = proc.stdout.read() if proc.stdout else b""
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{out.decode(errors='replace')}")
    return elapsed, usage.ru_maxrss


def bench_site(name: str, src: Path, runs: int, mode: str, jekyll: bool) -> None:
    work = Path(tempfile.mkdtemp(prefix=f"bench-{name}-"))
    try:
        site = work / "src"
        shutil.copytree(src, site)
        cold = ["--disable-disk-cache"] if mode == "cold" else []
        cmds = {"jekpy": [sys.executable, "-m", "jekpy", "build", "-q", "-d", str(work / "o1"), *cold]}
        if jekyll:
            cmds["jekyll"] = ["jekyll", "build", "-q", "-d", str(work / "o2"), *cold]
        times: dict[str, list[float]] = {k: [] for k in cmds}
        rss: dict[str, int] = {k: 0 for k in cmds}
        if mode == "warm":
            for cmd in cmds.values():
                _run(cmd, site)
        for _ in range(runs):
            for key, cmd in cmds.items():
                if mode == "cold":
                    shutil.rmtree(site / ".jekyll-cache", ignore_errors=True)
                    shutil.rmtree(site / ".jekpy-cache", ignore_errors=True)
                elapsed, peak = _run(cmd, site)
                times[key].append(elapsed)
                rss[key] = max(rss[key], peak)
        med = {k: statistics.median(v) for k, v in times.items()}
        line = f"{name:<22} {mode:<5} jekpy {med['jekpy']:7.2f}s ({rss['jekpy'] / 1024:5.0f} MB)"
        if "jekyll" in med:
            line += (
                f"   jekyll {med['jekyll']:7.2f}s ({rss['jekyll'] / 1024:5.0f} MB)"
                f"   ratio jekyll/jekpy {med['jekyll'] / med['jekpy']:5.2f}x"
            )
        print(line, flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def compile_jekpy() -> None:
    """Byte-compile jekpy as ``pip install`` does, so the runs measure an installed
    jekpy, not one compiled from source at every start (an editable install, or
    ``PYTHONDONTWRITEBYTECODE`` set, never writes the bytecode)."""
    import compileall

    import jekpy

    compileall.compile_dir(str(Path(jekpy.__file__).parent), quiet=1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sizes", type=int, nargs="*", default=[1000])
    ap.add_argument("--mode", choices=["warm", "cold", "both"], default="both")
    ap.add_argument("--no-jekyll", action="store_true")
    ap.add_argument("--no-corpus", action="store_true")
    args = ap.parse_args()
    compile_jekpy()
    jekyll = not args.no_jekyll and shutil.which("jekyll") is not None
    if not jekyll:
        print("(real Jekyll not installed or disabled: jekpy times only)")
    modes = ["warm", "cold"] if args.mode == "both" else [args.mode]
    sites: list[tuple[str, Path]] = []
    if not args.no_corpus and (SHARED / "corpus").is_dir():
        sites += [(p.name, p / "src") for p in sorted((SHARED / "corpus").iterdir()) if (p / "src").is_dir()]
    gen_root = Path(tempfile.mkdtemp(prefix="bench-gen-"))
    try:
        for n in args.sizes:
            sites.append((f"generated-{n}", generate(gen_root / f"g{n}", n)))
        for name, src in sites:
            for mode in modes:
                bench_site(name, src, args.runs, mode, jekyll)
    finally:
        shutil.rmtree(gen_root, ignore_errors=True)


if __name__ == "__main__":
    main()
