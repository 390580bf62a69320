"""The data files against their sources: merged categories keep every row; counts match the seed files."""

from __future__ import annotations

import csv
import importlib.util
from collections import Counter
from pathlib import Path

import pytest

from datahelp import ROOT
from paritrana_data import load_dataset

SEED = ROOT.parent / "shared" / "data"  # present where the seed was compiled; not needed to build


def _written(kind: str) -> list[dict]:
    rows = []
    for path in sorted((ROOT / "data" / kind).glob("*.csv")):
        with path.open(encoding="utf-8") as handle:
            rows += list(csv.DictReader(handle))
    return rows


@pytest.fixture(scope="module")
def data():
    return load_dataset(ROOT / "data")


def test_merged_categories_keep_every_row(data):
    """UKM/UMKM, Usaha Kecil dan Mikro and Usaha Mikro are one category; none of their rows is lost."""
    merged = {"umkm", "usaha_kecil", "usaha_mikro"}
    rows = [r for r in _written("winners") if r["category"] in merged]
    assert len([w for w in data.winners if w.category == "umkm"]) == len(rows)
    umkm = next(c for c in data.categories if c.slug == "umkm")
    assert umkm.former_slugs == ("usaha_kecil", "usaha_mikro")
    assert [n.first_edition for n in umkm.names] == [2017, 2022, 2024]
    assert {c.slug for c in data.categories}.isdisjoint({"usaha_kecil", "usaha_mikro"})


def test_old_category_slugs_are_still_accepted(data_copy):
    (data_copy / "winners" / "old.csv").write_text(
        "edition,level,scope_province,category,title,winner_name,winner_province,source_url\n"
        "2024,provinsi,Kalimantan Selatan,usaha_kecil,Kategori Usaha Kecil dan Mikro,UD Lama,Kalimantan Selatan,"
        "https://example.org/tests/old\n"
        "2024,provinsi,Kalimantan Selatan,usaha_mikro,Kategori Usaha Mikro,UD Lama Dua,Kalimantan Selatan,"
        "https://example.org/tests/old\n", encoding="utf-8")
    assert [w.category for w in load_dataset(data_copy).winners if w.file.endswith("old.csv")] == ["umkm", "umkm"]


def test_every_row_of_the_files_is_a_record(data):
    assert len(data.winners) == len(_written("winners"))
    assert len(data.coverage) == len(_written("coverage"))
    assert Counter(f.basis for f in data.coverage) == Counter(r["basis"] or "not_stated" for r in _written("coverage"))


def _seed_module():
    spec = importlib.util.spec_from_file_location("import_seed", ROOT / "scripts" / "import_seed.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _seed(name):
    with (SEED / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.skipif(not SEED.is_dir(), reason="the compiled seed (../shared/data) is not on this machine")
def test_counts_per_edition_province_and_basis_match_the_seed_files(data):
    """Every seed row is in data/: per edition and level, per round province, per coverage basis."""
    seed = _seed_module()
    ceremonies = {e.year: e.national_ceremony.isoformat() if e.national_ceremony else "" for e in data.editions}
    rows = [seed.winner_row(r, ceremonies) for name in ("winners.csv", "winners_provincial_2025.csv",
                                                        "winners_added.csv") for r in _seed(name)]
    # Each count of data/ is at least the seed's: rows sourced since then may be added, none may be lost.
    expected = Counter((int(r["edition"]) if r["edition"] else None, r["level"]) for r in rows)
    assert not expected - Counter((w.edition, w.level) for w in data.winners)
    assert sum(1 for w in data.winners if w.scope_province) >= sum(1 for r in rows if r["scope_province"])
    added = _seed("winners_provincial_2025.csv")
    assert len([w for w in data.winners if w.file.endswith("2024-provinsi-2025.csv")]) >= len(added) > 0
    figures = [seed.figure_row(r) for name in ("coverage.csv", "coverage_added.csv") for r in _seed(name)]
    assert not Counter(r["basis"] for r in figures) - Counter(f.basis for f in data.coverage)
    assert not Counter(int(r["year"]) for r in figures) - Counter(f.year for f in data.coverage)
    seed_provinces = {r["province"] for r in figures}
    assert len({f.province for f in data.coverage}) >= len(seed_provinces)
