"""Kabupaten/kota shapes for the place pages: read and check the regency boundary file once per
build, then give each province page its map and table and each regency page its locator map."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

from paritrana_core.urls import regency_url
from paritrana_data.regions import RegionIndex

from . import geometry, regionmap
from .boundaries import BoundaryError
from .regency_match import match_regencies

logger = logging.getLogger(__name__)
STATE = "paritrana_maps_regencies"
PROVINCE_WIDTH, PROVINCE_TOLERANCE = 560, 0.6
LOCATOR_WIDTH, LOCATOR_TOLERANCE = 240, 0.8
# The share image's panel (paritrana_share/card.py draws it): a box at the right of the 1200×630 card.
CARD_BOX = (824, 150, 320, 360)  # left, top, width, height
SHARE_SHAPES = "paritrana_share_shapes"  # context key: page key -> the shape its share image shows
_last: dict = {}  # the edit loop builds again and again in one process: the last result, by its inputs


def read_regency_file(path: Path, regions: RegionIndex) -> dict:
    """(shapes by regency code, attribution) from a GeoJSON or TopoJSON file, or BoundaryError listing
    every problem."""
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8-sig"))
        features = geometry.features_of(document)
    except (OSError, ValueError) as exc:
        raise BoundaryError(f"PARITRANA_MAPS_REGENCIES: cannot read {path}: {exc}") from None
    pairs = [(f"id {f.get('id')!r}" if isinstance(f, dict) and "id" in f else "no id", f) for f in features]
    found = match_regencies(pairs, regions, Path(path).name)
    if found.problems:
        raise BoundaryError(f"The kabupaten/kota boundary file cannot be used ({len(found.problems)} problem(s)):"
                            "\n  " + "\n  ".join(found.problems))
    for note in found.notes:  # rules applied to a user's file: said, never silent
        sys.stderr.write(f"paritrana_maps: {note}\n")
    missing = sorted(set(regions.regencies) - set(found.shapes))
    if missing:
        logger.info("%s: no shape for %d kabupaten/kota (%s); their pages say the map is not yet available",
                    Path(path).name, len(missing), ", ".join(missing))
    attribution = document.get("attribution") if isinstance(document, dict) else None
    return found.shapes, (attribution.strip() if isinstance(attribution, str) and attribution.strip()
                          else Path(path).name)


def regency_shapes(path: Path, regions: RegionIndex) -> tuple[dict, str]:
    """read_regency_file (shapes, attribution), once per file version and region table."""
    stat = Path(path).stat() if Path(path).is_file() else None
    key = (str(path), stat and (stat.st_size, stat.st_mtime_ns), tuple(sorted(regions.regencies)))
    if _last.get("key") != key:
        _last.update(key=key, found=read_regency_file(path, regions), drawings={})
    return _last["found"]


def _drawings_for(shapes: dict) -> dict:
    """Drawings made from these shapes in an earlier build of this process (the edit loop), else {}."""
    found = _last.get("found")
    return _last.setdefault("drawings", {}) if found and found[0] is shapes else {}


class PlaceMaps:
    """Drawings per province (made on first use), and the values each place page shows."""

    def __init__(self, shapes: dict, index, attribution: str, siteurl: str = ""):
        self.shapes, self.index, self.attribution, self.siteurl = shapes, index, attribution, siteurl
        # Keyed by province, kind and the province's regencies: the same shapes give the same drawing.
        self._drawings: dict[tuple, regionmap.ProvinceDrawing | None] = _drawings_for(shapes)

    def drawing(self, province: str, kind: str) -> regionmap.ProvinceDrawing | None:
        own = {c: s for c, s in self.shapes.items() if self.index.regencies[c].province_code == province}
        key = (province, kind, tuple(sorted(own)))
        if key not in self._drawings:
            if kind == "card":
                width, tolerance, height = CARD_BOX[2], 1.0, CARD_BOX[3]
            else:
                width, tolerance = ((PROVINCE_WIDTH, PROVINCE_TOLERANCE) if kind == "province"
                                    else (LOCATOR_WIDTH, LOCATOR_TOLERANCE))
                height = None
            self._drawings[key] = regionmap.ProvinceDrawing(own, width, tolerance, height) if own else None
        return self._drawings[key]

    def _label(self, lang, code: str, count: int) -> str:
        name = self.index.regencies[code].name
        if count:
            return lang.ngettext("%(name)s: %(num)s known award", "%(name)s: %(num)s known awards", count, name=name)
        return lang._("%(name)s: no known award yet", name=name)

    def province_values(self, labels, code: str) -> dict:
        """The province page's map of its kabupaten/kota, a table of the same counts, and notes."""
        lang = labels.lang
        _ = lang._
        name = labels.province(code)
        codes = sorted((c for c, r in self.index.regencies.items() if r.province_code == code),
                       key=lambda c: self.index.regencies[c].name)
        with_page = set(self.index.regencies_with_winners(code))
        rows = []
        for c in codes:
            count = len(self.index.by_regency.get(c, []))
            rows.append({"code": c, "name": self.index.regencies[c].name, "count": count,
                         "url": regency_url(self.index, lang.code, c) if c in with_page else None,
                         "label": self._label(lang, c, count), "shape": c in self.shapes})
        drawing = self.drawing(code, "province")
        svg = None
        if drawing:
            title = _("Map of the regencies and cities of %(province)s, shaded by known awards", province=name)
            items = [{**r, "url": f"{self.siteurl}/{r['url']}" if r["url"] else None} for r in rows]
            svg = regionmap.province_svg(drawing, items, "peta-kabupaten-kota-svg", title)
        missing = [r["name"] for r in rows if not r["shape"]]
        legend = [{"colour": regionmap.AWARD_FILLS[i], "label": text} for i, text in enumerate(
            (_("no known award"), "1", "2–3", "4–7", _("8 or more")))]
        ranked = sorted(rows, key=lambda r: (-r["count"], r["name"]))
        awarded = sum(1 for r in rows if r["count"])
        return {
            "svg": svg, "rows": ranked, "legend": legend,
            "summary": lang.ngettext("%(num)s of its %(total)s regencies and cities has a known award.",
                                     "%(num)s of its %(total)s regencies and cities have a known award.",
                                     awarded, total=len(rows)),
            "caption": _("Known awards per regency and city of %(province)s, most first", province=name),
            "missing": _("No shape in the boundary source for: %(names)s.", names=", ".join(missing))
            if missing else None,
            "credit": _("Boundaries: %(source)s.", source=self.attribution),
        }

    def regency_values(self, labels, code: str) -> dict:
        """The regency page's locator map (or a note that its shape is not yet available)."""
        _ = labels.lang._
        regency = self.index.regencies[code]
        province = labels.province(regency.province_code)
        drawing = self.drawing(regency.province_code, "locator")
        title = _("%(regency)s (highlighted) among the regencies and cities of %(province)s",
                  regency=regency.name, province=province)
        if drawing is None or code not in drawing.paths:
            return {"svg": None, "title": title,
                    "missing": _("The map of %(regency)s is not yet available: the boundary source has no "
                                 "shape for it.", regency=regency.name),
                    "credit": _("Boundaries: %(source)s.", source=self.attribution)}
        return {"svg": regionmap.locator_svg(drawing, code, "peta-lokasi-svg", title), "title": title,
                "missing": None, "credit": _("Boundaries: %(source)s.", source=self.attribution)}

    def share_shapes(self, regency_pages) -> dict:
        """{("province", code): shape, ("regency", code): shape} for the share images: a province as
        its kabupaten/kota, a kabupaten/kota highlighted among its province's; centred in CARD_BOX."""
        found = {}
        for province in sorted(self.index.provinces):
            drawing = self.drawing(province, "card")
            if drawing is None:
                continue
            left = CARD_BOX[0] + (CARD_BOX[2] + 4 - drawing.width) // 2
            top = CARD_BOX[1] + (CARD_BOX[3] + 4 - drawing.height) // 2
            everyone = regionmap.card_rings(drawing, drawing.shapes, left, top)
            found[("province", province)] = {"rings": [], "here": everyone}
            for code in regency_pages:
                if self.index.regencies[code].province_code != province or code not in drawing.shapes:
                    continue
                found[("regency", code)] = {
                    "rings": regionmap.card_rings(drawing, set(drawing.shapes) - {code}, left, top),
                    "here": regionmap.card_rings(drawing, {code}, left, top)}
        return found
