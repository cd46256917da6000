"""The public entry points: :func:`render_post`, :func:`render_text`, :func:`build`
(keyword arguments) and :func:`run_build` (a :class:`~jekpy.options.BuildOptions`,
what ``jekpy build`` and ``jekpy serve`` call)."""

from __future__ import annotations

import os
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .builder.site import Site
from .content.models import Collection, Document, Layout, Page
from .errors import JekpyError, NotPublishedError, SourceNotFoundError
from .log import Logger, library_logger
from .options import BuildOptions

if TYPE_CHECKING:
    from .builder.incremental import IncrementalState

__all__ = ["BuildOptions", "build", "find_source", "render_post", "render_text", "run_build"]


def find_source(path: Path) -> Path:
    """The site folder a file belongs to.

    The nearest folder above ``path`` that has a ``_config.yml``/``.yaml``/``.toml``;
    else the folder holding its ``_posts``/``_drafts``; else the file's folder.
    """
    return find_site(path) or lone_base(path)


def find_site(path: Path) -> Path | None:
    """The nearest folder above ``path`` with a ``_config.yml``/``.yaml``/``.toml``."""
    for parent in path.resolve().parents:
        if any((parent / f"_config.{ext}").exists() for ext in ("yml", "yaml", "toml")):
            return parent
    return None


def lone_base(path: Path) -> Path:
    """Where a file outside any site takes ``_layouts/`` and ``_includes/`` from: the
    folder holding its ``_posts``/``_drafts`` folder, else the file's own folder."""
    path = path.resolve()
    for parent in path.parents:
        if parent.name in ("_posts", "_drafts"):
            return parent.parent
    return path.parent


def render_post(  # noqa: PLR0913 - the public keyword API, one keyword per build flag
    path: str | os.PathLike[str],
    *,
    source: str | os.PathLike[str] | None = None,
    config: Sequence[str | os.PathLike[str]] | str | None = None,
    drafts: bool = False,
    unpublished: bool = False,
    future: bool = False,
    content_only: bool = False,
    overrides: Mapping[str, Any] | None = None,
    log: Logger | None = None,
    quiet: bool = False,
) -> str:
    """Render one post (or page) of a site and return the finished HTML.

    Args:
        path: The Markdown or HTML file to render.
        source: The site folder.  When omitted: the nearest folder above ``path`` with a
            ``_config.yml`` (the whole site is read); with none, ``path`` is rendered on
            its own, reading only it and the layouts and includes it uses (from
            :func:`lone_base`), as docs/usage.md describes.
        config: Configuration files to use instead of the site's ``_config.yml``.
        drafts: Render files in ``_drafts`` (``--drafts``).
        unpublished: Render files with ``published: false`` (``--unpublished``).
        future: Render posts dated in the future (``--future``).
        content_only: Return the converted body without layouts.
        overrides: Extra configuration keys, applied last.
        log: Where messages go (by default the ``logging`` logger ``"jekpy"``).
        quiet: Drop warnings (keep errors) when ``log`` is not given.

    Raises:
        NotPublishedError: the publishing rules hide the file; the message names the
            rule and the flag that shows it.
        JekpyError: any other problem with the site or the file.
    """
    file = Path(path).resolve()
    if not file.is_file():
        raise JekpyError("no such file", path=str(path), hint="check the path of the post")
    src = Path(source).resolve() if source is not None else find_site(file)
    lone = src is None
    extra = dict(overrides or {})
    if lone:
        extra.setdefault("disable_disk_cache", True)  # no .jekyll-cache/ in a folder that is no site
    options = BuildOptions.make(
        src or lone_base(file), config=config, overrides=extra, drafts=drafts,
        unpublished=unpublished, future=future,
    )
    site = Site(options.load_config(), log=log or library_logger(quiet))
    if lone:
        return _render_lone(site, file, content_only)
    site.read()
    item = _find_item(site, file)
    if item is None:
        item = _hidden_item(site, file)
        reason = site.publisher.unpublished_reason(item) if item is not None else None
        if reason is not None:
            raise NotPublishedError(reason, path=_display(site, file))
        item = _standalone(site, file)
    site.render(only=[item])
    if content_only:
        return item.content
    return item.output or ""


def _render_lone(site: Site, file: Path, content_only: bool) -> str:
    """Render a file that belongs to no site (no ``_config.yml`` above it, no
    ``--source``): read that file and the layouts it names, nothing else; includes
    come from ``_includes/`` of :func:`lone_base` as the file uses them."""
    parts = file.relative_to(site.source).parts
    item: Document | Page
    if site.posts_dir in parts or site.drafts_dir in parts:
        item = Document(site, file, site.posts)
        item.is_draft = site.drafts_dir in parts
        item.read()
    else:
        rel_dir = file.parent.relative_to(site.source).as_posix()
        item = Page(site, site.source, "" if rel_dir == "." else rel_dir, file.name)
        item.read()
    reason = site.publisher.unpublished_reason(item)
    if reason is not None:
        raise NotPublishedError(reason, path=_display(site, file))
    if isinstance(item, Document):
        site.posts.docs.append(item)
    site.layouts = _needed_layouts(site, item.data.get("layout"))
    site.render(only=[item])
    if content_only:
        return item.content
    return item.output or ""


