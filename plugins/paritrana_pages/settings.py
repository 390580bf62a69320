"""The pages plugin's settings: defaults in one place, checked once at start-up."""

from __future__ import annotations

from pathlib import Path

DEFAULTS = {
    "PARITRANA_DATA_DIR": "data",
    "PARITRANA_LANGUAGES": ("id", "en"),
    "PARITRANA_SITE_NAME": "Arsip Paritrana Award",
}


class SettingsError(SystemExit):
    """A PARITRANA_* setting is wrong; the message says which and how to fix it."""


def apply_defaults(settings) -> None:
    """Fill in missing PARITRANA_* settings and validate them."""
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
    data_dir = Path(settings["PARITRANA_DATA_DIR"])
    if not data_dir.is_dir():
        raise SettingsError(f"PARITRANA_DATA_DIR: folder '{data_dir}' does not exist "
                            "(set it in pelicanconf.py to the folder holding regions/, winners/ …)")
    langs = tuple(settings["PARITRANA_LANGUAGES"])
    if langs != ("id", "en"):
        raise SettingsError("PARITRANA_LANGUAGES must be ('id', 'en'): Indonesian at /, English at /en/")
    if settings.get("DEFAULT_LANG") != "id":
        raise SettingsError("DEFAULT_LANG must be 'id' (Indonesian is the main language)")
