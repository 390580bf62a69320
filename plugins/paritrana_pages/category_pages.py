"""Category pages: winners across editions and the category's history."""

from __future__ import annotations

from paritrana_core.page import Link, Page
from paritrana_core.urls import category_url, edition_url, url

from .page import Group


def _edition_counts(labels, lang: str, edition, national: tuple, provincial: tuple, rounds: int) -> dict:
    """One edition's line of a long category page: its winners counted, linking to the edition page."""
    page = edition_url(lang, edition)
    anchor = f"tahun-{edition if edition is not None else 'tanpa-tahun'}"
    return {"title": labels.edition_heading(edition), "anchor": anchor, "url": page, "national": len(national),
            "national_url": f"{page}#nasional-ringkas" if edition is not None else page, "provincial": len(provincial),
            "provincial_url": f"{page}#babak-provinsi", "rounds": rounds}


def category_page(index, labels, slug: str, limit: int | None = None) -> Page:
    """Winners of one category, newest edition first, and what it was called when.

    With more than `limit` winners, the page counts them per edition and round, linking to the edition
    pages that list them (and the download holds them all), instead of listing each one.
    """
    lang, _ = labels.lang.code, labels.lang._
    category = index.categories[slug]
    winners = index.by_category.get(slug, [])
    editions = sorted({w.edition for w in winners}, key=lambda e: (e is None, -(e or 0)))
    groups, counts = [], []
    long = limit is not None and len(winners) > limit
    for edition in editions:
        rows = [w for w in winners if w.edition == edition]
        rows.sort(key=lambda w: (w.level != "nasional", labels.province(w.scope_province) or ""))
        anchor = f"tahun-{edition if edition is not None else 'tanpa-tahun'}"
        national = tuple(w for w in rows if w.level == "nasional")
        provincial = tuple(w for w in rows if w.level != "nasional")
        if long:
            counts.append(_edition_counts(labels, lang, edition, national, provincial,
                                          len({w.scope_province for w in provincial})))
            continue
        groups.append({"title": labels.edition_heading(edition), "anchor": anchor,
                       "national": Group(_("National round"), f"{anchor}-nasional", national) if national else None,
                       "provincial": Group(_("Provincial rounds"), f"{anchor}-provinsi", provincial) if provincial else None,
                       "rounds": len({w.scope_province for w in provincial})})
    history = [{"editions": f"{n.first_edition}–{n.last_edition}" if n.last_edition and n.last_edition != n.first_edition
                else (str(n.first_edition) if n.last_edition else _("%(year)s onwards", year=n.first_edition)),
                "name": n.name_en if labels.en else n.name_id} for n in category.names]
    name = labels.category(slug)
    values = {"category": category, "display_name": name, "description": labels.category_description(slug),
              "count": len(winners), "groups": groups, "counts": counts, "history": history,
              "group": {"government": _("Government"), "business": _("Business"),
                        "other": _("Other")}[category.group]}
    crumbs = [Link(_("Home"), url("home", lang)), Link(_("Categories"), url("categories", lang))]
    return Page(("category", slug), lang, category_url(lang, slug), "category",
                _("Category: %(category)s", category=name),
                _("Paritrana Award winners in the category %(category)s across all editions.", category=name),
                crumbs, values)


def categories_index(index, labels) -> Page:
    lang, _ = labels.lang.code, labels.lang._
    items = [{"link": Link(labels.category(s), category_url(lang, s)),
              "description": labels.category_description(s), "count": len(index.by_category.get(s, []))}
             for s in index.category_order]
    return Page(("categories",), lang, url("categories", lang), "categories", _("All categories"),
                _("The award categories of the Paritrana Award and how they changed."),
                [Link(_("Home"), url("home", lang))], {"items": items})


def category_pages(index, labels, limit: int | None = None) -> list[Page]:
    return [categories_index(index, labels)] + [category_page(index, labels, s, limit) for s in index.category_order]
