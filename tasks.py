"""Project tasks (invoke), in the shape of Pelican's quickstart plus data, test, quality and i18n tasks."""

from __future__ import annotations

import atexit
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from invoke import task
from invoke.exceptions import Exit

ROOT = Path(__file__).resolve().parent
OUTPUT = ROOT / "output"
STAGING = ROOT / ".build"
PY = sys.executable
PORT = int(os.environ.get("PORT", "8000"))
CATALOGUES = ROOT / "theme" / "translations"
ENV = {"PYTHONPATH": str(ROOT / "plugins"), "PYTHONHASHSEED": "0"}
NODE_MODULES = ROOT / "node_modules"
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run")
# What the quality gates need outside .venv/: (command or file, Debian package(s), gates that use it).
TOOLS = {
    "chromium": (("chromium", "chromium-driver"), "accessibility (axe-core), no-third-party requests, "
                 "page weight in the browser, Content-Security-Policy in the browser"),
    "java": (("default-jre-headless",), "HTML validity (Nu HTML Checker)"),
    "npm": (("nodejs", "npm"), "accessibility (axe-core from node_modules/), the current Nu HTML Checker "
            "(node_modules/vnu-jar) and `invoke audit` (Lighthouse)"),
}


# Plugins that keep work between builds, and the setting naming their cache folder (the benchmark and
# the reproducibility test give each build its own).
CACHES = {"paritrana_share": "PARITRANA_SHARE_CACHE_DIR", "paritrana_search": "PARITRANA_SEARCH_CACHE_DIR",
          "paritrana_downloads": "PARITRANA_DOWNLOADS_CACHE_DIR", "paritrana_fonts": "PARITRANA_FONTS_CACHE_DIR"}


def _pelican_command(config: str, output: Path, data: Path | None = None) -> list[str]:
    cmd = [PY, "-m", "pelican", "--fatal", "warnings", "-s", str(ROOT / config), "-o", str(output),
           str(ROOT / "content")]
    if data is not None:
        cmd += ["-e", f"PARITRANA_DATA_DIR={json.dumps(str(Path(data).resolve()))}"]
    return cmd


def _staging_for(output: Path) -> Path:
    return STAGING if output == OUTPUT else output.parent / f".{output.name}.build"


def build_site(output: Path = OUTPUT, data: Path | None = None, config: str = "pelicanconf.py",
               finish=None) -> int:
    """Build into a staging folder next to `output` and swap it in only on success.

    A failed build (bad data, template error, any Pelican warning) leaves `output` exactly as it
    was and returns Pelican's non-zero exit code; its messages went to stderr. `finish(staging)`, when
    given, completes the staged site and returns its problems: any problem is a failure too (exit 1).
    """
    output = Path(output).resolve()
    staging = _staging_for(output)
    shutil.rmtree(staging, ignore_errors=True)
    result = subprocess.run(_pelican_command(config, staging, data), cwd=ROOT, env={**os.environ, **ENV})
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        return result.returncode
    problems = finish(staging) if finish else []
    if problems:
        print("\n".join(problems), file=sys.stderr, flush=True)
        shutil.rmtree(staging, ignore_errors=True)
        return 1
    _swap_in(staging, output)
    return 0


def _swap_in(staging: Path, output: Path) -> None:
    old = output.parent / f".{output.name}.old"
    shutil.rmtree(old, ignore_errors=True)
    if output.exists():
        output.rename(old)
    staging.rename(output)
    shutil.rmtree(old, ignore_errors=True)


def _path(value: str | None, default: Path | None) -> Path | None:
    return Path(value).resolve() if value else default


@task
def validate(c, data="data"):
    """Check the data files without building; print counts, or every problem and exit 1."""
    c.run(f"{PY} -m paritrana_data validate {data}", env=ENV)


@task
def clean(c):
    """Remove the built site."""
    for folder in (OUTPUT, STAGING, STAGING.with_name(STAGING.name + "-complete")):
        shutil.rmtree(folder, ignore_errors=True)


