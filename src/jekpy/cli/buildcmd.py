"""The body of ``jekpy build`` and the command's process helpers, without click.

``cli/main.py`` (click) and ``cli/launch.py`` (the entry point, which parses a
plain ``jekpy build`` itself) both call :func:`build_command`, so a build started
either way runs the same code.  Nothing here imports click except the error
path (:func:`echo_error`), which prints as click does.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from ..errors import JekpyError
from ..log import Logger, use_color

if TYPE_CHECKING:
    from pathlib import Path

    from ..options import BuildOptions

__all__ = [
    "build_command",
    "cli_logger",
    "echo_error",
    "engine_import",
    "exit_now",
    "fast_exit",
    "flag_overrides",
    "split_config",
    "threading_alone",
]

@contextmanager
def engine_import() -> Iterator[None]:
    """Import the build engine with the cyclic garbage collector paused, then
    freeze what the imports made (modules, classes, functions live as long as the
    process): the collections a build makes then skip them, and forked render
    workers do not touch their memory (about 8 ms of collections before the
    workers start on a 1,000-post site).  The command owns its process, so the
    collector's state is its to change; the library never does this."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
        gc.freeze()


def echo_error(text: str) -> None:
    """An error on stderr: red on a terminal, as Jekyll shows errors (not with NO_COLOR)."""
    import click  # the error path only: a build that succeeds never loads click

    if use_color(sys.stderr):
        text = click.style(text, fg="red")
    click.echo(text, err=True)


def split_config(config: str | None) -> tuple[str, ...] | None:
    if not config:
        return None
    return tuple(c.strip() for c in config.split(",") if c.strip())


def flag_overrides(flags: dict[str, Any]) -> dict[str, Any]:
    """The configuration keys Jekyll's build flags set (unset flags set nothing)."""
    on = {
        "safe": "safe", "incremental": "incremental", "disable_disk_cache": "disable_disk_cache",
        "profile": "profile", "strict_front_matter": "strict_front_matter", "quiet": "quiet",
        "verbose": "verbose", "lsi": "lsi",
    }
    out: dict[str, Any] = {key: True for flag, key in on.items() if flags.get(flag)}
    if flags.get("baseurl") is not None:
        out["baseurl"] = flags["baseurl"]
    if flags.get("limit_posts") is not None:
        out["limit_posts"] = flags["limit_posts"]
    return out


def cli_logger(quiet: bool, verbose: bool) -> Logger:
    return Logger(level="error" if quiet else ("debug" if verbose else "info"))


def build_command(
    source: str | None,
    destination: str | None,
    config: str | None,
    drafts: bool,
    unpublished: bool,
    future: bool,
    trace: bool,
    watch: bool,
    **flags: Any,
) -> None:
    """``jekpy build`` once its arguments are parsed (``flags``: the build flags,
    as click's ``build`` receives them)."""
    with engine_import():
        from ..api import run_build
        from ..options import BuildOptions

    log = cli_logger(flags["quiet"], flags["verbose"])
    if flags["verbose"]:
        log.info("Logging at level:", "debug")
        log.info("Jekyll Version:", "4.3.1")
    options = BuildOptions(
        source, destination, split_config(config), drafts=drafts, unpublished=unpublished,
        future=future, overrides=flag_overrides(flags), cwd=os.getcwd(),
    )
    try:
        site = run_build(options, log=log, announce=True)
        if not watch:
            log.info("Auto-regeneration:", "disabled. Use --watch to enable.")
    except JekpyError as err:
        if trace:
            raise
        _graceful_fail(log, err, "build")
        return
    if watch:
        from pathlib import Path

        _watch_and_rebuild(options, Path(str(site.source)), Path(str(site.dest)), log)


def _watch_and_rebuild(options: BuildOptions, source: Path, destination: Path, log: Logger) -> None:
    """``build --watch``: the preview server's watcher and rebuild loop, no HTTP."""
    from dataclasses import replace

    from ..serve.server import PreviewServer
    from ..serve.shutdown import ShutdownSignal

    watched = replace(options, source=source, destination=destination, cwd=None)
    watcher = PreviewServer(watched, log=log)
    with ShutdownSignal() as stopper:
        watcher.watch_only()
        log.info("Auto-regeneration:", f"enabled for '{source}'")
        log.info("", "press ctrl-c to stop.")
        try:
            while not stopper.wait(1.0):
                pass
        finally:
            watcher.stop()


def _graceful_fail(log: Logger, err: JekpyError, command: str) -> None:
    """Print jekpy's explanation (file, line, caret, hint) and exit 1.

    A Liquid error's report starts with Jekyll's own summary line (``Liquid
    Exception: ...``); ``--trace`` shows the Python traceback instead.
    """
    del log, command
    echo_error(str(err))
    sys.exit(1)


def threading_alone() -> bool:
    """Whether the main thread is the only one (threading imported or not)."""
    threading = sys.modules.get("threading")
    return threading is None or threading.active_count() == 1


def exit_now(code: int) -> None:
    """End the process at once: ``atexit`` functions run and the output is flushed,
    but the interpreter is not torn down (see ``main.run``)."""
    import atexit
    import contextlib

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        # closed, or a broken pipe: Python ignores it at exit too
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)


@contextmanager
def fast_exit() -> Iterator[None]:
    """End the command's process at once when what runs inside exits (``SystemExit``)
    and the main thread is the only one: :func:`exit_now`, with what Python does for
    ``sys.exit("text")`` (the text on stderr, status 1).  With threads still running
    (the server's), Python exits as usual."""
    try:
        yield
    except SystemExit as exc:
        if threading_alone():
            code = exc.code
            if code is not None and not isinstance(code, int):
                print(code, file=sys.stderr)
                code = 1
            exit_now(code or 0)
        raise
