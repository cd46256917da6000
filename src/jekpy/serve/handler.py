"""The HTTP side of ``jekpy serve``: static files, live reload, the error page."""

from __future__ import annotations

import ipaddress
import socket
import socketserver
import threading
from html import escape
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

from ..version import __version__
from .content import LIVERELOAD_PATH, content_type, inject, is_html, livereload_script
from .errorpage import error_page
from .moves import lookup
from .paths import resolve
from .state import BuildState, Snapshot

__all__ = ["PreviewHTTPServer", "PreviewHandler", "host_header_ok"]

#: How long a request waits for a running build before it gets a 503.
BUILD_WAIT_SECONDS = 300.0
#: Seconds between SSE keep-alive comments (they also reveal closed connections).
KEEPALIVE_SECONDS = 15.0


def host_header_ok(value: str | None, also: tuple[str, ...] = ()) -> bool:
    """True for a ``Host`` header naming this machine by a loopback name or address
    (or by one of the names in ``also``, e.g. the ``-H`` the server was started with)."""
    if not value:
        return True  # HTTP/1.0 clients may send none
    host = value.strip().lower()
    if host.startswith("["):
        host = host[1 : host.find("]")] if "]" in host else host
    elif host.count(":") == 1:
        host = host.rsplit(":", 1)[0]
    if host in ("localhost", "localhost.localdomain", "ip6-localhost") or host.endswith(
        ".localhost"
    ):
        return True
    if host in {name.lower().strip("[]") for name in also}:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class PreviewHTTPServer(ThreadingHTTPServer):
    """A threading HTTP server that knows the build state and the serving options."""

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64

    def __init__(
        self,
        address: tuple[str, int],
        state: BuildState,
        *,
        livereload: bool = True,
        family: socket.AddressFamily = socket.AF_INET,
        log_requests: bool = False,
        check_host: bool = True,
        host_names: tuple[str, ...] = (),
    ) -> None:
        self.address_family = family
        self.state = state
        self.livereload = livereload
        self.log_requests = log_requests
        self.check_host = check_host
        self.host_names = host_names
        self.stopping = threading.Event()
        super().__init__(address, PreviewHandler)

    def server_bind(self) -> None:
        # HTTPServer.server_bind looks the host name up (socket.getfqdn), which can
        # hang for seconds without DNS; the name is never used here.
        if self.address_family == socket.AF_INET6:
            self.socket.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name = str(host)
        self.server_port = int(port)