@task(help={"data": "data folder (default data/)", "output": "output folder (default output/)"})
def build(c, data=None, output=None):
    """Validate the data and build the site (a failed build leaves the previous output as it was)."""
    code = build_site(_path(output, OUTPUT), _path(data, None))
    if code:
        raise Exit(f"Build failed (exit {code}); the previous output was left as it was.", code=code)


@task(pre=[clean, build])
def rebuild(c):
    """Clean, then build."""


@task
def serve(c, port=PORT):
    """Serve output/ on http://localhost:PORT."""
    print(f"Serving the site on http://localhost:{port}/ (Ctrl-C to stop)")
    c.run(f"{PY} -m pelican --listen --port {port} --bind 127.0.0.1 -s pelicanconf.py -o {OUTPUT}", env=ENV)


@task(help={"port": "port to serve on", "data": "data folder to build from and watch (default data/)",
            "output": "output folder (default output/)"})
def livereload(c, port=PORT, data=None, output=None):
    """Serve the site and rebuild it, reloading the browser, when data, content, theme or plugins change."""
    import watchfiles
    from livereload import Server
    from livereload import server as lr_server
    from livereload.handlers import LiveReloadHandler
    from tornado import ioloop

    port = int(port)
    data_dir = _path(data, ROOT / "data")
    output_dir = _path(output, OUTPUT)
    sys.path.insert(0, str(ROOT / "plugins"))
    from paritrana_live.builder import LiveBuilder

    builder = LiveBuilder(ROOT, output_dir, _staging_for(output_dir), _path(data, None))
    atexit.register(builder.stop)  # the complete build runs in a process group of its own
    signal.signal(signal.SIGTERM, lambda *_args: sys.exit(0))  # so that atexit runs on `kill` too
    builder.build()

    class ExternalScript(lr_server.LiveScriptInjector):
        """python-livereload injects an inline <script>, which the site's Content-Security-Policy
        blocks; inject the same client as an external same-origin script instead."""

        def __init_subclass__(cls, **kwargs):
            super().__init_subclass__(**kwargs)
            cls.script = f'<script src="/livereload.js?port={port}"></script>'.encode()

    lr_server.LiveScriptInjector = ExternalScript
    server = Server()
    server.watch(str(output_dir / ".livereload-never-changes"))  # our own watcher below does the work
    loop_holder = {}

    def reload_browsers():
        if "loop" in loop_holder:
            loop_holder["loop"].add_callback(LiveReloadHandler.reload_waiters, "*")

    def watch_and_rebuild():
        watched = [data_dir, ROOT / "content", ROOT / "theme", ROOT / "plugins", ROOT / "pelicanconf.py"]
        # DefaultFilter leaves out editor swap and backup files, __pycache__, .git and the like.
        for changes in watchfiles.watch(*watched, debounce=200, step=20, rust_timeout=0,
                                        watch_filter=watchfiles.DefaultFilter()):
            paths = sorted({Path(p) for _, p in changes})
            print(f"Changed: {', '.join(p.name for p in paths)}", flush=True)
            if any(p.suffix == ".py" and (ROOT / "plugins") in p.parents or p.name == "pelicanconf.py"
                   for p in paths):
                # Plugin code and settings are loaded once per process: start afresh (same arguments).
                print("Plugin code or settings changed: restarting …", flush=True)
                os.environ["PARITRANA_LIVERELOAD_RESTARTED"] = "1"
                builder.stop()
                os.execv(sys.executable, [sys.executable, *sys.orig_argv[1:]])
            builder.preview(swapped=reload_browsers)

    def start_watching():
        loop = loop_holder["loop"] = ioloop.IOLoop.current()
        threading.Thread(target=watch_and_rebuild, daemon=True, name="rebuild").start()
        if os.environ.pop("PARITRANA_LIVERELOAD_RESTARTED", None):
            # Browsers reconnect by themselves after a restart; reload them once they are back.
            deadline = time.time() + 20

            def reload_reconnected():
                if LiveReloadHandler.waiters or time.time() > deadline:
                    LiveReloadHandler.reload_waiters("*")
                    poll.stop()

            poll = ioloop.PeriodicCallback(reload_reconnected, 300)
            loop.add_callback(poll.start)

    ioloop.IOLoop.current().add_callback(start_watching)
    print(f"Serving the site with live reload on http://127.0.0.1:{port}/ (Ctrl-C to stop)", flush=True)
    server.serve(host="127.0.0.1", port=port, root=str(output_dir), open_url_delay=None)


