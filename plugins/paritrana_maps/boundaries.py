"""Province boundaries: read the file a setting names, match its features to the 38 provinces,
validate, simplify, and place provinces newer than the file as markers at their capitals."""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from paritrana_data.regions import RegionIndex, Unresolved

from . import geometry

# Property names tried, case-insensitively, in this order: Kemendagri code, ISO 3166-2, then names.
CODE_KEYS = ("code", "kode", "kode_prov", "kode_provinsi", "kd_prov", "kdprov", "prov_code", "province_code",
             "kemendagri", "kode_bps", "kdppum")
ISO_KEYS = ("iso_code", "iso_3166_2", "iso3166_2", "iso", "iso_a1")
NAME_KEYS = ("name", "nama", "provinsi", "nama_provinsi", "wadmpr", "province", "name_1", "name_en", "gn_name",
             "woe_name")
ISO_PATTERN = re.compile(r"^ID-[A-Z]{2}$")
# Names that older boundary sources (Natural Earth among them) use for today's provinces.
OLD_NAMES = {"jakarta raya": "31", "irian jaya barat": "92", "irian jaya": "91", "bangka-belitung": "19",
             "bangka belitung": "19", "yogyakarta": "34", "nanggroe aceh darussalam": "11"}


class BoundaryError(SystemExit):
    """The boundary file cannot be used: the message lists every problem found."""


@dataclass(frozen=True)
class Marker:
    """A province without its own shape in the boundary file, shown at its capital."""

    code: str
    parent: str
    place: str
    lat: float
    lon: float
    side: str = "right"  # where its name label goes: left, right, top or bottom


@dataclass
class Matched:
    """What matching a file's features found."""

    shapes: dict[str, geometry.Shape] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # rules applied, one line each for the build log


@dataclass
class Boundaries:
    """Shapes by province code (simplified), markers for newer provinces, and the source."""

    shapes: dict[str, geometry.Shape]
    markers: dict[str, Marker]
    source: Path
    precision: int
    attribution: str
    notes: tuple[str, ...] = ()
    short_attribution: str = ""  # the file's "attribution_short", for the corner of the interactive map

    def geojson(self) -> bytes:
        """The site's geometry file: one feature per province that has a shape, in code order."""
        return geometry.feature_collection(self.shapes, {code: {"code": code} for code in self.shapes},
                                           self.precision)

    def bounds(self) -> tuple[float, float, float, float]:
        return geometry.bounds(self.shapes.values())


def _feature_label(number: int, feature: dict) -> str:
    props = feature.get("properties") or {}
    bits = [f"id {feature['id']!r}"] if "id" in feature else []
    for key in ("name", "NAME_1", "nama", "code", "iso_code", "KODE_PROV", "PROVINSI", "WADMPR", "KDPPUM"):
        if props.get(key) not in (None, ""):
            bits.append(f"{key} {props[key]!r}")
    return f"feature {number}" + (f" ({', '.join(bits)})" if bits else " (no id or name)")


def _by_name(props: dict, regions: RegionIndex) -> str | None:
    for key in NAME_KEYS:
        value = props.get(key)
        if not isinstance(value, str) or not value.strip():
            continue
        if value.strip().lower() in OLD_NAMES:
            return OLD_NAMES[value.strip().lower()]
        try:
            return regions.province(value.strip())
        except Unresolved:
            continue
    return None


