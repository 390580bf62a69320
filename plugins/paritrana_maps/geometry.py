"""Plain-Python geometry for province shapes: TopoJSON decoding, simplification that keeps shared
borders shared, and byte-stable GeoJSON output. No third-party geometry library is needed.

A shape is a list of polygons; a polygon is a list of rings (outer ring first, then holes); a ring is
a closed list of (lon, lat) tuples whose first and last points are equal.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict

Point = tuple[float, float]
Ring = list[Point]
Polygon = list[Ring]
Shape = list[Polygon]


class GeometryError(ValueError):
    """The file is not GeoJSON or TopoJSON of polygons as expected."""


# --- reading --------------------------------------------------------------------------------

def features_of(document: dict) -> list[dict]:
    """The features of a GeoJSON FeatureCollection or of every object of a TopoJSON Topology."""
    kind = document.get("type") if isinstance(document, dict) else None
    if kind == "FeatureCollection":
        return list(document.get("features") or [])
    if kind == "Feature":
        return [document]
    if kind == "Topology":
        return topojson_features(document)
    raise GeometryError(f"expected a GeoJSON FeatureCollection or a TopoJSON Topology, found type {kind!r}")


def topojson_features(topology: dict) -> list[dict]:
    """Decode every geometry of every object of a TopoJSON Topology into GeoJSON features."""
    arcs = _decode_arcs(topology)
    features = []
    for name in sorted(topology.get("objects") or {}):
        obj = topology["objects"][name]
        geometries = obj.get("geometries") if obj.get("type") == "GeometryCollection" else [obj]
        for geometry in geometries or []:
            feature = {"type": "Feature", "properties": dict(geometry.get("properties") or {}),
                       "geometry": _topo_geometry(geometry, arcs)}
            if "id" in geometry:
                feature["id"] = geometry["id"]
            features.append(feature)
    return features


def _decode_arcs(topology: dict) -> list[list[Point]]:
    transform = topology.get("transform")
    decoded = []
    for arc in topology.get("arcs") or []:
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            points = []
            for dx, dy, *_ in arc:
                x += dx
                y += dy
                points.append((x * sx + tx, y * sy + ty))
        else:
            points = [(float(p[0]), float(p[1])) for p in arc]
        decoded.append(points)
    return decoded


def _topo_ring(indexes: list[int], arcs: list[list[Point]]) -> Ring:
    ring: Ring = []
    for i in indexes:
        points = arcs[i] if i >= 0 else arcs[~i][::-1]
        ring.extend(points[1:] if ring else points)
    return ring


def _topo_geometry(geometry: dict, arcs) -> dict | None:
    kind = geometry.get("type")
    if kind == "Polygon":
        return {"type": "Polygon", "coordinates": [_topo_ring(r, arcs) for r in geometry["arcs"]]}
    if kind == "MultiPolygon":
        return {"type": "MultiPolygon",
                "coordinates": [[_topo_ring(r, arcs) for r in poly] for poly in geometry["arcs"]]}
    if kind is None:
        return None
    raise GeometryError(f"TopoJSON geometry of type {kind!r}: only polygons are province shapes")


def shape_of(geometry: dict | None) -> Shape:
    """A GeoJSON Polygon or MultiPolygon as a list of polygons of closed rings of float tuples."""
    if not geometry:
        return []
    kind = geometry.get("type")
    if kind == "Polygon":
        polygons = [geometry["coordinates"]]
    elif kind == "MultiPolygon":
        polygons = geometry["coordinates"]
    elif kind == "GeometryCollection":
        return [p for g in geometry.get("geometries") or [] for p in shape_of(g)]
    else:
        raise GeometryError(f"geometry of type {kind!r}: a province shape must be a Polygon or MultiPolygon")
    shape = []
    for polygon in polygons:
        rings = []
        for ring in polygon:
            points = [(float(p[0]), float(p[1])) for p in ring]
            if points and points[0] != points[-1]:
                points.append(points[0])
            rings.append(points)
        if rings:
            shape.append(rings)
    return shape


# --- measuring ------------------------------------------------------------------------------

def ring_area(ring: Ring) -> float:
    """Signed area in square degrees (positive when counter-clockwise)."""
    total = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        total += x1 * y2 - x2 * y1
    return total / 2


def bounds(shapes) -> tuple[float, float, float, float]:
    """(west, south, east, north) of all the shapes."""
    xs = [x for shape in shapes for poly in shape for ring in poly for x, _ in ring]
    ys = [y for shape in shapes for poly in shape for ring in poly for _, y in ring]
    return min(xs), min(ys), max(xs), max(ys)


def point_count(shapes) -> int:
    return sum(len(ring) for shape in shapes for poly in shape for ring in poly)


# --- simplifying ----------------------------------------------------------------------------

def _douglas_peucker(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker on an open line, keeping both ends (iterative, so long lines are fine)."""
    if len(points) < 3 or tolerance <= 0:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        norm = math.hypot(dx, dy)
        worst, index = -1.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            if norm == 0:
                distance = math.hypot(px - ax, py - ay)
            else:
                distance = abs(dy * px - dx * py + bx * ay - by * ax) / norm
            if distance > worst:
                worst, index = distance, i
        if index > 0 and worst > tolerance:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, k in zip(points, keep) if k]


class _ArcCache:
    """Simplifies each stretch of border once, so both neighbours get exactly the same line."""

    def __init__(self, tolerance: float):
        self.tolerance = tolerance
        self.done: dict[tuple, list[Point]] = {}

    def line(self, points: list[Point]) -> list[Point]:
        forward = tuple(points)
        backward = forward[::-1]
        key = min(forward, backward)
        if key not in self.done:
            self.done[key] = _douglas_peucker(list(key), self.tolerance)
        result = self.done[key]
        return list(result) if key == forward else result[::-1]


