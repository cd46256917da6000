"""The things a site is made of: documents (posts, drafts, collection items), pages,
layouts, static files and collections -- as ``document.rb``, ``page.rb``,
``layout.rb``, ``static_file.rb`` and ``collection.rb`` define them."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ..errors import DocumentError, JekpyError, encoding_error
from ..support.timeparse import parse_date
from ..support.urls import (
    fill_url,
    generate_url,
    generate_url_from_hash,
    sanitize_url,
    unescape_path,
    url_plan,
)
from ..support.utils import (
    deep_merge,
    pluralized_array,
    ruby_array,
    ruby_uniq,
    slugify,
    titleize_slug,
)
from .frontmatter import parse_front_matter

if TYPE_CHECKING:
    from ..liquid import LiquidEngine
    from ..log import Logger
    from ..support.cache import DiskCache, Store
    from ..support.dates import SiteClock
    from .defaults import FrontMatterDefaults
    from .tracking import Tracker

__all__ = [
    "Collection",
    "SiteContext",
    "Document",
    "Excerpt",
    "Layout",
    "Page",
    "StaticFile",
    "read_text",
]

class SiteContext(Protocol):
    """What documents, pages, drops, links, plugins and the build's helpers use of a
    site.  ``builder.site.Site`` is the one implementation; everything below the build
    layer types its ``site`` with this protocol instead of importing ``Site`` (which
    imports them).  Plain attributes here are ones that code other than ``Site``
    assigns; the rest are read-only."""

    # -- assigned by the reader, plugins, the writer and incremental builds --------------
    layouts: dict[str, Layout]
    data: dict[str, Any]
    static_files: list[StaticFile]
    planned_writes: dict[Path, Document | Page | StaticFile]
    #: the front matter store while the site is read, else None
    read_store: Store | None
    #: the warnings given once per site (keys chosen by their callers)
    warned_once: set[str]
    #: ``builder.writer.Staging``: outputs the render workers wrote ahead, for the
    #: next write (set by ``builder.writer.set_staging``), else None
    staging: Any

    # -- configuration --------------------------------------------------------------------
    @property
    def config(self) -> dict[str, Any]: ...
    @property
    def log(self) -> Logger: ...
    @property
    def source(self) -> Path: ...
    @property
    def dest(self) -> Path: ...
    @property
    def clock(self) -> SiteClock: ...
    @property
    def time(self) -> dt.datetime: ...
    @property
    def permalink_style(self) -> str: ...
    @property
    def markdown_exts(self) -> frozenset[str]: ...
    @property
    def collections_dir(self) -> str: ...
    @property
    def posts_dir(self) -> str: ...
    @property
    def drafts_dir(self) -> str: ...
    @property
    def show_drafts(self) -> bool: ...
    @property
    def future(self) -> bool: ...
    @property
    def includes_dirs(self) -> list[Path]: ...
    @property
    def unpublished(self) -> bool: ...
    @property
    def strict_front_matter(self) -> bool: ...
    @property
    def liquid_block_tags(self) -> frozenset[str]: ...
    @property
    def theme_dir(self) -> Path | None: ...
    @property
    def frontmatter_defaults(self) -> FrontMatterDefaults: ...

    # -- engines --------------------------------------------------------------------------
    @property
    def liquid(self) -> LiquidEngine: ...
    @property
    def markdown_converter(self) -> Callable[[str], str]: ...
    @property
    def disk_cache(self) -> DiskCache: ...
    @property
    def drop(self) -> Any: ...  # content/drops.py's SiteDrop (drops.py imports this module)

    # -- contents -------------------------------------------------------------------------
    @property
    def pages(self) -> list[Page]: ...
    @property
    def collections(self) -> dict[str, Collection]: ...
    @property
    def posts(self) -> Collection: ...
    def documents(self) -> list[Any]: ...
    def items_to_write(self) -> list[Document | Page | StaticFile]: ...
    @property
    def payload(self) -> SitePayloadContext: ...

    # -- paths and publishing rules -------------------------------------------------------
    def in_source_dir(self, *parts: str) -> Path: ...
    def in_dest_dir(self, dest: Path, rel: str) -> Path: ...
    @property
    def publisher(self) -> PublisherContext: ...

    # -- rendering ------------------------------------------------------------------------
    def markdownify(self, text: str) -> str: ...
    def render_excerpt(self, excerpt: Excerpt) -> str: ...
    @property
    def profiler(self) -> ProfilerContext: ...

    # -- what templates read (incremental builds, parallel rendering) ---------------------
    @property
    def recorder(self) -> RecorderContext: ...


class SitePayloadContext(Protocol):
    """The site's template variables (``builder.payload.SitePayload``)."""

    def variables(self) -> dict[str, Any]: ...
    def post_attr_hash(self, attr: str) -> dict[str, list[Any]]: ...
    def related_posts(self, doc: Document) -> list[Document]: ...


