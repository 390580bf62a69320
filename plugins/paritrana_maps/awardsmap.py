"""The map page's second view: known awards per province, all 38 drawn at build time as inline SVG
(shaded for all editions; theme/static/js/maps.js recolours it per edition from data attributes),
with a table of every province by edition beside it."""

from __future__ import annotations

from markupsafe import Markup, escape

from paritrana_core.urls import province_url

from .regionmap import ProvinceDrawing
from .svg import SVG_NS, _attrs

BREAKS = (1, 3, 6, 11, 21)  # none, 1–2, 3–5, 6–10, 11–20, 21 or more
FILLS = ("#eceff2", "#fde725", "#7ad151", "#22a884", "#2a788e", "#414487")
WIDTH, TOLERANCE = 720, 0.6
ALL = "all"


def award_class(count: int) -> int:
    return sum(count >= b for b in BREAKS)


class AwardsMap:
    """Counts per province and edition from the data index, and the projected province shapes."""

    def __init__(self, shapes: dict, index):
        self.index = index
        self.drawing = ProvinceDrawing(shapes, WIDTH, TOLERANCE)
        self.editions = index.editions_with_winners()  # newest first
        self.counts: dict[str, dict] = {code: {} for code in index.provinces}
        for w in index.data.winners:
            if w.province in self.counts:
                by = self.counts[w.province]
                by[ALL] = by.get(ALL, 0) + 1
                if w.edition is not None:
                    by[w.edition] = by.get(w.edition, 0) + 1

    def _label(self, lang, name: str, n: int, edition=None) -> str:
        if edition is None:
            return lang.ngettext("%(name)s: %(num)s known award, all editions",
                                 "%(name)s: %(num)s known awards, all editions", n, name=name)
        return lang.ngettext("%(name)s: %(num)s known award in %(edition)s",
                             "%(name)s: %(num)s known awards in %(edition)s", n, name=name, edition=edition)

    def summary(self, labels, edition=None) -> str:
        """The one-line reading of a view: the province with most awards and how many have any."""
        lang = labels.lang
        key = ALL if edition is None else edition
        counted = sorted(((by.get(key, 0), labels.province(code)) for code, by in self.counts.items()),
                         key=lambda t: (-t[0], t[1]))
        having = sum(1 for n, _ in counted if n)
        if not having:
            return lang._("No province has a known award in %(edition)s.", edition=edition)
        top = [name for n, name in counted if n == counted[0][0]]
        most = ", ".join(top)
        if edition is None:
            return lang.ngettext("Most known awards, all editions: %(provinces)s (%(num)s). %(having)s of "
                                 "%(total)s provinces have at least one.",
                                 "Most known awards, all editions: %(provinces)s (%(num)s). %(having)s of "
                                 "%(total)s provinces have at least one.", counted[0][0], provinces=most,
                                 having=having, total=len(counted))
        return lang.ngettext("Most known awards in %(edition)s: %(provinces)s (%(num)s). %(having)s of "
                             "%(total)s provinces have at least one.",
                             "Most known awards in %(edition)s: %(provinces)s (%(num)s). %(having)s of "
                             "%(total)s provinces have at least one.", counted[0][0], provinces=most,
                             having=having, total=len(counted), edition=edition)

    def svg(self, labels, siteurl: str) -> Markup:
        lang = labels.lang
        title = lang._("Map of known Paritrana Awards per province; select a province to open its page")
        parts = [f'<svg class="pa-awards" id="peta-penghargaan-svg" viewBox="0 0 {self.drawing.width} '
                 f'{self.drawing.height}" width="{self.drawing.width}" height="{self.drawing.height}" '
                 f'role="group"{_attrs(aria_label=title, data_fills=" ".join(FILLS))}'
                 f'{_attrs(data_breaks=" ".join(str(b) for b in BREAKS))} {SVG_NS}>']
        for code in sorted(self.drawing.paths, key=lambda c: labels.province(c)):
            by = self.counts[code]
            name = labels.province(code)
            per = " ".join(f"{e}:{by.get(e, 0)}" for e in self.editions)
            href = f"{siteurl}/{province_url(self.index, lang.code, code)}"
            parts.append(f'<a{_attrs(href=href)} class="pa-award-link"><path class="pa-award"'
                         f'{_attrs(d=self.drawing.paths[code], fill=FILLS[award_class(by.get(ALL, 0))])} '
                         f'stroke="#5f6b76" stroke-width="0.5"{_attrs(data_n=per, data_all=by.get(ALL, 0))}/>'
                         f'<title{_attrs(data_name=name)}>{escape(self._label(lang, name, by.get(ALL, 0)))}</title></a>')
        parts.append("</svg>")
        return Markup("".join(parts))

    def values(self, labels, siteurl: str) -> dict:
        """What map.html shows in the awards section."""
        lang = labels.lang
        _ = lang._
        rows = []
        for code in sorted(self.counts, key=lambda c: (-self.counts[c].get(ALL, 0), labels.province(c))):
            by = self.counts[code]
            rows.append({"code": code, "name": labels.province(code), "url": province_url(self.index, lang.code, code),
                         "editions": [by.get(e, 0) for e in self.editions], "total": by.get(ALL, 0)})
        legend = [{"colour": FILLS[0], "label": _("no known award")}, {"colour": FILLS[1], "label": "1–2"},
                  {"colour": FILLS[2], "label": "3–5"}, {"colour": FILLS[3], "label": "6–10"},
                  {"colour": FILLS[4], "label": "11–20"}, {"colour": FILLS[5], "label": _("21 or more")}]
        views = [{"value": ALL, "label": _("All editions"), "summary": self.summary(labels)}]
        views += [{"value": str(e), "label": str(e), "summary": self.summary(labels, e)} for e in self.editions]
        # The accessible names maps.js gives the shapes per view: the same messages as _label, unformatted.
        raw = lang.raw_ngettext
        templates = {
            "edition": [raw("%(name)s: %(num)s known award in %(edition)s",
                            "%(name)s: %(num)s known awards in %(edition)s", n) for n in (1, 2)],
            "all": [raw("%(name)s: %(num)s known award, all editions",
                        "%(name)s: %(num)s known awards, all editions", n) for n in (1, 2)]}
        return {"svg": self.svg(labels, siteurl), "rows": rows, "editions": self.editions, "legend": legend,
                "views": views, "summary": views[0]["summary"],
                "templates": {key: " | ".join(pair) for key, pair in templates.items()},
                "caption": _("Known awards per province by edition, most first"),
                "undated": _("Awards whose edition is not known count only under all editions.")}
