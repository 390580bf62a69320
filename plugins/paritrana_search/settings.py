"""The search plugin's rows of the settings table."""

from __future__ import annotations

from paritrana_core.checks import beside_content, boolean, cache_folder, positive_number, text, texts
from paritrana_core.folders import declare_folders
from paritrana_core.settings import Setting, declare


def _bundle_dir(value, _settings):
    if not isinstance(value, str) or not value.strip("/") or ".." in value.split("/") or value.startswith("/"):
        return "give a folder name inside the output, e.g. 'pagefind'"


ROWS = declare(
    "paritrana_search",
    Setting("PARITRANA_SEARCH_INDEX", True, boolean,
            "Build the Pagefind index after Pelican has written the site (False only for quick local checks: "
            "the search page then says the index is missing)."),
    Setting("PARITRANA_SEARCH_BUNDLE_DIR", "pagefind", _bundle_dir,
            "Folder of the Pagefind bundle inside the output (index, pagefind.js, its UI files)."),
    # Table headers and tables of contents are repeated on every page, the share kit and the citation box
    # say the same words on every data page. Any element with data-pagefind-ignore is left out too.
    Setting("PARITRANA_SEARCH_ROOT_SELECTOR", "main", text("main"),
            "The element whose content is indexed on every page (a CSS selector)."),
    Setting("PARITRANA_SEARCH_EXCLUDE_SELECTORS", ("thead", ".toc", ".share-kit", ".cite"),
            texts(("thead", ".toc")), "Elements inside the indexed one that are left out (CSS selectors)."),
    Setting("PARITRANA_SEARCH_TIMEOUT", 300, positive_number, "Seconds the Pagefind binary may take before the build fails."),
    Setting("PARITRANA_SEARCH_CACHE_DIR", beside_content("search"), cache_folder(optional=True),
            "Bundles of earlier builds, reused while the indexed pages stay the same; None runs Pagefind every build."),
)
DEFAULTS = {row.name: row.default for row in ROWS if not callable(row.default)}


def claims(settings) -> list[tuple[str, str]]:
    """The search pages, the search script and the Pagefind bundle."""
    from .generator import SCRIPT_URL, SEARCH_URLS

    return [*((u, "search page") for u in SEARCH_URLS.values()), (SCRIPT_URL, "search script"),
            (settings["PARITRANA_SEARCH_BUNDLE_DIR"].strip("/"), "PARITRANA_SEARCH_BUNDLE_DIR")]


declare_folders("paritrana_search", claims)