class PublisherContext(Protocol):
    """The publishing rules (``builder.publisher.Publisher``)."""

    next_due: int | None

    def publish(self, thing: Document | Page) -> bool: ...
    def hidden_in_the_future(self, thing: Document | Page) -> bool: ...
    def unpublished_reason(self, doc: Document | Page) -> str | None: ...


class ProfilerContext(Protocol):
    """``--profile``'s Liquid table (``builder.profile.Profiler``)."""

    def record_liquid(self, path: str, seconds: float, output: str) -> None: ...


class RecorderContext(Protocol):
    """What templates read, for incremental builds and parallel rendering
    (``builder.recorder.Recorder``)."""

    content_reads: set[int] | None  # ids of documents whose content a template read
    tracker: Tracker | None

    def content_read(
        self, doc: Document | Page, value: object = None, field: str = "content"
    ) -> None: ...
    def index_read(self) -> None: ...
    def lists_read(self) -> None: ...
    def item_read(self, item: Document | Page, field: str, value: object) -> None: ...
    def time_read(self) -> None: ...
    def excerpt_read(self, doc: Document) -> None: ...


DATE_FILENAME_RE = re.compile(r"^(?:.+/)*?(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$")
DATELESS_FILENAME_RE = re.compile(r"^(?:.+/)*(.*)(\.[^.]+)$")
HTML_EXTENSIONS = (".html", ".xhtml", ".htm")
SASS_EXTS = (".sass", ".scss")
YAML_EXTS = (".yaml", ".yml")


def read_bytes(path: Path | str) -> bytes:
    """The whole file, as ``Path.read_bytes`` gives it, in fewer system calls: open,
    size, one read, close.  (A file object also asks whether the file is a terminal
    and where it stands, and reads once more to see the end: some 5,000 calls more
    for a 1,000-post site.)"""
    fd = os.open(path, os.O_RDONLY)
    try:
        size = os.fstat(fd).st_size
        data = os.read(fd, size + 1)  # (+1: a file that grew meanwhile reads on)
        if len(data) == size:
            return data  # the usual case: all of it, and nothing more is there
        parts = [data]
        while data:
            data = os.read(fd, max(size, 1 << 16))
            parts.append(data)
        return b"".join(parts)
    finally:
        os.close(fd)


def read_text(path: Path, display: str, *, kind: str = "document") -> str:
    """Read a source file as UTF-8 (a BOM is dropped), with a clear error when it is not.

    ``kind`` (see :func:`jekpy.errors.encoding_error`) decides the message: a
    document that is not UTF-8 is skipped, anything else stops the build.
    """
    try:
        raw = read_bytes(path)
    except OSError as err:
        raise JekpyError(f"cannot read file: {err.strerror}", path=display) from err
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise encoding_error(raw, err, display, kind) from None


def _relative_posix(path: Path, base: Path) -> str:
    """``path.relative_to(base).as_posix()``, by string when that is plainly the same."""
    full, prefix = str(path), str(base)
    if os.sep == "/" and full.startswith(prefix + "/"):  # both are normalised paths
        return full[len(prefix) + 1 :]
    return path.relative_to(base).as_posix()


def _strip_trailing_dots(text: str) -> str:
    return text.rstrip(".")  # Ruby's sub(/\.*\z/, "")


