"""The fonts plugin's settings: defaults in one place, checked once at start-up."""

from __future__ import annotations

import os
from pathlib import Path


def defaults(settings) -> dict:
    root = Path(settings.get("PATH", "content")).resolve().parent
    # Subset fonts, named by a hash of the source font, the character set and the tool versions.
    return {"PARITRANA_FONTS_CACHE_DIR": str(root / ".cache" / "fonts")}


class SettingsError(SystemExit):
    """A PARITRANA_FONTS_* setting is wrong, or the font packages are missing; the message says how to fix it."""


def apply_defaults(settings) -> None:
    """Fill in missing PARITRANA_FONTS_* settings and validate them."""
    for key, value in defaults(settings).items():
        settings.setdefault(key, value)
    cache = settings["PARITRANA_FONTS_CACHE_DIR"]
    if not isinstance(cache, (str, os.PathLike)) or not str(cache):
        raise SettingsError(f"PARITRANA_FONTS_CACHE_DIR must be a folder path (got {cache!r})")
    cache_path = Path(cache).resolve()
    output = Path(settings.get("OUTPUT_PATH", "output")).resolve()
    if cache_path == output or output in cache_path.parents:
        raise SettingsError(f"PARITRANA_FONTS_CACHE_DIR ({cache_path}) must be outside the output folder ({output})")
    missing = []
    for module, package in (("fontTools", "fonttools"), ("brotli", "brotli"),
                            ("fontpkg_public_sans", "fontpkg-public-sans")):
        try:
            __import__(module)
        except ImportError:
            missing.append(package)
    if missing:
        raise SettingsError(f"paritrana_fonts needs {', '.join(missing)} from requirements.txt "
                            "(`.venv/bin/pip install -r requirements.txt`)")
