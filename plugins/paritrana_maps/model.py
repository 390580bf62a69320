"""What the maps and charts show: for the chosen metric, the latest figure of every province in
every year, its colour, and display-ready text in the page's language."""

from __future__ import annotations

from dataclasses import dataclass

from paritrana_pages.labels import Labels, source_host
from paritrana_pages.navigation import PLUGIN_PAGES
from paritrana_pages.rows import Link, Source, basis_label, province_url

from . import svg
from .scale import HATCH_ID, NO_DATA, Scale, text_colour
from .tilegrid import check_layout

ANCHOR = {"id": "tahun", "en": "year"}  # map page: #tahun-2024 / #year-2024 and ?tahun= / ?year=


@dataclass(frozen=True)
class Cell:
    """One province in one year, as every map, chart and table shows it."""

    code: str
    name: str
    short: str
    url: str
    year: int
    value: str | None       # "41,61%", "41–42%"
    tile_value: str | None  # "41,61", "41–42" (the legend says percent)
    mid: float | None       # the value a range is coloured and ranked by
    low: float | None
    high: float | None
    fill: str               # "#rrggbb" or the hatch pattern
    ink: str                # text colour on the fill
    unit: str | None
    as_of: str | None
    source: Source | None
    label: str              # accessible name: "Bali: 41,61%, as of 31 Mei 2024"
    basis: str | None = None  # what the figure is counted on, in the page's language
    mark: str | None = None   # the value in a narrow bar: ">50%" where `value` says "more than 50%"


def _partial(text: str | None) -> tuple[int, ...]:
    return tuple(int(p) for p in text.split("-")) + (0,) * (3 - len(text.split("-"))) if text else (0, 0, 0)


def figure_order(f) -> tuple:
    """Older first: by as_of (a month or year counts from its start), then source date, file and row."""
    source = (f.source_date.year, f.source_date.month, f.source_date.day) if f.source_date else (0, 0, 0)
    return (_partial(f.as_of) if f.as_of else source, source, f.file, f.row)


def latest_by_year(figures, metric: str) -> dict[int, dict]:
    """{year: {province code: the latest figure of that metric for that year}}."""
    found: dict[int, dict] = {}
    for f in sorted((f for f in figures if f.metric == metric), key=figure_order):
        found.setdefault(f.year, {})[f.province] = f
    return dict(sorted(found.items()))


def midpoint(f) -> float:
    return f.value if f.value_high is None else (f.value + f.value_high) / 2


def join_names(names: list[str], lang) -> str:
    """'A', 'A and B', 'A, B and C' in the page's language."""
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + " " + lang._("and") + " " + names[-1]