class Collection:
    """A collection (``posts`` or one from ``collections:``)."""

    def __init__(self, site: SiteContext, label: str) -> None:
        self.site = site
        self.label = re.sub(r"[^a-z0-9_\-.]", "", label, flags=re.I)
        meta = site.config.get("collections", {}).get(self.label)
        self.metadata: dict[str, Any] = dict(meta) if isinstance(meta, Mapping) else {}
        self.docs: list[Document] = []
        self.files: list[StaticFile] = []

    @property
    def base(self) -> Path:
        """The folder its documents' ``relative_path`` starts from (the source's
        ``collections_dir``), joined once rather than for every document read."""
        base = self.__dict__.get("_base")
        if base is None:
            base = self.__dict__["_base"] = self.site.source / self.site.collections_dir
        return base

    @property
    def relative_directory(self) -> str:
        if self.label == "posts":
            return self.site.posts_dir
        return f"_{self.label}"

    @property
    def directory(self) -> Path:
        return self.site.source / self.site.collections_dir / self.relative_directory

    def position(self, doc: Document) -> int | None:
        """Index of ``doc`` in ``docs`` (an index kept per list, rebuilt when it changes)."""
        docs = self.docs
        index: dict[int, int] = self.__dict__.get("_positions") or {}
        pos = index.get(id(doc))
        if pos is None or pos >= len(docs) or docs[pos] is not doc:
            # The list changed (sorted, sliced, extended): index it again.
            index = {id(d): i for i, d in enumerate(docs)}
            self.__dict__["_positions"] = index
            pos = index.get(id(doc))
        return pos

    @property
    def write(self) -> bool:
        return bool(self.metadata.get("output", False))

    @property
    def url_template(self) -> str:
        if "permalink" in self.metadata:
            return str(self.metadata["permalink"])
        return add_permalink_suffix("/:collection/:path", self.site.permalink_style)


def add_permalink_suffix(template: str, style: str) -> str:
    """``Utils.add_permalink_suffix``."""
    if style == "pretty":
        return template + "/"
    if style in ("date", "ordinal", "none"):
        return template + ":output_ext"
    if style.endswith("/"):
        template += "/"
    if style.endswith(":output_ext"):
        template += ":output_ext"
    return template


class Convertible:
    """What documents and pages share: content, converters, output extension."""

    site: SiteContext
    data: dict[str, Any]
    content: str
    output: str | None
    body_line: int
    relative_path: str
    extname: str

    @property
    def is_markdown(self) -> bool:
        return self.extname.lower() in self.site.markdown_exts

    @property
    def converter_output_ext(self) -> str:
        if self.is_markdown:
            return ".html"
        plugins = getattr(self.site, "plugins", None)  # plugins hook: plugin converters
        custom = plugins.converter_for(self.extname) if plugins is not None else None
        if custom is not None:
            return str(custom.output_ext)
        from ..support.sass import sass_output_ext

        return sass_output_ext(self.extname) or self.extname

    @property
    def permalink(self) -> str | None:
        value = self.data.get("permalink")
        return str(value) if value else None

    @property
    def output_ext(self) -> str:
        link = self.permalink
        if link and not link.endswith("/"):
            ext = os.path.splitext(link)[1]
            if ext:
                return ext
        return self.converter_output_ext

    @property
    def render_with_liquid(self) -> bool:
        if self.data.get("render_with_liquid") is False:
            return False
        if self.extname in YAML_EXTS or self.extname == ".coffee":
            return False
        return "{%" in self.content or "{{" in self.content

    @property
    def place_in_layout(self) -> bool:
        if self.extname in SASS_EXTS or self.extname == ".coffee":
            return False
        if self.extname in YAML_EXTS:
            return False
        return self.data.get("layout") != "none"

    @property
    def url(self) -> str:
        raise NotImplementedError

    def destination(self, dest: Path) -> Path:
        raise NotImplementedError


#: Permalink placeholders that are a strftime of the document's date.
_DATE_PLACEHOLDERS = {
    "year": "%Y",
    "month": "%m",
    "day": "%d",
    "hour": "%H",
    "minute": "%M",
    "second": "%S",
    "short_month": "%b",
    "long_month": "%B",
    "short_year": "%y",
    "w_year": "%G",
    "week": "%V",
    "w_day": "%u",
    "short_day": "%a",
    "long_day": "%A",
    "y_day": "%j",
}
#: the placeholders that are a zero-padded number (``%Y`` of a year >= 1000 too)
_NUMERIC_DATE_FIELDS = {
    "year": "year",
    "month": "month",
    "day": "day",
    "hour": "hour",
    "minute": "minute",
    "second": "second",
}


