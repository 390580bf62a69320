"""What the share kit states, in each page's language: card specs, alt texts, badges and print summaries.

Everything here is plain text from the data and the catalogues; card.py draws it, badge.py lays it
out as SVG and the templates escape it.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from paritrana_core.index import winner_order
from paritrana_core.page import Link, Page
from paritrana_core.urls import province_url, url

from .paths import absolute, badge_url, print_url
from .words import best_result, rank_words

GOVERNMENT = {"regency": ("pemkab", "pemkot"), "province": ("pemprov",)}


def newest_first(winners):
    """Newest edition first (undated last), then the site's rank order."""
    return sorted(winners, key=lambda w: (w.edition is None, -(w.edition or 0), winner_order(w)))


def award_name(labels, w) -> str:
    """The award as its winner's sources name it: the official national name, or the provincial label."""
    return labels.award_name(w)


def who(index, labels, w) -> str:
    """The winner as a reader knows it: a government by its region's official name, others as reported."""
    if w.kind in ("pemkab", "pemkot") and w.regency:
        return index.regencies[w.regency].name
    if w.kind == "pemprov" and w.province:
        return labels.lang._("Government of %(province)s", province=labels.province(w.province))
    return w.name


def award_line(labels, w) -> str:
    """'Peringkat 1 · Babak provinsi: Papua Barat Daya · Paritrana Award 2024'."""
    return " · ".join((rank_words(labels, w), labels.round_name(w.level, w.scope_province),
                       labels.award_name(w)))


def alt_text(spec: dict) -> str:
    """The image's text alternative: everything the card states, in reading order."""
    parts = [spec.get("kicker"), spec.get("title"), spec.get("subtitle"), spec.get("stat"), spec.get("note"), *spec.get("lines", ())]
    return ". ".join(p.rstrip(".") for p in parts if p) + f". {spec['brand']}."


def _frame(labels) -> dict:
    _ = labels.lang._
    return {"lang": labels.lang.code, "brand": _("Paritrana Award Archive"),
            "footer": _("An independent public record: every result links to its source.")}


def _latest(index, labels, winners, own, subject: str | None) -> list[str]:
    """The newest award (the government's own first, dated before undated): place, round, edition, winner."""
    dated = [w for w in winners if w.edition is not None]
    pools = ([w for w in own if w.edition is not None], dated, own, winners)
    pool = next((newest_first(p) for p in pools if p), [])
    if not pool:
        return []
    w = pool[0]
    line = labels.lang._("Latest: %(award)s", award=award_line(labels, w))
    detail = labels.lang._("Category: %(category)s", category=labels.category(w.category))
    name = who(index, labels, w)
    if name != subject:
        detail = f"{name} · {detail}"
    return [line, detail]


def headline(index, labels, w) -> str:
    """The best result as its recipient says it: 'Juara 1 · Paritrana Award 2024 · Kabupaten Bungo'."""
    return " · ".join((rank_words(labels, w), award_name(labels, w), who(index, labels, w)))


def _result_card(index, labels, winners, own, kicker: str, subject: str, counts: tuple) -> dict:
    """A place's card: the best result as the headline, its round and category, then the counts apart."""
    best = best_result(winners, own)
    spec = _frame(labels)
    lines = []
    latest = _latest(index, labels, winners, own, subject)
    if latest and newest_first(own or winners)[0] is not best:
        lines = latest[:1]
    stat, note = counts
    spec.update(kicker=kicker, title=headline(index, labels, best),
                subtitle=" · ".join((labels.round_name(best.level, best.scope_province),
                                     labels.category(best.category))),
                stat=stat, note=note, lines=lines)
    return spec


def _counts(labels, winners, own_stat: str, none_yet: str, place: str, own: list) -> tuple[str, str | None]:
    """The government's awards and all awards in the place, said apart ('2 … pemerintah; 30 … seluruhnya')."""
    everyone = labels.lang.ngettext("%(num)s award in %(place)s in all, villages and businesses included.",
                                    "%(num)s awards in %(place)s in all, villages and businesses included.",
                                    len(winners), place=place)
    if not own:
        return everyone.rstrip("."), none_yet
    return own_stat, everyone if len(own) != len(winners) else None


