"""What the maps and charts show: for the chosen metric, one basis at a time, the latest figure of
every province in every year, its colour, its flags and display-ready text in the page's language."""

from __future__ import annotations

from dataclasses import dataclass

from paritrana_core.labels import Labels, Source, basis_label, source_host
from paritrana_core.page import Link
from paritrana_core.urls import province_url, siteurl

from . import svg
from .bases import default_year, figure_order, is_ranked, is_regional, latest_by_basis
from .scale import HATCH_ID, NO_DATA, Scale, text_colour
from .series import series as province_series
from .tilegrid import check_layout

MAP_URLS = {"id": "peta/", "en": "en/map/"}

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
    basis_code: str | None = None  # ucj, bpjs_office … (bases.BASES)
    flags: tuple[str, ...] = ()    # in words: an office's area, no date of the figure or of its source
    regional: bool = False         # for an office's working area, not the province alone


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
        self.views = latest_by_basis(index.data.coverage, self.metric)  # {basis: {year: {code: figure}}}
        self.bases = list(self.views)
        self.basis = self.bases[0] if self.bases else None  # the default: the basis with most provinces
        self.years = sorted({y for years in self.views.values() for y in years})
        self.codes = sorted(index.provinces)
        self.siteurl = siteurl(settings)
        self._cells: dict[tuple, dict[str, Cell]] = {}  # every province page shows the same view's cells
        check_layout(self.codes)

    def default_year(self, basis: str) -> int:
        return default_year(self.views[basis])

    # --- words ---------------------------------------------------------------------------

    def metric_name(self, lang) -> str:
        _ = lang._
        return {"coverage_pct": _("Coverage"), "formal_pct": _("Formal workers covered"),
                "informal_pct": _("Informal workers covered"), "target_pct": _("Coverage target")}[self.metric]

    def basis_name(self, labels: Labels, basis: str) -> str:
        return basis_label(_Basis(basis), labels)

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

    @staticmethod
    def flags(f, lang) -> tuple[str, ...]:
        """What a reader must know before comparing the figure, in words."""
        _ = lang._
        out = []
        if is_regional(f):
            out.append(_("for a BPJS Ketenagakerjaan office's whole area, not the province alone"))
        if f.source_date is None:  # undated (coverage_notes.md): the source gives no date
            out.append(_("source not dated") if f.as_of else _("not dated: neither the figure nor its source "
                                                                "gives a date"))
        return tuple(out)

    # --- cells ---------------------------------------------------------------------------

    def cell(self, labels: Labels, code: str, year: int, basis: str | None = None) -> Cell:
        lang, _ = labels.lang, labels.lang._
        basis = basis or self.basis
        province = self.index.provinces[code]
        name = labels.province(code)
        f = self.views.get(basis, {}).get(year, {}).get(code)
        url = province_url(self.index, lang.code, code)
        short = province.iso_code.split("-")[-1]
        if f is None:
            return Cell(code, name, short, url, year, None, None, None, None, None, f"url(#{HATCH_ID})",
                        text_colour(NO_DATA), None, None, None,
                        _("%(province)s: no figure for %(year)s", province=name, year=year), basis_code=basis)
        value = self._number_range(lang, f, True)
        fill = self.scale.colour(midpoint(f))
        as_of = lang.partial_date(f.as_of)
        if as_of:
            label = _("%(province)s: %(value)s, as of %(date)s", province=name, value=value, date=as_of)
        else:
            label = _("%(province)s: %(value)s", province=name, value=value)
        flags = self.flags(f, lang)
        if flags:
            label += " (" + "; ".join(flags) + ")"
        tile_value = self._number_range(lang, f, False, False) + ("*" if flags else "")
        return Cell(code, name, short, url, year, value, tile_value, midpoint(f),
                    f.value, f.value_high, fill, text_colour(fill), f.unit, as_of,
                    Source(f.source_url, source_host(f.source_url), lang.date(f.source_date)), label,
                    basis=basis_label(f, labels), mark=self._number_range(lang, f, True, False) + ("*" if flags else ""),
                    basis_code=basis, flags=flags, regional=is_regional(f))

    def cells(self, labels: Labels, year: int, basis: str | None = None) -> dict[str, Cell]:
        basis = basis or self.basis
        key = (labels.lang.code, basis, year)
        if key not in self._cells:
            self._cells[key] = {code: self.cell(labels, code, year, basis) for code in self.codes}
        return self._cells[key]

    @staticmethod
    def ranked(cells: dict[str, Cell]) -> list[Cell]:
        """Provinces with a figure, highest first (ranges by their midpoint), then by name; where the
        basis is not stated, by name only (such figures are not ranked)."""
        found = [c for c in cells.values() if c.mid is not None]
        if found and not is_ranked(found[0].basis_code):
            return sorted(found, key=lambda c: c.name)
        return sorted(found, key=lambda c: (-c.mid, c.name))

    def summary(self, labels: Labels, year: int, ranked: list[Cell], basis: str | None = None) -> str:
        """The one-line reading of a basis in a year: highest and lowest of the provinces' own figures
        (never an office's area), and how many provinces have a figure."""
        _ = labels.lang._
        basis = basis or self.basis
        metric = self.metric_name(labels.lang)
        if not ranked:
            return _("No province has a figure for %(year)s.", year=year)
        if len(ranked) == 1:
            return _("Only %(province)s has a figure for %(year)s: %(value)s.", province=ranked[0].name,
                     year=year, value=ranked[0].value)
        if not is_ranked(basis):
            return _("%(count)s of %(total)s provinces have a figure for %(year)s whose source does not say "
                     "what it is counted on: each may be counted differently, so they are not ranked.",
                     count=len(ranked), total=len(self.codes), year=year)
        own = [c for c in ranked if not c.regional]
        if len(own) < 2:
            return _("%(count)s of %(total)s provinces have a figure for %(year)s.", count=len(ranked),
                     total=len(self.codes), year=year)
        return _("Highest %(metric)s: %(high)s (%(high_value)s); lowest: %(low)s (%(low_value)s). "
                 "%(count)s of %(total)s provinces have a figure for %(year)s.",
                 metric=metric.lower() if labels.lang.code == "en" else metric,
                 high=own[0].name, high_value=own[0].value, low=own[-1].name,
                 low_value=own[-1].value, count=len(ranked), total=len(self.codes), year=year)

    def rows(self, ranked: list[Cell]) -> list[dict]:
        """Table rows: a rank only among the provinces' own figures of a ranked basis."""
        rows, rank = [], 0
        for c in ranked:
            ranks = is_ranked(c.basis_code) and not c.regional
            rank += ranks
            rows.append({"rank": rank if ranks else None, "cell": c})
        return rows

    # --- views ---------------------------------------------------------------------------

    def legend(self, labels: Labels) -> list[dict]:
        """Legend entries, light to dark, then "no figure"; each with its swatch."""
        entries = self.scale.classes(labels.lang)
        entries.append({"label": labels.lang._("No figure (not zero)"), "colour": None, "text": None})
        return [{**e, "swatch": svg.swatch(e["colour"])} for e in entries]

    def block_id(self, lang_code: str, basis: str, year: int) -> str:
        """The map page's anchor of a view: '#tahun-2025' for the default basis, '#tahun-2025-ucj' else."""
        tail = "" if basis == self.basis else "-" + basis.replace("_", "-")
        return f"{ANCHOR[lang_code]}-{year}{tail}"

    def year_block(self, labels: Labels, year: int, kind: str, highlight: str | None = None,
                   defs: bool = True, basis: str | None = None, drawn: bool = True) -> dict:
        """A tile map with its summary, table and (on the map page) ranked chart, for one basis and
        one year; `drawn=False` gives the table alone."""
        lang, _ = labels.lang, labels.lang._
        basis = basis or self.basis
        cells = self.cells(labels, year, basis)
        ranked = self.ranked(cells)
        metric = self.metric_name(lang)
        basis_name = self.basis_name(labels, basis)
        if kind == "map":
            block_id, heading = self.block_id(lang.code, basis, year), _("%(metric)s in %(year)s", metric=metric,
                                                                           year=year)
        else:
            block_id, heading = "peta-cakupan", _("%(metric)s across provinces, %(year)s", metric=metric, year=year)
        title = _("Tile map of %(metric)s by province, %(year)s: each square is a province, placed roughly "
                  "where it lies. Select one to open its page.", metric=metric.lower(), year=year)
        notes = [_("Counted on: %(basis)s. Figures counted on other bases are not shown here.", basis=basis_name)]
        if highlight:
            notes.append(_("%(province)s is outlined in black.", province=cells[highlight].name))
        flagged = [c for c in ranked if c.flags]
        # On the map page a year's section is named by its basis's heading and its own: unique names.
        labelled = (f"{basis_anchor(basis)}-judul " if kind == "map" else "") + f"{block_id}-judul"
        block = {
            "id": block_id, "kind": kind, "year": year, "heading": heading, "highlight": highlight,
            "labelled": labelled,
            "basis": basis, "basis_name": basis_name, "ranks": is_ranked(basis),
            "summary": self.summary(labels, year, ranked, basis), "notes": notes,
            "flagged": [{"cell": c, "text": "; ".join(c.flags)} for c in flagged],
            "tiles": svg.tile_map(cells, f"{block_id}-ubin", title, highlight=highlight, defs=defs,
                                  siteurl=self.siteurl, key=_("What the codes on the tiles stand for"))
            if drawn else None,
            "chart": None, "legend": self.legend(labels) if kind != "map" and drawn else None,
            "rows": self.rows(ranked), "metric": metric,
            "caption": (_("%(metric)s in %(year)s, highest first", metric=metric, year=year) if is_ranked(basis)
                        else _("%(metric)s in %(year)s, by province name", metric=metric, year=year))
            + " (" + basis_name + ")",
            "missing": _("%(count)s of %(total)s provinces have no figure for %(year)s.",
                         count=len(self.codes) - len(ranked), total=len(self.codes), year=year),
            "more": None,
        }
        if kind == "map" and ranked and drawn and is_ranked(basis):
            block["chart"] = svg.ranked_chart(
                ranked, f"{block_id}-grafik", _("%(metric)s by province, %(year)s, highest first",
                                                metric=metric, year=year) + " (" + basis_name + ")",
                _("Bar chart.") + " " + "; ".join(f"{c.name} {c.value}" + (f" ({'; '.join(c.flags)})" if c.flags
                                                                             else "") for c in ranked) + ".", lang)
        if kind != "map":
            block["more"] = Link(_("The coverage map, every year"), map_url(lang.code))
        return block

    def province_view(self, code: str) -> tuple[str, int] | None:
        """The basis and year a province page's tile map shows: those of the province's latest figure,
        else the default view."""
        own = [f for f in self.index.data.coverage if f.metric == self.metric and f.province == code]
        if own:
            f = max(own, key=figure_order)
            return f.basis, f.year
        return (self.basis, self.default_year(self.basis)) if self.basis else None

    def home(self, labels: Labels) -> dict | None:
        """The home page's coverage section: one sentence and the way to the map."""
        _ = labels.lang._
        provinces = {f.province for f in self.index.data.coverage if f.metric == self.metric}
        if not provinces:
            return None
        return {"text": _("Public sources give %(metric)s figures for %(count)s of %(total)s provinces, counted on "
                          "%(bases)s bases that do not compare; the map shows one basis at a time.",
                          metric=self.metric_name(labels.lang).lower(), count=len(provinces),
                          total=len(self.codes), bases=len(self.bases)),
                "link": Link(_("The coverage map, every year"), map_url(labels.lang.code))}

    def series(self, labels: Labels, code: str) -> dict | None:
        """The province's chart over time on one basis (series.py)."""
        return province_series(self, labels, code)


class _Basis:
    """Enough of a figure for basis_label."""

    def __init__(self, basis: str):
        self.basis = basis


def basis_anchor(basis: str) -> str:
    """The map page's section of a basis: 'dasar-bpjs-office'."""
    return "dasar-" + basis.replace("_", "-")


def map_url(lang: str) -> str:
    """The map page: 'peta/' or 'en/map/'."""
    return MAP_URLS[lang]
