"""Turn winner rows into `Winner` records: normalise names to codes and check every rule."""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import replace
from pathlib import Path

from .aliases import Lookup, level_lookup, parse_rank
from .checker import RowChecker
from .headers import winner_headers
from .names import fold
from .problems import Problems
from .records import KINDS, Winner
from .regions import RegionIndex
from .tables import Table, TableSpec, records
from .values import parse_date, parse_url, parse_year, rank_in_title

_REQUIRED = ("edition", "level", "category", "title", "winner_name", "source_url")
_OPTIONAL = ("label_year", "zone", "scope_province", "sector", "rank", "winner_kind", "winner_province",
             "winner_regency", "ceremony_date", "source_date", "quote", "note")
WINNERS = TableSpec("winner", _REQUIRED, _OPTIONAL, winner_headers(_REQUIRED + _OPTIONAL))

DISTINCTIONS = (("harapan", r"\bharapan\b"), ("khusus", r"\bkhusus\b|\bspecial\b"),
                ("coverage", r"terbaik coverage"), ("inovasi", r"terbaik inovasi"),
                ("nominasi", r"\bnominasi\b"), ("piagam", r"\bpiagam\b"))
CATEGORY_KINDS = {"pemerintah_provinsi": ("pemprov",), "pemerintah_kabkota": ("pemkab", "pemkot"),
                  "pemerintah_desa": ("pemdes",)}


class Context:
    """What checking a winner row needs to know besides the row itself."""

    def __init__(self, regions: RegionIndex, categories, zones: Lookup, sectors: Lookup, editions,
                 category_names: Lookup | None = None):
        self.regions = regions
        self.categories = {c.slug: c for c in categories}
        self.zones = zones
        self.sectors = sectors
        self.editions = {e.year: e for e in editions}
        if category_names is None:
            category_names = Lookup("category")
            for c in categories:
                category_names.add(c.slug, c.label_id, c.label_en)
        self.category_names = category_names
        self.levels = level_lookup()
        self.tables = ()


@functools.lru_cache(maxsize=None)  # pure, and called once per row: compute each distinct value once
def distinction(title: str) -> str:
    """What kind of distinction a title names: harapan, khusus, coverage, ... or plain 'winner'."""
    lowered = title.lower()
    for name, pattern in DISTINCTIONS:
        if re.search(pattern, lowered):
            return name
    return "winner"


def harapan_place(title: str) -> int | None:
    """The place a harapan title states ('Harapan I', 'Juara Harapan 2'), if any."""
    match = re.search(r"\bharapan[\s\-]*(i{1,3}|[123])\b", title, re.IGNORECASE)
    return {"i": 1, "ii": 2, "iii": 3}.get(match.group(1).lower(), None) or int(match.group(1)) if match else None


def award_key(edition, level, scope, zone, category, sector, title, name, url) -> str:
    """What makes one award one award (one winner can hold several awards from one source)."""
    return "|".join(str(v) for v in (edition, level, scope, zone, category, sector, fold(title), fold(name), url))


def winner_id(edition, level, scope, zone, category, sector, title, name, url, length: int = 10) -> str:
    """A stable identifier for one award: the start of its key's hash (longer only on a collision)."""
    key = award_key(edition, level, scope, zone, category, sector, title, name, url)
    return "w" + hashlib.sha1(key.encode()).hexdigest()[:length]


def _key_of(w: Winner) -> str:
    return award_key(w.edition, w.level, w.scope_province, w.zone, w.category, w.sector, w.title, w.name,
                     w.source_url)


@functools.lru_cache(maxsize=None)  # once per file, not once per row
def _year_named(path: Path) -> str | None:
    """The file's stem when it names an edition year ('2023' for 2023.csv), else None."""
    return path.stem if re.fullmatch(r"\d{4}", path.stem) else None


