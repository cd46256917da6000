"""Read a site's source tree as ``Jekyll::Reader`` does."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from ..content.frontmatter import has_yaml_header
from ..content.models import (
    DATE_FILENAME_RE,
    DATELESS_FILENAME_RE,
    Collection,
    Document,
    Layout,
    Page,
    StaticFile,
    read_text,
)
from ..errors import JekpyError, SourceEncodingError
from ..support.entryfilter import EntryFilter, is_inside
from ..support.rubysort import merge_sort
from ..support.utils import deep_merge
from ..support.yamlload import MAX_DEPTH, YAMLLimitError, load_yaml, symbol_warning, yaml_error

if TYPE_CHECKING:
    from ..content.models import SiteContext

__all__ = ["Reader"]


def _yaml_header(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return has_yaml_header(fh.readline())
    except OSError:
        return False


def compare_documents(a: Document, b: Document) -> int:
    """``Document#<=>`` at read time: by date when both have one, else (or on a tie)
    by path.  Documents without a date in their file name or front matter have none
    yet, so the order is not total and :func:`merge_sort` reproduces Ruby's."""
    da, db = a.data.get("date"), b.data.get("date")
    if da is not None and db is not None and da != db:
        return -1 if da < db else 1
    pa, pb = str(a.path), str(b.path)
    return (pa > pb) - (pa < pb)


def ruby_spaceship(a: Any, b: Any) -> int | None:
    """Ruby's ``a <=> b`` for front matter values: ``None`` where Ruby gives nil."""
    if a is None and b is None:
        return 0
    if isinstance(a, bool) or isinstance(b, bool):
        return 0 if a is b else None
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        if a != a or b != b:  # NaN
            return None
        return (a > b) - (a < b)
    if isinstance(a, str) and isinstance(b, str):
        ea, eb = a.encode("utf-8", "surrogatepass"), b.encode("utf-8", "surrogatepass")
        return (ea > eb) - (ea < eb)
    both_times = isinstance(a, dt.datetime) and isinstance(b, dt.datetime)
    both_dates = (isinstance(a, dt.date) and not isinstance(a, dt.datetime)
                  and isinstance(b, dt.date) and not isinstance(b, dt.datetime))
    if both_times or both_dates:
        try:
            return int(a > b) - int(a < b)
        except TypeError:  # naive against aware
            return None
    if isinstance(a, list) and isinstance(b, list):
        for x, y in zip(a, b, strict=False):
            order = ruby_spaceship(x, y)
            if order != 0:
                return order
        return (len(a) > len(b)) - (len(a) < len(b))
    return 0 if type(a) is type(b) and a == b else None


