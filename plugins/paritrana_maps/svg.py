"""Server-rendered SVG: the tile-grid map, the ranked bar chart and a province's chart over time.

No JavaScript, no inline styles (the site's Content-Security-Policy forbids them): presentation
attributes only. Every text and attribute value is escaped.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from .scale import HATCH_ID, NO_DATA, NO_DATA_LINE
from .tilegrid import COLUMNS, PORTRAIT, PORTRAIT_COLUMNS, PORTRAIT_ROWS, ROWS, TILES

TILE, PITCH = 44, 48
BAR = "#2a788e"       # bars: the scale's teal, 4.9:1 against white
AXIS = "#4a5560"      # axis text: the site's muted ink, 7:1 against white
GRID = "#d3d9df"
OUTLINE = "#1b1f24"   # the highlighted province
SVG_NS = 'xmlns="http://www.w3.org/2000/svg"'


def _attrs(**values) -> str:
    out = []
    for key, value in values.items():
        if value is None or value is False:
            continue
        name = key.rstrip("_").replace("_", "-")
        out.append(f' {name}="{escape(value)}"')
    return "".join(out)


def _n(value: float) -> str:
    """Coordinates with at most one decimal, no trailing zeros."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def hatch_pattern() -> str:
    """The diagonal hatch that marks "no figure", so it never reads as a low value."""
    return (f'<pattern id="{HATCH_ID}" width="6" height="6" patternUnits="userSpaceOnUse" '
            f'patternTransform="rotate(45)"><rect width="6" height="6" fill="{NO_DATA}"/>'
            f'<line x1="0" y1="0" x2="0" y2="6" stroke="{NO_DATA_LINE}" stroke-width="1.6"/></pattern>')


def defs_svg() -> Markup:
    """A hidden SVG that only defines the hatch, for pages with several maps (the map page)."""
    return Markup(f'<svg class="pa-defs" width="0" height="0" aria-hidden="true" focusable="false" {SVG_NS}>'
                  f"<defs>{hatch_pattern()}</defs></svg>")


def swatch(colour: str | None) -> Markup:
    """A legend key: the class colour, or the hatch for "no figure"."""
    fill = colour or f"url(#{HATCH_ID})"
    return Markup(f'<svg class="pa-swatch" width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" '
                  f'focusable="false" {SVG_NS}><rect x="0.5" y="0.5" width="17" height="17" rx="2"'
                  f'{_attrs(fill=fill)} stroke="#6b7580"/></svg>')


def tile_map(cells: dict, element_id: str, title: str, highlight: str | None = None, defs: bool = True,
             siteurl: str = "", key: str | None = None) -> Markup:
    """38 equal squares in their approximate places, each a link named (by its <title>) with its
    province and value; in a figure whose caption says what it is, then (with `key`) the codes' key.

    The grid is drawn twice: wide, and in two bands for phones (CSS shows one); the hatch they share is
    defined beside them, since a pattern inside an SVG that is not displayed cannot be used."""
    parts = [f'<figure class="pa-tilemap"{_attrs(id=element_id)}>']
    if defs:
        parts.append(defs_svg())
    parts.append('<div class="pa-scroll">')
    parts += _tiles(cells, TILES, COLUMNS, ROWS, "pa-tiles pa-tiles-wide", highlight, siteurl)
    parts += _tiles(cells, PORTRAIT, PORTRAIT_COLUMNS, PORTRAIT_ROWS, "pa-tiles pa-tiles-narrow", highlight,
                    siteurl)
    parts.append(f'</div><figcaption class="note">{escape(title)}</figcaption></figure>')
    if key:
        entries = (f"<li><b>{escape(cells[code].short)}</b> {escape(cells[code].name)}</li>"
                   for code in sorted(cells, key=lambda c: cells[c].short))
        parts.append(f'<details class="pa-codes"><summary>{escape(key)}</summary>'
                     f'<ul class="pa-codes-list">{"".join(entries)}</ul></details>')
    return Markup("".join(parts))


def _tiles(cells: dict, layout: dict, columns: int, rows: int, css: str, highlight: str | None,
           siteurl: str) -> list[str]:
    width, height = columns * PITCH, rows * PITCH
    parts = [f'<svg class="{css}" viewBox="-4 -4 {width + 4} {height + 4}" width="{width + 4}" '
             f'height="{height + 4}" {SVG_NS}>']
    for code in sorted(cells, key=lambda c: layout[c]):
        cell = cells[code]
        row, col = layout[code]
        x, y = col * PITCH, row * PITCH
        here = code == highlight
        parts.append(f'<a{_attrs(href=f"{siteurl}/{cell.url}", aria_current="page" if here else None)} '
                     f'class="pa-tile-link"><title>{escape(cell.label)}</title>')
        if here:
            parts.append(f'<rect x="{x - 3}" y="{y - 3}" width="{TILE + 6}" height="{TILE + 6}" rx="5" '
                         f'fill="none" stroke="{OUTLINE}" stroke-width="3"/>')
        parts.append(f'<rect class="pa-tile" x="{x}" y="{y}" width="{TILE}" height="{TILE}" rx="3"'
                     f'{_attrs(fill=cell.fill)} stroke="#ffffff" stroke-width="1"/>')
        text_y = y + (18 if cell.tile_value else 27)
        parts.append(f'<text x="{x + TILE / 2:g}" y="{text_y}" text-anchor="middle" font-size="15" '
                     f'font-weight="700"{_attrs(fill=cell.ink)}>{escape(cell.short)}</text>')
        if cell.tile_value:
            size = 12 if len(cell.tile_value) <= 5 else 10
            parts.append(f'<text x="{x + TILE / 2:g}" y="{y + 35}" text-anchor="middle" font-size="{size}"'
                         f'{_attrs(fill=cell.ink)}>{escape(cell.tile_value)}</text>')
        parts.append("</a>")
    parts.append("</svg>")
    return parts


