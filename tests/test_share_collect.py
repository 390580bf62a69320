"""collect() on the bundled data, in process: absolute URLs for a public SITEURL, and what it hands on."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from paritrana_core.index import DataIndex
from paritrana_core.settings import apply_for
from paritrana_i18n.catalog import lang_for
from paritrana_pages.generator import build_pages
from paritrana_share.collect import STATE, ShareError, check_slugs, collect

from site_build import ROOT, dataset

SITEURL = "https://arsip.example"


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    settings = {"PATH": str(ROOT / "content"), "OUTPUT_PATH": str(tmp_path_factory.mktemp("out")),
                "THEME": str(ROOT / "theme"), "PARITRANA_LANGUAGES": ("id", "en"), "SITEURL": SITEURL}
    apply_for(settings, "paritrana_pages", "paritrana_share")
    index = DataIndex(dataset())
    pages = build_pages(index, settings)
    sender = SimpleNamespace(context={"SITEURL": SITEURL})
    collect(sender, pages=pages, index=index, settings=settings)
    return sender.context, pages, index


def test_snippets_and_qr_codes_use_the_public_address(collected):
    import segno

    context, pages, _index = collected
    regency = next(p for p in pages if p.key[0] == "regency" and p.lang == "en" and p.values["share"]["kit"]["badges"])
    badge = regency.values["share"]["kit"]["badges"][0]
    assert badge.snippet.startswith(f'<a href="{SITEURL}/{regency.url}"><img src="{SITEURL}/lencana/')
    assert f'width="{badge.width}" height="{badge.height}"' in badge.snippet
    summary = next(p for p in context[STATE]["print_pages"]
                   if p.key == ("print",) + regency.key and p.lang == regency.lang)
    assert summary.url == regency.url + "print/"
    assert summary.values["summary"]["permalink"] == f"{SITEURL}/{regency.url}"
    expected = segno.make(f"{SITEURL}/{regency.url}", error="m").svg_inline(omitsize=True)
    qr = str(summary.values["summary"]["qr"])
    path = qr.split(' d="', 2)[2].split('"', 1)[0]  # the dark modules' path
    assert path in expected
    assert summary.alternates == {"en": summary.url, "id": summary.url.replace("en/province/", "provinsi/")
                                  .replace("/print/", "/cetak/")}


def test_every_data_page_gets_a_share_image_and_the_site_image_is_in_the_context(collected):
    context, pages, _index = collected
    images = context[STATE]["images"]
    for page in pages:
        share = page.values["share"]
        assert share["image"] in images and (share["width"], share["height"]) == (1200, 630)
        assert share["alt"].endswith(".")
    assert set(context["share_site"]) == {"id", "en"}
    assert {s["image"] for s in context["share_site"].values()} == {"gambar/bagikan/situs.png",
                                                                     "en/images/share/site.png"}


def test_each_located_award_has_exactly_one_badge_per_language(collected):
    context, pages, index = collected
    located = {w.id for w in index.data.winners if w.province}
    for lang in ("id", "en"):
        ids = [b.id for p in pages if p.lang == lang and "kit" in p.values["share"]
               for b in p.values["share"]["kit"]["badges"]]
        assert sorted(ids) == sorted(located)
    # One file per award holds both languages' badges (free hosts cap the number of files).
    assert sorted(context[STATE]["badges"]) == sorted(f"lencana/{w}.svg" for w in located)
    assert all(list(views) == ["id", "en"] for views in context[STATE]["badges"].values())


def test_numbers_in_the_cards_follow_the_language(collected):
    """Counts go through Lang.number: 1.234 in Indonesian, 1,234 in English."""
    _context, _pages, index = collected
    from paritrana_core.labels import Labels
    from paritrana_share.facts import site_card

    settings = {"THEME": str(ROOT / "theme"), "PARITRANA_LANGUAGES": ("id", "en")}
    big = SimpleNamespace(**{**vars(index), "data": SimpleNamespace(winners=range(12345))})
    big.editions_with_winners = index.editions_with_winners
    assert site_card(big, Labels(index, lang_for(settings, "id")))["stat"].startswith("12.345 pemenang")
    assert site_card(big, Labels(index, lang_for(settings, "en")))["stat"].startswith("12,345 winners")


def test_a_regency_slug_that_clashes_with_the_print_folder_is_refused(collected):
    _context, _pages, index = collected
    code = next(iter(index.regencies))
    clash = SimpleNamespace(regencies={code: SimpleNamespace(slug="cetak")})
    with pytest.raises(ShareError, match="cetak"):
        check_slugs(clash)
