"""What Liquid templates see: ``page``, ``site``, ``paginator``... as lazy mappings.

These mirror Jekyll's drops (``drops/*.rb``): values are computed when a template
asks for them, so ``site.posts[0].content`` is the converted HTML once that post
has been rendered, as in Jekyll.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from ..support.utils import deep_merge

if TYPE_CHECKING:
    from .models import Collection, Document, Excerpt, Page, SiteContext, StaticFile

__all__ = [
    "CollectionDrop",
    "DocumentDrop",
    "ExcerptDrop",
    "PageDrop",
    "SiteDrop",
    "StaticFileDrop",
    "to_liquid",
]


#: How many drops are being iterated in this thread/context (a drop listed inside
#: another leaves out its ``_nested_blacklist`` keys).
_ITERATING: ContextVar[int] = ContextVar("jekpy_drops_iterating", default=0)

#: A document's fields whose reads are noted on their own (render order, excerpts,
#: the lists).
_SELF_TRACKED = frozenset(("content", "output", "excerpt", "next", "previous"))


def _tracked(site: Any, item: Any, key: str, lookup: Callable[[Any, str], Any], drop: Any) -> Any:
    """``lookup(drop, key)``, noting the value read for incremental rebuilds."""
    try:
        value = lookup(drop, key)
    except KeyError:
        site.recorder.item_read(item, key, ABSENT)
        raise
    site.recorder.item_read(item, key, value)
    return value


#: What a tracked read of a key an item does not have records.
ABSENT = "\0<absent>"
_MISSING = object()


class Drop(Mapping[str, Any]):
    """A read-only mapping whose methods compute values on demand."""

    _methods: dict[str, Callable[[Any], Any]] = {}
    #: A Liquid ``for`` over a Jekyll drop yields its keys (``Drop#each`` yields
    #: key and value to a one-argument block); a page is a Hash in Jekyll: pairs.
    ruby_each_keys = True

    def _data(self) -> Mapping[str, Any]:
        return {}

    def __getitem__(self, key: str) -> Any:
        method = self._methods.get(key)
        if method is not None:
            return method(self)
        data = self._data()
        if key in data:
            return data[key]
        raise KeyError(key)

    def __contains__(self, key: object) -> bool:
        return key in self._methods or key in self._data()

    def keys_list(self) -> list[str]:
        return list(dict.fromkeys([*self._methods, *self._data()]))

    #: Keys a drop leaves out when it is listed inside another drop (Jekyll's
    #: ``DocumentDrop#collapse_document``); this also keeps ``next``/``previous``
    #: from looping forever when a template prints or inspects a document.
    _nested_blacklist: frozenset[str] = frozenset()

    def __iter__(self) -> Iterator[str]:
        keys = self.keys_list()
        if _ITERATING.get() and self._nested_blacklist:
            keys = [k for k in keys if k not in self._nested_blacklist]
        _ITERATING.set(_ITERATING.get() + 1)
        try:
            yield from keys
        finally:
            _ITERATING.set(_ITERATING.get() - 1)

    def __len__(self) -> int:
        return len(self.keys_list())


def _methods(**kwargs: Callable[[Any], Any]) -> dict[str, Callable[[Any], Any]]:
    return kwargs


class DocumentDrop(Drop):
    """``page`` for a post or collection document (``drops/document_drop.rb``)."""

    __slots__ = ("doc",)

    _nested_blacklist = frozenset(("content", "output", "excerpt", "next", "previous"))

    def __init__(self, doc: Document) -> None:
        self.doc = doc

    def __getitem__(self, key: str) -> Any:
        doc = self.doc
        site = doc.site
        if site.recorder.tracker is not None and key not in _SELF_TRACKED:
            return _tracked(site, doc, key, Drop.__getitem__, self)
        # ``Drop.__getitem__`` inline (the lookup of every ``page.x``)
        method = self._methods.get(key)
        if method is not None:
            return method(self)
        data = doc.data if type(self) is DocumentDrop else self._data()
        value = data.get(key, _MISSING)
        if value is _MISSING:
            raise KeyError(key)
        return value

    def _data(self) -> Mapping[str, Any]:
        site = self.doc.site
        if site.recorder.tracker is not None:  # all keys: note the whole front matter
            site.recorder.item_read(self.doc, "*", None)
        return self.doc.data

    def __str__(self) -> str:
        doc = self.doc
        value = doc.output if doc.output is not None else doc.content
        doc.site.recorder.content_read(doc, value, "output" if doc.output is not None else "content")
        return value

    def ruby_to_s(self) -> str:
        """``Document#to_s`` (what ``{{ post }}`` prints): the output, else the content."""
        return str(self)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DocumentDrop) and other.doc is self.doc

    def __hash__(self) -> int:
        return id(self.doc)

    def _excerpt(self) -> str:
        if "excerpt" in self.doc.data:
            value = self.doc.data["excerpt"]
            return "" if value is None else str(value)
        if self.doc.excerpt is None:
            return ""
        return self.doc.excerpt.rendered()

    def _read(self, field: str) -> Any:
        """``content``/``output``: what they hold depends on render order (noted)."""
        value = self.doc.output if field == "output" else self.doc.content
        self.doc.site.recorder.content_read(self.doc, value, field)
        return value

    def _neighbour(self, which: str) -> Any:
        self.doc.site.recorder.lists_read()
        return to_liquid(self.doc.next_doc() if which == "next" else self.doc.previous_doc())

    # In the order of Jekyll's ``DocumentDrop#keys`` (lib/jekyll/drops/drop.rb#keys: its
    # methods as Ruby lists them, then the front matter): what ``jsonify`` and
    # ``inspect`` print.
    _methods = _methods(
        name=lambda s: s.doc.data.get("name") or s.doc.basename,
        id=lambda s: s.doc.id,
        relative_path=lambda s: s.doc.relative_path,
        excerpt=lambda s: (s.doc.site.recorder.excerpt_read(s.doc), s._excerpt())[1],
        title=lambda s: s.doc.data.get("title"),
        categories=lambda s: s.doc.data.get("categories"),
        collection=lambda s: s.doc.collection.label,
        next=lambda s: s._neighbour("next"),
        tags=lambda s: s.doc.data.get("tags"),
        previous=lambda s: s._neighbour("previous"),
        content=lambda s: s._read("content"),
        output=lambda s: s._read("output"),
        path=lambda s: s.doc.relative_path,
        url=lambda s: s.doc.url,
        date=lambda s: s.doc.date,
        draft=lambda s: s.doc.is_draft,
    )


