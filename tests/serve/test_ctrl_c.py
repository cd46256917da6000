"""Ctrl-C at any moment stops ``jekpy serve``: 200 SIGINTs at random moments, no hang.

A signal handler runs wherever the main thread happens to be; the old main loop
(``Event.wait`` in a loop) could be interrupted while holding the event's lock, and
``stop()``'s ``Event.set()`` then waited on that lock forever.  Now the handler only
sets a flag and writes a byte (jekpy.serve.shutdown), so no moment is unsafe.

The processes run :func:`jekpy.serve.server.serve` (what ``jekpy serve`` runs) on a tiny
site, on 127.0.0.1 with a free port, again and again; the test sends one SIGINT per
run at a random moment (binding, the first build, serving, rebuilding) and requires
the run to end within ``LIMIT`` seconds.  Spreading the 200 signals over a few
processes keeps the test short; a few real ``jekpy serve`` processes are signalled too.
"""

from __future__ import annotations

import os
import queue
import random
import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from jekpy.serve.shutdown import ShutdownSignal

pytestmark = pytest.mark.skipif(
    not hasattr(signal, "SIGINT") or sys.platform == "win32", reason="POSIX signals"
)

SIGNALS = 200
PROCESSES = 4
LIMIT = 15.0  # seconds a run may take to stop after its SIGINT (it takes well under one)

RUNNER = textwrap.dedent(
    """
    import io, sys
    from pathlib import Path
    from jekpy.log import Logger
    from jekpy.options import BuildOptions
    from jekpy.serve.server import serve

    site, rounds = Path(sys.argv[1]), int(sys.argv[2])
    for i in range(rounds):
        log = Logger(out=io.StringIO(), err=io.StringIO())
        print(f"RUN {i}", flush=True)
        try:
            serve(BuildOptions(site, drafts=True), port=0, log=log)
            print(f"DONE {i} stopped" if "Server stopped." in log.messages[-1] else f"DONE {i} ?",
                  flush=True)
        except KeyboardInterrupt:  # landed before serve() installed its handler
            print(f"DONE {i} early", flush=True)
    """
)


def _tiny_site(root: Path) -> Path:
    (root / "_layouts").mkdir(parents=True)
    (root / "_posts").mkdir()
    (root / "_drafts").mkdir()
    (root / "_config.yml").write_text("title: Tiny\n", encoding="utf-8")
    (root / "_layouts" / "default.html").write_text(
        "<html><head></head><body>{{ content }}</body></html>\n", encoding="utf-8"
    )
    (root / "index.md").write_text("---\nlayout: default\n---\n# {{ site.title }}\n", "utf-8")
    for n in range(1, 6):
        (root / "_posts" / f"2020-01-0{n}-p{n}.md").write_text(
            f"---\nlayout: default\n---\nPost {n} *emphasis*\n", encoding="utf-8"
        )
    (root / "_drafts" / "d.md").write_text("---\n---\nDraft\n", encoding="utf-8")
    return root


def _lines(proc: subprocess.Popen[str]) -> queue.Queue[str | None]:
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.put(line.rstrip("\n"))
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    return lines


def _expect(lines: queue.Queue[str | None], prefix: str, log: list[str]) -> str:
    """The next line starting with ``prefix``; fails after ``LIMIT`` seconds."""
    while True:
        try:
            line = lines.get(timeout=LIMIT)
        except queue.Empty:
            pytest.fail(f"no {prefix!r} within {LIMIT}s (a hang); output so far:\n" + "\n".join(log))
        if line is None:
            pytest.fail(f"process ended before {prefix!r}:\n" + "\n".join(log))
        log.append(line)
        if line.startswith(prefix):
            return line


def _signal_runs(site: Path, rounds: int, seed: int, touch: Path) -> list[str]:
    """One process, ``rounds`` serve() runs, one SIGINT each at a random moment."""
    rng = random.Random(seed)
    proc = subprocess.Popen(
        [sys.executable, "-c", RUNNER, str(site), str(rounds)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    log: list[str] = []
    outcomes: list[str] = []
    try:
        lines = _lines(proc)
        for i in range(rounds):
            _expect(lines, f"RUN {i}", log)
            # Anywhere from binding and the first build to serving; every third run
            # also saves a file first, so some signals land during a rebuild.
            delay = rng.uniform(0.0, 0.3)
            if i % 3 == 2:
                threading.Timer(rng.uniform(0.0, delay), touch.write_text,
                                args=(f"---\n---\nrun {i}\n",)).start()
            threading.Event().wait(delay)
            proc.send_signal(signal.SIGINT)
            outcomes.append(_expect(lines, f"DONE {i}", log).split()[-1])
        proc.stdout.close() if proc.stdout else None
        assert proc.wait(timeout=LIMIT) == 0, "\n".join(log)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return outcomes


def test_sigint_at_200_random_moments_never_hangs(tmp_path: Path) -> None:
    rounds = SIGNALS // PROCESSES
    results: dict[int, list[str] | BaseException] = {}

    def worker(n: int) -> None:
        site = _tiny_site(tmp_path / f"site{n}")
        try:
            results[n] = _signal_runs(site, rounds, seed=1000 + n, touch=site / "touched.md")
        except BaseException as err:  # pytest.fail inside a thread: report it below
            results[n] = err

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(PROCESSES)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    outcomes: list[str] = []
    for n in range(PROCESSES):
        result = results[n]
        if isinstance(result, BaseException):
            raise result
        outcomes.extend(result)
    assert len(outcomes) == SIGNALS
    # Every run ended by its signal: through serve()'s own shutdown ("stopped"), or
    # before serve() had installed its handler ("early"); nothing else.
    assert set(outcomes) <= {"stopped", "early"}, outcomes
    assert outcomes.count("stopped") >= SIGNALS * 0.9, outcomes


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_cli_serve_stops_at_a_random_moment(tmp_path: Path, sig: int) -> None:
    """The real command: a signal during start-up, the first build or serving."""
    site = _tiny_site(tmp_path / "site")
    rng = random.Random(int(sig))
    for _ in range(3):
        proc = subprocess.Popen(
            [sys.executable, "-m", "jekpy", "serve", "-s", str(site), "-P", "0"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        try:
            threading.Event().wait(rng.uniform(0.0, 1.5))
            proc.send_signal(sig)
            out, _ = proc.communicate(timeout=LIMIT)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.communicate()
        if "Server address:" in out:  # signalled after start-up: a clean stop
            assert proc.returncode == 0, out
            assert "Server stopped." in out and "Traceback" not in out, out


def test_the_handler_only_sets_a_flag() -> None:
    """In-process: a SIGINT during the wait neither raises nor is lost."""
    with ShutdownSignal() as stopper:
        assert not stopper.wait(0)
        os.kill(os.getpid(), signal.SIGINT)  # delivered to this (main) thread
        assert stopper.wait(5)
        assert stopper.requested and stopper.signum == signal.SIGINT
    # The previous handler is back: Python's default raises KeyboardInterrupt.
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
