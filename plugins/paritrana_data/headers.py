"""Column headers as people write them: Indonesian and English names for each data column."""

from __future__ import annotations

import difflib
import re
import unicodedata

IGNORE = "-"  # a numbering column: read past, never data

NUMBERING = ("no", "no.", "nomor", "no urut", "nomor urut", "#", "number")
SHARED = {
    "source_url": ("sumber", "tautan sumber", "link sumber", "sumber berita", "url sumber", "url", "link",
                   "tautan", "source", "source link"),
    "source_date": ("tanggal sumber", "tanggal berita", "tanggal terbit", "source date", "published"),
    "quote": ("kutipan", "kutipan sumber", "quote", "quotation"),
}
WINNER_HEADERS = {
    "edition": ("edisi", "tahun penilaian", "periode penilaian", "edition", "assessment year"),
    "label_year": ("tahun", "tahun penghargaan", "tahun sumber", "award year", "award_year", "year"),
    "level": ("tingkat", "babak", "level", "round"),
    "zone": ("zona", "zone"),
    "scope_province": ("provinsi penyelenggara", "penyelenggara", "scope province", "round province"),
    "category": ("kategori", "kategori penghargaan", "category"),
    "sector": ("sektor", "sektor usaha", "sector"),
    "rank": ("juara", "peringkat", "ranking", "posisi", "rank", "place"),
    "title": ("predikat", "penghargaan", "nama penghargaan", "gelar", "title", "award"),
    "winner_name": ("nama penerima", "nama pemenang", "penerima", "pemenang", "penerima penghargaan",
                    "nama instansi", "nama perusahaan", "nama badan usaha", "nama", "winner", "name",
                    "recipient"),
    "winner_kind": ("jenis penerima", "jenis", "kind", "winner kind"),
    "winner_province": ("provinsi", "provinsi penerima", "asal provinsi", "province", "winner province"),
    "winner_regency": ("kabupaten/kota", "kab/kota", "kabupaten kota", "kota/kabupaten", "kabupaten",
                       "asal kabupaten/kota", "regency", "regency/city", "winner regency"),
    "ceremony_date": ("tanggal penyerahan", "tanggal penganugerahan", "tanggal upacara", "ceremony date",
                      "tanggal"),
    "note": ("catatan", "keterangan", "ket", "note", "notes"),
    **SHARED,
}
COVERAGE_HEADERS = {
    "province": ("provinsi", "nama provinsi", "province"),
    "year": ("tahun", "tahun data", "year"),
    "metric": ("metrik", "indikator", "ukuran", "metric"),
    "value": ("nilai", "angka", "cakupan", "capaian", "cakupan kepesertaan", "coverage", "value"),
    "unit": ("satuan", "unit"),
    "as_of": ("data per", "per tanggal", "posisi data", "as of"),
    "basis": ("dasar", "dasar perhitungan", "basis perhitungan", "basis"),
    **SHARED,
}
# A header that names a percentage of coverage says the metric and unit too.
IMPLIED = {"value": {"%": {"metric": "coverage_pct", "unit": "persen"}}}


def header_key(text: str) -> str:
    """Compare headers without case, accents, spacing, punctuation or a unit in brackets."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", text)
    return re.sub(r"[^a-z0-9#]+", "", text)


class Headers:
    """Maps the headers of one kind of file (winners, coverage) to its columns."""

    def __init__(self, columns: tuple[str, ...], aliases: dict[str, tuple[str, ...]]):
        self.columns = columns
        self.aliases = aliases
        self._map = {header_key(c): c for c in columns}
        for column, names in aliases.items():
            for name in names:
                self._map.setdefault(header_key(name), column)
        for name in NUMBERING:
            self._map.setdefault(header_key(name), IGNORE)

    def column(self, header: str) -> str | None:
        """The column a header names, IGNORE for a numbering column, None when unknown."""
        return self._map.get(header_key(header)) if header_key(header) else None

    def implied(self, header: str) -> dict[str, str]:
        """Values a header itself states: 'Cakupan (%)' is a coverage percentage."""
        column = self.column(header)
        return next((v for mark, v in IMPLIED.get(column, {}).items() if mark in header), {})

    def closest(self, header: str) -> str | None:
        """The known header most like an unknown one: 'nama penerima' (winner_name)."""
        names = {n: c for c, ns in self.aliases.items() for n in ns} | {c: c for c in self.columns}
        by_key = {header_key(n): n for n in names}
        close = difflib.get_close_matches(header_key(header), list(by_key), n=1, cutoff=0.6)
        if not close:
            return None
        name = by_key[close[0]]
        return f"'{name}'" if name == names[name] else f"'{name}' ({names[name]})"


def winner_headers(columns: tuple[str, ...]) -> Headers:
    return Headers(columns, WINNER_HEADERS)


def coverage_headers(columns: tuple[str, ...]) -> Headers:
    return Headers(columns, COVERAGE_HEADERS)