@task(help={"output": "output folder (default output/)"})
def publish(c, output=None):
    """Build the public site with publishconf.py into output/: needs PARITRANA_SITEURL, writes `_headers`/`_redirects`,
    and refuses (leaving output/ as it was) when any canonical, hreflang, og:url, sitemap or feed URL is
    not absolute under that address."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from paritrana_publish.run import finish
    from paritrana_publish.siteurl import SiteUrlError, check_siteurl

    try:
        siteurl = check_siteurl(os.environ.get("PARITRANA_SITEURL"))
    except SiteUrlError as exc:
        raise Exit(f"Publish refused: {exc}", code=2) from None
    code = build_site(_path(output, OUTPUT), None, "publishconf.py", finish=lambda staging: finish(staging, siteurl))
    if code:
        raise Exit(f"Publish failed (exit {code}); the previous output was left as it was.", code=code)
    print(f"Published build for {siteurl}/ in {_path(output, OUTPUT)} "
          "(with _headers and _redirects for Netlify and Cloudflare Pages)")



HOST_DOCS = {"docs/DEPLOY.md": ("headers", "nginx", "caddy", "apache"),
             "docs/SECURITY.md": ("headers", "nginx", "apache")}


@task(name="host-docs")
def host_docs(c):
    """Rewrite the host snippets (_headers, nginx, Caddy, Apache) in docs/ from the theme's one policy."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from paritrana_publish.hostfiles import doc_block

    for doc, names in HOST_DOCS.items():
        for name in names:
            update_section(ROOT / doc, f"host-{name}", doc_block(name))
        print(f"{doc}: {', '.join(names)}")

# --- tools for the quality gates ----------------------------------------------------------------

def _missing_tools() -> list[str]:
    found = {"chromium": Path(os.environ.get("PARITRANA_CHROMIUM", "/usr/bin/chromium")).exists()
             or shutil.which("chromium") is not None,
             "java": shutil.which("java") is not None,
             "npm": shutil.which("npm") is not None and shutil.which("node") is not None}
    return [name for name, ok in found.items() if not ok]


def ensure_tools(c) -> list[str]:
    """Install what the quality gates need; return what is still missing (after saying so loudly).

    With apt and root: apt-get installs Chromium, Java and Node/npm when absent. Then npm installs the
    pinned axe-core and Lighthouse into node_modules/ (again only when package-lock.json changed).
    """
    missing = _missing_tools()
    if missing and shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        packages = [p for name in missing for p in TOOLS[name][0]]
        print(f"Installing {', '.join(packages)} with apt-get …", flush=True)
        apt_env = {"DEBIAN_FRONTEND": "noninteractive"}
        c.run("apt-get update -qq", env=apt_env, warn=True)
        c.run(f"apt-get install -y -qq --no-install-recommends {' '.join(packages)}", env=apt_env, warn=True)
        missing = _missing_tools()
    if "npm" not in missing:
        lock = ROOT / "package-lock.json"
        stamp = NODE_MODULES / ".paritrana-lock-sha256"
        digest = hashlib.sha256(lock.read_bytes()).hexdigest()
        if not (stamp.exists() and stamp.read_text() == digest and (NODE_MODULES / "axe-core").is_dir()):
            print("Installing axe-core, vnu-jar and lighthouse (package-lock.json) into node_modules/ …", flush=True)
            if c.run("npm ci --no-audit --no-fund --loglevel=error", warn=True).ok:
                stamp.write_text(digest)
        if not (NODE_MODULES / "axe-core" / "axe.min.js").exists():
            missing.append("npm")
    for name in missing:
        packages, gates = TOOLS[name]
        bar = "!" * 78
        print(f"\n{bar}\nMISSING: {name} (Debian: apt-get install {' '.join(packages)})\n"
              f"  These gates will be SKIPPED: {gates}.\n"
              f"  In CI (CI=true) they FAIL instead.\n{bar}\n", file=sys.stderr, flush=True)
    return missing


