"""The built site's maps and charts: the map page in both languages, tile maps with 38 linked tiles,
charts with their tables and summaries, local assets only, and byte-identical rebuilds."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from site_build import built_site  # noqa: F401
from site_build import dataset, fmt_figure, fmt_partial, run_pelican

from maps_support import latest_by_year
from paritrana_maps.bases import is_regional, latest_by_basis
from paritrana_maps.model import midpoint
from paritrana_maps.scale import Scale
from paritrana_maps.settings import DEFAULTS

DATA = dataset()
PROVINCES = {p.code: p for p in DATA.provinces}
ALL = latest_by_year(DATA.coverage, "coverage_pct")  # whatever the basis
YEARS = sorted(ALL)
VIEWS = latest_by_basis(DATA.coverage, "coverage_pct")
DEFAULT = next(iter(VIEWS))  # the basis the map page draws: the one with most provinces
LATEST = VIEWS[DEFAULT]
SCALE = Scale.from_breaks(DEFAULTS["PARITRANA_MAPS_BREAKS"])
HATCH = "url(#pa-hatch)"
MAP = {"id": "/peta/", "en": "/en/map/"}
PARAM = {"id": "tahun", "en": "year"}
PROVINCE_URL = {"id": "/provinsi/{}/", "en": "/en/province/{}/"}
NO_FIGURE = {"id": "belum ada angka untuk tahun {}", "en": "no figure for {}"}
AS_OF = {"id": "per", "en": "as of"}


def tiles(figure):
    """(province code, link element, tile rect) for each tile of a tile map."""
    found = []
    for link in figure.find_all("a"):
        slug = link.attrs["href"].rstrip("/").split("/")[-1]
        code = next(p.code for p in DATA.provinces if p.slug == slug)
        found.append((code, link, link.find_all("rect", cls="pa-tile")[0]))
    return found


def tile_name(link) -> str:
    return link.find_all("title")[0].text()


def tile_maps(page):
    """The wide drawing of each tile map (test_the_phone_tile_map_is_the_same_grid checks the other)."""
    return [svg for figure in page.find_all("figure", cls="pa-tilemap") for svg in figure.find_all("svg", cls="pa-tiles-wide")]


def test_the_data_has_coverage_figures_to_map():
    assert YEARS == sorted({f.year for f in DATA.coverage if f.metric == "coverage_pct"})
    assert len(YEARS) >= 3
    assert sum(len(v) for v in ALL.values()) >= 10
    assert sorted(LATEST) == YEARS, "the default basis has a figure in every year"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_map_page_exists_in_both_languages_and_is_in_the_menu(built_site, lang):  # noqa: F811
    page = built_site.pages[MAP[lang]]
    assert page.lang == lang
    assert page.alternates() == {"id": ["/peta/"], "en": ["/en/map/"], "x-default": ["/peta/"]}
    current = [a for a in page.find_all("a") if a.attrs.get("aria-current") == "page"]
    assert [a.text() for a in current] == [{"id": "Peta", "en": "Map"}[lang]]
    assert page.find_all("h1")[0].text() == {"id": "Peta cakupan", "en": "Coverage map"}[lang]


@pytest.mark.parametrize("url", ["/peta/", "/en/map/", "/provinsi/jambi/", "/en/province/papua-tengah/",
                                 "/provinsi/aceh/"])
def test_every_tile_map_has_38_linked_tiles_with_accessible_names(built_site, url):  # noqa: F811
    page = built_site.pages[url]
    lang = page.lang
    maps = tile_maps(page)
    assert len(maps) == (len(LATEST) if url in MAP.values() else 1)
    assert all(f.find_all("figcaption")[0].text() for f in page.find_all("figure", cls="pa-tilemap")), \
        "the tile map says what it is"
    for figure in maps:
        found = tiles(figure)
        assert len(found) == 38 and {code for code, _, _ in found} == set(PROVINCES)
        for code, link, _rect in found:
            assert link.attrs["href"] == PROVINCE_URL[lang].format(PROVINCES[code].slug)
            assert (built_site.root / link.attrs["href"].strip("/") / "index.html").is_file()
            name = tile_name(link)
            province = PROVINCES[code].name if lang == "id" else PROVINCES[code].name_en
            assert name.startswith(province + ": "), name


@pytest.mark.parametrize("lang", ["id", "en"])
def test_tiles_show_each_years_figure_in_the_pages_language_and_no_data_is_never_coloured(built_site, lang):  # noqa: F811
    page = built_site.pages[MAP[lang]]
    for year in YEARS:
        figure = page.by_id(f"{PARAM[lang]}-{year}-ubin")
        assert figure is not None
        for code, link, rect in tiles(figure):
            f = LATEST[year].get(code)
            name = tile_name(link)
            if f is None:
                assert rect.attrs["fill"] == HATCH, f"{code} {year} has no figure but is coloured"
                assert name.endswith(NO_FIGURE[lang].format(year)), name
                continue
            assert rect.attrs["fill"] == SCALE.colour(midpoint(f)), f"{code} {year}"
            assert fmt_figure(f, lang) in name
            if f.as_of:
                assert f"{AS_OF[lang]} {fmt_partial(f.as_of, lang)}" in name


def test_locale_number_formats_and_ranges(built_site):  # noqa: F811
    names = {lang: {tile_name(link) for _, link, _ in tiles(built_site.pages[MAP[lang]].by_id(f"{PARAM[lang]}-2024-ubin"))}
             for lang in ("id", "en")}
    assert "Lampung: 24,86%, per 24 September 2024" in names["id"]
    assert "Lampung: 24.86%, as of September 24, 2024" in names["en"]
    en_2025 = {tile_name(link) for _, link, _ in tiles(built_site.pages["/en/map/"].by_id("year-2025-ubin"))}
    assert "North Sumatra: 41–42% (for a BPJS Ketenagakerjaan office's whole area, not the province alone)" \
        in en_2025, "a range is shown as a range, and an office's area says so"
    legend = built_site.pages["/peta/"].find_all("section", cls="pa-key")[0].find_all("ul", cls="pa-legend")[0].text()
    assert "di bawah 20%" in legend and "60% atau lebih" in legend and "bukan nol" in legend


def test_the_province_page_outlines_its_province(built_site):  # noqa: F811
    for url, code in (("/provinsi/jambi/", "15"), ("/en/province/papua-tengah/", "94")):
        page = built_site.pages[url]
        current = [c for c, link, _ in tiles(tile_maps(page)[0]) if link.attrs.get("aria-current") == "page"]
        assert current == [code]
    jambi = built_site.pages["/provinsi/jambi/"]
    assert "Cakupan di seluruh provinsi, 2025" in jambi.text()
    assert "Jambi ditandai dengan garis tepi hitam." in jambi.text()


def _chart(page, svg):
    ids = svg.attrs["aria-labelledby"].split()
    assert svg.attrs.get("role") == "img" and len(ids) == 2
    title, desc = page.by_id(ids[0]), page.by_id(ids[1])
    assert title is not None and title.tag == "title" and desc is not None and desc.tag == "desc"
    return title.text(), desc.text()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_each_years_ranked_chart_has_a_table_of_the_same_numbers_and_a_summary(built_site, lang):  # noqa: F811
    page = built_site.pages[MAP[lang]]
    for year in YEARS:
        block = page.by_id(f"{PARAM[lang]}-{year}")
        name = (lambda code: PROVINCES[code].name) if lang == "id" else (lambda code: PROVINCES[code].name_en)
        ranked = sorted(LATEST[year].values(), key=lambda f: (-midpoint(f), name(f.province)))
        own = [f for f in ranked if not is_regional(f)]
        title, desc = _chart(page, block.find_all("svg", cls="pa-ranked")[0])
        assert str(year) in title
        rows = block.find_all("table")[0].find_all("tbody")[0].find_all("tr")
        assert len(rows) == len(ranked)
        for row, f in zip(rows, ranked):
            value = fmt_figure(f, lang)
            assert value in row.text() and value in desc
            assert f.unit in row.text(), "the unit as reported"
        summary = block.find_all("p", cls="pa-summary")[0].text()
        high = PROVINCES[own[0].province]
        if len(own) > 1:
            start = {"id": "Cakupan tertinggi: ", "en": "Highest coverage: "}[lang]
            assert summary.startswith(start + (high.name if lang == "id" else high.name_en)), summary


@pytest.mark.parametrize("url", ["/provinsi/jambi/", "/en/province/bali/"])
def test_a_province_chart_over_time_has_its_table_and_summary_on_one_basis(built_site, url):  # noqa: F811
    page = built_site.pages[url]
    code = next(p.code for p in DATA.provinces if url.rstrip("/").endswith(p.slug))
    block = page.by_id("grafik-cakupan-blok")
    title, desc = _chart(page, block.find_all("svg", cls="pa-series")[0])
    rows = block.find_all("tbody")[0].find_all("tr")
    bases = {r.find_all("span", cls="pa-basis")[0].text() for r in rows}
    assert len(bases) == 1, f"one basis in the chart: {bases}"
    basis = next(b for b, years in VIEWS.items()
                 if [y for y, found in years.items() if code in found] == [int(r.find_all("td")[0].text()) for r in rows])
    years = [y for y, found in VIEWS[basis].items() if code in found]
    assert len(years) >= 2
    assert block.find_all("p", cls="pa-summary")[0].text()
    for year in years:
        assert fmt_figure(VIEWS[basis][year][code], page.lang) in desc


def test_a_province_without_figures_has_no_chart(built_site):  # noqa: F811
    without = [p for p in DATA.provinces if not any(p.code in v for v in ALL.values())]
    assert without, "the bundled data has a province without a coverage figure"
    page = built_site.pages[f"/provinsi/{without[0].slug}/"]
    assert page.by_id("grafik-cakupan-blok") is None
    assert len(tile_maps(page)) == 1, "but it still shows the tile map"


def test_the_map_page_reads_without_javascript(built_site):  # noqa: F811
    page = built_site.pages["/peta/"]
    interactive = page.by_id("peta-interaktif")
    assert "hidden" not in interactive.attrs, "in the page from the start, so nothing moves when the map draws"
    noscript = [link.attrs["href"] for n in page.find_all("noscript") for link in n.find_all("link")]
    assert noscript == ["/theme/css/maps-noscript.css"], "without scripts a stylesheet hides it"
    assert ".pa-interactive { display: none; }" in (built_site.root / noscript[0].lstrip("/")).read_text()
    for year in YEARS:
        assert page.by_id(f"tahun-{year}") is not None
    radios = [i.attrs["value"] for i in interactive.find_all("input") if i.attrs.get("name") == "tahun"]
    assert radios == [str(y) for y in reversed(YEARS)]
    bases = [i.attrs["value"] for i in interactive.find_all("input") if i.attrs.get("name") == "dasar"]
    assert bases == list(VIEWS), "a basis switch, the basis with most provinces first"
    notes = page.find_all("ul", cls="pa-notes")[0].text()
    assert "circle at its capital" not in notes, "all 38 provinces have a shape: no markers to explain"
    assert "Badan Informasi Geospasial" in notes and "MIT" in notes


def _assets(page):
    """The scripts a page runs, in order, and its stylesheets. The map page's own <script> (maps.js)
    adds Leaflet and the map script (data-map-scripts) once the page is drawn; both are preloaded."""
    scripts = [s.attrs["src"] for s in page.find_all("script") if "src" in s.attrs]
    added = [src for el in page.root.iter() for src in el.attrs.get("data-map-scripts", "").split()]
    preloaded = [link.attrs["href"] for link in page.find_all("link", rel="preload") if link.attrs.get("as") == "script"]
    assert preloaded == added, "the scripts added later are fetched from the start"
    styles = [link.attrs["href"] for link in page.find_all("link") if link.attrs.get("rel") == "stylesheet"]
    return scripts + added, styles


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_map_page_loads_only_the_sites_own_files(built_site, lang):  # noqa: F811
    page = built_site.pages[MAP[lang]]
    scripts, styles = _assets(page)
    assert "/theme/vendor/leaflet/leaflet.js" in scripts and "/theme/vendor/leaflet/leaflet.css" in styles
    assert re.fullmatch(rf"/theme/maps/map-{lang}\.[0-9a-f]{{12}}\.js", scripts[-1])
    for url in scripts + styles:
        assert url.startswith("/") and not url.startswith("//"), url
        assert (built_site.root / url.lstrip("/")).is_file(), url
    assert not [s for s in page.find_all("script") if "src" not in s.attrs and s.attrs.get("type") != "application/ld+json"]
    main = page.find_all("main")[0]
    assert not [el for el in main.iter() if "style" in el.attrs or el.tag == "style"], "no inline styles (CSP)"
    code = (built_site.root / scripts[-1].lstrip("/")).read_text(encoding="utf-8")
    assert not re.search(r"https?://", code), "the map script names no other host"
    assert not re.search(r"[0-9a-f]{32}", code), "no random folium ids"
    geometry = re.search(r'"geometry": "(/theme/maps/provinces\.[0-9a-f]{12}\.json)"', code).group(1)
    body = (built_site.root / geometry.lstrip("/")).read_bytes()
    assert len(body) <= 150 * 1024
    assert [f["properties"]["code"] for f in json.loads(body)["features"]] == sorted(PROVINCES)
    config = json.loads(re.search(r"ParitranaMap\(map_paritrana, (\{.*\})\);", code).group(1))
    assert config["param"] == PARAM[lang] and config["basis"] == DEFAULT
    for basis, view in config["views"].items():
        assert set(view["years"]) == {str(y) for y in VIEWS[basis]}
        assert all(set(v) == set(PROVINCES) for v in view["years"].values())
    assert config["markers"] == [], "the default boundaries draw every province"


def test_leaflet_is_the_pinned_package_with_its_licence(built_site):  # noqa: F811
    from xstatic.pkg import leaflet

    served = built_site.root / "theme" / "vendor" / "leaflet"
    assert leaflet.VERSION == "1.9.3"
    assert (served / "leaflet.js").read_bytes() == (Path(leaflet.BASE_DIR) / "leaflet.js").read_bytes()
    assert "BSD 2-Clause" in (served / "LICENSE.txt").read_text(encoding="utf-8")


def test_two_clean_builds_are_byte_identical(built_site, tmp_path):  # noqa: F811
    result = run_pelican(tmp_path / "again")
    assert result.returncode == 0, result.stderr
    again = tmp_path / "again"
    files = ["peta/index.html", "en/map/index.html", "index.html", "en/index.html", "provinsi/jambi/index.html",
             "en/province/papua-tengah/index.html", "theme/js/maps.js", "theme/css/maps.css",
             "provinsi/jawa-timur/index.html", "en/province/jawa-timur/kabupaten-jember/index.html"]
    files += [p.relative_to(built_site.root).as_posix() for p in (built_site.root / "theme" / "maps").iterdir()]
    assert len(files) == 13, files
    different = [f for f in files if (built_site.root / f).read_bytes() != (again / f).read_bytes()]
    assert not different, f"differ between two builds: {different}"


# --- other inputs ---------------------------------------------------------------------------

def _pelican(out: Path, **settings) -> "subprocess.CompletedProcess":
    import subprocess

    from site_build import ROOT
    from sitetools.build import build_env, pelican_command

    return subprocess.run(pelican_command(out, settings=settings), cwd=ROOT, env=build_env(), capture_output=True,
                          text=True, timeout=300)


def test_a_boundary_file_without_a_province_stops_the_build_with_a_clear_message(tmp_path):
    doc = json.loads((Path(__file__).parent.parent / "data" / "boundaries" / "provinces.geojson").read_text("utf-8"))
    doc["features"] = [f for f in doc["features"] if f["id"] != "33"]
    doc["features"].append({"type": "Feature", "properties": {"name": "Atlantis"},
                            "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}})
    bad = tmp_path / "bad.geojson"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    result = _pelican(tmp_path / "out", PARITRANA_MAPS_BOUNDARIES=str(bad))
    assert result.returncode != 0
    assert "The province boundary file cannot be used (2 problem(s))" in result.stderr
    assert "bad.geojson: feature 38 (name 'Atlantis') matches no province" in result.stderr
    assert "no shape for Jawa Tengah (33, ID-JT)" in result.stderr
    assert "Traceback" not in result.stderr
    assert not list((tmp_path / "out").rglob("*.html")), "nothing is written"


def test_without_figures_the_map_page_says_so(tmp_path, data_copy):
    for coverage in sorted((data_copy / "coverage").glob("*.csv")):
        lines = coverage.read_text(encoding="utf-8").splitlines(keepends=True)
        coverage.write_text("".join([lines[0]] + [line for line in lines[1:] if ",coverage_pct," not in line]),
                            encoding="utf-8")
    result = _pelican(tmp_path / "out", PARITRANA_DATA_DIR=str(data_copy))
    assert result.returncode == 0, result.stderr
    from site_build import LazyPages

    pages = LazyPages(tmp_path / "out")
    assert "Belum ada provinsi yang memiliki angka cakupan." in pages["/peta/"].text()
    assert pages["/peta/"].by_id("peta-interaktif") is None
    assert not tile_maps(pages["/"]) and not tile_maps(pages["/provinsi/jambi/"])
    assert pages["/provinsi/jambi/"].by_id("grafik-cakupan-blok") is None


def _papua_2022_file(tmp_path: Path) -> Path:
    """The default provinces with the four 2022 Papua provinces carrying their parent's code in
    KODE_PROV and their own name in PROVINSI, as a public 38-province file has them."""
    doc = json.loads((Path(__file__).parent.parent / "data" / "boundaries" / "provinces.geojson").read_text("utf-8"))
    parent = {"93": "91", "94": "91", "95": "91", "96": "92"}
    for f in doc["features"]:
        code = f.pop("id")
        f["properties"] = {"KODE_PROV": parent.get(code, code), "PROVINSI": PROVINCES[code].name}
    path = tmp_path / "public-38.geojson"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_a_public_38_province_file_with_parent_codes_builds_38_shapes_and_says_so(tmp_path):
    result = _pelican(tmp_path / "out", PARITRANA_MAPS_BOUNDARIES=str(_papua_2022_file(tmp_path)))
    assert result.returncode == 0, result.stderr
    said = [line for line in result.stderr.splitlines() if line.startswith("paritrana_maps: public-38.geojson")]
    assert len(said) == 4, result.stderr
    assert "code 91 (Papua) with the name of Papua Selatan, formed from it in 2022: read as 93 Papua Selatan" in said[0]
    code = next((tmp_path / "out" / "theme" / "maps").glob("map-id.*.js")).read_text(encoding="utf-8")
    config = json.loads(re.search(r"ParitranaMap\(map_paritrana, (\{.*\})\);", code).group(1))
    geometry = json.loads((tmp_path / "out" / config["geometry"].lstrip("/")).read_text(encoding="utf-8"))
    assert [f["properties"]["code"] for f in geometry["features"]] == sorted(PROVINCES)
    assert config["markers"] == []


@pytest.mark.parametrize("setting,body,message", [
    ("PARITRANA_MAPS_BOUNDARIES", None, "its code says 33 (Jawa Tengah) but its name says 32 (Jawa Barat)"),
    ("PARITRANA_MAPS_REGENCIES", '{"type": "FeatureCollection", "features": [{"type": "Feature", '
     '"properties": {"KDPKAB": "35.07", "WADMKK": "Surabaya"}, "geometry": {"type": "Polygon", '
     '"coordinates": [[[112, -8], [113, -8], [113, -7], [112, -8]]]}}, 7]}',
     "its code 35.07 says Kabupaten Malang but its name 'Surabaya' says Kota Surabaya (35.78)"),
    ("PARITRANA_MAPS_REGENCIES", "[1, 2", "PARITRANA_MAPS_REGENCIES: cannot read"),
])
def test_a_bad_boundary_file_stops_the_build_and_leaves_the_output_untouched(tmp_path, setting, body, message):
    if body is None:
        doc = json.loads(_papua_2022_file(tmp_path).read_text(encoding="utf-8"))
        next(f for f in doc["features"] if f["properties"]["KODE_PROV"] == "33")["properties"]["PROVINSI"] = "Jawa Barat"
        body = json.dumps(doc)
    bad = tmp_path / "bad.geojson"
    bad.write_text(body, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_text("the previous site", encoding="utf-8")
    result = _pelican(out, **{setting: str(bad)})
    assert result.returncode != 0
    assert message in result.stderr and "Traceback" not in result.stderr
    assert [p.name for p in out.iterdir()] == ["index.html"]
    assert (out / "index.html").read_text(encoding="utf-8") == "the previous site"
