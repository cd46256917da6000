"""The phases of a build (``Site#process``): reset, read, generate, render,
cleanup and write, with ``--profile`` timing them.  Rendering reuses earlier renders
when it can (incremental.py) and renders documents in parallel when it cannot
(parallel.py).  Local times are in the site's zone while a phase runs
(``dates.site_zone``)."""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ..errors import BuildError
from ..log import Logger
from ..support.dates import site_zone
from . import parallel
from .metadata import remove_metadata, write_metadata
from .renderer import Renderer
from .siteconfig import disk_cache_dir, setup_cache_dir

if TYPE_CHECKING:
    from ..content.models import Document, Excerpt, Page, SiteContext
    from ..plugins.registry import PluginManager
    from ..support.cache import Store
    from . import incremental
    from .profile import Profiler

    class Site(SiteContext, Protocol):
        """What the phases use of ``builder.site.Site`` beyond :class:`SiteContext`
        (site.py calls the phases, so they cannot import it)."""

        incremental_state: incremental.IncrementalState | None
        read_items: dict[str, Document | Page]
        excerpts_rendered: list[Excerpt] | None
        log: Logger

        @property
        def plugins(self) -> PluginManager: ...
        @property
        def profiler(self) -> Profiler: ...
        @property
        def front_matter_store(self) -> Store: ...
        def reset(self) -> None: ...
        def render_order(self) -> Iterator[Document | Page]: ...
        def cache_room(self) -> int: ...
        def render_item(
            self, renderer: Renderer, item: Document | Page, payload: dict[str, Any]
        ) -> None: ...
        def read(self) -> None: ...
        def generate(self) -> None: ...
        def render(self, only: Sequence[Document | Page] | None = None) -> None: ...
        def cleanup(self) -> None: ...
        def write(self) -> None: ...

__all__ = ["cleanup", "process", "read", "render", "write"]


def process(site: Site) -> None:
    """Read, render and write the whole site (``Site#process``)."""
    setup_cache_dir(site.config, site.source, site.log)
    listing = _files_listing(site)
    if listing is not None and parallel.can_fork(site):
        from .writer import make_files_ahead

        make_files_ahead(site, listing)
    phases: list[tuple[str, Callable[[], None]]] = [
        ("RESET", lambda: _reset(site)),
        ("READ", site.read),
        ("GENERATE", site.generate),
        ("RENDER", site.render),
        ("CLEANUP", site.cleanup),
        ("WRITE", site.write),
    ]
    with site_zone(site.clock.tz):
        if site.config.get("profile"):
            site.profiler.run(phases)
        else:
            for _name, phase in phases:
                phase()
    site.disk_cache.save(keep=site.cache_room())
    if listing is not None:
        from .writer import remember_files

        remember_files(site, listing)


def _reset(site: Site) -> None:
    site.__dict__.pop("_destination_map", None)  # see Writer.destination_map
    if site.pages or site.static_files or any(c.docs for c in site.collections.values()):
        site.reset()
    site.profiler.clear()


def read(site: Site) -> None:
    """Read every file (front matter through the disk cache), then ``limit_posts``."""
    from .reader import Reader

    site.read_store = site.front_matter_store  # parsed front matter kept on disk
    try:
        with site_zone(site.clock.tz):
            Reader(site).read()
    finally:
        site.read_store = None
    _limit_posts(site)
    site.read_items = {str(item.path): item for item in site.render_order()}


def _limit_posts(site: Site) -> None:
    try:
        limit = int(site.config.get("limit_posts") or 0)
    except (TypeError, ValueError):
        limit = 0
    if limit > 0:
        site.posts.docs = site.posts.docs[-limit:]


def render(site: Site, only: Sequence[Document | Page] | None = None) -> None:
    """Render every document, then every page (or just ``only``)."""
    with site_zone(site.clock.tz):
        _render(site, only)