def _glob_escape(name: str) -> str:
    """``glob.escape`` for a file name (without importing ``glob``)."""
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)


def _needed_layouts(site: Site, name: object) -> dict[str, Layout]:
    """The chain of layouts ``name`` starts, read from the site's ``_layouts/`` only."""
    folder = site.in_source_dir(str(site.config.get("layouts_dir") or "_layouts"))
    layouts: dict[str, Layout] = {}
    while isinstance(name, str) and name and name not in layouts and folder.is_dir():
        found = sorted(
            p for p in folder.glob(_glob_escape(name) + ".*")
            if p.is_file() and p.name.rsplit(".", 1)[0] == name.rsplit("/", 1)[-1]
            and _inside(p.resolve(), folder.resolve())
        )
        if not found:
            break
        rel = found[0].relative_to(folder).as_posix()
        layouts[name] = Layout(site, folder, rel, site.source)
        name = layouts[name].data.get("layout")
    return layouts


def _display(site: Site, file: Path) -> str:
    try:
        return file.relative_to(site.source).as_posix()
    except ValueError:
        return str(file)


def _find_item(site: Site, file: Path) -> Document | Page | None:
    for doc in site.documents():
        if isinstance(doc, Document) and doc.path.resolve() == file:
            return doc
    for page in site.pages:
        if page.path.resolve() == file:
            return page
    return None


def _hidden_item(site: Site, file: Path) -> Document | Page | None:
    """Read ``file`` the way the site would, even though the reader dropped it."""
    try:
        rel = file.relative_to(site.source / site.collections_dir).as_posix()
    except ValueError:
        return None
    parts = rel.split("/")
    if site.posts_dir in parts or site.drafts_dir in parts:
        doc = Document(site, file, site.posts)
        if site.drafts_dir in parts:
            doc.is_draft = True
        doc.read()
        return doc
    try:
        rel_src = file.relative_to(site.source).as_posix()
    except ValueError:
        return None
    rel_dir, _, name = rel_src.rpartition("/")
    page = Page(site, site.source, rel_dir, name)
    page.read()
    return page


def _standalone(site: Site, file: Path) -> Document:
    """A file the reader skipped (e.g. an undated name): render it as a lone post."""
    if not _inside(file, site.source / site.collections_dir):
        raise JekpyError(
            "the file is outside the site folder",
            path=str(file),
            hint="pass --source with the folder of the site the post belongs to",
        )
    collection = Collection(site, "posts")
    doc = Document(site, file, collection)
    doc.read()
    collection.docs.append(doc)
    return doc


def _inside(file: Path, root: Path) -> bool:
    try:
        file.relative_to(root)
    except ValueError:
        return False
    return True


def build(  # noqa: PLR0913 - the public keyword API, one keyword per build flag
    source: str | os.PathLike[str] = ".",
    destination: str | os.PathLike[str] | None = None,
    *,
    config: Sequence[str | os.PathLike[str]] | str | None = None,
    drafts: bool = False,
    unpublished: bool = False,
    future: bool = False,
    overrides: Mapping[str, Any] | None = None,
    log: Logger | None = None,
    previous: IncrementalState | None = None,
    quiet: bool = False,
) -> Site:
    """Build the site in ``source`` into ``destination`` (default ``<source>/_site``).

    Every page is rendered before anything is written, and each file is written
    atomically, so a build that fails leaves the previous output as it was.

    ``previous`` is ``site.incremental_state`` of an earlier build of the same site:
    only what changed since then is rendered again (the preview server does this).

    Messages go to ``log``, by default to the ``logging`` logger ``"jekpy"``
    (``quiet=True`` keeps only errors).

    Returns:
        The built :class:`Site` (its documents hold their rendered output).

    Raises:
        SourceNotFoundError: ``source`` is not a folder.
        JekpyError: the configuration or a file is invalid; nothing was written.
    """
    options = BuildOptions.make(
        source, destination, config=config, overrides=overrides, drafts=drafts,
        unpublished=unpublished, future=future,
    )
    return run_build(options, log=log or library_logger(quiet), previous=previous)