def regency_card(index, labels, code: str) -> dict | None:
    """A regency or city with awards: its best result; None where there is nothing to share."""
    _, lang = labels.lang._, labels.lang
    regency = index.regencies[code]
    winners = index.by_regency.get(code, [])
    if not winners:
        return None
    own = [w for w in winners if w.kind in GOVERNMENT["regency"]]
    counts = _counts(labels, winners,
                     lang.ngettext("%(num)s award to the regency or city government",
                                   "%(num)s awards to the regency or city government", len(own)),
                     _("None of them to the regency or city government yet."), regency.name, own)
    kicker = f"{regency.name} · {labels.province(regency.province_code)}"
    return _result_card(index, labels, winners, own, kicker, regency.name, counts)


def province_card(index, labels, code: str) -> dict | None:
    """A province with awards: its best result; None where there is nothing to share."""
    _, lang = labels.lang._, labels.lang
    winners = index.by_province.get(code, [])
    if not winners:
        return None
    own = [w for w in winners if w.kind in GOVERNMENT["province"]]
    name = labels.province(code)
    counts = _counts(labels, winners,
                     lang.ngettext("%(num)s award to the provincial government",
                                   "%(num)s awards to the provincial government", len(own)),
                     _("None of them to the provincial government yet."), name, own)
    kicker = _("Province of %(province)s", province=name)
    return _result_card(index, labels, winners, own, kicker,
                        _("Government of %(province)s", province=name), counts)


def edition_card(index, labels, year: int | None) -> dict:
    _, lang = labels.lang._, labels.lang
    winners = index.by_edition.get(year, [])
    spec = _frame(labels)
    count = lang.ngettext("%(num)s known winner", "%(num)s known winners", len(winners))
    if year is None:
        spec.update(title=_("Awards without a stated edition"), stat=count,
                    lines=[_("Their sources state no edition year.")])
        return spec
    edition = index.editions.get(year)
    national = sum(w.level == "nasional" for w in winners)
    lines = [_("National level: %(national)s · Provincial rounds: %(provincial)s",
               national=lang.number(national), provincial=lang.number(len(winners) - national))]
    if edition and edition.national_ceremony:
        lines.append(_("National ceremony: %(date)s", date=lang.date(edition.national_ceremony)))
    spec.update(title=labels.edition_title(year),
                subtitle=_("Edition no. %(number)s · assessment year %(year)s", number=edition.number, year=year)
                if edition else None,
                stat=count, lines=lines)
    return spec


def site_card(index, labels) -> dict:
    _, lang = labels.lang._, labels.lang
    spec = _frame(labels)
    spec.update(title=_("Paritrana Award: the public record"),
                stat=_("%(winners)s winners · %(editions)s editions · %(provinces)s provinces",
                       winners=lang.number(len(index.data.winners)),
                       editions=lang.number(len(index.editions_with_winners())),
                       provinces=lang.number(len(index.provinces))),
                lines=[_("By year, province, regency or city and category, each result with its source.")])
    return spec


CARDS = {"edition": edition_card, "province": province_card, "regency": regency_card}


def card_for(index, labels, key: tuple) -> dict:
    return CARDS[key[0]](index, labels, key[1])


# --- badges ---------------------------------------------------------------------------------

def badge_awards(index, key: tuple, limit: int) -> tuple[list, int]:
    """The awards a page offers badges for, and how many it leaves out: each located award once, on its
    most specific page.

    A regency or city page: every award in it (its government first). A province page: the awards
    located in the province but in no regency (the provincial government first); the rest are on
    their regency's page. A page with more than `limit` such awards offers only its government's
    (newest first, at most `limit`): hundreds of badges are no list to choose from.
    """
    kind, code = key
    if kind == "regency":
        winners = index.by_regency.get(code, [])
    else:
        winners = [w for w in index.by_province.get(code, []) if not w.regency]
    own = [w for w in winners if w.kind in GOVERNMENT[kind]]
    rest = [w for w in winners if w.kind not in GOVERNMENT[kind]]
    offered = newest_first(own) + newest_first(rest)
    if len(offered) > limit:
        offered = newest_first(own)[:limit]
    return offered, len(winners) - len(offered)