def _render(site: Site, only: Sequence[Document | Page] | None) -> None:
    relative = site.config.get("relative_permalinks")
    if relative is not None and relative is not False:
        # Site#relative_permalinks_are_deprecated: Jekyll 3+ aborts the build.
        message = (
            "Since v3.0, permalinks for pages in subfolders must be relative to the "
            "site source directory, not the parent directory. Check "
            "https://jekyllrb.com/docs/upgrading/ for more info."
        )
        site.log.error(message)
        raise BuildError(message, hint="remove `relative_permalinks` from _config.yml")
    renderer = Renderer(site)
    payload = site.payload.variables()
    targets: Iterator[Document | Page] = iter(only) if only is not None else site.render_order()
    site.plugins.trigger("site", "pre_render", site, payload)  # plugins hook
    if only is None and _incremental_enabled(site):
        _render_incremental(site, renderer, payload)
        targets = iter(())
    elif only is None:
        docs = [d for c in site.collections.values() for d in c.docs]
        # The first document renders here, first as in a serial build, when the
        # others go to workers: its layouts, includes, Markdown and highlighting
        # are then ready in every worker instead of being set up in each.
        first = docs[:1] if parallel.workers_for(site, docs) >= 2 else []
        if first:
            from .writer import make_documents_ahead

            make_documents_ahead(site, docs)
        for doc in first:
            site.render_item(renderer, doc, payload)
        if first:
            # its layouts and includes compiled once here, not again in each worker
            site.liquid.compile_rendered({layout.display_path for layout in site.layouts.values()})
            _prepare_highlighting(site, docs)
        rest = docs[len(first) :]
        ahead = _PagesAhead(site, renderer, payload)
        if parallel.render_documents(
            site,
            rest,
            functools.partial(_worker_renderer, site),
            during=ahead.run if ahead.possible() else None,
        ):
            ahead.finish()
            targets = iter(())
        else:
            ahead.undo()
            targets = itertools.chain(rest, site.pages)
    for item in targets:
        site.render_item(renderer, item, payload)
    site.plugins.trigger("site", "post_render", site, payload)  # plugins hook


#: text of the documents looked through for code languages before workers fork
_LANGUAGE_SCAN = 1 << 18
_FENCE_LANG = re.compile(r"[ \t]*\{?[ \t]*\.?([\w+#.-]+)")
_HIGHLIGHT_LANG = re.compile(r"\{%-?\s*highlight\s+([\w+#.-]+)")
_CLASS_LANG = re.compile(r"language-([\w+#.-]+)")


def _code_languages(docs: Sequence[Document]) -> Counter[str]:
    """The languages the documents' code blocks name (fences, ``{% highlight %}``,
    ``language-`` classes), each with the number of documents naming it, looking
    through their first ``_LANGUAGE_SCAN`` characters: a guess at which lexers the
    render workers will need."""
    counts: Counter[str] = Counter()
    seen = 0
    for doc in docs:
        text = doc.content
        found: set[str] = set()
        for fence in ("```", "~~~"):
            at = text.find(fence)
            while at >= 0:
                m = _FENCE_LANG.match(text, at + 3)
                if m is not None:
                    found.add(m.group(1))
                at = text.find(fence, at + 3)
        if "highlight" in text:
            found.update(_HIGHLIGHT_LANG.findall(text))
        if "language-" in text:
            found.update(_CLASS_LANG.findall(text))
        counts.update(found)
        seen += len(text)
        if seen >= _LANGUAGE_SCAN:
            break
    return counts


#: documents whose code a lexer must highlight (by the guess) to be loaded before
#: the workers fork: one in fewer documents is likely needed by one worker only,
#: which would load it anyway, and loading it first only delays the fork
_SHARED_LEXER = 3


def _prepare_highlighting(site: Site, docs: Sequence[Document]) -> None:
    """Before the render workers fork: load the highlighter, and the lexers that
    the code of several documents names (see :func:`_code_languages`), so that each
    worker does not load them again.  Only a matter of time: a lexer left out is
    loaded by the worker that needs it, one never used costs only its loading."""
    if str(site.config.get("highlighter") or "rouge").lower() != "rouge":
        return
    counts = _code_languages(docs)
    if not counts:
        return
    from .. import highlight

    by_tag: Counter[str] = Counter()
    names: dict[str, set[str]] = {}
    for lang, count in counts.items():
        for name in (lang, lang.lower()):
            tag = highlight.rouge_tag(name)
            if tag is not None and tag != "plaintext":
                by_tag[tag] += count
                names.setdefault(tag, set()).add(name)
                break
    if sum(by_tag.values()) < 2:
        return  # (one document with code: only one worker highlights)
    highlight.prepare(
        {name for tag, count in by_tag.items() if count >= _SHARED_LEXER for name in names[tag]}
    )


