"""Display-ready rows for winners and coverage figures; templates only loop over these."""

from __future__ import annotations

from dataclasses import dataclass

from paritrana_core.labels import Labels, Source, basis_label, source_host
from paritrana_core.page import Link
from paritrana_core.urls import category_url, edition_url, province_url, regency_url
from paritrana_data.coverage import COUNT_METRICS, PERCENT_METRICS
from paritrana_data.records import CoverageFigure, Winner


@dataclass(frozen=True)
class WinnerRow:
    """One award as a table row."""

    id: str
    place: str
    place_class: str
    title: str
    name: str
    kind: str
    places: tuple[Link, ...]
    category: Link
    sector: str | None
    zone: str | None
    edition: Link
    round: str
    ceremony: str | None
    label_note: str | None
    note: str
    quote: str
    source: Source


@dataclass(frozen=True)
class FigureRow:
    """One coverage figure as a table row."""

    id: str
    year: int
    metric: str
    value: str
    unit: str
    as_of: str | None
    province: Link
    source: Source
    basis: str = ""  # what the figure is counted on, in the page's language


def winner_row(w: Winner, labels: Labels) -> WinnerRow:
    """Everything a page shows about one award, in the page's language."""
    lang, index, _ = labels.lang.code, labels.index, labels.lang._
    places = []
    if w.regency:
        places.append(Link(labels.regency(w.regency), regency_url(index, lang, w.regency)))
    if w.province:
        places.append(Link(labels.province(w.province), province_url(index, lang, w.province)))
    note = None
    if w.label_year is not None and w.label_year not in labels.known_labels(w.edition):
        note = _("The source calls it the %(label)s award.", label=w.label_year)
    place_class = f"rank-{w.rank}" if w.rank else w.distinction
    return WinnerRow(
        id=w.id, place=labels.place(w.rank, w.distinction), place_class=place_class, title=w.title,
        name=w.name, kind=labels.kinds[w.kind], places=tuple(places),
        category=Link(labels.category(w.category), category_url(lang, w.category)),
        sector=labels.sector(w.sector), zone=labels.zone(w.zone),
        edition=Link(labels.row_edition(w), edition_url(lang, w.edition)),
        round=labels.round_name(w.level, w.scope_province),
        ceremony=labels.lang.date(w.ceremony_date), label_note=note, note=w.note, quote=w.quote,
        source=Source(w.source_url, source_host(w.source_url), labels.lang.date(w.source_date)))


def figure_value(f: CoverageFigure, labels: Labels) -> str:
    """'41,61%', '41–42%', '2.617.816'."""
    fmt = labels.lang.percent if f.metric in PERCENT_METRICS else labels.lang.number
    if f.value_high is not None:
        text = f"{labels.lang.number(f.value)}–{fmt(f.value_high)}"
    else:
        text = fmt(f.value)
    if f.bound == "more_than":
        return labels.lang._("more than %(value)s", value=text)
    if f.bound == "less_than":
        return labels.lang._("less than %(value)s", value=text)
    return text


def figure_row(f: CoverageFigure, labels: Labels) -> FigureRow:
    _ = labels.lang._
    metrics = {"coverage_pct": _("Coverage"), "formal_pct": _("Formal workers covered"),
               "informal_pct": _("Informal workers covered"), "participants": _("Participants"),
               "workers": _("Workers"), "target_pct": _("Coverage target"), "other": _("Other figure")}
    return FigureRow(
        id=f.id, year=f.year, metric=metrics[f.metric], value=figure_value(f, labels), unit=f.unit,
        as_of=labels.lang.partial_date(f.as_of),
        province=Link(labels.province(f.province), province_url(labels.index, labels.lang.code, f.province)),
        source=Source(f.source_url, source_host(f.source_url), labels.lang.date(f.source_date)),
        basis=basis_label(f, labels))
