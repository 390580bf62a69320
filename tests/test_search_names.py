"""Search finds what readers type: common place names (Jogja, Kota Jogja, Pemkot Madiun), every name
of an edition (Paritrana Award 2024), and its snippets keep labels and values apart."""

from __future__ import annotations

import gzip
import json

import pytest

from site_build import built_site, dataset  # noqa: F401
from test_search_index import terms_of

from paritrana_search.common_names import edition_terms, regency_terms, spelling_variants
from paritrana_search.snippets import spaced

DATA = dataset()
REGENCIES = {r.name: r for r in DATA.regencies}
EDITIONS = {e.year: e for e in DATA.editions}


@pytest.mark.parametrize("html, expected", [
    ("<dt>Kode Kemendagri</dt><dd>34</dd>", "<dt>Kode Kemendagri</dt> <dd>34</dd>"),
    ("<th>Aceh</th><td>32</td>", "<th>Aceh</th> <td>32</td>"),
    ("<p>one</p>\n<p>two</p>", "<p>one</p>\n<p>two</p>"),
    ("<a href='x'>Bali</a>, <a>NTB</a>", "<a href='x'>Bali</a>, <a>NTB</a>"),
    ("<strong>Rp</strong><em>30</em>", "<strong>Rp</strong><em>30</em>"),
])
def test_closing_elements_get_a_space_before_the_next_tag(html, expected):
    assert spaced(html) == expected


@pytest.mark.parametrize("name, wanted", [
    ("Kota Yogyakarta", {"Jogja", "Kota Jogja", "Yogya", "Pemkot Yogyakarta"}),
    ("Kabupaten Musi Banyuasin", {"Muba", "Musi Banyuasin", "Pemkab Musi Banyuasin", "Kab. Musi Banyuasin"}),
    ("Kota Madiun", {"Madiun", "Pemkot Madiun", "Pemko Madiun"}),
])
def test_regencies_are_found_by_their_common_names(name, wanted):
    assert wanted <= set(regency_terms(REGENCIES[name]))


def test_spellings_apply_to_whole_words_only():
    assert spelling_variants("Kabupaten Bantul") == []
    assert "Daerah Istimewa Jogja" in spelling_variants("Daerah Istimewa Yogyakarta")


def test_an_edition_is_found_by_its_official_name_and_every_label():
    assert edition_terms(EDITIONS[2023]) == ["Paritrana Award 2024", "Paritrana Award 2023"]
    assert edition_terms(EDITIONS[2024]) == ["Paritrana Award 2024", "Paritrana Award 2025", "Paritrana Award 2026"]


@pytest.mark.parametrize("url, term", [
    ("/provinsi/di-yogyakarta/kota-yogyakarta/", "Kota Jogja"),
    ("/en/province/di-yogyakarta/kota-yogyakarta/", "Jogja"),
    ("/provinsi/jawa-tengah/", "Jateng"),
    ("/tahun/2023/", "Paritrana Award 2024"),
    ("/en/year/2022/", "Paritrana Award 2023"),
])
def test_built_pages_carry_the_names_readers_type(built_site, url, term):  # noqa: F811
    assert term in terms_of(built_site.pages[url]).split(" · ")


def fragments(site):
    for file in sorted((site.root / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(file.read_bytes())
        yield json.loads(data.removeprefix(b"pagefind_dcd"))


def test_snippets_keep_labels_and_values_apart(built_site):  # noqa: F811
    found = {f["url"]: f["content"] for f in fragments(built_site)}
    assert "Kode Kemendagri 11" in found["/provinsi/aceh/"]
    assert "Kemendagri code 51" in found["/en/province/bali/"]
    glued = [url for url, text in found.items() if "Kemendagri1" in text or "Kemendagri3" in text]
    assert not glued, glued


# --- in the browser, through Pagefind --------------------------------------------------------

from test_search_browser import server, visit  # noqa: E402,F401  (the search page's fixtures)


@pytest.mark.parametrize("query", ["Jogja", "Kota Jogja"])
def test_jogja_finds_kota_yogyakarta(visit, query):  # noqa: F811
    links = visit().search("/cari/", query)
    assert "/provinsi/di-yogyakarta/kota-yogyakarta/" in links[:5], links


def test_a_year_name_finds_both_rounds_it_names(visit):  # noqa: F811
    links = visit().search("/cari/", "Paritrana Award 2024")
    assert {"/tahun/2023/", "/tahun/2024/"} <= set(links[:5]), links
