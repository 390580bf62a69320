"""Which coverage figures compare: the latest figure per basis, year and province, the order of the
bases (the one with most provinces first) and the flags a figure carries (an office's area, no date)."""

from __future__ import annotations

import re

# The bases of ../shared/data/coverage_notes.md, in the order ties are broken.
BASES = ("ucj", "bpjs_office", "kemnaker", "subgroup", "not_stated")
# Figures whose basis no source states may each be counted differently: shown, never ranked.
UNRANKED = frozenset({"not_stated"})
# The unit as reported says the figure is for a BPJS Ketenagakerjaan office's working area (a
# regional office such as Sumbagut, or a branch whose area spans several provinces), not for the
# province alone: "persen (wilayah Sumbagut)", "... Papua Pegunungan dan Papua Selatan digabung".
REGIONAL = re.compile(r"\bwilayah\s+(kerja|sumbagut|sumbagsel|sumbarriau|banuspa|kalimantan|sulawesi)"
                      r"|\bdigabung\b", re.IGNORECASE)


def _partial(text: str | None) -> tuple[int, ...]:
    return tuple(int(p) for p in text.split("-")) + (0,) * (3 - len(text.split("-"))) if text else (0, 0, 0)


def figure_order(f) -> tuple:
    """Older first: by as_of (a month or year counts from its start), then source date, file and row."""
    source = (f.source_date.year, f.source_date.month, f.source_date.day) if f.source_date else (0, 0, 0)
    return (_partial(f.as_of) if f.as_of else source, source, f.file, f.row)


def latest_by_basis(figures, metric: str) -> dict[str, dict[int, dict]]:
    """{basis: {year: {province code: the latest figure of that metric, basis and year}}}, the bases
    in view order (most provinces first), the years ascending."""
    found: dict[str, dict[int, dict]] = {}
    for f in sorted((f for f in figures if f.metric == metric), key=figure_order):
        found.setdefault(f.basis, {}).setdefault(f.year, {})[f.province] = f
    return {basis: dict(sorted(found[basis].items())) for basis in order_bases(found)}


def provinces_of(years: dict[int, dict]) -> set[str]:
    return {code for found in years.values() for code in found}


def order_bases(views: dict[str, dict[int, dict]]) -> list[str]:
    """The basis with most provinces (over all years) first; a basis whose figures are not ranked
    comes after every ranked one."""
    return sorted(views, key=lambda b: (b in UNRANKED, -len(provinces_of(views[b])), BASES.index(b)))


def default_year(years: dict[int, dict]) -> int:
    """The year a basis opens on: the one with most provinces, the later of equals."""
    return max(years, key=lambda y: (len(years[y]), y))


def is_regional(f) -> bool:
    """The figure is for an office's working area, not for the province alone."""
    return bool(REGIONAL.search(f.unit or ""))


def is_ranked(basis: str | None) -> bool:
    return basis is not None and basis not in UNRANKED
