"""The search pages (/cari/ and /en/search/), written through Pelican's writer, and the search script."""

from __future__ import annotations

import shutil
from pathlib import Path

from pelican.generators import Generator

from paritrana_core.page import Link, Page, link_translations, write_page
from paritrana_core.settings import languages
from paritrana_core.urls import served_path, url
from paritrana_i18n.catalog import lang_for

from .terms import FILTERS

HERE = Path(__file__).resolve().parent
SCRIPT = HERE / "static" / "search.js"
SCRIPT_URL = "theme/js/search.js"
SEARCH_URLS = {"id": "cari/", "en": "en/search/"}


def search_urls() -> dict[str, str]:
    return dict(SEARCH_URLS)


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
        "base_path": served_path(settings),
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
        link_translations(self.pages, languages(self.settings))

    def generate_output(self, writer):
        for page in self.pages:
            write_page(writer, self, page)
        target = Path(self.output_path) / SCRIPT_URL
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SCRIPT, target)