class Document(Convertible):
    """A post, a draft or an item of another collection."""

    def __init__(self, site: SiteContext, path: Path, collection: Collection) -> None:
        self.site = site
        self.path = path
        self.collection = collection
        self.extname = path.suffix
        self.relative_path = _relative_posix(path, collection.base)
        self.basename = path.name
        self.basename_without_ext = path.stem if path.suffix else path.name
        self.data: dict[str, Any] = {}
        self.content = ""
        self.body_line = 1
        self.output: str | None = None
        self._url: str | None = None
        self._date: object = None  # the date _merge_data last parsed
        self.excerpt: Excerpt | None = None
        self.is_draft = (
            collection.label == "posts" and collection.relative_directory not in self.relative_path
        )
        self._categories_from_path(
            site.drafts_dir if self.is_draft else collection.relative_directory
        )

    # -- reading -----------------------------------------------------------------
    @property
    def type(self) -> str:
        return self.collection.label

    def _categories_from_path(self, special_dir: str) -> None:
        if self.relative_path.startswith(special_dir):
            superdirs: list[str] = []
        else:
            head = re.sub(re.escape(special_dir) + ".*", "", self.relative_path, count=1, flags=re.S)
            superdirs = [
                c for c in head.split("/") if c and c != special_dir and c != self.basename
            ]
        if not superdirs and not self.data:
            self.data = {"categories": []}  # what the merge below gives (a new document)
            return
        self._merge_data({"categories": superdirs}, "file path")

    def _merge_data(self, other: dict[str, Any], source: str) -> None:
        """``Document#merge_data!``: categories are united (Ruby ``|``), the rest
        deep-merged, then the date parsed."""
        other = dict(other)
        cats = other.get("categories")
        if cats is not None:
            if isinstance(cats, str):
                cats = cats.split()
            if isinstance(self.data.get("categories"), list):
                cats = ruby_uniq([*self.data["categories"], *ruby_array(cats)])
            other["categories"] = cats
        self.data = deep_merge(self.data, other)
        if "date" in self.data and ("date" in other or self.data["date"] is not self._date):
            # (a date this method parsed and nothing replaced would parse to itself)
            self._date = self._parse_date(self.data["date"], source)
            self.data["date"] = self._date

    def _parse_date(self, value: object, source: str) -> dt.datetime:
        if isinstance(value, dt.datetime) and value.tzinfo is not None and source != "filename":
            return self.site.clock.local(value)
        try:
            return parse_date(value, self.site.clock)
        except ValueError as err:
            raise DocumentError(
                f"Document '{self.relative_path}' does not have a valid date in the {source}.",
                path=self.relative_path,
                hint="use YYYY-MM-DD (optionally with HH:MM:SS and a +HHMM offset)",
            ) from err

    def reload(self) -> None:
        """Forget everything read or computed, and read the file again (the preview
        server does this for a saved file; the object stays the one lists hold)."""
        site, path, collection = self.site, self.path, self.collection
        self.__dict__.clear()
        Document.__init__(self, site, path, collection)
        self.read()

    def _source_text(self) -> str:
        """The file's text (``jekpy.render_text`` supplies a string instead)."""
        return read_text(self.path, self.relative_path)

    def read(self) -> None:
        """Read front matter and body; fill title, slug, date, categories and tags."""
        defaults = self.site.frontmatter_defaults.all(self.relative_path, self.type)
        if defaults:
            self._merge_data(defaults, "front matter defaults")
        text = self._source_text()
        self.__dict__["_read_text"] = text  # what incremental.source_fingerprint hashes
        fm = parse_front_matter(
            text, self.relative_path, strict=self.site.strict_front_matter,
            store=self.site.read_store,
        )
        self.content = fm.body
        self.body_line = fm.body_line
        if fm.error is not None and not fm.has_front_matter:
            self.site.log.error(str(fm.error))  # read on as a file without front matter
        elif fm.error is not None:
            # Jekyll logs the error and stops reading (lib/jekyll/document.rb#read rescues
            # into #handle_read_error): the document is published with
            # only the defaults' data - no title, slug, tags, excerpt, or date from its
            # file name (so the build time is its date and the whole file name its slug).
            self.site.log.error(str(fm.error))
            self.site.log.warn(
                "Front matter:",
                f"{self.relative_path} is published without it (no title or excerpt, "
                "the build time as its date, its whole file name as its slug)",
            )
            return
        if fm.data:
            self._merge_data(fm.data, "YAML front matter")
        self._populate_title()
        self._populate_categories()
        self._populate_tags()
        if self.excerpt_separator and "excerpt" not in self.data:
            self.excerpt = Excerpt(self)

    def _populate_title(self) -> None:
        ext: str | None = None
        m = DATE_FILENAME_RE.match(self.relative_path)
        if m:
            date_text, slug, ext = m.groups()
            current = self.data.get("date")
            if current is None or int(current.timestamp()) == int(self.site.time.timestamp()):
                self._merge_data({"date": date_text}, "filename")
        else:
            m2 = DATELESS_FILENAME_RE.match(self.relative_path)
            if m2:
                slug, ext = m2.groups()
            else:
                slug = self.basename_without_ext
        slug = _strip_trailing_dots(slug)
        if self.data.get("title") is None:
            self.data["title"] = titleize_slug(slug)
        if self.data.get("slug") is None:
            self.data["slug"] = slug
        if self.data.get("ext") is None:
            self.data["ext"] = ext

    def _populate_categories(self) -> None:
        cats = ruby_array(self.data.get("categories")) + pluralized_array(
            self.data, "category", "categories"
        )
        flat = [ruby_to_s(c) for c in cats]
        self._merge_data({"categories": ruby_uniq(flat)}, "YAML front matter")

    def _populate_tags(self) -> None:
        tags = pluralized_array(self.data, "tag", "tags")
        self._merge_data({"tags": tags}, "YAML front matter")

    # -- attributes --------------------------------------------------------------
    @property
    def date(self) -> dt.datetime:
        value = self.data.get("date")
        if value is None:
            if self.is_draft:
                mtime = dt.datetime.fromtimestamp(self.path.stat().st_mtime, dt.timezone.utc)
                value = self.site.clock.local(mtime)
            else:
                value = self.site.time
            self.data["date"] = value
        assert isinstance(value, dt.datetime)
        return value

    @property
    def excerpt_separator(self) -> str:
        sep = self.data.get("excerpt_separator")
        if sep is None:
            sep = self.site.config.get("excerpt_separator")
        return "" if sep is None else str(sep)

    @property
    def published(self) -> bool:
        return self.data.get("published", True) is not False

    @property
    def cleaned_relative_path(self) -> str:
        rel = self.relative_path
        if self.extname:
            rel = rel[: -len(self.extname)]
        rel = rel.replace(self.collection.relative_directory, "", 1)
        return _strip_trailing_dots(rel)

    def url_placeholder(self, key: str) -> str | None:
        date = self.date
        slug_value = self.data.get("slug")
        fmt = _DATE_PLACEHOLDERS.get(key)
        if fmt is not None:
            field = _NUMERIC_DATE_FIELDS.get(key)
            if field is not None and date.year >= 1000:
                # what strftime writes for these (zero-padded numbers), without its cost
                return f"{getattr(date, field):02d}"
            return date.strftime(fmt)
        if key == "i_day":
            return str(date.day)
        if key == "i_month":
            return str(date.month)
        if key == "collection":
            return self.collection.label
        if key == "path":
            return self.cleaned_relative_path
        if key == "output_ext":
            return self.output_ext
        if key == "name":
            return slugify(self.basename_without_ext)
        if key == "title":
            return slugify(
                str(slug_value) if slug_value is not None else self.basename_without_ext,
                "pretty",
                cased=True,
            )
        if key == "slug":
            return slugify(str(slug_value) if slug_value is not None else self.basename_without_ext)
        if key == "categories":
            cats = [ruby_to_s(c).lower() for c in ruby_array(self.data.get("categories"))]
            return "/".join(dict.fromkeys(cats))
        if key == "slugified_categories":
            cats = [slugify(ruby_to_s(c)) or "" for c in ruby_array(self.data.get("categories"))]
            return "/".join(dict.fromkeys(cats))
        return None

    _PLACEHOLDERS = frozenset(
        (
            "year", "month", "day", "hour", "minute", "second", "i_day", "i_month",
            "short_month", "long_month", "short_year", "w_year", "week", "w_day",
            "short_day", "long_day", "y_day", "collection", "path", "output_ext", "name",
            "title", "slug", "categories", "slugified_categories",
        )
    )

    @property
    def url(self) -> str:
        if self._url is None:
            template = self.permalink or self.collection.url_template
            plan = url_plan(template, self._PLACEHOLDERS)
            self._url = sanitize_url(
                fill_url(plan, self.url_placeholder)
                if plan is not None
                else generate_url(
                    template,
                    self.url_placeholder,
                    self._PLACEHOLDERS.__contains__,
                    source=self.relative_path,
                )
            )
        return self._url

    @property
    def id(self) -> str:
        slug = self.data.get("slug")
        name = str(slug) if slug is not None else self.basename_without_ext
        return posix_join(posix_dirname(self.url), name)

    def destination(self, dest: Path) -> Path:
        url = self.url
        rel = unescape_path(url)
        if url.endswith("/"):
            rel = rel + "index.html"
        elif not rel.endswith(self.output_ext):
            rel = rel + self.output_ext
        return self.site.in_dest_dir(dest, rel)

    @property
    def write(self) -> bool:
        return self.collection.write and self.site.publisher.publish(self)

    def next_doc(self) -> Document | None:
        docs = self.collection.docs
        pos = self._position()
        return docs[pos + 1] if pos is not None and pos < len(docs) - 1 else None

    def previous_doc(self) -> Document | None:
        docs = self.collection.docs
        pos = self._position()
        return docs[pos - 1] if pos else None

    def _position(self) -> int | None:
        return self.collection.position(self)

    def sort_key(self) -> tuple[float, str]:
        key = self.__dict__.get("_sort_key")
        if key is None:  # the date is fixed once read (reload() forgets it)
            key = self.__dict__["_sort_key"] = (self.date.timestamp(), str(self.path))
        return key

    def __repr__(self) -> str:
        return f"<Document {self.relative_path} collection={self.collection.label}>"


