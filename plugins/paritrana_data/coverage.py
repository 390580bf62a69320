"""Turn coverage rows into `CoverageFigure` records with checked numbers, dates and sources."""

from __future__ import annotations

import hashlib
import re

from .aliases import Lookup
from .checker import RowChecker
from .headers import coverage_headers
from .problems import Problems
from .records import CoverageFigure
from .regions import RegionIndex
from .tables import Table, TableSpec, records
from .values import parse_date, parse_partial_date, parse_range, parse_url, parse_year

_REQUIRED = ("province", "year", "metric", "value", "unit", "source_url")
_OPTIONAL = ("as_of", "source_date", "quote", "basis")
COVERAGE = TableSpec("coverage", _REQUIRED, _OPTIONAL, coverage_headers(_REQUIRED + _OPTIONAL))
# What a figure is counted on (coverage_notes.md): not comparable across bases.
BASES = Lookup("basis")
BASES.add("ucj", "UCJ", "Universal Coverage Jamsostek", "universal coverage", "Kemendagri", "Bappenas")
BASES.add("bpjs_office", "BPJS", "potensi", "potensi BPJS", "kantor cabang", "kantor wilayah",
          "BPJS office", "BPJS office potential")
BASES.add("kemnaker", "Kemnaker", "peserta aktif Kemnaker", "Kemnaker active participants")
BASES.add("subgroup", "sub-kelompok", "pekerja rentan", "pekerja informal", "informal", "rentan",
          "sub-group", "vulnerable workers", "informal workers")
BASES.add("not_stated", "tidak disebut", "tidak dinyatakan", "not stated", "unknown")
BOUNDS = {">": "more_than", "<": "less_than", "lebih dari": "more_than", "kurang dari": "less_than",
          "more than": "more_than", "less than": "less_than", "di atas": "more_than", "di bawah": "less_than"}
_BOUND = re.compile(r"^\s*(>|<|lebih dari|kurang dari|more than|less than|di atas|di bawah)\s*", re.IGNORECASE)


def split_bound(text: str) -> tuple[str | None, str]:
    """('more_than', '50') from '>50' or 'lebih dari 50'; (None, text) for a plain number."""
    match = _BOUND.match(text)
    if not match:
        return None, text
    return BOUNDS[match.group(1).lower()], text[match.end():]
METRICS = ("coverage_pct", "formal_pct", "informal_pct", "participants", "workers", "target_pct", "other")
PERCENT_METRICS = ("coverage_pct", "formal_pct", "informal_pct", "target_pct")
COUNT_METRICS = ("participants", "workers")


def check_figure(table: Table, row: dict, regions: RegionIndex, problems: Problems) -> CoverageFigure | None:
    """One row to a record, or None after reporting every problem in it."""
    c = RowChecker(problems, table, row)
    province = c.resolve("province", regions.province, row["province"]) if row["province"].strip() else None
    if not row["province"].strip():
        c.fail("province", "the province is missing", "name the province the figure is about")
    year = c.parse("year", parse_year, 2000, 2100, "a coverage figure refers to a year from 2000 on; check for a typo")
    if not row["year"].strip():
        c.fail("year", "the year is missing", "give the year the figure refers to")
    metric = row["metric"].strip().lower()
    if metric not in METRICS:
        c.fail("metric", f"unknown metric '{row['metric']}'", f"use one of: {', '.join(METRICS)}")
    value = value_high = bound = None
    if not row["value"].strip():
        c.fail("value", "the value is missing", "copy the number from the source")
    else:
        bound, written = split_bound(row["value"])
        parsed = c.read("value", written, parse_range, metric in COUNT_METRICS)
        if parsed and bound and parsed[1] is not None:
            c.fail("value", f"'{row['value']}' is both a bound and a range", "write one of them, e.g. >50 or 41-46")
        if parsed:
            value, value_high = parsed
            if metric in PERCENT_METRICS and not (0 <= value <= 100 and (value_high or 0) <= 100):
                c.fail("value", f"{row['value']} is not a percentage between 0 and 100",
                       "write the percentage itself: 41,61 for 41.61%")
            elif metric in PERCENT_METRICS and 0 < value < 1:
                c.warn("value", f"{row['value']} looks like a fraction, read as {value}%",
                       "a spreadsheet percentage cell stores 41.61% as 0,4161: write 41,61")
            elif value < 0:
                c.fail("value", f"{row['value']} is negative", "coverage figures cannot be negative")
    if not row["unit"].strip():
        c.fail("unit", "the unit is missing", "say what the number counts, e.g. persen or pekerja")
    basis = c.choose("basis", row["basis"], BASES, f"use one of: {', '.join(BASES.slugs)}") or "not_stated"
    as_of = c.parse("as_of", parse_partial_date)
    source_date = c.parse("source_date", parse_date)
    url = c.parse("source_url", parse_url)
    if not row["source_url"].strip():
        c.fail("source_url", "every figure needs its source", "paste the address of the article or page")
    if not c.ok:
        return None
    key = f"{province}|{year}|{metric}|{value!r}|{value_high!r}|{url}"  # '41,61' equals '41.61'
    key += f"|{bound}" if bound else ""
    return CoverageFigure(
        id="c" + hashlib.sha1(key.encode()).hexdigest()[:10], province=province, year=year,
        metric=metric, value=value, value_high=value_high, unit=row["unit"].strip(), as_of=as_of,
        source_url=url, source_date=source_date, quote=row["quote"].strip(),
        file=problems.name(table.path), row=c.number, basis=basis, bound=bound)


def load_coverage(tables: list[Table], regions: RegionIndex, problems: Problems) -> tuple[CoverageFigure, ...]:
    """All coverage rows; an identical figure from the same source twice is an error."""
    figures, seen = [], {}
    for table in tables:
        for row in records(table.frame):
            figure = check_figure(table, row, regions, problems)
            if figure is None:
                continue
            if figure.id in seen:
                first = seen[figure.id]
                problems.error(figure.file, figure.row, "value",
                               f"the same figure is already at {first.file}:{first.row}",
                               "remove one of the two rows")
                continue
            seen[figure.id] = figure
            figures.append(figure)
    return tuple(figures)