def run_build(
    options: BuildOptions,
    *,
    log: Logger | None = None,
    previous: IncrementalState | None = None,
    announce: bool = False,
) -> Site:
    """Build the site ``options`` describe: :func:`build` with the options in one object.

    ``announce``: log Jekyll's progress lines (the configuration files, source,
    destination, ``Generating...``, ``done in``), as ``jekyll build`` prints them.

    Raises:
        SourceNotFoundError: the source is not a folder.
        JekpyError: the configuration or a file is invalid; nothing was written.
    """
    log = log or library_logger()
    check_source(options.source if options.source is not None else ".")
    cfg = options.load_config()
    if announce:
        for f in cfg["config_files"]:
            log.info("Configuration file:", f)
        if not cfg["config_files"]:
            log.warn("Configuration file:", "none")
    site = Site(cfg, log=log)
    site.incremental_state = previous
    started = time.perf_counter()
    if announce:
        log.info("Source:", str(site.source))
        log.info("Destination:", str(site.dest))
        log.info(
            "Incremental build:",
            "enabled" if cfg.get("incremental") else "disabled. Enable with --incremental",
        )
        log.info("Generating...")
    try:
        site.process()
    except BaseException:
        from .builder.writer import set_staging

        set_staging(site, None)  # documents written ahead by the workers: removed now
        raise
    site.build_seconds = time.perf_counter() - started
    if announce:
        log.info("", f"done in {round(time.perf_counter() - started, 3)} seconds.")
    return site


def check_source(source: str | os.PathLike[str]) -> Path:
    """``source`` as a Path, or :class:`SourceNotFoundError` when it is not a folder."""
    path = Path(source)
    if not path.is_dir():
        what = "is not a folder" if path.exists() else "does not exist"
        raise SourceNotFoundError(
            f"the site folder {os.fspath(source)} {what}",
            path=os.fspath(source),
            hint="pass the folder that holds the site's _config.yml (or its pages)",
        )
    return path


def render_text(  # noqa: PLR0913 - the public keyword API, one keyword per build flag
    text: str,
    *,
    site: str | os.PathLike[str] | None = None,
    path: str = "page.md",
    config: Sequence[str | os.PathLike[str]] | str | None = None,
    overrides: Mapping[str, Any] | None = None,
    content_only: bool = False,
    drafts: bool = False,
    unpublished: bool = False,
    future: bool = False,
    log: Logger | None = None,
    quiet: bool = False,
) -> str:
    """Render ``text`` (optional front matter + body) as if it were the file ``path``.

    Args:
        text: The file's content: ``---`` front matter (optional), then Markdown,
            HTML or anything Jekyll renders.
        site: A site folder whose configuration, layouts, includes, data and posts
            the text can use; without it, an empty site with Jekyll's defaults.
            Nothing is written to it.
        path: Where the text would live in the site: its extension picks the
            converter (``.md`` Markdown, ``.html`` none) and it decides the URL and
            front matter defaults; a path under ``_posts/`` makes it a post
            (``_posts/2024-01-31-title.md``).
        config, overrides, drafts, unpublished, future: as for :func:`build`.
        content_only: Return the converted body without layouts.
        log, quiet: as for :func:`build`.

    Returns:
        The rendered page.

    Raises:
        SourceNotFoundError: ``site`` is not a folder.
        JekpyError: the text or the site is invalid (the message names ``path``).
    """
    rel = path.replace("\\", "/").lstrip("/")
    if not rel or rel.endswith("/") or ".." in rel.split("/"):
        raise JekpyError(
            f"render_text: path {path!r} is not a file path inside a site",
            hint="pass a relative path such as 'page.md' or '_posts/2024-01-31-title.md'",
        )
    def options(source: Path) -> BuildOptions:
        return BuildOptions.make(
            source, config=config, overrides=overrides, drafts=drafts,
            unpublished=unpublished, future=future,
        )

    if site is None:
        import tempfile

        with tempfile.TemporaryDirectory(prefix="jekpy-text-") as tmp:
            return _render_text_in(
                text, options(Path(tmp)), rel, content_only, log or library_logger(quiet)
            )
    source = check_source(site).resolve()
    return _render_text_in(text, options(source), rel, content_only, log or library_logger(quiet))


def _render_text_in(
    text: str, options: BuildOptions, rel: str, content_only: bool, log: Logger
) -> str:
    site = Site(options.load_config(), log=log)
    site.read()
    parts = rel.split("/")
    item: Document | Page
    if site.posts_dir in parts or site.drafts_dir in parts:
        item = _TextDocument(site, site.source / rel, site.posts, text)
        item.read()
        site.posts.docs.append(item)
    else:
        rel_dir, _, name = rel.rpartition("/")
        item = _TextPage(site, site.source, rel_dir, name, text)
        item.read()
    site.render(only=[item])
    if content_only:
        return item.content
    return item.output or ""


class _TextPage(Page):
    """A page whose text comes from a string, not from a file."""

    def __init__(self, site: Site, base: Path, dir_: str, name: str, text: str) -> None:
        super().__init__(site, base, dir_, name)
        self._text = text

    def _source_text(self) -> str:
        return self._text.removeprefix("\ufeff")


class _TextDocument(Document):
    """A post whose text comes from a string, not from a file."""

    def __init__(self, site: Site, path: Path, collection: Collection, text: str) -> None:
        super().__init__(site, path, collection)
        self._text = text

    def _source_text(self) -> str:
        return self._text.removeprefix("\ufeff")
