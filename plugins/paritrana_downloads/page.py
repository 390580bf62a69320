"""The data page (data/ and en/data/): every download, its columns, the API, licences and data version."""

from __future__ import annotations

import json

from paritrana_core.labels import Labels
from paritrana_core.page import Link, Page, link_translations
from paritrana_core.settings import site_name
from paritrana_core.urls import EDITORIAL, absolute, category_url, edition_url, province_url, url

from .api import ENDPOINTS, IDN_AREA_DATA, LICENCES, BOUNDARIES_SOURCE
from .cite import CC_BY, citation_text
from .paths import FORMATS, data_page
from .tables import COVERAGE_COLUMNS, WINNER_COLUMNS

FORMAT_NAMES = {"csv": "CSV", "xlsx": "Excel (XLSX)", "json": "JSON"}


def file_size(lang, size: int) -> str:
    """'812 B', '12,3 kB' / '12.3 kB', '1,2 MB'."""
    if size < 1000:
        return f"{lang.number(size)} B"
    if size < 1_000_000:
        return f"{lang.number(size / 1000, 1 if size < 100_000 else 0)} kB"
    return f"{lang.number(size / 1_000_000, 1)} MB"


def _files(download, lang, label: str, sizes: dict) -> list[dict | None]:
    """The table's files in FORMATS order; a slice's JSON is the API document with its rows (or None)."""
    found = []
    for fmt in FORMATS:
        if fmt in download.files:
            path, size, api = download.path(fmt), download.files[fmt].size, False
        elif fmt == "json" and download.api and download.api in sizes:
            path, size, api = download.api, sizes[download.api].size, True
        else:
            found.append(None)
            continue
        text = "JSON (API)" if api else fmt.upper()
        found.append({"format": fmt.upper(), "text": text, "url": path, "size": file_size(lang, size), "api": api,
                      "aria": f"{text}, {label}, {file_size(lang, size)}"})
    return found


def _item(download, lang, title: str, link: str | None, sizes: dict) -> dict:
    return {"title": title, "url": link, "rows": lang.number(download.count), "count": download.count,
            "files": _files(download, lang, title, sizes)}


def _columns(columns, lang) -> list[dict]:
    _ = lang._
    types = {"string": _("text"), "integer": _("whole number"), "number": _("number"), "date": _("date")}
    return [{"name": c.name, "type": types[c.type], "description": _(c.description)} for c in columns]


def _basis(lang, basis: str) -> str:
    _ = lang._
    return {"SOURCE_DATE_EPOCH": _("the date set for this build in the SOURCE_DATE_EPOCH environment variable"),
            "git": _("the date of the last change to the data files in the project's repository"),
            "sources": _("the publication date of the newest source in the data"),
            "none": _("no date: the data hold no source dates")}[basis]


