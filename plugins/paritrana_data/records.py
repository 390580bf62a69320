"""Frozen records that the data layer hands to the site plugins."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

LEVELS = ("nasional", "provinsi")
KINDS = ("pemprov", "pemkab", "pemkot", "pemdes", "business", "other")


@dataclass(frozen=True, slots=True)
class Province:
    """One of the 38 provinces (Kemendagri code, e.g. '33')."""

    code: str
    name: str
    name_en: str
    iso_code: str
    slug: str
    short_names: tuple[str, ...]
    parent_code: str | None
    created_year: int | None
    capital_code: str | None


@dataclass(frozen=True, slots=True)
class Regency:
    """A kabupaten or kota (Kemendagri code, e.g. '33.72')."""

    code: str
    province_code: str
    name: str
    kind: str
    short_name: str
    slug: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CategoryName:
    """What a category was called in a range of editions."""

    first_edition: int
    last_edition: int | None
    name_id: str
    name_en: str


@dataclass(frozen=True, slots=True)
class Category:
    """An award category and its history."""

    slug: str
    group: str
    label_id: str
    label_en: str
    first_edition: int
    last_edition: int | None
    description_id: str
    description_en: str
    names: tuple[CategoryName, ...] = ()
    former_slugs: tuple[str, ...] = ()  # slugs of categories merged into this one (their pages redirect here)


@dataclass(frozen=True, slots=True)
class Labelled:
    """A small vocabulary entry (zone, sector) with labels in both languages."""

    slug: str
    label_id: str
    label_en: str


@dataclass(frozen=True, slots=True)
class Edition:
    """One edition of the award, named by its assessment year."""

    year: int
    number: int
    national_ceremony: date | None
    national_ceremony_place: str
    national_source_url: str | None
    labels: tuple[int, ...]
    note_id: str
    note_en: str
    national_name: str = ""
    national_name_source_url: str | None = None
    national_name_quote: str = ""

    @property
    def name_year(self) -> int | None:
        """The year in the national round's official name ('Paritrana Award 2024' -> 2024), if known."""
        tail = self.national_name.rsplit(" ", 1)[-1]
        return int(tail) if tail.isdigit() else None


@dataclass(frozen=True, slots=True)
class Winner:
    """One award to one winner, as its source reported it, with resolved region codes."""

    id: str
    edition: int | None
    label_year: int | None
    level: str
    zone: str | None
    scope_province: str | None
    category: str
    sector: str | None
    rank: int | None
    distinction: str
    title: str
    name: str
    kind: str
    province: str | None
    regency: str | None
    ceremony_date: date | None
    source_url: str
    source_date: date | None
    quote: str
    note: str
    file: str
    row: int


@dataclass(frozen=True, slots=True)
class CoverageFigure:
    """A coverage figure for a province, with its unit, date and source."""

    id: str
    province: str
    year: int
    metric: str
    value: float
    value_high: float | None
    unit: str
    as_of: str | None
    source_url: str
    source_date: date | None
    quote: str
    file: str
    row: int
    basis: str = "not_stated"  # ucj, bpjs_office, kemnaker, subgroup or not_stated (coverage_notes.md)
    bound: str | None = None  # more_than / less_than: the source gives a bound, not the value itself


@dataclass(frozen=True, slots=True)
class Dataset:
    """Everything the site is built from."""

    provinces: tuple[Province, ...]
    regencies: tuple[Regency, ...]
    categories: tuple[Category, ...]
    zones: tuple[Labelled, ...]
    sectors: tuple[Labelled, ...]
    editions: tuple[Edition, ...]
    winners: tuple[Winner, ...]
    coverage: tuple[CoverageFigure, ...]
    digest: str
    warnings: tuple = field(default=())
