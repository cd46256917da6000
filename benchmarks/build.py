"""Full-build benchmark: real Jekyll (when installed), Hugo (when installed) and
jekpy, in one alternating run.

For each site, builds alternate Jekyll / jekpy (/ Hugo), several runs each, and the
medians and their ratios are printed.  Sites: every site in ../shared/corpus/ (when
present) and generated 1,000- and 10,000-post blogs (benchmarks/gen_site.py); Hugo
builds the same generated posts with the layouts of benchmarks/hugo/ (corpus sites
have no Hugo version).

    python benchmarks/build.py                    # corpus + 1,000 posts, 3 runs
    python benchmarks/build.py --sizes 1000 10000 --runs 5 --mode cold
    python benchmarks/build.py --sites lil-log --mode safe
    python benchmarks/build.py --no-jekyll        # jekpy (and Hugo) only

Modes: "warm" (both with their disk caches, Jekyll's default; one untimed build
first), "cold" (both with --disable-disk-cache) and "safe" (both with --safe, which
turns the disk cache off too, as on GitHub Pages and most CI builds).  In safe mode
the site's ``plugins:`` are whitelisted (an extra config file, as GitHub Pages
whitelists its plugins), so sites that use jekyll-feed or jekyll-seo-tag still
build and both tools build the same thing.  Every timed build writes into a fresh
destination: the last one is moved aside (the path stays the same, as the caches
need).  Nothing is deleted until every site was measured, because deleting a big tree
just before a timed build makes that build pay for the deletion: ext4 without a
journal (as on this kind of VM) skips the inodes freed in the last minutes each time
it creates a file, so creating files right after a large ``rm -rf`` costs up to a
millisecond each, growing with what was deleted.
Peak memory (max RSS of the build process) is reported too.
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

from gen_site import generate, generate_hugo  # noqa: E402

MODE_FLAGS = {"warm": [], "cold": ["--disable-disk-cache"], "safe": ["--safe"]}


def _run(cmd: list[str], cwd: Path) -> tuple[float, int]:
    """Run a build; (wall seconds, peak RSS in KiB of that process and its children)."""
    env = dict(os.environ, TZ="UTC", LC_ALL="C.UTF-8", JEKYLL_ENV="production")
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out = proc.stdout.read() if proc.stdout else b""
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise BuildFailed(f"failed: {' '.join(cmd)}\n{out.decode(errors='replace')[-2000:]}")
    return elapsed, usage.ru_maxrss


class BuildFailed(Exception):
    """A build exited with an error (reported, and the site skipped)."""


def bench_site(
    work: Path,
    name: str,
    src: Path,
    runs: int,
    mode: str,
    jekyll: bool,
    hugo_src: Path | None = None,
) -> None:
    """Measure one site in one mode, in ``work`` (a new folder, left for the caller
    to delete once every site was measured)."""
    site = work / "src"
    shutil.copytree(src, site)
    flags = MODE_FLAGS[mode] + (_whitelist_plugins(site) if mode == "safe" else [])
    cmds: dict[str, tuple[list[str], Path]] = {
        "jekpy": (
            [sys.executable, "-m", "jekpy", "build", "-q", "-d", str(work / "jekpy"), *flags],
            site,
        )
    }
    if jekyll:
        cmds["jekyll"] = (["jekyll", "build", "-q", "-d", str(work / "jekyll"), *flags], site)
    if hugo_src is not None:
        hsite = work / "hugo-src"
        shutil.copytree(hugo_src, hsite)
        hflags = ["--ignoreCache"] if mode != "warm" else []
        cmds["hugo"] = (["hugo", "--quiet", "-d", str(work / "hugo"), *hflags], hsite)
    times: dict[str, list[float]] = {k: [] for k in cmds}
    rss: dict[str, int] = {k: 0 for k in cmds}
    try:
        if mode == "warm":
            for cmd, cwd in cmds.values():
                _run(cmd, cwd)
        for run in range(runs):
            for key, (cmd, cwd) in cmds.items():
                # the same destination path each time (it is part of the configuration,
                # and a changed configuration empties both tools' caches), but fresh:
                # the last one is moved aside, deleted at the end
                dest = work / key
                if dest.exists():
                    dest.rename(work / f"{key}-old-{run}")
                if mode != "warm":
                    shutil.rmtree(site / ".jekyll-cache", ignore_errors=True)
                elapsed, peak = _run(cmd, cwd)
                times[key].append(elapsed)
                rss[key] = max(rss[key], peak)
    except BuildFailed as err:
        print(f"{name:<22} {mode:<5} skipped: {err}", flush=True)
        return
    med = {k: statistics.median(v) for k, v in times.items()}
    line = f"{name:<22} {mode:<5} jekpy {med['jekpy']:7.2f}s ({rss['jekpy'] / 1024:5.0f} MB)"
    if "jekyll" in med:
        line += (
            f"   jekyll {med['jekyll']:7.2f}s ({rss['jekyll'] / 1024:5.0f} MB)"
            f"   jekyll/jekpy {med['jekyll'] / med['jekpy']:5.2f}x"
        )
    if "hugo" in med:
        line += (
            f"   hugo {med['hugo']:7.2f}s ({rss['hugo'] / 1024:5.0f} MB)"
            f"   hugo/jekpy {med['hugo'] / med['jekpy']:5.2f}x"
        )
    print(line, flush=True)


def _whitelist_plugins(site: Path) -> list[str]:
    """``--config`` flags adding ``whitelist: <the site's plugins>`` to the site's own
    configuration (none when it lists no plugins)."""
    import yaml

    config = next((site / n for n in ("_config.yml", "_config.yaml") if (site / n).is_file()), None)
    if config is None:
        return []
    data = yaml.safe_load(config.read_text(encoding="utf-8")) or {}
    plugins = data.get("plugins") or data.get("gems") or []
    if isinstance(plugins, str):
        plugins = [plugins]
    if not plugins:
        return []
    extra = site / "_bench_safe.yml"  # "_" names are never copied to the output
    extra.write_text(yaml.safe_dump({"whitelist": [str(p) for p in plugins]}), encoding="utf-8")
    return ["--config", f"{config.name},{extra.name}"]


def compile_jekpy() -> None:
    """Byte-compile jekpy as ``pip install`` does, so the runs measure an installed
    jekpy, not one compiled from source at every start (an editable install, or
    ``PYTHONDONTWRITEBYTECODE`` set, never writes the bytecode)."""
    import compileall

    import jekpy

    compileall.compile_dir(str(Path(jekpy.__file__).parent), quiet=1)


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sizes", type=int, nargs="*", default=[1000])
    ap.add_argument(
        "--mode",
        nargs="+",
        choices=["warm", "cold", "safe", "both", "all"],
        default=["both"],
        help="both = warm cold; all = warm cold safe",
    )
    ap.add_argument("--sites", nargs="*", default=None, help="only these corpus sites")
    ap.add_argument("--no-jekyll", action="store_true")
    ap.add_argument("--no-hugo", action="store_true")
    ap.add_argument("--no-corpus", action="store_true")
    args = ap.parse_args()
    compile_jekpy()
    jekyll = not args.no_jekyll and shutil.which("jekyll") is not None
    if not jekyll:
        print("(real Jekyll not installed or disabled: no Jekyll times)")
    hugo = not args.no_hugo and shutil.which("hugo") is not None
    if not hugo:
        print("(Hugo not installed or disabled: no Hugo times; apt-get install hugo)")
    expand = {"both": ["warm", "cold"], "all": ["warm", "cold", "safe"]}
    modes = list(dict.fromkeys(m for arg in args.mode for m in expand.get(arg, [arg])))
    sites: list[tuple[str, Path, Path | None]] = []
    if not args.no_corpus and (SHARED / "corpus").is_dir():
        sites += [
            (p.name, p / "src", None)
            for p in sorted((SHARED / "corpus").iterdir())
            if (p / "src").is_dir() and (args.sites is None or p.name in args.sites)
        ]
    root = Path(tempfile.mkdtemp(prefix="bench-"))  # deleted at the end only (see above)
    try:
        for n in args.sizes:
            hugo_src = generate_hugo(root / f"h{n}", n) if hugo else None
            sites.append((f"generated-{n}", generate(root / f"g{n}", n), hugo_src))
        for name, src, hugo_src in sites:
            for mode in modes:
                work = root / f"{name}-{mode}"
                work.mkdir()
                bench_site(work, name, src, args.runs, mode, jekyll, hugo_src)
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
