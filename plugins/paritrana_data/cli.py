"""Command line: `python -m paritrana_data validate [DATA_DIR]` and `python -m paritrana_data import SHEET`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .dataset import load_dataset
from .importer import Options, run_import
from .problems import DataValidationError
from .summary import import_lines, summary_lines


def validate(args) -> int:
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


def import_sheet(args) -> int:
    options = Options(edition=args.edition, level=args.level, province=args.province, category=args.category,
                      source_url=args.source_url, year=args.year, basis=args.basis, sheet=args.sheet,
                      kind=args.kind, output=args.output, dry_run=args.dry_run)
    result = run_import(args.sheet_file, args.data, options)
    if not result.ok:
        print("\n".join(str(p) for p in result.errors), file=sys.stderr)
        print(f"{len(result.errors)} error(s): nothing was written; fix the sheet (or pass the missing "
              "options) and run again.", file=sys.stderr)
        return 1
    print("\n".join(import_lines(result, args.data)))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="paritrana_data", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check data/ without building")
    check.add_argument("data_dir", nargs="?", default="data", type=Path)
    check.add_argument("--quiet", action="store_true", help="print problems only")
    check.set_defaults(run=validate)
    sheet = commands.add_parser("import", help="import a results or coverage sheet (CSV or XLSX)")
    sheet.add_argument("sheet_file", type=Path)
    sheet.add_argument("--data", default=Path("data"), type=Path, help="data folder (default data/)")
    for name, text in (("edition", "the edition (assessment year) of every row"),
                       ("level", "nasional or provinsi"), ("province", "the province that ran the round "
                                                                     "(coverage: the province of every figure)"),
                       ("category", "the category of every row"), ("source-url", "the source of every row"),
                       ("year", "coverage: the year of every figure"),
                       ("basis", "coverage: what every figure is counted on (ucj, bpjs_office, kemnaker, "
                                 "subgroup, not_stated)")):
        sheet.add_argument(f"--{name}", default="", help=f"{text}, where the sheet leaves it out")
    sheet.add_argument("--sheet", default=None, help="only this worksheet of a workbook")
    sheet.add_argument("--kind", choices=["winners", "coverage"], default=None,
                       help="what the sheet holds (default: read from its headers)")
    sheet.add_argument("--output", default=None, help="file name under data/winners/ or data/coverage/")
    sheet.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
    sheet.set_defaults(run=import_sheet)
    args = parser.parse_args(argv)
    return args.run(args)
