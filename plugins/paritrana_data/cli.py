"""Command line: `python -m paritrana_data validate [DATA_DIR]` checks the data without building."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .dataset import load_dataset
from .problems import DataValidationError
from .summary import summary_lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="paritrana_data", description=__doc__)
    parser.add_argument("command", choices=["validate"])
    parser.add_argument("data_dir", nargs="?", default="data", type=Path)
    parser.add_argument("--quiet", action="store_true", help="print problems only")
    args = parser.parse_args(argv)
    try:
        data = load_dataset(args.data_dir)
    except DataValidationError as exc:
        print(exc.report(), file=sys.stderr)
        count = len([p for p in exc.problems if p.severity == "error"])
        print(f"{count} error(s): nothing was written; fix the rows above and run again.",
              file=sys.stderr)
        return 1
    for warning in data.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if not args.quiet:
        print("\n".join(summary_lines(data)))
    return 0
