"""Winner table rows as HTML, made once per award and language and reused on every page.

An award appears on its edition, province, regency and category pages, and a build of 100,000
awards writes some 800,000 such rows. Jinja needs ~140 µs for one row, so the cells of each award
are assembled here with markupsafe's escape (every value from the data is escaped; labels too) and
the table around them stays in the `winner_table` macro of _macros.html, which calls the
`winner_rows` global. Each table joins the cells it shows.
"""

from __future__ import annotations

from jinja2 import pass_context
from markupsafe import Markup, escape

from paritrana_core.urls import siteurl
from paritrana_i18n.catalog import current_lang

from .rows import WinnerRow, winner_row

CELLS = ("open", "open_unindexed", "winner", "place", "edition", "region", "category", "round", "source", "close")
UNINDEXED = CELLS.index("open_unindexed")
HEADS = ("winner", "place", "edition", "region", "category", "round", "source")


def search_home(winner) -> str:
    """The one page kind whose table makes an award searchable: its regency, else province, else edition.

    Every award is listed on several pages; indexing it once keeps the search index (and the time to
    build it) proportional to the data, and a result leads to the award's most specific page.
    """
    if winner.regency:
        return "regency"
    return "province" if winner.province else "edition"


def column_words(lang) -> dict[str, str]:
    """The words every row repeats (cell labels for narrow screens), translated and escaped once."""
    _ = lang._
    words = {"edition": _("Edition"), "place": _("Place"), "winner": _("Winner"), "region": _("Region"),
             "category": _("Category"), "round": _("Round"), "source": _("Source"), "zone": _("Zone"),
             "sector": _("Sector"), "not_stated": _("not stated")}
    return {key: str(escape(text)) for key, text in words.items()}


def _host(host: str) -> str:
    """A site name that may wrap after its dots ('harianrakyatbengkulu.<wbr>bacakoran.<wbr>co'), not inside a word."""
    return ".<wbr>".join(str(escape(part)) for part in host.split("."))


def _slashes(text: str) -> str:
    """'Kabupaten/<wbr>Kota': a name may wrap after a slash rather than inside a word."""
    return "/<wbr>".join(str(escape(part)) for part in text.split("/"))


def _meta(text) -> str:
    return f'<span class="meta">{escape(text)}</span>' if text else ""


def row_cells(row: WinnerRow, t: dict[str, str], siteurl: str) -> tuple[str, ...]:
    """The HTML of each cell in CELLS for one award (escaped text, site-relative links under `siteurl`).

    Winner first, then a rank chip, edition, region, category and round, then one source line that
    quotes the source's own wording of the award (lang="id": it is Indonesian on every page).
    """
    e, base = escape, escape(siteurl)
    places = ", ".join(f'<a href="{base}/{e(p.url)}">{e(p.text)}</a>' for p in row.places)
    places = places or f'<span class="unknown">{t["not_stated"]}</span>'
    source = row.source
    quote = f'<q class="award-title" lang="id">{e(row.title)}</q> ' if row.title else ""
    return (
        f'<tr id="{e(row.id)}">',
        f'<tr id="{e(row.id)}" data-pagefind-ignore>',
        f'<td class="c-winner" data-label="{t["winner"]}"><span class="winner-name">{e(row.name)}</span> '
        f'<span class="kind">{e(row.kind)}</span></td>',
        f'<td class="c-place" data-label="{t["place"]}"><span class="badge badge-{e(row.place_class)}">{e(row.place)}</span>'
        + (f' <span class="chip chip-zone">{t["zone"]}: {e(row.zone)}</span>' if row.zone else "")
        + (f' <span class="chip">{t["sector"]}: {e(row.sector)}</span>' if row.sector else "") + "</td>",
        f'<td class="c-edition" data-label="{t["edition"]}"><a href="{base}/{e(row.edition.url)}">{e(row.edition.text)}</a></td>',
        f'<td class="c-region" data-label="{t["region"]}">{places}</td>',
        f'<td class="c-category" data-label="{t["category"]}"><a href="{base}/{e(row.category.url)}">{_slashes(row.category.text)}</a></td>',
        f'<td class="c-round" data-label="{t["round"]}">{e(row.round)}</td>',
        f'<td class="c-source" data-label="{t["source"]}">{quote}<a class="source" href="{e(source.url)}" rel="external noopener">'
        f'{_host(source.host)}</a>' + (f'<span class="source-date">, {e(source.date)}</span>' if source.date else "")
        + (" " + _meta(row.label_note) if row.label_note else "")
        + (f' <span class="meta" lang="id">{e(row.note)}</span>' if row.note else "")
        + "</td>",
        "</tr>",
    )


class RowCache:
    """Cells per award for the language being written (one language at a time keeps memory flat)."""

    def __init__(self, labels_by_lang: dict):
        self.labels = labels_by_lang
        self.words = {code: column_words(labels.lang) for code, labels in labels_by_lang.items()}
        self.lang: str | None = None
        self.cells: dict[str, tuple[str, ...]] = {}

    def cells_of(self, winner, lang: str, siteurl: str) -> tuple[str, ...]:
        if lang != self.lang:
            self.lang, self.cells = lang, {}
        cells = self.cells.get(winner.id)
        if cells is None:
            cells = self.cells[winner.id] = row_cells(winner_row(winner, self.labels[lang]), self.words[lang], siteurl)
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
    """Give `env` the globals `winner_rows(winners, show_edition=…, show_round=…, show_category=…,
    searchable_on=…, show_region=…)` (`searchable_on`: the kind of the page being written; None: no row
    is searchable there; `show_region=False` where every row is of the page's own place) and
    `winner_head(…)`, the matching header cells, made once per language."""
    cache = RowCache(labels_by_lang)

    @pass_context
    def winner_rows(context, winners, show_edition=False, show_round=False, show_category=False,
                    searchable_on=None, show_region=True):
        shown = {"open": False, "open_unindexed": False, "edition": show_edition, "category": show_category,
                 "round": show_round, "region": show_region}
        columns = tuple(i for i, name in enumerate(CELLS) if shown.get(name, True))
        return cache.rows(winners, current_lang(context), siteurl(context), columns, searchable_on)

    @pass_context
    def winner_head(context, show_edition=False, show_round=False, show_category=False, show_region=True):
        lang = current_lang(context)
        key = (lang, show_edition, show_round, show_category, show_region)
        if key not in heads:
            t = cache.words[lang]
            shown = {"edition": show_edition, "category": show_category, "round": show_round, "region": show_region}
            heads[key] = Markup("".join(f'<th scope="col" class="c-{name}">{t[name]}</th>'
                                        for name in HEADS if shown.get(name, True)))
        return heads[key]

    heads: dict[tuple, Markup] = {}
    env.globals["winner_rows"] = winner_rows
    env.globals["winner_head"] = winner_head
    return cache
