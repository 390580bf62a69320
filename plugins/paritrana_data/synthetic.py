"""Write a large, valid, deterministic synthetic data folder for benchmarks and tests."""

from __future__ import annotations

import csv
import random
import shutil
from collections import defaultdict
from datetime import date
from pathlib import Path

from .names import squash

REAL_DATA = Path(__file__).resolve().parents[2] / "data"
WINNER_COLUMNS = ("edition", "label_year", "level", "zone", "scope_province", "category", "sector",
                  "rank", "title", "winner_name", "winner_kind", "winner_province", "winner_regency",
                  "ceremony_date", "source_url", "source_date", "quote", "note")
COVERAGE_COLUMNS = ("province", "year", "metric", "value", "unit", "as_of", "source_url",
                    "source_date", "quote")
LAST_COVERAGE_YEAR = 2025
RANK_TITLES = {1: ("Terbaik I", "Juara 1", "peringkat pertama", "Terbaik 1"),
               2: ("Terbaik II", "Juara 2", "peringkat kedua", "urutan kedua"),
               3: ("Terbaik III", "Juara 3", "peringkat ketiga", "juara ketiga")}
UNRANKED_TITLES = ("Penerima Penghargaan", "Terbaik Harapan I", "Harapan II", "Penghargaan Khusus",
                   "Nominasi", "Piagam Penghargaan", "Penerima (peringkat tidak disebut)")
PEMPROV_TITLES = ("Provinsi Terbaik Coverage", "Provinsi Terbaik Inovasi")
BUSINESS_FORMS = ("PT Synthetic Usaha {n}", "PT. Synthetic Niaga {n}", "CV Synthetic Karya {n}",
                  "Koperasi Synthetic {n}", "BPR Synthetic {n}")
VILLAGE_FORMS = ("Desa Synthetic {n}", "Kelurahan Synthetic {n}", "Gampong Synthetic {n}",
                 "Tiyuh (Desa) Synthetic {n}")
LEVEL_FORMS = {"nasional": ("nasional",) * 8 + ("Nasional", "national"),
               "provinsi": ("provinsi",) * 8 + ("Provinsi", "provincial")}
ZONE_BY_CODE = {"1": "sumatera", "2": "sumatera", "3": "jawa_bali", "51": "jawa_bali",
                "5": "nusra_maluku_papua", "6": "kalimantan", "7": "sulawesi",
                "8": "nusra_maluku_papua", "9": "nusra_maluku_papua"}


def _read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _split(value: str) -> list[str]:
    return [v.strip() for v in (value or "").split(";") if v.strip()]


def _write(path: Path, columns, rows) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([row.get(c, "") for c in columns] for row in rows)


class Vocabulary:
    """Real regions, categories, zones, sectors and editions, with the name forms to write."""

    def __init__(self, folder: Path):
        self.provinces = sorted(_read(folder / "regions" / "provinces.csv"), key=lambda p: p["code"])
        self.regencies = sorted(_read(folder / "regions" / "regencies.csv"), key=lambda r: r["code"])
        self.by_province = defaultdict(list)
        for regency in self.regencies:
            self.by_province[regency["province_code"]].append(regency)
        self.categories = _read(folder / "categories" / "categories.csv")
        self.zones = {z["slug"]: [z["slug"], z["label_id"], *_split(z["aliases"])]
                      for z in _read(folder / "categories" / "zones.csv")}
        self.sectors = [s["slug"] for s in _read(folder / "categories" / "sectors.csv")]
        self.editions = {int(e["edition"]): e for e in _read(folder / "editions.csv")}
        self.province_forms = {p["code"]: self._province_forms(p) for p in self.provinces}
        owners = defaultdict(set)
        for regency in self.regencies:
            for name in (regency["short_name"], *_split(regency["aliases"])):
                owners[squash(name)].add(regency["code"])
        self.regency_forms = {r["code"]: self._regency_forms(r, owners) for r in self.regencies}

    @staticmethod
    def _province_forms(p: dict) -> list[str]:
        short = _split(p["short_names"])
        return [p["name"], p["name"], p["name_en"], *short, f"Provinsi {p['name']}",
                f"Pemerintah Provinsi {p['name']}", f"Pemprov {short[0] if short else p['name']}",
                p["name"].upper()]

    @staticmethod
    def _regency_forms(r: dict, owners) -> list[str]:
        names = [r["short_name"], *_split(r["aliases"])]
        if r["kind"] == "kota":
            prefixes = ("Kota {}", "Pemkot {}", "Pemerintah Kota {}", "KOTA {}",
                        "Pemerintah Kota (Pemkot) {}")
        else:
            prefixes = ("Kabupaten {}", "Pemkab {}", "KAB. {}", "Pemerintah Kabupaten {}", "Kab. {}")
        forms = [r["name"]] + [p.format(n) for n in names for p in prefixes]
        forms += [n for n in names if owners[squash(n)] == {r["code"]}]
        return forms

    def zone_of(self, province_code: str) -> str:
        return ZONE_BY_CODE.get(province_code[:2]) or ZONE_BY_CODE[province_code[0]]

    def open_categories(self, edition: int) -> list[dict]:
        return [c for c in self.categories if int(c["first_edition"]) <= edition
                and (not c["last_edition"] or edition <= int(c["last_edition"]))]


