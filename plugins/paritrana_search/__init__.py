"""Full-text search with Pagefind: one index per language, filters, short names, /cari/ and /en/search/."""

from pelican import signals

import paritrana_core
from paritrana_core.hooks import pages_built
from paritrana_core.navigation import add_menu_entry

from . import settings  # noqa: F401  (declares the plugin's settings and folders)
from .generator import SEARCH_URLS, SearchGenerator
from .indexer import index_site
from .terms import add_search_values

add_menu_entry("paritrana_search", 80, lambda _: _("Search"), SEARCH_URLS)


def _generators(pelican):
    return SearchGenerator


def register():
    """Check settings, add the search pages, give data pages their search values, index the site."""
    paritrana_core.register()
    signals.get_generators.connect(_generators)
    pages_built.connect(add_search_values)
    signals.finalized.connect(index_site)
