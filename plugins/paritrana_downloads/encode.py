"""Each table row encoded once (JSON text, CSV line, XLSX cells) and reused by every file that holds it.

A row's JSON text is exactly what `json.dumps(json_row(row), ensure_ascii=False, sort_keys=True,
separators=(",", ":"))` writes (writers.json_bytes), made from the C encoder's output of the row's values
in one call per chunk of rows. It decides every other format of the row, so its digest is the row's
part of a file's cache key.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from datetime import date
from operator import add, itemgetter

from openpyxl.utils import get_column_letter

from .tables import json_value
from .writers import csv_cell
from .xlsx import NUMBER, row_xml

CHUNK = 2000  # rows encoded per call of the C encoder
ITEM = "\x00"  # item separator of the compact encoding; a raw NUL never occurs inside encoded JSON
# A string value that starts with = + - @ tab CR or LF, as it appears in a row's JSON text.
GUARDED = re.compile(r'":"(?:[=+\-@]|\\[tnr])')


def _default(value):
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{value!r} is not JSON serialisable")


def _numbers(columns) -> list[str]:
    return [c.name for c in columns if c.type == "number"]


def json_texts(columns, rows) -> list[str]:
    """The JSON text of every row, in order (compact, sorted keys, real characters)."""
    numbers = _numbers(columns)
    keys = sorted(c.name for c in columns)
    getter, heads = itemgetter(*keys), [f'"{key}":' for key in keys]
    texts: list[str] = []
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start:start + CHUNK]
        if numbers:  # whole floats are written as integers
            chunk = [{**r, **{k: json_value(r[k]) for k in numbers}} for r in chunk]
        # the values of each row as a list, items apart by NUL; a row's last value never ends with ']'
        compact = json.dumps(list(map(getter, chunk)), ensure_ascii=False, separators=(ITEM, ""),
                             default=_default)[2:-2]
        for body in compact.split("]" + ITEM + "["):
            texts.append("{" + ",".join(map(add, heads, body.split(ITEM))) + "}")
    return texts


def digests(texts: list[str]) -> list[bytes]:
    """A 16-byte digest of every row text."""
    blake = hashlib.blake2b
    return [blake(t.encode("utf-8"), digest_size=16).digest() for t in texts]


def csv_lines(columns, rows, texts: list[str]) -> list[str]:
    """CSV lines (CRLF) of the rows; text that would start a formula gets the documented apostrophe."""
    names = [c.name for c in columns]
    lines: list[str] = []
    sink = csv.writer(_Sink(lines), lineterminator="\r\n")
    guarded = range(len(rows)) if _numbers(columns) else [i for i, t in enumerate(texts) if GUARDED.search(t)]
    start = 0
    for i in [*guarded, len(rows)]:
        # csv writes None as '', numbers and dates with str(): what csv_cell gives for these rows
        sink.writerows(map(itemgetter(*names), rows[start:i]))
        if i < len(rows):
            sink.writerow([csv_cell(rows[i][n]) for n in names])
        start = i + 1
    return lines


class _Sink:
    """A file-like object whose every write is one CSV line, kept in a list."""

    def __init__(self, lines: list[str]):
        self.write = lines.append


def header_line(columns) -> str:
    lines: list[str] = []
    csv.writer(_Sink(lines), lineterminator="\r\n").writerow([c.name for c in columns])
    return lines[0]


def xlsx_rows(columns, rows) -> list[list[str]]:
    """The XLSX rows (see xlsx.row_xml), each split where its number goes: joining with the number is quick."""
    letters = [get_column_letter(i) for i in range(1, len(columns) + 1)]
    getter = itemgetter(*(c.name for c in columns))
    return [row_xml(letters, getter(row)).split(NUMBER) for row in rows]


def cell_widths(columns, rows) -> list[list[int]]:
    """Per column, what each row's value asks of the column's width (text up to 60 characters, dates 10)."""
    found = []
    for c in columns:
        values = list(map(itemgetter(c.name), rows))
        if c.type == "string":
            found.append([min(len(v), 60) if v else 0 for v in values])
        elif c.type == "date":
            found.append([10 if v else 0 for v in values])
        else:
            found.append([len(str(json_value(v))) if v is not None else 0 for v in values])
    return found


def widths(columns, cells: list[list[int]], positions) -> list[int]:
    """Column widths of the data sheet for the rows at `positions`: the widest value or the name, plus 2."""
    return [max(len(c.name), max(map(column.__getitem__, positions), default=0)) + 2
            for c, column in zip(columns, cells)]
