"""Write a rendered site: every file atomically, stale files removed (``cleaner.rb``)."""

from __future__ import annotations

import contextlib
import itertools
import os
import stat
import sys
import weakref
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from ..content.models import Document, Page, StaticFile
from .ahead import MIN_FILES, AheadMaker, read_listing, write_listing

if TYPE_CHECKING:
    from ..content.models import SiteContext

__all__ = [
    "Staging", "Writer", "atomic_write", "copy_file", "make_documents_ahead", "make_files_ahead",
    "remember_files", "set_staging",
]


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _umask()


def _new_file_mode(base: int = 0o666) -> int:
    """The mode ``open()`` would give a new file (``base`` minus the umask): the
    temporary files are created 0600, and the output must not stay that way."""
    return base & ~_UMASK & 0o7777


def copy_file(src: str | Path, dst: str) -> None:
    """``shutil.copyfile(src, dst)``, without loading :mod:`shutil` (and its ``bz2``,
    ``lzma`` and ``zlib``: ~1.5 ms of a small site's build) where the kernel copies
    by ``os.sendfile`` -- as shutil itself does on Linux; shutil copies elsewhere,
    and when ``sendfile`` refuses the files before copying anything."""
    if not sys.platform.startswith("linux") or not stat.S_ISREG(os.stat(src).st_mode):
        _shutil().copyfile(src, dst)  # (which refuses a named pipe, as before)
        return
    with open(src, "rb") as fin, open(os.open(dst, _STAGE_FLAGS, 0o666), "wb") as fout:
        infd, outfd = fin.fileno(), fout.fileno()
        copied = 0
        try:
            while sent := os.sendfile(outfd, infd, None, _SENDFILE_CHUNK):
                copied += sent
        except OSError:
            if copied:
                raise
            fin.seek(0)
            _shutil().copyfileobj(fin, fout)
            fout.flush()
        # opened without O_TRUNC (see _STAGE_FLAGS): cut what is left of an older file
        size = fout.tell()
        if os.fstat(outfd).st_size > size:
            os.ftruncate(outfd, size)


_SENDFILE_CHUNK = 1 << 23


def _shutil() -> ModuleType:
    import shutil

    return shutil


def _remove_tree(path: str) -> None:
    """``shutil.rmtree(path, ignore_errors=True)`` (shutil loaded only then)."""
    _shutil().rmtree(path, ignore_errors=True)


_TMP_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
_tmp_numbers = itertools.count()


def _temporary(folder: Path) -> tuple[int, str]:
    """A new, empty ``.jekpy-*.tmp`` file in ``folder`` (mode as ``open()`` gives)."""
    while True:
        tmp = os.path.join(folder, f".jekpy-{os.getpid()}-{next(_tmp_numbers)}.tmp")
        try:
            return os.open(tmp, _TMP_FLAGS, 0o666), tmp
        except FileExistsError:  # left by a killed build with the same process id
            continue


