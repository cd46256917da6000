"""Ctrl-C and SIGTERM for ``jekpy serve`` and ``jekpy build --watch``, safe by construction.

Python runs a signal handler in the main thread between two bytecodes, wherever that
thread happens to be: inside ``threading.Event.wait`` holding the event's lock, in the
middle of a ``with lock:`` block, half-way through a build.  A handler that raises
(Python's default ``KeyboardInterrupt``) can leave such a lock held forever, and the
``Event.set()`` in the shutdown code then waits on it for good.

So the handler here does nothing that can fail or block: it sets a flag and sends one
byte on a non-blocking socket.  The main thread waits for that byte with ``select``
(no Python lock involved) and only then stops the server, from ordinary code.
"""

from __future__ import annotations

import contextlib
import select
import signal
import socket
import threading
from types import FrameType
from typing import Any

__all__ = ["ShutdownSignal"]

SIGNALS = tuple(
    s for s in (getattr(signal, "SIGINT", None), getattr(signal, "SIGTERM", None)) if s is not None
)


class ShutdownSignal:
    """A flag set by SIGINT/SIGTERM (or :meth:`request`), and a lock-free way to wait for it."""

    def __init__(self) -> None:
        self.requested = False
        self.signum: int | None = None
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._previous: dict[int, Any] = {}

    # The handler: a flag and a byte, nothing that takes a lock or raises.
    def _handle(self, signum: int, frame: FrameType | None) -> None:
        self.signum = signum
        self.request()

    def request(self) -> None:
        """Ask for shutdown (what a signal does); callable from any thread."""
        self.requested = True
        with contextlib.suppress(OSError):  # full buffer or closed: the flag is enough
            self._writer.send(b"\0")

    def install(self) -> None:
        """Route SIGINT and SIGTERM here (main thread only; elsewhere a no-op)."""
        if threading.current_thread() is not threading.main_thread():
            return
        for sig in SIGNALS:
            self._previous[sig] = signal.signal(sig, self._handle)

    def restore(self) -> None:
        """Put the previous handlers back."""
        for sig, previous in self._previous.items():
            signal.signal(sig, previous if previous is not None else signal.SIG_DFL)
        self._previous.clear()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until shutdown is requested (True) or ``timeout`` seconds pass (False).

        ``select`` on a socket takes no Python lock, so a signal arriving at any
        moment of this wait only makes it return sooner.
        """
        if self.requested:
            return True
        try:
            select.select([self._reader], [], [], timeout)
        except (OSError, ValueError):  # closed: fall back to the flag
            return self.requested
        with contextlib.suppress(OSError):
            while self._reader.recv(64):
                pass
        return self.requested

    def close(self) -> None:
        self.restore()
        self._reader.close()
        self._writer.close()

    def __enter__(self) -> ShutdownSignal:
        self.install()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
