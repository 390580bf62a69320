"""The site's own typeface: a subset WOFF2 of Public Sans from the pinned package, served by the site."""

from pelican import signals

import paritrana_core

from . import settings  # noqa: F401  (declares the plugin's settings and folders)
from .generator import FontsGenerator


def _generators(pelican):
    return FontsGenerator


def register():
    """Check settings and add the generator that writes the font and its licence into the theme folder."""
    paritrana_core.register()
    signals.get_generators.connect(_generators)
