"""Build messages in Jekyll's format (``LogAdapter``): the topic and a space,
right-aligned in 20 columns, then the message with its whitespace squeezed."""

from __future__ import annotations

import os
import re
import sys
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    import logging

__all__ = ["Logger", "library_logger", "use_color"]

LEVELS = {"debug": 0, "info": 1, "warn": 2, "error": 3}
_DEBUG = LEVELS["debug"]
#: ``logging``'s DEBUG, INFO, WARNING and ERROR (the module is imported only by
#: :func:`library_logger`: the command writes to its streams and never needs it).
_PY_LEVELS = {0: 10, 1: 20, 2: 30, 3: 40}
#: Jekyll colours a whole warning line yellow and an error line red.
_COLORS = {2: "\x1b[33m", 3: "\x1b[31m"}
_RESET = "\x1b[0m"


def use_color(stream: TextIO) -> bool:
    """Colour for ``stream``: only on a terminal, and never with ``$NO_COLOR`` set."""
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except (OSError, ValueError):
        return False


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
    """Write ``Topic: message`` lines; warnings and errors go to stderr.

    With ``logger`` (a :class:`logging.Logger`), lines go to it instead, at the
    matching level: that is what the library functions do (see :func:`library_logger`).
    ``color``: colour warnings yellow and errors red as Jekyll does; by default only
    when the stream is a terminal and ``$NO_COLOR`` is unset.
    """

    def __init__(
        self,
        level: str = "info",
        out: TextIO | None = None,
        err: TextIO | None = None,
        *,
        color: bool | None = None,
        logger: logging.Logger | None = None,
    ) -> None:
        self.level = LEVELS[level]
        self.out = out
        self.err = err
        self.color = color
        self.logger = logger
        self.warnings: list[str] = []
        self.messages: list[str] = []

    def _write(self, level: str, topic: str, message: str) -> None:
        if LEVELS[level] < self.level:
            return
        line = format_message(topic, message)
        self.messages.append(line)
        number = LEVELS[level]
        if self.logger is not None:
            self.logger.log(_PY_LEVELS[number], "%s", line.strip())
            return
        stream = (self.err or sys.stderr) if number >= 2 else (self.out or sys.stdout)
        color = self.color if self.color is not None else use_color(stream)
        if color and number in _COLORS:
            line = _COLORS[number] + line + _RESET
        stream.write(line + "\n")
        stream.flush()

    def debug(self, topic: str, message: str = "") -> None:
        if self.level <= _DEBUG:  # (asked for every item rendered and written)
            self._write("debug", topic, message)

    def info(self, topic: str, message: str = "") -> None:
        self._write("info", topic, message)

    def warn(self, topic: str, message: str = "") -> None:
        self.warnings.append(f"{topic} {message}".strip())
        self._write("warn", topic, message)

    def error(self, topic: str, message: str = "") -> None:
        self._write("error", topic, message)


def library_logger(quiet: bool = False) -> Logger:
    """The logger of the Python API: messages go to ``logging.getLogger("jekpy")``
    (warnings and errors show on stderr unless logging is configured otherwise);
    ``quiet`` drops everything below errors."""
    import logging

    return Logger(level="error" if quiet else "info", logger=logging.getLogger("jekpy"))
