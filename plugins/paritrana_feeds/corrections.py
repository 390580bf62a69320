"""The dated log of changes on the corrections page: every table row whose first cell is an ISO date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


@dataclass(frozen=True)
class LogEntry:
    """One dated change: its date, its position among that date's rows, its text and section anchor."""

    date: date
    ordinal: int
    text: str
    anchor: str | None


class _LogParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.anchor: str | None = None
        self.rows: list[tuple[list[str], str | None]] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag in HEADINGS:
            self.anchor = dict(attrs).get("id") or self.anchor
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append((self._row, self.anchor))
            self._row = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def parse_log(html: str) -> list[LogEntry]:
    """Entries of the change log in page order; rows on the same date are numbered 1, 2 … in that order."""
    parser = _LogParser()
    parser.feed(html)
    parser.close()
    entries, seen = [], {}
    for cells, anchor in parser.rows:
        if len(cells) < 2 or not ISO_DATE.fullmatch(cells[0]):
            continue
        when = date.fromisoformat(cells[0])
        seen[when] = seen.get(when, 0) + 1
        entries.append(LogEntry(when, seen[when], " ".join(c for c in cells[1:] if c), anchor))
    return entries


def corrections_pages(context, key: str) -> dict:
    """The editorial pages (per language) whose `Key:` is `key`, from Pelican's pages generator."""
    found = {}
    for group in ("pages", "hidden_pages"):
        for page in context.get(group, []) or []:
            for version in [page, *getattr(page, "translations", [])]:
                if getattr(version, "metadata", {}).get("key") == key:
                    found.setdefault(version.lang, version)
    return found