def atomic_write(path: Path, data: bytes, folders: set[Path] | None = None) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    A reader (or a build killed half-way) sees either the old file or the new one,
    never a truncated mix.  ``folders``: folders known to exist (added to).
    """
    parent = path.parent
    if folders is None or parent not in folders:
        parent.mkdir(parents=True, exist_ok=True)
        if folders is not None:
            folders.add(parent)
    fd, tmp = _temporary(parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def atomic_copy(src: Path, dest: Path) -> None:
    """Copy ``src`` to ``dest`` atomically, keeping its modification time and (as
    ``FileUtils.cp`` does) its permission bits, minus the umask."""
    import tempfile  # (a static file copied over an older one: not in a fresh build)

    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".jekpy-", suffix=".tmp", dir=dest.parent)
    os.close(fd)
    try:
        copy_file(src, tmp)
        st = src.stat()
        os.chmod(tmp, _new_file_mode(st.st_mode & 0o777))
        os.utime(tmp, ns=(st.st_atime_ns, st.st_mtime_ns))
        os.replace(tmp, dest)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


class Staging:
    """Documents written while they render, by the rendering workers (parallel.py),
    when the destination does not exist yet -- a fresh checkout in CI, a cold build.

    The files go into a hidden folder beside the destination, in the destination's
    layout.  Writing the site then renames that folder to the destination (one
    call), so creating the folders and files -- slow on some file systems -- is done
    by the workers, between renders, instead of after them.  A build that fails never
    touches the destination: the staging folder is removed (at once for a failed
    render, else when the site object goes away or the process exits).

    A serial build into a destination that does not exist stages too (the writer
    makes one): the files need no temporary name and rename each, since the folder
    holding them appears only when everything is written.
    """

    _numbers = itertools.count()

    def __init__(self, site: SiteContext, dest: Path) -> None:
        self.dest = dest
        self.root = os.path.join(
            str(dest.parent), f".{dest.name}.jekpy-{os.getpid()}-{next(self._numbers)}.stage"
        )
        #: destination path -> (document, the output written there)
        self.files: dict[str, tuple[Document, str | None]] = {}
        self._folders: set[str] = set()
        self._broken = False
        #: the files made ahead (:meth:`make_ahead`), else None
        self._ahead: AheadMaker | None = None
        #: the destination paths this process wrote
        self._written: set[str] = set()
        self._owner = os.getpid()
        self._finalizer = weakref.finalize(site, _remove_staging, self.root, self)

    def make_ahead(self, paths: list[str]) -> bool:
        """Have ``paths`` (relative to the destination: the previous build's files)
        made in the staging folder, empty, by a forked process, while this one goes
        on (see :mod:`jekpy.builder.ahead`).  False when it could not start."""
        if self._ahead is not None:
            return False
        maker = AheadMaker(self.root, paths)
        if not maker.start():
            return False
        self._ahead = maker
        return True

    def wait_ahead(self) -> None:
        """Wait for the files made ahead (if any are being made)."""
        if self._ahead is not None:
            self._ahead.wait()

    def _clear_ahead(self) -> bool:
        """A file or folder made ahead is in the way of one this build writes (a page
        that was ``a/index.html`` is now ``a``, or the other way round): remove what
        was made ahead and not written yet, so the write can go through.  False when
        nothing was made ahead (in this process): the conflict is the build's own."""
        ahead = self._ahead
        if ahead is None or os.getpid() != self._owner:
            return False  # (a render worker leaves it to the writer in the parent)
        ahead.wait()
        start = len(str(self.dest)) + 1
        ahead.prune([path[start:] for path in self._written.union(self.files)])
        self._ahead = None
        self._folders.clear()
        return True

    def settle(self) -> None:
        """Before writing the site: when every file was made ahead, their folders need
        no more ``mkdir`` calls (while the process runs, both make them)."""
        ahead = self._ahead
        if ahead is None or ahead.running() or not ahead.complete:
            return
        self._folders.update(os.path.join(self.root, f) for f in ahead.folders())
        self._folders.add(self.root)

    @staticmethod
    def possible(dest: Path) -> bool:
        """Whether to stage for ``dest``: it does not exist, its parent folder does."""
        return not os.path.lexists(dest) and os.path.isdir(dest.parent)

    def write(self, doc: Document) -> str | None:
        """Write ``doc``'s output (in a worker); its destination path, or None when it
        was not staged (the writer then writes it as usual)."""
        if self._broken or doc.output is None:
            return None
        try:
            path = str(doc.destination(self.dest))
            if not self.holds(path):
                return None
            self.put(path, _output_bytes(doc))
        except OSError:
            self._broken = True  # e.g. no room left: the writer reports it as usual
            return None
        return path

    def holds(self, path: str | Path) -> bool:
        """Whether ``path`` is inside the destination (only those are staged)."""
        return str(path).startswith(str(self.dest) + os.sep)

    def _staged_path(self, path: str | Path) -> str:
        """Where the destination path ``path`` is in the staging folder."""
        return self.root + str(path)[len(str(self.dest)) :]

    def _target(self, path: str | Path) -> str:
        """:meth:`_staged_path`, its folder made."""
        target = self._staged_path(path)
        folder = os.path.dirname(target)
        if folder not in self._folders:
            if os.path.dirname(folder) in self._folders:
                # its parent is there: one mkdir (makedirs would stat the parent first)
                try:
                    os.mkdir(folder)
                except FileExistsError:  # made by another worker (or a file: raise)
                    if not os.path.isdir(folder):
                        raise
            else:
                os.makedirs(folder, exist_ok=True)
                above = os.path.dirname(folder)  # made too: known from now on
                while above.startswith(self.root) and above not in self._folders:
                    self._folders.add(above)
                    above = os.path.dirname(above)
            self._folders.add(folder)
        return target

    def put(self, path: str | Path, data: bytes) -> None:
        """Write ``data`` as the destination file ``path``."""
        try:
            fd = os.open(self._target(path), _STAGE_FLAGS, 0o666)
        except _IN_THE_WAY:
            if not self._clear_ahead():
                raise
            fd = os.open(self._target(path), _STAGE_FLAGS, 0o666)
        self._written.add(str(path))
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            if os.fstat(fd).st_size > len(data):  # written before in this build
                os.ftruncate(fd, len(data))
        finally:
            os.close(fd)

    def copy(self, src: Path, path: Path) -> None:
        """Copy the static file ``src`` as ``path`` (modification time and permission
        bits kept, as :func:`atomic_copy` does)."""
        try:
            target = self._target(path)
            copy_file(src, target)
        except _IN_THE_WAY:
            if not self._clear_ahead():
                raise
            target = self._target(path)
            copy_file(src, target)
        self._written.add(str(path))
        st = src.stat()
        os.chmod(target, _new_file_mode(st.st_mode & 0o777))
        os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))

    def drop(self, paths: Iterable[str]) -> None:
        """Remove staged files that are not to be written after all (a plugin removed
        their document after it was rendered)."""
        for path in paths:
            with contextlib.suppress(OSError):
                os.unlink(self._staged_path(path))

    def add(self, path: str, doc: Document) -> None:
        """Note (in the parent) that ``doc``'s current output is staged at ``path``."""
        self.files[path] = (doc, doc.output)

    def staged(self, path: Path, items: list[Document | Page | StaticFile]) -> bool:
        """Whether the staged file at ``path`` is what the writer would write there."""
        entry = self.files.get(str(path))
        return (
            entry is not None
            and len(items) == 1
            and items[0] is entry[0]
            and entry[0].output is entry[1]
        )

    def commit(self, paths: Iterable[str] = ()) -> bool:
        """Move the staged files into place: rename the folder to the destination
        (False when that is not possible any more; the files are then discarded).
        ``paths``: the destination paths written (what was made ahead for none of
        them is removed first)."""
        self.wait_ahead()
        self._finalizer.detach()
        if self._ahead is not None:
            start = len(str(self.dest)) + 1
            self._ahead.prune(path[start:] for path in paths)
        if not os.path.lexists(self.dest) and os.path.isdir(self.root):
            try:
                os.rename(self.root, self.dest)
                return True
            except OSError:
                pass
        self.discard()
        return False

    def discard(self) -> None:
        self._finalizer.detach()
        self.files.clear()
        self._folders.clear()
        _remove_staging(self.root, self)


