"""Plain-text counts of a loaded dataset, printed by `invoke validate`."""

from __future__ import annotations

from collections import Counter

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
    provinces = {w.province for w in data.winners if w.province}
    regencies = {w.regency for w in data.winners if w.regency}
    lines.append(f"  regions: {len(provinces)} of {len(data.provinces)} provinces and "
                 f"{len(regencies)} of {len(data.regencies)} kabupaten/kota resolved from winners")
    if data.warnings:
        lines.append(f"  {len(data.warnings)} warning(s)")
    return lines
