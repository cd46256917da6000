"""Jekyll's ``liquid:`` settings and jekpy's own Liquid switches (limits, compilation)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = ["ERROR_MODES", "LiquidSettings", "compile_always", "compile_enabled"]

ERROR_MODES = ("warn", "lax", "strict", "strict2")


@dataclass(frozen=True)
class LiquidSettings:
    """Jekyll's ``liquid:`` configuration plus our own switches."""

    error_mode: str = "warn"
    strict_variables: bool = False
    strict_filters: bool = False
    jekyll: bool = True
    loop_limit: int = 1_000_000
    output_limit: int = 200_000_000
    #: bytes held by assigned/captured values (``sys.getsizeof``), so a template
    #: that keeps doubling a string stops with an error instead of exhausting memory
    namespace_limit: int = 256_000_000
    include_depth_limit: int = 40
    #: render templates through Python code compiled from them (:mod:`.compiler`);
    #: ``JEKPY_LIQUID_COMPILE=0`` in the environment turns it off
    compiled: bool = field(default_factory=lambda: compile_enabled())
    #: renders of a template before it is compiled (interpreted until then)
    compile_after: int = field(default_factory=lambda: 0 if compile_always() else 1)

    @classmethod
    def from_config(cls, config: Mapping[str, Any] | None) -> LiquidSettings:
        """Read ``liquid: {error_mode, strict_variables, strict_filters}``."""
        liquid = (config or {}).get("liquid") or {}
        if not isinstance(liquid, Mapping):
            liquid = {}
        mode = str(liquid.get("error_mode") or "warn").lower()
        if mode not in ERROR_MODES:
            mode = "warn"
        return cls(
            error_mode=mode,
            strict_variables=bool(liquid.get("strict_variables", False)),
            strict_filters=bool(liquid.get("strict_filters", False)),
        )


def compile_enabled() -> bool:
    """``$JEKPY_LIQUID_COMPILE`` (default on; ``0``/``false``/``no``/``off``: off)."""
    value = os.environ.get("JEKPY_LIQUID_COMPILE", "1").strip().lower()
    return value not in ("0", "false", "no", "off")


def compile_always() -> bool:
    """``JEKPY_LIQUID_COMPILE=always``: compile every template before its first
    render (for the conformance runners, which render each template once)."""
    return os.environ.get("JEKPY_LIQUID_COMPILE", "").strip().lower() == "always"