class WinnerMaker:
    """Draws one winner row at a time; remembers ranked slots so that no place is given twice."""

    def __init__(self, vocab: Vocabulary, rng: random.Random):
        self.vocab, self.rng = vocab, rng
        self.slots: set[tuple] = set()
        self.province_codes = [p["code"] for p in vocab.provinces]

    def _category(self, edition: int, level: str) -> dict:
        rng = self.rng
        options = self.vocab.open_categories(edition)
        weights = {"pemerintah_provinsi": 4, "pemerintah_kabkota": 30, "pemerintah_desa": 10, "other": 2}
        if level == "provinsi":
            options = [c for c in options if c["slug"] != "pemerintah_provinsi"]
        return rng.choices(options, [weights.get(c["slug"], 9) for c in options])[0]

    def _rank(self, key: tuple):
        if self.rng.random() >= 0.3:
            return None
        for rank in self.rng.sample((1, 2, 3), 3):
            if key + (rank,) not in self.slots:
                self.slots.add(key + (rank,))
                return rank
        return None

    def row(self, n: int, edition: int) -> dict:
        rng, vocab = self.rng, self.vocab
        info = vocab.editions[edition]
        provincial = rng.random() < (0.75 if edition >= 2022 else 0.1)
        level = "provinsi" if provincial else "nasional"
        category = self._category(edition, level)
        slug, group = category["slug"], category["group"]
        province = rng.choice(self.province_codes)
        row = {"edition": str(edition), "level": rng.choice(LEVEL_FORMS[level]), "category": slug,
               "source_url": f"https://example.org/synthetic/{edition}/{n}"}
        labels = _split(info["labels"])
        row["label_year"] = rng.choice(labels + [labels[0], ""])
        if provincial:
            row["scope_province"] = rng.choice(vocab.province_forms[province])
        zone = sector = None
        if not provincial and edition >= 2022 and group == "government" and slug != "pemerintah_desa":
            zone = vocab.zone_of(province)
            row["zone"] = rng.choice(vocab.zones[zone])
        if group == "business" and edition >= 2022 and rng.random() < 0.8:
            sector = row["sector"] = rng.choice(vocab.sectors)
        row["winner_province"] = rng.choice(vocab.province_forms[province])
        regency = rng.choice(vocab.by_province[province])
        regency_form = rng.choice(vocab.regency_forms[regency["code"]])
        if slug == "pemerintah_provinsi":
            kind, row["winner_name"] = "pemprov", rng.choice(vocab.province_forms[province])
            if rng.random() < 0.5:
                row["winner_province"] = ""
        elif slug == "pemerintah_kabkota":
            kind = "pemkot" if regency["kind"] == "kota" else "pemkab"
            row["winner_name"] = regency_form
            if rng.random() < 0.5:
                row["winner_regency"] = rng.choice(vocab.regency_forms[regency["code"]])
            if rng.random() < 0.2:  # every regency form is unique nationwide
                row["winner_province"] = ""
        elif slug == "pemerintah_desa":
            kind = "pemdes"
            row["winner_name"] = rng.choice(VILLAGE_FORMS).format(n=n)
            row["winner_regency"] = regency_form
        else:
            kind = "business" if group == "business" else "other"
            row["winner_name"] = rng.choice(BUSINESS_FORMS).format(n=n)
            if rng.random() < 0.3:
                row["winner_regency"] = regency_form
        row["winner_kind"] = kind if rng.random() < 0.85 else ""
        scope = province if provincial else None
        rank = None if slug == "pemerintah_provinsi" and edition >= 2023 else \
            self._rank((edition, level, scope, zone, slug, sector))
        if rank is not None:
            title = rng.choice(RANK_TITLES[rank])
            row["rank"] = str(rank) if rng.random() < 0.95 else f"{rank}.0"
        elif slug == "pemerintah_provinsi" and edition >= 2023:
            title = rng.choice(PEMPROV_TITLES)
        else:
            title = rng.choice(UNRANKED_TITLES)
        row["title"] = f"{title} {category['label_id']}" if rng.random() < 0.5 else title
        row["source_date"] = date(edition + 1, rng.randint(1, 12), rng.randint(1, 28)).isoformat()
        if not provincial and info["national_ceremony"] and rng.random() < 0.5:
            row["ceremony_date"] = info["national_ceremony"]
        row["quote"] = f"{row['winner_name']} meraih {title}, Paritrana Award {edition}"
        return row


