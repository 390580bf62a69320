"""Every download (CSV, XLSX, JSON), API document and datapackage.json parses and matches the data's rows.

Expected counts come from the data layer (`load_dataset("data")`) and the documented file layout, not from
the downloads plugin.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from collections import Counter
from pathlib import Path

import openpyxl
import pytest

from site_build import built_site  # noqa: F401
from site_build import dataset

DATA = dataset()
WINNER_COLUMNS = ["id", "edition", "label_year", "level", "zone", "scope_province_code", "scope_province",
                  "category", "category_label_id", "category_label_en", "sector", "rank", "distinction", "title",
                  "winner_name", "winner_kind", "province_code", "province", "regency_code", "regency",
                  "ceremony_date", "source_url", "source_date", "quote", "note"]
COVERAGE_COLUMNS = ["id", "province_code", "province", "year", "metric", "value", "value_high", "bound", "unit",
                    "basis", "as_of", "source_url", "source_date", "quote"]
SLUGS = {p.code: p.slug for p in DATA.provinces}
BY_EDITION = Counter(w.edition for w in DATA.winners)
REGENCIES_WITH_WINNERS = sorted({w.regency for w in DATA.winners if w.regency})


def province_count(code: str) -> int:
    """Awards located in the province plus those of its provincial round (counted once)."""
    return sum(code in (w.province, w.scope_province) for w in DATA.winners)


def expected_tables() -> dict[str, tuple[list[str], int]]:
    """Download path without extension -> (header, row count)."""
    tables = {"unduh/paritrana-pemenang": (WINNER_COLUMNS, len(DATA.winners)),
              "unduh/paritrana-cakupan": (COVERAGE_COLUMNS, len(DATA.coverage))}
    for edition in DATA.editions:
        tables[f"unduh/tahun/{edition.year}"] = (WINNER_COLUMNS, BY_EDITION[edition.year])
    if BY_EDITION[None]:
        tables["unduh/tahun/tanpa-tahun"] = (WINNER_COLUMNS, BY_EDITION[None])
    for province in DATA.provinces:
        tables[f"unduh/provinsi/{province.slug}"] = (WINNER_COLUMNS, province_count(province.code))
    # What the press asks for: an edition's national round alone, a province's coverage figures, a category.
    for edition in DATA.editions:
        tables[f"unduh/tahun/{edition.year}-nasional"] = (
            WINNER_COLUMNS, sum(w.edition == edition.year and w.level == "nasional" for w in DATA.winners))
    for province in DATA.provinces:
        tables[f"unduh/provinsi/{province.slug}-cakupan"] = (
            COVERAGE_COLUMNS, sum(f.province == province.code for f in DATA.coverage))
    for category in DATA.categories:
        tables[f"unduh/kategori/{category.slug.replace('_', '-')}"] = (
            WINNER_COLUMNS, sum(w.category == category.slug for w in DATA.winners))
    return tables


TABLES = expected_tables()
# The whole dataset is also offered as JSON; a slice's JSON is the API document with its rows.
WHOLE = ("unduh/paritrana-pemenang", "unduh/paritrana-cakupan")


def slice_api(base: str) -> tuple[str, str] | None:
    """The API document (under api/v1/) and its row list that hold exactly a slice's rows, if one does."""
    if base in WHOLE:
        return None
    kind, name = base.split("/")[1:]
    if kind == "tahun" and not name.endswith("-nasional"):
        return f"editions/{'undated' if name == 'tanpa-tahun' else name}.json", "winners"
    if kind == "provinsi":
        if name.endswith("-cakupan"):
            return f"provinces/{name.removesuffix('-cakupan')}.json", "coverage"
        return f"provinces/{name}.json", "winners"
    return None


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def unguard(text: str) -> str:
    """Undo the documented formula guard: an apostrophe before = + - @ tab or line break."""
    return text[1:] if text[:1] == "'" and text[1:2] in ("=", "+", "-", "@", "\t", "\r", "\n") else text


def test_the_data_has_what_the_downloads_need():
    assert len(DATA.winners) > 100 and len(DATA.coverage) > 10
    assert BY_EDITION[None] > 0, "undated rows exist, so tahun/tanpa-tahun must exist"
    assert any(province_count(p.code) == 0 for p in DATA.provinces), "some province has no row: an empty file"
    assert any(w.province != w.scope_province and w.scope_province for w in DATA.winners), \
        "some winner of a provincial round lies in another province"


