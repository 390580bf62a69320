"""The maps plugin's rows of the settings table, and the files they name."""

from __future__ import annotations

import re
from pathlib import Path

from paritrana_core.checks import number_between
from paritrana_core.folders import declare_folders
from paritrana_core.settings import Setting, declare

# How scripts/make_boundaries.py simplifies the kabupaten/kota: Douglas-Peucker at 0.004° (about
# 450 m) and islands under 0.0004 square degrees (about 5 km²) dropped, each keeping its largest piece.
REGENCY_SIMPLIFY = 0.004
REGENCY_MIN_AREA = 0.0004
PERCENT_METRICS = ("coverage_pct", "formal_pct", "informal_pct", "target_pct")


def _file(setting: str, default: str, what: str):
    def check(_value, settings):
        path = _path(settings, setting, default)
        if not path.is_file():
            return f"file '{path}' does not exist ({what})"
    return check


def _metric(value, _settings):
    if value not in PERCENT_METRICS:
        return f"'{value}' is not a percentage metric; use one of " + ", ".join(PERCENT_METRICS)


def _breaks(value, _settings):
    if (not isinstance(value, (list, tuple)) or not 1 <= len(value) <= 8
            or not all(isinstance(b, (int, float)) and not isinstance(b, bool) and 0 < b < 100 for b in value)
            or list(value) != sorted(set(value))):
        return "give 1 to 8 ascending percentages between 0 and 100, e.g. (20, 30, 40, 50, 60)"


def _precision(value, _settings):
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 6:
        return "give the number of decimals, 1 to 6 (3 is about 100 m)"


def _tiles(value, _settings):
    if value is not None and (
            not isinstance(value, dict) or not isinstance(value.get("url"), str)
            or not re.match(r"^https://[^\s\"'<>]+$", value["url"])
            or not all(part in value["url"] for part in ("{z}", "{x}", "{y}"))
            or not isinstance(value.get("attribution"), str) or not value["attribution"].strip()):
        return "give None (no base map) or {'url': 'https://…/{z}/{x}/{y}.png', 'attribution': '© …'}"


def _capitals(value, _settings):
    if value and not Path(value).is_file():
        return f"file '{value}' does not exist"


ROWS = declare(
    "paritrana_maps",
    Setting("PARITRANA_MAPS_BOUNDARIES", None,
            _file("PARITRANA_MAPS_BOUNDARIES", "provinces.geojson", "name a GeoJSON or TopoJSON file of the "
                  "provinces; scripts/make_boundaries.py makes the default one"),
            "GeoJSON or TopoJSON of the provinces; None: <PARITRANA_DATA_DIR>/boundaries/provinces.geojson."),
    Setting("PARITRANA_MAPS_REGENCIES", None,
            _file("PARITRANA_MAPS_REGENCIES", "regencies.geojson", "name a GeoJSON or TopoJSON file of the "
                  "kabupaten/kota; scripts/make_boundaries.py makes the default one"),
            "GeoJSON or TopoJSON of the kabupaten/kota; None: <PARITRANA_DATA_DIR>/boundaries/regencies.geojson."),
    Setting("PARITRANA_MAPS_CAPITALS", None, _capitals,
            "Capitals of provinces the boundary file lacks (shown as markers); None: <data>/boundaries/capitals.csv."),
    Setting("PARITRANA_MAPS_METRIC", "coverage_pct", _metric,
            "The coverage figure that the maps and charts show (a percentage metric of data/coverage/)."),
    Setting("PARITRANA_MAPS_BREAKS", (20, 30, 40, 50, 60), _breaks,
            "Class breaks in percent, ascending: n breaks give n + 1 colours of the sequential scale."),
    Setting("PARITRANA_MAPS_SIMPLIFY", 0.015, number_between(0, 1),
            "Douglas-Peucker tolerance in degrees (0.015 is about 1.7 km)."),
    Setting("PARITRANA_MAPS_PRECISION", 3, _precision, "Coordinate decimals."),
    Setting("PARITRANA_MAPS_MIN_AREA", 0.003, number_between(0, 1),
            "The smallest island or hole kept, in square degrees (0.003 is about 37 km²)."),
    Setting("PARITRANA_MAPS_MAX_GEOMETRY_KB", 150, number_between(1, 100000),
            "The build stops if the geometry file written to the site is larger than this."),
    # No third-party requests by default: {"url": "https://tiles.example.org/{z}/{x}/{y}.png", "attribution": "© …"}.
    Setting("PARITRANA_MAPS_TILES", None, _tiles, "Base-map tiles; None: no base map."),
)
DEFAULTS = {row.name: row.default for row in ROWS}


def _path(settings, key: str, default: str) -> Path:
    value = settings.get(key)
    return Path(value) if value else Path(settings.get("PARITRANA_DATA_DIR", "data")) / "boundaries" / default


def boundaries_path(settings) -> Path:
    return _path(settings, "PARITRANA_MAPS_BOUNDARIES", "provinces.geojson")


def regencies_path(settings) -> Path:
    return _path(settings, "PARITRANA_MAPS_REGENCIES", "regencies.geojson")


def capitals_path(settings) -> Path:
    return _path(settings, "PARITRANA_MAPS_CAPITALS", "capitals.csv")


def claims(settings) -> list[tuple[str, str]]:
    """The map page of every language, its scripts and geometry, and the self-hosted Leaflet."""
    from .foliummap import LEAFLET_DIR
    from .generator import MAPS_DIR
    from .model import MAP_URLS

    return [*((u, "map page") for u in MAP_URLS.values()), (MAPS_DIR, "map scripts and geometry"),
            (LEAFLET_DIR, "Leaflet")]


declare_folders("paritrana_maps", claims)
