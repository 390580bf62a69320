"""The feeds plugin's settings: defaults in one place, checked once at start-up."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

DEFAULTS = {
    # Atom feeds per language: new results (one entry per edition) and changes to the data, and the
    # changes alone. Paths are site-relative, like every URL of the site.
    "PARITRANA_FEEDS_LATEST": {"id": "feeds/terbaru.atom.xml", "en": "en/feeds/latest.atom.xml"},
    "PARITRANA_FEEDS_CORRECTIONS": {"id": "feeds/koreksi.atom.xml", "en": "en/feeds/corrections.atom.xml"},
    # The editorial page (its `Key:`) whose dated table is the log of changes to the data.
    "PARITRANA_FEEDS_CORRECTIONS_KEY": "corrections",
    # Atom entry ids are tag: URIs (RFC 4151), "tag:<authority>,<date>:<what>". Keep both fixed once
    # the feeds are public. None: the host of SITEURL, or "localhost" for local builds.
    "PARITRANA_FEEDS_TAG_AUTHORITY": None,
    "PARITRANA_FEEDS_TAG_DATE": "2026",
    "PARITRANA_SITEMAP": True,
    "PARITRANA_ROBOTS": True,
}


class SettingsError(SystemExit):
    """A PARITRANA_FEEDS_* setting is wrong; the message says which and how to fix it."""


def apply_defaults(settings) -> None:
    """Fill in missing PARITRANA_FEEDS_* settings and validate them."""
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
    langs = tuple(settings.get("PARITRANA_LANGUAGES", ("id", "en")))
    for key in ("PARITRANA_FEEDS_LATEST", "PARITRANA_FEEDS_CORRECTIONS"):
        paths = settings[key]
        if not isinstance(paths, dict) or set(paths) != set(langs):
            raise SettingsError(f"{key} must map every language {langs} to a feed path")
        for path in paths.values():
            if not isinstance(path, str) or path.startswith("/") or not path.endswith(".xml") or ".." in path:
                raise SettingsError(f"{key}: '{path}' must be a site-relative path ending in .xml")
    paths = [p for key in ("PARITRANA_FEEDS_LATEST", "PARITRANA_FEEDS_CORRECTIONS") for p in settings[key].values()]
    if len(set(paths)) != len(paths):
        raise SettingsError("PARITRANA_FEEDS_LATEST and PARITRANA_FEEDS_CORRECTIONS must use different paths")
    authority = settings["PARITRANA_FEEDS_TAG_AUTHORITY"]
    if authority is not None and not re.fullmatch(r"[a-z0-9.-]+|[^@\s]+@[a-z0-9.-]+", str(authority)):
        raise SettingsError("PARITRANA_FEEDS_TAG_AUTHORITY must be a domain name (or an e-mail address)")
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", str(settings["PARITRANA_FEEDS_TAG_DATE"])):
        raise SettingsError("PARITRANA_FEEDS_TAG_DATE must be a date such as '2026' or '2026-11-21'")
    for key in ("PARITRANA_SITEMAP", "PARITRANA_ROBOTS"):
        if not isinstance(settings[key], bool):
            raise SettingsError(f"{key} must be True or False")


def tag_authority(settings) -> str:
    """The authority part of tag: ids: the setting, the host of SITEURL, or 'localhost'."""
    if settings.get("PARITRANA_FEEDS_TAG_AUTHORITY"):
        return settings["PARITRANA_FEEDS_TAG_AUTHORITY"]
    return (urlsplit(settings.get("SITEURL") or "").hostname or "localhost").lower()
