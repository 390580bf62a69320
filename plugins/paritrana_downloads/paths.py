"""Where every download, API document and page of this plugin lives (site-relative, no leading slash)."""

from __future__ import annotations

UNDATED_FILE = "tanpa-tahun"  # unduh/tahun/tanpa-tahun.csv, like the Indonesian undated page
UNDATED_API = "undated"       # api/v1/editions/undated.json, like the API's English names
FORMATS = ("csv", "xlsx", "json")
DATA_PAGES = {"id": "data/", "en": "en/data/"}
# A slice (one edition, round, province or category) comes as CSV and XLSX only: its JSON rows are
# those of an API document (editions/<year>.json, provinces/<slug>.json), which the data page links.
SLICE_FORMATS = ("csv", "xlsx")
WHOLE = ("winners", "coverage")  # the keys of the whole-dataset downloads, offered in every format


def formats_of(key: str) -> tuple[str, ...]:
    """The formats a download is written in: all for the whole dataset, CSV and XLSX for a slice."""
    return FORMATS if key in WHOLE else SLICE_FORMATS


def data_page(lang: str) -> str:
    """The data page of a language: 'data/' or 'en/data/'."""
    return DATA_PAGES[lang]


class Paths:
    """Download and API paths from the plugin's settings."""

    def __init__(self, settings):
        self.dir = settings["PARITRANA_DOWNLOADS_DIR"]
        self.api = settings["PARITRANA_DOWNLOADS_API_DIR"]
        self.datapackage = settings["PARITRANA_DOWNLOADS_DATAPACKAGE"]

    def all_winners(self) -> str:
        return f"{self.dir}/paritrana-pemenang"

    def coverage(self) -> str:
        return f"{self.dir}/paritrana-cakupan"

    def edition(self, year: int | None) -> str:
        return f"{self.dir}/tahun/{year if year is not None else UNDATED_FILE}"

    def province(self, slug: str) -> str:
        return f"{self.dir}/provinsi/{slug}"

    def edition_national(self, year: int) -> str:
        """The national round of an edition alone: what the press asks for first."""
        return f"{self.dir}/tahun/{year}-nasional"

    def province_coverage(self, slug: str) -> str:
        """A province's coverage figures, beside its winners."""
        return f"{self.dir}/provinsi/{slug}-cakupan"

    def category(self, slug: str) -> str:
        return f"{self.dir}/kategori/{slug.replace('_', '-')}"

    def api_doc(self, *parts: str | int) -> str:
        return "/".join([self.api, *map(str, parts)]) + ".json"

    def api_edition(self, year: int | None) -> str:
        return self.api_doc("editions", year if year is not None else UNDATED_API)

    def api_province(self, slug: str) -> str:
        return self.api_doc("provinces", slug)

    def api_regency(self, code: str) -> str:
        return self.api_doc("regencies", code)
