"""Render the files the cache lacks, each row encoded once per format however many files hold it.

A job is one file of one table: CSV and XLSX jobs of a table share one pass over the rows they need
(rows are routed to every open file that holds them), JSON jobs splice the rows' ready-made texts.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from dataclasses import dataclass, field

from .documents import outline, pieces
from .encode import cell_widths, csv_lines, header_line, widths, xlsx_rows
from .xlsx import Workbook

CHUNK = 2000  # rows encoded at a time


@dataclass
class Job:
    """One file to render into the cache: `fmt` 'csv', 'xlsx' or 'json'."""

    key: str
    fmt: str
    positions: list = field(default_factory=list)  # rows of the table, in order (csv, xlsx)
    document: dict | None = None                   # json: the document, its rows as documents.Rows
    workbook: dict | None = None                   # xlsx: about, stamp, title, creator


@dataclass
class Table:
    """The rows of one table, their JSON texts and their columns."""

    columns: tuple
    rows: list
    texts: list


def render_jobs(jobs: list[Job], table: Table | None, store) -> dict:
    """Render every job into the store; returns key -> cache Entry."""
    done = {}
    for job in jobs:
        if job.fmt == "json":
            done[job.key] = _json(job, store)
    streamed = [job for job in jobs if job.fmt != "json"]
    if streamed:
        done.update(_stream(streamed, table, store))
    return done


class TextFile:
    """A UTF-8 text file that hashes what it writes, so the cache need not read it back."""

    def __init__(self, path):
        self.handle, self.sha256 = open(path, "wb"), hashlib.sha256()

    def write(self, text: str) -> None:
        data = text.encode("utf-8")
        self.sha256.update(data)
        self.handle.write(data)

    def close(self) -> None:
        self.handle.close()


def _json(job: Job, store):
    temporary = store.temporary(job.key, "json")
    text, lists = outline(job.document)
    target = TextFile(temporary)
    try:
        for piece in pieces(text, lists):
            target.write(piece)
    finally:
        target.close()
    return store.commit(temporary, job.key, "json", target.sha256)


def _open(job: Job, table: Table, path, cells):
    if job.fmt == "csv":
        handle = TextFile(path)
        handle.write("\ufeff" + header_line(table.columns))
        return handle
    return Workbook(path, [c.name for c in table.columns], widths(table.columns, cells, job.positions),
                    len(job.positions), **job.workbook)


def _stream(jobs: list[Job], table: Table, store) -> dict:
    """CSV and XLSX jobs in one pass over the rows they need, encoded in chunks."""
    paths = {id(job): store.temporary(job.key, job.fmt) for job in jobs}
    cells = cell_widths(table.columns, table.rows) if any(job.fmt == "xlsx" for job in jobs) else None
    targets = {id(job): _open(job, table, paths[id(job)], cells) for job in jobs}
    try:
        for fmt in ("csv", "xlsx"):
            chosen = [job for job in jobs if job.fmt == fmt]
            if chosen:
                _route(fmt, chosen, table, targets)
    finally:
        for target in targets.values():
            target.close()
    return {job.key: store.commit(paths[id(job)], job.key, job.fmt, getattr(targets[id(job)], "sha256", None))
            for job in jobs}


def _route(fmt: str, jobs: list[Job], table: Table, targets: dict) -> None:
    needed = sorted(set().union(*(job.positions for job in jobs)))
    cursors = {id(job): 0 for job in jobs}
    for start in range(0, len(needed), CHUNK):
        chunk = needed[start:start + CHUNK]
        rows = [table.rows[p] for p in chunk]
        if fmt == "csv":
            encoded = dict(zip(chunk, csv_lines(table.columns, rows, [table.texts[p] for p in chunk])))
        else:
            encoded = dict(zip(chunk, xlsx_rows(table.columns, rows)))
        last = chunk[-1]
        for job in jobs:
            positions, begin = job.positions, cursors[id(job)]
            end = bisect_right(positions, last, begin)
            if end == begin:
                continue
            cursors[id(job)] = end
            target = targets[id(job)]
            if fmt == "csv":
                target.write("".join([encoded[p] for p in positions[begin:end]]))
            else:
                target.add([encoded[p] for p in positions[begin:end]])
