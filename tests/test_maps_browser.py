"""The coverage map in headless Chromium (system /usr/bin/chromium driven by Playwright): it loads
without console errors or requests to other hosts, draws all 38 provinces, the year switch works by
keyboard and recolours the provinces, the year stays in the address, and a click opens a province.
The marker fallback (a boundary file lacking provinces) is tested on a site built with such a file,
its labels in a pinned font (Public Sans from the pinned package), so no result depends on the fonts
installed. Province pages: no console errors, and the keyboard reaches every shape link."""

from __future__ import annotations

import base64
import json
import os
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from browser_support import Visit
from quality_support import serving
from site_build import built_site  # noqa: F401
from site_build import ROOT, dataset
from sitetools.build import build_env, pelican_command

from paritrana_maps.bases import default_year, latest_by_basis
from paritrana_maps.model import midpoint
from paritrana_maps.scale import Scale
from paritrana_maps.settings import DEFAULTS

VIEWS = latest_by_basis(dataset().coverage, "coverage_pct")  # {basis: {year: {code: figure}}}
DEFAULT = next(iter(VIEWS))  # the basis with most provinces
SCALE = Scale.from_breaks(DEFAULTS["PARITRANA_MAPS_BREAKS"])
HATCH = "url(#pa-hatch)"


@pytest.fixture(scope="module")
def site_url(built_site):  # noqa: F811
    """The built site served on 127.0.0.1 (a free port) from a thread."""
    with serving(built_site.root) as base:
        yield base


NEWER = ("65", "93", "94", "95", "96")
# Every test of the marker site on one xdist worker, so that the site is built once.
MARKER_SITE = pytest.mark.xdist_group("maps-marker-site")


