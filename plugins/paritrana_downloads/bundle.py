"""Everything this plugin writes besides the data page: downloads, the JSON API and datapackage.json.

Files are rendered into the cache (store.py) in generate_context, named by the hash of their inputs, and
only placed into the output by generate_output. A build whose inputs match a manifest in the cache takes
every file from it without reading a row; otherwise each row is encoded once and only files whose key is
not cached are rendered. The data page reads sizes and counts from here.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from dataclasses import dataclass, field

from paritrana_core.settings import site_name
from paritrana_core.urls import absolute
from paritrana_i18n.catalog import lang_for

from . import render
from .api import LICENCE_NOTE, Api
from .documents import outline
from .encode import digests, json_texts
from .keys import build_key, file_key
from .package import datapackage
from .paths import Paths, data_page, formats_of
from .store import Store
from .tables import COVERAGE_COLUMNS, WINNER_COLUMNS, Tables, json_row
from .writers import json_bytes

DEFAULT_THEME = str(Path(__file__).resolve().parent.parent.parent / "theme")  # pelicanconf's THEME


@dataclass
class Download:
    """One table offered in three formats."""

    key: str          # 'winners', 'coverage', 'edition-2023', 'national-2023', 'province-jawa-timur',
                      # 'coverage-jawa-timur', 'category-umkm'
    kind: str         # 'winners' or 'coverage'
    base: str         # path without extension
    title: str        # English, for the data package and the workbook
    rows: list | None = None  # its rows (None when the build came from a manifest)
    title_id: str = ""  # Indonesian, for the workbook's 'about' sheet
    count: int = 0
    files: dict = field(default_factory=dict)  # format -> store.Entry
    api: str | None = None  # the API document holding these rows, a slice's JSON (paths.SLICE_FORMATS)

    def __post_init__(self):
        if self.rows is not None:
            self.count = len(self.rows)

    @property
    def formats(self) -> tuple[str, ...]:
        return formats_of(self.key)

    @property
    def columns(self):
        return WINNER_COLUMNS if self.kind == "winners" else COVERAGE_COLUMNS

    def path(self, fmt: str) -> str:
        return f"{self.base}.{fmt}"

    @property
    def name(self) -> str:
        """Frictionless resource name of the CSV, e.g. 'tahun-2023'."""
        return self.base.split("/", 1)[1].replace("/", "-")


class _NoRows:
    """Stands in for Tables when only the list of downloads is needed."""

    winners = coverage = None

    def winners_of_edition(self, year):
        return None

    def winners_of_province(self, code):
        return None

    def national_of_edition(self, year):
        return None

    def coverage_of_province(self, code):
        return None

    def winners_of_category(self, slug):
        return None


class Bundle:
    """The downloads, API documents and data package of a build, as cached files."""

    def __init__(self, index, settings, version):
        self.index, self.settings, self.version = index, settings, version
        self.paths = Paths(settings)
        self.api = Api(self)
        self.store = Store(settings["PARITRANA_DOWNLOADS_CACHE_DIR"], settings["PARITRANA_DOWNLOADS_CACHE_KEEP"])
        self.store.acquire()
        self.rendered: list[str] = []  # output paths rendered by this build (the rest came from the cache)
        key = build_key(index.data.digest, version, settings)
        manifest = self.store.manifest(key)
        if manifest is not None:
            self._restore(manifest)
        else:
            self._build()
            self.entries[self.paths.datapackage] = self._package()
            self.store.save_manifest(key, {"files": self.entries, "example": self.example,
                                           "counts": {d.key: d.count for d in self.downloads}})
        self.files = self.entries  # output path -> store.Entry

    def close(self) -> None:
        """Let other builds prune the cache (call when the files are placed)."""
        self.store.release()

    def endpoint_path(self, name: str) -> str:
        return f"{self.paths.api}/{name}.json"

    def example_name(self, name: str) -> str:
        return self.api.example_name(name)

    # --- from a manifest ------------------------------------------------------------------------

    def _restore(self, manifest: dict) -> None:
        self.entries, self.example = manifest["files"], manifest["example"]
        self.downloads = self._downloads(None)
        for d in self.downloads:
            d.count = manifest["counts"][d.key]
            d.files = {fmt: self.entries[d.path(fmt)] for fmt in d.formats}

    # --- rendering what the cache lacks ---------------------------------------------------------

    def _build(self) -> None:
        tables = Tables(self.index)
        self.downloads = self._downloads(tables)
        self.entries = {}
        encoded = {}
        for kind, columns in (("winners", WINNER_COLUMNS), ("coverage", COVERAGE_COLUMNS)):
            texts = json_texts(columns, getattr(tables, kind))
            encoded[kind] = render.Table(columns, getattr(tables, kind), texts), digests(texts)
        api = Api(self, tables, {k: t.texts for k, (t, _) in encoded.items()},
                  {k: d for k, (_, d) in encoded.items()})
        for kind in ("winners", "coverage"):
            table, _ = encoded[kind]
            chosen = [d for d in self.downloads if d.kind == kind]
            self._render_table(chosen, table, api)
        self._render_api(api.documents())
        latest = self.index.editions_with_winners()
        rows = tables.winners_of_edition(latest[0]) if latest else []
        self.example = {"path": self.paths.api_edition(latest[0]), "count": len(rows),
                        "first": json_row(rows[0])} if rows else None

    def _package(self):
        data = json_bytes(datapackage(self))
        key = file_key({"format": "datapackage"}, hashlib.sha256(data).digest())
        found = self.store.lookup(key, "json")
        if found is None:
            temporary = self.store.temporary(key, "json")
            temporary.write_bytes(data)
            found = self.store.commit(temporary, key, "json")
            self.rendered.append(self.paths.datapackage)
        return found

    def _render_table(self, downloads: list[Download], table, api) -> None:
        jobs, targets = [], {}
        for d in downloads:
            rows = api.rows(d.kind, d.rows)
            for fmt in d.formats:
                job = self._job(d, fmt, rows)
                entry = self.store.lookup(job.key, fmt)
                if entry is None:
                    if job.key not in targets:  # the same file twice (two empty tables, say): render once
                        jobs.append(job)
                    targets.setdefault(job.key, []).append((d, fmt))
                else:
                    d.files[fmt] = entry
        done = render.render_jobs(jobs, table, self.store)
        for key, found in targets.items():
            for d, fmt in found:
                d.files[fmt] = done[key]
                self.rendered.append(d.path(fmt))
        for d in downloads:
            self.entries.update({d.path(fmt): d.files[fmt] for fmt in d.formats})

    def _job(self, d: Download, fmt: str, rows) -> render.Job:
        names = [c.name for c in d.columns]
        if fmt == "json":
            document = {"title": d.title, **self.meta(), "columns": names, "count": d.count, "rows": rows}
            return render.Job(self._json_key(document), fmt, document=document)
        spec = {"format": fmt, "columns": names}
        workbook = None
        if fmt == "xlsx":
            workbook = {"about": self._about(d), "stamp": self.version.timestamp, "title": d.title,
                        "creator": site_name(self.settings)}
            spec.update(workbook)
        return render.Job(file_key(spec, rows.digest()), fmt, positions=rows.positions, workbook=workbook)

    @staticmethod
    def _json_key(document: dict) -> str:
        text, lists = outline(document)
        return file_key({"format": "json", "text": text}, b"".join(r.digest() for r in lists))

    def _render_api(self, documents: dict) -> None:
        jobs, paths = [], {}
        for path, document in documents.items():
            key = self._json_key(document)
            entry = self.store.lookup(key, "json")
            if entry is None:
                if key not in paths:
                    jobs.append(render.Job(key, "json", document=document))
                paths.setdefault(key, []).append(path)
            else:
                self.entries[path] = entry
        done = render.render_jobs(jobs, None, self.store)
        for key, found in paths.items():
            for path in found:
                self.entries[path] = done[key]
                self.rendered.append(path)

    def _downloads(self, tables) -> list[Download]:
        """Every table offered for download; with `tables`, each with its rows' places in its table."""
        p, index = self.paths, self.index
        t = tables or _NoRows()
        found = [Download("winners", "winners", p.all_winners(), "Paritrana Award winners, all editions", t.winners,
                          "Pemenang Paritrana Award, semua edisi"),
                 Download("coverage", "coverage", p.coverage(), "BPJS Ketenagakerjaan coverage figures by province",
                          t.coverage, "Angka cakupan BPJS Ketenagakerjaan per provinsi")]
        years = sorted(index.editions) + ([None] if index.by_edition.get(None) else [])
        for year in years:
            title = f"Paritrana Award {year} winners" if year is not None else \
                "Paritrana Award results without an edition year"
            title_id = f"Pemenang Paritrana Award edisi {year}" if year is not None else \
                "Hasil Paritrana Award tanpa keterangan tahun edisi"
            found.append(Download(f"edition-{year if year is not None else 'undated'}", "winners", p.edition(year),
                                  title, t.winners_of_edition(year), title_id, api=p.api_edition(year)))
        for year in sorted(index.editions):
            found.append(Download(f"national-{year}", "winners", p.edition_national(year),
                                  f"Paritrana Award {year} edition: national round only", t.national_of_edition(year),
                                  f"Paritrana Award edisi {year}: babak nasional saja"))
        for code in sorted(index.provinces):
            province = index.provinces[code]
            found.append(Download(f"province-{province.slug}", "winners", p.province(province.slug),
                                  f"Paritrana Award winners in {province.name} and its provincial round",
                                  t.winners_of_province(code),
                                  f"Pemenang Paritrana Award di {province.name} dan babak provinsinya",
                                  api=p.api_province(province.slug)))
            found.append(Download(f"coverage-{province.slug}", "coverage", p.province_coverage(province.slug),
                                  f"BPJS Ketenagakerjaan coverage figures of {province.name}",
                                  t.coverage_of_province(code),
                                  f"Angka cakupan BPJS Ketenagakerjaan {province.name}",
                                  api=p.api_province(province.slug)))
        for slug in index.category_order:
            category = index.categories[slug]
            found.append(Download(f"category-{slug}", "winners", p.category(slug),
                                  f"Paritrana Award winners in the category {category.label_en}",
                                  t.winners_of_category(slug),
                                  f"Pemenang Paritrana Award kategori {category.label_id}"))
        return found

    def meta(self) -> dict:
        """What every JSON file says about itself."""
        return {"data_version": {"digest": self.version.digest,
                                 "date": self.version.date.isoformat() if self.version.date else None},
                "license": LICENCE_NOTE, "documentation": absolute(self.settings, data_page("en"))}

    def _about(self, download: Download) -> list[tuple[str, str]]:
        """The workbook's 'about' sheet in both site languages (the file serves both pages): Indonesian
        first, then English, each with the column descriptions of its data page."""
        lines = []
        settings = {**self.settings, "THEME": self.settings.get("THEME") or DEFAULT_THEME}
        for code, title in (("id", download.title_id or download.title), ("en", download.title)):
            _ = lang_for(settings, code)._
            date = self.version.date.isoformat() if self.version.date else ""
            lines += [(_("title"), title), (_("rows"), str(download.count)),
                      (_("data version"), self.version.digest), (_("date"), date),
                      (_("licence"), _("Compiled data: CC BY 4.0, credit \"Arsip Paritrana Award\" and cite each "
                                       "row's source. Region codes and names (province_code, province, "
                                       "regency_code, regency, scope_province_code, scope_province): "
                                       "idn-area-data, ODbL 1.0, credit \"idn-area-data (ODbL)\".")),
                      (_("documentation"), absolute(self.settings, data_page(code))), ("", "")]
            lines += [(c.name, f"{c.type}: {_(c.description)}") for c in download.columns]
            lines.append(("", ""))
        return lines[:-1]
