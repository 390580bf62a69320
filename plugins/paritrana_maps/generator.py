"""The maps generator: the map page in both languages, the site's geometry file, the per-language
map scripts and the Leaflet files; and the maps and charts added to the home, province and
kabupaten/kota pages (pages_built), with the shapes of the place pages' share images."""

from __future__ import annotations

import hashlib
import logging
import sys
from pathlib import Path

from markupsafe import escape
from pelican.generators import Generator

from paritrana_core.data import site_data
from paritrana_core.labels import Labels
from paritrana_core.page import Link, Page, link_translations, write_page
from paritrana_core.settings import languages
from paritrana_core.urls import siteurl, url
from paritrana_data.regions import RegionIndex
from paritrana_i18n.catalog import lang_for

from . import svg
from .boundaries import BoundaryError, load_boundaries
from .awardsmap import AwardsMap
from .foliummap import LEAFLET_DIR, build_map
from .model import ANCHOR, MapsModel, basis_anchor, join_names, map_url

BASIS_PARAM = {"id": "dasar", "en": "basis"}  # map page: ?dasar=ucj / ?basis=ucj
from .placemaps import SHARE_SHAPES, PlaceMaps, regency_shapes
from .settings import boundaries_path, capitals_path, regencies_path

MAPS_DIR = "theme/maps"
LEAFLET_FILES = ("leaflet.js", "leaflet.js.map", "leaflet.css", "images/layers.png", "images/layers-2x.png",
                 "images/marker-icon.png", "images/marker-icon-2x.png", "images/marker-shadow.png")
LICENCE = Path(__file__).with_name("LEAFLET-LICENSE.txt")
STATE = "paritrana_maps"
logger = logging.getLogger(__name__)


def model_for(context, settings, index) -> MapsModel:
    """The maps model, built once per build and shared through Pelican's context."""
    if STATE not in context:
        context[STATE] = MapsModel(index, settings)
    return context[STATE]


def place_maps_for(context, settings, index) -> PlaceMaps:
    """The kabupaten/kota shapes (read and checked once per build) and the drawings made from them."""
    key = "paritrana_maps_places"
    if key not in context:
        data = index.data
        shapes, attribution = regency_shapes(regencies_path(settings), RegionIndex(data.provinces, data.regencies))
        context[key] = PlaceMaps(shapes, index, attribution, siteurl(settings))
    return context[key]


def add_page_values(sender, pages, index, settings) -> None:
    """pages_built receiver: on every province page the map of its kabupaten/kota, its tile map
    (that province outlined) and its chart over time; on every regency page its locator map; the
    tile map on the home page."""
    places = place_maps_for(sender.context, settings, index)
    model = model_for(sender.context, settings, index)
    labels = {code: Labels(index, lang_for(settings, code)) for code in languages(settings)}
    for page in pages:
        if page.template == "province":
            page.values["region_map"] = places.province_values(labels[page.lang], page.key[1])
        elif page.template == "regency":
            page.values["locator_map"] = places.regency_values(labels[page.lang], page.key[1])
    if not model.bases:
        return
    for page in pages:
        if page.template == "home":
            page.values["maps_home"] = model.home(labels[page.lang])
        elif page.template == "province":
            code = page.key[1]
            basis, year = model.province_view(code)
            page.values["maps_block"] = model.year_block(labels[page.lang], year, "province", highlight=code,
                                                         basis=basis)
            page.values["maps_series"] = model.series(labels[page.lang], code)


def _hashed(name: str, suffix: str, body: bytes) -> str:
    return f"{MAPS_DIR}/{name}.{hashlib.sha256(body).hexdigest()[:12]}{suffix}"


