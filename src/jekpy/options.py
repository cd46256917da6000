"""How to build a site: :class:`BuildOptions`, the one object the CLI, the preview
server and the Python API pass around instead of a dozen parameters."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

__all__ = ["BuildOptions"]

PathLike = str | os.PathLike[str]


def _frozen(mapping: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True)
class BuildOptions:
    """What to build and how (``jekyll build``'s options).

    Attributes:
        source: The site folder (``-s``).  ``None``: the configuration files are
            looked for in ``cwd`` and a ``source:`` key in them picks the folder,
            as ``jekyll build`` without ``-s`` does.
        destination: Where the site is written (``-d``); by default the
            configuration's ``destination`` (``<source>/_site``).
        config: Configuration files to read instead of the site's
            ``_config.yml``/``_config.toml`` (``--config``), later ones winning
            (a string is split at commas).
        drafts: Render posts in ``_drafts`` (``-D``/``--drafts``: ``show_drafts``).
        unpublished: Render items with ``published: false`` (``--unpublished``).
        future: Render posts dated in the future (``--future``).
        overrides: Configuration keys applied after the files: the other flags
            of ``jekyll build`` (``safe``, ``incremental``, ``baseurl``,
            ``limit_posts``...) or anything else.
        cwd: The folder relative ``source``, ``destination`` and configuration
            paths resolve against, as Jekyll resolves them against the working
            directory (the CLI passes it).  ``None``: relative to ``source``
            (a relative ``destination`` to the working directory).
    """

    source: PathLike | None = "."
    destination: PathLike | None = None
    config: tuple[str, ...] | None = None
    drafts: bool = False
    unpublished: bool = False
    future: bool = False
    overrides: Mapping[str, Any] = field(default_factory=lambda: _frozen(None))
    cwd: PathLike | None = None

    def __post_init__(self) -> None:
        # Hold copies: the caller's list or dict may change after the options are made.
        if self.config is not None and not isinstance(self.config, tuple):
            object.__setattr__(self, "config", _config_files(self.config))
        if not isinstance(self.overrides, MappingProxyType):
            object.__setattr__(self, "overrides", _frozen(self.overrides))

    @classmethod
    def make(
        cls,
        source: PathLike | None = ".",
        destination: PathLike | None = None,
        *,
        config: Sequence[PathLike] | PathLike | None = None,
        overrides: Mapping[str, Any] | None = None,
        **flags: Any,
    ) -> BuildOptions:
        """Options from the Python API's arguments (``config`` may be one path or
        a list of paths, ``overrides`` any mapping)."""
        return cls(
            source,
            destination,
            _config_files(config),
            overrides=_frozen(overrides),
            **flags,
        )

    def with_overrides(self, extra: Mapping[str, Any]) -> BuildOptions:
        """These options with ``extra`` configuration keys on top of ``overrides``."""
        return replace(self, overrides=_frozen({**self.overrides, **extra}))

    def config_overrides(self) -> dict[str, Any]:
        """The configuration keys these options set (``overrides``, then the
        destination and the publishing flags)."""
        out: dict[str, Any] = dict(self.overrides)
        if self.destination is not None:
            destination = os.fspath(self.destination)
            # with cwd, load_config resolves it against cwd, as Jekyll does
            out["destination"] = destination if self.cwd is not None else str(Path(destination).resolve())
        if self.drafts:
            out["show_drafts"] = True
        if self.unpublished:
            out["unpublished"] = True
        if self.future:
            out["future"] = True
        return out

    def load_config(self) -> dict[str, Any]:
        """The site's configuration with these options (see :func:`jekpy.config.load_config`)."""
        from .config import load_config

        return load_config(
            os.fspath(self.source) if self.source is not None else None,
            config=list(self.config) if self.config is not None else None,
            overrides=self.config_overrides(),
            cwd=os.fspath(self.cwd) if self.cwd is not None else None,
        )


def _config_files(config: Sequence[PathLike] | PathLike | None) -> tuple[str, ...] | None:
    if config is None:
        return None
    if isinstance(config, str):  # comma-separated, as ``--config`` takes them
        return tuple(f.strip() for f in config.split(",") if f.strip())
    if isinstance(config, os.PathLike):
        return (os.fspath(config),)
    return tuple(os.fspath(c) for c in config)
