"""Data for everyone: CSV, XLSX and JSON downloads, a static JSON API, datapackage.json, the data page
(data/, en/data/) and the "Cite this page" block on edition, province and regency pages."""

from pelican import signals

from paritrana_pages.hooks import pages_built

from .generator import DownloadsGenerator, cite_pages
from .settings import apply_defaults


def _settings(pelican):
    apply_defaults(pelican.settings)


def _generators(pelican):
    return DownloadsGenerator


def register():
    """Check settings, add the downloads generator, add citations to the data pages."""
    signals.initialized.connect(_settings)
    signals.get_generators.connect(_generators)
    pages_built.connect(cite_pages)
