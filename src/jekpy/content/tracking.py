"""What one item's templates read while it rendered (the drops note the reads on
the site, see ``SiteContext.note_item_read``; builder/incremental.py decides from
them what a later build may reuse)."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Tracker"]


@dataclass
class Tracker:
    """What one item's templates read while it rendered."""

    reads_index: bool = False  # anything about any item (e.g. ``post_url``)
    reads_lists: bool = False  # which items the site's lists hold, in order
    reads_time: bool = False
    # item key -> its meta fingerprint, for every other item whose fields were read;
    # "item key#field" -> the value seen ("#*": all its front matter was read)
    seen: dict[str, str] = field(default_factory=dict)
    metas: dict[str, str] = field(default_factory=dict)
    values: dict[str, str] = field(default_factory=dict)  # item key -> hash of value seen
    excerpts: dict[str, str] = field(default_factory=dict)  # item key -> source hash
