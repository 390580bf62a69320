"""The core's own rows of the settings table: the data, the languages, the site name, the edit loop."""

from __future__ import annotations

from pathlib import Path

from .checks import boolean, text
from .preview import SETTING as PREVIEW
from .settings import CORE, DEFAULT_LANG, LANGUAGES, SITE_NAME, Setting, declare, declare_check


def _data_dir(value, _settings):
    if not Path(value).is_dir():
        return "the folder does not exist; name the folder holding regions/, winners/ …"


def _languages(value, _settings):
    if isinstance(value, str) or tuple(value) != LANGUAGES:
        return f"the site is built in {LANGUAGES}: Indonesian at /, English at /en/"


def _default_lang(settings) -> list[str]:
    if settings.get("DEFAULT_LANG") != DEFAULT_LANG:
        return [f"DEFAULT_LANG must be {DEFAULT_LANG!r} (Indonesian is the main language)"]
    return []


ROWS = declare(
    CORE,
    Setting("PARITRANA_DATA_DIR", "data", _data_dir, "Folder of the data files (regions/, winners/, coverage/ …)."),
    Setting("PARITRANA_LANGUAGES", LANGUAGES, _languages, "The site's languages, the main one first."),
    Setting("PARITRANA_SITE_NAME", SITE_NAME, text(SITE_NAME), "The site's name, in both languages."),
    Setting(PREVIEW, False, boolean, "Set by the edit loop for its quick preview builds."),
)
declare_check(CORE, _default_lang)
