"""Site-management commands: ``jekpy new``, ``clean``, ``doctor`` and ``theme install``.

``cli.py`` registers them with :func:`register`.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..errors import JekpyError
from ..log import Logger

if TYPE_CHECKING:
    from ..builder.site import Site

__all__ = ["register"]


def _fail(err: JekpyError, trace: bool) -> None:
    if trace:
        raise err
    click.echo(str(err), err=True)
    sys.exit(1)


def _split(config: str | None) -> list[str] | None:
    if not config:
        return None
    return [c.strip() for c in config.split(",") if c.strip()]


# -- new ------------------------------------------------------------------------------
@click.command("new")
@click.argument("path", type=click.Path())
@click.option("--blank", is_flag=True, help="Only the folder structure and one layout.")
@click.option("--force", is_flag=True, help="Write into PATH even when it is not empty.")
@click.option("--skip-bundle", is_flag=True, hidden=True, help="Accepted for Jekyll's sake.")
@click.option("-t", "--trace", is_flag=True, help="Show the full traceback on error.")
def new(path: str, blank: bool, force: bool, skip_bundle: bool, trace: bool) -> None:
    """Create a new site in PATH (like ``jekyll new``); it builds offline, no theme needed."""
    from .scaffold import new_site

    del skip_bundle
    try:
        new_site(path, blank=blank, force=force)
    except JekpyError as err:
        _fail(err, trace)
    where = Path(path).expanduser().absolute()
    kind = "blank site" if blank else "site"
    click.echo(f"New jekpy {kind} installed in {where}.")
    if not blank:
        click.echo(f"Next: cd {path} && jekpy serve")


# -- clean ----------------------------------------------------------------------------
def _remove(path: Path, log: Logger, *, directory: bool) -> None:
    ok = path.is_dir() if directory else path.is_file()
    if ok and not path.is_symlink():
        log.info("Cleaner:", f"Removing {path}...")
        if directory:
            shutil.rmtree(path)
        else:
            path.unlink()
    elif path.is_symlink():
        log.info("Cleaner:", f"Removing {path}...")
        path.unlink()
    else:
        log.info("Cleaner:", f"Nothing to do for {path}.")


@click.command("clean")
@click.option("-s", "--source", type=click.Path(file_okay=False), default=None)
@click.option("-d", "--destination", type=click.Path(file_okay=False), default=None)
@click.option("--config", "config", default=None, help="Custom configuration file(s).")
@click.option("-q", "--quiet", is_flag=True, help="Silence output.")
@click.option("-t", "--trace", is_flag=True, help="Show the full traceback on error.")
def clean(source: str | None, destination: str | None, config: str | None, quiet: bool,
          trace: bool) -> None:
    """Remove the built site, .jekyll-metadata and the caches (like ``jekyll clean``)."""
    from ..config import load_config

    log = Logger(level="error" if quiet else "info")
    try:
        cfg = load_config(source, config=_split(config),
                          overrides={"destination": destination}, cwd=os.getcwd())
    except JekpyError as err:
        _fail(err, trace)
        return
    src = Path(cfg["source"])
    dest = Path(cfg["destination"])
    if dest == src or dest in src.parents:
        log.error("Cleaner:", f"refusing to remove {dest}: it holds the source folder")
        sys.exit(1)
    _remove(dest, log, directory=True)
    _remove(src / ".jekyll-metadata", log, directory=False)
    _remove(src / str(cfg.get("cache_dir") or ".jekyll-cache"), log, directory=True)
    # Jekyll removes ".sass-cache" relative to the working folder
    # (lib/jekyll/commands/clean.rb#process)
    _remove(Path(".sass-cache"), log, directory=True)


# -- doctor ---------------------------------------------------------------------------
def _conflicting_urls(site: Site) -> bool:
    from ..builder.writer import Writer, _source_of, is_redirect_page

    found = False
    for dest, items in Writer(site).destination_map().items():
        # jekyll-redirect-from's pages may share a destination
        # (lib/jekyll/commands/doctor.rb#allow_used_permalink?)
        kept = [i for i in items if not is_redirect_page(i)]
        if len(kept) < 2:
            continue
        found = True
        site.log.warn("Conflict:", "The following destination is shared by multiple files.")
        site.log.warn("", "The written file may end up with unexpected contents.")
        site.log.warn("", str(dest))
        for item in kept:
            site.log.warn("", f" - {_source_of(item)}")
        site.log.warn("")
    return found


def _urls_only_differ_by_case(site: Site) -> bool:
    from ..content.models import Document

    by_lower: dict[str, list[str]] = {}
    things: list[Any] = list(site.pages)
    things += [d for d in site.documents() if isinstance(d, Document) and d.write]
    for thing in things:
        dest = str(thing.destination(site.dest))
        by_lower.setdefault(dest.lower(), []).append(dest)
    found = False
    for real in by_lower.values():
        if len(set(real)) > 1:
            found = True
            site.log.warn(
                "Warning:",
                "The following URLs only differ by case. On a case-insensitive file system one "
                "of the URLs will be overwritten by the other: " + ", ".join(real),
            )
    return found


def _proper_site_url(site: Site) -> bool:
    from urllib.parse import urlsplit

    url = site.config.get("url")
    ok = True
    if url is None or url == "":
        site.log.warn("Warning:", "You didn't set an URL in the config file, you may encounter "
                      "problems with some plugins.")
        ok = False
    if url is not None and not isinstance(url, str):
        site.log.warn("Warning:", "The site URL does not seem to be valid, check the value of "
                      "`url` in your config file.")
        return False
    try:
        absolute = isinstance(url, str) and bool(urlsplit(url).scheme)
    except ValueError:
        site.log.warn("Warning:", "The site URL does not seem to be valid, check the value of "
                      "`url` in your config file.")
        return False
    if not absolute:
        site.log.warn("Warning:", "Your site URL does not seem to be absolute, check the value "
                      "of `url` in your config file.")
        ok = False
    return ok


def _posts_gathered(site: Site) -> bool:
    collections_dir = str(site.config.get("collections_dir") or "")
    if not collections_dir:
        return True
    at_root = site.source / "_posts"
    if not at_root.is_dir():
        return True
    site.log.warn("Warning:", "Detected '_posts' directory outside custom `collections_dir`!")
    site.log.warn("", f"Please move '{at_root}' into the custom directory at "
                  f"'{site.source / collections_dir}'")
    return False


def _deprecated_config(site: Site) -> bool:
    """Outdated settings.  Only ``relative_permalinks`` fails the check (as in
    ``jekyll doctor``); the others are reported as warnings."""
    cfg = site.config
    failed = False
    if cfg.get("relative_permalinks"):
        site.log.warn("Deprecation:", "Your site still uses relative permalinks, which was "
                      "removed in Jekyll v3.0.0.")
        failed = True
    # The pagination deprecation is printed when the plugins load (plugins.registry).
    ignored = {
        "gems": "`plugins:`",
        "pygments": "`highlighter: rouge`",
        "auto": "`jekpy build --watch` or `jekpy serve`",
        "server": "`jekpy serve`",
        "data_source": "`data_dir:`",
    }
    for key, instead in ignored.items():
        if key in cfg:
            site.log.warn("Deprecation:", f"The '{key}' setting is ignored by Jekyll 4 and "
                          f"jekpy; use {instead} instead.")
    for scope in cfg.get("defaults") or []:
        kind = (scope.get("scope") or {}).get("type") if isinstance(scope, dict) else None
        if kind in ("page", "post", "draft"):
            site.log.warn("Defaults:", f"The '{kind}' type has become '{kind}s'.")
    return failed


@click.command("doctor")
@click.option("-s", "--source", type=click.Path(file_okay=False), default=None)
@click.option("--config", "config", default=None, help="Custom configuration file(s).")
@click.option("-t", "--trace", is_flag=True, help="Show the full traceback on error.")
def doctor(source: str | None, config: str | None, trace: bool) -> None:
    """Check the site for URL conflicts and outdated settings (like ``jekyll doctor``).

    Exit status 1 when a check fails.
    """
    from ..builder.site import Site
    from ..config import load_config

    log = Logger()
    try:
        cfg = load_config(source, config=_split(config), cwd=os.getcwd())
        for f in cfg["config_files"]:
            log.info("Configuration file:", f)
        site = Site(cfg, log=log)
        site.reset()
        site.read()
        site.generate()
    except JekpyError as err:
        _fail(err, trace)
        return
    healthy = all(
        [
            not _deprecated_config(site),
            not _conflicting_urls(site),
            not _urls_only_differ_by_case(site),
            _proper_site_url(site),
            _posts_gathered(site),
        ]
    )
    if healthy:
        log.info("Your test results", "are in. Everything looks fine.")
    else:
        sys.exit(1)


# -- theme ----------------------------------------------------------------------------
@click.group("theme")
def theme() -> None:
    """Install gem-based themes and show where they are found (no Ruby needed)."""


@theme.command("install")
@click.argument("name")
@click.option("--version", "version", default=None, help="Exact version (default: newest release).")
@click.option("--force", is_flag=True, help="Download again even when installed.")
@click.option("-t", "--trace", is_flag=True, help="Show the full traceback on error.")
def theme_install(name: str, version: str | None, force: bool, trace: bool) -> None:
    """Download theme gem NAME from RubyGems.org into jekpy's cache."""
    from ..support.theme_fetch import install_gem

    log = Logger()
    try:
        gem = install_gem(name, version, log=log, force=force)
    except JekpyError as err:
        _fail(err, trace)
        return
    click.echo(f"{gem.name} {gem.version}: {gem.root}")


@theme.command("path")
@click.argument("name")
@click.option("-s", "--source", type=click.Path(file_okay=False), default=".")
@click.option("-t", "--trace", is_flag=True, help="Show the full traceback on error.")
def theme_path(name: str, source: str, trace: bool) -> None:
    """Print the folder theme NAME is used from (as a build in SOURCE would choose it)."""
    from ..support.themes import find_theme_gem

    try:
        gem = find_theme_gem(name, Logger(level="error"), Path(source).resolve())
    except JekpyError as err:
        _fail(err, trace)
        return
    if gem is not None:
        click.echo(str(gem.root))


def register(group: click.Group) -> None:
    """Add ``new``, ``clean``, ``doctor`` and ``theme`` to the ``jekpy`` command."""
    for command in (new, clean, doctor, theme):
        group.add_command(command)
