"""The data version a page or file cites: the hash of data/ and a date that never depends on the clock."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path


@dataclass(frozen=True)
class DataVersion:
    """`digest`: Dataset.digest (SHA-256 of every file under data/, 12 hex digits); `date` and its basis."""

    digest: str
    date: date | None
    basis: str  # where the date came from: SOURCE_DATE_EPOCH, sources, git or none

    @property
    def timestamp(self) -> datetime:
        """Midnight UTC of the date (1980-01-01 when there is none): the fixed time inside XLSX files."""
        day = self.date or date(1980, 1, 1)
        return datetime(max(day.year, 1980), day.month, day.day)


def _epoch(environ) -> date | None:
    raw = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return None
    try:
        return datetime.fromtimestamp(int(raw), tz=timezone.utc).date()
    except (ValueError, OverflowError, OSError):
        raise SystemExit(f"SOURCE_DATE_EPOCH={raw!r} is not a Unix timestamp (whole seconds since 1970, UTC)") from None


def _git_date(folder: Path) -> date | None:
    """The UTC date of the latest commit that touched the data folder, or None outside a git checkout."""
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%cI", "--", "."], cwd=folder, capture_output=True,
                                text=True, timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    stamp = result.stdout.strip()
    if result.returncode != 0 or not stamp:
        return None
    try:
        return datetime.fromisoformat(stamp).astimezone(timezone.utc).date()
    except ValueError:
        return None


def _latest_source(dataset) -> date | None:
    dates = [r.source_date for r in (*dataset.winners, *dataset.coverage) if r.source_date]
    return max(dates, default=None)


def data_version(dataset, data_dir, environ=None) -> DataVersion:
    """SOURCE_DATE_EPOCH if set, else the newest source date in the data (the newest data it contains),
    else the last git commit touching data/ (data whose rows carry no date)."""
    environ = os.environ if environ is None else environ
    found = _epoch(environ)
    if found:
        return DataVersion(dataset.digest, found, "SOURCE_DATE_EPOCH")
    found = _latest_source(dataset)
    if found:
        return DataVersion(dataset.digest, found, "sources")
    found = _git_date(Path(data_dir))
    if found:
        return DataVersion(dataset.digest, found, "git")
    return DataVersion(dataset.digest, None, "none")
