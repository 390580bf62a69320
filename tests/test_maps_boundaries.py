"""paritrana_maps without a site build: boundary matching and validation, geometry, the scale, the
tile layout, the figures chosen for each year, the folium output and the boundary script."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from maps_support import latest_by_year, point_in_shape
from site_build import ROOT, dataset

from paritrana_core.settings import SettingsError, apply_for
from paritrana_data.regions import RegionIndex
from paritrana_maps import geometry as geo
from paritrana_maps import boundaries as bd
from paritrana_maps.bases import latest_by_basis
from paritrana_maps.foliummap import build_map
from paritrana_maps.model import midpoint
from paritrana_maps.scale import DARK_TEXT, Scale, contrast, palette
from paritrana_maps.settings import DEFAULTS
from paritrana_maps.tilegrid import TILES, TileLayoutError, check_layout

DATA = dataset()
PROVINCES = {p.code: p for p in DATA.provinces}
REGIONS = RegionIndex(DATA.provinces, DATA.regencies)
NEWER = {"65", "93", "94", "95", "96"}
DEFAULT_FILE = ROOT / "data" / "boundaries" / "provinces.geojson"
CAPITALS = ROOT / "data" / "boundaries" / "capitals.csv"
LIMITS = dict(tolerance=DEFAULTS["PARITRANA_MAPS_SIMPLIFY"], precision=DEFAULTS["PARITRANA_MAPS_PRECISION"],
              min_area=DEFAULTS["PARITRANA_MAPS_MIN_AREA"])


def square(x: float, y: float, size: float = 1.0) -> dict:
    return {"type": "Polygon", "coordinates": [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]]}


def feature(props: dict, geometry: dict | None = None, **extra) -> dict:
    return {"type": "Feature", "properties": props, "geometry": geometry or square(0, 0), **extra}


def province_file(tmp_path: Path, codes, extra_features=(), name="prov.geojson") -> Path:
    """A FeatureCollection with one 1°×1° square per province code, on a grid, matched by code."""
    features = [feature({"code": code}, square(100 + 2 * (i % 8), -5 + 2 * (i // 8)))
                for i, code in enumerate(sorted(codes))]
    path = tmp_path / name
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features + list(extra_features)}),
                    encoding="utf-8")
    return path


def load(path: Path, capitals: Path = CAPITALS):
    return bd.load_boundaries(path, capitals, PROVINCES, REGIONS, **LIMITS)


# --- matching: one feature at a time ---------------------------------------------------------

MATCHES = [
    ({"code": "33"}, {}, "33"),
    ({"code": 33}, {}, "33"),
    ({"KODE_PROV": "35"}, {}, "35"),
    ({"kode": "11"}, {}, "11"),
    ({"iso_code": "ID-JT"}, {}, "33"),
    ({"ISO_3166_2": "id-jb"}, {}, "32"),
    ({}, {"id": "ID-BA"}, "51"),
    ({}, {"id": "52"}, "52"),
    ({"name": "Jawa Tengah"}, {}, "33"),
    ({"NAME_1": "Central Java"}, {}, "33"),
    ({"provinsi": "Provinsi Jawa Timur"}, {}, "35"),
    ({"name": "DKI Jakarta"}, {}, "31"),
    ({"name": "Jakarta Raya"}, {}, "31"),          # Natural Earth's old name
    ({"name": "Irian Jaya Barat"}, {}, "92"),      # Papua Barat in Natural Earth
    ({"name": "Bangka-Belitung"}, {}, "19"),
    ({"name": "Yogyakarta"}, {}, "34"),
    ({"name": "Sulawesi Barat", "name_alt": "Sulsel"}, {}, "76"),  # name_alt is not read
    ({"KODE_PROV": "93", "PROVINSI": "Papua Selatan"}, {}, "93"),
    ({"KODE_PROV": "91", "PROVINSI": "Papua Selatan"}, {}, "93"),   # parent's code, new province's name
    ({"KODE_PROV": "91", "PROVINSI": "Papua Tengah"}, {}, "94"),
    ({"KODE_PROV": "91", "PROVINSI": "Papua Pegunungan"}, {}, "95"),
    ({"KODE_PROV": "92", "PROVINSI": "Papua Barat Daya"}, {}, "96"),
    ({"KODE_PROV": "64", "PROVINSI": "Kalimantan Utara"}, {}, "65"),
    ({"KDPPUM": "33", "WADMPR": "Jawa Tengah"}, {}, "33"),          # BIG's own property names
    ({"WADMPR": "Nusa Tenggara Barat"}, {}, "52"),
]


@pytest.mark.parametrize("props,extra,code", MATCHES, ids=[json.dumps({**p, **e}) for p, e, _ in MATCHES])
def test_a_feature_matches_its_province(props, extra, code):
    found, _rule, why = bd.read_feature(feature(props, **extra), PROVINCES, REGIONS)
    assert (found, why) == (code, None)


NO_MATCH = [
    ({"name": "Atlantis"}, {}, "matches no province"),
    ({}, {"id": "ID.JR"}, "matches no province"),        # a HASC code (Natural Earth's ids) is not ISO
    ({}, {"id": "-99"}, "matches no province"),
    ({"code": "99"}, {}, "matches no province"),
    ({"code": "33", "iso_code": "ID-JB"}, {}, "Kemendagri code says 33 but its ISO code says 32"),
    ({"code": "33", "kode": "35"}, {}, "codes of several provinces (33, 35)"),
    ({"code": "33", "name": "Jawa Barat"}, {}, "its code says 33 (Jawa Tengah) but its name says 32 (Jawa Barat); "
                                               "correct the code or the name"),
    ({"KODE_PROV": "93", "PROVINSI": "Papua"}, {}, "its code says 93 (Papua Selatan) but its name says 91 (Papua)"),
    ({"KODE_PROV": "92", "PROVINSI": "Papua Selatan"}, {}, "its code says 92 (Papua Barat) but its name says 93"),
]


@pytest.mark.parametrize("props,extra,why", NO_MATCH, ids=[json.dumps({**p, **e}) for p, e, _ in NO_MATCH])
def test_a_feature_that_matches_no_province_says_why(props, extra, why):
    code, _rule, reason = bd.read_feature(feature(props, **extra), PROVINCES, REGIONS)
    assert code is None and why in reason


# --- validating a whole file -----------------------------------------------------------------

def test_a_38_province_file_is_used_as_is(tmp_path):
    b = load(province_file(tmp_path, PROVINCES))
    assert set(b.shapes) == set(PROVINCES) and b.markers == {}
    assert all(len(shape) == 1 for shape in b.shapes.values())


def test_newer_provinces_become_markers_inside_their_parent(tmp_path):
    b = load(province_file(tmp_path, set(PROVINCES) - NEWER))
    assert set(b.shapes) == set(PROVINCES) - NEWER
    assert set(b.markers) == NEWER
    assert {c: m.parent for c, m in b.markers.items()} == {"65": "64", "93": "91", "94": "91", "95": "91", "96": "92"}
    assert b.markers["94"].place == "Nabire" and b.markers["96"].side in bd.SIDES


def test_an_unknown_feature_is_reported(tmp_path):
    path = province_file(tmp_path, PROVINCES, [feature({"name": "Atlantis"}, square(90, 0))])
    with pytest.raises(bd.BoundaryError) as caught:
        load(path)
    message = str(caught.value)
    assert "1 problem(s)" in message
    assert "prov.geojson: feature 39 (name 'Atlantis') matches no province" in message
    assert "'code' property with the Kemendagri code" in message


def test_a_missing_province_is_reported_with_what_to_add(tmp_path):
    with pytest.raises(bd.BoundaryError) as caught:
        load(province_file(tmp_path, set(PROVINCES) - {"33", "51"}))
    message = str(caught.value)
    assert "2 problem(s)" in message
    assert "no shape for Jawa Tengah (33, ID-JT); add a feature whose 'code' is \"33\"" in message
    assert "no shape for Bali (51, ID-BA)" in message


def test_a_newer_province_without_a_capital_is_reported(tmp_path):
    capitals = tmp_path / "capitals.csv"
    capitals.write_text("province_code,place,lat,lon\n65,Tanjung Selor,2.84,117.37\n", encoding="utf-8")
    with pytest.raises(bd.BoundaryError) as caught:
        load(province_file(tmp_path, set(PROVINCES) - NEWER), capitals)
    message = str(caught.value)
    assert "4 problem(s)" in message and "Kalimantan Utara" not in message
    assert "no shape for Papua Tengah (94, ID-PT), formed in 2022 from Papua" in message
    assert "capitals.csv" in message


def test_every_problem_is_listed_at_once(tmp_path):
    path = province_file(tmp_path, set(PROVINCES) - {"33"}, [feature({"name": "Atlantis"}), feature({"code": "77"})])
    with pytest.raises(bd.BoundaryError) as caught:
        load(path)
    assert "3 problem(s)" in str(caught.value)


def test_pieces_of_one_province_are_merged(tmp_path):
    path = province_file(tmp_path, set(PROVINCES), [feature({"code": "21"}, square(140, 10, 0.5))])
    b = load(path)
    assert len(b.shapes["21"]) == 2


@pytest.mark.parametrize("text,problem", [
    ("not json", "cannot read"),
    ('{"type": "GeometryCollection", "geometries": []}', "expected a GeoJSON FeatureCollection"),
])
def test_an_unreadable_file_is_reported(tmp_path, text, problem):
    path = tmp_path / "bad.geojson"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(bd.BoundaryError, match=problem):
        load(path)


def test_a_point_geometry_is_reported(tmp_path):
    path = province_file(tmp_path, set(PROVINCES) - {"33"},
                         [feature({"code": "33"}, {"type": "Point", "coordinates": [110, -7]})])
    with pytest.raises(bd.BoundaryError, match="feature 38 .*'Point': a province shape must be a Polygon"):
        load(path)


def test_a_topojson_file_is_read(tmp_path):
    """Two provinces sharing one arc, in a quantised, delta-encoded TopoJSON, plus every other province."""
    others = [{"type": "Polygon", "properties": {"code": code}, "arcs": [[2 + i]]}
              for i, code in enumerate(sorted(set(PROVINCES) - {"33", "35"}))]
    arcs = [[[0, 0], [0, 10]], [[0, 10], [-10, 0], [0, -10], [10, 0]], [[0, 0], [10, 0], [0, 10], [-10, 0]]]
    arcs += [[[100 + 20 * i, 0], [5, 0], [0, 5], [-5, 0], [0, -5]] for i in range(len(others))]
    topology = {"type": "Topology", "transform": {"scale": [0.1, 0.1], "translate": [110, -8]},
                "objects": {"p": {"type": "GeometryCollection", "geometries": [
                    {"type": "Polygon", "properties": {"name": "Jawa Tengah"}, "arcs": [[0, 1]]},
                    {"type": "Polygon", "properties": {"iso_code": "ID-JI"}, "arcs": [[2, ~0]]}, *others]}},
                "arcs": arcs}
    path = tmp_path / "prov.topojson"
    path.write_text(json.dumps(topology), encoding="utf-8")
    b = load(path)
    assert set(b.shapes) == set(PROVINCES)
    west = {p for ring in b.shapes["33"][0] for p in ring}
    east = {p for ring in b.shapes["35"][0] for p in ring}
    assert west & east == {(110.0, -8.0), (110.0, -7.0)}, "the shared arc is the shared border"


# --- geometry -------------------------------------------------------------------------------

def test_simplifying_keeps_a_shared_border_identical():
    """Two provinces whose common border wiggles: after simplification both hold the very same points."""
    wiggle = [(1.0, y / 10 + (0.003 if y % 2 else 0)) for y in range(0, 11)]
    left = [(0.0, 0.0), *wiggle, (0.0, 1.0), (0.0, 0.0)]
    right = [*wiggle, (2.0, 1.0), (2.0, 0.0), (1.0, 0.0)]
    out = geo.simplify({"a": [[left]], "b": [[right]]}, tolerance=0.01, precision=3)
    shared_a = {p for p in out["a"][0][0] if p[0] == 1.0}
    shared_b = {p for p in out["b"][0][0] if p[0] == 1.0}
    assert shared_a == shared_b == {(1.0, 0.0), (1.0, 1.0)}
    assert geo.ring_area(out["a"][0][0]) > 0 and geo.ring_area(out["b"][0][0]) > 0, "outer rings counter-clockwise"


def test_small_islands_go_but_a_province_keeps_its_largest_polygon():
    big = [[(0, 0), (1, 0), (1, 1), (0, 1), (0, 0)]]
    islet = [[(5, 5), (5.01, 5), (5.01, 5.01), (5, 5.01), (5, 5)]]
    out = geo.simplify({"a": [big, islet], "b": [islet]}, tolerance=0.001, precision=4, min_area=0.01)
    assert len(out["a"]) == 1 and abs(geo.ring_area(out["a"][0][0])) == pytest.approx(1)
    assert len(out["b"]) == 1, "a province made only of small islands keeps its largest"


def test_geojson_output_is_compact_and_byte_stable():
    shape = [[[(100.12345, -1.0), (101.0, -1.0), (101.0, 0.0), (100.12345, -1.0)]]]
    body = geo.feature_collection({"b": shape, "a": shape}, {"a": {"code": "a"}}, 3)
    assert body == geo.feature_collection({"a": shape, "b": shape}, {"a": {"code": "a"}}, 3)
    doc = json.loads(body)
    assert [f["id"] for f in doc["features"]] == ["a", "b"]
    assert "[100.123,-1]" in body.decode()


def test_point_in_shape():
    shape = [[[(0, 0), (4, 0), (4, 4), (0, 4), (0, 0)], [(1, 1), (1, 2), (2, 2), (2, 1), (1, 1)]]]
    assert point_in_shape((3, 3), shape)
    assert not point_in_shape((1.5, 1.5), shape), "inside a hole"
    assert not point_in_shape((5, 5), shape)


# --- the default boundary file ---------------------------------------------------------------

def test_the_default_file_draws_all_38_provinces_without_markers():
    b = load(DEFAULT_FILE)
    assert set(b.shapes) == set(PROVINCES) and b.markers == {}
    assert b.attribution.startswith("Badan Informasi Geospasial")
    assert b.notes == ()


def test_the_geometry_file_is_at_most_150_kb():
    site = load(DEFAULT_FILE).geojson()
    stored = DEFAULT_FILE.read_bytes()
    print(f"geometry: stored {len(stored) / 1024:.1f} KB, served {len(site) / 1024:.1f} KB "
          f"({len(gzip.compress(site, 6, mtime=0)) / 1024:.1f} KB gzip)")
    assert len(stored) <= 150 * 1024 and len(site) <= 150 * 1024
    assert json.loads(site)["features"][0]["properties"] == {"code": "11"}


def test_capitals_csv_matches_the_region_table():
    rows = (CAPITALS.read_text(encoding="utf-8").splitlines())[1:]
    for row in rows:
        code, capital, *_ = row.split(",")
        assert PROVINCES[code].capital_code == capital and PROVINCES[code].parent_code


# --- scale, layout, figures ------------------------------------------------------------------

def test_the_scale_runs_light_to_dark_and_tile_text_is_readable():
    scale = Scale.from_breaks(DEFAULTS["PARITRANA_MAPS_BREAKS"])
    assert len(scale.colours) == 6 and palette(6)[0] == "#fde725" and palette(6)[-1] == "#440154"
    whiteness = [contrast(c, "#ffffff") for c in scale.colours]
    assert whiteness == sorted(whiteness), "each class darker than the one before"
    for colour in scale.colours:
        ink = DARK_TEXT if contrast(colour, DARK_TEXT) >= contrast(colour, "#ffffff") else "#ffffff"
        assert contrast(colour, ink) >= 4.5
    assert [scale.index(v) for v in (0, 19.99, 20, 41.5, 60, 100)] == [0, 0, 1, 3, 5, 5]
    assert scale.index(None) is None


def test_every_province_has_one_tile():
    assert set(TILES) == set(PROVINCES) and len(set(TILES.values())) == 38
    check_layout(PROVINCES)
    with pytest.raises(TileLayoutError, match="no tile-map position for province.*97"):
        check_layout(list(PROVINCES) + ["97"])


def test_the_latest_figure_of_each_year_is_shown():
    """Latest by as_of, where a month counts from its start: a day in August beats 'August', which beats June."""
    base = next(f for f in DATA.coverage if f.metric == "coverage_pct")
    figures = [replace(base, province="15", year=2024, as_of=as_of, value=value, row=row) for row, (as_of, value)
               in enumerate([("2024-06", 41.0), ("2024-08-12", 39.52), ("2024-08", 40.0)], start=2)]
    for latest in (latest_by_basis(figures, "coverage_pct")[base.basis], latest_by_year(figures, "coverage_pct")):
        assert latest[2024]["15"].value == 39.52 and latest[2024]["15"].as_of == "2024-08-12"
    ranged = replace(base, value=41.0, value_high=42.0)
    assert midpoint(ranged) == 41.5
    latest = latest_by_year(DATA.coverage, "coverage_pct")
    assert all(f.metric == "coverage_pct" for year in latest.values() for f in year.values())


# --- settings --------------------------------------------------------------------------------

def settings(**changes):
    base = {"PARITRANA_DATA_DIR": str(ROOT / "data"), **changes}
    return base


@pytest.mark.parametrize("key,value,message", [
    ("PARITRANA_MAPS_BOUNDARIES", "/nonexistent/x.geojson", "does not exist"),
    ("PARITRANA_MAPS_METRIC", "participants", "not a percentage metric"),
    ("PARITRANA_MAPS_BREAKS", (50, 20), "ascending"),
    ("PARITRANA_MAPS_BREAKS", (), "ascending"),
    ("PARITRANA_MAPS_PRECISION", 0, "1 to 6"),
    ("PARITRANA_MAPS_SIMPLIFY", "0.1", "not a number"),
    ("PARITRANA_MAPS_TILES", {"url": "http://tiles.example/{z}/{x}/{y}.png", "attribution": "x"}, "https://"),
    ("PARITRANA_MAPS_TILES", {"url": "https://tiles.example/{z}/{x}/{y}.png"}, "attribution"),
])
def test_a_wrong_setting_stops_with_a_clear_message(key, value, message):
    with pytest.raises(SettingsError, match=key) as caught:
        apply_for(settings(**{key: value}), "paritrana_maps")
    assert message in str(caught.value)


def test_the_defaults_pass():
    s = settings()
    apply_for(s, "paritrana_maps")
    assert s["PARITRANA_MAPS_METRIC"] == "coverage_pct" and s["PARITRANA_MAPS_TILES"] is None


# --- folium -----------------------------------------------------------------------------------

BOUNDS = (95.0, -11.0, 141.0, 6.0)
CDN = re.compile(r"https?://|cdn|jquery|bootstrap|fontawesome|awesome", re.I)


def test_the_folium_map_uses_only_the_sites_assets_and_stable_ids():
    first = build_map({"years": {"2024": {}}}, siteurl="", bounds=BOUNDS, tiles=None)
    second = build_map({"years": {"2024": {}}}, siteurl="", bounds=BOUNDS, tiles=None)
    assert first == second
    assert first.stylesheets == ("/theme/vendor/leaflet/leaflet.css",)
    assert first.scripts == ("/theme/vendor/leaflet/leaflet.js", "/theme/js/maps.js")
    assert first.element_id == "map_paritrana"
    assert not CDN.search(first.code), first.code
    assert not re.search(r"[0-9a-f]{32}", first.code), "folium's random ids must not reach the page"
    assert "tileLayer" not in first.code, "no base-map tiles by default"
    assert "ParitranaMap(map_paritrana, " in first.code
    assert "fitBounds" not in first.code, "theme/js/maps.js fits the view, without an animated zoom"


def test_a_tile_server_setting_adds_a_tile_layer():
    tiles = {"url": "https://tiles.example.org/{z}/{x}/{y}.png", "attribution": "© Example"}
    rendered = build_map({}, siteurl="https://site.example", bounds=BOUNDS, tiles=tiles)
    assert 'L.tileLayer(\n                "https://tiles.example.org/{z}/{x}/{y}.png"' in rendered.code
    assert rendered.scripts[0] == "https://site.example/theme/vendor/leaflet/leaflet.js"


# --- the boundary script: see tests/test_maps_regencies.py ------------------------------------
