"""Cells of CSV files and JSON bytes: the same input gives the same bytes."""

from __future__ import annotations

import json
from datetime import date

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


def json_bytes(document) -> bytes:
    """Compact (no spaces or line breaks: these are API documents, not pages), sorted keys, real characters
    (not \\u escapes), a final newline."""
    return (json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n").encode("utf-8")


__all__ = ["csv_cell", "csv_text", "json_bytes", "FORMULA_START"]
