"""Look-ups over the dataset, built once per build: records by edition, place and category."""

from __future__ import annotations

from collections import defaultdict

from paritrana_data.records import Dataset, Winner

DISTINCTION_ORDER = ("winner", "coverage", "inovasi", "khusus", "harapan", "nominasi", "piagam")


def winner_order(w: Winner):
    """Rank order: ranked places first, then other winners, harapan and the rest; then by name."""
    return (w.rank or 9, DISTINCTION_ORDER.index(w.distinction), w.name.lower(), w.id)


class DataIndex:
    """Records grouped the ways the pages need them."""

    def __init__(self, data: Dataset):
        self.data = data
        self.provinces = {p.code: p for p in data.provinces}
        self.regencies = {r.code: r for r in data.regencies}
        self.categories = {c.slug: c for c in data.categories}
        self.category_order = [c.slug for c in data.categories]
        self.zones = {z.slug: z for z in data.zones}
        self.zone_order = [z.slug for z in data.zones]
        self.sectors = {s.slug: s for s in data.sectors}
        self.editions = {e.year: e for e in data.editions}
        self.by_edition = defaultdict(list)
        self.by_province = defaultdict(list)
        self.by_regency = defaultdict(list)
        self.by_category = defaultdict(list)
        self.by_scope = defaultdict(list)
        for w in sorted(data.winners, key=winner_order):
            self.by_edition[w.edition].append(w)
            self.by_category[w.category].append(w)
            if w.province:
                self.by_province[w.province].append(w)
            if w.regency:
                self.by_regency[w.regency].append(w)
            if w.scope_province:
                self.by_scope[w.scope_province].append(w)
        self.coverage = defaultdict(list)
        for f in sorted(data.coverage, key=lambda f: (f.year, f.metric, f.as_of or "", f.id)):
            self.coverage[f.province].append(f)

    def editions_with_winners(self) -> list[int]:
        return sorted((e for e in self.by_edition if e is not None), reverse=True)

    def regencies_with_winners(self, province: str | None = None) -> list[str]:
        codes = [c for c in self.by_regency if province is None or self.regencies[c].province_code == province]
        return sorted(codes, key=lambda c: self.regencies[c].name)

    def category_existed(self, slug: str, edition: int) -> bool:
        """Whether the category was officially named in that edition (data/categories/names.csv)."""
        return any(n.first_edition <= edition <= (n.last_edition or 9999)
                   for n in self.categories[slug].names)
