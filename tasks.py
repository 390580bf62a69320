"""Project tasks (invoke), in the shape of Pelican's quickstart plus data, test and i18n tasks."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from invoke import task

ROOT = Path(__file__).resolve().parent
OUTPUT = ROOT / "output"
STAGING = ROOT / f".build-{os.getpid()}"  # per process, so parallel builds never share a folder
PY = sys.executable
PORT = int(os.environ.get("PORT", "8000"))
CATALOGUES = ROOT / "theme" / "translations"
ENV = {"PYTHONPATH": str(ROOT / "plugins"), "PYTHONHASHSEED": "0"}


def _pelican(c, config: str, output: Path) -> None:
    c.run(f"{PY} -m pelican --fatal warnings -s {config} -o {output} {ROOT / 'content'}", env=ENV, pty=False)


@task
def validate(c, data="data"):
    """Check the data files without building; print counts, or every problem and exit 1."""
    c.run(f"{PY} -m paritrana_data validate {data}", env=ENV)


@task
def clean(c):
    """Remove the built site."""
    shutil.rmtree(OUTPUT, ignore_errors=True)
    for folder in ROOT.glob(".build-*"):
        shutil.rmtree(folder, ignore_errors=True)


def _build(c, config: str) -> None:
    """Build into a staging folder and swap it in only on success, so a failed build leaves output/ as it was."""
    shutil.rmtree(STAGING, ignore_errors=True)
    try:
        _pelican(c, config, STAGING)
    except Exception:
        shutil.rmtree(STAGING, ignore_errors=True)
        raise
    old = ROOT / f".output-old-{os.getpid()}"
    shutil.rmtree(old, ignore_errors=True)
    if OUTPUT.exists():
        OUTPUT.rename(old)
    STAGING.rename(OUTPUT)
    shutil.rmtree(old, ignore_errors=True)


@task(pre=[validate])
def build(c):
    """Validate the data, then build the site into output/."""
    _build(c, "pelicanconf.py")


@task(pre=[clean, build])
def rebuild(c):
    """Clean, then build."""


@task
def serve(c, port=PORT):
    """Serve output/ on http://localhost:PORT."""
    print(f"Serving the site on http://localhost:{port}/ (Ctrl-C to stop)")
    c.run(f"{PY} -m pelican --listen --port {port} --bind 127.0.0.1 -s pelicanconf.py -o {OUTPUT}", env=ENV)


@task
def livereload(c, port=PORT):
    """Serve the site and rebuild it, reloading the browser, when data, content, theme or plugins change."""
    from livereload import Server

    def rebuild_site():
        try:
            build(c)
        except Exception as exc:  # keep serving the last good build; the error was printed
            print(f"Build failed, keeping the previous site: {exc}", file=sys.stderr)

    rebuild_site()
    server = Server()
    for pattern in ("data/**/*", "content/**/*", "theme/**/*", "plugins/**/*.py", "pelicanconf.py"):
        server.watch(str(ROOT / pattern), rebuild_site)
    server.serve(host="127.0.0.1", port=port, root=str(OUTPUT))


@task
def publish(c):
    """Build the public site with publishconf.py (needs PARITRANA_SITEURL) into output/."""
    validate(c)
    _build(c, "publishconf.py")


@task
def test(c):
    """Run the whole test suite (both cores)."""
    c.run(f"{PY} -m pytest -n 2 -q tests", env=ENV)


@task
def bench(c, sizes="10000 100000"):
    """Benchmark loading and validating synthetic data of the given sizes."""
    c.run(f"{PY} scripts/bench_data.py {sizes}", env=ENV)


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
