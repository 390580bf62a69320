"""What the search index learns about each data page besides its text: filters, kind and short names.

`add_search_values` is connected to `paritrana_core.hooks.pages_built`; the values it adds to
`page.values` are rendered by `theme/templates/_search_filters.html` (hidden, inside <main>):

- `search_filters`: {"edition": [...], "category": [...], "province": [...], "level": [...]}, the
  Pagefind filter values of the page in its language. Place pages (provinces, regencies) get their
  province plus the editions, categories and levels of the awards they list; a category page gets
  its category plus editions and levels; an edition page its edition and levels. Index pages, the
  home page and editorial pages get none, so a filtered search lists the pages about that subject.
- `search_kind`: what the page is ("Province", "Regency or city", ...), shown with each result.
- `search_terms`: short names and aliases from data/regions ("Jateng", "Jogja", "Muba" ...), so a
  search for the name people actually use finds the page.
"""

from __future__ import annotations

from paritrana_core.labels import Labels
from paritrana_i18n.catalog import lang_for

from .common_names import edition_terms, regency_terms, spelling_variants

FILTERS = ("edition", "category", "province", "level")


def _kinds(lang) -> dict[str, str]:
    _ = lang._
    return {"home": _("Home"), "edition": _("Edition"), "editions": _("Editions"),
            "province": _("Province"), "provinces": _("Provinces"), "regency": _("Regency or city"),
            "category": _("Category"), "categories": _("Categories")}


def _award_filters(winners, labels: Labels) -> dict[str, list[str]]:
    """Editions (newest first), categories and levels of a set of awards, as shown in the language."""
    editions = sorted({w.edition for w in winners if w.edition is not None}, reverse=True)
    categories = sorted({w.category for w in winners}, key=labels.index.category_order.index)
    levels = [lvl for lvl in labels.levels if any(w.level == lvl for w in winners)]
    return {"edition": [str(e) for e in editions],
            "category": [labels.category(c) for c in categories],
            "level": [labels.levels[lvl] for lvl in levels]}


def page_search_values(page, index, labels: Labels) -> dict:
    """The search values of one data page (empty filters are left out)."""
    kind, *rest = page.key
    filters: dict[str, list[str]] = {}
    terms: list[str] = []
    if kind == "edition" and rest[0] is not None:
        winners = index.by_edition.get(rest[0], [])
        filters = {"edition": [str(rest[0])], "level": _award_filters(winners, labels)["level"]}
        if rest[0] in index.editions:
            terms = edition_terms(index.editions[rest[0]])
    elif kind == "category":
        filters = {"category": [labels.category(rest[0])],
                   **{k: v for k, v in _award_filters(index.by_category.get(rest[0], []), labels).items()
                      if k != "category"}}
    elif kind == "province":
        code = rest[0]
        shown = list(index.by_province.get(code, [])) + [w for w in index.by_scope.get(code, [])
                                                         if w.province != code]
        filters = {"province": [labels.province(code)], **_award_filters(shown, labels)}
        province = index.provinces[code]
        terms = list(province.short_names) + spelling_variants(province.name)
    elif kind == "regency":
        regency = index.regencies[rest[0]]
        filters = {"province": [labels.province(regency.province_code)],
                   **_award_filters(index.by_regency.get(rest[0], []), labels)}
        terms = regency_terms(regency)
    unique_terms = list(dict.fromkeys(t for t in terms if t))
    return {"search_filters": {k: filters[k] for k in FILTERS if filters.get(k)},
            "search_kind": _kinds(labels.lang).get(kind),
            "search_terms": unique_terms}


def add_search_values(sender, pages, index, settings, **_kwargs) -> None:
    """pages_built receiver: give every data page its search filters, kind and short names."""
    labels = {}
    for page in pages:
        if page.lang not in labels:
            labels[page.lang] = Labels(index, lang_for(settings, page.lang))
        page.values.update(page_search_values(page, index, labels[page.lang]))
