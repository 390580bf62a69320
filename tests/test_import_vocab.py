"""Every alias of every vocabulary and header, table by table: values and columns as people write them."""

from __future__ import annotations

import csv

import pytest

from datahelp import ROOT
from paritrana_data import load_dataset
from paritrana_data.aliases import Ambiguous, Lookup, LEVEL_NAMES, parse_rank
from paritrana_data.coverage import BASES, COVERAGE
from paritrana_data.dataset import load_context
from paritrana_data.headers import COVERAGE_HEADERS, IGNORE, NUMBERING, WINNER_HEADERS
from paritrana_data.problems import Problems
from paritrana_data.values import ValueProblem
from paritrana_data.winners import WINNERS

CATEGORIES = ROOT / "data" / "categories"


def _rows(name):
    with (CATEGORIES / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _split(text):
    return [p.strip() for p in text.split(";") if p.strip()]


@pytest.fixture(scope="module")
def ctx():
    return load_context(ROOT / "data", Problems(root=ROOT / "data"))


# Every name data/categories/ gives a category: slug, both labels, aliases, former slugs, names over editions.
CATEGORY_NAMES = sorted(
    {(name, r["slug"]) for r in _rows("categories.csv")
     for name in (r["slug"], r["label_id"], r["label_en"], *_split(r["aliases"]), *_split(r["former_slugs"]))}
    | {(name, r["category"]) for r in _rows("names.csv") for name in (r["name_id"], r["name_en"])})
# The same names as people type them: case, spacing, punctuation and framing words ignored.
CATEGORY_WRITTEN = [
    ("Pemerintah Desa/Kelurahan", "pemerintah_desa"), ("PEMERINTAH DESA / KELURAHAN", "pemerintah_desa"),
    ("pemerintah-desa", "pemerintah_desa"), ("Kategori Pemerintah Desa", "pemerintah_desa"),
    ("Usaha Kecil dan Mikro (UKM/UMKM)", "umkm"), ("usaha kecil dan mikro", "umkm"), ("UKM Terbaik", "umkm"),
    ("Kategori UMKM", "umkm"), ("usaha_kecil", "umkm"), ("Usaha-Mikro", "umkm"), ("  ukm  ", "umkm"),
    ("Pemerintah Kabupaten / Kota", "pemerintah_kabkota"), ("kab/kota", "pemerintah_kabkota"),
    ("Kategori Pemerintah Daerah Kabupaten/Kota", "pemerintah_kabkota"),
    ("Badan Usaha Besar/Menengah", "usaha_besar"), ("Perusahaan Skala Menengah", "usaha_menengah"),
    ("pelayanan publik", "layanan_publik"), ("Pemerintah Provinsi Terbaik", "pemerintah_provinsi"),
]


@pytest.mark.parametrize("written,slug", CATEGORY_NAMES + CATEGORY_WRITTEN)
def test_category_by_any_name(ctx, written, slug):
    assert ctx.category_names.find(written) == slug


@pytest.mark.parametrize("written,slug", [(n, s) for s, names in LEVEL_NAMES.items() for n in names]
                         + [("Tingkat Provinsi", "provinsi"), ("NASIONAL", "nasional"), ("Provincial", "provinsi"),
                            ("tingkat  nasional", "nasional"), ("Prov.", "provinsi")])
def test_level_by_any_name(ctx, written, slug):
    assert ctx.levels.find(written) == slug


def _labelled(name):
    return sorted({(n, r["slug"]) for r in _rows(name)
                   for n in (r["slug"], r["label_id"], r["label_en"], *_split(r["aliases"]))})


@pytest.mark.parametrize("written,slug", _labelled("zones.csv") + [
    ("Zona Sumatera", "sumatera"), ("JAWA - BALI", "jawa_bali"), ("Nusra, Maluku, Papua", "nusra_maluku_papua")])
def test_zone_by_any_name(ctx, written, slug):
    assert ctx.zones.find(written) == slug


@pytest.mark.parametrize("written,slug", _labelled("sectors.csv") + [
    ("Sektor Pendidikan", "pendidikan"), ("perdagangan & jasa", "perdagangan_jasa"),
    ("Keuangan, Perdagangan, dan Jasa", "keuangan_perdagangan_jasa")])
def test_sector_by_any_name(ctx, written, slug):
    assert ctx.sectors.find(written) == slug


@pytest.mark.parametrize("written,slug", [(n, s) for n, s in BASES.names.items()] + [
    ("ucj", "ucj"), ("Pekerja Rentan", "subgroup"), ("tidak disebut", "not_stated")])
def test_coverage_basis_by_any_name(written, slug):
    assert BASES.find(written) == slug


@pytest.mark.parametrize("lookup,written", [("category", "Pemerintah Dusun"), ("level", "kabupaten"),
                                            ("zone", "Jawa Sumatera"), ("sector", "Perhotelan")])
def test_unknown_names_are_not_guessed(ctx, lookup, written):
    table = {"category": ctx.category_names, "level": ctx.levels, "zone": ctx.zones, "sector": ctx.sectors}
    assert table[lookup].find(written) is None


def test_a_name_two_entries_carry_is_ambiguous():
    """A name shared by two entries stops with both, rather than picking one."""
    lookup = Lookup("category")
    lookup.add("usaha_besar", "Badan Usaha")
    lookup.add("layanan_publik", "Badan Usaha")
    with pytest.raises(Ambiguous) as info:
        lookup.find("badan usaha")
    assert info.value.slugs == ["layanan_publik", "usaha_besar"]


RANKS = [("1", 1, False), ("1.0", 1, False), ("2", 2, False), ("3.0", 3, False), ("I", 1, False),
         ("II", 2, False), ("III", 3, False), ("Juara 1", 1, False), ("Juara I", 1, False),
         ("juara II", 2, False), ("JUARA III", 3, False), ("Peringkat II", 2, False), ("Peringkat 1", 1, False),
         ("Terbaik 3", 3, False), ("Terbaik I", 1, False), ("Juara ke-2", 2, False), ("Juara Pertama", 1, False),
         ("kedua", 2, False), ("Harapan 1", 1, True), ("Harapan I", 1, True), ("Juara Harapan II", 2, True),
         ("harapan 3", 3, True), (" Juara  I ", 1, False)]


@pytest.mark.parametrize("written,place,harapan", RANKS)
def test_rank_as_people_write_it(written, place, harapan):
    assert parse_rank(written) == (place, harapan)


@pytest.mark.parametrize("written", ["4", "Juara 4", "0", "Harapan", "Juara", "Terbaik", "IV", "satu dua"])
def test_rank_that_is_no_place_is_refused(written):
    with pytest.raises(ValueProblem) as info:
        parse_rank(written)
    assert info.value.message == f"rank '{written}' is not 1, 2 or 3"


@pytest.mark.parametrize("written,column", sorted((n, c) for c, names in WINNER_HEADERS.items() for n in names)
                         + [(c, c) for c in WINNERS.columns] + [(n, IGNORE) for n in NUMBERING]
                         + [("NAMA PENERIMA", "winner_name"), ("Nama  Pemenang", "winner_name"),
                            ("Kabupaten / Kota", "winner_regency"), ("Winner Name", "winner_name"),
                            ("Source URL", "source_url"), ("No.", IGNORE), ("Juara", "rank")])
def test_winner_header_aliases(written, column):
    assert WINNERS.headers.column(written) == column


@pytest.mark.parametrize("written,column", sorted((n, c) for c, names in COVERAGE_HEADERS.items() for n in names)
                         + [(c, c) for c in COVERAGE.columns]
                         + [("Cakupan (%)", "value"), ("Provinsi", "province"), ("Tahun", "year")])
def test_coverage_header_aliases(written, column):
    assert COVERAGE.headers.column(written) == column


def test_a_percentage_header_states_metric_and_unit():
    assert COVERAGE.headers.implied("Cakupan (%)") == {"metric": "coverage_pct", "unit": "persen"}
    assert COVERAGE.headers.implied("Cakupan") == {}


@pytest.mark.parametrize("written,closest", [("Nama Penerimaa", "'nama penerima' (winner_name)"),
                                             ("Kategory", "'kategori' (category)"),
                                             ("sorce_url", "'source_url'")])
def test_unknown_header_names_the_closest_column(written, closest):
    assert WINNERS.headers.column(written) is None
    assert WINNERS.headers.closest(written) == closest


def test_a_data_file_may_name_values_as_the_site_shows_them(data_copy):
    """The site's own labels, a level name, Roman ranks and Indonesian headers load like slugs."""
    (data_copy / "winners" / "as_shown.csv").write_text(
        "Edisi,Tingkat,Provinsi Penyelenggara,Kategori,Juara,Predikat,Nama Penerima,Kabupaten/Kota,Sumber\n"
        "2024,Tingkat Provinsi,Kalimantan Selatan,Pemerintah Desa/Kelurahan,Juara I,Juara I,Desa Contoh,"
        "KAB. TANAH BUMBU,https://example.org/tests/as-shown\n"
        "2024,provincial,Kalimantan Selatan,Usaha Kecil dan Mikro (UKM/UMKM),Harapan 1,Harapan 1,UD Contoh,"
        " Kota Banjarmasin ,https://example.org/tests/as-shown\n", encoding="utf-8")
    rows = [(w.category, w.level, w.rank, w.distinction, w.regency)
            for w in load_dataset(data_copy).winners if w.file.endswith("as_shown.csv")]
    assert rows == [("pemerintah_desa", "provinsi", 1, "winner", "63.10"),
                    ("umkm", "provinsi", 1, "harapan", "63.71")]


def test_the_readme_header_table_is_the_one_the_code_uses():
    """Every row of the README's header table lists exactly the aliases of headers.py."""
    import re

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = {}
    for line in text.splitlines():
        match = re.match(r"\| (coverage )?`(\w+)` \| (.+) \|$", line)
        if match and "also accepted" not in line:
            names = re.split(r" \((?=when|\")", match.group(3))[0]  # an explanation in brackets follows
            documented[(bool(match.group(1)), match.group(2))] = {n.strip().lower() for n in names.split(",")}
    for coverage, headers in ((False, WINNER_HEADERS), (True, COVERAGE_HEADERS)):
        for column, names in headers.items():
            if coverage and column in WINNER_HEADERS and (True, column) not in documented:
                continue  # shared columns (source_url, source_date, quote) are documented once
            assert documented[(coverage, column)] == {n.lower() for n in names}, column


@pytest.mark.parametrize("written,value,high,bound", [
    (">50", 50.0, None, "more_than"), ("lebih dari 50", 50.0, None, "more_than"), ("< 10", 10.0, None, "less_than"),
    ("41-46", 41.0, 46.0, None), ("41–46", 41.0, 46.0, None), ("di atas 50", 50.0, None, "more_than"),
    ("41,61", 41.61, None, None)])
def test_coverage_bounds_and_ranges_keep_their_meaning(data_copy, written, value, high, bound):
    (data_copy / "coverage" / "bound.csv").write_text(
        "province,year,metric,value,unit,basis,source_url\n"
        f'Kalimantan Timur,2025,coverage_pct,"{written}",persen,BPJS,https://example.org/tests/bound\n',
        encoding="utf-8")
    figures = [f for f in load_dataset(data_copy).coverage if f.file.endswith("bound.csv")]
    assert [(f.value, f.value_high, f.bound, f.basis) for f in figures] == [(value, high, bound, "bpjs_office")]
