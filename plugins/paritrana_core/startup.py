"""The core's signal receivers: the start-up check of every setting and output folder, the written-files collector, the navigation."""

from __future__ import annotations

from pelican import signals

from . import core_settings, written  # noqa: F401  (core_settings declares the core's rows)
from .folders import check_folders
from .navigation import install_navigation
from .settings import apply


def check_start(settings, owners=None) -> None:
    """Fill in and check the settings of the owners (every enabled plugin by default), then their folders."""
    apply(settings, owners)
    check_folders(settings, owners)


def check_settings(pelican) -> None:
    """initialized receiver: the start-up check of the whole site."""
    check_start(pelican.settings)


def connect() -> None:
    """Connect the core's receivers (once, however many plugins ask)."""
    signals.initialized.connect(check_settings)
    signals.generator_init.connect(install_navigation)
    signals.all_generators_finalized.connect(written.reset)
    signals.content_written.connect(written.remember)
