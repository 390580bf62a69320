"""Load the region tables and resolve names as written in sources to Kemendagri codes."""

from __future__ import annotations

import difflib
from pathlib import Path

from .names import split_regency_prefix, squash, strip_province_prefix
from .problems import Problems
from .records import Province, Regency
from .tables import TableSpec, read_table

PROVINCES = TableSpec("province", ("code", "name", "name_en", "iso_code", "slug"),
                      ("short_names", "parent_code", "created_year", "capital_code"))
REGENCIES = TableSpec("regency", ("code", "province_code", "name", "kind", "short_name", "slug"),
                      ("aliases",))


class Unresolved(ValueError):
    """A name that matches no region, or more than one; carries up to three suggestions."""

    def __init__(self, message: str, suggestions: list[str], hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.suggestions = suggestions
        self._hint = hint

    @property
    def hint(self) -> str:
        if self._hint:
            return self._hint
        if not self.suggestions:
            return "check the spelling against data/regions/"
        return "did you mean " + ", ".join(f"'{s}'" for s in self.suggestions) + "?"


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(";") if v.strip())


def load_regions(folder: Path, problems: Problems) -> tuple[tuple[Province, ...], tuple[Regency, ...]]:
    """Read data/regions/provinces.csv and regencies.csv."""
    provinces, regencies = [], []
    table = read_table(folder / "provinces.csv", PROVINCES, problems)
    for row in table.frame.to_dict("records") if table else []:
        if row["created_year"] and not row["created_year"].isdigit():
            problems.error(table.path, row["_row"], "created_year", f"'{row['created_year']}' is not a year",
                           "write four digits, e.g. 2012, or leave it empty")
            continue
        provinces.append(Province(
            code=row["code"], name=row["name"], name_en=row["name_en"], iso_code=row["iso_code"],
            slug=row["slug"], short_names=_split(row["short_names"]),
            parent_code=row["parent_code"] or None,
            created_year=int(row["created_year"]) if row["created_year"] else None,
            capital_code=row["capital_code"] or None))
    table = read_table(folder / "regencies.csv", REGENCIES, problems)
    codes = {p.code for p in provinces}
    for row in table.frame.to_dict("records") if table else []:
        if row["province_code"] not in codes:
            problems.error(table.path, row["_row"], "province_code",
                           f"unknown province code '{row['province_code']}'", "use a code from provinces.csv")
            continue
        regencies.append(Regency(
            code=row["code"], province_code=row["province_code"], name=row["name"], kind=row["kind"],
            short_name=row["short_name"], slug=row["slug"], aliases=_split(row["aliases"])))
    return tuple(provinces), tuple(regencies)


class RegionIndex:
    """Looks up provinces and regencies by any of their names; each distinct query is solved once."""

    def __init__(self, provinces, regencies):
        self.provinces = {p.code: p for p in provinces}
        self.regencies = {r.code: r for r in regencies}
        self._province_keys: dict[str, set[str]] = {}
        for p in provinces:
            for name in (p.name, p.name_en, p.slug, p.iso_code, *p.short_names):
                self._province_keys.setdefault(squash(strip_province_prefix(name)), set()).add(p.code)
        self._regency_keys: dict[tuple[str | None, str], set[str]] = {}
        for r in regencies:
            for name in (r.short_name, *r.aliases):
                key = squash(name)
                self._regency_keys.setdefault((r.kind, key), set()).add(r.code)
                self._regency_keys.setdefault((None, key), set()).add(r.code)
        self._cache: dict[tuple, str] = {}

    def province(self, text: str) -> str:
        """Province code for a name such as 'Jateng' or 'Pemerintah Provinsi Jawa Tengah'."""
        key = ("p", text)
        if key not in self._cache:
            self._cache[key] = self._province(text)
        return self._cache[key]

    def regency(self, text: str, province: str | None = None, kind: str | None = None) -> str:
        """Regency code for 'Pemkab Raja Ampat', 'KAB. RAJA AMPAT', 'Raja Ampat' or a code.

        `kind` ('kabupaten' or 'kota') settles a bare name such as 'Bekasi' that both carry.
        """
        key = ("r", text, province, kind)
        if key not in self._cache:
            self._cache[key] = self._regency(text, province, kind)
        return self._cache[key]

    def _province(self, text: str) -> str:
        if text in self.provinces:
            return text
        found = self._province_keys.get(squash(strip_province_prefix(text)), set())
        if len(found) == 1:
            return next(iter(found))
        names = {p.name: p.name for p in self.provinces.values()}
        names.update({s: p.name for p in self.provinces.values() for s in p.short_names})
        close = difflib.get_close_matches(strip_province_prefix(text).title(), list(names), n=6, cutoff=0.5)
        suggestions = list(dict.fromkeys(names[c] for c in close))[:3]
        raise Unresolved(f"'{text}' is not a known province", suggestions)

    def _regency(self, text: str, province: str | None, kind_hint: str | None = None) -> str:
        if text in self.regencies:
            found = {text}
        else:
            kind, rest = split_regency_prefix(text)
            kind = kind or kind_hint
            found = set(self._regency_keys.get((kind, squash(rest)), set()))
            if not found:
                raise Unresolved(f"'{text}' is not a known kabupaten/kota",
                                 self._suggest(kind, rest, province))
        inside = {c for c in found if province is None or self.regencies[c].province_code == province}
        if not inside:
            where = ", ".join(f"{self.regencies[c].name} ({self.provinces[self.regencies[c].province_code].name})"
                              for c in sorted(found))
            raise Unresolved(f"'{text}' is not in {self.provinces[province].name}: it is {where}", [],
                             f"fix winner_province, or name a regency in {self.provinces[province].name}")
        if len(inside) > 1:
            raise Unresolved(f"'{text}' is ambiguous",
                             [self.regencies[c].name for c in sorted(inside)][:3])
        return next(iter(inside))

    def _suggest(self, kind, rest, province) -> list[str]:
        pool = [r for r in self.regencies.values() if province is None or r.province_code == province]
        same_name = [r.name for r in pool if squash(r.short_name) == squash(rest)]
        by_name = {r.short_name.lower(): r.name for r in pool}
        close = difflib.get_close_matches(rest, list(by_name), n=3, cutoff=0.6)
        ranked = same_name + [by_name[c] for c in close]
        if kind:
            ranked.sort(key=lambda n: not n.lower().startswith(kind) and n not in same_name)
        return list(dict.fromkeys(ranked))[:3]
