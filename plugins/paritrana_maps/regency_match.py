"""Which kabupaten/kota a boundary feature is: its code and its name read separately, then agreed by
stated rules (pre-2022 Papua codes, source spellings, features that cover two regencies)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from paritrana_data.names import fold, split_regency_prefix
from paritrana_data.regions import RegionIndex, Unresolved

from . import geometry

# Property names tried, case-insensitively, in this order (BIG's KDPKAB/WADMKK/WADMPR included).
CODE_KEYS = ("code", "kode", "kdpkab", "kode_kab", "kode_kabkota", "kd_kab", "regency_code", "kemendagri")
NAME_KEYS = ("name", "nama", "wadmkk", "kabupaten_kota", "kabkota", "kab_kota", "regency", "nama_kabkota")
PROVINCE_KEYS = ("province", "provinsi", "wadmpr", "nama_provinsi", "province_code", "kode_prov", "kdppum")
KIND_KEYS = ("kind", "jenis")
CODE = re.compile(r"\d{2}\.\d{2}")
# Source spellings that differ from the official name by more than spaces or hyphens (which the
# region lookup ignores already: "Muko Muko", "Toli Toli", "Pare Pare", "Tanjung Balai").
SPELLINGS = {"pahuwato": "Pohuwato", "pangkajene kepulauan": "Pangkajene dan Kepulauan",
             "padang sidempuan": "Padangsidimpuan"}


@dataclass(frozen=True)
class Reading:
    """What one feature is: `codes` (one regency, two for a shared feature, none), the rule applied
    (a line for the build log or the script's report) or the problem that stops the build."""

    codes: tuple[str, ...] = ()
    rule: str | None = None
    problem: str | None = None
    parent_code: bool = False  # read by the name because its code is the parent province's (pre-2022)


def _first(props: dict, keys) -> str | None:
    for key in keys:
        value = props.get(key)
        if value is not None and not isinstance(value, bool) and str(value).strip():
            return str(value).strip()
    return None


def _kind(props: dict, name: str | None, hint: str | None) -> str | None:
    """'kabupaten' or 'kota' from a kind property, the name's prefix or a file name ('Kota_Batu.json')."""
    given = _first(props, KIND_KEYS)
    if given and fold(given) in ("kabupaten", "kota"):
        return fold(given)
    if name:
        kind, _ = split_regency_prefix(name)
        if kind:
            return kind
    if hint:
        kind, _ = split_regency_prefix(hint.rsplit("/", 1)[-1].replace("_", " "))
        return kind
    return None


def spelled(name: str) -> str:
    """The official spelling of a source's name ('Pahuwato' -> 'Pohuwato'), else the name."""
    kind, rest = split_regency_prefix(name)
    if rest in SPELLINGS:
        return (f"{kind.title()} " if kind else "") + SPELLINGS[rest]
    return name


def _province_of(props: dict, regions: RegionIndex) -> str | None:
    text = _first(props, PROVINCE_KEYS)
    if not text:
        return None
    if text.isdigit():
        text = f"{int(text):02d}"
    try:
        return regions.province(text)
    except Unresolved:
        return None


def read_regency(properties: dict, regions: RegionIndex, hint: str | None = None) -> Reading:
    """The regency a feature's properties name; `hint` is the source file's name, if any."""
    props = {str(k).lower(): v for k, v in (properties or {}).items()}
    raw_code, name = _first(props, CODE_KEYS), _first(props, NAME_KEYS)
    codes = tuple(dict.fromkeys(CODE.findall(raw_code or "")))
    if len(codes) > 1:
        names = [regions.regencies[c].name if c in regions.regencies else c for c in codes]
        return Reading(codes, rule=f"code {raw_code!r} names {len(codes)} kabupaten/kota ({', '.join(names)}): "
                                  "an area the source gives to both, drawn for neither (each has its own feature)")
    if not codes and not name:
        return Reading(problem="names no kabupaten/kota (no code such as KDPKAB \"33.74\" and no name such as "
                               "WADMKK)")
    province = _province_of(props, regions)
    kind = _kind(props, name, hint)
    by_code = codes[0] if codes and codes[0] in regions.regencies else None
    by_name, why = None, None
    if name:
        official = spelled(name)
        if kind and not split_regency_prefix(official)[0]:
            official = f"{kind} {official}"  # 'Administrasi Kepulauan Seribu' in Kabupaten_….json
        try:
            by_name = regions.regency(official, province=province, kind=kind)
        except Unresolved as exc:
            why = str(exc)
    respelled = f"name {name!r} read as {spelled(name)!r}" if name and spelled(name) != name else None
    if not codes and not by_name:
        return Reading(problem=f"{why}; give it a code such as KDPKAB \"33.74\", or the name of a kabupaten/kota")
    if codes and not by_code and not by_name:
        return Reading(problem=f"code {codes[0]!r} is no kabupaten/kota code" + (f" and {why}" if why else ""))
    if by_code and (not name or by_code == by_name):
        return Reading((by_code,), rule=respelled)
    if by_name and not codes:
        return Reading((by_name,), rule=respelled)
    if by_name:
        # Code and name disagree. A code of the province the name's province was formed from is the
        # regency's code from before the split (Merauke was 91.01, is 93.01): the name decides.
        home = regions.regencies[by_name].province_code
        parent = regions.provinces[home].parent_code
        if parent and codes[0][:2] == parent:
            return Reading((by_name,), parent_code=True, rule=(
                f"code {codes[0]} is from before {regions.provinces[home].name} was formed from "
                f"{regions.provinces[parent].name}: name {name!r} gives {by_name} "
                f"({regions.regencies[by_name].name})"))
        said = regions.regencies[by_code].name if by_code else "no kabupaten/kota"
        return Reading(problem=(f"its code {codes[0]} says {said} but its name {name!r} says "
                                f"{regions.regencies[by_name].name} ({by_name}); correct one of them"))
    return Reading(problem=(f"its code {codes[0]} says {regions.regencies[by_code].name} but its name "
                            f"{name!r} is not a kabupaten/kota there ({why}); correct one of them"))


@dataclass
class RegencyShapes:
    """Shapes by regency code, the rules applied (report lines) and the problems found."""

    shapes: dict = field(default_factory=dict)
    sources: dict = field(default_factory=dict)  # code -> labels of the features it came from
    notes: list = field(default_factory=list)
    problems: list = field(default_factory=list)


def match_regencies(features, regions: RegionIndex, source: str) -> RegencyShapes:
    """Read every (label, feature) pair; a feature without geometry adds nothing (a note says so),
    a feature of two regencies is drawn for neither, pieces of one regency merge."""
    found = RegencyShapes()
    ways: dict[str, list[tuple[int, bool]]] = {}
    for number, (label, feature) in enumerate(features, start=1):
        where = f"{source}: feature {number} ({label})"
        props = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(props, dict):
            found.problems.append(f"{where} has no properties; give it a 'code' such as \"33.74\" or a 'name'")
            continue
        reading = read_regency(props, regions, label)
        try:
            shape = geometry.shape_of(feature.get("geometry"))
        except geometry.GeometryError as exc:
            found.problems.append(f"{where}: {exc}")
            continue
        seen = {k: props[k] for k in sorted(props) if str(k).lower() in CODE_KEYS + NAME_KEYS + PROVINCE_KEYS}
        if not shape:
            what = ", ".join(reading.codes) or "no kabupaten/kota"
            found.notes.append(f"{where}: no geometry, adds nothing ({what}; properties {seen})")
            continue
        if reading.problem:
            found.problems.append(f"{where} {reading.problem} (properties {seen})")
            continue
        if reading.rule:
            found.notes.append(f"{where}: {reading.rule}")
        if len(reading.codes) != 1:
            continue
        code = reading.codes[0]
        found.shapes.setdefault(code, []).extend(shape)
        found.sources.setdefault(code, []).append(label)
        ways.setdefault(code, []).append((number, reading.parent_code))
    for code, seen in sorted(ways.items()):
        # Pieces merge only when they agree: all by their own code, or all by the pre-2022 rule.
        if len({by_rule for _, by_rule in seen}) > 1:
            numbers = ", ".join(str(n) for n, _ in seen)
            found.problems.append(f"{source}: features {numbers} are all {regions.regencies[code].name} ({code}), "
                                  "but some by their code and some only by the pre-2022 code rule; give every "
                                  f"piece the code \"{code}\"")
    return found
