"""Site configuration: Jekyll's defaults, ``_config.yml`` and command-line overrides."""

from __future__ import annotations

import copy
import os
import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError
from .markdown import JEKYLL_KRAMDOWN_DEFAULTS
from .support.yamlload import load_yaml, symbol_warning, yaml_error

__all__ = ["DEFAULTS", "STYLE_TO_PERMALINK", "load_config", "permalink_template"]

# Jekyll: configuration.rb#DEFAULTS (serving and reading keys included).
DEFAULTS: dict[str, Any] = {
    "source": ".",
    "destination": "_site",
    "collections_dir": "",
    "cache_dir": ".jekyll-cache",
    "plugins_dir": "_plugins",
    "layouts_dir": "_layouts",
    "data_dir": "_data",
    "includes_dir": "_includes",
    "collections": {},
    "safe": False,
    "include": [".htaccess"],
    "exclude": [],
    "keep_files": [".git", ".svn"],
    "encoding": "utf-8",
    "markdown_ext": "markdown,mkdown,mkdn,mkd,md",
    "strict_front_matter": False,
    "show_drafts": None,
    "limit_posts": 0,
    "future": False,
    "unpublished": False,
    "whitelist": [],
    "plugins": [],
    "markdown": "kramdown",
    "highlighter": "rouge",
    "lsi": False,
    "excerpt_separator": "\n\n",
    "incremental": False,
    "detach": False,
    "port": "4000",
    "host": "127.0.0.1",
    "baseurl": None,
    "show_dir_listing": False,
    "permalink": "date",
    "paginate_path": "/page:num",
    "timezone": None,
    "quiet": False,
    "verbose": False,
    "defaults": [],
    "liquid": {"error_mode": "warn", "strict_filters": False, "strict_variables": False},
    "kramdown": {
        "auto_ids": True,
        "toc_levels": [1, 2, 3, 4, 5, 6],
        "entity_output": "as_char",
        "smart_quotes": "lsquo,rsquo,ldquo,rdquo",
        "input": "GFM",
        "hard_wrap": False,
        "guess_lang": True,
        "footnote_nr": 1,
        "show_warnings": False,
    },
}

DEFAULT_EXCLUDES = [
    ".sass-cache",
    ".jekyll-cache",
    "gemfiles",
    "Gemfile",
    "Gemfile.lock",
    "node_modules",
    "vendor/bundle/",
    "vendor/cache/",
    "vendor/gems/",
    "vendor/ruby/",
]

STYLE_TO_PERMALINK = {
    "none": "/:categories/:title:output_ext",
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
}


def permalink_template(style: object) -> str:
    """Turn a ``permalink:`` style name into its template (templates pass through)."""
    text = str(style)
    return STYLE_TO_PERMALINK.get(text, text)


