"""A province's coverage over time, on one basis: the chart, its one-line summary and its rows."""

from __future__ import annotations

from paritrana_core.labels import Labels

from . import svg


def series(model, labels: Labels, code: str) -> dict | None:
    """The province's chart over time on one basis (the one with most years, then the latest
    figure's), or None when it has no figure of the metric."""
    lang, _ = labels.lang, labels.lang._
    bases = [b for b in model.bases if any(code in found for found in model.views[b].values())]
    if not bases:
        return None
    latest = model.province_view(code)[0]
    basis = max(bases, key=lambda b: (sum(code in found for found in model.views[b].values()), b == latest))
    years = [y for y, found in model.views[basis].items() if code in found]
    name = labels.province(code)
    metric = model.metric_name(lang)
    span = list(range(years[0], years[-1] + 1))
    cells = [model.cell(labels, code, y, basis) if y in years else None for y in span]
    points = [c for c in cells if c is not None]
    own = [c for c in points if not c.regional] or points  # an office's whole area is no high or low
    best = max(own, key=lambda c: (c.mid, c.year))
    if len(points) == 1:
        summary = _("%(metric)s in %(year)s: %(value)s; no other year has a figure yet.",
                    metric=metric, year=best.year, value=best.value)
    elif len(own) == 1:
        summary = _("%(metric)s in %(year)s: %(value)s.", metric=metric, year=best.year, value=best.value)
    elif best is own[-1]:
        summary = _("Latest %(metric)s: %(value)s in %(year)s, the highest so far.",
                    metric=metric.lower() if lang.code == "en" else metric, value=best.value, year=best.year)
    else:
        summary = _("Highest %(metric)s: %(value)s in %(year)s; latest: %(latest)s in %(latest_year)s.",
                    metric=metric.lower() if lang.code == "en" else metric, value=best.value,
                    year=best.year, latest=own[-1].value, latest_year=own[-1].year)
    basis_name = model.basis_name(labels, basis)
    summary += " " + _("Counted on: %(basis)s. Figures counted on other bases are not shown here.",
                       basis=basis_name)
    title = _("%(metric)s in %(province)s by year", metric=metric, province=name) + " (" + basis_name + ")"
    none = _("no figure")
    desc = _("Bar chart.") + " " + "; ".join(f"{y}: {c.value if c else none}" for y, c in zip(span, cells)) + "."
    return {"id": "grafik-cakupan", "title": title, "summary": summary, "metric": metric, "basis": basis,
            "chart": svg.series_chart(span, cells, "grafik-cakupan", title, desc, lang),
            "rows": points, "caption": _("%(metric)s in %(province)s: the figures in the chart",
                                         metric=metric, province=name)}