def read_feature(feature: dict, provinces: dict, regions: RegionIndex) -> tuple[str | None, str | None, str | None]:
    """(province code, rule applied, None) or (None, None, why not) for one feature: its Kemendagri
    code, ISO code and name read separately. Where a code and a name disagree, a parent's code with
    the name of a province formed from it gives the name (a file made before the 2022 split);
    any other disagreement is a problem that states both readings."""
    props = {str(k).lower(): v for k, v in (feature.get("properties") or {}).items()}
    iso = {p.iso_code: code for code, p in provinces.items()}
    codes, isos = set(), set()
    candidates = [props.get(k) for k in CODE_KEYS] + [feature.get("id")]
    for value in candidates:
        if isinstance(value, bool) or value is None:
            continue
        text = str(value).strip()
        if isinstance(value, int) or text.isdigit():
            text = f"{int(text):02d}"
        if text in provinces:
            codes.add(text)
    for value in [props.get(k) for k in ISO_KEYS] + [feature.get("id")]:
        if isinstance(value, str) and ISO_PATTERN.match(value.strip().upper()):
            if value.strip().upper() in iso:
                isos.add(iso[value.strip().upper()])
    if len(codes) > 1:
        return None, None, f"has codes of several provinces ({', '.join(sorted(codes))})"
    if codes and isos and codes != isos:
        return None, None, (f"its Kemendagri code says {next(iter(codes))} but its ISO code says "
                            f"{', '.join(sorted(isos))}")
    if len(isos) > 1:
        return None, None, f"has ISO codes of several provinces ({', '.join(sorted(isos))})"
    by_code = next(iter(codes or isos), None)
    by_name = _by_name(props, regions)
    if by_code and by_name and by_code != by_name:
        if provinces[by_name].parent_code == by_code:
            return by_name, (f"code {by_code} ({provinces[by_code].name}) with the name of "
                             f"{provinces[by_name].name}, formed from it in {provinces[by_name].created_year}: "
                             f"read as {by_name} {provinces[by_name].name}"), None
        return None, None, (f"its code says {by_code} ({provinces[by_code].name}) but its name says "
                            f"{by_name} ({provinces[by_name].name}); correct the code or the name")
    if by_code or by_name:
        return by_code or by_name, None, None
    return None, None, "matches no province"


def match_features(features: list[dict], provinces: dict, regions: RegionIndex, source: str) -> Matched:
    """Shapes by province code; every feature that matches no province is reported. Features of
    one province (a province split into pieces) are merged."""
    found = Matched()
    readings: dict[str, list[tuple[int, str | None]]] = {}
    for number, feature in enumerate(features, start=1):
        code, rule, why = read_feature(feature, provinces, regions)
        if rule:
            found.notes.append(f"{source}: {_feature_label(number, feature)}: {rule}")
        if code is None:
            found.problems.append(f"{source}: {_feature_label(number, feature)} {why}; give it a 'code' "
                                  "property with the Kemendagri code (e.g. \"33\"), an 'iso_code' "
                                  "(e.g. \"ID-JT\") or the province's name, or remove it")
            continue
        try:
            shape = geometry.shape_of(feature.get("geometry"))
        except geometry.GeometryError as exc:
            found.problems.append(f"{source}: {_feature_label(number, feature)}: {exc}")
            continue
        if not shape:
            found.problems.append(f"{source}: {_feature_label(number, feature)} has no geometry")
            continue
        found.shapes.setdefault(code, []).extend(shape)
        readings.setdefault(code, []).append((number, rule))
    for code, seen in sorted(readings.items()):
        # Pieces of one province merge only when they were read the same way: a piece that needed
        # the parent-code rule beside one that did not points at two different files' ideas of it.
        if len(seen) > 1 and len({rule is None for _, rule in seen}) > 1:
            numbers = ", ".join(str(n) for n, _ in seen)
            found.problems.append(f"{source}: features {numbers} are all {provinces[code].name} ({code}), but "
                                  "some by their code and some only by the parent-code rule; give every piece "
                                  f"the code \"{code}\"")
    return found


SIDES = ("left", "right", "top", "bottom")


def read_capitals(path: Path) -> dict[str, tuple[str, float, float, str]]:
    """capitals.csv: province code -> (place, lat, lon, label side) of its capital, for provinces
    shown as markers."""
    if not path.is_file():
        return {}
    places = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):
            try:
                lat, lon = float(row["lat"]), float(row["lon"])
            except (KeyError, TypeError, ValueError):
                raise BoundaryError(f"{path}:{number}: lat and lon must be numbers in decimal degrees") from None
            side = (row.get("label_side") or "right").strip()
            if not -90 <= lat <= 90 or not -180 <= lon <= 180 or side not in SIDES:
                raise BoundaryError(f"{path}:{number}: lat -90..90, lon -180..180, label_side one of "
                                    + ", ".join(SIDES))
            places[row["province_code"].strip()] = (row["place"].strip(), lat, lon, side)
    return places


