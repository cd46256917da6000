"""Build messages in Jekyll's format (``LogAdapter``): the topic and a space,
right-aligned in 20 columns, then the message with its whitespace squeezed."""

from __future__ import annotations

import re
import sys
from typing import TextIO

__all__ = ["Logger"]

LEVELS = {"debug": 0, "info": 1, "warn": 2, "error": 3}


def format_message(topic: str, message: str = "") -> str:
    """``LogAdapter#message``: ``"#{topic} ".rjust(20) + message.gsub(/\\s+/, " ")``.

    (Jekyll would squeeze a newline too; jekpy keeps multi-line messages, e.g. an
    error's source excerpt, as continuation lines indented by 20 columns.)
    """
    lines = (message or "").split("\n")
    first = f"{topic} ".rjust(20) + re.sub(r"\s+", " ", lines[0])
    rest = [" " * 20 + line.rstrip() for line in lines[1:]]
    return "\n".join([first, *rest])


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
        self.messages: list[str] = []

    @property
    def level_name(self) -> str:
        return next(name for name, value in LEVELS.items() if value == self.level)

    def _write(self, level: str, topic: str, message: str) -> None:
        if LEVELS[level] < self.level:
            return
        stream = (self.err or sys.stderr) if LEVELS[level] >= 2 else (self.out or sys.stdout)
        line = format_message(topic, message)
        self.messages.append(line)
        stream.write(line + "\n")
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
