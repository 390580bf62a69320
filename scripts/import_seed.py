"""Convert the compiled seed data (shared/data) into the project's data files.

Run once per new seed: `python scripts/import_seed.py ../shared/data`. It writes
data/winners/<edition>.csv, data/winners/undated.csv and data/coverage/coverage.csv from the first
seed (winners.csv, coverage.csv), then brings in the files added later (ADDED) through the import
path (`paritrana_data.importer`, as `invoke import` does): rows already in data/ are reported and
not added again, so running it twice changes nothing.

Edition rule (award_notes.md section 2): an edition is named by its assessment year N.
National rounds labelled 2023 and 2024 are the 2022 and 2023 editions; earlier national
labels already name the edition. Provincial ceremonies from December 2022 fall in the
provincial round of the edition before the ceremony year (December 2022 opens the 2022
edition's round); earlier provincial rows and rows without a date keep their label.
"""

from __future__ import annotations

import csv
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from paritrana_data.importer import Options, run_import  # noqa: E402
from paritrana_data.summary import import_lines  # noqa: E402

# Seed files added after the first seed, and the file each becomes under data/.
ADDED = (("winners_provincial_2025.csv", "winners", "2024-provinsi-2025.csv"),
         ("winners_added.csv", "winners", "2023-tambahan.csv"),
         ("coverage_added.csv", "coverage", "coverage-2026-12.csv"))
# Categories that are one award line under different names (award_notes.md sections 3 and 4).
MERGED = {"usaha_kecil": "umkm", "usaha_mikro": "umkm"}
# What a coverage figure is counted on (coverage_notes.md), read from its unit as written, in order.
BASIS_RULES = (
    ("subgroup", r"rentan|informal|bukan penerima upah|\bbpu\b|non[- ]?asn|penerima upah|ketua rt|"
                 r"sosial keagamaan|miskin|tidak mampu|subsidi iuran"),
    ("ucj", r"\bucj\b|universal coverage"),
    ("kemnaker", r"kemnaker"),
    ("bpjs_office", r"bpjs|bpjamsostek|kanwil|kantor cabang|\bcabang\b|potensi|"
                    r"sumbagut|sumbagsel|sumbarriau|banuspa|sulama"),  # BPJS regional offices (award_notes 6)
)
# Figures whose basis coverage_notes.md names although their unit does not: (province, year, value).
BASIS_NOTED = {("DKI Jakarta", "2025", "51.39"): "ucj"}
NATIONAL_LABELS = {2023: 2022, 2024: 2023}
PROVINCIAL_WINDOWS = (("2022-12-01", "2024-01-01", 2022), ("2024-01-01", "2025-01-01", 2023),
                      ("2025-01-01", "2026-01-01", 2024))
SECTOR_RULES = (
    ("keuangan_perdagangan_jasa", r"keuangan,\s*pe"),
    ("pertanian", r"pertanian|perkebunan|peternakan|perikanan"),
    ("manufaktur_pertambangan", r"manufaktur|pertambangan|tambang|konstruksi|migas"),
    ("keuangan", r"keuangan"),
    ("perdagangan_jasa", r"perdagangan"),
    ("pendidikan", r"pendidikan"),
    ("kesehatan", r"kesehatan"),
)
# Rows whose article reports an earlier round than its own date suggests: (url, name, rank).
RETROSPECTIVE = {
    ("https://balitribune.co.id/content/kabupaten-gianyar-toreh-paritrana-award-2024",
     "Kabupaten Gianyar", "3"): (
        "2022", "Artikel Agustus 2024 menyebut juara ketiga ini diraih pada tahun 2023, "
        "yaitu babak provinsi edisi 2022."),
}
OTHER_KINDS = {"Kota Pontianak": "pemkot", "Universitas Gadjah Mada": "other"}
WINNER_COLUMNS = ["edition", "label_year", "level", "zone", "scope_province", "category", "sector",
                  "rank", "title", "winner_name", "winner_kind", "winner_province", "winner_regency",
                  "ceremony_date", "source_url", "source_date", "quote", "note"]
COVERAGE_COLUMNS = ["province", "year", "metric", "value", "unit", "basis", "as_of", "source_url",
                    "source_date", "quote"]
MONTHS = ("januari februari maret april mei juni juli agustus september oktober november "
          "desember").split()


def edition_of(row: dict, ceremonies: dict[int, str]) -> tuple[str, str]:
    """(edition, ceremony_date) for a seed row, following the rule in the module docstring."""
    retro = RETROSPECTIVE.get((row["source_url"], row["winner_name"], row["rank"]))
    if retro:
        return retro[0], ""
    if not row["award_year"]:
        return "", ""
    label = int(row["award_year"])
    if row["level"] == "nasional":
        edition = NATIONAL_LABELS.get(label, label)
        return str(edition), ceremonies.get(edition, "")
    date = row["source_date"]
    for start, end, edition in PROVINCIAL_WINDOWS:
        if date and start <= date < end:
            return str(edition), ""
    return str(label), ""


def sector_of(row: dict) -> str:
    """The business sector a title names, or '' when it names none or is unclear."""
    if row["category"] not in ("usaha_besar", "usaha_menengah", "layanan_publik"):
        return ""
    title = row["title"].lower()
    if "tidak jelas" in title:
        return ""
    return next((slug for slug, pattern in SECTOR_RULES if re.search(pattern, title)), "")


