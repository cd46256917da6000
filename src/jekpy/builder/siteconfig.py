"""The parts of a site's configuration read when the site is made: its theme (and
the theme's ``_config.yml``), ``site.time`` and the cache folders
(``Site#initialize``/``#configure_*``, ``lib/jekyll/site.rb``)."""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..config import OVERRIDE, key_location
from ..errors import ConfigError
from ..log import Logger
from ..support.cache import code_fingerprint, package_root
from ..support.dates import SiteClock
from ..support.themes import ThemeGem, find_theme_gem
from ..support.timeparse import parse_date
from ..support.utils import deep_merge, sanitized_path

__all__ = [
    "disk_cache_dir",
    "find_theme",
    "markdown_extensions",
    "merge_theme_configuration",
    "setup_cache_dir",
    "site_time",
]


def markdown_extensions(config: Mapping[str, Any]) -> frozenset[str]:
    """``markdown_ext:`` as a set of lower-case extensions with their dot."""
    exts = str(config.get("markdown_ext") or "")
    return frozenset("." + e.strip().lower() for e in exts.split(",") if e.strip())


def site_time(config: Mapping[str, Any], origins: Mapping[str, str], clock: SiteClock) -> dt.datetime:
    """``site.time``: ``time:`` from the configuration, else ``$JEKPY_SITE_TIME``,
    else now (in the site's zone)."""
    value = config.get("time")
    origin = origins.get("time") or "_config.yml"
    if not value:
        value, origin = os.environ.get("JEKPY_SITE_TIME"), "$JEKPY_SITE_TIME"
    if value:
        try:
            return parse_date(value, clock)
        except ValueError as err:
            if origin == "$JEKPY_SITE_TIME":
                where, hint = "the environment variable JEKPY_SITE_TIME", (
                    "set JEKPY_SITE_TIME='2024-01-31 12:00:00 +0000' or unset it")
            else:
                where, hint = origin, "write `time: 2024-01-31 12:00:00 +0000`"
            is_file = origin not in (OVERRIDE, "$JEKPY_SITE_TIME")
            found = key_location(origin, "time") if is_file else None
            raise ConfigError(
                f"Invalid time '{value}' in {Path(where).name if is_file else where}",
                path=origin if is_file else None,
                line=found[0] if found else None,
                source_line=found[1] if found else None,
                hint=hint,
            ) from err
    return clock.now()


def find_theme(config: dict[str, Any], log: Logger, source: Path) -> tuple[ThemeGem | None, bool]:
    """``theme:`` (a gem, see themes.py) or, without it, ``remote_theme:`` (a GitHub
    archive cached by theme_fetch.py, as jekyll-remote-theme downloads it); and
    whether it is the remote one (then ``config['theme']`` is set to its name)."""
    remote = config.get("remote_theme")
    if remote is None:
        return find_theme_gem(config.get("theme"), log, source), False
    # jekyll-remote-theme replaces any `theme:` when the site is reset
    from ..support.theme_fetch import remote_theme_gem

    plugins = config.get("plugins")
    if "jekyll-remote-theme" not in (plugins if isinstance(plugins, list) else [plugins]):
        log.debug(
            "Remote Theme:",
            "jekyll-remote-theme is not in `plugins:`; jekpy uses remote_theme anyway, "
            "as GitHub Pages does",
        )
    gem = remote_theme_gem(remote, log=log)
    config["theme"] = gem.name
    return gem, True


def merge_theme_configuration(
    config: dict[str, Any], theme_dir: Path | None, log: Logger
) -> dict[str, Any]:
    """``Site#load_theme_configuration``: the theme's ``_config.yml`` under the
    site's (the site's values win; ``ignore_theme_config: true`` skips it)."""
    if theme_dir is None or config.get("ignore_theme_config") is True:
        return config
    path = theme_dir / "_config.yml"
    if not path.is_file() or path.is_symlink():
        return config
    import yaml

    from ..config import DEFAULTS
    from ..support.yamlload import load_yaml

    try:
        theme_config = load_yaml(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        log.warn("Theme Config file:", f"could not read {path}: {err}")
        return config
    if not isinstance(theme_config, dict):
        return config
    log.info("Theme Config file:", str(path))
    theme_config.pop("theme", None)
    return deep_merge(deep_merge(DEFAULTS, theme_config), config)


def _cache_root(config: Mapping[str, Any], source: Path) -> Path | None:
    if config.get("safe") or config.get("disable_disk_cache"):
        return None
    return sanitized_path(source, str(config.get("cache_dir") or ".jekyll-cache"))


def disk_cache_dir(config: Mapping[str, Any], source: Path) -> Path | None:
    """Where jekpy keeps its conversion cache (None: memory only)."""
    root = _cache_root(config, source)
    return sanitized_path(root, "Jekpy") if root is not None else None


def setup_cache_dir(config: Mapping[str, Any], source: Path, log: Logger) -> None:
    """``Site#configure_cache``: the disk cache folder with its ``.gitignore``
    (not in safe mode or with ``disable_disk_cache``)."""
    cache_dir = _cache_root(config, source)
    if cache_dir is None:
        return
    try:
        (cache_dir / "Jekyll" / "Cache" / "Jekyll--Cache").mkdir(parents=True, exist_ok=True)
        gitignore = cache_dir / ".gitignore"
        if not gitignore.exists():
            gitignore.write_bytes(b"# ignore everything in this directory\n*\n")
    except OSError as err:
        log.warn("Cache:", f"could not create {cache_dir}: {err.strerror or err}")


@functools.lru_cache(maxsize=1)
def site_code() -> str:
    """Fingerprint of all of jekpy's code (invalidates cached conversions and renders)."""
    return code_fingerprint([package_root()])
