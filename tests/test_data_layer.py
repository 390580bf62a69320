"""The data layer end to end: bundled data, valid edge-case files, sheets, a large file and the CLI."""

from __future__ import annotations

import importlib.util
import io
import os
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest

from datahelp import BAD, GOOD, ROOT, drop, errors_of, rows_in
from paritrana_data import load_dataset

# Every row of the bundled files is a record: counted from the files, not written down here.
BUNDLED_WINNERS, BUNDLED_COVERAGE = rows_in(ROOT / "data" / "winners"), rows_in(ROOT / "data" / "coverage")
KABKOTA = "Kategori Pemerintah Kabupaten/Kota"
UMKM = "Kategori UMKM"


def test_bundled_data_loads_with_warnings_only():
    """data/ as shipped loads every row of its files as a record, with warnings but no errors."""
    data = load_dataset(ROOT / "data")
    assert (len(data.winners), len(data.coverage)) == (BUNDLED_WINNERS, BUNDLED_COVERAGE)
    assert data.warnings
    assert {w.severity for w in data.warnings} == {"warning"}
    assert all(str(w).startswith("data/") for w in data.warnings)


# (row, winner_name, kind, scope_province, province, regency, rank, title)
GOOD_WINNERS = {
    "winners/utf8_bom.csv": [(2, "Kabupaten Pati", "pemkab", "33", "33", "33.18", None, KABKOTA)],
    "winners/crlf.csv": [(2, "Kabupaten Blora", "pemkab", "33", "33", "33.16", None, KABKOTA)],
    "winners/cp1252.csv": [(2, "Kabupaten Rembang", "pemkab", "33", "33", "33.17", None,
                            "\u201cTerbaik\u201d Kategori Caf\u00e9 \u2013 Kabupaten/Kota")],
    "winners/semicolon.csv": [(2, "Kabupaten Grobogan", "pemkab", "33", "33", "33.15", 1,
                               "Terbaik I, Kategori Kabupaten/Kota")],
    "winners/quoted_delimiter.csv": [(2, "Kabupaten Jepara, Jawa Tengah", "pemkab", "33", "33", "33.20", 2,
                                      'Terbaik II, kategori "Pemerintah Kabupaten/Kota"')],
    "winners/name_variants.csv": [
        (2, "KAB. RAJA AMPAT", "pemkab", None, "96", "96.03", None, "Penghargaan Paritrana"),
        (3, "Pemkab Raja Ampat", "pemkab", None, "96", "96.03", None, "Penghargaan Paritrana"),
        (4, "Raja Ampat", "pemkab", None, "96", "96.03", None, "Penghargaan Paritrana"),
        (5, "Pemko Medan", "pemkot", None, "12", "12.71", None, "Penghargaan Paritrana"),
        (6, "Pemerintah Kabupaten Musi Banyuasin", "pemkab", None, "16", "16.06", None, "Penghargaan Paritrana"),
        (7, "UD Batik Sekar Jagad", "business", "33", "33", None, None, UMKM),
        (8, "CV Gudeg Yu Djum", "business", "34", "34", None, None, UMKM),
        (9, "CV Bakpia Pathok", "business", "34", "34", None, None, UMKM),
        (10, "UD Lada Putih Muntok", "business", "19", "19", None, None, UMKM),
        (11, "Koperasi Tenun Ikat Sikka", "business", "53", "53", None, None, UMKM),
        (12, "UD Kepiting Tarakan", "business", "65", "65", None, None, UMKM)],
}
# (row, province, year, metric, value, value_high, as_of, source_date)
GOOD_COVERAGE = {
    "coverage/indonesian_numbers.csv": [
        (2, "33", 2024, "coverage_pct", 41.61, None, "2024-05", date(2024, 5, 31)),
        (3, "33", 2024, "participants", 2617816.0, None, "2024-05-31", date(2024, 5, 31)),
        (4, "33", 2024, "participants", 2617817.0, None, "2024", None),
        (5, "34", 2024, "coverage_pct", 0.4, None, None, None),
        (6, "34", 2025, "target_pct", 41.0, 42.0, None, None),
        (7, "19", 2025, "other", 1234.5, None, None, None),
        (8, "53", 2025, "informal_pct", 12.5, 13.5, None, None)],
    "coverage/coverage_sheet.xlsx": [
        (2, "33", 2024, "coverage_pct", 41.61, None, "2024-05-31", None),
        (3, "33", 2024, "participants", 2617816.0, None, "2024-05-31", None)],
}