@pytest.fixture(scope="module")
def marker_site_url(tmp_path_factory):
    """A site built with a boundary file that lacks the five newer provinces (shown as markers)."""
    base = tmp_path_factory.mktemp("marker-site")
    doc = json.loads((ROOT / "data" / "boundaries" / "provinces.geojson").read_text(encoding="utf-8"))
    doc["features"] = [f for f in doc["features"] if f["id"] not in NEWER]
    boundaries = base / "older-provinces.geojson"
    boundaries.write_text(json.dumps(doc), encoding="utf-8")
    cmd = pelican_command(base / "out", settings={"PARITRANA_MAPS_BOUNDARIES": str(boundaries)})
    result = subprocess.run(cmd, cwd=ROOT, env=build_env(), capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    with serving(base / "out") as url:
        yield url


def _pinned_font_script() -> str:
    """Public Sans from the pinned fontpkg-public-sans package, used for the map's labels: the test
    measures the same text widths on every machine, whatever fonts are installed."""
    import fontpkg_public_sans

    data = base64.b64encode((Path(fontpkg_public_sans.ROOT) / "files" / "PublicSans[wght].ttf").read_bytes())
    return f"""(() => {{
      const bytes = Uint8Array.from(atob("{data.decode()}"), c => c.charCodeAt(0));
      document.fonts.add(new FontFace("PinnedTestSans", bytes.buffer));
      document.addEventListener("DOMContentLoaded", () => {{
        const style = document.createElement("style");
        style.textContent = ".pa-map, .pa-map * {{ font-family: PinnedTestSans !important; }}";
        document.head.appendChild(style);
      }});
    }})();"""


class MapVisit(Visit):
    """A map page opened in a fresh context (waiting for its map when scripts run), recording errors and requests."""

    def __init__(self, chromium, url: str, javascript: bool = True, width: int = 1280, pinned_font: bool = False):
        super().__init__(chromium, width=width, javascript=javascript, bypass_csp=pinned_font,
                         init_script=_pinned_font_script() if pinned_font else None)
        self.goto(url)
        if javascript:
            self.page.wait_for_selector("#peta-interaktif[data-ready=true]", timeout=20_000)

    def fill(self, code: str) -> str:
        return self.page.get_attribute(f"path.pa-prov-{code}", "fill")

    def point_on(self, code: str) -> dict:
        """A viewport point where the province's shape is the element on top."""
        return self.page.evaluate("""(code) => {
          const path = document.querySelector('path.pa-prov-' + code);
          const box = path.getBoundingClientRect();
          for (let i = 1; i < 12; i++) for (let j = 1; j < 12; j++) {
            const x = box.left + box.width * i / 12, y = box.top + box.height * j / 12;
            if (document.elementFromPoint(x, y) === path) return {x, y};
          }
          return null;
        }""", code)


def colour(basis: str, year: int, code: str) -> str:
    f = VIEWS[basis].get(year, {}).get(code)
    return HATCH if f is None else SCALE.colour(midpoint(f))


def test_the_map_page_loads_draws_every_province_and_switches_basis_and_year(chromium, site_url):
    v = MapVisit(chromium, site_url + "/peta/")
    try:
        page = v.page
        codes = page.evaluate("""() => [...new Set([...document.querySelectorAll('path.pa-prov')].map(
            p => [...p.classList].find(c => /^pa-prov-\\d+$/.test(c)).slice(8)))].sort()""")
        assert len(codes) == 38, codes
        assert page.locator("path.pa-marker").count() == 0, "every province is a shape: no markers"
        first = default_year(VIEWS[DEFAULT])
        assert DEFAULT == "bpjs_office" and first == 2025, "the basis with most provinces, its fullest year"
        assert page.locator(f"input[name=dasar][value={DEFAULT}]").is_checked()
        assert page.locator(f"input[name=tahun][value='{first}']").is_checked()
        assert v.fill("11") == colour(DEFAULT, first, "11") != HATCH, "Aceh's office figure"
        assert v.fill("15") == HATCH, "Jambi has no figure on this basis"
        assert v.fill("94") == colour(DEFAULT, first, "94") != HATCH, "Papua Tengah, a shape of its own"

        # By keyboard: the checked year, then the arrow key to the next one, 2024.
        page.focus(f"input[name=tahun][value='{first}']")
        page.keyboard.press("ArrowRight")
        assert page.locator("input[name=tahun][value='2024']").is_checked()
        assert v.fill("11") == colour(DEFAULT, 2024, "11") != colour(DEFAULT, first, "11"), "Aceh's colour changes"
        assert urlsplit(page.url).query == f"dasar={DEFAULT}&tahun=2024", "basis and year are kept in the address"
        own = [f for f in VIEWS[DEFAULT][2024].values() if "wilayah" not in f.unit]
        top = max(own, key=midpoint).province
        top_name = next(p.name for p in dataset().provinces if p.code == top)
        assert page.inner_text("#peta-status").startswith(
            f"2024, Basis pekerja versi kantor BPJS Ketenagakerjaan: Cakupan tertinggi: {top_name}")

        # Another basis: its own figures only, the year kept where it has one; no ranking where the
        # basis is not stated.
        page.check("input[name=dasar][value=not_stated]")
        assert page.locator("input[name=tahun][value='2024']").is_checked()
        assert v.fill("15") == colour("not_stated", 2024, "15") != HATCH, "Jambi's 2024 figure"
        assert v.fill("11") == HATCH, "Aceh's office figure is not on this basis"
        status = page.inner_text("#peta-status")
        assert "tertinggi" not in status and "tidak diperingkat" in status, status
        assert page.locator("input[name=tahun][value='2026']").is_hidden(), "a year this basis lacks"

        # Hover shows name, value, basis and date; a click opens the province's page.
        point = v.point_on("15")
        assert point, "a visible point on Jambi's shape"
        page.mouse.move(point["x"], point["y"])
        tooltip = page.locator(".pa-tooltip").inner_text()
        assert "Jambi" in tooltip and "39,52%" in tooltip and "12 Agustus 2024" in tooltip
        assert "Dasar hitung tidak disebut" in tooltip and "sumber tidak bertanggal" in tooltip
        page.mouse.click(point["x"], point["y"])
        page.wait_for_url("**/provinsi/jambi/")
        assert v.errors == [], v.errors
        foreign = [u for u in v.requests if urlsplit(u).hostname != "127.0.0.1"]
        assert foreign == [], f"requests that left the site: {foreign}"
        assert any("/theme/maps/provinces." in u for u in v.requests), "the geometry is fetched by URL"
    finally:
        v.close()


def test_a_shared_address_opens_its_basis_and_year_and_english_uses_its_own_parameters(chromium, site_url):
    v = MapVisit(chromium, site_url + "/en/map/?basis=not_stated&year=2023")
    try:
        assert v.page.locator("input[name=basis][value=not_stated]").is_checked()
        assert v.page.locator("input[name=year][value='2023']").is_checked()
        assert v.fill("75") == colour("not_stated", 2023, "75") != HATCH, "Gorontalo's 2023 figure"
        assert v.fill("15") == HATCH, "Jambi has no 2023 figure"
        v.page.check("input[name=year][value='2025']")
        assert urlsplit(v.page.url).query == "basis=not_stated&year=2025"
        point = v.point_on("91")
        v.page.mouse.click(point["x"], point["y"])
        v.page.wait_for_url("**/en/province/papua/")
        assert v.errors == []
    finally:
        v.close()
    v = MapVisit(chromium, site_url + "/en/map/?basis=ucj&year=2023")
    try:  # UCJ has no 2023 figure: its own year instead, and 2023 is not offered
        assert v.page.locator(f"input[name=year][value='{default_year(VIEWS['ucj'])}']").is_checked()
        assert v.page.locator("input[name=year][value='2023']").is_hidden()
        assert v.fill("71") == colour("ucj", default_year(VIEWS["ucj"]), "71") != HATCH
    finally:
        v.close()


# When the page adds each script (Leaflet and the map script come from maps.js, not from the HTML).
ADDED_SCRIPTS = """window.__added = {};
new MutationObserver((records) => { for (const r of records) for (const n of r.addedNodes)
  if (n.tagName === 'SCRIPT' && n.src && !(n.src in window.__added)) window.__added[n.src] = performance.now(); })
  .observe(document, {childList: true, subtree: true});"""


@pytest.mark.parametrize("url", ["/peta/", "/en/map/"])
def test_leaflet_and_the_map_script_run_only_after_the_page_is_painted(chromium, site_url, url):
    with Visit(chromium, width=412, height=823, init_script=ADDED_SCRIPTS) as v:
        v.goto(site_url + url, wait_until="load")
        page = v.page
        page.wait_for_selector("#peta-interaktif[data-ready=true]", timeout=20_000)
        painted = page.evaluate("performance.getEntriesByName('first-contentful-paint')[0].startTime")
        added = page.evaluate("window.__added")
        later = {src.rsplit("/", 1)[-1]: time for src, time in added.items() if time > painted}
        assert any(name == "leaflet.js" for name in later), f"first paint at {painted:.0f} ms; scripts added: {added}"
        assert any(name.startswith("map-") for name in later), f"first paint at {painted:.0f} ms; scripts added: {added}"


@MARKER_SITE
def test_with_a_file_lacking_the_newer_provinces_they_are_markers(chromium, marker_site_url):
    v = MapVisit(chromium, marker_site_url + "/peta/", pinned_font=True)
    try:
        assert v.page.locator("path.pa-marker").count() == 5, "the five newer provinces are markers"
        assert v.page.locator(".pa-marker-label").all_inner_texts() == [
            "Kalimantan Utara", "Papua Selatan", "Papua Tengah", "Papua Pegunungan", "Papua Barat Daya"]
        shown = VIEWS[DEFAULT][default_year(VIEWS[DEFAULT])]
        empty = next(code for code in ("65", "93", "94", "95", "96") if code not in shown)
        assert v.fill(empty) == HATCH, "a marker of a province without a figure is hatched too"
        assert v.fill("94") == SCALE.colour(midpoint(shown["94"])), "and one with a figure is coloured"
        assert v.errors == [], v.errors
    finally:
        v.close()


@MARKER_SITE
def test_a_marker_opens_its_province(chromium, marker_site_url):
    v = MapVisit(chromium, marker_site_url + "/peta/", pinned_font=True)
    try:
        v.page.locator("path.pa-prov-96").click()
        v.page.wait_for_url("**/provinsi/papua-barat-daya/")
    finally:
        v.close()


def test_without_javascript_the_tile_maps_and_tables_remain(chromium, site_url):
    v = MapVisit(chromium, site_url + "/peta/", javascript=False)
    try:
        assert v.page.locator("#peta-interaktif").is_hidden()
        drawn = len(VIEWS[DEFAULT])  # the default basis drawn, every basis as tables
        assert v.page.locator("figure.pa-tilemap").count() == drawn
        assert all(v.page.locator("figure.pa-tilemap").nth(i).is_visible() for i in range(drawn))
        tables = sum(len(years) for years in VIEWS.values())
        assert v.page.locator(".pa-block-map table.pa-figures").count() == tables
        assert v.page.locator("#peta-penghargaan-svg").is_visible(), "the awards map is drawn at build time"
        assert v.page.locator(".pa-awards-views").is_hidden(), "its edition switch needs JavaScript"
        v.page.locator("#tahun-2024-ubin a[href='/provinsi/bali/']").locator("visible=true").click()
        v.page.wait_for_url("**/provinsi/bali/")
    finally:
        v.close()


@pytest.mark.parametrize("url", ["/peta/", "/en/province/jawa-timur/"])
def test_at_360px_every_tile_map_fits_with_readable_codes_and_large_enough_tiles(chromium, site_url, url):
    """On phones the tile map is drawn in two bands: nothing scrolls sideways and every tile is a target
    of at least 24 px (WCAG 2.2, 2.5.8) with its code at least 12 px high."""
    v = MapVisit(chromium, site_url + url, width=360, javascript=url == "/peta/")  # only the map page waits for its map
    try:
        found = v.page.evaluate("""() => [...document.querySelectorAll('figure.pa-tilemap')].map((f) => {
            const box = f.querySelector('.pa-scroll');
            const svgs = [...f.querySelectorAll('svg.pa-tiles')].filter((s) => s.getBoundingClientRect().width > 0);
            const tiles = svgs.flatMap((s) => [...s.querySelectorAll('rect.pa-tile')].map((r) => r.getBoundingClientRect()));
            const codes = svgs.flatMap((s) => [...s.querySelectorAll('a > text:first-of-type')].map((t) => t.getBoundingClientRect().height));
            return {overflow: box.scrollWidth - box.clientWidth, shown: svgs.length, tiles: tiles.length,
                    smallest: Math.min(...tiles.map((r) => Math.min(r.width, r.height))), code: Math.min(...codes)};
        })""")
    finally:
        v.close()
    assert found
    for tilemap in found:
        assert tilemap["shown"] == 1 and tilemap["tiles"] == 38, tilemap
        assert tilemap["overflow"] <= 0 and tilemap["smallest"] >= 24 and tilemap["code"] >= 12, tilemap


def test_the_map_fits_a_phone(chromium, site_url):
    v = MapVisit(chromium, site_url + "/peta/", width=375)
    try:
        box = v.page.locator(".pa-map").bounding_box()
        assert box["width"] <= 375
        west, east = v.page.evaluate("() => [map_paritrana.getBounds().getWest(), map_paritrana.getBounds().getEast()]")
        assert west <= 95.1 and east >= 140.9, "the whole country is in view"
        assert v.errors == []
    finally:
        v.close()


LABELS = """() => {
  const box = document.querySelector('.pa-map').getBoundingClientRect();
  const marks = [...document.querySelectorAll('path.pa-marker')].map(p => p.getBoundingClientRect());
  return [...document.querySelectorAll('.pa-marker-label')].map((label, n) => {
    const r = label.getBoundingClientRect(), m = marks[n];
    const side = ['left', 'right', 'top', 'bottom'].find(s => label.classList.contains('leaflet-tooltip-' + s));
    const gap = {left: m.left - r.right, right: r.left - m.right, top: m.top - r.bottom, bottom: r.top - m.bottom}[side];
    const across = side === 'left' || side === 'right' ? (r.top + r.bottom - m.top - m.bottom) / 2
                                                      : (r.left + r.right - m.left - m.right) / 2;
    return {name: label.textContent, side, gap, across, shown: getComputedStyle(label).visibility === 'visible',
            inside: r.left >= box.left && r.right <= box.right && r.top >= box.top && r.bottom <= box.bottom};
  });
}"""


@MARKER_SITE
@pytest.mark.parametrize("width", [820, 960, 1280])
@pytest.mark.parametrize("url", ["/peta/", "/en/map/"])
def test_each_name_sits_beside_its_marker_inside_the_map(chromium, marker_site_url, url, width):
    v = MapVisit(chromium, marker_site_url + url, width=width, pinned_font=True)
    try:
        labels = v.page.evaluate(LABELS)
        assert len(labels) == 5 and all(label["shown"] for label in labels), labels
        for label in labels:
            assert 0 <= label["gap"] <= 16 and abs(label["across"]) <= 2, f"{label['name']} is away from its marker: {label}"
            assert label["inside"], f"{label['name']} is cut off by the edge of the map at {width} px"
    finally:
        v.close()


@MARKER_SITE
def test_the_map_fits_the_country_again_when_its_box_grows(chromium, marker_site_url):
    v = MapVisit(chromium, marker_site_url + "/peta/", width=375, pinned_font=True)
    try:
        zoom = v.page.evaluate("() => map_paritrana.getZoom()")
        assert v.page.evaluate(LABELS)[0]["shown"] is False, "no names on a phone"
        v.page.set_viewport_size({"width": 1280, "height": 900})
        v.page.wait_for_function(f"() => map_paritrana.getZoom() > {zoom}", timeout=5_000)
        west, east = v.page.evaluate("() => [map_paritrana.getBounds().getWest(), map_paritrana.getBounds().getEast()]")
        assert west <= 95.1 and east >= 140.9, "the whole country is in view"
        labels = v.page.evaluate(LABELS)
        assert all(label["shown"] and label["inside"] and 0 <= label["gap"] <= 16 for label in labels), labels
    finally:
        v.close()


@MARKER_SITE
def test_the_labels_use_the_pinned_font(chromium, marker_site_url):
    v = MapVisit(chromium, marker_site_url + "/peta/", width=1280, pinned_font=True)
    try:
        family = v.page.evaluate("getComputedStyle(document.querySelector('.pa-marker-label')).fontFamily")
        assert "PinnedTestSans" in family
        assert v.page.evaluate("document.fonts.check('12px PinnedTestSans')")
    finally:
        v.close()


# --- the awards view and the province pages' maps ------------------------------------------------

def test_the_awards_view_recolours_and_renames_the_provinces_per_edition(chromium, site_url):
    v = MapVisit(chromium, site_url + "/peta/")
    try:
        page = v.page
        jatim = "#peta-penghargaan-svg a[href='/provinsi/jawa-timur/']"
        total = sum(1 for w in dataset().winners if w.province == "35")
        in_2023 = sum(1 for w in dataset().winners if w.province == "35" and w.edition == 2023)
        assert page.text_content(f"{jatim} title").endswith(f"{total} penghargaan yang diketahui, semua edisi")
        before = page.get_attribute(f"{jatim} path", "fill")
        page.check("input[name=pa-edisi][value='2023']")
        assert page.text_content(f"{jatim} title") == f"Jawa Timur: {in_2023} penghargaan yang diketahui pada edisi 2023"
        assert page.inner_text("#peta-penghargaan-status").startswith("Penghargaan terbanyak pada edisi 2023:")
        page.check("input[name=pa-edisi][value='all']")
        assert page.get_attribute(f"{jatim} path", "fill") == before
        assert v.errors == [], v.errors
    finally:
        v.close()


def _tab_through(page, selector: str, limit: int = 400) -> set[str]:
    """The hrefs of `selector` links that keyboard focus reaches, tabbing from the top of the page."""
    reached = set()
    page.focus("body")
    for _ in range(limit):
        page.keyboard.press("Tab")
        href = page.evaluate(f"""() => {{ const el = document.activeElement;
            return el && el.matches('{selector}') ? el.getAttribute('href') : null; }}""")
        if href:
            reached.add(href)
        if page.evaluate("document.activeElement && document.activeElement.closest('footer') !== null"):
            break
    return reached


@pytest.mark.parametrize("url", ["/provinsi/jawa-timur/", "/en/province/jawa-barat/", "/provinsi/papua-barat-daya/"])
def test_the_province_map_works_by_keyboard_and_without_errors(chromium, site_url, url):
    with Visit(chromium) as v:
        page = v.page
        v.goto(site_url + url)
        links = set(page.eval_on_selector_all("#peta-kabupaten-kota-svg a", "els => els.map(a => a.getAttribute('href'))"))
        assert _tab_through(page, "#peta-kabupaten-kota-svg a") == links, "Tab reaches every shape link"
        if links:
            first = sorted(links)[0]
            page.focus(f"#peta-kabupaten-kota-svg a[href='{first}']")
            page.keyboard.press("Enter")
            page.wait_for_url("**" + first)
        assert v.errors == [], v.errors
