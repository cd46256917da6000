"""What templates see besides the items: the top-level Liquid variables
(``Site#site_payload``) and the post groups ``site.tags``/``site.categories``
and ``related_posts`` show."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from ..content.drops import to_liquid
from ..support.utils import eql_key

if TYPE_CHECKING:
    from ..content.models import Document
    from ..content.models import SiteContext as Site

__all__ = ["SitePayload"]


class SitePayload:
    """One read of a site: its template variables and post groups (computed once)."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self._attr_hash: dict[str, dict[str, list[Any]]] = {}

    def variables(self) -> dict[str, Any]:
        """The variables every render starts from (``page``... set per item)."""
        return {
            "site": self.site.drop,
            "page": None,
            "layout": None,
            "content": None,
            "paginator": None,
            "highlighter_prefix": None,
            "highlighter_suffix": None,
            "jekyll": {
                "version": "4.3.1",
                "environment": os.environ.get("JEKYLL_ENV", "development"),
            },
        }

    def post_attr_hash(self, attr: str) -> dict[str, list[Any]]:
        """``Site#post_attr_hash``: the posts by each value of ``attr`` (newest first)."""
        if attr not in self._attr_hash:
            # Grouped by Ruby's eql? (2019 and "2019" are two keys, as in Jekyll).
            groups: dict[Any, tuple[Any, list[Document]]] = {}
            for post in self.site.posts.docs:
                values = post.data.get(attr)
                if not isinstance(values, list):
                    values = [] if values is None else [values]
                for value in values:
                    groups.setdefault(eql_key(value), (_hashable(value), []))[1].append(post)
            self._attr_hash[attr] = {
                key: [to_liquid(p) for p in sorted(v, key=lambda d: d.sort_key(), reverse=True)]
                for key, v in groups.values()
            }
        return self._attr_hash[attr]

    def related_posts(self, doc: Document) -> list[Document]:
        """``RelatedPosts`` without LSI: the ten most recent other posts."""
        recent = list(reversed(self.site.posts.docs[-11:]))
        return [p for p in recent if p is not doc][:10]


def _hashable(value: Any) -> Any:
    """A dict key for ``value`` (an array key becomes a tuple, which Liquid prints
    the same way)."""
    if isinstance(value, list):
        return tuple(_hashable(v) for v in value)
    if isinstance(value, dict):
        return tuple((k, _hashable(v)) for k, v in value.items())
    return value
