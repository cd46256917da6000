"""Render documents across processes, with the same bytes as a serial build.

Jekyll renders documents one after another, and a template may read another
document's ``content`` or ``output`` -- which is raw source before that document
is rendered and HTML after.  Workers take the documents from a shared queue, in
document order, each rendering the next one not yet taken, and record whether any
template read another document's content or output; if one did, which worker
rendered what could change what it saw, so the parent throws the parallel results
away and renders serially.  Typical sites never do this and get the speed-up; the
few that do get Jekyll's exact semantics.

Workers are forked (POSIX only) after the site has been read, so they share the
parent's parsed state without pickling it.  Forking is skipped when threads are
running (the preview server) and for small sites: a worker pays for its start
(the fork, parsing the layouts again), so each needs enough work -- many documents,
or a few long ones.  The queue keeps the workers equally busy however unequal the
documents are (a few long posts among short ones).
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..content.tracking import Tracker
from ..errors import BuildError, JekpyError
from ..support import fastpickle as pickle  # pickle.py not loaded (see there)
from .writer import Staging, set_staging

if TYPE_CHECKING:
    from ..content.models import Document, SiteContext

__all__ = [
    "RenderOne",
    "render_documents",
    "render_documents_tracked",
    "worker_count",
    "workers_for",
]

MIN_DOCUMENTS = 64
#: What a document costs besides its text (its layouts, includes...), in characters
#: of source text that take as long to render.
DOCUMENT_WEIGHT = 2_000
#: Work (see :func:`_weights`) that is worth a worker of its own: 32 short
#: documents, or a few long ones (a blog of 40 long posts renders in parallel).
WORKER_WEIGHT = (MIN_DOCUMENTS // 2) * (DOCUMENT_WEIGHT + 2_000)


#: Called once in each worker: returns the function that renders one document there
#: (builder/site.py gives it; parallel.py knows nothing of renderers or payloads).
RenderOne = Callable[[], Callable[["Document"], None]]


@dataclass
class _SliceResult:
    """What one worker sends back: the documents it rendered, in its order."""

    outputs: list[tuple[int, str, str | None]] = field(default_factory=list)
    #: (index, URL) of the documents whose URL the worker computed (the writer
    #: needs every URL; computing them again in the parent costs ~15 us each)
    urls: list[tuple[int, str]] = field(default_factory=list)
    #: (index, destination path) of the documents written to the staging folder
    staged: list[tuple[int, str]] = field(default_factory=list)
    trackers: list[Tracker] = field(default_factory=list)  # with track=True, per output
    cross_reads: bool = False
    cache: dict[str, dict[str, str]] = field(default_factory=dict)
    error: JekpyError | None = None
    error_index: int = -1  # the document that failed
    crash: str | None = None
    #: the worker's last part (the others carry outputs, URLs, staged paths, trackers)
    final: bool = False

    def extend(self, part: _SliceResult) -> None:
        """Add a part sent before the last one."""
        self.outputs.extend(part.outputs)
        self.urls.extend(part.urls)
        self.staged.extend(part.staged)
        self.trackers.extend(part.trackers)


#: documents per part a worker sends while it renders (about 16 x 8 KiB of HTML): the
#: parent unpickles them meanwhile instead of one large result at the end
_PART = 16
#: the size asked for each result pipe (Linux: F_SETPIPE_SZ), so that a worker is not
#: held up while the parent renders pages (see phases.py) rather than reading
_PIPE_SIZE = 1 << 20
_F_SETPIPE_SZ = 1031


def worker_count(site: SiteContext) -> int:
    """How many processes to render with: ``jobs:`` / ``$JEKPY_JOBS``, else the CPU count."""
    value = os.environ.get("JEKPY_JOBS") or site.config.get("jobs")
    if value is not None:
        try:
            return max(1, int(value))
        except (TypeError, ValueError):
            return 1
    return max(1, min(os.cpu_count() or 1, 8))


def can_fork(site: SiteContext) -> bool:
    """Whether the build may fork (render workers, the folder maker of writer.py):
    POSIX but not macOS, no other thread, not serving, more than one job allowed."""
    return (
        hasattr(os, "fork")
        and sys.platform != "darwin"
        and threading.active_count() == 1
        and not site.config.get("serving")
        and worker_count(site) > 1
    )


def workers_for(site: SiteContext, docs: Sequence[Document]) -> int:
    """How many processes :func:`render_documents` would render ``docs`` with (1:
    it would not fork)."""
    return _workers(site, docs)


def _workers(site: SiteContext, docs: Sequence[Document]) -> int:
    """How many workers ``docs`` are worth (below 2: render serially).  A document
    weighs its source text plus a fixed part for its layouts."""
    if len(docs) < 2 or not can_fork(site):
        return 1
    weight = sum(len(doc.content) for doc in docs) + DOCUMENT_WEIGHT * len(docs)
    by_count = len(docs) // (MIN_DOCUMENTS // 2)
    return min(worker_count(site), len(docs), max(by_count, weight // WORKER_WEIGHT))


_INDEX = 4  # bytes per queued document index
_CHUNK = 1024  # indices per write: 4 KiB, at most PIPE_BUF, so each write is atomic


def _batch(count: int, workers: int) -> int:
    """How many documents a worker takes from the queue at a time: one when they are
    few (the work stays even to the last document), up to 4 when there are many
    (fewer reads of the queue)."""
    return max(1, min(4, count // (workers * 32)))


def _queue_reader(fd: int, batch: int) -> Callable[[], int | None]:
    """The next document index from the queue pipe (None once it is empty and closed).
    Indices are written in atomic 4 KiB writes, so a read never gets part of one."""
    taken: list[int] = []

    def take() -> int | None:
        if not taken:
            data = os.read(fd, _INDEX * batch)
            taken.extend(
                int.from_bytes(data[i : i + _INDEX], "little")
                for i in range(len(data) - _INDEX, -1, -_INDEX)
            )
        return taken.pop() if taken else None

    return take


def _fill_queue(fd: int, count: int, start: int = 0) -> None:
    """Queue the indices start..count-1 (then close), stopping if every worker has gone."""
    try:
        for first in range(start, count, _CHUNK):
            chunk = b"".join(
                i.to_bytes(_INDEX, "little") for i in range(first, min(first + _CHUNK, count))
            )
            os.write(fd, chunk)
    except BrokenPipeError:
        pass
    finally:
        os.close(fd)


def _render_queue(
    site: SiteContext,
    docs: Sequence[Document],
    take: Callable[[], int | None],
    prepare: RenderOne,
    track: bool = False,
    staging: Staging | None = None,
    send: Callable[[_SliceResult], None] | None = None,
) -> _SliceResult:
    result = _SliceResult()
    cache = site.disk_cache
    cache.forget_used()
    render_one = prepare()
    site.recorder.content_reads = set()
    index = take()
    try:
        while index is not None:
            doc = docs[index]
            if track:
                site.recorder.tracker = Tracker()
                result.trackers.append(site.recorder.tracker)
            render_one(doc)
            result.outputs.append((index, doc.content, doc.output))
            _note_url(result, index, doc)
            if staging is not None and result.urls and result.urls[-1][0] == index:
                path = staging.write(doc)  # only documents that are written
                if path is not None:
                    result.staged.append((index, path))
            if send is not None and len(result.outputs) >= _PART:
                send(result)
                result = _SliceResult()
            index = take()
    except JekpyError as err:
        result.error = err
        result.error_index = -1 if index is None else index
        if track:
            result.trackers.pop()
    result.cross_reads = bool(site.recorder.content_reads)
    if cache.directory is not None:
        # what the parent saves (without a cache folder nothing is saved: the
        # conversions stay here rather than cost a pickle of every post's HTML)
        result.cache = cache.export()
    return result


def _note_url(result: _SliceResult, index: int, doc: Document) -> None:
    """Send the URL of a document that will be written back with its output (a bad
    permalink is left for the parent to report, when a serial build would)."""
    try:
        if doc.write:
            result.urls.append((index, doc.url))
    except JekpyError:
        pass


def _child(
    site: SiteContext,
    docs: Sequence[Document],
    queue: int,
    wfd: int,
    prepare: RenderOne,
    track: bool,
    batch: int,
    staging: Staging | None = None,
) -> None:
    def send(part: _SliceResult) -> None:
        data = pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL)
        view = memoryview(len(data).to_bytes(8, "little") + data)
        while view:
            view = view[os.write(wfd, view) :]

    try:
        result = _render_queue(
            site, docs, _queue_reader(queue, batch), prepare, track, staging, send
        )
    except BaseException:  # noqa: BLE001 - reported to the parent, which decides
        import traceback

        result = _SliceResult(crash=traceback.format_exc())
    result.final = True
    send(result)
    os.close(wfd)


def _collect(children: list[tuple[int, int]]) -> list[_SliceResult]:
    """Each worker's parts, read as they come (length-prefixed pickles), joined into
    one result per worker; then the workers are reaped."""
    results = [_SliceResult() for _ in children]
    buffers = [bytearray() for _ in children]
    finished = [False] * len(children)
    opened = {rfd for _pid, rfd in children}
    try:
        _read_parts(children, results, buffers, finished, opened)
    finally:
        for rfd in opened:  # after a bad part: the workers stop at their next write
            os.close(rfd)
        for pid, _rfd in children:
            os.waitpid(pid, 0)
    if not all(finished):
        raise _no_result()
    return results


def _read_parts(
    children: list[tuple[int, int]],
    results: list[_SliceResult],
    buffers: list[bytearray],
    finished: list[bool],
    opened: set[int],
) -> None:
    import selectors

    with selectors.DefaultSelector() as selector:
        for n, (_pid, rfd) in enumerate(children):
            selector.register(rfd, selectors.EVENT_READ, n)
        open_count = len(children)
        while open_count:
            for key, _ in selector.select():
                n = key.data
                chunk = os.read(key.fd, 1 << 18)
                if not chunk:
                    selector.unregister(key.fd)
                    os.close(key.fd)
                    opened.discard(key.fd)
                    open_count -= 1
                    continue
                buffer = buffers[n]
                buffer += chunk
                while len(buffer) >= 8:
                    size = int.from_bytes(buffer[:8], "little")
                    if len(buffer) < 8 + size:
                        break
                    try:
                        part = pickle.loads(buffer[8 : 8 + size])
                    except (pickle.UnpicklingError, EOFError, ValueError) as err:
                        raise _no_result() from err
                    del buffer[: 8 + size]
                    if part.final:
                        results[n] = _joined(results[n], part)
                        finished[n] = True
                    else:
                        results[n].extend(part)


def _joined(parts: _SliceResult, last: _SliceResult) -> _SliceResult:
    """``parts`` (every part before the last) followed by ``last``."""
    parts.extend(last)
    parts.cross_reads = last.cross_reads
    parts.cache = last.cache
    parts.error = last.error
    parts.error_index = last.error_index
    parts.crash = last.crash
    parts.final = True
    return parts


def _no_result() -> BuildError:
    return BuildError(
        "a rendering worker stopped without a result",
        hint="run again with JEKPY_JOBS=1 to render in one process",
    )


def render_documents(
    site: SiteContext,
    docs: Sequence[Document],
    prepare: RenderOne,
    *,
    during: Callable[[], None] | None = None,
) -> bool:
    """Render ``docs`` in forked workers, each rendering with what ``prepare()`` gives.  Returns False when the caller must render
    them serially instead (parallelism unavailable, or order-dependent templates).
    ``during`` is called in this process while the workers render (if they do).

    When the destination does not exist yet, the workers also write the documents
    (see :class:`jekpy.builder.writer.Staging`); writing the site moves them into place.

    Raises:
        JekpyError: a document failed to render (the first failure in document order).
    """
    staging: Staging | None = None
    owned = False  # (the site's own staging, its files made ahead, stays the site's)
    if _workers(site, docs) >= 2:
        staging = site.staging
        if not isinstance(staging, Staging) or staging.dest != site.dest:
            owned = Staging.possible(site.dest)
            staging = Staging(site, site.dest) if owned else None
    try:
        results = _render(site, docs, prepare, track=False, staging=staging, during=during)
    except BaseException:
        if staging is not None and owned:
            staging.discard()
        raise
    if staging is not None:
        if results is None:
            if owned:
                staging.discard()
        else:
            for res in results:
                for index, path in res.staged:
                    staging.add(path, docs[index])
            set_staging(site, staging)
    return results is not None


def render_documents_tracked(
    site: SiteContext, docs: Sequence[Document], prepare: RenderOne
) -> list[Tracker] | None:
    """:func:`render_documents`, recording what each document's templates read (see
    incremental.py): the trackers in document order, or None (render serially)."""
    results = _render(site, docs, prepare, track=True)
    if results is None:
        return None
    ordered = sorted(
        (index, n, tracker)
        for n, res in enumerate(results)
        for (index, _, _), tracker in zip(res.outputs, res.trackers, strict=True)
    )
    return [tracker for _, _, tracker in ordered]


def _render(
    site: SiteContext,
    docs: Sequence[Document],
    prepare: RenderOne,
    *,
    track: bool,
    staging: Staging | None = None,
    during: Callable[[], None] | None = None,
) -> list[_SliceResult] | None:
    workers = _workers(site, docs)
    if workers < 2:
        return None
    queue_read, queue_write = os.pipe()
    # The first indices are queued before the workers start (one write, within the
    # pipe's buffer): the first worker starts rendering while the next is forked.
    queued = min(len(docs), _CHUNK)
    os.write(queue_write, b"".join(i.to_bytes(_INDEX, "little") for i in range(queued)))
    children: list[tuple[int, int]] = []
    site.disk_cache.load()  # read once here, not in each worker
    sys.stdout.flush()
    sys.stderr.flush()
    import fcntl  # (here: a serial build of a small site never forks)

    try:
        for _ in range(workers):
            rfd, wfd = os.pipe()
            with contextlib.suppress(OSError):  # a bigger buffer where the system allows
                fcntl.fcntl(wfd, _F_SETPIPE_SZ, _PIPE_SIZE)
            pid = os.fork()
            if pid == 0:  # pragma: no cover - runs in the child
                # A worker lives for one render and ends with os._exit: its cyclic
                # garbage (a few objects per document) can wait for the exit, and
                # collections would walk the objects it inherited (and copy
                # their pages).
                gc.disable()
                os.close(rfd)
                os.close(queue_write)
                code = 0
                try:
                    _child(
                        site,
                        docs,
                        queue_read,
                        wfd,
                        prepare,
                        track,
                        _batch(len(docs), workers),
                        staging,
                    )
                except BaseException:  # noqa: BLE001
                    code = 1
                finally:
                    os._exit(code)
            os.close(wfd)
            children.append((pid, rfd))
    except BaseException as err:
        # no fork (EAGAIN: too many processes...): the workers already started render
        # what was queued and stop (their results are dropped), and the documents are
        # rendered serially
        os.close(queue_write)
        os.close(queue_read)
        for pid, rfd in children:
            os.close(rfd)
            os.waitpid(pid, 0)
        if isinstance(err, OSError):
            return None
        raise
    os.close(queue_read)
    _fill_queue(queue_write, len(docs), queued)
    if during is not None:
        try:
            during()
        except BaseException:
            for pid, rfd in children:  # their results are dropped
                os.close(rfd)
                os.waitpid(pid, 0)
            raise
    results = _collect(children)
    for res in results:
        if res.crash is not None:
            raise BuildError(
                "a rendering worker crashed:\n" + res.crash,
                hint="run again with JEKPY_JOBS=1 to render in one process",
            )
    failed = [res for res in results if res.error is not None]
    if failed:
        # every document before the first failing one was rendered: its error is
        # the one a serial build stops at
        first = min(failed, key=lambda res: res.error_index)
        assert first.error is not None
        raise first.error
    if any(res.cross_reads for res in results):
        return None
    _apply(site, docs, results)
    return results


def _apply(site: SiteContext, docs: Sequence[Document], results: list[_SliceResult]) -> None:
    for res in results:
        for index, content, output in res.outputs:
            doc = docs[index]
            doc.content = content
            doc.output = output
        for index, url in res.urls:
            doc = docs[index]
            if doc._url is None:
                doc._url = url
        site.disk_cache.merge(res.cache)