def _ancestor_with_shape(code: str, provinces: dict, shapes: dict) -> str | None:
    seen = set()
    parent = provinces[code].parent_code
    while parent and parent not in seen:
        if parent in shapes:
            return parent
        seen.add(parent)
        parent = provinces[parent].parent_code if parent in provinces else None
    return None


def place_missing(shapes: dict, provinces: dict, capitals: dict, source: str) -> tuple[dict[str, Marker], list[str]]:
    """Markers for provinces newer than the boundary file (inside a parent's shape); a problem for
    every other province without a shape."""
    markers, problems = {}, []
    for code in sorted(provinces):
        if code in shapes:
            continue
        p = provinces[code]
        parent = _ancestor_with_shape(code, provinces, shapes)
        if parent and code in capitals:
            place, lat, lon, side = capitals[code]
            markers[code] = Marker(code, parent, place, lat, lon, side)
        elif parent:
            problems.append(f"{source}: no shape for {p.name} ({code}, {p.iso_code}), formed in "
                            f"{p.created_year} from {provinces[p.parent_code].name}, and no capital position "
                            f"for it in capitals.csv to show it as a marker; add a feature for it or a "
                            f"row for province_code {code} to capitals.csv")
        else:
            problems.append(f"{source}: no shape for {p.name} ({code}, {p.iso_code}); add a feature "
                            f"whose 'code' is \"{code}\", 'iso_code' is \"{p.iso_code}\" or name is "
                            f"\"{p.name}\"")
    return markers, problems


_last: dict = {}  # the edit loop builds again and again in one process: the last result, by its inputs


def load_boundaries(path: Path, capitals_path: Path, provinces: dict, regions: RegionIndex, *,
                    tolerance: float, precision: int, min_area: float) -> Boundaries:
    """Read, match, validate and simplify the boundary file, or raise BoundaryError listing every problem.

    The same files (path, size, modification time), regions and settings give the last result again."""
    try:
        key = (_stamp(path), _stamp(capitals_path), tuple(sorted(provinces.items())),
               tuple(sorted(regions.regencies.items())), tolerance, precision, min_area)
        hash(key)
    except (OSError, TypeError):  # a file is missing (reported below) or a record is unhashable
        key = None
    if key is not None and _last.get("key") == key:
        return _last["boundaries"]
    boundaries = _load_boundaries(Path(path), capitals_path, provinces, regions, tolerance=tolerance,
                                  precision=precision, min_area=min_area)
    if key is not None:
        _last.update(key=key, boundaries=boundaries)
    return boundaries


def _stamp(path) -> tuple:
    stat = Path(path).stat()
    return str(path), stat.st_size, stat.st_mtime_ns


def _load_boundaries(path: Path, capitals_path: Path, provinces: dict, regions: RegionIndex, *,
                     tolerance: float, precision: int, min_area: float) -> Boundaries:
    try:
        document = json.loads(path.read_text(encoding="utf-8-sig"))
        features = geometry.features_of(document)
    except (OSError, ValueError) as exc:
        raise BoundaryError(f"PARITRANA_MAPS_BOUNDARIES: cannot read {path}: {exc}") from None
    matched = match_features(features, provinces, regions, path.name)
    markers, missing = place_missing(matched.shapes, provinces, read_capitals(Path(capitals_path)), path.name)
    problems = matched.problems + missing
    if problems:
        raise BoundaryError(f"The province boundary file cannot be used ({len(problems)} problem(s)):\n  "
                            + "\n  ".join(problems))
    shapes = geometry.simplify(matched.shapes, tolerance, precision, min_area)
    attribution = document.get("attribution") if isinstance(document.get("attribution"), str) else path.name
    short = document.get("attribution_short")
    attribution = attribution.strip() or path.name
    return Boundaries(shapes, markers, path, precision, attribution, tuple(matched.notes),
                      short.strip() if isinstance(short, str) and short.strip() else attribution)
