"""The built site has every page of the data in both languages, and shows every record on its pages."""

from __future__ import annotations

from datetime import date

import pytest

from site_build import built_site  # noqa: F401
from site_build import dataset, fmt_date, fmt_figure, fmt_partial, pairs, winner_urls

DATA = dataset()
PAIRS = pairs(DATA)
LANGS = ("id", "en")
PROVINCE_SLUGS = {p.code: p.slug for p in DATA.provinces}


def in_lang(url: str, lang: str) -> str:
    return url if lang == "id" else PAIRS[url]


def norm(text: str) -> str:
    return " ".join(text.split())


# --- every page type, both languages --------------------------------------------------------

def _regency_pages(data):
    regencies = {r.code: r for r in data.regencies}
    codes = sorted({w.regency for w in data.winners if w.regency})
    return [f"/provinsi/{PROVINCE_SLUGS[regencies[c].province_code]}/{regencies[c].slug}/" for c in codes]


PAGE_TYPES = {
    "home": lambda d: ["/"],
    "editions-index": lambda d: ["/tahun/"],
    "edition": lambda d: [f"/tahun/{e.year}/" for e in d.editions],
    "undated": lambda d: ["/tahun/tanpa-tahun/"],
    "provinces-index": lambda d: ["/provinsi/"],
    "province": lambda d: [f"/provinsi/{p.slug}/" for p in d.provinces],
    "regency": _regency_pages,
    "categories-index": lambda d: ["/kategori/"],
    "category": lambda d: [f"/kategori/{c.slug.replace('_', '-')}/" for c in d.categories],
    "editorial": lambda d: ["/tentang/", "/metode/", "/sumber/", "/koreksi/"],
    "not-found": lambda d: ["/404.html"],
}
EXPECTED_EN = {"/": "/en/", "/tahun/": "/en/year/", "/tahun/tanpa-tahun/": "/en/year/undated/",
               "/provinsi/": "/en/province/", "/kategori/": "/en/category/", "/404.html": "/en/404.html",
               "/tentang/": "/en/about/", "/metode/": "/en/method/", "/sumber/": "/en/sources/",
               "/koreksi/": "/en/corrections/"}
SEGMENT_EN = {"tahun": "year", "provinsi": "province", "kategori": "category"}


def test_the_data_has_what_the_page_types_need():
    assert len(DATA.provinces) == 38
    assert any(w.edition is None for w in DATA.winners), "undated rows exist, so the undated page must"
    assert _regency_pages(DATA), "some winners have a regency"


@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_page_type_exists_in_both_languages(built_site, kind):  # noqa: F811
    urls = PAGE_TYPES[kind](DATA)
    assert urls
    missing = []
    for url in urls:
        first, _, rest = url.strip("/").partition("/")
        en = EXPECTED_EN[url] if url in EXPECTED_EN else f"/en/{SEGMENT_EN[first]}/{rest}/"
        missing += [u for u in (url, en) if u not in built_site.pages]
    assert not missing, f"{kind}: {len(missing)} page(s) not built: {missing[:20]}"


# --- every record on its pages --------------------------------------------------------------

@pytest.mark.parametrize("winner", sorted(DATA.winners, key=lambda w: w.id), ids=lambda w: w.id)
def test_winner_appears_on_its_pages(built_site, winner):  # noqa: F811
    problems = []
    for lang in LANGS:
        for kind, id_url in winner_urls(DATA, winner).items():
            url = in_lang(id_url, lang)
            page = built_site.pages.get(url)
            if page is None:
                problems.append(f"{url} ({kind}) not built")
                continue
            row = page.by_id(winner.id)
            if row is None:
                problems.append(f"{url} ({kind}): no element with id {winner.id}")
                continue
            names = [el.text() for el in row.find_all(cls="winner-name")]
            if names != [norm(winner.name)]:
                problems.append(f"{url} ({kind}): #{winner.id} shows names {names}, expected {winner.name!r}")
            if winner.source_url not in [a.attrs.get("href") for a in row.find_all("a")]:
                problems.append(f"{url} ({kind}): #{winner.id} lacks a link to {winner.source_url}")
    assert not problems, f"{winner.file}:{winner.row} ({winner.name}):\n" + "\n".join(problems)


