"""The data page in both languages lists and documents every download; edition, province and regency pages
end with "Cite this page", carrying the permalink and the data version."""

from __future__ import annotations

import os
import re
import subprocess
from datetime import date, datetime, timezone

import pytest

from site_build import ROOT, built_site  # noqa: F401
from site_build import dataset, fmt_date, fmt_number, pairs

DATA = dataset()
PAIRS = pairs(DATA)
EN = {**PAIRS, "/data/": "/en/data/"}
DATA_PAGES = {"id": "/data/", "en": "/en/data/"}
SLUGS = {p.code: p.slug for p in DATA.provinces}
REGENCIES = {r.code: r for r in DATA.regencies}
UNITS = {"B": 1, "kB": 1000, "MB": 1_000_000}


def expected_version_date() -> date:
    """The documented rule: SOURCE_DATE_EPOCH, else the newest source date, else the last git commit touching data/."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), tz=timezone.utc).date()
    newest = max((r.source_date for r in (*DATA.winners, *DATA.coverage) if r.source_date), default=None)
    if newest:
        return newest
    try:
        stamp = subprocess.run(["git", "log", "-1", "--format=%cI", "--", "."], cwd=ROOT / "data",
                               capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        stamp = ""
    if stamp:
        return datetime.fromisoformat(stamp).astimezone(timezone.utc).date()
    return max(r.source_date for r in (*DATA.winners, *DATA.coverage) if r.source_date)


VERSION_DATE = expected_version_date()


def in_lang(url: str, lang: str) -> str:
    return url if lang == "id" else EN[url]


def cited_pages() -> list[str]:
    """Indonesian URLs of every edition, province and regency page."""
    urls = [f"/tahun/{e.year}/" for e in DATA.editions]
    if any(w.edition is None for w in DATA.winners):
        urls.append("/tahun/tanpa-tahun/")
    urls += [f"/provinsi/{p.slug}/" for p in DATA.provinces]
    urls += [f"/provinsi/{SLUGS[REGENCIES[c].province_code]}/{REGENCIES[c].slug}/"
             for c in sorted({w.regency for w in DATA.winners if w.regency})]
    return urls


CITED = cited_pages()
UNCITED = ["/", "/tahun/", "/provinsi/", "/kategori/", "/kategori/usaha-besar/", "/tentang/", "/koreksi/",
           "/404.html", "/data/"]


def parse_size(text: str, lang: str) -> float:
    number, unit = text.rsplit(" ", 1)
    if lang == "id":
        number = number.replace(".", "").replace(",", ".")
    else:
        number = number.replace(",", "")
    return float(number) * UNITS[unit]


# --- the data page --------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["id", "en"])
def test_data_page_links_every_download_with_rows_and_size(built_site, lang):  # noqa: F811
    page = built_site.pages[DATA_PAGES[lang]]
    files = sorted(p.relative_to(built_site.root).as_posix() for p in (built_site.root / "unduh").rglob("*")
                   if p.is_file())
    links = {a.attrs["href"]: a for a in page.find_all("a", cls="dl-file")}
    assert sorted(href.lstrip("/") for href in links if href.startswith("/unduh/")) == files
    api = [href for href in links if not href.startswith("/unduh/")]
    assert api and all(href.startswith("/api/v1/") and links[href].text() == "JSON (API)" for href in api)
    for href, link in links.items():
        assert ("download" in link.attrs) == href.startswith("/unduh/")
        cell = link.parent
        size = cell.find_all(cls="dl-size")[0].text()
        actual = (built_site.root / href.lstrip("/")).stat().st_size
        number, unit = size.rsplit(" ", 1)
        step = 0.1 if ("," if lang == "id" else ".") in number else 1  # the last digit shown
        assert abs(parse_size(size, lang) - actual) <= step * UNITS[unit] / 2 + 1e-6, (href, size)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_data_page_row_counts_equal_the_data(built_site, lang):  # noqa: F811
    page = built_site.pages[DATA_PAGES[lang]]
    counts = {}
    for row in page.find_all("tr"):
        links = [a.attrs["href"] for a in row.find_all("a", cls="dl-file")]
        cells = row.find_all("td", cls="num")
        if links and cells:
            counts[next(h for h in links if h.endswith(".csv"))] = cells[0].text()
    expected = {"/unduh/paritrana-pemenang.csv": len(DATA.winners), "/unduh/paritrana-cakupan.csv": len(DATA.coverage)}
    for edition in DATA.editions:
        expected[f"/unduh/tahun/{edition.year}.csv"] = sum(w.edition == edition.year for w in DATA.winners)
    expected["/unduh/tahun/tanpa-tahun.csv"] = sum(w.edition is None for w in DATA.winners)
    for p in DATA.provinces:
        expected[f"/unduh/provinsi/{p.slug}.csv"] = sum(p.code in (w.province, w.scope_province) for w in DATA.winners)
        expected[f"/unduh/provinsi/{p.slug}-cakupan.csv"] = sum(f.province == p.code for f in DATA.coverage)
    for edition in DATA.editions:
        expected[f"/unduh/tahun/{edition.year}-nasional.csv"] = sum(
            w.edition == edition.year and w.level == "nasional" for w in DATA.winners)
    for c in DATA.categories:
        expected[f"/unduh/kategori/{c.slug.replace('_', '-')}.csv"] = sum(w.category == c.slug for w in DATA.winners)
    assert counts == {k: fmt_number(v, lang) for k, v in expected.items()}


@pytest.mark.parametrize("url, files", [
    ("/tahun/2023/", ["/unduh/tahun/2023-nasional.csv", "/unduh/tahun/2023.csv"]),
    ("/en/category/umkm/", ["/unduh/kategori/umkm.csv"]),
])
def test_downloads_sit_near_the_top_of_the_page(built_site, url, files):  # noqa: F811
    """Before the first table of winners, the national round first on an edition page."""
    page = built_site.pages[url]
    box = page.find_all("div", cls="page-downloads")
    assert len(box) == 1
    hrefs = [a.attrs["href"] for a in box[0].find_all("a", cls="download-link")]
    assert [h for h in hrefs if h.endswith(".csv")] == files
    text = page.text()
    first_table = page.find_all("table", cls="winners")[0].text()
    assert text.index(box[0].text()) < text.index(first_table)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_data_page_documents_columns_api_package_and_licences(built_site, lang):  # noqa: F811
    page = built_site.pages[DATA_PAGES[lang]]
    documented = {el.text() for table in page.find_all("table", cls="dl-columns") for el in table.find_all("code")}
    from test_downloads_files import COVERAGE_COLUMNS, WINNER_COLUMNS
    assert set(WINNER_COLUMNS) | set(COVERAGE_COLUMNS) <= documented
    hrefs = {a.attrs.get("href") for a in page.find_all("a")}
    assert {"/api/v1/index.json", "/datapackage.json", "/api/v1/editions.json", "/api/v1/coverage.json"} <= hrefs
    assert page.find_all("pre"), "an example response"
    text = page.text()
    for needle in ("CC BY 4.0", "ODbL 1.0", "idn-area-data", "Badan Informasi Geospasial", "=, +, -, @", "SOURCE_DATE_EPOCH",
                   "Frictionless"):
        assert needle in text, needle
    assert "© 2024 Ardian Saputra Hasibuan, MIT" in text, "the boundaries' copyright line, as their licence asks"
    assert "https://creativecommons.org/licenses/by/4.0/" in " ".join(h for h in hrefs if h)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_data_page_states_the_data_version(built_site, lang):  # noqa: F811
    page = built_site.pages[DATA_PAGES[lang]]
    label = "Versi data:" if lang == "id" else "Data version:"
    assert f"{label} {DATA.digest}, {fmt_date(VERSION_DATE, lang)}" in page.text()
    assert page.by_id("versi-data") is not None


def test_data_pages_are_translations_of_each_other(built_site):  # noqa: F811
    id_page, en_page = built_site.pages["/data/"], built_site.pages["/en/data/"]
    assert id_page.lang == "id" and en_page.lang == "en"
    assert id_page.alternates()["en"] == ["/en/data/"] and en_page.alternates()["id"] == ["/data/"]
    assert sorted(a.attrs["href"] for a in id_page.find_all("a", cls="dl-file")) == \
        sorted(a.attrs["href"] for a in en_page.find_all("a", cls="dl-file")), "the same files on both pages"
    assert "Data terbuka" in id_page.text() and "Open data" in en_page.text()


# --- cite this page -------------------------------------------------------------------------

def test_the_cited_page_types_exist(built_site):  # noqa: F811
    assert len(CITED) > len(DATA.provinces)
    assert all(url in built_site.pages and EN[url] in built_site.pages for url in CITED)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_cite_block_on_every_edition_province_and_regency_page(built_site, lang):  # noqa: F811
    problems = []
    retrieved = "Diakses dari" if lang == "id" else "Retrieved from"
    when = fmt_date(VERSION_DATE, lang)
    for id_url in CITED:
        url = in_lang(id_url, lang)
        page = built_site.pages[url]
        blocks = page.find_all("section", cls="cite")
        if len(blocks) != 1:
            problems.append(f"{url}: {len(blocks)} cite blocks")
            continue
        block = blocks[0]
        permalinks = [a.attrs.get("href") for a in block.find_all("a", cls="cite-permalink")]
        text = " ".join(el.text() for el in block.find_all(cls="cite-text"))
        title = page.find_all("h1")[0].text()
        if permalinks != [url]:
            problems.append(f"{url}: permalink {permalinks}")
        expected = f"“{title}”. {retrieved} {url}."
        if expected not in text or DATA.digest not in text or f"({when})" not in text or "CC BY 4.0" not in text:
            problems.append(f"{url}: citation {text!r}")
        if DATA.digest not in block.text() or when not in block.text():
            problems.append(f"{url}: no data version in the block")
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems[:20])


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_cite_block_elsewhere(built_site, lang):  # noqa: F811
    found = [in_lang(u, lang) for u in UNCITED
             if built_site.pages[in_lang(u, lang)].find_all("section", cls="cite")]
    assert found == []


@pytest.mark.parametrize(("url", "files"), [
    ("/tahun/2023/", ["/unduh/tahun/2023.csv", "/unduh/tahun/2023.xlsx", "/api/v1/editions/2023.json"]),
    ("/en/year/undated/", ["/unduh/tahun/tanpa-tahun.csv", "/api/v1/editions/undated.json"]),
    ("/en/province/jawa-timur/", ["/unduh/provinsi/jawa-timur.csv", "/api/v1/provinces/jawa-timur.json"]),
    ("/provinsi/jawa-tengah/kota-surakarta/", ["/api/v1/regencies/33.72.json"]),
])
def test_cite_block_links_the_data_of_its_page(built_site, url, files):  # noqa: F811
    hrefs = {a.attrs.get("href") for a in built_site.pages[url].find_all("section", cls="cite")[0].find_all("a")}
    assert set(files) <= hrefs
    assert (DATA_PAGES["en" if url.startswith("/en/") else "id"] + "#versi-data") in hrefs


def test_citation_is_absolute_when_the_site_has_an_address():
    """With SITEURL (the public build), the permalink and citation carry the full address."""
    from paritrana_core.index import DataIndex
    from paritrana_core.page import Page
    from paritrana_downloads.cite import citation
    from paritrana_downloads.version import DataVersion
    from paritrana_i18n.catalog import lang_for

    settings = {"SITEURL": "https://paritrana.example/", "THEME": str(ROOT / "theme"),
                "PARITRANA_DOWNLOADS_DIR": "unduh", "PARITRANA_DOWNLOADS_API_DIR": "api/v1",
                "PARITRANA_DOWNLOADS_DATAPACKAGE": "datapackage.json", "PARITRANA_SITE_NAME": "Arsip Paritrana Award"}
    page = Page(("edition", 2023), "id", "tahun/2023/", "edition", "Paritrana Award 2023", "", [], {})
    version = DataVersion("acc20d0c9d08", date(2026, 11, 21), "git")
    cite = citation(page, DataIndex(DATA), settings, version, lang_for(settings, "id"))
    assert cite["permalink"] == "https://paritrana.example/tahun/2023/"
    assert cite["text"] == ("Arsip Paritrana Award. “Paritrana Award 2023”. Diakses dari "
                            "https://paritrana.example/tahun/2023/. Versi data acc20d0c9d08 (21 November 2026). "
                            "CC BY 4.0.")
    english = citation(Page(("edition", 2023), "en", "en/year/2023/", "edition", "Paritrana Award 2023", "", [], {}),
                       DataIndex(DATA), settings, version, lang_for(settings, "en"))
    assert english["text"].endswith("Retrieved from https://paritrana.example/en/year/2023/. Data version "
                                    "acc20d0c9d08 (November 21, 2026). CC BY 4.0.")


def test_cite_text_is_the_visible_citation(built_site):  # noqa: F811
    """The citation is plain text (no markup inside), ready to copy."""
    block = built_site.pages["/tahun/2023/"].find_all("section", cls="cite")[0]
    cite = block.find_all(cls="cite-text")[0]
    assert all(isinstance(child, str) for child in cite.children)
    assert re.search(r"Versi data [0-9a-f]{12} \(", cite.text())
