"""Load every data file under data/ into one validated `Dataset`, or raise with all problems."""

from __future__ import annotations

import hashlib
from pathlib import Path

from .coverage import COVERAGE, load_coverage
from .problems import DataValidationError, Problems
from .records import Dataset
from .regions import RegionIndex, load_regions
from .tables import read_table
from .vocab import load_categories, load_editions, load_labelled
from .winners import WINNERS, Context, load_winners, winner_files


def data_digest(folder: Path) -> str:
    """A short hash of every file under data/, so a page can cite the data version it shows."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _data_tables(folder: Path, spec, problems: Problems):
    if not folder.is_dir():
        problems.error(folder, None, None, "folder is missing", f"create it and add {spec.kind} files")
        return []
    tables = [read_table(path, spec, problems) for path in winner_files(folder)]
    if not tables:
        problems.error(folder, None, None, f"no {spec.kind} files found", "add a .csv or .xlsx file")
    return [t for t in tables if t is not None]


def load_context(folder: Path, problems: Problems) -> Context:
    """Regions and vocabularies: everything a winner row is checked against."""
    provinces, regencies = load_regions(folder / "regions", problems)
    categories, category_names = load_categories(folder / "categories", problems)
    zones, zone_lookup = load_labelled(folder / "categories" / "zones.csv", problems)
    sectors, sector_lookup = load_labelled(folder / "categories" / "sectors.csv", problems)
    editions = load_editions(folder / "editions.csv", problems)
    context = Context(RegionIndex(provinces, regencies), categories, zone_lookup, sector_lookup, editions,
                      category_names)
    context.tables = (provinces, regencies, categories, zones, sectors, editions)
    return context


def load_dataset(folder: Path | str, strict: bool = True) -> Dataset:
    """Read, normalise and validate data/; with `strict`, raise DataValidationError on any error."""
    folder = Path(folder)
    problems = Problems(root=folder)
    context = load_context(folder, problems)
    regions = context.regions
    provinces, regencies, categories, zones, sectors, editions = context.tables
    winners = load_winners(_data_tables(folder / "winners", WINNERS, problems), context, problems)
    coverage = load_coverage(_data_tables(folder / "coverage", COVERAGE, problems), regions, problems)
    if strict and problems.errors:
        raise DataValidationError(problems.errors + problems.warnings)
    return Dataset(
        provinces=provinces, regencies=regencies, categories=categories, zones=zones,
        sectors=sectors, editions=editions, winners=winners, coverage=coverage,
        digest=data_digest(folder), warnings=tuple(problems.warnings))
