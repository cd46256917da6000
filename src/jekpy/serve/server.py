"""``jekpy serve``: build the site, serve it, rebuild on change, reload the browser.

The pieces live in :mod:`jekpy.serve`; this module runs them:

* :class:`PreviewServer` binds the socket, builds the site, serves the output folder
  (:mod:`jekpy.serve.handler`) and watches the source with ``watchfiles``
  (:mod:`jekpy.serve.watcher`), rebuilding the whole site after each debounced batch
  of changes. While a build runs, requests wait for it, so a page is never served
  from an outdated or half-written folder; when it ends, every open page gets a
  ``reload`` event. A failed build is shown to the browser as an error page until
  the next good build.
* :func:`serve` is what the CLI calls: it prints Jekyll's lines and runs a
  :class:`PreviewServer` until Ctrl-C.
"""

from __future__ import annotations

import datetime as dt
import errno
import ipaddress
import os
import socket
import threading
import time
import webbrowser
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from watchfiles import watch

from ..api import check_source, run_build
from ..builder.incremental import IncrementalState
from ..builder.refresh import refresh
from ..builder.site import Site
from ..config import load_config
from ..content.models import StaticFile
from ..errors import ConfigError, JekpyError, ServeError, SourceNotFoundError
from ..log import Logger
from ..options import BuildOptions
from .content import LIVERELOAD_PATH
from .errorpage import error_text
from .handler import PreviewHTTPServer
from .moves import track
from .paths import normalize_baseurl
from .shutdown import ShutdownSignal
from .state import BuildState
from .watcher import SourceFilter

__all__ = ["PreviewServer", "exposure_warning", "is_loopback", "serve"]

#: watchfiles batching: a batch ends after ``STEP_MS`` without a new change, or
#: after ``DEBOUNCE_MS`` at most.
DEBOUNCE_MS = 1600
STEP_MS = 20


def is_loopback(host: str) -> bool:
    """True when ``host`` only reaches this machine (127.0.0.0/8, ::1, localhost)."""
    if host.lower() in ("localhost", "localhost.localdomain", "ip6-localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except OSError:
        return False
    return bool(infos) and all(
        ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]).is_loopback for info in infos
    )


def exposure_warning(host: str) -> str | None:
    """The warning ``serve`` prints when ``host`` is reachable from other machines."""
    if is_loopback(host):
        return None
    return (
        f"listening on {host}: anyone who can reach this machine can read the "
        "preview, drafts and unpublished posts included. Use -H 127.0.0.1 to keep it local."
    )


