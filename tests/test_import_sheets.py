"""`invoke import` on province-office sheets made here with openpyxl, asserted row by row."""

from __future__ import annotations

import csv
import hashlib
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from datahelp import ROOT
from paritrana_data import load_dataset
from paritrana_data.importer import Options, run_import

URL = "https://example.org/tests/import"
# A made-up round of a province with no results in data/ (Kalimantan Selatan, award_notes.md section 7).
SCOPE = "Kalimantan Selatan"


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(path.relative_to(folder).as_posix().encode() + path.read_bytes())
    return h.hexdigest()


def _title_block(ws, lines, width):
    """Merged title cells above the table, as a province office lays them out."""
    for number, text in enumerate(lines, start=1):
        ws.cell(number, 1, text)
        ws.merge_cells(start_row=number, start_column=1, end_row=number, end_column=width)


def _rows_of(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def office_sheet(path: Path, *, category_cells=True, header_override=None) -> Path:
    """One sheet: title block, Indonesian Title Case headers, No column, blank row, footnotes."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Pemenang"
    header = header_override or ["No", "Kategori", "Juara", "Nama Penerima", "Kabupaten/Kota", "Tahun",
                                 "Tanggal Penyerahan", "Sumber"]
    _title_block(ws, ["DAFTAR PEMENANG PARITRANA AWARD", "TINGKAT PROVINSI KALIMANTAN SELATAN TAHUN 2025"],
                 len(header))
    ws.append([])
    ws.append(header)  # row 4
    cells = [
        [1.0, "Pemerintah Kabupaten/Kota", "Juara I", "Pemkab Tanah Bumbu", "KAB. TANAH BUMBU", 2025.0,
         date(2025, 11, 20), URL + "/1"],
        [2.0, "Pemerintah Kabupaten/Kota", "Juara II", "  Pemko Banjarmasin ", "Kota Banjarmasin", 2025.0,
         date(2025, 11, 20), URL + "/1"],
        None,  # a blank row inside the table
        [3.0, "Pemerintah Desa/Kelurahan", 1.0, "Desa Contoh Satu", "Kabupaten Balangan", 2025.0,
         date(2025, 11, 20), URL + "/2"],
        [4.0, "Usaha Kecil dan Mikro (UKM/UMKM)", "Harapan 1", "UD Contoh Dua", "KAB. TANAH LAUT", 2025.0,
         date(2025, 11, 20), URL + "/2"],
    ]
    for row in cells:
        ws.append(row or [])
    ws.append([])
    ws.append(["Catatan: Juara I tiap kategori mewakili provinsi ke tingkat nasional."])
    ws.append(["* Data dari Disnakertrans Provinsi."])
    if not category_cells:
        for row in ws.iter_rows(min_row=5):
            row[1].value = None
    wb.save(path)
    return path


def per_category_book(path: Path) -> Path:
    """One sheet per category, named after it; Roman numerals; the title block names the category too."""
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in (("Kabupaten Kota", [("I", "Kabupaten Tapin"), ("II", "Kabupaten Tabalong"),
                                           ("III", "Kota Banjarbaru")]),
                       ("Pemerintah Desa", [("I", "Desa Contoh Tiga"), ("Harapan II", "Desa Contoh Empat")]),
                       ("UMKM", [("I", "CV Contoh Lima")])):
        ws = wb.create_sheet(name)
        _title_block(ws, [f"PARITRANA AWARD 2025 - KATEGORI {name.upper()}"], 4)
        ws.append(["No.", "Peringkat", "Nama Pemenang", "Tautan Sumber"])  # row 2
        for number, (rank, winner) in enumerate(rows, start=1):
            ws.append([number, rank, winner, f"{URL}/{name.replace(' ', '-').lower()}"])
        ws.append([])
        ws.append(["Keterangan: peringkat sesuai berita acara tim penilai."])
    wb.save(path)
    return path


def coverage_sheet(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    _title_block(ws, ["CAKUPAN KEPESERTAAN BPJS KETENAGAKERJAAN"], 5)
    ws.append(["Provinsi", "Tahun", "Cakupan (%)", "Dasar", "Sumber"])
    ws.append(["Kalimantan Selatan", 2025, 42.5, "BPJS", URL + "/c1"])
    ws.append(["Kalsel", 2024, ">50", "UCJ", URL + "/c2"])
    ws.append(["Kalimantan Selatan", 2023, "41-46", None, URL + "/c3"])
    wb.save(path)
    return path


def _import(path, data, **options):
    return run_import(path, data, Options(**options), label=path.name)


def test_office_sheet_is_imported_row_by_row(tmp_path, data_copy):
    sheet = office_sheet(tmp_path / "kalsel.xlsx")
    result = _import(sheet, data_copy, edition="2024", province=SCOPE)
    assert result.ok, [str(e) for e in result.errors]
    assert result.target == data_copy / "winners" / "2024-kalsel.csv"
    rows = [(r["edition"], r["label_year"], r["level"], r["scope_province"], r["category"], r["rank"], r["title"],
             r["winner_name"], r["winner_kind"], r["winner_regency"], r["ceremony_date"], r["source_url"])
            for r in _rows_of(result.target)]
    assert rows == [
        ("2024", "2025", "provinsi", SCOPE, "pemerintah_kabkota", "1", "Juara I", "Pemkab Tanah Bumbu", "pemkab",
         "Kabupaten Tanah Bumbu", "2025-11-20", URL + "/1"),
        ("2024", "2025", "provinsi", SCOPE, "pemerintah_kabkota", "2", "Juara II", "Pemko Banjarmasin", "pemkot",
         "Kota Banjarmasin", "2025-11-20", URL + "/1"),
        ("2024", "2025", "provinsi", SCOPE, "pemerintah_desa", "1", "1", "Desa Contoh Satu", "pemdes",
         "Kabupaten Balangan", "2025-11-20", URL + "/2"),
        ("2024", "2025", "provinsi", SCOPE, "umkm", "1", "Harapan 1", "UD Contoh Dua", "business",
         "Kabupaten Tanah Laut", "2025-11-20", URL + "/2"),
    ]
    assert result.notes == ["kalsel.xlsx: table ends at row 11 (a note under it)"]
    assert result.resolved[("category", "Usaha Kecil dan Mikro (UKM/UMKM)")] == "umkm (by its label)"
    assert result.resolved[("rank", "Harapan 1")] == "harapan place 1"
    assert result.resolved[("winner_regency", "KAB. TANAH BUMBU")] == "Kabupaten Tanah Bumbu (63.10)"
    winners = [w for w in load_dataset(data_copy).winners if w.file.endswith("2024-kalsel.csv")]
    assert [(w.rank, w.distinction) for w in winners] == [(1, "winner"), (2, "winner"), (1, "winner"), (1, "harapan")]


def test_importing_the_same_sheet_twice_adds_nothing(tmp_path, data_copy):
    sheet = office_sheet(tmp_path / "kalsel.xlsx")
    assert _import(sheet, data_copy, edition="2024", province=SCOPE).ok
    before = _digest(data_copy)
    again = _import(sheet, data_copy, edition="2024", province=SCOPE)
    assert again.ok and again.added == []
    assert [p[1] for p in again.present] == ["data/winners/2024-kalsel.csv"] * 4
    assert _digest(data_copy) == before


def test_a_row_another_file_already_has_is_reported_not_added(tmp_path, data_copy):
    """Several files per edition are fine; the same award in a second file is reported."""
    first = office_sheet(tmp_path / "kalsel.xlsx")
    assert _import(first, data_copy, edition="2024", province=SCOPE).ok
    copy = office_sheet(tmp_path / "kalsel-salinan.xlsx")
    result = _import(copy, data_copy, edition="2024", province=SCOPE)
    assert result.ok and result.added == []
    assert result.present[0] == ("kalsel-salinan.xlsx:5", "data/winners/2024-kalsel.csv", 2)


def test_one_sheet_per_category(tmp_path, data_copy):
    book = per_category_book(tmp_path / "kalsel-kategori.xlsx")
    result = _import(book, data_copy, edition="2024", province=SCOPE)
    assert result.ok, [str(e) for e in result.errors]
    rows = [(r["category"], r["rank"], r["title"], r["winner_name"]) for r in _rows_of(result.target)]
    assert rows == [("pemerintah_kabkota", "1", "I", "Kabupaten Tapin"),
                    ("pemerintah_kabkota", "2", "II", "Kabupaten Tabalong"),
                    ("pemerintah_kabkota", "3", "III", "Kota Banjarbaru"),
                    ("pemerintah_desa", "1", "I", "Desa Contoh Tiga"),
                    ("pemerintah_desa", "2", "Harapan II", "Desa Contoh Empat"),
                    ("umkm", "1", "I", "CV Contoh Lima")]
    assert "kalsel-kategori.xlsx[UMKM]: category 'UMKM' read from the sheet's name" in result.notes


def test_coverage_sheet_keeps_basis_bound_and_range(tmp_path, data_copy):
    result = _import(coverage_sheet(tmp_path / "cakupan.xlsx"), data_copy)
    assert result.ok and result.kind == "coverage", [str(e) for e in result.errors]
    figures = sorted((f.year, f.metric, f.value, f.value_high, f.bound, f.basis, f.unit)
                     for f in load_dataset(data_copy).coverage if f.file.endswith("cakupan.csv"))
    assert figures == [(2023, "coverage_pct", 41.0, 46.0, None, "not_stated", "persen"),
                       (2024, "coverage_pct", 50.0, None, "more_than", "ucj", "persen"),
                       (2025, "coverage_pct", 42.5, None, None, "bpjs_office", "persen")]


BAD = "kalsel.xlsx"


@pytest.mark.parametrize("change,options,expected", [
    ({"Kategori": "Pemerintah Dusun"}, {"edition": "2024", "province": SCOPE},
     [f"{BAD}:5:Kategori: unknown category 'Pemerintah Dusun' (did you mean 'pemerintah_desa', "
      "'pemerintah_kabkota', 'pemerintah_provinsi'?)"]),
    ({"Juara": "Juara 4"}, {"edition": "2024", "province": SCOPE},
     [f"{BAD}:5:Juara: rank 'Juara 4' is not 1, 2 or 3 (leave rank empty when the source gives no order; "
      "put other titles in 'title')"]),
    ({"Kabupaten/Kota": "Kab. Tanah Bumbuu"}, {"edition": "2024", "province": SCOPE},
     [f"{BAD}:5:Kabupaten/Kota: 'Kab. Tanah Bumbuu' is not a known kabupaten/kota "
      "(did you mean 'Kabupaten Tanah Bumbu', 'Kabupaten Tanah Laut'?)"]),
    ({}, {"province": SCOPE},
     [f"{BAD}:{n}:edition: the edition is missing (pass --edition with the assessment year (results announced "
      "in 2025 are edition 2024); the sheet's year stays as label_year)" for n in (5, 6, 8, 9)]),
    ({}, {"edition": "2024"},
     [f"{BAD}:{n}:level: the level is missing (write 'nasional' or 'provinsi')" for n in (5, 6, 8, 9)]),
    ({}, {"edition": "2024", "province": "Kalimantan Selatn"},
     [f"{BAD}:{n}:--province: 'Kalimantan Selatn' is not a known province (did you mean 'Kalimantan Selatan', "
      "'Kalimantan Barat', 'Kalimantan Tengah'?)" for n in (5, 6, 8, 9)]),
])
def test_bad_sheet_gives_its_exact_messages_and_writes_nothing(tmp_path, data_copy, change, options, expected):
    sheet = office_sheet(tmp_path / BAD)
    if change:
        from openpyxl import load_workbook
        wb = load_workbook(sheet)
        ws = wb.active
        header = [c.value for c in ws[4]]
        for column, value in change.items():
            ws.cell(5, header.index(column) + 1, value)
        wb.save(sheet)
    before = _digest(data_copy)
    result = _import(sheet, data_copy, **options)
    assert [str(e) for e in result.errors] == expected
    assert _digest(data_copy) == before


def test_unknown_header_names_the_closest_column(tmp_path, data_copy):
    header = ["No", "Kategori", "Juara", "Nama Penerimaa", "Kabupaten/Kota", "Tahun", "Tanggal Penyerahan", "Sumber"]
    sheet = office_sheet(tmp_path / BAD, header_override=header)
    result = _import(sheet, data_copy, edition="2024", province=SCOPE)
    assert [str(e) for e in result.errors] == [
        f"{BAD}:4:Nama Penerimaa: unknown column 'Nama Penerimaa' (did you mean 'nama penerima' (winner_name)?)"]


def test_a_rank_already_given_in_data_is_a_conflict(tmp_path, data_copy):
    """Rank 1 of Jawa Tengah's 2024 regency round is in data/: a sheet giving it to another is refused."""
    sheet = office_sheet(tmp_path / BAD)
    before = _digest(data_copy)
    result = _import(sheet, data_copy, edition="2024", province="Jawa Tengah")
    messages = [str(e) for e in result.errors]
    assert messages[0].startswith(f"{BAD}:5:Juara: rank 1 of this category is already given to ")
    assert "data/winners/2024" in messages[0]
    assert _digest(data_copy) == before


def test_winner_outside_the_round_province_is_warned(tmp_path, data_copy):
    sheet = office_sheet(tmp_path / "kalsel.xlsx")
    result = _import(sheet, data_copy, edition="2022", province="Kalimantan Tengah")
    assert result.ok
    assert any("outside the province that ran the round" in str(w) for w in result.warnings)


def test_cli_prints_every_problem_and_exits_1(tmp_path, data_copy):
    sheet = office_sheet(tmp_path / BAD)
    env = {"PYTHONPATH": str(ROOT / "plugins"), "PATH": "/usr/bin:/bin"}
    before = _digest(data_copy)
    failed = subprocess.run([sys.executable, "-m", "paritrana_data", "import", str(sheet), "--data", "data",
                             "--province", SCOPE], cwd=data_copy.parent, env=env, capture_output=True, text=True)
    assert failed.returncode == 1 and "Traceback" not in failed.stderr
    assert failed.stderr.count(":edition: the edition is missing") == 4
    assert _digest(data_copy) == before
    done = subprocess.run([sys.executable, "-m", "paritrana_data", "import", str(sheet), "--data", "data",
                           "--edition", "2024", "--province", SCOPE], cwd=data_copy.parent, env=env,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "4 winner rows added to data/winners/2024-kalsel.csv"


def test_a_row_that_data_has_with_more_detail_is_already_present(tmp_path, data_copy):
    """A sector added later (from the title, by hand) does not make the same award a new row."""
    sheet = office_sheet(tmp_path / "kalsel.xlsx")
    target = _import(sheet, data_copy, edition="2024", province=SCOPE).target
    rows = _rows_of(target)
    rows[3]["sector"] = "perdagangan_jasa"
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    again = _import(sheet, data_copy, edition="2024", province=SCOPE)
    assert again.ok and again.added == [] and len(again.present) == 4


def test_one_worksheet_and_a_category_from_the_options(tmp_path, data_copy):
    """--sheet reads one worksheet; --category fills a category the sheet leaves out."""
    book = per_category_book(tmp_path / "kalsel-kategori.xlsx")
    result = _import(book, data_copy, edition="2024", province=SCOPE, sheet="UMKM", category="Usaha Mikro")
    assert result.ok, [str(e) for e in result.errors]
    assert [(r["category"], r["winner_name"]) for r in _rows_of(result.target)] == [("umkm", "CV Contoh Lima")]
    missing = _import(book, data_copy, edition="2024", province=SCOPE, sheet="Desa")
    assert [str(e) for e in missing.errors] == [
        "kalsel-kategori.xlsx: the workbook has no sheet 'Desa' (its sheets are: 'Kabupaten Kota', "
        "'Pemerintah Desa', 'UMKM')"]


def test_a_csv_sheet_with_semicolons_and_a_dry_run(tmp_path, data_copy):
    sheet = tmp_path / "kalsel.csv"
    sheet.write_text("No;Kategori;Peringkat;Nama Penerima;Kab/Kota;Sumber\n"
                     f"1;UMKM;Juara 1;UD Contoh Enam;Kab. Tabalong;{URL}/csv\n"
                     "\nCatatan: contoh.\n", encoding="utf-8")
    before = _digest(data_copy)
    result = _import(sheet, data_copy, edition="2024", province=SCOPE, dry_run=True)
    assert result.ok and [r["winner_regency"] for r in result.added] == ["Kabupaten Tabalong"]
    assert _digest(data_copy) == before, "a dry run writes nothing"