class ExcerptDrop(DocumentDrop):
    """``page`` while an excerpt renders (``drops/excerpt_drop.rb``)."""

    __slots__ = ("excerpt",)

    def __init__(self, excerpt: Excerpt) -> None:
        super().__init__(excerpt.doc)
        self.excerpt = excerpt

    def _data(self) -> Mapping[str, Any]:
        return self.excerpt.data

    def ruby_to_s(self) -> str:
        """``Excerpt#to_s``: the rendered excerpt."""
        return self.excerpt.rendered()

    _methods = {
        **DocumentDrop._methods,
        "layout": lambda s: s.doc.data.get("layout"),
        "excerpt": lambda s: None,
        "content": lambda s: s.excerpt.content,
        "output": lambda s: s.excerpt.output,
        "path": lambda s: str(s.doc.path) + "/#excerpt",
        "relative_path": lambda s: s.excerpt.relative_path,
        "id": lambda s: s.doc.id + "#excerpt",
    }


class PageDrop(Drop):
    """``page`` for a page: its data plus content, dir, excerpt, name, path, url."""

    __slots__ = ("page",)
    ruby_each_keys = False

    def __init__(self, page: Page) -> None:
        self.page = page

    def _data(self) -> Mapping[str, Any]:
        site = self.page.site
        if site.recorder.tracker is not None:  # all keys: note the whole front matter
            site.recorder.item_read(self.page, "*", None)
        return self.page.merged_data()

    def __getitem__(self, key: str) -> Any:
        site = self.page.site
        if site.recorder.tracker is None or key == "content":  # content reads: noted by _content
            return self._lookup(key)
        return _tracked(site, self.page, key, PageDrop._lookup, self)

    def _lookup(self, key: str) -> Any:
        method = self._methods.get(key)
        if method is not None:
            return method(self)
        page = self.page
        if type(page).merged_data is not _page_merged_data():
            return super().__getitem__(key)
        # ``deep_merge(page.defaults, page.data)[key]``, without merging every key.
        new = dict.get(page.data, key, _MISSING)
        if new is not _MISSING and new is not None and (
            type(new) in _NOT_MAPPINGS or not isinstance(new, Mapping)
        ):
            return new
        defaults = page.defaults
        if new is _MISSING:
            return defaults[key]
        if key in defaults:
            old = defaults[key]
            if new is None:
                return old
            if isinstance(old, Mapping) and isinstance(new, Mapping):
                return deep_merge(old, new)
        return new

    def keys_list(self) -> list[str]:
        """``Page#to_liquid``'s hash order: front matter (defaults first), then the
        attributes it does not already have (``{{ page | jsonify }}``, ``for`` loops)."""
        return list(dict.fromkeys([*self._data(), *self._methods]))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PageDrop) and other.page is self.page

    def __hash__(self) -> int:
        return id(self.page)

    _methods = _methods(
        content=lambda s: s._content(),
        dir=lambda s: s.page.dir,
        excerpt=lambda s: s.page.excerpt,
        name=lambda s: s.page.name,
        path=lambda s: s.page.page_path,
        url=lambda s: s.page.url,
    )

    def _content(self) -> str:
        value = self.page.content
        self.page.site.recorder.content_read(self.page, value)
        return value

    def snapshot(self) -> dict[str, Any]:
        """The hash Jekyll's ``Page#to_liquid`` returns (taken when rendering starts)."""
        extra = {
            k: self.page.content if k == "content" else m(self) for k, m in self._methods.items()
        }
        return deep_merge(self.page.merged_data(), extra)


