"""Moved pages: the old URL of a merged category, pointing to the category it became."""

from __future__ import annotations

from paritrana_core.hooks import add_pages
from paritrana_core.labels import Labels
from paritrana_core.page import Link, Page, link_translations
from paritrana_core.settings import languages
from paritrana_core.urls import category_url, url
from paritrana_i18n.catalog import lang_for

TEMPLATE = "moved"


def moved_pages(index, settings) -> list[Page]:
    """One page per former slug and language, at the address the category page had."""
    pages = []
    for code in languages(settings):
        labels = Labels(index, lang_for(settings, code))
        _ = labels.lang._
        for slug in index.category_order:
            name = labels.category(slug)
            for old in index.categories[slug].former_slugs:
                pages.append(Page(
                    ("moved", "category", old), code, category_url(code, old), TEMPLATE,
                    _("Moved: %(category)s", category=name),
                    _("This category is now part of %(category)s.", category=name),
                    [Link(_("Home"), url("home", code)), Link(_("Categories"), url("categories", code))],
                    {"target": category_url(code, slug), "target_name": name}))
    link_translations(pages, languages(settings))
    return pages


def add_moved_pages(sender, pages, index, settings) -> None:
    """pages_built receiver: the moved pages are written with the data pages, through Pelican's writer."""
    add_pages(sender.context, moved_pages(index, settings))
