"""Import a results or coverage sheet as people write it into one canonical CSV under data/."""

from __future__ import annotations

import csv
import io
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .canonical import canonical_figure, canonical_winner, note_resolved
from .coverage import COVERAGE, check_figure
from .dataset import load_context, load_dataset
from .headers import coverage_headers, winner_headers
from .names import fold, slugify
from .problems import DataValidationError, Problem, Problems
from .sheets import Sheet, read_sheets
from .tables import Table
from .winners import WINNERS, check_slots, check_winner

WINNER_COLUMNS = list(WINNERS.columns[:1]) + ["label_year", "level", "zone", "scope_province", "category",
                                              "sector", "rank", "title", "winner_name", "winner_kind",
                                              "winner_province", "winner_regency", "ceremony_date",
                                              "source_url", "source_date", "quote", "note"]
COVERAGE_COLUMNS = ["province", "year", "metric", "value", "unit", "basis", "as_of", "source_url",
                    "source_date", "quote"]
# Options that fill a column the sheet leaves empty: option name -> column per kind.
FILLS = {"edition": {"winners": "edition"}, "level": {"winners": "level"},
         "province": {"winners": "scope_province", "coverage": "province"},
         "category": {"winners": "category"}, "source_url": {"winners": "source_url", "coverage": "source_url"},
         "year": {"coverage": "year"}, "basis": {"coverage": "basis"}}


@dataclass
class Options:
    """What the sheet leaves out, and where to write."""

    edition: str = ""
    level: str = ""
    province: str = ""
    category: str = ""
    source_url: str = ""
    year: str = ""
    basis: str = ""
    sheet: str | None = None
    kind: str | None = None  # winners or coverage; read from the headers when not given
    output: str | None = None  # file name under data/<kind>/
    dry_run: bool = False