class Reader:
    """Fill a :class:`SiteContext` with layouts, posts, pages, static files and data."""

    def __init__(self, site: SiteContext) -> None:
        self.site = site
        cfg = site.config
        self.include = [str(x) for x in cfg.get("include") or []]
        self.exclude = [str(x) for x in cfg.get("exclude") or []]
        self._skipped_links: set[str] = set()

    def entry_filter(self, base: str = "") -> EntryFilter:
        return EntryFilter(
            self.site.source, self.include, self.exclude, base, on_outside=self.skip_symlink
        )

    def skip_symlink(self, full: Path) -> None:
        """Warn (once) about a symlink leading out of the source: it is never read,
        in any mode.  (Jekyll follows such links unless ``--safe``; jekpy does not
        let a build copy files from outside the site.)"""
        key = str(full)
        if key in self._skipped_links:
            return
        self._skipped_links.add(key)
        try:
            shown = full.relative_to(self.site.source).as_posix()
        except ValueError:
            shown = key
        self.site.log.warn(
            "Symlink skipped:",
            f"{shown} points outside the site (to {os.path.realpath(full)}); "
            "copy the file into the site instead",
        )

    def read(self) -> None:
        site = self.site
        site.layouts = self.read_layouts()
        self.read_directories("")
        self.read_included_excludes()
        # Drafts get their (file time) date lazily in Jekyll too (lib/jekyll/document.rb#date),
        # but ``site.posts`` sorts again when every date is known (lib/jekyll/reader.rb
        # #sort_files!); the dated order is the one seen.
        site.posts.docs.sort(key=lambda d: d.sort_key())
        # sort_by!(&:name) (lib/jekyll/reader.rb#sort_files!): stable, so equal names keep
        # the directory read order.
        site.pages.sort(key=lambda p: p.name)
        site.static_files.sort(key=lambda f: f.relative_path)
        self.read_collections()
        self.read_theme_assets()
        data_dir = str(site.config.get("data_dir") or "_data")
        site.data = self.read_data(site.in_source_dir(data_dir))
        if site.theme_dir is not None:
            theme_data = self.read_data(site.theme_dir / "_data")
            site.data = deep_merge(theme_data, site.data)

    # -- theme assets ------------------------------------------------------------------
    def read_theme_assets(self) -> None:
        """``ThemeAssetsReader``: the theme's ``assets/`` become pages (with front
        matter) or static files, unless the site has a file at the same path."""
        site = self.site
        theme = site.theme_dir
        if theme is None or not (theme / "assets").is_dir() or (theme / "assets").is_symlink():
            return
        for full in _find(theme / "assets"):
            if full.is_symlink():
                site.log.warn("Theme reader:", f"Ignored symlinked asset: {full}")
                continue
            if full.is_dir():
                continue
            name = full.name
            rel_dir = full.parent.relative_to(theme).as_posix()
            if _yaml_header(full):
                page = Page(site, theme, rel_dir, name)
                if any(p.relative_path == page.relative_path for p in site.pages):
                    continue
                page.read()
                site.pages.append(page)
            else:
                static = StaticFile(site, theme, rel_dir, name)
                if any(f.relative_path == static.relative_path for f in site.static_files):
                    continue
                site.static_files.append(static)

    # -- layouts -----------------------------------------------------------------
    def read_layouts(self) -> dict[str, Layout]:
        site = self.site
        layouts: dict[str, Layout] = {}
        dirs = [(site.in_source_dir(str(site.config.get("layouts_dir") or "_layouts")), site.source)]
        if site.theme_dir is not None:
            dirs.append((site.theme_dir / "_layouts", site.theme_dir))
        for directory, root in dirs:
            if not directory.is_dir():
                continue
            for rel in self._walk(directory, dotmatch=False, base=""):
                if "." not in os.path.basename(rel):
                    continue
                name = rel.rsplit(".", 1)[0]
                if name not in layouts:
                    layouts[name] = Layout(site, directory, rel, root)
        return layouts

    def _walk(self, directory: Path, *, dotmatch: bool, base: str | None = None) -> list[str]:
        """Files below ``directory`` (relative, posix), filtered like Jekyll's globs."""
        flt = self.entry_filter(self._rel_to_source(directory) if base is None else base)
        found: list[str] = []
        for rel, is_link in _tree_files(str(directory), "", dotmatch=dotmatch):
            if flt.keep(rel, directory, is_link=is_link):
                found.append(rel)
        return found

    def _rel_to_source(self, directory: Path) -> str:
        try:
            rel = directory.relative_to(self.site.source).as_posix()
        except ValueError:
            return ""
        return "" if rel == "." else rel

    # -- posts, pages, static files ------------------------------------------------
    def read_directories(self, rel_dir: str) -> None:
        site = self.site
        base = site.source / rel_dir if rel_dir else site.source
        if not base.is_dir():
            return
        flt = self.entry_filter(rel_dir)
        # Dir.entries order (not sorted): pages with equal names keep it after sorting.
        entries = flt.filter(os.listdir(base), base)
        dirs: list[str] = []
        pages: list[str] = []
        statics: list[str] = []
        special_dirs = {site.posts_dir, site.drafts_dir}
        for entry in entries:
            full = base / entry
            if full.is_dir():
                if entry not in special_dirs:
                    dirs.append(entry)
            elif _yaml_header(full):
                pages.append(entry)
            else:
                statics.append(entry)
        self.retrieve_posts(rel_dir)
        for entry in dirs:
            full = base / entry
            if full.resolve() == site.dest.resolve():
                continue
            self.read_directories(f"{rel_dir}/{entry}" if rel_dir else entry)
        for entry in pages:
            page = Page(site, site.source, rel_dir, entry)
            if self._read(page) and site.publisher.publish(page):
                site.pages.append(page)
        for entry in statics:
            site.static_files.append(StaticFile(site, site.source, rel_dir, entry))

    def _read(self, item: Document | Page) -> bool:
        """Read ``item``; a file that is not UTF-8 is reported and skipped, as Jekyll does."""
        try:
            item.read()
        except SourceEncodingError as err:
            self.site.log.error(str(err))
            return False
        return True

    def _entries(self, rel_dir: str, magic: str) -> list[str]:
        base = self.site.source / rel_dir / magic if rel_dir else self.site.source / magic
        if not base.is_dir():
            return []
        return self._walk(base, dotmatch=False)

    def retrieve_posts(self, rel_dir: str) -> None:
        site = self.site
        cdir = site.collections_dir
        if cdir and not (rel_dir == cdir or rel_dir.startswith(cdir + "/")):
            return
        site.posts.docs.extend(self._read_publishable(rel_dir, site.posts_dir, DATE_FILENAME_RE))
        if site.show_drafts:
            site.posts.docs.extend(
                self._read_publishable(rel_dir, site.drafts_dir, DATELESS_FILENAME_RE)
            )

    def _read_publishable(self, rel_dir: str, magic: str, matcher: re.Pattern[str]) -> list[Document]:
        site = self.site
        docs = []
        folder = (site.source / rel_dir if rel_dir else site.source) / magic
        for entry in self._entries(rel_dir, magic):
            if not matcher.match(entry):
                continue
            path = folder / entry
            doc = Document(site, path, site.posts)
            if not self._read(doc):
                continue
            if site.publisher.publish(doc):
                docs.append(doc)
            elif site.publisher.hidden_in_the_future(doc):
                site.log.warn("Skipping:", f"{doc.relative_path} has a future date")
        return docs

    def read_included_excludes(self) -> None:
        site = self.site
        for entry in self.include:
            full = site.source / entry
            if full.is_dir() or not full.is_file() or not is_inside(full, site.source):
                continue
            rel = full.relative_to(site.source).as_posix()
            rel_dir, name = os.path.split(rel)
            if _yaml_header(full):
                if any(p.relative_path == rel for p in site.pages):
                    continue
                page = Page(site, site.source, rel_dir, name)
                if self._read(page) and site.publisher.publish(page):
                    site.pages.append(page)
            else:
                if any(f.path == full for f in site.static_files):
                    continue
                site.static_files.append(StaticFile(site, site.source, rel_dir, name))

    # -- collections ------------------------------------------------------------------
    def read_collections(self) -> None:
        site = self.site
        for label, collection in site.collections.items():
            if label == "posts":
                continue
            self._read_collection(collection)

    def _read_collection(self, collection: Collection) -> None:
        site = self.site
        directory = collection.directory
        if not directory.is_dir() or not is_inside(directory, site.source):
            return
        # Dir.glob("**/*") order: names sorted, a folder's files right after the folder.
        for rel in sorted(self._walk(directory, dotmatch=True), key=lambda r: r.split("/")):
            full = directory / rel
            if _yaml_header(full):
                doc = Document(site, full, collection)
                if self._read(doc) and (site.unpublished or doc.published):
                    collection.docs.append(doc)
            else:
                rel_dir = f"{collection.relative_directory}/{os.path.dirname(rel)}".rstrip("/")
                collection.files.append(
                    StaticFile(site, site.source, rel_dir, os.path.basename(rel), collection)
                )
        site.static_files.extend(collection.files)
        self._sort_collection(collection)

    def _sort_collection(self, collection: Collection) -> None:
        meta = collection.metadata
        docs = merge_sort(collection.docs, compare_documents)
        order = meta.get("order")
        sort_by = meta.get("sort_by")
        if isinstance(order, list):
            by_path = {d.relative_path: d for d in docs}
            ordered = []
            for entry in order:
                doc = by_path.pop(f"{collection.relative_directory}/{entry}", None)
                if doc is not None:
                    ordered.append(doc)
            docs = ordered + list(by_path.values())
        elif isinstance(sort_by, str):
            docs = self._sort_by_key(collection.docs, sort_by)
        collection.docs = docs

    def _sort_by_key(self, docs: list[Document], key: str) -> list[Document]:
        """``Collection#sort_docs_by_key!``: documents (in read order) by ``key``, those
        without it after those with it, ties and values Ruby cannot compare by
        ``Document#<=>`` -- Ruby's merge sort with that comparison."""
        for doc in docs:
            if doc.data.get(key) is None:
                self.site.log.warn("Sort warning:", f"'{key}' not defined in {doc.relative_path}")

        def cmp(a: Document, b: Document) -> int:
            va, vb = a.data.get(key), b.data.get(key)
            if va is None and vb is not None:
                return 1
            if va is not None and vb is None:
                return -1
            order = ruby_spaceship(va, vb)
            return order if order else compare_documents(a, b)

        return merge_sort(docs, cmp)

    # -- data ---------------------------------------------------------------------------
    def read_data(self, directory: Path) -> dict[str, Any]:
        """``DataReader#read_data_to``: data files first, then folders (which win)."""
        data: dict[str, Any] = {}
        if not directory.is_dir() or directory.is_symlink():
            return data
        try:
            names = sorted(os.listdir(directory))
        except OSError:
            return data
        # Ruby's Dir["*.{yaml,yml,json,csv,tsv}"] (lib/jekyll/readers/data_reader.rb#read_data_to):
        # grouped by extension, then by name.
        files = sorted(
            (
                n for n in names
                if not n.startswith(".") and os.path.splitext(n)[1] in DATA_EXTS
                and not (directory / n).is_dir()
            ),
            key=lambda n: (DATA_EXTS.index(os.path.splitext(n)[1]), n),
        )
        dirs = [n for n in names if not n.startswith(".") and (directory / n).is_dir()]
        for entry in files:
            full = directory / entry
            if full.is_symlink():
                if not is_inside(full, self.site.source):
                    self.skip_symlink(full)
                continue
            key = sanitize_data_name(os.path.splitext(entry)[0])
            data[key] = self._read_data_file(full)
        for entry in dirs:
            full = directory / entry
            if full.is_symlink():
                if not is_inside(full, self.site.source):
                    self.skip_symlink(full)
                continue
            data[sanitize_data_name(entry)] = self.read_data(full)
        return data

    def _data_yaml(self, text: str, display: str) -> Any:
        """A data file's YAML; a Ruby symbol in it is read as text, with a warning."""
        symbols: list[tuple[str, int]] = []
        value = load_yaml(text, symbols=symbols)
        for name, line in symbols:
            self.site.log.warn("Data file:", symbol_warning(display, name, line))
        return value

    def _read_data_file(self, path: Path) -> Any:
        display = path.relative_to(self.site.source).as_posix() if is_inside(
            path, self.site.source
        ) else str(path)
        self.site.log.debug("Reading:", "/" + display)
        text = read_text(path, display, kind="data")
        ext = path.suffix.lower()
        try:
            if ext in (".csv", ".tsv"):
                key = "tsv_reader" if ext == ".tsv" else "csv_reader"
                opts = self.site.config.get(key)
                return read_csv(
                    text,
                    "\t" if ext == ".tsv" else ",",
                    opts if isinstance(opts, dict) else {},
                )
            if ext == ".json":
                # Jekyll reads JSON with its YAML loader (lib/jekyll/readers/data_reader.rb
                # #read_data_file); JSON is (nearly) YAML.
                try:
                    return self._data_yaml(text, display)
                except YAMLLimitError:
                    raise
                except yaml.YAMLError:
                    import json  # (a .json data file YAML does not read)

                    return json.loads(text)
            return self._data_yaml(text, display)
        except yaml.YAMLError as err:
            raise yaml_error(
                err, text, JekpyError, "Invalid data file", path=display,
                hint="fix the YAML syntax (check indentation and quoting)",
            ) from err
        except (ValueError, RecursionError) as err:  # json.JSONDecodeError is a ValueError
            raise JekpyError(
                f"Invalid data file: {err}", path=display,
                hint="check the file's syntax (nesting is limited to "
                f"{MAX_DEPTH} levels)" if isinstance(err, RecursionError) else None,
            ) from err


