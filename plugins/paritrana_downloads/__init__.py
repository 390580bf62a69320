"""Data for everyone: CSV, XLSX and JSON downloads, a static JSON API, datapackage.json, the data page
(data/, en/data/) and the "Cite this page" block on edition, province and regency pages."""

from pelican import signals

import paritrana_core
from paritrana_core.hooks import pages_built
from paritrana_core.navigation import add_menu_entry

from . import settings  # noqa: F401  (declares the plugin's settings and folders)
from .generator import DownloadsGenerator, cite_pages
from .paths import DATA_PAGES

add_menu_entry("paritrana_downloads", 70, lambda _: _("Data"), DATA_PAGES)


def _generators(pelican):
    return DownloadsGenerator


def register():
    """Check settings, add the downloads generator, add citations to the data pages."""
    paritrana_core.register()
    signals.get_generators.connect(_generators)
    pages_built.connect(cite_pages)
