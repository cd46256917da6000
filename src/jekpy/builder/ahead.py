"""The previous build's files made ahead, empty, while a warm build reads and renders.

Creating a file or a folder costs kernel time that grows sharply on some file
systems (ext4 with online discard, as on many VMs: up to a millisecond each right
after a large tree was deleted).  A warm build of a big site into a new destination
renders almost nothing, so it would spend most of its time there, after
everything else.  Instead, when a build starts, a forked process creates the files
the previous build wrote (their names are kept in the disk cache, see
:func:`write_listing`), empty, with their folders, in the staging folder
(``writer.Staging``) -- on the other CPU, while this process reads the site and
checks what changed.  Writing the site then only fills them.

The names are a guess: what this build does not write is removed before the
staging folder becomes the destination (:meth:`AheadMaker.prune`), and a file this
build writes that was not made ahead is created as usual.  Only names inside the
destination are followed.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path

__all__ = ["AheadMaker", "read_listing", "write_listing"]

#: fewer files than this are not worth a process to make them
MIN_FILES = 64

_CREATE = os.O_WRONLY | os.O_CREAT | getattr(os, "O_CLOEXEC", 0)


class AheadMaker:
    """The forked process that makes ``paths`` (relative to ``root``), folders and
    empty files, and what it made."""

    def __init__(self, root: str, paths: list[str]) -> None:
        self.root = root
        self.paths = paths
        self._pid: int | None = None
        #: whether the process made every file (known once it ended)
        self.complete = False

    def start(self) -> bool:
        """Fork the process (False when that failed: nothing is made)."""
        try:
            pid = os.fork()
        except OSError:
            return False
        if pid == 0:
            code = 1  # not all made: each file is then made when it is written
            try:
                _make(self.root, self.paths)
                code = 0
            finally:
                os._exit(code)
        self._pid = pid
        return True

    def running(self) -> bool:
        """Whether the process still runs (reaped when it ended)."""
        if self._pid is None:
            return False
        try:
            pid, status = os.waitpid(self._pid, os.WNOHANG)
        except OSError:  # reaped elsewhere (a test's waitpid(-1)...): unknown outcome
            self._pid = None
            return False
        if pid == 0:
            return True
        self._pid = None
        self.complete = os.waitstatus_to_exitcode(status) == 0
        return False

    def wait(self) -> None:
        """Wait for the process to end."""
        if self._pid is None:
            return
        with contextlib.suppress(OSError):
            _, status = os.waitpid(self._pid, 0)
            self.complete = os.waitstatus_to_exitcode(status) == 0
        self._pid = None

    def folders(self) -> set[str]:
        """Every folder the paths are in (relative; the root is not one)."""
        found: set[str] = set()
        for path in self.paths:
            folder = os.path.dirname(path)
            while folder and folder not in found:
                found.add(folder)
                folder = os.path.dirname(folder)
        return found

    def prune(self, written: Iterable[str]) -> None:
        """Remove what was made ahead and not ``written`` (relative paths) this build:
        the empty files, then the folders left empty, the deepest first.  Call
        once the process ended."""
        kept = set(written)
        for path in self.paths:
            if path not in kept:
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(self.root, path))
        used: set[str] = set()
        for path in kept:
            folder = os.path.dirname(path)
            while folder and folder not in used:
                used.add(folder)
                folder = os.path.dirname(folder)
        for folder in sorted(self.folders() - used, key=len, reverse=True):
            with contextlib.suppress(OSError):  # not empty: something else is there
                os.rmdir(os.path.join(self.root, folder))


def _make(root: str, paths: list[str]) -> None:
    made: set[str] = set()
    for path in paths:
        target = os.path.join(root, path)
        folder = os.path.dirname(target)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        # no O_TRUNC: a file the build wrote meanwhile keeps its bytes
        os.close(os.open(target, _CREATE, 0o666))


def _inside(line: str) -> bool:
    """Whether ``line`` of a listing names a file inside the destination."""
    return bool(line) and not os.path.isabs(line) and ".." not in line.split("/")


def read_listing(listing: Path) -> list[str]:
    """The files a listing names (none when it is missing, unreadable or short)."""
    try:
        with open(listing, encoding="utf-8") as fh:
            paths = [line for line in fh.read().split("\n") if _inside(line)]
    except (OSError, UnicodeError):
        return []
    return paths if len(paths) >= MIN_FILES else []


def write_listing(listing: Path, paths: Iterable[str]) -> None:
    """Keep ``paths`` (relative to the destination, in writing order) in ``listing``
    for the next build; rewritten only when they changed, any failure ignored (the
    listing is only a guess)."""
    text = "".join(path + "\n" for path in paths)
    try:
        with open(listing, encoding="utf-8") as fh:
            if fh.read() == text:
                return
    except (OSError, UnicodeError):
        pass
    tmp = f"{listing}.{os.getpid()}.tmp"
    try:
        listing.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, listing)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
