"""Honest coverage (issue 14): figures counted on different bases are never ranked or coloured on
one scale together, in any built page or map script; an office's whole area and undated figures are
flagged in words; the home page puts winners first and keeps coverage to a sentence and a link."""

from __future__ import annotations

import json
import re

import pytest

from site_build import built_site  # noqa: F401
from site_build import dataset, fmt_figure

from paritrana_maps.bases import default_year, is_ranked, is_regional, latest_by_basis, order_bases
from paritrana_maps.model import midpoint
from paritrana_maps.scale import Scale
from paritrana_maps.settings import DEFAULTS

DATA = dataset()
PROVINCES = {p.code: p for p in DATA.provinces}
BY_SLUG = {p.slug: p.code for p in DATA.provinces}
VIEWS = latest_by_basis(DATA.coverage, "coverage_pct")
SCALE = Scale.from_breaks(DEFAULTS["PARITRANA_MAPS_BREAKS"])
HATCH = "url(#pa-hatch)"
MAP = {"id": "/peta/", "en": "/en/map/"}
PROVINCE = {"id": "/provinsi/{}/", "en": "/en/province/{}/"}
HIGHEST = {"id": "tertinggi", "en": "Highest"}


def name(code: str, lang: str) -> str:
    return PROVINCES[code].name if lang == "id" else PROVINCES[code].name_en


def blocks(page):
    """Every view of one basis and one year on a page: (basis, year, section)."""
    return [(b.attrs["data-basis"], int(b.attrs["data-year"]), b) for b in page.find_all("section", cls="pa-block")
            if "data-basis" in b.attrs]


def pages_with_views(site):
    urls = list(MAP.values()) + [PROVINCE[lang].format(p.slug) for p in DATA.provinces for lang in ("id", "en")]
    return [site.pages[url] for url in urls]


# --- the data: which figures compare ---------------------------------------------------------

@pytest.mark.parametrize("unit, regional", [
    ("persen (wilayah Sumbagut)", True),
    ("persen dari 1,8 juta tenaga kerja (data BPS) di wilayah kerja BPJamsostek Cabang Papua Jayapura = Provinsi "
     "Papua, Papua Pegunungan dan Papua Selatan digabung", True),
    ("pekerja terlindungi Januari–September 2025 (BPJS Ketenagakerjaan Kanwil Jateng DIY, wilayah DIY)", False),
    ("persen UCJ (sekitar 408.974 pekerja; disampaikan 3 Juni 2025, Kakanwil Sumbagut)", False),
    ("persen", False),
])
def test_an_offices_whole_area_is_told_apart_from_a_province_by_its_unit(unit, regional):
    class Figure:
        pass
    f = Figure()
    f.unit = unit
    assert is_regional(f) is regional


def test_each_view_holds_one_basis_and_the_default_has_most_provinces():
    figures = [f for f in DATA.coverage if f.metric == "coverage_pct"]
    provinces = {b: {f.province for f in figures if f.basis == b} for b in {f.basis for f in figures}}
    ranked = [b for b in provinces if is_ranked(b)]
    assert list(VIEWS)[0] == max(ranked, key=lambda b: len(provinces[b])) == "bpjs_office"
    assert order_bases(VIEWS) == list(VIEWS) and list(VIEWS)[-1] == "not_stated"
    for basis, years in VIEWS.items():
        assert all(f.basis == basis and f.year == year for year, found in years.items() for f in found.values())
    assert default_year(VIEWS["bpjs_office"]) == 2025, "the year with most provinces, not a year of one figure"


# --- the built pages -------------------------------------------------------------------------

def test_no_table_tile_map_or_chart_mixes_two_bases(built_site):  # noqa: F811
    seen = set()
    for page in pages_with_views(built_site):
        lang = page.lang
        for basis, year, block in blocks(page):
            seen.add((basis, year))
            found = VIEWS[basis].get(year, {})
            rows = block.find_all("tbody")[0].find_all("tr") if block.find_all("tbody") else []
            assert len(rows) == len(found), f"{basis} {year}: every province of this basis, no other"
            names = set()
            for row in rows:
                code = BY_SLUG[row.find_all("a")[0].attrs["href"].rstrip("/").split("/")[-1]]
                assert code in found, f"{basis} {year}: {code} has no figure on this basis"
                value = [td for td in row.find_all("td") if "num" in td.attrs.get("class", "").split()
                         and td.find_all("span", cls="pa-basis")][0]
                assert value.text().startswith(fmt_figure(found[code], lang)), value.text()
                names.add(value.find_all("span", cls="pa-basis")[0].text())
            assert len(names) <= 1, f"one basis per table: {names}"
            for figure in block.find_all("svg", cls="pa-tiles"):  # both drawings, wide and for phones
                for link in figure.find_all("a"):
                    code = BY_SLUG[link.attrs["href"].rstrip("/").split("/")[-1]]
                    fill = link.find_all("rect", cls="pa-tile")[0].attrs["fill"]
                    f = found.get(code)
                    assert fill == (HATCH if f is None else SCALE.colour(midpoint(f))), f"{basis} {year} {code}"
            for chart in block.find_all("svg", cls="pa-ranked"):
                assert is_ranked(basis), "figures whose basis is not stated are not ranked"
                desc = chart.find_all("desc")[0].text()
                assert desc.count("; ") + 1 >= len(found) and all(name(c, lang) in desc for c in found)
    assert seen >= {(b, y) for b, years in VIEWS.items() for y in years}, \
        "every basis and year has its view"


