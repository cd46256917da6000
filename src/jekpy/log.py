"""Build messages in Jekyll's format: a topic right-aligned in 20 columns, then text."""

from __future__ import annotations

import sys
from typing import TextIO

__all__ = ["Logger"]

LEVELS = {"debug": 0, "info": 1, "warn": 2, "error": 3}


class Logger:
    """Write ``Topic: message`` lines; warnings and errors go to stderr."""

    def __init__(
        self,
        level: str = "info",
        out: TextIO | None = None,
        err: TextIO | None = None,
    ) -> None:
        self.level = LEVELS[level]
        self.out = out
        self.err = err
        self.warnings: list[str] = []

    def _write(self, level: str, topic: str, message: str) -> None:
        if LEVELS[level] < self.level:
            return
        stream = (self.err or sys.stderr) if LEVELS[level] >= 2 else (self.out or sys.stdout)
        lines = message.split("\n") if message else [""]
        first = f"{topic.rjust(20)} {lines[0]}".rstrip()
        rest = [f"{'':20} {line}".rstrip() for line in lines[1:]]
        stream.write("\n".join([first, *rest]) + "\n")
        stream.flush()

    def debug(self, topic: str, message: str = "") -> None:
        self._write("debug", topic, message)

    def info(self, topic: str, message: str = "") -> None:
        self._write("info", topic, message)

    def warn(self, topic: str, message: str = "") -> None:
        self.warnings.append(f"{topic} {message}".strip())
        self._write("warn", topic, message)

    def error(self, topic: str, message: str = "") -> None:
        self._write("error", topic, message)
