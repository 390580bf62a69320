"""Test support for the downloads: a whole XLSX workbook in memory (the build streams its workbooks)."""

from __future__ import annotations

import io
from datetime import datetime

from paritrana_downloads.encode import cell_widths, widths, xlsx_rows
from paritrana_downloads.xlsx import Workbook


def xlsx_bytes(columns, rows, about: list[tuple[str, str]], stamp: datetime, title: str, creator: str) -> bytes:
    """The workbook the build would write for these rows, as bytes, through the build's own writer."""
    buffer = io.BytesIO()
    sizes = widths(columns, cell_widths(columns, rows), range(len(rows)))
    workbook = Workbook(buffer, [c.name for c in columns], sizes, len(rows), about, stamp, title, creator)
    workbook.add(xlsx_rows(columns, rows))
    workbook.close()
    return buffer.getvalue()
