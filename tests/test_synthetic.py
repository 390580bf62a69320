"""The synthetic data generator writes a valid data folder, the same bytes for the same seed."""

from __future__ import annotations

from pathlib import Path

from paritrana_data import load_dataset
from paritrana_data.synthetic import make_dataset


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_synthetic_dataset_loads_without_errors(tmp_path):
    data = load_dataset(make_dataset(tmp_path / "data", 500))
    assert len(data.winners) == 500
    assert len(data.coverage) == 38 * 20
    assert {w.level for w in data.winners} == {"nasional", "provinsi"}
    assert all(w.scope_province == w.province for w in data.winners if w.level == "provinsi")
    assert {w.kind for w in data.winners} >= {"pemprov", "pemkab", "pemkot", "business"}
    assert any(w.rank for w in data.winners)
    assert {f.metric for f in data.coverage} == {"coverage_pct", "participants"}


def test_same_seed_writes_identical_files(tmp_path):
    first = _files(make_dataset(tmp_path / "a", 500, seed=7))
    second = _files(make_dataset(tmp_path / "b", 500, seed=7))
    assert first == second
    assert sorted(name for name in first if name.startswith("winners/")) == \
        [f"winners/{year}.csv" for year in range(2017, 2025)]
    other = _files(make_dataset(tmp_path / "c", 500, seed=8))
    assert other["winners/2023.csv"] != first["winners/2023.csv"]
