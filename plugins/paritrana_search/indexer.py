"""Run Pagefind over the pages this build wrote, once Pelican has finished writing.

Only HTML files written through Pelican's writer in this build are indexed (never stale files in a
reused output folder), minus pages that must not be found: the search pages themselves and any
page whose <head> says `<meta name="robots" content="noindex">` (the 404 pages). Pagefind reads
the selected pages from a temporary copy of the site and writes its bundle into the output.

Pagefind splits the index by each page's <html lang>; the build stops unless it made exactly one
index per site language. The parts of the bundle Pagefind writes in random order are then rewritten
in sorted order (canonical.py), so the same pages always give a byte-identical bundle.
"""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from paritrana_core.preview import is_preview
from paritrana_core.settings import SettingsError, languages
from paritrana_core.written import html_files, is_noindex

from .bundle_cache import bundle_key, restore, store
from .canonical import normalise_bundle
from .generator import search_urls
from .snippets import write_spaced

logger = logging.getLogger(__name__)


class SearchIndexError(SystemExit):
    """Pagefind failed or produced something unexpected; the message says what."""


def pages_to_index(output: Path, written) -> list[Path]:
    """Written pages that belong in the index, as paths relative to the output, sorted."""
    skip = {u + "index.html" for u in search_urls().values()}
    chosen = []
    for name in written:
        path = Path(name)
        try:
            rel = path.resolve().relative_to(output.resolve())
        except ValueError:
            continue
        if rel.as_posix() in skip or not path.is_file():
            continue
        if is_noindex(path):
            continue
        chosen.append(rel)
    return sorted(chosen)


def pagefind_options(settings) -> list[str]:
    options = ["--root-selector", settings["PARITRANA_SEARCH_ROOT_SELECTOR"]]
    for selector in settings["PARITRANA_SEARCH_EXCLUDE_SELECTORS"]:
        options += ["--exclude-selectors", selector]
    return options


def pagefind_command(site: Path, bundle: Path, settings) -> list[str]:
    return [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(bundle),
            *pagefind_options(settings)]


def build_index(output: Path, settings, written) -> dict:
    """Index the chosen pages into <output>/<bundle dir>; return Pagefind's entry file as a dict."""
    output = Path(output).resolve()
    pages = pages_to_index(output, written)
    if not pages:
        raise SearchIndexError("search: no pages to index (did the pages plugin write anything?)")
    bundle = output / settings["PARITRANA_SEARCH_BUNDLE_DIR"].strip("/")
    start = time.perf_counter()
    how = make_bundle(output, pages, bundle, settings)
    seconds = time.perf_counter() - start
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    found = set(entry.get("languages", {}))
    expected = set(languages(settings))
    if found != expected:
        raise SearchIndexError(f"search: Pagefind made indexes for {sorted(found)}, expected one per language "
                               f"{sorted(expected)}: every page needs <html lang> set to its language")
    counts = ", ".join(f"{code}: {info['page_count']}" for code, info in sorted(entry["languages"].items()))
    logger.info("Search index of %d pages (%s) in %.2f s (%s)", len(pages), counts, seconds, how)
    return entry


def make_bundle(output: Path, pages: list[Path], bundle: Path, settings) -> str:
    """Put the bundle of `pages` at `bundle`: from the cache when they are unchanged, else by Pagefind."""
    cache = settings.get("PARITRANA_SEARCH_CACHE_DIR")
    key = bundle_key(output, pages, pagefind_options(settings)) if cache else None
    if cache and restore(Path(cache), key, bundle):
        return "unchanged pages: bundle reused"
    run_pagefind(output, pages, bundle, settings)
    if cache:
        store(Path(cache), key, bundle)
    return "Pagefind run"


def run_pagefind(output: Path, pages: list[Path], bundle: Path, settings) -> None:
    """Index `pages` (paths relative to `output`) with Pagefind into `bundle`, made byte-reproducible."""
    shutil.rmtree(bundle, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="paritrana-search-") as tmp:
        site = Path(tmp) / "site"
        for rel in pages:
            (site / rel).parent.mkdir(parents=True, exist_ok=True)
            write_spaced(output / rel, site / rel)  # text runs apart, so snippets read "Kode Kemendagri 34"
        try:
            result = subprocess.run(pagefind_command(site, bundle, settings), capture_output=True, text=True,
                                    timeout=settings["PARITRANA_SEARCH_TIMEOUT"], cwd=tmp)
        except FileNotFoundError as exc:
            raise SearchIndexError(f"search: cannot run Pagefind ({exc}); install it with "
                                   "`pip install -r requirements.txt`") from None
        except subprocess.TimeoutExpired:
            raise SearchIndexError(f"search: Pagefind took longer than {settings['PARITRANA_SEARCH_TIMEOUT']} s "
                                   "(PARITRANA_SEARCH_TIMEOUT)") from None
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SearchIndexError(f"search: Pagefind exited with {result.returncode} (its messages are above); "
                               "is `pagefind[bin]` from requirements.txt installed?")
    normalise_bundle(bundle)


def index_site(pelican) -> None:
    """finalized receiver: build the search index of the finished site."""
    written = html_files()
    if not pelican.settings.get("PARITRANA_SEARCH_INDEX", True):
        return
    if "PARITRANA_SEARCH_BUNDLE_DIR" not in pelican.settings:
        raise SettingsError("search: settings were not initialised")
    if is_preview(pelican.settings):
        return  # the edit loop keeps the last build's index until its complete build
    build_index(Path(pelican.output_path), pelican.settings, written)
