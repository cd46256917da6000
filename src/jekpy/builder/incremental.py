"""Incremental rebuilds that are never stale: re-render exactly what a change affects.

While an item (post, page, document) renders, a :class:`Tracker` records what its
templates read beyond its own file:

* the site's *lists* (``site.posts``, ``site.pages``, ``site.tags``, ``page.next``...):
  which items they hold, in which order, with which tags and categories;
* each *field* it showed of another item (``post.title``, ``page.previous.url``...),
  with the value seen -- checked again only when that item's front matter, URL or
  date changed;
* the whole *index* (every item's path, URL and front matter) where a template may
  depend on any of it (``post_url`` matching by slug and date, static files);
* ``site.time``, which changes every build (such items always re-render);
* another document's ``content``/``output`` -- the exact value seen is hashed, since
  it depends on render order -- or its ``excerpt``.

Everything else an item can depend on (configuration, layouts, includes, data,
plugins, jekpy's own code) goes into one *global* fingerprint: when it changes, the
whole site re-renders.  On the next build an item is reused only when its own
source, and every fingerprint and value it read, are unchanged; otherwise it is
rendered again and its record replaced.  Items are checked in Jekyll's render
order, so a reused document's HTML is in place before any later template reads it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..content.tracking import Tracker
from ..support import fastpickle as pickle  # pickle.py not loaded (see there)
from ..support.cache import sha1

if TYPE_CHECKING:
    from ..content.models import Document, Page, SiteContext

__all__ = [
    "IncrementalState",
    "ItemRecord",
    "Tracker",
    "global_fingerprint",
    "index_fingerprint",
    "lists_fingerprint",
]

#: 3: the format number is its own pickle, read before the state (2: one tuple).
_FORMAT = 3


def _debug(message: str, *args: object) -> None:
    """A debug line for the ``jekpy`` logger (``logging`` is loaded only then)."""
    import logging

    logging.getLogger("jekpy").debug(message, *args)

_SKIP_FILES = frozenset({".jekyll-metadata"})
_SKIP_DIRS = frozenset(
    {".git", ".svn", ".hg", ".jekyll-cache", ".jekpy-cache", ".sass-cache", "node_modules"}
)


def _hash(*parts: str | bytes) -> str:
    """SHA-1 of the parts, each followed by a NUL byte (hashed in one call: the
    digest of the concatenation is the digest of the parts fed one by one)."""
    if not parts:
        return sha1().hexdigest()
    if all(type(part) is str for part in parts):
        data = ("\0".join(parts) + "\0").encode("utf-8", "surrogatepass")  # type: ignore[arg-type]
    else:
        data = b"".join(
            [
                (part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part) + b"\0"
                for part in parts
            ]
        )
    return sha1(data).hexdigest()


def _stable(value: Any) -> Any:
    """A JSON-friendly, deterministic view of front matter values."""
    if isinstance(value, dict):
        return {str(k): _stable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_stable(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return type(value).__name__


@dataclass
class ItemRecord:
    """An item's inputs and results from the build that rendered it."""

    source: str
    tracker: Tracker
    content: str
    output: str | None


