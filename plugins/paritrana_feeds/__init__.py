"""Atom feeds per language, sitemap.xml with hreflang alternates, robots.txt and schema.org JSON-LD."""

from pelican import signals

from .generator import FeedsGenerator
from .seo import install_globals
from .settings import apply_defaults
from .sitemap import remember, reset, write_sitemap


def _settings(pelican):
    apply_defaults(pelican.settings)
    reset()


def _generators(pelican):
    return FeedsGenerator


def register():
    """Check settings, add the feeds generator and the SEO template globals, write sitemap and robots.txt."""
    signals.initialized.connect(_settings)
    signals.get_generators.connect(_generators)
    signals.generator_init.connect(install_globals)
    signals.content_written.connect(remember)
    signals.finalized.connect(write_sitemap)