def _find(root: Path) -> list[Path]:
    """Ruby's ``Find.find`` order: depth first, each folder's entries sorted by name
    (files and folders interleaved)."""
    out: list[Path] = []
    try:
        names = sorted(os.listdir(root))
    except OSError:
        return out
    for name in names:
        path = root / name
        out.append(path)
        if path.is_dir() and not path.is_symlink():
            out.extend(_find(path))
    return out


DATA_EXTS = (".yaml", ".yml", ".json", ".csv", ".tsv")


def sanitize_data_name(name: str) -> str:
    """``DataReader#sanitize_filename``: drop punctuation, spaces become ``_``."""
    name = re.sub(
        r"[^\w\s-]+|(?:^|(?<=\b\s))\s+(?=$|\s?\b)", "", name, flags=re.A
    )
    return re.sub(r"\s+", "_", name, flags=re.A)


def _convert_cell(value: str | None, converters: list[str]) -> Any:
    if value is None:
        return None
    for conv in converters:
        if conv in ("integer", "numeric", "all") and re.fullmatch(r"\s*[-+]?\d+\s*", value):
            return int(value)
        if conv in ("float", "numeric", "all") and re.fullmatch(
            r"\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*", value
        ):
            return float(value)
    return value


def parse_csv_rows(text: str, sep: str) -> list[list[str | None]]:
    """Split CSV text into rows as Ruby's CSV does: an empty unquoted field is nil."""
    rows: list[list[str | None]] = []
    row: list[str | None] = []
    i = 0
    n = len(text)
    if n == 0:
        return rows
    while i < n:
        if not row and text[i] in "\r\n":
            # A blank line is a row without fields (all nil under headers).
            i += 2 if text.startswith("\r\n", i) else 1
            rows.append([])
            continue
        if text[i] == '"':
            i += 1
            buf: list[str] = []
            while i < n:
                ch = text[i]
                if ch == '"':
                    if i + 1 < n and text[i + 1] == '"':
                        buf.append('"')
                        i += 2
                        continue
                    i += 1
                    break
                buf.append(ch)
                i += 1
            field: str | None = "".join(buf)
            # skip to the separator or end of line
            while i < n and text[i] not in (sep, "\n", "\r"):
                i += 1
        else:
            j = i
            while j < n and text[j] not in (sep, "\n", "\r"):
                j += 1
            field = text[i:j] or None
            i = j
        row.append(field)
        if i >= n:
            rows.append(row)
            row = []
            break
        ch = text[i]
        if ch == sep:
            i += 1
            if i == n:
                row.append(None)
                rows.append(row)
                row = []
            continue
        # newline
        if ch == "\r" and i + 1 < n and text[i + 1] == "\n":
            i += 2
        else:
            i += 1
        rows.append(row)
        row = []
    return rows


