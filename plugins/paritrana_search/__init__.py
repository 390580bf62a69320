"""Full-text search with Pagefind: one index per language, filters, short names, /cari/ and /en/search/."""

from pelican import signals

from paritrana_pages.hooks import pages_built

from .generator import SearchGenerator
from .indexer import index_site, remember, reset
from .settings import apply_defaults
from .terms import add_search_values


def _settings(pelican):
    apply_defaults(pelican.settings)
    reset()


def _generators(pelican):
    return SearchGenerator


def register():
    """Check settings, add the search pages, give data pages their search values, index the site."""
    signals.initialized.connect(_settings)
    signals.get_generators.connect(_generators)
    pages_built.connect(add_search_values)
    signals.content_written.connect(remember)
    signals.finalized.connect(index_site)
