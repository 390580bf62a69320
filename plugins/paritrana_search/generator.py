"""The search pages (/cari/ and /en/search/), written through Pelican's writer, and the search script."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlsplit

from pelican.generators import Generator

from paritrana_i18n.catalog import lang_for, languages
from paritrana_pages.navigation import PLUGIN_PAGES
from paritrana_pages.page import Page
from paritrana_pages.rows import Link
from paritrana_pages.urls import save_as, url

from .terms import FILTERS

HERE = Path(__file__).resolve().parent
SCRIPT = HERE / "static" / "search.js"
SCRIPT_URL = "theme/js/search.js"
SEARCH_URLS = PLUGIN_PAGES["paritrana_search"]  # the URLs the navigation links to


def search_urls() -> dict[str, str]:
    return dict(SEARCH_URLS)


def site_path(settings) -> str:
    """The path the site is served under ('/' locally, '/arsip/' for SITEURL https://host/arsip)."""
    return urlsplit(settings.get("SITEURL") or "").path.rstrip("/") + "/"


def search_page(settings, code: str) -> Page:
    lang = lang_for(settings, code)
    _ = lang._
    filters = {"edition": (_("Edition"), _("All editions")),
               "category": (_("Category"), _("All categories")),
               "province": (_("Province"), _("All provinces")),
               "level": (_("Level"), _("All levels"))}
    values = {
        "search_filter_fields": [{"name": name, "label": filters[name][0], "any": filters[name][1]}
                                 for name in FILTERS],
        "bundle_url": settings["PARITRANA_SEARCH_BUNDLE_DIR"].strip("/") + "/pagefind.js",
        "script_url": SCRIPT_URL,
        "base_path": site_path(settings),
    }
    return Page(("search",), code, SEARCH_URLS[code], "search", _("Search the record"),
                _("Search every page of the Paritrana Award record: winners, regions, editions and "
                  "categories, with filters."),
                [Link(_("Home"), url("home", code))], values)


class SearchGenerator(Generator):
    """Builds the two search pages and copies the search script into the output."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.pages: list[Page] = []

    def generate_context(self):
        self.pages = [search_page(self.settings, code) for code in languages(self.settings)]
        alternates = {page.lang: page.url for page in self.pages}
        for page in self.pages:
            page.alternates = dict(alternates)

    def generate_output(self, writer):
        for page in self.pages:
            writer.write_file(save_as(page.url), self.get_template(page.template), self.context,
                              url=page.url, meta=page, lang=page.lang, **page.values)
        target = Path(self.output_path) / SCRIPT_URL
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SCRIPT, target)
