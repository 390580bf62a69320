"""The share kit's words and choices (issue 14 item 6), table-driven, and what collect() makes of the bundled data.

Expected values are written by hand from the data files and the issue, never taken from the plugin.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from paritrana_core.index import DataIndex
from paritrana_core.labels import Labels
from paritrana_core.settings import apply_for
from paritrana_i18n.catalog import lang_for
from paritrana_pages.generator import build_pages
from paritrana_share.collect import STATE, collect
from paritrana_share.words import best_result, rank_words, title_word

from datahelp import csv_rows
from site_build import ROOT, dataset

SETTINGS = {"PATH": str(ROOT / "content"), "THEME": str(ROOT / "theme"), "PARITRANA_LANGUAGES": ("id", "en")}


def award(title="Juara 1", rank=1, distinction="winner", level="nasional", edition=2023, kind="pemkab", name="X"):
    return SimpleNamespace(title=title, rank=rank, distinction=distinction, level=level, edition=edition, kind=kind,
                           name=name, id=f"w{title}{rank}{level}{edition}{name}")


@pytest.fixture(scope="module")
def labels():
    settings = dict(SETTINGS)
    index = DataIndex(dataset())
    return {code: Labels(index, lang_for(settings, code)) for code in ("id", "en")}


@pytest.mark.parametrize("title, word", [
    ("Juara 1", "Juara"), ("juara pertama Kategori Desa", "Juara"), ("Terbaik I kategori Pemerintah Provinsi", "Terbaik"),
    ("UKM Terbaik 2", "Terbaik"), ("Juara II kategori desa terbaik", "Juara"),
    ("peringkat II terbaik tingkat kabupaten/kota", "Peringkat"), ("jawara kategori perusahaan besar", "Juara"),
    ("disusul", None), ("Kategori Perusahaan Besar (dimenangkan)", None)])
def test_the_word_a_title_uses_for_its_place(title, word):
    assert title_word(title) == word


@pytest.mark.parametrize("values, id_words, en_words", [
    (dict(title="Juara 1", rank=1), "Juara 1", "1st place"),
    (dict(title="Terbaik 2 (Jasa Keuangan)", rank=2), "Terbaik 2", "2nd place"),
    (dict(title="peringkat ketiga", rank=3), "Peringkat 3", "3rd place"),
    (dict(title="disusul", rank=2), "Peringkat 2", "2nd place"),  # no word in the title: the site's own label
    (dict(title="Harapan I kategori pemerintah kabupaten/kota", rank=None, distinction="harapan"),
     "Harapan 1", "Honourable mention 1"),
    (dict(title="harapan", rank=None, distinction="harapan"), "Harapan", "Honourable mention"),
    (dict(title="kategori UMKM (juara)", rank=None), "Juara", "Winner"),
    (dict(title="Pemerintah Provinsi Terbaik", rank=None), "Terbaik", "Winner"),
    (dict(title="peraih Paritrana Award 2024 Zona Sulawesi", rank=None), "Pemenang", "Winner"),
])
def test_rank_words_follow_the_title_and_never_invent_a_place(labels, values, id_words, en_words):
    w = award(**values)
    assert rank_words(labels["id"], w) == id_words
    assert rank_words(labels["en"], w) == en_words


def test_the_best_result_is_national_then_the_better_place_then_the_newer_edition():
    old_first = award(rank=1, edition=2019)
    new_second = award(rank=2, edition=2023)
    provincial_first = award(rank=1, level="provinsi", edition=2024)
    harapan = award(title="Harapan I", rank=None, distinction="harapan", edition=2024)
    unranked = award(title="Terbaik", rank=None, edition=2024)
    assert best_result([provincial_first, new_second, old_first], []) is old_first
    assert best_result([harapan, unranked, provincial_first], []) is unranked
    assert best_result([old_first, new_second, award(rank=1, edition=2022)], []).edition == 2022
    own = award(rank=3, kind="pemkab")
    assert best_result([old_first, own], [own]) is own  # the government's own result comes first
    assert best_result([], []) is None


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    settings = {**SETTINGS, "OUTPUT_PATH": str(tmp_path_factory.mktemp("out")), "SITEURL": "https://arsip.example"}
    apply_for(settings, "paritrana_pages", "paritrana_share")
    index = DataIndex(dataset())
    pages = build_pages(index, settings)
    sender = SimpleNamespace(context={"SITEURL": settings["SITEURL"]})
    collect(sender, pages=pages, index=index, settings=settings)
    return sender.context, pages, index


def _page(pages, kind, code, lang):
    return next(p for p in pages if p.key == (kind, code) and p.lang == lang)


def _province(index, name):
    return next(code for code, p in index.provinces.items() if p.name == name)


def test_jawa_timur_counts_its_government_awards_and_all_awards_apart(collected):
    context, pages, index = collected
    data = index.data
    code = _province(index, "Jawa Timur")
    own = sum(w.province == code and w.kind == "pemprov" for w in data.winners)
    everyone = sum(w.province == code for w in data.winners)
    # Counted from data/winners/*.csv as written (winner_province, winner_kind), not through the data layer.
    rows = [r for r in csv_rows(ROOT / "data" / "winners") if r["winner_province"] == "Jawa Timur"]
    assert (own, everyone) == (sum(r["winner_kind"] == "pemprov" for r in rows), len(rows))
    assert 1 < own < everyone, "the province government and others have won"
    spec = context[STATE]["images"][_page(pages, "province", code, "id").values["share"]["image"]]
    assert spec["stat"] == f"{own} penghargaan untuk pemerintah provinsi"
    assert spec["note"] == f"{everyone} penghargaan seluruhnya di Jawa Timur, termasuk desa dan badan usaha."
    assert "Paritrana Award 2024" in spec["title"] and spec["title"].endswith("Pemerintah Provinsi Jawa Timur")
    en = context[STATE]["images"][_page(pages, "province", code, "en").values["share"]["image"]]
    assert en["stat"] == f"{own} awards to the provincial government"
    assert en["note"].startswith(f"{everyone} awards in East Java")


def test_bungo_headlines_its_best_result_in_its_own_words(collected):
    context, pages, index = collected
    code = next(c for c, r in index.regencies.items() if r.name == "Kabupaten Bungo")
    spec = context[STATE]["images"][_page(pages, "regency", code, "id").values["share"]["image"]]
    # data/winners: Bungo's government, "Terbaik 1", provincial round of Jambi, edition 2024 (label 2024)
    assert spec["title"] == "Terbaik 1 · Paritrana Award 2024 · Kabupaten Bungo"
    assert spec["kicker"] == "Kabupaten Bungo · Jambi"


def test_every_place_kit_has_a_square_twin_of_its_card_and_a_png_badge_of_its_best_result(collected):
    context, pages, index = collected
    images = context[STATE]["images"]
    for page in pages:
        share = page.values["share"]
        assert ("square" in share) == ("kit" in share), f"{page.url}: a square image exactly where a kit offers it"
        if "square" in share:
            square = images[share["square"]["image"]]
            assert square["format"] == "square" and {**square, "format": "wide"} == {**images[share["image"]],
                                                                                      "format": "wide"}
        kit = share.get("kit")
        if kit:
            png = images[kit["png"]["url"]]
            assert png["format"] == "badge" and kit["png"]["url"].startswith(f"lencana/png/{page.lang}/")
            assert png["lang"] == page.lang
    badges = [u for u in images if u.startswith("lencana/png/")]
    places = [p for p in pages if p.values["share"].get("kit")]
    assert len(badges) <= len(places), "PNG badges only for each place's best result"


def test_places_without_a_known_award_get_no_card_no_kit_and_no_print_page(collected):
    context, pages, index = collected
    data = index.data
    empty = sorted(p.code for p in data.provinces if not any(w.province == p.code for w in data.winners))
    assert empty, "the bundled data has provinces without a known award"
    printed = {p.key for p in context[STATE]["print_pages"]}
    for code in empty:
        for lang in ("id", "en"):
            share = _page(pages, "province", code, lang).values["share"]
            assert "kit" not in share and "square" not in share
            assert share["image"] == {"id": "gambar/bagikan/situs.png", "en": "en/images/share/site.png"}[lang]
        assert ("print", "province", code) not in printed
    with_awards = {p.key[1] for p in pages if p.key[0] == "province" and p.values["share"].get("kit")}
    assert with_awards == {p.code for p in data.provinces} - set(empty)


# --- drawing: the square image, the PNG badge, the palette -------------------------------------------

CARD = {"lang": "id", "brand": "Arsip Paritrana Award", "kicker": "Kabupaten Bungo · Jambi",
        "title": "Terbaik 1 · Paritrana Award 2024 · Kabupaten Bungo",
        "subtitle": "Babak provinsi: Jambi · Pemerintah Kabupaten/Kota",
        "stat": "1 penghargaan untuk pemerintah kabupaten/kota", "lines": [],
        "footer": "Arsip publik independen: setiap hasil ditautkan ke sumbernya.",
        "shape": {"rings": [[850, 200, 1100, 200, 1100, 450, 850, 450]], "here": [[900, 250, 1000, 250, 1000, 350]]}}


def _png(spec):
    import io

    from PIL import Image

    from paritrana_share import card

    return Image.open(io.BytesIO(card.png_bytes(spec)))


def test_the_square_image_is_1080_square_with_the_shape_under_the_text_and_the_same_bytes_twice():
    from paritrana_share import card

    square = {**CARD, "format": "square"}
    image = _png(square)
    assert (image.format, image.size) == ("PNG", (1080, 1080))
    assert card.png_bytes(square) == card.png_bytes(dict(square))
    rgb = image.convert("RGB")
    lower = {c for _n, c in rgb.crop((64, 1080 - 72 - 300, 1016, 1080 - 72 - 28)).getcolors(1 << 16)}
    assert card.BRAND in lower and card.LINE in lower, "the place and its province are drawn under the text"
    bottom = card.BODY_TOP + sum(g + h * len(ls) for _f, _c, ls, h, g in card.fit(square))
    assert bottom <= card.body_bottom(square) == 1080 - 72 - 28 - 300


def test_cards_keep_the_design_colours_exact_in_their_palette():
    from paritrana_share import card

    rgb = _png(CARD).convert("RGB")
    colours = {c for _n, c in rgb.getcolors(1 << 16)}
    assert {card.PAPER, card.BRAND, card.INK, card.GOLD, card.WASH, card.LINE} <= colours
    assert len(colours) <= 256


def test_the_png_badge_is_the_svg_badge_at_twice_its_size():
    from paritrana_share import badge

    inputs = {"head": "PARITRANA AWARD 2024", "place": "Terbaik 1", "rank": 1, "who": "Kabupaten Bungo",
              "details": ["Babak provinsi: Jambi", "Pemerintah Kabupaten/Kota"], "site": "Arsip Paritrana Award",
              "title": "Terbaik 1 · Paritrana Award 2024 · Kabupaten Bungo", "lang": "id"}
    svg = badge.render_badge(**inputs)
    image = _png({**inputs, "format": "badge"})
    assert image.size == (svg.width * 2, svg.height * 2)
    colours = {c for _n, c in image.convert("RGB").getcolors(1 << 16)}
    assert (122, 86, 0) in colours, "the first place in its gold ink"