def check_winner(table: Table, row: dict, ctx: Context, problems: Problems,
                 in_data: bool = True) -> Winner | None:
    """One row to a record, or None after reporting why it cannot be one (`in_data`: a file of data/)."""
    c = RowChecker(problems, table, row)
    edition = c.parse("edition", parse_year, 2017, 2100)
    if edition is not None and edition not in ctx.editions:
        c.fail("edition", f"edition {edition} is not in data/editions.csv",
               "add the edition there first, or fix the year")
    stem = _year_named(table.path) if in_data else None
    if edition is not None and stem is not None and int(stem) != edition:
        c.fail("edition", f"edition {edition} in the file for {stem}",
               f"move the row to {edition}{table.path.suffix} or fix the year")
    if not row["edition"].strip():
        c.warn("edition", "the source states no edition year",
               "the row is listed as undated until a source gives the year")
    label_year = c.parse("label_year", parse_year, 2017, 2100)
    level = c.choose("level", row["level"], ctx.levels, "use 'nasional' or 'provinsi'")
    if level is None and not row["level"].strip():
        c.fail("level", "the level is missing", "write 'nasional' or 'provinsi'")
    zone = c.choose("zone", row["zone"], ctx.zones)
    category = c.choose("category", row["category"], ctx.category_names)
    sector = c.choose("sector", row["sector"], ctx.sectors)
    scope = None
    if level == "provinsi":
        if not row["scope_province"]:
            c.fail("scope_province", "a provincial-round row needs the province that ran the round",
                   "name the province, e.g. Jawa Timur")
        else:
            scope = c.resolve("scope_province", ctx.regions.province, row["scope_province"])
    elif level == "nasional" and row["scope_province"]:
        c.fail("scope_province", "a national row cannot have a scope province",
               "clear the cell or set level to 'provinsi'")
    rank, harapan = c.parse("rank", parse_rank) or (None, False)
    title = row["title"].strip()
    stated = rank_in_title(title) if distinction(title) != "harapan" else harapan_place(title)
    if rank is not None and stated is not None and stated != rank:
        c.fail("rank", f"rank {rank} contradicts the title '{title}' (which says {stated})",
               "make rank and title agree with the source")
    if harapan and distinction(title) != "harapan":
        c.fail("rank", f"rank '{row['rank']}' is a harapan place but the title '{title}' does not say so",
               "write the title as the source does, e.g. 'Harapan I'")
    elif rank is not None and distinction(title) == "harapan" and stated is None:
        c.fail("rank", f"rank {rank} given to a 'harapan' title that states no place",
               "leave rank empty, or write the place in the title as the source does ('Harapan I')")
    name = row["winner_name"].strip()
    kind = row["winner_kind"].strip().lower() or None
    if kind is not None and kind not in KINDS:
        c.fail("winner_kind", f"unknown winner kind '{row['winner_kind']}'", f"use one of: {', '.join(KINDS)}")
        kind = None
    province, regency = _locate(c, ctx, category, kind, name)
    if category in ctx.categories and kind is None:
        kind = _default_kind(ctx, category, regency)
    _check_kind(c, ctx, category, kind, regency)
    if level == "provinsi" and scope and province and scope != province:
        c.warn("winner_province", "the winner is outside the province that ran the round",
               "check winner_province against scope_province")
    ceremony = c.parse("ceremony_date", parse_date)
    source_date = c.parse("source_date", parse_date)
    for column, value in (("ceremony_date", ceremony), ("source_date", source_date)):
        if value is not None and edition is not None and value.year < edition:
            c.fail(column, f"{value.isoformat()} is before the {edition} edition",
                   "an edition is awarded after its assessment year")
    url = c.parse("source_url", parse_url)
    if not row["source_url"].strip():
        c.fail("source_url", "every row needs its source", "paste the address of the article or page")
    if not c.ok:
        return None
    return Winner(
        id=winner_id(edition, level, scope, zone, category, sector, title, name, url), edition=edition,
        label_year=label_year, level=level, zone=zone, scope_province=scope, category=category,
        sector=sector, rank=rank, distinction=distinction(title), title=title, name=name, kind=kind,
        province=province, regency=regency, ceremony_date=ceremony, source_url=url,
        source_date=source_date, quote=row["quote"].strip(), note=row["note"].strip(),
        file=problems.name(table.path), row=c.number)


