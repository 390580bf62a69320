"""Each broken file in tests/bad_inputs/, dropped into a valid dataset, gives exactly its errors."""

from __future__ import annotations

import pytest

from datahelp import BAD, drop, errors_of

W, C = "data/winners/", "data/coverage/"
URL_HINT = "(give the full source address starting with https:// or http://)"
RANK_HINT = "(leave rank empty when the source gives no order; put other titles in 'title')"
YEAR_HINT = "(the award exists since the 2017 edition; check for a typo)"
KNOWN = ("edition, level, category, title, winner_name, source_url, label_year, zone, scope_province, "
         "sector, rank, winner_kind, winner_province, winner_regency, ceremony_date, source_date, quote, note")
JEMBER = "'Kota Jember' is not a known kabupaten/kota (did you mean 'Kabupaten Jember', 'Kabupaten Jembrana'?)"
DEST = {"winners/edition_in_wrong_file.csv": "winners/2023.csv"}


CASES = {
    # encodings and file types
    "winners/enc_undefined_cp1252.csv": [f"{W}enc_undefined_cp1252.csv:3: byte 0x81 is neither UTF-8 nor "
                                         "Windows-1252 text (save the file as 'CSV UTF-8')"],
    # a valid cp1252 'é' on row 2 must not be blamed: the undecodable byte is on row 4
    "winners/enc_undefined_cp1252_later.csv": [f"{W}enc_undefined_cp1252_later.csv:4: byte 0x81 is neither UTF-8 "
                                               "nor Windows-1252 text (save the file as 'CSV UTF-8')"],
    "winners/enc_utf16.csv": [f"{W}enc_utf16.csv: the file is UTF-16 encoded "
                              "(save it as 'CSV UTF-8 (comma delimited)')"],
    "winners/enc_utf16_no_bom.csv": [f"{W}enc_utf16_no_bom.csv: the file looks UTF-16 encoded (it has no "
                                     "byte-order mark) (save it as 'CSV UTF-8 (comma delimited)')"],
    "winners/damaged.xlsx": [f"{W}damaged.xlsx: it is not a valid .xlsx workbook (not a zip archive) "
                             "(open it in a spreadsheet program and save it again as .xlsx)"],
    "winners/legacy.xls": [f"{W}legacy.xls: unsupported file type '.xls' (save the sheet as .csv (UTF-8) or .xlsx)"],
    "winners/calc.ods": [f"{W}calc.ods: unsupported file type '.ods' (save the sheet as .csv (UTF-8) or .xlsx)"],
    "winners/empty.csv": [f"{W}empty.csv: the file is empty (a winner file needs a header row: "
                          "edition, level, category, title, winner_name, source_url)"],
    "winners/header_only.csv": [f"{W}header_only.csv: the file has a header but no data rows "
                                "(add rows below the header or remove the file)"],
    # layout: delimiters, ragged rows, columns
    "winners/semicolon_error.csv": [f"{W}semicolon_error.csv:3:level: unknown level 'kabupaten' "
                                    "(use 'nasional' or 'provinsi')"],
    "winners/ragged_row.csv": [f"{W}ragged_row.csv:3: the row has 13 fields but the header has 12 "
                               "(quote values that contain ',' or remove the extra ',')"],
    # pandas alone would take column 1 of such a row as an index and shift every value
    "winners/ragged_first_row.csv": [f"{W}ragged_first_row.csv:2: the row has 13 fields but the header has 12 "
                                     "(quote values that contain ',' or remove the extra ',')"],
    "winners/missing_column.csv": [f"{W}missing_column.csv:1:level: required column is missing "
                                   "(add a column 'level')"],
    "winners/misspelt_column.csv": [
        f"{W}misspelt_column.csv:1:source_url: required column is missing (rename column 'sorce_url' to 'source_url')"],
    "winners/extra_column.csv": [f"{W}extra_column.csv:1:warna_pita: unknown column 'warna_pita' (known columns: {KNOWN})"],
    "winners/duplicate_column.csv": [f"{W}duplicate_column.csv:1:source_url: column 'source_url' appears twice "
                                     "(keep one column of that name)"],
    "winners/province_office.xlsx": [f"{W}province_office.xlsx:7:winner_regency: 'Kab. Kuduss' is not a known "
                                     "kabupaten/kota (did you mean 'Kabupaten Kudus'?)"],
    # regions
    "winners/unknown_province.csv": [f"{W}unknown_province.csv:3:winner_province: 'Sumatera Tenggara' is not a "
                                     "known province (did you mean 'Sumatera Utara', 'Sumatera Barat', "
                                     "'Sulawesi Tenggara'?)"],
    "winners/misspelt_province.csv": [f"{W}misspelt_province.csv:3:scope_province: 'Jawa Tngah' is not a known "
                                      "province (did you mean 'Jawa Tengah', 'Papua Tengah', 'Sulawesi Tengah'?)"],
    "winners/kota_jember.csv": [f"{W}kota_jember.csv:3:winner_regency: {JEMBER}"],
    "winners/ambiguous_bekasi.csv": [f"{W}ambiguous_bekasi.csv:3:winner_name: 'Bekasi' is ambiguous "
                                     "(did you mean 'Kabupaten Bekasi', 'Kota Bekasi'?)"],
    "winners/regency_wrong_province.csv": [f"{W}regency_wrong_province.csv:3:winner_regency: 'Kabupaten Jember' "
                                           "is not in Jawa Tengah: it is Kabupaten Jember (Jawa Timur) "
                                           "(fix winner_province, or name a regency in Jawa Tengah)"],
    "winners/pemkot_is_kabupaten.csv": [f"{W}pemkot_is_kabupaten.csv:3:winner_kind: 'pemkot' does not fit "
                                        "Kabupaten Pati (a kota is governed by a pemkot, a kabupaten by a pemkab)"],
    # ranks and slots
    "winners/rank_4.csv": [f"{W}rank_4.csv:3:rank: rank '4' is not 1, 2 or 3 {RANK_HINT}"],
    "winners/rank_contradicts_title.csv": [f"{W}rank_contradicts_title.csv:3:rank: rank 1 contradicts the title "
                                           "'Terbaik II' (which says 2) (make rank and title agree with the source)"],
    # "Harapan I" is place 1 of the harapan places; a rank that says otherwise contradicts it
    "winners/rank_harapan.csv": [f"{W}rank_harapan.csv:3:rank: rank 2 contradicts the title 'Juara Harapan I' "
                                 "(which says 1) (make rank and title agree with the source)"],
    "winners/same_slot_twice.csv": [f"{W}same_slot_twice.csv:3:rank: rank 1 of this category is already given to "
                                    f"'Kabupaten Kudus' at {W}same_slot_twice.csv:2 (one place per slot: check rank, "
                                    "sector and zone against the source)"],
    "winners/duplicate_row.csv": [f"{W}duplicate_row.csv:4:winner_name: 'Kabupaten Pati' repeats row 3 of "
                                  f"{W}duplicate_row.csv (remove one of the two rows)"],
    # sources
    "winners/missing_source_url.csv": [f"{W}missing_source_url.csv:3:source_url: every row needs its source "
                                       "(paste the address of the article or page)"],
    "winners/javascript_url.csv": [f"{W}javascript_url.csv:3:source_url: 'javascript:alert(1)' is not a web "
                                   f"address {URL_HINT}"],
    "winners/relative_url.csv": [f"{W}relative_url.csv:3:source_url: '/berita/2025/paritrana-award-jateng' is not "
                                 f"a web address {URL_HINT}"],
    # editions and dates
    "winners/edition_2016.csv": [f"{W}edition_2016.csv:3:edition: year 2016 is outside 2017–2100 {YEAR_HINT}"],
    "winners/edition_2204.csv": [f"{W}edition_2204.csv:3:edition: year 2204 is outside 2017–2100 {YEAR_HINT}"],
    "winners/edition_not_listed.csv": [f"{W}edition_not_listed.csv:3:edition: edition 2030 is not in "
                                       "data/editions.csv (add the edition there first, or fix the year)"],
    "winners/edition_in_wrong_file.csv": [f"{W}2023.csv:3:edition: edition 2024 in the file for 2023 "
                                          "(move the row to 2024.csv or fix the year)"],
    "winners/bad_date.csv": [f"{W}bad_date.csv:3:ceremony_date: '2024-02-30' is not a real calendar date "
                             "(check the day and month)"],
    "winners/date_before_edition.csv": [f"{W}date_before_edition.csv:3:ceremony_date: 2023-09-12 is before the "
                                        "2024 edition (an edition is awarded after its assessment year)"],
    # vocabularies and levels
    "winners/unknown_level.csv": [f"{W}unknown_level.csv:3:level: unknown level 'kabupaten' "
                                  "(use 'nasional' or 'provinsi')"],
    "winners/unknown_category.csv": [f"{W}unknown_category.csv:3:category: unknown category 'pemerintah_kabkot' "
                                     "(did you mean 'pemerintah_kabkota', 'pemerintah_desa', 'pemerintah_provinsi'?)"],
    "winners/unknown_zone.csv": [f"{W}unknown_zone.csv:3:zone: unknown zone 'Jawa Sumatera' (did you mean 'sumatera', 'jawa_bali'?)"],
    "winners/national_with_scope.csv": [f"{W}national_with_scope.csv:3:scope_province: a national row cannot have "
                                        "a scope province (clear the cell or set level to 'provinsi')"],
    "winners/provincial_without_scope.csv": [f"{W}provincial_without_scope.csv:3:scope_province: a provincial-round "
                                             "row needs the province that ran the round (name the province, "
                                             "e.g. Jawa Timur)"],
    # several errors in one file: every one is reported
    "winners/many_errors.csv": [
        f"{W}many_errors.csv:3:edition: year 2016 is outside 2017–2100 {YEAR_HINT}",
        f"{W}many_errors.csv:4:winner_regency: {JEMBER}",
        f"{W}many_errors.csv:5:winner_kind: a 'pemdes' cannot win category 'pemerintah_kabkota' "
        "(use pemkab or pemkot, or fix the category)",
        f"{W}many_errors.csv:6:rank: rank '5' is not 1, 2 or 3 {RANK_HINT}",
        f"{W}many_errors.csv:7:source_url: 'javascript:alert(1)' is not a web address {URL_HINT}"],
    # coverage figures
    "coverage/ambiguous_thousands.csv": [f"{C}ambiguous_thousands.csv:3:value: '2.617' is ambiguous: . may separate "
                                         "thousands or decimals (write the number without thousands separators, "
                                         "e.g. 2617816 or 41,61)"],
    "coverage/not_a_number.csv": [f"{C}not_a_number.csv:3:value: 'abc' is not a number "
                                  "(write digits only, e.g. 41,61 or 2617816)"],
    "coverage/negative.csv": [f"{C}negative.csv:3:value: -5 is negative (coverage figures cannot be negative)"],
    "coverage/percent_over_100.csv": [f"{C}percent_over_100.csv:3:value: 120 is not a percentage between 0 and 100 "
                                      "(write the percentage itself: 41,61 for 41.61%)"],
    "coverage/backwards_range.csv": [f"{C}backwards_range.csv:3:value: range '42-41' runs backwards "
                                     "(write the lower number first)"],
    "coverage/bound_and_range.csv": [f"{C}bound_and_range.csv:3:value: '>41-46' is both a bound and a range "
                                     "(write one of them, e.g. >50 or 41-46)"],
    "coverage/unknown_basis.csv": [f"{C}unknown_basis.csv:3:basis: unknown basis 'menurut Bupati' "
                                   "(use one of: ucj, bpjs_office, kemnaker, subgroup, not_stated)"],
    "coverage/unknown_province.csv": [f"{C}unknown_province.csv:3:province: 'Jawa Tngah' is not a known province "
                                      "(did you mean 'Jawa Tengah', 'Papua Tengah', 'Sulawesi Tengah'?)"],
    "coverage/many_errors.csv": [
        f"{C}many_errors.csv:3:province: the province is missing (name the province the figure is about)",
        f"{C}many_errors.csv:4:year: year 1999 is outside 2000–2100 (a coverage figure refers to a year from 2000 "
        "on; check for a typo)",
        f"{C}many_errors.csv:5:metric: unknown metric 'cakupan' (use one of: coverage_pct, formal_pct, "
        "informal_pct, participants, workers, target_pct, other)",
        f"{C}many_errors.csv:6:value: the value is missing (copy the number from the source)",
        f"{C}many_errors.csv:7:unit: the unit is missing (say what the number counts, e.g. persen or pekerja)",
        f"{C}many_errors.csv:7:as_of: '2024-13' has no month 13 (write YYYY-MM with a month 01-12)",
        f"{C}many_errors.csv:8:source_url: 'www.example.org/tests/m6' is not a web address {URL_HINT}"],
}


