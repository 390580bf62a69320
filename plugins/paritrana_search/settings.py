"""The search plugin's settings: defaults in one place, checked once at start-up."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULTS = {
    # Build the Pagefind index after Pelican has written the site (False only for quick local checks:
    # the search page then says the index is missing).
    "PARITRANA_SEARCH_INDEX": True,
    # Folder of the Pagefind bundle inside the output (index, pagefind.js, its UI files).
    "PARITRANA_SEARCH_BUNDLE_DIR": "pagefind",
    # The element whose content is indexed on every page, and elements inside it left out: table
    # headers and tables of contents (repeated on every page), the share kit and the citation box
    # (the same words on every data page). Any element with data-pagefind-ignore is left out too.
    "PARITRANA_SEARCH_ROOT_SELECTOR": "main",
    "PARITRANA_SEARCH_EXCLUDE_SELECTORS": ("thead", ".toc", ".share-kit", ".cite"),
    # Seconds the Pagefind binary may take before the build fails.
    "PARITRANA_SEARCH_TIMEOUT": 300,
}


def cache_default(settings) -> str:
    """Bundles of earlier builds, reused while the indexed pages stay the same (outside the output)."""
    return str(Path(settings.get("PATH", "content")).resolve().parent / ".cache" / "search")


class SettingsError(SystemExit):
    """A PARITRANA_SEARCH_* setting is wrong; the message says which and how to fix it."""


def apply_defaults(settings) -> None:
    """Fill in missing PARITRANA_SEARCH_* settings and validate them."""
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
    settings.setdefault("PARITRANA_SEARCH_CACHE_DIR", cache_default(settings))
    cache = settings["PARITRANA_SEARCH_CACHE_DIR"]
    if cache is not None:  # None: run Pagefind on every build
        if not isinstance(cache, (str, os.PathLike)) or not str(cache):
            raise SettingsError(f"PARITRANA_SEARCH_CACHE_DIR must be a folder path or None (got {cache!r})")
        output = Path(settings.get("OUTPUT_PATH", "output")).resolve()
        if Path(cache).resolve() == output or output in Path(cache).resolve().parents:
            raise SettingsError(f"PARITRANA_SEARCH_CACHE_DIR ({cache}) must be outside the output folder ({output})")
    if not isinstance(settings["PARITRANA_SEARCH_INDEX"], bool):
        raise SettingsError("PARITRANA_SEARCH_INDEX must be True or False")
    bundle = settings["PARITRANA_SEARCH_BUNDLE_DIR"]
    if not isinstance(bundle, str) or not bundle.strip("/") or ".." in bundle.split("/") or bundle.startswith("/"):
        raise SettingsError("PARITRANA_SEARCH_BUNDLE_DIR must be a folder name inside the output, e.g. 'pagefind'")
    if not isinstance(settings["PARITRANA_SEARCH_ROOT_SELECTOR"], str) or not settings["PARITRANA_SEARCH_ROOT_SELECTOR"]:
        raise SettingsError("PARITRANA_SEARCH_ROOT_SELECTOR must be a CSS selector such as 'main'")
    excluded = settings["PARITRANA_SEARCH_EXCLUDE_SELECTORS"]
    if isinstance(excluded, str) or not all(isinstance(s, str) and s for s in excluded):
        raise SettingsError("PARITRANA_SEARCH_EXCLUDE_SELECTORS must be a tuple of CSS selectors")
    timeout = settings["PARITRANA_SEARCH_TIMEOUT"]
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or timeout <= 0:
        raise SettingsError("PARITRANA_SEARCH_TIMEOUT must be a positive number of seconds")