@task
def tools(c):
    """Install (or report) Chromium, Java and the npm tools the quality gates need."""
    missing = ensure_tools(c)
    if missing and os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        raise Exit(f"missing in CI: {', '.join(missing)}", code=1)


@task(help={"k": "only tests matching this pytest -k expression",
            "quick": "leave out the quality gates (tests/test_quality_*.py)"})
def test(c, k=None, quick=False):
    """Run the whole test suite (both cores), quality gates included; installs the tools they need first."""
    if not quick:
        ensure_tools(c)
    selection = f" -k {json.dumps(k)}" if k else ""
    if quick:
        selection += " --ignore-glob='tests/test_quality_*'"
    start = time.perf_counter()
    try:
        c.run(f"{PY} -m pytest -n 2 --dist loadgroup -q -rsxX --durations=15{selection} tests", env=ENV)
    finally:
        print(f"Test suite: {time.perf_counter() - start:.0f} s", flush=True)


@task(help={"sizes": "winner-row counts to benchmark (space-separated)",
            "output": "Markdown file to write the results into (e.g. BENCHMARKS.md)"})
def bench(c, sizes="1000 10000 100000", output=None):
    """Full-site builds of synthetic data (and the bundled data): wall time, pages/s, peak memory, size."""
    target = f" --markdown {output}" if output else ""
    c.run(f"{PY} scripts/bench_build.py --sizes {sizes}{target}", env=ENV)
    c.run(f"{PY} scripts/bench_maps.py", env=ENV)  # map page transfer and the page-weight budgets


@task(name="bench-data")
def bench_data(c, sizes="10000 100000"):
    """Benchmark loading and validating synthetic data of the given sizes (the data layer alone)."""
    c.run(f"{PY} scripts/bench_data.py {sizes}", env=ENV)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve_folder(root: Path, port: int = 0, prefix: str = "/", headers=()):
    """Serve a built site on 127.0.0.1 in a thread, gzip-compressed like a production host.

    Returns (server, base URL); call server.shutdown() when done. Unknown paths get the 404 page of
    their language with status 404. `prefix` serves the site under a sub-path ('/arsip/'), as a
    publish build for such an address expects; `headers` ((name, value) pairs) go with every response.
    """
    import gzip
    import http.server

    root = Path(root)
    prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(root), **kwargs)

        def log_message(self, *args):
            pass

        def end_headers(self):
            for name, value in headers:
                self.send_header(name, value)
            super().end_headers()

        def do_GET(self):
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
                path = str(root / ("en/404.html" if self.path.startswith("/en/") else "404.html"))
            body = Path(path).read_bytes()
            ctype = self.guess_type(path)
            compress = ("gzip" in self.headers.get("Accept-Encoding", "")
                        and ctype.split(";")[0] in COMPRESSIBLE)
            if compress:
                body = gzip.compress(body, 6, mtime=0)
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-cache" if ctype.startswith("text/html") else "max-age=3600")
            if compress:
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            self.wfile.write(body)

    Handler.extensions_map = {**Handler.extensions_map, ".js": "text/javascript", ".mjs": "text/javascript",
                              ".json": "application/json", ".geojson": "application/geo+json",
                              ".wasm": "application/wasm", ".webmanifest": "application/manifest+json",
                              ".svg": "image/svg+xml"}
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True, name="serve").start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


COMPRESSIBLE = {"text/html", "text/css", "text/javascript", "application/javascript", "application/json",
                "application/geo+json", "image/svg+xml", "text/plain", "application/xml", "text/xml",
                "application/manifest+json", "text/csv"}
@task(help={"form": "mobile (default) or desktop", "edition": "edition year to audit",
            "province": "province slug to audit (its longest regency or city page is audited too)",
            "path": "the sub-path the site is published and served under, e.g. /arsip/ (default /)",
            "markdown": "write the scores into this file's audit block"})
