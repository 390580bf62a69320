"""Read a CSV or XLSX data file into a table of strings with spreadsheet row numbers."""

from __future__ import annotations

import csv
import difflib
import io
import math
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pandas as pd

from .problems import Problems

ROW = "_row"
SUPPORTED = (".csv", ".xlsx")
HEADER_SEARCH_ROWS = 30


@dataclass(frozen=True)
class TableSpec:
    """The columns a kind of data file must and may have."""

    kind: str
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()
    headers: object = None  # a headers.Headers: the names people give the columns

    @property
    def columns(self) -> tuple[str, ...]:
        return self.required + self.optional


@dataclass
class Table:
    """A data file's rows as strings; column `_row` holds the row number a spreadsheet shows."""

    path: Path
    frame: pd.DataFrame


def clean_header(name: object) -> str:
    """Header cell to column name: trimmed, lower case, spaces to underscores."""
    text = "" if name is None or (isinstance(name, float) and math.isnan(name)) else str(name)
    text = text.replace("\ufeff", "").strip().lower()
    return re.sub(r"[\s\-]+", "_", text)


def read_table(path: Path, spec: TableSpec, problems: Problems) -> Table | None:
    """Read one file; report problems and return None when it cannot be used at all."""
    suffix = path.suffix.lower()
    if not path.is_file():
        problems.error(path, None, None, "the file is missing",
                       f"restore it from version control or add a {spec.kind} file here")
        return None
    if suffix not in SUPPORTED:
        problems.error(path, None, None, f"unsupported file type '{suffix or path.name}'",
                       "save the sheet as .csv (UTF-8) or .xlsx")
        return None
    if path.stat().st_size == 0:
        problems.error(path, None, None, "the file is empty",
                       f"a {spec.kind} file needs a header row: {', '.join(spec.required)}")
        return None
    raw = _read_xlsx(path, spec, problems) if suffix == ".xlsx" else _read_csv(path, spec, problems)
    if raw is None:
        return None
    header_row, frame = raw
    frame = _drop_blank_columns(path, header_row, frame, problems)
    if frame is None:
        return None
    frame = rename_columns(frame, spec)
    if not _check_header(path, header_row, list(frame.columns), spec, problems):
        return None
    frame = frame[[c for c in frame.columns if c in spec.columns or c == ROW]].copy()
    for column in spec.optional:
        if column not in frame.columns:
            frame[column] = ""
    if len(frame) == 0:
        problems.error(path, None, None, "the file has a header but no data rows",
                       "add rows below the header or remove the file")
        return None
    return Table(path, frame)


def _decode(path: Path, data: bytes, problems: Problems) -> str | None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        problems.error(path, None, None, "the file is UTF-16 encoded",
                       "save it as 'CSV UTF-8 (comma delimited)'")
        return None
    if b"\x00" in data[:4096]:
        head = data[:200]
        if head[1::2].count(0) > len(head) // 4 or head[0::2].count(0) > len(head) // 4:
            problems.error(path, None, None, "the file looks UTF-16 encoded (it has no byte-order mark)",
                           "save it as 'CSV UTF-8 (comma delimited)'")
        else:
            problems.error(path, None, None, "the file is not a text CSV file (it contains NUL bytes)",
                           "export the sheet as CSV or XLSX")
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            problems.error(path, line, None,
                           f"byte 0x{data[error.start]:02X} is neither UTF-8 nor Windows-1252 text",
                           "save the file as 'CSV UTF-8'")
            return None


def _delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: (counts[d], d == ","))


def rename_columns(frame: pd.DataFrame, spec: TableSpec) -> pd.DataFrame:
    """Headers as written ('Nama Penerima', 'Juara') to columns; a numbering column ('No') is dropped."""
    if spec.headers is None:
        return frame
    names, keep = [], []
    for position, name in enumerate(frame.columns):
        column = name if name == ROW else (spec.headers.column(name) or name)
        if column != "-":
            keep.append(position)
            names.append(column)
    frame = frame.iloc[:, keep].copy()
    frame.columns = names
    return frame


def _read_csv(path: Path, spec: TableSpec, problems: Problems):
    text = _decode(path, path.read_bytes(), problems)
    if text is None:
        return None
    if not text.strip():
        problems.error(path, None, None, "the file is empty",
                       f"a {spec.kind} file needs a header row: {', '.join(spec.required)}")
        return None
    sep = _delimiter(text)
    header = _ragged_rows(path, text, sep, problems)
    if header is None:
        return None
    frame = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False,
                        skip_blank_lines=False, header=0, index_col=False, engine="c")
    # pandas renames a repeated header ('x.1'); keep the names as written so repeats are reported.
    frame.columns = [clean_header(c) for c in header]
    frame[ROW] = range(2, len(frame) + 2)
    frame = _drop_empty_rows(frame)
    return 1, frame