def _deep_merge(base: dict[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    result = dict(base)
    for key, value in over.items():
        old = result.get(key)
        if value is None and key in result:
            continue
        if isinstance(old, dict) and isinstance(value, Mapping):
            result[key] = _deep_merge(old, value)
        else:
            result[key] = value
    return result


def _read_file(
    path: Path, *, missing_ok: bool = False, warnings: list[str] | None = None
) -> dict[str, Any] | None:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as err:
        if missing_ok:
            return None
        raise ConfigError(
            f"The configuration file '{path}' could not be found.",
            path=path,
            hint="check the path given to --config",
        ) from err
    except OSError as err:
        raise ConfigError(
            f"The configuration file '{path}' could not be read: {err.strerror}",
            path=path,
            hint="check the path given to --config",
        ) from err
    except UnicodeDecodeError as err:
        raise ConfigError(
            f"The configuration file is not valid UTF-8 (byte {err.start})",
            path=path,
            hint="save the file as UTF-8",
        ) from err
    if path.suffix.lower() == ".toml":
        if sys.version_info >= (3, 11):
            import tomllib
        else:  # pragma: no cover
            import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]
        try:
            data: Any = tomllib.loads(text)
        except tomllib.TOMLDecodeError as err:
            raise ConfigError(f"Invalid TOML: {err}", path=path) from err
    elif path.suffix.lower() in (".yml", ".yaml"):
        symbols: list[tuple[str, int]] = []
        try:
            data = load_yaml(text, symbols=symbols)
        except yaml.YAMLError as err:
            raise yaml_error(
                err, text, ConfigError, "Invalid YAML", path=path,
                hint="fix the YAML syntax (check indentation and quoting)",
            ) from err
        if warnings is not None:
            warnings.extend(symbol_warning(path, name, line) for name, line in symbols)
    else:
        raise ConfigError(
            f"No parser for '{path}' is available",
            path=path,
            hint="use a .yml, .yaml or .toml file",
        )
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(
            "The configuration file must be a mapping of keys to values",
            path=path,
            hint="write `key: value` lines at the top level",
        )
    return data


def config_files(source: Path, files: Sequence[str | Path] | str | None) -> list[Path]:
    """The configuration files to read: ``--config`` (comma-separated) or the default."""
    if isinstance(files, str):
        files = [f.strip() for f in files.split(",") if f.strip()]
    if files:
        return [Path(f) for f in files]
    for ext in ("yml", "yaml", "toml"):
        candidate = source / f"_config.{ext}"
        if candidate.exists():
            return [candidate]
    return []


def load_config(
    source: str | Path | None = ".",
    *,
    config: Sequence[str | Path] | str | None = None,
    overrides: Mapping[str, Any] | None = None,
    cwd: str | Path | None = None,
) -> dict[str, Any]:
    """Build a site configuration as ``Jekyll::Configuration`` does.

    Defaults, then each configuration file in order (later wins), then
    ``overrides`` (command-line flags).  The configuration files are looked for
    in ``source`` (``-s``); when ``source`` is None, in ``cwd``, and a
    ``source:`` key in ``_config.yml`` then chooses the site folder.

    Relative ``source``/``destination`` values resolve against ``cwd`` as
    Jekyll's ``File.expand_path`` does against the working directory; when
    ``cwd`` is None they resolve against ``source`` (so a library call
    ``load_config("site")`` builds into ``site/_site``).  The result also has
    ``source`` and ``destination`` as absolute paths and ``config_files``
    listing what was read.

    Raises:
        ConfigError: a file is unreadable or not a mapping, or a key has a bad type.
    """
    cwd_path = Path(cwd).resolve() if cwd is not None else None
    given_source: Path | None = None
    if source is not None:
        given_source = (cwd_path / source if cwd_path else Path(source)).resolve()
    base = cwd_path or given_source or Path(".").resolve()
    result: dict[str, Any] = copy.deepcopy(DEFAULTS)
    files = config_files(given_source or base, config)
    read: list[str] = []
    origins: dict[str, str] = {}  # top-level key -> the file (or flag) that set it last
    warnings: list[str] = []
    for path in files:
        if cwd_path is not None and not path.is_absolute():
            path = cwd_path / path
        data = _read_file(path, missing_ok=not config, warnings=warnings)
        if data is None:
            continue
        result = _deep_merge(result, data)
        read.append(str(path.resolve()))
        origins.update(dict.fromkeys(map(str, data), str(path)))
    if overrides:
        given = {k: v for k, v in overrides.items() if v is not None}
        result = _deep_merge(result, given)
        origins.update(dict.fromkeys(given, OVERRIDE))
    result["config_files"] = read
    result[ORIGINS_KEY] = origins
    result[WARNINGS_KEY] = warnings
    if given_source is not None:
        result["source"] = str(given_source)
    else:
        result["source"] = str((base / str(result.get("source") or ".")).resolve())
    dest = Path(str(result.get("destination") or "_site"))
    if overrides and overrides.get("destination"):
        dest = Path(str(overrides["destination"]))
    result["destination"] = os.path.normpath(str(base / dest))
    _validate(result, base / "_config.yml")
    _add_default_collections(result)
    if isinstance(result.get("exclude"), list):
        result["exclude"] = list(dict.fromkeys([*result["exclude"], *DEFAULT_EXCLUDES]))
    result["kramdown"] = kramdown_options(result)
    return result


def kramdown_options(cfg: Mapping[str, Any]) -> dict[str, Any]:
    """The options Jekyll's ``KramdownParser#setup`` hands to kramdown.

    ``highlighter:`` (e.g. ``pygments``, which kramdown does not know, so code is
    not highlighted) becomes ``syntax_highlighter`` unless the site sets that.
    """
    kramdown = cfg.get("kramdown")
    opts = dict(kramdown) if isinstance(kramdown, Mapping) else {}
    if not opts.get("syntax_highlighter"):
        if opts.get("enable_coderay"):
            opts["syntax_highlighter"] = "coderay"
        else:
            opts["syntax_highlighter"] = cfg.get("highlighter") or "rouge"
    hl = opts.get("syntax_highlighter_opts")
    hl = dict(hl) if isinstance(hl, Mapping) else {}
    if not hl.get("default_lang"):
        hl["default_lang"] = "plaintext"
    hl["guess_lang"] = opts.get("guess_lang")
    opts["syntax_highlighter_opts"] = hl
    return _deep_merge(dict(JEKYLL_KRAMDOWN_DEFAULTS), opts)


#: ``cfg[ORIGINS_KEY]``: for each top-level key, the configuration file that set it
#: last, or ``OVERRIDE`` for a command-line flag or the caller's ``overrides``.
ORIGINS_KEY = "config_origins"
#: ``cfg[WARNINGS_KEY]``: what the configuration files' readers warned about (the site
#: prints them and removes the key, as it does ``ORIGINS_KEY``)
WARNINGS_KEY = "config_warnings"
OVERRIDE = "a command-line option"


def config_origin(cfg: Mapping[str, Any], key: str) -> str | None:
    """The file (or ``OVERRIDE``) that set ``key`` in ``cfg``; None for a default."""
    origins = cfg.get(ORIGINS_KEY)
    return origins.get(key) if isinstance(origins, Mapping) else None


def _where(cfg: Mapping[str, Any], key: str, fallback: Path) -> dict[str, Any]:
    """``path``/``line``/``source_line`` of the file that set ``key``."""
    origin = config_origin(cfg, key)
    if origin == OVERRIDE:
        return {"path": None}
    path = origin or fallback
    found = key_location(path, key)
    if found is None:
        return {"path": path}
    return {"path": path, "line": found[0], "source_line": found[1]}


def key_location(path: str | Path, key: str) -> tuple[int, str] | None:
    """The line number and text of the top-level ``key:`` line in the YAML file
    ``path`` (for a caret under a bad value), or None."""
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    pattern = re.compile(rf"""^["']?{re.escape(key)}["']?\s*:""")
    for number, line in enumerate(lines, 1):
        if pattern.match(line):
            return number, line
    return None


def _validate(cfg: dict[str, Any], path: Path) -> None:
    for key in ("include", "exclude"):
        if key in cfg and not isinstance(cfg[key], list):
            raise ConfigError(
                f"'{key}' should be set as an array, but was: {cfg[key]!r}",
                **_where(cfg, key, path),
                hint=f"write `{key}: [a, b]` or a YAML list",
            )
    if "plugins" in cfg and cfg["plugins"] is not None and not isinstance(cfg["plugins"], list):
        raise ConfigError(
            f"'plugins' should be set as an array, but was: {cfg['plugins']!r}",
            **_where(cfg, "plugins", path),
            hint="write `plugins: [jekyll-feed]` or a YAML list",
        )
    try:
        limit = int(cfg.get("limit_posts") or 0)
    except (TypeError, ValueError):
        limit = -1
    if limit < 0:
        raise ConfigError(
            "limit_posts must be a non-negative number",
            **_where(cfg, "limit_posts", path),
            hint="set limit_posts to 0 (no limit) or a positive number",
        )


def _add_default_collections(cfg: dict[str, Any]) -> None:
    collections = cfg.get("collections")
    if collections is None:
        return
    if isinstance(collections, list):
        collections = {str(name): {} for name in collections}
    if not isinstance(collections, Mapping):
        raise ConfigError(
            "Your `collections` key must be a hash or an array",
            hint="write `collections: {name: {output: true}}`",
        )
    merged: dict[str, Any] = {"posts": {}}
    for name, meta in collections.items():
        merged[str(name)] = dict(meta) if isinstance(meta, Mapping) else {}
    merged["posts"]["output"] = True
    if cfg.get("permalink"):
        merged["posts"].setdefault("permalink", permalink_template(cfg["permalink"]))
    cfg["collections"] = merged
