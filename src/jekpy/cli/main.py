"""The ``jekpy`` command: ``build``, ``render``, ``markdown`` and ``serve``."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from .._recache import install as _install_regex_cache

if os.path.basename(getattr(sys.modules.get("__main__"), "__file__", None) or "") == "jekpy":
    _install_regex_cache()  # the ``jekpy`` console script: this process is the command

import click  # noqa: E402 - after the regex cache, so that click's patterns use it

from ..errors import JekpyError
from ..log import Logger
from ..version import __version__
from .buildcmd import build_command, fast_exit
from .buildcmd import cli_logger as _cli_logger
from .buildcmd import echo_error as _echo_error
from .buildcmd import engine_import as _engine_import
from .buildcmd import flag_overrides as _flag_overrides
from .buildcmd import split_config as _split_config

F = TypeVar("F", bound=Callable[..., Any])


def _publishing_options(func: F) -> F:
    func = click.option("--future", is_flag=True, help="Publish posts with a future date.")(func)
    func = click.option(
        "--unpublished", is_flag=True, help="Render posts that were marked as unpublished."
    )(func)
    func = click.option(
        "-D", "--drafts", is_flag=True, help="Render posts in the _drafts folder."
    )(func)
    func = click.option(
        "--config", "config", default=None, help="Custom configuration file(s), comma-separated."
    )(func)
    func = click.option(
        "-s", "--source", type=click.Path(file_okay=False), default=None, help="Source directory."
    )(func)
    func = click.option("-t", "--trace", is_flag=True, help="Show the full traceback on error.")(
        func
    )
    return func


def _fail(err: BaseException, trace: bool) -> None:
    if trace:
        raise err
    _echo_error(str(err))
    sys.exit(1)


class _AliasGroup(click.Group):
    """Jekyll's command aliases: ``b`` is ``build``, ``s`` (and ``server``) is ``serve``."""

    ALIASES = {"b": "build", "s": "serve", "server": "serve"}

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return super().get_command(ctx, self.ALIASES.get(cmd_name, cmd_name))

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name, cmd, rest = super().resolve_command(ctx, args)
        return (cmd.name if cmd is not None else name), cmd, rest


@click.group(cls=_AliasGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="jekpy")
def main() -> None:
    """Render Jekyll sites exactly as Jekyll 4.3 does."""


def _build_flags(func: F) -> F:
    """Jekyll's build flags, shared by ``build`` and ``serve``."""
    for decorator in reversed([
        click.option("-q", "--quiet", is_flag=True, help="Silence output."),
        click.option("-V", "--verbose", is_flag=True, help="Print verbose output."),
        click.option("-I", "--incremental", is_flag=True, help="Enable incremental rebuild."),
        click.option("--safe", is_flag=True, help="Safe mode: no plugins, confined symlinks."),
        click.option("--profile", is_flag=True, help="Generate a Liquid rendering profile."),
        click.option("--disable-disk-cache", is_flag=True, help="Disable caching to disk."),
        click.option("-b", "--baseurl", default=None,
                     help="Serve the website from the given base URL."),
        click.option("--lsi", is_flag=True,
                     help="Use LSI for improved related posts (not supported)."),
        click.option(
            "--limit-posts", "--limit_posts", "limit_posts", type=click.IntRange(min=0),
            default=None, help="Limits the number of posts to parse and publish.",
        ),
        click.option("--strict-front-matter", "--strict_front_matter", "strict_front_matter",
                     is_flag=True, help="Fail if errors are present in front matter."),
    ]):
        func = decorator(func)
    return func


@main.command()
@_publishing_options
@click.option("-d", "--destination", type=click.Path(file_okay=False), default=None)
@_build_flags
@click.option("-w/-W", "--watch/--no-watch", default=False,
              help="Watch for changes and rebuild.")
def build(
    source: str | None,
    destination: str | None,
    config: str | None,
    drafts: bool,
    unpublished: bool,
    future: bool,
    trace: bool,
    watch: bool,
    **flags: Any,
) -> None:
    """Build the site (like ``jekyll build``; alias ``b``)."""
    build_command(
        source, destination, config, drafts, unpublished, future, trace, watch, **flags
    )


@main.command()
@click.argument("path", type=click.Path(dir_okay=False))
@_publishing_options
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="Write here.")
@click.option("--content-only", is_flag=True, help="Only the converted body, no layouts.")
def render(  # noqa: PLR0913 - one parameter per command-line flag (click)
    path: str,
    source: str | None,
    config: str | None,
    drafts: bool,
    unpublished: bool,
    future: bool,
    trace: bool,
    output: str | None,
    content_only: bool,
) -> None:
    """Render one post or page and print it (or write it with -o)."""
    with _engine_import():
        from ..api import render_post

    try:
        html = render_post(
            path,
            source=source,
            config=_split_config(config),
            drafts=drafts,
            unpublished=unpublished,
            future=future,
            content_only=content_only,
            log=Logger(level="warn"),
        )
    except JekpyError as err:
        _fail(err, trace)
        return
    if output:
        from ..builder.writer import atomic_write

        atomic_write(Path(output), html.encode("utf-8"))
    else:
        sys.stdout.buffer.write(html.encode("utf-8"))
        sys.stdout.flush()


