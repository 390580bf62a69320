"""Province and kabupaten/kota pages of the built site: the province leads with its own story and a
map of its kabupaten/kota (named, linked, shaded, with a table), regency pages have a locator map,
and the page-weight budgets of issue 11 hold (gzip sizes of the built files)."""

from __future__ import annotations

import gzip
import json
import re

import pytest

from site_build import built_site  # noqa: F401
from site_build import dataset

DATA = dataset()
PROVINCES = {p.code: p for p in DATA.provinces}
REGENCIES = {r.code: r for r in DATA.regencies}
SHAPES = {f["id"] for f in json.loads((__import__("site_build").ROOT / "data" / "boundaries" / "regencies.geojson")
                                      .read_text(encoding="utf-8"))["features"]}
WINNERS_BY_REGENCY: dict[str, int] = {}
for w in DATA.winners:
    if w.regency:
        WINNERS_BY_REGENCY[w.regency] = WINNERS_BY_REGENCY.get(w.regency, 0) + 1
PROVINCE_URL = {"id": "/provinsi/{}/", "en": "/en/province/{}/"}
BUDGET_KB = {"province": 60, "regency": 40, "map": 300, "font": 32}


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 9, mtime=0))


def region_shapes(page):
    """(code or None, element, accessible name, href or None) of every shape of the province map."""
    svg = page.by_id("peta-kabupaten-kota-svg")
    found = []
    for el in svg.iter():
        if el.tag == "a":
            found.append((el.attrs["href"], el, el.find_all("title")[0].text(), el.attrs["href"]))
        elif el.tag == "path" and el.parent.tag != "a":
            found.append((None, el, el.attrs.get("aria-label", ""), None))
    return found


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_province_page_leads_with_its_own_story_then_its_map(built_site, lang):  # noqa: F811
    for code, province in PROVINCES.items():
        page = built_site.pages[PROVINCE_URL[lang].format(province.slug)]
        main = page.find_all("main")[0]
        order = [el.attrs.get("id") or el.tag for el in main.iter()
                 if el.tag in ("h1", "p", "section", "h2") and (el.tag != "p" or "lead" in el.attrs.get("class", ""))]
        assert order[0] == "h1" and order[1] == "p", f"{province.name}: the lead sentence comes first ({order[:4]})"
        lead = page.find_all("p", cls="lead")[0].text()
        count = sum(1 for w in DATA.winners if w.province == code)
        if count:
            assert province.name in lead or province.name_en in lead
        ids = [i for i in order if i in ("peta-kabupaten-kota", "pemerintah-provinsi", "cakupan", "peta-cakupan")]
        # A province without any known award shows its empty state once, in the lead, not per section.
        expected = ["peta-kabupaten-kota", "pemerintah-provinsi", "cakupan"] if count else ["peta-kabupaten-kota", "cakupan"]
        assert ids[:len(expected)] == expected, f"{province.name}: {ids}"
        if not count:
            assert len(page.find_all("p", cls="no-data")) <= 1, f"{province.name}: one empty state per page"
        if "peta-cakupan" in ids:
            assert ids[-1] == "peta-cakupan", "the national tile map is context, at the end"


def test_the_lead_sentence_reads_naturally_in_both_languages(built_site):  # noqa: F811
    jatim = built_site.pages["/provinsi/jawa-timur/"].find_all("p", cls="lead")[0].text()
    assert re.match(r"Jawa Timur telah \d+ kali meraih Paritrana Award\. Seluruhnya, ", jatim), jatim
    east = built_site.pages["/en/province/jawa-timur/"].find_all("p", cls="lead")[0].text()
    assert re.match(r"East Java has won the Paritrana Award \d+ times?\. In all, \d+ awards? went to", east), east


@pytest.mark.parametrize("lang", ["id", "en"])
def test_each_kabupaten_kota_with_a_shape_is_drawn_named_and_linked_where_it_has_a_page(built_site, lang):  # noqa: F811
    for code, province in PROVINCES.items():
        url = PROVINCE_URL[lang].format(province.slug)
        page = built_site.pages[url]
        shapes = region_shapes(page)
        own = {c for c, r in REGENCIES.items() if r.province_code == code}
        assert len(shapes) == len(own & SHAPES), f"{province.name}: one shape per kabupaten/kota with a shape"
        names = [name for _, _, name, _ in shapes]
        assert all(names) and len(set(names)) == len(names), f"{province.name}: every shape has its own name"
        linked = [href for _, _, _, href in shapes if href]
        expected = {c for c in own & SHAPES if WINNERS_BY_REGENCY.get(c)}
        assert len(linked) == len(expected), f"{province.name}: a link for each kabupaten/kota with a page"
        for href in linked:
            path, file, _ = built_site.resolve(url, href)
            assert file.is_file(), f"{url}: {href} does not resolve"
        rows = page.by_id("kabupaten-kota-tabel").parent.find_all("tr")[1:]
        assert len(rows) == len(own), "the table lists every kabupaten/kota, with or without a shape"