def read_csv(text: str, sep: str, opts: dict[str, Any]) -> list[Any]:
    """``CSV.read(path, headers: true)`` rows as hashes (or arrays with ``headers: false``)."""
    converters = [str(c) for c in opts.get("csv_converters") or []]
    parsed = parse_csv_rows(text, sep)
    if opts.get("headers", True) is False:
        return [[_convert_cell(c, converters) for c in r] for r in parsed]
    if not parsed:
        return []
    header = list(parsed[0])  # field converters do not apply to the header row
    rows = [[_convert_cell(c, converters) for c in r] for r in parsed[1:]]
    out: list[Any] = []
    for r in rows:
        record: dict[Any, Any] = {}
        for idx in range(max(len(header), len(r))):
            key = header[idx] if idx < len(header) else None
            value = r[idx] if idx < len(r) else None
            if key in record:
                continue
            record[key] = value
        out.append(record)
    return out


def _tree_files(root: str, rel_root: str, *, dotmatch: bool) -> Iterator[tuple[str, bool]]:
    """The files below ``root`` as ``(relative posix path, is a symlink)``: a folder's
    files by name, then its folders by name (``os.walk`` top-down, sorted, not into
    symlinked folders, unreadable folders skipped), without a ``stat`` per file."""
    try:
        with os.scandir(root) as it:
            entries = list(it)
    except OSError:
        return
    files: list[tuple[str, bool]] = []
    dirs: list[tuple[str, bool]] = []
    for entry in entries:
        name = entry.name
        if not dotmatch and name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        try:
            is_link = entry.is_symlink()
        except OSError:
            is_link = False
        (dirs if is_dir else files).append((name, is_link))
    files.sort()
    dirs.sort()
    for name, is_link in files:
        yield (f"{rel_root}/{name}" if rel_root else name), is_link
    for name, is_link in dirs:
        if not is_link:
            yield from _tree_files(
                os.path.join(root, name), f"{rel_root}/{name}" if rel_root else name,
                dotmatch=dotmatch,
            )