class MapsGenerator(Generator):
    """Reads and checks the boundary file when created, so a bad file stops the build before any output."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        shared = site_data(self.context, self.settings)
        self.index = shared["index"]
        data = self.index.data
        self.model = model_for(self.context, self.settings, self.index)
        s = self.settings
        self.boundaries = load_boundaries(
            boundaries_path(s), capitals_path(s), self.index.provinces, RegionIndex(data.provinces, data.regencies),
            tolerance=s["PARITRANA_MAPS_SIMPLIFY"], precision=s["PARITRANA_MAPS_PRECISION"],
            min_area=s["PARITRANA_MAPS_MIN_AREA"])
        self.geometry = self.boundaries.geojson()
        limit = s["PARITRANA_MAPS_MAX_GEOMETRY_KB"]
        if len(self.geometry) > limit * 1024:
            raise BoundaryError(f"PARITRANA_MAPS_MAX_GEOMETRY_KB: the simplified province geometry is "
                                f"{len(self.geometry) / 1024:.1f} KB, over {limit} KB; raise "
                                "PARITRANA_MAPS_SIMPLIFY or PARITRANA_MAPS_MIN_AREA")
        self.geometry_path = _hashed("provinces", ".json", self.geometry)
        places = place_maps_for(self.context, s, self.index)  # a bad kabupaten/kota file stops the build here too
        # Before the pages exist (pages_built): the shapes the share images of place pages show.
        self.context[SHARE_SHAPES] = places.share_shapes(self.index.regencies_with_winners())
        self.awards = AwardsMap(self.boundaries.shapes, self.index)
        for note in self.boundaries.notes:  # rules applied to a user's file: said, never silent
            sys.stderr.write(f"paritrana_maps: {note}\n")

    def generate_context(self):
        """Nothing to add to the shared context: the pages come from the data, in generate_output."""

    # --- output ------------------------------------------------------------------------

    def _write(self, relative: str, body: bytes) -> None:
        target = Path(self.output_path) / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body)

    def _copy_leaflet(self) -> None:
        from xstatic.pkg import leaflet

        source = Path(leaflet.BASE_DIR)
        for name in LEAFLET_FILES:
            self._write(f"{LEAFLET_DIR}/{name}", (source / name).read_bytes())
        self._write(f"{LEAFLET_DIR}/LICENSE.txt", LICENCE.read_bytes())

    @staticmethod
    def _tooltip(cell, lang) -> list[str]:
        """Name, value (or "no figure"), basis, unit as reported, date of the figure, flags."""
        _ = lang._
        if cell.value is None:
            return [cell.name, _("No figure for %(year)s", year=cell.year), "", "", ""]
        unit = _("Unit as reported: %(unit)s", unit=cell.unit) if cell.unit else ""
        date = _("As of %(date)s", date=cell.as_of) if cell.as_of else _("Date of the figure not stated")
        return [cell.name, cell.value, cell.basis or "", unit, date] + [f"* {flag}" for flag in cell.flags]

    def _config(self, labels: Labels) -> dict:
        """What theme/static/js/maps.js needs: per basis, year and province the fill and tooltip lines."""
        lang, _ = labels.lang, labels.lang._
        address = siteurl(self.settings)
        model, views, urls = self.model, {}, {}
        for basis, years in model.views.items():
            fills, summaries = {}, {}
            name = model.basis_name(labels, basis)
            for year in years:
                cells = model.cells(labels, year, basis)
                summaries[str(year)] = f"{year}, {name}: " + model.summary(labels, year, model.ranked(cells), basis)
                fills[str(year)] = {code: {"f": c.fill, "t": self._tooltip(c, lang)} for code, c in cells.items()}
                urls = {code: f"{address}/{c.url}" for code, c in cells.items()}
            views[basis] = {"years": fills, "summaries": summaries, "year": str(model.default_year(basis))}
        markers = [{"code": m.code, "lat": m.lat, "lon": m.lon, "label": labels.province(m.code),
                    "side": m.side} for m in self.boundaries.markers.values()]
        west, south, east, north = self.boundaries.bounds()
        return {"root": "peta-interaktif", "status": "peta-status", "param": ANCHOR[lang.code],
                "basisParam": BASIS_PARAM[lang.code], "basis": model.basis,
                "bounds": [[round(south, 3), round(west, 3)], [round(north, 3), round(east, 3)]],
                "geometry": f"{address}/{self.geometry_path}", "views": views, "markers": markers,
                "labelZoom": 4.5, "urls": urls,
                "attribution": str(escape(_("Boundaries: %(source)s", source=self.boundaries.short_attribution))),
                "failed": _("The map could not load the province shapes; the tile maps and tables below "
                            "show every figure.")}

    def _notes(self, labels: Labels) -> dict:
        _ = labels.lang._
        markers = self.boundaries.markers
        marker_note = None
        if markers:
            names = [f"{labels.province(c)} ({self.index.provinces[c].created_year})" for c in sorted(markers)]
            marker_note = _("%(provinces)s are newer than the boundary source, which has no shape for them: "
                            "each is shown as a circle at its capital, inside the shape of the province it was "
                            "formed from, which still covers it.", provinces=join_names(names, labels.lang))
        return {
            "range": _("Where a source gives a range (such as 41–42%), it is shown as a range and coloured "
                       "by its midpoint."),
            "latest": _("For each year the maps show each province's latest figure: the one with the latest "
                        "date it refers to, then the latest publication date."),
            "units": _("Several figures are regional-office aggregates or cover only part of the workforce: "
                       "the tables give each unit as the source reported it."),
            "bases": _("Sources count coverage on different bases (UCJ, a BPJS Ketenagakerjaan office's own "
                       "worker base, Kemnaker's active participants…): figures on different bases do not compare, "
                       "so every map, chart and table shows one basis at a time and names it."),
            "flags": _("* marks a figure for a BPJS Ketenagakerjaan office's whole area rather than the province "
                       "alone (never ranked), or one whose date is not stated; the words under each table say "
                       "which."),
            "markers": marker_note,
            "boundaries": _("Province boundaries: %(source)s, simplified.", source=self.boundaries.attribution),
        }

    def _basis_view(self, labels: Labels, basis: str) -> dict:
        """One basis on the map page: its years, newest first; the default basis drawn (tile maps and
        charts), the others as tables (the interactive map draws them with JavaScript)."""
        model = self.model
        drawn = basis == model.basis
        year = model.default_year(basis)
        blocks = [model.year_block(labels, y, "map", defs=False, basis=basis, drawn=drawn)
                  for y in reversed(model.views[basis])]
        name = model.basis_name(labels, basis)
        first = next(b for b in blocks if b["year"] == year)
        return {"basis": basis, "name": name, "id": basis_anchor(basis), "drawn": drawn,
                "year": str(year), "years": [str(y) for y in model.views[basis]], "blocks": blocks,
                "summary": f"{year}, {name}: " + first["summary"]}

    def map_pages(self) -> list[tuple[Page, str, dict]]:
        """(page, script path, script body) for every language."""
        out = []
        address = siteurl(self.settings)
        langs = languages(self.settings)
        for code in langs:
            labels = Labels(self.index, lang_for(self.settings, code))
            _ = labels.lang._
            rendered, script, script_path = None, b"", None
            if self.model.bases:
                rendered = build_map(self._config(labels), siteurl=address, bounds=self.boundaries.bounds(),
                                     tiles=self.settings["PARITRANA_MAPS_TILES"])
                script = rendered.code.encode("utf-8")
                script_path = _hashed(f"map-{code}", ".js", script)
            model = self.model
            views = [self._basis_view(labels, basis) for basis in model.bases]
            metric = model.metric_name(labels.lang)
            default = views[0] if views else None
            values = {
                "map": rendered, "map_script": f"{address}/{script_path}" if script_path else None,
                "param": ANCHOR[code], "basis_param": BASIS_PARAM[code], "bases": views,
                "default_basis": model.basis, "year_choices": [str(y) for y in reversed(model.years)],
                "latest_year": default["year"] if default else None,
                "latest_summary": default["summary"] if default else None,
                "legend": model.legend(labels), "defs": svg.defs_svg(), "notes": self._notes(labels),
                "metric": metric, "awards": self.awards.values(labels, address),
            }
            page = Page(("map",), code, map_url(code), "map", _("Coverage map"),
                        _("BPJS Ketenagakerjaan coverage of workers in every province, by year: a map, charts "
                          "and tables, with the source of every figure."),
                        [Link(_("Home"), url("home", code))], values)
            out.append((page, script_path, script))
        link_translations([page for page, _path, _script in out], langs)
        return out

    def generate_output(self, writer):
        """Leaflet and the geometry, then the map page of each language (with no figure for the
        metric yet, the page says so: the menu links to it either way)."""
        self._copy_leaflet()
        self._write(self.geometry_path, self.geometry)
        for page, script_path, script in self.map_pages():
            if script_path:
                self._write(script_path, script)
            write_page(writer, self, page)
