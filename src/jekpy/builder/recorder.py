"""What a template read of other items while it rendered (for reusing renders).

While an item renders, :class:`Recorder` notes every read of another item -- its
content, front matter, URL, excerpt -- and of the site's lists, index and time, in
the :class:`~jekpy.builder.incremental.Tracker` that ``incremental.py`` sets for the item
(and, for ``parallel.py``, which items' content was read at all).  Nothing is
noted while no tracker is set; reads of the item being rendered are never noted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..content.models import Document, Page
    from ..content.models import SiteContext as Site
    from . import incremental

__all__ = ["Recorder"]


class Recorder:
    """The read records of one site's current render."""

    def __init__(self, site: Site) -> None:
        self.site = site
        #: ids of the items whose content another item read (see parallel.py)
        self.content_reads: set[int] | None = None
        #: the records of the item being rendered (see incremental.py)
        self.tracker: incremental.Tracker | None = None

    def _current(self) -> object:
        return self.site.drop.current

    def content_read(self, doc: Document | Page, value: object = None, field: str = "content") -> None:
        """A template read another item's ``content``/``output``."""
        if doc is self._current():
            return
        if self.content_reads is not None:
            self.content_reads.add(id(doc))
        if self.tracker is not None:
            from . import incremental  # set only by an incremental build, which loaded it

            key = incremental.item_key(doc) + "#" + field
            self.tracker.values[key] = incremental.value_hash(value)

    def index_read(self) -> None:
        """A template depends on anything about any item (``post_url``...)."""
        if self.tracker is not None:
            self.tracker.reads_index = True

    def lists_read(self) -> None:
        """A template read the site's lists (``site.posts``, ``page.next``...); the
        fields it reads of their items are noted by :meth:`item_read`."""
        if self.tracker is not None:
            self.tracker.reads_lists = True

    def item_read(self, item: Document | Page, field: str, value: object) -> None:
        """A template read ``field`` of another item (its front matter, URL, date...;
        ``"*"``: all of its front matter), which was ``value``."""
        tracker = self.tracker
        if tracker is None or item is self._current():
            return
        from . import incremental

        key = incremental.item_key(item)
        if key not in tracker.seen:
            tracker.seen[key] = incremental.meta_fingerprint(item)
        ref = key + "#" + field
        if ref not in tracker.metas:
            tracker.metas[ref] = "" if field == "*" else incremental.field_fingerprint(value)

    def time_read(self) -> None:
        """A template read ``site.time``."""
        if self.tracker is not None:
            self.tracker.reads_time = True

    def excerpt_read(self, doc: Document) -> None:
        """A template read another document's excerpt."""
        if self.tracker is not None and doc is not self._current():
            from . import incremental

            key = incremental.item_key(doc)
            self.tracker.excerpts[key] = incremental.source_fingerprint(doc) or ""