def audit(c, form="mobile", edition="2024", province="jawa-timur", path="/", markdown=None):
    """Lighthouse (npm, Debian Chromium) on every page type in both languages, as published.

    Runs `invoke publish` for http://127.0.0.1:<port><path> into a temporary folder (publishconf.py,
    absolute URLs, the URL check, _headers), serves it there gzip-compressed with the headers of
    `_headers`, and prints the four category scores of home, edition, province, regency or city,
    category, map, search, data and about pages.
    """
    import tempfile

    sys.path.insert(0, str(ROOT / "plugins"))
    from paritrana_publish.audit import audit_pages
    from paritrana_publish.policy import headers
    from paritrana_publish.run import finish

    missing = ensure_tools(c)
    if {"chromium", "npm"} & set(missing):
        raise Exit("audit needs Chromium and npm (see the messages above)", code=1)
    chromium = os.environ.get("PARITRANA_CHROMIUM", "/usr/bin/chromium")
    prefix = "/" + path.strip("/") + "/" if path.strip("/") else "/"
    with tempfile.TemporaryDirectory(prefix="paritrana-audit-") as tmp:
        site, reports = Path(tmp) / "site", Path(tmp) / "reports"
        reports.mkdir()
        port = free_port()
        siteurl = f"http://127.0.0.1:{port}{prefix}".rstrip("/")
        os.environ["PARITRANA_SITEURL"] = siteurl + "/"
        if build_site(site, None, "publishconf.py", finish=lambda staging: finish(staging, siteurl)):
            raise Exit("the publish build failed", code=1)
        sent = [(n, v) for n, v in headers() if n != "Strict-Transport-Security"]  # plain http on 127.0.0.1
        server, _base = serve_folder(site, port, prefix, sent)
        rows = []
        try:
            for kind, id_path, en_path in audit_pages(site, siteurl, edition, province):
                for lang, page in (("id", id_path), ("en", en_path)):
                    report = reports / f"{kind}-{lang}.json"
                    preset = " --preset=desktop" if form == "desktop" else ""
                    command = (f"{NODE_MODULES / '.bin' / 'lighthouse'} {siteurl}/{page} --quiet --output=json "
                               f"--output-path={report} --chrome-path={chromium}{preset} "
                               "--only-categories=performance,accessibility,best-practices,seo "
                               f"--chrome-flags=\"{' '.join(CHROMIUM_FLAGS)}\"")
                    for attempt in range(3):  # Lighthouse's own trace errors (NO_NAVSTART) under load
                        ran = c.run(command, hide=True, warn=True)
                        if ran.ok:
                            break
                        print(f"{kind} {lang}: Lighthouse failed ({ran.stderr.strip().splitlines()[-1:]}); "
                              f"{'again' if attempt < 2 else 'giving up'}", flush=True)
                    else:
                        raise Exit(f"Lighthouse failed three times on {siteurl}/{page}", code=1)
                    result = json.loads(report.read_text())
                    scores = {k: round(100 * (v["score"] or 0)) for k, v in result["categories"].items()}
                    failing = [a["id"] for a in result["audits"].values()
                               if a.get("score") is not None and a["score"] < 1
                               and a.get("scoreDisplayMode") in ("binary", "numeric")]
                    rows.append((kind, lang, f"{prefix}{page}", scores, failing))
                    print(f"{kind:9} {lang}  {prefix}{page:34} performance {scores['performance']:3}  "
                          f"accessibility {scores['accessibility']:3}  best-practices "
                          f"{scores['best-practices']:3}  SEO {scores['seo']:3}", flush=True)
        finally:
            server.shutdown()
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    options = f"--form {form}" + (f" --path {prefix}" if prefix != "/" else "")
    lines = [f"Lighthouse {_lighthouse_version()} ({form}), Chromium {_chromium_version(chromium)}; "
             f"`invoke audit {options}{' --markdown ' + markdown if markdown else ''}` (a publish build served at "
             f"`http://127.0.0.1:<port>{prefix}` with the headers of `_headers`); load average at the end {load} "
             "(the performance score drops when other processes compete for the 2 cores).", "",
             "| page | lang | URL | performance | accessibility | best practices | SEO |",
             "|---|---|---|---|---|---|---|"]
    for kind, lang, url, s, _failing in rows:
        lines.append(f"| {kind} | {lang} | `{url}` | {s['performance']} | {s['accessibility']} | "
                     f"{s['best-practices']} | {s['seo']} |")
    notes = [f"- {kind} {lang}: below full score: {', '.join(sorted(failing))}"
             for kind, lang, _url, _s, failing in rows if failing]
    if notes:
        lines += ["", "Audits below full score (they cost points only where weighted):", *notes]
    print("\n" + "\n".join(lines))
    if markdown:
        update_section(_path(markdown, None), "audit", "\n".join(lines) + "\n")


