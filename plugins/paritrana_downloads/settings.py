"""The downloads plugin's rows of the settings table."""

from __future__ import annotations

from paritrana_core.checks import beside_content, cache_folder, site_path, whole_number
from paritrana_core.folders import declare_folders
from paritrana_core.settings import Setting, declare

CITABLE = {"edition", "province", "regency", "category", "home", "editions", "provinces", "categories"}


def _cite_templates(value, _settings):
    if isinstance(value, str) or not isinstance(value, (list, tuple, set)) or not set(value) <= CITABLE:
        return f"give a tuple of page types from {sorted(CITABLE)}, e.g. ('edition', 'province', 'regency')"


ROWS = declare(
    "paritrana_downloads",
    Setting("PARITRANA_DOWNLOADS_DIR", "unduh", site_path("unduh"),
            "Folder of the CSV, XLSX and JSON downloads (site-relative, no leading or trailing slash)."),
    Setting("PARITRANA_DOWNLOADS_API_DIR", "api/v1", site_path("api/v1"),
            "Folder of the static JSON API; its index is <dir>/index.json."),
    Setting("PARITRANA_DOWNLOADS_DATAPACKAGE", "datapackage.json", site_path("datapackage.json", ".json"),
            "The Frictionless data package that describes every download."),
    Setting("PARITRANA_DOWNLOADS_CITE_TEMPLATES", ("edition", "province", "regency"), _cite_templates,
            "Page types (Page.template) that show the \"Cite this page\" block."),
    Setting("PARITRANA_DOWNLOADS_CACHE_KEEP", 3, whole_number(1),
            "Rendered files, named by a hash of their inputs, kept by the last this many builds of other data."),
    Setting("PARITRANA_DOWNLOADS_CACHE_DIR", beside_content("downloads"), cache_folder(),
            "Rendered files between builds: .cache/downloads beside the content folder."),
)


def claims(settings) -> list[tuple[str, str]]:
    """The data page of every language, the downloads, the API and the data package."""
    from .paths import DATA_PAGES

    return [*((u, "data page") for u in DATA_PAGES.values()),
            *((settings[key], key) for key in ("PARITRANA_DOWNLOADS_DIR", "PARITRANA_DOWNLOADS_API_DIR",
                                               "PARITRANA_DOWNLOADS_DATAPACKAGE"))]


declare_folders("paritrana_downloads", claims)
