"""The ``jekpy`` command's entry point (the ``jekpy`` script and ``python -m jekpy``).

A plain ``jekpy build`` is the command's most frequent use, and for a small site
importing click and building its command tree was a fifth of the whole run.  So
:func:`run` reads the arguments of such a build itself and calls the build
directly; anything else -- another command, ``--help``, an unknown or malformed
option, a value click would reject -- goes to the click application
(``cli/main.py``) untouched, which then parses, reports and exits as it always
did.  :func:`parse_build` accepts only a subset of what click accepts and, for
that subset, yields exactly the values click gives ``build``
(``tests/cli/test_launch.py`` compares the two over many argument lists).
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence
from typing import Any

__all__ = ["build_without_click", "parse_build", "run"]

#: ``build``'s flags: each option string -> its parameter (True when given).
_FLAGS = {
    "-D": "drafts", "--drafts": "drafts",
    "--unpublished": "unpublished",
    "--future": "future",
    "-t": "trace", "--trace": "trace",
    "-q": "quiet", "--quiet": "quiet",
    "-V": "verbose", "--verbose": "verbose",
    "-I": "incremental", "--incremental": "incremental",
    "--safe": "safe",
    "--profile": "profile",
    "--disable-disk-cache": "disable_disk_cache",
    "--lsi": "lsi",
    "--strict-front-matter": "strict_front_matter",
    "--strict_front_matter": "strict_front_matter",
}
#: ``--watch/--no-watch`` (``-w/-W``): the value each sets.
_WATCH = {"-w": True, "--watch": True, "-W": False, "--no-watch": False}
#: ``build``'s options that take a value: option string -> its parameter.
_VALUED = {
    "-s": "source", "--source": "source",
    "-d": "destination", "--destination": "destination",
    "--config": "config",
    "-b": "baseurl", "--baseurl": "baseurl",
    "--limit-posts": "limit_posts", "--limit_posts": "limit_posts",
}
#: Values click checks as ``click.Path(file_okay=False)``.
_FOLDERS = frozenset(["source", "destination"])


def _folder_ok(value: str) -> bool:
    """What ``click.Path(file_okay=False)`` lets through: a missing path, or an
    existing readable one that is not a file."""
    try:
        mode = os.stat(value).st_mode
    except OSError:
        return True
    import stat

    return not stat.S_ISREG(mode) and os.access(value, os.R_OK)


def parse_build(argv: Sequence[str]) -> dict[str, Any] | None:
    """The keyword arguments click would call ``build`` with for ``jekpy ARGV``,
    or None when ``argv`` is not a plain ``build`` (``b``) this parser vouches for."""
    if not argv or argv[0] not in ("build", "b"):
        return None
    values: dict[str, Any] = dict.fromkeys(_FLAGS.values(), False)
    values.update(dict.fromkeys(_VALUED.values()))
    values["watch"] = False
    args = list(argv[1:])
    while args:
        arg = args.pop(0)
        name, eq, attached = arg.partition("=")
        if not eq or not name.startswith("--"):
            name, attached = arg, ""
        if name in _FLAGS and not eq:
            values[_FLAGS[name]] = True
        elif name in _WATCH and not eq:
            values["watch"] = _WATCH[name]
        elif name in _VALUED:
            if eq:
                value = attached
            elif args:
                value = args.pop(0)
            else:
                return None  # click: "Option requires an argument"
            if not value or value.startswith("-"):
                return None  # left to click, whatever it makes of it
            param = _VALUED[name]
            if param in _FOLDERS and not _folder_ok(value):
                return None
            if param == "limit_posts":
                if not (value.isascii() and value.isdigit()):
                    return None
                values[param] = int(value)
            else:
                values[param] = value
        else:
            return None  # another option, an argument, "--", a group of short flags
    return values


def build_without_click(argv: Sequence[str], *, code_cache: bool = False) -> bool:
    """Run ``jekpy ARGV`` when it is a plain build (then return True, or raise
    ``SystemExit`` as click would); False when click must handle it.

    ``code_cache``: this process is the command's own (``run``): keep compiled code
    on disk (``_codecache``) and, without ``--watch``, build without the cyclic
    garbage collector."""
    if os.environ.get("_JEKPY_COMPLETE"):  # click's shell completion
        return False
    values = parse_build(argv)
    if values is None:
        return False
    from .buildcmd import build_command

    if code_cache:
        from .. import _codecache, _deferred

        _deferred.import_dataclasses()  # the command's: without inspect (see there)
        _codecache.install()  # before the engine's dataclasses and templates compile
        if values["watch"]:
            gc.enable()  # (paused by run() until here, see there)
        # else: one build, then this process ends: what the build reads lives to
        # the end, and the collector's passes over it (some 6 ms on 1,000 posts)
        # would free only the few cycles a render leaves (~3 objects a page), so it
        # stays paused.
    try:
        build_command(**values)
    except (EOFError, KeyboardInterrupt):
        _aborted()
    except OSError as err:
        import errno

        if err.errno != errno.EPIPE:
            raise
        _broken_pipe()
    return True


def _aborted() -> None:
    """What click's ``main`` does on Ctrl-C: a new line, ``Aborted!``, exit 1."""
    import click

    click.echo(file=sys.stderr)
    click.echo("Aborted!", file=sys.stderr)
    sys.exit(1)


def _broken_pipe() -> None:
    """What click's ``main`` does when stdout's reader went away: exit 1 quietly."""
    from click.utils import _PacifyFlushWrapper

    sys.stdout = _PacifyFlushWrapper(sys.stdout)
    sys.stderr = _PacifyFlushWrapper(sys.stderr)
    sys.exit(1)


def run() -> None:
    """The ``jekpy`` command in a process of its own (see ``main.run``).

    The cyclic garbage collector is paused through the first imports (a dozen
    collections, ~1 ms, that find nothing); a plain build keeps it paused to the
    end (``build --watch`` and click's commands turn it on again)."""
    gc.disable()
    from .._recache import install

    install()  # this process is the command: compiled patterns come from the disk
    from .buildcmd import fast_exit

    with fast_exit():
        if build_without_click(sys.argv[1:], code_cache=True):
            sys.exit(0)
    gc.enable()
    from .main import run as run_click

    run_click()
