"""'Cite this page' on edition, province and regency pages: citation text, permalink and data version."""

from __future__ import annotations

from paritrana_core.page import Link
from paritrana_core.settings import site_name
from paritrana_core.urls import absolute
from paritrana_i18n.catalog import lang_for

from .paths import SLICE_FORMATS, Paths, data_page
from .version import DataVersion

CC_BY = {"id": "https://creativecommons.org/licenses/by/4.0/deed.id",
         "en": "https://creativecommons.org/licenses/by/4.0/"}


def citation_text(lang, site: str, title: str, permalink: str, version: DataVersion) -> str:
    """'Arsip Paritrana Award. “Paritrana Award 2023”. Diakses dari <permalink>. Versi data <digest> (<date>).
    CC BY 4.0.' in the language of `lang`."""
    _ = lang._
    if version.date:
        return _("%(site)s. “%(title)s”. Retrieved from %(permalink)s. Data version %(digest)s (%(date)s). "
                 "CC BY 4.0.", site=site, title=title, permalink=permalink, digest=version.digest,
                 date=lang.date(version.date))
    return _("%(site)s. “%(title)s”. Retrieved from %(permalink)s. Data version %(digest)s. CC BY 4.0.",
             site=site, title=title, permalink=permalink, digest=version.digest)


def _files(page, index, paths: Paths) -> tuple[list[Link], Link | None]:
    """The downloads and API document holding exactly this page's data."""
    kind, *rest = page.key
    if kind == "edition":
        base, api = paths.edition(rest[0]), paths.api_edition(rest[0])
    elif kind == "province":
        slug = index.provinces[rest[0]].slug
        base, api = paths.province(slug), paths.api_province(slug)
    elif kind == "regency":
        return [], Link("JSON (API)", paths.api_regency(rest[0]))
    else:
        return [], None
    return [Link(fmt.upper(), f"{base}.{fmt}") for fmt in SLICE_FORMATS], Link("JSON (API)", api)


def citation(page, index, settings, version: DataVersion, lang) -> dict:
    """Template values of the cite block (plain text: the template escapes)."""
    permalink = absolute(settings, page.url)
    files, api = _files(page, index, Paths(settings))
    return {"text": citation_text(lang, site_name(settings), page.title, permalink, version), "permalink": permalink,
            "digest": version.digest, "date": lang.date(version.date) if version.date else None,
            "date_iso": version.date.isoformat() if version.date else None,
            "version_url": data_page(page.lang) + "#versi-data", "licence_url": CC_BY.get(page.lang, CC_BY["en"]),
            "files": files, "api": api}


def add_citations(pages, index, settings, version: DataVersion) -> None:
    """Give every page of a citable type its `cite` template variable."""
    wanted = set(settings["PARITRANA_DOWNLOADS_CITE_TEMPLATES"])
    langs = {}
    for page in pages:
        if page.template in wanted:
            lang = langs.setdefault(page.lang, lang_for(settings, page.lang))
            page.values["cite"] = citation(page, index, settings, version, lang)


def _download_sets(page, index, paths: Paths, _) -> list[dict]:
    """The files of a page's data, offered at its top: what the press asks for first, first."""
    kind, *rest = page.key
    sets = []
    if kind == "edition":
        national = any(w.level == "nasional" for w in index.by_edition.get(rest[0], []))
        if rest[0] is not None and rest[0] in index.editions and national:
            sets.append((_("National round only"), paths.edition_national(rest[0]), None))
        sets.append((_("All results of this edition"), paths.edition(rest[0]), paths.api_edition(rest[0])))
    elif kind == "province":
        slug = index.provinces[rest[0]].slug
        sets += [(_("Winners"), paths.province(slug), paths.api_province(slug)),
                 (_("Coverage figures"), paths.province_coverage(slug), None)]
    elif kind == "category":
        sets.append((_("Winners in this category"), paths.category(rest[0]), None))
    found = []
    for label, base, api in sets:  # a slice's JSON is the API document with the same rows, where there is one
        files = [Link(fmt.upper() if fmt != "xlsx" else "Excel", f"{base}.{fmt}") for fmt in SLICE_FORMATS]
        found.append({"label": label, "files": files + ([Link("JSON (API)", api)] if api else [])})
    return found


def add_download_links(pages, index, settings) -> None:
    """Give edition, province and category pages their `downloads_top` (shown near the top of the page)."""
    paths, langs = Paths(settings), {}
    for page in pages:
        if page.template in ("edition", "province", "category"):
            lang = langs.setdefault(page.lang, lang_for(settings, page.lang))
            page.values["downloads_top"] = _download_sets(page, index, paths, lang._)
            page.values["downloads_data_url"] = data_page(page.lang)
