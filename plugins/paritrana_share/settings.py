"""The share kit's settings: defaults in one place, checked once at start-up."""

from __future__ import annotations

import os
from pathlib import Path

from paritrana_pages.settings import usable_cores


def defaults(settings) -> dict:
    root = Path(settings.get("PATH", "content")).resolve().parent
    return {
        # Rendered PNGs, keyed by a hash of everything drawn; outside output/ so builds reuse them.
        "PARITRANA_SHARE_CACHE_DIR": str(root / ".cache" / "share"),
        # Processes that render new share images (1 renders in the build process itself).
        "PARITRANA_SHARE_WORKERS": usable_cores(),
        # Below this many new images, rendering in the build process beats starting a pool.
        "PARITRANA_SHARE_POOL_MIN": 24,
        # Most awards listed on a printable summary, so that it stays one A4 page.
        "PARITRANA_SHARE_PRINT_LIMIT": 12,
        # A place page offers a badge for each award up to this many; a longer page offers those of
        # the place's government only (fewer files, and a list a reader can still use).
        "PARITRANA_SHARE_BADGE_LIMIT": 30,
    }


class SettingsError(SystemExit):
    """A PARITRANA_SHARE_* setting is wrong; the message says which and how to fix it."""


def _positive_int(settings, key: str, minimum: int) -> None:
    value = settings[key]
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise SettingsError(f"{key} must be a whole number of at least {minimum} (got {value!r}); "
                            "set it in pelicanconf.py or remove it to use the default")


def apply_defaults(settings) -> None:
    """Fill in missing PARITRANA_SHARE_* settings and validate them."""
    for key, value in defaults(settings).items():
        settings.setdefault(key, value)
    cache = settings["PARITRANA_SHARE_CACHE_DIR"]
    if not isinstance(cache, (str, os.PathLike)) or not str(cache):
        raise SettingsError(f"PARITRANA_SHARE_CACHE_DIR must be a folder path (got {cache!r})")
    cache_path = Path(cache).resolve()
    output = Path(settings.get("OUTPUT_PATH", "output")).resolve()
    if cache_path == output or output in cache_path.parents:
        raise SettingsError(f"PARITRANA_SHARE_CACHE_DIR ({cache_path}) must be outside the output folder "
                            f"({output}): the output is replaced on every build, the cache must stay")
    if cache_path.exists() and not cache_path.is_dir():
        raise SettingsError(f"PARITRANA_SHARE_CACHE_DIR ({cache_path}) exists and is not a folder")
    _positive_int(settings, "PARITRANA_SHARE_WORKERS", 1)
    _positive_int(settings, "PARITRANA_SHARE_POOL_MIN", 1)
    _positive_int(settings, "PARITRANA_SHARE_PRINT_LIMIT", 1)
    _positive_int(settings, "PARITRANA_SHARE_BADGE_LIMIT", 1)
    check_packages()


def check_packages() -> None:
    """The font and QR packages come from requirements.txt; say so instead of a traceback."""
    missing = []
    for module, package in (("PIL", "Pillow"), ("segno", "segno"), ("fontpkg_public_sans", "fontpkg-public-sans")):
        try:
            __import__(module)
        except ImportError:
            missing.append(package)
    if missing:
        raise SettingsError(f"paritrana_share needs {', '.join(missing)}: run `python3 dev.py serve` or "
                            "`.venv/bin/pip install -r requirements.txt`")
    from .card import font_path

    if not font_path().is_file():
        raise SettingsError(f"paritrana_share: the font file {font_path()} is missing; reinstall "
                            "fontpkg-public-sans (`.venv/bin/pip install --force-reinstall -r requirements.txt`)")