def _locate(c: RowChecker, ctx: Context, category, kind, name):
    """Province and regency codes from the winner columns (or the name, for governments)."""
    regions, row = ctx.regions, c.row
    province_text = row["winner_province"] or (name if category == "pemerintah_provinsi" else "")
    province = c.resolve("winner_province", regions.province, province_text) if province_text else None
    if category == "pemerintah_provinsi" and not province_text:
        c.fail("winner_province", "a provincial government needs its province", "name the province")
    regency_text = row["winner_regency"]
    column = "winner_regency"
    if not regency_text and (kind in ("pemkab", "pemkot") or category == "pemerintah_kabkota"):
        regency_text, column = name, "winner_name"
    regency = None
    if regency_text:
        hint = {"pemkab": "kabupaten", "pemkot": "kota"}.get(kind)
        regency = c.resolve(column, regions.regency, regency_text, province, hint)
        if regency and province is None:
            province = regions.regencies[regency].province_code
    return province, regency


def _default_kind(ctx: Context, category, regency):
    if category == "pemerintah_kabkota" and regency:
        return "pemkot" if ctx.regions.regencies[regency].kind == "kota" else "pemkab"
    kinds = CATEGORY_KINDS.get(category)
    if kinds:
        return kinds[0]
    return "business" if ctx.categories[category].group == "business" else "other"


def _check_kind(c: RowChecker, ctx: Context, category, kind, regency):
    if category not in ctx.categories or kind is None:
        return
    allowed = CATEGORY_KINDS.get(category)
    if allowed and kind not in allowed:
        c.fail("winner_kind", f"a '{kind}' cannot win category '{category}'",
               f"use {' or '.join(allowed)}, or fix the category")
    if ctx.categories[category].group == "business" and kind != "business":
        c.fail("winner_kind", f"a '{kind}' cannot win business category '{category}'",
               "use 'business', or fix the category")
    if kind in ("pemkab", "pemkot") and regency:
        actual = ctx.regions.regencies[regency]
        if (kind == "pemkot") != (actual.kind == "kota"):
            c.fail("winner_kind", f"'{kind}' does not fit {actual.name}",
                   "a kota is governed by a pemkot, a kabupaten by a pemkab")


def check_slots(winners: list[Winner], problems: Problems) -> list[Winner]:
    """Report the same ranked place awarded twice and rows repeated; keep the first of each."""
    slots, seen, kept = {}, {}, []
    for w in winners:
        duplicate = seen.get(w.id)
        if duplicate and _key_of(duplicate) != _key_of(w):
            # Two different awards whose short ids collide (about once in 200 sets of 100,000 rows): the
            # later one gets a longer id, so the earlier one's links stay as they were.
            w = replace(w, id="w" + hashlib.sha1(_key_of(w).encode()).hexdigest()[:16])
            duplicate = seen.get(w.id)
        if duplicate:
            problems.error(w.file, w.row, "winner_name",
                           f"'{w.name}' repeats row {duplicate.row} of {duplicate.file}",
                           "remove one of the two rows")
            continue
        seen[w.id] = w
        if w.rank is not None:
            # "Terbaik Coverage" and "Terbaik Inovasi" of one zone are different awards.
            key = (w.edition, w.level, w.scope_province, w.zone, w.category, w.sector, w.distinction, w.rank)
            other = slots.get(key)
            if other and fold(other.name) != fold(w.name):
                problems.error(w.file, w.row, "rank",
                               f"rank {w.rank} of this category is already given to '{other.name}' "
                               f"at {other.file}:{other.row}",
                               "one place per slot: check rank, sector and zone against the source")
                continue
            slots[key] = w
        kept.append(w)
    return kept


def load_winners(tables: list[Table], ctx: Context, problems: Problems) -> tuple[Winner, ...]:
    """All winner rows of all files, checked, with duplicates reported."""
    winners = []
    for table in tables:
        for row in records(table.frame):
            record = check_winner(table, row, ctx, problems)
            if record is not None:
                winners.append(record)
    return tuple(check_slots(winners, problems))


def winner_files(folder: Path) -> list[Path]:
    """Data files in data/winners/, in a stable order (README and dotfiles are not data)."""
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and not p.name.startswith((".", "~$"))  # hidden files, Excel lock files
                  and p.suffix.lower() not in (".md", ".txt"))
