"""Small test sites written from a dict (relative path -> text)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path


def write_site(root: Path, files: Mapping[str, str]) -> Path:
    """``root/site`` holding ``files`` (folders made as needed)."""
    site = root / "site"
    for rel, text in files.items():
        path = site / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return site