@dataclass
class IncrementalState:
    """The records of one build, keyed by item key (``doc:``/``page:`` + path)."""

    global_fp: str = ""
    index_fp: str = ""  # as the items' templates saw it
    lists_fp: str = ""
    index_after: str = ""  # after rendering (a Sass page adds its source map page)
    lists_after: str = ""
    items: dict[str, ItemRecord] = field(default_factory=dict)
    #: The source files in ``global_fp`` (everything but items), by path.
    files: frozenset[str] = frozenset()
    rendered: int = 0
    reused: int = 0

    @staticmethod
    def load(path: Path) -> IncrementalState:
        """The state saved at ``path``, or an empty state (render everything) when
        there is none or it cannot be read back.

        The file holds two pickles: the format number, then the state.  The state is
        unpickled only when the number matches, and any failure to rebuild it (a
        class that moved to another module or was renamed since it was saved, a
        truncated or foreign file) counts as no saved state.
        """
        try:
            with path.open("rb") as fh:
                if pickle.load(fh) != _FORMAT:
                    _debug("incremental state %s: other format, ignored", path)
                    return IncrementalState()
                state = pickle.load(fh)
        except FileNotFoundError:
            return IncrementalState()
        except (
            OSError,
            EOFError,
            ImportError,  # ModuleNotFoundError too: a module was moved or renamed
            AttributeError,  # a class was renamed or removed
            pickle.UnpicklingError,
            ValueError,
            TypeError,
            IndexError,
            KeyError,
            RecursionError,
        ) as exc:
            _debug("incremental state %s unreadable (%s: %s), ignored", path, type(exc).__name__, exc)
            return IncrementalState()
        if isinstance(state, IncrementalState):
            return state
        return IncrementalState()

    def same_as(self, other: IncrementalState) -> bool:
        """Whether saving this state would save ``other`` again: nothing rendered,
        the same fingerprints and files, and every record the very one ``other``
        holds under the same key (the counters aside, which are this build's)."""
        if self.rendered or len(self.items) != len(other.items):
            return False
        if (
            self.global_fp != other.global_fp
            or self.index_fp != other.index_fp
            or self.lists_fp != other.lists_fp
            or self.index_after != other.index_after
            or self.lists_after != other.lists_after
            or self.files != other.files
        ):
            return False
        before = other.items
        return all(before.get(key) is record for key, record in self.items.items())

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        import tempfile

        fd, tmp = tempfile.mkstemp(prefix=".jekpy-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(_FORMAT, fh, protocol=pickle.HIGHEST_PROTOCOL)
                pickle.dump(self, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def item_key(item: Document | Page) -> str:
    key = item.__dict__.get("_item_key")
    if key is None:
        from ..content.models import Document

        key = ("doc:" if isinstance(item, Document) else "page:") + item.relative_path
        item.__dict__["_item_key"] = key
    return key


def source_fingerprint(item: Document | Page) -> str | None:
    """The item's own inputs (None: always render it).

    An item's data is a function of its file, its path, the configuration (in the
    global fingerprint) and, for drafts and undated documents, a time -- which
    shows in its URL and date, both included here.
    """
    cached = item.__dict__.get("_source_fp", False)
    if cached is not False:
        return cached  # type: ignore[no-any-return]
    value: str | None = None
    if _renders_every_time(item):
        item.__dict__["_source_fp"] = None
        return None
    if getattr(item, "pager", None) is None and not item.__dict__.get("generated"):
        raw = _source_bytes(item)
        if raw is not None:
            date = item.data.get("date")
            value = _hash(raw, item.url, item.relative_path, str(date))
            # The part other pages can see through site.posts & co: everything
            # but the body (which they only see through content/excerpt reads).
            head = b"\n".join(raw.split(b"\n", item.body_line - 1)[: item.body_line - 1])
            item.__dict__["_meta_fp"] = _hash(head, item.url, item.relative_path, str(date))
    item.__dict__["_source_fp"] = value
    return value


def _source_bytes(item: Document | Page) -> bytes | None:
    """The text the item was rendered from, as read this build (not read again: the
    file may have changed since, and a second read of every file is slow); the
    file's bytes for an item that kept no text."""
    text = item.__dict__.pop("_read_text", None)  # hashed once (the result is kept)
    if isinstance(text, str):
        return text.encode("utf-8", "surrogatepass")
    try:
        return item.path.read_bytes()
    except OSError:
        return None


def _renders_every_time(item: Document | Page) -> bool:
    """Items whose rendering has side effects (Sass source maps) or that a plugin
    converter handles: never reused."""
    if item.extname.lower() in (".scss", ".sass", ".coffee"):
        return True
    plugins = getattr(item.site, "plugins", None)
    converter_for = getattr(plugins, "converter_for", None)
    return converter_for is not None and converter_for(item.extname) is not None


def meta_fingerprint(item: Document | Page) -> str:
    """The item as lists of the site show it: path, URL, date and front matter."""
    source_fingerprint(item)
    value = item.__dict__.get("_meta_fp")
    return value if isinstance(value, str) else item.relative_path + "\0" + item.url


def index_fingerprint(site: SiteContext) -> str:
    """Every item's meta fingerprint, in order, and the static files' paths."""
    parts: list[str] = []
    for collection in site.collections.values():
        parts.append("collection:" + collection.label)
        for doc in collection.docs:
            parts.append(meta_fingerprint(doc))
    for page in site.pages:
        parts.append(meta_fingerprint(page))
    parts.extend(f.relative_path for f in site.static_files)
    return _hash(*parts)


def lists_fingerprint(site: SiteContext) -> str:
    """What the site's lists are made of, without the items' other fields: each
    collection's documents in order, with their tags and categories (``site.tags``
    & co.), and its files; the pages; the static files."""
    parts: list[str] = []
    for collection in site.collections.values():
        parts.append("collection:" + collection.label)
        for doc in collection.docs:
            part = doc.__dict__.get("_lists_part")
            if part is None:  # computed once per read of the document
                data = doc.data
                part = json.dumps(
                    [doc.relative_path, _stable(data.get("tags")), _stable(data.get("categories"))]
                )
                doc.__dict__["_lists_part"] = part
            parts.append(part)
        parts.extend(f.relative_path for f in collection.files)
    parts.append("pages")
    parts.extend(page.relative_path for page in site.pages)
    parts.append("static")
    parts.extend(f.relative_path for f in site.static_files)
    return _hash(*parts)


def global_fingerprint(site: SiteContext, code: str) -> tuple[str, frozenset[str]]:
    """Configuration, jekpy's code, and every source file that is not an item;
    returns the fingerprint and those files' paths.

    Files are identified by path, size and modification time (layouts, includes,
    data, theme files...); a change to any of them re-renders the whole site.
    """
    items = {str(d.path) for c in site.collections.values() for d in c.docs}
    items.update(str(p.path) for p in site.pages)
    items.update(str(f.path) for f in site.static_files)
    dest = str(site.dest)
    parts: list[str] = [
        code,
        json.dumps(_stable({k: v for k, v in site.config.items() if k != "serving"}), sort_keys=True),
    ]
    files: list[str] = []
    roots = [site.source]
    if site.theme_dir is not None:
        roots.append(site.theme_dir)
    for root in roots:
        for folder, dirs, names in os.walk(root):
            if folder == dest or folder.startswith(dest + os.sep):
                dirs[:] = []
                continue
            dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS)
            for name in sorted(names):
                path = os.path.join(folder, name)
                if path in items or name in _SKIP_FILES:
                    continue
                try:
                    st = os.stat(path)
                except OSError:
                    continue
                parts.append(f"{path}\0{st.st_size}\0{st.st_mtime_ns}")
                files.append(path)
    return _hash(*parts), frozenset(files)


def field_fingerprint(value: object) -> str:
    """A field's value as a template saw it (drops it holds count by kind only: the
    items they stand for are tracked on their own)."""
    text = repr(_stable(value))
    return text if len(text) <= 80 else _hash(text)


def current_field_fingerprint(item: Document | Page, field_name: str) -> str:
    """:func:`field_fingerprint` of what ``item`` holds now."""
    from ..content.drops import ABSENT, to_liquid

    try:
        value = to_liquid(item)[field_name]
    except KeyError:
        value = ABSENT
    return field_fingerprint(value)


def reuse_policy(site: SiteContext) -> str:
    """``"all"``, ``"same-index"`` or ``"none"``: which earlier renders a build may
    reuse, given what the enabled plugins declared (``PluginAPI.reuse``; a plugin
    that declared nothing may read anything)."""
    plugins = getattr(site, "plugins", None)
    policies = plugins.enabled_policies() if plugins is not None else []
    renders = {policy.renders for policy in policies}
    if "never" in renders:
        return "none"
    if "same-index" in renders:
        return "same-index"
    return "all"


def value_hash(value: object) -> str:
    return _hash("" if value is None else str(value))


def _clean(
    record: ItemRecord,
    by_key: dict[str, Document | Page],
    same_index: bool,
    same_lists: bool,
) -> bool:
    tracker = record.tracker
    if tracker.reads_time or (tracker.reads_index and not same_index):
        return False
    if tracker.reads_lists and not same_lists:
        return False
    changed: set[str] = set()
    for key, meta in tracker.seen.items():
        other = by_key.get(key)
        if other is None:
            return False
        if meta_fingerprint(other) != meta:
            changed.add(key)
    if changed:  # those items' front matter, URL or date changed: were the fields read?
        for ref, value in tracker.metas.items():
            key, _, field_name = ref.rpartition("#")
            if key in changed and (
                field_name == "*" or current_field_fingerprint(by_key[key], field_name) != value
            ):
                return False
    for ref, seen in tracker.values.items():
        key, _, field_name = ref.rpartition("#")
        other = by_key.get(key)
        if other is None:
            return False
        current = other.output if field_name == "output" else other.content
        if value_hash(current) != seen:
            return False
    for key, seen in tracker.excerpts.items():
        other = by_key.get(key)
        if other is None or (source_fingerprint(other) or "") != seen:
            return False
    return True


def _stale_documents(
    docs: list[Document],
    previous: IncrementalState,
    by_key: dict[str, Document | Page],
    same_index: bool,
    same_lists: bool,
) -> tuple[list[Document], set[str]]:
    """The documents whose earlier render cannot be reused (their file changed, they
    read the build time, which changes at every build...), to be rendered first,
    in parallel, as when none can be reused, and the keys of those whose render
    can.  Neither when an earlier render of a document read another document's
    content or output: whether that is still the same depends on what is rendered
    before it (documents are then rendered one by one, in order)."""
    stale: list[Document] = []
    clean: set[str] = set()
    for doc in docs:
        key = item_key(doc)
        record = previous.items.get(key)
        if record is not None and record.tracker.values:
            return [], set()
        source = source_fingerprint(doc)
        if (
            record is None
            or source is None
            or record.source != source
            or not _clean(record, by_key, same_index, same_lists)
        ):
            stale.append(doc)
        else:
            clean.add(key)
    return stale, clean


def render_incremental(
    site: SiteContext,
    order: Iterable[Document | Page],
    render_one: Any,
    previous: IncrementalState,
    code: str,
    *,
    refresh: bool = False,
    render_many: Callable[[list[Document]], list[Tracker] | None] | None = None,
) -> IncrementalState:
    """Render ``order`` reusing ``previous`` results where nothing they read changed.

    ``refresh``: the site is the one ``previous`` was built from, and since then only
    items' files changed (see :mod:`jekpy.builder.refresh`): the global fingerprint is that
    of ``previous``, and items that have no record because only global inputs
    decide them (Sass, plugin converters) keep their output.

    ``render_many``: the documents that cannot be reused (all of them when nothing
    can be) are handed to it first (it renders them in parallel and returns their
    trackers, or None: they are then rendered here, in order); see
    :func:`_stale_documents`.
    """
    index_fp, lists_fp = index_fingerprint(site), lists_fingerprint(site)
    if refresh:
        global_fp, files = previous.global_fp, previous.files
        # Unchanged since the last render ended: what the items saw then still holds.
        if index_fp == previous.index_after:
            index_fp = previous.index_fp
        if lists_fp == previous.lists_after:
            lists_fp = previous.lists_fp
    else:
        global_fp, files = global_fingerprint(site, code)
    state = IncrementalState(global_fp=global_fp, index_fp=index_fp, lists_fp=lists_fp, files=files)
    policy = reuse_policy(site)
    same_global = previous.global_fp == state.global_fp and policy != "none"
    same_index = previous.index_fp == state.index_fp
    same_lists = previous.lists_fp == state.lists_fp
    if policy == "same-index":
        same_global = same_global and same_index
    by_key: dict[str, Document | Page] = {
        item_key(d): d for c in site.collections.values() for d in c.docs
    }
    by_key.update((item_key(p), p) for p in site.pages)
    done: dict[str, Tracker] = {}
    #: documents found reusable by _stale_documents (nothing it looked at changes)
    clean: set[str] = set()
    if render_many is not None:
        docs = [d for c in site.collections.values() for d in c.docs]
        if same_global and previous.items:
            docs, clean = (
                ([], set())
                if refresh
                else _stale_documents(docs, previous, by_key, same_index, same_lists)
            )
        for doc in docs:
            doc.__dict__.setdefault("_source_content", doc.content)
        trackers = render_many(docs) if docs else None
        if trackers is not None:
            done = {item_key(doc): tracker for doc, tracker in zip(docs, trackers, strict=True)}
    # ``order`` may grow while it renders (a Sass page adds its source map page).
    for item in order:
        key = item_key(item)
        by_key.setdefault(key, item)
        # Rendering replaces an item's content; keep what it read, to render again.
        pristine: str = item.__dict__.setdefault("_source_content", item.content)
        source = source_fingerprint(item)
        if refresh and source is None and _renders_every_time(item):
            continue
        if key in done:  # rendered by render_many
            state.items[key] = ItemRecord(source or "", done[key], item.content, item.output)
            state.rendered += 1
            continue
        record = previous.items.get(key) if same_global else None
        if (
            record is not None
            and source is not None
            and record.source == source
            and (key in clean or _clean(record, by_key, same_index, same_lists))
        ):
            item.content = record.content
            item.output = record.output
            state.items[key] = record
            state.reused += 1
            continue
        item.content, item.output = pristine, None
        tracker = Tracker()
        site.recorder.tracker = tracker
        try:
            render_one(item)
        finally:
            site.recorder.tracker = None
        state.items[key] = ItemRecord(source or "", tracker, item.content, item.output)
        state.rendered += 1
    state.index_after, state.lists_after = index_fingerprint(site), lists_fingerprint(site)
    return state