def _remove_staging(root: str, staging: Staging) -> None:
    """Remove a staging folder, once the process making files ahead in it ended."""
    staging.wait_ahead()
    _remove_tree(root)


#: what writing a file raises when a folder is where the file goes, or a file is
#: where one of its folders goes
_IN_THE_WAY = (IsADirectoryError, NotADirectoryError, FileExistsError)
#: No O_TRUNC: a staged file is new, made ahead (empty) or, rarely, written before in
#: this build (:meth:`Staging.put` cuts what is left of it).  Truncating a file that
#: is empty already costs on ext4: it then writes the file's data back at ``close``
#: (its ``auto_da_alloc`` rule for files rewritten in place), ~30 us a file.
_STAGE_FLAGS = os.O_WRONLY | os.O_CREAT | getattr(os, "O_CLOEXEC", 0)


def set_staging(site: SiteContext, staging: Staging | None) -> None:
    """Hand ``staging`` (filled by the rendering workers) to the site's next write."""
    old = site.staging
    site.staging = staging
    if isinstance(old, Staging) and old is not staging:
        old.discard()


def make_files_ahead(site: SiteContext, listing: Path) -> None:
    """At the start of a build into a destination that does not exist yet: stage
    it, the previous build's files (``listing``, see :func:`remember_files`) made
    meanwhile by a forked process (:mod:`jekpy.builder.ahead`).  The caller checks
    that the build may fork."""
    if site.staging is not None or not Staging.possible(site.dest):
        return
    paths = read_listing(listing)
    if not paths:
        return
    staging = Staging(site, site.dest)
    if staging.make_ahead(paths):
        set_staging(site, staging)


