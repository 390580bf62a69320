"""Regression tests for data-layer bugs found by the bad-input corpus (each was a strict xfail until fixed)."""

from __future__ import annotations

import pytest

from datahelp import ROOT, rows_in
from paritrana_data import DataValidationError, load_dataset

BUNDLED = rows_in(ROOT / "data" / "winners")  # the shipped winner rows, counted from their files

WINNERS = "edition,level,zone,category,rank,title,winner_name,winner_province,source_url\n"


def _write(path, text):
    path.write_text(text, encoding="utf-8")


def test_coverage_and_innovation_winners_of_a_zone_do_not_clash(data_copy):
    """Since 2023 each zone has a best-coverage and a best-innovation province; both may be rank 1."""
    _write(data_copy / "winners" / "zones.csv", WINNERS
           + "2023,nasional,Sulawesi,pemerintah_provinsi,1,Provinsi Terbaik Coverage Zona Sulawesi,"
             "Provinsi Gorontalo,Gorontalo,https://example.org/tests/zona\n"
           + "2023,nasional,Sulawesi,pemerintah_provinsi,1,Provinsi Terbaik Inovasi Zona Sulawesi,"
             "Provinsi Sulawesi Barat,Sulawesi Barat,https://example.org/tests/zona\n")
    assert len(load_dataset(data_copy).winners) == BUNDLED + 2


def test_one_winner_of_two_awards_in_one_article_is_not_a_duplicate(data_copy):
    """Two rows that differ in their title are two awards, not one row entered twice."""
    _write(data_copy / "winners" / "double.csv", WINNERS
           + "2023,nasional,Kalimantan,pemerintah_provinsi,,Provinsi Terbaik Coverage Zona Kalimantan,"
             "Provinsi Kalimantan Barat,Kalimantan Barat,https://example.org/tests/double\n"
           + "2023,nasional,Kalimantan,pemerintah_provinsi,,Provinsi Terbaik Inovasi Zona Kalimantan,"
             "Provinsi Kalimantan Barat,Kalimantan Barat,https://example.org/tests/double\n")
    assert len(load_dataset(data_copy).winners) == BUNDLED + 2


def test_same_figure_in_two_notations_is_a_duplicate(data_copy):
    """The duplicate-figure check compares numbers, not how they were typed."""
    _write(data_copy / "coverage" / "twice.csv", "province,year,metric,value,unit,source_url\n"
           "Gorontalo,2024,coverage_pct,\"41,61\",persen,https://example.org/tests/twice\n"
           "Gorontalo,2024,coverage_pct,41.61,persen,https://example.org/tests/twice\n")
    data = load_dataset(data_copy, strict=False)
    assert [f.row for f in data.coverage if f.file == "data/coverage/twice.csv"] == [2]


def test_winner_kind_settles_a_bare_name_both_a_kabupaten_and_a_kota_carry(data_copy):
    """'Bekasi' with winner_kind pemkot is Kota Bekasi, not an ambiguity."""
    _write(data_copy / "winners" / "bekasi.csv",
           "edition,level,category,title,winner_name,winner_kind,winner_province,source_url\n"
           "2023,nasional,pemerintah_kabkota,Terbaik,Bekasi,pemkot,Jawa Barat,https://example.org/tests/bekasi\n")
    data = load_dataset(data_copy)
    assert [w.regency for w in data.winners if w.file == "data/winners/bekasi.csv"] == ["32.75"]


def test_excel_lock_files_are_not_read_as_data(data_copy):
    """An open workbook leaves '~$name.xlsx' beside it; that is not a damaged data file."""
    (data_copy / "winners" / "~$2024.xlsx").write_bytes(b"\x00lock")
    assert len(load_dataset(data_copy).winners) == BUNDLED


def test_a_percentage_stored_as_a_fraction_is_flagged(data_copy):
    """A spreadsheet percentage cell (0,4161 for 41.61%) loads with a warning naming the cell."""
    _write(data_copy / "coverage" / "fraction.csv", "province,year,metric,value,unit,source_url\n"
           "Gorontalo,2024,coverage_pct,\"0,4161\",persen,https://example.org/tests/fraction\n")
    warnings = [str(w) for w in load_dataset(data_copy).warnings if "fraction" in str(w)]
    assert warnings == ["data/coverage/fraction.csv:2:value: 0,4161 looks like a fraction, read as 0.4161% "
                        "(a spreadsheet percentage cell stores 41.61% as 0,4161: write 41,61)"]


@pytest.mark.parametrize("text", ["--5", "+-5", "-+5"])
def test_numbers_take_one_sign_at_most(text):
    """Only one leading sign is a number."""
    from paritrana_data.values import ValueProblem, parse_number
    with pytest.raises(ValueProblem):
        parse_number(text, counts=False)


def test_ordinal_words_about_how_often_are_not_ranks():
    """'untuk ketiga kalinya' (for the third time) states no rank."""
    from paritrana_data.values import rank_in_title
    assert rank_in_title("Juara untuk ketiga kalinya") is None
    assert rank_in_title("kedua (tahun edisi tidak disebut)") == 2
