"""The downloads plugin's settings: defaults in one place, checked once at start-up."""

from __future__ import annotations

import os
import re
from pathlib import Path

DEFAULTS = {
    # Folder of the CSV, XLSX and JSON downloads (site-relative, no leading or trailing slash).
    "PARITRANA_DOWNLOADS_DIR": "unduh",
    # Folder of the static JSON API; its index is <dir>/index.json.
    "PARITRANA_DOWNLOADS_API_DIR": "api/v1",
    # The Frictionless data package that describes every download.
    "PARITRANA_DOWNLOADS_DATAPACKAGE": "datapackage.json",
    # Page types (Page.template) that show the "Cite this page" block.
    "PARITRANA_DOWNLOADS_CITE_TEMPLATES": ("edition", "province", "regency"),
    # Rendered files, named by a hash of their inputs, kept by the last this many builds of other data.
    "PARITRANA_DOWNLOADS_CACHE_KEEP": 3,
}
# Folders the data pages and editorial pages already use: downloads must not land in them.
TAKEN = {"en", "tahun", "provinsi", "kategori", "data", "theme", "tentang", "metode", "sumber", "koreksi",
         "peta", "cari"}
PATH = re.compile(r"^[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*$")
CITABLE = {"edition", "province", "regency", "category", "home", "editions", "provinces", "categories"}


class SettingsError(SystemExit):
    """A PARITRANA_DOWNLOADS_* setting is wrong; the message says which and how to fix it."""


def _path(settings, key: str, suffix: str = "") -> str:
    value = settings[key]
    if not isinstance(value, str) or not PATH.match(value) or ".." in value or not value.endswith(suffix):
        raise SettingsError(f"{key}: {value!r} is not a site-relative path such as {DEFAULTS[key]!r} "
                            "(lower-case letters, digits, '.', '_', '-' and '/', no leading or trailing '/')")
    if value.split("/")[0] in TAKEN:
        raise SettingsError(f"{key}: {value!r} starts with '{value.split('/')[0]}/', which the site's pages use; "
                            f"choose another folder, e.g. {DEFAULTS[key]!r}")
    return value


def cache_dir(settings) -> str:
    """Default cache folder: .cache/downloads beside the content folder (next to the share images' cache)."""
    return str(Path(settings.get("PATH", "content")).resolve().parent / ".cache" / "downloads")


def _cache(settings) -> None:
    key = "PARITRANA_DOWNLOADS_CACHE_DIR"
    value = settings[key]
    if not isinstance(value, (str, os.PathLike)) or not str(value):
        raise SettingsError(f"{key} must be a folder path (got {value!r})")
    path, output = Path(value).resolve(), Path(settings.get("OUTPUT_PATH", "output")).resolve()
    if path == output or output in path.parents or path in output.parents:
        raise SettingsError(f"{key} ({path}) must be outside the output folder ({output}) and not contain it: "
                            "the output is replaced on every build, the cache must stay")
    if path.exists() and not path.is_dir():
        raise SettingsError(f"{key} ({path}) exists and is not a folder")
    keep = settings["PARITRANA_DOWNLOADS_CACHE_KEEP"]
    if isinstance(keep, bool) or not isinstance(keep, int) or keep < 1:
        raise SettingsError(f"PARITRANA_DOWNLOADS_CACHE_KEEP must be a whole number of at least 1 (got {keep!r})")


def apply_defaults(settings) -> None:
    """Fill in missing PARITRANA_DOWNLOADS_* settings and validate them."""
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
    settings.setdefault("PARITRANA_DOWNLOADS_CACHE_DIR", cache_dir(settings))
    _cache(settings)
    folders = [_path(settings, "PARITRANA_DOWNLOADS_DIR"), _path(settings, "PARITRANA_DOWNLOADS_API_DIR")]
    _path(settings, "PARITRANA_DOWNLOADS_DATAPACKAGE", ".json")
    if folders[0] == folders[1] or folders[1].startswith(folders[0] + "/") or folders[0].startswith(folders[1] + "/"):
        raise SettingsError("PARITRANA_DOWNLOADS_DIR and PARITRANA_DOWNLOADS_API_DIR must be separate folders "
                            f"(now {folders[0]!r} and {folders[1]!r})")
    templates = settings["PARITRANA_DOWNLOADS_CITE_TEMPLATES"]
    if isinstance(templates, str) or not set(templates) <= CITABLE:
        raise SettingsError("PARITRANA_DOWNLOADS_CITE_TEMPLATES must be a tuple of page types from "
                            f"{sorted(CITABLE)}, e.g. ('edition', 'province', 'regency'); got {templates!r}")
    settings["PARITRANA_DOWNLOADS_CITE_TEMPLATES"] = tuple(templates)
