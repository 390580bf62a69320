"""The site's navigation: a registry that every plugin adds its menu and footer entries to.

A plugin adds an entry once, at import: `add_menu_entry(owner, order, label, urls)`, where `label`
takes the language's gettext and returns the entry's text (`lambda _: _("Map")`, so that Babel
finds the string; or a dict of texts per language) and `urls` maps each language to the entry's
site-relative URL. Only the entries of enabled plugins are shown, in `order`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from markupsafe import Markup

from paritrana_i18n.catalog import lang_for

from .page import Link, content_alternates
from .settings import CORE, DEFAULT_LANG, enabled_owners, languages
from .urls import EDITORIAL, at_site, url

LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}


@dataclass(frozen=True)
class MenuEntry:
    """One link of the main menu (`place` "menu") or the footer ("footer")."""

    owner: str
    order: int
    label: Callable[[Callable[[str], str]], str] | dict[str, str]
    urls: dict[str, str]
    place: str = "menu"


ENTRIES: dict[tuple[str, str, str], MenuEntry] = {}


def add_menu_entry(owner: str, order: int, label, urls: dict[str, str], place: str = "menu") -> None:
    """Add (or replace) a plugin's entry; `urls` maps every language to a site-relative URL."""
    entry = MenuEntry(owner, order, label, dict(urls), place)
    ENTRIES[(owner, place, entry.urls[DEFAULT_LANG])] = entry


def _text(entry: MenuEntry, gettext, code: str) -> str:
    return entry.label[code] if isinstance(entry.label, dict) else entry.label(gettext)


def site_nav(settings) -> dict:
    """Per language: home URL, main menu, footer links and the language's own name."""
    owners = set(enabled_owners(settings))
    shown = sorted((e for e in ENTRIES.values() if e.owner in owners), key=lambda e: e.order)
    nav = {}
    for code in languages(settings):
        _ = lang_for(settings, code)._
        nav[code] = {
            "home": url("home", code),
            "home_text": _("Home"),
            "language": LANGUAGE_NAMES[code],
            "items": [Link(_text(e, _, code), e.urls[code]) for e in shown if e.place == "menu"],
            "footer": [Link(_text(e, _, code), e.urls[code]) for e in shown if e.place == "footer"],
        }
    return nav


def install_navigation(generator) -> None:
    """generator_init receiver: the navigation, the editorial pages' header values and the `at_site` filter."""
    nav = site_nav(generator.settings)

    def content_page_meta(page) -> dict:
        """Title, description, URL, translations and breadcrumbs of a Markdown page."""
        return {"title": page.title, "description": Markup(page.summary or "").striptags(),
                "url": page.url, "alternates": content_alternates(page),
                "breadcrumbs": [Link(nav[page.lang]["home_text"], nav[page.lang]["home"])]}

    generator.env.globals["site_nav"] = nav
    generator.env.filters["at_site"] = at_site
    generator.env.globals["content_page_meta"] = content_page_meta


def _editorial(name: str) -> dict[str, str]:
    return {code: pages[name] for code, pages in EDITORIAL.items()}


# The editorial pages (content/pages, Markdown): the last menu entry and the footer.
add_menu_entry(CORE, 100, lambda _: _("About"), _editorial("about"))
add_menu_entry(CORE, 10, lambda _: _("About"), _editorial("about"), "footer")
add_menu_entry(CORE, 20, lambda _: _("Method"), _editorial("method"), "footer")
add_menu_entry(CORE, 30, lambda _: _("Sources"), _editorial("sources"), "footer")
add_menu_entry(CORE, 40, lambda _: _("Corrections"), _editorial("corrections"), "footer")