class PreviewServer:
    """A live preview of one site.

    ``start()`` binds (raising :class:`ServeError` when it cannot), builds once and
    starts the HTTP and watcher threads; ``stop()`` ends them. ``url`` is the
    address to open (with the real port when ``port`` was 0).
    """

    def __init__(  # noqa: PLR0913 - the preview's settings as keywords, mirroring jekyll serve
        self,
        options: BuildOptions | str | os.PathLike[str] = ".",
        *,
        host: str = "127.0.0.1",
        port: int = 4000,
        livereload: bool = True,
        watch: bool = True,
        log: Logger | None = None,
        debounce_ms: int = DEBOUNCE_MS,
        step_ms: int = STEP_MS,
        skip_initial_build: bool = False,
    ) -> None:
        if not isinstance(options, BuildOptions):
            options = BuildOptions(options)
        self.source = Path(options.source if options.source is not None else ".").resolve()
        self.destination = (
            Path(options.destination).resolve() if options.destination is not None else None
        )
        self.config = list(options.config) if options.config else None
        # What to build: the source and destination resolved, and only the
        # configuration keys command-line flags did set (--baseurl, --safe...).
        self.options = replace(
            options,
            source=self.source,
            destination=self.destination,
            config=tuple(self.config) if self.config else None,
            overrides={k: v for k, v in options.overrides.items() if v is not None},
            cwd=None,
        )
        self.host = host
        self.port = port
        self.livereload = livereload
        self.watch_enabled = watch
        self.skip_initial_build = skip_initial_build
        self.http_enabled = True
        self.log = log or Logger()
        self.debounce_ms = debounce_ms
        self.step_ms = step_ms
        self.filter = SourceFilter(self.source)
        self.state = BuildState(self.destination or self.source / "_site")
        self.httpd: PreviewHTTPServer | None = None
        self._stop = threading.Event()
        self._watching = threading.Event()
        self._threads: list[threading.Thread] = []
        self._threads_lock = threading.Lock()
        self._build_lock = threading.RLock()
        self._serving = False
        self.last_build_seconds = 0.0
        self.builds = 0
        # What the last good build rendered: the next one re-renders only what a
        # change affects (jekpy.builder.incremental).  Holds strings, never the Site.
        self._incremental: IncrementalState | None = None
        # The last good build's site: while saves only change its posts, pages and
        # documents, it is refreshed in place (jekpy.builder.refresh), not read again.
        self._site: Site | None = None
        # The last good build's time zone: the time shown with "Regenerating:".
        self._zone: dt.tzinfo | None = None
        self.refreshes = 0
        # Each page's source file and URL in the last good build, and the old
        # addresses of pages that moved since the server started (jekpy.serve.moves).
        self._urls: dict[str, str] = {}
        self._moved: dict[str, str] = {}

    # -- addresses -------------------------------------------------------------------------
    @property
    def bound_port(self) -> int:
        if self.httpd is None:
            return self.port
        return int(self.httpd.server_address[1])

    @property
    def base_address(self) -> str:
        host = self.host
        if ":" in host and not host.startswith("["):
            host = f"[{host}]"
        return f"http://{host}:{self.bound_port}"

    @property
    def url(self) -> str:
        """``http://host:port/baseurl/``."""
        return f"{self.base_address}{self.state.current().baseurl}/"

    # -- lifecycle ---------------------------------------------------------------------------
    def bind(self) -> None:
        """Open the listening socket, or raise :class:`ServeError`."""
        if self.httpd is not None:
            return
        try:
            infos = socket.getaddrinfo(
                self.host, self.port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
            )
        except socket.gaierror as err:
            raise ServeError(
                f"cannot use the host '{self.host}': {err.strerror or err}",
                hint="pass an IP address or a resolvable name with -H/--host",
            ) from err
        family, _, _, _, sockaddr = infos[0]
        try:
            self.httpd = PreviewHTTPServer(
                (str(sockaddr[0]), int(sockaddr[1])),
                self.state,
                livereload=self.livereload,
                family=socket.AddressFamily(family),
                check_host=is_loopback(self.host),
                host_names=(self.host,),
            )
        except OSError as err:
            raise _bind_error(err, self.host, self.port) from err

    def start(self) -> None:
        """Bind, build once, then serve and watch in background threads.

        Safe to run in a thread while another one calls :meth:`stop`: each step
        checks, under a short lock, that no stop was asked for before starting a thread.
        """
        self.bind()
        assert self.httpd is not None
        if not self._spawn(self.httpd.serve_forever, "jekpy-http", serving=True):
            return
        if self.skip_initial_build:
            self._publish_existing()
        else:
            self.build()
        if self.watch_enabled:
            for target, name in ((self._watch_loop, "jekpy-watch"),
                                 (self._build_loop, "jekpy-build")):
                if not self._spawn(target, name):
                    return
            # Changes saved before the watcher is in place would be missed.
            deadline = time.monotonic() + 10
            while not self._watching.wait(0.1) and not self._stop.is_set():
                if time.monotonic() > deadline:
                    break

    def watch_only(self) -> None:
        """``jekpy build --watch``: rebuild on changes, serve nothing.

        The caller has just built the site; the first rebuild is a full one.
        """
        self.http_enabled = False
        self._publish_existing()
        for target, name in ((self._watch_loop, "jekpy-watch"), (self._build_loop, "jekpy-build")):
            if not self._spawn(target, name):
                return
        deadline = time.monotonic() + 10
        while not self._watching.wait(0.1) and not self._stop.is_set():
            if time.monotonic() > deadline:
                break

    def _spawn(self, target: Any, name: str, *, serving: bool = False) -> bool:
        """Start a daemon thread unless :meth:`stop` already ran; False if it did."""
        with self._threads_lock:
            if self._stop.is_set():
                return False
            kwargs = {"poll_interval": 0.2} if serving else {}
            thread = threading.Thread(target=target, kwargs=kwargs, name=name, daemon=True)
            thread.start()
            self._threads.append(thread)
            if serving:
                self._serving = True
            return True

    def _publish_existing(self) -> None:
        """``--skip-initial-build``: serve what the destination already holds."""
        root, baseurl = self.state.current().root, self.state.current().baseurl
        error: BaseException | None = None
        try:
            cfg = self.build_options().load_config()
            self.filter.update(cfg)
            root = Path(str(cfg["destination"]))
            baseurl = normalize_baseurl(cfg.get("baseurl"))
        except JekpyError as err:
            error = _without_tracebacks(err)
        self.state.finish(root, baseurl, error)

    def stop(self) -> None:
        """Stop watching and serving; safe to call twice, from any thread.

        Never waits on a lock a build or a request may hold: it sets flags, asks the
        HTTP loop to end (it polls every 0.2 s) and joins threads with time limits.
        """
        with self._threads_lock:
            self._stop.set()
            threads = list(self._threads)
            self._threads.clear()
            serving, self._serving = self._serving, False
        self.state.close()
        if self.httpd is not None:
            self.httpd.stopping.set()
            if serving:  # shutdown() waits for serve_forever, so only if it ran
                self.httpd.shutdown()
            self.httpd.server_close()
        for thread in threads:
            if thread is not threading.current_thread():
                thread.join(timeout=5)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until :meth:`stop` (True) or ``timeout`` seconds (False)."""
        return self._stop.wait(timeout)

    def __enter__(self) -> PreviewServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- building ------------------------------------------------------------------------------
    def overrides(self) -> dict[str, Any]:
        """Configuration keys ``jekyll serve`` sets on top of the site's own."""
        out: dict[str, Any] = dict(self.options.overrides)
        if not self.http_enabled:  # build --watch
            out["watch"] = True
            return out
        out.update({"serving": True, "watch": self.watch_enabled})
        if os.environ.get("JEKYLL_ENV", "development") == "development":
            # Jekyll's serve command: site.url is the preview address in development
            # (lib/jekyll/commands/serve.rb#default_url, localhost for 127.0.0.1).
            host = "localhost" if self.host == "127.0.0.1" else self.host
            if ":" in host and not host.startswith("["):
                host = f"[{host}]"
            out["url"] = f"http://{host}:{self.bound_port}"
        return out

    def build_options(self) -> BuildOptions:
        """The options of the next build: the server's, with :meth:`overrides`."""
        return replace(self.options, overrides=self.overrides())

    def build(self) -> BaseException | None:
        """Build the whole site once and publish the outcome to the HTTP side.

        Returns the error when the build failed (it is also shown in the browser).
        """
        with self._build_lock:
            self.state.begin()
            root, baseurl, error = self._build_once()
            self.state.finish(root, baseurl, error, moved=self._track_moves())
            return error

    def _track_moves(self) -> dict[str, str]:
        """The page moves after a build: pages of the kept site whose URL changed
        since the last good build add their old address."""
        site = self._site
        if site is None:
            return self._moved
        urls = {
            str(item.path): item.url
            for item in site.items_to_write()
            if not isinstance(item, StaticFile)
        }
        if self._urls:
            self._moved = track(self._moved, self._urls, urls)
        self._urls = urls
        return self._moved

    def _build_once(self) -> tuple[Path, str, BaseException | None]:
        """Read the configuration again and build; (output folder, baseurl, error)."""
        # No local for the previous snapshot: a failed build's traceback keeps this
        # frame alive, and with it (through the snapshot) every earlier failed build.
        root, baseurl = self.state.current().root, self.state.current().baseurl
        error: BaseException | None = None
        started = time.perf_counter()
        self._site = None
        try:
            if not self.source.is_dir():
                raise SourceNotFoundError(
                    f"the source folder {self.source} was deleted",
                    hint="restore the folder and the site is rebuilt (the browser shows "
                    "this until then), or press Ctrl-C to stop",
                )
            options = self.build_options()
            cfg = options.load_config()
            self.filter.update(cfg)
            root = Path(str(cfg["destination"]))
            baseurl = normalize_baseurl(cfg.get("baseurl"))
            site = run_build(options, log=self.log, previous=self._incremental)
            self._incremental = site.incremental_state
            self._site = site
            self._zone = site.clock.tz
        except JekpyError as err:
            error = _without_tracebacks(err)  # its text is all we show; frees the Site
        except Exception as err:  # a bug: show it in the browser, keep serving
            error = err
        finally:
            _release_build_caches()
        self.last_build_seconds = time.perf_counter() - started
        self.builds += 1
        return root, baseurl, error

    def _refresh(self, changed: set[str]) -> tuple[Path, str, BaseException | None] | None:
        """Bring the kept site up to date in place (jekpy.builder.refresh); None when the
        changes need a full build."""
        site = self._site
        if site is None or changed & self.filter.config_files or not self.source.is_dir():
            return None
        snapshot = self.state.current()
        error: BaseException | None = None
        started = time.perf_counter()
        try:
            if not refresh(site, changed):
                self._site = None
                return None
            self._incremental = site.incremental_state
        except JekpyError as err:
            self._site = None
            error = _without_tracebacks(err)
        except Exception as err:  # a bug: show it in the browser, keep serving
            self._site = None
            error = err
        self.last_build_seconds = time.perf_counter() - started
        self.builds += 1
        self.refreshes += 1
        return snapshot.root, snapshot.baseurl, error

    def _watch_loop(self) -> None:
        """Watcher thread: queue every batch of relevant changes (never blocks on builds).

        When the source folder is deleted, the rebuild says so and the last good build
        stays on view; when the folder comes back, watching starts again with a rebuild.
        """
        try:
            while not self._stop.is_set():
                if not self._watch_source():
                    return
                while not self._stop.is_set() and not self.source.is_dir():
                    self._stop.wait(0.25)
                if self._stop.is_set():
                    return
                self.log.info("Source:", f"{self.source} is back.")
                self.state.add_changes({str(self.source)})
        except Exception as err:  # pragma: no cover - the watcher itself failed
            self.log.error("Watch error:", f"{type(err).__name__}: {err}")
        finally:
            self._watching.set()

    def _watch_source(self) -> bool:
        """Watch until stopped (False) or until the source folder disappears (True)."""
        paths = [self.source]
        paths.extend(
            Path(f).resolve().parent
            for f in self.filter.config_files
            if not str(Path(f).resolve()).startswith(str(self.source) + os.sep)
        )
        try:
            for changes in watch(
                *paths,
                watch_filter=self.filter,
                debounce=self.debounce_ms,
                step=self.step_ms,
                stop_event=self._stop,
                rust_timeout=250,
                yield_on_timeout=True,
                raise_interrupt=False,
            ):
                self._watching.set()
                if self._stop.is_set():
                    return False
                gone = not self.source.is_dir()
                if changes or gone:
                    # From here on requests wait for the rebuild.
                    self.state.add_changes({path for _, path in changes} or {str(self.source)})
                if gone:
                    return True
        except FileNotFoundError:  # the folder went while the watcher started
            return not self._stop.is_set()
        return False

    def _build_loop(self) -> None:
        """Builder thread: rebuild for each batch of queued changes."""
        while not self._stop.is_set():
            changed = self.state.take_changes(0.5)
            if changed and not self._stop.is_set():
                self._regenerate(changed)

    def rebuild(self, changed: Sequence[str]) -> BaseException | None:
        """Rebuild now, as if ``changed`` had just changed; returns the build error."""
        with self._build_lock:
            self.state.add_changes(set(changed))
            return self._regenerate(self.state.take_changes(0) | set(changed))

    def _regenerate(self, changed: set[str]) -> BaseException | None:
        """Rebuild, printing Jekyll's lines; build again while changes keep coming so
        the reload signal is only sent for a site as new as the files."""
        with self._build_lock:
            while True:
                self._log_changes(changed)
                root, baseurl, error = self._refresh(changed) or self._build_once()
                if error is None:
                    self.log.info("", f"...done in {self.last_build_seconds:.3f} seconds.")
                else:
                    self.log.error("Error:", "the site could not be rebuilt; the browser shows why.")
                    self.log.error("", error_text(error))
                self.log.info("", "")
                moved = self._track_moves() if error is None else None
                if self.state.finish(root, baseurl, error, if_idle=True, moved=moved) is not None:
                    return error
                changed = self.state.take_changes(0)

    def _log_changes(self, changed: set[str]) -> None:
        stamp = dt.datetime.now(self._zone).strftime("%Y-%m-%d %H:%M:%S")
        self.log.info("Regenerating:", f"{len(changed)} file(s) changed at {stamp}")
        ordered = sorted(changed)
        for path in ordered[:10]:
            try:
                shown = str(Path(path).relative_to(self.source))
            except ValueError:
                shown = path
            self.log.info("", shown)
        if len(ordered) > 10:
            self.log.info("", f"...and {len(ordered) - 10} more")


