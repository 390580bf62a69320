"""The site's own typeface: a subset WOFF2 of Public Sans from the pinned package, served by the site."""

from pelican import signals

from .generator import FontsGenerator
from .settings import apply_defaults


def _settings(pelican):
    apply_defaults(pelican.settings)


def _generators(pelican):
    return FontsGenerator


def register():
    """Check settings and add the generator that writes the font and its licence into the theme folder."""
    signals.initialized.connect(_settings)
    signals.get_generators.connect(_generators)
