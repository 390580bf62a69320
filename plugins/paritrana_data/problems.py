"""Problems found in data files, collected so that all of them are reported at once."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One problem at a place in a data file: `file:row:column: message (hint)`."""

    file: str
    row: int | None
    column: str | None
    message: str
    hint: str | None = None
    severity: str = ERROR

    def __str__(self) -> str:
        place = self.file
        if self.row is not None:
            place += f":{self.row}"
        if self.column:
            place += f":{self.column}"
        text = f"{place}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


@dataclass
class Problems:
    """Collects problems for one load; `errors` stop the build, `warnings` do not."""

    root: Path | None = None
    items: list[Problem] = field(default_factory=list)
    _names: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def name(self, path: Path | str) -> str:
        """Show a path relative to the data folder's parent, as a user would type it."""
        if path not in self._names:  # every record names its file: resolve each path once
            self._names[path] = self._name(path)
        return self._names[path]

    def _name(self, path: Path | str) -> str:
        path = Path(path)
        if self.root is not None:
            try:
                return path.resolve().relative_to(self.root.resolve().parent).as_posix()
            except ValueError:
                pass
        return path.as_posix()

    def error(self, file, row, column, message, hint=None) -> None:
        self.items.append(Problem(self.name(file), row, column, message, hint, ERROR))

    def warn(self, file, row, column, message, hint=None) -> None:
        self.items.append(Problem(self.name(file), row, column, message, hint, WARNING))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity == WARNING]


class DataValidationError(Exception):
    """Raised when data files have errors; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        errors = [p for p in problems if p.severity == ERROR]
        super().__init__(f"{len(errors)} error(s) in the data files")

    def report(self) -> str:
        """All problems, errors first, one per line."""
        errors = [str(p) for p in self.problems if p.severity == ERROR]
        warnings = [f"warning: {p}" for p in self.problems if p.severity == WARNING]
        return "\n".join(errors + warnings)
