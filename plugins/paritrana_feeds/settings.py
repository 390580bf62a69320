"""The feeds plugin's rows of the settings table."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from paritrana_core.checks import boolean
from paritrana_core.folders import declare_folders
from paritrana_core.settings import Setting, declare, languages
from paritrana_core.urls import siteurl

FEED_KEYS = ("PARITRANA_FEEDS_LATEST", "PARITRANA_FEEDS_CORRECTIONS")


def _feed_paths(value, settings):
    langs = languages(settings)
    if not isinstance(value, dict) or set(value) != set(langs):
        return f"map every language {langs} to a feed path"
    for path in value.values():
        if not isinstance(path, str) or path.startswith("/") or not path.endswith(".xml") or ".." in path:
            return f"'{path}' must be a site-relative path ending in .xml"
    if value is settings.get(FEED_KEYS[1]):
        paths = [p for key in FEED_KEYS if isinstance(settings.get(key), dict) for p in settings[key].values()]
        if len(set(paths)) != len(paths):
            return "PARITRANA_FEEDS_LATEST and PARITRANA_FEEDS_CORRECTIONS must use different paths"


def _authority(value, _settings):
    if value is not None and not re.fullmatch(r"[a-z0-9.-]+|[^@\s]+@[a-z0-9.-]+", str(value)):
        return "give a domain name (or an e-mail address), or None"


def _date(value, _settings):
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", str(value)):
        return "give a date such as '2026' or '2026-11-21'"


def _page_key(value, _settings):
    if not isinstance(value, str) or not value:
        return "give the Key: of the editorial page that holds the change log, e.g. 'corrections'"


ROWS = declare(
    "paritrana_feeds",
    # Paths are site-relative, like every URL of the site.
    Setting("PARITRANA_FEEDS_LATEST", {"id": "feeds/terbaru.atom.xml", "en": "en/feeds/latest.atom.xml"},
            _feed_paths, "Atom feed per language: new results (one entry per edition) and changes to the data."),
    Setting("PARITRANA_FEEDS_CORRECTIONS", {"id": "feeds/koreksi.atom.xml", "en": "en/feeds/corrections.atom.xml"},
            _feed_paths, "Atom feed per language of the changes to the data alone."),
    Setting("PARITRANA_FEEDS_CORRECTIONS_KEY", "corrections", _page_key,
            "The editorial page (its `Key:`) whose dated table is the log of changes to the data."),
    # Atom entry ids are tag: URIs (RFC 4151), "tag:<authority>,<date>:<what>": keep both fixed once public.
    Setting("PARITRANA_FEEDS_TAG_AUTHORITY", None, _authority,
            "The authority of tag: ids; None: the host of the site's URL, or 'localhost' for local builds."),
    Setting("PARITRANA_FEEDS_TAG_DATE", "2026", _date, "The date of tag: ids."),
    Setting("PARITRANA_SITEMAP", True, boolean, "Write sitemap.xml."),
    Setting("PARITRANA_ROBOTS", True, boolean, "Write robots.txt."),
)


def tag_authority(settings) -> str:
    """The authority part of tag: ids: the setting, the host of the site's URL, or 'localhost'."""
    if settings.get("PARITRANA_FEEDS_TAG_AUTHORITY"):
        return settings["PARITRANA_FEEDS_TAG_AUTHORITY"]
    return (urlsplit(siteurl(settings)).hostname or "localhost").lower()


def claims(settings) -> list[tuple[str, str]]:
    """Every feed, the sitemap and robots.txt."""
    return [*((path, key) for key in FEED_KEYS for path in settings[key].values()),
            ("sitemap.xml", "PARITRANA_SITEMAP"), ("robots.txt", "PARITRANA_ROBOTS")]


declare_folders("paritrana_feeds", claims)
