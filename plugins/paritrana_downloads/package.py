"""datapackage.json: a Frictionless data package that describes every download file."""

from __future__ import annotations

from paritrana_core.settings import site_name
from paritrana_core.urls import absolute, siteurl

from .api import IDN_AREA_DATA, LICENCES, MEDIA_TYPES
from .paths import data_page


def schema(columns) -> dict:
    """A Frictionless Table Schema of the columns."""
    fields = []
    for c in columns:
        spec = {"name": c.name, "type": c.type, "description": c.description}
        if c.format != "default":
            spec["format"] = c.format
        if c.constraints:
            spec["constraints"] = dict(c.constraints)
        fields.append(spec)
    return {"fields": fields, "primaryKey": ["id"], "missingValues": [""]}



def datapackage(bundle) -> dict:
    """datapackage.json: every download file with its size, hash and schema."""
    version, settings = bundle.version, bundle.settings
    resources = []
    for d in bundle.downloads:
        common = {"title": d.title}  # the package's licences apply to every resource
        data = d.files["csv"]
        resources.append({
            **common, "name": d.name, "path": d.path("csv"), "profile": "tabular-data-resource",
            "format": "csv", "mediatype": MEDIA_TYPES["csv"], "encoding": "utf-8-sig",
            "bytes": data.size, "hash": "sha256:" + data.sha256,
            "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": "\"", "doubleQuote": True,
                        "header": True},
            "description": f"{d.count} rows. Text cells that begin with =, +, -, @, a tab or a line break "
                           "carry a leading apostrophe so that spreadsheets do not run them as formulas.",
            "schema": schema(d.columns)})
        data = d.files["xlsx"]
        resources.append({
            **common, "name": f"{d.name}-xlsx", "path": d.path("xlsx"), "profile": "tabular-data-resource",
            "format": "xlsx", "mediatype": MEDIA_TYPES["xlsx"], "bytes": data.size,
            "hash": "sha256:" + data.sha256,
            "description": f"The rows of {d.path('csv')} on the first sheet, 'data' (text kept as text, no "
                           "apostrophes added); notes on the sheet 'about'.",
            "schema": schema(d.columns)})
        data = d.files.get("json")  # the whole dataset only: a slice's JSON is an API document
        if data is None:
            continue
        resources.append({
            **common, "name": f"{d.name}-json", "path": d.path("json"), "profile": "data-resource",
            "format": "json", "mediatype": MEDIA_TYPES["json"], "encoding": "utf-8", "bytes": data.size,
            "hash": "sha256:" + data.sha256,
            "description": f"The rows of {d.path('csv')} as objects under 'rows' (column order under "
                           "'columns'), with the data version and licences."})
    package = {
        "profile": "data-package", "name": "arsip-paritrana-award",
        "title": f"{site_name(settings)}: Paritrana Award winners and coverage figures",
        "description": ("Every known winner of the Paritrana Award (Penghargaan Jaminan Sosial "
                        "Ketenagakerjaan) since the 2017 edition, national and provincial, and provincial "
                        "BPJS Ketenagakerjaan coverage figures, each row with its public source. "
                        "Compiled independently; not an official publication."),
        "version": version.digest,
        "keywords": ["Paritrana Award", "BPJS Ketenagakerjaan", "jaminan sosial ketenagakerjaan", "Indonesia"],
        "licenses": [LICENCES["CC-BY-4.0"], LICENCES["ODbL-1.0"]],
        "sources": [{"title": "Public news reports and government websites (each row's source_url)"},
                    {"title": "idn-area-data 4.0.1 (region codes and names, ODbL 1.0)", "path": IDN_AREA_DATA}],
        "contributors": [{"title": site_name(settings), "role": "author"}],
        "resources": resources,
    }
    if siteurl(settings):  # both must be full URLs, so only on the public site
        package["id"] = absolute(settings, bundle.paths.datapackage)
        package["homepage"] = absolute(settings, data_page("en"))
    if version.date:
        package["created"] = version.date.isoformat() + "T00:00:00Z"
    return package
