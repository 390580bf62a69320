"""Known data-layer bugs, pinned as strict xfails: each starts passing (and so fails) once fixed."""

from __future__ import annotations

import pytest

from paritrana_data import DataValidationError, load_dataset

WINNERS = "edition,level,zone,category,rank,title,winner_name,winner_province,source_url\n"


def _write(path, text):
    path.write_text(text, encoding="utf-8")


@pytest.mark.xfail(
    strict=True, raises=DataValidationError, reason="winners.check_slots: the slot key ignores the distinction, so "
    "'Terbaik Coverage' and 'Terbaik Inovasi' of one zone clash at rank 1")
def test_coverage_and_innovation_winners_of_a_zone_do_not_clash(data_copy):
    """Since 2023 each zone has a best-coverage and a best-innovation province; both may be rank 1."""
    _write(data_copy / "winners" / "zones.csv", WINNERS
           + "2023,nasional,Sulawesi,pemerintah_provinsi,1,Provinsi Terbaik Coverage Zona Sulawesi,"
             "Provinsi Gorontalo,Gorontalo,https://example.org/tests/zona\n"
           + "2023,nasional,Sulawesi,pemerintah_provinsi,1,Provinsi Terbaik Inovasi Zona Sulawesi,"
             "Provinsi Sulawesi Barat,Sulawesi Barat,https://example.org/tests/zona\n")
    assert len(load_dataset(data_copy).winners) == 278


@pytest.mark.xfail(
    strict=True, raises=DataValidationError, reason="winners.winner_id leaves out the title (and zone/sector), so one "
    "winner of two different awards reported by one article is called a repeated row")
def test_one_winner_of_two_awards_in_one_article_is_not_a_duplicate(data_copy):
    """Two rows that differ in their title are two awards, not one row entered twice."""
    _write(data_copy / "winners" / "double.csv", WINNERS
           + "2023,nasional,Kalimantan,pemerintah_provinsi,,Provinsi Terbaik Coverage Zona Kalimantan,"
             "Provinsi Kalimantan Barat,Kalimantan Barat,https://example.org/tests/double\n"
           + "2023,nasional,Kalimantan,pemerintah_provinsi,,Provinsi Terbaik Inovasi Zona Kalimantan,"
             "Provinsi Kalimantan Barat,Kalimantan Barat,https://example.org/tests/double\n")
    assert len(load_dataset(data_copy).winners) == 278


@pytest.mark.xfail(
    strict=True, raises=AssertionError, reason="coverage.check_figure builds the figure id from the raw value text, "
    "so '41,61' and '41.61' from the same source are not seen as the same figure")
def test_same_figure_in_two_notations_is_a_duplicate(data_copy):
    """The duplicate-figure check compares numbers, not how they were typed."""
    _write(data_copy / "coverage" / "twice.csv", "province,year,metric,value,unit,source_url\n"
           "Gorontalo,2024,coverage_pct,\"41,61\",persen,https://example.org/tests/twice\n"
           "Gorontalo,2024,coverage_pct,41.61,persen,https://example.org/tests/twice\n")
    data = load_dataset(data_copy, strict=False)
    assert [f.row for f in data.coverage if f.file == "data/coverage/twice.csv"] == [2]
