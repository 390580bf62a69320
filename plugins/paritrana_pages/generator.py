"""The Pelican generator that writes every data page, in both languages, through Pelican's writer."""

from __future__ import annotations

import logging

from pelican.generators import Generator

from paritrana_core.data import site_data
from paritrana_core.hooks import EXTRA, pages_built
from paritrana_core.index import DataIndex
from paritrana_core.labels import Labels
from paritrana_core.page import MissingCounterpart, link_translations, write_page
from paritrana_core.parallel import write_pages
from paritrana_core.settings import languages
from paritrana_i18n.catalog import lang_for

from .category_pages import category_pages
from .edition_pages import edition_pages
from .home_page import home_page, not_found_page
from .place_pages import place_pages
from .row_html import install_rows
from .standings import annotate_province_list, standings_pages

logger = logging.getLogger(__name__)


def build_pages(index: DataIndex, settings) -> list:
    """Every data page in every language, each linked to its translations."""
    pages = []
    for code in languages(settings):
        labels = Labels(index, lang_for(settings, code))
        pages.append(home_page(index, labels))
        pages += edition_pages(index, labels)
        limit = settings["PARITRANA_PAGES_LIST_LIMIT"]
        pages += place_pages(index, labels, limit)
        pages += category_pages(index, labels, limit)
        pages += standings_pages(index, labels)
        pages.append(not_found_page(labels))
    annotate_province_list(pages, index)
    link_translations(pages, languages(settings))
    return pages


class ParitranaGenerator(Generator):
    """Loads the data when created, so bad data stops the build before output is touched."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        shared = site_data(self.context, self.settings)
        self.dataset, self.index = shared["dataset"], shared["index"]
        self.pages = []

    def generate_context(self):
        self.pages = build_pages(self.index, self.settings)
        self.context["paritrana"]["pages"] = self.pages
        self.context["paritrana"][EXTRA] = []  # filled by pages_built receivers (hooks.add_pages)
        pages_built.send(self, pages=self.pages, index=self.index, settings=self.settings)

    def generate_output(self, writer):
        langs = languages(self.settings)
        install_rows(self.env, {code: Labels(self.index, lang_for(self.settings, code)) for code in langs})
        write_pages(self.pages + self.context["paritrana"][EXTRA], lambda page: write_page(writer, self, page),
                    self.settings)


def check_content_translations(generators) -> None:
    """Stop before writing if an editorial page lacks its version in another language."""
    settings = generators[0].settings
    langs = set(languages(settings))
    lonely = []
    for generator in generators:
        for page in getattr(generator, "pages", []) + getattr(generator, "hidden_pages", []):
            if not hasattr(page, "translations"):
                continue
            found = {page.lang, *(t.lang for t in page.translations)}
            if found != langs:
                lonely.append(f"{page.source_path} ({', '.join(sorted(found))} only)")
    if lonely:
        raise MissingCounterpart("editorial pages without a version in every language (give both "
                                 "the same Key): " + "; ".join(sorted(lonely)))