def data_page_for(bundle, settings, lang) -> Page:
    """The data page in one language."""
    _, code = lang._, lang.code
    index, version, paths = bundle.index, bundle.version, bundle.paths
    labels = Labels(index, lang)
    by_key = {d.key: d for d in bundle.downloads}

    def item(download, lang, title, link):
        return _item(download, lang, title, link, bundle.files)

    whole = [item(by_key["winners"], lang, _("All winners, every edition"), url("editions", code)),
             item(by_key["coverage"], lang, _("Coverage figures"), url("provinces", code))]
    editions = []
    for d in bundle.downloads:
        if d.key.startswith("edition-"):
            year = None if d.key == "edition-undated" else int(d.key.removeprefix("edition-"))
            editions.append(item(d, lang, labels.edition_title(year), edition_url(code, year)))
    provinces = []
    for province_code in sorted(index.provinces, key=labels.province):
        d = by_key[f"province-{index.provinces[province_code].slug}"]
        provinces.append(item(d, lang, labels.province(province_code), province_url(index, code, province_code)))
    national = [item(by_key[f"national-{year}"], lang, labels.edition_title(year), edition_url(code, year))
                for year in sorted(index.editions, reverse=True) if f"national-{year}" in by_key]
    coverage = [item(by_key[f"coverage-{index.provinces[c].slug}"], lang, labels.province(c), province_url(index, code, c))
                for c in sorted(index.provinces, key=labels.province)]
    categories = [item(by_key[f"category-{slug}"], lang, labels.category(slug), category_url(code, slug))
                  for slug in index.category_order]
    tables = [
        {"id": "unduh-semua", "title": _("The whole dataset"), "caption": _("All winners and all coverage figures"),
         "head": _("Table"), "items": whole},
        {"id": "unduh-edisi", "title": _("By edition"), "caption": _("Winners of one edition"),
         "head": _("Edition"), "items": editions},
        {"id": "unduh-provinsi", "title": _("By province"),
         "caption": _("Winners located in one province or given in its provincial round"),
         "head": _("Province"), "items": provinces},
        {"id": "unduh-nasional", "title": _("National round by edition"),
         "caption": _("Winners of an edition's national round only"), "head": _("Edition"), "items": national},
        {"id": "unduh-cakupan-provinsi", "title": _("Coverage figures by province"),
         "caption": _("The coverage figures of one province"), "head": _("Province"), "items": coverage},
        {"id": "unduh-kategori", "title": _("By category"), "caption": _("Winners of one category, every edition"),
         "head": _("Category"), "items": categories},
    ]

    example = None
    if bundle.example:
        path = bundle.example["path"]
        example = {"path": "/" + path, "url": path, "count": lang.number(bundle.example["count"]),
                   "text": json.dumps(bundle.example["first"], ensure_ascii=False, sort_keys=True, indent=1)}
    endpoints = [{"pattern": "/" + bundle.endpoint_path(name), "url": bundle.endpoint_path(bundle.example_name(name)),
                  "example": "/" + bundle.endpoint_path(bundle.example_name(name)), "description": _(text)}
                 for name, text in ENDPOINTS]
    package = bundle.files[paths.datapackage]
    dataset_citation = citation_text(lang, site_name(settings), _("Open data"), absolute(settings, data_page(code)),
                                     version)
    values = {
        "version": {"digest": version.digest, "date": lang.date(version.date) if version.date else None,
                    "date_iso": version.date.isoformat() if version.date else None,
                    "basis": _basis(lang, version.basis)},
        "tables": tables, "formats": FORMAT_NAMES,
        "winner_columns": _columns(WINNER_COLUMNS, lang), "coverage_columns": _columns(COVERAGE_COLUMNS, lang),
        "winners_csv": by_key["winners"].path("csv"), "coverage_csv": by_key["coverage"].path("csv"),
        "api_index": bundle.endpoint_path("index"), "endpoints": endpoints, "example": example,
        "datapackage": {"url": paths.datapackage, "size": file_size(lang, package.size),
                        "resources": lang.number(sum(len(d.files) for d in bundle.downloads)),
                        "tables": lang.number(len(bundle.downloads))},
        "licences": {"cc_by": CC_BY.get(code, CC_BY["en"]), "odbl": LICENCES["ODbL-1.0"]["path"],
                     "idn_area_data": IDN_AREA_DATA, "boundaries": BOUNDARIES_SOURCE},
        "dataset_citation": dataset_citation,
        "corrections": EDITORIAL[code]["corrections"], "sources_page": EDITORIAL[code]["sources"],
    }
    return Page(("data",), code, data_page(code), "data", _("Open data"),
                _("Download every Paritrana Award winner and coverage figure with its source as CSV, Excel or "
                  "JSON; a static JSON API, licences and the data version."),
                [Link(_("Home"), url("home", code))], values)


def data_pages(bundle, settings, langs) -> list[Page]:
    """The data page in every language, each linked to the others."""
    pages = [data_page_for(bundle, settings, lang) for lang in langs]
    link_translations(pages, [lang.code for lang in langs])
    return pages