def test_every_good_input_has_expectations():
    """Each file in tests/good_inputs/ is checked below."""
    files = {p.relative_to(GOOD).as_posix() for kind in ("winners", "coverage") for p in (GOOD / kind).iterdir()}
    assert files == set(GOOD_WINNERS) | set(GOOD_COVERAGE)


@pytest.mark.parametrize("name", GOOD_WINNERS, ids=lambda n: n.replace("/", ":"))
def test_valid_winner_file_loads(data_copy, name):
    """A valid edge-case winners file loads cleanly and its names resolve to the right codes."""
    drop(GOOD / name, data_copy)
    data = load_dataset(data_copy)
    rows = [(w.row, w.name, w.kind, w.scope_province, w.province, w.regency, w.rank, w.title)
            for w in data.winners if w.file == f"data/{name}"]
    assert rows == GOOD_WINNERS[name]
    assert len(data.winners) == BUNDLED_WINNERS + len(rows)
    assert not [w for w in data.warnings if w.file == f"data/{name}"]


def test_quoted_delimiter_survives_in_url(data_copy):
    """A quoted source_url keeps the comma it contains."""
    drop(GOOD / "winners/quoted_delimiter.csv", data_copy)
    urls = {w.source_url for w in load_dataset(data_copy).winners}
    assert "https://example.org/tests/quoted?a=1,2" in urls


@pytest.mark.parametrize("name", GOOD_COVERAGE, ids=lambda n: n.replace("/", ":"))
def test_valid_coverage_file_loads(data_copy, name):
    """Indonesian and English number notation, ranges, Excel numbers and dates all load."""
    drop(GOOD / name, data_copy)
    data = load_dataset(data_copy)
    rows = [(f.row, f.province, f.year, f.metric, f.value, f.value_high, f.as_of, f.source_date)
            for f in data.coverage if f.file == f"data/{name}"]
    assert rows == GOOD_COVERAGE[name]
    assert len(data.coverage) == BUNDLED_COVERAGE + len(rows)


def test_sheet_with_title_block_keeps_sheet_row_numbers(data_copy):
    """Rows around the bad cell of a province-office sheet load with their real sheet rows."""
    drop(BAD / "winners/province_office.xlsx", data_copy)
    data = load_dataset(data_copy, strict=False)
    rows = [(w.row, w.name, w.rank, w.regency, w.ceremony_date) for w in data.winners
            if w.file == "data/winners/province_office.xlsx"]
    assert rows == [(5, "Pemkab Kudus", 1, "33.19", date(2025, 6, 20)),
                    (6, "Pemkab Pati", 2, "33.18", date(2025, 6, 20)),
                    (8, "UD Jenang Kudus", None, None, None)]


