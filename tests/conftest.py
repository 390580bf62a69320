"""Shared test setup: the project's plugins on sys.path and a throwaway copy of data/."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of the project's valid data/ folder at tmp_path/"data", free to break."""
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target
