"""The edit loop's web server: the built site, each page with the reload client, and the reload events.

Every page is served with `<script src="/livereload.js?site=TOKEN">`, TOKEN naming the site it came
from (this server process and its count of rebuilds). The client listens to /livereload?site=TOKEN, a
stream of Server-Sent Events: it gets `reload` as soon as the served site is not that one any more,
also when the page was loaded just before a rebuild, or from a server since restarted.
"""

from __future__ import annotations

import http.server
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from sitetools.serve import SiteHandler

CLIENT = (Path(__file__).with_name("reload.js")).read_bytes()
KEEP_ALIVE = 15  # seconds between comments on an idle stream: a closed browser is noticed by the failed write


class Rebuilds:
    """The current site's token, and a way to wait until it changes."""

    def __init__(self):
        self._started = time.time_ns()
        self._count = 0
        self._changed = threading.Condition()

    @property
    def token(self) -> str:
        return f"{self._started}-{self._count}"

    def swapped(self) -> None:
        """A new site is being served: every page of an older one reloads."""
        with self._changed:
            self._count += 1
            self._changed.notify_all()

    def wait_for_other(self, token: str, timeout: float) -> bool:
        """True once the served site is not `token` (at once if it is not now); False after `timeout`."""
        with self._changed:
            return self._changed.wait_for(lambda: self.token != token, timeout)


class LiveHandler(SiteHandler):
    """The built site as SiteHandler serves it, uncompressed and never cached, plus the reload client."""

    compress = False
    rebuilds: Rebuilds

    def do_GET(self):
        url = urlsplit(self.path)
        if url.path == "/livereload.js":
            self.send_body(200, "text/javascript", CLIENT)
        elif url.path == "/livereload":
            self.stream_reloads(parse_qs(url.query).get("site", [""])[0])
        else:
            try:
                super().do_GET()
            except FileNotFoundError:  # asked for in the instant a new site is being swapped in
                self.send_error(503, "The site is being rebuilt; reload in a moment")

    def cache_control(self, ctype: str) -> str:
        return "no-cache"  # a stylesheet or script edited in theme/ must not come from the browser's cache

    def page_body(self, path: Path, ctype: str) -> bytes:
        body = path.read_bytes()
        if ctype.startswith("text/html") and b"</head>" in body:
            script = f'<script src="/livereload.js?site={self.rebuilds.token}"></script>'.encode()
            body = body.replace(b"</head>", script + b"</head>", 1)
        return body

    def stream_reloads(self, token: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        try:
            self.wfile.write(b"retry: 500\n\n")  # reconnect quickly after a restart
            while True:
                if self.rebuilds.wait_for_other(token, KEEP_ALIVE):
                    self.wfile.write(b"data: reload\n\n")
                    return
                self.wfile.write(b": waiting\n\n")
        except (BrokenPipeError, ConnectionResetError):
            return


def live_server(root: Path, port: int, rebuilds: Rebuilds) -> http.server.ThreadingHTTPServer:
    """A server of `root` on 127.0.0.1:`port` whose pages reload when `rebuilds.swapped()` is called."""
    handler = type("SiteLiveHandler", (LiveHandler,), {"root": Path(root), "rebuilds": rebuilds})
    return http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