class Excerpt(Convertible):
    """A document's excerpt: the text before ``excerpt_separator``, rendered on its own."""

    LIQUID_TAG_RE = re.compile(r"{%-?\s*(\w+)\s*.*?-?%}", re.S)
    LINK_REF_RE = re.compile(r"^ {0,3}(?:(\[[^\]]+\])(:.+))$", re.M)

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.site = doc.site
        self.extname = doc.extname
        self.relative_path = doc.relative_path + "/#excerpt"
        self.body_line = doc.body_line
        self.output = None
        self.data = {k: v for k, v in doc.data.items() if k not in ("layout", "excerpt")}
        self.content = self._extract(doc.content)

    def _extract(self, content: str) -> str:
        sep = self.doc.excerpt_separator
        head, found, tail = content.partition(sep)
        if not found or not tail:
            return head
        if "{%" in head:
            head = self._close_blocks(head)
        if "]:" not in tail:  # no link definitions to carry over
            return head
        defs = [
            m.group(1) + m.group(2)
            for m in self.LINK_REF_RE.finditer(tail)
            if m.group(1) in head
        ]
        if not defs:
            return head
        return head + "\n\n" + "\n".join(defs)

    def _close_blocks(self, head: str) -> str:
        blocks = self.site.liquid_block_tags
        modified = False
        for name in reversed(self.LIQUID_TAG_RE.findall(head)):
            if name not in blocks:
                continue
            if re.search(r"{%-?\s*end" + re.escape(name) + r".*?\s*-?%}", head, re.S):
                continue
            modified = True
            head += "\n{% end" + name + " %}"
        if modified:
            from ..liquid.ruby import inspect as ruby_inspect

            log = self.site.log
            log.warn("Warning:", f"Excerpt modified in {self.doc.relative_path}!")
            log.warn(
                "",
                "Found a Liquid block containing the excerpt separator "
                f"{ruby_inspect(self.doc.excerpt_separator)}.",
            )
            log.warn("", "The block has been modified with the appropriate closing tag.")
            log.warn("", "Feel free to define a custom excerpt or excerpt_separator in the")
            log.warn("", "document's Front Matter if the generated excerpt is unsatisfactory.")
        return head

    @property
    def url(self) -> str:
        return self.doc.url

    @property
    def place_in_layout(self) -> bool:
        return False

    def rendered(self) -> str:
        if self.output is None:
            self.output = self.site.render_excerpt(self)
        return self.output


