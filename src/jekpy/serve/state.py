"""What the HTTP side knows about the build: ready or building, good or failed."""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["BuildState", "Snapshot"]


@dataclass(frozen=True)
class Snapshot:
    """The state of the last finished build.

    ``token`` names that build (it changes with every build, good or failed, and
    with every server start); ``root`` is the folder to serve; ``error`` is set when
    that build failed (the files on disk are then from an older, good build);
    ``moved`` maps the old addresses of pages whose URL changed while serving to
    their new URLs (:mod:`jekpy.serve.moves`).
    """

    token: str
    root: Path
    baseurl: str
    error: BaseException | None
    moved: Mapping[str, str] = field(default_factory=dict)


class BuildState:
    """Shared between the rebuild thread and the request threads.

    Requests wait while a build runs, so a page is never served from a half-written
    or outdated output folder; live-reload listeners wait for the token to change.
    """

    def __init__(self, root: Path, baseurl: str = "") -> None:
        self._cond = threading.Condition()
        self._boot = secrets.token_hex(4)
        self._count = 0
        self._building = True  # until the first build finishes
        self._closed = False
        self._pending: set[str] = set()
        self._snapshot = Snapshot(self._token(), root, baseurl, None)
        self.finished_at = 0.0

    def _token(self) -> str:
        return f"{self._boot}-{self._count}"

    @property
    def building(self) -> bool:
        with self._cond:
            return self._building

    @property
    def closed(self) -> bool:
        with self._cond:
            return self._closed

    def begin(self) -> None:
        """A change was seen: hold requests until :meth:`finish`."""
        with self._cond:
            self._building = True

    def add_changes(self, paths: set[str]) -> None:
        """The watcher saw ``paths`` change: hold requests from now on, queue a rebuild."""
        with self._cond:
            self._pending.update(paths)
            self._building = True
            self._cond.notify_all()

    def take_changes(self, timeout: float) -> set[str]:
        """The changed paths queued so far (waiting up to ``timeout`` for some)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while not self._pending and not self._closed:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._cond.wait(left)
            taken, self._pending = self._pending, set()
            return taken

    def finish(
        self,
        root: Path,
        baseurl: str,
        error: BaseException | None,
        *,
        if_idle: bool = False,
        moved: Mapping[str, str] | None = None,
    ) -> str | None:
        """A build ended: publish its outcome and wake everyone. Returns the new token.

        With ``if_idle``, publish only when no change arrived during the build;
        otherwise return None and stay in the building state (the caller builds
        again), so browsers never reload into a site older than the files.
        ``moved`` replaces the known page moves (None keeps them).
        """
        with self._cond:
            if if_idle and self._pending:
                return None
            self._count += 1
            if moved is None:
                moved = self._snapshot.moved
            self._snapshot = Snapshot(self._token(), root, baseurl, error, moved)
            self._building = False
            self.finished_at = time.monotonic()
            self._cond.notify_all()
            return self._snapshot.token

    def current(self) -> Snapshot:
        """The last finished build, without waiting."""
        with self._cond:
            return self._snapshot

    def ready(self, timeout: float) -> Snapshot | None:
        """The last finished build once no build is running, or None after ``timeout``."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._building and not self._closed:
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self._cond.wait(left)
            return self._snapshot

    def changed(self, token: str, timeout: float) -> str | None:
        """Wait until a build other than ``token`` has finished; its token, or None.

        Returns None after ``timeout`` or when the server shuts down.
        """
        deadline = time.monotonic() + timeout
        with self._cond:
            while not self._closed:
                if self._snapshot.token != token and not self._building:
                    return self._snapshot.token
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self._cond.wait(left)
            return None

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()