class PreviewHandler(BaseHTTPRequestHandler):
    """Serve the built site, injecting the live-reload script into HTML."""

    server: PreviewHTTPServer
    protocol_version = "HTTP/1.1"
    #: Idle keep-alive connections are closed after this many seconds.
    timeout = 120
    server_version = f"jekpy/{__version__}"

    # -- plumbing -----------------------------------------------------------------------
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        if self.server.log_requests:
            super().log_message(format, *args)

    def do_GET(self) -> None:  # noqa: N802
        self._handle(head=False)

    def do_HEAD(self) -> None:  # noqa: N802
        self._handle(head=True)

    def _method_not_allowed(self) -> None:
        self.close_connection = True  # the request body (if any) is not read
        self._send(HTTPStatus.METHOD_NOT_ALLOWED, b"Method Not Allowed\n",
                   "text/plain; charset=utf-8", head=False, extra={"Allow": "GET, HEAD"})

    do_POST = do_PUT = do_DELETE = do_PATCH = _method_not_allowed  # noqa: N815

    def _send(
        self,
        status: int,
        body: bytes,
        ctype: str,
        *,
        head: bool,
        extra: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache, no-store, must-revalidate")
        self.send_header("X-Content-Type-Options", "nosniff")
        if self.close_connection:
            self.send_header("Connection", "close")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if not head:
            self.wfile.write(body)

    # -- requests ------------------------------------------------------------------------
    def _handle(self, *, head: bool) -> None:
        if self.server.check_host and not host_header_ok(
            self.headers.get("Host"), self.server.host_names
        ):
            # A page elsewhere that made its own host name point at 127.0.0.1 (DNS
            # rebinding) must not read the preview.
            self._send(HTTPStatus.MISDIRECTED_REQUEST,
                       b"This preview server only answers to localhost addresses.\n",
                       "text/plain; charset=utf-8", head=head)
            return
        target = self.path
        path_only = urlsplit(target).path if target.startswith("/") else target
        if path_only == LIVERELOAD_PATH:
            if head or not self.server.livereload:
                self._send(HTTPStatus.NOT_FOUND, b"Not Found\n", "text/plain; charset=utf-8",
                           head=head)
                return
            self._event_stream(target)
            return
        snap = self.server.state.ready(BUILD_WAIT_SECONDS)
        if snap is None:
            self._send(HTTPStatus.SERVICE_UNAVAILABLE, b"The site is still being built.\n",
                       "text/plain; charset=utf-8", head=head, extra={"Retry-After": "1"})
            return
        res = resolve(snap.root, target, snap.baseurl)
        if res.status == 400:
            self._send(HTTPStatus.BAD_REQUEST, b"Bad Request\n", "text/plain; charset=utf-8",
                       head=head)
            return
        if res.status == 301 and res.location is not None:
            self._send(HTTPStatus.MOVED_PERMANENTLY, b"", "text/plain; charset=utf-8",
                       head=head, extra={"Location": res.location})
            return
        if res.status == 200 and res.file is not None:
            ctype = content_type(res.file)
            if snap.error is not None and is_html(ctype):
                self._error_page(snap, head=head)
                return
            try:
                body = res.file.read_bytes()
            except OSError:
                self._not_found(snap, head=head)
                return
            if is_html(ctype):
                body = self._with_script(body, snap)
            self._send(HTTPStatus.OK, body, ctype, head=head)
            return
        if snap.error is not None:
            self._error_page(snap, head=head)
            return
        moved_to = lookup(snap.moved, target, snap.baseurl)
        if moved_to is not None:
            # A page that moved while serving (a draft saved on a new day): the
            # browser reloading its old address follows it.  Temporary: the old
            # address may be a page again after the next save.
            self._send(HTTPStatus.FOUND, b"", "text/plain; charset=utf-8", head=head,
                       extra={"Location": quote(moved_to, safe="/%:@!$&'()*+,;=~")})
            return
        self._not_found(snap, head=head)

    def _with_script(self, body: bytes, snap: Snapshot) -> bytes:
        if not self.server.livereload:
            return body
        return inject(body, livereload_script(snap.token))

    def _error_page(self, snap: Snapshot, *, head: bool) -> None:
        assert snap.error is not None
        script = livereload_script(snap.token) if self.server.livereload else b""
        self._send(HTTPStatus.INTERNAL_SERVER_ERROR, error_page(snap.error, script),
                   "text/html; charset=utf-8", head=head)

    def _not_found(self, snap: Snapshot, *, head: bool) -> None:
        """The site's own ``404.html`` (as Jekyll's server does), else a plain page."""
        body: bytes | None = None
        base = [s for s in snap.baseurl.split("/") if s]
        custom = resolve(snap.root, "/" + "/".join([*base, "404.html"]), snap.baseurl)
        if custom.status == 200 and custom.file is not None:
            try:
                body = custom.file.read_bytes()
            except OSError:
                body = None
        if body is None:
            path = escape(urlsplit(self.path).path)
            body = (
                "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Not Found</title>"
                f"</head><body><h1>Not Found</h1><p>{path} is not part of the site.</p>"
                "</body></html>\n"
            ).encode()
        body = self._with_script(body, snap)
        self._send(HTTPStatus.NOT_FOUND, body, "text/html; charset=utf-8", head=head)

    # -- live reload ------------------------------------------------------------------------
    def _event_stream(self, target: str) -> None:
        """Server-Sent Events: one ``reload`` event when the build token changes."""
        query = parse_qs(urlsplit(target).query)
        token = (query.get("token") or [""])[0]
        state = self.server.state
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Connection", "close")
        self.send_header("X-Accel-Buffering", "no")
        self.end_headers()
        self.close_connection = True
        try:
            self.wfile.write(b"retry: 500\n\n")
            self.wfile.flush()
            while not self.server.stopping.is_set():
                new = state.changed(token, KEEPALIVE_SECONDS)
                if new is not None:
                    self.wfile.write(f"event: reload\ndata: {new}\n\n".encode())
                    self.wfile.flush()
                    return
                if state.closed:
                    return
                self.wfile.write(b": keep-alive\n\n")
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError):
            return
