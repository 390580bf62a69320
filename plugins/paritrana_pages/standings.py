"""Standings (klasemen): who won most, counted from the data by rules the page states.

Three tables: provincial governments by their own national awards; provinces by every award to a
winner located in them (national and provincial rounds apart); regency and city governments by
their own awards. Each table is written pre-sorted; the province table also in other orders on
pages of their own, so it can be sorted without JavaScript.
"""

from __future__ import annotations

from dataclasses import dataclass

from paritrana_core.page import Link, Page
from paritrana_core.urls import province_url, regency_url, url

LOCAL_GOVERNMENT = ("pemkab", "pemkot")
# The province table's orders: the view's slug (the same in both languages) -> its sort column.
PROVINCE_VIEWS = ("nasional", "babak-provinsi", "semua")
SHORT_LIST = 15


@dataclass(frozen=True)
class Standing:
    """One line of a table: its shared rank, the place and the counts shown."""

    rank: int
    place: Link
    national: int
    provincial: int
    total: int
    firsts: int
    editions: str


def ranked(items: list[dict], key: str) -> list[Standing]:
    """Sort by `key` (then first places, then name) and number with shared ranks: 1, 2, 2, 4."""
    items = sorted(items, key=lambda i: (-i[key], -i["firsts"], i["place"].text))
    lines, rank, previous = [], 0, None
    for position, item in enumerate(items, 1):
        if item[key] != previous:
            rank, previous = position, item[key]
        lines.append(Standing(rank, item["place"], item["national"], item["provincial"], item["total"],
                              item["firsts"], item["editions"]))
    return lines


def _editions(winners) -> str:
    years = sorted({w.edition for w in winners if w.edition is not None})
    return ", ".join(str(y) for y in years)


def _counts(place: Link, winners) -> dict:
    national = sum(w.level == "nasional" for w in winners)
    return {"place": place, "national": national, "provincial": len(winners) - national,
            "total": len(winners), "firsts": sum(w.rank == 1 for w in winners), "editions": _editions(winners)}


def government_counts(index, labels) -> list[dict]:
    """Provincial governments with at least one award of their own (provinces compete nationally)."""
    lang = labels.lang.code
    found = []
    for code in index.provinces:
        own = [w for w in index.by_province.get(code, []) if w.kind == "pemprov"]
        if own:
            found.append(_counts(Link(labels.province(code), province_url(index, lang, code)), own))
    return found


def province_counts(index, labels) -> list[dict]:
    """Every province with at least one award located in it."""
    lang = labels.lang.code
    return [_counts(Link(labels.province(code), province_url(index, lang, code)), winners)
            for code, winners in index.by_province.items() if winners]


def regency_counts(index, labels) -> list[dict]:
    """Regency and city governments with at least one award of their own."""
    lang = labels.lang.code
    found = []
    for code, winners in index.by_regency.items():
        own = [w for w in winners if w.kind in LOCAL_GOVERNMENT]
        if own:
            found.append(_counts(Link(labels.regency(code), regency_url(index, lang, code)), own))
    return found


def _top(lines: list[Standing], limit: int) -> tuple[list[Standing], int]:
    """The first `limit` lines, and how many more share the rank of the last one shown (ties are not cut)."""
    shown = lines[:limit]
    tied = sum(1 for line in lines[limit:] if shown and line.rank == shown[-1].rank)
    return shown, tied


def leaders(index, labels, limit: int = 3) -> dict:
    """The home page's 'most awarded' box: the first few of the government tables."""
    provinces, provinces_tied = _top(ranked(government_counts(index, labels), "national"), limit)
    regencies, regencies_tied = _top(ranked(regency_counts(index, labels), "total"), limit)
    return {"provinces": provinces, "provinces_tied": provinces_tied,
            "regencies": regencies, "regencies_tied": regencies_tied,
            "link": Link(labels.lang._("All standings and how they are counted"), url("standings", labels.lang.code))}


def _sort_links(lang: str, _, current: str) -> list[dict]:
    names = {"nasional": _("national awards"), "babak-provinsi": _("provincial-round awards"),
             "semua": _("all awards")}
    return [{"text": names[v], "url": url("standings", lang) if v == "nasional" else url("standings", lang, v),
             "current": v == current} for v in PROVINCE_VIEWS]


def standings_pages(index, labels) -> list[Page]:
    """The standings page and its other orders of the province table, in one language."""
    lang, _ = labels.lang.code, labels.lang._
    governments = ranked(government_counts(index, labels), "national")
    regencies = ranked(regency_counts(index, labels), "total")
    provinces = province_counts(index, labels)
    keys = {"nasional": "national", "babak-provinsi": "provincial", "semua": "total"}
    pages = []
    for view in PROVINCE_VIEWS:
        main = view == "nasional"
        values = {
            "view": view, "main": main, "sort_links": _sort_links(lang, _, view), "sort_key": keys[view],
            "governments": governments if main else [], "provinces": ranked(provinces, keys[view]),
            "regencies": regencies if main else [], "short_list": SHORT_LIST,
            "leader": governments[0] if governments else None,
            "tied": [g for g in governments if governments and g.rank == 1],
        }
        crumbs = [Link(_("Home"), url("home", lang))]
        if main:
            title = _("Standings: who won the most Paritrana Awards")
            page_url = url("standings", lang)
        else:
            crumbs.append(Link(_("Standings"), url("standings", lang)))
            title = _("Standings of provinces by %(order)s",
                      order=next(s["text"] for s in values["sort_links"] if s["current"]))
            page_url = url("standings", lang, view)
        pages.append(Page(("standings", view), lang, page_url, "standings", title,
                          _("Provincial governments, provinces and regencies and cities ranked by their known "
                            "Paritrana Awards, with the counting rules."), crumbs, values))
    return pages


def annotate_province_list(pages, index) -> None:
    """Give the province list's rows the counts the standings use: the government's own awards and
    all awards located in the province, national and provincial rounds apart."""
    for page in pages:
        if page.template != "provinces":
            continue
        codes = {province_url(index, page.lang, code): code for code in index.provinces}
        for item in page.values["items"]:
            winners = index.by_province.get(codes[item["link"].url], [])
            item["government"] = sum(w.kind == "pemprov" for w in winners)
            item["national"] = sum(w.level == "nasional" for w in winners)
            item["provincial"] = sum(w.level == "provinsi" for w in winners)
        page.values["standings_url"] = url("standings", page.lang)
