"""The pages plugin's settings: defaults in one place, checked once at start-up."""

from __future__ import annotations

import os
from pathlib import Path


def usable_cores() -> int:
    """Cores this process may run on (2 on the project's machines)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


DEFAULTS = {
    "PARITRANA_DATA_DIR": "data",
    "PARITRANA_LANGUAGES": ("id", "en"),
    "PARITRANA_SITE_NAME": "Arsip Paritrana Award",
    # Processes writing data pages: 2 renders the second language in a forked process (parallel.py).
    "PARITRANA_PAGES_WORKERS": min(2, usable_cores()),
    # Below this many data pages a second process costs more than it saves.
    "PARITRANA_PAGES_FORK_MIN": 200,
    # A province or category page lists each award itself up to this many; a longer province page lists
    # those in none of its regencies and cities (their own pages list the rest), a longer category page
    # counts its winners per edition and round and points to the edition pages and the downloads.
    "PARITRANA_PAGES_LIST_LIMIT": 300,
}


class SettingsError(SystemExit):
    """A PARITRANA_* setting is wrong; the message says which and how to fix it."""


def apply_defaults(settings) -> None:
    """Fill in missing PARITRANA_* settings and validate them."""
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
    data_dir = Path(settings["PARITRANA_DATA_DIR"])
    if not data_dir.is_dir():
        raise SettingsError(f"PARITRANA_DATA_DIR: folder '{data_dir}' does not exist "
                            "(set it in pelicanconf.py to the folder holding regions/, winners/ …)")
    langs = tuple(settings["PARITRANA_LANGUAGES"])
    if langs != ("id", "en"):
        raise SettingsError("PARITRANA_LANGUAGES must be ('id', 'en'): Indonesian at /, English at /en/")
    for key in ("PARITRANA_PAGES_WORKERS", "PARITRANA_PAGES_FORK_MIN", "PARITRANA_PAGES_LIST_LIMIT"):
        value = settings[key]
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise SettingsError(f"{key} must be a whole number of at least 1 (got {value!r})")
    if settings.get("DEFAULT_LANG") != "id":
        raise SettingsError("DEFAULT_LANG must be 'id' (Indonesian is the main language)")
