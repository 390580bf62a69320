"""The built site's share kit: Open Graph and Twitter tags on every page, share images, badges, print pages.

Expected URLs are written from the documented URL scheme (README, paths.py docstring), not taken
from the plugin.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

from PIL import Image

from site_build import built_site  # noqa: F401
from site_build import badge_view, dataset
from test_edition_names import expected_award

DATA = dataset()
PROVINCES = {p.code: p for p in DATA.provinces}
REGENCIES = {r.code: r for r in DATA.regencies}
SVG = "{http://www.w3.org/2000/svg}"
LOCALES = {"id": "id_ID", "en": "en_US"}
PRINT = {"id": "cetak/", "en": "print/"}
SITE_IMAGES = {"id": "/gambar/bagikan/situs.png", "en": "/en/images/share/site.png"}


def lang_of(url: str) -> str:
    return "en" if url.startswith("/en/") else "id"


def place_pages() -> dict[str, tuple[str, str, list]]:
    """Indonesian and English URL of every province and regency page with a share kit (a known award in
    it) -> (kind, code, awards with badges)."""
    found = {}
    for code, p in PROVINCES.items():
        if not any(w.province == code for w in DATA.winners):
            continue  # nothing to share: no card, no kit, no print summary (test_share_kit.py)
        awards = [w for w in DATA.winners if w.province == code and not w.regency]
        found[f"/provinsi/{p.slug}/"] = ("province", code, awards)
        found[f"/en/province/{p.slug}/"] = ("province", code, awards)
    for code in sorted({w.regency for w in DATA.winners if w.regency}):
        r = REGENCIES[code]
        slug = PROVINCES[r.province_code].slug
        awards = [w for w in DATA.winners if w.regency == code]
        found[f"/provinsi/{slug}/{r.slug}/"] = ("regency", code, awards)
        found[f"/en/province/{slug}/{r.slug}/"] = ("regency", code, awards)
    return found


PLACES = place_pages()


def meta(page, attr: str, name: str) -> list[str]:
    return [el.attrs.get("content", "") for el in page.find_all("meta", **{attr: name})]


def og(page, name: str) -> list[str]:
    return meta(page, "property", name)


# --- every page -----------------------------------------------------------------------------

def test_every_page_has_open_graph_and_twitter_tags_in_its_language(built_site):  # noqa: F811
    problems = []
    for url in sorted(built_site.pages):
        page = built_site.pages[url]
        lang, other = lang_of(url), "en" if lang_of(url) == "id" else "id"
        title = [el.text() for el in page.find_all("title")][0]
        for name in ("og:title", "og:description", "og:image", "og:url", "og:image:alt", "og:site_name"):
            values = og(page, name)
            if len(values) != 1 or not values[0].strip():
                problems.append(f"{url}: {name} = {values}")
        if og(page, "og:title") and not title.startswith(og(page, "og:title")[0]):
            problems.append(f"{url}: og:title {og(page, 'og:title')} is not the page title {title!r}")
        if og(page, "og:url") != [url]:
            problems.append(f"{url}: og:url {og(page, 'og:url')}")
        if og(page, "og:locale") != [LOCALES[lang]] or og(page, "og:locale:alternate") != [LOCALES[other]]:
            problems.append(f"{url}: og:locale {og(page, 'og:locale')} / {og(page, 'og:locale:alternate')}")
        if og(page, "og:image:width") != ["1200"] or og(page, "og:image:height") != ["630"]:
            problems.append(f"{url}: og:image size {og(page, 'og:image:width')}×{og(page, 'og:image:height')}")
        if meta(page, "name", "twitter:card") != ["summary_large_image"]:
            problems.append(f"{url}: twitter:card {meta(page, 'name', 'twitter:card')}")
        for name, expected in (("twitter:title", og(page, "og:title")), ("twitter:image", og(page, "og:image")),
                               ("twitter:description", og(page, "og:description"))):
            if meta(page, "name", name) != expected:
                problems.append(f"{url}: {name} {meta(page, 'name', name)} differs from Open Graph {expected}")
    assert len(built_site.pages) > 200
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems[:40])


def test_every_og_image_exists_and_is_a_1200_by_630_png(built_site):  # noqa: F811
    problems, seen = [], {}
    for url in sorted(built_site.pages):
        (image,) = og(built_site.pages[url], "og:image")
        path, file, _ = built_site.resolve(url, image)
        if path not in seen:
            if not file.is_file():
                seen[path] = "missing"
            else:
                with Image.open(file) as im:
                    seen[path] = (im.format, im.size)
        if seen[path] != ("PNG", (1200, 630)):
            problems.append(f"{url}: og:image {image} is {seen[path]}")
    assert not problems, "\n".join(problems[:40])
    assert len(seen) >= len(PLACES) + 2


def test_data_pages_have_their_own_image_and_other_pages_the_site_image(built_site):  # noqa: F811
    own = {u for u in built_site.pages if u in PLACES or u.startswith(("/tahun/", "/en/year/"))
           and u not in ("/tahun/", "/en/year/")}
    own |= {u + PRINT[lang_of(u)] for u in PLACES}
    images = {}
    for url in sorted(built_site.pages):
        (image,) = og(built_site.pages[url], "og:image")
        if url in own:
            base = url[:-len(PRINT[lang_of(url)])] if url.endswith(("/cetak/", "/print/")) else url
            images.setdefault(image, set()).add(base)
            assert image not in SITE_IMAGES.values(), f"{url} uses the site image"
            assert image.startswith("/en/images/share/" if lang_of(url) == "en" else "/gambar/bagikan/"), url
        else:
            assert image == SITE_IMAGES[lang_of(url)], f"{url}: {image}"
    shared = {image: pages for image, pages in images.items() if len(pages) > 1}
    assert not shared, f"pages sharing one image: {shared}"


def test_share_images_state_the_facts_in_the_page_language(built_site):  # noqa: F811
    """The alt text is what the image draws: who, the award, the edition, in the page's language."""
    regency = next(c for c in sorted(REGENCIES) if any(w.regency == c and w.edition for w in DATA.winners))
    r = REGENCIES[regency]
    slug = PROVINCES[r.province_code].slug
    count = sum(w.regency == regency for w in DATA.winners)
    alt_id = og(built_site.pages[f"/provinsi/{slug}/{r.slug}/"], "og:image:alt")[0]
    alt_en = og(built_site.pages[f"/en/province/{slug}/{r.slug}/"], "og:image:alt")[0]
    assert r.name in alt_id and r.name in alt_en
    assert PROVINCES[r.province_code].name in alt_id and PROVINCES[r.province_code].name_en in alt_en
    own = sum(w.regency == regency and w.kind in ("pemkab", "pemkot") for w in DATA.winners)
    if own:
        assert f"{own} penghargaan untuk pemerintah kabupaten/kota" in alt_id
        assert f"{own} award{'s' if own > 1 else ''} to the regency or city government" in alt_en
    if own != count:
        assert f"{count} penghargaan seluruhnya di {r.name}" in alt_id
        assert f"{count} award{'s' if count > 1 else ''} in {r.name} in all" in alt_en
    assert "Paritrana Award 20" in alt_id and "Paritrana Award 20" in alt_en
    edition = max(e.year for e in DATA.editions if any(w.edition == e.year for w in DATA.winners))
    known = sum(w.edition == edition for w in DATA.winners)
    assert f"{known} pemenang" in og(built_site.pages[f"/tahun/{edition}/"], "og:image:alt")[0]
    assert f"{known} known winners" in og(built_site.pages[f"/en/year/{edition}/"], "og:image:alt")[0]