class PageData(dict[str, Any]):
    """A page's front matter; a key it lacks falls back to the front matter
    defaults, as the ``default_proc`` Jekyll gives ``Page#data`` does.

    ``data[key]`` and ``data.get(key)`` fall back; ``key in data`` and
    ``dict.get(data, key)`` (Ruby's ``key?``/``fetch``) do not.
    """

    __slots__ = ("page",)

    def __init__(self, values: Mapping[str, Any] | None, page: Page) -> None:
        super().__init__(values or {})
        self.page = page

    def __missing__(self, key: str) -> Any:
        page = self.page
        return page.site.frontmatter_defaults.find(page.relative_path, "pages", key)

    def get(self, key: str, default: Any = None) -> Any:
        if key in self:
            return self[key]
        value = self.__missing__(key)
        return default if value is None else value


class Page(Convertible):
    """A file outside the special directories that has front matter."""

    @property
    def data(self) -> PageData:
        return self._data

    @data.setter
    def data(self, value: Mapping[str, Any]) -> None:
        self._data = value if isinstance(value, PageData) and value.page is self else PageData(value, self)

    def __init__(self, site: SiteContext, base: Path, dir_: str, name: str) -> None:
        self.site = site
        self.dir_ = dir_
        self.name = name
        self.path = base / dir_ / name if dir_ else base / name
        self.extname = os.path.splitext(name)[1]
        self.basename = _strip_trailing_dots(name[: len(name) - len(self.extname)])
        self.relative_path = posix_join(dir_, name).lstrip("/")
        self.data = {}
        self.content = ""
        self.body_line = 1
        self.output = None
        self._url: str | None = None
        self.pager: Any = None
        self.excerpt: str | None = None

    def reload(self) -> None:
        """Forget everything read or computed, and read the file again."""
        site, path, dir_, name = self.site, self.path, self.dir_, self.name
        base = path.parents[len(Path(dir_).parts)] if dir_ else path.parent
        self.__dict__.clear()
        Page.__init__(self, site, base, dir_, name)
        self.read()

    def _source_text(self) -> str:
        """The file's text (``jekpy.render_text`` supplies a string instead)."""
        return read_text(self.path, self.relative_path, kind="page")

    def read(self) -> None:
        text = self._source_text()
        self.__dict__["_read_text"] = text  # what incremental.source_fingerprint hashes
        fm = parse_front_matter(
            text, self.relative_path, strict=self.site.strict_front_matter,
            store=self.site.read_store,
        )
        if fm.error is not None:
            self.site.log.warn("Warning:", str(fm.error))
        self.content = fm.body
        self.body_line = fm.body_line
        self.data = fm.data
        if self.data.get("permalink") == "":
            raise DocumentError(
                "Invalid permalink: it is empty",
                path=self.relative_path,
                hint="remove the `permalink:` line or give it a value such as /about/",
            )
        if self.data.get("excerpt") is not None:
            # Page#excerpt: data["excerpt"].to_s (an array or hash prints as its inspect)
            self.excerpt = ruby_to_s(self.data["excerpt"])

    @property
    def defaults(self) -> dict[str, Any]:
        return self.site.frontmatter_defaults.all(self.relative_path, "pages")

    def merged_data(self) -> dict[str, Any]:
        return deep_merge(self.defaults, self.data)

    @property
    def published(self) -> bool:
        # Publisher#can_be_published? uses data.fetch: front matter defaults do
        # not unpublish a page.
        return dict.get(self.data, "published", True) is not False

    @property
    def html(self) -> bool:
        return self.output_ext in HTML_EXTENSIONS

    @property
    def index(self) -> bool:
        return self.basename == "index"

    @property
    def template(self) -> str:
        if not self.html:
            return "/:path/:basename:output_ext"
        if self.index:
            return "/:path/"
        return add_permalink_suffix("/:path/:basename", self.site.permalink_style)

    @property
    def permalink(self) -> str | None:
        value = self.data.get("permalink")
        return str(value) if value else None

    @property
    def url(self) -> str:
        if self._url is None:
            placeholders = {
                "path": self.dir_,
                "basename": self.basename,
                "output_ext": self.output_ext,
            }
            self._url = sanitize_url(
                generate_url_from_hash(self.permalink or self.template, placeholders)
            )
        return self._url

    @property
    def dir(self) -> str:
        url = self.url
        if url.endswith("/"):
            return url
        value = posix_dirname(url)
        return value if value.endswith("/") else value + "/"

    @property
    def page_path(self) -> str:
        value = self.data.get("path")
        return str(value) if value is not None else self.relative_path

    def destination(self, dest: Path) -> Path:
        url = self.url
        rel = unescape_path(url)
        if url.endswith("/"):
            rel = rel + "index"
        if not rel.endswith(self.output_ext):
            rel = rel + self.output_ext
        return self.site.in_dest_dir(dest, rel)

    @property
    def write(self) -> bool:
        return True

    def __repr__(self) -> str:
        return f"<Page {self.relative_path}>"


