"""Test support for the maps: questions the build never asks (is a point inside a shape, the latest figure
of each year whatever its basis)."""

from __future__ import annotations

from paritrana_maps.bases import figure_order
from paritrana_maps.geometry import Point, Ring, Shape


def point_in_ring(point: Point, ring: Ring) -> bool:
    """Even-odd rule: a ray from the point crosses the ring's edges an odd number of times."""
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def point_in_shape(point: Point, shape: Shape) -> bool:
    """Whether (lon, lat) lies inside any polygon of the shape (and outside its holes)."""
    return any(point_in_ring(point, p[0]) and not any(point_in_ring(point, h) for h in p[1:]) for p in shape)


def latest_by_year(figures, metric: str) -> dict[int, dict]:
    """{year: {province code: the latest figure of that metric for that year}}, whatever its basis."""
    found: dict[int, dict] = {}
    for f in sorted((f for f in figures if f.metric == metric), key=figure_order):
        found.setdefault(f.year, {})[f.province] = f
    return dict(sorted(found.items()))
