"""The edit loop's search index: served from the last bundle at once, brought up to date in the background.

Pagefind needs a few seconds even for the bundled data, more than the edit loop's whole budget. With
PARITRANA_LIVERELOAD set, the build puts the most recently made bundle in place (search keeps
working, a little behind) and `refresh()`, which `invoke livereload` calls once the new site is
being served, indexes it in a folder of its own and swaps the fresh bundle in. A rebuild that
starts meanwhile makes the refresh give up; the next one starts over.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path

from .bundle_cache import place, reading

logger = logging.getLogger(__name__)


def latest_bundle(cache_dir: Path) -> Path | None:
    """The bundle in the cache used or made last."""
    if not cache_dir.is_dir():
        return None
    bundles = [p for p in cache_dir.iterdir()
               if p.is_dir() and not p.name.startswith(".") and (p / "pagefind-entry.json").is_file()]
    return max(bundles, key=lambda p: p.stat().st_mtime, default=None)


def place_latest(output: Path, settings) -> bool:
    """Put the newest cached bundle into `output`; False when the cache has none yet."""
    cache = settings.get("PARITRANA_SEARCH_CACHE_DIR")
    if not cache:
        return False
    with reading(Path(cache)):
        newest = latest_bundle(Path(cache))
        if newest is None:
            return False
        place(newest, output / settings["PARITRANA_SEARCH_BUNDLE_DIR"].strip("/"))
    return True


def refresh(output: Path, settings, still_current) -> bool:
    """Index the served site `output` and swap the bundle in, if `still_current()` holds at the end.

    `still_current` is called with the builder's lock held (no rebuild can swap the site meanwhile).
    """
    from .indexer import make_bundle, pages_to_index

    output = Path(output)
    try:
        pages = pages_to_index(output, [str(p) for p in output.rglob("*.html")])
        with tempfile.TemporaryDirectory(prefix="paritrana-search-fresh-") as tmp:
            fresh = Path(tmp) / "bundle"
            make_bundle(output, pages, fresh, settings)
            return still_current(lambda: _swap(output / settings["PARITRANA_SEARCH_BUNDLE_DIR"].strip("/"), fresh))
    except (OSError, SystemExit) as exc:  # the site was swapped under us, or Pagefind failed: next time
        logger.warning("search: the background index was not refreshed (%s)", exc)
        return False


def _swap(bundle: Path, fresh: Path) -> None:
    old = bundle.with_name(bundle.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if bundle.exists():
        bundle.rename(old)
    shutil.move(str(fresh), str(bundle))
    shutil.rmtree(old, ignore_errors=True)
