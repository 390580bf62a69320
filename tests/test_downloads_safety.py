"""Downloads are data, not code: formulas cannot run from the CSV or XLSX, markup stays text in JSON and is
escaped on the data page; the same data give byte-identical files; the data version never reads the clock."""

from __future__ import annotations

import csv
import io
import json
import shutil
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from site_build import ROOT, LazyPages, append_row, built_site, dataset, run_pelican  # noqa: F401

FORMULA = '=HYPERLINK("https://evil.example/?a=1&b=2","<b>klik</b>")'
TITLE = "+62 <i>Terbaik</i>"
QUOTE = "-1 kutipan <script>alert(1)</script>"
NOTE = "@catatan <img src=x onerror=alert(2)>"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The bundled data plus a national 2024 winner whose texts are formulas and markup."""
    base = tmp_path_factory.mktemp("downloads-hostile")
    data = base / "data"
    shutil.copytree(ROOT / "data", data)
    assert not any(w.edition == 2024 and w.level == "nasional" for w in dataset().winners), \
        "the row is meant to be the first of edition 2024, shown as the API example on the data page"
    append_row(data / "winners" / "2024.csv", edition="2024", label_year="2024", level="nasional",
               category="usaha_besar", rank="1", title=TITLE, winner_name=FORMULA, winner_kind="business",
               winner_province="Jawa Timur", source_url="https://example.org/berita?a=1&b=2", quote=QUOTE, note=NOTE)
    out = base / "out"
    result = run_pelican(out, data)
    assert result.returncode == 0, result.stderr
    winner = next(w for w in dataset(str(data)).winners if w.name == FORMULA)
    return out, winner


def csv_row(path: Path, row_id: str) -> dict:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return next(r for r in csv.DictReader(handle) if r["id"] == row_id)


@pytest.mark.parametrize("file", ["unduh/paritrana-pemenang.csv", "unduh/tahun/2024.csv",
                                  "unduh/provinsi/jawa-timur.csv"])
def test_csv_cells_that_look_like_formulas_start_with_an_apostrophe(hostile, file):
    out, winner = hostile
    row = csv_row(out / file, winner.id)
    assert row["winner_name"] == "'" + FORMULA
    assert row["title"] == "'" + TITLE
    assert row["quote"] == "'" + QUOTE
    assert row["note"] == "'" + NOTE
    assert row["source_url"] == "https://example.org/berita?a=1&b=2", "ordinary text is left alone"


def test_xlsx_stores_formula_like_text_as_text(hostile):
    out, winner = hostile
    path = out / "unduh/tahun/2024.xlsx"
    sheet = openpyxl.load_workbook(path)["data"]
    header = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == winner.id)
    cell = row[header.index("winner_name")]
    assert cell.value == FORMULA and cell.data_type == "s"
    assert row[header.index("title")].value == TITLE
    with zipfile.ZipFile(path) as archive:
        assert "<f>" not in archive.read("xl/worksheets/sheet1.xml").decode()


def test_json_keeps_the_text_exactly(hostile):
    out, winner = hostile
    rows = json.loads((out / "unduh/paritrana-pemenang.json").read_text(encoding="utf-8"))["rows"]
    row = next(r for r in rows if r["id"] == winner.id)
    assert (row["winner_name"], row["title"], row["quote"], row["note"]) == (FORMULA, TITLE, QUOTE, NOTE)
    api = json.loads((out / "api/v1/editions/2024.json").read_text(encoding="utf-8"))
    assert api["winners"][0]["winner_name"] == FORMULA


def test_data_page_escapes_the_example(hostile):
    out, winner = hostile
    pages = LazyPages(out)
    for url in ("/data/", "/en/data/"):
        page = pages[url]
        main = page.by_id("main")  # other plugins may add their own scripts (e.g. JSON-LD) to <head>
        assert main.find_all("b") == [] and main.find_all("script") == [] and main.find_all("img") == []
        assert FORMULA in page.find_all("pre")[0].text().replace('\\"', '"'), "the example shows the text literally"
        assert "&lt;b&gt;klik&lt;/b&gt;" in page.source


def test_hostile_build_still_matches_the_data(hostile):
    out, winner = hostile
    with (out / "unduh/paritrana-pemenang.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert sum(1 for _ in csv.reader(handle)) - 1 == len(dataset().winners) + 1


# --- reproducible output --------------------------------------------------------------------

def test_two_builds_give_byte_identical_downloads(built_site, tmp_path):  # noqa: F811
    """A second build of the same data, made later, writes the same bytes (XLSX zip dates included)."""
    result = run_pelican(tmp_path / "again")
    assert result.returncode == 0, result.stderr
    again = tmp_path / "again"

    def files(root: Path) -> dict[str, bytes]:
        found = {p.relative_to(root).as_posix(): p.read_bytes()
                 for folder in ("unduh", "api") for p in (root / folder).rglob("*") if p.is_file()}
        found["datapackage.json"] = (root / "datapackage.json").read_bytes()
        return found

    first, second = files(built_site.root), files(again)
    assert sorted(first) == sorted(second)
    differ = sorted(name for name in first if first[name] != second[name])
    assert differ == []
    assert any(name.endswith(".xlsx") for name in first)


# --- the data version -----------------------------------------------------------------------

def test_version_date_follows_source_date_epoch():
    from paritrana_downloads.version import data_version
    # 1795176000 is 2026-11-20 12:00 UTC
    version = data_version(dataset(), ROOT / "data", environ={"SOURCE_DATE_EPOCH": "1795176000"})
    assert (version.digest, version.date, version.basis) == (dataset().digest, date(2026, 11, 20), "SOURCE_DATE_EPOCH")


def test_version_date_without_git_is_the_newest_source_date(tmp_path):
    from paritrana_downloads.version import data_version
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    copy = dataset(str(data))
    version = data_version(copy, data, environ={})
    newest = max(r.source_date for r in (*copy.winners, *copy.coverage) if r.source_date)
    assert (version.date, version.basis) == (newest, "sources")
    assert version.digest == dataset().digest, "the hash covers the data files, not where they are"


def test_version_date_is_the_newest_data_even_in_a_git_checkout():
    """A version is dated by the newest data it contains, not by when the files were last committed."""
    from paritrana_downloads.version import data_version
    version = data_version(dataset(), ROOT / "data", environ={})
    newest = max(r.source_date for r in (*dataset().winners, *dataset().coverage) if r.source_date)
    assert (version.date, version.basis) == (newest, "sources")


def test_bad_source_date_epoch_is_a_clear_error():
    from paritrana_downloads.version import data_version
    with pytest.raises(SystemExit, match="SOURCE_DATE_EPOCH"):
        data_version(dataset(), ROOT / "data", environ={"SOURCE_DATE_EPOCH": "yesterday"})


# --- settings and the CSV guard on their own ------------------------------------------------

@pytest.mark.parametrize(("text", "cell"), [
    ("=1+1", "'=1+1"), ("+62 812", "'+62 812"), ("-5", "'-5"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
    ("Kota Surakarta", "Kota Surakarta"), ("'kutip'", "'kutip'"), ("", ""), ("a=b", "a=b"),
])
def test_csv_guard(text, cell):
    from paritrana_downloads.writers import csv_text
    assert csv_text(text) == cell


def test_csv_keeps_numbers_as_numbers():
    from paritrana_downloads.writers import csv_cell
    assert [csv_cell(v) for v in (41.61, 2617816.0, 3, None, date(2024, 5, 31))] == \
        ["41.61", "2617816", "3", "", "2024-05-31"]


@pytest.mark.parametrize(("key", "value"), [
    ("PARITRANA_DOWNLOADS_DIR", "/unduh"), ("PARITRANA_DOWNLOADS_API_DIR", "api/../v1"),
    ("PARITRANA_DOWNLOADS_DATAPACKAGE", "datapackage.csv"),
    ("PARITRANA_DOWNLOADS_CITE_TEMPLATES", "edition"), ("PARITRANA_DOWNLOADS_CITE_TEMPLATES", ("edition", "blog")),
])
def test_wrong_settings_stop_with_the_setting_named(key, value):
    from paritrana_core.settings import apply_for
    with pytest.raises(SystemExit, match=key):
        apply_for({key: value}, "paritrana_downloads")


def test_default_settings():
    from paritrana_core.settings import apply_for
    settings = {}
    apply_for(settings, "paritrana_downloads")
    assert settings["PARITRANA_DOWNLOADS_DIR"] == "unduh" and settings["PARITRANA_DOWNLOADS_API_DIR"] == "api/v1"
    assert settings["PARITRANA_DOWNLOADS_CITE_TEMPLATES"] == ("edition", "province", "regency")


def test_xlsx_writer_alone_is_reproducible():
    from datetime import datetime

    from paritrana_downloads.tables import COVERAGE_COLUMNS
    from downloads_support import xlsx_bytes
    rows = [{c.name: None for c in COVERAGE_COLUMNS} | {"id": "c1", "value": 41.61, "source_date": date(2024, 5, 31)}]
    one = xlsx_bytes(COVERAGE_COLUMNS, rows, [("licence", "CC BY 4.0")], datetime(2026, 11, 21), "t", "s")
    two = xlsx_bytes(COVERAGE_COLUMNS, rows, [("licence", "CC BY 4.0")], datetime(2026, 11, 21), "t", "s")
    assert one == two
    sheet = openpyxl.load_workbook(io.BytesIO(one))["data"]
    assert [c.value for c in sheet[2]][:6] == ["c1", None, None, None, None, 41.61]
