"""Derive data/boundaries/ (38 provinces, the kabupaten/kota, a match report) from the BIG boundary
files in ../shared/reference/boundaries/ (MIT; see data/boundaries/PROVENANCE.md).

    .venv/bin/python scripts/make_boundaries.py [../shared/reference/boundaries]

Every feature is read by its code and its name separately and the two are agreed by the rules of
plugins/paritrana_maps (boundaries.read_feature for provinces, regency_match.read_regency for
kabupaten/kota): a pre-2022 Papua code with the name of a regency of a province formed from it gives
the name; a feature whose code names two regencies is drawn for neither; a feature without geometry
adds nothing; the source's spellings are read as the official names. The script prints how each of
the 38 + 514 was matched, writes it to matches.csv, and stops listing every problem if a feature
cannot be read. Same input, byte-identical files.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from paritrana_data import load_dataset  # noqa: E402
from paritrana_data.regions import RegionIndex  # noqa: E402
from paritrana_maps import geometry  # noqa: E402
from paritrana_maps.boundaries import match_features  # noqa: E402
from paritrana_maps.regency_match import match_regencies  # noqa: E402
from paritrana_maps.settings import DEFAULTS, REGENCY_SIMPLIFY, REGENCY_MIN_AREA  # noqa: E402

SOURCE = ROOT.parent / "shared" / "reference" / "boundaries"
PROVINCE_FILE = "provinces-38.geojson"
ATTRIBUTION = "Badan Informasi Geospasial, via GeoJson-Indonesia-38-Provinsi (© 2024 Ardian Saputra Hasibuan, MIT)"


def _features(path: Path) -> list[dict]:
    return geometry.features_of(json.loads(path.read_text(encoding="utf-8-sig")))


def derive(source: Path, out: Path, data_dir: Path) -> dict:
    """Write provinces.geojson, regencies.geojson and matches.csv into `out`; return figures."""
    data = load_dataset(data_dir)
    provinces = {p.code: p for p in data.provinces}
    regions = RegionIndex(data.provinces, data.regencies)
    matched = match_features(_features(source / PROVINCE_FILE), provinces, regions, PROVINCE_FILE)
    files = sorted((source / "regencies").glob("*/*.json"))
    pairs = [(f"{f.parent.name}/{f.name}", feature) for f in files for feature in _features(f)]
    regencies = match_regencies(pairs, regions, "regencies")
    problems = list(matched.problems) + list(regencies.problems)
    problems += [f"{PROVINCE_FILE}: no feature for {p.name} ({c})" for c, p in sorted(provinces.items())
                 if c not in matched.shapes]
    if problems:
        raise SystemExit(f"{len(problems)} problem(s):\n  " + "\n  ".join(problems))
    precision = DEFAULTS["PARITRANA_MAPS_PRECISION"]
    about = {"attribution": ATTRIBUTION, "attribution_short": "BIG (MIT)",
             "license": "MIT; see data/boundaries/PROVENANCE.md"}
    prov_shapes = geometry.simplify(matched.shapes, DEFAULTS["PARITRANA_MAPS_SIMPLIFY"], precision,
                                    DEFAULTS["PARITRANA_MAPS_MIN_AREA"])
    prov_body = geometry.feature_collection(
        prov_shapes, {c: {"code": c, "iso_code": provinces[c].iso_code, "name": provinces[c].name}
                      for c in prov_shapes}, precision, extra={"name": "Indonesian provinces", **about})
    reg_shapes = geometry.simplify(regencies.shapes, REGENCY_SIMPLIFY, precision, REGENCY_MIN_AREA)
    reg_body = geometry.feature_collection(
        reg_shapes, {c: {"code": c, "name": regions.regencies[c].name,
                         "province_code": regions.regencies[c].province_code} for c in reg_shapes},
        precision, extra={"name": "Indonesian kabupaten and kota", **about})
    rows = io.StringIO()
    writer = csv.writer(rows, lineterminator="\n")
    writer.writerow(["code", "name", "features", "how"])
    ruled = {}
    for note in regencies.notes:
        ruled.setdefault(note.split(" (", 1)[1].split(")", 1)[0], note.split(": ", 2)[-1])
    for code in sorted(regions.regencies):
        labels = regencies.sources.get(code, [])
        how = "; ".join(ruled[label] for label in labels if label in ruled) or ("code and name agree" if labels
                                                                                 else "no geometry in the source")
        writer.writerow([code, regions.regencies[code].name, " ".join(labels), how])
    out.mkdir(parents=True, exist_ok=True)
    (out / "provinces.geojson").write_bytes(prov_body)
    (out / "regencies.geojson").write_bytes(reg_body)
    (out / "matches.csv").write_text(rows.getvalue(), encoding="utf-8")
    missing = sorted(set(regions.regencies) - set(reg_shapes))
    return {"province_features": len(matched.shapes), "province_notes": matched.notes,
            "regency_files": len(files), "regencies_with_shape": len(reg_shapes), "regency_notes": regencies.notes,
            "regencies_without_shape": [f"{c} {regions.regencies[c].name}" for c in missing],
            "province_points": (geometry.point_count(matched.shapes.values()), geometry.point_count(prov_shapes.values())),
            "regency_points": (geometry.point_count(regencies.shapes.values()), geometry.point_count(reg_shapes.values())),
            "province_bytes": len(prov_body), "regency_bytes": len(reg_body)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, nargs="?", default=SOURCE, help="the reference boundaries folder")
    parser.add_argument("--output", type=Path, default=ROOT / "data" / "boundaries")
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="the data folder (regions)")
    args = parser.parse_args(argv)
    figures = derive(args.source, args.output, args.data)
    for key, value in figures.items():
        if isinstance(value, list):
            print(f"{key}: {len(value)}")
            for line in value:
                print(f"  {line}")
        else:
            print(f"{key}: {value}")
    print(f"wrote {args.output}/provinces.geojson ({figures['province_bytes'] / 1024:.1f} KB), regencies.geojson "
          f"({figures['regency_bytes'] / 1024:.1f} KB), matches.csv")
    return 0


if __name__ == "__main__":
    sys.exit(main())
