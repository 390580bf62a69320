"""Share kit: Open Graph and Twitter tags, share images, embeddable award badges and printable summaries.

Imports happen in register() so that the image workers, which import only `paritrana_share.card`,
start without loading Pelican, pandas or the data layer.
"""


def _generators(pelican):
    from .generator import ShareGenerator

    return ShareGenerator


def register():
    """Check settings, give templates the badge list, add page share values after the data pages are
    built, and the share generator."""
    from pelican import signals

    import paritrana_core
    from paritrana_core.hooks import pages_built

    from . import settings  # noqa: F401  (declares the plugin's settings and folders)
    from .badge_html import install_badge_list
    from .collect import collect

    paritrana_core.register()
    signals.generator_init.connect(install_badge_list)
    signals.get_generators.connect(_generators)
    pages_built.connect(collect)