def _params():
    for name, expected in CASES.items():
        marks = ()
        if isinstance(expected, tuple):
            expected, marks = expected
        yield pytest.param(name, expected, id=name.replace("/", ":"), marks=marks)


@pytest.mark.parametrize(("name", "expected"), _params())
def test_bad_file_gives_exactly_its_errors(data_copy, name, expected):
    """Dropping one broken file into valid data raises with exactly the expected error lines."""
    drop(BAD / name, data_copy, DEST.get(name))
    assert errors_of(data_copy) == expected


def test_corpus_and_table_agree():
    """Every corpus file has expected errors, and every expectation has its file."""
    files = {p.relative_to(BAD).as_posix() for kind in ("winners", "coverage") for p in (BAD / kind).iterdir()}
    assert files == set(CASES)
    assert len(files) >= 34


def test_problems_of_several_files_are_reported_together(data_copy):
    """Unreadable files, then winner rows, then coverage rows: one report holds all of them."""
    for name in ("winners/kota_jember.csv", "winners/legacy.xls", "coverage/negative.csv"):
        drop(BAD / name, data_copy)
    assert errors_of(data_copy) == (CASES["winners/legacy.xls"] + CASES["winners/kota_jember.csv"]
                                    + CASES["coverage/negative.csv"])


def test_bad_file_problems_name_rows_a_user_can_find(data_copy):
    """The row number of each error points at the line holding the bad value in the CSV."""
    drop(BAD / "winners/many_errors.csv", data_copy)
    lines = (BAD / "winners/many_errors.csv").read_text().splitlines()
    for error, needle in zip(errors_of(data_copy), ("2016", "Kota Jember", "pemdes", ",5,", "javascript:")):
        row = int(error.split(":")[1])
        assert needle in lines[row - 1]
