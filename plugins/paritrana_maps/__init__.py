"""Coverage maps and charts: a folium (Leaflet) choropleth with self-hosted assets on the map page,
a 38-province tile map, and server-rendered SVG charts with a table of the same numbers beside each."""

from pelican import signals

from paritrana_pages.hooks import pages_built

from .generator import MapsGenerator, add_page_values
from .settings import apply_defaults


def _settings(pelican):
    apply_defaults(pelican.settings)


def _generators(pelican):
    return MapsGenerator


def register():
    """Check the settings, add the maps generator, and add maps and charts to the data pages."""
    signals.initialized.connect(_settings)
    signals.get_generators.connect(_generators)
    pages_built.connect(add_page_values)