#: pages rendered ahead in vain (see _PagesAhead) before the others wait for the documents
_AHEAD_WASTE = 4
#: a page's own template reads an item's ``content``/``output`` (``post.content``):
#: it would most likely be rendered ahead in vain, so it waits for the documents
_READS_CONTENT = re.compile(r"\.\s*(?:content|output)\b")


class _PagesAhead:
    """Pages rendered by the parent while the workers render the documents (it would
    wait idle otherwise), where that gives what rendering them after every document
    gives.

    Jekyll renders pages after the documents.  A page's output can depend on that
    only through another item's ``content``/``output`` (raw before that item renders,
    HTML after), which the recorder notes; a page that read one is rendered again
    after the documents, as are generated pages (feeds, sitemaps: their content is
    built from the documents in Python), and every page once a plugin hooks page
    renders (but for hooks that change only the page).  Messages a page logs ahead are held back and given in page order after
    the documents' (a page rendered again gives its own then).  A page's render
    changes the page (its ``content`` becomes HTML), may add pages (a Sass source
    map) and render excerpts: undone for a page rendered again, and for every page
    when the documents render serially after all (:meth:`undo`).
    """

    def __init__(self, site: Site, renderer: Renderer, payload: dict[str, Any]) -> None:
        self.site = site
        self.renderer = renderer
        self.payload = payload
        #: id(page) -> the messages it logged, for the pages rendered ahead
        self.done: dict[int, list[tuple[str, str, str]]] = {}
        #: (page, content, output) before each page rendered ahead
        self.before: list[tuple[Page, str, str | None]] = []
        self.pages_before = len(site.pages)
        self.warned_before = set(site.warned_once)

    def possible(self) -> bool:
        site = self.site
        if site.config.get("profile") or not site.pages:
            return False  # --profile counts every Liquid render
        api = site.plugins.api
        return all(
            func in api.item_only_hooks
            for event in ("pre_render", "post_render")
            for _, _, func in api.hooks.get(("pages", event), ())
        )

    def run(self) -> None:
        """Render the pages that do not depend on the documents' renders."""
        from ..content.models import Page

        site = self.site
        pages = site.pages
        log = site.log
        recorder = site.recorder
        reads = recorder.content_reads
        wasted = 0
        try:
            index = 0
            while index < len(pages):
                page = pages[index]
                index += 1
                if type(page) is not Page:
                    continue  # generated (feed, sitemap...), a plugin's page class
                if _READS_CONTENT.search(page.content):
                    continue  # ``post.content``...: would be rendered in vain (after, then)
                content, output, count = page.content, page.output, len(pages)
                warned = set(site.warned_once)
                held = _HeldLog(log)
                site.log = held
                recorder.content_reads = set()
                site.excerpts_rendered = []
                try:
                    site.render_item(self.renderer, page, self.payload)
                    kept = not recorder.content_reads
                except Exception:  # noqa: BLE001 - rendered again after the documents
                    kept = False
                if kept:
                    self.done[id(page)] = held.lines
                    self.before.append((page, content, output))
                else:
                    page.content, page.output = content, output
                    del pages[count:]  # added by this render (a Sass source map)
                    for excerpt in site.excerpts_rendered:
                        excerpt.output = None
                    site.warned_once.clear()
                    site.warned_once.update(warned)
                    wasted += 1
                site.log = log
                if wasted >= _AHEAD_WASTE:
                    break  # pages that read the documents' content: the rest render after
        finally:
            site.log = log
            recorder.content_reads = reads
            site.excerpts_rendered = None

    def finish(self) -> None:
        """The documents are rendered: give the held messages and render the other
        pages, in page order."""
        site = self.site
        pages = site.pages
        index = 0
        while index < len(pages):
            page = pages[index]
            index += 1
            held = self.done.get(id(page))
            if held is None:
                site.render_item(self.renderer, page, self.payload)
                continue
            for level, topic, message in held:
                getattr(site.log, level)(topic, message)

    def undo(self) -> None:
        """The documents render serially after all: so do the pages, again."""
        if not self.before:
            return
        for page, content, output in self.before:
            page.content, page.output = content, output
        del self.site.pages[self.pages_before :]
        self.site.warned_once.clear()
        self.site.warned_once.update(self.warned_before)
        self.before.clear()
        self.done.clear()


