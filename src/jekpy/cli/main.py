"""The ``jekpy`` command: ``build``, ``render``, ``markdown`` and ``serve``."""

from __future__ import annotations

import gc
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from .._recache import install as _install_regex_cache

if os.path.basename(getattr(sys.modules.get("__main__"), "__file__", None) or "") == "jekpy":
    _install_regex_cache()  # the ``jekpy`` console script: this process is the command

import click  # noqa: E402 - after the regex cache, so that click's patterns use it

from ..errors import JekpyError
from ..log import Logger, use_color
from ..version import __version__

if TYPE_CHECKING:
    from ..options import BuildOptions

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


@contextmanager
def _engine_import() -> Iterator[None]:
    """Import the build engine with the cyclic garbage collector paused, then
    freeze what the imports made (modules, classes, functions live as long as the
    process): the collections a build makes then skip them, and forked render
    workers do not touch their memory (about 8 ms of collections before the
    workers start on a 1,000-post site).  The command owns its process, so the
    collector's state is its to change; the library never does this."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
        gc.freeze()


def _echo_error(text: str) -> None:
    """An error on stderr: red on a terminal, as Jekyll shows errors (not with NO_COLOR)."""
    if use_color(sys.stderr):
        text = click.style(text, fg="red")
    click.echo(text, err=True)


def _fail(err: BaseException, trace: bool) -> None:
    if trace:
        raise err
    _echo_error(str(err))
    sys.exit(1)


def _split_config(config: str | None) -> tuple[str, ...] | None:
    if not config:
        return None
    return tuple(c.strip() for c in config.split(",") if c.strip())


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


def _flag_overrides(flags: dict[str, Any]) -> dict[str, Any]:
    """The configuration keys Jekyll's build flags set (unset flags set nothing)."""
    on = {
        "safe": "safe", "incremental": "incremental", "disable_disk_cache": "disable_disk_cache",
        "profile": "profile", "strict_front_matter": "strict_front_matter", "quiet": "quiet",
        "verbose": "verbose", "lsi": "lsi",
    }
    out: dict[str, Any] = {key: True for flag, key in on.items() if flags.get(flag)}
    if flags.get("baseurl") is not None:
        out["baseurl"] = flags["baseurl"]
    if flags.get("limit_posts") is not None:
        out["limit_posts"] = flags["limit_posts"]
    return out


def _cli_logger(quiet: bool, verbose: bool) -> Logger:
    return Logger(level="error" if quiet else ("debug" if verbose else "info"))


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
    with _engine_import():
        from ..api import run_build
        from ..options import BuildOptions

    log = _cli_logger(flags["quiet"], flags["verbose"])
    if flags["verbose"]:
        log.info("Logging at level:", "debug")
        log.info("Jekyll Version:", "4.3.1")
    options = BuildOptions(
        source, destination, _split_config(config), drafts=drafts, unpublished=unpublished,
        future=future, overrides=_flag_overrides(flags), cwd=os.getcwd(),
    )
    try:
        site = run_build(options, log=log, announce=True)
        if not watch:
            log.info("Auto-regeneration:", "disabled. Use --watch to enable.")
    except JekpyError as err:
        if trace:
            raise
        _graceful_fail(log, err, "build")
        return
    if watch:
        _watch_and_rebuild(options, Path(str(site.source)), Path(str(site.dest)), log)


def _watch_and_rebuild(options: BuildOptions, source: Path, destination: Path, log: Logger) -> None:
    """``build --watch``: the preview server's watcher and rebuild loop, no HTTP."""
    from dataclasses import replace

    from ..serve.server import PreviewServer
    from ..serve.shutdown import ShutdownSignal

    watched = replace(options, source=source, destination=destination, cwd=None)
    watcher = PreviewServer(watched, log=log)
    with ShutdownSignal() as stopper:
        watcher.watch_only()
        log.info("Auto-regeneration:", f"enabled for '{source}'")
        log.info("", "press ctrl-c to stop.")
        try:
            while not stopper.wait(1.0):
                pass
        finally:
            watcher.stop()


def _graceful_fail(log: Logger, err: JekpyError, command: str) -> None:
    """Print jekpy's explanation (file, line, caret, hint) and exit 1.

    A Liquid error's report starts with Jekyll's own summary line (``Liquid
    Exception: ...``); ``--trace`` shows the Python traceback instead.
    """
    del log, command
    _echo_error(str(err))
    sys.exit(1)


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
    try:
        main()
    except SystemExit as exc:
        if _threading_alone():
            code = exc.code
            if code is not None and not isinstance(code, int):
                print(code, file=sys.stderr)  # what Python prints for sys.exit("text")
                code = 1
            _exit_now(code or 0)
        raise


def _threading_alone() -> bool:
    """Whether the main thread is the only one (threading imported or not)."""
    threading = sys.modules.get("threading")
    return threading is None or threading.active_count() == 1


def _exit_now(code: int) -> None:
    import atexit
    import contextlib

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        # closed, or a broken pipe: Python ignores it at exit too
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
