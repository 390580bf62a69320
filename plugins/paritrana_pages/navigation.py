"""Site-wide navigation and the header values of editorial (Markdown) pages."""

from __future__ import annotations

from markupsafe import Markup

from paritrana_i18n.catalog import lang_for, languages

from .rows import Link
from .urls import url

EDITORIAL = {"id": {"about": "tentang/", "method": "metode/", "sources": "sumber/", "corrections": "koreksi/"},
             "en": {"about": "en/about/", "method": "en/method/", "sources": "en/sources/",
                    "corrections": "en/corrections/"}}
LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}
# Menu entries that belong to other capability plugins: shown only when that plugin is enabled.
PLUGIN_PAGES = {"paritrana_maps": {"id": "peta/", "en": "en/map/"},
                "paritrana_search": {"id": "cari/", "en": "en/search/"},
                "paritrana_downloads": {"id": "data/", "en": "en/data/"}}


def site_nav(settings) -> dict:
    """Per language: home URL, main menu, footer links and the language's own name."""
    nav = {}
    for code in languages(settings):
        _ = lang_for(settings, code)._
        pages = EDITORIAL[code]
        enabled = {name: urls[code] for name, urls in PLUGIN_PAGES.items()
                   if name in settings.get("PLUGINS", [])}
        extra = [Link(text, enabled[name]) for name, text in (
            ("paritrana_maps", _("Map")), ("paritrana_downloads", _("Data")),
            ("paritrana_search", _("Search"))) if name in enabled]
        nav[code] = {
            "home": url("home", code),
            "home_text": _("Home"),
            "language": LANGUAGE_NAMES[code],
            "items": [Link(_("Home"), url("home", code)), Link(_("Editions"), url("editions", code)),
                      Link(_("Provinces"), url("provinces", code)),
                      Link(_("Categories"), url("categories", code)),
                      Link(_("Standings"), url("standings", code)), *extra,
                      Link(_("About"), pages["about"])],
            "footer": [Link(_("About"), pages["about"]), Link(_("Method"), pages["method"]),
                       Link(_("Sources"), pages["sources"]), Link(_("Corrections"), pages["corrections"])],
        }
    return nav


def install_navigation(generator) -> None:
    """Make the navigation available to every template of every generator."""
    nav = site_nav(generator.settings)

    def content_page_meta(page) -> dict:
        """Title, description, URL, translations and breadcrumbs of a Markdown page."""
        alternates = {page.lang: page.url}
        alternates.update({t.lang: t.url for t in page.translations})
        return {"title": page.title, "description": Markup(page.summary or "").striptags(),
                "url": page.url, "alternates": alternates,
                "breadcrumbs": [Link(nav[page.lang]["home_text"], nav[page.lang]["home"])]}

    generator.env.globals["site_nav"] = nav
    generator.env.globals["content_page_meta"] = content_page_meta
