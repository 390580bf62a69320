"""A province's kabupaten/kota as inline SVG drawn at build time: every shape a link (where the
regency has a page) or a named image, shaded by its known awards; and the small locator map of a
regency page. No script, no inline style: presentation attributes only, every text escaped."""

from __future__ import annotations

import math

from markupsafe import Markup, escape

from . import geometry
from .svg import SVG_NS, _attrs, _n

# Known awards per kabupaten/kota: none, 1, 2–3, 4–7, 8 or more (light to dark, white text not needed).
AWARD_BREAKS = (1, 2, 4, 8)
AWARD_FILLS = ("#eceff2", "#bddf26", "#44bf70", "#21918c", "#355f8d")
STROKE = "#5f6b76"  # 4.9:1 on white: every shape has a visible edge, none or light fill alike
HERE_FILL, HERE_STROKE, OTHER_FILL = "#c2410c", "#1b1f24", "#d3d9df"


def award_class(count: int) -> int:
    return sum(count >= b for b in AWARD_BREAKS)


class ProvinceDrawing:
    """The regencies of one province projected to a `width`-pixel box and simplified there (shared
    borders stay shared); path data per regency code, made once and reused by every page."""

    def __init__(self, shapes: dict, width: int, tolerance: float, height: int | None = None):
        west, south, east, north = geometry.bounds(shapes.values())
        k = math.cos(math.radians((south + north) / 2))
        span_x, span_y = max((east - west) * k, 1e-6), max(north - south, 1e-6)
        scale = min(width / span_x, (height or width * 1.1) / span_y)
        self.width, self.height = round(span_x * scale) + 4, round(span_y * scale) + 4

        def project(shape):
            return [[[((x - west) * k * scale + 2, (north - y) * scale + 2) for x, y in ring] for ring in poly]
                    for poly in shape]

        projected = geometry.simplify({c: project(s) for c, s in shapes.items()}, tolerance, 1, 0.5)
        self.shapes = {code: shape for code, shape in projected.items() if shape}
        self.paths = {code: _path(shape) for code, shape in self.shapes.items()}


def _path(shape) -> str:
    """Compact path data: absolute first point, then relative moves, one subpath per ring."""
    out = []
    for poly in shape:
        for ring in poly:
            points = ring[:-1] if len(ring) > 1 and ring[0] == ring[-1] else ring
            if len(points) < 3:
                continue
            x0, y0 = points[0]
            parts = [f"M{_n(x0)} {_n(y0)}l"]
            px, py = x0, y0
            steps = []
            for x, y in points[1:]:
                steps.append(f"{_n(round(x - px, 1))} {_n(round(y - py, 1))}")
                px, py = x, y
            parts.append(" ".join(steps))
            out.append("".join(parts) + "z")
    return "".join(out).replace(" -", "-")


def province_svg(drawing: ProvinceDrawing, items: list[dict], element_id: str, title: str) -> Markup:
    """The province map: `items` are {code, label, url or None, count} in drawing order."""
    parts = [f'<svg class="pa-regions"{_attrs(id=element_id)} viewBox="0 0 {drawing.width} {drawing.height}" '
             f'width="{drawing.width}" height="{drawing.height}" role="group"'
             f'{_attrs(aria_label=title)} {SVG_NS}>']
    for item in items:
        d = drawing.paths.get(item["code"])
        if not d:
            continue
        fill = AWARD_FILLS[award_class(item["count"])]
        shape = f'<path class="pa-region"{_attrs(d=d, fill=fill)} stroke="{STROKE}" stroke-width="0.5"'
        if item["url"]:
            parts.append(f'<a{_attrs(href=item["url"])} class="pa-region-link">{shape}/>'
                         f'<title>{escape(item["label"])}</title></a>')
        else:
            parts.append(f'{shape} role="img"{_attrs(aria_label=item["label"])}>'
                         f'<title>{escape(item["label"])}</title></path>')
    parts.append("</svg>")
    return Markup("".join(parts))


def locator_svg(drawing: ProvinceDrawing, here: str, element_id: str, title: str) -> Markup:
    """The regency page's locator: the province's kabupaten/kota in grey, this one highlighted."""
    parts = [f'<svg class="pa-locator"{_attrs(id=element_id)} viewBox="0 0 {drawing.width} {drawing.height}" '
             f'width="{drawing.width}" height="{drawing.height}" role="img"{_attrs(aria_label=title)} {SVG_NS}>']
    for code in sorted(drawing.paths):
        if code != here:
            parts.append(f'<path{_attrs(d=drawing.paths[code])} fill="{OTHER_FILL}" stroke="{STROKE}" '
                         'stroke-width="0.8"/>')
    if here in drawing.paths:
        parts.append(f'<path{_attrs(d=drawing.paths[here])} fill="{HERE_FILL}" stroke="{HERE_STROKE}" '
                     'stroke-width="1.5"/>')
    parts.append("</svg>")
    return Markup("".join(parts))


def card_rings(drawing: ProvinceDrawing, codes, left: int, top: int) -> list[list[int]]:
    """Outer rings of the given regencies as flat integer point lists [x, y, x, y, …], placed at
    (left, top): the shape a share image draws (plain lists, so the card spec stays JSON)."""
    rings = []
    for code in sorted(codes):
        for poly in drawing.shapes.get(code, []):
            ring = poly[0][:-1] if poly[0][0] == poly[0][-1] else poly[0]
            flat = []
            for x, y in ring:
                point = [round(x) + left, round(y) + top]
                if flat[-2:] != point:
                    flat += point
            if len(flat) >= 6:
                rings.append(flat)
    return rings
