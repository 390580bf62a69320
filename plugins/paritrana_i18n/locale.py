"""Per-language translation and formatting of numbers and dates, for Python and templates."""

from __future__ import annotations

import io
from datetime import date
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import NullTranslations, Translations

SOURCE_LANG = "en"
DOMAIN = "messages"


def read_catalogue(folder: str, lang: str) -> Catalog:
    """All `<folder>/<lang>/LC_MESSAGES/*.po` files as one catalogue; the first translation wins."""
    merged = Catalog(locale=lang, domain=DOMAIN)
    for path in sorted((Path(folder) / lang / "LC_MESSAGES").glob("*.po")):
        with path.open("rb") as handle:
            for message in read_po(handle, locale=lang):
                strings = (message.string,) if isinstance(message.string, str) else message.string
                if message.id and not message.fuzzy and all(strings) and message.id not in merged:
                    merged[message.id] = message
    return merged


@lru_cache(maxsize=None)
def load_translations(folder: str, lang: str) -> NullTranslations:
    """Compile the language's catalogues in memory (no stale .mo files)."""
    if lang == SOURCE_LANG:
        return NullTranslations()
    catalog = read_catalogue(folder, lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


class Lang:
    """Everything language-specific a page needs: gettext and number/date formats."""

    def __init__(self, code: str, translations: NullTranslations):
        self.code = code
        self.locale = Locale.parse(code)
        self._t = translations
        # Babel takes ~70 µs to format one date or number; a build formats the same ones again and again.
        self._dates: dict[date, str] = {}
        self._numbers: dict[tuple, str] = {}

    def raw_gettext(self, message: str) -> str:
        return self._t.gettext(message)

    def raw_ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._t.ngettext(singular, plural, n)

    def _(self, message: str, **values) -> str:
        text = self._t.gettext(message)
        return text % values if values else text

    def ngettext(self, singular: str, plural: str, n: int, **values) -> str:
        text = self._t.ngettext(singular, plural, n)
        return text % {"num": self.number(n), **values}

    def number(self, value: float, decimals: int = 2) -> str:
        """2.617.816 / 2,617,816; 41,61 / 41.61 (up to `decimals` places, no trailing zeros)."""
        key = (type(value), value, decimals)  # 2 and 2.0 are equal keys but may format differently
        text = self._numbers.get(key)
        if text is None:
            pattern = "#,##0" + ("." + "#" * decimals if decimals else "")
            text = self._numbers[key] = format_decimal(value, format=pattern, locale=self.locale)
        return text

    def percent(self, value: float) -> str:
        """41,61% / 41.61% from a value already in percent."""
        return self.number(value) + "%"

    def date(self, value: date | None) -> str | None:
        """12 September 2024 / September 12, 2024."""
        if not value:
            return None
        text = self._dates.get(value)
        if text is None:
            text = self._dates[value] = format_date(value, format="long", locale=self.locale)
        return text

    def partial_date(self, value: str | None) -> str | None:
        """'2024' / 'Agustus 2024' / '12 Agustus 2024' from an ISO partial date."""
        if not value:
            return None
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 1:
            return str(parts[0])
        if len(parts) == 2:
            return format_date(date(parts[0], parts[1], 1), format="LLLL y", locale=self.locale)
        return self.date(date(*parts))
