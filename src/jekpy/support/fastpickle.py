""":mod:`pickle`'s functions from CPython's C module ``_pickle``, without loading
``pickle.py`` itself (~0.7 ms of every build's start; jekpy uses only these).
``pickle`` serves them on a Python without the C module."""

from __future__ import annotations

try:
    from _pickle import (
        Pickler,
        PicklingError,
        Unpickler,
        UnpicklingError,
        dump,
        dumps,
        load,
        loads,
    )
except ImportError:  # pragma: no cover - a Python built without _pickle
    from pickle import (
        Pickler,
        PicklingError,
        Unpickler,
        UnpicklingError,
        dump,
        dumps,
        load,
        loads,
    )

__all__ = [
    "HIGHEST_PROTOCOL",
    "Pickler",
    "PicklingError",
    "Unpickler",
    "UnpicklingError",
    "dump",
    "dumps",
    "load",
    "loads",
]

#: The highest protocol (a negative protocol number means it, as in ``pickle``).
HIGHEST_PROTOCOL = -1
