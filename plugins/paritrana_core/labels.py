"""Display names of data vocabularies and award terms in the page's language."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from paritrana_i18n.locale import Lang


class Labels:
    """Turns codes and slugs into words for one language."""

    def __init__(self, index, lang: Lang):
        self.index, self.lang = index, lang
        _ = lang._
        self.levels = {"nasional": _("National"), "provinsi": _("Provincial round")}
        self.kinds = {"pemprov": _("Provincial government"), "pemkab": _("Regency government"),
                      "pemkot": _("City government"), "pemdes": _("Village government"),
                      "business": _("Business or institution"), "other": _("Other")}
        self.distinctions = {"harapan": _("Honourable mention"), "khusus": _("Special award"),
                             "coverage": _("Best coverage"), "inovasi": _("Best innovation"),
                             "nominasi": _("Nominee"), "piagam": _("Certificate"),
                             "winner": _("Winner (order not stated)")}
        self.ranks = {1: _("1st place"), 2: _("2nd place"), 3: _("3rd place")}

    @property
    def en(self) -> bool:
        return self.lang.code == "en"

    def province(self, code: str | None) -> str | None:
        if not code:
            return None
        p = self.index.provinces[code]
        return p.name_en if self.en else p.name

    def regency(self, code: str | None) -> str | None:
        return self.index.regencies[code].name if code else None

    def category(self, slug: str) -> str:
        c = self.index.categories[slug]
        return c.label_en if self.en else c.label_id

    def category_description(self, slug: str) -> str:
        c = self.index.categories[slug]
        return c.description_en if self.en else c.description_id

    def zone(self, slug: str | None) -> str | None:
        z = self.index.zones.get(slug) if slug else None
        return (z.label_en if self.en else z.label_id) if z else None

    def sector(self, slug: str | None) -> str | None:
        s = self.index.sectors.get(slug) if slug else None
        return (s.label_en if self.en else s.label_id) if s else None

    def place(self, rank: int | None, distinction: str) -> str:
        """'1st place', 'Honourable mention', 'Winner (order not stated)'."""
        if rank:
            return self.ranks[rank]
        return self.distinctions[distinction]

    def edition(self, year: int | None) -> str:
        """A short edition label for table cells: '2024 (ed. 2023)' where the official name differs."""
        if year is None:
            return self.lang._("Undated")
        named = self.national_name_year(year)
        if named is None or named == year:
            return str(year)
        return self.lang._("%(name_year)s (ed. %(edition)s)", name_year=named, edition=year)

    def national_name(self, year: int | None) -> str | None:
        """The official name of an edition's national round ('Paritrana Award 2024'), if sourced."""
        edition = self.index.editions.get(year) if year is not None else None
        return edition.national_name or None if edition else None

    def national_name_year(self, year: int | None) -> int | None:
        edition = self.index.editions.get(year) if year is not None else None
        return edition.name_year if edition else None

    def edition_title(self, year: int | None) -> str:
        """'Paritrana Award 2024 (2023 edition)': the official name first, the assessment year after."""
        _ = self.lang._
        if year is None:
            return _("No edition year stated")
        name = self.national_name(year)
        if name is None:
            return _("Paritrana Award, %(edition)s edition", edition=year)
        if self.national_name_year(year) == year:
            return name
        return _("%(name)s (%(edition)s edition)", name=name, edition=year)

    def edition_heading(self, year: int | None) -> str:
        """Group headings on place and category pages, true of national and provincial rows alike:
        'Edition 2023 (national round: Paritrana Award 2024)'."""
        _ = self.lang._
        if year is None:
            return _("No edition year stated")
        name = self.national_name(year)
        if name is None or self.national_name_year(year) == year:
            return self.edition_title(year)
        return _("%(edition)s edition (national round: %(name)s)", edition=year, name=name)

    def known_labels(self, year: int | None) -> set[int]:
        """Years by which sources are known to name an edition: its labels and its official name."""
        edition = self.index.editions.get(year) if year is not None else None
        if edition is None:
            return set()
        return {edition.year, *edition.labels} | ({edition.name_year} if edition.name_year else set())

    def row_edition(self, w) -> str:
        """A row's edition as its award is named: '2024 (ed. 2023)' where the name's year differs."""
        if w.edition is None:
            return self.lang._("Undated")
        named = int(self.award_name(w).rsplit(" ", 1)[-1])
        if named == w.edition:
            return str(w.edition)
        return self.lang._("%(name_year)s (ed. %(edition)s)", name_year=named, edition=w.edition)

    def award_name(self, w) -> str:
        """The name of the award a row records, as its winner's own sources name it.

        National rounds: the official name of the edition's national round. Provincial rounds (and
        editions without a sourced name): the year the row's source used, else the edition year.
        """
        if w.level == "nasional" and self.national_name(w.edition):
            return self.national_name(w.edition)
        year = w.label_year or w.edition
        return f"Paritrana Award {year}" if year is not None else "Paritrana Award"

    def round_name(self, level: str, scope: str | None) -> str:
        """'National' or 'Provincial round: Jawa Timur'."""
        if level == "nasional":
            return self.levels["nasional"]
        return self.lang._("Provincial round: %(province)s", province=self.province(scope))


def source_host(url: str) -> str:
    """The site a source lives on, as a reader recognises it: 'antaranews.com'."""
    scheme, sep, rest = url.partition("://")
    # Source URLs are validated http(s) addresses; the split is a fast path for urlsplit's netloc.
    host = rest.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0].lower() if sep else urlsplit(url).netloc.lower()
    return host[4:] if host.startswith("www.") else host


@dataclass(frozen=True)
class Source:
    """A source as shown: address, site name and date."""

    url: str
    host: str
    date: str | None


def basis_label(f, labels: Labels) -> str:
    """What a coverage figure is counted on (coverage_notes.md): figures of different bases do not compare."""
    _ = labels.lang._
    return {"ucj": _("UCJ (Universal Coverage Jamsostek)"),
            "bpjs_office": _("BPJS Ketenagakerjaan office's own worker base"),
            "kemnaker": _("Kemnaker active participants"), "subgroup": _("A group of workers only"),
            "not_stated": _("Basis not stated")}[f.basis]
