"""Everything this plugin writes besides the data page: downloads, the JSON API and datapackage.json.

All bytes are made in memory first (the data page shows their sizes), from the dataset alone plus the
data version, so two builds of the same data give the same files.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from paritrana_pages.rows import category_url, province_url, regency_url
from paritrana_pages.urls import edition_url

from .paths import FORMATS, Paths, data_page, site_link, site_name
from .tables import COVERAGE_COLUMNS, WINNER_COLUMNS, Tables, _, json_row
from .writers import csv_bytes, json_bytes, rows_document, xlsx_bytes

LICENCES = {
    "CC-BY-4.0": {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 International",
                  "path": "https://creativecommons.org/licenses/by/4.0/"},
    "ODbL-1.0": {"name": "ODbL-1.0", "title": "Open Data Commons Open Database License 1.0",
                 "path": "https://opendatacommons.org/licenses/odbl/1-0/"},
}
IDN_AREA_DATA = "https://github.com/fityannugroho/idn-area-data"
NATURAL_EARTH = "https://www.naturalearthdata.com/about/terms-of-use/"
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


@dataclass
class Download:
    """One table offered in three formats."""

    key: str          # 'winners', 'coverage', 'edition-2023', 'province-jawa-timur'
    kind: str         # 'winners' or 'coverage'
    base: str         # path without extension
    title: str        # English, for the data package and the workbook
    rows: list
    files: dict = field(default_factory=dict)  # format -> bytes

    @property
    def columns(self):
        return WINNER_COLUMNS if self.kind == "winners" else COVERAGE_COLUMNS

    def path(self, fmt: str) -> str:
        return f"{self.base}.{fmt}"

    @property
    def name(self) -> str:
        """Frictionless resource name of the CSV, e.g. 'tahun-2023'."""
        return self.base.split("/", 1)[1].replace("/", "-")


class Bundle:
    """The tables, the files made from them and the documents describing them."""

    def __init__(self, index, settings, version):
        self.index, self.settings, self.version = index, settings, version
        self.paths = Paths(settings)
        self.tables = Tables(index)
        self.downloads = self._downloads()
        self.files: dict[str, bytes] = {}
        for download in self.downloads:
            self._render(download)
        self.api = self._api()
        self.files.update({path: json_bytes(doc) for path, doc in self.api.items()})
        self.files[self.paths.datapackage] = json_bytes(self._datapackage())

    # --- the tables -----------------------------------------------------------------------------

    def _downloads(self) -> list[Download]:
        p, t, index = self.paths, self.tables, self.index
        found = [Download("winners", "winners", p.all_winners(), "Paritrana Award winners, all editions", t.winners),
                 Download("coverage", "coverage", p.coverage(), "BPJS Ketenagakerjaan coverage figures by province",
                          t.coverage)]
        years = sorted(index.editions) + ([None] if index.by_edition.get(None) else [])
        for year in years:
            title = f"Paritrana Award {year} winners" if year is not None else \
                "Paritrana Award results without an edition year"
            found.append(Download(f"edition-{year if year is not None else 'undated'}", "winners", p.edition(year),
                                  title, t.winners_of_edition(year)))
        for code in sorted(index.provinces):
            province = index.provinces[code]
            found.append(Download(f"province-{province.slug}", "winners", p.province(province.slug),
                                  f"Paritrana Award winners in {province.name} and its provincial round",
                                  t.winners_of_province(code)))
        return found

    def meta(self) -> dict:
        """What every JSON file says about itself."""
        return {"data_version": {"digest": self.version.digest,
                                 "date": self.version.date.isoformat() if self.version.date else None},
                "license": LICENCE_NOTE, "documentation": site_link(self.settings, data_page("en"))}

    def _about(self, download: Download) -> list[tuple[str, str]]:
        """The workbook's 'about' sheet (English; the data page explains it in both languages)."""
        lines = [("title", download.title), ("rows", str(len(download.rows))),
                 ("data version", self.version.digest),
                 ("date", self.version.date.isoformat() if self.version.date else ""),
                 ("licence", LICENCE_NOTE),
                 ("documentation", site_link(self.settings, data_page("en")) + " and "
                  + site_link(self.settings, data_page("id"))),
                 ("", "")]
        lines += [(c.name, f"{c.type}: {c.description}") for c in download.columns]
        return lines

    def _render(self, d: Download) -> None:
        d.files["csv"] = csv_bytes(d.columns, d.rows)
        d.files["xlsx"] = xlsx_bytes(d.columns, d.rows, self._about(d), self.version.timestamp, d.title,
                                  site_name(self.settings))
        d.files["json"] = json_bytes(rows_document(d.columns, d.rows, {"title": d.title, **self.meta()}))
        for fmt in FORMATS:
            self.files[d.path(fmt)] = d.files[fmt]

    # --- the API --------------------------------------------------------------------------------

    def _link(self, path: str) -> str:
        return site_link(self.settings, path)

    def _pages(self, make) -> dict:
        return {lang: self._link(make(lang)) for lang in ("id", "en")}

    def _downloads_of(self, base: str) -> dict:
        return {fmt: self._link(f"{base}.{fmt}") for fmt in FORMATS}

    def endpoint_path(self, name: str) -> str:
        return f"{self.paths.api}/{name}.json"

    def _api(self) -> dict[str, dict]:
        p, t, index, meta = self.paths, self.tables, self.index, self.meta()
        docs = {}
        editions = []
        for edition in sorted(index.editions.values(), key=lambda e: e.year):
            rows = t.winners_of_edition(edition.year)
            entry = {
                "edition": edition.year, "number": edition.number, "labels": list(edition.labels),
                "national_ceremony": edition.national_ceremony.isoformat() if edition.national_ceremony else None,
                "national_ceremony_place": edition.national_ceremony_place or None,
                "national_source_url": edition.national_source_url, "note_id": edition.note_id or None,
                "note_en": edition.note_en or None, "winners": len(rows),
                "national_winners": sum(r["level"] == "nasional" for r in rows),
                "provincial_winners": sum(r["level"] == "provinsi" for r in rows),
                "api": self._link(p.api_edition(edition.year)),
                "pages": self._pages(lambda lang, y=edition.year: edition_url(lang, y)),
                "downloads": self._downloads_of(p.edition(edition.year))}
            editions.append(entry)
            docs[p.api_edition(edition.year)] = {**meta, "edition": entry, "count": len(rows),
                                                 "winners": [json_row(r) for r in rows]}
        undated = None
        if index.by_edition.get(None):
            rows = t.winners_of_edition(None)
            undated = {"edition": None, "winners": len(rows), "api": self._link(p.api_edition(None)),
                       "pages": self._pages(lambda lang: edition_url(lang, None)),
                       "downloads": self._downloads_of(p.edition(None))}
            docs[p.api_edition(None)] = {**meta, "edition": undated, "count": len(rows),
                                         "winners": [json_row(r) for r in rows]}
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
                **meta, "province": entry, "count": len(rows), "winners": [json_row(r) for r in rows],
                "coverage": [json_row(r) for r in figures],
                "regencies": [self._regency_entry(r) for r in index.regencies_with_winners(code)]}
        docs[self.endpoint_path("provinces")] = {**meta, "count": len(provinces), "provinces": provinces}

        regencies = []
        for code in sorted(index.regencies_with_winners()):
            entry = self._regency_entry(code)
            regencies.append(entry)
            rows = t.winners_of_regency(code)
            docs[p.api_regency(code)] = {**meta, "regency": entry, "count": len(rows),
                                         "winners": [json_row(r) for r in rows]}
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
                                                "coverage": [json_row(r) for r in t.coverage]}
        docs[self.endpoint_path("index")] = {
            **meta, "name": f"{site_name(self.settings)} API", "version": "v1",
            "licenses": [dict(LICENCES["CC-BY-4.0"], scope="compiled data"),
                                dict(LICENCES["ODbL-1.0"], scope="region codes and names (idn-area-data)")],
            "endpoints": [{"path": self._link(self.endpoint_path(name)), "description": text,
                           "example": self._link(self.endpoint_path(self.example_name(name)))}
                          for name, text in ENDPOINTS],
            "datapackage": self._link(self.paths.datapackage),
            "downloads": {d.key: self._downloads_of(d.base) for d in self.downloads}}
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

    # --- the data package -----------------------------------------------------------------------

    def _schema(self, columns) -> dict:
        fields = []
        for c in columns:
            spec = {"name": c.name, "type": c.type, "description": c.description}
            if c.format != "default":
                spec["format"] = c.format
            if c.constraints:
                spec["constraints"] = dict(c.constraints)
            fields.append(spec)
        return {"fields": fields, "primaryKey": ["id"], "missingValues": [""]}

    def _datapackage(self) -> dict:
        version = self.version
        resources = []
        for d in self.downloads:
            common = {"title": d.title}  # the package's licences apply to every resource
            data = d.files["csv"]
            resources.append({
                **common, "name": d.name, "path": d.path("csv"), "profile": "tabular-data-resource",
                "format": "csv", "mediatype": MEDIA_TYPES["csv"], "encoding": "utf-8-sig",
                "bytes": len(data), "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
                "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": "\"", "doubleQuote": True,
                            "header": True},
                "description": f"{len(d.rows)} rows. Text cells that begin with =, +, -, @, a tab or a line break "
                               "carry a leading apostrophe so that spreadsheets do not run them as formulas.",
                "schema": self._schema(d.columns)})
            data = d.files["xlsx"]
            resources.append({
                **common, "name": f"{d.name}-xlsx", "path": d.path("xlsx"), "profile": "tabular-data-resource",
                "format": "xlsx", "mediatype": MEDIA_TYPES["xlsx"], "bytes": len(data),
                "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
                "description": f"The rows of {d.path('csv')} on the first sheet, 'data' (text kept as text, no "
                               "apostrophes added); notes on the sheet 'about'.",
                "schema": self._schema(d.columns)})
            data = d.files["json"]
            resources.append({
                **common, "name": f"{d.name}-json", "path": d.path("json"), "profile": "data-resource",
                "format": "json", "mediatype": MEDIA_TYPES["json"], "encoding": "utf-8", "bytes": len(data),
                "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
                "description": f"The rows of {d.path('csv')} as objects under 'rows' (column order under "
                               "'columns'), with the data version and licences."})
        package = {
            "profile": "data-package", "name": "arsip-paritrana-award",
            "title": f"{site_name(self.settings)}: Paritrana Award winners and coverage figures",
            "description": ("Every known winner of the Paritrana Award (Penghargaan Jaminan Sosial "
                            "Ketenagakerjaan) since the 2017 edition, national and provincial, and provincial "
                            "BPJS Ketenagakerjaan coverage figures, each row with its public source. "
                            "Compiled independently; not an official publication."),
            "version": version.digest,
            "keywords": ["Paritrana Award", "BPJS Ketenagakerjaan", "jaminan sosial ketenagakerjaan", "Indonesia"],
            "licenses": [LICENCES["CC-BY-4.0"], LICENCES["ODbL-1.0"]],
            "sources": [{"title": "Public news reports and government websites (each row's source_url)"},
                        {"title": "idn-area-data 4.0.1 (region codes and names, ODbL 1.0)", "path": IDN_AREA_DATA}],
            "contributors": [{"title": site_name(self.settings), "role": "author"}],
            "resources": resources,
        }
        if self.settings.get("SITEURL"):  # both must be full URLs, so only on the public site
            package["id"] = self._link(self.paths.datapackage)
            package["homepage"] = self._link(data_page("en"))
        if version.date:
            package["created"] = version.date.isoformat() + "T00:00:00Z"
        return package