def make_documents_ahead(site: SiteContext, docs: Iterable[Document]) -> None:
    """Before the render workers fork, in a build into a destination that does not
    exist yet: stage it, the documents' files made meanwhile by a forked process
    (their paths are known before they render), while this process prepares the
    workers -- the workers then fill files that are there.  The caller checks that
    the build may fork."""
    if site.staging is not None or not Staging.possible(site.dest):
        return
    staging = Staging(site, site.dest)
    start = len(str(site.dest)) + 1
    paths = [
        path[start:]
        for path in (str(doc.destination(site.dest)) for doc in docs if doc.write)
        if staging.holds(path)
    ]
    if len(paths) >= MIN_FILES and staging.make_ahead(paths):
        set_staging(site, staging)


def remember_files(site: SiteContext, listing: Path) -> None:
    """Keep the paths of the files the site writes (relative to the destination, in
    writing order) in ``listing``, for the next build's :func:`make_files_ahead`."""
    start = len(str(site.dest)) + 1
    write_listing(listing, (str(path)[start:] for path in Writer(site).destination_map()))


def is_redirect_page(item: object) -> bool:
    """A jekyll-redirect-from ``redirect_from`` page: Jekyll's conflict check leaves
    them out (``Doctor#allow_used_permalink?``), so several may share a destination."""
    from ..plugins.pages import GeneratedPage  # plugins hook: the redirect pages' class

    return isinstance(item, GeneratedPage) and item.name == "redirect.html"


