"""The pages plugin's rows of the settings table."""

from __future__ import annotations

from paritrana_core.checks import whole_number
from paritrana_core.folders import declare_folders
from paritrana_core.settings import Setting, declare, languages, usable_cores
from paritrana_core.urls import not_found_url, save_as, url

ROWS = declare(
    "paritrana_pages",
    Setting("PARITRANA_PAGES_WORKERS", lambda _s: min(2, usable_cores()), whole_number(1),
            "Processes writing data pages: 2 renders the second language in a forked process (parallel.py)."),
    Setting("PARITRANA_PAGES_FORK_MIN", 200, whole_number(1),
            "Below this many data pages a second process costs more than it saves."),
    Setting("PARITRANA_PAGES_LIST_LIMIT", 300, whole_number(1),
            "A province or category page lists each award itself up to this many; a longer province page lists "
            "those in none of its regencies and cities (their own pages list the rest), a longer category page "
            "counts its winners per edition and round and points to the edition pages and the downloads."),
)


def claims(settings) -> list[tuple[str, str]]:
    """The data pages' folders, the home and 404 pages."""
    out = []
    for code in languages(settings):
        out += [(url(kind, code), "data pages") for kind in ("editions", "provinces", "categories", "standings")]
        out += [(save_as(url("home", code)), "home page"), (not_found_url(code), "404 page")]
    return out


declare_folders("paritrana_pages", claims)
