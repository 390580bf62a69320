"""Install gettext into Pelican's Jinja environments and refuse to build with a missing translation."""

from __future__ import annotations

import logging
from pathlib import Path

from babel.messages.extract import extract_from_dir
from jinja2 import pass_context

from paritrana_core.settings import DEFAULT_LANG, languages

from .locale import SOURCE_LANG, Lang, load_translations, read_catalogue

logger = logging.getLogger(__name__)
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2)}
METHODS = [("**.py", "python"), ("**.html", "jinja2"), ("**.svg", "jinja2")]


class MissingTranslation(SystemExit):
    """A UI string has no translation in a language the site is built in (exits with its message)."""


def catalogue_dir(settings) -> Path:
    return Path(settings["THEME"]) / "translations"


def lang_for(settings, code: str) -> Lang:
    """The `Lang` helper for a language code, from the theme's catalogues."""
    return Lang(code, load_translations(str(catalogue_dir(settings)), code))


def extract_messages(folders: list[Path]) -> set[str]:
    """Every msgid used in the given source folders (templates and Python)."""
    found = set()
    options = {"**.html": {"extensions": "jinja2.ext.i18n"}, "**.svg": {"extensions": "jinja2.ext.i18n"}}
    for folder in folders:
        for _file, _line, message, _comments, _context in extract_from_dir(
                folder, METHODS, options_map=options, keywords=KEYWORDS):
            if isinstance(message, tuple):
                found.update(m for m in message if m)
            elif message:
                found.add(message)
    return found


def missing_translations(settings) -> dict[str, list[str]]:
    """msgids used in templates or plugins that a catalogue lacks, per language."""
    root = Path(settings["PATH"]).resolve().parent
    used = extract_messages([Path(settings["THEME"]) / "templates", root / "plugins"])
    missing = {}
    for code in languages(settings):
        if code == SOURCE_LANG:
            continue
        catalog = read_catalogue(str(catalogue_dir(settings)), code)
        done = set()
        for m in catalog:
            ids = (m.id,) if isinstance(m.id, str) else m.id
            strings = (m.string,) if isinstance(m.string, str) else m.string
            if m.id and not m.fuzzy and all(strings):
                done.update(ids)
        gaps = sorted(m for m in used if m not in done)
        if gaps:
            missing[code] = gaps
    return missing


def check_catalogues(pelican) -> None:
    """Stop before anything is written if a UI string lacks its translation."""
    missing = missing_translations(pelican.settings)
    if missing:
        lines = [f"{code}: {msg!r}" for code, msgs in missing.items() for msg in msgs]
        raise MissingTranslation(
            f"{len(lines)} UI string(s) lack a translation; run `invoke i18n-update`, "
            "translate them in theme/translations/<lang>/LC_MESSAGES/messages.po:\n  " + "\n  ".join(lines))


def current_lang(context) -> str:
    """The language of the page being rendered: our pages pass `lang`, Pelican pages have page.lang."""
    if context.get("lang"):
        return context["lang"]
    for key in ("page", "article"):
        item = context.get(key)
        if item is not None and getattr(item, "lang", None):
            return item.lang
    return context.get("DEFAULT_LANG", DEFAULT_LANG)


def install_gettext(generator) -> None:
    """Give the generator's Jinja environment gettext that follows each page's language."""
    settings = generator.settings
    helpers = {code: lang_for(settings, code) for code in languages(settings)}

    # Jinja's new-style wrappers escape and fill in the %(name)s values after these return.
    @pass_context
    def gettext(context, message):
        return helpers[current_lang(context)].raw_gettext(message)

    @pass_context
    def ngettext(context, singular, plural, n):
        return helpers[current_lang(context)].raw_ngettext(singular, plural, n)

    generator.env.add_extension("jinja2.ext.i18n")
    generator.env.install_gettext_callables(gettext, ngettext, newstyle=True)
    generator.env.globals["langs"] = helpers