def test_shapes_are_shaded_by_known_awards_and_their_names_say_the_count(built_site):  # noqa: F811
    page = built_site.pages["/provinsi/jawa-timur/"]
    counts = {name.split(":")[0]: name for _, _, name, _ in region_shapes(page)}
    jember = "Kabupaten Jember"
    assert counts[jember] == f"{jember}: {WINNERS_BY_REGENCY['35.09']} penghargaan yang diketahui"
    assert counts["Kota Surabaya"] == "Kota Surabaya: belum ada penghargaan yang diketahui"
    fills = {el.attrs["fill"] for _, link, _, _ in region_shapes(page) for el in link.iter() if el.tag == "path"}
    assert "#eceff2" in fills and len(fills) >= 2


def test_a_kabupaten_kota_without_a_shape_in_the_source_is_named_as_such(built_site):  # noqa: F811
    page = built_site.pages["/provinsi/jawa-timur/"]
    assert "Sumber batas wilayah tidak memuat bentuk untuk: Kota Mojokerto." in page.text()
    regency = built_site.pages["/provinsi/jawa-timur/kota-mojokerto/"]
    assert regency.by_id("peta-lokasi-svg") is None
    assert "Peta Kota Mojokerto belum tersedia: sumber batas wilayah tidak memuat bentuknya." in regency.text()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_regency_page_has_a_locator_map_with_itself_highlighted(built_site, lang):  # noqa: F811
    for code in sorted(WINNERS_BY_REGENCY):
        r = REGENCIES[code]
        base = PROVINCE_URL[lang].format(PROVINCES[r.province_code].slug)
        page = built_site.pages[f"{base}{r.slug}/"]
        svg = page.by_id("peta-lokasi-svg")
        if code not in SHAPES:
            assert svg is None
            continue
        assert svg.attrs["role"] == "img" and r.name in svg.attrs["aria-label"]
        paths = svg.find_all("path")
        assert paths[-1].attrs["fill"] == "#c2410c", "this kabupaten/kota is drawn last, highlighted"
        assert sum(1 for p in paths if p.attrs["fill"] == "#c2410c") == 1


def test_the_map_pages_credit_the_boundary_source(built_site):  # noqa: F811
    for url in ("/peta/", "/provinsi/jawa-timur/", "/en/province/jawa-timur/"):
        assert "Badan Informasi Geospasial" in built_site.pages[url].text() and "MIT" in built_site.pages[url].text()


# --- budgets: gzip sizes of what each page loads ------------------------------------------------

def _local_assets(built_site, page, kinds=("script", "link")) -> list:  # noqa: F811
    found = []
    for el in page.find_all():
        href = el.attrs.get("src") if el.tag == "script" else el.attrs.get("href") if el.tag == "link" else None
        if el.tag == "link" and el.attrs.get("rel") not in ("stylesheet", "preload"):
            continue
        if el.tag == "link" and el.attrs.get("as") == "font" and "font" not in kinds:
            continue  # the site's one font is weighed once, against its own budget
        if href and href.startswith("/"):
            found.append(href)
    return found


def test_page_weight_budgets(built_site):  # noqa: F811
    """Every province and kabupaten/kota page with its map (inline) and the CSS and JS it loads, and the
    map page with everything it loads (the geometry its script fetches included), in gzip."""
    assets: dict[str, int] = {}

    def weight(page) -> int:
        total = gz(page.path.read_bytes())
        for href in _local_assets(built_site, page):
            if href not in assets:
                assets[href] = gz((built_site.root / href.lstrip("/")).read_bytes())
            total += assets[href]
        return total

    sizes = {"province": [], "regency": []}
    for url in built_site.pages:
        parts = url.strip("/").split("/")
        if parts[:1] == ["en"]:
            parts = parts[1:]
        if parts and parts[0] in ("provinsi", "province") and len(parts) in (2, 3) and parts[-1] != "cetak":
            kind = "province" if len(parts) == 2 else "regency"
            sizes[kind].append((weight(built_site.pages[url]), url))
    for kind, found in sizes.items():
        largest = max(found)
        print(f"largest {kind} page: {largest[1]} {largest[0] / 1024:.1f} KB gzip with CSS and JS ({len(found)} pages)")
        assert largest[0] <= BUDGET_KB[kind] * 1024, f"{largest[1]} is over {BUDGET_KB[kind]} KB gzip"
    fonts = {h for h in _local_assets(built_site, built_site.pages["/"], kinds=("link", "font")) if h.endswith(".woff2")}
    assert fonts, "the site serves its own font"
    for href in fonts:
        size = (built_site.root / href.lstrip("/")).stat().st_size
        print(f"{href}: {size / 1024:.1f} KB (WOFF2, loaded once for the whole site)")
        assert size <= BUDGET_KB["font"] * 1024, href
    for url in ("/peta/", "/en/map/"):
        page = built_site.pages[url]
        code = next(built_site.root / h.lstrip("/") for h in _local_assets(built_site, page) if "/maps/map-" in h)
        geometry = built_site.root / re.search(r'"geometry": "/([^"]+)"', code.read_text(encoding="utf-8")).group(1)
        total = weight(page) + gz(geometry.read_bytes())
        print(f"{url}: {total / 1024:.1f} KB gzip with its scripts, styles and geometry")
        assert total <= BUDGET_KB["map"] * 1024


