"""Maps and charts: on the map page a folium (Leaflet) coverage choropleth with self-hosted assets and
an SVG map of known awards per province; on province pages an SVG map of their kabupaten/kota, on
kabupaten/kota pages a locator map; a 38-province tile map and SVG charts, each with a table."""

from pelican import signals

import paritrana_core
from paritrana_core.hooks import pages_built
from paritrana_core.navigation import add_menu_entry

from . import settings  # noqa: F401  (declares the plugin's settings and folders)
from .generator import MapsGenerator, add_page_values
from .model import MAP_URLS

add_menu_entry("paritrana_maps", 60, lambda _: _("Map"), MAP_URLS)


def _generators(pelican):
    return MapsGenerator


def register():
    """Check the settings, add the maps generator, and add maps and charts to the data pages."""
    paritrana_core.register()
    signals.get_generators.connect(_generators)
    pages_built.connect(add_page_values)