def test_generated_xlsx_match_their_script():
    """The stored .xlsx files hold exactly what tests/bad_inputs/make_xlsx.py generates."""
    spec = importlib.util.spec_from_file_location("make_xlsx", BAD / "make_xlsx.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for path, data in module.outputs().items():
        stored = path.read_bytes()
        if not zipfile.is_zipfile(io.BytesIO(data)):
            assert stored == data, path.name
            continue
        with zipfile.ZipFile(io.BytesIO(data)) as fresh, zipfile.ZipFile(path) as kept:
            assert fresh.namelist() == kept.namelist(), path.name
            for member in fresh.namelist():  # compare contents, not deflate output of this zlib
                assert fresh.read(member) == kept.read(member), f"{path.name}: {member}"


BIG_ROWS, BIG_BAD_ROW = 25_000, 24_990
BIG_HEADER = ("edition,level,scope_province,category,title,winner_name,winner_kind,winner_province,"
              "winner_regency,source_url,quote")


def _big_row(number: int) -> str:
    regency = "Kota Jember" if number == BIG_BAD_ROW else "Kabupaten Kudus"
    return (f"2024,provinsi,Jawa Tengah,umkm,{UMKM},UMKM Peserta {number:05d},business,Jawa Tengah,{regency},"
            f"https://example.org/tests/big/{number},\"Peserta {number} menerima piagam Paritrana Award, "
            "tingkat Provinsi Jawa Tengah\"")


@pytest.fixture
def big_csv(data_copy: Path) -> Path:
    """A ~5 MB winners file of valid rows with one bad row near the end, written into data_copy."""
    path = data_copy / "winners" / "big.csv"
    rows = [BIG_HEADER] + [_big_row(n) for n in range(2, BIG_ROWS + 2)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_large_file_reports_its_one_bad_row(data_copy, big_csv):
    """In 25,000 rows the single bad one is named by its exact row; all others load."""
    assert big_csv.stat().st_size > 4_000_000
    assert errors_of(data_copy) == [
        f"data/winners/big.csv:{BIG_BAD_ROW}:winner_regency: 'Kota Jember' is not a known kabupaten/kota "
        "(check the spelling against data/regions/)"]
    data = load_dataset(data_copy, strict=False)
    assert len(data.winners) == BUNDLED_WINNERS + BIG_ROWS - 1
    assert max(w.row for w in data.winners if w.file == "data/winners/big.csv") == BIG_ROWS + 1


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _validate(cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "plugins"), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, "-m", "paritrana_data", "validate", "data"], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def test_cli_reports_all_errors_and_writes_nothing(data_copy):
    """validate on broken data exits 1 with every error on stderr, no traceback and no file written."""
    drop(BAD / "winners/kota_jember.csv", data_copy)
    drop(BAD / "coverage/backwards_range.csv", data_copy)
    before = _snapshot(data_copy.parent)
    result = _validate(data_copy.parent)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[:2] == errors_of(data_copy)
    assert len(lines[:2]) == 2 and "Kota Jember" in lines[0] and "42-41" in lines[1]
    assert all(line.startswith("warning: ") for line in lines[2:-1])
    assert lines[-1] == "2 error(s): nothing was written; fix the rows above and run again."
    assert _snapshot(data_copy.parent) == before


def test_cli_on_valid_data_prints_counts(data_copy):
    """validate on the bundled data exits 0 and prints the counts on stdout."""
    result = _validate(data_copy.parent)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{BUNDLED_WINNERS} winner rows, {BUNDLED_COVERAGE} coverage figures")
    assert all(line.startswith("warning: ") for line in result.stderr.splitlines())


def test_two_awards_whose_short_ids_collide_are_both_kept_with_distinct_ids():
    """Ids are the first 10 hex digits of a hash: a collision between different awards (it happened in a
    100,000-row synthetic set) must not be reported as a repeated row."""
    from dataclasses import replace

    from paritrana_data.problems import Problems
    from paritrana_data.winners import check_slots

    first = next(w for w in load_dataset(ROOT / "data").winners if w.rank is None)
    other = replace(first, source_url=first.source_url + "#another", row=first.row + 1)  # another award, same short id
    problems = Problems()
    kept = check_slots([first, other, first], problems)
    assert [w.source_url for w in kept] == [first.source_url, other.source_url]
    assert kept[0].id == first.id and len(kept[1].id) == 17 and kept[1].id != first.id
    assert [p.message for p in problems.errors] == [f"'{first.name}' repeats row {first.row} of {first.file}"]


def test_a_cell_of_spaces_is_blank_in_winner_and_coverage_rows_alike(data_copy):
    """Winner and coverage rows share one row checker: a cell holding only spaces counts as empty in both
    (a winner row used to report "' ' is not a date" for it, and twice for a spaced source_url)."""
    header = (data_copy / "winners" / "undated.csv").read_text(encoding="utf-8").splitlines()[0]
    (data_copy / "winners" / "spaces.csv").write_text(
        header + "\n"
        "2024, ,nasional,,,pemerintah_kabkota,, ,Terbaik Kabupaten/Kota,Kabupaten Blora,pemkab,,, ,"
        "https://example.org/tests/spaces, ,,\n"
        " ,,nasional,,,pemerintah_kabkota,,,Penghargaan Paritrana,Kabupaten Rembang,pemkab,,,,"
        "https://example.org/tests/spaces,,,\n"
        "2024,,nasional,,,pemerintah_kabkota,,,Penghargaan Paritrana,Kabupaten Pati,pemkab,,,, ,,,\n",
        encoding="utf-8")
    errors = errors_of(data_copy)
    assert errors == ["data/winners/spaces.csv:4:source_url: every row needs its source "
                      "(paste the address of the article or page)"]
    (data_copy / "winners" / "spaces.csv").write_text(
        "\n".join((data_copy / "winners" / "spaces.csv").read_text(encoding="utf-8").splitlines()[:3]) + "\n",
        encoding="utf-8")
    data = load_dataset(data_copy)
    spaced = [w for w in data.winners if w.file == "data/winners/spaces.csv"]
    assert [(w.row, w.edition, w.label_year, w.rank, w.ceremony_date, w.source_date) for w in spaced] == [
        (2, 2024, None, None, None, None), (3, None, None, None, None, None)]
    assert [(w.row, w.column, w.message) for w in data.warnings if w.file == "data/winners/spaces.csv"] == [
        (3, "edition", "the source states no edition year")]