def _without_tracebacks(err: JekpyError) -> JekpyError:
    """Drop the tracebacks of ``err`` and its causes: their frames hold the whole
    failed build (every page of the Site) for as long as the error is shown."""
    seen: set[int] = set()
    current: BaseException | None = err
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        current.__traceback__ = None
        current = current.__cause__ or current.__context__
    return err


def _release_build_caches() -> None:
    """Let the finished build's Site be garbage collected.

    python-liquid keeps a parser per template environment in an ``lru_cache`` of 128
    entries; each build makes a new environment that references its Site, so without
    this a long ``serve`` session keeps the last 128 sites, every rendered page
    included, alive (about 15 MB a rebuild for lil-log).
    """
    try:
        from liquid import parser as liquid_parser
    except ImportError:  # pragma: no cover
        return
    cache_clear = getattr(getattr(liquid_parser, "get_parser", None), "cache_clear", None)
    if callable(cache_clear):
        cache_clear()


def _bind_error(err: OSError, host: str, port: int) -> ServeError:
    where = f"{host}:{port}"
    if err.errno == errno.EADDRINUSE:
        return ServeError(
            f"port {port} is already in use on {host}",
            hint=f"stop the other server on {where}, or pick another port with -P/--port",
        )
    if err.errno == errno.EADDRNOTAVAIL:
        return ServeError(
            f"cannot listen on {host}: that address is not on this machine",
            hint="use -H 127.0.0.1 (the default) or an address of this machine",
        )
    if err.errno in (errno.EACCES, errno.EPERM):
        return ServeError(
            f"permission denied to listen on {where}",
            hint="ports below 1024 need root; pick another port with -P/--port",
        )
    return ServeError(f"cannot listen on {where}: {err.strerror or err}")


