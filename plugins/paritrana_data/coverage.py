"""Turn coverage rows into `CoverageFigure` records with checked numbers, dates and sources."""

from __future__ import annotations

import hashlib

from .problems import Problems
from .records import CoverageFigure
from .regions import RegionIndex, Unresolved
from .tables import Table, TableSpec, records
from .values import ValueProblem, parse_date, parse_partial_date, parse_range, parse_url, parse_year

COVERAGE = TableSpec("coverage", ("province", "year", "metric", "value", "unit", "source_url"),
                     ("as_of", "source_date", "quote"))
METRICS = ("coverage_pct", "formal_pct", "informal_pct", "participants", "workers", "target_pct", "other")
PERCENT_METRICS = ("coverage_pct", "formal_pct", "informal_pct", "target_pct")
COUNT_METRICS = ("participants", "workers")


def check_figure(table: Table, row: dict, regions: RegionIndex, problems: Problems) -> CoverageFigure | None:
    """One row to a record, or None after reporting every problem in it."""
    path, number = table.path, row["_row"]
    failed = []

    def fail(column, message, hint=None):
        problems.error(path, number, column, message, hint)
        failed.append(column)

    def parse(column, parser, *args):
        if not row[column].strip():
            return None
        try:
            return parser(row[column], *args)
        except ValueProblem as exc:
            fail(column, exc.message, exc.hint)
            return None

    province = None
    try:
        province = regions.province(row["province"]) if row["province"].strip() else None
    except Unresolved as exc:
        fail("province", exc.message, exc.hint)
    if not row["province"].strip():
        fail("province", "the province is missing", "name the province the figure is about")
    year = parse("year", parse_year, 2000, 2100, "a coverage figure refers to a year from 2000 on; check for a typo")
    if not row["year"].strip():
        fail("year", "the year is missing", "give the year the figure refers to")
    metric = row["metric"].strip().lower()
    if metric not in METRICS:
        fail("metric", f"unknown metric '{row['metric']}'", f"use one of: {', '.join(METRICS)}")
    value = value_high = None
    if not row["value"].strip():
        fail("value", "the value is missing", "copy the number from the source")
    else:
        parsed = parse("value", parse_range, metric in COUNT_METRICS)
        if parsed:
            value, value_high = parsed
            if metric in PERCENT_METRICS and not (0 <= value <= 100 and (value_high or 0) <= 100):
                fail("value", f"{row['value']} is not a percentage between 0 and 100",
                     "write the percentage itself: 41,61 for 41.61%")
            elif metric in PERCENT_METRICS and 0 < value < 1:
                problems.warn(path, number, "value", f"{row['value']} looks like a fraction, read as {value}%",
                              "a spreadsheet percentage cell stores 41.61% as 0,4161: write 41,61")
            elif value < 0:
                fail("value", f"{row['value']} is negative", "coverage figures cannot be negative")
    if not row["unit"].strip():
        fail("unit", "the unit is missing", "say what the number counts, e.g. persen or pekerja")
    as_of = parse("as_of", parse_partial_date)
    source_date = parse("source_date", parse_date)
    url = parse("source_url", parse_url)
    if not row["source_url"].strip():
        fail("source_url", "every figure needs its source", "paste the address of the article or page")
    if failed:
        return None
    key = f"{province}|{year}|{metric}|{value!r}|{value_high!r}|{url}"  # '41,61' equals '41.61'
    return CoverageFigure(
        id="c" + hashlib.sha1(key.encode()).hexdigest()[:10], province=province, year=year,
        metric=metric, value=value, value_high=value_high, unit=row["unit"].strip(), as_of=as_of,
        source_url=url, source_date=source_date, quote=row["quote"].strip(),
        file=problems.name(path), row=number)


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
