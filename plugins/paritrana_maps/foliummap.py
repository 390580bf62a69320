"""The interactive choropleth, built with folium: Leaflet from the pinned xstatic-leaflet package
served by the site, none of folium's CDN assets, no base-map tiles unless a setting names a server,
and deterministic element ids so that two builds are byte-identical."""

from __future__ import annotations

from dataclasses import dataclass

import folium
from branca.element import CssLink, Element, Figure, JavascriptLink
from folium.elements import JSCSSMixin
from folium.template import Template

LEAFLET_DIR = "theme/vendor/leaflet"
MAPS_JS = "theme/js/maps.js"
MAP_ID = "paritrana"  # the map element is "map_paritrana"


class ProvinceChoropleth(JSCSSMixin):
    """Province shapes fetched once from the site's geometry file, coloured per year by
    theme/static/js/maps.js (folium's own GeoJson layer would need jQuery to load a URL)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            ParitranaMap({{ this._parent.get_name() }}, {{ this.config|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, config: dict, script_url: str):
        super().__init__()
        self._name = "ProvinceChoropleth"
        self.config = config
        self.default_js = [("paritrana_maps", script_url)]
        self.default_css = []


@dataclass(frozen=True)
class RenderedMap:
    """What the map page needs from folium: its element id, stylesheets, scripts and its script code."""

    element_id: str
    stylesheets: tuple[str, ...]
    scripts: tuple[str, ...]
    code: str


def _elements(root: Element):
    """Every element of a folium tree, in a fixed order (a figure's header, html and script first)."""
    queue = [root]
    while queue:
        element = queue.pop(0)
        yield element
        extra = [element.header, element.html, element.script] if isinstance(element, Figure) else []
        queue.extend(extra + list(element._children.values()))


def fix_ids(root: Element) -> None:
    """Replace folium's random element ids with ordinal ones (the map itself gets MAP_ID)."""
    for number, element in enumerate(_elements(root)):
        element._id = MAP_ID if isinstance(element, folium.Map) else f"{number:02d}"


def build_map(config: dict, *, siteurl: str, bounds: tuple[float, float, float, float],
              tiles: dict | None) -> RenderedMap:
    """Render the folium map; `bounds` is (west, south, east, north) of the province shapes. The map
    starts around their centre; theme/static/js/maps.js fits it to them (the config's "bounds")."""
    west, south, east, north = bounds
    m = folium.Map(location=[round((south + north) / 2, 3), round((west + east) / 2, 3)], zoom_start=4,
                   tiles=None, min_zoom=3, max_zoom=10, zoom_snap=0.25, zoom_delta=0.5,
                   scroll_wheel_zoom=False, max_bounds=True, min_lat=south - 8, max_lat=north + 8,
                   min_lon=west - 15, max_lon=east + 15)
    # Instance lists, so folium's module-level CDN defaults are neither used nor changed.
    m.default_js = [("leaflet", f"{siteurl}/{LEAFLET_DIR}/leaflet.js")]
    m.default_css = [("leaflet_css", f"{siteurl}/{LEAFLET_DIR}/leaflet.css")]
    if tiles:
        folium.TileLayer(tiles=tiles["url"], attr=tiles["attribution"], name="basemap", max_zoom=10).add_to(m)
    ProvinceChoropleth(config, f"{siteurl}/{MAPS_JS}").add_to(m)
    figure = m.get_root()
    fix_ids(figure)
    figure.render()
    links = list(figure.header._children.values())
    stylesheets = tuple(link.url for link in links if isinstance(link, CssLink))
    scripts = tuple(link.url for link in links if isinstance(link, JavascriptLink))
    code = "\n".join(line.rstrip() for line in figure.script.render().strip().splitlines() if line.strip())
    return RenderedMap(m.get_name(), stylesheets, scripts, code + "\n")