def test_no_page_but_the_map_page_loads_geometry(built_site):  # noqa: F811
    for url in list(built_site.pages)[:: max(1, len(built_site.pages) // 300)] + ["/provinsi/jawa-timur/"]:
        source = built_site.pages[url].source
        if url in ("/peta/", "/en/map/"):
            continue
        assert "/theme/maps/" not in source and ".geojson" not in source, url


# --- share images show the place's shape --------------------------------------------------------

def _panel_colours(path) -> dict:
    from PIL import Image

    from paritrana_maps.placemaps import CARD_BOX

    left, top, width, height = CARD_BOX
    image = Image.open(path).convert("RGB").crop((left, top, left + width + 4, top + height + 4))
    return {colour: n for n, colour in image.getcolors(maxcolors=1 << 16)}


BRAND, GREY = (11, 90, 60), (211, 217, 223)


def test_share_images_of_places_show_their_shape(built_site):  # noqa: F811
    province = _panel_colours(built_site.root / "gambar/bagikan/provinsi/jawa-timur.png")
    assert province.get(BRAND, 0) > 5000 and province.get(GREY, 0) == 0, "the province in brand green"
    regency = _panel_colours(built_site.root / "gambar/bagikan/provinsi/jawa-timur/kabupaten-jember.png")
    assert regency.get(GREY, 0) > 5000, "its province in grey"
    assert 300 < regency.get(BRAND, 0) < province[BRAND] / 4, "and itself, a part of it, in green"
    english = _panel_colours(built_site.root / "en/images/share/province/jawa-timur/kabupaten-jember.png")
    assert english == regency, "the same shape in both languages"
    unmapped = _panel_colours(built_site.root / "gambar/bagikan/provinsi/jawa-timur/kota-mojokerto.png")
    # A card without a shape gives its text the whole width (the green count line may reach into the box).
    assert unmapped.get(GREY, 0) == 0, "no shape in the source: none drawn"


def test_a_card_with_a_shape_keeps_its_text_clear_of_it():
    from paritrana_share import card

    spec = {"title": "Kabupaten Pangkajene dan Kepulauan " * 2, "brand": "Arsip", "footer": "f",
            "shape": {"rings": [], "here": [[900, 200, 1000, 200, 1000, 300]]}}
    placed = card.fit(spec)
    widest = max(face.getlength(line) for face, _c, lines, _h, _g in placed for line in lines)
    assert widest <= card.TEXT_WIDTH - card.SHAPE_PANEL
    assert card.MARGIN + widest < 824, "the text ends left of the shape's box"


@pytest.mark.parametrize("url", ["/provinsi/jawa-timur/", "/en/province/jawa-timur/", "/peta/", "/en/map/"])
def test_every_tile_map_has_a_key_to_its_codes(built_site, url):  # noqa: F811
    """The two-letter codes on the tiles (JI, SA…) are explained right under each tile map."""
    page = built_site.pages[url]
    tilemaps = page.find_all("figure", cls="pa-tilemap")
    keys = page.find_all("details", cls="pa-codes")
    assert tilemaps and len(keys) == len(tilemaps)
    for figure, key in zip(tilemaps, keys):
        wide = figure.find_all("svg", cls="pa-tiles-wide")[0]
        codes = [t.text().strip() for t in wide.find_all("text") if re.fullmatch(r"[A-Z]{2}", t.text().strip())]
        entries = {li.find_all("b")[0].text(): li.text() for li in key.find_all("li")}
        assert sorted(codes) == sorted(entries) and len(codes) == len(PROVINCES)
        assert all(any(text.endswith((f" {p.name}", f" {p.name_en}")) for p in PROVINCES.values())
                   for text in entries.values()), entries
