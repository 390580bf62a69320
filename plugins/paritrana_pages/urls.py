"""The one place that knows the site's URLs: every link and output path comes from here."""

from __future__ import annotations

DEFAULT_LANG = "id"
SEGMENTS = {
    "home": {"id": "", "en": ""},
    "editions": {"id": "tahun", "en": "year"},
    "provinces": {"id": "provinsi", "en": "province"},
    "categories": {"id": "kategori", "en": "category"},
    "standings": {"id": "klasemen", "en": "standings"},
}
UNDATED = {"id": "tanpa-tahun", "en": "undated"}


def url(kind: str, lang: str, *parts: str | int) -> str:
    """Site-relative URL without a leading slash, e.g. 'en/year/2024/' (templates add SITEURL/)."""
    pieces = [] if lang == DEFAULT_LANG else [lang]
    segment = SEGMENTS[kind][lang]
    if segment:
        pieces.append(segment)
    pieces.extend(str(p) for p in parts)
    return "/".join(pieces) + "/" if pieces else ""


def edition_url(lang: str, year: int | None) -> str:
    """An edition's archive; undated rows have their own page."""
    return url("editions", lang, year if year is not None else UNDATED[lang])


def save_as(page_url: str) -> str:
    """Output file for a URL: 'tahun/2024/' -> 'tahun/2024/index.html'."""
    return page_url + "index.html"
