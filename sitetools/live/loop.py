"""`invoke livereload`: build, serve, and rebuild on every change of data, content, theme or plugins."""

from __future__ import annotations

import atexit
import os
import signal
import sys
import threading
from pathlib import Path

from sitetools import PLUGINS, ROOT
from sitetools.build import staging_for
from sitetools.live.server import Rebuilds, live_server


def run(port: int, data: Path | None, output: Path) -> None:
    """Serve `output` on 127.0.0.1:`port` and rebuild it from `data` (default data/) on every change.

    A change of plugin code or settings restarts the process (they are loaded once per process).
    """
    from sitetools.live.builder import LiveBuilder

    builder = LiveBuilder(ROOT, output, staging_for(output), data)
    atexit.register(builder.stop)  # the complete build runs in a process group of its own
    signal.signal(signal.SIGTERM, lambda *_args: sys.exit(0))  # so that atexit runs on `kill` too
    builder.build()
    rebuilds = Rebuilds()
    server = live_server(output, port, rebuilds)
    watched = [data or ROOT / "data", ROOT / "content", ROOT / "theme", PLUGINS, ROOT / "pelicanconf.py"]
    threading.Thread(target=_watch_and_rebuild, args=(builder, watched, rebuilds.swapped), daemon=True,
                     name="rebuild").start()
    print(f"Serving the site with live reload on http://127.0.0.1:{port}/ (Ctrl-C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("Stopped.", flush=True)
    finally:
        server.server_close()


def _watch_and_rebuild(builder, watched: list[Path], swapped) -> None:
    import watchfiles

    # DefaultFilter leaves out editor swap and backup files, __pycache__, .git and the like.
    for changes in watchfiles.watch(*watched, debounce=200, step=20, rust_timeout=0,
                                    watch_filter=watchfiles.DefaultFilter()):
        paths = sorted({Path(p) for _, p in changes})
        print(f"Changed: {', '.join(p.name for p in paths)}", flush=True)
        if any(p.suffix == ".py" and PLUGINS in p.parents or p.name == "pelicanconf.py" for p in paths):
            # Plugin code and settings are loaded once per process: start afresh (same arguments); the
            # browsers reconnect to the new process, which tells them to reload.
            print("Plugin code or settings changed: restarting …", flush=True)
            builder.stop()
            os.execv(sys.executable, [sys.executable, *sys.orig_argv[1:]])
        builder.preview(swapped=swapped)
