"""Plain-text counts of a loaded dataset, printed by `invoke validate`."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from .records import Dataset


def summary_lines(data: Dataset) -> list[str]:
    """What was loaded: winners per edition and level, figures, regions resolved."""
    lines = [f"{len(data.winners)} winner rows, {len(data.coverage)} coverage figures "
             f"(data version {data.digest})"]
    per = Counter((w.edition, w.level) for w in data.winners)
    for edition in sorted({e for e, _ in per}, key=lambda e: (e is None, e or 0)):
        label = str(edition) if edition is not None else "undated"
        lines.append(f"  edition {label:>7}: {per[(edition, 'nasional')]:>4} nasional, "
                     f"{per[(edition, 'provinsi')]:>4} provinsi")
    years = Counter(f.year for f in data.coverage)
    lines.append(f"  coverage: {len(data.coverage)} figures for "
                 f"{len({f.province for f in data.coverage})} provinces, years "
                 + ", ".join(f"{y} ({n})" for y, n in sorted(years.items())))
    bases = Counter(f.basis for f in data.coverage)
    lines.append("  coverage bases: " + ", ".join(f"{b} ({n})" for b, n in sorted(bases.items())))
    provinces = {w.province for w in data.winners if w.province}
    regencies = {w.regency for w in data.winners if w.regency}
    lines.append(f"  regions: {len(provinces)} of {len(data.provinces)} provinces and "
                 f"{len(regencies)} of {len(data.regencies)} kabupaten/kota resolved from winners")
    if data.warnings:
        lines.append(f"  {len(data.warnings)} warning(s)")
    return lines


def import_lines(result, data_dir) -> list[str]:
    """The report of an import: rows added and where, rows already present, names resolved, warnings."""
    what = "winner rows" if result.kind == "winners" else "coverage figures"
    root, target = Path(data_dir).resolve().parent, result.target
    if target is not None and target.resolve().is_relative_to(root):
        target = target.resolve().relative_to(root).as_posix()
    lines = [f"{len(result.added)} {what} added to {target}" if result.added
             else f"0 {what} added: nothing new, nothing written"]
    files = Counter(file for _, file, _ in result.present)
    for file, count in sorted(files.items()):
        if count > 5:
            lines.append(f"{count} rows already in {file}, not added again")
        else:
            lines += [f"{where}: already in {file}:{row}, not added again"
                      for where, other, row in result.present if other == file]
    if result.resolved:
        lines.append("names resolved:")
        lines += [f"  {column} '{text}' -> {value}" for (column, text), value in sorted(result.resolved.items())]
    lines += result.notes
    lines += [f"warning: {w}" for w in result.warnings]
    return lines
