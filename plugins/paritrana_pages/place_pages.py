"""Province pages (all 38), their index, and achievement pages of regencies and cities."""

from __future__ import annotations

from paritrana_core.page import Link, Page
from paritrana_core.urls import edition_url, province_url, regency_url, url

from .page import Group
from .rows import figure_row


def _by_edition(winners, labels, prefix: str) -> tuple[Group, ...]:
    """Newest edition first, undated last, rank order inside."""
    editions = sorted({w.edition for w in winners}, key=lambda e: (e is None, -(e or 0)))
    return tuple(Group(labels.edition_heading(e), f"{prefix}-{e if e is not None else 'tanpa-tahun'}",
                       tuple(w for w in winners if w.edition == e))
                 for e in editions)


def province_lead(labels, name: str, own: int, total: int) -> str:
    """The sentence a province page opens with: how often its government won, how many awards in all."""
    lang = labels.lang
    if not total:
        return lang._("No Paritrana Award to %(name)s or to anyone located there is known yet.", name=name)
    parts = []
    if own:
        parts.append(lang.ngettext("%(name)s has won the Paritrana Award %(num)s time.",
                                   "%(name)s has won the Paritrana Award %(num)s times.", own, name=name))
    parts.append(lang.ngettext(
        "In all, %(num)s award went to the government, villages, businesses and institutions of %(name)s.",
        "In all, %(num)s awards went to the government, villages, businesses and institutions of %(name)s.",
        total, name=name))
    return " ".join(parts)


def province_page(index, labels, code: str, limit: int | None = None) -> Page:
    """A province's own awards, the winners located in it, its coverage figures and regencies.

    With more than `limit` other winners, the page lists those in none of its regencies and cities and
    points to their pages for the rest, so that every award is listed on its own place's page.
    """
    lang, _ = labels.lang.code, labels.lang._
    province = index.provinces[code]
    located = index.by_province.get(code, [])
    government = [w for w in located if w.kind == "pemprov"]
    others = [w for w in located if w.kind != "pemprov"]
    in_regencies = 0
    if limit is not None and len(others) > limit:
        in_regencies = sum(1 for w in others if w.regency)
        others = [w for w in others if not w.regency]
    elsewhere = [w for w in index.by_scope.get(code, []) if w.province != code]
    regencies = [{"link": Link(index.regencies[r].name, regency_url(index, lang, r)),
                  "count": len(index.by_regency[r])} for r in index.regencies_with_winners(code)]
    parent = None
    if province.parent_code:
        parent = Link(labels.province(province.parent_code), province_url(index, lang, province.parent_code))
    name = labels.province(code)
    values = {
        "lead": province_lead(labels, name, len(government), len(located)),
        "province": province, "display_name": name, "other_name": province.name if labels.en else province.name_en,
        "count": len(located), "parent": parent, "created_year": province.created_year,
        "government": _by_edition(government, labels, "pemprov"),
        "others": _by_edition(others, labels, "tahun"),
        "in_regencies": in_regencies,
        "elsewhere": tuple(elsewhere),
        "figures": [figure_row(f, labels) for f in index.coverage.get(code, [])],
        "regencies": regencies,
    }
    crumbs = [Link(_("Home"), url("home", lang)), Link(_("Provinces"), url("provinces", lang))]
    return Page(("province", code), lang, province_url(index, lang, code), "province",
                _("Paritrana Award in %(province)s", province=name),
                _("Paritrana Award winners in %(province)s by edition, with coverage figures and sources.",
                  province=name), crumbs, values)


def regency_page(index, labels, code: str) -> Page:
    """The achievement page a regency or city shares: every award it and its villages and firms won."""
    lang, _ = labels.lang.code, labels.lang._
    regency = index.regencies[code]
    winners = index.by_regency[code]
    own = [w for w in winners if w.kind in ("pemkab", "pemkot")]
    province = labels.province(regency.province_code)
    values = {
        "regency": regency, "province": Link(province, province_url(index, lang, regency.province_code)),
        "count": len(winners), "own_count": len(own),
        "own_editions": sorted({w.edition for w in own if w.edition is not None}),
        "timeline": _by_edition(winners, labels, "tahun"),
    }
    crumbs = [Link(_("Home"), url("home", lang)), Link(_("Provinces"), url("provinces", lang)),
              Link(province, province_url(index, lang, regency.province_code))]
    return Page(("regency", code), lang, regency_url(index, lang, code), "regency",
                _("%(regency)s and the Paritrana Award", regency=regency.name),
                _("Every Paritrana Award won in %(regency)s, %(province)s: the government, villages "
                  "and businesses, with sources.", regency=regency.name, province=province),
                crumbs, values)


def provinces_index(index, labels) -> Page:
    """All 38 provinces with their counts and latest coverage figure."""
    lang, _ = labels.lang.code, labels.lang._
    items = []
    for code in sorted(index.provinces, key=labels.province):
        winners = index.by_province.get(code, [])
        coverage = [f for f in index.coverage.get(code, []) if f.metric == "coverage_pct"]
        latest = coverage[-1] if coverage else None
        last_edition = max((w.edition for w in winners if w.edition is not None), default=None)
        items.append({
            "link": Link(labels.province(code), province_url(index, lang, code)),
            "count": len(winners), "regencies": len(index.regencies_with_winners(code)),
            "coverage": figure_row(latest, labels) if latest else None,
            "latest": Link(str(last_edition), edition_url(lang, last_edition))
            if last_edition is not None else None})
    return Page(("provinces",), lang, url("provinces", lang), "provinces", _("All provinces"),
                _("All 38 provinces of Indonesia and their Paritrana Award winners."),
                [Link(_("Home"), url("home", lang))], {"items": items})


def place_pages(index, labels, limit: int | None = None) -> list[Page]:
    pages = [provinces_index(index, labels)]
    pages += [province_page(index, labels, code, limit) for code in sorted(index.provinces)]
    pages += [regency_page(index, labels, code) for code in index.regencies_with_winners()]
    return pages