def kind_of(row: dict) -> str:
    """Winner kind from the category; 'other' rows are named one by one or count as business."""
    category = row["category"]
    if category == "pemerintah_provinsi":
        return "pemprov"
    if category == "pemerintah_desa":
        return "pemdes"
    if category == "pemerintah_kabkota":
        regency = row["winner_regency"] or row["winner_name"]
        return "pemkot" if re.search(r"\b(kota|pemkot|pemko)\b", regency, re.I) else "pemkab"
    if category == "other":
        return OTHER_KINDS.get(row["winner_name"], "business")
    return "business"


def basis_of(row: dict) -> str:
    """The basis a figure is counted on, where its unit says so; formal/informal shares are sub-groups."""
    if (row["province"], row["year"], row["value"]) in BASIS_NOTED:
        return BASIS_NOTED[(row["province"], row["year"], row["value"])]
    if row["metric"] in ("formal_pct", "informal_pct"):
        return "subgroup"
    unit = re.sub(r"formal dan (non[- ]?formal|informal)|\bpu\s*(\+|dan)\s*bpu\b", " ", row["unit"].lower())
    head = unit.split("(")[0]  # what the figure counts; brackets hold breakdowns and sources
    for basis, pattern in BASIS_RULES:
        if re.search(pattern, head if basis == "subgroup" else unit):
            return basis
    return "not_stated"


def as_of(row: dict) -> str:
    """The date a figure is stated 'as of' in its unit or quote, as precisely as written."""
    text = f"{row['unit']} {row['quote']}".lower()
    months = "|".join(MONTHS)
    match = re.search(rf"(\d{{1,2}})\s+({months})\s+(\d{{4}})", text)
    if match:
        return f"{match.group(3)}-{MONTHS.index(match.group(2)) + 1:02d}-{int(match.group(1)):02d}"
    match = re.search(rf"\b({months})\s+(\d{{4}})", text)
    if match:
        return f"{match.group(2)}-{MONTHS.index(match.group(1)) + 1:02d}"
    return ""


def write(path: Path, columns: list[str], rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def winner_row(row: dict, ceremonies: dict[int, str]) -> dict:
    """A seed winner row in the project's columns, after the edition, sector and kind rules."""
    edition, ceremony = edition_of(row, ceremonies)
    return {
                "edition": edition, "label_year": row["award_year"], "level": row["level"],
                "zone": row["zone"], "scope_province": row["scope_province"],
                "category": MERGED.get(row["category"], row["category"]), "sector": sector_of(row),
                "rank": row["rank"],
                "title": row["title"], "winner_name": row["winner_name"], "winner_kind": kind_of(row),
                "winner_province": row["winner_province"], "winner_regency": row["winner_regency"],
                "ceremony_date": ceremony, "source_url": row["source_url"],
                "source_date": row["source_date"], "quote": row["quote"],
                "note": RETROSPECTIVE.get((row["source_url"], row["winner_name"], row["rank"]),
                                          ("", ""))[1]}


def figure_row(row: dict) -> dict:
    """A seed coverage row in the project's columns, with its basis and as-of date."""
    return {**{c: row.get(c, "") for c in COVERAGE_COLUMNS}, "as_of": as_of(row), "basis": basis_of(row)}


def bring_in(seed: Path, ceremonies: dict[int, str]) -> None:
    """Convert each added seed file and import it: checked against data/, new rows only."""
    for name, kind, output in ADDED:
        with (seed / name).open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        converted = [winner_row(r, ceremonies) for r in rows] if kind == "winners" else [figure_row(r) for r in rows]
        with tempfile.TemporaryDirectory() as tmp:
            sheet = Path(tmp) / name
            write(sheet, WINNER_COLUMNS if kind == "winners" else COVERAGE_COLUMNS, converted)
            result = run_import(sheet, ROOT / "data", Options(kind=kind, output=output), label=f"{seed.parent.name}/{seed.name}/{name}")
        if not result.ok:
            print("\n".join(str(p) for p in result.errors), file=sys.stderr)
            raise SystemExit(f"{name}: not imported; fix the rules above or the seed")
        print("\n".join(import_lines(result, ROOT / "data")))


def main(seed: Path) -> None:
    with (ROOT / "data" / "editions.csv").open(encoding="utf-8") as handle:
        ceremonies = {int(r["edition"]): r["national_ceremony"] for r in csv.DictReader(handle)}
    by_file: dict[str, list[dict]] = {}
    with (seed / "winners.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            out = winner_row(row, ceremonies)
            by_file.setdefault(out["edition"] or "undated", []).append(out)
    for name, rows in sorted(by_file.items()):
        write(ROOT / "data" / "winners" / f"{name}.csv", WINNER_COLUMNS, rows)
    with (seed / "coverage.csv").open(encoding="utf-8") as handle:
        figures = [figure_row(r) for r in csv.DictReader(handle)]
    write(ROOT / "data" / "coverage" / "coverage.csv", COVERAGE_COLUMNS, figures)
    print(f"{sum(map(len, by_file.values()))} winner rows in {len(by_file)} files, "
          f"{len(figures)} coverage figures")
    bring_in(seed, ceremonies)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data")