def badge_inputs(index, labels, w) -> dict:
    """What a badge shows (badge.render_badge's arguments): the award, place, winner, round and category."""
    place, name = rank_words(labels, w), who(index, labels, w)
    round_name = labels.round_name(w.level, w.scope_province)
    category = labels.category(w.category)
    title = f"{place} · {award_name(labels, w)} · {name} ({round_name}; {category})"
    return {"head": award_name(labels, w).upper(), "place": place, "rank": w.rank, "who": name,
            "details": [round_name, category], "site": labels.lang._("Paritrana Award Archive"), "title": title,
            "lang": labels.lang.code}


def badge_for(index, labels, w, siteurl: str, permalink: str, store) -> tuple[dict, str]:
    """The badge's values for the page and its key in the badge store (which draws it if new)."""
    inputs = badge_inputs(index, labels, w)
    key, width, height = store.size(inputs)
    return Badge(w.id, badge_url(w.id, labels.lang.code), inputs["title"], width, height, permalink, siteurl), key


@dataclass(frozen=True, slots=True)
class Badge:
    """One award's badge as a share kit lists it (200,000 of these at scale: the snippet is made when shown)."""

    id: str
    url: str  # site-relative
    title: str
    width: int
    height: int
    permalink: str  # the page the snippet links to (one string shared by the page's badges)
    siteurl: str

    @property
    def snippet(self) -> str:
        """The HTML to paste elsewhere: the badge image linking to the page."""
        return (f'<a href="{_attr(self.permalink)}"><img src="{_attr(absolute(self.siteurl, self.url))}" '
                f'alt="{_attr(self.title)}" width="{self.width}" height="{self.height}"></a>')


def _attr(text: str) -> str:
    """Escaped for a double-quoted HTML attribute, where an apostrophe may stay as written (as it always has)."""
    return str(escape(text)).replace("&#39;", "'").replace("&#34;", "&quot;")


# --- printable summary ----------------------------------------------------------------------

def print_page(index, labels, page, siteurl: str, limit: int, qr) -> Page:
    """The one-page summary of a province or regency page, with a QR code to that page."""
    _, lang = labels.lang._, labels.lang
    kind, code = page.key
    if kind == "regency":
        regency = index.regencies[code]
        name, winners = regency.name, index.by_regency.get(code, [])
        province = Link(labels.province(regency.province_code),
                        province_url(index, lang.code, regency.province_code))
        facts = [(_("Province"), province.text), (_("Kemendagri code"), code)]
        crumbs_extra = [province]
    else:
        name, winners = labels.province(code), index.by_province.get(code, [])
        facts = [(_("Kemendagri code"), code), (_("ISO 3166-2 code"), index.provinces[code].iso_code)]
        crumbs_extra = []
    own = [w for w in winners if w.kind in GOVERNMENT[kind]]
    ordered = newest_first(own) + newest_first([w for w in winners if w.kind not in GOVERNMENT[kind]])
    facts.append((_("Known awards"), lang.number(len(winners))))
    if own:
        facts.append((_("Awards to the government"), lang.number(len(own))))
    rows = [{"edition": labels.row_edition(w), "place": rank_words(labels, w),
             "category": labels.category(w.category), "round": labels.round_name(w.level, w.scope_province),
             "winner": who(index, labels, w), "rank": w.rank} for w in ordered[:limit]]
    permalink = absolute(siteurl, page.url)
    own_url = print_url(index, page.key, lang.code)
    values = {"summary": {"name": name, "kind": kind, "facts": facts, "rows": rows,
                          "more": max(0, len(ordered) - limit), "page": Link(page.title, page.url),
                          "permalink": permalink,
                          "qr": Markup(qr(permalink, _("QR code that opens %(url)s", url=permalink)))}}
    crumbs = [Link(_("Home"), url("home", lang.code)), Link(_("Provinces"), url("provinces", lang.code)),
              *crumbs_extra, Link(name, page.url)]
    return Page(("print", kind, code), lang.code, own_url, "print_summary",
                _("%(place)s: Paritrana Award summary", place=name),
                _("A one-page printable summary of the Paritrana Awards of %(place)s, with a QR code to the "
                  "full page.", place=name), crumbs, values)
