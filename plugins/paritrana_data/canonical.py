"""Canonical CSV rows of checked records, and how each name as written was read."""

from __future__ import annotations


def canonical_winner(w, ctx) -> dict:
    """A winner record as a row of data/winners/: slugs, official names, ISO dates."""
    regions = ctx.regions
    return {
        "edition": w.edition or "", "label_year": w.label_year or "", "level": w.level, "zone": w.zone or "",
        "scope_province": regions.provinces[w.scope_province].name if w.scope_province else "",
        "category": w.category, "sector": w.sector or "", "rank": w.rank or "", "title": w.title,
        "winner_name": " ".join(w.name.split()), "winner_kind": w.kind,
        "winner_province": regions.provinces[w.province].name if w.province else "",
        "winner_regency": regions.regencies[w.regency].name if w.regency else "",
        "ceremony_date": w.ceremony_date.isoformat() if w.ceremony_date else "", "source_url": w.source_url,
        "source_date": w.source_date.isoformat() if w.source_date else "", "quote": w.quote, "note": w.note}


def canonical_figure(f, ctx, raw: dict) -> dict:
    """A coverage record as a row of data/coverage/; its value as written (a bound or range stays)."""
    value = raw["value"].strip()
    return {"province": ctx.regions.provinces[f.province].name, "year": f.year, "metric": f.metric,
            "value": value.replace(",", ".") if value.count(",") == 1 and "." not in value else value,
            "unit": f.unit, "basis": f.basis, "as_of": f.as_of or "", "source_url": f.source_url,
            "source_date": f.source_date.isoformat() if f.source_date else "", "quote": f.quote}


def note_resolved(result: Result, row: dict, record, ctx, kind: str) -> None:
    """Record how each name as written was read: 'KAB. ACEH TAMIANG' -> Kabupaten Aceh Tamiang."""
    if kind == "winners":
        pairs = [("category", record.category, ctx.category_names), ("level", record.level, ctx.levels),
                 ("zone", record.zone, ctx.zones), ("sector", record.sector, ctx.sectors)]
        for column, value, lookup in pairs:
            text = row[column].strip()
            if text and text != value and lookup.how(text) != "slug":
                result.resolved[(column, text)] = f"{value} (by its {lookup.how(text)})"
        if row["rank"].strip() and row["rank"].strip() != str(record.rank):
            place = f"{record.distinction} place {record.rank}" if record.distinction == "harapan" else record.rank
            result.resolved[("rank", row["rank"].strip())] = str(place)
        places = [("scope_province", record.scope_province, ctx.regions.provinces),
                  ("winner_province", record.province, ctx.regions.provinces),
                  ("winner_regency", record.regency, ctx.regions.regencies)]
    else:
        places = [("province", record.province, ctx.regions.provinces)]
    for column, code, table in places:
        text = row[column].strip()
        if text and code and text != table[code].name:
            result.resolved[(column, text)] = f"{table[code].name} ({code})"
