"""The maps plugin's settings: defaults in one place, checked once at start-up."""

from __future__ import annotations

import re
from pathlib import Path

# How scripts/make_boundaries.py simplifies the kabupaten/kota: Douglas-Peucker at 0.004° (about
# 450 m) and islands under 0.0004 square degrees (about 5 km²) dropped, each keeping its largest piece.
REGENCY_SIMPLIFY = 0.004
REGENCY_MIN_AREA = 0.0004
PERCENT_METRICS = ("coverage_pct", "formal_pct", "informal_pct", "target_pct")

DEFAULTS = {
    # GeoJSON or TopoJSON of the provinces; None: <PARITRANA_DATA_DIR>/boundaries/provinces.geojson.
    "PARITRANA_MAPS_BOUNDARIES": None,
    # GeoJSON or TopoJSON of the kabupaten/kota; None: <PARITRANA_DATA_DIR>/boundaries/regencies.geojson.
    "PARITRANA_MAPS_REGENCIES": None,
    # Capitals of provinces the boundary file lacks (shown as markers); None: <data>/boundaries/capitals.csv.
    "PARITRANA_MAPS_CAPITALS": None,
    # The coverage figure that the maps and charts show (a percentage metric of data/coverage/).
    "PARITRANA_MAPS_METRIC": "coverage_pct",
    # Class breaks in percent, ascending: n breaks give n + 1 colours of the sequential scale.
    "PARITRANA_MAPS_BREAKS": (20, 30, 40, 50, 60),
    # Douglas-Peucker tolerance in degrees (0.015 is about 1.7 km), coordinate decimals, and the
    # smallest island or hole kept, in square degrees (0.003 is about 37 km²).
    "PARITRANA_MAPS_SIMPLIFY": 0.015,
    "PARITRANA_MAPS_PRECISION": 3,
    "PARITRANA_MAPS_MIN_AREA": 0.003,
    # The build stops if the geometry file written to the site is larger than this.
    "PARITRANA_MAPS_MAX_GEOMETRY_KB": 150,
    # No base-map tiles by default (no third-party requests). To show tiles, name a server:
    # {"url": "https://tiles.example.org/{z}/{x}/{y}.png", "attribution": "© …"}.
    "PARITRANA_MAPS_TILES": None,
}


class SettingsError(SystemExit):
    """A PARITRANA_MAPS_* setting is wrong; the message says which and how to fix it."""


def _path(settings, key: str, default: str) -> Path:
    value = settings.get(key)
    return Path(value) if value else Path(settings.get("PARITRANA_DATA_DIR", "data")) / "boundaries" / default


def boundaries_path(settings) -> Path:
    return _path(settings, "PARITRANA_MAPS_BOUNDARIES", "provinces.geojson")


def regencies_path(settings) -> Path:
    return _path(settings, "PARITRANA_MAPS_REGENCIES", "regencies.geojson")


def capitals_path(settings) -> Path:
    return _path(settings, "PARITRANA_MAPS_CAPITALS", "capitals.csv")


def apply_defaults(settings) -> None:
    """Fill in missing PARITRANA_MAPS_* settings and validate them."""
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
    path = boundaries_path(settings)
    if not path.is_file():
        raise SettingsError(f"PARITRANA_MAPS_BOUNDARIES: file '{path}' does not exist (name a GeoJSON or "
                            "TopoJSON file of the provinces; scripts/make_boundaries.py makes the default one)")
    if not regencies_path(settings).is_file():
        raise SettingsError(f"PARITRANA_MAPS_REGENCIES: file '{regencies_path(settings)}' does not exist (name a "
                            "GeoJSON or TopoJSON file of the kabupaten/kota; scripts/make_boundaries.py makes "
                            "the default one)")
    capitals = settings.get("PARITRANA_MAPS_CAPITALS")
    if capitals and not Path(capitals).is_file():
        raise SettingsError(f"PARITRANA_MAPS_CAPITALS: file '{capitals}' does not exist")
    metric = settings["PARITRANA_MAPS_METRIC"]
    if metric not in PERCENT_METRICS:
        raise SettingsError(f"PARITRANA_MAPS_METRIC: '{metric}' is not a percentage metric; use one of "
                            + ", ".join(PERCENT_METRICS))
    breaks = settings["PARITRANA_MAPS_BREAKS"]
    if (not isinstance(breaks, (list, tuple)) or not 1 <= len(breaks) <= 8
            or not all(isinstance(b, (int, float)) and not isinstance(b, bool) and 0 < b < 100 for b in breaks)
            or list(breaks) != sorted(set(breaks))):
        raise SettingsError("PARITRANA_MAPS_BREAKS: give 1 to 8 ascending percentages between 0 and 100, "
                            "e.g. (20, 30, 40, 50, 60)")
    for key, low, high in (("PARITRANA_MAPS_SIMPLIFY", 0, 1), ("PARITRANA_MAPS_MIN_AREA", 0, 1),
                           ("PARITRANA_MAPS_MAX_GEOMETRY_KB", 1, 100000)):
        value = settings[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
            raise SettingsError(f"{key}: {value!r} is not a number between {low} and {high}")
    precision = settings["PARITRANA_MAPS_PRECISION"]
    if isinstance(precision, bool) or not isinstance(precision, int) or not 1 <= precision <= 6:
        raise SettingsError("PARITRANA_MAPS_PRECISION: give the number of decimals, 1 to 6 (3 is about 100 m)")
    tiles = settings["PARITRANA_MAPS_TILES"]
    if tiles is not None:
        if (not isinstance(tiles, dict) or not isinstance(tiles.get("url"), str)
                or not re.match(r"^https://[^\s\"'<>]+$", tiles["url"])
                or not all(part in tiles["url"] for part in ("{z}", "{x}", "{y}"))
                or not isinstance(tiles.get("attribution"), str) or not tiles["attribution"].strip()):
            raise SettingsError("PARITRANA_MAPS_TILES: give None (no base map) or "
                                "{'url': 'https://…/{z}/{x}/{y}.png', 'attribution': '© …'}")
