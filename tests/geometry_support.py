"""Test support for the map geometry: whether a point lies inside a shape (the build never asks)."""

from __future__ import annotations

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
