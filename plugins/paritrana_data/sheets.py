"""Find the table in a sheet as people lay it out: under a title block, above footnotes, one per sheet."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from .headers import IGNORE, Headers
from .problems import Problems
from .tables import HEADER_SEARCH_ROWS, _cell, _decode, _delimiter, _plain_error

FOOTNOTE = re.compile(r"^\s*(\*|catatan\b|keterangan\b|ket\s*[:.]|sumber\s*:|note\b|notes\b|source\s*:)",
                      re.IGNORECASE)


@dataclass
class Sheet:
    """One table read from a file: its header as written, its rows, and the lines above it."""

    label: str  # how problems name it: 'file.xlsx' or 'file.xlsx[Sheet]'
    name: str  # the worksheet's name ('' for CSV)
    header_row: int
    headers: list[tuple[int, str, str]]  # (position, header as written, column)
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    footnote_row: int | None = None


def read_grids(path: Path, label: str, problems: Problems, only: str | None = None):
    """[(sheet name, rows of cell strings)] of a CSV or XLSX file, or None after reporting why not."""
    suffix = path.suffix.lower()
    if not path.is_file():
        problems.error(label, None, None, "the file does not exist", "check the path")
        return None
    if suffix == ".csv":
        text = _decode(path, path.read_bytes(), problems)
        if text is None:
            return None
        return [("", [[c.strip() for c in row] for row in csv.reader(io.StringIO(text), delimiter=_delimiter(text))])]
    if suffix != ".xlsx":
        problems.error(label, None, None, f"unsupported file type '{suffix or path.name}'",
                       "save the sheet as .csv (UTF-8) or .xlsx")
        return None
    from openpyxl import load_workbook  # only an import of a workbook needs it

    try:
        book = load_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged workbook
        problems.error(label, None, None, f"it is not a valid .xlsx workbook ({_plain_error(exc)})",
                       "open it in a spreadsheet program and save it again as .xlsx")
        return None
    names = book.sheetnames
    if only is not None and only not in names:
        problems.error(label, None, None, f"the workbook has no sheet '{only}'",
                       "its sheets are: " + ", ".join(f"'{n}'" for n in names))
        return None
    return [(name, [[_cell(v) for v in row] for row in book[name].iter_rows(values_only=True)])
            for name in names if only is None or name == only]


def _filled(row: list[str]) -> list[str]:
    return [c for c in row if c.strip()]


def find_table(label: str, name: str, grid: list[list[str]], headers: Headers, problems: Problems) -> Sheet | None:
    """The header row (the first rows with the most known column names) and the rows under it."""
    best, hits = None, 0
    for index, row in enumerate(grid[:HEADER_SEARCH_ROWS]):
        count = sum(headers.column(c) not in (None, IGNORE) for c in row if c.strip())
        if count > hits:
            best, hits = index, count
    if best is None or hits < 2:
        if any(_filled(r) for r in grid):
            problems.error(label, None, None, "no header row found",
                           "one row must name the columns, e.g. Kategori, Juara, Nama Penerima, Sumber")
        return None
    sheet = Sheet(label, name, best + 1, [])
    sheet.titles = [" ".join(_filled(r)) for r in grid[:best] if _filled(r)]
    ok = True
    for position, written in enumerate(grid[best]):
        if not written.strip():
            if any(len(r) > position and r[position].strip() for r in grid[best + 1:]):
                problems.error(label, best + 1, f"column {position + 1}", "a column has values but no header",
                               "name the column in the header row or delete it")
                ok = False
            continue
        column = headers.column(written)
        if column is None:
            close = headers.closest(written)
            problems.error(label, best + 1, written, f"unknown column '{written}'",
                           f"did you mean {close}?" if close else
                           "see the header table in the README, or delete the column")
            ok = False
        elif column != IGNORE:
            repeat = next((w for _, w, c in sheet.headers if c == column), None)
            if repeat is not None:
                problems.error(label, best + 1, written, f"columns '{repeat}' and '{written}' both give {column}",
                               "keep one of them")
                ok = False
            sheet.headers.append((position, written, column))
    if not ok:
        return None
    blank_before = False
    for index in range(best + 1, len(grid)):
        row = grid[index]
        filled = _filled(row)
        if not filled:
            blank_before = True
            continue
        if len(filled) == 1 and (FOOTNOTE.match(filled[0]) or blank_before) and len(sheet.headers) > 2:
            sheet.footnote_row = index + 1
            break
        blank_before = False
        sheet.rows.append((index + 1, {column: (row[p] if p < len(row) else "").strip()
                                       for p, _, column in sheet.headers}))
    return sheet


def read_sheets(path: Path, label: str, headers_for, problems: Problems, only: str | None = None) -> list[Sheet]:
    """Every table of a file; `headers_for(grid)` picks the header names a sheet is read with."""
    grids = read_grids(path, label, problems, only)
    if grids is None:
        return []
    sheets = []
    many = len(grids) > 1
    for name, grid in grids:
        if not any(_filled(r) for r in grid):
            continue
        sheet = find_table(f"{label}[{name}]" if many else label, name, grid, headers_for(grid), problems)
        if sheet is not None:
            sheets.append(sheet)
    if not sheets and not problems.errors:
        problems.error(label, None, None, "no table found", "the file has no rows under a header")
    return sheets
