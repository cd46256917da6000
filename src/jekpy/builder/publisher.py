"""The publishing rules: which posts, drafts and pages a build shows
(``lib/jekyll/publisher.rb``), and why one is hidden."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..content.models import Document

if TYPE_CHECKING:
    from ..content.models import Page
    from ..content.models import SiteContext as Site

__all__ = ["Publisher"]


class Publisher:
    """The rules of one site (``future:``, ``unpublished:``, ``show_drafts:``)."""

    def __init__(self, site: Site) -> None:
        self.site = site
        #: when the earliest post hidden for its future date falls due (a timestamp)
        self.next_due: int | None = None

    def hidden_in_the_future(self, thing: Document | Page) -> bool:
        """A post dated after ``site.time`` (and ``future:`` is off)."""
        if not isinstance(thing, Document) or self.site.future:
            return False
        stamp = int(thing.date.timestamp())
        hidden = stamp > int(self.site.time.timestamp())
        if hidden and (self.next_due is None or stamp < self.next_due):
            self.next_due = stamp  # the preview must read the site again by then
        return hidden

    def publish(self, thing: Document | Page) -> bool:
        """Jekyll's ``Publisher#publish?``."""
        # data.fetch("published", true): for a page, its own front matter only.
        can = dict.get(thing.data, "published", True) is not False or self.site.unpublished
        return can and not self.hidden_in_the_future(thing)

    def unpublished_reason(self, doc: Document | Page) -> str | None:
        """Why the publishing rules hide ``doc`` (and the flag that shows it), or None."""
        site = self.site
        if isinstance(doc, Document) and doc.is_draft and not site.show_drafts:
            return f"{doc.relative_path} is a draft; pass --drafts to render it"
        if dict.get(doc.data, "published", True) is False and not site.unpublished:
            return (
                f"{doc.relative_path} has `published: false` in its front matter; "
                "pass --unpublished to render it"
            )
        if self.hidden_in_the_future(doc):
            assert isinstance(doc, Document)
            return (
                f"{doc.relative_path} is dated {doc.date:%Y-%m-%d %H:%M:%S %z}, in the future; "
                "pass --future to render it"
            )
        return None
