"""The one place that knows the site's URLs: every link, output path and absolute address comes from here.

Site-relative URLs have no leading slash ('en/year/2024/'); templates and `absolute` put the site's
address in front: '' for a local build, SITEURL (e.g. https://example.org/arsip) for the public site.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from jinja2 import pass_context
from markupsafe import Markup, escape

from .settings import DEFAULT_LANG

SEGMENTS = {
    "home": {"id": "", "en": ""},
    "editions": {"id": "tahun", "en": "year"},
    "provinces": {"id": "provinsi", "en": "province"},
    "categories": {"id": "kategori", "en": "category"},
    "standings": {"id": "klasemen", "en": "standings"},
}
UNDATED = {"id": "tanpa-tahun", "en": "undated"}
# The editorial pages (content/pages): their Key and URL in every language.
EDITORIAL = {"id": {"about": "tentang/", "method": "metode/", "sources": "sumber/", "corrections": "koreksi/"},
             "en": {"about": "en/about/", "method": "en/method/", "sources": "en/sources/",
                    "corrections": "en/corrections/"}}
NOT_FOUND = "404.html"


def url(kind: str, lang: str, *parts: str | int) -> str:
    """Site-relative URL without a leading slash, e.g. 'en/year/2024/'."""
    pieces = [] if lang == DEFAULT_LANG else [lang]
    segment = SEGMENTS[kind][lang]
    if segment:
        pieces.append(segment)
    pieces.extend(str(p) for p in parts)
    return "/".join(pieces) + "/" if pieces else ""


def edition_url(lang: str, year: int | None) -> str:
    """An edition's archive; undated rows have their own page."""
    return url("editions", lang, year if year is not None else UNDATED[lang])


def province_url(index, lang: str, code: str) -> str:
    """A province's page, from the data index: 'provinsi/aceh/'."""
    return url("provinces", lang, index.provinces[code].slug)


def regency_url(index, lang: str, code: str) -> str:
    """A kabupaten/kota's page, under its province: 'provinsi/aceh/kota-banda-aceh/'."""
    regency = index.regencies[code]
    return url("provinces", lang, index.provinces[regency.province_code].slug, regency.slug)


def category_url(lang: str, slug: str) -> str:
    """A category's page: 'kategori/perusahaan-besar/'."""
    return url("categories", lang, slug.replace("_", "-"))


def not_found_url(lang: str) -> str:
    """The 404 page of a language: '404.html', 'en/404.html'."""
    return url("home", lang) + NOT_FOUND


def save_as(page_url: str) -> str:
    """Output file for a URL: 'tahun/2024/' -> 'tahun/2024/index.html' ('404.html' stays as it is)."""
    return page_url if page_url.endswith(".html") else page_url + "index.html"


def siteurl(settings) -> str:
    """The site's address without a trailing slash ('' for a local build), from settings or a template context."""
    return (settings.get("SITEURL") or "").rstrip("/")


def join(base: str, path: str) -> str:
    """`path` (site-relative) under the address `base`: '/path' when `base` is ''."""
    return f"{(base or '').rstrip('/')}/{path}"


def absolute(settings, path: str) -> str:
    """A link that works outside the site too: SITEURL/path for the public site, '/path' locally."""
    return join(siteurl(settings), path)


@pass_context
def at_site(context, path) -> Markup:
    """The template filter `at_site`: a site-relative path under the site's address, escaped for HTML."""
    return escape(siteurl(context)) + Markup("/") + escape(path)


def served_path(settings) -> str:
    """The path the site is served under: '/' locally, '/arsip/' for SITEURL https://host/arsip."""
    return urlsplit(siteurl(settings)).path.rstrip("/") + "/"
