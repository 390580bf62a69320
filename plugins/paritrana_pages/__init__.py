"""Data pages: home, editions, provinces, regencies and categories in Indonesian and English."""

from pelican import signals

import paritrana_core
from paritrana_core.navigation import add_menu_entry
from paritrana_core.settings import languages
from paritrana_core.urls import url

from . import settings  # noqa: F401  (declares the plugin's settings and folders)
from .generator import ParitranaGenerator, check_content_translations

OWNER = "paritrana_pages"


def _urls(kind: str) -> dict[str, str]:
    return {code: url(kind, code) for code in languages({})}


add_menu_entry(OWNER, 10, lambda _: _("Home"), _urls("home"))
add_menu_entry(OWNER, 20, lambda _: _("Editions"), _urls("editions"))
add_menu_entry(OWNER, 30, lambda _: _("Provinces"), _urls("provinces"))
add_menu_entry(OWNER, 40, lambda _: _("Categories"), _urls("categories"))
add_menu_entry(OWNER, 50, lambda _: _("Standings"), _urls("standings"))


def _generators(pelican):
    return ParitranaGenerator


def register():
    """Add the data-page generator, refuse one-language pages."""
    paritrana_core.register()
    signals.get_generators.connect(_generators)
    signals.all_generators_finalized.connect(check_content_translations)
