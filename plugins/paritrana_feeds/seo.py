"""What _head_seo.html needs: the feeds of each language and the page's JSON-LD (schema.org).

Every page gets a BreadcrumbList (its breadcrumbs, then the page itself); the data pages
(meta.key[0] == "data", written by the downloads plugin) also get a Dataset.
"""

from __future__ import annotations

from paritrana_core.data import site_data
from paritrana_core.settings import languages
from paritrana_core.urls import siteurl
from paritrana_i18n.catalog import lang_for

LICENSE = "https://creativecommons.org/licenses/by/4.0/"


def _get(meta, name, default=None):
    if isinstance(meta, dict):
        return meta.get(name, default)
    return getattr(meta, name, default)


def _item(crumb, name):
    return crumb.get(name) if isinstance(crumb, dict) else getattr(crumb, name, None)


def page_kind(meta) -> str | None:
    key = _get(meta, "key")
    return key[0] if isinstance(key, tuple) and key else None


def feed_links(settings) -> dict[str, list[dict]]:
    """Per language: the Atom feeds to announce in <head> (title, site-relative URL)."""
    links = {}
    for code in languages(settings):
        _ = lang_for(settings, code)._
        links[code] = [
            {"title": _("New results and changes (Atom)"), "url": settings["PARITRANA_FEEDS_LATEST"][code]},
            {"title": _("Changes to the data (Atom)"), "url": settings["PARITRANA_FEEDS_CORRECTIONS"][code]}]
    return links


class JsonLd:
    """Builds the JSON-LD blocks of a page (called from _head_seo.html)."""

    def __init__(self, settings, context):
        self.settings, self.context = settings, context
        self.siteurl = siteurl(settings)

    def absolute(self, site_url: str | None) -> str:
        return f"{self.siteurl}/{site_url or ''}"

    def breadcrumbs(self, meta) -> dict:
        items = []
        for crumb in _get(meta, "breadcrumbs") or []:
            items.append((_item(crumb, "text"), _item(crumb, "url")))
        items.append((_get(meta, "title"), _get(meta, "url")))
        return {"@context": "https://schema.org", "@type": "BreadcrumbList",
                "itemListElement": [{"@type": "ListItem", "position": n, "name": str(text),
                                     "item": self.absolute(link)}
                                    for n, (text, link) in enumerate(items, start=1)]}

    def dataset(self, meta, code: str) -> dict:
        _ = lang_for(self.settings, code)._
        index = site_data(self.context, self.settings)["index"]
        years = sorted(index.editions_with_winners())
        block = {
            "@context": "https://schema.org", "@type": "Dataset",
            "name": _("Paritrana Award winners and coverage figures"),
            "description": _("Every known winner of the Paritrana Award (Penghargaan Jaminan Sosial "
                             "Ketenagakerjaan) since the 2017 edition, national and provincial, with the "
                             "source of each result, and BPJS Ketenagakerjaan coverage figures by province."),
            "url": self.absolute(_get(meta, "url")), "inLanguage": code, "license": LICENSE,
            "isAccessibleForFree": True,
            "creator": {"@type": "Organization", "name": _("Paritrana Award Archive"), "url": self.absolute("")},
            "spatialCoverage": {"@type": "Place", "name": "Indonesia"},
            "keywords": ["Paritrana Award", "BPJS Ketenagakerjaan", _("employment social security"),
                         _("regional governments"), "Indonesia"],
            "distribution": [{"@type": "DataDownload", "name": "datapackage.json",
                              "encodingFormat": "application/json",
                              "contentUrl": self.absolute("datapackage.json")}],
        }
        if years:
            block["temporalCoverage"] = f"{years[0]}/{years[-1]}"
        return block

    def __call__(self, meta, code: str) -> list[dict]:
        blocks = [self.breadcrumbs(meta)]
        if page_kind(meta) == "data":
            blocks.append(self.dataset(meta, code))
        return blocks


def install_globals(generator) -> None:
    """generator_init receiver: give every template the feed links and the JSON-LD builder."""
    generator.env.globals["paritrana_feeds"] = feed_links(generator.settings)
    generator.env.globals["seo_jsonld"] = JsonLd(generator.settings, generator.context)