def _quantize(ring: Ring, precision: int) -> list[Point]:
    """Rounded points without consecutive repeats, as an open cycle (no closing point)."""
    out: list[Point] = []
    for x, y in ring:
        p = (round(x, precision) + 0.0, round(y, precision) + 0.0)
        if not out or out[-1] != p:
            out.append(p)
    while len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


def _junctions(cycles: list[list[Point]]) -> set[Point]:
    """Points where borders meet or part: a point seen with more than one pair of neighbours."""
    neighbours: dict[Point, set] = defaultdict(set)
    for cycle in cycles:
        n = len(cycle)
        for i, p in enumerate(cycle):
            a, b = cycle[i - 1], cycle[(i + 1) % n]
            neighbours[p].add((a, b) if a <= b else (b, a))
    return {p for p, pairs in neighbours.items() if len(pairs) > 1}


def _simplify_cycle(cycle: list[Point], junctions: set[Point], cache: _ArcCache) -> list[Point]:
    """A ring simplified stretch by stretch between junctions; returned closed."""
    marks = [i for i, p in enumerate(cycle) if p in junctions]
    if not marks:
        # A ring that touches no other: start at its smallest point and walk it the same way round
        # whatever its orientation, so two copies of one ring (an island and a hole) give one result.
        start = cycle.index(min(cycle))
        ring = cycle[start:] + cycle[:start]
        if ring[-1] < ring[1]:
            ring = [ring[0]] + ring[1:][::-1]
        far = max(range(len(ring)), key=lambda i: (ring[i][0] - ring[0][0]) ** 2 + (ring[i][1] - ring[0][1]) ** 2)
        return cache.line(ring[: far + 1]) + cache.line(ring[far:] + [ring[0]])[1:]
    start = marks[0]
    ring = cycle[start:] + cycle[:start] + [cycle[start]]
    cuts = [i for i, p in enumerate(ring) if p in junctions]
    out: list[Point] = [ring[0]]
    for a, b in zip(cuts, cuts[1:]):
        out.extend(cache.line(ring[a: b + 1])[1:])
    return out


def _simplify_polygon(poly: list[list[Point]], junctions, cache, min_area: float) -> Polygon:
    """Outer ring counter-clockwise then holes clockwise (RFC 7946); [] if the outer ring collapses."""
    rings: Polygon = []
    for i, cycle in enumerate(poly):
        ring = _simplify_cycle(cycle, junctions, cache) if len(cycle) >= 3 else []
        area = ring_area(ring) if len(ring) >= 4 else 0.0
        if area == 0:
            if i == 0:
                return []
            continue
        if i > 0 and abs(area) < min_area:
            continue
        if (area < 0) == (i == 0):
            ring = ring[::-1]
        rings.append(ring)
    return rings


def simplify(shapes: dict[str, Shape], tolerance: float, precision: int,
             min_area: float = 0.0) -> dict[str, Shape]:
    """Round to `precision` decimals, simplify borders with Douglas-Peucker at `tolerance` degrees
    keeping shared borders identical, drop rings that collapse and islands or holes under
    `min_area` square degrees; every shape keeps at least its largest polygon."""
    cycles = {key: [[_quantize(ring, precision) for ring in poly] for poly in shape]
              for key, shape in shapes.items()}
    junctions = _junctions([c for shape in cycles.values() for poly in shape for c in poly if len(c) >= 3])
    cache = _ArcCache(tolerance)
    result: dict[str, Shape] = {}
    for key in sorted(cycles):
        polygons = [p for p in (_simplify_polygon(poly, junctions, cache, min_area) for poly in cycles[key]) if p]
        if not polygons:
            # Everything collapsed: keep the largest original polygon only rounded.
            biggest = max(cycles[key], key=lambda poly: abs(ring_area(poly[0] + poly[0][:1])) if poly and poly[0] else 0,
                          default=None)
            outer = (biggest or [[]])[0]
            result[key] = [[outer + outer[:1]]] if len(outer) >= 3 else []
            continue
        largest = max(abs(ring_area(p[0])) for p in polygons)
        result[key] = [p for p in polygons if abs(ring_area(p[0])) >= min(min_area, largest)]
    return result


# --- writing --------------------------------------------------------------------------------

def _number(value: float, precision: int) -> str:
    text = f"{round(value, precision):.{precision}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def geometry_json(shape: Shape, precision: int) -> str:
    """A shape as a compact GeoJSON geometry (Polygon for one polygon, else MultiPolygon)."""
    def ring(r):
        return "[" + ",".join(f"[{_number(x, precision)},{_number(y, precision)}]" for x, y in r) + "]"

    def polygon(p):
        return "[" + ",".join(ring(r) for r in p) + "]"

    if len(shape) == 1:
        return '{"type":"Polygon","coordinates":' + polygon(shape[0]) + "}"
    return '{"type":"MultiPolygon","coordinates":[' + ",".join(polygon(p) for p in shape) + "]}"


def feature_collection(shapes: dict[str, Shape], properties: dict[str, dict], precision: int,
                       extra: dict | None = None) -> bytes:
    """Byte-stable GeoJSON: features in key order, compact numbers, one feature per line."""
    head = {"type": "FeatureCollection", **(extra or {})}
    lines = []
    for key in sorted(shapes):
        props = json.dumps(properties.get(key, {}), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        lines.append('{"type":"Feature","id":' + json.dumps(key) + ',"properties":' + props
                     + ',"geometry":' + geometry_json(shapes[key], precision) + "}")
    opening = json.dumps(head, ensure_ascii=False, sort_keys=True, separators=(",", ":"))[:-1]
    return (opening + ',"features":[\n' + ",\n".join(lines) + "\n]}\n").encode("utf-8")