def serve(  # noqa: PLR0913 - the preview's settings as keywords, mirroring jekyll serve
    options: BuildOptions,
    *,
    host: str = "127.0.0.1",
    port: int = 4000,
    livereload: bool = True,
    open_url: bool = False,
    log: Logger | None = None,
    watch: bool = True,
    skip_initial_build: bool = False,
    shutdown: ShutdownSignal | None = None,
) -> None:
    """Run ``jekpy serve`` until Ctrl-C (or SIGTERM).

    SIGINT and SIGTERM only set a flag (:class:`~jekpy.serve.shutdown.ShutdownSignal`);
    the build runs in a thread while this (main) thread waits for that flag without
    taking any lock, then stops the server.  ``shutdown`` lets a caller ask for the
    stop itself (its handlers are installed here either way).

    Raises:
        ServeError: the address cannot be listened on (busy port, bad host...).
    """
    log = log or Logger()
    stopper = shutdown or ShutdownSignal()
    stopper.install()
    server: PreviewServer | None = None
    starter: threading.Thread | None = None
    try:
        check_source(options.source if options.source is not None else ".")
        server = PreviewServer(
            options, host=host, port=port, livereload=livereload, log=log,
            watch=watch, skip_initial_build=skip_initial_build,
        )
        server.bind()
        warning = exposure_warning(host)
        if warning:
            log.warn("Warning:", warning)
        _print_start(log, server)
        starter = threading.Thread(
            target=_start_and_report, args=(server, log, stopper, livereload, open_url),
            name="jekpy-start", daemon=True,
        )
        starter.start()
        while not stopper.wait(1.0):
            pass
    finally:
        stopper.close()
        if server is not None:
            server.stop()
            if starter is not None:
                # A long first build may still run: it is abandoned (every file it
                # writes is written atomically), after a bounded wait.
                starter.join(timeout=2)
            log.info("", "Server stopped.")


