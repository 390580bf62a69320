"""The downloadable tables: their columns (names, types, descriptions) and rows, in a fixed order.

Column descriptions are English msgids: the data package uses them as they are, the data page shows
them translated (`_` here only marks them for extraction).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from paritrana_data.records import KINDS, LEVELS


def _(message: str) -> str:
    """Mark a string for translation; the data page translates it with Lang._."""
    return message


@dataclass(frozen=True)
class Column:
    """One column of a download: name, Table Schema type, description, Frictionless constraints."""

    name: str
    type: str
    description: str
    constraints: tuple = ()
    format: str = "default"


DISTINCTIONS = ("winner", "coverage", "inovasi", "khusus", "harapan", "nominasi", "piagam")
METRICS = ("coverage_pct", "formal_pct", "informal_pct", "participants", "workers", "target_pct", "other")
REQUIRED = (("required", True),)
PROVINCE_CODE = (("pattern", r"[0-9]{2}"),)
REGENCY_CODE = (("pattern", r"[0-9]{2}\.[0-9]{2}"),)

WINNER_COLUMNS = (
    Column("id", "string", _("Identifier of the award; also the anchor of its row on the site's pages."),
           REQUIRED + (("unique", True),)),
    Column("edition", "integer", _("Edition, named by its assessment year; empty when the source states no year.")),
    Column("label_year", "integer", _("The year the source gave the award (it can differ from the edition).")),
    Column("level", "string", _("nasional (national) or provinsi (provincial round)."),
           REQUIRED + (("enum", list(LEVELS)),)),
    Column("zone", "string", _("National zone (from the 2022 edition): sumatera, jawa_bali, kalimantan, sulawesi "
                               "or nusra_maluku_papua; empty when not stated.")),
    Column("scope_province_code", "string", _("Kemendagri code of the province whose provincial round gave the "
                                              "award; empty for national awards."), PROVINCE_CODE),
    Column("scope_province", "string", _("Name of that province (idn-area-data).")),
    Column("category", "string", _("Category identifier (the list is in api/v1/categories.json)."), REQUIRED),
    Column("category_label_id", "string", _("Category name in Indonesian.")),
    Column("category_label_en", "string", _("Category name in English.")),
    Column("sector", "string", _("Business sector identifier, where the source states one.")),
    Column("rank", "integer", _("1, 2 or 3 where the source states an order; empty otherwise."),
           (("minimum", 1), ("maximum", 3))),
    Column("distinction", "string", _("winner, or the distinction the source names: coverage, inovasi, khusus, "
                                      "harapan (honourable mention), nominasi or piagam (certificate)."),
           REQUIRED + (("enum", list(DISTINCTIONS)),)),
    Column("title", "string", _("The award's title as the source words it."), REQUIRED),
    Column("winner_name", "string", _("The winner's name as the source writes it."), REQUIRED),
    Column("winner_kind", "string", _("pemprov, pemkab, pemkot or pemdes (provincial, regency, city or village "
                                      "government), business or other."),
           REQUIRED + (("enum", list(KINDS)),)),
    Column("province_code", "string", _("Kemendagri code of the province where the winner is located today."),
           PROVINCE_CODE),
    Column("province", "string", _("Name of that province (idn-area-data).")),
    Column("regency_code", "string", _("Kemendagri code of the regency or city where the winner is located, "
                                       "where known."), REGENCY_CODE),
    Column("regency", "string", _("Name of that regency or city (idn-area-data).")),
    Column("ceremony_date", "date", _("Date of the award ceremony, where known (YYYY-MM-DD).")),
    Column("source_url", "string", _("Address of the source that reports the result."), REQUIRED, "uri"),
    Column("source_date", "date", _("Publication date of the source, where known (YYYY-MM-DD).")),
    Column("quote", "string", _("Short quote from the source that states the result.")),
    Column("note", "string", _("Note by the compilers of this record.")),
)

COVERAGE_COLUMNS = (
    Column("id", "string", _("Identifier of the figure; also the anchor of its row on the province page."),
           REQUIRED + (("unique", True),)),
    Column("province_code", "string", _("Kemendagri code of the province."), REQUIRED + PROVINCE_CODE),
    Column("province", "string", _("Name of the province (idn-area-data).")),
    Column("year", "integer", _("Year the figure refers to."), REQUIRED),
    Column("metric", "string", _("coverage_pct, formal_pct, informal_pct, target_pct (percentages), participants, "
                                 "workers (counts) or other."), REQUIRED + (("enum", list(METRICS)),)),
    Column("value", "number", _("The figure; percentages in percent (41.61 means 41.61%). For a range, its lower "
                                "end."), REQUIRED),
    Column("value_high", "number", _("Upper end when the source gives a range; empty otherwise.")),
    Column("bound", "string", _("more_than or less_than when the source gives only a bound (\">50\" is 50 with "
                                "more_than); empty otherwise."), (("enum", ["more_than", "less_than"]),)),
    Column("unit", "string", _("The unit as the source words it: read it before comparing figures.")),
    Column("basis", "string", _("What the figure is counted on: ucj, bpjs_office, kemnaker, subgroup or not_stated. "
                                "Figures of different bases do not compare."),
           REQUIRED + (("enum", ["ucj", "bpjs_office", "kemnaker", "subgroup", "not_stated"]),)),
    Column("as_of", "string", _("Date the figure refers to: YYYY, YYYY-MM or YYYY-MM-DD; empty when not stated.")),
    Column("source_url", "string", _("Address of the source of the figure."), REQUIRED, "uri"),
    Column("source_date", "date", _("Publication date of the source, where known (YYYY-MM-DD).")),
    Column("quote", "string", _("Short quote from the source that states the figure.")),
)


class Tables:
    """Rows of the downloads as typed values (int, float, date, str or None), in a deterministic order."""

    def __init__(self, index):
        self.index = index
        self.provinces = index.provinces
        self.regencies = index.regencies
        self.category_order = {slug: i for i, slug in enumerate(index.category_order)}
        self.zone_order = {slug: i for i, slug in enumerate(index.zone_order)}
        ordered = sorted(index.data.winners, key=self.winner_key)
        self.winners = [self.winner_row(w) for w in ordered]
        self.coverage = [self.coverage_row(f) for f in sorted(
            index.data.coverage, key=lambda f: (f.province, f.year, METRICS.index(f.metric), f.as_of or "", f.id))]
        self._groups = self._group()

    def winner_key(self, w):
        """Edition (undated last), national before provincial, province, zone, category, place, name, id."""
        return (w.edition is None, w.edition or 0, LEVELS.index(w.level), w.scope_province or "",
                self.zone_order.get(w.zone, -1), self.category_order[w.category], w.rank or 9,
                DISTINCTIONS.index(w.distinction), w.name.casefold(), w.id)

    def _province(self, code):
        return self.provinces[code].name if code else None

    def winner_row(self, w) -> dict:
        category = self.index.categories[w.category]
        return {
            "id": w.id, "edition": w.edition, "label_year": w.label_year, "level": w.level, "zone": w.zone,
            "scope_province_code": w.scope_province, "scope_province": self._province(w.scope_province),
            "category": w.category, "category_label_id": category.label_id, "category_label_en": category.label_en,
            "sector": w.sector, "rank": w.rank, "distinction": w.distinction, "title": w.title,
            "winner_name": w.name, "winner_kind": w.kind, "province_code": w.province,
            "province": self._province(w.province), "regency_code": w.regency,
            "regency": self.regencies[w.regency].name if w.regency else None,
            "ceremony_date": w.ceremony_date, "source_url": w.source_url, "source_date": w.source_date,
            "quote": w.quote or None, "note": w.note or None,
        }

    def coverage_row(self, f) -> dict:
        return {
            "id": f.id, "province_code": f.province, "province": self._province(f.province), "year": f.year,
            "metric": f.metric, "value": f.value, "value_high": f.value_high, "bound": f.bound,
            "unit": f.unit or None, "basis": f.basis,
            "as_of": f.as_of, "source_url": f.source_url, "source_date": f.source_date, "quote": f.quote or None,
        }

    def _group(self) -> dict:
        """Rows (in file order) by edition, province (located there or its round), regency, coverage province."""
        groups = {"edition": {}, "national": {}, "province": {}, "regency": {}, "coverage": {}, "category": {}}
        for r in self.winners:
            groups["edition"].setdefault(r["edition"], []).append(r)
            groups["category"].setdefault(r["category"], []).append(r)
            if r["level"] == "nasional":
                groups["national"].setdefault(r["edition"], []).append(r)
            for code in sorted({r["province_code"], r["scope_province_code"]} - {None}):
                groups["province"].setdefault(code, []).append(r)
            if r["regency_code"]:
                groups["regency"].setdefault(r["regency_code"], []).append(r)
        for r in self.coverage:
            groups["coverage"].setdefault(r["province_code"], []).append(r)
        return groups

    def winners_of_edition(self, year: int | None) -> list[dict]:
        return self._groups["edition"].get(year, [])

    def national_of_edition(self, year: int | None) -> list[dict]:
        return self._groups["national"].get(year, [])

    def winners_of_category(self, slug: str) -> list[dict]:
        return self._groups["category"].get(slug, [])

    def winners_of_province(self, code: str) -> list[dict]:
        """Awards located in the province and awards of its provincial round (located elsewhere today)."""
        return self._groups["province"].get(code, [])

    def winners_of_regency(self, code: str) -> list[dict]:
        return self._groups["regency"].get(code, [])

    def coverage_of_province(self, code: str) -> list[dict]:
        return self._groups["coverage"].get(code, [])


def json_value(value):
    """Dates as ISO strings, whole floats as integers; everything else as it is."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def json_row(row: dict) -> dict:
    return {key: json_value(value) for key, value in row.items()}
