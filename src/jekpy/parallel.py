"""Render documents across processes, with the same bytes as a serial build.

Jekyll renders documents one after another, and a template may read another
document's ``content`` or ``output`` -- which is raw source before that document
is rendered and HTML after.  Workers render contiguous slices of the documents in
order and record whether any template read another document's content or output;
if one did, the slice boundaries could change what it saw, so the parent throws
the parallel results away and renders serially.  Typical sites never do this and
get the speed-up; the few that do get Jekyll's exact semantics.

Workers are forked (POSIX only) after the site has been read, so they share the
parent's parsed state without pickling it.  Forking is skipped when threads are
running (the preview server) and for small sites.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
import traceback
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .errors import BuildError, JekpyError
from .incremental import Tracker

if TYPE_CHECKING:
    from .models import Document
    from .site import Site

__all__ = ["render_documents", "render_documents_tracked", "worker_count"]

MIN_DOCUMENTS = 64


@dataclass
class _SliceResult:
    outputs: list[tuple[int, str, str | None]] = field(default_factory=list)
    trackers: list[Tracker] = field(default_factory=list)  # with track=True, per output
    cross_reads: bool = False
    cache: dict[str, dict[str, str]] = field(default_factory=dict)
    error: JekpyError | None = None
    crash: str | None = None


def worker_count(site: Site) -> int:
    """How many processes to render with: ``jobs:`` / ``$JEKPY_JOBS``, else the CPU count."""
    value = os.environ.get("JEKPY_JOBS") or site.config.get("jobs")
    if value is not None:
        try:
            return max(1, int(value))
        except (TypeError, ValueError):
            return 1
    return max(1, min(os.cpu_count() or 1, 8))


def _can_fork(site: Site, count: int) -> bool:
    return (
        hasattr(os, "fork")
        and sys.platform != "darwin"
        and threading.active_count() == 1
        and not site.config.get("serving")
        and worker_count(site) > 1
        and count >= MIN_DOCUMENTS
    )


def _render_slice(
    site: Site, docs: Sequence[Document], start: int, track: bool = False
) -> _SliceResult:
    from .renderer import Renderer

    result = _SliceResult()
    renderer = Renderer(site)
    payload = site.payload.variables()
    site.recorder.content_reads = set()
    try:
        for offset, doc in enumerate(docs):
            if track:
                site.recorder.tracker = Tracker()
                result.trackers.append(site.recorder.tracker)
            site.render_item(renderer, doc, payload)
            result.outputs.append((start + offset, doc.content, doc.output))
    except JekpyError as err:
        result.error = err
    result.cross_reads = bool(site.recorder.content_reads)
    result.cache = site.disk_cache.export()
    return result


def _child(site: Site, docs: Sequence[Document], start: int, wfd: int, track: bool) -> None:
    try:
        result = _render_slice(site, docs, start, track)
    except BaseException:  # noqa: BLE001 - reported to the parent, which decides
        result = _SliceResult(crash=traceback.format_exc())
    data = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
    with os.fdopen(wfd, "wb") as pipe:
        pipe.write(data)


def _read_all(fd: int) -> bytes:
    chunks = []
    with os.fdopen(fd, "rb") as pipe:
        while True:
            chunk = pipe.read(1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
    return b"".join(chunks)


def render_documents(site: Site, docs: Sequence[Document]) -> bool:
    """Render ``docs`` in forked workers.  Returns False when the caller must render
    them serially instead (parallelism unavailable, or order-dependent templates).

    Raises:
        JekpyError: a document failed to render (the first failure in document order).
    """
    return _render(site, docs, track=False) is not None


def render_documents_tracked(site: Site, docs: Sequence[Document]) -> list[Tracker] | None:
    """:func:`render_documents`, recording what each document's templates read (see
    incremental.py): the trackers in document order, or None (render serially)."""
    results = _render(site, docs, track=True)
    if results is None:
        return None
    return [tracker for res in results for tracker in res.trackers]


def _render(site: Site, docs: Sequence[Document], *, track: bool) -> list[_SliceResult] | None:
    workers = min(worker_count(site), max(1, len(docs) // (MIN_DOCUMENTS // 2)))
    if workers < 2 or not _can_fork(site, len(docs)):
        return None
    size = -(-len(docs) // workers)
    slices = [(i, docs[i : i + size]) for i in range(0, len(docs), size)]
    children: list[tuple[int, int]] = []
    sys.stdout.flush()
    sys.stderr.flush()
    for start, chunk in slices:
        rfd, wfd = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - runs in the child
            os.close(rfd)
            code = 0
            try:
                _child(site, chunk, start, wfd, track)
            except BaseException:  # noqa: BLE001
                code = 1
            finally:
                os._exit(code)
        os.close(wfd)
        children.append((pid, rfd))
    results: list[_SliceResult] = []
    for pid, rfd in children:
        data = _read_all(rfd)
        os.waitpid(pid, 0)
        try:
            results.append(pickle.loads(data))
        except (pickle.UnpicklingError, EOFError, ValueError) as err:
            raise BuildError(
                "a rendering worker stopped without a result",
                hint="run again with JEKPY_JOBS=1 to render in one process",
            ) from err
    for res in results:
        if res.crash is not None:
            raise BuildError(
                "a rendering worker crashed:\n" + res.crash,
                hint="run again with JEKPY_JOBS=1 to render in one process",
            )
    errors = [res.error for res in results if res.error is not None]
    if errors:
        raise errors[0]
    if any(res.cross_reads for res in results):
        return None
    _apply(site, docs, results)
    return results


def _apply(site: Site, docs: Sequence[Document], results: list[_SliceResult]) -> None:
    for res in results:
        for index, content, output in res.outputs:
            doc = docs[index]
            doc.content = content
            doc.output = output
        site.disk_cache.merge(res.cache)