class SourceMapPage(Page):
    """The ``.css.map`` the Sass converter adds next to a compiled page
    (``Jekyll::SourceMapPage``: the CSS page's folder and front matter, no Liquid,
    no converter, no layout)."""

    def __init__(self, css_page: Page, source_map: str) -> None:
        super().__init__(css_page.site, css_page.path.parent, "", css_page.basename + ".css.map")
        self.dir_ = css_page.dir
        self.relative_path = posix_join(css_page.dir, self.name).lstrip("/")
        self.data = dict(css_page.data)
        self.content = source_map
        self.extname = ".map"

    def read(self) -> None:
        """Nothing to read."""

    @property
    def render_with_liquid(self) -> bool:
        return False

    @property
    def place_in_layout(self) -> bool:
        return False

    @property
    def converter_output_ext(self) -> str:
        return ".map"

    def __repr__(self) -> str:
        return f"<SourceMapPage {self.name}>"


class Layout:
    """A layout file from ``_layouts`` (or a theme)."""

    def __init__(self, site: SiteContext, base: Path, name: str, root: Path) -> None:
        self.site = site
        self.path = base / name
        self.name = name
        self.relative_path = "/" + self.path.relative_to(root).as_posix()
        self.extname = os.path.splitext(name)[1]
        text = read_text(self.path, self.display_path, kind="layout")
        fm = parse_front_matter(
            text, self.display_path, strict=site.strict_front_matter, store=site.read_store
        )
        if fm.error is not None:
            site.log.warn("Warning:", str(fm.error))
        self.data: dict[str, Any] = fm.data
        self.content = fm.body
        self.body_line = fm.body_line

    @property
    def display_path(self) -> str:
        try:
            return self.path.relative_to(self.site.source).as_posix()
        except ValueError:
            return str(self.path)


