"""Bilingual by construction: gettext catalogues in every template, locale-aware formats."""

from pelican import signals

from .catalog import check_catalogues, install_gettext


def register():
    """Check the catalogues at start-up and give every generator's templates gettext."""
    signals.initialized.connect(check_catalogues)
    signals.generator_init.connect(install_gettext)