class Writer:
    """Write every file of a rendered site into its destination."""

    def __init__(self, site: SiteContext) -> None:
        self.site = site
        self.dest = site.dest

    def destination_map(self) -> dict[Path, list[Document | Page | StaticFile]]:
        """Destination path -> the items that write it (``Doctor.destination_map``);
        computed once per build (the cleaner and the writer both need it)."""
        cached = self.site.__dict__.get("_destination_map")
        if cached is not None and cached[0] == self.dest:
            return cached[1]  # type: ignore[no-any-return]
        result: dict[Path, list[Document | Page | StaticFile]] = {}
        for item in self.site.items_to_write():
            result.setdefault(item.destination(self.dest), []).append(item)
        self.site.__dict__["_destination_map"] = (self.dest, result)
        return result

    def warn_conflicts(self, mapping: dict[Path, list[Document | Page | StaticFile]]) -> None:
        """Jekyll's ``Doctor.conflicting_urls`` warning, line for line."""
        log = self.site.log
        for path, found in mapping.items():
            if len(found) < 2:
                continue
            items = [i for i in found if not is_redirect_page(i)]
            if len(items) < 2:
                continue
            log.warn("Conflict:", "The following destination is shared by multiple files.")
            log.warn("", "The written file may end up with unexpected contents.")
            log.warn("", str(path))
            for item in items:
                log.warn("", f" - {_source_of(item)}")
            log.warn("")

    def planned(self) -> dict[Path, Document | Page | StaticFile]:
        """Destination path -> the item written there (the last one wins, as in Jekyll)."""
        return {path: items[-1] for path, items in self.destination_map().items()}

    def write(self, *, clean: bool = True, only: Iterable[Document | Page] | None = None) -> None:
        """Write the site (``only``: just these items, of a site written before)."""
        if only is not None:
            self._write_only(only)
            return
        mapping = self.destination_map()
        if clean:
            self.clean(set(mapping))
        self.warn_conflicts(mapping)
        self.site.planned_writes = {path: items[-1] for path, items in mapping.items()}
        staging = self._staging(mapping)
        if staging is not None and self._write_staged(staging, mapping):
            return
        folders: set[Path] = set()
        for path, items in mapping.items():
            for item in items:
                self.site.log.debug("Writing:", str(path))
                if isinstance(item, StaticFile):
                    if _unchanged(item.path, path):
                        continue
                    atomic_copy(item.path, path)
                else:
                    data = _output_bytes(item)
                    if len(items) == 1 and _same_bytes(path, data):
                        continue  # already there: a rename per unchanged page is slow
                    atomic_write(path, data, folders)

    def _staging(self, mapping: dict[Path, list[Document | Page | StaticFile]]) -> Staging | None:
        """Where to write a destination that does not exist yet: the rendering workers'
        staging folder, or a new one (None: write in place, file by file)."""
        staging: Staging | None = self.site.staging
        self.site.staging = None
        if staging is not None and (self.dest != staging.dest or not mapping):
            staging.discard()  # (nothing to write: no destination made, as without one)
            staging = None
        if staging is None and mapping and Staging.possible(self.dest):
            staging = Staging(self.site, self.dest)
        return staging

    def _write_staged(
        self, staging: Staging, mapping: dict[Path, list[Document | Page | StaticFile]]
    ) -> bool:
        """Write every file into ``staging`` (what the workers wrote is kept), then
        move it into place in one rename: a build that fails half-way leaves no
        destination at all.  False when the destination appeared meanwhile (nothing
        was moved; the caller writes in place)."""
        if not all(staging.holds(path) for path in mapping):
            staging.discard()
            return False
        path: Path | None = None
        staging.settle()
        try:
            for path, items in mapping.items():
                self.site.log.debug("Writing:", str(path))
                if staging.staged(path, items):
                    continue  # written by a rendering worker
                for item in items:
                    if isinstance(item, StaticFile):
                        staging.copy(item.path, path)
                    else:
                        staging.put(path, _output_bytes(item))
            planned = {str(path) for path in mapping}
            staging.drop([path for path in staging.files if path not in planned])
        except OSError as err:
            staging.discard()
            if path is not None:
                err.filename = str(path)  # the file, not its place in the staging folder
            raise
        except BaseException:
            staging.discard()
            raise
        return staging.commit(planned)

    def _write_only(self, items: Iterable[Document | Page]) -> None:
        """Write ``items`` where the last full write put them (an item that lost a
        destination conflict stays unwritten, as it was)."""
        planned = self.site.planned_writes
        for item in items:
            path = item.destination(self.dest)
            if planned.get(path) is not item:
                continue
            data = _output_bytes(item)
            if not _same_bytes(path, data):
                self.site.log.debug("Writing:", str(path))
                atomic_write(path, data)

    def _keep_list(self) -> list[str]:
        return [str(k) for k in self.site.config.get("keep_files") or [] if str(k)]

    def clean(self, new_files: set[Path] | None = None) -> None:
        """Remove files from an earlier build that this build does not write (``Cleaner``)."""
        if not self.dest.is_dir():
            return  # (a fresh destination: nothing to remove)
        if new_files is None:
            new_files = set(self.destination_map())
        dest = str(self.dest)
        prefix = dest + os.sep
        files = {str(p) for p in new_files}
        new_dirs: set[str] = set()
        for path in files:
            parent = os.path.dirname(path)
            while parent != dest and parent.startswith(prefix) and parent not in new_dirs:
                new_dirs.add(parent)
                parent = os.path.dirname(parent)
        keep = self._keep_list()
        keep_dirs = [k.strip("/") for k in keep]

        def kept(full: str) -> bool:
            rel = full[len(prefix) :].replace(os.sep, "/")
            return any(rel.startswith(k) for k in keep)

        def kept_dir(full: str) -> bool:
            rel = full[len(prefix) :].replace(os.sep, "/")
            return any(k == rel or k.startswith(rel + "/") for k in keep_dirs if k)

        for root, dirs, names in os.walk(dest, topdown=False):
            links = [d for d in dirs if os.path.islink(os.path.join(root, d))]
            for name in names + links:
                full = os.path.join(root, name)
                if full in files or (keep and kept(full)):
                    continue
                os.unlink(full)
            for name in dirs:
                full = os.path.join(root, name)
                if name in links or full in new_dirs or (keep and (kept(full) or kept_dir(full))):
                    continue
                with os.scandir(full) as entries:
                    empty = next(entries, None) is None
                if empty:
                    os.rmdir(full)
        for path in new_dirs:
            if os.path.islink(path) or os.path.isfile(path):
                os.unlink(path)


def _output_bytes(item: Document | Page) -> bytes:
    # surrogateescape: bytes that base64_decode put in an output come back as they were
    return (item.output or "").encode("utf-8", "surrogateescape")


def _same_bytes(path: Path, data: bytes) -> bool:
    """True when ``path`` is a regular file (not a link) holding exactly ``data``."""
    try:
        st = os.lstat(path)
        if not stat.S_ISREG(st.st_mode) or st.st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False


def _unchanged(src: Path, dest: Path) -> bool:
    try:
        a, b = src.stat(), dest.stat()
    except OSError:
        return False
    return a.st_size == b.st_size and a.st_mtime_ns == b.st_mtime_ns


def _source_of(item: Document | Page | StaticFile) -> str:
    """What Jekyll lists for a conflict: ``thing.path`` (absolute for documents and
    static files, the relative path for pages)."""
    if isinstance(item, Page):
        return item.page_path
    return str(item.path)
