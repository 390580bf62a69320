"""Benchmark of the coverage map: geometry size, what the map page transfers, and the plugin's own time.

    .venv/bin/python scripts/bench_maps.py            # builds the site into a temporary folder
    .venv/bin/python scripts/bench_maps.py --site output

Prints, for /peta/ and /en/map/: the HTML, each stylesheet and script it loads and the province
geometry its script fetches, raw and gzip (level 6, as servers send it), with the total; then the
time to read, match and simplify the boundaries and to render the folium map.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT))

from sitetools.build import build_env, pelican_command  # noqa: E402

PAGES = {"id": "peta/index.html", "en": "en/map/index.html"}


def gz(body: bytes) -> int:
    return len(gzip.compress(body, 6, mtime=0))


def kb(n: int) -> str:
    return f"{n / 1024:7.1f} KB"


def page_files(site: Path, page: str) -> list[tuple[str, Path]]:
    """(label, file) of the page, its stylesheets and scripts, and the geometry its map script fetches."""
    html = (site / page).read_text(encoding="utf-8")
    files = [(page, site / page)]
    pattern = r'<(?:link rel="stylesheet" href|link rel="preload" as="script" href|script defer src)="([^"]+)"'
    for tag in re.finditer(pattern, html):
        files.append((tag.group(1), site / tag.group(1).lstrip("/")))
    for label, path in list(files):
        if "/theme/maps/map-" in label:
            geometry = re.search(r'"geometry": "([^"]+)"', path.read_text(encoding="utf-8")).group(1)
            files.append((geometry + " (fetched)", site / geometry.lstrip("/")))
    return files


def transfer(site: Path) -> None:
    for lang, page in PAGES.items():
        print(f"\nmap page /{page.removesuffix('index.html')} ({lang})")
        raw_total = gzip_total = 0
        for label, path in page_files(site, page):
            body = path.read_bytes()
            raw_total += len(body)
            gzip_total += gz(body)
            print(f"  {label:58s} {kb(len(body))} raw {kb(gz(body))} gzip")
        print(f"  {'total transfer (HTML, CSS, JS, geometry)':58s} {kb(raw_total)} raw {kb(gzip_total)} gzip")


BUDGETS_KB = {"province": 60, "regency": 40, "map": 300}  # gzip; the same limits as tests/test_maps_places.py


def budgets(site: Path) -> None:
    """The largest province and kabupaten/kota page (gzip) and the map page with what it loads, against
    the budgets of issue 11."""
    found = {"province": [], "regency": []}
    assets: dict[str, int] = {}

    def weight(page: Path) -> int:
        """The page with the stylesheets and scripts it loads."""
        files = page_files(site, page.relative_to(site).as_posix())
        for label, path in files[1:]:
            if label not in assets:
                assets[label] = gz(path.read_bytes())
        return gz(page.read_bytes()) + sum(assets[label] for label, _ in files[1:])

    for folder in (site / "provinsi", site / "en" / "province"):
        for page in folder.rglob("index.html"):
            depth = len(page.relative_to(folder).parts)
            if page.parent.name != "cetak" and depth in (2, 3):
                found["province" if depth == 2 else "regency"].append((weight(page), page))
    print("\nbudgets (gzip; each page with the CSS and JS it loads, the map page with its geometry too)")
    for kind, sizes in found.items():
        size, page = max(sizes)
        mark = "ok" if size <= BUDGETS_KB[kind] * 1024 else "OVER"
        print(f"  largest {kind} page of {len(sizes):4d}: {kb(size)}  budget {BUDGETS_KB[kind]} KB  {mark}  "
              f"({page.relative_to(site).parent.as_posix()}/)")
    for lang, page in PAGES.items():
        total = sum(gz(path.read_bytes()) for _, path in page_files(site, page))
        mark = "ok" if total <= BUDGETS_KB["map"] * 1024 else "OVER"
        print(f"  map page ({lang}) with CSS, JS, geometry: {kb(total)}  budget {BUDGETS_KB['map']} KB  {mark}")


def plugin_time() -> None:
    from paritrana_data import load_dataset
    from paritrana_data.regions import RegionIndex
    from paritrana_maps.boundaries import load_boundaries
    from paritrana_maps.foliummap import build_map
    from paritrana_maps.geometry import point_count
    from paritrana_maps.settings import DEFAULTS

    data = load_dataset(ROOT / "data")
    provinces = {p.code: p for p in data.provinces}
    regions = RegionIndex(data.provinces, data.regencies)
    start = time.perf_counter()
    boundaries = load_boundaries(ROOT / "data" / "boundaries" / "provinces.geojson",
                                 ROOT / "data" / "boundaries" / "capitals.csv", provinces, regions,
                                 tolerance=DEFAULTS["PARITRANA_MAPS_SIMPLIFY"],
                                 precision=DEFAULTS["PARITRANA_MAPS_PRECISION"],
                                 min_area=DEFAULTS["PARITRANA_MAPS_MIN_AREA"])
    geometry = boundaries.geojson()
    loaded = time.perf_counter() - start
    start = time.perf_counter()
    build_map({"years": {}}, siteurl="", bounds=boundaries.bounds(), tiles=None)
    rendered = time.perf_counter() - start
    features = json.loads(geometry)["features"]
    points = point_count(boundaries.shapes.values())
    print(f"\ngeometry: {len(features)} shapes + {len(boundaries.markers)} markers, {points} points, "
          f"{kb(len(geometry)).strip()} raw, {kb(gz(geometry)).strip()} gzip (limit 150 KB)")
    print(f"read + match + simplify boundaries: {loaded * 1000:.0f} ms; folium render: {rendered * 1000:.0f} ms")
    from paritrana_core.index import DataIndex
    from paritrana_maps.placemaps import PlaceMaps, read_regency_file

    start = time.perf_counter()
    shapes, attribution = read_regency_file(ROOT / "data" / "boundaries" / "regencies.geojson", regions)
    read = time.perf_counter() - start
    places = PlaceMaps(shapes, DataIndex(data), attribution)
    start = time.perf_counter()
    paths = sum(len(places.drawing(code, kind).paths) for code in provinces for kind in ("province", "locator"))
    drawn = time.perf_counter() - start
    print(f"kabupaten/kota: {len(shapes)} shapes read and checked in {read * 1000:.0f} ms; "
          f"{paths} paths projected and simplified for 38 province maps and locators in {drawn * 1000:.0f} ms")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one into a temporary folder)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            start = time.perf_counter()
            subprocess.run(pelican_command(site), cwd=ROOT, env=build_env(), check=True, capture_output=True)
            print(f"site built in {time.perf_counter() - start:.1f} s")
        transfer(site)
        budgets(site)
    plugin_time()
    return 0


if __name__ == "__main__":
    sys.exit(main())