@pytest.mark.parametrize("figure", sorted(DATA.coverage, key=lambda f: f.id), ids=lambda f: f.id)
def test_coverage_figure_appears_on_its_province_page(built_site, figure):  # noqa: F811
    problems = []
    for lang in LANGS:
        url = in_lang(f"/provinsi/{PROVINCE_SLUGS[figure.province]}/", lang)
        row = built_site.pages[url].by_id(figure.id)
        if row is None:
            problems.append(f"{url}: no element with id {figure.id}")
            continue
        value = [td.text() for td in row.find_all("td", cls="num")]
        if value != [fmt_figure(figure, lang)]:
            problems.append(f"{url}: #{figure.id} value {value}, expected {fmt_figure(figure, lang)!r}")
        cells = [td.text() for td in row.find_all("td")]
        if figure.as_of and fmt_partial(figure.as_of, lang) not in cells:
            problems.append(f"{url}: #{figure.id} cells {cells} lack the date {fmt_partial(figure.as_of, lang)!r}")
        if figure.source_url not in [a.attrs.get("href") for a in row.find_all("a")]:
            problems.append(f"{url}: #{figure.id} lacks a link to {figure.source_url}")
    assert not problems, f"{figure.file}:{figure.row}:\n" + "\n".join(problems)


def test_every_source_url_is_linked(built_site):  # noqa: F811
    hrefs = {el.attrs["href"] for url in built_site.pages for el in built_site.pages[url].find_all("a")
             if "href" in el.attrs}
    urls = {w.source_url for w in DATA.winners} | {f.source_url for f in DATA.coverage}
    urls |= {e.national_source_url for e in DATA.editions if e.national_source_url}
    missing = sorted(urls - hrefs)
    assert not missing, f"{len(missing)} source URL(s) never linked: {missing[:10]}"


# --- numbers and dates in each language -----------------------------------------------------

@pytest.mark.parametrize(("url", "coverage", "participants"), [
    ("/provinsi/bali/", "41,61%", "2.617.816"),
    ("/en/province/bali/", "41.61%", "2,617,816"),
])
def test_bali_figures_are_localised(built_site, url, coverage, participants):  # noqa: F811
    bali = [f for f in DATA.coverage if f.province == "51" and f.year == 2024]
    pct = next(f for f in bali if f.metric == "coverage_pct" and f.value == 41.61)
    people = next(f for f in bali if f.metric == "participants" and f.value == 2617816)
    page = built_site.pages[url]
    assert [td.text() for td in page.by_id(pct.id).find_all("td", cls="num")] == [coverage]
    assert [td.text() for td in page.by_id(people.id).find_all("td", cls="num")] == [participants]


@pytest.mark.parametrize(("url", "shown", "not_shown"), [
    ("/tahun/2023/", "12 September 2024", "September 12, 2024"),
    ("/en/year/2023/", "September 12, 2024", "12 September 2024"),
])
def test_ceremony_date_is_localised(built_site, url, shown, not_shown):  # noqa: F811
    assert next(e for e in DATA.editions if e.year == 2023).national_ceremony == date(2024, 9, 12)
    text = built_site.pages[url].text()
    assert shown in text
    assert not_shown not in text


@pytest.mark.parametrize("edition", [e for e in DATA.editions if e.national_ceremony], ids=lambda e: str(e.year))
@pytest.mark.parametrize("lang", LANGS)
def test_edition_ceremony_dates(built_site, edition, lang):  # noqa: F811
    expected = fmt_date(edition.national_ceremony, lang)
    for url in (f"/tahun/{edition.year}/", "/tahun/"):
        assert expected in built_site.pages[in_lang(url, lang)].text(), in_lang(url, lang)


def test_source_dates_are_localised_on_every_page(built_site):  # noqa: F811
    problems = []
    for w in DATA.winners:
        if w.source_date is None:
            continue
        for lang in LANGS:
            expected = ", " + fmt_date(w.source_date, lang)
            for id_url in winner_urls(DATA, w).values():
                row = built_site.pages[in_lang(id_url, lang)].by_id(w.id)
                shown = [el.text() for el in row.find_all(cls="source-date")] if row is not None else None
                if shown != [expected.strip()] and shown != [expected]:
                    problems.append(f"{in_lang(id_url, lang)}#{w.id}: {shown}, expected {expected!r}")
    assert not problems, "\n".join(problems[:30])