def _coverage_rows(vocab: Vocabulary, rng: random.Random, years: int) -> list[dict]:
    rows = []
    for year in range(LAST_COVERAGE_YEAR - years + 1, LAST_COVERAGE_YEAR + 1):
        for province in vocab.provinces:
            code = province["code"]
            if rng.random() < 0.5:
                value = f"{rng.uniform(5, 80):.2f}".replace(".", ",")
                metric, unit, quote = "coverage_pct", "persen", f"cakupan {value} persen"
            else:
                value = f"{rng.randint(10_000, 9_000_000):,}".replace(",", ".")
                metric, unit, quote = "participants", "pekerja", f"sebanyak {value} pekerja terlindungi"
            rows.append({
                "province": rng.choice(vocab.province_forms[code]), "year": str(year), "metric": metric,
                "value": value, "unit": unit,
                "as_of": rng.choice((f"{year}-12", f"{year}-12-31", str(year), "")),
                "source_url": f"https://example.org/synthetic/coverage/{year}/{code}",
                "source_date": date(year + 1, rng.randint(1, 12), rng.randint(1, 28)).isoformat(),
                "quote": quote})
    return rows


def make_dataset(target: Path, winner_rows: int, seed: int = 0, coverage_years: int = 20) -> Path:
    """Write a complete valid data folder at `target` (new or empty); same arguments, same bytes."""
    target = Path(target)
    if winner_rows < 1:
        raise ValueError("winner_rows must be at least 1")
    if not 1 <= coverage_years <= LAST_COVERAGE_YEAR - 2000 + 1:
        raise ValueError(f"coverage_years must be 1..{LAST_COVERAGE_YEAR - 2000 + 1}")
    if target.exists() and any(target.iterdir()):
        raise FileExistsError(f"{target} is not empty")
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REAL_DATA / "regions", target / "regions")
    shutil.copytree(REAL_DATA / "categories", target / "categories")
    shutil.copyfile(REAL_DATA / "editions.csv", target / "editions.csv")
    vocab = Vocabulary(REAL_DATA)
    rng = random.Random(seed)
    maker = WinnerMaker(vocab, rng)
    editions = sorted(vocab.editions)
    per_edition = defaultdict(list)
    for n in range(1, winner_rows + 1):
        edition = editions[(n - 1) % len(editions)]
        per_edition[edition].append(maker.row(n, edition))
    for edition in editions:
        if per_edition[edition]:
            _write(target / "winners" / f"{edition}.csv", WINNER_COLUMNS, per_edition[edition])
    _write(target / "coverage" / "coverage.csv", COVERAGE_COLUMNS,
           _coverage_rows(vocab, rng, coverage_years))
    return target
