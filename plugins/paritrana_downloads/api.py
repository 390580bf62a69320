"""The static JSON API under PARITRANA_DOWNLOADS_API_DIR: one document per edition, province and regency,
lists of each, categories, coverage and an index. Row lists are documents.Rows, spliced in when written."""

from __future__ import annotations

from paritrana_core.settings import LANGUAGES, site_name
from paritrana_core.urls import absolute, category_url, edition_url, province_url, regency_url

from .documents import Rows
from .paths import SLICE_FORMATS
from .tables import _

LICENCES = {
    "CC-BY-4.0": {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 International",
                  "path": "https://creativecommons.org/licenses/by/4.0/"},
    "ODbL-1.0": {"name": "ODbL-1.0", "title": "Open Data Commons Open Database License 1.0",
                 "path": "https://opendatacommons.org/licenses/odbl/1-0/"},
}
IDN_AREA_DATA = "https://github.com/fityannugroho/idn-area-data"
# Where the bundled boundaries come from (data/boundaries/PROVENANCE.md).
BOUNDARIES_SOURCE = "https://github.com/ardian28/GeoJson-Indonesia-38-Provinsi"
MEDIA_TYPES = {"csv": "text/csv", "json": "application/json",
               "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
LICENCE_NOTE = ("Compiled data: CC BY 4.0, credit \"Arsip Paritrana Award\" and cite each row's source. "
                "Region codes and names (province_code, province, regency_code, regency, scope_province_code, "
                "scope_province): idn-area-data, ODbL 1.0, credit \"idn-area-data (ODbL)\".")

# The API's documents (name under the API folder, without .json) and what each returns, for its index and the
# data page; `{year}`, `{slug}` and `{code}` stand for one document per edition, province or regency.
ENDPOINTS = (
    ("index", _("This list of endpoints, the data version and the licences.")),
    ("editions", _("Every edition: number, national ceremony, year labels used by sources and number of known "
                   "winners.")),
    ("editions/{year}", _("One edition and all its known winners; undated.json holds the results whose sources "
                          "state no edition year.")),
    ("provinces", _("All 38 provinces: codes, names in both languages and numbers of awards and figures.")),
    ("provinces/{slug}", _("One province: awards located there or given in its provincial round, coverage "
                           "figures, and regencies and cities with a winner.")),
    ("regencies", _("Every regency and city with at least one known winner.")),
    ("regencies/{code}", _("One regency or city (Kemendagri code such as 33.72) and every award won there.")),
    ("categories", _("Award categories with their official names over the editions, zones and sectors.")),
    ("coverage", _("Every coverage figure with its unit, date and source.")),
)


class Api:
    """The API's documents, from a bundle's index, settings and paths and the tables' encoded rows."""

    def __init__(self, bundle, tables=None, texts=None, digests=None):
        self.index, self.settings, self.paths = bundle.index, bundle.settings, bundle.paths
        self.bundle, self.tables = bundle, tables
        self.texts, self.digests = texts or {}, digests or {}
        self.position = {id(r): i for kind in ("winners", "coverage") for i, r in enumerate(getattr(tables, kind, []))}

    def rows(self, kind: str, rows: list) -> Rows:
        """A row list of a document: the rows' places in their table."""
        return Rows(self.texts[kind], self.digests[kind], [self.position[id(r)] for r in rows])

    def _link(self, path: str) -> str:
        return absolute(self.settings, path)

    def _pages(self, make) -> dict:
        return {lang: self._link(make(lang)) for lang in LANGUAGES}

    def _downloads_of(self, base: str) -> dict:
        return {fmt: self._link(f"{base}.{fmt}") for fmt in SLICE_FORMATS}

    def endpoint_path(self, name: str) -> str:
        return f"{self.paths.api}/{name}.json"

    def documents(self) -> dict[str, dict]:
        p, t, index, meta = self.paths, self.tables, self.index, self.bundle.meta()
        docs = {}
        editions = []
        for edition in sorted(index.editions.values(), key=lambda e: e.year):
            rows = t.winners_of_edition(edition.year)
            entry = {
                "edition": edition.year, "number": edition.number, "labels": list(edition.labels),
                "national_name": edition.national_name or None,
                "national_name_source_url": edition.national_name_source_url,
                "national_ceremony": edition.national_ceremony.isoformat() if edition.national_ceremony else None,
                "national_ceremony_place": edition.national_ceremony_place or None,
                "national_source_url": edition.national_source_url, "note_id": edition.note_id or None,
                "note_en": edition.note_en or None, "winners": len(rows),
                "national_winners": sum(r["level"] == "nasional" for r in rows),
                "provincial_winners": sum(r["level"] == "provinsi" for r in rows),
                "api": self._link(p.api_edition(edition.year)),
                "pages": self._pages(lambda lang, y=edition.year: edition_url(lang, y)),
                "downloads": self._downloads_of(p.edition(edition.year)),
                "national_downloads": self._downloads_of(p.edition_national(edition.year))}
            editions.append(entry)
            docs[p.api_edition(edition.year)] = {**meta, "edition": entry, "count": len(rows),
                                                 "winners": self.rows("winners", rows)}
        undated = None
        if index.by_edition.get(None):
            rows = t.winners_of_edition(None)
            undated = {"edition": None, "winners": len(rows), "api": self._link(p.api_edition(None)),
                       "pages": self._pages(lambda lang: edition_url(lang, None)),
                       "downloads": self._downloads_of(p.edition(None))}
            docs[p.api_edition(None)] = {**meta, "edition": undated, "count": len(rows),
                                         "winners": self.rows("winners", rows)}
        docs[self.endpoint_path("editions")] = {**meta, "count": len(editions), "editions": editions,
                                                "undated": undated}

        provinces = []
        for code in sorted(index.provinces):
            province = index.provinces[code]
            rows, figures = t.winners_of_province(code), t.coverage_of_province(code)
            entry = {"code": code, "name": province.name, "name_en": province.name_en,
                     "iso_code": province.iso_code, "slug": province.slug, "parent_code": province.parent_code,
                     "created_year": province.created_year, "capital_code": province.capital_code,
                     "winners": len(rows), "located_winners": len(index.by_province.get(code, [])),
                     "coverage_figures": len(figures), "api": self._link(p.api_province(province.slug)),
                     "pages": self._pages(lambda lang, c=code: province_url(index, lang, c)),
                     "downloads": self._downloads_of(p.province(province.slug))}
            provinces.append(entry)
            docs[p.api_province(province.slug)] = {
                **meta, "province": entry, "count": len(rows), "winners": self.rows("winners", rows),
                "coverage": self.rows("coverage", figures),
                "regencies": [self._regency_entry(r) for r in index.regencies_with_winners(code)]}
        docs[self.endpoint_path("provinces")] = {**meta, "count": len(provinces), "provinces": provinces}

        regencies = []
        for code in sorted(index.regencies_with_winners()):
            entry = self._regency_entry(code)
            regencies.append(entry)
            rows = t.winners_of_regency(code)
            docs[p.api_regency(code)] = {**meta, "regency": entry, "count": len(rows),
                                         "winners": self.rows("winners", rows)}
        docs[self.endpoint_path("regencies")] = {**meta, "count": len(regencies), "regencies": regencies}

        categories = [{
            "slug": c.slug, "group": c.group, "label_id": c.label_id, "label_en": c.label_en,
            "first_edition": c.first_edition, "last_edition": c.last_edition,
            "description_id": c.description_id, "description_en": c.description_en,
            "names": [{"first_edition": n.first_edition, "last_edition": n.last_edition, "name_id": n.name_id,
                       "name_en": n.name_en} for n in c.names],
            "winners": len(index.by_category.get(c.slug, [])),
            "pages": self._pages(lambda lang, s=c.slug: category_url(lang, s))} for c in index.data.categories]
        vocab = [{"slug": v.slug, "label_id": v.label_id, "label_en": v.label_en}
                 for v in index.data.zones]
        sectors = [{"slug": v.slug, "label_id": v.label_id, "label_en": v.label_en}
                   for v in index.data.sectors]
        docs[self.endpoint_path("categories")] = {**meta, "count": len(categories), "categories": categories,
                                                  "zones": vocab, "sectors": sectors}
        docs[self.endpoint_path("coverage")] = {**meta, "count": len(t.coverage),
                                                "coverage": self.rows("coverage", t.coverage)}
        docs[self.endpoint_path("index")] = {
            **meta, "name": f"{site_name(self.settings)} API", "version": "v1",
            "licenses": [dict(LICENCES["CC-BY-4.0"], scope="compiled data"),
                                dict(LICENCES["ODbL-1.0"], scope="region codes and names (idn-area-data)")],
            "endpoints": [{"path": self._link(self.endpoint_path(name)), "description": text,
                           "example": self._link(self.endpoint_path(self.example_name(name)))}
                          for name, text in ENDPOINTS],
            "datapackage": self._link(self.paths.datapackage),
            "downloads": {d.key: self._downloads_of(d.base) for d in self.bundle.downloads}}
        return dict(sorted(docs.items()))

    def example_name(self, name: str) -> str:
        """A real document for a path pattern: editions/{year} -> editions/2024."""
        index = self.index
        years = index.editions_with_winners()
        regencies = index.regencies_with_winners()
        province = next((index.provinces[c] for c in sorted(index.provinces) if index.by_province.get(c)),
                        index.provinces[sorted(index.provinces)[0]])
        return (name.replace("{year}", str(years[0]) if years else str(max(index.editions)))
                .replace("{slug}", province.slug)
                .replace("{code}", regencies[0] if regencies else "00.00"))

    def _regency_entry(self, code: str) -> dict:
        index, regency = self.index, self.index.regencies[code]
        return {"code": code, "name": regency.name, "kind": regency.kind, "slug": regency.slug,
                "province_code": regency.province_code, "province": index.provinces[regency.province_code].name,
                "winners": len(index.by_regency.get(code, [])), "api": self._link(self.paths.api_regency(code)),
                "pages": self._pages(lambda lang: regency_url(index, lang, code))}