@dataclass
class Result:
    """What an import did: rows added, rows already present, names resolved, warnings, errors."""

    kind: str = ""
    target: Path | None = None
    added: list[dict] = field(default_factory=list)
    present: list[tuple[str, str, int]] = field(default_factory=list)  # (sheet:row, data file, its row)
    resolved: dict[tuple[str, str], str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _kind_of(grid, forced: str | None):
    if forced:
        return forced
    hits = {}
    for kind, headers in (("winners", winner_headers(WINNERS.columns)),
                          ("coverage", coverage_headers(COVERAGE.columns))):
        found = {headers.column(c) for row in grid[:30] for c in row if c.strip()} - {None, "-"}
        hits[kind] = len(found) + (5 if "winner_name" in found else 0) + (5 if "value" in found else 0)
    return max(hits, key=lambda k: (hits[k], k == "winners"))


class _Where:
    """Where each column of a row came from, so problems name the sheet's own header or option."""

    def __init__(self):
        self.columns: dict[tuple[str, int, str], str] = {}

    def place(self, problem: Problem) -> Problem:
        column = self.columns.get((problem.file, problem.row, problem.column), problem.column)
        return Problem(problem.file, problem.row, column, problem.message, problem.hint, problem.severity)


def _category_of(ctx, text: str) -> str | None:
    """The category a sheet's name or title line names, if exactly one."""
    try:
        return ctx.category_names.find(text)
    except ValueError:
        return None


def _fill(sheet: Sheet, kind: str, options: Options, ctx, where: _Where, result: Result, label: str):
    """Canonical rows of one sheet: its cells, then the options, then what its name or title states."""
    spec = WINNERS if kind == "winners" else COVERAGE
    written = {column: header for _, header, column in sheet.headers}
    category_from = None
    if kind == "winners" and "category" not in written and not options.category:
        for text, how in [(sheet.name, "the sheet's name")] + [(t, "the title above the table") for t in sheet.titles]:
            if text and _category_of(ctx, text):
                category_from = (text, how)
                result.notes.append(f"{label}: category '{text}' read from {how}")
                break
    rows = []
    for number, cells in sheet.rows:
        row = {c: "" for c in spec.columns}
        row.update(cells)
        row["_row"] = number
        for column, header in written.items():
            where.columns[(label, number, column)] = header
        for option, columns in FILLS.items():
            column = columns.get(kind)
            value = getattr(options, option)
            if column and value and not row[column].strip():
                row[column] = value
                where.columns[(label, number, column)] = "--" + option.replace("_", "-")
        if kind == "winners":
            if category_from and not row["category"]:
                row["category"] = category_from[0]
                where.columns[(label, number, "category")] = category_from[1]
            if options.province and not row["level"]:
                row["level"] = "provinsi"
                where.columns[(label, number, "level")] = "--province"
            if not row["title"].strip():
                source = "rank" if row["rank"].strip() else "category"
                row["title"] = row[source].strip()
                where.columns[(label, number, "title")] = written.get(source, "--" + source)
        else:
            for _, header, column in sheet.headers:
                for implied, value in coverage_headers(COVERAGE.columns).implied(header).items():
                    if not row[implied].strip():
                        row[implied] = value
                        where.columns[(label, number, implied)] = header
        rows.append(row)
    return rows


def run_import(sheet_path: Path, data_dir: Path, options: Options, label: str | None = None) -> Result:
    """Read, resolve and validate a sheet against data/; write its new rows unless anything is wrong."""
    data_dir, label = Path(data_dir), label or str(sheet_path)
    result, problems, where = Result(), Problems(root=data_dir), _Where()
    try:
        existing = load_dataset(data_dir)
    except DataValidationError as exc:
        result.errors = [p for p in exc.problems if p.severity == "error"]
        result.notes.append("data/ itself has errors: fix them first (invoke validate)")
        return result
    ctx = load_context(data_dir, Problems(root=data_dir))
    kinds = {}

    def headers_for(grid):
        kinds.setdefault("kind", _kind_of(grid, options.kind))
        return winner_headers(WINNERS.columns) if kinds["kind"] == "winners" else coverage_headers(COVERAGE.columns)

    sheets = read_sheets(Path(sheet_path), label, headers_for, problems, options.sheet)
    kind = result.kind = kinds.get("kind", options.kind or "winners")
    records, raws = [], {}
    for sheet in sheets:
        if sheet.footnote_row:
            result.notes.append(f"{sheet.label}: table ends at row {sheet.footnote_row} (a note under it)")
        name = problems.name(Path(sheet.label))
        for row in _fill(sheet, kind, options, ctx, where, result, name):
            table = Table(Path(sheet.label), None)
            if kind == "winners":
                if not row["edition"].strip():
                    problems.error(Path(sheet.label), row["_row"], "edition", "the edition is missing",
                                   "pass --edition with the assessment year (results announced in 2025 are "
                                   "edition 2024); the sheet's year stays as label_year")
                    continue
                record = check_winner(table, row, ctx, problems, in_data=False)
            else:
                record = check_figure(table, row, ctx.regions, problems)
            if record is not None:
                records.append(record)
                raws[(record.file, record.row)] = row
                note_resolved(result, row, record, ctx, kind)
    before = {_same(r): r for r in (existing.winners if kind == "winners" else existing.coverage)}
    new, seen = [], {}
    for record in records:
        if _same(record) in before:
            old = before[_same(record)]
            result.present.append((f"{record.file}:{record.row}", old.file, old.row))
        elif record.id in seen:
            first = seen[record.id]
            problems.error(record.file, record.row, None, f"the row repeats row {first.row} of {first.file}",
                           "remove one of the two rows")
        else:
            seen[record.id] = record
            new.append(record)
    if kind == "winners":
        kept = check_slots(list(existing.winners) + new, problems)
        new = [w for w in new if w in kept]
    result.errors = [where.place(p) for p in problems.errors]
    result.warnings = [where.place(p) for p in problems.warnings]
    if result.errors:
        return result
    canonical = [canonical_winner(r, ctx) if kind == "winners" else canonical_figure(r, ctx, raws[(r.file, r.row)])
                 for r in new]
    result.target = _target(data_dir, kind, sheet_path, options, new)
    result.added = canonical
    if canonical and not options.dry_run:
        _write_checked(data_dir, result, kind)
    return result


def _same(record) -> str:
    """What makes two rows one award: its id, less what a later reading may add (sector, zone, kind)."""
    if not hasattr(record, "title"):
        return record.id
    return "|".join(str(v) for v in (record.edition, record.level, record.scope_province, record.category,
                                     fold(record.title), fold(record.name), record.source_url))


def _target(data_dir: Path, kind: str, sheet_path: Path, options: Options, new) -> Path:
    folder = data_dir / ("winners" if kind == "winners" else "coverage")
    if options.output:
        name = Path(options.output).name
        return folder / (name if name.endswith(".csv") else name + ".csv")
    stem = slugify(Path(sheet_path).stem) or "import"
    editions = {getattr(r, "edition", None) for r in new}
    prefix = f"{editions.pop()}-" if kind == "winners" and len(editions) == 1 and None not in editions else ""
    return folder / f"{prefix}{stem.removeprefix(prefix)}.csv"


def _csv_text(columns, rows, existing: Path) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, columns, lineterminator="\n", extrasaction="ignore")
    if existing.is_file():
        with existing.open(encoding="utf-8-sig", newline="") as handle:
            old = list(csv.DictReader(handle))
        if old and list(old[0]) != columns:
            columns = list(old[0])
            writer = csv.DictWriter(out, columns, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(old)
    else:
        writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _write_checked(data_dir: Path, result: Result, kind: str) -> None:
    """Check the whole of data/ with the new rows in a copy; only then write the file in place."""
    columns = WINNER_COLUMNS if kind == "winners" else COVERAGE_COLUMNS
    text = _csv_text(columns, result.added, result.target)
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / data_dir.name
        shutil.copytree(data_dir, copy)
        (copy / result.target.relative_to(data_dir)).write_text(text, encoding="utf-8")
        try:
            load_dataset(copy)
        except DataValidationError as exc:
            result.errors = [p for p in exc.problems if p.severity == "error"]
            result.added = []
            return
    partial = result.target.with_name("." + result.target.name + ".part")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, result.target)
