"""Helpers for the data-layer tests: drop corpus files into a data copy and collect errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from paritrana_data import DataValidationError, load_dataset

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
BAD = TESTS / "bad_inputs"
GOOD = TESTS / "good_inputs"


def drop(source: Path, data: Path, dest: str | None = None) -> Path:
    """Copy a corpus file `<kind>/<name>` into data/<kind>/ (optionally under another name)."""
    target = data / (dest or f"{source.parent.name}/{source.name}")
    shutil.copyfile(source, target)
    return target


def errors_of(data: Path) -> list[str]:
    """Load data/, expect DataValidationError and return its errors as printed."""
    with pytest.raises(DataValidationError) as info:
        load_dataset(data)
    return [str(p) for p in info.value.problems if p.severity == "error"]


def csv_rows(folder: Path) -> list[dict]:
    """The data rows of every CSV file in a data folder as written (blank rows skipped), in file order."""
    import csv

    rows = []
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows += [row for row in csv.DictReader(handle) if any(v.strip() for v in row.values() if v)]
    return rows


def rows_in(folder: Path) -> int:
    """Data rows of every CSV file in a data folder, counted from the files themselves."""
    return len(csv_rows(folder))