class MapsModel:
    """Built once per build from the data index and the settings; renders views per language."""

    def __init__(self, index, settings):
        self.index = index
        self.metric = settings["PARITRANA_MAPS_METRIC"]
        self.scale = Scale.from_breaks(settings["PARITRANA_MAPS_BREAKS"])
        self.latest = latest_by_year(index.data.coverage, self.metric)
        self.years = list(self.latest)
        self.codes = sorted(index.provinces)
        self.siteurl = settings.get("SITEURL") or ""
        self._cells: dict[tuple[str, int], dict[str, Cell]] = {}  # every province page shows the same year's cells
        check_layout(self.codes)

    # --- words ---------------------------------------------------------------------------

    def metric_name(self, lang) -> str:
        _ = lang._
        return {"coverage_pct": _("Coverage"), "formal_pct": _("Formal workers covered"),
                "informal_pct": _("Informal workers covered"), "target_pct": _("Coverage target")}[self.metric]

    def _number_range(self, lang, f, percent: bool, words: bool = True) -> str:
        fmt = lang.percent if percent else lang.number
        text = fmt(f.value) if f.value_high is None else f"{lang.number(f.value)}–{fmt(f.value_high)}"
        bound = getattr(f, "bound", None)  # a source's bound keeps its meaning: "more than 50%"
        if bound and not words:  # a tile or a narrow bar has room for a sign only: ">50"
            return (">" if bound == "more_than" else "<") + text
        if bound == "more_than":
            return lang._("more than %(value)s", value=text)
        if bound == "less_than":
            return lang._("less than %(value)s", value=text)
        return text

    # --- cells ---------------------------------------------------------------------------

    def cell(self, labels: Labels, code: str, year: int) -> Cell:
        lang, _ = labels.lang, labels.lang._
        province = self.index.provinces[code]
        name = labels.province(code)
        f = self.latest.get(year, {}).get(code)
        url = province_url(self.index, lang.code, code)
        short = province.iso_code.split("-")[-1]
        if f is None:
            return Cell(code, name, short, url, year, None, None, None, None, None, f"url(#{HATCH_ID})",
                        text_colour(NO_DATA), None, None, None,
                        _("%(province)s: no figure for %(year)s", province=name, year=year))
        value = self._number_range(lang, f, True)
        fill = self.scale.colour(midpoint(f))
        as_of = lang.partial_date(f.as_of)
        if as_of:
            label = _("%(province)s: %(value)s, as of %(date)s", province=name, value=value, date=as_of)
        else:
            label = _("%(province)s: %(value)s", province=name, value=value)
        return Cell(code, name, short, url, year, value, self._number_range(lang, f, False, False), midpoint(f),
                    f.value, f.value_high, fill, text_colour(fill), f.unit, as_of,
                    Source(f.source_url, source_host(f.source_url), lang.date(f.source_date)), label,
                    basis=basis_label(f, labels), mark=self._number_range(lang, f, True, False))

    def cells(self, labels: Labels, year: int) -> dict[str, Cell]:
        key = (labels.lang.code, year)
        if key not in self._cells:
            self._cells[key] = {code: self.cell(labels, code, year) for code in self.codes}
        return self._cells[key]

    @staticmethod
    def ranked(cells: dict[str, Cell]) -> list[Cell]:
        """Provinces with a figure, highest first (ranges by their midpoint), then by name."""
        return sorted((c for c in cells.values() if c.mid is not None), key=lambda c: (-c.mid, c.name))

    def summary(self, labels: Labels, year: int, ranked: list[Cell]) -> str:
        """The one-line reading of a year: highest and lowest, and how many provinces have a figure."""
        _ = labels.lang._
        metric = self.metric_name(labels.lang)
        if not ranked:
            return _("No province has a figure for %(year)s.", year=year)
        if len(ranked) == 1:
            return _("Only %(province)s has a figure for %(year)s: %(value)s.", province=ranked[0].name,
                     year=year, value=ranked[0].value)
        return _("Highest %(metric)s: %(high)s (%(high_value)s); lowest: %(low)s (%(low_value)s). "
                 "%(count)s of %(total)s provinces have a figure for %(year)s.",
                 metric=metric.lower() if labels.lang.code == "en" else metric,
                 high=ranked[0].name, high_value=ranked[0].value, low=ranked[-1].name,
                 low_value=ranked[-1].value, count=len(ranked), total=len(self.codes), year=year)

    # --- views ---------------------------------------------------------------------------

    def legend(self, labels: Labels) -> list[dict]:
        """Legend entries, light to dark, then "no figure"; each with its swatch."""
        entries = self.scale.classes(labels.lang)
        entries.append({"label": labels.lang._("No figure (not zero)"), "colour": None, "text": None})
        return [{**e, "swatch": svg.swatch(e["colour"])} for e in entries]

    def year_block(self, labels: Labels, year: int, kind: str, highlight: str | None = None,
                   defs: bool = True) -> dict:
        """A tile map with its summary, table and (on the map page) ranked chart, for one year."""
        lang, _ = labels.lang, labels.lang._
        cells = self.cells(labels, year)
        ranked = self.ranked(cells)
        metric = self.metric_name(lang)
        if kind == "map":
            block_id, heading = f"{ANCHOR[lang.code]}-{year}", _("%(metric)s in %(year)s", metric=metric, year=year)
        elif kind == "home":
            block_id, heading = "peta-cakupan", _("%(metric)s by province, %(year)s", metric=metric, year=year)
        else:
            block_id, heading = "peta-cakupan", _("%(metric)s across provinces, %(year)s", metric=metric, year=year)
        title = _("Tile map of %(metric)s by province, %(year)s: each square is a province, placed roughly "
                  "where it lies. Select one to open its page.", metric=metric.lower(), year=year)
        notes = []
        if highlight:
            here = cells[highlight]
            notes.append(_("%(province)s is outlined in black.", province=here.name))
        rows = [{"rank": i, "cell": c} for i, c in enumerate(ranked, start=1)]
        block = {
            "id": block_id, "kind": kind, "year": year, "heading": heading, "highlight": highlight,
            "summary": self.summary(labels, year, ranked), "notes": notes,
            "tiles": svg.tile_map(cells, f"{block_id}-ubin", title, highlight=highlight, defs=defs,
                                  siteurl=self.siteurl),
            "chart": None, "legend": self.legend(labels) if kind != "map" else None,
            "rows": rows, "metric": metric,
            "caption": _("%(metric)s in %(year)s, highest first", metric=metric, year=year),
            "missing": _("%(count)s of %(total)s provinces have no figure for %(year)s.",
                         count=len(self.codes) - len(ranked), total=len(self.codes), year=year),
            "more": None,
        }
        if kind == "map" and ranked:
            block["chart"] = svg.ranked_chart(
                ranked, f"{block_id}-grafik", _("%(metric)s by province, %(year)s, highest first",
                                                metric=metric, year=year),
                _("Bar chart.") + " " + "; ".join(f"{c.name} {c.value}" for c in ranked) + ".", lang)
        if kind != "map":
            block["more"] = Link(_("The coverage map, every year"), map_url(lang.code))
        return block

    def province_year(self, code: str) -> int | None:
        """The year a province page's tile map shows: the province's latest with a figure, else the latest."""
        own = [y for y in self.years if code in self.latest[y]]
        return own[-1] if own else (self.years[-1] if self.years else None)

    def series(self, labels: Labels, code: str) -> dict | None:
        """The province's chart over time, or None when it has no figure of the metric."""
        lang, _ = labels.lang, labels.lang._
        years = [y for y in self.years if code in self.latest[y]]
        if not years:
            return None
        name = labels.province(code)
        metric = self.metric_name(lang)
        span = list(range(years[0], years[-1] + 1))
        cells = [self.cell(labels, code, y) if y in years else None for y in span]
        points = [c for c in cells if c is not None]
        best = max(points, key=lambda c: (c.mid, c.year))
        if len(points) == 1:
            summary = _("%(metric)s in %(year)s: %(value)s; no other year has a figure yet.",
                        metric=metric, year=best.year, value=best.value)
        elif best is points[-1]:
            summary = _("Latest %(metric)s: %(value)s in %(year)s, the highest so far.",
                        metric=metric.lower() if lang.code == "en" else metric, value=best.value, year=best.year)
        else:
            summary = _("Highest %(metric)s: %(value)s in %(year)s; latest: %(latest)s in %(latest_year)s.",
                        metric=metric.lower() if lang.code == "en" else metric, value=best.value,
                        year=best.year, latest=points[-1].value, latest_year=points[-1].year)
        title = _("%(metric)s in %(province)s by year", metric=metric, province=name)
        none = _("no figure")
        desc = _("Bar chart.") + " " + "; ".join(f"{y}: {c.value if c else none}" for y, c in zip(span, cells)) + "."
        return {"id": "grafik-cakupan", "title": title, "summary": summary, "metric": metric,
                "chart": svg.series_chart(span, cells, "grafik-cakupan", title, desc, lang),
                "rows": points, "caption": _("%(metric)s in %(province)s: the figures in the chart",
                                             metric=metric, province=name)}


def map_url(lang: str) -> str:
    """The map page: 'peta/' or 'en/map/' (the navigation's own entry)."""
    return PLUGIN_PAGES["paritrana_maps"][lang]