def test_highest_and_lowest_only_within_one_basis_and_one_year(built_site):  # noqa: F811
    checked = 0
    for page in pages_with_views(built_site):
        lang = page.lang
        for basis, year, block in blocks(page):
            summary = block.find_all("p", cls="pa-summary")[0].text()
            if HIGHEST[lang] not in summary:
                continue
            assert is_ranked(basis), summary
            own = sorted((f for f in VIEWS[basis][year].values() if not is_regional(f)),
                         key=lambda f: (-midpoint(f), name(f.province, lang)))
            high, low = name(own[0].province, lang), name(own[-1].province, lang)
            assert f"{high} ({fmt_figure(own[0], lang)})" in summary and f"{low} ({fmt_figure(own[-1], lang)})" in summary
            checked += 1
    assert checked > 40


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_interactive_map_colours_one_basis_at_a_time(built_site, lang):  # noqa: F811
    page = built_site.pages[MAP[lang]]
    script = [el.attrs["data-map-scripts"] for el in page.root.iter() if "data-map-scripts" in el.attrs][0].split()[-1]
    code = (built_site.root / script.lstrip("/")).read_text()
    config = json.loads(re.search(r"ParitranaMap\(\w+, (\{.*\})\);", code).group(1))
    assert sorted(config["views"]) == sorted(VIEWS) and config["basis"] == list(VIEWS)[0]  # keys sorted by tojson
    radios = [i.attrs["value"] for i in page.by_id("peta-interaktif").find_all("input")
              if i.attrs.get("name") == {"id": "dasar", "en": "basis"}[lang]]
    assert radios == list(VIEWS)
    for basis, view in config["views"].items():
        assert [int(y) for y in view["years"]] == list(VIEWS[basis])
        for year, provinces in view["years"].items():
            found = VIEWS[basis][int(year)]
            for province, entry in provinces.items():
                f = found.get(province)
                assert entry["f"] == (HATCH if f is None else SCALE.colour(midpoint(f))), (basis, year, province)
                if f is not None:
                    assert entry["t"][1] == fmt_figure(f, lang)
            summary = view["summaries"][year]
            assert (HIGHEST[lang] in summary) <= is_ranked(basis), summary


@pytest.mark.parametrize("lang, regional, undated", [
    ("id", "untuk seluruh wilayah kerja kantor BPJS Ketenagakerjaan, bukan provinsi ini saja",
     "tanpa tanggal: baik angka maupun sumbernya tidak menyebut tanggal"),
    ("en", "for a BPJS Ketenagakerjaan office's whole area, not the province alone",
     "not dated: neither the figure nor its source gives a date"),
])
def test_an_offices_area_and_an_undated_figure_are_flagged_in_words_in_every_view(built_site, lang, regional,  # noqa: F811
                                                                                 undated):
    sumut = VIEWS["bpjs_office"][2025]["12"]
    dki = VIEWS["ucj"][2025]["31"]
    assert is_regional(sumut) and dki.as_of is None and dki.source_date is None, "the data's own cases"
    page = built_site.pages[MAP[lang]]
    for code, basis, words in (("12", "bpjs_office", regional), ("31", "ucj", undated)):
        block = [b for bb, y, b in blocks(page) if bb == basis and y == 2025][0]
        row = [r for r in block.find_all("tr") if r.find_all("a")
               and r.find_all("a")[0].attrs["href"] == PROVINCE[lang].format(PROVINCES[code].slug)][0]
        assert words in row.text(), row.text()
        assert f"{name(code, lang)} {fmt_figure(VIEWS[basis][2025][code], lang)}: {words}" in \
            block.find_all("ul", cls="pa-flags")[0].text()
        if basis == "bpjs_office":
            assert row.find_all("td")[0].text() == "–", "an office's area has no rank"
            tile = [a for a in block.find_all("a", cls="pa-tile-link")
                    if a.attrs["href"] == PROVINCE[lang].format(PROVINCES[code].slug)][0]
            assert words in tile.find_all("title")[0].text() and tile.text().endswith("*")
    province = built_site.pages[PROVINCE[lang].format(PROVINCES["12"].slug)]
    assert regional in province.by_id("grafik-cakupan-blok").text(), "the chart's table too"
    assert regional in province.by_id("peta-cakupan").text(), "and the tile map of the province page"


@pytest.mark.parametrize("url", ["/", "/en/"])
def test_the_home_page_puts_winners_first_and_coverage_in_a_sentence(built_site, url):  # noqa: F811
    page = built_site.pages[url]
    assert page.find_all("figure", cls="pa-tilemap") == [] and page.find_all("table", cls="pa-figures") == []
    ids = [el.attrs.get("id") for el in page.root.iter() if el.attrs.get("id") in ("nasional-terbaru", "cakupan")]
    assert ids == ["nasional-terbaru", "cakupan"], "the latest winners before coverage"
    section = [s for s in page.find_all("section") if s.find_all("h2", id="cakupan")][0]
    count = len({f.province for f in DATA.coverage if f.metric == "coverage_pct"})
    assert f" {count} " in section.text(), "how many provinces have a figure"
    assert [a.attrs["href"] for a in section.find_all("a")] == [MAP[page.lang]], "and the way to the map"
    assert section.find_all("ol") == [] and section.find_all("table") == [], "no ranked list across bases"