def _start_and_report(
    server: PreviewServer, log: Logger, stopper: ShutdownSignal, livereload: bool,
    open_url: bool,
) -> None:
    """Starter thread: build once, start serving and watching, print Jekyll's lines."""
    started = time.perf_counter()
    try:
        server.start()
    except Exception as err:  # e.g. a vanished source: report it, let main stop
        log.error("Error:", f"{err}")
        stopper.request()
        return
    if stopper.requested:
        return
    if server.skip_initial_build:
        log.info("", "Skipping the initial build.")
    else:
        error = server.state.current().error
        if error is None:
            log.info("", f"done in {time.perf_counter() - started:.3f} seconds.")
        else:
            log.error("Error:", "the site could not be built; the browser shows why.")
            log.error("", error_text(error))
    if server.watch_enabled:
        log.info("Auto-regeneration:", f"enabled for '{server.source}'")
    else:
        log.info("Auto-regeneration:", "disabled. Use --watch to enable.")
    if livereload:
        log.info("LiveReload:", f"enabled ({server.base_address}{LIVERELOAD_PATH})")
    else:
        log.info("LiveReload:", "disabled. Use --livereload to enable.")
    log.info("Server address:", server.url)
    log.info("Server running...", "press ctrl-c to stop.")
    if open_url:
        threading.Thread(target=webbrowser.open, args=(server.url,), daemon=True).start()


def _print_start(log: Logger, server: PreviewServer) -> None:
    from ..config import config_files

    try:
        files = config_files(server.source, server.config)
    except (OSError, ConfigError):
        files = []
    for f in files or []:
        log.info("Configuration file:", str(Path(f).resolve()))
    if not files:
        log.info("Configuration file:", "none")
    log.info("Source:", str(server.source))
    dest = server.destination
    if dest is None:
        try:
            dest = Path(str(load_config(server.source, config=server.config)["destination"]))
        except JekpyError:
            dest = server.source / "_site"
    log.info("Destination:", str(dest))
    log.info("Incremental build:", "disabled (every change rebuilds the whole site)")
    log.info("Generating...", "")
