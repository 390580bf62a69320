"""Winner table rows as HTML: each award's cells are rendered once per language and reused on every page.

An award appears on its edition, province, regency and category pages. Rendering its row once per
language (the blocks of _winner_row.html) and joining the cells each table shows keeps the cost of
a page proportional to its length, not to the template work behind each row.
"""

from __future__ import annotations

from jinja2 import pass_context
from markupsafe import Markup

from paritrana_i18n.catalog import current_lang

from .rows import winner_row

TEMPLATE = "_winner_row.html"
CELLS = ("open", "open_unindexed", "edition", "place", "winner", "region", "category", "round", "source", "close")
UNINDEXED = CELLS.index("open_unindexed")


def search_home(winner) -> str:
    """The one page kind whose table makes an award searchable: its regency, else province, else edition.

    Every award is listed on several pages; indexing it once keeps the search index (and the time to
    build it) proportional to the data, and a result leads to the award's most specific page.
    """
    if winner.regency:
        return "regency"
    return "province" if winner.province else "edition"


def column_words(lang) -> dict[str, str]:
    """The words every row repeats (cell labels for narrow screens), translated once per language."""
    _ = lang._
    return {"edition": _("Edition"), "place": _("Place"), "winner": _("Winner"), "region": _("Region"),
            "category": _("Category"), "round": _("Round"), "source": _("Source"), "zone": _("Zone"),
            "sector": _("Sector"), "not_stated": _("not stated")}


class RowCache:
    """Rendered cells per award for the language being written (one language at a time keeps memory flat)."""

    def __init__(self, env, labels_by_lang: dict):
        self.template = env.get_template(TEMPLATE)
        missing = set(CELLS) - set(self.template.blocks)
        if missing:
            raise SystemExit(f"paritrana_pages: {TEMPLATE} lacks the block(s) {sorted(missing)}")
        self.labels = labels_by_lang
        self.words = {code: column_words(labels.lang) for code, labels in labels_by_lang.items()}
        self.lang: str | None = None
        self.cells: dict[str, tuple[str, ...]] = {}

    def cells_of(self, winner, lang: str, siteurl: str) -> tuple[str, ...]:
        if lang != self.lang:
            self.lang, self.cells = lang, {}
        cells = self.cells.get(winner.id)
        if cells is None:
            context = self.template.new_context({"row": winner_row(winner, self.labels[lang]),
                                                 "t": self.words[lang], "SITEURL": siteurl, "lang": lang})
            cells = tuple("".join(self.template.blocks[name](context)) for name in CELLS)
            self.cells[winner.id] = cells
        return cells

    def rows(self, winners, lang: str, siteurl: str, columns: tuple[int, ...], page_kind: str | None) -> Markup:
        """The <tr> elements of `winners` with the cells at `columns`; searchable where `page_kind` is their home."""
        parts = []
        for w in winners:
            cells = self.cells_of(w, lang, siteurl)
            searchable = page_kind is not None and search_home(w) == page_kind
            parts.append(cells[0] if searchable else cells[UNINDEXED])
            parts.extend(cells[i] for i in columns)
        return Markup("\n".join(parts))


def install_rows(env, labels_by_lang: dict) -> RowCache:
    """Give `env` the `winner_rows(winners, show_edition=…, show_round=…, show_category=…, searchable_on=…)`
    global; `searchable_on` is the kind of the page being written (None: no row is searchable there)."""
    cache = RowCache(env, labels_by_lang)

    @pass_context
    def winner_rows(context, winners, show_edition=False, show_round=False, show_category=False,
                    searchable_on=None):
        shown = {"open": False, "open_unindexed": False, "edition": show_edition, "category": show_category,
                 "round": show_round}
        columns = tuple(i for i, name in enumerate(CELLS) if shown.get(name, True))
        return cache.rows(winners, current_lang(context), context.get("SITEURL", ""), columns, searchable_on)

    env.globals["winner_rows"] = winner_rows
    return cache
