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