class _HeldLog(Logger):
    """A logger that keeps messages (level, topic, message) to give them later."""

    def __init__(self, log: Logger) -> None:
        super().__init__()
        self.level = log.level
        self.lines: list[tuple[str, str, str]] = []

    def _write(self, level: str, topic: str, message: str) -> None:
        raise AssertionError("unreachable")  # every level method is overridden

    def debug(self, topic: str, message: str = "") -> None:
        self.lines.append(("debug", topic, message))

    def info(self, topic: str, message: str = "") -> None:
        self.lines.append(("info", topic, message))

    def warn(self, topic: str, message: str = "") -> None:
        self.lines.append(("warn", topic, message))

    def error(self, topic: str, message: str = "") -> None:
        self.lines.append(("error", topic, message))


def _incremental_enabled(site: Site) -> bool:
    """Reuse earlier renders: always with the disk cache (the records of what
    every page read live there), and for ``-I`` and ``serve`` in any case."""
    return bool(
        site.incremental_state is not None
        or site.config.get("incremental")
        or site.config.get("serving")
        or disk_cache_dir(site.config, site.source) is not None
    )


def _files_listing(site: Site) -> Path | None:
    """The files the previous build wrote (writer.remember_files)."""
    directory = disk_cache_dir(site.config, site.source)
    return directory / "written.txt" if directory is not None else None


def _incremental_file(site: Site) -> Path | None:
    directory = disk_cache_dir(site.config, site.source)
    return directory / "incremental.pickle" if directory is not None else None


def _render_incremental(site: Site, renderer: Renderer, payload: dict[str, Any]) -> None:
    """Re-render only what changed since the previous build (see incremental.py)."""
    from . import incremental  # only incremental builds load it (hashlib, pickle, json)
    from .siteconfig import site_code

    path = _incremental_file(site)
    previous = site.incremental_state
    #: the state saved at ``path``, as read at the start of this build
    saved: incremental.IncrementalState | None = None
    if previous is None:
        previous = (
            incremental.IncrementalState.load(path)
            if path is not None
            else incremental.IncrementalState()
        )
        saved = previous

    state = incremental.render_incremental(
        site,
        site.render_order(),
        lambda item: site.render_item(renderer, item, payload),
        previous,
        site_code(),
        render_many=lambda docs: parallel.render_documents_tracked(
            site, docs, functools.partial(_worker_renderer, site)
        ),
    )
    site.incremental_state = state
    site.log.debug("Incremental:", f"{state.rendered} rendered, {state.reused} reused")
    if path is not None and not (saved is not None and state.same_as(saved)):
        # (a build that reused every record would write the same records again)
        try:
            state.save(path)
        except OSError as err:
            site.log.warn("Incremental:", f"could not save {path}: {err.strerror or err}")


def cleanup(site: Site) -> None:
    """Remove obsolete files from the destination (``Cleaner#cleanup!``)."""
    from .writer import Writer

    try:
        Writer(site).clean()
        if not site.config.get("incremental"):
            remove_metadata(site)
    except OSError as err:
        raise BuildError(
            f"could not clean the destination: {err.strerror or err}",
            path=getattr(err, "filename", None),
            hint="check that the destination folder is writable",
        ) from err


def write(site: Site) -> None:
    """Write every file, then the incremental metadata (``Site#write``)."""
    from .writer import Writer

    try:
        Writer(site).write(clean=False)
        if site.config.get("incremental"):
            write_metadata(site)
    except OSError as err:
        raise BuildError(
            f"could not write the site: {err.strerror or err}",
            path=getattr(err, "filename", None),
            hint="check that the destination folder is writable",
        ) from err
    site.plugins.post_write()


def _worker_renderer(site: Site) -> Callable[[Document | Page], None]:
    """For parallel.py, called once in each forked worker: the function that renders
    one document there (one renderer and one payload per worker)."""
    renderer = Renderer(site)
    payload = site.payload.variables()

    def render_one(doc: Document | Page) -> None:
        site.render_item(renderer, doc, payload)

    return render_one
