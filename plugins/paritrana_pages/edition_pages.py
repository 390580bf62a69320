"""Edition archive pages and the index of all editions."""

from __future__ import annotations

from paritrana_core.page import Link, Page
from paritrana_core.urls import category_url, edition_url, province_url, url

from .page import Section, by_category


def _national_sections(winners, index, labels) -> list[Section]:
    _ = labels.lang._
    zones = sorted({w.zone for w in winners}, key=lambda z: -1 if z is None else index.zone_order.index(z))
    sections = []
    for zone in zones:
        rows = [w for w in winners if w.zone == zone]
        if zone is None:
            title = _("Zone not stated") if len(zones) > 1 else _("All categories")
        else:
            title = _("National: %(zone)s zone", zone=labels.zone(zone))
        anchor = "nasional" + (f"-{zone.replace('_', '-')}" if zone else "")
        sections.append(Section(title, anchor, by_category(rows, index, labels, anchor)))
    return sections


def _provincial_sections(winners, index, labels) -> list[Section]:
    scopes = sorted({w.scope_province for w in winners}, key=lambda c: labels.province(c))
    sections = []
    for scope in scopes:
        rows = [w for w in winners if w.scope_province == scope]
        anchor = f"provinsi-{index.provinces[scope].slug}"
        sections.append(Section(labels.round_name("provinsi", scope), anchor,
                                by_category(rows, index, labels, anchor), short_title=labels.province(scope)))
    return sections


def name_meanings(index, name_year: int) -> dict[str, list[int]]:
    """What 'Paritrana Award <year>' can mean: the edition whose national round has that official
    name, and the edition assessed in that year (loose labels of single sources are not counted)."""
    return {"national": [e.year for e in index.editions.values() if e.name_year == name_year],
            "assessment": [name_year] if name_year in index.editions else []}


def disambiguation(index, labels, year: int) -> list[Link]:
    """Sentences (with a link) for names this edition shares with another edition."""
    lang, _ = labels.lang.code, labels.lang._
    notes = []
    for other in name_meanings(index, year)["national"]:
        if other != year:
            notes.append(Link(_("Looking for the national round officially called %(name)s? That is the "
                                "%(edition)s edition.", name=labels.national_name(other), edition=other),
                              edition_url(lang, other)))
    name_year = labels.national_name_year(year)
    if name_year and name_year != year and name_year in index.editions:
        notes.append(Link(_("Some sources also use the name %(name)s for the provincial rounds of the "
                            "%(edition)s edition.", name=labels.national_name(year), edition=name_year),
                          edition_url(lang, name_year)))
    return notes


def edition_page(index, labels, year: int | None) -> Page:
    """Every known winner of one edition, national first, then each province's round."""
    lang, _ = labels.lang.code, labels.lang._
    winners = index.by_edition.get(year, [])
    national = [w for w in winners if w.level == "nasional"]
    provincial = [w for w in winners if w.level == "provinsi"]
    edition = index.editions.get(year)
    missing, without_round = [], []
    if edition:
        present = {w.category for w in national}
        missing = [Link(labels.category(c), category_url(lang, c)) for c in index.category_order
                   if index.category_existed(c, year) and c not in present]
        if year >= 2022:
            ran = {w.scope_province for w in provincial}
            without_round = [Link(labels.province(p), province_url(index, lang, p))
                             for p in sorted(index.provinces, key=labels.province) if p not in ran]
    if year is None:
        title = _("Awards without a stated edition")
        description = _("Paritrana Award results whose sources state no edition year, with their sources.")
    else:
        title = labels.edition_title(year)
        description = _("Every known winner of %(title)s (assessment year %(year)s), national and "
                        "provincial, with the source of each result.", title=title, year=year)
    values = {
        "year": year, "edition": edition, "count": len(winners),
        "ceremony": labels.lang.date(edition.national_ceremony) if edition else None,
        "note": (edition.note_en if labels.en else edition.note_id) if edition else None,
        "labels": ", ".join(str(y) for y in edition.labels) if edition else None,
        "national_name": labels.national_name(year),
        "also": disambiguation(index, labels, year) if year is not None else [],
        "national_count": len(national), "provincial_count": len(provincial),
        "round_count": len({w.scope_province for w in provincial}),
        "national": _national_sections(national, index, labels),
        "provincial": _provincial_sections(provincial, index, labels),
        "missing_categories": missing, "provinces_without_round": without_round,
    }
    crumbs = [Link(_("Home"), url("home", lang)), Link(_("Editions"), url("editions", lang))]
    return Page(("edition", year), lang, edition_url(lang, year), "edition", title, description,
                crumbs, values)


def editions_index(index, labels) -> Page:
    """All editions with their counts, newest first, and the undated rows."""
    lang, _ = labels.lang.code, labels.lang._
    items = []
    for edition in sorted(index.editions.values(), key=lambda e: -e.year):
        winners = index.by_edition.get(edition.year, [])
        items.append({
            "link": Link(labels.edition_title(edition.year), edition_url(lang, edition.year)),
            "year": edition.year, "number": edition.number,
            "national": sum(w.level == "nasional" for w in winners),
            "provincial": sum(w.level == "provinsi" for w in winners),
            "rounds": len({w.scope_province for w in winners if w.scope_province}),
            "ceremony": labels.lang.date(edition.national_ceremony)})
    undated = len(index.by_edition.get(None, []))
    names = []
    for name_year in sorted({e.name_year for e in index.editions.values() if e.name_year} | set(index.editions),
                            reverse=True):
        meanings = name_meanings(index, name_year)
        if len(set(meanings["national"] + meanings["assessment"])) > 1:
            names.append({"name": f"Paritrana Award {name_year}",
                          "national": [Link(labels.edition_title(e), edition_url(lang, e)) for e in meanings["national"]],
                          "assessment": [Link(labels.edition_title(e), edition_url(lang, e))
                                         for e in meanings["assessment"]]})
    values = {"items": items, "undated": undated, "names": names,
              "undated_link": Link(_("Undated results"), edition_url(lang, None)) if undated else None}
    return Page(("editions",), lang, url("editions", lang), "editions", _("All editions"),
                _("Every edition of the Paritrana Award since 2017, with the number of known winners."),
                [Link(_("Home"), url("home", lang))], values)


def edition_pages(index, labels) -> list[Page]:
    years = sorted(index.editions)
    pages = [editions_index(index, labels)] + [edition_page(index, labels, y) for y in years]
    if index.by_edition.get(None):
        pages.append(edition_page(index, labels, None))
    return pages