# --- badges ---------------------------------------------------------------------------------

class Snippet(HTMLParser):
    """The <a><img></a> of a badge's HTML code."""

    def __init__(self, text: str):
        super().__init__()
        self.tags = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_every_award_of_a_place_page_has_its_badge_and_code(built_site):  # noqa: F811
    problems, checked = [], 0
    for url, (kind, code, awards) in sorted(PLACES.items()):
        page = built_site.pages[url]
        lang = lang_of(url)
        codes = {el.attrs["id"].removeprefix("kode-lencana-"): el for el in page.find_all("textarea")
                 if el.attrs.get("id", "").startswith("kode-lencana-")}
        if set(codes) != {w.id for w in awards}:
            problems.append(f"{url}: badges for {sorted(codes)}, expected {sorted(w.id for w in awards)}")
            continue
        for w in awards:
            checked += 1
            textarea = codes[w.id]
            label = [el for el in page.find_all("label") if el.attrs.get("for") == textarea.attrs["id"]]
            if len(label) != 1 or "readonly" not in textarea.attrs:
                problems.append(f"{url}: the code of {w.id} has no label or is editable")
            snippet = Snippet(textarea.text())
            tags = [t for t, _ in snippet.tags]
            if tags != ["a", "img"]:
                problems.append(f"{url}: snippet of {w.id} is {tags}, expected <a><img></a>")
                continue
            (_, a), (_, img) = snippet.tags
            if a.get("href") != url:
                problems.append(f"{url}: snippet links to {a.get('href')}, not the permalink")
            if img.get("src") != f"/lencana/{w.id}.svg#{lang}":
                problems.append(f"{url}: snippet image {img.get('src')}")
                continue
            file = built_site.root / "lencana" / f"{w.id}.svg"
            try:
                root = badge_view(ET.parse(file).getroot(), lang)
            except (OSError, ET.ParseError, LookupError) as exc:
                problems.append(f"{url}: badge {file.name}#{lang} is not valid SVG with that view: {exc}")
                continue
            title = root.find(f"{SVG}title")
            if root.tag != f"{SVG}svg" or root.get("role") != "img" or title is None or not title.text:
                problems.append(f"{url}: badge {file.name} lacks svg/role=img/title")
                continue
            size = (img.get("width"), img.get("height"))
            if img.get("alt") != title.text or size != (root.get("width"), root.get("height")):
                problems.append(f"{url}: snippet alt/size differ from {file.name}")
            year = expected_award(w)  # the official national name, else the source's label (test_edition_names)
            if year not in title.text or root.get("lang") != lang:
                problems.append(f"{url}: badge title {title.text!r} lacks {year!r} or lang {lang}")
            words = {"id": ("Peringkat", "Pemenang", "Nasional", "Babak provinsi"),
                     "en": ("place", "Winner", "National", "Provincial round")}[lang]
            if not any(word in title.text for word in words):
                problems.append(f"{url}: badge title {title.text!r} is not in {lang}")
    assert checked >= 100, f"only {checked} badges checked"
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems[:40])