class StaticFileDrop(Drop):
    """An entry of ``site.static_files``."""

    __slots__ = ("file",)

    def __init__(self, file: StaticFile) -> None:
        self.file = file

    def _data(self) -> Mapping[str, Any]:
        return self.file.data

    def ruby_to_s(self) -> str:
        """``Liquid::Drop#to_s``: the class name."""
        return "Jekyll::Drops::StaticFileDrop"

    _methods = _methods(
        name=lambda s: s.file.name,
        extname=lambda s: s.file.extname,
        modified_time=lambda s: s.file.modified_time,
        path=lambda s: s.file.relative_path,
        collection=lambda s: s.file.collection.label if s.file.collection else None,
        basename=lambda s: s.file.basename,
    )


class CollectionDrop(Drop):
    """An entry of ``site.collections``."""

    __slots__ = ("collection",)

    def __init__(self, collection: Collection) -> None:
        self.collection = collection

    def _data(self) -> Mapping[str, Any]:
        return self.collection.metadata

    def ruby_to_s(self) -> str:
        """``CollectionDrop#to_s`` = ``docs.to_s``: the documents' ``inspect``."""
        label = self.collection.label
        inner = ", ".join(
            f"#<Jekyll::Document {d.relative_path} collection={label}>"
            for d in self.collection.docs
        )
        return f"[{inner}]"

    _methods = _methods(
        label=lambda s: s.collection.label,
        docs=lambda s: [to_liquid(d) for d in s.collection.docs],
        files=lambda s: [to_liquid(f) for f in s.collection.files],
        directory=lambda s: str(s.collection.directory),
        relative_directory=lambda s: s.collection.relative_directory,
        output=lambda s: s.collection.write,
    )


