"""Write a rendered site: every file atomically, stale files removed (``cleaner.rb``)."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from .models import Document, Page, StaticFile

if TYPE_CHECKING:
    from .site import Site

__all__ = ["Writer", "atomic_write"]


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    A reader (or a build killed half-way) sees either the old file or the new one,
    never a truncated mix.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".jekpy-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def atomic_copy(src: Path, dest: Path) -> None:
    """Copy ``src`` to ``dest`` atomically, keeping its modification time."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".jekpy-", suffix=".tmp", dir=dest.parent)
    os.close(fd)
    try:
        shutil.copyfile(src, tmp)
        st = src.stat()
        os.utime(tmp, ns=(st.st_atime_ns, st.st_mtime_ns))
        os.replace(tmp, dest)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


class Writer:
    """Write every file of a rendered site into its destination."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.dest = site.dest

    def planned(self) -> dict[Path, Document | Page | StaticFile]:
        """Destination path -> item, warning about conflicts as Jekyll's doctor does."""
        plan: dict[Path, Document | Page | StaticFile] = {}
        shared: dict[Path, list[str]] = {}
        for item in self.site.items_to_write():
            path = item.destination(self.dest)
            if path in plan:
                shared.setdefault(path, [_source_of(plan[path])]).append(_source_of(item))
                continue
            plan[path] = item
        for path, sources in shared.items():
            self.site.log.warn(
                "Conflict:",
                "The following destination is shared by multiple files.\n"
                "The written file may end up with unexpected contents.\n"
                f"{path}\n" + "\n".join(f" - {s}" for s in sources) + "\n",
            )
        return plan

    def write(self) -> None:
        plan = self.planned()
        self.clean(set(plan))
        for path, item in plan.items():
            if isinstance(item, StaticFile):
                if _unchanged(item.path, path):
                    continue
                atomic_copy(item.path, path)
            else:
                atomic_write(path, (item.output or "").encode("utf-8"))

    def _kept(self, rel: str) -> bool:
        keep = [str(k) for k in self.site.config.get("keep_files") or []]
        return any(rel == k or rel.startswith(k.rstrip("/") + "/") or rel.startswith(k) for k in keep)

    def clean(self, new_files: set[Path]) -> None:
        """Remove files from an earlier build that this build does not write."""
        if not self.dest.is_dir():
            return
        new_dirs = {p.parent for p in new_files}
        for parent in list(new_dirs):
            new_dirs.update(parent.parents)
        for root, dirs, files in os.walk(self.dest, topdown=False):
            root_path = Path(root)
            for name in files:
                full = root_path / name
                rel = full.relative_to(self.dest).as_posix()
                if full in new_files or self._kept(rel):
                    continue
                full.unlink()
            for name in dirs:
                full = root_path / name
                rel = full.relative_to(self.dest).as_posix()
                if full in new_dirs or self._kept(rel) or full.is_symlink():
                    continue
                if not any(full.iterdir()):
                    full.rmdir()


def _unchanged(src: Path, dest: Path) -> bool:
    try:
        a, b = src.stat(), dest.stat()
    except OSError:
        return False
    return a.st_size == b.st_size and a.st_mtime_ns == b.st_mtime_ns


def _source_of(item: Document | Page | StaticFile) -> str:
    return item.relative_path.lstrip("/")
