"""The Pelican generator that writes every data page, in both languages, through Pelican's writer."""

from __future__ import annotations

import logging
import sys

from pelican.generators import Generator

from paritrana_data import DataValidationError, load_dataset
from paritrana_i18n.catalog import lang_for, languages

from .category_pages import category_pages
from .edition_pages import edition_pages
from .home_page import home_page, not_found_page
from .index import DataIndex
from .labels import Labels
from .place_pages import place_pages
from .settings import DEFAULTS
from .hooks import EXTRA, pages_built
from .parallel import write_pages
from .row_html import install_rows
from .standings import annotate_province_list, standings_pages
from .urls import save_as

logger = logging.getLogger(__name__)


class DataError(SystemExit):
    """The data files have errors: exit with a plain message, never a traceback, writing nothing."""


class MissingCounterpart(SystemExit):
    """A page exists in one language only."""


def load_checked(settings):
    """Load the dataset or stop the build, printing every problem (never a traceback)."""
    try:
        data = load_dataset(settings["PARITRANA_DATA_DIR"])
    except DataValidationError as exc:
        sys.stderr.write(exc.report() + "\n")
        raise DataError(f"{exc}: nothing was written. Fix the rows listed above "
                        "(`invoke validate` checks the data alone).") from None
    if data.warnings:
        sys.stderr.write(f"{len(data.warnings)} data warning(s); `invoke validate` lists them.\n")
    return data


def build_pages(index: DataIndex, settings) -> list:
    """Every data page in every language, each linked to its translations."""
    pages = []
    for code in languages(settings):
        labels = Labels(index, lang_for(settings, code))
        pages.append(home_page(index, labels))
        pages += edition_pages(index, labels)
        limit = settings.get("PARITRANA_PAGES_LIST_LIMIT", DEFAULTS["PARITRANA_PAGES_LIST_LIMIT"])
        pages += place_pages(index, labels, limit)
        pages += category_pages(index, labels, limit)
        pages += standings_pages(index, labels)
        pages.append(not_found_page(labels))
    annotate_province_list(pages, index)
    link_translations(pages, languages(settings))
    return pages


def link_translations(pages, langs) -> None:
    """Give each page the URLs of its versions; refuse a page that lacks one."""
    versions: dict[tuple, dict[str, str]] = {}
    for page in pages:
        versions.setdefault(page.key, {})[page.lang] = page.url
    lonely = [f"{key} ({', '.join(found)} only)" for key, found in versions.items() if set(found) != set(langs)]
    if lonely:
        raise MissingCounterpart("pages without a version in every language: " + "; ".join(lonely))
    for page in pages:
        page.alternates = versions[page.key]


def site_data(context, settings) -> dict:
    """The dataset and its index, loaded once per build and shared through Pelican's context."""
    if "paritrana" not in context:
        dataset = load_checked(settings)
        context["paritrana"] = {"dataset": dataset, "index": DataIndex(dataset), "pages": []}
    return context["paritrana"]


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

        def write_one(page):
            target = page.url if page.url.endswith(".html") else save_as(page.url)
            writer.write_file(target, self.get_template(page.template), self.context, url=page.url,
                              meta=page, lang=page.lang, **page.values)

        write_pages(self.pages + self.context["paritrana"][EXTRA], write_one, writer, self.settings)


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