def _ragged_rows(path: Path, text: str, sep: str, problems: Problems) -> list[str] | None:
    """The header, or None after reporting every row whose field count differs from it."""
    rows = csv.reader(io.StringIO(text), delimiter=sep)
    header = next(rows)
    width, ok = len(header), True
    for number, row in enumerate(rows, start=2):
        if row and len(row) != width:
            hint = (f"quote values that contain '{sep}' or remove the extra '{sep}'" if len(row) > width
                    else f"every row needs {width} fields; add the missing '{sep}'")
            problems.error(path, number, None, f"the row has {len(row)} fields but the header has {width}", hint)
            ok = False
    return header if ok else None


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (pd.Timestamp, datetime)):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _read_xlsx(path: Path, spec: TableSpec, problems: Problems):
    try:
        sheet = pd.read_excel(path, sheet_name=0, header=None, dtype=object, engine="openpyxl")
    except Exception as exc:  # openpyxl raises many types for a damaged workbook
        problems.error(path, None, None, f"it is not a valid .xlsx workbook ({_plain_error(exc)})",
                       "open it in a spreadsheet program and save it again as .xlsx")
        return None
    cells = sheet.map(_cell)
    header_index = _find_header(cells, spec)
    if header_index is None:
        problems.error(path, None, None, "no header row found in the first sheet",
                       f"one row must name the columns: {', '.join(spec.required)}")
        return None
    header = [clean_header(v) for v in cells.iloc[header_index]]
    body = cells.iloc[header_index + 1:].copy()
    keep = [i for i, name in enumerate(header) if name]
    body = body.iloc[:, keep]
    body.columns = [header[i] for i in keep]
    body[ROW] = [i + 1 for i in body.index]
    return header_index + 1, _drop_empty_rows(body)


def _plain_error(exc: Exception) -> str:
    names = {"BadZipFile": "not a zip archive", "KeyError": "a required part is missing",
             "InvalidFileException": "not an Excel file"}
    return names.get(type(exc).__name__, "damaged")


def _find_header(cells: pd.DataFrame, spec: TableSpec) -> int | None:
    best, best_hits = None, 0
    for index in range(min(HEADER_SEARCH_ROWS, len(cells))):
        hits = sum(header_column(spec, v) is not None for v in cells.iloc[index])
        if hits > best_hits:
            best, best_hits = index, hits
    return best if best_hits >= max(2, len(spec.required) // 2) else None


def header_column(spec: TableSpec, cell: str) -> str | None:
    """The column a header cell names (a known name or alias), else None."""
    name = clean_header(cell)
    if not name:
        return None
    if spec.headers is not None:
        column = spec.headers.column(name)
        return column if column not in (None, "-") else None
    return name if name in spec.columns else None


def records(frame: pd.DataFrame) -> list[dict]:
    """The rows as dicts, like `frame.to_dict("records")` without boxing each cell through pandas."""
    columns = list(frame.columns)
    return [dict(zip(columns, values)) for values in zip(*(frame[c].tolist() for c in columns))]


def _drop_blank_columns(path, header_row, frame: pd.DataFrame, problems: Problems):
    """Columns without a header are dropped when empty (a trailing delimiter); otherwise an error."""
    keep = []
    for position, name in enumerate(frame.columns):
        if name == ROW or (name and not name.startswith("unnamed:")):
            keep.append(position)
            continue
        if (frame.iloc[:, position].astype(str).str.strip() != "").any():
            problems.error(path, header_row, f"column {position + 1}", "a column has values but no header",
                           "name the column in the header row or delete it")
            return None
    return frame.iloc[:, keep]


def _drop_empty_rows(frame: pd.DataFrame) -> pd.DataFrame:
    data = frame.drop(columns=[ROW]).astype(str)
    # A row is empty when every cell is blank, i.e. when its cells joined are blank: one strip per row.
    columns = (data.iloc[:, i].tolist() for i in range(data.shape[1]))  # by position: names may repeat
    filled = ["".join(cells).strip() != "" for cells in zip(*columns)]
    return frame[pd.Series(filled, index=frame.index, dtype=bool)].reset_index(drop=True)


def _check_header(path, header_row, columns, spec: TableSpec, problems: Problems) -> bool:
    names = [c for c in columns if c != ROW]
    ok = True
    seen = set()
    for name in names:
        if name in seen:
            problems.error(path, header_row, name, f"column '{name}' appears twice",
                           "keep one column of that name")
            ok = False
        seen.add(name)
    missing = [c for c in spec.required if c not in seen]
    extra = [c for c in names if c not in spec.columns]
    for column in missing:
        close = difflib.get_close_matches(column, extra, n=1, cutoff=0.6)
        hint = f"rename column '{close[0]}' to '{column}'" if close else f"add a column '{column}'"
        problems.error(path, header_row, column, "required column is missing", hint)
        if close:
            extra.remove(close[0])  # explained by the rename hint; one mistake, one message
        ok = False
    for column in extra:
        close = difflib.get_close_matches(column, spec.columns, n=1, cutoff=0.6)
        named = spec.headers.closest(column) if spec.headers is not None and not close else None
        hint = (f"did you mean '{close[0]}'?" if close else f"did you mean {named}?" if named
                else f"known columns: {', '.join(spec.columns)}")
        label = column or "(blank)"
        problems.error(path, header_row, label, f"unknown column '{label}'", hint)
        ok = False
    return ok