def update_section(path: Path, name: str, text: str) -> None:
    """Replace the block between <!-- name:start --> and <!-- name:end --> of a Markdown file."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    block = f"{start}\n{text.rstrip()}\n{end}"
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    if start in current and end in current:
        before, rest = current.split(start, 1)
        current = before + block + rest.split(end, 1)[1]
    else:
        current = current.rstrip() + ("\n\n" if current else "") + block + "\n"
    path.write_text(current, encoding="utf-8")


def _lighthouse_version() -> str:
    try:
        return json.loads((NODE_MODULES / "lighthouse" / "package.json").read_text())["version"]
    except OSError:
        return "?"


def _chromium_version(chromium: str) -> str:
    try:
        out = subprocess.run([chromium, "--version"], capture_output=True, text=True, timeout=30).stdout
        return out.split()[1] if out else "?"
    except (OSError, IndexError, subprocess.SubprocessError):
        return "?"


@task(name="i18n-extract")
def i18n_extract(c):
    """Collect UI strings from templates and plugins into messages.pot."""
    c.run(f"{PY} -m babel.messages.frontend extract -F babel.cfg -k _ -k gettext -k ngettext:1,2 "
          f"--no-location --sort-output --omit-header -o {CATALOGUES / 'messages.pot'} .")


@task(name="i18n-update", pre=[i18n_extract])
def i18n_update(c):
    """Merge new UI strings into each language's messages.po for translating."""
    c.run(f"{PY} -m babel.messages.frontend update -i {CATALOGUES / 'messages.pot'} -d {CATALOGUES} "
          "--no-location --omit-header --width 100")


@task(name="i18n-compile")
def i18n_compile(c):
    """Compile the catalogues and report untranslated strings (the build compiles them itself)."""
    c.run(f"{PY} -m babel.messages.frontend compile -d {CATALOGUES} --statistics")


@task(name="import", help={
    "sheet": "the CSV or XLSX file to import", "edition": "edition (assessment year) of rows without one",
    "level": "nasional or provinsi, for rows without one", "province": "the province that ran the round",
    "category": "category of rows without one", "source_url": "source of rows without one",
    "year": "coverage: year of figures without one", "basis": "coverage: what the figures are counted on",
    "sheet_name": "only this worksheet", "kind": "winners or coverage (default: from the headers)",
    "output": "file name under data/winners/ or data/coverage/", "dry_run": "check and report, write nothing",
    "data": "data folder (default data/)"})
def import_(c, sheet, edition="", level="", province="", category="", source_url="", year="", basis="",
            sheet_name=None, kind=None, output=None, dry_run=False, data="data"):
    """Import a province office's results or coverage sheet into data/ (`python -m paritrana_data import`)."""
    args = [PY, "-m", "paritrana_data", "import", sheet, "--data", data]
    for flag, value in (("edition", edition), ("level", level), ("province", province), ("category", category),
                        ("source-url", source_url), ("year", year), ("basis", basis), ("sheet", sheet_name),
                        ("kind", kind), ("output", output)):
        if value:
            args += [f"--{flag}", str(value)]
    if dry_run:
        args.append("--dry-run")
    result = subprocess.run(args, env={**os.environ, **ENV}, check=False)
    if result.returncode:
        raise Exit(code=result.returncode)