@main.command("markdown")
@click.option("-s", "--source", type=click.Path(file_okay=False), default=None)
@click.option("--config", "config", default=None)
def markdown_cmd(source: str | None, config: str | None) -> None:
    """Convert Markdown on stdin to HTML on stdout, as Jekyll's kramdown would.

    With ``$KRAMDOWN_OPTIONS`` (JSON) set, those options apply on top of kramdown's
    own defaults instead of the site's configuration.
    """
    from .. import markdown

    text = sys.stdin.buffer.read().decode("utf-8", errors="replace")
    env = os.environ.get("KRAMDOWN_OPTIONS")
    if env is not None:
        try:
            opts = json.loads(env) if env.strip() else {}
        except json.JSONDecodeError as err:
            raise click.UsageError(f"KRAMDOWN_OPTIONS is not valid JSON: {err}") from err
        if not isinstance(opts, dict):
            raise click.UsageError("KRAMDOWN_OPTIONS must be a JSON object")
        html = markdown.convert_kramdown(text, opts)
    else:
        options: dict[str, Any] | None = None
        if source is not None or config is not None:
            from ..config import load_config

            try:
                cfg = load_config(source or ".", config=_split_config(config))
            except JekpyError as err:
                _fail(err, False)
                return
            options = cfg.get("kramdown")
        html = markdown.convert(text, options)
    sys.stdout.buffer.write(html.encode("utf-8"))


@main.command()
@_publishing_options
@click.option(
    "-d", "--destination", type=click.Path(file_okay=False), default=None,
    help="Build into (and serve) this folder [default: <source>/_site].",
)
@_build_flags
@click.option(
    "-H", "--host", default="127.0.0.1", show_default=True,
    help="Address to listen on; anything but loopback prints a warning.",
)
@click.option(
    "-P", "--port", default=4000, type=int, show_default=True,
    help="Port to listen on (0 picks a free one).",
)
@click.option(
    "-l/-L", "--livereload/--no-livereload", default=True,
    help="Reload open pages after each rebuild (on by default).",
)
@click.option(
    "--livereload-port", type=click.IntRange(0, 65535), default=None,
    help="Accepted for Jekyll compatibility: jekpy's live reload uses the site's own port.",
)
@click.option("-w/-W", "--watch/--no-watch", default=True, show_default=True,
              help="Watch for changes and rebuild.")
@click.option("--skip-initial-build", is_flag=True,
              help="Serve the destination as it is; build only after a change.")
@click.option("-o", "--open-url", is_flag=True, help="Open the site in your web browser.")
def serve(  # noqa: PLR0913 - one parameter per command-line flag (click)
    source: str | None,
    destination: str | None,
    config: str | None,
    drafts: bool,
    unpublished: bool,
    future: bool,
    trace: bool,
    host: str,
    port: int,
    livereload: bool,
    livereload_port: int | None,
    watch: bool,
    skip_initial_build: bool,
    open_url: bool,
    **flags: Any,
) -> None:
    """Build the site and preview it, rebuilding when files change (alias ``s``)."""
    from ..options import BuildOptions
    from ..serve.server import serve as run_server

    log = _cli_logger(flags["quiet"], flags["verbose"])
    if livereload_port is not None:
        log.warn("LiveReload:", "--livereload-port is ignored: live reload uses the site's port.")
    try:
        run_server(
            BuildOptions(
                Path(source or ".").resolve(),
                Path(destination).resolve() if destination else None,
                _split_config(config),
                drafts=drafts,
                unpublished=unpublished,
                future=future,
                overrides=_flag_overrides(flags),
            ),
            host=host,
            port=port,
            livereload=livereload,
            open_url=open_url,
            log=log,
            watch=watch,
            skip_initial_build=skip_initial_build,
        )
    except JekpyError as err:
        _fail(err, trace)


from .site_commands import register as _register_site_commands  # noqa: E402

_register_site_commands(main)  # new, clean, doctor, theme (see cli_site.py)


def run() -> None:
    """The ``jekpy`` command in a process of its own (``python -m jekpy``, the
    ``jekpy`` script): :func:`main`, then the process ends without tearing the
    interpreter down -- freeing a built site's objects one by one costs ~16 ms
    after a 1,000-post build, for nothing.  The ``atexit`` functions still run and
    the output is flushed; with threads still running (the server's), or when an
    exception other than ``SystemExit`` ends ``main``, Python exits as usual.
    ``main`` itself is what tests call in-process."""
    with fast_exit():
        main()


if __name__ == "__main__":  # pragma: no cover
    run()