def _labelled(element_id: str, title: str, desc: str) -> str:
    return (f' role="img"{_attrs(aria_labelledby=f"{element_id}-t {element_id}-d")} {SVG_NS}>'
            f'<title{_attrs(id=element_id + "-t")}>{escape(title)}</title>'
            f'<desc{_attrs(id=element_id + "-d")}>{escape(desc)}</desc>')


def _bar(x: float, y: float, low: float, high: float | None, scale: float, thickness: float,
         horizontal: bool, base: float = 0) -> str:
    """A bar to the low value, and a lighter extension to the high value of a range."""
    out = []
    segments = [(0, low, 1)] + ([(low, high, 0.4)] if high is not None else [])
    for start, end, opacity in segments:
        length = max((end - start) * scale, 0.5)
        if horizontal:
            out.append(f'<rect x="{_n(x + start * scale)}" y="{_n(y)}" width="{_n(length)}" '
                       f'height="{_n(thickness)}" fill="{BAR}"{_attrs(fill_opacity=opacity if opacity < 1 else None)}/>')
        else:
            out.append(f'<rect x="{_n(x)}" y="{_n(base - end * scale)}" width="{_n(thickness)}" '
                       f'height="{_n(length)}" fill="{BAR}"{_attrs(fill_opacity=opacity if opacity < 1 else None)}/>')
    return "".join(out)


def ranked_chart(ranked: list, element_id: str, title: str, desc: str, lang) -> Markup:
    """Provinces of one year as horizontal bars on a 0–100% axis, highest first; name above each bar."""
    width, right, pitch, top = 420, 64, 40, 4
    scale = (width - right) / 100
    height = top + pitch * len(ranked) + 22
    parts = [f'<svg class="pa-chart pa-ranked"{_attrs(id=element_id)} viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}"' + _labelled(element_id, title, desc)]
    bottom = top + pitch * len(ranked)
    for tick in (0, 25, 50, 75, 100):
        x = tick * scale
        parts.append(f'<line x1="{_n(x)}" y1="{top}" x2="{_n(x)}" y2="{bottom}" stroke="{GRID}" stroke-width="1"/>')
        anchor = "start" if tick == 0 else ("end" if tick == 100 else "middle")
        parts.append(f'<text x="{_n(x)}" y="{bottom + 16}" text-anchor="{anchor}" font-size="12" '
                     f'fill="{AXIS}">{escape(lang.percent(tick))}</text>')
    for i, cell in enumerate(ranked):
        y = top + i * pitch
        flag = " *" if getattr(cell, "flags", ()) else ""  # the words are under the table
        parts.append(f'<text x="0" y="{y + 14}" font-size="14" fill="#1b1f24">{escape(cell.name + flag)}</text>')
        parts.append(_bar(0, y + 20, cell.low, cell.high, scale, 14, True))
        end = (cell.high if cell.high is not None else cell.low) * scale
        parts.append(f'<text x="{_n(end + 5)}" y="{y + 32}" font-size="13" font-weight="700" '
                     f'fill="#1b1f24">{escape(cell.value)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def series_chart(years: list[int], cells: list, element_id: str, title: str, desc: str, lang) -> Markup:
    """A province's figure per year as vertical bars on a 0–100% axis; years without one say so."""
    left, top, plot, bottom = 44, 10, 180, 40
    none = lang._("no figure")
    slot = 72
    width = left + slot * len(years) + 8
    base = top + plot
    scale = plot / 100
    parts = [f'<svg class="pa-chart pa-series"{_attrs(id=element_id)} viewBox="0 0 {width} {base + bottom}" '
             f'width="{width}" height="{base + bottom}"' + _labelled(element_id, title, desc)]
    for tick in (0, 25, 50, 75, 100):
        y = base - tick * scale
        parts.append(f'<line x1="{left}" y1="{_n(y)}" x2="{width - 4}" y2="{_n(y)}" stroke="{GRID}" stroke-width="1"/>')
        parts.append(f'<text x="{left - 6}" y="{_n(y + 4)}" text-anchor="end" font-size="12" '
                     f'fill="{AXIS}">{escape(lang.percent(tick))}</text>')
    for i, (year, cell) in enumerate(zip(years, cells)):
        x = left + i * slot + slot / 2
        parts.append(f'<text x="{_n(x)}" y="{base + 18}" text-anchor="middle" font-size="13" '
                     f'fill="#1b1f24">{year}</text>')
        if cell is None:
            parts.append(f'<text x="{_n(x)}" y="{base - 6}" text-anchor="middle" font-size="12" '
                         f'fill="{AXIS}">{escape(none)}</text>')
            continue
        parts.append(_bar(x - 18, 0, cell.low, cell.high, scale, 36, False, base))
        peak = cell.high if cell.high is not None else cell.low
        parts.append(f'<text x="{_n(x)}" y="{_n(base - peak * scale - 6)}" text-anchor="middle" font-size="13" '
                     f'font-weight="700" fill="#1b1f24">{escape(cell.mark or cell.value)}</text>')
    parts.append(f'<line x1="{left}" y1="{base}" x2="{width - 4}" y2="{base}" stroke="{AXIS}" stroke-width="1"/>')
    parts.append("</svg>")
    return Markup("".join(parts))
