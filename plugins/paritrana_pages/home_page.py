"""The home page and the not-found page."""

from __future__ import annotations

from paritrana_core.page import Link, Page
from paritrana_core.urls import category_url, edition_url, not_found_url, province_url, regency_url, url

from .page import by_category
from .standings import leaders


def home_page(index, labels) -> Page:
    """What the award is, counts, the latest national results and the ways in."""
    lang, _ = labels.lang.code, labels.lang._
    data = index.data
    years = index.editions_with_winners()
    latest_national = next((y for y in years if any(w.level == "nasional" for w in index.by_edition[y])), None)
    latest = years[0] if years else None
    highlights = ()
    if latest_national is not None:
        national = [w for w in index.by_edition[latest_national] if w.level == "nasional"]
        highlights = [{"title": g.title, "anchor": g.anchor, "items": [_winner_item(index, labels, w) for w in g.rows]}
                      for g in by_category(national, index, labels, "sorotan")]
    rounds = sorted({w.scope_province for w in index.by_edition.get(latest, []) if w.scope_province},
                    key=labels.province)
    values = {
        "counts": {"winners": labels.lang.number(len(data.winners)),
                   "editions": labels.lang.number(len(years)),
                   "provinces": labels.lang.number(len(index.by_province)),
                   "regencies": labels.lang.number(len(index.by_regency)),
                   "figures": labels.lang.number(len(data.coverage))},
        "latest_national": latest_national,
        "latest_national_link": Link(labels.edition_title(latest_national), edition_url(lang, latest_national))
        if latest_national is not None else None,
        "leaders": leaders(index, labels),
        "highlights": highlights, "latest": Link(labels.edition_title(latest), edition_url(lang, latest)) if latest else None,
        "latest_rounds": [Link(labels.province(p), province_url(index, lang, p)) for p in rounds],
        "editions": [Link(labels.edition_title(y), edition_url(lang, y)) for y in sorted(index.editions, reverse=True)],
        "provinces": [Link(labels.province(p), province_url(index, lang, p))
                      for p in sorted(index.provinces, key=labels.province)],
        "categories": [Link(labels.category(c), category_url(lang, c)) for c in index.category_order],
    }
    return Page(("home",), lang, url("home", lang), "home", _("Paritrana Award: the public record"),
                _("Winners of the Paritrana Award (Penghargaan Jaminan Sosial Ketenagakerjaan) since 2017 "
                  "by year, province, regency and category, each with its source."), [], values)


def _winner_item(index, labels, w) -> dict:
    """A winner in a compact list: a government by its region's name, others as reported; its place if stated."""
    lang = labels.lang.code
    if w.kind == "pemprov" and w.province:
        name = labels.province(w.province)
    elif w.kind in ("pemkab", "pemkot") and w.regency:
        name = labels.regency(w.regency)
    else:
        name = w.name
    link = regency_url(index, lang, w.regency) if w.regency else (
        province_url(index, lang, w.province) if w.province else None)
    place = None if (not w.rank and w.distinction == "winner") else labels.place(w.rank, w.distinction)
    return {"link": Link(name, link), "place": place, "place_class": f"rank-{w.rank}" if w.rank else w.distinction}


def not_found_page(labels) -> Page:
    lang, _ = labels.lang.code, labels.lang._
    return Page(("404",), lang, not_found_url(lang), "404", _("Page not found"),
                _("This page does not exist or has moved."), [Link(_("Home"), url("home", lang))], {})
