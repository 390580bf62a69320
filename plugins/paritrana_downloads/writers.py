"""CSV, XLSX and JSON bytes of a table: the same input gives the same bytes, build after build."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.xml.functions import tostring

from .tables import json_row, json_value

# A CSV cell that starts with one of these is read as a formula by spreadsheet programs.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def csv_text(value) -> str:
    """A text cell for CSV: a leading apostrophe keeps a would-be formula as text (see the data page)."""
    return "'" + value if value.startswith(FORMULA_START) else value


def csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return csv_text(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def csv_bytes(columns, rows) -> bytes:
    """UTF-8 with a byte-order mark (so Excel reads the accents right), comma-separated, CRLF (RFC 4180)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([c.name for c in columns])
    for row in rows:
        writer.writerow([csv_cell(row[c.name]) for c in columns])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def json_bytes(document) -> bytes:
    """Sorted keys, one-space indent, real characters (not \\u escapes), a final newline."""
    return (json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8")


def rows_document(columns, rows, meta: dict) -> dict:
    """A JSON download: what it is, its columns in order and its rows as objects."""
    return {**meta, "columns": [c.name for c in columns], "count": len(rows), "rows": [json_row(r) for r in rows]}


def _xlsx_value(value):
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def xlsx_bytes(columns, rows, about: list[tuple[str, str]], stamp: datetime, title: str, creator: str) -> bytes:
    """A workbook with the rows on sheet 'data' (text stays text, dates are dates) and notes on sheet 'about'.

    openpyxl stamps the save time into docProps/core.xml and every zip entry; both get `stamp` instead.
    """
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "data"
    sheet.append([c.name for c in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    widths = [len(c.name) for c in columns]
    for r, row in enumerate(rows, start=2):
        for i, column in enumerate(columns):
            value = _xlsx_value(row[column.name])
            if value is None:
                continue
            cell = sheet.cell(row=r, column=i + 1, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, even when the text starts with '='
                widths[i] = max(widths[i], min(len(value), 60))
            elif isinstance(value, date):
                cell.number_format = "yyyy-mm-dd"
                widths[i] = max(widths[i], 10)
            else:
                widths[i] = max(widths[i], len(str(value)))
    for i, width in enumerate(widths):
        sheet.column_dimensions[get_column_letter(i + 1)].width = width + 2
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"
    notes = workbook.create_sheet("about")
    for key, text in about:
        notes.append([key, _xlsx_value(text)])
        for cell in notes[notes.max_row]:
            cell.data_type = "s"
    notes.column_dimensions["A"].width = 22
    notes.column_dimensions["B"].width = 100
    props = workbook.properties
    props.title, props.creator, props.lastModifiedBy = title, creator, None
    props.created = props.modified = stamp
    buffer = io.BytesIO()
    workbook.save(buffer)
    props.modified = stamp  # save() set it to the clock; core.xml is rewritten below with this value
    return _fixed_zip(buffer.getvalue(), stamp, {"docProps/core.xml": tostring(props.to_tree())})


def _fixed_zip(data: bytes, stamp: datetime, replace: dict[str, bytes]) -> bytes:
    """The same zip with fixed entry dates and attributes (and some entries replaced)."""
    when = (stamp.year, stamp.month, stamp.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0o600 << 16
            target.writestr(info, replace.get(entry.filename, source.read(entry.filename)), compresslevel=9)
    return out.getvalue()


__all__ = ["csv_bytes", "json_bytes", "json_value", "rows_document", "xlsx_bytes", "FORMULA_START"]
