"""Project tasks (invoke), in the shape of Pelican's quickstart plus data, test, quality and i18n tasks.

The tasks only read their options: the work is done in sitetools/, which the tests and scripts use too.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from invoke import task
from invoke.exceptions import Exit

from sitetools import ROOT, plugins_on_path
from sitetools.build import ENV, OUTPUT, STAGING, build_site, pelican_listen_command
from sitetools.sections import update_section
from sitetools.tools import ensure_tools, require_tools

PY = sys.executable
PORT = int(os.environ.get("PORT", "8000"))
CATALOGUES = ROOT / "theme" / "translations"
HOST_DOCS = {"docs/DEPLOY.md": ("headers", "nginx", "caddy", "apache"),
             "docs/SECURITY.md": ("headers", "nginx", "apache")}


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
    c.run(pelican_listen_command(port), env=ENV)


@task(help={"port": "port to serve on", "data": "data folder to build from and watch (default data/)",
            "output": "output folder (default output/)"})
def livereload(c, port=PORT, data=None, output=None):
    """Serve the site and rebuild it, reloading the browser, when data, content, theme or plugins change."""
    from sitetools.live.loop import run

    run(int(port), _path(data, None), _path(output, OUTPUT))


@task(help={"output": "output folder (default output/)"})
def publish(c, output=None):
    """Build the public site with publishconf.py into output/: needs PARITRANA_SITEURL, writes `_headers`/`_redirects`,
    and refuses (leaving output/ as it was) when any canonical, hreflang, og:url, sitemap or feed URL is
    not absolute under that address."""
    plugins_on_path()
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


@task(name="host-docs")
def host_docs(c):
    """Rewrite the host snippets (_headers, nginx, Caddy, Apache) in docs/ from the theme's one policy."""
    plugins_on_path()
    from paritrana_publish.hostfiles import doc_block

    for doc, names in HOST_DOCS.items():
        for name in names:
            update_section(ROOT / doc, f"host-{name}", doc_block(name))
        print(f"{doc}: {', '.join(names)}")


@task
def tools(c):
    """Install (or report) Chromium, Java and the npm tools the quality gates need."""
    require_tools(c)


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
    from sitetools.audit import run_audit

    run_audit(c, form, edition, province, path, markdown)


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