def test_badges_only_on_province_and_regency_pages(built_site):  # noqa: F811
    kit = [u for u in built_site.pages if built_site.pages[u].find_all("section", cls="share-kit")]
    assert set(kit) == set(PLACES)
    edition = built_site.pages["/tahun/2023/"]
    assert not edition.find_all("textarea") and og(edition, "og:image")


def test_a_regency_badge_names_the_government_and_its_award(built_site):  # noqa: F811
    w = next(w for w in DATA.winners if w.kind == "pemkab" and w.rank == 1 and w.edition and w.regency)
    r = REGENCIES[w.regency]
    stack = ET.parse(built_site.root / "lencana" / f"{w.id}.svg").getroot()
    title_id = badge_view(stack, "id").find(f"{SVG}title").text
    title_en = badge_view(stack, "en").find(f"{SVG}title").text
    # The place in the title's own words (issue 14 item 6): "Juara 1", "Terbaik 1", else "Peringkat 1".
    found = [(w.title.lower().find(k), word) for k, word in (("juara", "Juara"), ("terbaik", "Terbaik"),
                                                             ("peringkat", "Peringkat")) if k in w.title.lower()]
    word = min(found)[1] if found else "Peringkat"
    assert title_id.startswith(f"{word} 1 · {expected_award(w)} · {r.name}")
    assert title_en.startswith(f"1st place · {expected_award(w)} · {r.name}")


# --- printable summaries --------------------------------------------------------------------

def test_print_summaries_exist_in_both_languages_with_a_qr_code(built_site):  # noqa: F811
    import segno

    problems = []
    for url in sorted(PLACES):
        lang = lang_of(url)
        printed = url + PRINT[lang]
        if printed not in built_site.pages:
            problems.append(f"{url}: no print summary at {printed}")
            continue
        page, summary = built_site.pages[url], built_site.pages[printed]
        if printed not in [a.attrs.get("href") for a in page.find_all("a")]:
            problems.append(f"{url}: does not link to {printed}")
        back = {k: v for k, v in summary.alternates().items() if k != "x-default"}
        other = "en" if lang == "id" else "id"
        counterpart = next(u for u in PLACES if PLACES[u] == PLACES[url] and lang_of(u) == other)
        if back != {lang: [printed], other: [counterpart + PRINT[other]]}:
            problems.append(f"{printed}: alternates {back}")
        qr = summary.find_all("svg", cls="qr-code")
        if len(qr) != 1 or qr[0].attrs.get("role") != "img" or not qr[0].attrs.get("aria-label"):
            problems.append(f"{printed}: {len(qr)} QR codes, or unnamed")
            continue
        expected = segno.make(url, error="m").svg_inline(omitsize=True)
        drawn = [el.attrs.get("d") for el in qr[0].find_all("path") if el.attrs.get("stroke")]
        if not drawn or drawn[0] not in expected:
            problems.append(f"{printed}: the QR code does not encode {url}")
        if url not in summary.text():
            problems.append(f"{printed}: the page address is not written out")
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems[:40])


def test_print_summary_lists_the_newest_awards_and_fits_a_page(built_site):  # noqa: F811
    code = max(PROVINCES, key=lambda c: sum(w.province == c for w in DATA.winners))
    total = sum(w.province == code for w in DATA.winners)
    summary = built_site.pages[f"/provinsi/{PROVINCES[code].slug}/cetak/"]
    rows = summary.find_all("table", cls="print-awards")[0].find_all("tr")[1:]
    assert len(rows) == min(12, total)
    if total > 12:
        assert f"Masih ada {total - 12} penghargaan lain" in summary.text()
    assert len(summary.find_all("h1")) == 1


def test_share_text_is_escaped(built_site):  # noqa: F811
    """Markup never reaches the page through the share tags (names may hold &, quotes, <)."""
    for url in list(PLACES)[:20]:
        source = built_site.pages[url].source
        for line in source.splitlines():
            if 'property="og:' in line or 'name="twitter:' in line:
                content = line.split('content="', 1)[1].rsplit('"', 1)[0]
                assert "<" not in content and '"' not in content, line
                assert html.unescape(content) is not None