def test_exactly_the_expected_download_files(built_site):  # noqa: F811
    found = {p.relative_to(built_site.root).as_posix() for p in (built_site.root / "unduh").rglob("*") if p.is_file()}
    expected = {f"{base}.{fmt}" for base in TABLES for fmt in ("csv", "xlsx")} | {f"{base}.json" for base in WHOLE}
    assert found == expected


@pytest.mark.parametrize("base", sorted(TABLES))
def test_csv_parses_with_the_data_row_count(built_site, base):  # noqa: F811
    path = built_site.root / f"{base}.csv"
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte-order mark, so Excel reads the accents right"
    raw.decode("utf-8")
    rows = read_csv(path)
    header, count = TABLES[base]
    assert rows[0] == header
    assert len(rows) - 1 == count
    assert all(len(r) == len(header) for r in rows)
    ids = [r[0] for r in rows[1:]]
    assert len(set(ids)) == len(ids)
    source = header.index("source_url")
    assert all(r[source].startswith(("http://", "https://")) for r in rows[1:]), "every row has its source"


@pytest.mark.parametrize("base", sorted(TABLES))
def test_xlsx_opens_with_the_data_row_count(built_site, base):  # noqa: F811
    workbook = openpyxl.load_workbook(built_site.root / f"{base}.xlsx")
    assert workbook.sheetnames == ["data", "about"]
    rows = list(workbook["data"].iter_rows(values_only=True))
    header, count = TABLES[base]
    assert list(rows[0]) == header
    assert len(rows) - 1 == count
    csv_rows = read_csv(built_site.root / f"{base}.csv")
    assert [r[0] for r in rows[1:]] == [r[0] for r in csv_rows[1:]], "same rows in the same order as the CSV"
    lines = [r for r in workbook["about"].iter_rows(values_only=True) if r[0]]
    assert lines[0][0] == "judul" and ("title", lines[0][1]) != lines[0], "Indonesian first, then English"
    assert any(r[0] == "title" for r in lines) and any(r[0] == "lisensi" for r in lines)
    about = dict(lines)
    assert about["data version"] == DATA.digest and int(about["rows"]) == count
    assert "CC BY 4.0" in about["licence"] and "ODbL" in about["licence"]


@pytest.mark.parametrize("base", WHOLE)
def test_json_parses_with_the_data_row_count(built_site, base):  # noqa: F811
    text = (built_site.root / f"{base}.json").read_text(encoding="utf-8")
    assert text.endswith("\n")
    document = json.loads(text)
    header, count = TABLES[base]
    assert document["columns"] == header
    assert document["count"] == count == len(document["rows"])
    assert all(list(sorted(row)) == sorted(header) for row in document["rows"])
    assert document["data_version"]["digest"] == DATA.digest
    csv_rows = read_csv(built_site.root / f"{base}.csv")
    assert [r["id"] for r in document["rows"]] == [r[0] for r in csv_rows[1:]]


def test_every_winner_row_matches_the_data(built_site):  # noqa: F811
    rows = read_csv(built_site.root / "unduh/paritrana-pemenang.csv")
    by_id = {r[0]: dict(zip(rows[0], r)) for r in rows[1:]}
    assert set(by_id) == {w.id for w in DATA.winners}
    regencies = {r.code: r.name for r in DATA.regencies}
    provinces = {p.code: p.name for p in DATA.provinces}
    for w in DATA.winners:
        row = by_id[w.id]
        assert row["edition"] == ("" if w.edition is None else str(w.edition))
        assert row["level"] == w.level and row["category"] == w.category
        assert unguard(row["winner_name"]) == w.name and unguard(row["title"]) == w.title
        assert row["source_url"] == w.source_url
        assert row["source_date"] == (w.source_date.isoformat() if w.source_date else "")
        assert row["province_code"] == (w.province or "") and row["province"] == provinces.get(w.province, "")
        assert row["regency_code"] == (w.regency or "") and row["regency"] == regencies.get(w.regency, "")
        assert row["rank"] == (str(w.rank) if w.rank else "")