class SiteDrop(Drop):
    """``site`` (``drops/site_drop.rb``): config keys plus the computed members."""

    __slots__ = ("site", "current", "_cache")

    def __init__(self, site: SiteContext) -> None:
        self.site = site
        self.current: Any = None
        self._cache: dict[str, Any] = {}

    def _data(self) -> Mapping[str, Any]:
        return self.site.config

    def ruby_to_s(self) -> str:
        """``Liquid::Drop#to_s``: the class name."""
        return "Jekyll::Drops::SiteDrop"

    def __getitem__(self, key: str) -> Any:
        if key != "posts" and key in self.site.collections:
            self.site.recorder.lists_read()
            # made once per list of documents (as ``site.posts``): a navigation
            # include may read ``site.docs`` for every link of every page
            docs = self.site.collections[key].docs
            found = self._cache.get("collection " + key)
            if found is None or found[0] is not docs or found[1] != len(docs):
                found = self._cache["collection " + key] = (
                    docs,
                    len(docs),
                    [to_liquid(d) for d in docs],
                )
            return found[2]
        # ``Drop.__getitem__`` inline (``site.baseurl`` and the like, read everywhere)
        method = self._methods.get(key)
        if method is not None:
            return method(self)
        data = self.site.config if type(self) is SiteDrop else self._data()
        if key in data:
            return data[key]
        raise KeyError(key)

    def _index(self, make: Callable[[], Any]) -> Any:
        self.site.recorder.lists_read()
        return make()

    def __contains__(self, key: object) -> bool:
        return (key != "posts" and key in self.site.collections) or super().__contains__(key)

    def _cached(self, key: str, make: Callable[[], Any]) -> Any:
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]

    def _related(self) -> Any:
        from .models import Document

        current = self.current
        if not isinstance(current, Document):
            return None
        return [to_liquid(d) for d in self.site.payload.related_posts(current)]

    _methods = _methods(
        data=lambda s: _ruby_or(s.site.config.get("data"), s.site.data),
        time=lambda s: (s.site.recorder.time_read(), s.site.time)[1],
        pages=lambda s: s._index(
            lambda: s._cached("pages", lambda: [to_liquid(p) for p in s.site.pages])
        ),
        static_files=lambda s: s._index(lambda: [to_liquid(f) for f in s.site.static_files]),
        tags=lambda s: s._index(
            lambda: s._cached("tags", lambda: s.site.payload.post_attr_hash("tags"))
        ),
        categories=lambda s: s._index(
            lambda: s._cached("categories", lambda: s.site.payload.post_attr_hash("categories"))
        ),
        posts=lambda s: s._index(
            lambda: s._cached(
                "posts", lambda: [to_liquid(d) for d in reversed(s.site.posts.docs)]
            )
        ),
        html_pages=lambda s: s._index(
            lambda: s._cached(
                "html_pages",
                lambda: [to_liquid(p) for p in s.site.pages if p.html or p.url.endswith("/")],
            )
        ),
        collections=lambda s: s._index(
            lambda: [
                to_liquid(c) for c in sorted(s.site.collections.values(), key=lambda c: c.label)
            ]
        ),
        documents=lambda s: s._index(lambda: [to_liquid(d) for d in s.site.documents()]),
        related_posts=lambda s: s._index(s._related),
        config=lambda s: None,
    )


def _ruby_or(value: Any, fallback: Any) -> Any:
    """Ruby's ``value || fallback`` (only nil and false are false)."""
    return fallback if value is None or value is False else value


def to_liquid(obj: Any) -> Any:
    """The drop for a site object (``None`` stays ``None``)."""
    if obj is None or type(obj) in _PLAIN:
        return obj
    models = _models()
    if isinstance(obj, models.Document):
        drop = obj.__dict__.get("_drop")
        if drop is None:
            drop = DocumentDrop(obj)
            obj.__dict__["_drop"] = drop
        return drop
    if isinstance(obj, models.Page):
        drop_type: type[PageDrop] = getattr(obj, "drop_type", None) or PageDrop
        return drop_type(obj)
    if isinstance(obj, models.Excerpt):
        return ExcerptDrop(obj)
    if isinstance(obj, models.StaticFile):
        return StaticFileDrop(obj)
    if isinstance(obj, models.Collection):
        return CollectionDrop(obj)
    return obj


#: exact types that are no ``Mapping`` (skips the ABC ``isinstance`` for them)
_NOT_MAPPINGS = frozenset((str, int, float, bool, list))

#: values :func:`to_liquid` returns as they are (checked first)
_PLAIN = frozenset((str, int, float, bool, list, dict, tuple))


@functools.cache
def _page_merged_data() -> Any:
    """``Page.merged_data`` (a page class that overrides it is looked up the slow way)."""
    return _models().Page.merged_data


@functools.cache
def _models() -> Any:
    """``jekpy.content.models`` (imported on first use: it imports this module; cached)."""
    from . import models

    return models
