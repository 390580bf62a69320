"""Atom feeds per language, sitemap.xml with hreflang alternates, robots.txt and schema.org JSON-LD."""

from pelican import signals

import paritrana_core

from . import settings  # noqa: F401  (declares the plugin's settings and folders)
from .generator import FeedsGenerator
from .seo import install_globals
from .sitemap import write_sitemap


def _generators(pelican):
    return FeedsGenerator


def register():
    """Check settings, add the feeds generator and the SEO template globals, write sitemap and robots.txt."""
    paritrana_core.register()
    signals.get_generators.connect(_generators)
    signals.generator_init.connect(install_globals)
    signals.finalized.connect(write_sitemap)
