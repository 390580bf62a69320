"""Names readers type for places and editions, beyond the official names the pages show.

Place aliases and province short names come from data/regions (they also resolve names in the
data); the spelling variants here are for search only, where a name may mean two places at once
("Jogja": the province and its capital), which name resolution must never allow.
"""

from __future__ import annotations

# A word of an official name -> the spellings people use for it.
SPELLINGS = {"Yogyakarta": ("Jogja", "Yogya", "Jogjakarta")}
GOVERNMENT = {"kabupaten": ("Kab.", "Pemkab"), "kota": ("Pemkot", "Pemko")}


def spelling_variants(name: str) -> list[str]:
    """'Kota Yogyakarta' -> ['Kota Jogja', 'Jogja', 'Kota Yogya', 'Yogya', ...]."""
    found = []
    for word, variants in SPELLINGS.items():
        if word in name.split():
            for variant in variants:
                found.append(name.replace(word, variant))
                found.append(variant)
    return found


def regency_terms(regency) -> list[str]:
    """Short forms and common names of a regency or city: 'Pemkot Madiun', 'Kota Jogja', 'Jogja'."""
    short = regency.short_name or regency.name.split(" ", 1)[-1]
    terms = [*regency.aliases, short]
    terms += [f"{prefix} {short}" for prefix in GOVERNMENT.get(regency.kind, ())]
    for name in (regency.name, short):
        terms += spelling_variants(name)
    return list(dict.fromkeys(terms))


def edition_terms(edition) -> list[str]:
    """The names an edition is called by: its official national name and each year label sources used."""
    terms = [edition.national_name] if edition.national_name else []
    terms += [f"Paritrana Award {year}" for year in edition.labels]
    return list(dict.fromkeys(terms))
