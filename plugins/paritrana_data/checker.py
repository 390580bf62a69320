"""Check one data row column by column, recording every problem against its cell."""

from __future__ import annotations

from .aliases import Ambiguous, Lookup
from .problems import Problems
from .regions import Unresolved
from .tables import Table
from .values import ValueProblem


class RowChecker:
    """Checks one row, recording each problem against its column; `ok` turns False at the first."""

    def __init__(self, problems: Problems, table: Table, row: dict):
        self.problems, self.path, self.row, self.number = problems, table.path, row, row["_row"]
        self.ok = True

    def fail(self, column, message, hint=None):
        self.problems.error(self.path, self.number, column, message, hint)
        self.ok = False

    def warn(self, column, message, hint=None):
        self.problems.warn(self.path, self.number, column, message, hint)

    def parse(self, column, parser, *args):
        """The cell read by `parser`, None when blank (spaces only count as blank) or unreadable."""
        text = self.row[column]
        if not text.strip():
            return None
        return self.read(column, text, parser, *args)

    def read(self, column, text, parser, *args):
        """`text` (part of a cell) read by `parser`, None after recording why it cannot be read."""
        try:
            return parser(text, *args)
        except ValueProblem as exc:
            self.fail(column, exc.message, exc.hint)
            return None

    def choose(self, column, text, options: Lookup, hint: str | None = None):
        """The slug a vocabulary name stands for; unknown or ambiguous names fail with the closest."""
        if not text.strip():
            return None
        try:
            found = options.find(text)
        except Ambiguous as exc:
            self.fail(column, f"ambiguous {options.what} '{text}'",
                      "it names " + " and ".join(f"'{s}'" for s in exc.slugs) + "; write the slug")
            return None
        if found is None:
            close = options.closest(text)
            self.fail(column, f"unknown {options.what} '{text}'", hint or (
                ("did you mean " + ", ".join(f"'{c}'" for c in close) + "?") if close
                else f"use one of: {', '.join(options.slugs)}"))
        return found

    def resolve(self, column, lookup, *args):
        """A region code from `lookup`, None after recording why the name does not resolve."""
        try:
            return lookup(*args)
        except Unresolved as exc:
            self.fail(column, exc.message, exc.hint)
            return None
