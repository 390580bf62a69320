"""Data pages: home, editions, provinces, regencies and categories in Indonesian and English."""

from pelican import signals

from .generator import ParitranaGenerator, check_content_translations
from .navigation import install_navigation
from .settings import apply_defaults


def _settings(pelican):
    apply_defaults(pelican.settings)


def _generators(pelican):
    return ParitranaGenerator


def register():
    """Check settings, add the data-page generator and navigation, refuse one-language pages."""
    signals.initialized.connect(_settings)
    signals.get_generators.connect(_generators)
    signals.generator_init.connect(install_navigation)
    signals.all_generators_finalized.connect(check_content_translations)
