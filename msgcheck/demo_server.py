"""A small threaded HTTP server for the sample site (``samples/site``), used by ``msgcheck demo``,
the tests and the crawl benchmark. Loopback only.

It serves a folder with clean URLs (``/features/`` -> ``features/index.html``, ``/pricing`` ->
``pricing.html``), answers conditional GETs (ETag, Last-Modified, 304), and adds the behaviour a
real site has and a crawler must cope with:

* redirects (``/pricing-old`` -> ``/pricing``, 301), read from ``_redirects`` in the folder
  (lines ``/from /to [status]``);
* slow pages, read from ``_slow`` (lines ``/path seconds``);
* ``{{OTHER_ORIGIN}}`` in a page is replaced by ``other_origin`` (a site the crawler must not touch);
* ``hooks``: path -> function(handler) -> bool for tests (hang, 429, ...); True means "answered".

Every request is logged (method, path, headers) in ``server.log``.
"""

from __future__ import annotations

import gzip
import hashlib
import mimetypes
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

Hook = Callable[[BaseHTTPRequestHandler], bool]


@dataclass(frozen=True)
class LoggedRequest:
    method: str
    path: str
    headers: dict[str, str]


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        return  # a client that hangs up (a crawler timing out) is not an error worth a traceback


class SiteServer:
    """Serve ``root`` on 127.0.0.1 (a free port unless given). Use as a context manager."""

    def __init__(self, root: str | Path | None = None, *, port: int = 0, other_origin: str = "http://partners.example.invalid",
                 hooks: dict[str, Hook] | None = None, pages: dict[str, bytes] | None = None) -> None:
        self.root = Path(root) if root is not None else None
        self.other_origin = other_origin
        self.hooks: dict[str, Hook] = dict(hooks or {})
        self.pages = pages or {}  # path -> HTML, for generated sites (the benchmark)
        self.log: list[LoggedRequest] = []
        self._lock = threading.Lock()
        self.stopping = threading.Event()
        self.redirects: dict[str, tuple[str, int]] = {}
        self.slow: dict[str, float] = {}
        if self.root is not None:
            self._read_rules()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet
                return

            def do_GET(self) -> None:  # noqa: N802
                server._handle(self, body=True)

            def do_HEAD(self) -> None:  # noqa: N802
                server._handle(self, body=False)

        self.httpd = _QuietServer(("127.0.0.1", port), Handler)
        self.httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def paths(self, method: str | None = None) -> list[str]:
        with self._lock:
            return [r.path for r in self.log if method is None or r.method == method]

    def clear_log(self) -> None:
        with self._lock:
            self.log.clear()

    def _read_rules(self) -> None:
        assert self.root is not None
        red = self.root / "_redirects"
        if red.exists():
            for line in red.read_text().splitlines():
                parts = line.split("#", 1)[0].split()
                if len(parts) >= 2:
                    self.redirects[parts[0]] = (parts[1], int(parts[2]) if len(parts) > 2 else 301)
        slow = self.root / "_slow"
        if slow.exists():
            for line in slow.read_text().splitlines():
                parts = line.split("#", 1)[0].split()
                if len(parts) == 2:
                    self.slow[parts[0]] = float(parts[1])

    def _file(self, path: str) -> Path | None:
        if self.root is None or ".." in path.split("/"):
            return None
        rel = path.lstrip("/")
        if rel.startswith("_"):
            return None
        candidates = [self.root / rel / "index.html"] if path.endswith("/") else [self.root / rel, self.root / f"{rel}.html"]
        for c in candidates:
            if c.is_file():
                return c
        return None

    def _handle(self, h: BaseHTTPRequestHandler, *, body: bool) -> None:
        path = urlsplit(h.path).path
        with self._lock:
            self.log.append(LoggedRequest(h.command, h.path, {k.lower(): v for k, v in h.headers.items()}))
        hook = self.hooks.get(path)
        if hook is not None and hook(h):
            return
        if path in self.slow:
            self.stopping.wait(self.slow[path])
        if path in self.redirects:
            target, status = self.redirects[path]
            self._send(h, status, b"", {"Location": target}, body)
            return
        if path in self.pages:
            data = self.pages[path]
            self._send_content(h, data, "text/html; charset=utf-8", None, body)
            return
        file = self._file(path)
        if file is None and path.endswith(".gz") and self._file(path[:-3]) is not None:
            plain = self._file(path[:-3])
            assert plain is not None
            data = gzip.compress(plain.read_bytes().replace(b"{{ORIGIN}}", self.url.encode()), mtime=0)
            self._send_content(h, data, "application/gzip", plain.stat().st_mtime, body)
            return
        if file is None and self.root is not None and not path.endswith("/") and (self.root / path.lstrip("/")).is_dir():
            self._send(h, 301, b"", {"Location": path + "/"}, body)
            return
        if file is None:
            self._send(h, 404, b"<!doctype html><title>Not found</title><h1>Page not found</h1>",
                       {"Content-Type": "text/html; charset=utf-8"}, body)
            return
        data = file.read_bytes()
        ctype = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        if ctype == "text/html":
            data = data.replace(b"{{OTHER_ORIGIN}}", self.other_origin.encode())
            ctype = "text/html; charset=utf-8"
        elif ctype.startswith("text/") or ctype.endswith("xml"):
            data = data.replace(b"{{ORIGIN}}", self.url.encode())
        self._send_content(h, data, ctype, file.stat().st_mtime, body)

    def _send_content(self, h: BaseHTTPRequestHandler, data: bytes, ctype: str, mtime: float | None, body: bool) -> None:
        etag = '"' + hashlib.sha256(data).hexdigest()[:16] + '"'
        headers = {"Content-Type": ctype, "ETag": etag}
        if mtime is not None:
            headers["Last-Modified"] = formatdate(mtime, usegmt=True)
        inm = h.headers.get("If-None-Match")
        ims = h.headers.get("If-Modified-Since")
        fresh = False
        if inm is not None:
            fresh = etag in [t.strip() for t in inm.split(",")] or inm.strip() == "*"
        elif ims is not None and mtime is not None:
            try:
                fresh = int(mtime) <= parsedate_to_datetime(ims).timestamp()
            except (TypeError, ValueError):
                fresh = False
        if fresh:
            self._send(h, 304, b"", {"ETag": etag, **({"Last-Modified": headers["Last-Modified"]} if mtime else {})}, False)
            return
        self._send(h, 200, data, headers, body)

    @staticmethod
    def _send(h: BaseHTTPRequestHandler, status: int, data: bytes, headers: dict[str, str], body: bool) -> None:
        try:
            h.send_response(status)
            for k, v in headers.items():
                h.send_header(k, v)
            if status != 304:
                h.send_header("Content-Length", str(len(data)))
            h.end_headers()
            if body and data and status != 304:
                h.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def start(self) -> SiteServer:
        self._thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> SiteServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def sample_site_root() -> Path | None:
    """samples/site of a source checkout (next to the package), or of the current folder."""
    for base in (Path(__file__).resolve().parents[1], Path.cwd()):
        if (base / "samples" / "site" / "index.html").is_file():
            return base / "samples" / "site"
    return None


def sample_platform() -> Path | None:
    for base in (Path(__file__).resolve().parents[1], Path.cwd()):
        if (base / "platform" / "messaging.yaml").is_file():
            return base / "platform" / "messaging.yaml"
    return None


def serve_forever(root: Path, port: int = 0) -> None:  # pragma: no cover - manual use
    """python -m msgcheck.demo_server [PORT]: serve the sample site until Ctrl-C."""
    with SiteServer(root, port=port) as server:
        print(f"serving {root} on {server.url}/ (Ctrl-C to stop)")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":  # pragma: no cover
    import sys

    site = sample_site_root()
    if site is None:
        sys.exit("samples/site not found")
    serve_forever(site, int(sys.argv[1]) if len(sys.argv) > 1 else 0)
