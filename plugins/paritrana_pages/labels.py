"""Display names of data vocabularies and award terms in the page's language."""

from __future__ import annotations

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
        return str(year) if year is not None else self.lang._("Undated")

    def edition_heading(self, year: int | None) -> str:
        """'Edition 2023', or a plain statement for rows without a year."""
        if year is None:
            return self.lang._("No edition year stated")
        return self.lang._("Edition %(edition)s", edition=year)

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
