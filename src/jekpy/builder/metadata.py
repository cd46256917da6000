"""``.jekyll-metadata``, the file ``--incremental`` keeps in the source folder.

jekpy always decides what to render again from its own records (incremental.py);
it writes this file for ``--incremental`` (YAML: Jekyll falls back to YAML when it
cannot unmarshal it) and removes a stale one otherwise, as Jekyll's cleaner does."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..content.models import SiteContext as Site

__all__ = ["remove_metadata", "write_metadata"]

FILE_NAME = ".jekyll-metadata"


def write_metadata(site: Site) -> None:
    """Every written item's source path with its modification time."""
    import yaml

    from .writer import atomic_write

    entries: dict[str, Any] = {}
    for item in site.items_to_write():
        path = item.path
        try:
            mtime = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.timezone.utc)
        except OSError:
            continue
        entries[str(path)] = {"mtime": mtime, "deps": []}
    atomic_write(
        site.source / FILE_NAME,
        yaml.safe_dump(entries, sort_keys=True).encode("utf-8"),
    )


def remove_metadata(site: Site) -> None:
    """Remove the file of an earlier ``--incremental`` build (raises OSError)."""
    metadata = site.source / FILE_NAME
    if metadata.is_file():
        metadata.unlink()
