"""Regenerate the .xlsx test inputs byte-for-byte: `python tests/bad_inputs/make_xlsx.py`."""

from __future__ import annotations

import io
import random
import zipfile
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Border, Font, Side

HERE = Path(__file__).resolve().parent
GOOD = HERE.parent / "good_inputs"
FIXED_TIME = datetime(2025, 1, 1)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)

WINNER_HEADER = ["Edition", "Level", "Scope Province", "Category", "Rank", "Title", "Winner Name",
                 "Winner Kind", "Winner Regency", "Ceremony Date", "Source URL"]
WINNER_ROWS = [  # sheet rows 5..8; row 7 holds the one bad cell (a misspelt kabupaten)
    [2022, "provinsi", "Jawa Tengah", "pemerintah_kabkota", 1, "Terbaik I", "Pemkab Kudus", "pemkab",
     "Kabupaten Kudus", datetime(2025, 6, 20), "https://example.org/tests/xlsx-1"],
    [2022, "provinsi", "Jawa Tengah", "pemerintah_kabkota", 2, "Terbaik II", "Pemkab Pati", "pemkab",
     "Kabupaten Pati", datetime(2025, 6, 20), "https://example.org/tests/xlsx-2"],
    [2022, "provinsi", "Jawa Tengah", "pemerintah_kabkota", 3, "Terbaik III", "Pemkab Kudus Raya", "pemkab",
     "Kab. Kuduss", datetime(2025, 6, 20), "https://example.org/tests/xlsx-3"],
    [2022, "provinsi", "Jawa Tengah", "umkm", None, "Kategori UMKM", "UD Jenang Kudus", "business",
     None, None, "https://example.org/tests/xlsx-4"],
]
COVERAGE_HEADER = ["province", "year", "metric", "value", "unit", "as_of", "source_url"]
COVERAGE_ROWS = [
    ["Jawa Tengah", 2024, "coverage_pct", 41.61, "persen", datetime(2024, 5, 31), "https://example.org/tests/xlsx-c"],
    ["Jawa Tengah", 2024, "participants", 2617816, "pekerja", datetime(2024, 5, 31), "https://example.org/tests/xlsx-c"],
]


def stable_bytes(workbook: Workbook) -> bytes:
    """Save a workbook, then rewrite its zip with fixed timestamps so the bytes never change."""
    workbook.properties.creator = "paritrana tests"
    workbook.properties.created = workbook.properties.modified = FIXED_TIME
    raw = io.BytesIO()
    workbook.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the save time here
                data = _fix_modified(data)
            dst.writestr(zipfile.ZipInfo(info.filename, ZIP_TIME), data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _fix_modified(xml: bytes) -> bytes:
    start = xml.find(b"<dcterms:modified")
    if start < 0:
        return xml
    end = xml.find(b"</dcterms:modified>", start)
    body = xml.find(b">", start) + 1
    return xml[:body] + b"2025-01-01T00:00:00Z" + xml[end:]


def province_office_winners() -> Workbook:
    """A sheet as a province office saves it: merged title block, header on row 4, trailing blanks."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Pemenang 2024"
    ws["A1"] = "DAFTAR PEMENANG PARITRANA AWARD TAHUN 2024"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "TINGKAT PROVINSI JAWA TENGAH"
    ws.merge_cells("A1:K1")
    ws.merge_cells("A2:K2")
    ws.append([])
    ws.append(WINNER_HEADER)
    for row in WINNER_ROWS:
        ws.append(row)
    thin = Side(style="thin")
    for number in range(9, 16):  # formatted but empty rows below the table
        for column in range(1, len(WINNER_HEADER) + 1):
            ws.cell(number, column).border = Border(top=thin, bottom=thin, left=thin, right=thin)
    ws.cell(12, 6).value = "   "
    return wb


def coverage_sheet() -> Workbook:
    """A plain coverage sheet whose numbers and dates are real Excel values, not text."""
    wb = Workbook()
    ws = wb.active
    ws.append(COVERAGE_HEADER)
    for row in COVERAGE_ROWS:
        ws.append(row)
    return wb


def outputs() -> dict[Path, bytes]:
    """Every generated file and its exact bytes."""
    damaged = bytes(random.Random(1234).randrange(256) for _ in range(2048))
    return {
        HERE / "winners" / "province_office.xlsx": stable_bytes(province_office_winners()),
        HERE / "winners" / "damaged.xlsx": b"PK\x03\x04" + damaged,
        GOOD / "coverage" / "coverage_sheet.xlsx": stable_bytes(coverage_sheet()),
    }


if __name__ == "__main__":
    for path, data in outputs().items():
        path.write_bytes(data)
        print(f"wrote {path.relative_to(HERE.parent)} ({len(data)} bytes)")
