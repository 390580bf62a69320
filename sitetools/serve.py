"""Serving a built site on 127.0.0.1 as a static host would: gzip, the 404 page of each language, a sub-path."""

from __future__ import annotations

import gzip
import http.server
import os
import socket
import threading
from pathlib import Path

COMPRESSIBLE = {"text/html", "text/css", "text/javascript", "application/javascript", "application/json",
                "application/geo+json", "image/svg+xml", "text/plain", "application/xml", "text/xml",
                "application/manifest+json", "text/csv"}


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """GET of a built site under `root` (set on a subclass, with `prefix`, `headers` and `compress`)."""

    root: Path
    prefix = "/"
    extra_headers: tuple[tuple[str, str], ...] = ()
    compress = True
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".js": "text/javascript", ".mjs": "text/javascript", ".json": "application/json",
                      ".geojson": "application/geo+json", ".wasm": "application/wasm",
                      ".webmanifest": "application/manifest+json", ".svg": "image/svg+xml"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=str(self.root), **kwargs)

    def log_message(self, *args):
        pass

    def end_headers(self):
        for name, value in self.extra_headers:
            self.send_header(name, value)
        super().end_headers()

    def do_GET(self):
        prefix = self.prefix
        if prefix != "/":
            if not (self.path + "/").startswith(prefix):
                self.send_error(404)
                return
            self.path = "/" + self.path[len(prefix):] if self.path.startswith(prefix) else "/"
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?")[0].endswith("/"):
                self.send_response(301)  # the standard redirect to the slash, under the prefix
                self.send_header("Location", prefix + self.path.split("?")[0].lstrip("/") + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            path = os.path.join(path, "index.html")
        status = 200
        if not os.path.isfile(path):
            status = 404
            path = str(self.root / ("en/404.html" if self.path.startswith("/en/") else "404.html"))
        ctype = self.guess_type(path)
        self.send_body(status, ctype, self.page_body(Path(path), ctype))

    def page_body(self, path: Path, ctype: str) -> bytes:
        """The bytes sent for a file (a subclass may add to a page)."""
        return path.read_bytes()

    def cache_control(self, ctype: str) -> str:
        return "no-cache" if ctype.startswith("text/html") else "max-age=3600"

    def send_body(self, status: int, ctype: str, body: bytes) -> None:
        compress = (self.compress and "gzip" in self.headers.get("Accept-Encoding", "")
                    and ctype.split(";")[0] in COMPRESSIBLE)
        if compress:
            body = gzip.compress(body, 6, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", self.cache_control(ctype))
        if compress:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)


def serve_folder(root: Path, port: int = 0, prefix: str = "/", headers=()):
    """Serve a built site on 127.0.0.1 in a thread, gzip-compressed like a production host.

    Returns (server, base URL); call server.shutdown() when done. Unknown paths get the 404 page of
    their language with status 404. `prefix` serves the site under a sub-path ('/arsip/'), as a
    publish build for such an address expects; `headers` ((name, value) pairs) go with every response.
    """
    handler = type("FolderHandler", (SiteHandler,), {
        "root": Path(root), "extra_headers": tuple(headers),
        "prefix": "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True, name="serve").start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"