def test_coverage_rows_match_the_data(built_site):  # noqa: F811
    document = json.loads((built_site.root / "unduh/paritrana-cakupan.json").read_text(encoding="utf-8"))
    by_id = {r["id"]: r for r in document["rows"]}
    assert set(by_id) == {f.id for f in DATA.coverage}
    for f in DATA.coverage:
        row = by_id[f.id]
        assert (row["province_code"], row["year"], row["metric"]) == (f.province, f.year, f.metric)
        assert row["value"] == pytest.approx(f.value) and row["source_url"] == f.source_url
        assert row["value_high"] == (pytest.approx(f.value_high) if f.value_high is not None else None)
        assert (row["bound"], row["basis"]) == (f.bound, f.basis)


def test_rows_are_sorted_by_edition_with_undated_last(built_site):  # noqa: F811
    rows = read_csv(built_site.root / "unduh/paritrana-pemenang.csv")[1:]
    editions = [int(r[1]) if r[1] else 9999 for r in rows]
    assert editions == sorted(editions)
    levels = [(e, r[3]) for e, r in zip(editions, rows)]
    for edition in set(editions):
        order = [level for e, level in levels if e == edition]
        assert order == sorted(order), "national before provincial within an edition"


def test_xlsx_keeps_dates_as_dates_and_numbers_as_numbers(built_site):  # noqa: F811
    sheet = openpyxl.load_workbook(built_site.root / "unduh/paritrana-pemenang.xlsx")["data"]
    header = [c.value for c in sheet[1]]
    dated = [r for r in sheet.iter_rows(min_row=2, values_only=True) if r[header.index("source_date")]]
    assert dated and all(hasattr(r[header.index("source_date")], "year") for r in dated)
    editions = [r[header.index("edition")] for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert all(e is None or isinstance(e, int) for e in editions)


def test_xlsx_carries_no_clock_time(built_site):  # noqa: F811
    """Zip entries and document properties hold the data version's date, not the time of the build."""
    with zipfile.ZipFile(built_site.root / "unduh/paritrana-pemenang.xlsx") as archive:
        stamps = {info.date_time for info in archive.infolist()}
        core = archive.read("docProps/core.xml").decode()
    assert len(stamps) == 1 and stamps.pop()[3:] == (0, 0, 0)
    assert core.count("T00:00:00Z") == 2


# --- the data package -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def package(built_site):  # noqa: F811
    return json.loads((built_site.root / "datapackage.json").read_text(encoding="utf-8"))


def test_datapackage_lists_every_csv_with_its_header(built_site, package):  # noqa: F811
    csvs = {r["path"]: r for r in package["resources"] if r["format"] == "csv"}
    assert set(csvs) == {f"{base}.csv" for base in TABLES}
    for path, resource in csvs.items():
        header = read_csv(built_site.root / path)[0]
        assert [f["name"] for f in resource["schema"]["fields"]] == header
        assert all(f["type"] in {"string", "integer", "number", "date"} and f["description"]
                   for f in resource["schema"]["fields"])
        assert resource["profile"] == "tabular-data-resource" and resource["encoding"] == "utf-8-sig"


def test_datapackage_describes_every_download_file_exactly(built_site, package):  # noqa: F811
    paths = [r["path"] for r in package["resources"]]
    assert len(paths) == len(set(paths)) == 2 * len(TABLES) + len(WHOLE)
    assert {p for p in paths if p.endswith(".json")} == {f"{base}.json" for base in WHOLE}
    names = [r["name"] for r in package["resources"]]
    assert len(names) == len(set(names))
    for resource in package["resources"]:
        data = (built_site.root / resource["path"]).read_bytes()
        assert resource["bytes"] == len(data)
        assert resource["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()


def test_datapackage_states_licences_and_version(package):
    licences = {entry["name"] for entry in package["licenses"]}
    assert {"CC-BY-4.0", "ODbL-1.0"} <= licences
    assert package["version"] == DATA.digest
    assert any("idn-area-data" in s["title"] for s in package["sources"])


def test_datapackage_tables_load_with_their_schema_types(built_site, package):  # noqa: F811
    """A light Table Schema check: integer, number and date fields cast, required fields are present."""
    from datetime import date
    casts = {"integer": int, "number": float, "date": date.fromisoformat, "string": str}
    for resource in (r for r in package["resources"] if r["format"] == "csv"):
        rows = read_csv(built_site.root / resource["path"])
        for row in rows[1:]:
            for field, value in zip(resource["schema"]["fields"], row):
                if value == "":
                    assert not field.get("constraints", {}).get("required"), (resource["path"], field["name"])
                    continue
                casts[field["type"]](value)
                enum = field.get("constraints", {}).get("enum")
                assert enum is None or value in enum, (resource["path"], field["name"], value)


@pytest.mark.parametrize("base", sorted(b for b in TABLES if slice_api(b)))
def test_a_slices_json_is_the_api_document_with_the_same_rows(built_site, base):  # noqa: F811
    document, key = slice_api(base)
    rows = json.loads((built_site.root / "api/v1" / document).read_text(encoding="utf-8"))[key]
    csv_rows = read_csv(built_site.root / f"{base}.csv")
    assert [r["id"] for r in rows] == [r[0] for r in csv_rows[1:]]


def test_api_documents_are_compact_json(built_site):  # noqa: F811
    text = (built_site.root / "api/v1/editions.json").read_text(encoding="utf-8")
    assert text.endswith("}\n") and text.count("\n") == 1 and '": ' not in text.split('"editions"')[0]
    document = json.loads(text)
    assert text == json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


# --- the JSON API ---------------------------------------------------------------------------

def api(site, path: str):
    return json.loads((site.root / "api/v1" / path).read_text(encoding="utf-8"))


def test_api_index_lists_endpoints_that_exist(built_site):  # noqa: F811
    index = api(built_site, "index.json")
    assert index["data_version"]["digest"] == DATA.digest
    assert len(index["endpoints"]) >= 9
    for endpoint in index["endpoints"]:
        assert (built_site.root / endpoint["example"].lstrip("/")).is_file(), endpoint
    assert (built_site.root / index["datapackage"].lstrip("/")).is_file()


def test_api_editions_match_the_data(built_site):  # noqa: F811
    editions = api(built_site, "editions.json")
    assert [e["edition"] for e in editions["editions"]] == sorted(e.year for e in DATA.editions)
    for entry in editions["editions"]:
        assert entry["winners"] == BY_EDITION[entry["edition"]]
        document = api(built_site, f"editions/{entry['edition']}.json")
        assert document["count"] == len(document["winners"]) == BY_EDITION[entry["edition"]]
    undated = api(built_site, "editions/undated.json")
    assert undated["count"] == len(undated["winners"]) == BY_EDITION[None] == editions["undated"]["winners"]


def test_api_provinces_match_the_data(built_site):  # noqa: F811
    provinces = api(built_site, "provinces.json")["provinces"]
    assert sorted(p["code"] for p in provinces) == sorted(SLUGS)
    for province in provinces:
        document = api(built_site, f"provinces/{province['slug']}.json")
        assert document["count"] == len(document["winners"]) == province_count(province["code"])
        assert len(document["coverage"]) == sum(f.province == province["code"] for f in DATA.coverage)


def test_api_regencies_match_the_data(built_site):  # noqa: F811
    listed = api(built_site, "regencies.json")["regencies"]
    assert [r["code"] for r in listed] == REGENCIES_WITH_WINNERS
    files = sorted(p.stem for p in (built_site.root / "api/v1/regencies").glob("*.json"))
    assert files == REGENCIES_WITH_WINNERS
    for code in REGENCIES_WITH_WINNERS:
        document = api(built_site, f"regencies/{code}.json")
        assert document["count"] == len(document["winners"]) == sum(w.regency == code for w in DATA.winners)


def test_api_categories_and_coverage_match_the_data(built_site):  # noqa: F811
    categories = api(built_site, "categories.json")
    assert [c["slug"] for c in categories["categories"]] == [c.slug for c in DATA.categories]
    assert sum(c["winners"] for c in categories["categories"]) == len(DATA.winners)
    coverage = api(built_site, "coverage.json")
    assert coverage["count"] == len(coverage["coverage"]) == len(DATA.coverage)


def test_json_files_are_utf8_with_real_characters(built_site):  # noqa: F811
    text = (built_site.root / "unduh/paritrana-pemenang.json").read_text(encoding="utf-8")
    assert "\\u" not in text, "ensure_ascii=False: names keep their characters"
    json.load(io.StringIO(text))
