"""Boundaries of the 38 provinces and the kabupaten/kota: one table-driven test per quirk of the BIG
source (../shared/reference/boundaries/PROVENANCE.md), the derived files in data/boundaries/, user
files that contradict themselves, lack a place or hold garbage, and scripts/make_boundaries.py."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from site_build import ROOT, dataset

from paritrana_data.regions import RegionIndex
from paritrana_maps import boundaries as bd
from paritrana_maps.placemaps import read_regency_file
from paritrana_maps.regency_match import match_regencies, read_regency

DATA = dataset()
PROVINCES = {p.code: p for p in DATA.provinces}
REGIONS = RegionIndex(DATA.provinces, DATA.regencies)
FOLDER = ROOT / "data" / "boundaries"
# Features whose geometry is null in the BIG source (the upstream simplification dropped these small
# places); the derived file cannot draw them and their pages say the map is not yet available.
NO_GEOMETRY_IN_SOURCE = {"12.73", "12.76", "13.74", "13.75", "31.01", "33.71", "35.76"}


def square(x: float, y: float, size: float = 0.5) -> dict:
    return {"type": "Polygon", "coordinates": [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]]}


def feature(props: dict, geometry: dict | None | str = "square") -> dict:
    return {"type": "Feature", "properties": props, "geometry": square(110, -7) if geometry == "square" else geometry}


# --- quirk 1: 26 regencies of the 2022 provinces carry their pre-2022 codes -----------------------

PRE_2022 = [
    ({"KDPKAB": "91.01", "WADMKK": "Merauke", "WADMPR": "Papua Selatan"}, "93.01", "Papua Selatan was formed from Papua"),
    ({"KDPKAB": "91.04", "WADMKK": "Nabire", "WADMPR": "Papua Tengah"}, "94.01", "Papua Tengah was formed from Papua"),
    ({"KDPKAB": "91.02", "WADMKK": "Jayawijaya", "WADMPR": "Papua Pegunungan"}, "95.01", "from Papua"),
    ({"KDPKAB": "92.71", "WADMKK": "Kota Sorong", "WADMPR": "Papua Barat Daya"}, "96.71", "from Papua Barat"),
    ({"KDPKAB": "92.01", "WADMKK": "Sorong", "WADMPR": "Papua Barat Daya"}, "96.01", "from Papua Barat"),
]


@pytest.mark.parametrize("props,code,rule", PRE_2022, ids=[p["WADMKK"] for p, _, _ in PRE_2022])
def test_a_pre_2022_code_with_the_name_of_a_regency_of_a_new_province_gives_the_name(props, code, rule):
    reading = read_regency(props, REGIONS, "Kabupaten_X.json" if "Kota" not in props["WADMKK"] else "Kota_X.json")
    assert reading.codes == (code,) and reading.problem is None
    assert f"code {props['KDPKAB']} is from before" in reading.rule and rule in reading.rule


CONTRADICTIONS = [
    ({"KDPKAB": "35.07", "WADMKK": "Surabaya", "WADMPR": "Jawa Timur"},
     "its code 35.07 says Kabupaten Malang but its name 'Surabaya' says Kota Surabaya (35.78); correct one of them"),
    ({"KDPKAB": "93.01", "WADMKK": "Nabire", "WADMPR": "Papua Tengah"},
     "its code 93.01 says Kabupaten Merauke but its name 'Nabire' says Kabupaten Nabire (94.01)"),
    ({"KDPKAB": "33.74", "WADMKK": "Atlantis"}, "its code 33.74 says Kota Semarang but its name 'Atlantis' is not"),
    ({"KDPKAB": "99.99"}, "code '99.99' is no kabupaten/kota code"),
]


@pytest.mark.parametrize("props,problem", CONTRADICTIONS, ids=[p.get("WADMKK", "code") for p, _ in CONTRADICTIONS])
def test_a_code_and_a_name_that_point_to_different_places_are_reported_with_both_readings(props, problem):
    reading = read_regency(props, REGIONS)
    assert reading.codes == () and problem in reading.problem


# --- quirk 2: two features cover two regencies each ----------------------------------------------

@pytest.mark.parametrize("code,pair", [("52.0452.07", ("52.04", "52.07")), ("71.05/71.10", ("71.05", "71.10"))])
def test_a_feature_of_two_regencies_is_drawn_for_neither(code, pair):
    reading = read_regency({"KDPKAB": code, "WADMKK": "A/B"}, REGIONS)
    assert reading.codes == pair and "drawn for neither" in reading.rule
    found = match_regencies([("joint", feature({"KDPKAB": code})), ("one", feature({"KDPKAB": pair[0]}))],
                            REGIONS, "f")
    assert set(found.shapes) == {pair[0]} and not found.problems


# --- quirk 3: one feature has no regency -------------------------------------------------------

@pytest.mark.parametrize("geometry,outcome", [(None, "note"), ("square", "problem")])
def test_a_feature_naming_no_regency_adds_nothing_without_geometry_and_stops_the_build_with_one(geometry, outcome):
    found = match_regencies([("Jawa_Timur/Kabupaten_Jawa_Timur.json",
                              feature({"KDPKAB": None, "WADMKK": None, "WADMPR": "Jawa Timur"}, geometry))],
                            REGIONS, "regencies")
    assert found.shapes == {}
    if outcome == "note":
        assert found.problems == [] and "no geometry, adds nothing (no kabupaten/kota" in found.notes[0]
    else:
        assert found.problems == ["regencies: feature 1 (Jawa_Timur/Kabupaten_Jawa_Timur.json) names no "
                                  "kabupaten/kota (no code such as KDPKAB \"33.74\" and no name such as WADMKK) "
                                  "(properties {'KDPKAB': None, 'WADMKK': None, 'WADMPR': 'Jawa Timur'})"]


# --- quirk 4: one duplicate ------------------------------------------------------------------

@pytest.mark.parametrize("first,pieces", [(None, 1), ("square", 2)])
def test_features_of_one_regency_merge_and_one_without_geometry_adds_nothing(first, pieces):
    found = match_regencies([("Kabupaten_Pahuwato.json", feature({"KDPKAB": "75.04", "WADMKK": "Pahuwato"}, first)),
                             ("Kabupaten_Pohuwato.json", feature({"KDPKAB": "75.04", "WADMKK": "Pohuwato"},
                                                                 square(122, 0.5)))], REGIONS, "f")
    assert set(found.shapes) == {"75.04"} and len(found.shapes["75.04"]) == pieces and not found.problems


def test_pieces_of_one_regency_read_in_different_ways_do_not_merge():
    found = match_regencies([("a", feature({"KDPKAB": "91.01", "WADMKK": "Merauke", "WADMPR": "Papua Selatan"})),
                             ("b", feature({"KDPKAB": "93.01", "WADMKK": "Merauke"}, square(140, -8)))], REGIONS, "f")
    assert found.problems == ["f: features 1, 2 are all Kabupaten Merauke (93.01), but some by their code and some "
                              "only by the pre-2022 code rule; give every piece the code \"93.01\""]


# --- quirk 5: seven spellings -------------------------------------------------------------------

SPELLINGS = [
    ("Muko Muko", "17", "Kabupaten_Muko_Muko.json", "17.06"),
    ("Pahuwato", "75", "Kabupaten_Pahuwato.json", "75.04"),
    ("Pangkajene Kepulauan", "73", "Kabupaten_Pangkajene_Kepulauan.json", "73.10"),
    ("Kota Pare Pare", "73", "Kota_Pare_Pare.json", "73.72"),
    ("Toli Toli", "72", "Kabupaten_Toli_Toli.json", "72.04"),
    ("Kota Padang Sidempuan", "12", "Kota_Padang_Sidempuan.json", "12.77"),
    ("Kota Tanjung Balai", "12", "Kota_Tanjung_Balai.json", "12.74"),
]


@pytest.mark.parametrize("name,province,label,code", SPELLINGS, ids=[s[0] for s in SPELLINGS])
def test_the_sources_spellings_are_read_as_the_official_names(name, province, label, code):
    assert REGIONS.regencies[code].province_code == province
    by_name = read_regency({"WADMKK": name, "WADMPR": PROVINCES[province].name}, REGIONS, label)
    with_code = read_regency({"KDPKAB": code, "WADMKK": name}, REGIONS, label)
    assert by_name.codes == with_code.codes == (code,) and by_name.problem is None is with_code.problem


# --- quirk 6: WADMKK alone does not say kabupaten or kota -----------------------------------------

@pytest.mark.parametrize("props,label,code", [
    ({"WADMKK": "Bandung", "WADMPR": "Jawa Barat"}, "Kabupaten_Bandung.json", "32.04"),
    ({"WADMKK": "Bandung", "WADMPR": "Jawa Barat"}, "Kota_Bandung.json", "32.73"),
    ({"KDPKAB": "32.73", "WADMKK": "Bandung"}, "Kota_Bandung.json", "32.73"),
    ({"KDPKAB": "32.04", "WADMKK": "Bandung"}, "Jawa_Barat/Kabupaten_Bandung.json", "32.04"),
    ({"WADMKK": "Administrasi Kepulauan Seribu", "WADMPR": "DKI Jakarta"}, "Kabupaten_X.json", "31.01"),
])
def test_the_file_names_prefix_says_kabupaten_or_kota(props, label, code):
    assert read_regency(props, REGIONS, label).codes == (code,)


def test_a_bare_name_of_both_a_kabupaten_and_a_kota_is_reported():
    reading = read_regency({"WADMKK": "Bandung", "WADMPR": "Jawa Barat"}, REGIONS)
    assert reading.codes == () and "'Bandung' is ambiguous" in reading.problem


# --- the derived files ------------------------------------------------------------------------

def test_all_38_provinces_have_a_shape_in_data_boundaries():
    doc = json.loads((FOLDER / "provinces.geojson").read_text(encoding="utf-8"))
    assert [f["properties"]["code"] for f in doc["features"]] == sorted(PROVINCES)
    assert all(f["geometry"]["coordinates"] for f in doc["features"])


def test_every_kabupaten_kota_has_a_shape_unless_the_source_has_none():
    shapes, attribution = read_regency_file(FOLDER / "regencies.geojson", REGIONS)
    assert len(REGIONS.regencies) == 514
    assert set(shapes) == set(REGIONS.regencies) - NO_GEOMETRY_IN_SOURCE and len(shapes) == 507
    assert attribution.startswith("Badan Informasi Geospasial")
    doc = json.loads((FOLDER / "regencies.geojson").read_text(encoding="utf-8"))
    for f in doc["features"]:
        assert f["properties"]["province_code"] == REGIONS.regencies[f["id"]].province_code


def test_the_match_report_says_how_each_of_the_514_was_matched():
    rows = list(csv.DictReader((FOLDER / "matches.csv").open(encoding="utf-8")))
    assert [r["code"] for r in rows] == sorted(REGIONS.regencies)
    how = {r["code"]: r["how"] for r in rows}
    assert {c for c, h in how.items() if h == "no geometry in the source"} == NO_GEOMETRY_IN_SOURCE
    assert sum("is from before" in h for h in how.values()) == 26
    assert "read as 'Pangkajene dan Kepulauan'" in how["73.10"]


def test_the_default_files_fit_their_size_budgets():
    assert (FOLDER / "provinces.geojson").stat().st_size <= 150 * 1024
    assert (FOLDER / "regencies.geojson").stat().st_size <= 1.5 * 1024 * 1024


# --- user files: the public 38-province file, contradictions, garbage --------------------

def _write(tmp_path: Path, features: list, name: str = "user.geojson") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return path


def _load(path: Path):
    return bd.load_boundaries(path, ROOT / "data" / "boundaries" / "capitals.csv", PROVINCES, REGIONS,
                              tolerance=0.015, precision=3, min_area=0.003)


def _province_features(overrides: dict) -> list:
    out = []
    for i, code in enumerate(sorted(PROVINCES)):
        props = overrides.get(code, {"KODE_PROV": code, "PROVINSI": PROVINCES[code].name})
        out.append(feature(props, square(95 + i, -5)))
    return out


def test_a_38_province_file_with_the_parents_codes_draws_38_shapes_and_says_how():
    parent = {"93": "91", "94": "91", "95": "91", "96": "92"}
    features = _province_features({c: {"KODE_PROV": p, "PROVINSI": PROVINCES[c].name} for c, p in parent.items()})
    path = _write(Path(__import__("tempfile").mkdtemp()), features)
    b = _load(path)
    assert set(b.shapes) == set(PROVINCES) and b.markers == {}
    assert len(b.notes) == 4
    assert "code 91 (Papua) with the name of Papua Selatan, formed from it in 2022: read as 93 Papua Selatan" in b.notes[0]


def test_pieces_of_one_province_merge_only_when_they_agree(tmp_path):
    features = _province_features({}) + [feature({"KODE_PROV": "91", "PROVINSI": "Papua Selatan"}, square(140, -8))]
    with pytest.raises(bd.BoundaryError) as caught:
        _load(_write(tmp_path, features))
    assert ("features 35, 39 are all Papua Selatan (93), but some by their code and some only by the "
            "parent-code rule; give every piece the code \"93\"") in str(caught.value)


def test_a_file_that_contradicts_itself_and_lacks_a_province_lists_every_problem(tmp_path):
    features = [f for f in _province_features({"33": {"KODE_PROV": "33", "PROVINSI": "Jawa Barat"}})
                if f["properties"].get("KODE_PROV") != "51"]
    with pytest.raises(bd.BoundaryError) as caught:
        _load(_write(tmp_path, features))
    message = str(caught.value)
    assert "(3 problem(s))" in message
    assert "no shape for Jawa Tengah (33, ID-JT)" in message
    assert ("user.geojson: feature 13 (KODE_PROV '33', PROVINSI 'Jawa Barat') its code says 33 (Jawa Tengah) "
            "but its name says 32 (Jawa Barat); correct the code or the name") in message
    assert "no shape for Bali (51, ID-BA); add a feature whose 'code' is \"51\"" in message


@pytest.mark.parametrize("body,problem", [
    ("{not json", "PARITRANA_MAPS_REGENCIES: cannot read"),
    ('{"type": "Topology"}', None),
    ('{"type": "Point", "coordinates": [1, 2]}', "expected a GeoJSON FeatureCollection or a TopoJSON Topology"),
    ('{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": null, "geometry": null}]}',
     "feature 1 (no id) has no properties; give it a 'code' such as \"33.74\" or a 'name'"),
    ('{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"KDPKAB": "33.74"}, '
     '"geometry": {"type": "LineString", "coordinates": [[1, 2], [3, 4]]}}]}', "'LineString'"),
])
def test_a_regency_file_holding_garbage_stops_with_the_exact_message(tmp_path, body, problem):
    path = tmp_path / "kab.geojson"
    path.write_text(body, encoding="utf-8")
    if problem is None:  # an empty topology is readable and draws nothing: every page then says so
        assert read_regency_file(path, REGIONS)[0] == {}
        return
    with pytest.raises(bd.BoundaryError) as caught:
        read_regency_file(path, REGIONS)
    assert problem in str(caught.value)


def test_a_topojson_regency_file_with_big_property_names_is_read(tmp_path):
    topology = {"type": "Topology", "arcs": [[[110, -7], [0.5, 0], [0, 0.5], [-0.5, 0], [0, -0.5]]],
                "objects": {"k": {"type": "GeometryCollection", "geometries": [
                    {"type": "Polygon", "arcs": [[0]],
                     "properties": {"KDPKAB": "91.01", "WADMKK": "Merauke", "WADMPR": "Papua Selatan"}}]}}}
    path = tmp_path / "kab.topojson"
    path.write_text(json.dumps(topology), encoding="utf-8")
    shapes, _ = read_regency_file(path, REGIONS)
    assert set(shapes) == {"93.01"}


# --- the script -------------------------------------------------------------------------------

def _reference(tmp_path: Path) -> Path:
    """A reference folder shaped like ../shared/reference/boundaries/, every place a small square."""
    folder = tmp_path / "reference"
    provinces = [feature({"KODE_PROV": {"93": "91", "94": "91", "95": "91", "96": "92"}.get(c, c),
                          "PROVINSI": p.name}, square(95 + 1.5 * i, -5, 1.0))
                 for i, (c, p) in enumerate(sorted(PROVINCES.items()))]
    folder.mkdir()
    (folder / "provinces-38.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": provinces}))
    for i, (code, r) in enumerate(sorted(REGIONS.regencies.items())):
        sub = folder / "regencies" / PROVINCES[r.province_code].name.replace(" ", "_")
        sub.mkdir(parents=True, exist_ok=True)
        props = {"KDPKAB": code, "WADMKK": r.short_name, "WADMPR": PROVINCES[r.province_code].name}
        if code == "93.01":
            props["KDPKAB"] = "91.01"
        geometry = None if code == "33.71" else square(95 + (i % 40), -5 + (i // 40), 0.8)
        name = f"{r.kind.title()}_{r.short_name.replace(' ', '_')}.json"
        (sub / name).write_text(json.dumps({"type": "FeatureCollection", "features": [feature(props, geometry)]}))
    (folder / "regencies" / "Jawa_Timur" / "Kabupaten_Jawa_Timur.json").write_text(json.dumps(
        {"type": "FeatureCollection", "features": [feature({"KDPKAB": None, "WADMPR": "Jawa Timur"}, None)]}))
    return folder


def test_make_boundaries_derives_byte_identical_files_and_reports_every_match(tmp_path):
    reference = _reference(tmp_path)
    outputs = []
    for n in (1, 2):
        out = tmp_path / f"out{n}"
        result = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_boundaries.py"), str(reference),
                                 "--output", str(out)], capture_output=True, text=True, cwd=ROOT, timeout=300)
        assert result.returncode == 0, result.stderr
        outputs.append({name: (out / name).read_bytes()
                        for name in ("provinces.geojson", "regencies.geojson", "matches.csv")})
    assert outputs[0] == outputs[1], "two runs give the same bytes"
    assert "province_features: 38" in result.stdout and "province_notes: 4" in result.stdout
    assert "regencies_with_shape: 513" in result.stdout and "  33.71 Kota Magelang" in result.stdout
    assert "code 91.01 is from before Papua Selatan was formed from Papua" in result.stdout
    assert "Kabupaten_Jawa_Timur.json): no geometry, adds nothing" in result.stdout
    doc = json.loads(outputs[0]["provinces.geojson"])
    assert [f["id"] for f in doc["features"]] == sorted(PROVINCES)
    assert doc["features"][0]["properties"] == {"code": "11", "iso_code": "ID-AC", "name": "Aceh"}


def test_make_boundaries_stops_listing_every_problem_and_writes_nothing(tmp_path):
    reference = _reference(tmp_path)
    bad = reference / "regencies" / "Bali" / "Kabupaten_Badung.json"
    bad.write_text(json.dumps({"type": "FeatureCollection", "features": [feature({"KDPKAB": "51.03", "WADMKK": "Tabanan"})]}))
    (reference / "provinces-38.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": []}))
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_boundaries.py"), str(reference),
                             "--output", str(out)], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 1 and not out.exists()
    assert "39 problem(s)" in result.stderr
    assert "Bali/Kabupaten_Badung.json) its code 51.03 says Kabupaten Badung but its name 'Tabanan' says" in result.stderr
    assert "provinces-38.geojson: no feature for Aceh (11)" in result.stderr
    assert "Traceback" not in result.stderr


REFERENCE = ROOT.parent / "shared" / "reference" / "boundaries"


@pytest.mark.skipif(not (REFERENCE / "provinces-38.geojson").is_file(),
                    reason="the reference boundaries (../shared/reference/boundaries/) are not on this machine")
def test_the_committed_files_are_what_the_script_makes_from_the_reference(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_boundaries.py"), str(REFERENCE),
                             "--output", str(tmp_path)], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    for name in ("provinces.geojson", "regencies.geojson", "matches.csv"):
        assert (tmp_path / name).read_bytes() == (FOLDER / name).read_bytes(), f"data/boundaries/{name} is stale"
    assert "regencies_with_shape: 507" in result.stdout and "province_notes: 0" in result.stdout