class StaticFile:
    """A file copied to the destination as it is."""

    def __init__(
        self,
        site: SiteContext,
        base: Path,
        dir_: str,
        name: str,
        collection: Collection | None = None,
    ) -> None:
        self.site = site
        self.dir_ = dir_
        self.name = name
        self.collection = collection
        # File.join(dir, name) (lib/jekyll/static_file.rb#initialize): the reader's dirs
        # start with "/" ("/about"), so a
        # site file's relative_path does too; a collection's ("_docs/x") does not.
        if collection is None:
            self.relative_path = "/" + posix_join(dir_, name).lstrip("/")
        else:
            self.relative_path = posix_join(dir_, name)
        self.extname = os.path.splitext(name)[1]
        if collection is not None and site.collections_dir:
            self.path = base / site.collections_dir / dir_ / name
        else:
            self.path = base / dir_ / name if dir_ else base / name
        self.basename = _strip_trailing_dots(name[: len(name) - len(self.extname)])

    @property
    def cleaned_relative_path(self) -> str:
        rel = self.relative_path
        if self.extname:
            rel = rel[: -len(self.extname)]
        rel = _strip_trailing_dots(rel)
        if self.collection is not None:
            rel = rel.replace(self.collection.relative_directory, "", 1)
        return rel

    @property
    def url(self) -> str:
        if self.collection is None:
            base = self.cleaned_relative_path
        else:
            placeholders: dict[str, str | None] = {
                "collection": self.collection.label,
                "path": self.cleaned_relative_path,
                "output_ext": "",
                "name": self.basename,
                "title": "",
            }
            base = sanitize_url(
                generate_url_from_hash(self.collection.url_template, placeholders)
            )
        if base.endswith("/"):
            base = base[:-1]
        return base + self.extname

    @property
    def type(self) -> str | None:
        return self.collection.label if self.collection else None

    @property
    def data(self) -> dict[str, Any]:
        return self.site.frontmatter_defaults.all(self.relative_path, self.type)

    @property
    def write(self) -> bool:
        publishable = self.site.frontmatter_defaults.all(self.url, self.type).get("published", True)
        if self.collection is None:
            return publishable is not False
        return publishable is not False and self.collection.write

    def destination(self, dest: Path) -> Path:
        return self.site.in_dest_dir(dest, unescape_path(self.url))

    @property
    def modified_time(self) -> dt.datetime:
        mtime = dt.datetime.fromtimestamp(self.path.stat().st_mtime, dt.timezone.utc)
        return self.site.clock.local(mtime)

    def __repr__(self) -> str:
        return f"<StaticFile {self.relative_path}>"


def _as_list(value: object) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, list):
        return list(value)
    return [value]


def ruby_to_s(value: object) -> str:
    """Ruby's ``to_s`` (arrays and hashes print as their ``inspect``); Liquid's
    Ruby-semantics module is imported on first use only (start-up time)."""
    from ..liquid.ruby import to_s

    return to_s(value)


def posix_join(*parts: str) -> str:
    """``File.join``: join with single slashes."""
    joined = "/".join(p for p in parts if p is not None)
    return re.sub(r"/+", "/", joined)


def posix_dirname(path: str) -> str:
    """``File.dirname`` for URL paths."""
    if "/" not in path:
        return "."
    head = path.rstrip("/").rsplit("/", 1)[0]
    return head or "/"
