"""Maps and charts: on the map page a folium (Leaflet) coverage choropleth with self-hosted assets and
an SVG map of known awards per province; on province pages an SVG map of their kabupaten/kota, on
kabupaten/kota pages a locator map; a 38-province tile map and SVG charts, each with a table."""

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
