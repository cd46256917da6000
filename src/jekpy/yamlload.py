"""YAML loading with the C loader when available (Psych-like safe loading)."""

from __future__ import annotations

from typing import Any

import yaml

try:
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML without libyaml
    _Loader = yaml.SafeLoader

__all__ = ["load_yaml"]


def load_yaml(text: str) -> Any:
    """Parse ``text`` as YAML with safe types only (dates and times allowed)."""
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader
