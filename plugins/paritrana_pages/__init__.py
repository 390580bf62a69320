"""Data pages: home, editions, provinces, regencies and categories in Indonesian and English."""

from pelican import signals

from .generator import ParitranaGenerator
from .navigation import install_navigation
from .settings import apply_defaults


def _settings(pelican):
    apply_defaults(pelican.settings)


def _generators(pelican):
    return ParitranaGenerator


def register():
    """Check settings at start-up, add the data-page generator and the site navigation."""
    signals.initialized.connect(_settings)
    signals.get_generators.connect(_generators)
    signals.generator_init.connect(install_navigation)
